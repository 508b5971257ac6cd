"""The checklist as plain JSON-ready data: the machine-readable export."""

from __future__ import annotations

from typing import Any

from ita_tui.model import Checklist, Item, Section


def item_dict(item: Item) -> dict[str, Any]:
    """One item: its tracked state and its detail fields (null where absent)."""
    return {
        "id": item.id,
        "title": item.title,
        "status": item.status.value,
        "notes": item.notes,
        "score": item.score,
        "updated": item.updated.isoformat() if item.updated else None,
        "fields": dict(item.fields),
    }


def section_dict(section: Section, items: list[Item] | None = None) -> dict[str, Any]:
    """One section with its items (or the given subset of them)."""
    return {
        "id": section.id,
        "title": section.title,
        "group": section.group,
        "items": [item_dict(item) for item in (section.items if items is None else items)],
    }


def checklist_dict(checklist: Checklist) -> dict[str, Any]:
    """The whole checklist in the shape documented in docs/format.md."""
    progress = checklist.progress()
    return {
        "title": checklist.title,
        "organization": checklist.organization or None,
        "fiscal_year": checklist.fiscal_year,
        "overall_score": checklist.overall_score,
        "rating": checklist.rating,
        "progress": {
            "total": progress.total,
            "done": progress.done,
            "in-progress": progress.in_progress,
            "not-started": progress.not_started,
        },
        "sections": [section_dict(section) for section in checklist.sections],
    }

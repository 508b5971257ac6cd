"""What a save must change in the file: the difference between two snapshots, as a plan.

The loader records what the file holds (a :class:`~ita_tui.record.Snapshot`,
the *baseline*); the app and the command line edit the model; :func:`plan`
compares the baseline with the edited checklist's snapshot and says, for the
``[checklist]`` table and for every section and item in their new order,
where it stands in the old file (``source``; None for a new one) and which of
its keys change (old value, new value; :data:`MISSING` for a key absent on
that side).  When blocks move, every item is named, and a section or item of
the baseline that no plan names was removed; when none moves, only the items
that change are.

The plan is small (changed keys only), plain data (it is sent to the child
process that saves big files) and says nothing about text:
:mod:`ita_tui.file_edit` applies it to the file's text.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from ita_tui.record import Data, Snapshot


class Missing(Enum):
    """The value of a key that is not there (an enum, so that it survives pickling as itself)."""

    MISSING = "missing"


MISSING = Missing.MISSING
KeyChanges = dict[str, tuple[Any, Any]]


def key_changes(old: Data, new: Data) -> KeyChanges:
    """The keys whose value differs between *old* and *new*, with both values."""
    changes: KeyChanges = {}
    if old is new:  # an item the snapshot took from the baseline unchanged: most of them
        return changes
    for key, value in new.items():
        before = old.get(key, MISSING)
        if before != value:
            changes[key] = (before, value)
    for key, value in old.items():
        if key not in new:
            changes[key] = (value, MISSING)
    return changes


@dataclass(frozen=True)
class ItemPlan:
    """An item in its new place: where it stood (section, item index) or None if new; its changes."""

    source: tuple[int, int] | None
    changes: KeyChanges


@dataclass(frozen=True)
class SectionPlan:
    """A section in its new place, with its items in their new order (only the changed ones
    when the plan moves no block)."""

    source: int | None
    changes: KeyChanges
    items: tuple[ItemPlan, ...]


@dataclass(frozen=True)
class Plan:
    """Everything a save changes; *moved* when blocks are added, removed or put in another order."""

    head: KeyChanges
    sections: tuple[SectionPlan, ...]
    moved: bool

    @property
    def empty(self) -> bool:
        """True when the file stays as it is."""
        return not self.moved and not self.head and not any(self.edited())

    def edited(self) -> list[tuple[tuple[int, ...], KeyChanges]]:
        """The changes of sections ``(s,)`` and items ``(s, i)`` that stay, by their old position."""
        found: list[tuple[tuple[int, ...], KeyChanges]] = []
        for section in self.sections:
            if section.source is not None and section.changes:
                found.append(((section.source,), section.changes))
            found.extend(
                (item.source, item.changes) for item in section.items if item.source and item.changes
            )
        return found


def plan(old: Snapshot, new: Snapshot) -> Plan:
    """The plan that turns a file holding *old* into one holding *new*.

    When no block moves, a section's plan names only its items that change: a status
    change in 10,000 items is a plan of one item, quick to make and to send to the
    child process that saves big files (:mod:`ita_tui.save_worker`).
    """
    sources = {record.uid: s for s, record in enumerate(old.sections)}
    positions = old.positions()
    moved = old.layout() != new.layout()
    sections = []
    for record in new.sections:
        source = sources.get(record.uid)
        base = old.sections[source].data if source is not None else {}
        items = []
        for uid in record.items:
            changes = key_changes(old.items[uid] if uid in positions else {}, new.items[uid])
            if moved or changes:
                items.append(ItemPlan(positions.get(uid), changes))
        sections.append(SectionPlan(source, key_changes(base, record.data), tuple(items)))
    return Plan(key_changes(old.head, new.head), tuple(sections), moved)

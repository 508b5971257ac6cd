"""What the save-conflict dialog says about a merge, in the interface language (no Textual).

A merge (:mod:`ita_tui.merge`) compares my unsaved edits with the file as
someone else saved it.  Before asking, the dialog shows each field both sides
changed with both values side by side (:func:`conflict_rows`); after a choice,
it names every edit that was dropped (:func:`dropped_edits`), never a count.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ita_tui.checklist_file import ItemState
from ita_tui.i18n import Lang, status_label
from ita_tui.i18n import t as tr
from ita_tui.merge import Conflict, MergeResult
from ita_tui.model import Checklist

# Titles, and values in a sentence, are cut to these many characters.
TITLE_CHARS = 40
VALUE_CHARS = 60
SARA_AM = "\u0e33"  # not a combining mark to Unicode, yet it never starts a cluster


@dataclass(frozen=True)
class ConflictRow:
    """One field both sides changed: the item, the field and each side's value, ready to show."""

    item: str
    field: str
    mine: str
    theirs: str


def item_name(item_id: str, checklist: Checklist) -> str:
    """``M3 «title»`` of the item in *checklist*; the id alone when it is not there."""
    item = checklist.find(item_id)
    return item_id if item is None else item_label(item_id, item.title)


def item_label(item_id: str, title: str) -> str:
    """``M3 «title»``, the title on one line, cut to :data:`TITLE_CHARS` characters."""
    return f"{item_id} «{cut(' '.join(title.split()), TITLE_CHARS)}»"


def field_name(name: str, lang: Lang) -> str:
    """The interface name of an item's part: status, notes or score."""
    return tr({"status": "label.status", "notes": "label.notes", "score": "label.score"}[name], lang)


def value_text(state: ItemState, name: str, lang: Lang, *, short: bool = False) -> str:
    """*state*'s *name* part as a person reads it (``—`` for no score, ``(empty)`` for no notes).

    *short* cuts long notes to one line of :data:`VALUE_CHARS` characters (for a sentence that
    names the edit; the table shows them whole).
    """
    if name == "status":
        return status_label(state.status, lang)
    if name == "score":
        from ita_tui.thai import format_score

        return "—" if state.score is None else format_score(state.score)
    if not state.notes:
        return tr("app.merge.empty", lang)
    return cut(" ".join(state.notes.split()), VALUE_CHARS) if short else state.notes


def cut(text: str, limit: int = TITLE_CHARS) -> str:
    """*text* cut to *limit* characters with an ellipsis, never between a letter and its marks."""
    if len(text) <= limit:
        return text
    end = limit - 1
    while end > 0 and (unicodedata.category(text[end]) == "Mn" or text[end] == SARA_AM):
        end -= 1
    return text[:end].rstrip() + "…"


def conflict_rows(conflicts: list[Conflict], checklist: Checklist, lang: Lang) -> list[ConflictRow]:
    """A row for each field of each conflicting item, mine beside theirs."""
    rows: list[ConflictRow] = []
    for conflict in conflicts:
        name = item_name(conflict.item_id, checklist)
        if conflict.theirs is None:
            rows.append(ConflictRow(name, "—", tr("app.merge.edited", lang), tr("app.merge.removed", lang)))
            continue
        for part in conflict.fields():
            rows.append(
                ConflictRow(
                    name,
                    field_name(part, lang),
                    value_text(conflict.mine, part, lang),
                    value_text(conflict.theirs, part, lang),
                )
            )
    return rows


def dropped_edits(result: MergeResult, checklist: Checklist, lang: Lang) -> list[str]:
    """Each of my edits the merge did not keep, named: the item, the field, my value and theirs."""
    lost = set(result.lost)
    lines: list[str] = []
    for conflict in result.conflicts:
        if conflict.item_id not in lost:
            continue
        name = item_name(conflict.item_id, checklist)
        if conflict.theirs is None:
            lines.append(tr("app.merge.dropped_removed", lang, item=name))
            continue
        for part in conflict.fields():
            lines.append(
                tr(
                    "app.merge.dropped",
                    lang,
                    item=name,
                    field=field_name(part, lang),
                    mine=value_text(conflict.mine, part, lang, short=True),
                    theirs=value_text(conflict.theirs, part, lang, short=True),
                )
            )
    return lines


def overwritten_edits(result: MergeResult, checklist: Checklist, lang: Lang) -> list[str]:
    """Each of their edits that mine replaced (the user chose "mine win"), named."""
    lines: list[str] = []
    for conflict in result.conflicts:
        if conflict.theirs is None or conflict.item_id not in result.applied:
            continue
        name = item_name(conflict.item_id, checklist)
        for part in conflict.fields():
            lines.append(
                tr(
                    "app.merge.overwritten",
                    lang,
                    item=name,
                    field=field_name(part, lang),
                    mine=value_text(conflict.mine, part, lang, short=True),
                    theirs=value_text(conflict.theirs, part, lang, short=True),
                )
            )
    return lines

"""What the save-conflict dialog says about a merge, in the interface language (no Textual).

A merge (:mod:`ita_tui.merge`) compares my unsaved edits with the file as
someone else saved it.  Before asking, the dialog shows each field both sides
changed with both values side by side (:func:`conflict_rows`); after a choice,
it names every edit that was dropped (:func:`dropped_edits`) or replaced
(:func:`overwritten_edits`), with both values, never a count.  :func:`cut` and
:func:`item_label` shorten titles and values the same way wherever a dialog or a
message names one.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ita_tui.i18n import Lang, status_label
from ita_tui.i18n import t as tr
from ita_tui.merge import Conflict, Side
from ita_tui.model import Checklist, Status

# Titles, and values in a sentence, are cut to these many characters.
TITLE_CHARS = 40
VALUE_CHARS = 60
SARA_AM = "\u0e33"  # not a combining mark to Unicode, yet it never starts a cluster


@dataclass(frozen=True)
class ConflictRow:
    """One thing both sides changed: what it is, and each side's value, ready to show."""

    what: str
    mine: str
    theirs: str


def item_name(item_id: str, checklist: Checklist) -> str:
    """``M3 «title»`` of the item in *checklist*; the id alone when it is not there."""
    item = checklist.find(item_id)
    return item_id if item is None else item_label(item_id, item.title)


def item_label(item_id: str, title: str) -> str:
    """``M3 «title»``, the title on one line, cut to :data:`TITLE_CHARS` characters."""
    return f"{item_id} «{cut(' '.join(title.split()), TITLE_CHARS)}»"


def cut(text: str, limit: int = TITLE_CHARS) -> str:
    """*text* cut to *limit* characters with an ellipsis, never between a letter and its marks."""
    if len(text) <= limit:
        return text
    end = limit - 1
    while end > 0 and (unicodedata.category(text[end]) == "Mn" or text[end] == SARA_AM):
        end -= 1
    return text[:end].rstrip() + "…"


def what(conflict: Conflict, checklist: Checklist, lang: Lang) -> str:
    """What the conflict is about (``Notes of M5``), and the item's title when it is one of mine."""
    text = conflict.description.render(lang)
    item = checklist.find(conflict.where) if conflict.where else None
    return f"{text} «{cut(' '.join(item.title.split()))}»" if item is not None else text


def value_text(conflict: Conflict, side: Side, lang: Lang, *, short: bool = False) -> str:
    """One side's value as a person reads it: a status in words, ``(empty)`` for no text.

    *short* puts it on one line of at most :data:`VALUE_CHARS` characters (for a
    sentence that names the edit; the table shows it whole).
    """
    text = conflict.shown(side, lang)
    status = Status.parse(text) if conflict.field == "status" else None
    if status is not None:
        text = status_label(status, lang)
    elif not text:
        text = tr("app.merge.empty", lang)
    return cut(" ".join(text.split()), VALUE_CHARS) if short else text


def conflict_rows(conflicts: list[Conflict], checklist: Checklist, lang: Lang) -> list[ConflictRow]:
    """A row for each conflict, mine beside theirs."""
    return [
        ConflictRow(what(c, checklist, lang), value_text(c, "mine", lang), value_text(c, "theirs", lang))
        for c in conflicts
    ]


def dropped_edits(conflicts: list[Conflict], checklist: Checklist, lang: Lang) -> list[str]:
    """Each of my edits not kept (its conflict settled for theirs), named with both values."""
    return [_sentence("app.merge.dropped", c, checklist, lang) for c in conflicts]


def overwritten_edits(conflicts: list[Conflict], checklist: Checklist, lang: Lang) -> list[str]:
    """Each of their edits that mine replaced (its conflict settled for mine), named with both values."""
    return [_sentence("app.merge.overwritten", c, checklist, lang) for c in conflicts]


def _sentence(key: str, conflict: Conflict, checklist: Checklist, lang: Lang) -> str:
    return tr(
        key,
        lang,
        what=what(conflict, checklist, lang),
        mine=value_text(conflict, "mine", lang, short=True),
        theirs=value_text(conflict, "theirs", lang, short=True),
    )

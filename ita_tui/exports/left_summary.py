"""What is left, as every summary says it: the open items by owner, with due dates and notes.

:func:`build_left` turns :func:`ita_tui.outstanding.what_is_left` (its
filters and "soon" are the export options') into plain
strings in the summary's language (owners' names, due dates and how far they
are, the latest note), so that ``show``, text, Markdown and HTML lay out the
same words.  It is the first part of each summary, before the full lists.

Pure: no Rich, no Thai word list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ita_tui.exports.summary import displayable
from ita_tui.i18n import Lang, t
from ita_tui.model import Status
from ita_tui.outstanding import DueState, OpenItem, Outstanding, OwnerGroup, due_text
from ita_tui.owners import owner_label
from ita_tui.thai import format_score, to_thai_digits

_Num = Callable[[int], str]

# States that a summary marks beside an item (with a word and a glyph, never colour alone).
FLAGGED = (DueState.OVERDUE, DueState.DUE_SOON)


@dataclass(frozen=True)
class LeftItem:
    """One open item of an owner's list, its words ready to show."""

    id: str
    title: str
    status: Status
    state: DueState
    due: str | None  # "กำหนดเสร็จ 15 ธ.ค. 2569 · เลยกำหนด 3 วัน", None without a date
    note: str  # the latest note, "" when none
    score: str | None  # formatted, None when the item has no score
    shared_with: str  # "ร่วมกับ สำนักปลัด": the item's other owners, "" when it has none

    @property
    def flagged(self) -> bool:
        """True when the item is overdue or due soon."""
        return self.state in FLAGGED


@dataclass(frozen=True)
class LeftGroup:
    """An owner (or "no owner named") and what they still owe."""

    owner: str
    heading: str  # "กองคลัง: 2 รายการ · เลยกำหนด 1"
    items: tuple[LeftItem, ...]


@dataclass(frozen=True)
class LeftSummary:
    """The open items, grouped by owner; an item with two owners is in both groups."""

    heading: str  # "ยังไม่เสร็จ 9 รายการ · เลยกำหนด 1 · ใกล้ครบกำหนด 1"
    total: int
    groups: tuple[LeftGroup, ...]


def build_left(
    outstanding: Outstanding, lang: Lang, *, statuses: frozenset[Status], thai_digits: bool = False
) -> LeftSummary:
    """*outstanding* (from :func:`ita_tui.outstanding.what_is_left`) in *lang*, for the statuses shown."""
    today = outstanding.today

    def num(value: int) -> str:
        return to_thai_digits(str(value)) if thai_digits else str(value)

    def shown(entry: OpenItem) -> bool:
        return entry.item.status in statuses

    def left_item(entry: OpenItem, group: OwnerGroup) -> LeftItem:
        due = None
        if entry.due is not None:
            due = t("report.left.due", lang, due=due_text(entry.due, today, lang, thai_digits))
        item = entry.item
        score = format_score(item.score, lang, thai_digits) if item.score is not None else None
        title, note = displayable(item.title), displayable(entry.note)
        # An item two offices owe is in both lists: each says who else has it.
        others = ", ".join(displayable(owner_label(o, lang)) for o in entry.owners if o != group.owner)
        shared = t("report.left.shared_with", lang, owners=others) if others else ""
        return LeftItem(item.id, title, item.status, entry.state, due, note, score, shared)

    groups = []
    for group in outstanding.groups:
        items = tuple(left_item(entry, group) for entry in group.items if shown(entry))
        if items:
            owner = displayable(owner_label(group.owner, lang))
            groups.append(LeftGroup(owner, _group_heading(owner, items, lang, num), items))
    entries = [entry for entry in outstanding.items if shown(entry)]
    overdue = sum(1 for entry in entries if entry.state is DueState.OVERDUE)
    soon = sum(1 for entry in entries if entry.state is DueState.DUE_SOON)
    heading = _counted(t("report.left.heading", lang, count=num(len(entries))), overdue, soon, lang, num)
    return LeftSummary(heading, len(entries), tuple(groups))


def _group_heading(owner: str, items: tuple[LeftItem, ...], lang: Lang, num: _Num) -> str:
    overdue = sum(1 for item in items if item.state is DueState.OVERDUE)
    soon = sum(1 for item in items if item.state is DueState.DUE_SOON)
    count = t("report.left.one_item" if len(items) == 1 else "label.items_count", lang, count=num(len(items)))
    return _counted(f"{owner}: {count}", overdue, soon, lang, num)


def _counted(text: str, overdue: int, soon: int, lang: Lang, num: _Num) -> str:
    """*text*, then how many are overdue and due soon when any are."""
    parts = [text]
    if overdue:
        parts.append(t("report.left.overdue_count", lang, count=num(overdue)))
    if soon:
        parts.append(t("report.left.soon_count", lang, count=num(soon)))
    return " · ".join(parts)

"""What is left: the open items, who owes them, by when, and what was last said.

Pure (no Textual, no Rich): the app's "what is left" view, the meeting view,
``show``/``export`` filters and every summary format build on it.

The API
-------
``due_state(item, today, soon_days=7) -> DueState | None``
    How urgent an item is: ``OVERDUE`` (open, due date before *today*),
    ``DUE_SOON`` (open, due today or within *soon_days* days), ``LATER``,
    ``NO_DATE``; None for a done item (nothing is late once done).
``days_left(item, today) -> int | None``
    Days until the due date: 0 today, negative when overdue, None without one.
``latest_note(notes) -> str``
    The last non-empty line of the notes (notes are written newest last).
``ItemFilter(owners=(), overdue=False, due_within=None)``
    The ``--owner``/``--overdue``/``--due-within`` filter; ``admits(item, today)``.
``what_is_left(checklist, today, *, soon_days=7, item_filter=None) -> Outstanding``
    The open items grouped by owner (an item with two owners is in both
    groups); within a group overdue first, then by due date, undated last,
    file order breaking ties.  Groups with an overdue item come first, then
    those with one due soon, then the rest; among equals, named owners in Thai
    dictionary order, then every office, then items nobody owns.  With an
    owner filter, only the groups of the owners asked for.
``due_text(day, today, lang, thai_digits=False) -> str``
    ``15 ธ.ค. 2569 · เลยกำหนด 3 วัน`` / ``15 Dec 2026 · 3 days overdue``:
    the date and how far it is, in words, as every view says it.
``state_word(state, lang) -> str`` and ``STATE_GLYPHS``
    ``เลยกำหนด``/"overdue", ``ใกล้ครบกำหนด``/"due soon", and a glyph for each,
    so that lateness is never told by colour alone.

Today comes from the caller (``ita_tui.dates.bangkok_today()``, or the app's
clock), so tests and golden files pin it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ita_tui.i18n import Lang, t
from ita_tui.model import Checklist, Item, Section, Status
from ita_tui.owners import Owner, owner_matches, owner_sort_key, owners_of
from ita_tui.thai import format_date, to_thai_digits

__all__ = [
    "DEFAULT_SOON_DAYS",
    "STATE_GLYPHS",
    "DueState",
    "ItemFilter",
    "OpenItem",
    "Outstanding",
    "OwnerGroup",
    "days_left",
    "due_state",
    "due_text",
    "latest_note",
    "state_word",
    "what_is_left",
]

DEFAULT_SOON_DAYS = 7


class DueState(StrEnum):
    """How urgent an open item is, most urgent first."""

    OVERDUE = "overdue"
    DUE_SOON = "due-soon"
    LATER = "later"
    NO_DATE = "no-date"

    @property
    def rank(self) -> int:
        """0 for overdue, 1 due soon, 2 later, 3 without a date: sort by it."""
        return list(DueState).index(self)


# A shape for each, so lateness reads on a monochrome projector (width 1 in every terminal).
STATE_GLYPHS: dict[DueState, str] = {
    DueState.OVERDUE: "!",
    DueState.DUE_SOON: "◷",
    DueState.LATER: "·",
    DueState.NO_DATE: " ",
}


def days_left(item: Item, today: date) -> int | None:
    """Days from *today* to *item*'s due date: 0 due today, -3 three days overdue."""
    return (item.due - today).days if item.due is not None else None


def due_state(item: Item, today: date, soon_days: int = DEFAULT_SOON_DAYS) -> DueState | None:
    """How urgent *item* is on *today*; None when it is done."""
    if item.status is Status.DONE:
        return None
    days = days_left(item, today)
    if days is None:
        return DueState.NO_DATE
    if days < 0:
        return DueState.OVERDUE
    return DueState.DUE_SOON if days <= soon_days else DueState.LATER


def latest_note(notes: str) -> str:
    """The last non-empty line of *notes*: what was said most recently."""
    for line in reversed(notes.splitlines()):
        if line.strip():
            return line.strip()
    return ""


@dataclass(frozen=True)
class ItemFilter:
    """Which items a summary shows: by owner, overdue, due within some days.

    All given conditions must hold.  *owners*: one of the item's owners
    contains one of these names (:func:`ita_tui.owners.matches_owner`).
    *overdue*: open and past its due date.  *due_within*: open and due by
    today + that many days (overdue ones included).  Done items are never
    overdue nor due; an owner filter alone keeps them.
    """

    owners: tuple[str, ...] = ()
    overdue: bool = False
    due_within: int | None = None

    @property
    def active(self) -> bool:
        """True when the filter leaves something out."""
        return bool(self.owners) or self.overdue or self.due_within is not None

    def admits(self, item: Item, today: date) -> bool:
        """True when *item* passes every condition on *today*."""
        if self.owners and not any(owner_matches(owner, self.owners) for owner in owners_of(item)):
            return False
        if not (self.overdue or self.due_within is not None):
            return True
        days = days_left(item, today)
        if item.status is Status.DONE or days is None:
            return False
        if self.overdue and days >= 0:
            return False
        return self.due_within is None or days <= self.due_within


@dataclass(frozen=True)
class OpenItem:
    """An item not yet done, with what a meeting asks about it."""

    item: Item
    section: Section
    owners: tuple[Owner, ...]
    state: DueState
    days_left: int | None  # None without a due date; negative when overdue
    note: str  # the latest note, "" when none

    @property
    def due(self) -> date | None:
        return self.item.due


class _Tally:
    """Counts over *items*, shared by a group and the whole."""

    items: tuple[OpenItem, ...]

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def overdue(self) -> int:
        """How many are overdue."""
        return sum(1 for entry in self.items if entry.state is DueState.OVERDUE)

    @property
    def due_soon(self) -> int:
        """How many are due within the chosen days (not overdue)."""
        return sum(1 for entry in self.items if entry.state is DueState.DUE_SOON)


@dataclass(frozen=True)
class OwnerGroup(_Tally):
    """One owner (None: items nobody is named for) and the open items they owe."""

    owner: Owner | None
    items: tuple[OpenItem, ...]


@dataclass(frozen=True)
class Outstanding(_Tally):
    """The open items, each once (*items*, most urgent first) and by owner (*groups*)."""

    today: date
    soon_days: int
    items: tuple[OpenItem, ...]
    groups: tuple[OwnerGroup, ...]


def _urgency(entry: OpenItem) -> tuple[bool, date]:
    # By due date, so the most overdue come first; undated last (date.max keeps it comparable).
    return entry.due is None, entry.due or date.max


def what_is_left(
    checklist: Checklist,
    today: date,
    *,
    soon_days: int = DEFAULT_SOON_DAYS,
    item_filter: ItemFilter | None = None,
) -> Outstanding:
    """The open items of *checklist* on *today*, most urgent first and grouped by owner."""
    entries: list[OpenItem] = []
    for section in checklist.sections:
        for item in section.items:
            state = due_state(item, today, soon_days)
            if state is None or (item_filter is not None and not item_filter.admits(item, today)):
                continue
            entries.append(
                OpenItem(
                    item, section, owners_of(item), state, days_left(item, today), latest_note(item.notes)
                )
            )
    entries.sort(key=_urgency)  # stable: file order breaks ties
    return Outstanding(today, soon_days, tuple(entries), _groups(entries, item_filter))


def _groups(entries: list[OpenItem], item_filter: ItemFilter | None) -> tuple[OwnerGroup, ...]:
    by_owner: dict[str | None, list[OpenItem]] = {}
    owners: dict[str | None, Owner | None] = {None: None}
    wanted = item_filter.owners if item_filter is not None else ()
    for entry in entries:
        named: list[Owner | None] = [o for o in entry.owners if not wanted or owner_matches(o, wanted)]
        for owner in named or ([None] if not entry.owners else []):
            key = owner.key if owner is not None else None
            owners.setdefault(key, owner)
            by_owner.setdefault(key, []).append(entry)
    groups = [OwnerGroup(owners[key], tuple(items)) for key, items in by_owner.items()]
    return tuple(sorted(groups, key=_group_order))


def _group_order(group: OwnerGroup) -> tuple[int, int, bool, tuple[str, str]]:
    most_urgent = min(entry.state.rank for entry in group.items)
    if group.owner is None:
        return most_urgent, 1, True, ("", "")
    everyone, name = owner_sort_key(group.owner)
    return most_urgent, 0, everyone, name


def state_word(state: DueState, lang: Lang) -> str:
    """The word for *state*: ``เลยกำหนด``/"overdue", ``ใกล้ครบกำหนด``/"due soon", ..."""
    return t(f"due.state.{state.value}", lang)


def due_text(day: date, today: date, lang: Lang, thai_digits: bool = False) -> str:
    """The date and how far it is: ``15 ธ.ค. 2569 · อีก 5 วัน``, ``15 Dec 2026 · 3 days overdue``."""
    days = (day - today).days
    if days < 0:
        key = "due.overdue_one" if days == -1 else "due.overdue_days"
    elif days == 0:
        key = "due.today"
    elif days == 1:
        key = "due.tomorrow"
    else:
        key = "due.in_days"
    count = str(abs(days))
    words = t(key, lang, days=to_thai_digits(count) if thai_digits and lang == "th" else count)
    return f"{format_date(day, lang, thai_digits and lang == 'th')} · {words}"

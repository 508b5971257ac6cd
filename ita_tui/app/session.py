"""The open checklist as the app edits it: edits with undo/redo, dirtiness, search, filters.

No Textual here, so the rules (what undo restores, what counts as unsaved,
what a search finds) are tested without a terminal, and the screens stay thin.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum

from ita_tui.checklist_file import ItemState, LoadedChecklist, state_of
from ita_tui.edits import Change, cycle_status, restore, set_due, set_notes, set_score, set_status
from ita_tui.model import Checklist, Item, Section, Status
from ita_tui.outstanding import DEFAULT_SOON_DAYS, ItemFilter
from ita_tui.owners import owner_sort_key, owners_of

Clock = Callable[[], datetime]


class StatusFilter(StrEnum):
    """Which items the navigator shows; `f` cycles through them in this order."""

    ALL = "all"
    OPEN = "open"  # not done
    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    OVERDUE = "overdue"  # open and past its due date
    DUE_SOON = "due-soon"  # open and due within DEFAULT_SOON_DAYS days, overdue included

    def next(self) -> StatusFilter:
        order = list(StatusFilter)
        return order[(order.index(self) + 1) % len(order)]

    def admits(self, item: Item, today: date) -> bool:
        """True when *item* is shown under this filter on *today* (the agency's day)."""
        if self is StatusFilter.ALL:
            return True
        if self is StatusFilter.OPEN:
            return item.status is not Status.DONE
        if self is StatusFilter.OVERDUE:
            return ItemFilter(overdue=True).admits(item, today)
        if self is StatusFilter.DUE_SOON:
            return ItemFilter(due_within=DEFAULT_SOON_DAYS).admits(item, today)
        return item.status.value == self.value


class SortOrder(StrEnum):
    """How the navigator orders the items inside each section (the palette chooses)."""

    FILE = "file"
    DUE = "due"  # by due date: overdue first, undated last
    OWNER = "owner"  # by first owner, Thai dictionary order; nobody named last

    def arrange(self, items: list[Item]) -> list[Item]:
        """*items* in this order (stable: file order breaks ties)."""
        if self is SortOrder.DUE:
            return sorted(items, key=lambda item: (item.due is None, item.due or date.max))
        if self is SortOrder.OWNER:
            return sorted(items, key=_owner_order)
        return items


def _owner_order(item: Item) -> tuple[bool, tuple[bool, tuple[str, str]]]:
    owners = owners_of(item)
    return not owners, owner_sort_key(owners[0]) if owners else (True, ("", ""))


@dataclass
class Session:
    """One open checklist: the loaded file, the edits since, and the undo history."""

    loaded: LoadedChecklist
    clock: Clock | None = None  # None: edits.now(); tests freeze it
    undo_stack: list[Change] = field(default_factory=list)
    redo_stack: list[Change] = field(default_factory=list)
    # Search keys of each item's text, built on the first search (10,000 items take a while):
    # one index for exact searches and, when asked for, one with tone marks left out.
    _search_index: list[tuple[str, str]] | None = None
    _toneless_index: list[tuple[str, str]] | None = None
    _by_id: dict[str, Item] = field(default_factory=dict)
    _section_of: dict[str, int] = field(default_factory=dict)
    _position: dict[str, int] = field(default_factory=dict)  # an item's place in file order
    _section_starts: list[int] = field(default_factory=list)  # the place of each section's first item
    # Ids of the items that differ from the file: kept up to date edit by edit, so that
    # the unsaved marker costs nothing per key with 10,000 items.
    _changed: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._reindex()

    def _reindex(self) -> None:
        self._by_id = {}
        self._section_of = {}
        self._position = {}
        self._section_starts = []
        for index, section in enumerate(self.checklist.sections):
            self._section_starts.append(len(self._position))
            for item in section.items:
                self._by_id[item.id] = item
                self._section_of[item.id] = index
                self._position[item.id] = len(self._position)
        self._search_index = None
        self._toneless_index = None
        self._recount_changed()

    def _recount_changed(self) -> None:
        baseline = self.loaded.baseline
        self._changed = {
            item_id for item_id, item in self._by_id.items() if baseline.get(item_id) != state_of(item)
        }

    def _touch(self, item_id: str) -> None:
        item = self._by_id.get(item_id)
        if item is not None and self.loaded.baseline.get(item_id) != state_of(item):
            self._changed.add(item_id)
        else:
            self._changed.discard(item_id)

    @property
    def checklist(self) -> Checklist:
        return self.loaded.checklist

    def item(self, item_id: str) -> Item | None:
        """The item called *item_id* (constant time: the model's find() is linear)."""
        return self._by_id.get(item_id)

    def position(self, item_id: str) -> int:
        """*item_id*'s place in file order (0 for the first item)."""
        return self._position[item_id]

    def section_start(self, section: int) -> int:
        """The place in file order of section *section*'s first item (or where it would be)."""
        return self._section_starts[section]

    def section_of(self, item_id: str) -> Section:
        """The section holding *item_id*."""
        return self.checklist.sections[self._section_of[item_id]]

    # -- edits ---------------------------------------------------------------

    def _now(self) -> datetime | None:
        return self.clock() if self.clock else None

    def _record(self, change: Change | None) -> Change | None:
        if change is not None:
            self.undo_stack.append(change)
            self.redo_stack.clear()
            self._touch(change.item_id)
        return change

    def cycle(self, item: Item) -> Change | None:
        """`space`: next status."""
        return self._record(cycle_status(item, self._now()))

    def set_status(self, item: Item, status: Status) -> Change | None:
        return self._record(set_status(item, status, self._now()))

    def set_notes(self, item: Item, notes: str) -> Change | None:
        return self._record(set_notes(item, notes, self._now()))

    def set_score(self, item: Item, score: float | None) -> Change | None:
        """Raises ValueError for a score outside 0–100."""
        return self._record(set_score(item, score, self._now()))

    def set_due(self, item: Item, due: date | None) -> Change | None:
        """`D`: set (or with None, clear) the due date."""
        return self._record(set_due(item, due, self._now()))

    def undo(self) -> Change | None:
        """Put back the state before the last change; the change, or None if nothing to undo."""
        if not self.undo_stack:
            return None
        change = self.undo_stack.pop()
        item = self.item(change.item_id)
        if item is not None:
            restore(item, change.before)
        self.redo_stack.append(change)
        self._touch(change.item_id)
        return change

    def redo(self) -> Change | None:
        """Do again the last undone change."""
        if not self.redo_stack:
            return None
        change = self.redo_stack.pop()
        item = self.item(change.item_id)
        if item is not None:
            restore(item, change.after)
        self.undo_stack.append(change)
        self._touch(change.item_id)
        return change

    # -- saving --------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        """True when some item differs from the file as last read or written."""
        return bool(self._changed)

    def changed_ids(self) -> list[str]:
        """Ids of the unsaved items, in file order."""
        return [item_id for item_id in self._by_id if item_id in self._changed]

    def snapshot(self) -> tuple[Checklist, dict[str, ItemState]]:
        """What a save thread writes: the checklist with the unsaved items copied, and their states.

        Only the unsaved items are copied (milliseconds, even with 10,000 items);
        an item edited while the save runs is then either written or not, but
        :meth:`saved` records as saved only the states taken here, so such an
        edit always stays unsaved and is written by the next save.
        """
        changed = self._changed
        sections = [
            replace(
                section,
                items=[copy.copy(item) if item.id in changed else item for item in section.items],
            )
            for section in self.checklist.sections
        ]
        states = {item_id: state_of(self._by_id[item_id]) for item_id in changed}
        return replace(self.checklist, sections=sections), states

    def saved(self, written: LoadedChecklist, states: dict[str, ItemState]) -> None:
        """Adopt a save made from :meth:`snapshot`: the file's new text, and *states* as saved."""
        baseline = dict(self.loaded.baseline)
        baseline.update(states)
        self.loaded = replace(written, checklist=self.checklist, baseline=baseline)
        for item_id in states:
            self._touch(item_id)

    def replace_loaded(self, loaded: LoadedChecklist, *, keep_history: bool = False) -> None:
        """Switch to a reloaded or merged file."""
        self.loaded = loaded
        if not keep_history:
            self.undo_stack.clear()
            self.redo_stack.clear()
        self._reindex()

    # -- search --------------------------------------------------------------

    def build_search_index(self, *, ignore_tone_marks: bool = False) -> list[tuple[str, str]]:
        """Compute the search keys of every item (slow for big files: call it from a thread)."""
        from ita_tui.thai import search_key

        index = []
        for item in self._by_id.values():
            parts = [item.id, item.title, *_field_texts(item)]
            index.append((item.id, search_key("\n".join(parts), ignore_tone_marks=ignore_tone_marks)))
        if ignore_tone_marks:
            self._toneless_index = index
        else:
            self._search_index = index
        return index

    def search(self, query: str, *, ignore_tone_marks: bool = False) -> list[str]:
        """Ids of the items whose id, title, detail fields or notes contain *query*, in file order.

        Thai is compared by :func:`ita_tui.thai.search_key` (spelling variants,
        Thai digits, case, and line breaks inside a Thai word, as PDF conversions
        leave them); notes are read live, since they change while the index
        stands.  Exact by default; with *ignore_tone_marks*, ``ใช`` finds ``ใช้``
        (a second index, built on the first such search).
        """
        from ita_tui.thai import search_key

        needle = search_key(query, ignore_tone_marks=ignore_tone_marks)
        if not needle:
            return []
        index = self._toneless_index if ignore_tone_marks else self._search_index
        if index is None:
            index = self.build_search_index(ignore_tone_marks=ignore_tone_marks)
        found = []
        for item_id, key in index:
            item = self._by_id[item_id]
            if needle in key or (
                item.notes and needle in search_key(item.notes, ignore_tone_marks=ignore_tone_marks)
            ):
                found.append(item_id)
        return found


def _field_texts(item: Item) -> list[str]:
    texts: list[str] = []
    for value in item.fields.values():
        if isinstance(value, str):
            texts.append(value)
        else:
            texts.extend(value)
    return texts

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

from ita_tui.checklist_file import LoadedChecklist
from ita_tui.edits import Change, cycle_status, set_due, set_notes, set_score, set_status
from ita_tui.i18n import Message
from ita_tui.model import Checklist, Item, Section, Status
from ita_tui.outstanding import DEFAULT_SOON_DAYS, ItemFilter
from ita_tui.owners import owner_sort_key, owners_of
from ita_tui.record import Snapshot, head_data, item_data, section_data, snapshot
from ita_tui.undoable import Edit

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
    """One open checklist: the loaded file, the edits since, and the undo history.

    Status, notes and score changes (:mod:`ita_tui.edits`) and authoring edits
    (:mod:`ita_tui.authoring`) share one history: the app makes an authoring
    edit with ``session.record(authoring.add_item(session.checklist, ...))``.
    """

    loaded: LoadedChecklist
    clock: Clock | None = None  # None: edits.now(); tests freeze it
    undo_stack: list[Edit] = field(default_factory=list)
    redo_stack: list[Edit] = field(default_factory=list)
    # Search keys of each item's text, built on the first search (10,000 items take a while):
    # one index for exact searches and, when asked for, one with tone marks left out.
    _search_index: list[tuple[str, str]] | None = None
    _toneless_index: list[tuple[str, str]] | None = None
    _by_id: dict[str, Item] = field(default_factory=dict)
    _section_of: dict[str, int] = field(default_factory=dict)
    _position: dict[str, int] = field(default_factory=dict)  # an item's place in file order
    _section_starts: list[int] = field(default_factory=list)  # the place of each section's first item
    _by_uid: dict[int, tuple[Item, Section]] = field(default_factory=dict)
    # Uids of the items that differ from the file (new ones included): kept up to date edit
    # by edit, so that the unsaved marker costs nothing per key with 10,000 items.
    _changed: set[int] = field(default_factory=set)
    # The sections, their order and own fields, the items' order or the [checklist] table
    # differ from the file.
    _reshaped: bool = False

    def __post_init__(self) -> None:
        self._reindex()
        self._recount_changed()

    def _reindex(self) -> None:
        self._by_id = {}
        self._section_of = {}
        self._position = {}
        self._section_starts = []
        self._by_uid = {}
        for index, section in enumerate(self.checklist.sections):
            self._section_starts.append(len(self._position))
            for item in section.items:
                self._by_id[item.id] = item
                self._section_of[item.id] = index
                self._position[item.id] = len(self._position)
                self._by_uid[item.uid] = (item, section)
        self._search_index = None
        self._toneless_index = None

    def _recount_changed(self) -> None:
        baseline = self.loaded.baseline.items
        self._changed = {
            item.uid
            for section in self.checklist.sections
            for item in section.items
            if baseline.get(item.uid) != item_data(item, section.group)
        }
        self._reshaped = self._shape_differs()

    def _shape_differs(self) -> bool:
        baseline = self.loaded.baseline
        sections = self.checklist.sections
        if len(sections) != len(baseline.sections) or head_data(self.checklist) != baseline.head:
            return True
        return any(
            record.uid != section.uid
            or record.items != tuple(item.uid for item in section.items)
            or record.data != section_data(section)
            for record, section in zip(baseline.sections, sections, strict=True)
        )

    def _touch(self, uid: int) -> None:
        found = self._by_uid.get(uid)
        if found is not None and self.loaded.baseline.items.get(uid) != item_data(found[0], found[1].group):
            self._changed.add(uid)
        else:
            self._changed.discard(uid)  # the same as the file's, or removed (the shape says so)

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

    def record(self, edit: Edit | None) -> Edit | None:
        """Keep *edit* (already made on :attr:`checklist`) for undo, and track what is unsaved."""
        if edit is not None:
            self.undo_stack.append(edit)
            self.redo_stack.clear()
            self._after(edit)
        return edit

    def _after(self, edit: Edit) -> None:
        if isinstance(edit, Change):
            # A status, note or score: one item, nothing else (the hot path).
            if edit.target is not None:
                self._touch(edit.target)
            return
        self._reindex()
        for uid in edit.touched(self.checklist):
            self._touch(uid)
        self._reshaped = self._shape_differs()

    def cycle(self, item: Item) -> Change | None:
        """`space`: next status."""
        return self._change(cycle_status(item, self._now()))

    def set_status(self, item: Item, status: Status) -> Change | None:
        return self._change(set_status(item, status, self._now()))

    def set_notes(self, item: Item, notes: str) -> Change | None:
        return self._change(set_notes(item, notes, self._now()))

    def set_score(self, item: Item, score: float | None) -> Change | None:
        """Raises ValueError for a score outside 0–100."""
        return self._change(set_score(item, score, self._now()))

    def set_due(self, item: Item, due: date | None) -> Change | None:
        """`D`: set (or with None, clear) the due date."""
        return self._change(set_due(item, due, self._now()))

    def _change(self, change: Change | None) -> Change | None:
        self.record(change)
        return change

    def undo(self) -> Edit | None:
        """Put back the state before the last edit; the edit, or None if nothing to undo."""
        if not self.undo_stack:
            return None
        edit = self.undo_stack.pop()
        edit.revert(self.checklist)
        self.redo_stack.append(edit)
        self._after(edit)
        return edit

    def redo(self) -> Edit | None:
        """Do again the last undone edit."""
        if not self.redo_stack:
            return None
        edit = self.redo_stack.pop()
        edit.apply(self.checklist)
        self.undo_stack.append(edit)
        self._after(edit)
        return edit

    # -- saving --------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        """True when the checklist differs from the file as last read or written."""
        return bool(self._changed) or self._reshaped

    def changed_ids(self) -> list[str]:
        """Ids of the unsaved items (edited or added), in file order."""
        return [item_id for item_id, item in self._by_id.items() if item.uid in self._changed]

    def snapshot(self) -> tuple[Checklist, Snapshot]:
        """What a save thread writes: the checklist with the unsaved items copied, and its record.

        Only the unsaved items are copied and recorded anew (milliseconds, even
        with 10,000 items); the record of the others is the baseline's.  An item
        edited while the save runs is then either written or not, but
        :meth:`saved` adopts as the file's only the record taken here, so such an
        edit always stays unsaved and is written by the next save.
        """
        changed = self._changed
        sections = [
            replace(
                section,
                items=[copy.copy(item) if item.uid in changed else item for item in section.items],
            )
            for section in self.checklist.sections
        ]
        copied = replace(self.checklist, sections=sections)
        return copied, snapshot(copied, self.loaded.baseline, changed)

    def saved(self, written: LoadedChecklist, record: Snapshot) -> None:
        """Adopt a save made from :meth:`snapshot`: the file's new text, and *record* as its content."""
        self.loaded = replace(written, checklist=self.checklist, baseline=record)
        for uid in list(self._changed):
            self._touch(uid)
        self._reshaped = self._shape_differs()

    def replace_loaded(self, loaded: LoadedChecklist, *, keep_history: bool = False) -> None:
        """Switch to a reloaded or merged file."""
        self.loaded = loaded
        if not keep_history:
            self.undo_stack.clear()
            self.redo_stack.clear()
        self._reindex()
        self._recount_changed()

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


@dataclass(frozen=True)
class EditGroup(Edit):
    """Several edits made by one dialog (the checklist's fields, an item's id and title): one undo step.

    Build one with :func:`group`.
    """

    edits: tuple[Edit, ...]
    description: Message
    target: int | None = None

    @property
    def structural(self) -> bool:
        return any(edit.structural for edit in self.edits)

    def apply(self, checklist: Checklist) -> None:
        for edit in self.edits:
            edit.apply(checklist)

    def revert(self, checklist: Checklist) -> None:
        for edit in reversed(self.edits):
            edit.revert(checklist)

    def touched(self, checklist: Checklist) -> set[int]:
        return set().union(*(edit.touched(checklist) for edit in self.edits))


def group(edits: list[Edit]) -> Edit:
    """*edits* (already made, in order) as one edit: itself when there is one.

    Its description lists each edit's (``the organization · the fiscal year``);
    its target is the first edit's.
    """
    if len(edits) == 1:
        return edits[0]
    description = edits[-1].description
    for edit in reversed(edits[:-1]):
        description = Message.of("app.edit.joined", first=edit.description, rest=description)
    return EditGroup(tuple(edits), description, edits[0].target)

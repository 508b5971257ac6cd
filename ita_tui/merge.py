"""Merge unsaved edits onto a checklist that someone else changed and saved meanwhile.

Pure: no files, no terminals.  The app loaded a file (its *baseline*: each
item's state as read), the user changed some items, and the save found the
file changed on disk.  The file is read again (*theirs*).  For each item:

* only I changed it → my state goes onto theirs;
* only they changed it → theirs stays;
* both changed it to the same state → nothing to do;
* both changed it differently → a **conflict**, settled by *prefer*
  (``"mine"`` or ``"theirs"``) or, with no preference, not merged at all;
* I changed an item they removed → a conflict that cannot be settled by
  keeping mine (the item has nowhere to go): reported, never dropped silently.

The result is *theirs* with my edits applied to its items, so saving it
writes exactly my edits over their file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ita_tui.checklist_file import ItemState, LoadedChecklist, state_of
from ita_tui.edits import restore

Preference = Literal["mine", "theirs"]


@dataclass(frozen=True)
class Conflict:
    """An item both sides changed differently (or that they removed): what each side has."""

    item_id: str
    base: ItemState
    mine: ItemState
    theirs: ItemState | None  # None: they removed the item

    @property
    def removed(self) -> bool:
        """True when the other side removed the item."""
        return self.theirs is None

    def fields(self) -> list[str]:
        """Names of the parts that differ between the two sides (status, notes, score, due)."""
        if self.theirs is None:
            return ["removed"]
        return [
            name
            for name in ("status", "notes", "score", "due")
            if getattr(self.mine, name) != getattr(self.theirs, name)
        ]


@dataclass
class MergeResult:
    """What :func:`merge` did: the merged checklist and a record of every decision."""

    merged: LoadedChecklist | None  # None when there are conflicts and no preference
    applied: list[str] = field(default_factory=list)  # my edits put onto theirs
    same: list[str] = field(default_factory=list)  # both made the same edit
    theirs_changed: list[str] = field(default_factory=list)  # their edits, kept
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """True when no item was changed by both sides differently."""
        return not self.conflicts

    @property
    def lost(self) -> list[str]:
        """Ids of my edits that the merge could not keep (conflicts resolved for theirs, removals)."""
        return [c.item_id for c in self.conflicts if c.removed or c.item_id not in self.applied]


def my_changes(mine: LoadedChecklist) -> dict[str, ItemState]:
    """Items I changed since loading, with their new state."""
    return {
        item.id: state_of(item)
        for item in mine.checklist.items()
        if item.id in mine.baseline and mine.baseline[item.id] != state_of(item)
    }


def merge(mine: LoadedChecklist, theirs: LoadedChecklist, prefer: Preference | None = None) -> MergeResult:
    """Put my unsaved edits (in *mine*) onto *theirs*, the file as it is on disk now.

    *theirs* is changed in place when the merge goes ahead (its items take my
    states); its baseline stays the file's, so it reads as having unsaved
    changes — exactly mine.  With conflicts and no *prefer*, nothing is
    changed and ``merged`` is None.
    """
    result = MergeResult(merged=None)
    edits = my_changes(mine)
    their_items = {item.id: item for item in theirs.checklist.items()}
    result.theirs_changed = [
        item_id
        for item_id, base in mine.baseline.items()
        if item_id in their_items and state_of(their_items[item_id]) != base and item_id not in edits
    ]
    plan: list[tuple[str, ItemState]] = []
    for item_id, new in edits.items():
        base = mine.baseline[item_id]
        item = their_items.get(item_id)
        if item is None:
            result.conflicts.append(Conflict(item_id, base, new, None))
            continue
        current = state_of(item)
        if current == new:
            result.same.append(item_id)
        elif current == base:
            plan.append((item_id, new))
        else:
            result.conflicts.append(Conflict(item_id, base, new, current))
            if prefer == "mine":
                plan.append((item_id, new))
    if result.conflicts and prefer is None:
        return result
    for item_id, state in plan:
        restore(their_items[item_id], state)
        result.applied.append(item_id)
    result.merged = theirs
    return result

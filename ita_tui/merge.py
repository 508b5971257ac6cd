"""Merge my unsaved edits with the changes someone else saved meanwhile: field by field, three ways.

Pure: no files, no terminals.  The app loaded a file (the *base*: its
baseline snapshot), I changed the checklist, and the save found the file
changed on disk; it is read again (*theirs*).  :func:`merge` compares the
three versions of every part:

* **Fields.**  Each key of the ``[checklist]`` table, of every section and of
  every item (status, notes, title, id, any detail field; a table such as
  ``labels`` key by key) is merged on its own: changed on one side only, that
  side's value; the same on both, that value; changed on both to different
  values, a :class:`Conflict` with both values.  So a note I wrote on an item
  they renamed keeps its note and takes their id, and their status change on
  an item whose notes I edited stays theirs.
* **Items and sections they renamed.**  Parts are matched by id, and an item
  or section whose id changed on their side is found by its content (its
  other keys mostly the same), so a rename is a change of its ``id`` field.
* **Structure.**  Items and sections added on either side are kept; removed
  on one side and untouched on the other, removed; removed on one side and
  changed on the other, a conflict ("use mine" keeps my version, "use
  theirs" follows theirs).  Moves on either side are kept (an item's section
  and its place in it are merged like a field); moved by both to different
  places, a conflict.  Two different items ending up with one id, a conflict.

:meth:`MergeResult.resolve` settles each conflict by the choice given for it
(``"mine"`` or ``"theirs"``) and gives the merged checklist, ready to save
over their file, with every outcome named: my edits kept, their edits kept,
my edits dropped (settled for theirs), their edits replaced (settled for
mine).  Nothing of mine is lost for good: :meth:`MergeResult.my_version_text`
is the whole text of my version, to save beside the file.

The API::

    result = merge(mine, theirs)       # mine: session.loaded (baseline + my checklist); theirs: load(path)
    result.clean                       # no conflict
    result.conflicts                   # [Conflict]: .key .kind .where .field .base .mine .theirs,
                                       #   .description (Message: "notes of M1"), .shown(side, lang)
    result.mine_changed, result.theirs_changed   # [Message]: what each side changed
    resolution = result.resolve({conflict.key: "mine" | "theirs", ...}, default=None)
    resolution.merged                  # LoadedChecklist: their file holding the merge; save it
    resolution.kept / .theirs / .dropped / .overridden   # [Message] each
    result.my_version_text()           # my whole version, e.g. for <name>-mine.toml
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from ita_tui.checklist_file import LoadedChecklist
from ita_tui.i18n import Lang, Message, t
from ita_tui.model import Checklist
from ita_tui.plan import MISSING, Missing
from ita_tui.record import Data, SectionRecord, Snapshot, snapshot

Side = Literal["mine", "theirs"]
Kind = Literal["field", "removed_by_them", "removed_by_me", "same_id", "position"]

# An item whose id changed on their side is the base item its other keys mostly match.
_RENAME_SIMILARITY = 0.6
_RENAME_CANDIDATES = 300  # beyond this many unmatched items, no search for renames


@dataclass(frozen=True)
class Conflict:
    """Something both sides changed differently: both values, for the person to choose.

    *key* identifies the conflict among the result's (the key of
    :meth:`MergeResult.resolve`'s choices); *where* names the part ("M5",
    "section iit", or "" for the checklist's own fields); *field* the key
    (``notes``, ``status``, ``id``, ``labels.period``) or, for the other kinds,
    None.  *mine* and *theirs* are the values (:data:`~ita_tui.plan.MISSING`
    where that side removed it; for an item or section, its data; for a
    place, ``(section id, previous item id or None)``).
    """

    key: str
    kind: Kind
    where: str
    field: str | None
    base: Any
    mine: Any
    theirs: Any

    @property
    def removed(self) -> bool:
        """True when one side removed the part."""
        return self.kind in ("removed_by_them", "removed_by_me")

    @property
    def description(self) -> Message:
        """What the conflict is about, e.g. "notes of M5", "M5: you changed it, they removed it"."""
        if self.kind == "field":
            name = _field_name(self.field or "")
            if not self.where:
                return Message.of("merge.what.checklist_field", field=name)
            return Message.of("merge.what.field", field=name, where=self.where)
        return Message.of(f"merge.what.{self.kind}", where=self.where)

    def shown(self, side: Side, lang: Lang) -> str:
        """The value of *side*, as one line of text for the conflict dialog."""
        return show_value(self.mine if side == "mine" else self.theirs, lang)


def _field_name(key: str) -> Message | str:
    labels = {
        "status": "label.status",
        "notes": "label.notes",
        "score": "label.score",
        "title": "label.title",
        "id": "label.id",
        "organization": "label.organization",
        "fiscal_year": "label.fiscal_year",
        "language": "label.language",
        "due": "label.due",
    }
    return Message.of(labels[key]) if key in labels else key


def show_value(value: Any, lang: Lang) -> str:
    """A value of a conflict as text: lists joined, a removed part or key said so."""
    if value is MISSING:
        return t("merge.value.missing", lang)
    if isinstance(value, dict):
        shown = value.get("title") or value.get("id")
        return str(shown) if shown is not None else ", ".join(f"{k} = {v}" for k, v in value.items())
    if isinstance(value, tuple):  # a place: (section id, previous item id)
        section, previous = value
        if previous is None:
            return t("merge.value.first_in", lang, section=section)
        return t("merge.value.after", lang, section=section, previous=previous)
    if isinstance(value, list):
        return " · ".join(str(entry) for entry in value)
    return str(value)


@dataclass(frozen=True)
class Resolution:
    """A merge with every conflict settled: the checklist to save over their file, and what happened."""

    merged: LoadedChecklist  # their file, holding the merge: saving it writes my kept edits onto it
    kept: tuple[Message, ...] = ()  # my edits, put onto theirs
    theirs: tuple[Message, ...] = ()  # their edits, kept
    dropped: tuple[Message, ...] = ()  # my edits not kept (conflicts settled for theirs)
    overridden: tuple[Message, ...] = ()  # their edits replaced by mine (conflicts settled for mine)


@dataclass
class MergeResult:
    """What :func:`merge` found; :meth:`resolve` gives the merged checklist."""

    mine: LoadedChecklist
    theirs: LoadedChecklist
    conflicts: list[Conflict] = field(default_factory=list)
    mine_changed: list[Message] = field(default_factory=list)  # my edits, by what they touch
    theirs_changed: list[Message] = field(default_factory=list)
    _merger: _Merger | None = None

    @property
    def clean(self) -> bool:
        """True when no part was changed by both sides differently."""
        return not self.conflicts

    def resolve(
        self, choices: Mapping[str, Side] | None = None, *, default: Side | None = None
    ) -> Resolution:
        """The merge with each conflict settled by ``choices[conflict.key]``, else by *default*.

        Raises ValueError when a conflict has neither.
        """
        chosen = dict(choices or {})
        for conflict in self.conflicts:
            if conflict.key not in chosen:
                if default is None:
                    raise ValueError(f"no choice for the conflict {conflict.key}")
                chosen[conflict.key] = default
        assert self._merger is not None
        return self._merger.build(chosen)

    def my_version_text(self) -> str:
        """The whole text of my version (the file as I loaded it, with my edits): to save beside it."""
        return version_text(self.mine, self.mine.checklist)


def version_text(loaded: LoadedChecklist, checklist: Checklist) -> str:
    """The text of *loaded*'s file with *checklist*'s edits: a version to save under another name.

    After a save made in a child process the app holds no text of the file any
    more (and the disk may hold someone else's); the version is then written
    whole from the checklist, in the standard layout, without the file's comments.
    """
    if not loaded.text_on_disk:
        from ita_tui.saving import render_text

        return render_text(loaded, checklist)
    from ita_tui.toml_write import Style, render_document

    return render_document(snapshot(checklist).document(), Style(newline=loaded.newline))


def merge(mine: LoadedChecklist, theirs: LoadedChecklist) -> MergeResult:
    """Compare my edits (*mine*: the file as I loaded it and my checklist) with *theirs* (the file now).

    Nothing is changed: :meth:`MergeResult.resolve` builds the merge.
    """
    merger = _Merger(mine, theirs)
    return MergeResult(
        mine,
        theirs,
        conflicts=merger.conflicts,
        mine_changed=merger.changes("mine"),
        theirs_changed=merger.changes("theirs"),
        _merger=merger,
    )


# -- the three versions --------------------------------------------------------------------


def _merge_value(base: Any, mine: Any, theirs: Any) -> tuple[Any, bool]:
    """The merged value and whether it is a conflict (then the value is mine)."""
    if mine == theirs or theirs == base:
        return mine, False
    if mine == base:
        return theirs, False
    return mine, True


def _merge_data(
    base: Data, mine: Data, theirs: Data, prefix: str = ""
) -> tuple[Data, list[tuple[str, Any, Any, Any]]]:
    """Key-by-key merge of three tables (tables inside are merged key by key too).

    Returns the merge (with mine in each conflict) and the conflicts:
    (dotted key, base, mine, theirs).  Keys come in theirs' order, then mine's new ones.
    """
    merged: Data = {}
    conflicts: list[tuple[str, Any, Any, Any]] = []
    for key in [
        *theirs,
        *(k for k in mine if k not in theirs),
        *(k for k in base if k not in mine and k not in theirs),
    ]:
        b, m, th = base.get(key, MISSING), mine.get(key, MISSING), theirs.get(key, MISSING)
        if isinstance(m, dict) and isinstance(th, dict) and isinstance(b, dict | Missing):
            merged[key], inner = _merge_data(b if isinstance(b, dict) else {}, m, th, f"{prefix}{key}.")
            conflicts.extend(inner)
            continue
        value, clash = _merge_value(b, m, th)
        if clash and key == "updated" and not prefix:
            value = _later(m, th)  # a stamp of the last change, not an edit: the later one
        elif clash:
            conflicts.append((prefix + key, b, m, th))
        if value is not MISSING:
            merged[key] = value
    return merged, conflicts


def _later(mine: Any, theirs: Any) -> Any:
    """The later of two ``updated`` stamps (mine if they cannot be compared)."""
    try:
        return theirs if mine is MISSING or (theirs is not MISSING and theirs > mine) else mine
    except TypeError:  # a local date-time and one with an offset
        return mine


def _unmoved(base: list[int], other: list[int]) -> set[int]:
    """The elements of *other* that keep their order relative to *base* (a longest common subsequence).

    Elements are unique, so this is the longest increasing run of their base
    positions: n log n, fine for 10,000 items in one section.
    """
    index = {uid: i for i, uid in enumerate(base)}
    sequence = [uid for uid in other if uid in index]
    tails: list[int] = []  # base positions ending the runs of each length
    tail_at: list[int] = []  # where in *sequence* those runs end
    previous: list[int] = [-1] * len(sequence)
    for i, uid in enumerate(sequence):
        position = index[uid]
        length = bisect.bisect_left(tails, position)
        if length == len(tails):
            tails.append(position)
            tail_at.append(i)
        else:
            tails[length] = position
            tail_at[length] = i
        previous[i] = tail_at[length - 1] if length else -1
    kept: set[int] = set()
    cursor = tail_at[-1] if tail_at else -1
    while cursor >= 0:
        kept.add(sequence[cursor])
        cursor = previous[cursor]
    return kept


def _moved(base: list[int], other: list[int]) -> set[int]:
    """Elements *other* added or put in another order than *base*'s."""
    return set(other) - _unmoved(base, other)


def _merge_order(
    base: list[int], mine: list[int], theirs: list[int], members: set[int], mine_wins: set[int]
) -> list[int]:
    """The merged order of *members*: theirs' order, with what I moved or added where I put it.

    An element both moved goes where I put it only if it is in *mine_wins*.
    """
    mine_moved = _moved(base, mine)
    theirs_moved = _moved(base, theirs)
    mine_places = {uid for uid in mine_moved if uid not in theirs_moved or uid in mine_wins}
    order = [uid for uid in theirs if uid in members and uid not in mine_places]
    placed = set(order)
    for position, uid in enumerate(mine):
        if uid not in members or uid in placed:
            continue
        before = next((p for p in reversed(mine[:position]) if p in placed), None)
        order.insert(order.index(before) + 1 if before is not None else 0, uid)
        placed.add(uid)
    order.extend(uid for uid in base if uid in members and uid not in placed)
    return order


@dataclass
class _Side:
    """One version: its snapshot and, for each item, its section."""

    record: Snapshot
    parent: dict[int, int] = field(default_factory=dict)
    order: dict[int, list[int]] = field(default_factory=dict)  # section uid -> item uids

    def __post_init__(self) -> None:
        for section in self.record.sections:
            self.order[section.uid] = list(section.items)
            for uid in section.items:
                self.parent[uid] = section.uid

    def section(self, uid: int) -> SectionRecord | None:
        return next((s for s in self.record.sections if s.uid == uid), None)


class _Merger:
    """The analysis of one merge, and the merged checklist for any choice of conflicts."""

    def __init__(self, mine: LoadedChecklist, theirs: LoadedChecklist) -> None:
        self.mine_loaded = mine
        self.theirs_loaded = theirs
        self.base = _Side(mine.baseline)
        self.mine = _Side(snapshot(mine.checklist, mine.baseline, None))
        self.theirs_record = _relabel(mine.baseline, theirs.baseline)
        self.theirs = _Side(self.theirs_record)
        self.conflicts: list[Conflict] = []
        self.twins: set[int] = set()  # my copies of items both sides added alike
        # Conflicts of one id on two parts: key -> (kind, my part's uid, their part's uid).
        self.same_ids: dict[str, tuple[str, int, int]] = {}
        self._moved_cache: dict[tuple[int, int], set[int]] = {}
        self._analyse()

    # -- names -------------------------------------------------------------------------

    def _item_name(self, uid: int) -> str:
        for side in (self.mine, self.theirs, self.base):
            if uid in side.record.items:
                return str(side.record.items[uid].get("id", "?"))
        return "?"

    def _section_name(self, uid: int) -> str:
        for side in (self.mine, self.theirs, self.base):
            record = side.section(uid)
            if record is not None:
                return t("merge.value.section", "en", id=record.data.get("id", "?"))
        return "?"

    # -- finding the conflicts -----------------------------------------------------------

    def _analyse(self) -> None:
        base, mine, theirs = self.base, self.mine, self.theirs
        self._fields("checklist", "", base.record.head, mine.record.head, theirs.record.head)
        for uid in self._section_uids():
            b, m, th = base.section(uid), mine.section(uid), theirs.section(uid)
            name = self._section_name(uid)
            if b is not None and m is not None and th is not None:
                self._fields(f"section:{uid}", name, b.data, m.data, th.data)
            elif b is not None and (m is None) != (th is None):
                self._existence(f"section:{uid}", name, b.data, m, th, self._section_touched(uid))
        for uid in self._item_uids():
            b_data = base.record.items.get(uid)
            m_data, th_data = mine.record.items.get(uid), theirs.record.items.get(uid)
            name = self._item_name(uid)
            if b_data is not None and m_data is not None and th_data is not None:
                self._fields(f"item:{uid}", name, b_data, m_data, th_data)
                self._place(uid, name)
            elif b_data is not None and (m_data is None) != (th_data is None):
                if self._section_decides(uid):
                    continue
                touched = (m_data if m_data is not None else th_data) != b_data or self._reparented(uid)
                self._existence(f"item:{uid}", name, b_data, m_data, th_data, touched)
        self._same_ids()

    def _section_uids(self) -> list[int]:
        seen: dict[int, None] = {}
        for side in (self.base, self.mine, self.theirs):
            seen.update((s.uid, None) for s in side.record.sections)
        return list(seen)

    def _item_uids(self) -> list[int]:
        seen: dict[int, None] = {}
        for side in (self.base, self.mine, self.theirs):
            seen.update((uid, None) for s in side.record.sections for uid in s.items)
        return list(seen)

    def _fields(self, key: str, where: str, base: Data, mine: Data, theirs: Data) -> None:
        for name, b, m, th in _merge_data(base, mine, theirs)[1]:
            self.conflicts.append(Conflict(f"{key}:{name}", "field", where, name, b, m, th))

    def _existence(self, key: str, where: str, base: Data, mine: Any, theirs: Any, touched: bool) -> None:
        if not touched:
            return  # removed on one side, left alone on the other: removed
        kind: Kind = "removed_by_them" if theirs is None else "removed_by_me"
        self.conflicts.append(
            Conflict(f"{key}:exists", kind, where, None, base, _data_of(mine), _data_of(theirs))
        )

    def _section_touched(self, uid: int) -> bool:
        """True when the side that kept section *uid* changed it or what it holds."""
        base = self.base.section(uid)
        keeper = self.mine if self.mine.section(uid) is not None else self.theirs
        record = keeper.section(uid)
        if base is None or record is None:
            return False
        if record.data != base.data:
            return True
        return any(
            self.base.record.items.get(item) != keeper.record.items[item] or self.base.parent.get(item) != uid
            for item in record.items
        )

    def _section_decides(self, uid: int) -> bool:
        """True when item *uid* went with its whole section (removed on one side), not on its own."""
        for side, other in ((self.mine, self.theirs), (self.theirs, self.mine)):
            if uid in side.record.items:
                continue
            parent = self.base.parent.get(uid)
            if parent is not None and side.section(parent) is None and other.parent.get(uid) == parent:
                return True
        return False

    def _reparented(self, uid: int) -> bool:
        keeper = self.mine if uid in self.mine.record.items else self.theirs
        return keeper.parent.get(uid) != self.base.parent.get(uid)

    def _place(self, uid: int, name: str) -> None:
        """A conflict when both sides moved item *uid* to different places."""
        base, mine, theirs = self.base, self.mine, self.theirs
        places = []
        for side in (mine, theirs):
            parent = side.parent[uid]
            moved = parent != base.parent[uid] or uid in self._moved_in(side, parent)
            places.append((moved, self._place_of(side, uid)))
        (mine_moved, mine_place), (theirs_moved, theirs_place) = places
        if mine_moved and theirs_moved and mine_place != theirs_place:
            self.conflicts.append(
                Conflict(
                    f"item:{uid}:position",
                    "position",
                    name,
                    None,
                    self._place_of(base, uid),
                    mine_place,
                    theirs_place,
                )
            )

    def _moved_in(self, side: _Side, section: int) -> set[int]:
        key = (id(side), section)
        if key not in self._moved_cache:
            self._moved_cache[key] = _moved(self.base.order.get(section, []), side.order[section])
        return self._moved_cache[key]

    def _place_of(self, side: _Side, uid: int) -> tuple[str, str | None]:
        parent = side.parent[uid]
        order = side.order[parent]
        position = order.index(uid)
        section = side.section(parent)
        section_id = str(section.data.get("id", "?")) if section is not None else "?"
        previous = self._item_name(order[position - 1]) if position else None
        return section_id, previous

    def _same_ids(self) -> None:
        """Two different items (or sections) that would end up with one id."""
        for kind, names in (("item", self._final_ids("item")), ("section", self._final_ids("section"))):
            by_id: dict[str, list[int]] = {}
            for uid, ident in names.items():
                by_id.setdefault(ident.casefold(), []).append(uid)
            parts = {**self._parts(self.theirs, kind), **self._parts(self.mine, kind)}
            for ident, uids in by_id.items():
                if len(uids) > 1:
                    mine_uid = next((u for u in uids if self._mine_named(kind, u)), uids[0])
                    theirs_uid = next((u for u in uids if u != mine_uid), uids[-1])
                    if kind == "item" and _same_content(parts[mine_uid], parts[theirs_uid]):
                        self.twins.add(mine_uid)  # both added the same item: one is enough
                        continue
                    key = f"{kind}-id:{ident}"
                    self.same_ids[key] = (kind, mine_uid, theirs_uid)
                    self.conflicts.append(
                        Conflict(
                            key, "same_id", names[mine_uid], "id", MISSING, parts[mine_uid], parts[theirs_uid]
                        )
                    )

    def _parts(self, side: _Side, kind: str) -> Mapping[int, Data]:
        return side.record.items if kind == "item" else {s.uid: s.data for s in side.record.sections}

    def _final_ids(self, kind: str) -> dict[int, str]:
        """Each part's id after the merge (mine where both changed it)."""
        base, mine, theirs = (self._parts(side, kind) for side in (self.base, self.mine, self.theirs))
        ids: dict[int, str] = {}
        for uid in {**theirs, **mine}:
            if uid in base and uid in mine and uid in theirs:
                ident = _merge_value(base[uid].get("id"), mine[uid].get("id"), theirs[uid].get("id"))[0]
            else:
                ident = (mine[uid] if uid in mine else theirs[uid]).get("id")
            ids[uid] = str(ident)
        return ids

    def _mine_named(self, kind: str, uid: int) -> bool:
        """True when I gave part *uid* its id (I added or renamed it)."""
        base, mine = self._parts(self.base, kind), self._parts(self.mine, kind)
        return uid in mine and (uid not in base or mine[uid].get("id") != base[uid].get("id"))

    # -- what each side did ----------------------------------------------------------------

    def changes(self, side_name: Side) -> list[Message]:
        """The parts *side_name* changed, as messages ("notes of M5", "added item M7", ...)."""
        side = self.mine if side_name == "mine" else self.theirs
        found: list[Message] = []
        base = self.base
        for key, _b, _v in _changed_keys(base.record.head, side.record.head):
            found.append(Message.of("merge.what.checklist_field", field=_field_name(key)))
        for uid in self._item_uids():
            b, v = base.record.items.get(uid), side.record.items.get(uid)
            name = self._item_name(uid)
            if b is None and v is not None:
                found.append(Message.of("author.did.add_item", id=name))
            elif b is not None and v is None:
                found.append(Message.of("author.did.remove_item", id=name))
            elif b is not None and v is not None:
                found.extend(
                    Message.of("merge.what.field", field=_field_name(key), where=name)
                    for key, _x, _y in _changed_keys(b, v)
                    if key != "updated"  # the stamp of another change, not one of its own
                )
        for record in side.record.sections:
            if base.section(record.uid) is None:
                found.append(Message.of("author.did.add_section", id=record.data.get("id", "?")))
        for record in base.record.sections:
            if side.section(record.uid) is None:
                found.append(Message.of("author.did.remove_section", id=record.data.get("id", "?")))
        return found

    # -- the merge for a choice of conflicts -----------------------------------------------

    def build(self, choices: Mapping[str, Side]) -> Resolution:
        """The merged checklist with the conflicts settled by *choices* (every key present)."""
        builder = _Build(self, choices)
        merged_record = builder.record()
        checklist = _model(merged_record)
        merged = replace(self.theirs_loaded, checklist=checklist, baseline=self.theirs_record)
        kept, dropped, overridden = builder.outcomes()
        theirs = [m for m in self.changes("theirs") if m not in overridden]
        return Resolution(merged, tuple(kept), tuple(theirs), tuple(dropped), tuple(overridden))


def _data_of(part: SectionRecord | Data | None) -> Any:
    """A part's data for a conflict: a section's own table, an item's data, MISSING if removed."""
    if part is None:
        return MISSING
    return part.data if isinstance(part, SectionRecord) else part


def _same_content(one: Data, other: Data) -> bool:
    """True when two items differ at most in when they were stamped."""
    return {k: v for k, v in one.items() if k != "updated"} == {
        k: v for k, v in other.items() if k != "updated"
    }


def _changed_keys(old: Data, new: Data) -> Iterable[tuple[str, Any, Any]]:
    for key in [*new, *(k for k in old if k not in new)]:
        if old.get(key, MISSING) != new.get(key, MISSING):
            yield key, old.get(key, MISSING), new.get(key, MISSING)


class _Build:
    """Builds the merged snapshot for one set of choices."""

    def __init__(self, merger: _Merger, choices: Mapping[str, Side]) -> None:
        self.m = merger
        self.choices = choices
        self.by_key = {c.key: c for c in merger.conflicts}

    def _chose(self, key: str) -> Side | None:
        return self.choices.get(key) if key in self.by_key else None

    def _data(self, key: str, base: Data, mine: Data, theirs: Data) -> Data:
        merged, conflicts = _merge_data(base, mine, theirs)
        for name, _b, _m, th in conflicts:
            if self._chose(f"{key}:{name}") == "theirs":
                _set_dotted(merged, name, th)
        return merged

    def _keeps(self, key: str, in_mine: bool, in_theirs: bool) -> bool:
        choice = self._chose(f"{key}:exists")
        if choice is not None:
            return choice == "mine" if in_mine else choice == "theirs"
        return in_mine and in_theirs

    def record(self) -> Snapshot:
        m = self.m
        base, mine, theirs = m.base, m.mine, m.theirs
        head = self._data("checklist", base.record.head, mine.record.head, theirs.record.head)
        sections: dict[int, Data] = {}
        for uid in m._section_uids():
            b, mi, th = base.section(uid), mine.section(uid), theirs.section(uid)
            if b is None:
                sections[uid] = (mi or th).data  # type: ignore[union-attr]
            elif mi is not None and th is not None:
                sections[uid] = self._data(f"section:{uid}", b.data, mi.data, th.data)
            elif self._keeps(f"section:{uid}", mi is not None, th is not None):
                sections[uid] = (mi or th).data  # type: ignore[union-attr]
        items: dict[int, Data] = {}
        parents: dict[int, int] = {}
        for uid in m._item_uids():
            data, parent = self._item(uid, sections)
            if data is not None and parent is not None:
                items[uid] = data
                parents[uid] = parent
                if parent not in sections:  # kept with its section, which one side removed
                    record = mine.section(parent) or theirs.section(parent) or base.section(parent)
                    assert record is not None
                    sections[parent] = record.data
        self._drop_same_ids(items, sections)
        order = _merge_order(
            [s.uid for s in base.record.sections],
            [s.uid for s in mine.record.sections],
            [s.uid for s in theirs.record.sections],
            set(sections),
            set(),
        )
        records = []
        for section_uid in order:
            members = {uid for uid, parent in parents.items() if parent == section_uid and uid in items}
            wins = {uid for uid in members if self._chose(f"item:{uid}:position") == "mine"}
            item_order = _merge_order(
                base.order.get(section_uid, []),
                mine.order.get(section_uid, []),
                theirs.order.get(section_uid, []),
                members,
                wins,
            )
            records.append(SectionRecord(section_uid, sections[section_uid], tuple(item_order)))
        return Snapshot(head, tuple(records), {uid: items[uid] for r in records for uid in r.items})

    def _item(self, uid: int, sections: dict[int, Data]) -> tuple[Data | None, int | None]:
        m = self.m
        base, mine, theirs = m.base, m.mine, m.theirs
        b, mi, th = base.record.items.get(uid), mine.record.items.get(uid), theirs.record.items.get(uid)
        if b is None:
            if uid in m.twins:
                return None, None
            data = mi if mi is not None else th
            parent = mine.parent.get(uid) if mi is not None else theirs.parent.get(uid)
            # New in a section the other side removed: it goes or stays with the section.
            return (data, parent) if parent in sections else (None, None)
        if mi is not None and th is not None:
            data = self._data(f"item:{uid}", b, mi, th)
            parent_b, parent_m, parent_t = base.parent[uid], mine.parent[uid], theirs.parent[uid]
            parent, clash = _merge_value(parent_b, parent_m, parent_t)
            if clash and self._chose(f"item:{uid}:position") == "theirs":
                parent = parent_t
            if parent not in sections:  # its section was removed on one side
                parent = parent_t if parent == parent_m else parent_m
            return data, parent
        if m._section_decides(uid):
            parent = base.parent[uid]
            keeper = mine if mi is not None else theirs
            if parent in sections:
                return (mi if mi is not None else th), keeper.parent.get(uid)
            return None, None
        if self._keeps(f"item:{uid}", mi is not None, th is not None):
            keeper = mine if mi is not None else theirs
            return (mi if mi is not None else th), keeper.parent[uid]
        return None, None

    def _drop_same_ids(self, items: dict[int, Data], sections: dict[int, Data]) -> None:
        for key, (kind, mine_uid, theirs_uid) in self.m.same_ids.items():
            loser = theirs_uid if self.choices.get(key) == "mine" else mine_uid
            (items if kind == "item" else sections).pop(loser, None)
        # Whatever clash is left (choices that made new ones): the later part's id gets a suffix.
        seen: set[str] = set()
        for data in items.values():
            ident = str(data.get("id", ""))
            if ident.casefold() in seen:
                number = 2
                while f"{ident}-{number}".casefold() in seen:
                    number += 1
                data["id"] = ident = f"{ident}-{number}"
            seen.add(ident.casefold())

    def outcomes(self) -> tuple[list[Message], list[Message], list[Message]]:
        """My edits kept, my edits dropped, their edits replaced by mine."""
        dropped = [c.description for c in self.m.conflicts if self.choices.get(c.key) == "theirs"]
        overridden = [c.description for c in self.m.conflicts if self.choices.get(c.key) == "mine"]
        kept = [message for message in self.m.changes("mine") if message not in dropped]
        return kept, dropped, overridden


def _set_dotted(data: Data, dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    if value is MISSING:
        data.pop(last, None)
    else:
        data[last] = value


def _relabel(base: Snapshot, theirs: Snapshot) -> Snapshot:
    """*theirs* with each section and item that is one of *base*'s under base's uid.

    Matched by id, then (for parts whose id changed) by content.
    """
    sections = _match({r.uid: r.data for r in base.sections}, {r.uid: r.data for r in theirs.sections})
    items = _match(dict(base.items), dict(theirs.items))
    return Snapshot(
        theirs.head,
        tuple(
            SectionRecord(sections.get(r.uid, r.uid), r.data, tuple(items.get(u, u) for u in r.items))
            for r in theirs.sections
        ),
        {items.get(uid, uid): data for uid, data in theirs.items.items()},
    )


def _match(base: dict[int, Data], theirs: dict[int, Data]) -> dict[int, int]:
    """Their uid -> base uid for the parts that are the same: same id, or renamed with the same content."""
    by_id = {str(data.get("id")): uid for uid, data in base.items()}
    matched: dict[int, int] = {}
    for uid, data in theirs.items():
        base_uid = by_id.get(str(data.get("id")))
        if base_uid is not None and base_uid not in matched.values():
            matched[uid] = base_uid
    left_base = [uid for uid in base if uid not in set(matched.values())]
    left_theirs = [uid for uid in theirs if uid not in matched]
    if not left_base or not left_theirs or len(left_base) * len(left_theirs) > _RENAME_CANDIDATES**2:
        return matched
    pairs = sorted(
        ((_similarity(base[b], theirs[t]), t, b) for b in left_base for t in left_theirs),
        key=lambda pair: -pair[0],
    )
    used: set[int] = set()
    for score, their_uid, base_uid in pairs:
        if score < _RENAME_SIMILARITY or their_uid in matched or base_uid in used:
            continue
        matched[their_uid] = base_uid
        used.add(base_uid)
    return matched


def _similarity(base: Data, theirs: Data) -> float:
    """The share of keys (other than the id) with the same value; the title counts double."""
    keys = (set(base) | set(theirs)) - {"id"}
    if not keys:
        return 0.0
    same = sum(1 + (key == "title") for key in keys if base.get(key, MISSING) == theirs.get(key, MISSING))
    return same / (len(keys) + ("title" in keys))


def _model(record: Snapshot) -> Checklist:
    """The checklist a merged snapshot describes, its parts under the snapshot's uids."""
    from ita_tui.schema import build_checklist

    checklist, _issues = build_checklist(record.document())
    for section, section_record in zip(checklist.sections, record.sections, strict=True):
        section.uid = section_record.uid
        for item, uid in zip(section.items, section_record.items, strict=True):
            item.uid = uid
    return checklist

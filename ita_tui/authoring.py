"""Authoring: add, edit, move and remove items and sections, and set the checklist's own fields.

Pure: no files, no terminals.  Every function below checks its input first,
then changes the checklist in place and returns the :class:`Edit` it made
(``None`` when there is nothing to change).  On bad input it raises
:class:`AuthoringError` and changes nothing.  An edit undoes and redoes
itself, so the app keeps edits and status changes in one history::

    edit = add_item(checklist, "measures", "มาตรการใหม่")   # applied, returned
    edit.revert(checklist)                                  # undo
    edit.apply(checklist)                                   # redo
    edit.description.render("th")                           # "เพิ่มรายการ M7" for "เลิกทำ: …"

The API (ids are the ids in the file; *item_id*/*section_id* name what exists):

Items
    ``suggest_item_id(checklist, section_id) -> str``: the next ``M<n>`` (the
    section's own prefix, e.g. ``O44``), unique across the file.
    ``add_item(checklist, section_id, title, *, item_id=None, after=None,
    fields=None) -> Edit``: a new item, after the item *after* (in that item's
    section) or at the end of *section_id*; *item_id* defaults to the suggestion.
    ``add_indicator(checklist, number, *, section_id=None) -> Edit``: indicator
    *number* of the year's official table (id ``I<n>``, its official title), in
    *section_id* or the first section of its group (made if there is none).
    ``remove_item(checklist, item_id, *, allow_unscorable=False) -> Edit``: revert
    puts it back whole, in its place.
    ``move_item(checklist, item_id, *, before=None, after=None, to_section=None)
    -> Edit | None``: before/after another item (in its section), or to the end
    of *to_section*.  ``move_item_by(checklist, item_id, step)``: up (-1) or down
    (+1) one place; past a section's edge it goes to the end of the previous or
    the start of the next section.
    ``set_item_title(checklist, item_id, title)``, ``rename_item(checklist,
    item_id, new_id)``.
    ``set_field(checklist, item_id, key, value)`` sets a detail field (a string,
    or a list of strings edited one entry a line); an empty value removes it.
    ``remove_field(checklist, item_id, key)``.  ``field_choices(checklist,
    section_id) -> list[(key, label)]``: the fields the checklist's labels and
    items know, to offer when adding one.
Sections
    ``suggest_section_id(checklist) -> str``; ``add_section(checklist, title, *,
    section_id=None, after=None, group=None) -> Edit`` (after the section *after*,
    else at the end); ``remove_section(checklist, section_id, *,
    allow_unscorable=False)``; ``move_section(checklist, section_id, step)``
    (-1 up, +1 down) or ``move_section_to(checklist, section_id, index)``;
    ``set_section_title(checklist, section_id, title)``.
The checklist
    ``set_checklist_field(checklist, key, text) -> Edit | None`` for
    :data:`CHECKLIST_FIELDS`: ``title`` (not empty), ``organization``,
    ``fiscal_year`` (a Buddhist Era year, Thai digits accepted, empty clears it),
    ``description`` (may be several lines), ``language`` (``th``, ``en``, empty).
    ``parse_fiscal_year(text) -> int | None``.

Refused (:class:`AuthoringError`, whose ``message`` is an i18n
:class:`~ita_tui.i18n.Message`): an empty or malformed id, an id already taken
(compared without case: ``m1`` and ``M1`` would be one id to a person), an empty
title or one of several lines, a year that is not a plausible Buddhist Era year,
an unknown language or indicator, a detail field named like a built-in key, and
removing the last indicator of an ITA group (the score could no longer be
computed) unless *allow_unscorable*.

An :class:`Edit` names what it changed by identity (``uid``), not by id, so it
undoes correctly after renames; ``target`` is the uid of the item or section it
concerns (``None`` for the checklist's own fields, and for a removed section),
for the app to select; ``structural`` says the lists of sections and items
changed (rebuild them); ``touched(checklist)`` gives the uids of the items
whose data may have changed.  Status, notes and score changes
(:class:`ita_tui.edits.Change`) are Edits too.  In the app, record every edit
in the session: ``session.record(add_item(session.checklist, ...))``; its
``undo()`` / ``redo()`` return the Edit, and ``dirty`` covers structure too.
Helpers: ``find_item(checklist, item_id) -> (section, index, item)``,
``find_section(checklist, section_id) -> (index, section)``,
``check_id``, ``check_title``, ``official_indicators() -> {number: title}``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ita_tui.i18n import Message, parse_lang
from ita_tui.model import GROUPS, ITEM_KEYS, Checklist, FieldValue, Item, Section
from ita_tui.sanitize import clean_text
from ita_tui.undoable import Edit

CHECKLIST_FIELDS = ("title", "organization", "fiscal_year", "description", "language")
FIRST_YEAR, LAST_YEAR = 2400, 2700  # what the file format accepts (schema.py)
_ID = re.compile(r"[^\s\"'\\.=\[\]{}#,]+")
_NUMBERED_ID = re.compile(r"^(\D*?)(\d+)$")
_CE_OFFSET = 543  # Buddhist Era = Common Era + 543


class AuthoringError(ValueError):
    """An edit refused for bad input; nothing was changed.  *message* says why, in any language."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


# -- edits -------------------------------------------------------------------------


class _Structural(Edit):
    """An edit that adds, removes or moves a section or an item."""

    @property
    def structural(self) -> bool:
        return True


class _Undone(Edit):
    """Mixed in before an edit class: its inverse (apply and revert swapped)."""

    def apply(self, checklist: Checklist) -> None:
        super().revert(checklist)  # type: ignore[safe-super]

    def revert(self, checklist: Checklist) -> None:
        super().apply(checklist)  # type: ignore[safe-super]


@dataclass(frozen=True)
class AddItem(_Structural):
    """*item* inserted at *index* of the section *section_uid*."""

    section_uid: int
    index: int
    item: Item
    description: Message
    target: int | None = None

    def apply(self, checklist: Checklist) -> None:
        _section_by_uid(checklist, self.section_uid).items.insert(self.index, self.item)

    def revert(self, checklist: Checklist) -> None:
        _take_item(checklist, self.item.uid)

    def touched(self, checklist: Checklist) -> set[int]:
        return {self.item.uid}


@dataclass(frozen=True)
class RemoveItem(_Undone, AddItem):
    """The inverse of :class:`AddItem`: the item leaves; revert puts the same object back."""


@dataclass(frozen=True)
class AddSection(_Structural):
    """*section* (with its items) inserted at *index*."""

    index: int
    section: Section
    description: Message
    target: int | None = None

    def apply(self, checklist: Checklist) -> None:
        checklist.sections.insert(self.index, self.section)

    def revert(self, checklist: Checklist) -> None:
        checklist.sections.remove(_section_by_uid(checklist, self.section.uid))

    def touched(self, checklist: Checklist) -> set[int]:
        return {item.uid for item in self.section.items}


@dataclass(frozen=True)
class RemoveSection(_Undone, AddSection):
    """The inverse of :class:`AddSection`."""


@dataclass(frozen=True)
class MoveItem(_Structural):
    """The item *item_uid* from (section uid, index) *origin* to *destination*."""

    item_uid: int
    origin: tuple[int, int]
    destination: tuple[int, int]
    description: Message
    target: int | None = None

    def apply(self, checklist: Checklist) -> None:
        self._place(checklist, self.destination)

    def revert(self, checklist: Checklist) -> None:
        self._place(checklist, self.origin)

    def _place(self, checklist: Checklist, where: tuple[int, int]) -> None:
        item = _take_item(checklist, self.item_uid)
        _section_by_uid(checklist, where[0]).items.insert(where[1], item)

    def touched(self, checklist: Checklist) -> set[int]:
        return {self.item_uid}  # in a section of another group its indicator may need writing


@dataclass(frozen=True)
class MoveSection(_Structural):
    """A section from index *origin* to index *destination*."""

    section_uid: int
    origin: int
    destination: int
    description: Message
    target: int | None = None

    def apply(self, checklist: Checklist) -> None:
        self._place(checklist, self.destination)

    def revert(self, checklist: Checklist) -> None:
        self._place(checklist, self.origin)

    def _place(self, checklist: Checklist, index: int) -> None:
        section = _section_by_uid(checklist, self.section_uid)
        checklist.sections.remove(section)
        checklist.sections.insert(index, section)


Owner = Literal["item", "section", "checklist"]


@dataclass(frozen=True)
class SetValue(Edit):
    """One attribute of an item, a section or the checklist, from *old* to *new*.

    For an item's detail fields the attribute is ``fields`` and the values are
    whole copies of the dict, so that undo restores the fields' order too.
    """

    owner: Owner
    uid: int | None
    name: str
    old: object
    new: object
    description: Message
    target: int | None = None

    def apply(self, checklist: Checklist) -> None:
        setattr(self._object(checklist), self.name, _copy(self.new))

    def revert(self, checklist: Checklist) -> None:
        setattr(self._object(checklist), self.name, _copy(self.old))

    def touched(self, checklist: Checklist) -> set[int]:
        if self.owner == "item" and self.uid is not None:
            return {self.uid}
        if self.owner == "section" and self.uid is not None:
            return {item.uid for item in _section_by_uid(checklist, self.uid).items}
        return set()

    def _object(self, checklist: Checklist) -> object:
        if self.owner == "checklist":
            return checklist
        if self.owner == "section":
            return _section_by_uid(checklist, self.uid or 0)
        return _item_by_uid(checklist, self.uid or 0)


def _copy(value: object) -> object:
    # Field dicts and lists are shared with the model: give each application its own.
    if isinstance(value, dict):
        return {key: list(entry) if isinstance(entry, list) else entry for key, entry in value.items()}
    if isinstance(value, list):  # an item's evidence
        return list(value)
    return value


# -- lookups -----------------------------------------------------------------------


def _section_by_uid(checklist: Checklist, uid: int) -> Section:
    for section in checklist.sections:
        if section.uid == uid:
            return section
    raise LookupError(f"no section with uid {uid}")


def _item_by_uid(checklist: Checklist, uid: int) -> Item:
    for section in checklist.sections:
        for item in section.items:
            if item.uid == uid:
                return item
    raise LookupError(f"no item with uid {uid}")


def _take_item(checklist: Checklist, uid: int) -> Item:
    for section in checklist.sections:
        for index, item in enumerate(section.items):
            if item.uid == uid:
                return section.items.pop(index)
    raise LookupError(f"no item with uid {uid}")


def find_item(checklist: Checklist, item_id: str) -> tuple[Section, int, Item]:
    """The section holding *item_id*, the item's index there, and the item; AuthoringError if none."""
    for section in checklist.sections:
        for index, item in enumerate(section.items):
            if item.id == item_id:
                return section, index, item
    raise AuthoringError(Message.of("author.no_item", id=item_id))


def find_section(checklist: Checklist, section_id: str) -> tuple[int, Section]:
    """The index and section called *section_id*; AuthoringError if none."""
    for index, section in enumerate(checklist.sections):
        if section.id == section_id:
            return index, section
    raise AuthoringError(Message.of("author.no_section", id=section_id))


# -- checks ------------------------------------------------------------------------


def check_id(new_id: str, taken: list[str], kind: Literal["item", "section"]) -> str:
    """*new_id* stripped, if it is a usable id that *taken* does not hold (case-blind)."""
    ident = new_id.strip()
    if not ident:
        raise AuthoringError(Message.of("author.id_empty"))
    if not _ID.fullmatch(ident) or clean_text(ident) != ident:
        raise AuthoringError(Message.of("author.id_malformed", id=ident))
    folded = ident.casefold()
    clash = next((other for other in taken if other.casefold() == folded), None)
    if clash is not None:
        key = "author.item_id_taken" if kind == "item" else "author.section_id_taken"
        raise AuthoringError(Message.of(key, id=clash))
    return ident


def check_title(title: str) -> str:
    """*title* cleaned and stripped: one line, not empty."""
    text = clean_text(title).strip()
    if not text:
        raise AuthoringError(Message.of("author.title_empty"))
    if "\n" in text:
        raise AuthoringError(Message.of("author.title_one_line"))
    return text.replace("\t", " ")


def parse_fiscal_year(text: str) -> int | None:
    """A typed fiscal year: ``2570``, ``๒๕๗๐``, ``พ.ศ. 2570``; None for empty; AuthoringError otherwise."""
    stripped = re.sub(r"^(?:พ\.\s*ศ\.|B\.?E\.?)\s*", "", text.strip(), flags=re.IGNORECASE)
    if not stripped:
        return None
    try:
        year = int(stripped)  # int() reads Thai digits too
    except ValueError:
        raise AuthoringError(Message.of("author.year_bad", text=text.strip())) from None
    if FIRST_YEAR <= year <= LAST_YEAR:
        return year
    if FIRST_YEAR - _CE_OFFSET <= year <= LAST_YEAR - _CE_OFFSET:
        raise AuthoringError(Message.of("author.year_common_era", year=year, buddhist=year + _CE_OFFSET))
    raise AuthoringError(Message.of("author.year_bad", text=text.strip()))


def _item_ids(checklist: Checklist) -> list[str]:
    return [item.id for item in checklist.items()]


def _unscorable(checklist: Checklist, leaving: set[int]) -> str | None:
    """The first ITA group that would have no indicator item left once the items *leaving* go."""
    from ita_tui.scoring import effective_table

    table = effective_table(checklist)[0]

    def groups(skip: set[int]) -> set[str]:
        return {
            table.indicators[item.indicator].group
            for item in checklist.items()
            if item.uid not in skip and item.indicator in table.indicators
        }

    lost = groups(set()) - groups(leaving)
    return min(lost, key=GROUPS.index) if lost else None


# -- items -------------------------------------------------------------------------


def suggest_item_id(checklist: Checklist, section_id: str) -> str:
    """The next free id for an item of *section_id*: ``M7`` after ``M6``, unique in the file.

    The prefix is the one most of the section's items use (``M`` for an empty
    section); the number is one more than the highest with that prefix anywhere.
    """
    _index, section = find_section(checklist, section_id)
    prefixes = [m.group(1) for item in section.items if (m := _NUMBERED_ID.match(item.id))]
    prefix = max(set(prefixes), key=prefixes.count) if prefixes else "M"
    taken = {ident.casefold() for ident in _item_ids(checklist)}
    numbers = [
        int(m.group(2))
        for ident in _item_ids(checklist)
        if (m := _NUMBERED_ID.match(ident)) and m.group(1).casefold() == prefix.casefold()
    ]
    number = max(numbers, default=0) + 1
    while f"{prefix}{number}".casefold() in taken:
        number += 1
    return f"{prefix}{number}"


def add_item(
    checklist: Checklist,
    section_id: str,
    title: str,
    *,
    item_id: str | None = None,
    after: str | None = None,
    fields: dict[str, FieldValue] | None = None,
) -> Edit:
    """Add an item at the end of *section_id*, or right after the item *after*."""
    if after is not None:
        section, index, _item = find_item(checklist, after)
        index += 1
    else:
        section = find_section(checklist, section_id)[1]
        index = len(section.items)
    ident = check_id(
        item_id if item_id is not None else suggest_item_id(checklist, section.id),
        _item_ids(checklist),
        "item",
    )
    item = Item(ident, check_title(title), fields={k: _field_value(k, v) for k, v in (fields or {}).items()})
    edit = AddItem(section.uid, index, item, Message.of("author.did.add_item", id=ident), item.uid)
    edit.apply(checklist)
    return edit


def official_indicators() -> dict[int, str]:
    """The official title of each ITA indicator, from the bundled ``new-year`` template."""
    import tomllib

    from ita_tui.templates import find

    template = find("new-year")
    if template is None:  # pragma: no cover - the package ships it
        return {}
    data = tomllib.loads(template.read_bytes().decode("utf-8"))
    return {
        int(item["id"][1:]): item["title"]
        for section in data["sections"]
        if section.get("group")
        for item in section["items"]
    }


def add_indicator(checklist: Checklist, number: int, *, section_id: str | None = None) -> Edit:
    """Add indicator *number* of the year's table: id ``I<n>``, its official title.

    It goes into *section_id*, else the first section of its ITA group, else a
    new section for the group at the end (one edit either way).
    """
    from ita_tui.scoring import effective_table

    table = effective_table(checklist)[0]
    if number not in table.indicators:
        raise AuthoringError(Message.of("author.no_indicator", number=number, year=table.year))
    holder = next((item for item in checklist.items() if item.indicator == number), None)
    if holder is not None:
        raise AuthoringError(Message.of("author.indicator_present", number=number, id=holder.id))
    group = table.indicators[number].group
    ident = check_id(f"I{number}", _item_ids(checklist), "item")
    item = Item(ident, official_indicators().get(number, f"I{number}"), indicator=number)
    description = Message.of("author.did.add_item", id=ident)
    if section_id is None:
        section = next((s for s in checklist.sections if s.group == group), None)
        if section is None:
            new = Section(_free_section_id(checklist, group.lower()), group, [item], group=group)
            edit: Edit = AddSection(len(checklist.sections), new, description, item.uid)
            edit.apply(checklist)
            return edit
    else:
        section = find_section(checklist, section_id)[1]
    # Indicators stay in their number order within the section.
    index = next(
        (i for i, other in enumerate(section.items) if other.indicator and other.indicator > number),
        len(section.items),
    )
    edit = AddItem(section.uid, index, item, description, item.uid)
    edit.apply(checklist)
    return edit


def remove_item(checklist: Checklist, item_id: str, *, allow_unscorable: bool = False) -> Edit:
    """Remove the item *item_id*; revert puts it back whole, in its place."""
    section, index, item = find_item(checklist, item_id)
    group = None if allow_unscorable else _unscorable(checklist, {item.uid})
    if group is not None:
        raise AuthoringError(Message.of("author.last_indicator", id=item.id, group=group))
    edit = RemoveItem(section.uid, index, item, Message.of("author.did.remove_item", id=item.id), section.uid)
    edit.apply(checklist)
    return edit


def move_item(
    checklist: Checklist,
    item_id: str,
    *,
    before: str | None = None,
    after: str | None = None,
    to_section: str | None = None,
) -> Edit | None:
    """Move *item_id* before or after another item, or to the end of *to_section*; None if it stays."""
    if [before, after, to_section].count(None) != 2:
        raise ValueError("give exactly one of before, after, to_section")
    section, index, item = find_item(checklist, item_id)
    anchor = before or after
    if anchor is not None:
        if anchor == item_id:
            return None
        target, target_index, _other = find_item(checklist, anchor)
        target_index += 1 if after else 0
    else:
        target = find_section(checklist, to_section or "")[1]
        target_index = len(target.items)
    if target is section and target_index > index:
        target_index -= 1  # counted with the item still in place
    return _move(checklist, item, (section, index), (target, target_index))


def move_item_by(checklist: Checklist, item_id: str, step: Literal[-1, 1]) -> Edit | None:
    """Move *item_id* one place up (-1) or down (+1), across into the next section at an edge."""
    section, index, item = find_item(checklist, item_id)
    new_index = index + step
    if 0 <= new_index < len(section.items):
        return _move(checklist, item, (section, index), (section, new_index))
    position = checklist.sections.index(section) + step
    if not 0 <= position < len(checklist.sections):
        return None
    neighbour = checklist.sections[position]
    return _move(checklist, item, (section, index), (neighbour, len(neighbour.items) if step < 0 else 0))


def _move(
    checklist: Checklist, item: Item, origin: tuple[Section, int], destination: tuple[Section, int]
) -> Edit | None:
    if origin[0] is destination[0] and origin[1] == destination[1]:
        return None
    edit = MoveItem(
        item.uid,
        (origin[0].uid, origin[1]),
        (destination[0].uid, destination[1]),
        Message.of("author.did.move_item", id=item.id),
        item.uid,
    )
    edit.apply(checklist)
    return edit


def set_item_title(checklist: Checklist, item_id: str, title: str) -> Edit | None:
    """Give *item_id* a new title (one line, not empty)."""
    _section, _index, item = find_item(checklist, item_id)
    text = check_title(title)
    return _set("item", item, "title", text, Message.of("author.did.item_title", id=item.id))


def rename_item(checklist: Checklist, item_id: str, new_id: str) -> Edit | None:
    """Give *item_id* the id *new_id* (unique in the file)."""
    _section, _index, item = find_item(checklist, item_id)
    if new_id.strip() == item.id:
        return None
    others = [ident for ident in _item_ids(checklist) if ident != item.id]
    ident = check_id(new_id, others, "item")
    return _set("item", item, "id", ident, Message.of("author.did.rename_item", old=item.id, new=ident))


def _field_key(key: str) -> str:
    name = key.strip()
    if not name or not _ID.fullmatch(name) or clean_text(name) != name:
        raise AuthoringError(Message.of("author.field_key_bad", key=name))
    if name in ITEM_KEYS:
        raise AuthoringError(Message.of("author.field_reserved", key=name))
    return name


def _field_value(key: str, value: FieldValue) -> FieldValue:
    """*value* cleaned: a string stripped of trailing space, a list without empty entries."""
    _field_key(key)
    if isinstance(value, str):
        return clean_text(value).strip()
    return [entry for entry in (clean_text(text).strip() for text in value) if entry]


def set_field(checklist: Checklist, item_id: str, key: str, value: FieldValue) -> Edit | None:
    """Set the detail field *key* of *item_id*; an empty value (or list) removes the field."""
    name = _field_key(key)
    cleaned = _field_value(name, value)
    if not cleaned:
        return remove_field(checklist, item_id, name)
    _section, _index, item = find_item(checklist, item_id)
    fields = dict(item.fields)
    fields[name] = cleaned
    return _set("item", item, "fields", fields, Message.of("author.did.field", key=name, id=item.id))


def remove_field(checklist: Checklist, item_id: str, key: str) -> Edit | None:
    """Remove the detail field *key* of *item_id*; None when the item has no such field."""
    _section, _index, item = find_item(checklist, item_id)
    if key not in item.fields:
        return None
    fields = {name: value for name, value in item.fields.items() if name != key}
    return _set("item", item, "fields", fields, Message.of("author.did.remove_field", key=key, id=item.id))


def field_choices(checklist: Checklist, section_id: str) -> list[tuple[str, str]]:
    """Detail fields to offer for an item of *section_id*: ``(key, label)``, labelled ones first."""
    _index, section = find_section(checklist, section_id)
    keys = [*section.labels, *checklist.labels]
    keys += [key for item in checklist.items() for key in item.fields]
    unique = list(dict.fromkeys(key for key in keys if key not in ITEM_KEYS))
    return [(key, checklist.label(section, key)) for key in unique]


def _set(
    owner: Owner, target: Item | Section | Checklist, name: str, value: object, description: Message
) -> Edit | None:
    old = getattr(target, name)
    if old == value:
        return None
    uid = None if isinstance(target, Checklist) else target.uid
    edit = SetValue(owner, uid, name, _copy(old), _copy(value), description, uid)
    setattr(target, name, _copy(value))
    return edit


# -- sections ----------------------------------------------------------------------


def _free_section_id(checklist: Checklist, stem: str) -> str:
    taken = {section.id.casefold() for section in checklist.sections}
    if stem.casefold() not in taken:
        return stem
    number = 2
    while f"{stem}-{number}".casefold() in taken:
        number += 1
    return f"{stem}-{number}"


def suggest_section_id(checklist: Checklist) -> str:
    """A free section id: ``section-2``, ``section-3``, …"""
    return _free_section_id(checklist, "section")


def add_section(
    checklist: Checklist,
    title: str,
    *,
    section_id: str | None = None,
    after: str | None = None,
    group: str | None = None,
) -> Edit:
    """Add an empty section after the section *after*, or at the end."""
    index = find_section(checklist, after)[0] + 1 if after is not None else len(checklist.sections)
    taken = [section.id for section in checklist.sections]
    ident = check_id(
        section_id if section_id is not None else suggest_section_id(checklist), taken, "section"
    )
    if group is not None and group.upper() not in GROUPS:
        raise AuthoringError(Message.of("author.group_bad", group=group, groups=", ".join(GROUPS)))
    section = Section(ident, check_title(title), group=group.upper() if group else None)
    edit = AddSection(index, section, Message.of("author.did.add_section", id=ident), section.uid)
    edit.apply(checklist)
    return edit


def remove_section(checklist: Checklist, section_id: str, *, allow_unscorable: bool = False) -> Edit:
    """Remove *section_id* with its items; revert puts them all back in place."""
    index, section = find_section(checklist, section_id)
    group = None if allow_unscorable else _unscorable(checklist, {item.uid for item in section.items})
    if group is not None:
        raise AuthoringError(Message.of("author.last_indicator_section", id=section.id, group=group))
    edit = RemoveSection(index, section, Message.of("author.did.remove_section", id=section.id), None)
    edit.apply(checklist)
    return edit


def move_section_to(checklist: Checklist, section_id: str, index: int) -> Edit | None:
    """Move *section_id* to position *index* (clamped); None when it is there already."""
    origin, section = find_section(checklist, section_id)
    destination = max(0, min(index, len(checklist.sections) - 1))
    if destination == origin:
        return None
    edit = MoveSection(
        section.uid, origin, destination, Message.of("author.did.move_section", id=section.id), section.uid
    )
    edit.apply(checklist)
    return edit


def move_section(checklist: Checklist, section_id: str, step: Literal[-1, 1]) -> Edit | None:
    """Move *section_id* one place up (-1) or down (+1)."""
    origin, _section = find_section(checklist, section_id)
    return move_section_to(checklist, section_id, origin + step) if origin + step >= 0 else None


def set_section_title(checklist: Checklist, section_id: str, title: str) -> Edit | None:
    """Give *section_id* a new title (one line, not empty)."""
    _index, section = find_section(checklist, section_id)
    text = check_title(title)
    return _set("section", section, "title", text, Message.of("author.did.section_title", id=section.id))


# -- the checklist's own fields ---------------------------------------------------------


def set_checklist_field(checklist: Checklist, key: str, text: str) -> Edit | None:
    """Set one of :data:`CHECKLIST_FIELDS` from typed *text*; None when it is the same."""
    value: object
    if key == "title":
        value = check_title(text)
    elif key == "organization":
        value = clean_text(text).strip().replace("\n", " ")
    elif key == "description":
        value = clean_text(text).strip()
    elif key == "fiscal_year":
        value = parse_fiscal_year(text)
    elif key == "language":
        value = parse_lang(text) if text.strip() else None
        if text.strip() and value is None:
            raise AuthoringError(Message.of("author.language_bad", text=text.strip()))
    else:
        raise AuthoringError(
            Message.of("author.checklist_key_bad", key=key, keys=", ".join(CHECKLIST_FIELDS))
        )
    return _set("checklist", checklist, key, value, Message.of(f"author.did.checklist.{key}"))

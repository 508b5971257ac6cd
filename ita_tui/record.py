"""The checklist as plain TOML data, part by part, keyed by identity: what saves and merges compare.

:mod:`ita_tui.schema` turns the data :mod:`tomllib` reads into the model; this
module is its inverse, part by part: :func:`head_data` (the ``[checklist]``
table), :func:`section_data` (a ``[[sections]]`` table without its items) and
:func:`item_data` (a ``[[sections.items]]`` table).  Values are the plain types
tomllib gives (str, int, float, bool, date, datetime, lists, dicts); a key the
file should not hold is left out.

It is generic over the model's dataclass fields, so that a key added to the
model later (an item's ``due`` date, its ``evidence`` tables) is saved and
merged with no code here: a field named ``due`` holding a date becomes
``due = 2026-12-15``; a list of dataclasses becomes an array of tables.  The
only rules of their own: a status is written by its key, ``None`` means
absent, an item's ``indicator`` is left out where its id already says it
(``I3`` in a section with a ``group``), detail fields follow the item's keys.

A :class:`Snapshot` is the whole checklist so recorded, with each section and
item under its ``uid`` (:mod:`ita_tui.model`): the loader keeps one as the
baseline (what the file holds), a save compares the edited checklist with it,
and a merge compares three of them.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from ita_tui.model import Checklist, Item, Section

Data = dict[str, Any]

# Keys written first in a new item, in this order (the order of the bundled checklists).
_ITEM_ORDER = ("id", "title", "indicator", "score", "status", "notes")
_INDICATOR_ID = re.compile(r"^I(\d{1,2})$")


def _plain(value: Any) -> Any:
    """*value* as tomllib would give it: enums by value, dataclasses as tables, None as absent."""
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(v) for f in dataclasses.fields(value) if (v := getattr(value, f.name)) is not None
        }
    if isinstance(value, list):
        return [_plain(entry) for entry in value]
    if isinstance(value, dict):
        return {key: _plain(entry) for key, entry in value.items()}
    return value


_NAMES: dict[tuple[type, frozenset[str]], tuple[str, ...]] = {}


def _names(kind: type, skip: frozenset[str]) -> tuple[str, ...]:
    """The names of *kind*'s fields but *skip* and ``uid`` (looked up once a class)."""
    key = (kind, skip)
    if key not in _NAMES:
        _NAMES[key] = tuple(f.name for f in dataclasses.fields(kind) if f.name not in {*skip, "uid"})
    return _NAMES[key]


_SIMPLE = (str, int, float)


def _fields(obj: Any, skip: frozenset[str]) -> Data:
    data = {}
    for name in _names(type(obj), skip):
        value = getattr(obj, name)
        if value is not None:
            # The common values need no conversion: 10,000 items are recorded at every load.
            data[name] = value if type(value) in _SIMPLE else _plain(value)
    return data


def implied_indicator(item_id: str, group: str | None) -> int | None:
    """The indicator an item's id names in a section with an ITA *group* (``I3`` → 3), else None."""
    match = _INDICATOR_ID.match(item_id)
    if group and match and 1 <= int(match.group(1)) <= 10:
        return int(match.group(1))
    return None


_ITEM_SKIP = frozenset({"fields", "updated"})


@functools.cache
def _item_names() -> tuple[str, ...]:
    """Item fields in the order a new item writes them: the known first, those added later next."""
    names = _names(Item, _ITEM_SKIP)
    return (*(n for n in _ITEM_ORDER if n in names), *(n for n in names if n not in _ITEM_ORDER))


def item_data(item: Item, group: str | None) -> Data:
    """What the file should hold for *item*, in a section of ITA *group* (or None).

    On every load and save of 10,000 items: kept to plain attribute reads.
    """
    data: Data = {}
    for name in _item_names():
        value = getattr(item, name)
        if value is None:
            continue
        if name == "indicator" and value == implied_indicator(item.id, group):
            continue
        data[name] = value if type(value) in _SIMPLE else _plain(value)
    for key, value in item.fields.items():
        if key not in data:
            data[key] = list(value) if isinstance(value, list) else value
    if item.updated is not None:
        data["updated"] = item.updated
    return data


def section_data(section: Section) -> Data:
    """What the file should hold in *section*'s own table (its items apart)."""
    return _fields(section, frozenset({"items"}))


def head_data(checklist: Checklist) -> Data:
    """What the file should hold in ``[checklist]``."""
    return _fields(checklist, frozenset({"sections"}))


@dataclass(frozen=True)
class SectionRecord:
    """A section as recorded: its identity, its own data and its items' identities in order."""

    uid: int
    data: Data
    items: tuple[int, ...]


@dataclass(frozen=True)
class Snapshot:
    """A whole checklist as data: the head, the sections in order, each item's data by uid."""

    head: Data
    sections: tuple[SectionRecord, ...]
    items: Mapping[int, Data]

    def positions(self) -> dict[int, tuple[int, int]]:
        """Each item's (section index, item index)."""
        return {uid: (s, i) for s, record in enumerate(self.sections) for i, uid in enumerate(record.items)}

    def layout(self) -> tuple[tuple[int, tuple[int, ...]], ...]:
        """The order of sections and items, by uid."""
        return tuple((record.uid, record.items) for record in self.sections)

    def document(self) -> Data:
        """The whole checklist as one TOML document's data (what tomllib would read)."""
        return {
            "format": 1,
            "checklist": self.head,
            "sections": [
                {**record.data, "items": [self.items[uid] for uid in record.items]}
                for record in self.sections
            ],
        }


def snapshot(
    checklist: Checklist, reuse: Snapshot | None = None, changed: set[int] | None = None
) -> Snapshot:
    """Record *checklist*.

    With *reuse* and *changed*, the data of every item not in *changed* is taken
    from *reuse* instead of being built again (an app's snapshot of 10,000 items
    where three changed).  An item that moved to a section of another group is
    in *changed*: its ``indicator`` may have to be written.
    """
    items: dict[int, Data] = {}
    sections = []
    old = reuse.items if reuse is not None and changed is not None else {}
    for section in checklist.sections:
        for item in section.items:
            known = old.get(item.uid) if changed is not None and item.uid not in changed else None
            items[item.uid] = known if known is not None else item_data(item, section.group)
        sections.append(
            SectionRecord(section.uid, section_data(section), tuple(i.uid for i in section.items))
        )
    return Snapshot(head_data(checklist), tuple(sections), items)

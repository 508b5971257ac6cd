"""The checklist as plain typed data: no files, no terminals.

A :class:`Checklist` holds :class:`Section` objects, which hold :class:`Item`
objects.  Everything here is cheap to build and compare, so the loader, the
app, the report builder and the tests all share one vocabulary.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

FieldValue = str | list[str]


class Status(StrEnum):
    """The three progress states of an item, in their natural order."""

    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    DONE = "done"

    def next(self) -> Status:
        """The status that `space` cycles to: not-started → in-progress → done → not-started."""
        order = list(Status)
        return order[(order.index(self) + 1) % len(order)]

    @classmethod
    def parse(cls, text: str) -> Status | None:
        """Read a status written as its key, its English name or a Thai spelling; None if unknown."""
        return _STATUS_SPELLINGS.get(_normalise_status(text))


def _normalise_status(text: str) -> str:
    return re.sub(r"[\s_]+", "-", text.strip().lower()).replace("\u200b", "")


# Every spelling seen in real documents (DOMAIN.md), mapped once, normalised.
_STATUS_SPELLINGS: dict[str, Status] = {
    _normalise_status(spelling): status
    for status, spellings in {
        Status.NOT_STARTED: (
            "not-started",
            "not started",
            "todo",
            "ยังไม่ได้ดำเนินการ",
            "ยังไม่เริ่มดำเนินการ",
            "ยังไม่ดำเนินการ",
        ),
        Status.IN_PROGRESS: (
            "in-progress",
            "in progress",
            "doing",
            "อยู่ระหว่างดำเนินการ",
            "อยู่ระหว่างการดำเนินการ",
            "กำลังดำเนินการ",
        ),
        Status.DONE: (
            "done",
            "complete",
            "completed",
            "ดำเนินการแล้วเสร็จ",
            "ดำเนินการเสร็จแล้ว",
            "แล้วเสร็จ",
        ),
    }.items()
    for spelling in spellings
}

GROUPS = ("IIT", "EIT", "OIT")

# The official names of the ten ITA indicators (the same from FY2561 to FY2567; the
# bundled templates use them too).  The importer names an indicator row by them when a
# report gives only its number and score.
INDICATOR_NAMES: dict[int, str] = {
    1: "การปฏิบัติหน้าที่",
    2: "การใช้งบประมาณ",
    3: "การใช้อำนาจ",
    4: "การใช้ทรัพย์สินของทางราชการ",
    5: "การแก้ไขปัญหาการทุจริต",
    6: "คุณภาพการดำเนินงาน",
    7: "ประสิทธิภาพการสื่อสาร",
    8: "การปรับปรุงการทำงาน",
    9: "การเปิดเผยข้อมูล",
    10: "การป้องกันการทุจริต",
}

# Every section and item gets a number no other one in this process has: its identity
# while ids are edited, items moved and files merged (copies keep it; new ones get their own).
_uids = itertools.count(1)


def new_uid() -> int:
    """A fresh identity for a section or item."""
    return next(_uids)


# Keys of an item that have a fixed meaning; any other string or list-of-strings
# key is a detail field.
ITEM_KEYS = frozenset({"id", "title", "status", "notes", "score", "updated", "indicator", "due", "evidence"})


def filled_cells(fraction: float, width: int) -> int:
    """How many of a bar's *width* cells to fill for *fraction* done.

    Rounded down, so a bar is never full before everything is done.
    """
    return min(width, max(0, int(fraction * width)))


@dataclass
class Progress:
    """Counts of items by status."""

    done: int = 0
    in_progress: int = 0
    not_started: int = 0

    @property
    def total(self) -> int:
        return self.done + self.in_progress + self.not_started

    @property
    def fraction(self) -> float:
        """Share of items done, 0.0 for an empty list."""
        return self.done / self.total if self.total else 0.0

    def count(self, status: Status) -> int:
        """How many items have *status*."""
        return {
            Status.DONE: self.done,
            Status.IN_PROGRESS: self.in_progress,
            Status.NOT_STARTED: self.not_started,
        }[status]

    def add(self, status: Status) -> None:
        if status is Status.DONE:
            self.done += 1
        elif status is Status.IN_PROGRESS:
            self.in_progress += 1
        else:
            self.not_started += 1

    def __add__(self, other: Progress) -> Progress:
        return Progress(
            self.done + other.done,
            self.in_progress + other.in_progress,
            self.not_started + other.not_started,
        )


@dataclass(frozen=True)
class Evidence:
    """A web page or a file that shows an item's work: what the assessors are pointed to.

    Exactly one of *url* (an http or https address) and *path* (a file,
    relative to the checklist's folder) is set; *label* says what it is and
    *published* when it was put up.  Written in the file as a
    ``[[sections.items.evidence]]`` table.
    """

    url: str | None = None
    path: str | None = None
    label: str | None = None
    published: date | None = None

    @property
    def address(self) -> str:
        """The url or the path."""
        return self.url if self.url is not None else (self.path or "")

    @property
    def is_url(self) -> bool:
        return self.url is not None


@dataclass
class Item:
    """One measure or indicator: something whose progress is tracked."""

    id: str
    title: str
    status: Status = Status.NOT_STARTED
    notes: str = ""
    score: float | None = None
    updated: datetime | None = None
    indicator: int | None = None
    fields: dict[str, FieldValue] = field(default_factory=dict)
    due: date | None = None  # when it must be done; the owner is the `responsible` field
    evidence: list[Evidence] = field(default_factory=list)
    # Identity, not data: equal items may have different uids.
    uid: int = field(default_factory=new_uid, compare=False, repr=False)


@dataclass
class Section:
    """A titled group of items: the measures, or one ITA group of indicators."""

    id: str
    title: str
    items: list[Item] = field(default_factory=list)
    group: str | None = None
    labels: dict[str, str] = field(default_factory=dict)
    subtitle: str = ""
    uid: int = field(default_factory=new_uid, compare=False, repr=False)

    def progress(self) -> Progress:
        """Counts of this section's items by status."""
        progress = Progress()
        for item in self.items:
            progress.add(item.status)
        return progress


@dataclass
class Checklist:
    """A year's checklist: its heading and its sections."""

    title: str
    sections: list[Section] = field(default_factory=list)
    organization: str = ""
    description: str = ""
    fiscal_year: int | None = None
    overall_score: float | None = None
    rating: str | None = None
    language: str | None = None
    labels: dict[str, str] = field(default_factory=dict)
    # Raw `[checklist.scoring]` table: weight overrides, read by scoring.py.
    scoring: dict[str, object] = field(default_factory=dict)
    # Last year's checklist, a path relative to this file's folder (`ita-tui compare`).
    previous: str | None = None

    def progress(self) -> Progress:
        """Counts of all items by status."""
        total = Progress()
        for section in self.sections:
            total = total + section.progress()
        return total

    def items(self) -> list[Item]:
        """Every item, in file order."""
        return [item for section in self.sections for item in section.items]

    def find(self, item_id: str) -> Item | None:
        """The item with *item_id*, or None."""
        for section in self.sections:
            for item in section.items:
                if item.id == item_id:
                    return item
        return None

    def section_of(self, item_id: str) -> Section | None:
        """The section that holds the item with *item_id*, or None."""
        for section in self.sections:
            if any(item.id == item_id for item in section.items):
                return section
        return None

    def label(self, section: Section, key: str) -> str:
        """Display name of detail field *key*: the section's label, the checklist's, or the key."""
        return section.labels.get(key) or self.labels.get(key) or key

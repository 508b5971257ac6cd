"""Next year's checklist from last year's: the plan carried, the results reset.

Pure: no files.  :func:`next_year` changes a copy of last year's checklist, and
:func:`next_year_file` turns it into the new file's text, written from last
year's text (its comments and layout carried) with ``previous`` recorded:

* **carried**: the sections, measures and indicators (ids, titles, order), the
  labels, and the *plan* fields of every item (any detail field but the result
  fields below: ``actions``, ``period``, ``responsible``, ``approach``, ...);
* **reset**: every status to not started, notes, scores, ``updated``, due dates, the
  *result* fields (:data:`RESULT_FIELDS`: what was done and achieved last
  year), and the checklist's reported ``overall_score``, ``rating`` and
  ``description`` (which in agencies' reports narrates last year's results);
* **moved to the new year**: the fiscal year (+1, or the year given), and in
  titles and plan fields every place that plainly names the old year
  (``พ.ศ.2566``, ``ปีงบประมาณ 2566``, ``FY2566``, in Arabic or Thai digits).

:class:`NextYear` counts what was carried and reset, for the command to say.
"""

from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ita_tui.i18n import Lang, Message, t
from ita_tui.model import Checklist, FieldValue, Status

if TYPE_CHECKING:
    from ita_tui.checklist_file import LoadedChecklist

# Fields that report last year's work rather than plan this year's (the seed's table columns
# "สรุปผลการดำเนินการ", "ผลลัพธ์หรือความสำเร็จในการดำเนินการ", "ความก้าวหน้าผลการดำเนินการ").
RESULT_FIELDS = ("results", "outcomes", "progress")

_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_YEAR_WORDS = r"(?:ปีงบประมาณ|พ\.\s?ศ\.|ประจำปี|FY|B\.E\.)"


@dataclass
class NextYear:
    """What :func:`next_year` carried, reset and moved."""

    old_year: int
    new_year: int
    sections: int = 0
    measures: int = 0
    indicators: int = 0
    plan_fields: list[str] = field(default_factory=list)
    statuses: int = 0  # items that were not "not started"
    notes: int = 0
    scores: int = 0
    stamps: int = 0
    dues: int = 0  # due dates (last year's: all past)
    results: dict[str, int] = field(default_factory=dict)  # result field -> items that had it
    head: list[str] = field(default_factory=list)  # overall_score, rating, description: those set
    moved: int = 0  # texts where the year moved (titles and field values)
    previous: str = ""  # where last year's file is seen from the new one's folder

    def lines(self, lang: Lang, out: str, last: str) -> list[str]:
        """What was carried, reset and moved, one line a point, in *lang* (for the command and the app)."""
        lines = [
            t("new_from.created", lang, out=out, last=last, year=self.new_year, old=self.old_year),
            t(
                "new_from.carried",
                lang,
                sections=self.sections,
                measures=self.measures,
                indicators=self.indicators,
                fields=", ".join(self.plan_fields) or "-",
            ),
            t(
                "new_from.reset",
                lang,
                statuses=self.statuses,
                notes=self.notes,
                scores=self.scores,
                stamps=self.stamps,
                dues=self.dues,
                results=", ".join(f"{key} ×{count}" for key, count in self.results.items()) or "-",
            ),
        ]
        if self.head:
            lines.append(t("new_from.reset_head", lang, keys=", ".join(self.head)))
        lines.append(t("new_from.moved", lang, year=self.new_year, count=self.moved))
        lines.append(t("new_from.previous", lang, previous=self.previous))
        return lines


def move_year(text: str, old: int, new: int) -> str:
    """*text* with each plain mention of the year *old* (after ปีงบประมาณ, พ.ศ., FY, ...) made *new*."""

    def swap(match: re.Match[str]) -> str:
        digits = match.group(2)
        year = str(new).translate(_THAI_DIGITS) if digits[0] in "๐๑๒๓๔๕๖๗๘๙" else str(new)
        return match.group(1) + year

    years = f"{old}|{str(old).translate(_THAI_DIGITS)}"
    pattern = rf"({_YEAR_WORDS}(?:\s*พ\.\s?ศ\.)?\s*)({years})(?!\d|[๐-๙])"
    return re.sub(pattern, swap, text)


def _move_value(value: FieldValue, old: int, new: int) -> FieldValue:
    if isinstance(value, str):
        return move_year(value, old, new)
    return [move_year(entry, old, new) for entry in value]


def next_year(last: Checklist, year: int) -> tuple[Checklist, NextYear]:
    """A checklist for fiscal *year* from *last* (not changed), and what was carried and reset."""
    checklist = copy.deepcopy(last)
    old = last.fiscal_year if last.fiscal_year is not None else year - 1
    report = NextYear(old, year, sections=len(checklist.sections))
    checklist.fiscal_year = year
    report.moved += _moved(checklist, "title", old, year)
    for name in ("overall_score", "rating", "description"):
        if getattr(checklist, name):
            report.head.append(name)
            setattr(checklist, name, "" if name == "description" else None)
    plan_fields: dict[str, None] = {}
    for section in checklist.sections:
        report.moved += _moved(section, "title", old, year) + _moved(section, "subtitle", old, year)
        for item in section.items:
            _reset(item, report)
            report.moved += _moved(item, "title", old, year)
            for key in list(item.fields):
                if key in RESULT_FIELDS:
                    report.results[key] = report.results.get(key, 0) + 1
                    del item.fields[key]
                    continue
                plan_fields[key] = None
                moved = _move_value(item.fields[key], old, year)
                report.moved += moved != item.fields[key]
                item.fields[key] = moved
    report.plan_fields = list(plan_fields)
    return checklist, report


def _moved(obj: object, name: str, old: int, new: int) -> int:
    """Move the year in *obj*'s text attribute *name*; 1 when it changed."""
    text = getattr(obj, name)
    moved = move_year(text, old, new)
    setattr(obj, name, moved)
    return int(moved != text)


def _reset(item: object, report: NextYear) -> None:
    from ita_tui.model import Item

    assert isinstance(item, Item)
    if item.indicator is not None:
        report.indicators += 1
    else:
        report.measures += 1
    report.statuses += item.status is not Status.NOT_STARTED
    report.notes += bool(item.notes)
    report.scores += item.score is not None
    report.stamps += item.updated is not None
    report.dues += item.due is not None
    item.status, item.notes, item.score, item.updated, item.due = Status.NOT_STARTED, "", None, None, None


def next_year_file(last: LoadedChecklist, out: Path, year: int | None = None) -> tuple[str, NextYear]:
    """The text of next year's checklist *out* from *last* (fiscal year *year*, default last's + 1).

    The text is *last*'s with the changes of :func:`next_year` and ``previous``
    in ``[checklist]``, and is checked to load.  Raises
    :class:`~ita_tui.authoring.AuthoringError` when *last* has no fiscal year and
    none is given, :class:`~ita_tui.errors.ChecklistError` if the text would not load.
    """
    from ita_tui.authoring import AuthoringError
    from ita_tui.plan import plan
    from ita_tui.record import snapshot
    from ita_tui.saving import edit_text

    if year is None:
        if last.checklist.fiscal_year is None:
            raise AuthoringError(Message.of("new_from.no_year"))
        year = last.checklist.fiscal_year + 1
    checklist, report = next_year(last.checklist, year)
    checklist.previous = report.previous = relative_path(last.path, out)
    text = edit_text(last.text, last.newline, plan(last.baseline, snapshot(checklist)))
    _check_text(text, str(out))
    return text, report


def relative_path(last: Path, out: Path) -> str:
    """Where *last* is seen from *out*'s folder, with / on every system (docs/format.md).

    Links are not followed: ``checklists/fy2566.toml`` stays that, not the file it points to.
    Across Windows drives there is no relative path: then the absolute one.
    """
    try:
        relative = os.path.relpath(os.path.abspath(last), os.path.dirname(os.path.abspath(out)))
    except ValueError:
        relative = os.path.abspath(last)
    return Path(relative).as_posix()


def _check_text(text: str, name: str) -> None:
    """The new file must load: a bug here must never leave a broken checklist behind."""
    from ita_tui.checklist_file import locate, parse_toml
    from ita_tui.errors import ChecklistError
    from ita_tui.schema import build_checklist

    _checklist, issues = build_checklist(parse_toml(text, name))
    problems = [p for p in locate(issues, text, name) if not p.warning]
    if problems:
        raise ChecklistError(problems)

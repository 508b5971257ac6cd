"""The summary every human-readable export shares: what to say, not how it looks.

:func:`build_summary` reads a checklist once and produces plain strings in
the chosen language: the heading lines, the progress figures, and per section
the rows (items) that pass the status filter, with their formatted score,
notes and (in the full variant) detail fields under their labels.  Each
format then lays these out; none of them formats a number, a date or a label
itself, so the formats cannot drift apart.

Pure: no Rich, no Thai word list (the HTML, CSV and JSON exports must stay light).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ita_tui.i18n import Lang, status_label, t
from ita_tui.model import Checklist, Item, Progress, Section, Status
from ita_tui.outstanding import DueState, ItemFilter, due_state, due_text, what_is_left
from ita_tui.thai import format_date, format_fiscal_year, format_score, to_thai_digits

if TYPE_CHECKING:
    from ita_tui.exports.left_summary import LeftSummary
    from ita_tui.exports.options import ExportOptions

# Formats a number for the chosen digits.
_Num = Callable[[object], str]

# The drawing base for a mark with nothing to sit on (what fonts and
# the Unicode charts use): a paragraph that starts with a combining mark
# would otherwise fuse with the indentation or the line before it.
DOTTED_CIRCLE = "\u25cc"


@dataclass(frozen=True)
class Detail:
    """One detail field of an item: its label and its value as lines.

    *numbered* is True for a list of two or more entries (shown as 1. 2. ...);
    a one-entry list reads like a plain value.
    """

    key: str
    label: str
    lines: tuple[str, ...]
    numbered: bool


@dataclass(frozen=True)
class Row:
    """One item as every format shows it."""

    item: Item
    title: str
    score: str | None  # formatted, None when the item has no score
    notes: str
    updated: str | None  # formatted date, only in the full variant
    details: tuple[Detail, ...]  # empty unless full
    due: str | None = None  # "กำหนดเสร็จ 15 ธ.ค. 2569 · เลยกำหนด 3 วัน"; a done item's date alone
    due_state: DueState | None = None  # None when done: nothing is late once done

    @property
    def status(self) -> Status:
        return self.item.status


@dataclass(frozen=True)
class SectionSummary:
    """A section: its title, its progress (over all its items) and the rows shown."""

    section: Section
    title: str
    progress: Progress
    progress_label: str  # "เสร็จ 0/6" / "0/6 done"
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Summary:
    """Everything a human-readable export says, formatted, in one language."""

    lang: Lang
    title: str
    organization: str
    fiscal_year: str | None  # None when the title already names the year
    year: str | None  # the fiscal year, in the chosen digits ("2566")
    date: str  # the "as of" date: "25 พ.ย. 2569"
    score_line: str | None  # the score that counts, saying which (see score_that_counts)
    progress: Progress
    progress_parts: tuple[str, ...]  # "เสร็จ 7 จาก 16 รายการ (44%)", "อยู่ระหว่างดำเนินการ 1", ...
    percent: int
    percent_text: str  # "44%" in the chosen digits
    filter_line: str | None  # "แสดงเฉพาะ: ..." when some items are left out
    statuses: frozenset[Status]  # the statuses shown
    left: LeftSummary | None  # what is left, by owner; None when no open status is shown
    sections: tuple[SectionSummary, ...]
    full: bool
    thai_digits: bool

    def digits(self, text: str) -> str:
        """*text* with Thai digits when they were asked for (Thai only)."""
        return to_thai_digits(text) if self.thai_digits else text

    def status_name(self, status: Status) -> str:
        """The full name of *status* in the summary's language."""
        return status_label(status, self.lang)

    @property
    def as_of(self) -> str:
        """``สรุป ณ วันที่ 25 พ.ย. 2569``."""
        return self.label("label.summary_as_of", date=self.date)

    @property
    def progress_line(self) -> str:
        """``ความคืบหน้า: เสร็จ 7 จาก 16 รายการ (44%) · อยู่ระหว่างดำเนินการ 1 · ...``."""
        return f"{self.label('label.progress')}: " + " · ".join(self.progress_parts)

    def empty(self, part: str) -> str:
        """What an empty part (*part*: ``left`` or ``done``) says: that nothing is left or
        done, or, when a filter is on, that nothing matches it (it may have left items out)."""
        return self.label(f"report.{part}_none_filtered" if self.filter_line else f"report.{part}_none")

    def label(self, key: str, **fields: object) -> str:
        """An interface string of the summary's language (see ita_tui.i18n)."""
        return t(key, self.lang, **fields)


def build_summary(checklist: Checklist, options: ExportOptions) -> Summary:
    """Read *checklist* into a :class:`Summary` following *options* (statuses, full, lang...)."""
    lang: Lang = "th" if options.lang == "th" else "en"
    thai_digits = options.thai_digits and lang == "th"

    def num(value: object) -> str:
        text = str(value)
        return to_thai_digits(text) if thai_digits else text

    from ita_tui.exports.left_summary import build_left

    progress = checklist.progress()
    percent = percent_done(progress)
    today = options.day()
    left = None
    if options.statuses - {Status.DONE}:
        outstanding = what_is_left(
            checklist, today, soon_days=options.soon_days, item_filter=options.item_filter
        )
        left = build_left(outstanding, lang, statuses=options.statuses, thai_digits=thai_digits)
    return Summary(
        lang=lang,
        title=displayable(checklist.title),
        organization=displayable(checklist.organization),
        fiscal_year=_fiscal_year_line(checklist, lang, thai_digits),
        year=num(checklist.fiscal_year) if checklist.fiscal_year is not None else None,
        date=format_date(today, lang, thai_digits),
        score_line=score_that_counts(checklist, lang, thai_digits, computed=options.scoring),
        progress=progress,
        progress_parts=_progress_parts(progress, percent, lang, num),
        percent=percent,
        percent_text=num(f"{percent}%"),
        filter_line=_filter_line(options.statuses, options.item_filter, lang, num),
        statuses=options.statuses,
        left=left,
        sections=tuple(
            _section_summary(checklist, section, options, lang, thai_digits, num, today)
            for section in checklist.sections
        ),
        full=options.full,
        thai_digits=thai_digits,
    )


def percent_done(progress: Progress) -> int:
    """Share done in whole percent, rounded half up, but 100 only when all are done
    and 0 only when none are: a report must not round 15 of 16 up to "100%"."""
    if not progress.total:
        return 0
    percent = math.floor(progress.done * 100 / progress.total + 0.5)
    if progress.done < progress.total:
        percent = min(percent, 99)
    if progress.done > 0:
        percent = max(percent, 1)
    return percent


def displayable(text: str) -> str:
    """*text* with a dotted circle under a combining mark that starts a paragraph.

    Text is cleaned of control characters when it is loaded (sanitize.py), but a
    title may still begin with a stray mark (a copy-paste cut inside a Thai
    cluster); alone at a line start it would draw on whatever comes before.
    """
    if not text or ("\n" not in text and not _is_mark(text[0])):
        return text
    return "\n".join(
        DOTTED_CIRCLE + line if line and _is_mark(line[0]) else line for line in text.split("\n")
    )


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Mc", "Me")


def _fiscal_year_line(checklist: Checklist, lang: Lang, thai_digits: bool) -> str | None:
    """The fiscal year and its span, unless the title already names the year."""
    year = checklist.fiscal_year
    if year is None:
        return None
    if str(year) in checklist.title or to_thai_digits(str(year)) in checklist.title:
        return None
    try:
        return format_fiscal_year(year, lang, thai_digits)
    except ValueError:  # a year that is not Buddhist Era: say it as it is
        return f"{t('label.fiscal_year', lang)} {year}"


def score_that_counts(
    checklist: Checklist, lang: Lang, thai_digits: bool, *, computed: bool = True
) -> str | None:
    """The one score a summary gives, saying which it is: the computed one when every
    indicator has a score (``คะแนนที่คำนวณได้ 95.63 (ระดับ AA)``), else the reported one
    (``คะแนนที่รายงาน 95.75 (ผ่านดี)``); None when there is neither.

    How an incomplete score would come out (the implied score) and notes on assumed
    weights are ``ita-tui score``'s and the app's score table's, not a summary's.
    """
    if computed:
        from ita_tui.scoring import score_checklist

        result = score_checklist(checklist)
        if result.overall is not None:
            band = result.band.letter if result.band else "—"
            return t(
                "report.computed", lang, score=format_score(result.overall, lang, thai_digits), band=band
            )
    return _reported(checklist, lang, thai_digits)


def _reported(checklist: Checklist, lang: Lang, thai_digits: bool) -> str | None:
    score = format_score(checklist.overall_score, lang, thai_digits)
    rating = displayable(checklist.rating or "")
    if checklist.overall_score is not None and rating:
        return t("report.reported_rating", lang, score=score, rating=rating)
    if checklist.overall_score is not None:
        return t("report.reported", lang, score=score)
    if rating:
        return t("report.rating_only", lang, rating=rating)
    return None


def _progress_parts(progress: Progress, percent: int, lang: Lang, num: _Num) -> tuple[str, ...]:
    """Progress in words and figures, which read the same in any font (no bar)."""
    done = num(progress.done)
    return (
        t("report.done_of_total", lang, done=done, total=num(progress.total), percent=num(f"{percent}%")),
        t("label.in_progress_count", lang, count=num(progress.in_progress)),
        t("label.not_started_count", lang, count=num(progress.not_started)),
    )


def _filter_line(statuses: frozenset[Status], item_filter: ItemFilter, lang: Lang, num: _Num) -> str | None:
    """ "แสดงเฉพาะ: ..." naming every filter that leaves items out; None when none does."""
    parts = []
    if not statuses >= frozenset(Status):
        parts.append(", ".join(status_label(s, lang) for s in Status if s in statuses))
    if item_filter.owners:
        parts.append(t("report.filter_owner", lang, owners=", ".join(item_filter.owners)))
    if item_filter.overdue:
        parts.append(t("due.state.overdue", lang))
    if item_filter.due_within is not None:
        parts.append(t("report.filter_due_within", lang, days=num(item_filter.due_within)))
    return t("report.showing_only", lang, statuses=" · ".join(parts)) if parts else None


def _section_summary(
    checklist: Checklist,
    section: Section,
    options: ExportOptions,
    lang: Lang,
    thai_digits: bool,
    num: _Num,
    today: date,
) -> SectionSummary:
    progress = section.progress()
    rows = tuple(
        _row(checklist, section, item, options, lang, thai_digits, today)
        for item in section.items
        if options.admits(item, today)
    )
    return SectionSummary(
        section=section,
        title=displayable(section.title),
        progress=progress,
        progress_label=t("report.section_progress", lang, done=num(progress.done), total=num(progress.total)),
        rows=rows,
    )


def _row(
    checklist: Checklist,
    section: Section,
    item: Item,
    options: ExportOptions,
    lang: Lang,
    thai_digits: bool,
    today: date,
) -> Row:
    score = format_score(item.score, lang, thai_digits) if item.score is not None else None
    details: tuple[Detail, ...] = ()
    updated = None
    if options.full:
        details = tuple(_details(checklist, section, item))
        if item.updated is not None:
            updated = format_date(item.updated, lang, thai_digits)
    state = due_state(item, today, options.soon_days)
    due = None
    if item.due is not None:  # open: the date and how far it is; done: the date alone
        when = (
            due_text(item.due, today, lang, thai_digits)
            if state
            else format_date(item.due, lang, thai_digits)
        )
        due = t("report.left.due", lang, due=when)
    return Row(
        item=item,
        title=displayable(item.title),
        score=score,
        notes=displayable(item.notes.strip()),
        updated=updated,
        details=details,
        due=due,
        due_state=state,
    )


def _details(checklist: Checklist, section: Section, item: Item) -> list[Detail]:
    """The item's non-empty detail fields in file order, under their labels."""
    details = []
    for key, value in item.fields.items():
        entries = [value] if isinstance(value, str) else list(value)
        lines = tuple(displayable(entry.strip()) for entry in entries if entry.strip())
        if lines:
            details.append(Detail(key, displayable(checklist.label(section, key)), lines, len(lines) > 1))
    return details

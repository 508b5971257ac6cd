"""The summary every human-readable export shares: what to say, not how it looks.

:func:`build_summary` reads a checklist once and produces plain strings in
the chosen language: the heading lines, the progress figures, and per section
the rows (items) that pass the status filter, with their formatted score,
notes and (in the full variant) detail fields under their labels.  Each
format then lays these out; none of them formats a number, a date or a label
itself, so the formats cannot drift apart.

Pure: no Rich, no pythainlp (the HTML, CSV and JSON exports must stay light).
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
from ita_tui.outstanding import DueState, ItemFilter, Outstanding, due_state, due_text, what_is_left
from ita_tui.owners import owners_of
from ita_tui.thai import format_date, format_fiscal_year, format_score, to_thai_digits

if TYPE_CHECKING:
    from ita_tui.exports.options import ExportOptions
    from ita_tui.scoring import ScoreResult

# Formats a number for the chosen digits.
_Num = Callable[[object], str]

# The drawing base for a mark with nothing to sit on (what fonts and
# the Unicode charts use): a paragraph that starts with a combining mark
# would otherwise fuse with the indentation or the line before it.
DOTTED_CIRCLE = "\u25cc"

# Up to this many indicators without a score are named; more are counted.
MAX_MISSING_LISTED = 3

# Checkbox-like markers that read in any font and mail client.
TEXT_MARKERS: dict[Status, str] = {
    Status.DONE: "[x]",
    Status.IN_PROGRESS: "[~]",
    Status.NOT_STARTED: "[ ]",
}


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
    # The due date with how far it is (ita_tui.outstanding.due_text), None without one;
    # a done item's shows the date alone.  due_state: None for done items.
    due: str | None = None
    due_state: DueState | None = None
    owners: tuple[str, ...] = ()  # the owners' names to show (ita_tui.owners)

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
    score_lines: tuple[str, ...]  # reported score · as-of date, computed score, implied score
    progress: Progress
    progress_line: str  # "ความคืบหน้า: เสร็จ 7 จาก 16 · ..."
    percent: int
    percent_text: str  # "44%" in the chosen digits
    filter_line: str | None  # "แสดงเฉพาะ: ..." when some items are left out
    sections: tuple[SectionSummary, ...]
    full: bool
    thai_digits: bool
    # What is left (ita_tui.outstanding): the open items passing the filters, by owner.
    # Every format shows it first; see Outstanding's docstring for its order.
    outstanding: Outstanding | None = None
    today: date | None = None  # the "as of" date the due states were computed for

    def digits(self, text: str) -> str:
        """*text* with Thai digits when they were asked for (Thai only)."""
        return to_thai_digits(text) if self.thai_digits else text

    def status_name(self, status: Status) -> str:
        """The full name of *status* in the summary's language."""
        return status_label(status, self.lang)

    def legend(self, markers: dict[Status, str]) -> str:
        """``[x] ดำเนินการแล้วเสร็จ  [~] ...``: what each marker means."""
        return "  ".join(f"{markers[s]} {self.status_name(s)}" for s in reversed(Status))

    def label(self, key: str) -> str:
        """An interface string of the summary's language (see ita_tui.i18n)."""
        return t(key, self.lang)


def build_summary(checklist: Checklist, options: ExportOptions) -> Summary:
    """Read *checklist* into a :class:`Summary` following *options* (statuses, full, lang...)."""
    lang: Lang = "th" if options.lang == "th" else "en"
    thai_digits = options.thai_digits and lang == "th"

    def num(value: object) -> str:
        text = str(value)
        return to_thai_digits(text) if thai_digits else text

    progress = checklist.progress()
    percent = percent_done(progress)
    today = options.day()
    return Summary(
        lang=lang,
        title=displayable(checklist.title),
        organization=displayable(checklist.organization),
        fiscal_year=_fiscal_year_line(checklist, lang, thai_digits),
        score_lines=_score_lines(checklist, lang, thai_digits, today, options.scoring),
        progress=progress,
        progress_line=_progress_line(progress, lang, num),
        percent=percent,
        percent_text=num(f"{percent}%"),
        filter_line=_filter_line(options.statuses, options.item_filter, lang, num),
        sections=tuple(
            _section_summary(checklist, section, options, lang, thai_digits, num, today)
            for section in checklist.sections
        ),
        full=options.full,
        thai_digits=thai_digits,
        outstanding=what_is_left(
            checklist, today, soon_days=options.soon_days, item_filter=options.item_filter
        ),
        today=today,
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


def _score_lines(
    checklist: Checklist, lang: Lang, thai_digits: bool, today: date, scoring: bool
) -> tuple[str, ...]:
    """The reported score and rating with the as-of date, then what scoring.py computes."""
    as_of = t("label.summary_as_of", lang, date=format_date(today, lang, thai_digits))
    reported = _reported(checklist, lang, thai_digits)
    lines = [f"{reported} · {as_of}" if reported else as_of]
    if scoring:
        lines.extend(_computed_lines(checklist, lang, thai_digits))
    return tuple(lines)


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


def _computed_lines(checklist: Checklist, lang: Lang, thai_digits: bool) -> list[str]:
    """The computed overall and band; when a score is missing, what it must have been."""
    from ita_tui.scoring import score_checklist

    result: ScoreResult = score_checklist(checklist)
    if not result.scored:
        return []

    def score(value: float) -> str:
        return format_score(value, lang, thai_digits)

    if result.overall is not None:
        band = result.band.letter if result.band else "—"
        return [t("report.computed", lang, score=score(result.overall), band=band)]

    def digits(text: str) -> str:
        return to_thai_digits(text) if thai_digits else text

    if len(result.missing) > MAX_MISSING_LISTED:  # a checklist tracking few indicators: say how many
        return [t("report.computed_missing_many", lang, count=digits(str(len(result.missing))))]
    numbers = digits(", ".join(str(n) for n in result.missing))
    lines = [t("report.computed_incomplete", lang, numbers=numbers)]
    implied = result.implied
    if implied is not None and result.reported_overall is not None:
        lines.append(
            t(
                "report.implied",
                lang,
                number=digits(str(implied.number)),
                score=score(implied.score),
                low=score(implied.low),
                high=score(implied.high),
                overall=score(result.reported_overall),
            )
        )
    return lines


def _progress_line(progress: Progress, lang: Lang, num: _Num) -> str:
    parts = [
        t("label.done_of_total", lang, done=num(progress.done), total=num(progress.total)),
        t("label.in_progress_count", lang, count=num(progress.in_progress)),
        t("label.not_started_count", lang, count=num(progress.not_started)),
    ]
    return f"{t('label.progress', lang)}: " + " · ".join(parts)


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
    if item.due is not None:
        due = (
            due_text(item.due, today, lang, thai_digits)
            if state
            else format_date(item.due, lang, thai_digits)
        )
    return Row(
        item=item,
        title=displayable(item.title),
        score=score,
        notes=displayable(item.notes.strip()),
        updated=updated,
        details=details,
        due=due,
        due_state=state,
        owners=tuple(displayable(owner.label(lang)) for owner in owners_of(item)),
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

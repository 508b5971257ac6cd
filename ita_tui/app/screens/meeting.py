"""The meeting view: where the agency stands, then what is left, for a room.

One glance at the top: progress and the score that counts (the computed one
when every indicator has a score, else the reported one, saying which) with
its band, as large figures sized to the screen (:mod:`..widgets.figures`).
Below, what is left (:func:`ita_tui.outstanding.what_is_left`): the open items
by owner, overdue first, each with its due date and latest note, in pages
that fill the screen (two columns from 150 cells wide) with a visible "N more"
cue; space/page-down and page-up turn pages, `a` turns them by itself for a
screen left running.  Thai is wrapped at word boundaries, never cut.  Nothing
here edits; escape, `m` or `q` goes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.renderables.digits import Digits as DigitsRenderable
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static

from ita_tui.app.localize import app_lang, localize_bindings
from ita_tui.app.widgets.figures import figure_lines, figure_size
from ita_tui.app.widgets.navigator import progress_bar
from ita_tui.app.widgets.open_items import (
    Block,
    Entry,
    Page,
    entry_lines,
    fit,
    group_heading,
    id_width,
    paginate,
)
from ita_tui.compare import Comparison, change_words, sparkline
from ita_tui.exports.summary import percent_done
from ita_tui.i18n import Lang, status_word
from ita_tui.i18n import t as tr
from ita_tui.model import Checklist, Status
from ita_tui.outstanding import STATE_GLYPHS, DueState, Outstanding, what_is_left
from ita_tui.thai import WrappedText, format_date, format_score

# action -> catalogue key of the footer description
MEETING_KEYS: dict[str, str] = {
    "back": "app.meeting.back",
    "next_page": "app.meeting.next",
    "previous_page": "app.meeting.previous",
    "slides": "app.meeting.slides",
}
# Seconds a page stays up in slide mode.
SLIDE_SECONDS = 15
# From this width on, what is left runs in two columns, and the side panel shows.
TWO_COLUMNS_FROM = 150
SIDE_PANEL_FROM = 140
SIDE_PANEL_WIDTH = 66
# Entries laid out at most (about 0.25 ms each): a room reads a few pages, not thousands;
# the cue counts the rest, which `w` and `ita-tui show --status open` list.
MOST_ENTRIES = 400
# A per cent sign three rows tall, in the strokes of Textual's digits.
PERCENT_3X3 = ("╭╮╱", " ╱ ", "╱╰╯")
# Cells between the two figures.
FIGURE_GAP = 4
# Below this height the title takes one line and the blank lines go.
COMPACT_BELOW = 30


@dataclass(frozen=True)
class Standing:
    """The score that counts and how to say it."""

    score: float | None
    band: str  # "AA", "ผ่านดี", "" when none
    source: str  # "computed", "reported" or "none"
    missing: tuple[int, ...] = ()


def standing(checklist: Checklist) -> Standing:
    """The computed score when every indicator has one, else the reported score."""
    from ita_tui.scoring import score_checklist

    result = score_checklist(checklist)
    if result.overall is not None:
        return Standing(result.overall, result.band.letter if result.band else "", "computed")
    if result.reported_overall is not None:
        band = result.reported_rating or (result.reported_band.letter if result.reported_band else "")
        return Standing(result.reported_overall, band, "reported", result.missing)
    return Standing(None, result.reported_rating or "", "none", result.missing)


def figure_scale(values: list[str], width: int, height: int) -> int:
    """How large *values* are drawn side by side in *width* cells on a screen *height* tall.

    1 is Textual's 3-row digits; 2 (5 rows) from 32 rows up, 3 (8 rows) from 45,
    each only when every figure fits its share of the width.
    """
    share = width // max(len(values), 1) - FIGURE_GAP
    for scale, rows in ((3, 45), (2, 32)):
        if height >= rows and all(figure_size(value, scale)[0] <= share for value in values):
            return scale
    return 1


class BigFigure(Static):
    """A number drawn large: Textual's digits at scale 1, block characters above."""

    DEFAULT_CSS = "BigFigure { width: auto; height: auto; }"

    def __init__(self, value: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.value = value
        self.scale = 1

    def show(self, value: str, scale: int) -> None:
        """Draw *value* at *scale*."""
        self.value, self.scale = value, scale
        self.update(self._figure())

    def _figure(self) -> RenderableType:
        if self.scale > 1:
            return Text("\n".join(figure_lines(self.value, self.scale)))
        if not self.value.endswith("%"):
            return DigitsRenderable(self.value)
        # Textual's digits have no per cent sign: one drawn in the same strokes.
        grid = Table.grid(padding=(0, 0))
        grid.add_row(DigitsRenderable(self.value[:-1]), Text("\n".join(PERCENT_3X3)))
        return grid

    def figure_width(self) -> int:
        """Cells the figure takes across."""
        return figure_size(self.value, self.scale)[0] if self.scale > 1 else len(self.value) * 3


class MeetingScreen(Screen[None]):
    """Progress, the score that counts, and what is left, paged to fill the screen."""

    CSS_PATH = "meeting.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,m,q", "back", "Back", show=True),
        Binding("space,pagedown,right,j,down", "next_page", "Next page", show=True),
        Binding("pageup,left,k,up", "previous_page", "Previous page", show=True),
        Binding("home,g", "first_page", "First page", show=False),
        Binding("a", "slides", "Slides", show=True),
    ]

    def __init__(
        self,
        checklist: Checklist,
        lang: Lang,
        today: date,
        comparison: Comparison | None = None,
    ) -> None:
        super().__init__()
        self.checklist = checklist
        self.lang = lang
        self.today = today
        self.comparison = comparison
        self.outstanding: Outstanding = what_is_left(checklist, today)
        self.page = 0
        self.pages: list[Page] = [Page()]
        self.slide_timer: Timer | None = None

    # -- building -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="meeting-head")
        with Horizontal(id="meeting-figures"):
            with Vertical(id="meeting-progress", classes="meeting-figure"):
                yield Static(classes="meeting-label", id="meeting-progress-label")
                yield BigFigure(id="meeting-percent")
                yield Static(id="meeting-progress-text", classes="meeting-caption")
            with Vertical(id="meeting-standing", classes="meeting-figure"):
                yield Static(classes="meeting-label", id="meeting-score-label")
                yield BigFigure(id="meeting-score")
                yield Static(id="meeting-score-text", classes="meeting-caption")
            yield Static(id="meeting-side")
        yield Static(id="meeting-left-title")
        yield Static(id="meeting-list")
        yield Static(id="meeting-cue")
        yield Footer()

    def on_mount(self) -> None:
        localize_bindings(self, MEETING_KEYS, self.lang)
        self._fill()

    def apply_language(self) -> None:
        """Redraw in the app's (new) language (chosen in the palette over this view)."""
        self.lang = app_lang(self)
        localize_bindings(self, MEETING_KEYS, self.lang)
        self._fill()

    def on_resize(self) -> None:
        self._fill()

    def _fill(self) -> None:
        """Lay everything out for the screen's size (the list once the layout has settled)."""
        width, height = self.size.width or 80, self.size.height or 24
        self.set_class(height < COMPACT_BELOW, "-compact")
        side = self.query_one("#meeting-side", Static)
        side.display = width >= SIDE_PANEL_FROM
        room = width - 4 - (SIDE_PANEL_WIDTH if side.display else 0)
        self.query_one("#meeting-head", Static).update(
            self._heading(width - 4, 1 if height < COMPACT_BELOW else 2)
        )
        self._fill_figures(room, height)
        if side.display:
            side.update(self._side(SIDE_PANEL_WIDTH - 3, height // 2))
        self.query_one("#meeting-left-title", Static).update(self._left_title())
        # The list's height is known once the parts above it are laid out.
        self.call_after_refresh(self._paginate)

    def _heading(self, width: int, title_lines: int) -> Text:
        """The title (whole words, at most *title_lines*), then organization · year · as of."""
        checklist = self.checklist
        text = Text()
        for line in fit(checklist.title, max(width, 20), title_lines):
            text.append(line + "\n", "bold")
        extra = [" ".join(checklist.organization.split())] if checklist.organization else []
        year = checklist.fiscal_year
        if year and str(year) not in checklist.title:
            extra.append(tr("app.fy", self.lang, year=year))
        extra.append(tr("label.summary_as_of", self.lang, date=format_date(self.today, self.lang)))
        for number, line in enumerate(fit(" · ".join(extra), max(width, 20), 1)):
            text.append(("\n" if number else "") + line, "dim")
        return text

    def _fill_figures(self, width: int, height: int) -> None:
        lang = self.lang
        progress = self.checklist.progress()
        counted = standing(self.checklist)
        percent = f"{percent_done(progress)}%"
        score = format_score(counted.score) if counted.score is not None else "-"
        scale = figure_scale([percent, score], width, height)
        self.query_one("#meeting-progress-label", Static).update(Text(tr("label.progress", lang), "bold"))
        self.query_one("#meeting-percent", BigFigure).show(percent, scale)
        counts = [
            f"{status_word(Status.DONE, lang)} {progress.done}/{progress.total}",
            f"{status_word(Status.IN_PROGRESS, lang)} {progress.in_progress}",
            f"{status_word(Status.NOT_STARTED, lang)} {progress.not_started}",
        ]
        # No-break spaces keep each count whole: a narrow screen breaks only between them.
        caption = " · ".join(part.replace(" ", "\u00a0") for part in counts)
        self.query_one("#meeting-progress-text", Static).update(WrappedText(caption))
        self.query_one("#meeting-score-label", Static).update(Text(tr("app.meeting.score", lang), "bold"))
        self.query_one("#meeting-score", BigFigure).show(score, scale)
        self.query_one("#meeting-score-text", Static).update(self._score_words(counted))

    def _score_words(self, counted: Standing) -> Text:
        """``ผ่านดี · ตามที่รายงาน`` / ``AA · คำนวณจากคะแนนทุกตัวชี้วัด``, and last year's change."""
        lang = self.lang
        text = Text()
        if counted.band:
            text.append(counted.band + "  ", "bold")
        text.append(tr(f"app.meeting.source.{counted.source}", lang))
        if counted.source != "computed" and counted.missing:
            numbers = ", ".join(str(n) for n in counted.missing)
            text.append("\n" + tr("app.meeting.not_computed", lang, numbers=numbers), "dim")
        comparison = self.comparison
        if comparison is not None and comparison.overall.direction is not None:
            last = comparison.labels[-2]
            text.append("\n" + tr("app.meeting.since", lang, year=last) + " ")
            text.append(
                change_words(comparison.overall, lang), _direction_style(comparison.overall.direction)
            )
        return text

    def _side(self, width: int, height: int) -> Group:
        """Per section a bar; with last year's file, each group's (and room allowing, indicator's) change."""
        sections = self.checklist.sections
        name_width = max(8, min(22, width // 3))
        bars = Table.grid(padding=(0, 1))
        bars.add_column(no_wrap=True, width=name_width)
        bars.add_column(no_wrap=True)
        bars.add_column(no_wrap=True, justify="right")
        bar_width = max(6, width - name_width - 9)
        for section in sections:
            progress = section.progress()
            bars.add_row(
                Text(section.group or fit(section.title, name_width, 1)[0], "bold"),
                Text(progress_bar(progress.done, progress.total, bar_width), "green"),
                Text(f"{progress.done}/{progress.total}"),
            )
        comparison = self.comparison
        if comparison is None:
            return Group(bars)
        changes = Table.grid(padding=(0, 1))
        changes.add_column(no_wrap=True, width=name_width)
        changes.add_column(no_wrap=True, justify="right")
        changes.add_column(no_wrap=True)
        room = height - len(sections) - 3 - len(comparison.groups)
        rows = comparison.indicators if room >= len(comparison.indicators) else ()
        for change in (*comparison.groups, *rows):
            label = change.key if not change.key.isdigit() else f"{change.key}. {change.title}"
            trend = Text(change_words(change, self.lang), _direction_style(change.direction))
            if len(change.scores) > 2:
                trend.append("  " + sparkline(change.scores), "dim")
            changes.add_row(
                Text(fit(label, name_width, 1)[0], "bold" if not change.key.isdigit() else ""),
                Text(f"{format_score(change.before)} → {format_score(change.after)}"),
                trend,
            )
        heading = Text("\n" + tr("app.meeting.compare", self.lang, last=comparison.labels[-2]), "bold")
        return Group(bars, heading, changes)

    def _left_title(self) -> Text:
        """``งานค้าง 9 รายการ · ! เลยกำหนด 1 · ◷ ใกล้ครบกำหนด 1``."""
        left = self.outstanding
        lang = self.lang
        text = Text(tr("app.meeting.left", lang, count=left.total), "bold")
        if left.overdue:
            late = f"  {STATE_GLYPHS[DueState.OVERDUE]} {tr('due.state.overdue', lang)} {left.overdue}"
            text.append(late, "bold red")
        if left.due_soon:
            soon = f"  {STATE_GLYPHS[DueState.DUE_SOON]} {tr('due.state.due-soon', lang)} {left.due_soon}"
            text.append(soon, "bold yellow")
        return text

    # -- paging ---------------------------------------------------------------------

    def _paginate(self) -> None:
        listing = self.query_one("#meeting-list", Static)
        width = listing.size.width or (self.size.width - 4)
        height = listing.size.height or 10
        columns = 2 if width >= TWO_COLUMNS_FROM else 1
        column_width = (width - 4 * (columns - 1)) // columns
        self.pages = paginate(self._groups(column_width), height, columns)
        self.page = min(self.page, len(self.pages) - 1)
        self._show_page()

    def _groups(self, width: int) -> list[tuple[Block, Block, list[Entry]]]:
        """Each owner's heading and entries, most urgent owners first, up to :data:`MOST_ENTRIES`."""
        left = self.outstanding
        ids = id_width(list(left.items))
        note_lines = 2 if width >= 60 else 1
        groups: list[tuple[Block, Block, list[Entry]]] = []
        room = MOST_ENTRIES
        for group in left.groups:
            if room <= 0:
                break
            entries = [
                (entry.item.id, entry_lines(entry, width, self.lang, self.today, ids, note_lines=note_lines))
                for entry in group.items[:room]
            ]
            room -= len(entries)
            heading = group_heading(group, self.lang, width)
            groups.append((heading, group_heading(group, self.lang, width, continued=True), entries))
        return groups

    def _show_page(self) -> None:
        listing = self.query_one("#meeting-list", Static)
        page = self.pages[self.page]
        if not self.outstanding.total:
            listing.update(Text(tr("app.meeting.none_open", self.lang), "bold green"))
        else:
            listing.update(_columns(page.columns, listing.size.width or 80))
        self.query_one("#meeting-cue", Static).update(self._cue())

    def _cue(self) -> Text:
        """``▼ อีก 6 รายการในหน้าถัดไป  หน้า 1/3``, and the slide mode when on."""
        lang = self.lang
        shown: set[str] = set().union(*(page.keys for page in self.pages[: self.page + 1]))
        rest = self.outstanding.total - len(shown)
        text = Text()
        last = self.page + 1 >= len(self.pages)
        if rest and last:  # more than MOST_ENTRIES: the rest is for `w`
            text.append("+ " + tr("app.meeting.more_elsewhere", lang, count=rest), "bold reverse")
            text.append("  ")
        elif rest:
            text.append("▼ " + tr("app.meeting.more_below", lang, count=rest), "bold reverse")
            text.append("  ")
        elif not last:  # only items already shown under another owner follow
            text.append("▼ " + tr("app.meeting.continues", lang), "bold reverse")
            text.append("  ")
        if len(self.pages) > 1:
            text.append(tr("app.meeting.page", lang, page=self.page + 1, pages=len(self.pages)), "bold")
        if self.slide_timer is not None:
            text.append("  " + tr("app.meeting.slides_on", lang, seconds=SLIDE_SECONDS), "italic")
        return text

    def action_next_page(self) -> None:
        """Next page; in slide mode, after the last comes the first."""
        if self.page + 1 < len(self.pages):
            self.page += 1
        elif self.slide_timer is not None:
            self.page = 0
        self._show_page()

    def action_previous_page(self) -> None:
        self.page = max(0, self.page - 1)
        self._show_page()

    def action_first_page(self) -> None:
        self.page = 0
        self._show_page()

    def action_slides(self) -> None:
        """`a`: turn the pages every :data:`SLIDE_SECONDS` seconds, or stop."""
        if self.slide_timer is None:
            self.slide_timer = self.set_interval(SLIDE_SECONDS, self.action_next_page)
        else:
            self.slide_timer.stop()
            self.slide_timer = None
        self._show_page()

    def action_back(self) -> None:
        if self.slide_timer is not None:
            self.slide_timer.stop()
        self.dismiss(None)


def _direction_style(direction: str | None) -> str:
    return {"up": "bold green", "down": "bold red"}.get(direction or "", "")


def _columns(columns: list[Block], width: int) -> Text:
    """Columns of lines side by side, four cells apart (nothing before the first layout)."""
    if len(columns) <= 1:
        return Text("\n").join(columns[0]) if columns else Text()
    column_width = (width - 4 * (len(columns) - 1)) // len(columns)
    rows = max(len(column) for column in columns)
    out = []
    for y in range(rows):
        line = Text()
        for number, column in enumerate(columns):
            cell = column[y] if y < len(column) else Text()
            if number:
                line.append("    ")
            cell = cell.copy()
            cell.truncate(column_width, pad=number < len(columns) - 1)
            line.append_text(cell)
        out.append(line)
    return Text("\n").join(out)

"""The meeting view: a large, plain summary for a projector.

Big numbers (Textual's ``Digits``), wide bars per section and per ITA group,
the scores, and the items still open.  Nothing here edits; `m` or escape goes
back.  Scoring is imported only when this screen opens.
"""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Digits, Footer, Static

from ita_tui.app.localize import app_lang, localize_bindings
from ita_tui.app.widgets.navigator import GLYPHS, format_score, progress_bar
from ita_tui.i18n import Lang
from ita_tui.i18n import t as tr
from ita_tui.model import Checklist, Status

OPEN_ITEMS_SHOWN = 40
# action -> catalogue key of the footer description
MEETING_KEYS: dict[str, str] = {"back": "app.meeting.back"}


class MeetingScreen(Screen[None]):
    """Progress, scores and open items, large enough to read from the back of the room."""

    CSS_PATH = "meeting.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,m,q", "back", "Back", show=True),
    ]

    def __init__(self, checklist: Checklist, lang: Lang) -> None:
        super().__init__()
        self.checklist = checklist
        self.lang = lang

    def compose(self) -> ComposeResult:
        checklist = self.checklist
        progress = checklist.progress()
        yield Static(self._heading(), id="meeting-title")
        with Horizontal(id="meeting-top"):
            with Vertical(id="meeting-progress"):
                yield Static(Text(tr("label.progress", self.lang), style="bold"), classes="meeting-label")
                yield Digits(f"{round(100 * progress.fraction)}%", id="meeting-percent")
                yield Static(id="meeting-sections")
            with Vertical(id="meeting-scores"):
                yield Static(Text(tr("app.meeting.scores", self.lang), style="bold"), classes="meeting-label")
                yield Digits("", id="meeting-score")
                yield Static(id="meeting-score-text")
        with VerticalScroll(id="meeting-open"):
            yield Static(id="meeting-open-items")
        yield Footer()

    def on_mount(self) -> None:
        localize_bindings(self, MEETING_KEYS, self.lang)
        self._fill()

    def _fill(self) -> None:
        self.query_one("#meeting-sections", Static).update(self._sections())
        self._show_scores()
        self.query_one("#meeting-open-items", Static).update(self._open_items())

    def apply_language(self) -> None:
        """Redraw in the app's (new) language (chosen in the palette over this view)."""
        self.lang = app_lang(self)
        localize_bindings(self, MEETING_KEYS, self.lang)
        self.call_later(self._redraw)

    async def _redraw(self) -> None:
        await self.recompose()
        self._fill()

    def on_resize(self) -> None:
        self.query_one("#meeting-sections", Static).update(self._sections())
        self._show_scores()

    def _heading(self) -> Text:
        checklist = self.checklist
        text = Text(checklist.title.replace("\n", " "), style="bold")
        extra = [checklist.organization.replace("\n", " ")] if checklist.organization else []
        if checklist.fiscal_year:
            extra.append(tr("app.fy", self.lang, year=checklist.fiscal_year))
        if extra:
            text.append("\n" + " · ".join(extra), "dim")
        return text

    def _sections(self) -> Table:
        """One row per section: name (truncated), a bar as wide as the space allows, done/total."""
        width = self.query_one("#meeting-sections", Static).size.width or 60
        counts = [section.progress() for section in self.checklist.sections]
        count_width = max((len(f"{p.done}/{p.total}") for p in counts), default=3)
        name_width = max(8, min(32, width // 3))
        bar_width = max(6, width - name_width - count_width - 2)
        table = Table.grid(padding=(0, 1))
        table.add_column(width=name_width, no_wrap=True, overflow="ellipsis")
        table.add_column(width=bar_width, no_wrap=True)
        table.add_column(width=count_width, no_wrap=True, justify="right")
        success = self.app.theme_variables.get("success", "green")
        for section, progress in zip(self.checklist.sections, counts, strict=True):
            name = section.group or section.title
            table.add_row(
                Text(name.replace("\n", " "), style="bold"),
                Text(progress_bar(progress.done, progress.total, bar_width), style=success),
                Text(f"{progress.done}/{progress.total}", style="bold"),
            )
        return table

    def _show_scores(self) -> None:
        from ita_tui.scoring import score_checklist

        result = score_checklist(self.checklist)
        digits = self.query_one("#meeting-score", Digits)
        text = Text()
        shown = result.overall if result.overall is not None else result.reported_overall
        digits.update(format_score(shown) if shown is not None else "")
        if result.overall is not None:
            band = result.band.letter if result.band else ""
            text.append(f"{tr('score.overall', self.lang)}: {format_score(result.overall)} {band}\n", "bold")
        elif result.missing:
            numbers = ", ".join(str(n) for n in result.missing)
            text.append(tr("report.computed_incomplete", self.lang, numbers=numbers) + "\n", "dim")
        if result.reported_overall is not None:
            rating = f" ({result.reported_rating})" if result.reported_rating else ""
            text.append(
                f"{tr('score.reported', self.lang)}: {format_score(result.reported_overall)}{rating}\n"
            )
        width = self.query_one("#meeting-score-text", Static).size.width or 40
        bar_width = max(5, min(30, width - 12))
        for group in result.groups:
            score = format_score(group.score) if group.score is not None else "—"
            bar = progress_bar(round(group.score or 0), 100, bar_width)
            text.append(f"{group.name:<4} ", "bold")
            text.append(bar, self.app.theme_variables.get("accent", "yellow"))
            text.append(f" {score}\n")
        self.query_one("#meeting-score-text", Static).update(text)

    def _open_items(self) -> Text:
        items = [item for item in self.checklist.items() if item.status is not Status.DONE]
        text = Text(tr("app.meeting.open", self.lang) + f" ({len(items)})\n", style="bold")
        if not items:
            text.append(tr("app.meeting.none_open", self.lang), "bold green")
            return text
        warning = self.app.theme_variables.get("warning", "yellow")
        for item in items[:OPEN_ITEMS_SHOWN]:
            style = warning if item.status is Status.IN_PROGRESS else "dim"
            text.append(f"{GLYPHS[item.status]} ", style)
            text.append(f"{item.id}  ", "bold")
            text.append(item.title.replace("\n", " ") + "\n")
        if len(items) > OPEN_ITEMS_SHOWN:
            text.append(tr("app.meeting.more", self.lang, count=len(items) - OPEN_ITEMS_SHOWN), "dim")
        return text

    def action_back(self) -> None:
        self.dismiss(None)

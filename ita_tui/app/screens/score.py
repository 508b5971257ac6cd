"""The score screen (`c`): what ``ita-tui score`` prints, for the scores as they are in the app.

The content is :func:`ita_tui.commands.score.render` -- the groups and indicators
table, the computed overall and band, the reported score, the implied score of a
missing indicator, the what-if raises, warnings and notes -- computed from the
session's checklist when the screen opens, so scores typed with `s` count; with last
year's file named in ``previous``, each indicator beside last year's follows
(:func:`ita_tui.commands.compare.render`).
Nothing here edits; escape (or `c`, `q`) goes back.  Scoring is imported only
when this screen opens.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ita_tui.app.localize import app_lang, localize_bindings
from ita_tui.compare import Comparison
from ita_tui.i18n import Lang
from ita_tui.model import Checklist

# action -> catalogue key of the footer description
SCORE_KEYS: dict[str, str] = {"back": "app.meeting.back"}


class ScoreScreen(Screen[None]):
    """The ITA score table and findings, scrollable."""

    CSS_PATH = "score.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,c,q", "back", "Back", show=True),
    ]

    def __init__(self, checklist: Checklist, lang: Lang, comparison: Comparison | None = None) -> None:
        super().__init__()
        self.checklist = checklist
        self.lang = lang
        self.comparison = comparison  # last year's scores beside this year's, when the file names them

    def compose(self) -> ComposeResult:
        title = Text(self.checklist.title.replace("\n", " "), style="bold")
        yield Static(title, id="score-title")
        with VerticalScroll(id="score-scroll"):
            yield Static(self._report(), id="score-report")
        yield Footer()

    def on_mount(self) -> None:
        localize_bindings(self, SCORE_KEYS, self.lang)
        self.query_one("#score-scroll", VerticalScroll).focus()

    def _report(self) -> Group:
        from ita_tui.commands.score import render
        from ita_tui.scoring import score_checklist

        parts = render(score_checklist(self.checklist), self.lang)
        if self.comparison is not None:
            from ita_tui.commands.compare import render as render_comparison

            parts += [Text(""), render_comparison(self.comparison, self.lang)]
        return Group(*parts)

    def apply_language(self) -> None:
        """Redraw in the app's (new) language (chosen in the palette over this screen)."""
        self.lang = app_lang(self)
        localize_bindings(self, SCORE_KEYS, self.lang)
        self.query_one("#score-report", Static).update(self._report())

    def action_back(self) -> None:
        self.dismiss(None)

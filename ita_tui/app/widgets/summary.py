"""The top of the main screen: the title bar (title, organization, year, unsaved marker)
and the overall progress line (with the reported score and the computed one)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Static

from ita_tui.app.widgets.navigator import format_score, progress_bar
from ita_tui.i18n import Lang
from ita_tui.i18n import t as tr
from ita_tui.model import Checklist

if TYPE_CHECKING:
    from ita_tui.scoring import ScoreResult

# More missing indicators than this are counted instead of listed on the progress line.
MISSING_LISTED = 3


class TitleBar(Horizontal):
    """One line: the checklist's title · organization · fiscal year, and the save state."""

    DEFAULT_CSS = """
    TitleBar { height: 1; background: $panel; }
    TitleBar > #title-text { width: 1fr; height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    TitleBar > #save-state { width: auto; height: 1; padding: 0 1; }
    TitleBar > #save-state.-unsaved { background: $warning; color: $background; text-style: bold; }
    TitleBar > #save-state.-saving { color: $text-muted; }
    """

    # "clean", "unsaved" or "saving"
    state: reactive[str] = reactive("clean", init=False)

    def __init__(self, checklist: Checklist, lang: Lang) -> None:
        super().__init__()
        self.checklist = checklist
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="title-text")
        yield Static("", id="save-state")

    def _title(self) -> Text:
        checklist = self.checklist
        parts = [checklist.title.replace("\n", " ")]
        if checklist.organization:
            parts.append(checklist.organization.replace("\n", " "))
        if checklist.fiscal_year:
            parts.append(tr("app.fy", self.lang, year=checklist.fiscal_year))
        text = Text(" ")
        text.append(parts[0], "bold")
        for part in parts[1:]:
            text.append(" · ", "dim")
            text.append(part)
        return text

    def update_checklist(self, checklist: Checklist, lang: Lang) -> None:
        """Show another checklist (after a reload) or language."""
        self.checklist = checklist
        self.lang = lang
        self.query_one("#title-text", Static).update(self._title())
        self.watch_state(self.state)

    def watch_state(self, state: str) -> None:
        marker = self.query_one("#save-state", Static)
        marker.set_class(state == "unsaved", "-unsaved")
        marker.set_class(state == "saving", "-saving")
        label = {"unsaved": "app.unsaved", "saving": "app.saving"}.get(state)
        marker.update(Text(tr(label, self.lang)) if label else "")


class ProgressLine(Static):
    """Overall progress: a bar, the counts by status, the reported score and the computed one.

    The computed overall (:func:`ita_tui.scoring.score_checklist`, under 1 ms for
    10,000 items) is worked out after the first frame, so start-up does not import
    scoring, and again by :meth:`refresh_score` when a score changes.
    """

    DEFAULT_CSS = """
    ProgressLine { height: 1; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, checklist: Checklist, lang: Lang) -> None:
        super().__init__(id="progress-line")
        self.checklist = checklist
        self.lang = lang
        self.score: ScoreResult | None = None  # None until computed

    def on_mount(self) -> None:
        self.refresh_progress()
        # Twice, like the first-frame hook: the first callback can run before the first paint.
        self.call_after_refresh(self.call_after_refresh, self.refresh_score)

    def refresh_score(self) -> None:
        """Score the checklist again (a score changed, or another file) and redraw."""
        from ita_tui.scoring import score_checklist

        self.score = score_checklist(self.checklist)
        self.refresh_progress()

    def refresh_progress(self) -> None:
        """Recount (cheap: one pass over the items) and redraw.

        The line is built in steps from full to compact -- a shorter bar, the short
        status words, no "Progress" label -- and the first that fits the width is
        shown; when none fits (80 columns) the most compact one is cut with an ellipsis,
        so the bar and the counts stay and the scores go first.
        """
        progress = self.checklist.progress()
        counts = {
            "done": progress.done,
            "total": progress.total,
            "in_progress": progress.in_progress,
            "not_started": progress.not_started,
        }
        scores = self._scores()
        room = self.content_size.width
        wide = room >= 98 or not room
        steps = [(True, 24 if wide else 12, "app.counts")]
        if scores is not None:
            short = "app.counts_short"
            steps += [(True, 12, "app.counts"), (True, 12, short), (False, 12, short)]
        for label, bar_width, counts_key in steps:
            text = self._line(progress.done, progress.total, round(100 * progress.fraction), bar_width, label)
            text.append(tr(counts_key, self.lang, **counts))
            if scores is not None:
                text.append("   ")
                text.append_text(scores)
            if not room or text.cell_len <= room:
                break
        self.update(text)

    def _line(self, done: int, total: int, percent: int, bar_width: int, label: bool) -> Text:
        """The start of the line: the label, the bar and the percentage."""
        text = Text()
        if label:
            text.append(tr("label.progress", self.lang) + " ", "bold")
        text.append(progress_bar(done, total, bar_width), self.app.theme_variables.get("success", "green"))
        text.append(f" {percent}%  ", "bold")
        return text

    def _scores(self) -> Text | None:
        """The reported score and rating, then the computed overall (or why not); None: neither."""
        checklist = self.checklist
        parts: list[Text] = []
        if checklist.overall_score is not None:
            score = tr("app.score.reported", self.lang, score=format_score(checklist.overall_score))
            if checklist.rating:
                score += f" · {checklist.rating}"
            parts.append(Text(score.replace("\n", " "), "dim"))
        computed = self._computed()
        if computed is not None:
            parts.append(computed)
        return Text(" · ", "dim").join(parts) if parts else None

    def _computed(self) -> Text | None:
        """The computed overall and band, or why there is none; None when there is nothing to score."""
        result = self.score
        if result is None or not result.scored:
            return None
        if result.overall is not None:
            band = result.band.letter if result.band else ""
            words = tr("app.score.computed", self.lang, score=format_score(result.overall), band=band)
            return Text(words.strip(), "bold")
        missing = result.missing
        if len(missing) > MISSING_LISTED:
            words = tr("app.score.not_computed_many", self.lang, count=len(missing))
        else:
            numbers = ", ".join(str(n) for n in missing)
            words = tr("app.score.not_computed", self.lang, numbers=numbers)
        return Text(words, self.app.theme_variables.get("warning", "yellow"))

    def on_resize(self) -> None:
        self.refresh_progress()

"""The top of the main screen: the title bar (title, organization, year, unsaved marker)
and the overall progress line."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Static

from ita_tui.app.widgets.navigator import format_score, progress_bar
from ita_tui.i18n import Lang
from ita_tui.i18n import t as tr
from ita_tui.model import Checklist


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
    """Overall progress: a bar, the counts by status, and the reported score."""

    DEFAULT_CSS = """
    ProgressLine { height: 1; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, checklist: Checklist, lang: Lang) -> None:
        super().__init__(id="progress-line")
        self.checklist = checklist
        self.lang = lang

    def on_mount(self) -> None:
        self.refresh_progress()

    def refresh_progress(self) -> None:
        """Recount (cheap: one pass over the items) and redraw."""
        progress = self.checklist.progress()
        width = 24 if self.size.width >= 100 or not self.size.width else 12
        bar_style = self.app.theme_variables.get("success", "green")
        text = Text()
        text.append(tr("label.progress", self.lang) + " ", "bold")
        text.append(progress_bar(progress.done, progress.total, width), bar_style)
        percent = round(100 * progress.fraction)
        text.append(f" {percent}%  ", "bold")
        text.append(
            tr(
                "app.counts",
                self.lang,
                done=progress.done,
                total=progress.total,
                in_progress=progress.in_progress,
                not_started=progress.not_started,
            )
        )
        checklist = self.checklist
        if checklist.overall_score is not None:
            score = tr("app.score.reported", self.lang, score=format_score(checklist.overall_score))
            if checklist.rating:
                score += f" · {checklist.rating}"
            text.append("   ")
            text.append(score.replace("\n", " "), "dim")
        self.update(text)

    def on_resize(self) -> None:
        self.refresh_progress()

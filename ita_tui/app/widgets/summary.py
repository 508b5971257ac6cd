"""The top of the main screen: the title bar (title, organization, year, unsaved marker)
and the overall progress line (with the reported score and the computed one)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from ita_tui.app.widgets.navigator import format_score, progress_bar
from ita_tui.i18n import Lang
from ita_tui.i18n import t as tr
from ita_tui.model import Checklist

if TYPE_CHECKING:
    from ita_tui.scoring import ScoreResult

# A title cut shorter than this says nothing: the title bar shows the organization first instead.
_SHORTEST_TITLE = 12
# More missing indicators than this are counted instead of listed on the progress line.
MISSING_LISTED = 3


class TitleText(Widget):
    """The checklist's title · organization · fiscal year, drawn for the width it has.

    Drawn in :meth:`render`, so each frame fits the width the layout gave: worked out in a
    callback instead, it could read the width from before the save marker took its room
    and leave the year cut (``ปีงบ…``) at 80 columns.  When the line is too narrow for all
    three, the title is cut, never the organization or the year: the agency's name is
    what tells two open checklists apart.
    """

    DEFAULT_CSS = "TitleText { width: 1fr; height: 1; text-wrap: nowrap; text-overflow: ellipsis; }"

    def __init__(self, checklist: Checklist, lang: Lang) -> None:
        super().__init__(id="title-text")
        self.checklist = checklist
        self.lang = lang

    def render(self) -> Text:
        return self.line(self.content_size.width)

    def line(self, width: int = 0) -> Text:
        """The line for *width* cells (0: unknown, everything)."""
        checklist = self.checklist
        title = checklist.title.replace("\n", " ")
        rest = []
        if checklist.organization:
            rest.append(checklist.organization.replace("\n", " "))
        if checklist.fiscal_year:
            rest.append(tr("app.fy", self.lang, year=checklist.fiscal_year))
        tail = Text()
        for part in rest:
            tail.append(" · ", "dim")
            tail.append(part)
        text = Text(" ")
        room = width - 1 - tail.cell_len
        if not width or cell_len(title) <= room:
            text.append(title, "bold")
        elif room >= _SHORTEST_TITLE:
            # Cut the title (Rich cuts after a letter's marks, never between them); keep the rest.
            shown = Text(title, "bold")
            shown.truncate(room, overflow="ellipsis")
            text.append_text(shown)
        else:
            # No room worth showing a title in: the organization and the year come first.
            tail = tail[3:]
        return text + tail


class TitleBar(Horizontal):
    """One line: the title, organization and year (:class:`TitleText`), and the save state."""

    DEFAULT_CSS = """
    TitleBar { height: 1; background: $panel; }
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
        yield TitleText(self.checklist, self.lang)
        yield Static("", id="save-state")

    def update_checklist(self, checklist: Checklist, lang: Lang) -> None:
        """Show another checklist (after a reload) or language."""
        self.checklist = checklist
        self.lang = lang
        title = self.query_one(TitleText)
        title.checklist, title.lang = checklist, lang
        title.refresh()
        self.watch_state(self.state)

    def watch_state(self, state: str) -> None:
        marker = self.query_one("#save-state", Static)
        marker.set_class(state == "unsaved", "-unsaved")
        marker.set_class(state == "saving", "-saving")
        label = {"unsaved": "app.unsaved", "saving": "app.saving"}.get(state)
        marker.update(Text(tr(label, self.lang)) if label else "")


# The progress line's forms, fullest first: (the "Progress" label, bar cells, reported score short).
_STEPS = (
    (True, 24, False),
    (True, 12, False),
    (False, 12, False),
    (False, 8, False),
    (False, 8, True),
    (False, 5, True),
    (False, 0, True),
)


class ProgressLine(Widget):
    """Overall progress: a bar, the counts by status, the reported score and the computed one.

    Each frame is drawn whole for the width it has (:meth:`render`): everything on it is
    known from the first frame (the computed overall takes well under a millisecond;
    :mod:`ita_tui.scoring` loads in about 20 ms), so the first frame is the final form.
    :meth:`refresh_progress` recounts after an edit, :meth:`refresh_score` scores again.
    """

    DEFAULT_CSS = """
    ProgressLine { height: 1; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, checklist: Checklist, lang: Lang) -> None:
        super().__init__(id="progress-line")
        self.checklist = checklist
        self.lang = lang
        self.score: ScoreResult | None = None
        self._progress = checklist.progress()

    def on_mount(self) -> None:
        self.refresh_score()

    def refresh_score(self) -> None:
        """Score the checklist again (a score changed, or another file) and redraw."""
        from ita_tui.scoring import score_checklist

        self.score = score_checklist(self.checklist)
        self.refresh_progress()

    def refresh_progress(self) -> None:
        """Recount (cheap: one pass over the items) and redraw."""
        self._progress = self.checklist.progress()
        self.refresh()

    def render(self) -> Text:
        """The line for the width it has.

        The first of the forms (fullest first) that fits whole; else the fullest whose part
        before the computed score fits, cut at its end; else the most compact, cut.  So 80
        columns always show the bar, the counts and the reported score with its rating, and
        the computed score is what goes.
        """
        progress = self._progress
        counts = tr(
            "app.counts",
            self.lang,
            done=progress.done,
            total=progress.total,
            in_progress=progress.in_progress,
            not_started=progress.not_started,
        )
        room = self.content_size.width
        percent = round(100 * progress.fraction)
        computed = self._computed()
        forms: list[tuple[Text, Text]] = []  # (the line, its part before the computed score)
        for label, bar_width, short in _STEPS:
            must = self._line(progress.done, progress.total, percent, bar_width, label)
            must.append(counts)
            reported = self._reported(short)
            if reported is not None or computed is not None:
                must.append("  ")
            if reported is not None:
                must.append_text(reported)
            line = must.copy()
            if computed is not None:
                if reported is not None:
                    line.append(" · ", "dim")
                line.append_text(computed)
            forms.append((line, must))
        chosen = next((line for line, _ in forms if not room or line.cell_len <= room), None)
        if chosen is None:
            # Strictly shorter: the cut puts its "…" in the cell after the part that must show.
            chosen = next((line for line, must in forms if must.cell_len < room), forms[-1][0])
        chosen.no_wrap = True
        chosen.overflow = "ellipsis"
        return chosen

    def _line(self, done: int, total: int, percent: int, bar_width: int, label: bool) -> Text:
        """The start of the line: the label, the bar and the percentage."""
        text = Text()
        if label:
            text.append(tr("label.progress", self.lang) + " ", "bold")
        if bar_width:
            bar = progress_bar(done, total, bar_width)
            text.append(bar + " ", self.app.theme_variables.get("success", "green"))
        text.append(f"{percent}%  ", "bold")
        return text

    def _reported(self, short: bool) -> Text | None:
        """The reported score and rating (in fewer words when *short*); None when not reported."""
        checklist = self.checklist
        if checklist.overall_score is None:
            return None
        key = "app.score.reported_short" if short else "app.score.reported"
        score = tr(key, self.lang, score=format_score(checklist.overall_score))
        if checklist.rating:
            score += f" · {checklist.rating}"
        return Text(score.replace("\n", " "), "dim")

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

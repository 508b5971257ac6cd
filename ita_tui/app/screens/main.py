"""The main screen: navigator, detail pane, progress, and every editing key.

The screen owns the :class:`~ita_tui.app.session.Session` (the open file and
its undo history) and turns keys into session edits, then repaints only what
changed.  Saving, autosave, save conflicts, reloading and quitting are the
:class:`~ita_tui.app.screens.saving_flow.SavingFlow` mixin's (``saving_flow.py``).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input

from ita_tui.app.localize import app_lang, localize_bindings
from ita_tui.app.screens.saving_flow import SavingFlow, display_path
from ita_tui.app.session import Session, StatusFilter
from ita_tui.app.widgets.detail import DetailPane, Found
from ita_tui.app.widgets.navigator import NAVIGATOR_KEYS, Navigator
from ita_tui.app.widgets.summary import ProgressLine, TitleBar
from ita_tui.checklist_file import LoadedChecklist
from ita_tui.edits import Change, ScoreRefused, parse_score, score_refusal
from ita_tui.errors import UserError
from ita_tui.i18n import Lang
from ita_tui.i18n import t as tr
from ita_tui.model import Item, Status
from ita_tui.thai import NumberError

# (key, action, description key, shown in footer, binding id).  Descriptions are
# looked up in the app's language when the screen is built (and on a switch).
MAIN_KEYS: list[tuple[str, str, str, bool, str]] = [
    # Footer order: what a first-time user needs most comes first (80 columns cut the rest).
    ("space", "cycle", "key.cycle_status", True, "cycle"),
    ("enter", "notes", "key.notes", True, "notes"),
    ("ctrl+s", "save", "key.save", True, "save"),
    ("slash", "search", "key.search", True, "search"),
    ("f", "filter", "key.filter", True, "filter"),
    ("question_mark", "help", "key.help", True, "help"),
    ("q", "quit", "key.quit", True, "quit"),
    ("m", "meeting", "key.meeting_view", True, "meeting"),
    ("e", "export", "key.export", True, "export"),
    ("1", "set_status('not-started')", "key.set_not_started", False, "status-1"),
    ("2", "set_status('in-progress')", "key.set_in_progress", False, "status-2"),
    ("3", "set_status('done')", "key.set_done", False, "status-3"),
    ("s", "score", "app.key.score", False, "score"),
    ("c", "score_report", "app.key.score_report", False, "score-report"),
    ("n", "next_match", "app.key.next_match", False, "next-match"),
    ("N", "previous_match", "app.key.prev_match", False, "previous-match"),
    ("ctrl+t", "toggle_tone_marks", "app.key.tone_marks", False, "tone-marks"),
    ("u,ctrl+z", "undo", "key.undo", False, "undo"),
    ("ctrl+y", "redo", "key.redo", False, "redo"),
]


COMPACT_FOOTER_BELOW = 100
# Below COMPACT_FOOTER_BELOW columns these keys leave the footer (they stay on `?` and in the
# palette), so that every key the footer shows keeps its label (80 columns cut "e Export").
WIDE_FOOTER_ONLY = frozenset({"meeting", "export"})


def localized_bindings(lang: Lang, *, wide: bool = True) -> list[Binding]:
    """The main screen's bindings with descriptions in *lang* (a narrow footer shows fewer)."""
    return [
        Binding(
            key,
            action,
            tr(description, lang),
            show=show and (wide or ident not in WIDE_FOOTER_ONLY),
            id=f"main.{ident}",
        )
        for key, action, description, show, ident in MAIN_KEYS
    ]


class MainScreen(SavingFlow, Screen[None]):
    """Tracking a checklist: move, set statuses, write notes, save."""

    CSS_PATH = "main.tcss"
    BINDINGS: ClassVar[list[BindingType]] = list(localized_bindings("en"))

    def __init__(self, loaded: LoadedChecklist) -> None:
        super().__init__()
        self.session = Session(loaded)
        self.matches: list[str] = []
        self._wide = True  # the footer shows every key (set from the width on mount)
        self._init_saving_flow()
        # Search: exact by default; ctrl+t (or the palette) makes it ignore tone marks.
        self.ignore_tone_marks = False

    # -- set-up -----------------------------------------------------------------

    @property
    def lang(self) -> Lang:
        return app_lang(self)

    @property
    def loaded(self) -> LoadedChecklist:
        return self.session.loaded

    def compose(self) -> ComposeResult:
        checklist = self.session.checklist
        yield TitleBar(checklist, self.lang)
        yield ProgressLine(checklist, self.lang)
        with Horizontal(id="panes"):
            yield Navigator(checklist, id="navigator")
            yield DetailPane(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.session.clock = getattr(self.app, "clock", None)
        self._wide = self.app.size.width >= COMPACT_FOOTER_BELOW
        self._bindings = BindingsMap(localized_bindings(self.lang, wide=self._wide))
        navigator = self.navigator
        localize_bindings(navigator, NAVIGATOR_KEYS, self.lang)
        navigator.border_title = Content(tr("app.checklist", self.lang))
        self.query_one(DetailPane).lang = self.lang
        navigator.focus()
        self._show_current()
        self._update_filter_title()
        if os.environ.get("ITA_TUI_EXIT_AFTER_FIRST_FRAME"):
            # The benchmark's hook (bench/run.py): time to the first full frame.
            # Twice: the first refresh callback can run before the compositor has painted.
            self.call_after_refresh(self.call_after_refresh, self.app.exit)

    def on_resize(self, event: events.Resize) -> None:
        # Below 100 columns the footer's keys fit only without their padding, and fewer of them.
        wide = event.size.width >= COMPACT_FOOTER_BELOW
        self.query_one(Footer).compact = not wide
        if wide != self._wide:
            self._wide = wide
            self._bindings = BindingsMap(localized_bindings(self.lang, wide=wide))
            self.refresh_bindings()

    def apply_language(self) -> None:
        """Redraw every label in the app's (new) language."""
        lang = self.lang
        self._bindings = BindingsMap(localized_bindings(lang, wide=self._wide))
        self.refresh_bindings()
        localize_bindings(self.navigator, NAVIGATOR_KEYS, lang)
        self.query_one(TitleBar).update_checklist(self.session.checklist, lang)
        progress = self.query_one(ProgressLine)
        progress.lang = lang
        progress.refresh_progress()
        self.query_one(DetailPane).lang = lang
        self._update_search_hint()
        self._update_filter_title()
        self._show_current()

    @property
    def navigator(self) -> Navigator:
        return self.query_one(Navigator)

    @property
    def current_item(self) -> Item | None:
        return self.navigator.current_item

    # -- showing ----------------------------------------------------------------

    def _show_current(self) -> None:
        detail = self.query_one(DetailPane)
        row = self.navigator.current
        if row is None:
            name = tr(f"app.filter.{self.navigator.status_filter.value}", self.lang)
            detail.show_nothing(tr("app.filter.empty", self.lang, name=name))
        elif row.item is None:
            detail.show_section(self.session.checklist.sections[row.section])
        else:
            detail.show_item(self.session.checklist, self.session.section_of(row.item.id), row.item)

    @on(Navigator.Highlighted)
    def _highlighted(self, event: Navigator.Highlighted) -> None:
        self._show_current()

    def refresh_detail(self) -> None:
        """Redraw the detail pane (e.g. once Thai word wrapping is ready)."""
        self._show_current()

    def _after_change(self, change: Change | None, *, reselect: bool = False) -> None:
        """Repaint what *change* touched: one navigator line, the progress, the detail."""
        if change is None:
            return
        navigator = self.navigator
        if reselect:
            navigator.select(change.item_id)
        navigator.item_changed(change.item_id)
        progress = self.query_one(ProgressLine)
        if change.before.score != change.after.score:
            progress.refresh_score()  # the computed overall follows the indicator scores
        else:
            progress.refresh_progress()
        self._show_current()
        self._update_dirty()
        self._schedule_autosave()

    def _update_dirty(self) -> None:
        bar = self.query_one(TitleBar)
        if self._saving:
            bar.state = "saving"
        else:
            bar.state = "unsaved" if self.session.dirty else "clean"

    def _update_filter_title(self) -> None:
        status_filter = self.navigator.status_filter
        title = tr("app.checklist", self.lang)
        if status_filter is not StatusFilter.ALL:
            name = tr(f"app.filter.{status_filter.value}", self.lang)
            title += " · " + tr("app.filter.shown", self.lang, name=name)
        self.navigator.border_title = Content(title)

    def _require_item(self) -> Item | None:
        item = self.current_item
        if item is None:
            row = self.navigator.current
            if row is not None and row.item is None:
                return None
            self.notify(tr("app.no_item", self.lang), severity="warning")
        return item

    # -- status -----------------------------------------------------------------

    def action_cycle(self) -> None:
        """`space`: next status; on a section header, fold or unfold it."""
        row = self.navigator.current
        if row is not None and row.item is None:
            self.navigator.toggle_fold()
            return
        item = self._require_item()
        if item is not None:
            self._after_change(self.session.cycle(item))

    def action_set_status(self, value: str) -> None:
        item = self._require_item()
        if item is not None:
            self._after_change(self.session.set_status(item, Status(value)))

    @on(Navigator.ToggleRequested)
    def _toggle_clicked(self, event: Navigator.ToggleRequested) -> None:
        item = self.session.item(event.item_id)
        if item is not None:
            self._after_change(self.session.cycle(item))

    # -- notes and score ------------------------------------------------------------

    def action_notes(self) -> None:
        """`enter`: edit the item's notes (on a section header: fold it)."""
        from ita_tui.app.screens.dialogs import NotesEditor

        row = self.navigator.current
        if row is not None and row.item is None:
            self.navigator.toggle_fold()
            return
        item = self._require_item()
        if item is None:
            return

        def done(text: str | None) -> None:
            if text is not None:
                self._after_change(self.session.set_notes(item, text), reselect=True)

        self.app.push_screen(NotesEditor(item.id, item.title, item.notes, self.lang), done)

    def action_score(self, error: str | None = None, typed: str | None = None) -> None:
        """`s`: set the item's score (0–100; Thai digits work; empty clears it)."""
        from ita_tui.app.screens.dialogs import ScoreDialog
        from ita_tui.app.widgets.navigator import format_score

        item = self._require_item()
        if item is None:
            return
        refusal = score_refusal(item, 0.0)
        if refusal is not None and item.score is None:
            # Only indicators are scored: say so rather than ask for a number.
            self.notify(refusal.render(self.lang), severity="warning", timeout=6)
            return
        current = typed if typed is not None else format_score(item.score)

        def done(text: str | None) -> None:
            if text is None:
                return
            try:
                score = parse_score(text)
                refusal = score_refusal(item, score)
                if refusal is not None:
                    raise ScoreRefused(refusal)
                change = self.session.set_score(item, score)
            except (NumberError, ScoreRefused) as problem:
                # Ask again with what was typed, so nothing is lost.
                self.action_score(tr("app.score.bad", self.lang, error=problem.render(self.lang)), text)
                return
            self._after_change(change, reselect=True)

        self.app.push_screen(ScoreDialog(item.id, current, self.lang, error), done)

    # -- undo -------------------------------------------------------------------------

    def action_undo(self) -> None:
        change = self.session.undo()
        if change is None:
            self.notify(tr("notify.nothing_to_undo", self.lang))
            return
        self._after_change(change, reselect=True)

    def action_redo(self) -> None:
        change = self.session.redo()
        if change is None:
            self.notify(tr("notify.nothing_to_redo", self.lang))
            return
        self._after_change(change, reselect=True)

    # -- filter and search --------------------------------------------------------------

    def action_filter(self, value: str | None = None) -> None:
        """`f`: cycle the status filter (all → open → not started → in progress → done)."""
        navigator = self.navigator
        current = navigator.current_item
        navigator.status_filter = StatusFilter(value) if value else navigator.status_filter.next()
        navigator.rebuild(keep=current.id if current else None)
        if navigator.current_item is None and navigator.rows:
            navigator.cursor = navigator.first_item_row()
        self._update_filter_title()
        self._show_current()

    async def action_search(self) -> None:
        """`/`: open the search field (mounted on first use: start-up does not pay for it)."""
        found = self.query("#search").results(Input)
        search = next(found, None)
        if search is None:
            search = Input(id="search")
            await self.mount(search, before=self.query_one(Footer))
            self._update_search_hint()
        search.remove_class("-hidden")
        search.focus()

    def _update_search_hint(self) -> None:
        """The search bar's placeholder, and under it whether tone marks count (ctrl+t)."""
        hint = "app.search.tone_ignored" if self.ignore_tone_marks else "app.search.tone_exact"
        for search in self.query("#search").results(Input):
            search.placeholder = tr("search.placeholder", self.lang)
            search.border_title = Content(tr(hint, self.lang))

    def action_toggle_tone_marks(self) -> None:
        """`ctrl+t` (in the search bar too): search with or without regard to tone marks."""
        self.set_ignore_tone_marks(not self.ignore_tone_marks)

    def set_ignore_tone_marks(self, on: bool) -> None:
        """Make the search ignore Thai tone marks (ใช finds ใช้) or match them exactly."""
        self.ignore_tone_marks = on
        self._update_search_hint()
        self.notify(tr("app.search.tone_on" if on else "app.search.tone_off", self.lang), timeout=3)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self._close_search()
        self.run_search(event.value)

    def _close_search(self) -> None:
        for search in self.query("#search").results(Input):
            search.add_class("-hidden")
        self.navigator.focus()

    def key_escape(self) -> None:
        if any(not s.has_class("-hidden") for s in self.query("#search").results(Input)):
            self._close_search()

    def run_search(self, query: str) -> None:
        """Find *query* in ids, titles, fields and notes; mark the matches and the words found,
        and go to the first match after the cursor (from the top again after the last)."""
        query = query.strip()
        found = self.session.search(query, ignore_tone_marks=self.ignore_tone_marks) if query else []
        self.matches = found
        navigator = self.navigator
        navigator.matches = set(found)
        navigator.found_query, navigator.ignore_tone_marks = query, self.ignore_tone_marks
        navigator.refresh()
        detail = self.query_one(DetailPane)
        detail.found = Found(query, self.ignore_tone_marks) if found else None
        self._show_current()
        if not query:
            return
        if not found:
            self.notify(tr("label.no_matches", self.lang, query=query), severity="warning")
            return
        visible = [item_id for item_id in found if self._visible_or_unfoldable(item_id)]
        message = tr("app.search.found", self.lang, count=len(found), query=query)
        hidden = len(found) - len(visible)
        if hidden:
            message += "\n" + tr("app.search.hidden", self.lang, count=hidden)
        self.notify(message)
        if visible:
            self._go_to_match(visible, 1)

    def _visible_or_unfoldable(self, item_id: str) -> bool:
        item = self.session.item(item_id)
        return item is not None and self.navigator.status_filter.admits(item.status)

    def _go_to_match(self, candidates: list[str], step: int) -> None:
        """Select the match after the cursor (*step* 1) or before it (-1), in file order,
        wrapping round at the end (and saying so)."""
        session = self.session
        here = self._cursor_position()
        if step > 0:
            beyond = [c for c in candidates if session.position(c) > here]
            target = beyond[0] if beyond else candidates[0]
        else:
            beyond = [c for c in candidates if session.position(c) < here]
            target = beyond[-1] if beyond else candidates[-1]
        if not beyond and len(candidates) > 1:
            key = "app.search.wrapped_top" if step > 0 else "app.search.wrapped_bottom"
            self.notify(tr(key, self.lang), timeout=3)
        self.navigator.select(target)

    def _cursor_position(self) -> float:
        """Where the cursor is in file order: an item's position, or just before its section's first."""
        row = self.navigator.current
        if row is None:
            return -1.0
        if row.item is not None:
            return float(self.session.position(row.item.id))
        return self.session.section_start(row.section) - 0.5

    def action_next_match(self) -> None:
        visible = [i for i in self.matches if self._visible_or_unfoldable(i)]
        if visible:
            self._go_to_match(visible, 1)

    def action_previous_match(self) -> None:
        visible = [i for i in self.matches if self._visible_or_unfoldable(i)]
        if visible:
            self._go_to_match(visible, -1)

    def jump_to_section(self, index: int) -> None:
        """Put the cursor on section *index* (command palette)."""
        self.navigator.folded.discard(index)
        self.navigator.rebuild()
        self.navigator.select_section(index)
        self.navigator.focus()

    # -- other screens ------------------------------------------------------------------

    def action_help(self) -> None:
        from ita_tui.app.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.lang))

    def action_meeting(self) -> None:
        from ita_tui.app.screens.meeting import MeetingScreen

        self.app.push_screen(MeetingScreen(self.session.checklist, self.lang))

    def action_score_report(self) -> None:
        """`c`: the ITA score computed from the scores as they are now (what `ita-tui score` prints)."""
        from ita_tui.app.screens.score import ScoreScreen

        self.app.push_screen(ScoreScreen(self.session.checklist, self.lang))

    def action_export(self) -> None:
        from ita_tui.app.screens.dialogs import ExportDialog
        from ita_tui.exports.registry import FORMATS

        folder = Path.cwd() / "exports"

        def chosen(fmt: str | None) -> None:
            if fmt:
                self._export(fmt, folder)

        self.app.push_screen(ExportDialog(list(FORMATS), display_path(folder) + "/", self.lang), chosen)

    @work(thread=True, group="export")
    def _export(self, fmt: str, folder: Path) -> None:
        """Write an export in a thread (an SVG of a big file takes seconds)."""
        from ita_tui.exports.destination import default_path, write_new
        from ita_tui.exports.options import ExportOptions
        from ita_tui.exports.registry import render

        checklist, _states = self.session.snapshot()
        today = self._today()
        try:
            data = render(checklist, fmt, ExportOptions(lang=self.lang, today=today))
            folder.mkdir(parents=True, exist_ok=True)
            path = default_path(folder, self.loaded.path.stem, fmt, today)
            write_new(path, data)
        except (UserError, OSError, ValueError) as error:
            message = error.render(self.lang) if isinstance(error, UserError) else str(error)
            self.app.call_from_thread(
                self.notify, tr("app.export.failed", self.lang, error=message), severity="error", timeout=10
            )
            return
        self.app.call_from_thread(
            self.notify, tr("notify.exported_to", self.lang, path=display_path(path)), timeout=8
        )

    def _today(self) -> date:
        clock = getattr(self.app, "clock", None)
        return clock().date() if clock else date.today()

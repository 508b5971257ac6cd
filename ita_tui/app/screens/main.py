"""The main screen: navigator, detail pane, progress, and every editing key.

The screen owns the :class:`~ita_tui.app.session.Session` (the open file and
its undo history) and turns keys into session edits, then repaints only what
changed.  Adding, editing, moving and deleting items and sections are the
:class:`~ita_tui.app.screens.authoring_flow.AuthoringFlow` mixin's
(``authoring_flow.py``); saving, autosave, save conflicts, reloading and
quitting the :class:`~ita_tui.app.screens.saving_flow.SavingFlow` mixin's
(``saving_flow.py``).
"""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input

from ita_tui.app.localize import app_lang, localize_bindings
from ita_tui.app.screens.authoring_flow import AuthoringFlow
from ita_tui.app.screens.evidence_flow import EvidenceFlow
from ita_tui.app.screens.saving_flow import SavingFlow
from ita_tui.app.session import Session, SortOrder, StatusFilter
from ita_tui.app.today import app_today
from ita_tui.app.widgets.detail import DetailPane, Found
from ita_tui.app.widgets.footer import KeysFooter
from ita_tui.app.widgets.navigator import NAVIGATOR_KEYS, Navigator
from ita_tui.app.widgets.summary import ProgressLine, TitleBar
from ita_tui.checklist_file import LoadedChecklist
from ita_tui.edits import Change, ScoreRefused, parse_score, score_refusal
from ita_tui.errors import UserError
from ita_tui.i18n import Lang
from ita_tui.i18n import t as tr
from ita_tui.model import Item, Section, Status
from ita_tui.outstanding import DEFAULT_SOON_DAYS
from ita_tui.owners import Owner, owner_label
from ita_tui.thai import NumberError
from ita_tui.undoable import Edit

if TYPE_CHECKING:
    from ita_tui.compare import Comparison  # imported by comparison() when a meeting needs it
    from ita_tui.exports.choice import ExportChoice

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
    ("w", "what_is_left", "app.key.what_is_left", True, "what-is-left"),
    ("e", "export", "key.export", True, "export"),
    ("y", "copy_summary", "app.key.copy_summary", False, "copy-summary"),
    ("1", "set_status('not-started')", "key.set_not_started", False, "status-1"),
    ("2", "set_status('in-progress')", "key.set_in_progress", False, "status-2"),
    ("3", "set_status('done')", "key.set_done", False, "status-3"),
    ("s", "score", "app.key.score", False, "score"),
    ("D", "due", "app.key.due", False, "due"),
    ("o", "owner_filter", "app.key.owner_filter", False, "owner-filter"),
    ("c", "score_report", "app.key.score_report", False, "score-report"),
    ("n", "next_match", "app.key.next_match", False, "next-match"),
    ("N", "previous_match", "app.key.prev_match", False, "previous-match"),
    ("ctrl+t", "toggle_tone_marks", "app.key.tone_marks", False, "tone-marks"),
    ("u,ctrl+z", "undo", "key.undo", False, "undo"),
    ("ctrl+y", "redo", "key.redo", False, "redo"),
    # Writing the checklist (AuthoringFlow, issue 12).
    ("a", "add_item", "app.edit.key.add_item", False, "add-item"),
    ("A", "add_section", "app.edit.key.add_section", False, "add-section"),
    ("t", "edit_title", "app.edit.key.title", False, "edit-title"),
    ("d", "edit_fields", "app.edit.key.fields", False, "edit-fields"),
    ("delete,x", "delete", "app.edit.key.delete", False, "delete"),
    ("K,ctrl+up", "move(-1)", "app.edit.key.move_up", False, "move-up"),
    ("J,ctrl+down", "move(1)", "app.edit.key.move_down", False, "move-down"),
    ("greater_than_sign", "move_to_section", "app.edit.key.move_to", False, "move-to-section"),
    ("i", "edit_info", "app.edit.key.info", False, "edit-info"),
    # Evidence (EvidenceFlow, issue 19).
    ("v", "evidence", "evidence.key.dialog", False, "evidence"),
    ("L", "check_links", "evidence.key.check", False, "check-links"),
]


COMPACT_FOOTER_BELOW = 100
# Below COMPACT_FOOTER_BELOW columns these keys leave the footer (they stay on `?` and in the
# palette), so that every key the footer shows keeps its label (80 columns cut "e Export").
WIDE_FOOTER_ONLY = frozenset({"meeting", "what-is-left", "export"})


def filter_name(status_filter: StatusFilter, lang: Lang) -> str:
    """The status filter's name in *lang*: ยังไม่เสร็จ, เลยกำหนด, ครบกำหนดใน 7 วัน ..."""
    return tr(f"app.filter.{status_filter.value}", lang, days=DEFAULT_SOON_DAYS)


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


class MainScreen(AuthoringFlow, EvidenceFlow, SavingFlow, Screen[None]):
    """Tracking and writing a checklist: move, set statuses, write notes, edit, evidence, save."""

    # Its rules (main.tcss) are read with the app's: ItaApp.CSS_PATH.
    BINDINGS: ClassVar[list[BindingType]] = list(localized_bindings("en"))

    def __init__(self, loaded: LoadedChecklist) -> None:
        super().__init__()
        self.session = Session(loaded)
        self.matches: list[str] = []
        self._wide = True  # the footer shows every key (set from the width on mount)
        self._init_saving_flow()
        self._init_evidence_flow()
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
            yield Navigator(checklist, today=self.today, id="navigator")
            yield DetailPane(id="detail", today=self.today)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.session.clock = getattr(self.app, "clock", None)
        self._wide = self.app.size.width >= COMPACT_FOOTER_BELOW
        self._bindings = BindingsMap(localized_bindings(self.lang, wide=self._wide))
        navigator = self.navigator
        localize_bindings(navigator, NAVIGATOR_KEYS, self.lang)
        navigator.lang = self.lang
        navigator.border_title = Content(tr("app.checklist", self.lang))
        self.query_one(DetailPane).lang = self.lang
        navigator.focus()
        after_first_frame = getattr(self.app, "after_first_frame", None)
        if after_first_frame is None:
            self._show_current()
        else:
            # The detail pane fills in just after the first frame: its box is already laid
            # out, and wrapping its Thai (the word list's first load) would delay the list.
            after_first_frame(lambda: self.call_later(self._show_current))
        self._update_filter_title()
        if os.environ.get("ITA_TUI_EXIT_AFTER_FIRST_FRAME"):
            # The benchmark's hook (bench/run.py): exit once the first frame is on the terminal.
            from ita_tui.app.app import ItaApp

            if isinstance(self.app, ItaApp):
                self.app.after_first_frame(lambda: self.call_after_refresh(self.app.exit))

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
        self.navigator.lang = lang
        self.navigator.refresh()
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
            detail.show_nothing(tr("app.filter.empty", self.lang, name=self._filter_names() or "—"))
        elif row.item is None:
            detail.show_section(self.session.checklist.sections[row.section])
        else:
            detail.link_results = self.link_results
            detail.show_item(self.session.checklist, self.session.section_of(row.item.id), row.item)

    @on(Navigator.Highlighted)
    def _highlighted(self, event: Navigator.Highlighted) -> None:
        self._show_current()

    def _after_change(self, change: Change | None, *, reselect: bool = False) -> None:
        """Repaint what a status, notes or score change touched: its row, the progress, the detail."""
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

    def _filter_names(self) -> str:
        """What the navigator's filters keep, in words ("เลยกำหนด · กองคลัง"); "" when unfiltered."""
        navigator = self.navigator
        names = []
        if navigator.status_filter is not StatusFilter.ALL:
            names.append(filter_name(navigator.status_filter, self.lang))
        if navigator.owner is not None:
            names.append(owner_label(navigator.owner, self.lang))
        return " · ".join(names)

    def _update_filter_title(self) -> None:
        title = tr("app.checklist", self.lang)
        names = self._filter_names()
        if names:
            title += " · " + tr("app.filter.shown", self.lang, name=names)
        if self.navigator.sort is not SortOrder.FILE:
            title += " · " + tr(f"app.sort.{self.navigator.sort.value}", self.lang)
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

    @on(Navigator.TitleEditRequested)
    def _title_double_clicked(self, event: Navigator.TitleEditRequested) -> None:
        self.action_edit_title()

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

    def action_due(self, error: str | None = None, typed: str | None = None) -> None:
        """`D`: set the item's due date (15/12/2569, 15 ธ.ค. 2569, 2026-12-15, +7; empty clears it)."""
        from ita_tui.app.screens.due_dialogs import DueDialog
        from ita_tui.dates import format_date_numeric

        item = self._require_item()
        if item is None:
            return
        current = typed if typed is not None else format_date_numeric(item.due, self.lang) if item.due else ""

        def done(text: str | None) -> None:
            if text is None:
                return
            from ita_tui.dates import DateError, parse_due

            try:
                due = parse_due(text, self.today())
            except DateError as problem:
                self.action_due(tr(problem.key, self.lang, **problem.fields), text)
                return
            self._after_change(self.session.set_due(item, due), reselect=True)

        self.app.push_screen(DueDialog(item.id, current, self.lang, self.today(), error), done)

    # -- undo -------------------------------------------------------------------------

    def action_undo(self) -> None:
        """`u` / `ctrl+z`: undo the last edit and say which it was."""
        edit = self.session.undo()
        if edit is None:
            self.notify(tr("notify.nothing_to_undo", self.lang))
            return
        self._repaint(edit)
        self.notify(tr("notify.undone", self.lang, what=self.describe(edit)), markup=False)

    def action_redo(self) -> None:
        """`ctrl+y`: do again the last undone edit and say which it was."""
        edit = self.session.redo()
        if edit is None:
            self.notify(tr("notify.nothing_to_redo", self.lang))
            return
        self._repaint(edit)
        self.notify(tr("notify.redone", self.lang, what=self.describe(edit)), markup=False)

    def describe(self, edit: Edit) -> str:
        """What *edit* changed, in the interface language, and the title of what it concerns."""
        from ita_tui.app.merge_view import cut

        what = edit.description.render(self.lang)
        item, section = self._subject(edit)
        title = item.title if item is not None else section.title if section is not None else None
        return f"{what} «{cut(' '.join(title.split()))}»" if title else what

    def _subject(self, edit: Edit) -> tuple[Item | None, Section | None]:
        """The item or section *edit* concerns, wherever it is now (or the one it removed)."""
        from ita_tui.authoring import AddItem, AddSection

        if isinstance(edit, AddItem):  # also RemoveItem: the item may be out of the checklist
            return edit.item, None
        sections = self.session.checklist.sections
        if isinstance(edit, AddSection):  # also RemoveSection; add_indicator may add one with its item
            inside = next((i for i in edit.section.items if i.uid == edit.target), None)
            return inside, None if inside is not None else edit.section
        item = next((i for s in sections for i in s.items if i.uid == edit.target), None)
        section = next((s for s in sections if s.uid == edit.target), None)
        return item, section

    def _repaint(self, edit: Edit) -> None:
        """Repaint after *edit* was made, undone or redone: one row for a status, else the lists."""
        if isinstance(edit, Change):
            self._after_change(edit, reselect=True)
        else:
            self.after_edit(edit)

    def after_edit(self, edit: Edit) -> None:
        """Redraw everything an authoring edit may have changed, and select what it concerns.

        A removed item leaves the cursor where it was, on the row that took its place.
        """
        checklist = self.session.checklist
        navigator = self.navigator
        item, section = self._subject(edit)
        current = navigator.current_item
        if item is not None and self.session.item(item.id) is item:
            navigator.rebuild(keep=item.id)
            navigator.select(item.id)
        elif section is not None and any(s is section for s in checklist.sections):
            navigator.rebuild()
            navigator.select_section(checklist.sections.index(section))
        else:
            kept = current is not None and self.session.item(current.id) is current
            navigator.rebuild(keep=current.id if kept and current is not None else None)
        self.query_one(TitleBar).update_checklist(checklist, self.lang)
        self.query_one(ProgressLine).refresh_score()
        self._show_current()
        self._update_dirty()
        self._schedule_autosave()

    # -- filter and search --------------------------------------------------------------

    def action_filter(self, value: str | None = None) -> None:
        """`f`: cycle the filter: all, open, not started, in progress, done, overdue, due soon."""
        navigator = self.navigator
        navigator.status_filter = StatusFilter(value) if value else navigator.status_filter.next()
        self._refilter()

    def _refilter(self) -> None:
        """Rebuild the navigator after a filter or sort change, keeping the cursor's item if shown."""
        navigator = self.navigator
        current = navigator.current_item
        navigator.rebuild(keep=current.id if current else None)
        if navigator.current_item is None and navigator.rows:
            navigator.cursor = navigator.first_item_row()
        self._update_filter_title()
        self._show_current()

    def action_owner_filter(self) -> None:
        """`o`: show only one owner's items (or everyone's again)."""
        from ita_tui.app.screens.due_dialogs import OwnerDialog
        from ita_tui.owners import all_owners

        def chosen(owner: Owner | bool | None) -> None:
            if owner is False:
                return  # cancelled
            self.set_owner_filter(owner if isinstance(owner, Owner) else None)

        owners = all_owners(self.session.checklist)
        self.app.push_screen(OwnerDialog(owners, self.navigator.owner, self.lang), chosen)

    def set_owner_filter(self, owner: Owner | None) -> None:
        """Show only *owner*'s items; None shows every owner's."""
        self.navigator.owner = owner
        self._refilter()

    def set_sort(self, order: str) -> None:
        """Order the items in each section: in file order, by due date or by owner (palette)."""
        self.navigator.sort = SortOrder(order)
        self._refilter()

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
        return item is not None and self.navigator.admits(item, self.today())

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
        self.navigator.folded.discard(self.session.checklist.sections[index].uid)
        self.navigator.rebuild()
        self.navigator.select_section(index)
        self.navigator.focus()

    # -- other screens ------------------------------------------------------------------

    def action_help(self) -> None:
        from ita_tui.app.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.lang))

    def action_meeting(self) -> None:
        from ita_tui.app.screens.meeting import MeetingScreen

        checklist = self.session.checklist
        self.app.push_screen(MeetingScreen(checklist, self.lang, self.today(), self.comparison()))

    def comparison(self) -> Comparison | None:
        """This year's scores beside the earlier years' (``previous`` in the file); None without one.

        A previous file that cannot be read is said once in a notification; the
        years found before it still count.
        """
        from ita_tui.compare import Year, compare, previous_chain, year_label

        checklist = self.session.checklist
        if not checklist.previous:
            return None
        path = self.loaded.path
        chain = previous_chain(path, checklist)
        for problem in chain.problems:
            self.notify(problem.render(self.lang), severity="warning", markup=False, timeout=8)
        if not chain.years:
            return None
        years = [Year(year_label(where, earlier), earlier) for where, earlier in chain.years]
        return compare([*years, Year(year_label(path, checklist), checklist)])

    def action_what_is_left(self) -> None:
        """`w`: the open items by owner, overdue first; enter on one goes to it."""
        from ita_tui.app.screens.what_is_left import WhatIsLeftScreen

        def chosen(item_id: str | None) -> None:
            if item_id and not self.navigator.select(item_id):
                # A filter hides it: show everything rather than fail to go there.
                self.navigator.status_filter = StatusFilter.ALL
                self.navigator.owner = None
                self._refilter()
                self.navigator.select(item_id)
            self.navigator.focus()

        self.app.push_screen(WhatIsLeftScreen(self.session.checklist, self.lang, self.today()), chosen)

    def action_score_report(self) -> None:
        """`c`: the ITA score computed from the scores as they are now (what `ita-tui score` prints)."""
        from ita_tui.app.screens.score import ScoreScreen

        self.app.push_screen(ScoreScreen(self.session.checklist, self.lang, self.comparison()))

    def export_choice(self) -> ExportChoice:
        """The last export choice (the settings'), the start of the dialog and of `y`."""
        from ita_tui.exports.choice import choice_from
        from ita_tui.exports.registry import FORMATS

        return choice_from(self.app.settings.export, FORMATS)  # type: ignore[attr-defined]

    def action_export(self) -> None:
        """`e`: choose format, items, detail, language and folder; write; say the full path."""
        from ita_tui.app.screens.dialogs import ExportDialog
        from ita_tui.exports.choice import ExportChoice
        from ita_tui.exports.registry import FORMATS
        from ita_tui.owners import all_owners

        choice = self.export_choice()
        owners = [(owner.name, owner.label(self.lang)) for owner in all_owners(self.session.checklist)]
        default = str(ExportChoice().target_folder(self.loaded.path))

        def chosen(new: ExportChoice | None) -> None:
            if new is not None:
                self.app.remember_export(new.record())  # type: ignore[attr-defined]
                self._export(new)

        self.app.push_screen(ExportDialog(choice, list(FORMATS), owners, default, self.lang), chosen)

    @work(thread=True, group="export")
    def _export(self, choice: ExportChoice) -> None:
        """Write an export in a thread (an SVG of a big file takes seconds)."""
        from dataclasses import replace

        from ita_tui.exports.destination import default_path, write_new
        from ita_tui.exports.registry import render

        checklist, _states = self.session.snapshot()
        today = self.today()
        folder = choice.target_folder(self.loaded.path)
        try:
            options = replace(choice.options(self.lang, today), link_results=self.export_link_results())
            data = render(checklist, choice.format, options)
            folder.mkdir(parents=True, exist_ok=True)
            path = default_path(folder, self.loaded.path.stem, choice.format, today)
            write_new(path, data)
        except (UserError, OSError, ValueError) as error:
            message = error.render(self.lang) if isinstance(error, UserError) else str(error)
            self.app.call_from_thread(
                self.notify,
                tr("app.export.failed", self.lang, error=message),
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        # The full path: the user goes and finds the file, wherever the app was started.
        written = tr("notify.exported_to", self.lang, path=str(path.resolve()))
        self.app.call_from_thread(self.notify, written, timeout=12, markup=False)

    def action_copy_summary(self) -> None:
        """`y`: the email summary (plain text, the last export choice's items) to the clipboard."""
        self._copy_summary(self.export_choice())

    @work(thread=True, group="clipboard", exclusive=True)
    def _copy_summary(self, choice: ExportChoice) -> None:
        """Build the text, hand it to the terminal (OSC 52) and to the system's clipboard tool.

        In a thread: a clipboard tool that hangs (an X server gone away) must not
        freeze the screen; it is given a few seconds, then left.
        """
        from dataclasses import replace

        from ita_tui.clipboard import ClipboardError, copy_text, find_tool
        from ita_tui.exports.registry import render

        checklist, _states = self.session.snapshot()
        # The mail program wraps; broken evidence is marked when a link check ran.
        options = replace(
            choice.options(self.lang, self.today()), width=0, link_results=self.export_link_results()
        )
        text = render(checklist, "text", options).decode("utf-8")
        self.app.call_from_thread(self.app.copy_to_clipboard, text)
        tool = find_tool()
        how = tr("app.copy.by_terminal", self.lang)
        if tool is not None:
            try:
                copy_text(text, tool)
                how = tr("app.copy.by_tool", self.lang, tool=tool.name)
            except ClipboardError as error:
                failed = tr(error.key, self.lang, **error.fields)
                how = tr("app.copy.tool_failed", self.lang, problem=failed)
        lines = text.count("\n")
        message = tr("app.copy.done", self.lang, lines=lines, what=choice.describe(self.lang), how=how)
        self.app.call_from_thread(self.notify, message, timeout=10, markup=False)

    def today(self) -> date:
        """The agency's day (Asia/Bangkok) on the app's clock."""
        return app_today(self)

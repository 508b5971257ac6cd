"""Evidence on the main screen: the dialog (`v`), opening a link or file, the link check (`L`).

:class:`EvidenceFlow` is a mixin of :class:`~ita_tui.app.screens.main.MainScreen`:

- **Editing.** The dialog (:class:`~ita_tui.app.screens.evidence.EvidenceDialog`)
  hands each change here; it becomes an :mod:`ita_tui.evidence_edits` edit in the
  session's one undo history, repainted as any other edit.
- **Opening.** A web address goes to the browser, a file (relative to the
  checklist's folder) to its program, through ``app.opener`` (the system's,
  :func:`ita_tui.opener.open_target`; tests give a fake).  When the system
  cannot open it, the address is copied to the clipboard instead, and said.
- **Checking.** ``L`` (or the palette) runs :func:`ita_tui.links.check_all` in a
  worker thread; each result comes back to the screen as it is found, the
  navigator's border counts them, and items with broken evidence get a mark
  (``✗ ลิงก์เสีย``: a glyph and a word, red repeating them).  Results stay in the
  app (:attr:`EvidenceFlow.link_results`, by address): they are never written
  into the checklist, but exports and the clipboard summary made meanwhile mark
  the broken evidence.  Quitting stops the check (its threads are daemons).
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.content import Content

from ita_tui.i18n import t as tr

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from textual.screen import Screen

    from ita_tui.app.session import Session
    from ita_tui.app.widgets.navigator import Navigator
    from ita_tui.checklist_file import LoadedChecklist
    from ita_tui.i18n import Lang
    from ita_tui.link_results import LinkResult, Outcome, Target
    from ita_tui.model import Evidence, Item
    from ita_tui.undoable import Edit

    _ScreenBase = Screen[None]
else:
    _ScreenBase = object


class EvidenceFlow(_ScreenBase):
    """Evidence: the dialog's edits, opening, and the background link check (see the module)."""

    link_results: dict[str, Outcome]
    """What the last check found, by address (url or path as written); empty before any check."""
    _link_cancel: threading.Event | None
    """Set to stop the check that is running (None when none runs)."""
    _link_progress: tuple[int, int]

    if TYPE_CHECKING:
        # Provided by MainScreen.
        session: Session

        @property
        def lang(self) -> Lang: ...

        @property
        def navigator(self) -> Navigator: ...

        @property
        def loaded(self) -> LoadedChecklist: ...

        @property
        def current_item(self) -> Item | None: ...

        def _repaint(self, edit: Edit) -> None: ...

        def _require_item(self) -> Item | None: ...

        def _show_current(self) -> None: ...

        def today(self) -> date: ...

    def _init_evidence_flow(self) -> None:
        self.link_results = {}
        self._link_cancel = None
        self._link_progress = (0, 0)

    # -- the dialog ---------------------------------------------------------------------

    def action_evidence(self) -> None:
        """`v`: the selected item's evidence: add, edit, remove, open."""
        from ita_tui.app.screens.evidence import EvidenceDialog
        from ita_tui.thai import format_date

        item = self._require_item()
        if item is None:
            return
        lang = self.lang
        self.app.push_screen(EvidenceDialog(self, item.id, lang, lambda day: format_date(day, lang)))

    def evidence_item(self, item_id: str) -> Item | None:
        """The item called *item_id*, as it is now."""
        return self.session.item(item_id)

    def link_outcome(self, entry: Evidence) -> Outcome | None:
        """What the last check found of *entry*, or None when it was not checked."""
        return self.link_results.get(entry.address)

    def add_evidence(self, item_id: str, entry: Evidence) -> bool:
        from ita_tui.evidence_edits import add_evidence

        return self._evidence_edit(lambda: add_evidence(self.session.checklist, item_id, entry))

    def replace_evidence(self, item_id: str, index: int, entry: Evidence) -> bool:
        from ita_tui.evidence_edits import replace_evidence

        return self._evidence_edit(lambda: replace_evidence(self.session.checklist, item_id, index, entry))

    def remove_evidence(self, item_id: str, index: int) -> bool:
        from ita_tui.evidence_edits import remove_evidence

        done = self._evidence_edit(lambda: remove_evidence(self.session.checklist, item_id, index))
        if done:
            self.notify(tr("evidence.removed", self.lang, id=item_id), timeout=6, markup=False)
        return done

    def _evidence_edit(self, make: Callable[[], Edit | None]) -> bool:
        """Make an evidence edit, keep it for undo and repaint; a refusal is said, not raised."""
        from ita_tui.authoring import AuthoringError

        try:
            edit = make()
        except AuthoringError as error:
            self.notify(error.message.render(self.lang), severity="warning", markup=False)
            return False
        if edit is None:
            return False
        self.session.record(edit)
        self._repaint(edit)
        self.mark_broken()
        return True

    # -- opening --------------------------------------------------------------------------

    def open_evidence(self, entry: Evidence) -> None:
        """Open *entry* with the system: a web address in the browser, a file in its program."""
        from ita_tui.evidence import resolve_path
        from ita_tui.opener import OpenError

        target = entry.address
        if entry.path is not None:
            path = resolve_path(entry.path, self.loaded.path.resolve().parent)
            if not path.exists():
                self.notify(
                    tr("evidence.open.missing", self.lang, path=str(path)), severity="warning", markup=False
                )
                return
            target = str(path)
        try:
            self.app.opener(target)  # type: ignore[attr-defined]
        except OpenError as error:
            # Nothing to open it with here (a server over SSH, say): the address goes to the clipboard.
            self.app.copy_to_clipboard(target)
            message = tr("evidence.open.failed", self.lang, why=error.text(self.lang), target=target)
            self.notify(message, severity="warning", timeout=12, markup=False)
            return
        self.notify(tr("evidence.open.opening", self.lang, target=target), timeout=4, markup=False)

    # -- checking ---------------------------------------------------------------------------

    def action_check_links(self) -> None:
        """`L`: check every item's evidence in the background, marking what is broken as it is found."""
        from ita_tui.link_results import targets_of

        if self._link_cancel is not None:
            self.notify(tr("links.app.already", self.lang), markup=False)
            return
        targets = targets_of(self.session.checklist)
        if not targets:
            self.notify(tr("links.cmd.none", self.lang), markup=False)
            return
        self._link_cancel = threading.Event()
        self._link_progress = (0, len(targets))
        self._show_link_progress()
        self.notify(tr("links.app.started", self.lang, count=len(targets)), timeout=4, markup=False)
        self._check_links(targets, self.loaded.path.resolve().parent, self._link_cancel)

    @work(thread=True, group="links", exit_on_error=False)
    def _check_links(self, targets: list[Target], folder: Path, cancel: threading.Event) -> None:
        from ita_tui.links import check_all

        def back(callback: Callable[..., object], *arguments: object) -> None:
            """Hand a result to the screen, unless the check was stopped or the app has gone."""
            if not cancel.is_set():
                with contextlib.suppress(RuntimeError):  # the app exited meanwhile
                    self.app.call_from_thread(callback, *arguments)

        try:
            results = check_all(
                targets, folder, on_result=lambda result: back(self._link_found, result), cancel=cancel
            )
        except Exception as error:  # a failure must not leave the check "running" for good
            back(self._links_failed, error)
            return
        back(self._links_checked, results)

    def _links_failed(self, error: Exception) -> None:
        self._link_cancel = None
        self.navigator.border_subtitle = None
        message = tr("links.app.failed", self.lang, error=f"{type(error).__name__}: {error}")
        self.notify(message, severity="error", timeout=12, markup=False)

    def _link_found(self, result: LinkResult) -> None:
        """One result in: keep it, count it, and mark its item at once when it is broken."""
        self.link_results[result.target.address] = result.outcome
        done, total = self._link_progress
        self._link_progress = (done + 1, total)
        self._show_link_progress()
        if not result.ok:
            self.mark_broken()

    def _links_checked(self, results: list[LinkResult]) -> None:
        """The check is over: say what was found, by item."""
        self._link_cancel = None
        self.navigator.border_subtitle = None
        self.mark_broken()
        broken = sorted({r.target.item_id for r in results if not r.ok}, key=self._file_order)
        moved = sum(1 for r in results if r.outcome.moved)
        if broken:
            shown = ", ".join(broken[:12]) + (" …" if len(broken) > 12 else "")
            message = tr("links.app.broken", self.lang, count=len(broken), ids=shown, moved=moved)
            self.notify(message, severity="warning", timeout=15, markup=False)
        else:
            self.notify(
                tr("links.app.fine", self.lang, count=len(results), moved=moved), timeout=8, markup=False
            )

    def _file_order(self, item_id: str) -> int:
        ids = [item.id for item in self.session.checklist.items()]
        return ids.index(item_id) if item_id in ids else len(ids)

    def _show_link_progress(self) -> None:
        done, total = self._link_progress
        self.navigator.border_subtitle = Content(tr("links.app.progress", self.lang, done=done, total=total))

    def on_unmount(self) -> None:
        self.stop_link_check()

    def stop_link_check(self) -> None:
        """Stop a running check (the screen is going away); its results so far are dropped."""
        if self._link_cancel is not None:
            self._link_cancel.set()
            self._link_cancel = None

    def mark_broken(self) -> None:
        """Give the navigator the items whose evidence the check found broken, and redraw."""
        results = self.link_results
        broken = {
            item.id
            for item in self.session.checklist.items()
            if any(
                (outcome := results.get(entry.address)) is not None and not outcome.ok
                for entry in item.evidence
            )
        }
        navigator = self.navigator
        if broken != navigator.broken:
            navigator.broken = broken
            navigator.refresh()
        self._show_current()

    def export_link_results(self) -> dict[str, Outcome] | None:
        """The check's results for an export or the clipboard summary; None before any check."""
        return dict(self.link_results) if self.link_results else None

"""Saving the main screen's checklist: saves, autosave, conflicts, reloads, quitting.

:class:`SavingFlow` is a mixin of :class:`~ita_tui.app.screens.main.MainScreen`
holding the workflow that ends in the file on disk:

- **Saving.** ``ctrl+s`` (:meth:`SavingFlow.action_save`) and every other save go
  through :meth:`SavingFlow.request_save`, which takes a snapshot of the checklist
  and saves it in a worker thread (``group="save"``), so typing never waits for the
  disk.  Big files are written by a child process (``ita_tui.save_worker``), so the
  thread holds no interpreter lock.  A save asked for while one runs is *coalesced*:
  it sets a flag, and one more save starts when the running one is done.  A failed
  save shows its message and keeps the changes, unsaved.
- **Autosave** (a setting): a timer restarted by every edit asks for a save once
  the edits pause; it waits while the conflict dialog is open.
- **Conflicts.** When the file changed on disk since it was read
  (``ConflictError``), nothing is overwritten: the file is read again in a thread,
  a merge is tried (``ita_tui.merge``), and the conflict dialog offers *merge*
  (when clean), *mine* / *theirs* (merge, one side winning the conflicting
  items), *reload* (drop the unsaved changes), *copy* (write this version beside
  the file as ``<stem>-mine.toml``) or cancel.  After a merge the merged file is
  saved; a merge or reload replaces the session's file (:meth:`SavingFlow._switch_to`).
- **Quitting.** ``q`` (:meth:`SavingFlow.action_quit`) exits at once when all is
  saved, else asks: save and quit (``request_save(then_quit=True)``, exiting after
  the last save), quit without saving, or cancel.

Worker threads never touch the widgets: they hand their results back with
``app.call_from_thread``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.timer import Timer

from ita_tui.app.widgets.summary import ProgressLine, TitleBar
from ita_tui.checklist_file import LoadedChecklist
from ita_tui.errors import UserError
from ita_tui.i18n import t as tr
from ita_tui.model import Checklist

if TYPE_CHECKING:
    from textual.screen import Screen

    from ita_tui.app.merge_view import ConflictRow
    from ita_tui.app.session import Session
    from ita_tui.app.widgets.navigator import Navigator
    from ita_tui.i18n import Lang
    from ita_tui.merge import MergeResult, Resolution, Side
    from ita_tui.model import Item
    from ita_tui.record import Snapshot

    # For the type checker the mixin is the screen it is mixed into; at run time a plain class.
    _ScreenBase = Screen[None]
else:
    _ScreenBase = object


class SavingFlow(_ScreenBase):
    """Saving, autosave, save conflicts, reloading and quitting, for the main screen.

    Mixed into :class:`~ita_tui.app.screens.main.MainScreen` (before ``Screen``),
    which calls :meth:`_init_saving_flow` from its ``__init__`` and provides the
    members declared under ``TYPE_CHECKING`` below.  See the module docstring for
    the workflow.
    """

    _saving: bool
    """A save is running (in its worker thread)."""
    _save_again: bool
    """A save was asked for during the running one: start one more when it is done."""
    _quit_after_save: bool
    """Exit once the last save has succeeded (the quit dialog's "save and quit")."""
    _autosave_timer: Timer | None
    _conflict_open: bool
    """The conflict dialog is showing (autosave waits)."""

    if TYPE_CHECKING:
        # Provided by MainScreen.
        session: Session

        @property
        def lang(self) -> Lang: ...

        @property
        def loaded(self) -> LoadedChecklist: ...

        @property
        def navigator(self) -> Navigator: ...

        @property
        def current_item(self) -> Item | None: ...

        def _show_current(self) -> None: ...

        def _update_dirty(self) -> None: ...

    def _init_saving_flow(self) -> None:
        self._saving = False
        self._save_again = False
        self._quit_after_save = False
        self._autosave_timer = None
        self._conflict_open = False

    # -- saving ----------------------------------------------------------------------

    def action_save(self) -> None:
        """`ctrl+s`: save now (in a thread)."""
        if not self.session.dirty and not self._saving:
            self.notify(tr("app.nothing_to_save", self.lang))
            return
        self.request_save()

    def request_save(self, *, then_quit: bool = False) -> None:
        """Start a save, or ask for one more when a save is running (coalescing)."""
        self._quit_after_save = self._quit_after_save or then_quit
        if self._saving:
            self._save_again = True
            return
        if not self.session.dirty:
            if self._quit_after_save:
                self.app.exit()
            return
        self._saving = True
        self._update_dirty()
        checklist, record = self.session.snapshot()
        settings = getattr(self.app, "settings", None)
        backup = bool(settings is not None and settings.backup)
        self._save_in_thread(self.session.loaded, checklist, record, backup)

    # The description is given: by default Textual builds it on the UI thread from the
    # arguments' repr, which for 10,000 items (35 MB of text) takes half a second.
    @work(thread=True, group="save", description="save")
    def _save_in_thread(
        self, loaded: LoadedChecklist, checklist: Checklist, record: Snapshot, backup: bool
    ) -> None:
        from ita_tui.save_worker import save
        from ita_tui.saving import ConflictError

        try:
            # Big files are saved by a child process, so this thread holds no interpreter lock.
            # With the backup setting on, the previous version is kept as FILE~ (both save paths).
            written = save(loaded, checklist, record=record, backup=backup)
        except ConflictError:
            self.app.call_from_thread(self._save_conflict)
        except UserError as error:
            self.app.call_from_thread(self._save_failed, error.render(self.lang))
        except OSError as error:  # the file layer should have wrapped it; never crash the app
            self.app.call_from_thread(self._save_failed, str(error))
        else:
            self.app.call_from_thread(self._save_done, written, record)

    def _save_done(self, written: LoadedChecklist, record: Snapshot) -> None:
        self._saving = False
        self.session.saved(written, record)
        if self._save_again and self.session.dirty:
            self._save_again = False
            self.request_save()
            return
        self._save_again = False
        self._update_dirty()
        if self._quit_after_save and not self.session.dirty:
            self.app.exit()
            return
        self.notify(tr("app.saved_to", self.lang, path=display_path(written.path)), timeout=3)

    def _save_failed(self, message: str) -> None:
        self._saving = False
        self._save_again = False
        self._quit_after_save = False
        self._update_dirty()
        self.notify(
            tr("app.save_failed", self.lang, error=message), severity="error", timeout=15, markup=False
        )

    def _schedule_autosave(self) -> None:
        settings = getattr(self.app, "settings", None)
        if settings is None or not settings.autosave:
            return
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
        self._autosave_timer = self.set_timer(settings.autosave_delay, self._autosave)

    def _autosave(self) -> None:
        if self.session.dirty and not self._conflict_open:
            self.request_save()

    # -- conflicts ----------------------------------------------------------------------

    def _save_conflict(self) -> None:
        self._saving = False
        self._save_again = False
        self._update_dirty()
        self._read_theirs()

    @work(thread=True, group="reload")
    def _read_theirs(self) -> None:
        """Read the file as it is now and work out whether a merge is clean."""
        from ita_tui.app.merge_view import conflict_rows
        from ita_tui.checklist_file import load
        from ita_tui.merge import merge

        try:
            theirs = load(self.loaded.path)
        except UserError as error:
            self.app.call_from_thread(self._ask_conflict, None, [], error.render(self.lang))
            return
        preview = merge(self.session.loaded, theirs)
        rows = conflict_rows(preview.conflicts, self.session.checklist, self.lang)
        self.app.call_from_thread(self._ask_conflict, preview if preview.clean else None, rows, None)

    def _ask_conflict(self, clean: MergeResult | None, rows: list[ConflictRow], error: str | None) -> None:
        from ita_tui.app.screens.dialogs import ConflictDialog

        self._conflict_open = True
        changed = max(len(self.session.changed_ids()), 1)

        def answer(choice: str | None) -> None:
            self._conflict_open = False
            if choice == "merge" and clean is not None:
                self._adopt_merge(clean.resolve())
            elif choice == "mine" or choice == "theirs":
                self._merge_with_preference(choice)
            elif choice == "reload":
                self._reload()
            elif choice == "copy":
                self._save_copy()
            else:
                self._quit_after_save = False

        self.app.push_screen(
            ConflictDialog(display_path(self.loaded.path), changed, rows, error, self.lang), answer
        )

    @work(thread=True, group="save", description="save a copy")
    def _save_copy(self, text: str | None = None, saved: str = "app.copy_saved") -> None:
        """Write my version to a new ``<stem>-mine.toml`` beside the file.

        *text* is that version when it was worked out before a merge replaced the
        session's file; by default it is the loaded file with this session's
        changes, which stay unsaved in the session: the original file still lacks them.
        *saved* is the catalogue key of the message that says where it went.
        """
        from ita_tui.exports.destination import write_new
        from ita_tui.merge import version_text
        from ita_tui.saving import encode_pieces

        loaded = self.session.loaded
        try:
            if text is None:
                text = version_text(loaded, self.session.checklist)
            target = copy_path(loaded.path)
            write_new(target, b"".join(encode_pieces(text, loaded.bom)))
        except UserError as error:
            self.app.call_from_thread(
                self.notify,
                tr("app.copy_failed", self.lang, error=error.render(self.lang)),
                severity="error",
                timeout=15,
            )
            return
        self.app.call_from_thread(self.notify, tr(saved, self.lang, path=display_path(target)), timeout=15)

    @work(thread=True, group="reload")
    def _merge_with_preference(self, prefer: Side) -> None:
        """Merge with every conflict settled for *prefer*; then name what was dropped or replaced."""
        from ita_tui.app.merge_view import dropped_edits, overwritten_edits
        from ita_tui.checklist_file import load
        from ita_tui.merge import merge

        try:
            theirs = load(self.loaded.path)
        except UserError as error:
            self.app.call_from_thread(self._ask_conflict, None, [], error.render(self.lang))
            return
        result = merge(self.session.loaded, theirs)
        resolution = result.resolve(default=prefer)
        checklist = self.session.checklist
        lost = dropped_edits(result.conflicts, checklist, self.lang) if prefer == "theirs" else []
        replaced = overwritten_edits(result.conflicts, checklist, self.lang) if prefer == "mine" else []
        # My whole version, worked out before the merge replaces the session's file, so that
        # the edits the merge drops can still be kept in a file beside it.
        my_text = result.my_version_text() if lost else None
        self.app.call_from_thread(self._adopt_merge, resolution)
        if lost or replaced:
            self.app.call_from_thread(self._tell_dropped, lost, replaced, my_text)

    def _tell_dropped(self, dropped: list[str], overwritten: list[str], my_text: str | None) -> None:
        """Name each edit the merge dropped or replaced; offer to keep my version beside the file."""
        from ita_tui.app.screens.dialogs import DroppedDialog

        def answer(choice: str | None) -> None:
            if choice == "copy":
                self._save_copy(my_text, "app.merge.copy_saved")

        name = display_path(copy_path(self.loaded.path)) if my_text is not None else ""
        self.app.push_screen(DroppedDialog(dropped, overwritten, name, self.lang), answer)

    def _adopt_merge(self, resolution: Resolution) -> None:
        """Continue on the merged file (their edits + mine) and save it."""
        self._switch_to(resolution.merged)
        self.notify(tr("app.merged", self.lang, applied=len(resolution.kept), theirs=len(resolution.theirs)))
        self.request_save()

    @work(thread=True, group="reload")
    def _reload(self) -> None:
        from ita_tui.checklist_file import load

        try:
            fresh = load(self.loaded.path)
        except UserError as error:
            self.app.call_from_thread(self._ask_conflict, None, [], error.render(self.lang))
            return
        self.app.call_from_thread(self._reloaded, fresh)

    def _reloaded(self, fresh: LoadedChecklist) -> None:
        self._switch_to(fresh)
        self._quit_after_save = False
        self.notify(tr("app.reloaded", self.lang, path=display_path(fresh.path)))

    def _switch_to(self, loaded: LoadedChecklist) -> None:
        current = self.current_item
        self.session.replace_loaded(loaded)
        navigator = self.navigator
        navigator.checklist = loaded.checklist
        navigator.rebuild(keep=current.id if current else None)
        self.query_one(TitleBar).update_checklist(loaded.checklist, self.lang)
        progress = self.query_one(ProgressLine)
        progress.checklist = loaded.checklist
        progress.refresh_score()
        self._show_current()
        self._update_dirty()

    # -- quitting -------------------------------------------------------------------------

    def action_quit(self) -> None:
        """`q`: quit, asking first when there are unsaved changes."""
        from ita_tui.app.screens.dialogs import QuitDialog

        if not self.session.dirty and not self._saving:
            self.app.exit()
            return

        def answer(choice: str | None) -> None:
            if choice == "save":
                self.request_save(then_quit=True)
            elif choice == "discard":
                self.app.exit()

        self.app.push_screen(QuitDialog(max(len(self.session.changed_ids()), 1), self.lang), answer)


def copy_path(path: Path) -> Path:
    """Where "my version" of *path* is written: ``<stem>-mine.toml`` beside it (``-mine-2`` … when taken)."""
    from ita_tui.exports.destination import first_free_path

    return first_free_path(path.parent, f"{path.stem}-mine", "toml")


def display_path(path: Path) -> str:
    """*path* relative to the working folder when it is inside it (shorter to read)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)

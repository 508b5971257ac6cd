"""The ita-tui Textual app: opens a checklist (or the start screen) and holds app-wide state.

App-wide state is small: the interface language, the user's settings, and an
injectable clock (tests freeze it so that ``updated`` stamps and export dates
are stable).  Each screen does its own work; see ``docs/app.md``.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.theme import Theme

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual._path import CSSPathType
    from textual.command import Provider
    from textual.screen import Screen

from ita_tui import i18n
from ita_tui.app.graphemes import keep_clusters_whole
from ita_tui.app.localize import localize_bindings
from ita_tui.checklist_file import LoadedChecklist
from ita_tui.errors import UserError
from ita_tui.fs.messages import error_text
from ita_tui.i18n import Lang
from ita_tui.i18n import t as tr
from ita_tui.opener import Opener, open_target
from ita_tui.settings import Settings, load_settings, save_settings

ITA_DARK = Theme(
    name="ita-dark",
    primary="#5AA9E6",
    secondary="#7FC8A9",
    accent="#F2C14E",
    warning="#F29E4C",
    error="#E5484D",
    success="#4CC38A",
    foreground="#E6E8EB",
    background="#13171D",
    surface="#1A1F27",
    panel="#242B36",
    dark=True,
)

ITA_LIGHT = Theme(
    name="ita-light",
    primary="#1F6FB2",
    secondary="#2E7D5B",
    accent="#9A6700",
    warning="#B35900",
    error="#C62828",
    success="#1B7F4B",
    foreground="#1B1F24",
    background="#FAFAF7",
    surface="#FFFFFF",
    panel="#E9EDF2",
    dark=False,
)


def freeze_long_lived_objects() -> None:
    """Move what is loaded by now out of the garbage collector's sight.

    A 10,000-item checklist is ~565,000 tracked objects that live as long as the
    app; a full collection over them took 130-150 ms on the UI thread, long enough to
    drop a keystroke's repaint.  Frozen, a full collection takes ~6 ms.  Objects freed
    later by reference counting still go; only cycles among frozen objects would
    linger.  No collection first: on a big file that alone would be the pause we avoid.
    """
    gc.freeze()


def collect_after_start_up() -> None:
    """Let the collector run again, over what start-up left: frozen first.

    ``ita-tui FILE`` turns automatic collection off while it imports Textual and lays
    out the first frame (ita_tui.commands.open_app): a full collection there took
    110 ms of the first frame's time, to free almost nothing.
    """
    freeze_long_lived_objects()
    gc.enable()


def resolve_lang(explicit: str | None, content_language: str | None) -> Lang:
    """The interface language: explicit choice, the language of what is shown
    (:func:`ita_tui.i18n.language_of` a checklist, or :func:`listed_language`), then the
    locale; ``en`` last."""
    try:
        return i18n.resolve_lang(explicit, content_language)
    except ValueError:  # an unknown explicit name (the command line only offers th/en)
        return i18n.resolve_lang(None, content_language)


def checklist_lang(loaded: LoadedChecklist) -> Lang | None:
    """The language *loaded* is written in (its ``language``, else its title's script)."""
    return i18n.language_of(loaded.checklist.language, loaded.checklist.title)


# The app's own bindings: action -> catalogue key of its description.
APP_KEYS: dict[str, str] = {"quit_safely": "key.quit", "command_palette": "app.key.palette"}


def _ita_commands() -> type[Provider]:
    from ita_tui.app.commands import ItaCommands

    return ItaCommands


class ItaApp(App[None]):
    """Track an ITA checklist: the main screen on a file, else the start screen."""

    # The main screen's rules too: read with the app's, they are parsed once at start-up;
    # as the screen's own CSS_PATH they were parsed again, all rules, when it opened.
    CSS_PATH: ClassVar[CSSPathType | None] = ["app.tcss", "screens/main.tcss"]
    TITLE = "ita-tui"
    # A callable: textual.command is imported when the palette first opens, not at start-up.
    COMMANDS = App.COMMANDS | {_ita_commands}
    # Textual's own ctrl+q quit skips the unsaved-changes question: route it through ours.
    # The palette key is declared here (Textual adds it otherwise) so that it can be described
    # in the app's language; descriptions are set from APP_KEYS.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit_safely", "Quit", show=False),
        Binding(
            App.COMMAND_PALETTE_BINDING,
            "command_palette",
            "Commands",
            show=False,
            priority=True,
            tooltip="Open the command palette",
        ),
    ]

    def __init__(
        self,
        loaded: LoadedChecklist | None = None,
        *,
        lang: str | None = None,
        settings: Settings | None = None,
        clock: Callable[[], datetime] | None = None,
        folders: list[Path] | None = None,
        save_settings_file: bool = True,
        notice: i18n.Message | None = None,
        opener: Opener | None = None,
    ) -> None:
        super().__init__()
        keep_clusters_whole()
        self._first_frame_out = False
        # Frames Textual drew before the first one was written, held back by a batch.
        self._held_frames: list[tuple[Screen[object], RenderableType]] = []
        self._waiting_for_first_frame: list[Callable[[], object]] = []
        self.loaded = loaded
        # How evidence is opened (a browser, a file's program): the system's, or a test's fake.
        self.opener: Opener = opener or open_target
        self.notice = notice  # said once the checklist is open (e.g. "your own copy is open")
        self.explicit_lang = lang
        warning = None
        if settings is None:
            settings, warning = load_settings()
        self.settings = settings
        self.settings_warning = warning
        self.clock = clock
        self.folders = folders
        self.save_settings_file = save_settings_file
        self.lang: Lang = resolve_lang(lang or settings.language, checklist_lang(loaded) if loaded else None)
        localize_bindings(self, APP_KEYS, self.lang)
        self.register_theme(ITA_DARK)
        self.register_theme(ITA_LIGHT)
        self._start_with_theme(settings.theme if settings.theme in self.available_themes else "ita-dark")

    def _start_with_theme(self, name: str) -> None:
        """Make *name* the theme before the app runs, its stylesheet not yet parsed.

        Setting ``self.theme`` once the app runs (in on_mount, as Textual's examples do)
        has every rule parsed and applied a second time before the first frame.  This is
        what Textual's theme watcher does, less that refresh: the variables the stylesheet
        will be parsed with, the theme classes, the ANSI colour filter.
        ``tests/app/test_settings.py`` checks the result against setting the theme.
        """
        self.set_reactive(ItaApp.theme, name)
        self.stylesheet.set_variables(self.get_css_variables())
        dark = self.current_theme.dark
        classes = {existing: False for existing in self.classes if existing.startswith("-theme-")}
        classes.update({f"-theme-{name}": True, "-dark-mode": dark, "-light-mode": not dark})
        self.update_classes(classes, update=False)
        self._refresh_truecolor_filter(self.ansi_theme)

    def after_first_frame(self, callback: Callable[[], object]) -> None:
        """Run *callback* once the first frame has been written to the terminal.

        What is not needed to show the checklist waits for this (the footer's keys), so
        that the first frame comes sooner.  Textual's ``call_after_refresh`` is no such
        promise: while the first screen is being mounted, refreshes are held back and
        those callbacks run before anything is drawn.  At once if a frame is out.
        """
        if self._first_frame_out:
            self.call_later(callback)
        else:
            self._waiting_for_first_frame.append(callback)

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        # Textual writes each frame here, unless updates are held back (a batch, while
        # widgets mount) or the app is not running yet; headless, it writes nothing.
        if renderable is not None and self._batch_count and not self._first_frame_out:
            self._held_frames.append((screen, renderable))  # written when the batch ends
            return
        written = renderable is not None and not self._batch_count and self._running
        super()._display(screen, renderable)
        if written and not self._first_frame_out:
            self._first_frame_out = True
            for callback in self._waiting_for_first_frame:
                self.call_later(callback)
            self._waiting_for_first_frame.clear()

    def _end_batch(self) -> None:
        # Textual draws the first screen whole while its widgets mount, inside a batch,
        # and drops that frame, though its compositor counts it as shown: the frames
        # after the batch carry only what changed since (the title bar), and the list
        # waited for the next change of layout, 40-50 ms later.  Written now, in order,
        # the held frames put the whole screen on the terminal as soon as it is drawn.
        super()._end_batch()
        if not self._batch_count and self._held_frames:
            held, self._held_frames = self._held_frames, []
            for screen, renderable in held:
                if screen is self.screen:
                    self._display(screen, renderable)

    def on_mount(self) -> None:
        self.after_first_frame(collect_after_start_up)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.loaded is not None:
            self.open_checklist(self.loaded)
        else:
            from ita_tui.app.screens.start import StartScreen

            start = StartScreen(self.folders)
            # The start screen speaks the language of the checklists it lists (docs/app.md).
            self._follow_content(start.listed_language())
            self.push_screen(start)
        if self.settings_warning:
            self.notify(self.settings_warning.render(self.lang), severity="warning", timeout=10)

    def open_checklist(self, loaded: LoadedChecklist) -> None:
        """Show the main screen on *loaded* (from the command line or the start screen).

        A checklist that ships with ita-tui opens as the user's own copy instead.
        """
        from ita_tui.app.screens.main import MainScreen
        from ita_tui.templates import bundled_name

        if bundled_name(loaded.path) is not None:
            own = self._own_copy(loaded)
            if own is None:
                return
            loaded = own
        if self.notice is not None:
            self.notify(self.notice.render(self.lang), timeout=15, markup=False)
            self.notice = None
        self.loaded = loaded
        self._follow_content(checklist_lang(loaded))
        self.title = loaded.checklist.title
        screen = MainScreen(loaded)
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        self.call_after_refresh(freeze_long_lived_objects)

    def _follow_content(self, content_language: str | None) -> None:
        """Speak the language of what is shown, unless the user chose one (``--lang``, settings)."""
        if self.explicit_lang is None and self.settings.language is None:
            lang = resolve_lang(None, content_language)
            if lang != self.lang:
                self.lang = lang
                localize_bindings(self, APP_KEYS, lang)  # the footer's ^p Commands too

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Show a notification: always plain text, never markup.

        Every notification of the app (``screen.notify`` and ``widget.notify`` come here too)
        quotes text from somewhere -- a search, a path, a file's message -- and Textual would
        parse it as markup: ``[/]`` crashes the app when the toast is drawn, and
        ``[@click=app.quit]`` becomes an action.  *markup* is accepted and ignored.
        """
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def _own_copy(self, loaded: LoadedChecklist) -> LoadedChecklist | None:
        """The user's own copy of a bundled checklist, loaded; None (and why) when it cannot be made."""
        from ita_tui.checklist_file import load
        from ita_tui.errors import UserError
        from ita_tui.templates import user_file

        try:
            path, self.notice = user_file(loaded.path)
            return load(path)
        except UserError as error:
            # Opening the package's own file instead would let a save write into the package.
            self.notify(error.render(self.lang), severity="error", timeout=15)
            return None

    # -- settings --------------------------------------------------------------------

    def _store_settings(self, settings: Settings) -> None:
        self.settings = settings
        if not self.save_settings_file:
            return
        try:
            kept = save_settings(settings)
        except UserError as error:  # the file layer's one-line reason (read-only, held open ...)
            message = tr("app.settings_failed", self.lang, error=error_text(error, self.lang))
            self.notify(message, severity="warning", markup=False)
        except OSError as error:
            self.notify(tr("app.settings_failed", self.lang, error=str(error)), severity="warning")
        else:
            if kept is not None:
                message = tr("settings.kept_aside", self.lang, path=str(kept))
                self.notify(message, severity="warning", timeout=10, markup=False)

    def set_language(self, lang: str) -> None:
        """Switch the interface to *lang* (``th`` or ``en``) and remember the choice."""
        chosen = i18n.parse_lang(lang)
        if chosen is None:
            return
        self.lang = chosen
        localize_bindings(self, APP_KEYS, chosen)
        self._store_settings(self.settings.with_(language=chosen))
        for screen in self.screen_stack:
            apply = getattr(screen, "apply_language", None)
            if apply is not None:
                apply()

    def set_autosave(self, on: bool) -> None:
        """Turn autosave on or off and remember it."""
        self._store_settings(self.settings.with_(autosave=on))
        self.notify(tr("app.autosave_on" if on else "app.autosave_off", self.lang))

    def remember_export(self, record: tuple[tuple[str, str | bool], ...]) -> None:
        """Keep the export dialog's choice (``ExportChoice.record()``) for the next export and `y`."""
        self._store_settings(self.settings.with_(export=record))

    def set_backup(self, on: bool) -> None:
        """Keep (or stop keeping) the previous version as FILE~ on each save, and remember it."""
        self._store_settings(self.settings.with_(backup=on))
        self.notify(tr("app.backup_on" if on else "app.backup_off", self.lang))

    # -- the command palette, in the app's language ------------------------------------

    def action_command_palette(self) -> None:
        """ctrl+p: Textual's palette with the placeholder in the app's language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            placeholder = tr("app.cmd.placeholder", self.lang)
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's palette entries, in the app's language.

        Theme is left out (the app's provider offers it), and Quit asks about unsaved
        changes like `q` instead of quitting at once.
        """
        lang = self.lang
        yield SystemCommand(tr("app.cmd.quit", lang), tr("app.cmd.quit_help", lang), self.action_quit_safely)
        if screen.query("HelpPanel"):
            help_text, callback = tr("app.cmd.keys_hide", lang), self.action_hide_help_panel
        else:
            help_text, callback = tr("app.cmd.keys_show", lang), self.action_show_help_panel
        yield SystemCommand(tr("app.cmd.keys", lang), help_text, callback)
        if screen.maximized is not None:
            yield SystemCommand(
                tr("app.cmd.minimize", lang), tr("app.cmd.minimize_help", lang), screen.action_minimize
            )
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(
                tr("app.cmd.maximize", lang), tr("app.cmd.maximize_help", lang), screen.action_maximize
            )
        yield SystemCommand(
            tr("app.cmd.screenshot", lang),
            tr("app.cmd.screenshot_help", lang),
            lambda: self.set_timer(0.1, self.deliver_screenshot),
        )

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name != self.settings.theme:
            self._store_settings(self.settings.with_(theme=theme.name))

    def action_quit_safely(self) -> None:
        """ctrl+q: the same question as `q` when there are unsaved changes."""
        from ita_tui.app.screens.main import MainScreen

        main = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
        if main is None:
            self.exit()
            return
        while self.screen is not main:
            self.pop_screen()
        main.action_quit()

"""The ita-tui Textual app: opens a checklist (or the start screen) and holds app-wide state.

App-wide state is small: the interface language, the user's settings, and an
injectable clock (tests freeze it so that ``updated`` stamps and export dates
are stable).  Each screen does its own work; see ``docs/app.md``.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.theme import Theme

if TYPE_CHECKING:
    from textual.command import Provider

from ita_tui.app.text import resolve_lang, tr
from ita_tui.checklist_file import LoadedChecklist
from ita_tui.settings import Settings, load_settings, save_settings

# Seconds after the first frame before the Thai word list loads in the background.
THAI_WARM_DELAY = 0.3

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


def _ita_commands() -> type[Provider]:
    from ita_tui.app.commands import ItaCommands

    return ItaCommands


class ItaApp(App[None]):
    """Track an ITA checklist: the main screen on a file, else the start screen."""

    CSS_PATH = "app.tcss"
    TITLE = "ita-tui"
    # A callable: textual.command is imported when the palette first opens, not at start-up.
    COMMANDS = App.COMMANDS | {_ita_commands}
    # Textual's own ctrl+q quit skips the unsaved-changes question: route it through ours.
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "quit_safely", "Quit", show=False)]

    def __init__(
        self,
        loaded: LoadedChecklist | None = None,
        *,
        lang: str | None = None,
        settings: Settings | None = None,
        clock: Callable[[], datetime] | None = None,
        folders: list[Path] | None = None,
        save_settings_file: bool = True,
    ) -> None:
        super().__init__()
        self.loaded = loaded
        self.explicit_lang = lang
        warning = None
        if settings is None:
            settings, warning = load_settings()
        self.settings = settings
        self.settings_warning = warning
        self.clock = clock
        self.folders = folders
        self.save_settings_file = save_settings_file
        checklist_lang = loaded.checklist.language if loaded else None
        self.lang = resolve_lang(lang or settings.language, checklist_lang)

    def on_mount(self) -> None:
        self.register_theme(ITA_DARK)
        self.register_theme(ITA_LIGHT)
        self.theme = self.settings.theme if self.settings.theme in self.available_themes else "ita-dark"
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.loaded is not None:
            self.open_checklist(self.loaded)
        else:
            from ita_tui.app.screens.start import StartScreen

            self.push_screen(StartScreen(self.folders))
        if self.settings_warning:
            self.notify(self.settings_warning, severity="warning", timeout=10)
        # Thai word wrapping loads its dictionary (about 0.8 s): a moment after the first
        # frame, so start-up never waits for it.
        self.call_after_refresh(self.set_timer, THAI_WARM_DELAY, self._warm_thai)

    def _warm_thai(self) -> None:
        from ita_tui.app.widgets.detail import thai_ready

        if thai_ready():
            return
        # A daemon thread, not a worker: quitting at once must not wait for the load.
        threading.Thread(target=self._warm_thai_thread, name="ita-thai", daemon=True).start()

    def _warm_thai_thread(self) -> None:
        from ita_tui.app.widgets.detail import warm_thai

        warm_thai()
        with contextlib.suppress(RuntimeError):  # the app may have exited meanwhile
            self.call_from_thread(self._thai_ready)

    def _thai_ready(self) -> None:
        from ita_tui.app.screens.main import MainScreen

        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.refresh_detail()

    def open_checklist(self, loaded: LoadedChecklist) -> None:
        """Show the main screen on *loaded* (from the command line or the start screen)."""
        from ita_tui.app.screens.main import MainScreen

        self.loaded = loaded
        if self.explicit_lang is None and self.settings.language is None:
            self.lang = resolve_lang(None, loaded.checklist.language)
        self.title = loaded.checklist.title
        screen = MainScreen(loaded)
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    # -- settings --------------------------------------------------------------------

    def _store_settings(self, settings: Settings) -> None:
        self.settings = settings
        if not self.save_settings_file:
            return
        try:
            save_settings(settings)
        except OSError as error:
            self.notify(tr("app.settings_failed", self.lang, error=str(error)), severity="warning")

    def set_language(self, lang: str) -> None:
        """Switch the interface to *lang* and remember the choice."""
        self.lang = lang
        self._store_settings(self.settings.with_(language=lang))
        for screen in self.screen_stack:
            apply = getattr(screen, "apply_language", None)
            if apply is not None:
                apply()

    def set_autosave(self, on: bool) -> None:
        """Turn autosave on or off and remember it."""
        self._store_settings(self.settings.with_(autosave=on))
        self.notify(tr("app.autosave_on" if on else "app.autosave_off", self.lang))

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

"""The help screen: every key of the main screen with what it does, from the bindings."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ita_tui.app.localize import app_lang, localize_bindings
from ita_tui.app.screens.main import localized_bindings
from ita_tui.i18n import Lang
from ita_tui.i18n import t as tr

HELP_KEYS: dict[str, str] = {"close": "key.close"}

# Keys that belong to the navigator and the editors rather than the screen.
_EXTRA_KEYS: list[tuple[str, str]] = [
    ("↓ j", "app.key.down"),
    ("↑ k", "app.key.up"),
    ("home g", "app.key.first"),
    ("end G", "app.key.last"),
    ("← h / → l", "app.key.section"),
    ("ctrl+p", "app.key.palette"),
]


def _key_name(keys: str) -> str:
    names = {"slash": "/", "question_mark": "?", "space": "space", "greater_than_sign": ">"}
    return " / ".join(names.get(key, key) for key in keys.split(","))


class HelpScreen(ModalScreen[None]):
    """Keys and what they do, in the app's language."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", show=True),
    ]

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self.lang = lang

    def on_mount(self) -> None:
        localize_bindings(self, HELP_KEYS, self.lang)

    def apply_language(self) -> None:
        """Redraw in the app's (new) language (chosen in the palette over this screen)."""
        self.lang = app_lang(self)
        localize_bindings(self, HELP_KEYS, self.lang)
        self.refresh(recompose=True)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(Text(tr("app.help.title", self.lang), style="bold"), id="help-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(self._table(), id="help-keys")
                yield Static(Text(tr("app.help.intro", self.lang)), id="help-intro")

    def rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every key, in the order shown."""
        rows = [(_key_name(b.key), b.description) for b in localized_bindings(self.lang)]
        rows += [(keys, tr(description, self.lang)) for keys, description in _EXTRA_KEYS]
        return rows

    def _table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for keys, description in self.rows():
            table.add_row(Text(keys), Text(description))
        return table

    def action_close(self) -> None:
        self.dismiss(None)

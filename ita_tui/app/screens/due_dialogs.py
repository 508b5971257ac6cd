"""Dialogs for owners and due dates: `D` sets a due date, `o` picks the owner to show.

Like the other dialogs they answer through ``dismiss`` and edit nothing; text
from the file is shown as ``Text``/``Content``, never markup.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ita_tui.app.localize import localize_bindings
from ita_tui.app.screens.dialogs import DIALOG_KEYS
from ita_tui.dates import DateError, parse_due
from ita_tui.i18n import Lang
from ita_tui.i18n import t as tr
from ita_tui.outstanding import due_text
from ita_tui.owners import Owner, owner_label

# The owner dialog's first entry: every owner's items again.
EVERY_OWNER = "--every-owner"


class DueDialog(ModalScreen[str | None]):
    """Asks for a due date; shows what the typed text reads as; returns the text, None on escape.

    Enter is refused while the text is not a date (the reason is shown), so
    what comes back always reads with :func:`ita_tui.dates.parse_due`.
    """

    CSS_PATH = "dialogs.tcss"
    DEFAULT_CSS = """
    DueDialog { align: center middle; background: $background 60%; }
    DueDialog .due-dialog { width: 64; }
    DueDialog #due-reading { height: auto; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, item_id: str, current: str, lang: Lang, today: date, error: str | None = None) -> None:
        super().__init__()
        self.item_id = item_id
        self.current = current
        self.lang = lang
        self.today = today
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog due-dialog"):
            yield Label(Content(tr("app.due.title", self.lang, id=self.item_id)), classes="dialog-title")
            yield Input(self.current, id="due-input")
            yield Static(id="due-reading")
            yield Static(Text(tr("app.due.hint", self.lang), style="dim"), classes="dialog-hint")

    def on_mount(self) -> None:
        localize_bindings(self, DIALOG_KEYS, self.lang)
        self.query_one(Input).focus()
        self._show_reading(self.current, self.error)

    def reading(self, text: str) -> tuple[str, bool]:
        """What *text* reads as (``15 ธ.ค. 2569 · อีก 20 วัน``, or why not) and whether it is good."""
        try:
            due = parse_due(text, self.today)
        except DateError as error:
            return tr(error.key, self.lang, **error.fields), False
        if due is None:
            return tr("app.due.clears", self.lang), True
        return "= " + due_text(due, self.today, self.lang), True

    def _show_reading(self, text: str, error: str | None = None) -> None:
        message, good = self.reading(text)
        if error and not good:
            message = error
        style = "" if good else "bold red"
        self.query_one("#due-reading", Static).update(Text(message if text.strip() or error else "", style))

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._show_reading(event.value)

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        _message, good = self.reading(event.value)
        if good:
            self.dismiss(event.value)
        else:
            self._show_reading(event.value, None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class OwnerDialog(ModalScreen[Owner | bool | None]):
    """Picks the owner whose items the navigator shows.

    Returns the :class:`Owner`, None for "every owner", False on escape.
    """

    CSS_PATH = "dialogs.tcss"
    DEFAULT_CSS = """
    OwnerDialog { align: center middle; background: $background 60%; }
    OwnerDialog .owner-dialog { width: 60; }
    OwnerDialog OptionList { height: auto; max-height: 16; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, owners: list[Owner], current: Owner | None, lang: Lang) -> None:
        super().__init__()
        self.owners = owners
        self.current = current
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog owner-dialog"):
            yield Static(Text(tr("app.owner.title", self.lang)), classes="dialog-title")
            options = [Option(Text(tr("app.owner.every", self.lang), style="bold"), id=EVERY_OWNER)]
            options += [Option(Text(owner_label(owner, self.lang)), id=owner.key) for owner in self.owners]
            if not self.owners:
                options.append(
                    Option(Text(tr("app.owner.none_named", self.lang), style="dim"), disabled=True)
                )
            yield OptionList(*options, id="owner-list")

    def on_mount(self) -> None:
        localize_bindings(self, DIALOG_KEYS, self.lang)
        option_list = self.query_one(OptionList)
        option_list.focus()
        if self.current is not None:
            keys = [owner.key for owner in self.owners]
            if self.current.key in keys:
                option_list.highlighted = keys.index(self.current.key) + 1

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        by_key = {owner.key: owner for owner in self.owners}
        self.dismiss(by_key.get(event.option.id or ""))

    def action_cancel(self) -> None:
        self.dismiss(False)

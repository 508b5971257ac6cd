"""Small modal dialogs: quit with unsaved changes, file conflict, notes, score, export.

Each dialog returns its answer through ``dismiss`` so the caller decides what
to do; none of them edits the checklist.  Every string from the file is shown
as ``Text``/``Content``.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from ita_tui.app.localize import localize_bindings
from ita_tui.i18n import Lang
from ita_tui.i18n import t as tr

# Dialog bindings: action -> catalogue key of the description (shown in the footer and
# in Textual's keys panel).
DIALOG_KEYS: dict[str, str] = {"cancel": "dialog.cancel", "close": "app.key.close_keep"}


class _Dialog(ModalScreen[str]):
    """A question with buttons; escape answers "cancel"."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, title: str, body: Text | str, choices: list[tuple[str, str, str]], lang: Lang) -> None:
        super().__init__()
        self.title_text = title
        self.body = body if isinstance(body, Text) else Text(body)
        self.choices = choices  # (answer, label, variant)
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.title_text), classes="dialog-title")
            yield Static(self.body, classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                for answer, label, variant in self.choices:
                    yield Button(Text(label), id=f"answer-{answer}", variant=variant)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        localize_bindings(self, DIALOG_KEYS, self.lang)
        self.query(Button).first().focus()

    @on(Button.Pressed)
    def _answer(self, event: Button.Pressed) -> None:
        if event.button.id:
            self.dismiss(event.button.id.removeprefix("answer-"))

    def action_cancel(self) -> None:
        self.dismiss("cancel")


class QuitDialog(_Dialog):
    """Unsaved changes on quit: "save", "discard" or "cancel"."""

    def __init__(self, changed: int, lang: Lang) -> None:
        super().__init__(
            tr("dialog.quit.title", lang),
            tr("dialog.quit.body", lang, count=changed),
            [
                ("save", tr("app.quit.save", lang), "primary"),
                ("discard", tr("app.quit.discard", lang), "error"),
                ("cancel", tr("dialog.cancel", lang), "default"),
            ],
            lang,
        )


class ConflictDialog(_Dialog):
    """The file changed on disk: "merge", "mine", "theirs", "reload", "copy" or "cancel"."""

    def __init__(self, path: str, changed: int, conflicts: list[str], error: str | None, lang: Lang) -> None:
        body = Text(tr("app.conflict.body", lang, path=path, count=changed))
        choices: list[tuple[str, str, str]] = []
        if error:
            body.append("\n\n" + tr("app.conflict.unreadable", lang, error=error), "bold red")
        elif conflicts:
            body.append("\n\n" + tr("app.conflict.both", lang, ids=", ".join(conflicts[:12])), "bold")
            choices += [
                ("mine", tr("app.conflict.mine", lang), "warning"),
                ("theirs", tr("app.conflict.theirs", lang), "default"),
            ]
        else:
            body.append("\n\n" + tr("app.conflict.clean", lang))
            choices.append(("merge", tr("app.conflict.merge", lang), "primary"))
        if error:
            # Their file is broken: nothing to merge with, but the user's work can still go to disk.
            choices.append(("copy", tr("app.conflict.copy", lang), "primary"))
        else:
            choices.append(("reload", tr("app.conflict.reload", lang), "error"))
        choices.append(("cancel", tr("app.conflict.cancel", lang), "default"))
        super().__init__(tr("app.conflict.title", lang), body, choices, lang)


class NotesEditor(ModalScreen[str]):
    """A multi-line editor for an item's notes; escape closes and returns what was typed."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close and keep", show=True)]

    def __init__(self, item_id: str, title: str, notes: str, lang: Lang) -> None:
        super().__init__()
        self.item_id = item_id
        self.item_title = title
        self.notes = notes
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog notes-dialog"):
            yield Static(Text(tr("dialog.notes.title", self.lang, item=self.item_id)), classes="dialog-title")
            yield Static(Text(self.item_title, style="dim"), classes="dialog-subtitle")
            yield TextArea(self.notes, id="notes-text", soft_wrap=True, show_line_numbers=False)
            yield Static(Text(tr("app.notes.hint", self.lang), style="dim"), classes="dialog-hint")

    def on_mount(self) -> None:
        localize_bindings(self, DIALOG_KEYS, self.lang)
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_close(self) -> None:
        # Typed text is never dropped: closing always hands it back.
        self.dismiss(self.query_one(TextArea).text)


class ScoreDialog(ModalScreen[str | None]):
    """Asks for a score; returns the typed text (parsed by the caller) or None on escape."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, item_id: str, current: str, lang: Lang, error: str | None = None) -> None:
        super().__init__()
        self.item_id = item_id
        self.current = current
        self.lang = lang
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog score-dialog"):
            yield Label(Content(tr("app.score.title", self.lang, id=self.item_id)), classes="dialog-title")
            yield Input(self.current, id="score-input")
            yield Static(Text(self.error or "", style="bold red"), id="score-error")

    def on_mount(self) -> None:
        localize_bindings(self, DIALOG_KEYS, self.lang)
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ExportDialog(ModalScreen[str | None]):
    """Asks for an export format; returns its name or None."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, formats: list[str], folder: str, lang: Lang) -> None:
        super().__init__()
        self.formats = formats
        self.folder = folder
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog export-dialog"):
            yield Static(Text(tr("app.export.title", self.lang)), classes="dialog-title")
            yield Static(Text(tr("app.export.hint", self.lang, folder=self.folder), style="dim"))
            yield OptionList(*[self._option(name) for name in self.formats], id="export-formats")

    def _option(self, name: str) -> Option:
        label = Text(f"{name:<5} ", style="bold")
        label.append(tr(f"app.export.format.{name}", self.lang), "dim")
        return Option(label, id=name)

    def on_mount(self) -> None:
        localize_bindings(self, DIALOG_KEYS, self.lang)
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

"""Small modal dialogs: quit, file conflict and what a merge dropped, notes, score, export choices.

Each dialog returns its answer through ``dismiss`` so the caller decides what
to do; none of them edits the checklist.  Every string from the file is shown
as ``Text``/``Content``.
"""

from __future__ import annotations

from typing import ClassVar

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from ita_tui.app.localize import localize_bindings
from ita_tui.app.merge_view import ConflictRow
from ita_tui.app.widgets.detail import paragraph
from ita_tui.exports.choice import ExportChoice
from ita_tui.i18n import LANGS, Lang, parse_lang
from ita_tui.i18n import t as tr

# The items choice of one owner: the owner's name behind this prefix.
OWNER = "owner:"

# Dialog bindings: action -> catalogue key of the description (shown in the footer and
# in Textual's keys panel).
DIALOG_KEYS: dict[str, str] = {"cancel": "dialog.cancel", "close": "app.key.close_keep"}


class QuestionDialog(ModalScreen[str]):
    """A question with buttons; escape answers "cancel"."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(
        self, title: str, body: RenderableType, choices: list[tuple[str, str, str]], lang: Lang
    ) -> None:
        super().__init__()
        self.title_text = title
        self.body = Text(body) if isinstance(body, str) else body
        self.choices = choices  # (answer, label, variant)
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.title_text), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(self.body)
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


class QuitDialog(QuestionDialog):
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


# Conflicting fields shown in the conflict dialog; more are counted under the table.
CONFLICT_ROWS_SHOWN = 12


class ConflictDialog(QuestionDialog):
    """The file changed on disk: "merge", "mine", "theirs", "reload", "copy" or "cancel".

    When both sides changed the same items, each field they differ on is shown
    with both values side by side before the question.
    """

    def __init__(
        self, path: str, changed: int, rows: list[ConflictRow], error: str | None, lang: Lang
    ) -> None:
        body = Text(tr("app.conflict.body", lang, path=path, count=changed))
        parts: list[RenderableType] = [body]
        choices: list[tuple[str, str, str]] = []
        if error:
            body.append("\n\n" + tr("app.conflict.unreadable", lang, error=error), "bold red")
        elif rows:
            body.append("\n\n" + tr("app.conflict.both_fields", lang), "bold")
            parts.append(conflict_table(rows[:CONFLICT_ROWS_SHOWN], lang))
            if len(rows) > CONFLICT_ROWS_SHOWN:
                more = tr("app.meeting.more", lang, count=len(rows) - CONFLICT_ROWS_SHOWN)
                parts.append(Text(more, style="dim"))
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
        super().__init__(tr("app.conflict.title", lang), Group(*parts), choices, lang)
        self.rows = rows


def conflict_table(rows: list[ConflictRow], lang: Lang) -> Table:
    """What both sides changed, my value, their value: a row each (values wrap)."""
    table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False, show_edge=False)
    table.add_column(tr("app.merge.what", lang), ratio=4)
    table.add_column(tr("app.merge.mine", lang), ratio=3)
    table.add_column(tr("app.merge.theirs", lang), ratio=3)
    for row in rows:
        # Thai wraps at word boundaries (Rich alone would cut words).
        table.add_row(paragraph(row.what), paragraph(row.mine, "bold"), paragraph(row.theirs))
    return table


class DroppedDialog(QuestionDialog):
    """After a merge that could not keep everything: each dropped edit named.

    Offers "copy" (write my version beside the file, as *copy_name*) when my
    edits were dropped and that version can be written (*copy_name* not empty);
    else answers just "ok".
    """

    def __init__(self, dropped: list[str], overwritten: list[str], copy_name: str, lang: Lang) -> None:
        parts: list[RenderableType] = []
        if dropped:
            parts += [Text(tr("app.merge.dropped_title", lang), "bold"), bullets(dropped)]
        if overwritten:
            if parts:
                parts.append(Text(""))
            parts += [Text(tr("app.merge.overwritten_title", lang), "bold"), bullets(overwritten)]
        choices: list[tuple[str, str, str]] = []
        if dropped and copy_name:
            parts += [Text(""), paragraph(tr("app.merge.offer_copy", lang, name=copy_name))]
            choices.append(("copy", tr("app.merge.save_copy", lang, name=copy_name), "primary"))
        choices.append(("ok", tr("dialog.ok", lang), "default"))
        super().__init__(tr("app.merge.title", lang), Group(*parts), choices, lang)


def bullets(lines: list[str]) -> Table:
    """*lines* as a bulleted list, each wrapped (Thai at word boundaries) under its own start."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right")
    grid.add_column(ratio=1)
    for line in lines:
        grid.add_row("•", paragraph(line))
    return grid


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


class ExportDialog(ModalScreen[ExportChoice | None]):
    """The export's choices: format, which items, brief or full, language, folder.

    Starts from the last choice (the caller reads it from the settings) and
    returns the new one, or None on escape; the caller writes the file and
    remembers the choice.
    """

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(
        self,
        choice: ExportChoice,
        formats: list[str],
        owners: list[tuple[str, str]],
        default_folder: str,
        lang: Lang,
    ) -> None:
        super().__init__()
        self.choice = choice
        self.formats = formats
        self.owners = owners  # (name, label): the name filters, the label is shown
        self.default_folder = default_folder
        self.lang = lang

    def compose(self) -> ComposeResult:
        lang, choice = self.lang, self.choice
        with Vertical(classes="dialog export-dialog"):
            yield Static(Text(tr("app.export.title", lang)), classes="dialog-title")
            with Grid(id="export-grid"):
                yield Label(Content(tr("app.export.field.format", lang)))
                yield Select(
                    self._formats(), value=choice.format, allow_blank=False, compact=True, id="export-format"
                )
                yield Label(Content(tr("app.export.field.items", lang)))
                yield Select(
                    self._items(),
                    value=self._items_value(),
                    allow_blank=False,
                    compact=True,
                    id="export-items",
                )
                yield Label(Content(tr("app.export.field.detail", lang)))
                details = [
                    (Text(tr(f"app.export.detail.{key}", lang)), key == "full") for key in ("brief", "full")
                ]
                yield Select(details, value=choice.full, allow_blank=False, compact=True, id="export-detail")
                yield Label(Content(tr("app.export.field.lang", lang)))
                langs = [(Text(tr(f"app.export.lang.{code}", lang)), code) for code in LANGS]
                yield Select(
                    langs, value=choice.language(lang), allow_blank=False, compact=True, id="export-lang"
                )
                yield Label(Content(tr("app.export.field.folder", lang)))
                yield Input(choice.folder or self.default_folder, compact=True, id="export-folder")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Text(tr("app.export.write", lang)), id="export-write", variant="primary")
                yield Button(Text(tr("dialog.cancel", lang)), id="export-cancel")
            yield Static(Text(tr("app.export.keys", lang), style="dim"), classes="dialog-hint")

    def _formats(self) -> list[tuple[Text, str]]:
        options = []
        for name in self.formats:
            label = Text(f"{name:<5} ", style="bold")
            label.append(tr(f"app.export.format.{name}", self.lang))
            options.append((label, name))
        return options

    def _items(self) -> list[tuple[Text, str]]:
        items = [(Text(tr(f"app.export.items.{key}", self.lang)), key) for key in ("all", "open")]
        items += [
            (Text(tr("app.export.items.owner", self.lang, owner=label)), f"{OWNER}{name}")
            for name, label in self.owners
        ]
        return items

    def _items_value(self) -> str:
        if self.choice.items == "owner" and self.choice.owner in dict(self.owners):
            return OWNER + self.choice.owner
        return "open" if self.choice.items == "open" else "all"

    def on_mount(self) -> None:
        localize_bindings(self, DIALOG_KEYS, self.lang)
        self.query_one("#export-format", Select).focus()

    def chosen(self) -> ExportChoice:
        """The choice as the fields show it now."""
        items = str(self.query_one("#export-items", Select).value)
        folder = self.query_one("#export-folder", Input).value.strip()
        lang = parse_lang(str(self.query_one("#export-lang", Select).value))
        return ExportChoice(
            format=str(self.query_one("#export-format", Select).value),
            items="owner" if items.startswith(OWNER) else items,
            owner=items.removeprefix(OWNER) if items.startswith(OWNER) else "",
            full=self.query_one("#export-detail", Select).value is True,
            # The app's language and the default folder are kept as "follow the app / the checklist".
            lang=None if lang == self.lang and self.choice.lang is None else lang,
            folder=None if folder in ("", self.default_folder) else folder,
        )

    @on(Button.Pressed, "#export-write")
    @on(Input.Submitted, "#export-folder")
    def _write(self) -> None:
        self.dismiss(self.chosen())

    @on(Button.Pressed, "#export-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

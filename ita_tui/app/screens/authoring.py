"""Dialogs for writing the checklist: forms, pickers, the detail-field editor, delete.

None of them edits the checklist itself.  A form hands what was typed to a
*submit* callback (the main screen's, which makes the edit); the callback
answers with an error in the interface language, shown in the dialog with
every typed character kept, or with None, and the dialog closes.  Pickers
return the id of the chosen option.  Text from the checklist is shown as
``Text`` (never markup).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Protocol

from rich.cells import cell_len
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from ita_tui.app.localize import localize_bindings
from ita_tui.app.merge_view import cut
from ita_tui.app.screens.dialogs import QuestionDialog
from ita_tui.i18n import Lang
from ita_tui.i18n import t as tr
from ita_tui.model import FieldValue

# Dialog bindings: action -> catalogue key of the description.
AUTHORING_KEYS: dict[str, str] = {
    "cancel": "dialog.cancel",
    "close": "app.key.close_keep",
    "add_field": "app.edit.key.add_field",
    "remove_field": "app.edit.key.remove_field",
}

# The shared dialog frame (dialogs.tcss), then these dialogs' own layout.
DIALOG_CSS: list[str | PurePath] = ["dialogs.tcss", "authoring.tcss"]

# The widest a form's label column gets (longer labels wrap).
LABEL_WIDTH = 24
# How much of a field's value the field list shows.
PREVIEW_CHARS = 60
# Terminals with fewer rows get forms without gaps between the entries.
TIGHT_BELOW = 32

Submit = Callable[[dict[str, str]], str | None]
"""Applies a form's values (name -> text); returns the error to show, or None when done."""


@dataclass(frozen=True)
class FormField:
    """One labelled entry of a form: a line, a multi-line text, or a choice."""

    name: str
    label: str
    value: str = ""
    kind: Literal["line", "text", "choice"] = "line"
    choices: tuple[tuple[str, str], ...] = ()  # (shown, value) for a choice
    placeholder: str = ""


if TYPE_CHECKING:
    # For the type checker the mixin below is the dialog it is mixed into.
    _DialogBase = ModalScreen[Any]
else:
    _DialogBase = object


class FitsShortTerminals(_DialogBase):
    """A dialog whose box sheds its padding on short terminals (24 rows), so its buttons stay in view."""

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.height)

    def _fit(self, height: int) -> None:
        self.query_one(".dialog").set_class(height < TIGHT_BELOW, "-tight")


class FormDialog(FitsShortTerminals, ModalScreen[str | None]):
    """Labelled entries, an error line and buttons.

    ``enter`` in a line (or the OK button) submits; escape cancels.  The dialog
    returns ``"ok"`` once *submit* accepted the values, the answer of an *extra*
    button, or None when cancelled.
    """

    CSS_PATH = DIALOG_CSS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(
        self,
        title: str,
        fields: Sequence[FormField],
        submit: Submit,
        lang: Lang,
        *,
        subtitle: str = "",
        ok_label: str | None = None,
        focus: str | None = None,
        extra: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__()
        self.title_text = title
        self.fields = list(fields)
        self.submit = submit
        self.lang = lang
        self.subtitle = subtitle
        self.ok_label = ok_label or tr("dialog.ok", lang)
        self.focus_name = focus or (self.fields[0].name if self.fields else None)
        self.extra = list(extra)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form-dialog"):
            yield Static(Text(self.title_text), classes="dialog-title")
            if self.subtitle:
                yield Static(Text(self.subtitle, style="dim"), classes="dialog-subtitle")
            # Labels in one column as wide as the widest (Thai labels are short; cap it).
            width = min(max((cell_len(f.label) for f in self.fields), default=0) + 2, LABEL_WIDTH)
            for field in self.fields:
                with Horizontal(classes=f"form-row form-row-{field.kind}"):
                    label = Label(Text(field.label), classes="form-label")
                    label.styles.width = width
                    yield label
                    yield self._entry(field)
            yield Static("", id="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Text(self.ok_label), id="form-ok", variant="primary", compact=True)
                for answer, words in self.extra:
                    yield Button(Text(words), id=f"extra-{answer}", compact=True)
                yield Button(Text(tr("dialog.cancel", self.lang)), id="form-cancel", compact=True)

    def _entry(self, field: FormField) -> Input | TextArea | Select[str]:
        entry_id = f"form-{field.name}"
        if field.kind == "text":
            return TextArea(field.value, id=entry_id, soft_wrap=True, show_line_numbers=False, compact=True)
        if field.kind == "choice":
            options = [(Text(shown), value) for shown, value in field.choices]
            return Select(options, value=field.value, allow_blank=False, id=entry_id, compact=True)
        # Not selected on focus: a key typed to fix a long Thai title must not replace it.
        return Input(
            field.value, placeholder=field.placeholder, id=entry_id, compact=True, select_on_focus=False
        )

    def on_mount(self) -> None:
        localize_bindings(self, AUTHORING_KEYS, self.lang)
        self._fit(self.app.size.height)
        if self.focus_name:
            self.query_one(f"#form-{self.focus_name}").focus()
        # After Input has put its cursor after the text it was given (on its first refresh).
        self.call_after_refresh(self._show_starts)

    def _show_starts(self) -> None:
        """Lines not being edited show the start of their text (a long Thai title reads from there)."""
        for line in self.query(Input):
            if not line.has_focus:
                line.cursor_position = 0

    @on(events.DescendantFocus)
    def _focused(self, event: events.DescendantFocus) -> None:
        # Entering a line puts the cursor after its text, ready to add to it.
        if isinstance(event.widget, Input):
            event.widget.cursor_position = len(event.widget.value)

    def values(self) -> dict[str, str]:
        """What is typed in each entry, by field name."""
        values: dict[str, str] = {}
        for field in self.fields:
            entry = self.query_one(f"#form-{field.name}")
            if isinstance(entry, TextArea):
                values[field.name] = entry.text
            elif isinstance(entry, Select):
                values[field.name] = str(entry.value) if entry.value != Select.NULL else ""
            elif isinstance(entry, Input):
                values[field.name] = entry.value
        return values

    def show_error(self, message: str) -> None:
        """Show why the values were refused; the dialog stays open."""
        self.query_one("#form-error", Static).update(Text(message, style="bold red"))

    def action_submit(self) -> None:
        """Hand the values to the screen; close when they were accepted."""
        error = self.submit(self.values())
        if error:
            self.show_error(error)
        else:
            self.dismiss("ok")

    @on(Input.Submitted)
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        button = event.button.id or ""
        if button == "form-ok":
            self.action_submit()
        elif button.startswith("extra-"):
            self.dismiss(button.removeprefix("extra-"))
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class Choice:
    """One option of a :class:`PickDialog`: its answer, what it shows, and whether it can be chosen."""

    answer: str
    label: Text
    enabled: bool = True


class PickDialog(ModalScreen[str | None]):
    """Choose one of a list (a section, an indicator, a label, a checklist); None on escape."""

    CSS_PATH = DIALOG_CSS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, title: str, choices: Sequence[Choice], lang: Lang, *, hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.lang = lang
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pick-dialog"):
            yield Static(Text(self.title_text), classes="dialog-title")
            if self.hint:
                yield Static(Text(self.hint, style="dim"), classes="dialog-subtitle")
            yield OptionList(
                *[Option(c.label, id=c.answer, disabled=not c.enabled) for c in self.choices],
                id="pick-list",
            )

    def on_mount(self) -> None:
        localize_bindings(self, AUTHORING_KEYS, self.lang)
        options = self.query_one(OptionList)
        options.highlighted = next((n for n, c in enumerate(self.choices) if c.enabled), None)
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class DeleteDialog(QuestionDialog):
    """Delete an item or a section: "delete" or "cancel"."""

    def __init__(self, title: str, body: str, lang: Lang) -> None:
        text = Text(body)
        text.append("\n\n" + tr("app.edit.delete.undo_hint", lang), "dim")
        super().__init__(
            title,
            text,
            [
                ("delete", tr("app.edit.delete.confirm", lang), "error"),
                ("cancel", tr("dialog.cancel", lang), "default"),
            ],
            lang,
        )


# -- detail fields ------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldRow:
    """A detail field as the field list shows it: its key, its label and its value."""

    key: str
    label: str
    value: FieldValue


class FieldHost(Protocol):
    """What the field list asks of the screen that owns the item."""

    def rows(self) -> list[FieldRow]:
        """The item's detail fields, in file order."""
        ...

    def set_field(self, key: str, value: FieldValue | None) -> str | None:
        """Set (None: remove) field *key* as one undoable edit; the error to show, or None."""
        ...

    def add_choices(self) -> list[tuple[str, str]]:
        """(key, label) of the checklist's labelled fields the item does not have yet."""
        ...

    def check_key(self, key: str) -> str | None:
        """Why *key* cannot name a new field, or None."""
        ...

    def is_list(self, key: str) -> bool:
        """Whether a new field *key* is best written as a list (as the other items have it)."""
        ...


class FieldEditor(ModalScreen[FieldValue | None]):
    """Edit one detail field's value: plain text, or a list edited one entry a line.

    Like the notes editor, escape closes and hands back what was typed (the
    change can be undone on the main screen).  Returns a string, a list of
    strings (blank lines dropped), or None when nothing changed.
    """

    CSS_PATH = DIALOG_CSS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close and keep", show=True)]

    def __init__(self, item_id: str, row: FieldRow, lang: Lang, *, as_list: bool, error: str = "") -> None:
        super().__init__()
        self.item_id = item_id
        self.row = row
        self.lang = lang
        self.as_list = as_list
        self.error = error

    def compose(self) -> ComposeResult:
        value = self.row.value
        text = "\n".join(value) if isinstance(value, list) else value
        with Vertical(classes="dialog field-editor"):
            title = tr("app.edit.field.title", self.lang, label=self.row.label, item=self.item_id)
            yield Static(Text(title), classes="dialog-title")
            yield Checkbox(
                Text(tr("app.edit.field.as_list", self.lang)), self.as_list, id="field-as-list", compact=True
            )
            # A list numbers its lines: each number is one entry, however long it wraps.
            yield TextArea(text, id="field-text", soft_wrap=True, show_line_numbers=self.as_list)
            yield Static(Text(self.error, style="bold red"), id="form-error")
            yield Static(Text(tr("app.notes.hint", self.lang), style="dim"), classes="dialog-hint")

    def on_mount(self) -> None:
        localize_bindings(self, AUTHORING_KEYS, self.lang)
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @on(Checkbox.Changed)
    def _list_or_text(self, event: Checkbox.Changed) -> None:
        self.query_one(TextArea).show_line_numbers = event.value

    def value(self) -> FieldValue:
        """What is typed: a list of its non-blank lines when "a list" is ticked, else the text."""
        text = self.query_one(TextArea).text
        if self.query_one(Checkbox).value:
            return [line.strip() for line in text.splitlines() if line.strip()]
        return text.strip()

    def action_close(self) -> None:
        value = self.value()
        self.dismiss(None if value == self.row.value else value)


class FieldsDialog(FitsShortTerminals, ModalScreen[None]):
    """The detail fields of an item: enter edits one, `a` adds one, `delete`/`x` removes one.

    Each change goes through the callbacks at once (so each is one undoable
    edit); the list is redrawn from *rows* afterwards.
    """

    CSS_PATH = DIALOG_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", show=True),
        Binding("a", "add_field", "Add a field", show=True),
        # Not `d`: that key opened this list, and pressed twice it would remove a field.
        Binding("delete,x", "remove_field", "Remove the field", show=True),
    ]

    def __init__(self, item_id: str, item_title: str, host: FieldHost, lang: Lang) -> None:
        super().__init__()
        self.item_id = item_id
        self.item_title = item_title
        self.host = host
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog fields-dialog"):
            title = tr("app.edit.fields.title", self.lang, item=self.item_id)
            yield Static(Text(title), classes="dialog-title")
            yield Static(Text(self.item_title.replace("\n", " "), style="dim"), classes="dialog-subtitle")
            yield OptionList(id="fields-list")
            yield Static("", id="form-error")
            with Horizontal(classes="dialog-buttons"):
                for action, label in (
                    ("edit", "app.edit.fields.edit"),
                    ("add", "app.edit.fields.add"),
                    ("remove", "app.edit.key.remove_field"),
                    ("close", "key.close"),
                ):
                    yield Button(Text(tr(label, self.lang)), id=f"fields-{action}", compact=True)
            yield Static(Text(tr("app.edit.fields.hint", self.lang), style="dim"), classes="dialog-hint")

    def on_mount(self) -> None:
        localize_bindings(self, AUTHORING_KEYS, self.lang)
        self._fit(self.app.size.height)
        self._fill()
        self.query_one(OptionList).focus()

    def _fill(self, keep: str | None = None) -> None:
        options = self.query_one(OptionList)
        wanted = keep or (options.highlighted_option.id if options.highlighted_option else None)
        options.clear_options()
        for row in self.host.rows():
            options.add_option(Option(_field_label(row), id=f"field-{row.key}"))
        options.add_option(Option(Text("+ " + tr("app.edit.fields.add", self.lang), style="bold"), id="add"))
        ids = [options.get_option_at_index(n).id for n in range(options.option_count)]
        options.highlighted = ids.index(wanted) if wanted in ids else 0

    def _current(self) -> FieldRow | None:
        option = self.query_one(OptionList).highlighted_option
        if option is None or not (option.id or "").startswith("field-"):
            return None
        key = (option.id or "").removeprefix("field-")
        return next((row for row in self.host.rows() if row.key == key), None)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit_field()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        action = (event.button.id or "").removeprefix("fields-")
        {
            "edit": self.action_edit_field,
            "add": self.action_add_field,
            "remove": self.action_remove_field,
        }.get(action, self.action_cancel)()
        if action != "close":
            self.query_one(OptionList).focus()

    def action_edit_field(self) -> None:
        """`enter`: edit the highlighted field (on "add a field": add one)."""
        option = self.query_one(OptionList).highlighted_option
        if option is not None and option.id == "add":
            self.action_add_field()
            return
        row = self._current()
        if row is not None:
            self._edit(row)

    def _edit(self, row: FieldRow, error: str = "") -> None:
        """Open the editor on *row*; a refused value opens it again with the reason and the text."""

        def done(value: FieldValue | None) -> None:
            if value is None:
                return
            problem = self.host.set_field(row.key, value or None)
            if problem and value:
                self._edit(FieldRow(row.key, row.label, value), problem)
                return
            self._show_error(problem or "")
            self._fill(keep=f"field-{row.key}" if value else None)

        as_list = isinstance(row.value, list) if row.value else self.host.is_list(row.key)
        self.app.push_screen(FieldEditor(self.item_id, row, self.lang, as_list=as_list, error=error), done)

    def _show_error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(Text(message, style="bold red"))

    def action_add_field(self) -> None:
        """`a`: a field from the checklist's labels, or a new key typed in."""
        choices = [Choice(f"key-{key}", _choice_label(label, key)) for key, label in self.host.add_choices()]
        choices.append(Choice("other", Text(tr("app.edit.fields.other", self.lang), style="italic")))

        def chosen(answer: str | None) -> None:
            if answer == "other":
                self._ask_key()
            elif answer:
                key = answer.removeprefix("key-")
                self._edit(FieldRow(key, dict(self.host.add_choices()).get(key, key), ""))

        self.app.push_screen(PickDialog(tr("app.edit.fields.add", self.lang), choices, self.lang), chosen)

    def _ask_key(self) -> None:
        typed: dict[str, str] = {}

        def check(values: dict[str, str]) -> str | None:
            typed["key"] = values["key"].strip()
            return self.host.check_key(typed["key"])

        def done(answer: str | None) -> None:
            if answer == "ok":
                self._edit(FieldRow(typed["key"], typed["key"], ""))

        field = FormField("key", tr("app.edit.fields.key", self.lang), placeholder="responsible")
        self.app.push_screen(
            FormDialog(tr("app.edit.fields.other", self.lang), [field], check, self.lang), done
        )

    def action_remove_field(self) -> None:
        """`delete` / `x`: remove the highlighted field (undo brings it back)."""
        row = self._current()
        if row is not None:
            self._show_error(self.host.set_field(row.key, None) or "")
            self._fill()

    def action_cancel(self) -> None:
        self.dismiss(None)


def _choice_label(label: str, key: str) -> Text:
    text = Text(label)
    if label != key:
        text.append(f"  ({key})", "dim")
    return text


def _field_label(row: FieldRow) -> Text:
    """A field's entry in the list: its label, then the start of its value (the editor shows it all)."""
    text = _choice_label(row.label, row.key)
    value = " · ".join(row.value) if isinstance(row.value, list) else row.value
    text.append("\n    ")
    text.append(cut(" ".join(value.split()), PREVIEW_CHARS), "italic")
    return text

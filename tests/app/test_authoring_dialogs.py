"""The authoring dialogs on their own: forms, pickers, the field list and editor (no checklist)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import App
from textual.widgets import Checkbox, Input, OptionList, Static, TextArea

from ita_tui.app.screens.authoring import (
    Choice,
    DeleteDialog,
    FieldEditor,
    FieldRow,
    FieldsDialog,
    FormDialog,
    FormField,
    PickDialog,
)
from ita_tui.model import FieldValue


class Host(App[None]):
    """An empty app that records what its dialogs answer."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[Any] = []

    def ask(self, screen: Any) -> None:
        self.push_screen(screen, self.answers.append)


def _error(screen: Any) -> str:
    return str(screen.query_one("#form-error", Static).content)


async def test_a_form_refuses_with_a_reason_and_keeps_the_typed_thai() -> None:
    calls: list[dict[str, str]] = []

    def submit(values: dict[str, str]) -> str | None:
        calls.append(values)
        return "มีรายการรหัส M2 อยู่แล้ว" if values["id"] == "M2" else None

    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        fields = [FormField("id", "รหัส", "M2"), FormField("title", "ชื่อรายการ")]
        app.ask(FormDialog("เพิ่มรายการ", fields, submit, "th", focus="title"))
        await pilot.pause()
        dialog = app.screen
        title = dialog.query_one("#form-title", Input)
        assert title.has_focus
        title.insert_text_at_cursor("มาตรการเผยแพร่ข้อมูลสาธารณะ")
        await pilot.press("enter")
        assert app.screen is dialog  # refused: still open
        assert _error(dialog) == "มีรายการรหัส M2 อยู่แล้ว"
        assert title.value == "มาตรการเผยแพร่ข้อมูลสาธารณะ"  # nothing typed is lost
        id_field = dialog.query_one("#form-id", Input)
        id_field.value = "M7"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not dialog
    assert app.answers == ["ok"]
    assert calls[-1] == {"id": "M7", "title": "มาตรการเผยแพร่ข้อมูลสาธารณะ"}


async def test_a_form_cancels_on_escape_and_answers_extra_buttons() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        app.ask(FormDialog("t", [FormField("title", "Title")], lambda v: None, "en"))
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        app.ask(
            FormDialog("t", [FormField("title", "Title")], lambda v: None, "en", extra=[("more", "More…")])
        )
        await pilot.pause()
        await pilot.click("#extra-more")
        await pilot.pause()
    assert app.answers == [None, "more"]


async def test_a_form_reads_lines_texts_and_choices() -> None:
    seen: list[dict[str, str]] = []
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        fields = [
            FormField("organization", "Organization", "old"),
            FormField("description", "Description", "line one", kind="text"),
            FormField("language", "Language", "th", kind="choice", choices=(("—", ""), ("ไทย", "th"))),
        ]
        app.ask(FormDialog("info", fields, lambda v: seen.append(v) or None, "en"))
        await pilot.pause()
        dialog = app.screen
        area = dialog.query_one("#form-description", TextArea)
        area.move_cursor(area.document.end)
        area.insert("\nบรรทัดสอง")
        await pilot.click("#form-ok")
        await pilot.pause()
    assert seen == [{"organization": "old", "description": "line one\nบรรทัดสอง", "language": "th"}]


async def test_a_pick_dialog_answers_the_chosen_id_and_skips_disabled_ones() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        choices = [Choice("1", Text("1 IIT"), enabled=False), Choice("9", Text("9 OIT การเปิดเผยข้อมูล"))]
        app.ask(PickDialog("indicator", choices, "th"))
        await pilot.pause()
        assert app.screen.query_one(OptionList).highlighted == 1  # the first that can be chosen
        await pilot.press("enter")
        await pilot.pause()
        app.ask(PickDialog("indicator", choices, "th"))
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.answers == ["9", None]


async def test_delete_dialog_answers_delete_or_cancel() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        app.ask(DeleteDialog("Delete the section", "Delete «มาตรการ» and the 3 items in it?", "en"))
        await pilot.pause()
        assert app.screen.focused is not None and app.screen.focused.id == "answer-delete"
        await pilot.press("enter")
        await pilot.pause()
        app.ask(DeleteDialog("Delete", "?", "en"))
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.answers == ["delete", "cancel"]


async def test_field_editor_returns_a_list_one_entry_a_line_or_plain_text() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        row = FieldRow("responsible", "ผู้รับผิดชอบ", ["กองคลัง"])
        app.ask(FieldEditor("M1", row, "th", as_list=True))
        await pilot.pause()
        app.screen.query_one(TextArea).insert("\n\n  สำนักปลัด  \n")
        await pilot.press("escape")
        await pilot.pause()
        app.ask(FieldEditor("M1", FieldRow("period", "ระยะเวลา", ""), "th", as_list=False))
        await pilot.pause()
        app.screen.query_one(TextArea).insert("ต.ค. 2569 – ก.ย. 2570")
        await pilot.press("escape")
        await pilot.pause()
        app.ask(FieldEditor("M1", FieldRow("period", "ระยะเวลา", "เดิม"), "th", as_list=False))
        await pilot.pause()
        await pilot.press("escape")  # nothing changed
        await pilot.pause()
        app.ask(FieldEditor("M1", FieldRow("x", "x", "a\nb"), "th", as_list=False))
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        assert not area.show_line_numbers
        app.screen.query_one(Checkbox).value = True  # the text becomes a list, its entries numbered
        await pilot.pause()
        assert area.show_line_numbers
        await pilot.press("escape")
        await pilot.pause()
    assert app.answers == [["กองคลัง", "สำนักปลัด"], "ต.ค. 2569 – ก.ย. 2570", None, ["a", "b"]]


class FakeFields:
    """A FieldHost over a plain dict, refusing a key with a space as the core would."""

    def __init__(self) -> None:
        self.fields: dict[str, FieldValue] = {"responsible": ["กองคลัง"]}
        self.labels = {"responsible": "ผู้รับผิดชอบ", "period": "ระยะเวลา"}

    def rows(self) -> list[FieldRow]:
        return [FieldRow(k, self.labels.get(k, k), v) for k, v in self.fields.items()]

    def set_field(self, key: str, value: FieldValue | None) -> str | None:
        if " " in key:
            return f"“{key}” cannot name a field"
        if value is None:
            self.fields.pop(key, None)
        else:
            self.fields[key] = value
        return None

    def add_choices(self) -> list[tuple[str, str]]:
        return [(k, label) for k, label in self.labels.items() if k not in self.fields]

    def check_key(self, key: str) -> str | None:
        return "taken" if key in self.fields else None

    def is_list(self, key: str) -> bool:
        return key == "responsible"


async def test_fields_dialog_adds_from_the_labels_edits_and_removes() -> None:
    host = FakeFields()
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        app.ask(FieldsDialog("M1", "มาตรการหนึ่ง", host, "th"))
        await pilot.pause()
        fields = app.screen
        await pilot.press("a")  # add: the labels the item lacks
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickDialog)
        assert [c.answer for c in picker.choices] == ["key-period", "other"]
        await pilot.press("enter")  # period
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, FieldEditor) and not editor.query_one(Checkbox).value
        editor.query_one(TextArea).insert("ไตรมาส 1")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is fields
        assert host.fields == {"responsible": ["กองคลัง"], "period": "ไตรมาส 1"}
        options = fields.query_one(OptionList)
        assert options.highlighted_option is not None and options.highlighted_option.id == "field-period"
        await pilot.press("x")  # remove the highlighted field
        await pilot.pause()
        assert host.fields == {"responsible": ["กองคลัง"]}
        options.highlighted = 0
        await pilot.press("enter")  # edit responsible, a list
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, FieldEditor) and editor.query_one(Checkbox).value
        editor.query_one(TextArea).insert("\nสำนักปลัด")
        await pilot.press("escape")
        await pilot.pause()
        assert host.fields == {"responsible": ["กองคลัง", "สำนักปลัด"]}
        await pilot.press("escape")
        await pilot.pause()
    assert app.answers == [None]


async def test_d_in_the_field_list_removes_nothing() -> None:
    """`d` opens the list from the main screen: pressed twice, it must not remove a field."""
    host = FakeFields()
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        app.ask(FieldsDialog("M1", "มาตรการหนึ่ง", host, "th"))
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
    assert host.fields == {"responsible": ["กองคลัง"]}


async def test_a_refused_field_opens_the_editor_again_with_the_reason_and_the_text() -> None:
    host = FakeFields()
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        app.ask(FieldsDialog("M1", "มาตรการหนึ่ง", host, "en"))
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one(OptionList).highlighted = 1  # another field: type its key
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one(Input).insert_text_at_cursor("bad key")
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one(TextArea).insert("ค่า")
        await pilot.press("escape")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, FieldEditor)  # opened again
        assert _error(editor) == "“bad key” cannot name a field"
        assert editor.query_one(TextArea).text == "ค่า"
    assert "bad key" not in host.fields


async def test_fields_dialog_works_with_the_mouse() -> None:
    host = FakeFields()
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        app.ask(FieldsDialog("M1", "มาตรการหนึ่ง", host, "en"))
        await pilot.pause()
        await pilot.click("#fields-add")
        await pilot.pause()
        assert isinstance(app.screen, PickDialog)
        await pilot.press("escape")
        await pilot.pause()
        app.screen.query_one(OptionList).highlighted = 0
        await pilot.click("#fields-remove")
        await pilot.pause()
        assert host.fields == {}
        await pilot.click("#fields-close")
        await pilot.pause()
    assert app.answers == [None]

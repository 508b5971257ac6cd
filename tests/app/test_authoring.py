"""Writing the checklist in the app: each edit by its keys, checked in the model, the widgets, the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, OptionList, Select, Static, TextArea

from ita_tui.app.commands import ItaCommands
from ita_tui.app.screens.authoring import DeleteDialog, FieldEditor, FieldsDialog, FormDialog, PickDialog
from ita_tui.app.screens.main import MainScreen
from ita_tui.app.widgets.summary import TitleBar, TitleText
from ita_tui.checklist_file import check, load

from .helpers import changed_lines, copy_template, read, settle


def ids(screen: MainScreen, section: int = 0) -> list[str]:
    return [item.id for item in screen.session.checklist.sections[section].items]


def error_of(dialog: Any) -> str:
    return str(dialog.query_one("#form-error", Static).content)


def notes(app: Any) -> list[str]:
    return [n.message for n in app._notifications]


async def type_into(pilot: Any, selector: str, text: str, *, replace: bool = False) -> None:
    """Type *text* (Thai too) into an Input of the dialog on top, as a person would."""
    field = pilot.app.screen.query_one(selector, Input)
    if replace:
        field.value = ""
    field.insert_text_at_cursor(text)
    await pilot.pause()


def new_year(tmp_path: Path) -> Path:
    return copy_template("new-year", Path.cwd() / "plan.toml")


# -- adding -----------------------------------------------------------------------


async def test_a_adds_an_item_after_the_selected_one_and_saves_only_its_block(
    seed_path: Path, make_app
) -> None:
    before = read(seed_path)
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("j", "a")  # on M2
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        assert dialog.query_one("#form-id", Input).value == "M7"  # the next free M<n>
        assert dialog.query_one("#form-title", Input).has_focus
        await type_into(pilot, "#form-title", "มาตรการจัดซื้อจัดจ้างโปร่งใส")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert ids(screen)[:4] == ["M1", "M2", "M7", "M3"]
        assert screen.current_item.id == "M7"  # the cursor is on the new item
        assert screen.query_one(TitleBar).state == "unsaved"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not screen.session.dirty
    after = read(seed_path)
    assert all(line.startswith("+") for line in changed_lines(before, after))
    assert load(seed_path).checklist.find("M7").title == "มาตรการจัดซื้อจัดจ้างโปร่งใส"


async def test_a_refuses_a_taken_id_or_an_empty_title_and_changes_nothing(seed_path: Path, make_app) -> None:
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("a")
        dialog = app.screen
        await pilot.press("enter")
        assert app.screen is dialog
        assert error_of(dialog) == "A title must not be empty"
        await type_into(pilot, "#form-title", "ใหม่")
        await type_into(pilot, "#form-id", "m1", replace=True)
        await pilot.press("enter")
        assert error_of(dialog) == "An item with id M1 already exists"
        assert dialog.query_one("#form-title", Input).value == "ใหม่"  # kept
        await pilot.press("escape")
        await pilot.pause()
        assert ids(screen) == ["M1", "M2", "M3", "M4", "M5", "M6"]
        assert not screen.session.dirty and not screen.session.undo_stack


async def test_a_on_a_section_row_adds_at_its_end(seed_path: Path, make_app) -> None:
    app = make_app(seed_path, lang="th")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("k", "a")  # the measures section's header
        assert "ท้ายหมวด" in str(app.screen.query_one(".dialog-subtitle", Static).content)
        await type_into(pilot, "#form-title", "ท้ายสุด")
        await pilot.press("enter")
        await pilot.pause()
        assert ids(screen)[-1] == "M7"


async def test_A_adds_an_indicator_section(seed_path: Path, make_app) -> None:
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("A")
        dialog = app.screen
        await type_into(pilot, "#form-title", "งานเพิ่มเติม")
        dialog.query_one("#form-group", Select).value = "OIT"
        await pilot.press("enter")
        await pilot.pause()
        sections = screen.session.checklist.sections
        assert sections[1].title == "งานเพิ่มเติม" and sections[1].group == "OIT"  # after the measures
        row = screen.navigator.current
        assert row is not None and row.item is None and row.section == 1


async def test_an_indicator_from_the_table_takes_its_official_title_and_place(
    tmp_path: Path, make_app
) -> None:
    path = new_year(tmp_path)
    app = make_app(path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        screen.navigator.select("I3")
        await pilot.press("x")
        await pilot.click("#answer-delete")
        await pilot.pause()
        assert screen.session.item("I3") is None
        await pilot.press("a")
        await pilot.click("#extra-indicator")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickDialog)
        enabled = [c.answer for c in picker.choices if c.enabled]
        assert enabled == ["3"]  # only the missing one can be chosen
        await pilot.press("enter")
        await pilot.pause()
        assert ids(screen, 1) == ["I1", "I2", "I3", "I4", "I5"]
        assert screen.session.item("I3").title == "การใช้อำนาจ"
        assert screen.current_item.id == "I3"


async def test_the_palette_offers_every_editing_action(seed_path: Path, make_app) -> None:
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(120, 40)):
        provider = ItaCommands(app.screen, None)  # type: ignore[arg-type]
        names = [name for name, _callback, _keys in provider._commands()]
        for wanted in (
            "Add an item after the selected one…",
            "Add a section…",
            "Add an indicator from the year's table…",
            "Edit the selected item's or section's title…",
            "Edit the selected item's detail fields…",
            "Delete the selected item or section…",
            "Move the selected item or section up",
            "Move the selected item to another section…",
            "Edit the checklist's title, organization, fiscal year, description, language…",
        ):
            assert wanted in names


# -- titles, fields, the checklist's own fields ---------------------------------------


async def test_t_edits_an_items_title_and_id_as_one_undo_step(seed_path: Path, make_app) -> None:
    before = read(seed_path)
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = app.screen
        await pilot.press("t")
        await type_into(pilot, "#form-title", "มาตรการใหม่", replace=True)
        await type_into(pilot, "#form-id", "M01", replace=True)
        await pilot.press("enter")
        await pilot.pause()
        item = screen.current_item
        assert (item.id, item.title) == ("M01", "มาตรการใหม่")
        assert "มาตรการใหม่" in str(screen.query_one("#detail").border_title)
        await pilot.press("u")
        assert screen.session.item("M1").title.startswith("มาตรการ การสร้างฐานความคิด")
        assert not screen.session.dirty
        assert any(message.startswith("Undone:") for message in notes(app))
        await pilot.press("ctrl+y", "ctrl+s")
        await settle(pilot)
    diff = changed_lines(before, read(seed_path))
    assert sorted(diff) == sorted(
        [
            '-id = "M1"',
            '+id = "M01"',
            '-title = "มาตรการ การสร้างฐานความคิด การแยกแยะประโยชน์ส่วนตัวและประโยชน์ส่วนรวม"',
            '+title = "มาตรการใหม่"',
        ]
    )


async def test_a_double_click_on_a_title_edits_it(seed_path: Path, make_app) -> None:
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.click("#navigator", offset=(12, 3))  # M2's title, once: selects it
        await pilot.pause()
        assert screen.current_item.id == "M2" and app.screen is screen
        await pilot.click("#navigator", offset=(12, 3), times=2)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        assert dialog.query_one("#form-id", Input).value == "M2"


async def test_t_on_a_section_edits_its_title_and_refuses_an_empty_one(seed_path: Path, make_app) -> None:
    app = make_app(seed_path, lang="th")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("k", "t")
        dialog = app.screen
        dialog.query_one("#form-title", Input).value = "   "
        await pilot.press("enter")
        assert error_of(dialog) == "ชื่อต้องไม่ว่าง"
        await type_into(pilot, "#form-title", "มาตรการของปีนี้", replace=True)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.session.checklist.sections[0].title == "มาตรการของปีนี้"


async def test_d_adds_edits_and_removes_detail_fields(tmp_path: Path, make_app) -> None:
    path = new_year(tmp_path)
    before = read(path)
    app = make_app(path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("d")
        assert isinstance(app.screen, FieldsDialog)
        await pilot.press("a")  # from the checklist's labels
        picker = app.screen
        assert isinstance(picker, PickDialog)
        picker.query_one(OptionList).highlighted = [c.answer for c in picker.choices].index("key-responsible")
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, FieldEditor)
        editor.query_one("#field-as-list").value = True
        editor.query_one(TextArea).insert("กองคลัง\nสำนักปลัด")
        await pilot.press("escape")
        await pilot.pause()
        assert screen.session.item("M1").fields == {"responsible": ["กองคลัง", "สำนักปลัด"]}
        await pilot.press("a")
        picker = app.screen
        picker.query_one(OptionList).highlighted = [c.answer for c in picker.choices].index("key-period")
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one(TextArea).insert("ต.ค. ๒๕๖๙ – ก.ย. ๒๕๗๐")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")  # close the field list
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("d", "delete", "escape")  # remove the first field (responsible)
        await pilot.pause()
        assert screen.session.item("M1").fields == {"period": "ต.ค. ๒๕๖๙ – ก.ย. ๒๕๗๐"}
    diff = changed_lines(before, read(path))
    assert diff == [
        "+responsible = [",
        '+    "กองคลัง",',
        '+    "สำนักปลัด",',
        "+]",
        '+period = "ต.ค. ๒๕๖๙ – ก.ย. ๒๕๗๐"',
    ]


async def test_i_sets_the_checklists_fields_thai_year_accepted_bad_year_refused(
    tmp_path: Path, make_app
) -> None:
    path = new_year(tmp_path)
    app = make_app(path, lang="th")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = app.screen
        await pilot.press("i")
        dialog = app.screen
        assert dialog.query_one("#form-organization", Input).has_focus
        await type_into(pilot, "#form-organization", "องค์การบริหารส่วนตำบลตัวอย่าง")
        await type_into(pilot, "#form-fiscal_year", "๒๕x")
        await pilot.press("enter")
        assert app.screen is dialog
        assert "ไม่ใช่ปีงบประมาณ" in error_of(dialog)
        assert screen.session.checklist.organization == ""  # nothing changed
        await type_into(pilot, "#form-fiscal_year", "๒๕๗๐", replace=True)
        await pilot.press("enter")
        await pilot.pause()
        checklist = screen.session.checklist
        assert (checklist.organization, checklist.fiscal_year) == ("องค์การบริหารส่วนตำบลตัวอย่าง", 2570)
        title = str(screen.query_one(TitleText).render())
        assert "องค์การบริหารส่วนตำบลตัวอย่าง" in title and "2570" in title
        await pilot.press("u")  # one step undoes the whole dialog
        assert (checklist.organization, checklist.fiscal_year) == ("", None)


async def test_keys_typed_in_a_filled_line_add_to_it(seed_path: Path, make_app) -> None:
    """Nothing is selected on entering a line: a key typed to fix a title never replaces it."""
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        organization = app.screen.query_one("#form-organization", Input)
        assert organization.has_focus
        await pilot.press("x")
        assert organization.value == "เทศบาลตำบลนิคมคำสร้อย อำเภอนิคมน้ำอูน จังหวัดมุกดาหารx"
        await pilot.press("shift+tab", "y")  # back to the title, cursor after its text
        assert app.screen.query_one("#form-title", Input).value.endswith("พ.ศ.2566y")


# -- deleting ---------------------------------------------------------------------


async def test_x_deletes_after_asking_and_undo_brings_it_back_in_place(seed_path: Path, make_app) -> None:
    before = read(seed_path)
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = app.screen
        await pilot.press("j", "x")
        dialog = app.screen
        assert isinstance(dialog, DeleteDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert ids(screen) == ["M1", "M2", "M3", "M4", "M5", "M6"]
        await pilot.press("delete")
        await pilot.click("#answer-delete")
        await pilot.pause()
        assert ids(screen) == ["M1", "M3", "M4", "M5", "M6"]
        assert screen.current_item.id == "M3"  # the row that took its place
        await pilot.press("u")
        assert ids(screen) == ["M1", "M2", "M3", "M4", "M5", "M6"]
        assert screen.current_item.id == "M2"
        assert any(m.startswith("Undone: removed item M2 «") for m in notes(app))
        assert not screen.session.dirty
        await pilot.press("ctrl+y")
        assert any(m.startswith("Redone: removed item M2 «") for m in notes(app))
        await pilot.press("ctrl+s")
        await settle(pilot)
    after = read(seed_path)
    assert all(line.startswith("-") for line in changed_lines(before, after))
    assert load(seed_path).checklist.find("M2") is None


async def test_a_section_with_items_says_how_many_and_comes_back_whole(seed_path: Path, make_app) -> None:
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("k", "x")
        body = app.screen.query_one(".dialog-body Static", Static).content
        assert "the 6 items in it" in str(body)
        await pilot.click("#answer-delete")
        await pilot.pause()
        assert screen.session.checklist.sections[0].id != "measures"
        await pilot.press("u")
        assert ids(screen) == ["M1", "M2", "M3", "M4", "M5", "M6"]


async def test_the_last_indicator_of_a_group_is_not_deleted(tmp_path: Path, make_app) -> None:
    path = new_year(tmp_path)
    app = make_app(path, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = app.screen
        screen.navigator.select("I9")
        await pilot.press("x")
        await pilot.click("#answer-delete")
        await pilot.pause()
        screen.navigator.select("I10")
        await pilot.press("x")
        await pilot.click("#answer-delete")
        await pilot.pause()
        assert screen.session.item("I10") is not None
        assert any("last indicator of OIT" in m for m in notes(app))


# -- moving -----------------------------------------------------------------------


async def test_K_and_J_move_items_and_sections(seed_path: Path, make_app) -> None:
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("j", "j", "K", "K")  # M3 to the top
        assert ids(screen) == ["M3", "M1", "M2", "M4", "M5", "M6"]
        assert screen.current_item.id == "M3"
        await pilot.press("ctrl+down")
        assert ids(screen) == ["M1", "M3", "M2", "M4", "M5", "M6"]
        await pilot.press("J")
        assert ids(screen)[:3] == ["M1", "M2", "M3"]
        await pilot.press("home", "J")  # the measures section below IIT
        assert [s.group for s in screen.session.checklist.sections][:2] == ["IIT", None]
        row = screen.navigator.current
        assert row is not None and row.item is None and row.section == 1


async def test_a_folded_section_stays_folded_when_sections_move(seed_path: Path, make_app) -> None:
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        navigator = screen.navigator
        navigator.select_section(1)
        await pilot.press("h")  # fold IIT
        assert navigator.row_of("I1") is None
        navigator.select_section(0)
        await pilot.press("J")  # the measures below IIT
        assert screen.session.checklist.sections[0].group == "IIT"
        assert navigator.row_of("I1") is None  # IIT still folded
        assert navigator.row_of("M1") is not None  # the measures still open


async def test_greater_than_moves_an_item_to_another_section(seed_path: Path, make_app) -> None:
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("greater_than_sign")
        picker = app.screen
        assert isinstance(picker, PickDialog)
        assert not picker.choices[0].enabled  # its own section
        await pilot.press("enter")  # the first other section
        await pilot.pause()
        assert "M1" not in ids(screen)
        assert ids(screen, 1)[-1] == "M1"
        assert screen.current_item.id == "M1"


# -- the "Done when" of issue 12 -------------------------------------------------------


async def test_a_new_years_checklist_written_in_the_app(tmp_path: Path, make_app) -> None:
    """Organization, year in Thai digits, three measures with an office and a period, the
    placeholder deleted, the third moved to the top: the file holds exactly that."""
    path = new_year(tmp_path)
    before = read(path)
    app = make_app(path, lang="th")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("i")
        await type_into(pilot, "#form-organization", "องค์การบริหารส่วนตำบลตัวอย่าง")
        await type_into(pilot, "#form-fiscal_year", "๒๕๗๐")
        await pilot.press("enter")
        for n, (title, office, period) in enumerate(
            [
                ("มาตรการเผยแพร่ข้อมูล", "สำนักปลัด", "ต.ค. ๒๕๖๙"),
                ("มาตรการจัดซื้อจัดจ้าง", "กองคลัง", "ม.ค. ๒๕๗๐"),
                ("มาตรการรับเรื่องร้องเรียน", "กองช่าง", "เม.ย. ๒๕๗๐"),
            ],
            start=2,
        ):
            await pilot.press("a")
            await type_into(pilot, "#form-title", title)
            await pilot.press("enter")
            await pilot.pause()
            assert screen.current_item.id == f"M{n}"
            for key, value in (("responsible", office), ("period", period)):
                await pilot.press("d", "a")
                picker = app.screen
                picker.query_one(OptionList).highlighted = [c.answer for c in picker.choices].index(
                    f"key-{key}"
                )
                await pilot.press("enter")
                await pilot.pause()
                app.screen.query_one(TextArea).insert(value)
                await pilot.press("escape", "escape")
                await pilot.pause()
        screen.navigator.select("M1")
        await pilot.press("x")
        await pilot.click("#answer-delete")
        await pilot.pause()
        screen.navigator.select("M4")
        await pilot.press("K", "K")
        assert ids(screen) == ["M4", "M2", "M3"]
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("q")
    loaded, problems = check(path)
    assert loaded is not None and not [p for p in problems if not p.warning]
    checklist = loaded.checklist
    assert checklist.organization == "องค์การบริหารส่วนตำบลตัวอย่าง" and checklist.fiscal_year == 2570
    measures = checklist.sections[0].items
    assert [(i.id, i.fields) for i in measures] == [
        ("M4", {"responsible": "กองช่าง", "period": "เม.ย. ๒๕๗๐"}),
        ("M2", {"responsible": "สำนักปลัด", "period": "ต.ค. ๒๕๖๙"}),
        ("M3", {"responsible": "กองคลัง", "period": "ม.ค. ๒๕๗๐"}),
    ]
    after = read(path)
    # Nothing changed before [checklist] nor from the indicators on; in [checklist] two lines.
    head, tail = "[checklist]", '[[sections]]\nid = "iit"'
    assert after.split(head)[0] == before.split(head)[0]
    assert after.split(tail)[1] == before.split(tail)[1]
    header = changed_lines(before.split("[checklist.labels]")[0], after.split("[checklist.labels]")[0])
    assert header == [  # the year takes the place of the template's commented-out one
        '-organization = ""',
        "-# fiscal_year = 2570",
        '+organization = "องค์การบริหารส่วนตำบลตัวอย่าง"',
        "+fiscal_year = 2570",
    ]

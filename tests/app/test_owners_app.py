"""Owners and due dates in the app: `D`, `o`, `f`, sorting, marks, the what-is-left view (`w`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, OptionList, Static

from ita_tui.app.screens.due_dialogs import DueDialog, OwnerDialog
from ita_tui.app.screens.main import MainScreen
from ita_tui.app.screens.what_is_left import WhatIsLeftScreen
from ita_tui.app.session import StatusFilter
from ita_tui.app.widgets.detail import DetailPane
from ita_tui.app.widgets.navigator import NOTE_MARK
from ita_tui.checklist_file import load

from .helpers import changed_lines, read, settle

# The frozen clock's day (conftest): 17 May 2023; M2 was due 3 days before, M3 in 5 days, M4 in 30.
TODAY = date(2023, 5, 17)


def shown(screen: MainScreen) -> list[str]:
    return [row.item.id for row in screen.navigator.rows if row.item]


async def type_into(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    field = pilot.app.screen.query_one(Input)
    field.value = ""
    field.insert_text_at_cursor(text)  # Thai survives this way, not through pilot.press
    await pilot.pause()


async def test_due_dialog_reads_thai_dates_saves_a_toml_date_and_undoes(seed_path: Path, make_app) -> None:
    before = read(seed_path)
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        screen.navigator.select("M2")
        await pilot.press("D")
        assert isinstance(app.screen, DueDialog)
        await type_into(pilot, "๑๕ มิ.ย. ๒๕๖๖")
        reading = str(app.screen.query_one("#due-reading", Static).render())
        assert reading == "= 15 มิ.ย. 2566 · อีก 29 วัน"
        await pilot.press("enter")
        assert isinstance(app.screen, MainScreen)
        assert screen.session.item("M2").due == date(2023, 6, 15)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert changed_lines(before, read(seed_path)) == [
            "+due = 2023-06-15",
            "+updated = 2023-05-17T09:30:00+07:00",
        ]
        await pilot.press("u")
        assert screen.session.item("M2").due is None


async def test_due_dialog_refuses_what_is_not_a_date_and_keeps_the_text(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("D")
        await type_into(pilot, "31/2/2566")
        await pilot.press("enter")
        assert isinstance(app.screen, DueDialog), "a date that does not exist is not taken"
        reading = str(app.screen.query_one("#due-reading", Static).render())
        assert reading == "“31/2/2566”: ไม่มีวันนี้ในปฏิทิน"
        assert app.screen.query_one(Input).value == "31/2/2566"
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        assert not app.screen.session.dirty


async def test_due_dialog_shows_the_date_to_change_and_empty_clears(example_path: Path, make_app) -> None:
    app = make_app(example_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        screen.navigator.select("M2")
        await pilot.press("D")
        assert app.screen.query_one(Input).value == "2023-05-14"
        await type_into(pilot, "")
        assert str(app.screen.query_one("#due-reading", Static).render()) == ""
        await pilot.press("enter")
        assert screen.session.item("M2").due is None


async def test_navigator_marks_late_and_soon_with_a_glyph_and_a_word(example_path: Path, make_app) -> None:
    app = make_app(example_path)
    async with app.run_test(size=(120, 40)):
        navigator = app.screen.navigator
        session = app.screen.session
        line = {
            item_id: navigator._item_text(session.item(item_id), 60).plain
            for item_id in ("M2", "M3", "M4", "M5")
        }
        assert line["M2"].endswith("! เลยกำหนด")
        assert line["M3"].endswith("◷ อีก 5 วัน")
        assert line["M4"].endswith(" 16 มิ.ย.")  # later: the date, when there is room
        assert line["M5"].rstrip().endswith("จ้าง")  # no due date: nothing
        row = navigator._item_text(session.item("M4"), 40).plain.rstrip()
        assert row.removesuffix(NOTE_MARK).rstrip().endswith("บุคคล")  # the notes mark, no due tag
        detail = app.screen.query_one(DetailPane)
        assert detail._due(session.item("M2")).plain == "! 14 พ.ค. 2566 · เลยกำหนด 3 วัน"
        assert detail._due(session.item("M5")).plain == "—"


async def test_filter_cycles_to_overdue_and_due_soon(example_path: Path, make_app) -> None:
    app = make_app(example_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press(*"fffff")
        assert screen.navigator.status_filter is StatusFilter.OVERDUE
        assert shown(screen) == ["M2"]
        assert "เลยกำหนด" in str(screen.navigator.border_title)
        await pilot.press("f")
        assert screen.navigator.status_filter is StatusFilter.DUE_SOON
        assert shown(screen) == ["M2", "M3"]
        # M3 done: it leaves the due-soon filter at once.
        screen.navigator.select("M3")
        await pilot.press("3")
        assert shown(screen) == ["M2"]
        await pilot.press("f")
        assert screen.navigator.status_filter is StatusFilter.ALL


async def test_owner_filter(example_path: Path, make_app) -> None:
    app = make_app(example_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("o")
        assert isinstance(app.screen, OwnerDialog)
        options = app.screen.query_one(OptionList)
        labels = [str(option.prompt) for option in options._options]
        assert labels[0] == "Everyone (no filter)"
        assert labels[1:3] == ["กองคลัง", "เจ้าหน้าที่ประชาสัมพันธ์"] and labels[-1] == "All offices"
        options.highlighted = 1
        await pilot.press("enter")
        assert shown(screen) == ["M2", "M3"]
        assert "กองคลัง" in str(screen.navigator.border_title)
        # With the open filter too: both must hold.
        await pilot.press("o")
        app.screen.query_one(OptionList).highlighted = labels.index("All offices")
        await pilot.press("enter")
        assert "M1" in shown(screen) and "M2" not in shown(screen) and "I10" in shown(screen)
        await pilot.press("o")
        await pilot.press("escape")  # cancel keeps the filter
        assert "M2" not in shown(screen)
        await pilot.press("o")
        app.screen.query_one(OptionList).highlighted = 0
        await pilot.press("enter")
        assert len(shown(screen)) == 16


async def test_sort_by_due_date_and_by_owner(example_path: Path, make_app) -> None:
    app = make_app(example_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        screen.set_sort("due")
        await pilot.pause()
        assert shown(screen)[:6] == ["M2", "M3", "M4", "M1", "M5", "M6"]
        assert "เรียงตามกำหนดเสร็จ" in str(screen.navigator.border_title)
        screen.set_sort("owner")
        await pilot.pause()
        assert shown(screen)[:6] == ["M2", "M3", "M6", "M4", "M5", "M1"]
        screen.set_sort("file")
        await pilot.pause()
        assert shown(screen)[:6] == ["M1", "M2", "M3", "M4", "M5", "M6"]


async def test_palette_offers_owner_and_due_commands(example_path: Path, make_app) -> None:
    from ita_tui.app.commands import ItaCommands

    app = make_app(example_path, lang="en")
    async with app.run_test(size=(120, 40)):
        provider = ItaCommands(app.screen, None)  # type: ignore[arg-type]
        names = [name for name, _callback, _help in provider._commands()]
        for wanted in (
            "What is left: open items by owner",
            "Set this item's due date",
            "Filter: show overdue",
            "Filter: show due within 7 days",
            "Filter by owner",
            "Sort items: by due date",
            "Sort items: by owner",
        ):
            assert wanted in names


async def test_what_is_left_lists_owners_and_goes_to_the_chosen_item(example_path: Path, make_app) -> None:
    app = make_app(example_path, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w")
        screen = app.screen
        assert isinstance(screen, WhatIsLeftScreen)
        title = str(screen.query_one("#left-title", Static).render())
        assert title.startswith("Still to do: 9  ! overdue 1  ◷ due soon 1")
        options = screen.query_one(OptionList)
        prompts = ["\n".join(line.plain for line in option.prompt.renderables) for option in options._options]
        assert prompts[0].startswith("กองคลัง  2 items · ! overdue 1 · ◷ due soon 1")
        assert prompts[1].startswith("! M2")
        assert "14 May 2023 · 3 days overdue" in prompts[1]
        assert "Notes: รอผู้บริหารลงนาม คาดว่าเสร็จ ๑๕ ธ.ค." in prompts[1]
        m4 = next(n for n, option in enumerate(options._options) if (option.id or "").endswith(":M4"))
        options.highlighted = m4
        await pilot.press("enter")
        assert isinstance(app.screen, MainScreen)
        assert app.screen.current_item.id == "M4"


async def test_what_is_left_goes_to_an_item_the_filter_hides(example_path: Path, make_app) -> None:
    app = make_app(example_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"fffff")  # overdue only: M2
        await pilot.press("w")
        options = app.screen.query_one(OptionList)
        options.highlighted = next(n for n, o in enumerate(options._options) if (o.id or "").endswith(":M5"))
        await pilot.press("enter")
        assert app.screen.current_item.id == "M5"
        assert app.screen.navigator.status_filter is StatusFilter.ALL


async def test_due_dates_survive_a_save_merge_with_someone_elses_change(example_path: Path, make_app) -> None:
    from ita_tui import edits
    from ita_tui.saving import save

    app = make_app(example_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        screen.navigator.select("M4")
        await pilot.press("D")
        await type_into(pilot, "1/7/2566")
        await pilot.press("enter")
        theirs = load(example_path)  # someone else sets M5's due date meanwhile
        item = theirs.checklist.find("M5")
        assert item is not None
        edits.set_due(item, date(2023, 8, 1))
        save(theirs)
        await pilot.press("ctrl+s")
        await settle(pilot)
        if app.screen is not screen:  # the conflict dialog: merge
            await pilot.click("#answer-merge")
            await settle(pilot)
    merged = load(example_path).checklist
    assert merged.find("M4").due == date(2023, 7, 1)
    assert merged.find("M5").due == date(2023, 8, 1)

"""Pictures of the screens (pytest-textual-snapshot), at 80×24 and 120×40.

Update with ``pytest tests/app/test_snapshots.py --snapshot-update`` and look
at every changed SVG before committing.  The clock is frozen and animations
are off (conftest), so the pictures are stable.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ita_tui.exports.choice import ExportChoice
from ita_tui.settings import Settings

SIZES = [(80, 24), (120, 40)]


@pytest.fixture(params=SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def size(request: pytest.FixtureRequest) -> tuple[int, int]:
    return request.param


def test_main_screen(snap_compare, seed_path: Path, make_app, size) -> None:
    assert snap_compare(make_app(seed_path), terminal_size=size)


def test_main_screen_english_after_edits(snap_compare, seed_path: Path, make_app) -> None:
    app = make_app(seed_path, lang="en")
    assert snap_compare(app, press=["space", "j", "3", "j", "2"], terminal_size=(120, 40))


def test_detail_of_a_long_thai_item(snap_compare, seed_path: Path, make_app, size) -> None:
    async def select(pilot) -> None:
        pilot.app.screen.navigator.select("M3")
        await pilot.pause()

    assert snap_compare(make_app(seed_path), run_before=select, terminal_size=size)


def test_help_screen(snap_compare, seed_path: Path, make_app, size) -> None:
    assert snap_compare(make_app(seed_path), press=["question_mark"], terminal_size=size)


def test_quit_dialog(snap_compare, seed_path: Path, make_app, size) -> None:
    assert snap_compare(make_app(seed_path), press=["space", "q"], terminal_size=size)


def test_meeting_view(snap_compare, seed_path: Path, make_app, size) -> None:
    assert snap_compare(make_app(seed_path), press=["m"], terminal_size=size)


def test_export_dialog(snap_compare, seed_path: Path, make_app) -> None:
    # A folder chosen before (the default is under the test's temporary folder, which changes).
    settings = Settings(export=ExportChoice(folder="/srv/ita/exports").record())
    assert snap_compare(
        make_app(seed_path, lang="en", settings=settings), press=["e"], terminal_size=(80, 24)
    )


def test_export_dialog_in_thai_with_an_owner_chosen(snap_compare, seed_path: Path, make_app) -> None:
    choice = ExportChoice("eml", "owner", "สำนักปลัดเทศบาล", True, None, "/srv/ita/ส่งออก")
    app = make_app(seed_path, lang="th", settings=Settings(export=choice.record()))
    assert snap_compare(app, press=["e"], terminal_size=(80, 24))


def test_filtered_open_items(snap_compare, seed_path: Path, make_app) -> None:
    assert snap_compare(make_app(seed_path), press=["f"], terminal_size=(80, 24))


def test_score_screen(snap_compare, seed_path: Path, make_app) -> None:
    assert snap_compare(make_app(seed_path), press=["c"], terminal_size=(120, 40))


# -- writing the checklist (issue 12) ------------------------------------------------------


def test_add_item_dialog(snap_compare, seed_path: Path, make_app, size) -> None:
    async def type_title(pilot) -> None:
        await pilot.press("j", "a")
        pilot.app.screen.query_one("#form-title").insert_text_at_cursor("มาตรการจัดซื้อจัดจ้างอย่างโปร่งใส")
        await pilot.pause()

    assert snap_compare(make_app(seed_path), run_before=type_title, terminal_size=size)


def test_checklist_info_dialog_refusing_a_year(snap_compare, seed_path: Path, make_app, size) -> None:
    async def bad_year(pilot) -> None:
        await pilot.press("i")
        year = pilot.app.screen.query_one("#form-fiscal_year")
        year.value = ""
        year.insert_text_at_cursor("๒๐๒๗")
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(make_app(seed_path), run_before=bad_year, terminal_size=size)


def test_detail_fields_dialog(snap_compare, seed_path: Path, make_app, size) -> None:
    assert snap_compare(make_app(seed_path, lang="en"), press=["d"], terminal_size=size)


def test_field_editor_of_a_list(snap_compare, seed_path: Path, make_app, size) -> None:
    assert snap_compare(make_app(seed_path), press=["d", "enter"], terminal_size=size)


def test_delete_a_section_dialog(snap_compare, seed_path: Path, make_app, size) -> None:
    assert snap_compare(make_app(seed_path), press=["k", "x"], terminal_size=size)


def test_move_to_section_dialog(snap_compare, seed_path: Path, make_app, size) -> None:
    assert snap_compare(make_app(seed_path, lang="en"), press=["greater_than_sign"], terminal_size=size)


def test_indicator_picker(snap_compare, seed_path: Path, make_app) -> None:
    assert snap_compare(
        make_app(seed_path, lang="en"), press=["a", "tab", "tab", "tab", "enter"], terminal_size=(80, 24)
    )


def test_conflict_dialog_with_both_values(snap_compare, seed_path: Path, make_app, size) -> None:
    from .helpers import settle
    from .test_saving import edit_behind_the_apps_back

    async def conflict(pilot) -> None:
        await pilot.press("j", "2", "enter")
        pilot.app.screen.query_one("#notes-text").insert("ส่งหนังสือถึงผู้บริหารแล้ว")
        await pilot.press("escape")
        edit_behind_the_apps_back(seed_path, "M2", 'status = "not-started"', 'status = "done"')
        edit_behind_the_apps_back(seed_path, "M2", 'notes = ""', 'notes = "รอผลการประชุมคณะทำงาน"')
        await pilot.press("ctrl+s")
        await settle(pilot)

    assert snap_compare(make_app(seed_path), run_before=conflict, terminal_size=size)


ROOM_SIZES = [(80, 24), (120, 40), (160, 50)]


@pytest.mark.parametrize("room", ROOM_SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_meeting_view_with_owners_due_dates_and_notes(
    snap_compare, example_path: Path, make_app, room
) -> None:
    assert snap_compare(make_app(example_path), press=["m"], terminal_size=room)


def test_meeting_view_compared_with_last_year(snap_compare, years_path: Path, make_app) -> None:
    assert snap_compare(make_app(years_path, lang="en"), press=["m"], terminal_size=(160, 50))


def test_what_is_left_view(snap_compare, example_path: Path, make_app) -> None:
    assert snap_compare(make_app(example_path), press=["w"], terminal_size=(80, 24))


def test_due_dialog(snap_compare, example_path: Path, make_app) -> None:
    assert snap_compare(make_app(example_path), press=["j", "D"], terminal_size=(80, 24))


def test_owner_dialog(snap_compare, example_path: Path, make_app) -> None:
    assert snap_compare(make_app(example_path, lang="en"), press=["o"], terminal_size=(80, 24))

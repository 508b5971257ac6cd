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

"""The save-conflict dialog: both sides' values side by side, then each dropped edit named."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from textual.widgets import Static, TextArea

from ita_tui.app.screens.dialogs import ConflictDialog, DroppedDialog
from ita_tui.app.screens.main import MainScreen
from ita_tui.checklist_file import load
from ita_tui.model import Status

from .helpers import read, settle
from .test_saving import edit_behind_the_apps_back


def shown_text(dialog: ConflictDialog | DroppedDialog, width: int = 104) -> str:
    """The dialog's body as it is drawn, as plain text."""
    console = Console(width=width, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(dialog.query_one(".dialog-body Static", Static).content)
    return console.export_text()


async def _write_note(pilot, text: str) -> None:
    await pilot.press("enter")
    area = pilot.app.screen.query_one(TextArea)
    area.insert(text)
    await pilot.press("escape")


async def _conflict_on_m2(seed_path: Path, make_app, pilot) -> None:
    """Mine: M2 in progress with a note; theirs (on disk): M2 done with another note."""
    await pilot.press("j", "2")
    await _write_note(pilot, "ส่งหนังสือแล้ว")
    edit_behind_the_apps_back(seed_path, "M2", 'status = "not-started"', 'status = "done"')
    edit_behind_the_apps_back(seed_path, "M2", 'notes = ""', 'notes = "รอผลการประชุม"')
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_conflict_dialog_shows_both_values_side_by_side(seed_path: Path, make_app) -> None:
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await _conflict_on_m2(seed_path, make_app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ConflictDialog)
        assert sorted((row.what, row.mine, row.theirs) for row in dialog.rows) == [
            ("Notes of M2 «มาตรการการเผยแพร่ข้อมูลข่าวสาร»", "ส่งหนังสือแล้ว", "รอผลการประชุม"),
            ("Status of M2 «มาตรการการเผยแพร่ข้อมูลข่าวสาร»", "In progress", "Done"),
        ]
        text = shown_text(dialog)
        status_line = next(line for line in text.splitlines() if "Status of M2" in line)
        assert status_line.index("In progress") < status_line.index("Done")
        assert "ส่งหนังสือแล้ว" in text and "รอผลการประชุม" in text
        assert "Yours" in text and "theirs" in text


async def test_theirs_win_names_the_dropped_edits_and_saves_mine_beside(seed_path: Path, make_app) -> None:
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _conflict_on_m2(seed_path, make_app, pilot)
        await pilot.click("#answer-theirs")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, DroppedDialog)
        text = shown_text(dialog)
        assert "Status of M2 «" in text
        assert "»: yours, “In progress”, not kept; the file has “Done”" in text
        assert "»: yours, “ส่งหนังสือแล้ว”, not kept; the file has “รอผลการประชุม”" in text
        await pilot.click("#answer-copy")
        await settle(pilot)
        assert "Your version is saved as fy2566-mine.toml" in [n.message for n in app._notifications]
        assert isinstance(app.screen, MainScreen)
        assert not app.screen.session.dirty  # the merged file (theirs won) is saved
    merged = load(seed_path).checklist.find("M2")
    assert merged.status is Status.DONE and merged.notes == "รอผลการประชุม"
    mine = load(seed_path.with_name("fy2566-mine.toml")).checklist.find("M2")
    assert mine.status is Status.IN_PROGRESS and mine.notes == "ส่งหนังสือแล้ว"


async def test_mine_win_names_their_replaced_edits(seed_path: Path, make_app) -> None:
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await _conflict_on_m2(seed_path, make_app, pilot)
        await pilot.click("#answer-mine")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, DroppedDialog)
        text = shown_text(dialog)
        assert "»: theirs, “Done”, replaced by yours, “In progress”" in text
        assert not dialog.query("#answer-copy")  # none of mine was dropped
        await pilot.click("#answer-ok")
        await settle(pilot)
    assert load(seed_path).checklist.find("M2").status is Status.IN_PROGRESS
    assert not seed_path.with_name("fy2566-mine.toml").exists()
    assert "รอผลการประชุม" not in read(seed_path)

"""Quitting with unsaved changes, save failures, files changed behind the app's back, autosave."""

from __future__ import annotations

from pathlib import Path

import pytest

from ita_tui import saving
from ita_tui.app.screens.dialogs import ConflictDialog, DroppedDialog, QuitDialog
from ita_tui.app.screens.main import MainScreen
from ita_tui.checklist_file import load
from ita_tui.errors import UserError
from ita_tui.model import Status
from ita_tui.settings import Settings

from .helpers import changed_lines, read, settle


def edit_behind_the_apps_back(path: Path, item_id: str, old: str, new: str) -> None:
    """Change one item's line in the file, as another person's save would."""
    text = read(path)
    lines = text.split("\n")
    start = lines.index(f'id = "{item_id}"')
    for n in range(start, len(lines)):
        if lines[n] == old:
            lines[n] = new
            break
    else:  # pragma: no cover - the test data changed
        raise AssertionError(f"{old!r} not found after {item_id}")
    path.write_text("\n".join(lines), "utf-8")


async def test_quit_without_changes_exits_at_once(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_quit_save(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "q")
        assert isinstance(app.screen, QuitDialog)
        await pilot.click("#answer-save")
        await settle(pilot)
    assert load(seed_path).checklist.find("M1").status is Status.IN_PROGRESS


async def test_quit_discard(seed_path: Path, make_app) -> None:
    before = read(seed_path)
    app = make_app(seed_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "q")
        assert isinstance(app.screen, QuitDialog)
        await pilot.click("#answer-discard")
        await pilot.pause()
    assert read(seed_path) == before


async def test_quit_cancel_keeps_editing(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "q")
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        assert app.screen.session.dirty
        await pilot.press("q")
        await pilot.click("#answer-cancel")
        assert isinstance(app.screen, MainScreen)
        assert app.is_running


async def test_ctrl_q_asks_too(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "ctrl+q")
        assert isinstance(app.screen, QuitDialog)


async def test_failed_save_keeps_the_changes(
    seed_path: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(path: Path, data: bytes, **_: object) -> None:
        raise UserError(f"{path}: cannot save: the disk is full; the changes are not saved")

    app = make_app(seed_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = app.screen
        await pilot.press("space")
        monkeypatch.setattr(saving, "atomic_write", disk_full)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.session.dirty
        assert any("disk is full" in n.message for n in app._notifications)
        assert screen.query_one("#save-state").has_class("-unsaved")
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not screen.session.dirty
    assert load(seed_path).checklist.find("M1").status is Status.IN_PROGRESS


async def test_conflict_on_different_items_merges(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("space")  # M1 in progress (mine)
        edit_behind_the_apps_back(seed_path, "M2", 'status = "not-started"', 'status = "done"  # theirs')
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictDialog)
        assert app.screen.query("#answer-merge")
        await pilot.click("#answer-merge")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert not screen.session.dirty
    merged = load(seed_path).checklist
    assert merged.find("M1").status is Status.IN_PROGRESS
    assert merged.find("M2").status is Status.DONE
    assert 'status = "done"  # theirs' in read(seed_path)


async def test_conflict_on_the_same_item_offers_mine_or_theirs(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("space", "j", "space")  # M1 and M2 in progress (mine)
        edit_behind_the_apps_back(seed_path, "M2", 'status = "not-started"', 'status = "done"')
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConflictDialog)
        assert not dialog.query("#answer-merge")
        assert [row.what.split(" «")[0] for row in dialog.rows] == ["สถานะ ของ M2"]
        await pilot.click("#answer-theirs")
        await settle(pilot)
        assert isinstance(app.screen, DroppedDialog)  # names my dropped edit (test_conflict_dialog.py)
        await pilot.click("#answer-ok")
        assert isinstance(app.screen, MainScreen)
        assert not screen.session.dirty
    final = load(seed_path).checklist
    assert final.find("M1").status is Status.IN_PROGRESS  # mine, not in conflict: kept
    assert final.find("M2").status is Status.DONE  # theirs won the conflict


async def test_conflict_mine_wins(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "space")
        edit_behind_the_apps_back(seed_path, "M2", 'status = "not-started"', 'status = "done"')
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.click("#answer-mine")
        await settle(pilot)
        await pilot.click("#answer-ok")
    assert load(seed_path).checklist.find("M2").status is Status.IN_PROGRESS


async def test_conflict_reload_and_cancel(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("space")
        edit_behind_the_apps_back(seed_path, "M2", 'status = "not-started"', 'status = "done"')
        theirs = read(seed_path)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.click("#answer-cancel")
        assert screen.session.dirty  # nothing lost
        assert read(seed_path) == theirs  # nothing overwritten
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.click("#answer-reload")
        await settle(pilot)
        assert not screen.session.dirty
        assert screen.session.item("M2").status is Status.DONE
        assert screen.session.item("M1").status is Status.NOT_STARTED
    assert read(seed_path) == theirs


async def test_conflict_with_a_broken_file_saves_my_version_as_a_copy(seed_path: Path, make_app) -> None:
    """Their save broke the file: nothing to merge with, yet the user's work still reaches the disk."""
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("space")
        broken = read(seed_path) + "\n[[[broken\n"
        seed_path.write_text(broken, "utf-8")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictDialog)
        assert not app.screen.query("#answer-reload")  # nothing readable to reload
        await pilot.click("#answer-copy")
        await settle(pilot)
        assert screen.session.dirty  # the original still lacks the change
    assert read(seed_path) == broken  # their file untouched
    copy = seed_path.with_name(f"{seed_path.stem}-mine.toml")
    item = load(copy).checklist.find("M1")
    assert item is not None and item.status is Status.IN_PROGRESS


async def test_autosave_saves_after_a_pause(seed_path: Path, make_app) -> None:
    before = read(seed_path)
    app = make_app(seed_path, settings=Settings(autosave=True, autosave_delay=0.05))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space", "j", "space")
        await pilot.pause(0.3)
        await settle(pilot)
        assert not app.screen.session.dirty
    assert len(changed_lines(before, read(seed_path))) == 6


async def test_autosave_is_off_by_default(seed_path: Path, make_app) -> None:
    before = read(seed_path)
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space")
        await pilot.pause(0.3)
        assert app.screen.session.dirty
    assert read(seed_path) == before


@pytest.mark.parametrize("backup", [True, False])
async def test_backup_setting_keeps_the_previous_version(seed_path: Path, make_app, backup: bool) -> None:
    before = seed_path.read_bytes()
    app = make_app(seed_path, settings=Settings(backup=backup))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space", "ctrl+s")
        await settle(pilot)
        assert not app.screen.session.dirty
    backup_path = seed_path.with_name(seed_path.name + "~")
    assert seed_path.read_bytes() != before
    if backup:
        assert backup_path.read_bytes() == before  # the previous bytes, exactly
    else:
        assert not backup_path.exists()
    assert sorted(p.name for p in seed_path.parent.iterdir()) == sorted(
        ["fy2566.toml", "fy2566.toml~"] if backup else ["fy2566.toml"]
    )


async def test_backup_is_toggled_from_the_palette_and_remembered(seed_path: Path, make_app) -> None:
    from ita_tui.app.commands import ItaCommands
    from ita_tui.settings import load_settings

    app = make_app(seed_path, lang="en", save_settings_file=True)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.settings.backup is False
        hits = [hit async for hit in ItaCommands(app.screen).search("Backup before saving (FILE~): turn on")]
        assert hits and hits[0].text == "Backup before saving (FILE~): turn on"
        app.call_later(hits[0].command)
        await pilot.pause()
        assert app.settings.backup is True
        assert load_settings()[0].backup is True
        await pilot.press("space", "ctrl+s")
        await settle(pilot)
        app.set_backup(False)
        assert load_settings()[0].backup is False
    assert seed_path.with_name("fy2566.toml~").exists()


async def test_a_note_on_an_item_renamed_on_disk_is_kept(seed_path: Path, make_app) -> None:
    """Issue 21, point 3: my unsaved note on M5; someone renamed M5 to M50 and saved."""
    from ita_tui import authoring

    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        screen.session.set_notes(screen.session.item("M5"), "ยังต้องทำ")
        theirs = load(seed_path)
        authoring.rename_item(theirs.checklist, "M5", "M50")
        saving.save(theirs)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictDialog)
        assert app.screen.query("#answer-merge")  # no conflict: a rename and a note
        await pilot.click("#answer-merge")
        await settle(pilot)
        assert not screen.session.dirty
        assert screen.session.item("M50").notes == "ยังต้องทำ"
    final = load(seed_path).checklist
    assert final.find("M5") is None and final.find("M50").notes == "ยังต้องทำ"


async def test_use_mine_keeps_their_edit_of_a_field_i_never_touched(seed_path: Path, make_app) -> None:
    """Issue 21, point 4: my note on M4, their status on M4, and a real conflict elsewhere: "use mine"."""
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        session = screen.session
        session.set_notes(session.item("M4"), "บันทึกของฉัน")
        session.set_notes(session.item("M1"), "ของฉัน")
        theirs = load(seed_path)
        theirs.checklist.find("M4").status = Status.DONE
        theirs.checklist.find("M1").notes = "ของเขา"
        saving.save(theirs)
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConflictDialog)
        assert [row.what.split(" «")[0] for row in dialog.rows] == ["Notes of M1"]  # not M4
        await pilot.click("#answer-mine")
        await settle(pilot)
        replaced = app.screen
        assert isinstance(replaced, DroppedDialog) and not replaced.query("#answer-copy")
        await pilot.click("#answer-ok")
        assert not session.dirty
    final = load(seed_path).checklist
    assert final.find("M4").status is Status.DONE and final.find("M4").notes == "บันทึกของฉัน"
    assert final.find("M1").notes == "ของฉัน"
    assert not list(seed_path.parent.glob("*-mine.toml"))  # nothing of mine was dropped


async def test_use_theirs_names_what_it_drops_and_keeps_my_version(seed_path: Path, make_app) -> None:
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        screen.session.set_notes(screen.session.item("M1"), "ของฉัน")
        theirs = load(seed_path)
        theirs.checklist.find("M1").notes = "ของเขา"
        saving.save(theirs)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.click("#answer-theirs")
        await settle(pilot)
        dropped = app.screen
        assert isinstance(dropped, DroppedDialog)  # names it (test_conflict_dialog.py) and offers my version
        await pilot.click("#answer-copy")
        await settle(pilot)
    assert load(seed_path).checklist.find("M1").notes == "ของเขา"
    copy = seed_path.with_name(f"{seed_path.stem}-mine.toml")
    assert load(copy).checklist.find("M1").notes == "ของฉัน"


@pytest.mark.parametrize("lang", ["en", "th"])
async def test_a_file_held_open_by_another_program_keeps_the_changes_and_says_so(
    seed_path: Path, make_app, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """Windows refuses to replace a file another program has open: retried, then told in the app language."""
    import winsim

    from ita_tui.fs import atomic

    monkeypatch.setattr(atomic, "REPLACE_RETRY_SECONDS", 0.1)
    held = winsim.Patches()
    winsim.install_held_open(held)
    before = seed_path.read_bytes()
    app = make_app(seed_path, lang=lang)
    try:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            screen = app.screen
            await pilot.press("space")
            with winsim.hold_open(seed_path):
                await pilot.press("ctrl+s")
                await settle(pilot)
            assert screen.session.dirty and seed_path.read_bytes() == before
            expected = "โปรแกรมอื่นเปิดไฟล์นี้อยู่" if lang == "th" else "another program has the file open"
            assert any(expected in str(n.message) for n in app._notifications)
            await pilot.press("ctrl+s")  # closed in the other program: the same changes save
            await settle(pilot)
            assert not screen.session.dirty
    finally:
        held.undo()
    assert load(seed_path).checklist.find("M1").status is Status.IN_PROGRESS

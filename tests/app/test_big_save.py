"""Saving a big checklist from the app goes through a child process (ita_tui.save_worker)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ita_tui import save_worker
from ita_tui.app.screens.dialogs import ConflictDialog
from ita_tui.checklist_file import load
from ita_tui.model import Status
from ita_tui.settings import Settings

from .helpers import changed_lines, read, settle

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def children(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record each save made through a child process (the real child still runs)."""
    made: list[str] = []
    real = save_worker.save_in_child

    def counted(path: Path, *args: object, **kwargs: object) -> str:
        made.append(str(path))
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(save_worker, "save_in_child", counted)
    return made


@pytest.fixture
def big_path(tmp_path: Path) -> Path:
    """A generated checklist just above the size that is saved through a child process."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    text = generate(850, seed=4)
    assert len(text) >= save_worker.CHILD_MIN_CHARS
    path = tmp_path / "work" / "big.toml"
    path.write_text(text, "utf-8")
    return path


async def test_a_big_file_is_saved_by_a_child_process(big_path: Path, make_app, children: list[str]) -> None:
    before = read(big_path)
    app = make_app(big_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        first = screen.current_item.id
        await pilot.press("space")
        wanted = screen.current_item.status
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not screen.session.dirty
        assert screen.session.loaded.text_on_disk
        assert load(big_path).checklist.find(first).status is wanted
        assert len(changed_lines(before, read(big_path))) in (2, 3)  # status, updated (+ a new line)
        # A second save, from what the first left on disk.
        await pilot.press("space")
        wanted = screen.current_item.status
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not screen.session.dirty
        fingerprint = screen.session.loaded.fingerprint
    assert children == [str(big_path), str(big_path)]
    again = load(big_path)
    assert again.checklist.find(first).status is wanted
    assert again.fingerprint == fingerprint


async def test_a_conflict_in_the_child_opens_the_conflict_dialog(
    seed_path: Path, make_app, children: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(save_worker, "CHILD_MIN_CHARS", 0)
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space")
        seed_path.write_text(read(seed_path) + "# theirs\n", "utf-8")
        theirs = read(seed_path)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictDialog)
        assert read(seed_path) == theirs
    assert children == [str(seed_path)]


async def test_a_killed_child_keeps_the_changes_unsaved(
    seed_path: Path, make_app, children: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(save_worker, "CHILD_MIN_CHARS", 0)
    before = read(seed_path)
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = app.screen
        await pilot.press("space")
        monkeypatch.setenv("ITA_TUI_WRITE_CHUNK", "512")
        monkeypatch.setenv("ITA_TUI_KILL_AT", "write:2")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.session.dirty
        assert any("กระบวนการบันทึกถูกหยุด" in n.message for n in app._notifications)
        assert read(seed_path) == before
        monkeypatch.delenv("ITA_TUI_KILL_AT")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not screen.session.dirty
    assert len(children) == 2
    assert load(seed_path).checklist.find("M1").status is Status.IN_PROGRESS
    assert sorted(p.name for p in seed_path.parent.iterdir()) == ["fy2566.toml"]


@pytest.mark.parametrize("backup", [True, False])
async def test_the_child_keeps_a_backup_when_the_setting_is_on(
    seed_path: Path, make_app, children: list[str], monkeypatch: pytest.MonkeyPatch, backup: bool
) -> None:
    monkeypatch.setattr(save_worker, "CHILD_MIN_CHARS", 0)
    before = seed_path.read_bytes()
    app = make_app(seed_path, settings=Settings(backup=backup))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space", "ctrl+s")
        await settle(pilot)
        assert not app.screen.session.dirty
        saved = seed_path.read_bytes()
        # A second save keeps the version the first one wrote.
        await pilot.press("space", "ctrl+s")
        await settle(pilot)
    assert children == [str(seed_path), str(seed_path)]
    backup_path = seed_path.with_name("fy2566.toml~")
    if backup:
        assert backup_path.read_bytes() == saved != before
    else:
        assert not backup_path.exists()

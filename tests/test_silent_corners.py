"""Failures that used to pass in silence (issue 20): each is now handled for a written reason, or said.

* the folder fsync after a save's rename: a file system that cannot sync
  folders is no failure; a disk error is said (the file is saved, but may not
  survive a power cut);
* the save lock: a folder that takes no new file needs none (the write fails
  there with its own reason); any other failure to make the lock stops the save;
* an unreadable settings file is set aside, never written over, and the app says where.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from helpers_bad import temp_files, write_checklist

from ita_tui import edits
from ita_tui.checklist_file import LoadedChecklist, load
from ita_tui.errors import UserError
from ita_tui.fs import platform
from ita_tui.fs.atomic import atomic_write
from ita_tui.fs.locking import LOCK_PREFIX
from ita_tui.model import Status
from ita_tui.saving import save
from ita_tui.settings import Settings, config_dir, load_settings, save_settings


def _edit(path: Path) -> LoadedChecklist:
    loaded = load(path)
    item = loaded.checklist.find("M1")
    assert item is not None
    edits.set_status(item, Status.DONE)
    return loaded


def _folder_fsync_fails(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """fsync of a folder fails with *code*; of a file it works."""
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(code, os.strerror(code))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)


# -- the folder fsync --------------------------------------------------------------------------


@pytest.mark.usefixtures("folder_fsync")
def test_a_disk_error_on_the_folder_fsync_is_said_and_the_file_is_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_checklist(tmp_path / "c.toml")
    loaded = _edit(path)
    _folder_fsync_fails(monkeypatch, errno.EIO)
    with pytest.raises(UserError) as raised:
        save(loaded)
    assert str(raised.value) == (
        f"{path}: saved, but the disk reported an error while making it last"
        f" ({os.strerror(errno.EIO)}); a power cut now could lose the change: check the disk"
    )
    monkeypatch.undo()
    assert load(path).checklist.find("M1").status is Status.DONE  # type: ignore[union-attr]
    assert temp_files(tmp_path) == []


@pytest.mark.usefixtures("folder_fsync")
@pytest.mark.parametrize("code", [errno.EINVAL, errno.ENOTSUP])
def test_a_file_system_that_cannot_sync_folders_saves_as_usual(
    code: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_checklist(tmp_path / "c.toml")
    _folder_fsync_fails(monkeypatch, code)
    save(_edit(path))
    monkeypatch.undo()
    assert load(path).checklist.find("M1").status is Status.DONE  # type: ignore[union-attr]


@pytest.mark.usefixtures("folder_fsync")
def test_a_folder_that_cannot_be_listed_is_not_synced_and_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open
    opened: list[str] = []

    def no_listing(name: Any, flags: int, *args: Any) -> int:
        if flags & os.O_DIRECTORY:
            opened.append(str(name))
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real_open(name, flags, *args)

    monkeypatch.setattr(os, "open", no_listing)
    platform.fsync_folder(tmp_path)
    assert opened == [str(tmp_path)]


# -- the save lock ----------------------------------------------------------------------------


def _lock_creation_fails(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    real_open = os.open

    def failing(name: Any, flags: int, *args: Any) -> int:
        if Path(name).name.startswith(LOCK_PREFIX) and str(name).endswith(".lock"):
            raise OSError(code, os.strerror(code), str(name))
        return real_open(name, flags, *args)

    monkeypatch.setattr(os, "open", failing)


def test_a_lock_that_cannot_be_made_for_an_odd_reason_stops_the_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_checklist(tmp_path / "c.toml")
    before = path.read_bytes()
    loaded = _edit(path)
    _lock_creation_fails(monkeypatch, errno.EIO)
    with pytest.raises(UserError) as raised:
        save(loaded)
    assert str(raised.value) == (
        f"{path}: cannot save: the lock file {tmp_path / '.ita-tui-c.toml.lock'} cannot be made"
        f" ({os.strerror(errno.EIO)}); the changes are not saved"
    )
    assert path.read_bytes() == before
    assert loaded.changed_items() == ["M1"]  # kept, to save again


def test_a_folder_that_takes_no_new_file_needs_no_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read-only: the write itself fails there, with its own reason (not the lock's)."""
    path = write_checklist(tmp_path / "c.toml")
    _lock_creation_fails(monkeypatch, errno.EROFS)
    monkeypatch.setattr("tempfile.mkstemp", _raise(errno.EROFS))
    with pytest.raises(UserError, match="cannot save: the folder is read-only; the changes are not saved"):
        atomic_write(path, b"x")


def _raise(code: int) -> Any:
    def fail(*args: object, **kwargs: object) -> object:
        raise OSError(code, os.strerror(code))

    return fail


# -- the settings file ----------------------------------------------------------------------------


def test_an_unreadable_settings_file_is_set_aside_not_written_over() -> None:
    path = config_dir() / "settings.toml"
    path.parent.mkdir(parents=True)
    broken = b'# my colours\ntheme = "nord\nautosave = true\n'  # an unclosed string
    path.write_bytes(broken)
    assert load_settings()[1] is not None  # said at start-up
    kept = save_settings(Settings(language="th"))
    assert kept == path.with_name("settings.toml.unreadable")
    assert kept.read_bytes() == broken
    assert load_settings() == (Settings(language="th"), None)
    # A second slip keeps the first one's copy too.
    path.write_bytes(b"\xff\xfe not UTF-8")
    assert save_settings(Settings()) == path.with_name("settings.toml.unreadable-2")
    assert kept.read_bytes() == broken


def test_a_readable_settings_file_is_kept_in_place() -> None:
    path = config_dir() / "settings.toml"
    path.parent.mkdir(parents=True)
    path.write_text("# mine\nautosave = true\n", "utf-8")
    assert save_settings(Settings(autosave=True, backup=True)) is None
    assert path.read_text("utf-8").startswith("# mine\n")
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.toml"]

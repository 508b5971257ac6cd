"""Saves under faults: killed mid-way, disk full, read-only, two writers at once.

The kill tests run ``ita-tui set`` as a real process with ITA_TUI_KILL_AT,
the hook in :func:`ita_tui.fs.atomic.fault_point` that ends the process
abruptly (``os._exit``: no cleanup runs, as with ``kill -9``, and no POSIX
signal is needed) at a chosen step (the Nth chunk write, the fsync, the
rename, just after the rename).  ITA_TUI_WRITE_CHUNK makes the chunks small, so that a small file
takes several writes.  Other faults are raised in-process by replacing the
os function that would fail.
"""

from __future__ import annotations

import errno
import os
import subprocess
import tempfile
import threading
from pathlib import Path

import pytest
from helpers_bad import (
    checklist_text,
    is_root,
    ita_process,
    run_cli,
    temp_files,
    write_checklist,
)

from ita_tui import edits
from ita_tui.checklist_file import LoadedChecklist, load
from ita_tui.errors import UserError
from ita_tui.fs import atomic
from ita_tui.fs.atomic import KILLED_EXIT, atomic_write
from ita_tui.fs.locking import file_lock
from ita_tui.model import Status
from ita_tui.saving import ConflictError, disk_changed, save

CHUNK = 1024


def _status(path: Path, item_id: str) -> Status:
    item = load(path).checklist.find(item_id)
    assert item is not None
    return item.status


def _edit(path: Path, item_id: str, status: Status) -> LoadedChecklist:
    """*path* loaded, with *item_id* given *status* (not saved)."""
    loaded = load(path)
    item = loaded.checklist.find(item_id)
    assert item is not None
    edits.set_status(item, status)
    return loaded


# -- kill -9 in the middle of a save ----------------------------------------------------


@pytest.mark.parametrize("point", ["write:1", "write:2", "write:3", "fsync", "rename", "renamed"])
def test_a_save_killed_at_any_step_leaves_the_old_or_the_new_file_whole(point: str, tmp_path: Path) -> None:
    path = write_checklist(tmp_path / "c.toml", items=6, padding=6 * CHUNK)
    old = path.read_bytes()
    assert len(old) > 4 * CHUNK, "the save must take several chunk writes"
    killed = ita_process(
        ["set", "c.toml", "M3", "--status", "done"],
        tmp_path,
        {"ITA_TUI_KILL_AT": point, "ITA_TUI_WRITE_CHUNK": str(CHUNK)},
    )
    assert killed.returncode == KILLED_EXIT, killed.stderr
    assert ".ita-tui-c.toml.lock" in temp_files(tmp_path), "the killed save leaves its lock behind"
    if point == "renamed":
        assert _status(path, "M3") is Status.DONE  # the new file, whole
    else:
        assert path.read_bytes() == old  # the old file, untouched
        assert len(temp_files(tmp_path)) == 2, "the kill should have left the half-written temp file"
    # The next save breaks the dead process's lock at once, cleans up after it and works.
    again = ita_process(["set", "c.toml", "M4", "--status", "in-progress"], tmp_path)
    assert again.returncode == 0, again.stderr
    assert temp_files(tmp_path) == []
    assert _status(path, "M4") is Status.IN_PROGRESS
    assert _status(path, "M3") is (Status.DONE if point == "renamed" else Status.NOT_STARTED)


def test_a_temp_file_of_a_save_still_running_is_left_alone(tmp_path: Path) -> None:
    """Only temps of dead processes are stale: another live save's temp must survive ours."""
    path = write_checklist(tmp_path / "c.toml")
    with subprocess.Popen(["cat"], stdin=subprocess.PIPE) as alive:
        theirs = tmp_path / f"{atomic.TEMP_PREFIX}c.toml.{alive.pid}.x1{atomic.TEMP_SUFFIX}"
        theirs.write_bytes(b"half")
        loaded = _edit(path, "M1", Status.DONE)
        save(loaded)
        assert theirs.exists()
        alive.communicate()
    save(_edit(path, "M2", Status.DONE))
    assert not theirs.exists(), "once its process is gone, the temp is stale and goes"


# -- a save that cannot write ----------------------------------------------------------


def _full_after(chunks: int) -> object:
    """An os.write that writes *chunks* chunks and then finds the disk full."""
    real_write = os.write
    count = {"n": 0}

    def write(fd: int, data: bytes) -> int:
        count["n"] += 1
        if count["n"] > chunks:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    return write


def _failing(code: int) -> object:
    def fail(*args: object, **kwargs: object) -> object:
        raise OSError(code, os.strerror(code))

    return fail


FAULTS = {
    "disk full": ("os.write", errno.ENOSPC, "the disk is full"),
    "quota": ("os.write", errno.EDQUOT, "the disk quota is exceeded"),
    "read-only folder": ("tempfile.mkstemp", errno.EROFS, "the folder is read-only"),
    "no permission": ("tempfile.mkstemp", errno.EACCES, "permission denied"),
    "fsync fails": ("os.fsync", errno.EIO, "a disk input/output error"),
    "rename fails": ("os.replace", errno.EBUSY, "the file is in use"),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_failed_save_says_why_keeps_the_changes_and_can_be_retried(
    fault: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target, code, reason = FAULTS[fault]
    path = write_checklist(tmp_path / "c.toml", items=4, padding=4 * CHUNK)
    old = path.read_bytes()
    loaded = _edit(path, "M2", Status.DONE)
    module, name = target.split(".")
    # A full disk lets the first chunk through: the save fails half-way, as it would.
    replacement = _full_after(1) if code == errno.ENOSPC else _failing(code)
    monkeypatch.setattr({"os": os, "tempfile": tempfile}[module], name, replacement)
    monkeypatch.setenv("ITA_TUI_WRITE_CHUNK", str(CHUNK))
    with pytest.raises(UserError) as caught:
        save(loaded)
    monkeypatch.undo()
    assert caught.value.message == f"{path}: cannot save: {reason}; the changes are not saved"
    assert path.read_bytes() == old and temp_files(tmp_path) == []
    assert loaded.changed_items() == ["M2"]
    save(loaded)  # the retry, once the disk has room again
    assert _status(path, "M2") is Status.DONE


def test_a_read_only_folder_refuses_the_save(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """For real where chmod binds (not root); root is covered by the simulated EACCES above."""
    if is_root():
        pytest.skip("root writes into a read-only folder: covered by the simulated EACCES/EROFS")
    folder = tmp_path / "locked"
    folder.mkdir()
    path = write_checklist(folder / "c.toml")
    folder.chmod(0o555)
    try:
        ran = run_cli(["set", str(path), "M1", "--status", "done"], capsys)
    finally:
        folder.chmod(0o755)
    assert (ran.code, ran.err) == (1, f"{path}: cannot save: permission denied; the changes are not saved\n")


def test_a_read_only_file_is_not_replaced_even_by_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rename would replace a file marked read-only; the save honours the mark instead."""
    path = write_checklist(tmp_path / "c.toml")
    path.chmod(0o444)
    old = path.read_bytes()
    monkeypatch.chdir(tmp_path)
    ran = run_cli(["set", "c.toml", "M1", "--status", "done"], capsys)
    expected = "c.toml: cannot save: the file is read-only; the changes are not saved\n"
    assert (ran.code, ran.err) == (1, expected)
    assert path.read_bytes() == old and (path.stat().st_mode & 0o777) == 0o444
    path.chmod(0o644)


# -- two writers -----------------------------------------------------------------------


def test_a_save_over_someone_elses_change_is_refused_and_nothing_is_lost(tmp_path: Path) -> None:
    path = write_checklist(tmp_path / "c.toml")
    mine = _edit(path, "M1", Status.DONE)
    theirs = _edit(path, "M2", Status.IN_PROGRESS)
    save(theirs)
    assert disk_changed(mine)
    with pytest.raises(ConflictError):
        save(mine)
    assert _status(path, "M2") is Status.IN_PROGRESS and _status(path, "M1") is Status.NOT_STARTED
    assert mine.changed_items() == ["M1"]  # kept, to merge and retry


def test_set_reloads_under_the_lock_so_a_change_since_is_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_checklist(tmp_path / "c.toml")
    save(_edit(path, "M2", Status.DONE))
    assert run_cli(["set", str(path), "M1", "--status", "done"], capsys).code == 0
    assert (_status(path, "M1"), _status(path, "M2")) == (Status.DONE, Status.DONE)


def test_the_file_lock_excludes_other_threads_too(tmp_path: Path) -> None:
    """Re-entry is per thread: another thread of the same process must wait its turn."""
    path = tmp_path / "c.toml"
    entered, release = threading.Event(), threading.Event()

    def other() -> None:
        with file_lock(path):
            entered.set()

    with file_lock(path):
        thread = threading.Thread(target=other)
        thread.start()
        # A wrongly admitted thread enters at once; a blocked one never does while we hold the lock.
        assert not entered.wait(0.5)
        release.set()
    thread.join(10)
    assert entered.is_set()


# -- backups and links -------------------------------------------------------------------


def test_backup_keeps_the_previous_version_only_when_asked(tmp_path: Path) -> None:
    path = write_checklist(tmp_path / "c.toml")
    first = path.read_bytes()
    save(_edit(path, "M1", Status.DONE))
    backup = tmp_path / "c.toml~"
    assert not backup.exists()
    second = path.read_bytes()
    save(_edit(path, "M2", Status.DONE), backup=True)
    assert backup.read_bytes() == second != first
    assert temp_files(tmp_path) == []


def test_saving_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = write_checklist(tmp_path / "real.toml")
    link = tmp_path / "link.toml"
    link.symlink_to(real.name)
    save(_edit(link, "M1", Status.DONE))
    assert link.is_symlink()
    assert _status(real, "M1") is Status.DONE


def test_atomic_write_into_a_missing_folder_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        atomic_write(tmp_path / "nope" / "c.toml", checklist_text().encode())
    assert caught.value.message.startswith(f"{tmp_path / 'nope' / 'c.toml'}: cannot save: ")

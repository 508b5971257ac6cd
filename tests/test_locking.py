"""The save lock: keyed on the real file, shared across machines, broken only when its holder is dead.

Issue 21 point 1: two writers reaching one file by different paths (a symlink
in another folder, ``a/../a/c.toml``) must not lose each other's edits; the
old lock was taken in the folder of the path *as given*.  Issue 16: the lock
is a file beside the checklist, so machines sharing a folder see it, and a
lock left by a dead process -- on this machine or another -- is broken.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path, PureWindowsPath

import pytest
from helpers_bad import ita_process, python_path, temp_files, write_checklist

from ita_tui.checklist_file import load
from ita_tui.errors import UserError
from ita_tui.fs import locking, platform
from ita_tui.fs.atomic import atomic_write
from ita_tui.fs.locking import LockInfo, file_lock, lock_path, real_file

LOCK = ".ita-tui-c.toml.lock"


def _notes(path: Path, item_id: str) -> str:
    item = load(path).checklist.find(item_id)
    assert item is not None
    return item.notes


def _status(path: Path, item_id: str) -> str:
    item = load(path).checklist.find(item_id)
    assert item is not None
    return item.status.value


# -- one lock per real file ----------------------------------------------------------------


def test_every_path_to_a_file_names_the_same_lock(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    real = write_checklist(tmp_path / "a" / "c.toml")
    link = tmp_path / "b" / "link.toml"
    link.symlink_to(Path("..") / "a" / "c.toml")
    folder_link = tmp_path / "a-too"
    folder_link.symlink_to("a")
    spellings = [real, link, tmp_path / "a" / ".." / "a" / "c.toml", folder_link / "c.toml"]
    assert {lock_path(real_file(path)) for path in spellings} == {tmp_path / "a" / LOCK}


def test_a_unc_path_and_a_drive_letter_lock_beside_the_file() -> None:
    """Only the name changes: \\\\server\\share\\... and Z:\\... reach one lock file on the server."""
    unc = PureWindowsPath(r"\\server\share\ITA\ปี 2570\รายการ ITA.toml")
    assert lock_path(unc) == PureWindowsPath(r"\\server\share\ITA\ปี 2570\.ita-tui-รายการ ITA.toml.lock")
    drive = PureWindowsPath(r"Z:\ITA\ปี 2570\รายการ ITA.toml")
    assert lock_path(drive).parent == drive.parent


def test_a_very_long_thai_name_gets_a_lock_name_the_file_system_takes(tmp_path: Path) -> None:
    name = "รายการตรวจสอบ" * 6 + ".toml"  # 80 Thai letters: 240 bytes, near the 255-byte limit
    lock = lock_path(tmp_path / name)
    assert len(lock.name.encode("utf-8")) < 255 and lock.parent == tmp_path
    with file_lock(tmp_path / name):
        assert lock.exists()
    assert not lock.exists()


_WRITER = textwrap.dedent(
    """
    import sys
    from ita_tui.checklist_file import load
    from ita_tui.cli import main
    path, item, tag, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    print("ready", flush=True)
    sys.stdin.readline()  # all start together
    lost = []
    for number in range(count):
        if number:
            # Our previous edit, reported saved, must still be there: else someone saved over it.
            notes = load(path).checklist.find(item).notes
            if notes != f"{tag} {number - 1}":
                lost.append(number - 1)
        if main(["set", path, item, "--note", f"{tag} {number}"]) != 0:
            sys.exit(3)
    print("lost", *lost, flush=True)
    """
)


def _run_writers(writers: list[tuple[Path, str, str]], count: int, cwd: Path) -> list[str]:
    """Run one `set` loop per (path, item, tag) at once; what each reports as lost."""
    env = {**os.environ, "PYTHONPATH": python_path()}
    started = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), item, tag, str(count)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=cwd,
        )
        for path, item, tag in writers
    ]
    for writer in started:
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    for writer in started:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    results = [writer.communicate(timeout=180) for writer in started]
    assert [writer.returncode for writer in started] == [0] * len(started), [err for _, err in results]
    return [out.strip().splitlines()[-1] for out, _err in results]


@pytest.mark.parametrize("spelling", ["the same path", "symlink in another folder", "a/../a path"])
def test_writers_on_different_items_lose_nothing_by_any_path(spelling: str, tmp_path: Path) -> None:
    """Issue 21, point 1: through a symlink the same loops lost 65 of 400 edits, 16 after printing "saved"."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    real = write_checklist(tmp_path / "a" / "c.toml", items=3)
    if spelling.startswith("symlink"):
        other = tmp_path / "b" / "link.toml"
        other.symlink_to(Path("..") / "a" / "c.toml")
    elif spelling.startswith("a/.."):
        other = tmp_path / "b" / ".." / "a" / "c.toml"
    else:
        other = real
    count = 30
    reports = _run_writers([(real, "M1", "A"), (other, "M2", "B")], count, tmp_path / "b")
    assert reports == ["lost", "lost"]
    assert (_notes(real, "M1"), _notes(real, "M2")) == (f"A {count - 1}", f"B {count - 1}")
    assert temp_files(tmp_path / "a") == [] and temp_files(tmp_path / "b") == []
    assert (tmp_path / "b" / "link.toml").is_symlink() or spelling != "symlink in another folder"


def test_the_lock_is_re_entrant_within_a_thread_and_removed_after(tmp_path: Path) -> None:
    path = write_checklist(tmp_path / "c.toml")
    with file_lock(path):
        with file_lock(tmp_path / "." / "c.toml"):
            assert (tmp_path / LOCK).exists()
        assert (tmp_path / LOCK).exists(), "the inner block must not release the outer lock"
    assert temp_files(tmp_path) == []


def test_a_live_holder_beats_and_is_waited_for_not_broken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A holder busy for longer than the stale time keeps its lock: its heartbeat says it is alive."""
    monkeypatch.setattr(locking, "HEARTBEAT", 0.05)
    monkeypatch.setenv("ITA_TUI_LOCK_STALE", "0.4")
    path = tmp_path / "c.toml"
    order: list[str] = []
    held = threading.Event()

    def holder() -> None:
        with file_lock(path):
            held.set()
            beats = [LockInfo.loads((tmp_path / LOCK).read_bytes())]
            time.sleep(1.0)  # two and a half stale periods
            beats.append(LockInfo.loads((tmp_path / LOCK).read_bytes()))
            order.append("holder done")
            assert beats[0] is not None and beats[1] is not None and beats[1].beat > beats[0].beat

    thread = threading.Thread(target=holder)
    thread.start()
    assert held.wait(10)
    with file_lock(path):
        order.append("waiter in")
    thread.join(10)
    assert order == ["holder done", "waiter in"]


# -- stale locks ----------------------------------------------------------------------------


def _plant(folder: Path, *, host: str, pid: int, process: str = "elsewhere") -> bytes:
    info = LockInfo(host, pid, process, "t0k3n", "2026-03-01T09:15:00", 7)
    data = info.dumps()
    (folder / LOCK).write_bytes(data)
    return data


def _dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    return int(done.stdout)


def test_a_lock_left_by_a_dead_process_here_is_broken_at_once(tmp_path: Path) -> None:
    path = write_checklist(tmp_path / "c.toml")
    _plant(tmp_path, host=platform.host_name(), pid=_dead_pid())
    started = time.monotonic()
    ran = ita_process(["set", "c.toml", "M1", "--note", "after a crash"], tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert time.monotonic() - started < 10  # not the 10 s stale time: known dead at once
    assert _notes(path, "M1") == "after a crash" and temp_files(tmp_path) == []


def test_a_lock_left_by_a_dead_process_on_another_machine_is_broken_once_silent(tmp_path: Path) -> None:
    """Another machine's pid means nothing here: its lock goes once it has not changed for the stale time."""
    path = write_checklist(tmp_path / "c.toml")
    _plant(tmp_path, host="KORAT-PC-07", pid=os.getpid())  # a pid alive here, but another machine's
    started = time.monotonic()
    ran = ita_process(
        ["set", "c.toml", "M1", "--note", "ไม่รอตลอดไป"], tmp_path, {"ITA_TUI_LOCK_STALE": "0.5"}
    )
    waited = time.monotonic() - started
    assert ran.returncode == 0, ran.stderr
    assert waited >= 0.5, "a lock from another machine must be given the stale time"
    assert _notes(path, "M1") == "ไม่รอตลอดไป" and temp_files(tmp_path) == []


def test_a_half_written_lock_from_another_machine_goes_once_silent(tmp_path: Path) -> None:
    path = write_checklist(tmp_path / "c.toml")
    (tmp_path / LOCK).write_bytes(b'{"host": "KORAT')  # the machine died while writing it
    ran = ita_process(["set", "c.toml", "M1", "--status", "done"], tmp_path, {"ITA_TUI_LOCK_STALE": "0.3"})
    assert ran.returncode == 0, ran.stderr
    assert temp_files(tmp_path) == [] and _status(path, "M1") == "done"


def test_a_heartbeat_read_half_written_does_not_hide_who_holds_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The holder rewrites its lock file at each heartbeat; a waiter's last read may meet it
    half written. The refusal still names the holder the waiter saw whole before."""
    path = write_checklist(tmp_path / "c.toml")
    whole = _plant(tmp_path, host="KORAT-PC-07", pid=4242)
    reads = iter(range(1_000_000))

    def read(lock: Path) -> bytes:
        number = next(reads)
        if number == 0:
            return whole
        return whole[: len(whole) // 2] + str(number).encode()  # torn, and changing: never stale

    monkeypatch.setattr(locking, "_read", read)
    monkeypatch.setenv("ITA_TUI_LOCK_WAIT", "0.3")
    with pytest.raises(UserError) as refused, file_lock(path):
        pass
    assert "KORAT-PC-07 (process 4242) has been saving it since 09:15:00" in refused.value.message


def test_a_live_lock_on_another_machine_is_waited_for_then_the_save_refused(tmp_path: Path) -> None:
    """Its heartbeat keeps changing: never broken; after the wait limit, one line names the holder."""
    path = write_checklist(tmp_path / "c.toml")
    before = path.read_bytes()
    planted = _plant(tmp_path, host="KORAT-PC-07", pid=4242)
    stop = threading.Event()

    def beat() -> None:
        number = 0
        while not stop.wait(0.05):
            number += 1
            info = LockInfo("KORAT-PC-07", 4242, "elsewhere", "t0k3n", "2026-03-01T09:15:00", number)
            (tmp_path / LOCK).write_bytes(info.dumps())

    thread = threading.Thread(target=beat)
    thread.start()
    try:
        ran = ita_process(
            ["set", "c.toml", "M1", "--status", "done"],
            tmp_path,
            {"ITA_TUI_LOCK_STALE": "0.4", "ITA_TUI_LOCK_WAIT": "1.5"},
        )
    finally:
        stop.set()
        thread.join()
    assert ran.returncode == 1
    assert ran.stderr == (
        "c.toml: cannot save: KORAT-PC-07 (process 4242) has been saving it since 09:15:00; "
        "try again later; the changes are not saved\n"
    )
    assert path.read_bytes() == before
    assert json.loads((tmp_path / LOCK).read_bytes())["host"] == "KORAT-PC-07", "their lock stays"
    assert planted


def test_a_lock_of_an_earlier_process_with_our_pid_is_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Process ids are reused (containers restart at pid 1): the process token tells the two apart."""
    # Broken at once, for what it is: not after a silence (the wait is shorter than the stale time).
    monkeypatch.setenv("ITA_TUI_LOCK_STALE", "60")
    monkeypatch.setenv("ITA_TUI_LOCK_WAIT", "1")
    _plant(tmp_path, host=platform.host_name(), pid=os.getpid(), process="an-earlier-one")
    with file_lock(tmp_path / "c.toml"):
        info = LockInfo.loads((tmp_path / LOCK).read_bytes())
        assert info is not None and info.process != "an-earlier-one"


def test_breaking_removes_only_the_very_lock_judged_stale(tmp_path: Path) -> None:
    """Two waiters breaking one stale lock: the second must not remove the fresh lock the first took."""
    lock = tmp_path / LOCK
    stale = _plant(tmp_path, host="KORAT-PC-07", pid=1)
    fresh = LockInfo("NAN-PC-02", 77, "p", "new", "2026-03-01T09:16:00").dumps()
    lock.write_bytes(fresh)  # taken by someone else since we judged it
    locking._break(lock, stale, locking._Watch(), 10.0)
    assert lock.read_bytes() == fresh
    assert temp_files(tmp_path) == [LOCK], "the breaker's own lock is gone too"
    locking._break(lock, fresh, locking._Watch(), 10.0)
    assert not lock.exists() and temp_files(tmp_path) == []


def test_the_folder_without_write_permission_still_saves_nothing_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No lock file can be made in a read-only folder: the save goes on unlocked and fails with its reason."""
    path = write_checklist(tmp_path / "c.toml")
    real_open = os.open

    def read_only(name: object, flags: int, *args: object) -> int:
        if flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(UserError, match="cannot save: permission denied"), file_lock(path):
        atomic_write(path, b"x")

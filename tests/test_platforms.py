"""Runs where agencies work (issue 16): Windows, macOS, shared folders; and issue 21 points 5, 6 and 9.

Windows itself is simulated (tests/winsim.py): these tests install the parts
they need; ``pytest --simulate-windows`` runs the whole suite under it.
"""

from __future__ import annotations

import difflib
import os
import pkgutil
import re
import shutil
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import winsim
from helpers_bad import REPO, ita_process, python_path, run_cli, temp_files, write_checklist

import ita_tui
from ita_tui import edits, save_worker
from ita_tui.checklist_file import load
from ita_tui.errors import UserError
from ita_tui.fs import atomic, messages, platform
from ita_tui.fs.messages import error_text
from ita_tui.model import Status
from ita_tui.saving import save

BUNDLED = REPO / "ita_tui" / "checklists" / "fy2566.toml"
WHEN = datetime(2026, 11, 25, 10, 30, tzinfo=timezone(timedelta(hours=7)))


@pytest.fixture
def windows(tmp_path: Path) -> Iterator[Path]:
    """This test runs on a simulated Windows; the user's AppData folder is the fixture's value."""
    appdata = tmp_path / "windows-user"
    patches = winsim.install(appdata)
    try:
        yield appdata
    finally:
        patches.undo()


# -- nothing platform-only on any import path -------------------------------------------------


def test_every_module_of_the_package_imports_without_fcntl() -> None:
    names = sorted(
        module.name for module in pkgutil.walk_packages(ita_tui.__path__, "ita_tui.") if module.name
    )
    assert "ita_tui.fs.locking" in names and "ita_tui.app.app" in names
    script = (
        "import importlib, sys\n"
        "for name in ('fcntl', 'termios', 'msvcrt', 'winreg', '_winapi'): sys.modules[name] = None\n"
        "for name in sys.argv[1:]: importlib.import_module(name)\n"
        "print('imported', len(sys.argv) - 1)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, *[n for n in names if n != "ita_tui.__main__"]],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": python_path()},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"imported {len(names) - 1}\n"


def test_no_posix_only_name_outside_the_platform_module() -> None:
    """fcntl, SIGKILL, os.kill and the like only in ita_tui/fs/platform.py, beside its Windows branch."""
    posix_only = re.compile(
        r"\bimport (fcntl|termios|pwd|grp|resource)\b|\bSIGKILL\b|\bos\.(kill|getuid|geteuid|uname)\("
    )
    offenders = [
        f"{path.relative_to(REPO)}:{number}"
        for path in sorted((REPO / "ita_tui").rglob("*.py"))
        if path.name != "platform.py"
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if posix_only.search(line)
    ]
    assert offenders == []


def test_the_issue_command_saves_with_fcntl_hidden(tmp_path: Path) -> None:
    """Issue 16's "done when", word for word, on a copy of the bundled checklist."""
    shutil.copy(BUNDLED, tmp_path / "x.toml")
    command = (
        "import sys; sys.modules['fcntl'] = None; import runpy; "
        "sys.argv = ['ita-tui', 'set', 'x.toml', 'M1', "
        "'--status', 'done', '--lang', 'en']; runpy.run_module('ita_tui', run_name='__main__')"
    )
    done = subprocess.run(
        [sys.executable, "-c", command],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": python_path()},
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "saved: status of M1\n", "")
    before, after = (
        BUNDLED.read_text("utf-8").splitlines(),
        (tmp_path / "x.toml").read_text("utf-8").splitlines(),
    )
    diff = [line for line in difflib.ndiff(before, after) if line[:1] in "+-"]
    assert diff[:2] == ['- status = "not-started"', '+ status = "done"'] and len(diff) == 3
    assert diff[2].startswith("+ updated = ")
    assert temp_files(tmp_path) == []


def test_a_windows_save_never_opens_a_folder_and_never_signals_a_process(
    windows: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    real_open = os.open

    def spy(path: object, flags: int, *args: object) -> int:
        opened.append(str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    path = write_checklist(tmp_path / "c.toml")
    # A temp of another, live process (ours: the pid check goes through kernel32, never os.kill).
    theirs = tmp_path / f".ita-tui-c.toml.{os.getppid()}.x{atomic.TEMP_SUFFIX}"
    theirs.write_bytes(b"half")
    loaded = load(path)
    edits.set_status(loaded.checklist.items()[0], Status.DONE, WHEN)
    # Undone before the simulation is: undone after it, the spy's undo would put the simulated
    # os.open back for every later test (which then could not open a folder at all).
    with monkeypatch.context() as patch:
        patch.setattr(os, "open", spy)
        save(loaded)
    assert str(tmp_path) not in opened, "a folder was opened to fsync it"
    assert theirs.exists()


def test_process_checks_on_windows_go_through_kernel32(windows: Path) -> None:
    assert platform.pid_alive(os.getpid())
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    assert not platform.pid_alive(int(finished.stdout))
    assert platform.host_name() == "WIN-SIMULATED"


class _FakeKernel32:
    """kernel32 answering one way, to see what :func:`platform.pid_alive` makes of each answer."""

    def __init__(self, *, handle: int, last_error: int = 0, exit_code: int | None = 259) -> None:
        self.handle, self.last_error, self.exit_code = handle, last_error, exit_code
        self.asked: list[int] = []
        self.closed: list[int] = []

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int:
        self.asked.append(access)
        return self.handle

    def GetExitCodeProcess(self, handle: int, code: Any) -> int:
        if self.exit_code is None:
            return 0  # the call failed
        code._obj.value = self.exit_code
        return 1

    def CloseHandle(self, handle: int) -> int:
        self.closed.append(handle)
        return 1


@pytest.mark.parametrize(
    ("kernel32", "alive"),
    [
        (_FakeKernel32(handle=7, exit_code=259), True),  # STILL_ACTIVE
        (_FakeKernel32(handle=7, exit_code=0), False),  # exited
        (_FakeKernel32(handle=7, exit_code=None), True),  # no exit code to be had: taken for alive
        (_FakeKernel32(handle=0, last_error=5), True),  # access denied: another user's, alive
        (_FakeKernel32(handle=0, last_error=87), False),  # no such process
    ],
    ids=["running", "exited", "no exit code", "another user's", "none such"],
)
def test_what_windows_answers_about_a_process_decides_if_it_is_alive(
    kernel32: _FakeKernel32, alive: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ctypes

    monkeypatch.setattr(platform, "WINDOWS", True)
    monkeypatch.setattr(ctypes, "WinDLL", lambda name, use_last_error: kernel32, raising=False)
    monkeypatch.setattr(ctypes, "get_last_error", lambda: kernel32.last_error, raising=False)
    assert platform.pid_alive(4242) is alive
    assert kernel32.asked == [0x1000], "PROCESS_QUERY_LIMITED_INFORMATION: all a lock check needs"
    assert kernel32.closed == ([7] if kernel32.handle else [])


def test_no_process_has_an_id_below_one(monkeypatch: pytest.MonkeyPatch) -> None:
    # os.kill(0, 0) would ask about our own process group, and succeed.
    assert platform.pid_alive(0) is False and platform.pid_alive(-3) is False
    assert platform.pid_alive(os.getpid()) is True


@pytest.mark.parametrize(
    ("error", "alive"), [(PermissionError(1, "not yours"), True), (OSError(22, "invalid"), False)]
)
def test_a_process_we_may_not_signal_is_alive_and_a_refused_check_is_not(
    error: OSError, alive: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if winsim.active():
        pytest.skip("Windows asks the kernel (OpenProcess), not a signal: tested with a fake kernel32 above")

    def kill(pid: int, signal: int) -> None:
        raise error

    monkeypatch.setattr(os, "kill", kill)
    assert platform.pid_alive(4242) is alive


def test_the_machine_name_without_uname_or_computername_comes_from_the_network_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import socket

    monkeypatch.delattr(os, "uname", raising=False)
    monkeypatch.delenv("COMPUTERNAME", raising=False)
    monkeypatch.setattr(socket, "gethostname", lambda: "NAN-PC-02")
    assert platform.host_name() == "NAN-PC-02"


@pytest.mark.parametrize("winerror", [5, 32, 33])
def test_access_sharing_and_lock_violations_mean_another_program_has_the_file(winerror: int) -> None:
    error = OSError(13, "refused")
    error.winerror = winerror  # type: ignore[attr-defined]
    assert platform.in_use(error)


def test_other_windows_errors_and_posix_errors_are_not_a_file_in_use() -> None:
    error = OSError(2, "not found")
    error.winerror = 2  # type: ignore[attr-defined]
    assert not platform.in_use(error) and not platform.in_use(OSError(13, "refused"))


def test_a_save_that_may_not_keep_the_owner_keeps_the_group(monkeypatch: pytest.MonkeyPatch) -> None:
    if not hasattr(os, "chown"):
        pytest.skip("Windows has no owner and group to keep (os.chown)")
    calls: list[tuple[str, int, int]] = []

    def chown(path: str, uid: int, gid: int) -> None:
        calls.append((path, uid, gid))
        if uid != -1:
            raise PermissionError(1, "only root gives files away")

    monkeypatch.setattr(os, "chown", chown)
    platform.chown_like("c.toml", 4321, 4322)
    assert calls == [("c.toml", 4321, 4322), ("c.toml", -1, 4322)]


def test_a_file_in_use_is_retried_with_pauses_that_double_up_to_a_quarter_second(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No real waits: the pauses are recorded, and the seventh try finds the file closed."""
    tries: list[str] = []
    pauses: list[float] = []

    def replace(source: str, target: Path) -> None:
        tries.append(source)
        if len(tries) < 7:
            error = PermissionError(13, "The process cannot access the file", str(target))
            error.winerror = 32  # type: ignore[attr-defined]
            raise error

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr("ita_tui.fs.atomic.time.sleep", pauses.append)
    atomic.replace_file("temp", Path("c.toml"))
    assert len(tries) == 7
    assert pauses == [0.02, 0.04, 0.08, 0.16, 0.25, 0.25]


def test_an_error_without_a_number_is_reported_in_its_own_words(tmp_path: Path) -> None:
    error = atomic.save_error(tmp_path / "c.toml", OSError("the share went away"))
    assert (
        error.message == f"{tmp_path / 'c.toml'}: cannot save: the share went away; the changes are not saved"
    )


# -- a file held open by another program --------------------------------------------------------


def test_a_file_held_open_is_retried_then_refused_and_the_changes_kept(
    windows: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic, "REPLACE_RETRY_SECONDS", 0.2)
    path = write_checklist(tmp_path / "c.toml")
    before = path.read_bytes()
    loaded = load(path)
    edits.set_notes(loaded.checklist.items()[0], "ยังไม่ได้บันทึก", WHEN)
    with winsim.hold_open(path), pytest.raises(UserError) as caught:
        save(loaded)
    assert caught.value.message == (
        f"{path}: cannot save: another program has the file open; close it there and save again; "
        "the changes are not saved"
    )
    assert error_text(caught.value, "th").startswith(f"{path}: บันทึกไม่ได้ เพราะโปรแกรมอื่นเปิดไฟล์นี้อยู่")
    assert caught.value.exit_code == 1
    assert path.read_bytes() == before and temp_files(tmp_path) == []
    assert loaded.changed_items() == ["M1"]
    save(loaded)  # closed in the other program: the same changes save
    assert load(path).checklist.items()[0].notes == "ยังไม่ได้บันทึก"


def test_a_file_held_open_for_a_moment_saves_after_a_retry(windows: Path, tmp_path: Path) -> None:
    """An antivirus scan or a sync client holds the file for a moment: the save waits it out."""
    path = write_checklist(tmp_path / "c.toml")
    loaded = load(path)
    edits.set_status(loaded.checklist.items()[1], Status.DONE, WHEN)
    with winsim.hold_open(path):
        threading.Timer(0.3, winsim.release, [path]).start()
        save(loaded)
    assert load(path).checklist.items()[1].status is Status.DONE and temp_files(tmp_path) == []


def test_set_on_a_file_held_open_says_so_in_one_line(
    windows: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(atomic, "REPLACE_RETRY_SECONDS", 0.1)
    path = write_checklist(tmp_path / "ปี 2570 รายการ.toml")
    monkeypatch.chdir(tmp_path)
    with winsim.hold_open(path):
        ran = run_cli(["set", path.name, "M1", "--status", "done"], capsys)
    assert ran.code == 1 and ran.err.startswith(
        "ปี 2570 รายการ.toml: cannot save: another program has the file open"
    )
    assert temp_files(tmp_path) == []


def test_exports_claim_their_name_where_there_are_no_hard_links(
    windows: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_checklist(tmp_path / "c.toml")
    monkeypatch.chdir(tmp_path)
    first = run_cli(["export", "c.toml", "-o", "out.txt"], capsys)
    again = run_cli(["export", "c.toml", "-o", "out.txt"], capsys)
    assert first.code == 0 and (tmp_path / "out.txt").read_text("utf-8").strip()
    assert again.code == 2 and "already exists" in again.err
    assert temp_files(tmp_path) == []


# -- the user's folders -------------------------------------------------------------------------


def test_windows_folders_are_appdata_not_dot_config(windows: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ita_tui import settings

    for name in ("ITA_TUI_CONFIG_DIR", "ITA_TUI_DATA_DIR", "ITA_TUI_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)
    roaming, local = windows / "AppData" / "Roaming", windows / "AppData" / "Local"
    assert settings.config_dir() == roaming / "ita-tui"
    # Settings and data share a folder on Windows: checklists get their own, so settings.toml is not listed.
    assert settings.data_dir() == roaming / "ita-tui" / "checklists"
    assert settings.cache_dir() == local / "ita-tui" / "Cache"
    settings.save_settings(settings.Settings(language="th"))
    assert (roaming / "ita-tui" / "settings.toml").exists()
    assert settings.load_settings() == (settings.Settings(language="th"), None)
    monkeypatch.setenv("ITA_TUI_CONFIG_DIR", str(windows / "mine"))
    assert settings.config_dir() == windows / "mine"


def test_a_settings_file_that_is_a_fifo_is_not_read(tmp_path: Path) -> None:
    from ita_tui.settings import Settings, load_settings

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "settings.toml"
    os.mkfifo(fifo)
    settings, warning = load_settings(fifo)
    assert settings == Settings() and warning is not None and "not a regular file" in str(warning)


# -- the console --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "stream"),
    [
        (["show", "x.toml"], "stdout"),
        (["export", "x.toml", "-o", "-"], "stdout"),
        (["show", "ไม่มีไฟล์นี้.toml"], "stderr"),
    ],
)
def test_thai_reaches_a_console_in_a_windows_code_page_as_utf8(
    tmp_path: Path, args: list[str], stream: str
) -> None:
    """Windows pipes and redirections use the ANSI code page (cp1252 here): Thai must come out, as UTF-8."""
    shutil.copy(BUNDLED, tmp_path / "x.toml")
    done = subprocess.run(
        [sys.executable, "-m", "ita_tui", *args],
        cwd=tmp_path,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": python_path(), "PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"},
        timeout=60,
        check=False,
    )
    text = getattr(done, stream).decode("utf-8")
    assert "internal error" not in done.stderr.decode("utf-8", "replace")
    assert "มาตรการ" in text or "ไม่มีไฟล์นี้" in text
    assert done.returncode == (2 if stream == "stderr" else 0)


# -- what is not a regular file (issue 21, point 5) ---------------------------------------------


COMMANDS = [
    ["validate", "f.toml"],
    ["show", "f.toml"],
    ["export", "f.toml", "-o", "out.txt"],
    ["score", "f.toml"],
    ["set", "f.toml", "M1", "--status", "done"],
    ["import", "f.toml", "-o", "out.toml"],
    ["f.toml"],  # the app: refused before Textual starts
]


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    path = tmp_path / "f.toml"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("writer", [False, True], ids=["no writer", "a writer waiting"])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: args[0])
def test_a_fifo_is_refused_at_once_by_every_command(fifo: Path, args: list[str], writer: bool) -> None:
    feeder = None
    if writer:
        # A writer blocks until a reader opens the FIFO: it is never opened, so it waits until killed.
        feeder = subprocess.Popen(["sh", "-c", f"cat '{BUNDLED}' > '{fifo}'"])
    try:
        ran = ita_process(args, fifo.parent, timeout=30)
    finally:
        if feeder is not None:
            feeder.kill()
            feeder.wait()
    assert ran.returncode == 2
    assert (
        ran.stderr == "f.toml: not a regular file but a named pipe (FIFO); it is neither read nor written\n"
    )
    assert sorted(p.name for p in fifo.parent.iterdir()) == ["f.toml"], "no lock, temp or output left"


def test_a_set_refused_on_a_fifo_holds_no_lock_over_its_folder(fifo: Path) -> None:
    """The old `set` on a FIFO held the folder's lock, and every other `set` there hung behind it."""
    write_checklist(fifo.parent / "c.toml")
    blocked = subprocess.Popen(
        [sys.executable, "-m", "ita_tui", "set", "f.toml", "M1", "--status", "done"],
        cwd=fifo.parent,
        env={**os.environ, "PYTHONPATH": python_path()},
        stderr=subprocess.PIPE,
    )
    other = ita_process(["set", "c.toml", "M1", "--status", "done"], fifo.parent, timeout=30)
    assert blocked.wait(30) == 2 and other.returncode == 0, other.stderr
    assert blocked.stderr is not None
    blocked.stderr.close()


@pytest.mark.parametrize(
    ("mode", "kind"),
    [
        (stat.S_IFIFO, "a named pipe (FIFO)"),
        (stat.S_IFCHR, "a device"),
        (stat.S_IFBLK, "a device"),
        (stat.S_IFSOCK, "a socket"),
        (0, "a special file"),  # a type the stat module does not name (a Solaris door, say)
    ],
)
def test_the_refusal_names_what_kind_of_file_it_is(mode: int, kind: str) -> None:
    """Each kind of special file is named (the command tests above can make only FIFOs)."""
    error = messages.not_regular("f.toml", mode)
    assert error.message == f"f.toml: not a regular file but {kind}; it is neither read nor written"


# -- bytes that are not UTF-8 in an argument (issue 21, point 6) ----------------------------------


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["set", "c.toml", "M1", "--note", b"bad\xffbyte"], "--note"),
        (["set", "c.toml", "M1", "--status", b"d\xe9ne"], "--status"),
        (["set", "c.toml", b"M\xff", "--status", "done"], "ID"),
        (["set", "c.toml", "M1", "--score", b"9\xff"], "--score"),
        (["show", "c.toml", "--status", b"\xe0\xb8"], "--status"),
        (["new", "out.toml", "--template", b"fy\xff"], "--template"),
    ],
)
def test_an_argument_that_is_not_utf8_is_refused_in_one_line(
    tmp_path: Path, args: list[str | bytes], name: str
) -> None:
    path = write_checklist(tmp_path / "c.toml")
    before = path.read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "ita_tui", *args],
        cwd=tmp_path,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": python_path()},
        timeout=60,
        check=False,
    )
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2, err
    assert err.startswith(f"{name}: not valid UTF-8 text (byte 0x") and err.count("\n") == 1
    assert path.read_bytes() == before and not (tmp_path / "out.toml").exists()


def test_a_file_name_that_is_not_utf8_still_works(tmp_path: Path) -> None:
    """A file name may hold any bytes on Linux: it is a name, not text to store."""
    name = b"caf\xe9 \xe0.toml"
    write_checklist(Path(os.fsdecode(bytes(tmp_path) + b"/" + name)))
    env = {**os.environ, "PYTHONPATH": python_path()}
    for args in (["set", name, "M1", "--status", "done"], ["export", name, "-o", b"out\xe9.txt"]):
        done = subprocess.run(
            [sys.executable, "-m", "ita_tui", *args], cwd=tmp_path, capture_output=True, env=env, timeout=60
        )
        assert done.returncode == 0, done.stderr
        done.stdout.decode("utf-8")  # printed, and printable: the odd bytes shown as U+FFFD
    assert (tmp_path / os.fsdecode(b"out\xe9.txt")).exists()


# -- decided and documented (issue 21, point 9) -------------------------------------------------


@pytest.mark.parametrize("how", ["symlink", "hard link", "dot-dot path", "same name"])
def test_export_force_never_overwrites_the_checklist_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    path = write_checklist(tmp_path / "c.toml")
    before = path.read_bytes()
    (tmp_path / "sub").mkdir()
    target = {
        "symlink": "sub/link.toml",
        "hard link": "hard.toml",
        "dot-dot path": "sub/../c.toml",
        "same name": "c.toml",
    }[how]
    if how == "symlink":
        (tmp_path / target).symlink_to("../c.toml")
    if how == "hard link":
        if not hasattr(os, "link") or winsim.active():
            pytest.skip("no hard links here")
        os.link(path, tmp_path / target)
    monkeypatch.chdir(tmp_path)
    ran = run_cli(["export", "c.toml", "-o", target, "--force"], capsys)
    assert (ran.code, ran.err) == (
        2,
        f"{Path(target)}: is the input c.toml itself; not overwritten (choose another name)\n",
    )
    assert path.read_bytes() == before


def test_a_tab_in_a_title_is_one_space_so_rows_keep_their_border(tmp_path: Path) -> None:
    text = (
        write_checklist(tmp_path / "c.toml")
        .read_text("utf-8")
        .replace('title = "มาตรการที่ 1"', 'title = "แผน\\tงาน\\t1"')
    )
    (tmp_path / "c.toml").write_text(text, "utf-8")
    checklist = load(tmp_path / "c.toml").checklist
    assert checklist.items()[0].title == "แผน งาน 1"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root may give a file away")
def test_a_save_by_another_user_keeps_the_files_owner_and_group(tmp_path: Path) -> None:
    """A save replaces the file; root's save gives the new one the old owner and group back."""
    if not hasattr(os, "chown"):
        pytest.skip("no owners to keep here (Windows)")
    path = write_checklist(tmp_path / "c.toml")
    os.chown(path, 4321, 4322)
    loaded = load(path)
    edits.set_status(loaded.checklist.items()[0], Status.DONE, WHEN)
    save(loaded)
    info = path.stat()
    assert (info.st_uid, info.st_gid) == (4321, 4322)


# -- shared folders: Thai names and spaces, CRLF and BOM from Notepad ------------------------------


def test_thai_names_and_spaces_in_every_part_of_the_path(tmp_path: Path) -> None:
    folder = tmp_path / "งาน ITA" / "ปีงบประมาณ 2570"
    folder.mkdir(parents=True)
    path = write_checklist(folder / "แบบ ITA ของกอง.toml")
    ran = ita_process(["set", str(path), "M2", "--note", "ส่งแล้ว"], tmp_path)
    assert ran.returncode == 0, ran.stderr
    exported = ita_process(["export", str(path)], folder)
    assert exported.returncode == 0 and (folder / exported.stdout.strip()).exists()
    assert temp_files(folder) == []


_EDITS = {
    "status": lambda item: edits.set_status(item, Status.IN_PROGRESS, WHEN),
    "one-line note": lambda item: edits.set_notes(item, "ส่งเอกสาร 'ครบ' แล้ว", WHEN),
    "note of lines": lambda item: edits.set_notes(item, "บรรทัดแรก\nบรรทัดสอง\n", WHEN),
    "score": lambda item: edits.set_score(item, 87.5, WHEN),
    "score cleared": lambda item: edits.set_score(item, None, WHEN),
}


@pytest.mark.parametrize("saver", ["in process", "child process"])
@pytest.mark.parametrize("edit", list(_EDITS))
def test_crlf_and_bom_from_notepad_round_trip_through_every_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: str, saver: str
) -> None:
    """The same edit on the LF file and on Notepad's CRLF+BOM copy: the same bytes, but for those two."""
    monkeypatch.setattr(save_worker, "CHILD_MIN_CHARS", 0 if saver == "child process" else 1 << 30)
    text = BUNDLED.read_text("utf-8")
    plain = tmp_path / "plain.toml"
    plain.write_text(text, "utf-8", newline="\n")
    notepad = tmp_path / "notepad.toml"
    notepad.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    for path in (plain, notepad):
        loaded = load(path)
        item = loaded.checklist.find("I1")  # an indicator with a score to change and clear
        assert item is not None
        _EDITS[edit](item)
        save_worker.save(loaded)
    crlf = notepad.read_bytes()
    assert crlf.startswith(b"\xef\xbb\xbf") and b"\n" not in crlf.replace(b"\r\n", b"")
    assert crlf[3:].replace(b"\r\n", b"\n") == plain.read_bytes() != text.encode("utf-8")

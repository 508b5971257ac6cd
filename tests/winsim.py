"""A simulated Windows on Linux, for the tests: what Windows does differently, as far as our code meets it.

``pytest --simulate-windows`` (or ``ITA_TUI_SIMULATE_WINDOWS=1``) runs every
test with :func:`install` in force; child processes the tests start get it too,
through ``sitecustomize.py`` beside this file.  What is simulated:

* ``fcntl`` (and ``termios``) cannot be imported;
* ``os.link`` fails as it does on FAT sticks and network shares
  (``ERROR_INVALID_FUNCTION``);
* a folder cannot be opened as a file: ``os.open`` on one fails with access
  denied, and ``os.O_DIRECTORY`` does not exist;
* ``os.replace`` onto (and ``os.unlink`` of) a file "held open by another
  program" (:func:`hold_open`) fails with Windows' access-denied and
  sharing-violation errors, ``winerror`` set;
* ``os.kill(pid, 0)`` fails the test: on Windows it would terminate the process;
  process checks go through kernel32 (``ctypes.WinDLL``), answered here from
  ``/proc``;
* ``os.chown`` and ``os.uname`` do not exist; the machine's name comes from
  ``COMPUTERNAME`` (``signal.SIGKILL`` stays, for the test harness's own
  ``Popen.kill``: a test checks that the package never names it);
* ``platformdirs`` gives Windows folders: ``%APPDATA%`` and ``%LOCALAPPDATA%``
  under the folder given.

Not simulated (nothing on Linux can show them): the Windows console and its
code pages beyond stdout's encoding, real SMB shares and UNC paths, NTFS
permissions, case-insensitive names, the ``\\`` separator in real paths.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ENV = "ITA_TUI_SIMULATE_WINDOWS"
_held: set[str] = set()
_held_guard = threading.Lock()


def _windows_error(code: int, winerror: int, message: str, path: object) -> OSError:
    error = (PermissionError if code == errno.EACCES else OSError)(code, message, str(path))
    error.winerror = winerror  # type: ignore[attr-defined]
    return error


@contextlib.contextmanager
def hold_open(path: Path) -> Iterator[None]:
    """While the block runs, *path* counts as open in another program (Notepad++, Excel, a virus scan)."""
    key = os.path.realpath(path)
    with _held_guard:
        _held.add(key)
    try:
        yield
    finally:
        release(path)


def release(path: Path) -> None:
    """*path* is no longer held open."""
    with _held_guard:
        _held.discard(os.path.realpath(path))


def _is_held(path: Any) -> bool:
    with _held_guard:
        return bool(_held) and os.path.realpath(os.fspath(path)) in _held


class Patches:
    """setattr / delattr / dict items that :meth:`undo` puts back (no pytest needed in a child)."""

    def __init__(self) -> None:
        self._undo: list[Callable[[], None]] = []

    def set(self, target: Any, name: str, value: Any) -> None:
        missing = object()
        old = getattr(target, name, missing)
        setattr(target, name, value)
        self._undo.append(lambda: delattr(target, name) if old is missing else setattr(target, name, old))

    def delete(self, target: Any, name: str) -> None:
        if hasattr(target, name):
            old = getattr(target, name)
            delattr(target, name)
            self._undo.append(lambda: setattr(target, name, old))

    def item(self, mapping: dict[str, Any], key: str, value: Any) -> None:
        missing = object()
        old = mapping.get(key, missing)
        mapping[key] = value
        self._undo.append(lambda: mapping.pop(key, None) if old is missing else mapping.__setitem__(key, old))

    def undo(self) -> None:
        while self._undo:
            self._undo.pop()()


def install_held_open(patches: Patches) -> None:
    """Only the held-open behaviour: a replace onto, or a delete of, a held file fails as on Windows."""
    real_replace, real_unlink = os.replace, os.unlink

    def replace(source: Any, target: Any, **kwargs: Any) -> None:
        if _is_held(target) or _is_held(source):
            raise _windows_error(errno.EACCES, 5, "Access is denied", target)
        real_replace(source, target, **kwargs)

    def unlink(path: Any, **kwargs: Any) -> None:
        if _is_held(path):
            raise _windows_error(errno.EACCES, 32, "The process cannot access the file", path)
        real_unlink(path, **kwargs)

    patches.set(os, "replace", replace)
    patches.set(os, "unlink", unlink)
    patches.set(os, "remove", unlink)


class _Kernel32:
    """kernel32's process calls, answered from /proc: enough for ita_tui.fs.platform."""

    last_error = 0

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int:
        if os.path.exists(f"/proc/{pid}"):
            return pid
        _Kernel32.last_error = 87  # ERROR_INVALID_PARAMETER: no such process
        return 0

    def GetExitCodeProcess(self, handle: int, code: Any) -> int:
        code._obj.value = 259  # STILL_ACTIVE
        return 1

    def CloseHandle(self, handle: int) -> int:
        return 1


def install(appdata: Path, *, textual: bool = True) -> Patches:
    """Make this process look like Windows to ita_tui (see the module docstring); undo with ``.undo()``.

    With *textual*, Textual's Linux driver is imported first: Textual picks its
    driver by platform (its Windows driver cannot run here), and that driver
    needs ``termios`` and ``fcntl``, which are hidden from everything after.
    """
    import platformdirs
    import platformdirs.windows

    from ita_tui.fs import platform

    if textual:
        import textual.drivers.linux_driver

    patches = Patches()
    patches.item(sys.modules, "fcntl", None)  # type: ignore[arg-type]
    patches.item(sys.modules, "termios", None)  # type: ignore[arg-type]
    real_open, real_kill = os.open, os.kill

    def link(source: Any, target: Any, **kwargs: Any) -> None:
        raise _windows_error(errno.EINVAL, 1, "Incorrect function", target)

    def open_(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.path.isdir(path):
            raise _windows_error(errno.EACCES, 5, "Access is denied", path)
        return real_open(path, flags, *args, **kwargs)

    def kill(pid: int, sig: int) -> None:
        if sig == 0:
            raise AssertionError("os.kill(pid, 0) terminates the process on Windows")
        real_kill(pid, sig)

    patches.set(os, "link", link)
    patches.set(os, "open", open_)
    patches.delete(os, "O_DIRECTORY")
    patches.set(os, "kill", kill)
    patches.delete(os, "chown")
    patches.delete(os, "uname")
    patches.item(os.environ, "COMPUTERNAME", "WIN-SIMULATED")  # type: ignore[arg-type]
    install_held_open(patches)
    patches.set(platform, "WINDOWS", True)
    patches.set(ctypes, "WinDLL", lambda name, **kwargs: _Kernel32())
    patches.set(ctypes, "get_last_error", lambda: _Kernel32.last_error)
    folders = {
        "CSIDL_APPDATA": str(appdata / "AppData" / "Roaming"),
        "CSIDL_LOCAL_APPDATA": str(appdata / "AppData" / "Local"),
        "CSIDL_COMMON_APPDATA": str(appdata / "ProgramData"),
    }
    patches.set(platformdirs.windows, "get_win_folder", lambda name: folders[name])
    patches.set(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    return patches


def active() -> bool:
    """True when the simulation is asked for (by the pytest option or the environment)."""
    return os.environ.get(ENV, "") not in ("", "0")

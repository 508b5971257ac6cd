"""What differs between Windows and POSIX, chosen at run time, in one place.

Nothing here imports a platform-only module at import time: Windows calls go
through :mod:`ctypes` inside the function that needs them.  :data:`WINDOWS`
is read at call time, so the simulated-Windows test mode can switch it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

WINDOWS = os.name == "nt"

# Windows error codes of a file that another program has open: access denied (what
# MoveFileEx answers for a replace over an open file), sharing and lock violations.
_IN_USE_WINERRORS = frozenset({5, 32, 33})

# OpenProcess rights, GetExitCodeProcess's "still running" and OpenProcess's "no such process".
_PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
_STILL_ACTIVE = 259
_ERROR_ACCESS_DENIED = 5


def in_use(error: OSError) -> bool:
    """True when *error* is Windows refusing because another program has the file open.

    Only Windows errors carry ``winerror``; on POSIX an open file never blocks a
    rename or a delete, so this is never true there.
    """
    return getattr(error, "winerror", None) in _IN_USE_WINERRORS


def pid_alive(pid: int) -> bool:
    """True when a process *pid* runs on this machine (or may: when we may not ask).

    Never ``os.kill(pid, 0)`` on Windows: there any signal but Ctrl+C/Ctrl+Break
    *terminates* the process.
    """
    if pid <= 0:
        return False
    if WINDOWS:
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    except OSError:
        return False
    return True


def _windows_pid_alive(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
    handle = kernel32.OpenProcess(_PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        # Access denied: a process of another user, alive; anything else: no such process.
        return bool(ctypes.get_last_error() == _ERROR_ACCESS_DENIED)  # type: ignore[attr-defined,unused-ignore]
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == _STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def host_name() -> str:
    """This machine's name, as a lock file records it to tell its own locks from others'."""
    uname = getattr(os, "uname", None)
    if uname is not None:
        return str(uname().nodename)
    name = os.environ.get("COMPUTERNAME")
    if name:
        return name
    import socket

    return socket.gethostname()


def fsync_folder(folder: Path) -> None:
    """Make a rename in *folder* durable, where the platform can (POSIX); a no-op elsewhere.

    Windows cannot open a folder as a file (``O_DIRECTORY`` does not exist
    there); its file systems make a rename durable on their own.
    """
    directory_flag = getattr(os, "O_DIRECTORY", None)
    if directory_flag is None:
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | directory_flag)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def chown_like(path: str, uid: int, gid: int) -> None:
    """Give *path* the owner and group *uid*/*gid* as far as we may; silently less where we may not.

    Root keeps both; anyone else keeps at least the group when they belong to
    it (the usual set-up of a shared folder); Windows has no owners to copy.
    """
    chown = getattr(os, "chown", None)
    if chown is None:
        return
    try:
        chown(path, uid, gid)
    except OSError:
        with contextlib.suppress(OSError):
            chown(path, -1, gid)

"""Replace a file whole or not at all: temp file, fsync, rename; on every platform.

* The data goes to a temp file in the real file's folder (a symlink's target,
  so the link survives), is fsynced, given the file's permissions (and, as
  far as the saver may, its owner and group), and renamed over the file.  A
  crash leaves the old file or the new one, whole.
* Temp files a killed save left are removed by the next save; those of a
  save still running (its process alive) are left alone.
* Windows refuses a rename over a file another program has open: the rename
  is retried for :data:`REPLACE_RETRY_SECONDS`, then refused with one line
  saying so (:func:`ita_tui.fs.messages.in_use_on_save`).
* The folder is fsynced after the rename where the platform can do it.
* ``ITA_TUI_KILL_AT=STEP[:N]`` ends the process abruptly at a step of a save
  (:func:`fault_point`), for the crash tests, with :func:`os._exit`: no POSIX
  signal needed, and like ``kill -9`` nothing is cleaned up.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from ita_tui.errors import EXIT_PROBLEMS, UserError, os_reason
from ita_tui.fs import platform
from ita_tui.fs.locking import file_lock, real_file, write_whole
from ita_tui.fs.messages import in_use_on_save, not_durable, not_regular
from ita_tui.i18n import Message

TEMP_PREFIX = ".ita-tui-"
TEMP_SUFFIX = ".tmp"
BACKUP_SUFFIX = "~"
# Writes go out in chunks so that a save can be interrupted between them in
# tests (ITA_TUI_KILL_AT=write:N); ITA_TUI_WRITE_CHUNK makes them small.
DEFAULT_CHUNK = 1 << 20
# The exit code of a process ended by ITA_TUI_KILL_AT (what a shell shows for kill -9).
KILLED_EXIT = 137
# How long a rename over a file held open by another program is retried (Windows).
REPLACE_RETRY_SECONDS = 2.0


def fault_point(step: str) -> None:
    """Let tests end the process at a chosen step of a save (ITA_TUI_KILL_AT=write:2 etc.)."""
    wanted = os.environ.get("ITA_TUI_KILL_AT")
    if not wanted:
        return
    name, _, count = wanted.partition(":")
    if name != step:
        return
    remaining = int(count or "1") - 1
    os.environ["ITA_TUI_KILL_AT"] = f"{name}:{remaining}"
    if remaining <= 0:
        os._exit(KILLED_EXIT)


def _remove_stale_temps(folder: Path, name: str) -> None:
    """Drop temp files that an earlier, killed save of *name* left behind."""
    prefix = f"{TEMP_PREFIX}{name}."
    # Tidying up, not saving: a folder that cannot be listed or a leftover that cannot be removed
    # does not stop the save (its own temp has a fresh name); the next save tries again.
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX):
                pid = entry.name[len(prefix) :].split(".", 1)[0]
                if not pid.isdigit() or not _alive(int(pid)):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # a temp of our own pid is from an earlier process that had it
    return platform.pid_alive(pid)


def _chunk_size(chunk_size: int | None) -> int:
    if chunk_size:
        return chunk_size
    setting = os.environ.get("ITA_TUI_WRITE_CHUNK", "")
    return int(setting) if setting.isdigit() and int(setting) > 0 else DEFAULT_CHUNK


def _write_all(fd: int, data: bytes | Iterable[bytes], chunk_size: int) -> None:
    """Write *data* (bytes, or byte pieces: a list or a generator) to *fd* chunk by chunk, looping
    over short writes."""
    for piece in [data] if isinstance(data, bytes) else data:
        view = memoryview(piece)
        for start in range(0, len(piece), chunk_size):
            fault_point("write")
            write_whole(fd, view[start : start + chunk_size])


def _current(path: Path, shown: Path) -> os.stat_result | None:
    """*path*'s status, None when it does not exist yet; refuse what cannot be replaced (named *shown*).

    A rename would happily replace a file its owner marked read-only, so the
    mark is honoured here, also for root (whom chmod does not stop); and a
    FIFO or device is not a file to replace.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise save_error(shown, error) from None
    if not stat.S_ISREG(info.st_mode):
        raise not_regular(shown, info.st_mode)
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise cannot_save(shown, Message.of("save.read_only"))
    return info


def save_error(path: Path, error: OSError) -> UserError:
    """The one line that says why *path* could not be written."""
    if platform.in_use(error):
        return in_use_on_save(path)
    return cannot_save(path, os_reason(error))


def cannot_save(path: Path, reason: Message | str) -> UserError:
    """``PATH: cannot save: REASON; the changes are not saved`` (exit 1)."""
    return UserError(Message.of("save.failed", path=str(path), reason=reason), EXIT_PROBLEMS)


def atomic_write(
    path: Path, data: bytes | Iterable[bytes], *, chunk_size: int | None = None, backup: bytes | None = None
) -> None:
    """Replace *path* with *data* so that a crash leaves either the old or the new file, whole.

    The data goes to a temp file in the same folder, is fsynced, and is renamed
    over *path* (a symlink's target, keeping the link).  Temp files that a
    killed save left are removed first.  With *backup*, those bytes are first
    written, the same way, to ``FILE~``.  Failures raise :class:`UserError`
    with a one-line reason (disk full, read-only, permission denied, held
    open by another program).

    The write holds the file's lock (:func:`~ita_tui.fs.locking.file_lock`,
    re-entrant for a caller that holds it already): so no other writer, on
    this machine or another sharing the folder, has a temp file of this name
    in progress, and the temps found are a killed save's.
    """
    with file_lock(path):
        _replace_whole(path, data, chunk_size, backup)


def _replace_whole(
    path: Path, data: bytes | Iterable[bytes], chunk_size: int | None, backup: bytes | None
) -> None:
    real = real_file(path)
    current = _current(real, path)
    if backup is not None:
        atomic_write(real.with_name(real.name + BACKUP_SUFFIX), backup, chunk_size=chunk_size)
    try:
        fd, temp_name = new_temp(real)
    except OSError as error:
        raise save_error(path, error) from None
    try:
        _fill(fd, temp_name, data, _chunk_size(chunk_size), current)
        fault_point("rename")
        replace_file(temp_name, real)
    except BaseException as error:
        # Whatever stopped the save (a full disk, Ctrl+C), the temp file goes.
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        if isinstance(error, OSError):
            raise save_error(path, error) from None
        raise
    fault_point("renamed")
    try:
        platform.fsync_folder(real.parent)
    except OSError as error:
        raise not_durable(path, error) from None


def replace_file(source: str, target: Path) -> None:
    """``os.replace``, retried for a moment while another program has *target* open (Windows).

    Antivirus scanners, backup and sync clients open files for a moment; a
    person's program may hold one for longer, and then the last error is raised.
    """
    deadline = time.monotonic() + REPLACE_RETRY_SECONDS
    pause = 0.02
    while True:
        try:
            os.replace(source, target)
            return
        except OSError as error:
            if not platform.in_use(error) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.25)


def new_temp(path: Path) -> tuple[int, str]:
    """Open a temp file beside *path* for writing it, after removing ones a killed run left.

    The name carries *path*'s name and our pid, so a later run can tell an
    abandoned temp from one a live process is still writing.
    """
    folder = path.parent if str(path.parent) else Path(".")
    _remove_stale_temps(folder, path.name)
    return tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{path.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=folder)


def _fill(
    fd: int, temp_name: str, data: bytes | Iterable[bytes], chunk_size: int, current: os.stat_result | None
) -> None:
    """Write, fsync and close the temp file, and give it the file's permissions, owner and group."""
    try:
        _write_all(fd, data, chunk_size)
        fault_point("fsync")
        os.fsync(fd)
        mine = os.fstat(fd)
    finally:
        os.close(fd)
    os.chmod(temp_name, current.st_mode & 0o7777 if current is not None else new_file_mode())
    if current is not None and (mine.st_uid, mine.st_gid) != (current.st_uid, current.st_gid):
        # Someone else's file: keep its owner (root can) or at least its group (a shared folder's).
        platform.chown_like(temp_name, current.st_uid, current.st_gid)


def new_file_mode() -> int:
    """The permissions a newly created file gets here: 0666 less the umask."""
    return 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

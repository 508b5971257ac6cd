"""One save at a time per checklist file, across processes, users and machines on a shared folder.

The lock is a small file beside the *real* file (symlinks and ``..`` resolved),
``.ita-tui-<name>.lock``, created with ``O_EXCL`` -- atomic on local disks, on
SMB (Windows) shares and on NFS -- so every path to one file, from any
machine, meets the same lock, on every platform, with no platform-only module.
It holds one line of JSON naming its holder: machine, process id, a random
token, the time it was taken, and a heartbeat count.

**A dead holder's lock is broken, safely.**  While a lock is held, a thread
rewrites it every :data:`HEARTBEAT` seconds.  A waiter takes a lock for
stale when

* its holder is a process of *this* machine that no longer runs (or an
  earlier process that had our process id), which is known at once; or
* it has not changed for :data:`STALE_AFTER` seconds *of the waiter's own
  clock* (``ITA_TUI_LOCK_STALE``): a holder on another machine that died,
  or lost the share, stops beating.  Comparing what the waiter itself sees,
  rather than the holder's clock with its own, keeps two machines whose
  clocks disagree from breaking each other's live locks.

A stale lock is broken under a second, short-lived ``.break`` lock, and only if
it still holds the very bytes judged stale, so two waiters breaking one stale
lock at once never remove a fresh lock that a third has just taken.  A lock
held by a live process is waited for up to :data:`WAIT_LIMIT` seconds
(``ITA_TUI_LOCK_WAIT``), then the save is refused with one line naming the
holder, and the changes are kept.

Where the folder takes no new file (read-only, no permission, full, missing),
the caller goes on unlocked: its write needs a new file there too and fails,
with its own clear reason.  Any other failure to make the lock file stops the
save with one line naming the lock.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import stat
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path, PurePath
from typing import TypeVar

from ita_tui.errors import EXIT_PROBLEMS
from ita_tui.fs import platform
from ita_tui.fs.messages import FileError, lock_failed, not_regular
from ita_tui.i18n import Message

LOCK_PREFIX = ".ita-tui-"
LOCK_SUFFIX = ".lock"
BREAK_SUFFIX = ".break"
# Seconds between two heartbeats of a held lock.
HEARTBEAT = 1.0
# Seconds a lock may stay unchanged before a waiter takes its holder for dead.
STALE_AFTER = 10.0
# Seconds to wait for a live holder before the save is refused.
WAIT_LIMIT = 120.0
_POLL = 0.02
_POLL_MAX = 0.25
# A name longer than this (in UTF-8 bytes) gets a lock named by its hash: 255 bytes is the limit.
_MAX_NAME_BYTES = 200

_AnyPath = TypeVar("_AnyPath", bound=PurePath)

# This process, as its locks name it: tells our locks from an earlier process's with the same pid.
_PROCESS = os.urandom(8).hex()


def real_file(path: Path) -> Path:
    """The file *path* names, with symlinks and ``..`` resolved: the one a lock must be keyed on."""
    return Path(os.path.realpath(path))


def lock_path(real: _AnyPath) -> _AnyPath:
    """The lock file of the real file *real*: ``.ita-tui-<name>.lock`` in the same folder.

    Only the name changes, so any path to the folder -- a drive letter, a UNC
    path, a mount point -- names the one lock the other machines see too.
    """
    name = real.name
    if len(name.encode("utf-8", "surrogateescape")) > _MAX_NAME_BYTES:
        name = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return real.with_name(f"{LOCK_PREFIX}{name}{LOCK_SUFFIX}")


def require_regular(path: Path) -> None:
    """Refuse *path* when it exists and is not a regular file (a FIFO, a device): before any lock or read."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # missing or unreadable: whoever opens it says why
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise not_regular(path, mode)


@dataclass(frozen=True)
class LockInfo:
    """What a lock file says about its holder."""

    host: str
    pid: int
    process: str
    token: str
    since: str
    beat: int = 0

    def dumps(self) -> bytes:
        return json.dumps(self.__dict__, ensure_ascii=False).encode("utf-8") + b"\n"

    @classmethod
    def loads(cls, data: bytes) -> LockInfo | None:
        """The holder in *data*, None when it is not a whole lock record (half written, foreign)."""
        try:
            raw = json.loads(data.decode("utf-8"))
            return cls(
                str(raw["host"]),
                int(raw["pid"]),
                str(raw["process"]),
                str(raw["token"]),
                str(raw["since"]),
                int(raw["beat"]),
            )
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            return None


class _Held(threading.local):
    """The locks this thread holds, so that a lock taken again inside itself is not waited for."""

    def __init__(self) -> None:
        self.paths: set[str] = set()


_held = _Held()
# The locks this process holds, whichever thread: our own lock file with no holder is a leftover.
_held_by_process: set[str] = set()
_process_guard = threading.Lock()


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Hold the lock of the file *path* names (created or not yet) while the block runs.

    Re-entrant within a thread (``set`` locks around load and save, and the
    save locks again).  Refuses a *path* that is not a regular file before
    anything else.  Raises :class:`FileError` (exit 1) when a live holder
    keeps the lock past :data:`WAIT_LIMIT` seconds.
    """
    require_regular(path)
    lock = lock_path(real_file(path))
    key = str(lock)
    if key in _held.paths:
        yield
        return
    holder = _acquire(lock, path)
    _held.paths.add(key)
    try:
        yield
    finally:
        _held.paths.discard(key)
        if holder is not None:
            holder.release()


def _setting(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if value >= 0 else default


class _Holder:
    """A lock we hold: its heartbeat thread, and its release."""

    def __init__(self, lock: Path, info: LockInfo) -> None:
        self.lock = lock
        self.info = info
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"lock {lock.name}", daemon=True)
        with _process_guard:
            _held_by_process.add(str(lock))
        self._thread.start()

    def _beat(self) -> None:
        while not self._stop.wait(HEARTBEAT):
            try:
                with open(self.lock, "r+b") as handle:
                    # Read and write through one handle: if the lock was broken and taken by
                    # someone else meanwhile, this is their file, and it is left alone.
                    if LockInfo.loads(handle.read(4096)) != self.info:
                        return
                    beaten = replace(self.info, beat=self.info.beat + 1)
                    handle.seek(0)
                    handle.write(beaten.dumps())
                    handle.truncate()
                    self.info = beaten
            except FileNotFoundError:
                return  # gone: a waiter took us for dead
            except OSError:
                continue  # a share's hiccup: beat again next time

    def release(self) -> None:
        self._stop.set()
        self._thread.join()
        with _process_guard:
            _held_by_process.discard(str(self.lock))
        if LockInfo.loads(_read(self.lock) or b"") == self.info:
            _unlink(self.lock)


def _acquire(lock: Path, shown: Path) -> _Holder | None:
    """Take *lock*, waiting for a live holder and breaking a stale one; None when no lock can be made."""
    stale_after = _setting("ITA_TUI_LOCK_STALE", STALE_AFTER)
    deadline = time.monotonic() + _setting("ITA_TUI_LOCK_WAIT", WAIT_LIMIT)
    watch = _Watch()
    poll = _POLL
    holder: LockInfo | None = None  # the last whole holder read: a read may meet a heartbeat half written
    while True:
        info = LockInfo(
            platform.host_name(), os.getpid(), _PROCESS, os.urandom(8).hex(), datetime.now().isoformat()
        )
        try:
            created = _create(lock, info.dumps())
        except OSError as error:
            raise lock_failed(shown, lock, error) from None
        if created is True:
            return _Holder(lock, info)
        if created is None:
            return None
        seen = _read(lock)
        if seen is None:
            continue  # released meanwhile: try again at once
        if _stale(lock, seen, watch.unchanged_for(lock, seen), stale_after):
            _break(lock, seen, watch, stale_after)
            continue
        holder = LockInfo.loads(seen) or holder
        if time.monotonic() >= deadline:
            raise _busy(shown, holder)
        time.sleep(poll)
        poll = min(poll * 1.5, _POLL_MAX)


# The folder takes no new file: read-only, no permission, full, or not there.  No lock is needed
# then, for the write it would guard makes a new file in the same folder and fails, with its
# own clear reason; other errors (EIO, a share gone) stop the save rather than let it go unlocked.
_FOLDER_REFUSES = frozenset(
    {errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT, errno.ENOENT, errno.ENOTDIR}
)


def _create(path: Path, data: bytes) -> bool | None:
    """Create *path* holding *data* unless it exists: True; False when it exists; None when it cannot be.

    Raises :class:`OSError` for a failure that says nothing of the folder's refusal.
    """
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags, 0o666)
    except FileExistsError:
        return False
    except OSError as error:
        # Windows refuses to create a name whose file is being deleted: that lock is about to go.
        if isinstance(error, PermissionError) and os.path.lexists(path):
            return False
        if error.errno in _FOLDER_REFUSES:
            return None
        raise
    try:
        write_whole(fd, data)
    except OSError as error:
        os.close(fd)
        _unlink(path)
        if error.errno in _FOLDER_REFUSES:
            return None  # a full disk: the save fails on it with its own message
        raise
    os.close(fd)
    return True


def write_whole(fd: int, data: bytes | memoryview) -> None:
    """Write all of *data* to *fd*: ``os.write`` may write less than it was given and say so."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _read(path: Path) -> bytes | None:
    """The bytes of *path*, None when it is gone (or, on Windows, being deleted)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(4096)
    except OSError:
        return None


def _unlink(path: Path) -> None:
    """Remove *path*; on Windows, retry while a waiter has it open for a moment."""
    for attempt in range(50):
        try:
            os.unlink(path)
            return
        except FileNotFoundError:
            return
        except OSError as error:
            if not platform.in_use(error) or attempt == 49:
                return  # left behind: the next waiter finds it stale
            time.sleep(0.02)


class _Watch:
    """When a waiter first saw each lock file hold its present bytes (by the waiter's own clock)."""

    def __init__(self) -> None:
        self._seen: dict[str, tuple[bytes, float]] = {}

    def unchanged_for(self, path: Path, data: bytes) -> float:
        now = time.monotonic()
        previous = self._seen.get(str(path))
        if previous is None or previous[0] != data:
            self._seen[str(path)] = (data, now)
            return 0.0
        return now - previous[1]


def _stale(lock: Path, data: bytes, unchanged_for: float, stale_after: float) -> bool:
    """True when the lock holding *data* belongs to no live holder."""
    if unchanged_for >= stale_after:
        return True
    info = LockInfo.loads(data)
    if info is None or info.host != platform.host_name():
        return False  # another machine's, or half written: only its silence tells
    if info.process == _PROCESS:
        with _process_guard:
            return str(lock) not in _held_by_process  # ours, but no thread of ours holds it
    if info.pid == os.getpid():
        return True  # an earlier process that had our pid
    return not platform.pid_alive(info.pid)


def _break(lock: Path, stale: bytes, watch: _Watch, stale_after: float) -> None:
    """Remove *lock* if it still holds the *stale* bytes, under a short ``.break`` lock."""
    breaker = lock.with_name(lock.name + BREAK_SUFFIX)
    created = _create(breaker, b"")
    if created is None:
        return
    if created is False:
        # Another waiter is breaking it; a breaker dead in its few milliseconds goes after a while.
        held = _read(breaker)
        if held is not None and watch.unchanged_for(breaker, held) >= stale_after:
            _unlink(breaker)
        time.sleep(_POLL)
        return
    try:
        if _read(lock) == stale:
            _unlink(lock)
    finally:
        _unlink(breaker)


def _busy(path: Path, info: LockInfo | None) -> FileError:
    host = info.host if info else "?"
    pid = info.pid if info else "?"
    since = info.since[11:19] if info and len(info.since) >= 19 else "?"
    message = Message.of("fs.lock_busy", path=str(path), host=host, pid=pid, since=since)
    return FileError(message, EXIT_PROBLEMS)

"""Save a checklist: change only the edited values' characters, write atomically.

Three promises (see docs/guarantees.md):

* **Only what changed changes.**  The baseline the file was loaded with and
  the edited checklist are compared (:mod:`ita_tui.plan`), and the difference
  is written into the file's text (:mod:`ita_tui.file_edit`): a changed value
  in place, a new key as one line after the table's last key, a new item or
  section as a block in the file's own style, a removed or moved one with its
  comments.  Comments, key order, blank lines and quoting survive.  Where the
  layout is one the span editor does not follow (an item written as an inline
  table), tomlkit does the edit instead (:mod:`ita_tui.tomlkit_edit`).
* **Atomic.**  A temp file in the same folder is written, flushed, fsynced and
  renamed over the original, so a crash leaves the old file or the new one.
* **No lost updates.**  A save first re-reads the file; if it changed since it
  was loaded, the save refuses with :class:`ConflictError`.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ita_tui.checklist_file import LoadedChecklist, decode, read_bytes
from ita_tui.errors import EXIT_PROBLEMS, UserError
from ita_tui.file_edit import apply_plan
from ita_tui.model import Checklist
from ita_tui.plan import Plan, plan
from ita_tui.record import Snapshot, snapshot
from ita_tui.toml_spans import ScanError
from ita_tui.tomlkit_edit import apply_plan_with_tomlkit

TEMP_PREFIX = ".ita-tui-"
TEMP_SUFFIX = ".tmp"
BACKUP_SUFFIX = "~"
# Writes go out in chunks so that a save can be interrupted between them in
# tests (ITA_TUI_KILL_AT=write:N); ITA_TUI_WRITE_CHUNK makes them small.
DEFAULT_CHUNK = 1 << 20


class ConflictError(UserError):
    """The file changed on disk since it was loaded; saving would overwrite someone's work."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path}: the file was changed by someone else since it was opened; "
            "not saved (reload or merge first)",
            EXIT_PROBLEMS,
        )
        self.path = path


def plan_for(
    loaded: LoadedChecklist, checklist: Checklist, record: Snapshot | None = None
) -> tuple[Plan, Snapshot]:
    """What a save of *checklist* over *loaded*'s file changes, and the snapshot it then holds.

    *record* is *checklist*'s snapshot when the caller has one (the app takes it
    cheaply from the baseline: :meth:`ita_tui.app.session.Session.snapshot`).
    """
    current = record if record is not None else snapshot(checklist)
    return plan(loaded.baseline, current), current


def edit_text(text: str, newline: str, changes: Plan) -> str:
    """*text* changed as *changes* says: in place by spans, or through tomlkit where the layout needs it.

    No model is needed: a save in a child process (:mod:`ita_tui.save_worker`)
    calls it with the plan the app sends.
    """
    try:
        return apply_plan(text, changes, newline)
    except ScanError:
        return apply_plan_with_tomlkit(text, changes, newline)


def render_text(loaded: LoadedChecklist, checklist: Checklist) -> str:
    """The file's new text with *checklist*'s changes since *loaded*; the same text if none."""
    return edit_text(loaded.text, loaded.newline, plan_for(loaded, checklist)[0])


def render_text_with_tomlkit(loaded: LoadedChecklist, checklist: Checklist) -> str:
    """The same edit done through tomlkit: the fallback, and the oracle in tests."""
    return apply_plan_with_tomlkit(loaded.text, plan_for(loaded, checklist)[0], loaded.newline)


# -- writing -----------------------------------------------------------------------


def _fault_point(step: str) -> None:
    """Let tests kill the process at a chosen step of a save (ITA_TUI_KILL_AT=write:2 etc.)."""
    wanted = os.environ.get("ITA_TUI_KILL_AT")
    if not wanted:
        return
    name, _, count = wanted.partition(":")
    if name != step:
        return
    remaining = int(count or "1") - 1
    os.environ["ITA_TUI_KILL_AT"] = f"{name}:{remaining}"
    if remaining <= 0:
        os.kill(os.getpid(), signal.SIGKILL)


def _remove_stale_temps(folder: Path, name: str) -> None:
    """Drop temp files that an earlier, killed save of *name* left behind."""
    prefix = f"{TEMP_PREFIX}{name}."
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
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _chunk_size(chunk_size: int | None) -> int:
    if chunk_size:
        return chunk_size
    setting = os.environ.get("ITA_TUI_WRITE_CHUNK", "")
    return int(setting) if setting.isdigit() and int(setting) > 0 else DEFAULT_CHUNK


def _write_all(fd: int, data: bytes | list[bytes], chunk_size: int) -> None:
    """Write *data* (bytes, or a list of byte pieces) to *fd* chunk by chunk, looping over short writes."""
    for piece in [data] if isinstance(data, bytes) else data:
        view = memoryview(piece)
        for start in range(0, len(piece), chunk_size):
            _fault_point("write")
            chunk = view[start : start + chunk_size]
            while chunk:
                written = os.write(fd, chunk)
                chunk = chunk[written:]


def _target(path: Path) -> Path:
    """The file a save really replaces: a symlink's target, so the link survives the save."""
    try:
        return Path(os.path.realpath(path)) if path.is_symlink() else path
    except OSError:
        return path


def _current_mode(path: Path) -> int | None:
    """*path*'s permission bits, None when it does not exist yet; refuse a read-only file.

    A rename would happily replace a file its owner marked read-only, so the
    mark is honoured here, also for root (whom chmod does not stop).
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        raise _save_error(path, error) from None
    if not stat.S_ISREG(mode):
        raise UserError(f"{path}: cannot save: not a regular file; the changes are not saved", EXIT_PROBLEMS)
    if not mode & 0o222 or not os.access(path, os.W_OK):
        raise UserError(
            f"{path}: cannot save: the file is read-only; the changes are not saved", EXIT_PROBLEMS
        )
    return mode & 0o7777


def _save_error(path: Path, error: OSError) -> UserError:
    reason = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is exceeded",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "the folder is read-only",
    }.get(error.errno or 0, error.strerror or str(error))
    return UserError(f"{path}: cannot save: {reason}; the changes are not saved", EXIT_PROBLEMS)


def atomic_write(
    path: Path, data: bytes | list[bytes], *, chunk_size: int | None = None, backup: bytes | None = None
) -> None:
    """Replace *path* with *data* so that a crash leaves either the old or the new file, whole.

    The data goes to a temp file in the same folder, is fsynced, and is renamed
    over *path* (a symlink's target, keeping the link).  Temp files that a
    killed save left are removed first.  With *backup*, those bytes are first
    written, the same way, to ``FILE~``.  Failures raise :class:`UserError`
    with a one-line reason (disk full, read-only, permission denied).
    """
    path = _target(path)
    current = _current_mode(path)
    mode = current if current is not None else new_file_mode()
    if backup is not None:
        atomic_write(path.with_name(path.name + BACKUP_SUFFIX), backup, chunk_size=chunk_size)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp_name = new_temp(path)
    except OSError as error:
        raise _save_error(path, error) from None
    try:
        _fill(fd, temp_name, data, _chunk_size(chunk_size), mode)
        _fault_point("rename")
        os.replace(temp_name, path)
    except BaseException as error:
        # Whatever stopped the save (a full disk, Ctrl+C), the temp file goes.
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        if isinstance(error, OSError):
            raise _save_error(path, error) from None
        raise
    _fault_point("renamed")
    _fsync_folder(folder)


def new_temp(path: Path) -> tuple[int, str]:
    """Open a temp file beside *path* for writing it, after removing ones a killed run left.

    The name carries *path*'s name and our pid, so a later run can tell an
    abandoned temp from one a live process is still writing.
    """
    folder = path.parent if str(path.parent) else Path(".")
    _remove_stale_temps(folder, path.name)
    return tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{path.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=folder)


def _fill(fd: int, temp_name: str, data: bytes | list[bytes], chunk_size: int, mode: int) -> None:
    """Write, fsync and close the temp file, and give it the file's permissions."""
    try:
        _write_all(fd, data, chunk_size)
        _fault_point("fsync")
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(temp_name, mode)


def new_file_mode() -> int:
    """The permissions a newly created file gets here: 0666 less the umask."""
    return 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    # The rename is durable only once the folder's entry is on disk.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class _HeldLocks(threading.local):
    """Folders this thread holds the lock of (per thread: flock already excludes other threads)."""

    def __init__(self) -> None:
        self.folders: set[str] = set()


_held = _HeldLocks()


@contextlib.contextmanager
def folder_lock(path: Path) -> Iterator[None]:
    """Hold an advisory lock on *path*'s folder: one ita-tui save at a time per folder.

    Locking the folder rather than a lock file leaves nothing behind, and the
    lock still holds across the rename that replaces the file.
    """
    folder = os.path.realpath(path.parent if str(path.parent) else ".")
    if folder in _held.folders:  # re-entered: `set` locks around load and save
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        _held.folders.add(folder)
        yield
    finally:
        _held.folders.discard(folder)
        os.close(fd)


def encode_pieces(text: str, bom: bool, size: int = 1 << 20) -> list[bytes]:
    """*text* encoded in pieces of *size* characters, after a BOM if the file had one.

    Saves run in a worker thread while the app takes keys: encoding 35 MB of
    Thai in one call would hold the interpreter lock for tens of milliseconds,
    pieces hold it for one each.
    """
    pieces = [b"\xef\xbb\xbf"] if bom else []
    pieces.extend(text[start : start + size].encode("utf-8") for start in range(0, len(text), size))
    return pieces


def sha256_of(pieces: list[bytes]) -> str:
    """The fingerprint of a file written as *pieces* (what :func:`save` records)."""
    digest = hashlib.sha256()
    for piece in pieces:
        digest.update(piece)  # releases the interpreter lock on big pieces
    return digest.hexdigest()


def read_unchanged(path: Path, fingerprint: str) -> bytes:
    """*path*'s bytes, or :class:`ConflictError` when they are no longer those of *fingerprint*."""
    current = read_bytes(path)
    if sha256_of([current]) != fingerprint:
        raise ConflictError(path)
    return current


def write_text(path: Path, text: str, bom: bool, *, backup: bytes | None = None) -> str:
    """Write *text* atomically in 1 MB pieces (after a BOM if *bom*); the new fingerprint."""
    pieces = encode_pieces(text, bom)
    atomic_write(path, pieces, backup=backup)
    return sha256_of(pieces)


def with_text(loaded: LoadedChecklist) -> LoadedChecklist:
    """*loaded* with its text, read again from disk after a save made in another process.

    Raises :class:`ConflictError` when the file no longer holds the bytes that
    save wrote.
    """
    if not loaded.text_on_disk:
        return loaded
    current = read_unchanged(loaded.path, loaded.fingerprint)
    text, bom = decode(current, str(loaded.path))
    return replace(loaded, text=text, bom=bom, text_on_disk=False)


def disk_changed(loaded: LoadedChecklist) -> bool:
    """True when *loaded*'s file no longer holds the bytes it was loaded from."""
    try:
        read_unchanged(loaded.path, loaded.fingerprint)
    except UserError:  # a ConflictError, or the file is gone or unreadable
        return True
    return False


def save(
    loaded: LoadedChecklist,
    checklist: Checklist | None = None,
    *,
    backup: bool = False,
    record: Snapshot | None = None,
) -> LoadedChecklist:
    """Write *checklist*'s changes into *loaded*'s file; return the new loaded state.

    *record*, when given, is *checklist*'s snapshot (see :func:`plan_for`).
    Raises :class:`ConflictError` if the file changed on disk since it was
    loaded, and :class:`UserError` when it cannot be written; either way
    *loaded* and *checklist* are untouched, so the changes can be saved again.
    With *backup*, the previous version is kept as ``FILE~``.
    """
    checklist = checklist or loaded.checklist
    loaded = with_text(loaded)
    changes, current = plan_for(loaded, checklist, record)
    text = loaded.text if changes.empty else edit_text(loaded.text, loaded.newline, changes)
    with folder_lock(loaded.path):
        on_disk = read_unchanged(loaded.path, loaded.fingerprint)
        if changes.empty:
            return loaded
        fingerprint = write_text(loaded.path, text, loaded.bom, backup=on_disk if backup else None)
    return replace(loaded, text=text, checklist=checklist, fingerprint=fingerprint, baseline=current)

"""Save a checklist: change only the edited values' characters, write atomically.

Three promises (see docs/guarantees.md):

* **Only what changed changes.**  Each edited value is replaced in place in the
  file's text; a key the item did not have is added as one line after the
  item's last key.  Comments, key order, blank lines and quoting survive.
  Where the layout is one the span editor does not follow (an item written as
  an inline table), tomlkit does the edit instead.
* **Atomic.**  A temp file in the same folder is written, flushed, fsynced and
  renamed over the original, so a crash leaves the old file or the new one.
* **No lost updates.**  A save first re-reads the file; if it changed since it
  was loaded, the save refuses with :class:`ConflictError`.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import signal
import stat
import tempfile
import threading
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from ita_tui.checklist_file import ItemState, LoadedChecklist, decode, read_bytes, state_of
from ita_tui.errors import EXIT_PROBLEMS, UserError, os_reason
from ita_tui.i18n import Message, status_label
from ita_tui.model import Checklist, Status
from ita_tui.toml_spans import DocumentMap, KeyValue, ScanError, scan

TEMP_PREFIX = ".ita-tui-"
TEMP_SUFFIX = ".tmp"
BACKUP_SUFFIX = "~"
# Writes go out in chunks so that a save can be interrupted between them in
# tests (ITA_TUI_KILL_AT=write:N); ITA_TUI_WRITE_CHUNK makes them small.
DEFAULT_CHUNK = 1 << 20
# The order in which keys an item did not have are appended to it.
_EDITABLE_KEYS = ("status", "score", "notes", "updated")

# What an absent key means; setting it to this adds no line.
_DEFAULTS: dict[str, object] = {"status": Status.NOT_STARTED, "notes": ""}


class ConflictError(UserError):
    """The file changed on disk since it was loaded; saving would overwrite someone's work."""

    def __init__(self, path: Path) -> None:
        super().__init__(Message.of("save.conflict", path=str(path)), EXIT_PROBLEMS)
        self.path = path


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str


# -- rendering values --------------------------------------------------------


def _escape_basic(text: str, *, multiline: bool) -> str:
    out = []
    for char in text:
        code = ord(char)
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == "\n" and multiline:
            out.append("\n")
        elif char == "\t":
            out.append("\\t" if not multiline else "\t")
        elif code < 0x20 or code == 0x7F:
            out.append({"\n": "\\n", "\r": "\\r", "\b": "\\b", "\f": "\\f"}.get(char, f"\\u{code:04X}"))
        else:
            out.append(char)
    return "".join(out)


def render_string(value: str, old: str | None = None, newline: str = "\n") -> str:
    """*value* as a TOML string, in the old value's quoting style where it can be."""
    if "\n" in value:
        # A multi-line note reads better in the file as lines than as \n escapes;
        # the newline after the opening quotes is not part of the value.
        body = _escape_basic(value, multiline=True).replace("\n", newline)
        return f'"""{newline}{body}"""'
    # A literal string stays literal when the value can be one: no quote, no control character.
    literal = "'" not in value and not any(ord(c) < 0x20 or ord(c) == 0x7F for c in value if c != "\t")
    if literal and old is not None and old.startswith("'") and not old.startswith("'''"):
        return f"'{value}'"
    return f'"{_escape_basic(value, multiline=False)}"'


def render_number(value: float) -> str:
    """A score as TOML: ``100`` for whole numbers, else the shortest exact float."""
    return str(int(value)) if value.is_integer() else repr(value)


def render_datetime(value: datetime) -> str:
    """A TOML offset date-time (or local date-time when *value* is naive)."""
    return value.isoformat()


def _render_status(status: Status, old_text: str | None) -> str:
    # Keep the file's language: a status written in Thai stays in Thai.
    old_value = _decode_value(old_text) if old_text else None
    thai = isinstance(old_value, str) and any("\u0e00" <= c <= "\u0e7f" for c in old_value)
    return render_string(status_label(status, "th") if thai else status.value, old_text)


def _decode_value(raw: str) -> Any:
    return tomllib.loads(f"v = {raw}")["v"]


def render_value(key: str, value: Any, old_text: str | None, newline: str = "\n") -> str:
    """The TOML text for an editable *key* of an item."""
    if key == "status":
        return _render_status(value, old_text)
    if key == "score":
        return render_number(float(value))
    if key == "updated":
        return render_datetime(value)
    return render_string(str(value), old_text, newline)


# -- computing the new text ------------------------------------------------------


def _wanted(state: ItemState) -> dict[str, Any]:
    """The values the file should hold for *state*; None means the key should be absent."""
    return {
        "status": state.status,
        "score": state.score,
        "notes": state.notes,
        "updated": state.updated,
    }


def _item_edits(
    document: DocumentMap,
    text: str,
    path: tuple[int, int],
    old: ItemState,
    new: ItemState,
    newline: str,
) -> list[_Edit]:
    table = document.tables.get(("sections", path[0], "items", path[1]))
    if table is None or not table.keys:
        raise ScanError(f"item at sections[{path[0]}].items[{path[1]}] is not a [[sections.items]] table")
    present: dict[str, KeyValue] = {entry.path[-1]: entry for entry in table.keys}  # type: ignore[misc]
    before, after = _wanted(old), _wanted(new)
    edits: list[_Edit] = []
    additions: list[str] = []
    for key in _EDITABLE_KEYS:
        if before[key] == after[key]:
            continue
        entry = present.get(key)
        value = after[key]
        if entry is not None and value is None:
            edits.append(_Edit(entry.line_start, entry.line_end, ""))
        elif entry is not None:
            old_text = text[entry.value_start : entry.value_end]
            edits.append(
                _Edit(entry.value_start, entry.value_end, render_value(key, value, old_text, newline))
            )
        elif value is not None and _DEFAULTS.get(key) != value:
            additions.append(f"{key} = {render_value(key, value, None, newline)}{newline}")
    if additions:
        last = table.keys[-1]
        anchor = last.line_end
        prefix = "" if text[:anchor].endswith("\n") else newline
        edits.append(_Edit(anchor, anchor, prefix + "".join(additions)))
    return edits


def _apply(text: str, edits: list[_Edit]) -> str:
    pieces = []
    cursor = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        pieces.append(text[cursor : edit.start])
        pieces.append(edit.text)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _changes(loaded: LoadedChecklist, checklist: Checklist) -> dict[str, tuple[ItemState, ItemState]]:
    changes = {}
    for item in checklist.items():
        old = loaded.baseline.get(item.id)
        new = state_of(item)
        if old is not None and old != new:
            changes[item.id] = (old, new)
    return changes


def edit_text(text: str, newline: str, changes: list[tuple[tuple[int, int], ItemState, ItemState]]) -> str:
    """*text* with each item at (section index, item index) changed from its old state to its new.

    The span editor alone, without a model: a save in a child process
    (:mod:`ita_tui.save_worker`) calls it with what the app sends.  Raises
    :class:`ScanError` where the layout is one it does not follow.
    """
    if not changes:
        return text
    document = scan(text)
    edits = [
        edit
        for position, old, new in changes
        for edit in _item_edits(document, text, position, old, new, newline)
    ]
    return _apply(text, edits)


def render_text(loaded: LoadedChecklist, checklist: Checklist) -> str:
    """The file's new text with *checklist*'s changes since *loaded*; same text if none."""
    changes = _changes(loaded, checklist)
    if not changes:
        return loaded.text
    try:
        return edit_text(
            loaded.text,
            loaded.newline,
            [(loaded.positions[item_id], old, new) for item_id, (old, new) in changes.items()],
        )
    except ScanError:
        return render_text_with_tomlkit(loaded, checklist)


def render_text_with_tomlkit(loaded: LoadedChecklist, checklist: Checklist) -> str:
    """The same edit done through tomlkit: the fallback, and the oracle in tests."""
    import tomlkit

    document = tomlkit.parse(loaded.text)
    for item_id, (_old, new) in _changes(loaded, checklist).items():
        s, i = loaded.positions[item_id]
        table = document["sections"][s]["items"][i]
        for key, value in _wanted(new).items():
            current = table.get(key)
            if value is None:
                if key in table:
                    del table[key]
                continue
            if current is not None and _same(key, current, value):
                continue
            if current is None and _DEFAULTS.get(key) == value:
                continue
            old_text = current.as_string() if hasattr(current, "as_string") else None
            table[key] = _decode_value(render_value(key, value, old_text, loaded.newline))
    return tomlkit.dumps(document)


def _same(key: str, current: Any, value: Any) -> bool:
    if key == "status":
        return Status.parse(str(current)) is value
    if key == "score":
        return bool(float(current) == value)
    return bool(current == value)


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
        raise cannot_save(path, Message.of("save.not_regular"))
    if not mode & 0o222 or not os.access(path, os.W_OK):
        raise cannot_save(path, Message.of("save.read_only"))
    return mode & 0o7777


def _save_error(path: Path, error: OSError) -> UserError:
    return cannot_save(path, os_reason(error))


def cannot_save(path: Path, reason: Message | str) -> UserError:
    """``PATH: cannot save: REASON; the changes are not saved`` (exit 1)."""
    return UserError(Message.of("save.failed", path=str(path), reason=reason), EXIT_PROBLEMS)


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
    loaded: LoadedChecklist, checklist: Checklist | None = None, *, backup: bool = False
) -> LoadedChecklist:
    """Write *checklist*'s changes into *loaded*'s file; return the new loaded state.

    Raises :class:`ConflictError` if the file changed on disk since it was
    loaded, and :class:`UserError` when it cannot be written; either way
    *loaded* and *checklist* are untouched, so the changes can be saved again.
    With *backup*, the previous version is kept as ``FILE~``.
    """
    checklist = checklist or loaded.checklist
    loaded = with_text(loaded)
    unchanged = not _changes(loaded, checklist)
    text = loaded.text if unchanged else render_text(loaded, checklist)
    with folder_lock(loaded.path):
        current = read_unchanged(loaded.path, loaded.fingerprint)
        if unchanged:
            return loaded
        fingerprint = write_text(loaded.path, text, loaded.bom, backup=current if backup else None)
    return replace(
        loaded,
        text=text,
        checklist=checklist,
        fingerprint=fingerprint,
        baseline={item.id: state_of(item) for item in checklist.items()},
    )

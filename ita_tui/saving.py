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

import hashlib
import tomllib
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from ita_tui.checklist_file import ItemState, LoadedChecklist, decode, read_bytes, state_of
from ita_tui.errors import EXIT_PROBLEMS, UserError
from ita_tui.fs.atomic import atomic_write
from ita_tui.fs.locking import file_lock
from ita_tui.i18n import Message, status_label
from ita_tui.model import Checklist, Status
from ita_tui.toml_spans import DocumentMap, KeyValue, ScanError, scan

# The order in which keys an item did not have are appended to it.
_EDITABLE_KEYS = ("status", "score", "notes", "due", "updated")

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
    if key == "due":
        return str(value.isoformat())  # a TOML local date: due = 2026-12-15
    return render_string(str(value), old_text, newline)


# -- computing the new text ------------------------------------------------------


def _wanted(state: ItemState) -> dict[str, Any]:
    """The values the file should hold for *state*; None means the key should be absent."""
    return {
        "status": state.status,
        "score": state.score,
        "notes": state.notes,
        "updated": state.updated,
        "due": state.due,
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
# The atomic write, the lock and what differs between platforms live in ita_tui.fs;
# `folder_lock` is the lock's earlier name (it locked the folder), kept for callers.
folder_lock = file_lock


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
    with file_lock(loaded.path):
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

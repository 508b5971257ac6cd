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

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ita_tui.checklist_file import NOT_RECORDED, LoadedChecklist, decode, read_bytes
from ita_tui.errors import EXIT_PROBLEMS, UserError
from ita_tui.file_edit import apply_plan
from ita_tui.fs.atomic import atomic_write
from ita_tui.fs.locking import file_lock
from ita_tui.i18n import Message
from ita_tui.model import Checklist
from ita_tui.plan import Plan, plan
from ita_tui.record import Snapshot, snapshot
from ita_tui.toml_spans import ScanError
from ita_tui.tomlkit_edit import apply_plan_with_tomlkit


class ConflictError(UserError):
    """The file changed on disk since it was loaded; saving would overwrite someone's work."""

    def __init__(self, path: Path) -> None:
        super().__init__(Message.of("save.conflict", path=str(path)), EXIT_PROBLEMS)
        self.path = path


def plan_for(
    loaded: LoadedChecklist, checklist: Checklist, record: Snapshot | None = None
) -> tuple[Plan, Snapshot]:
    """What a save of *checklist* over *loaded*'s file changes, and the snapshot it then holds.

    *record* is *checklist*'s snapshot when the caller has one (the app takes it
    cheaply from the baseline: :meth:`ita_tui.app.session.Session.snapshot`).
    """
    if loaded.baseline is NOT_RECORDED:
        raise ValueError(f"{loaded.path} was checked for reading only: load() it to save it")
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
# The atomic write, the lock and what differs between platforms live in ita_tui.fs;
# `folder_lock` is the lock's earlier name (it locked the folder), kept for callers.
folder_lock = file_lock


def encode_pieces(text: str, bom: bool, size: int = 1 << 20) -> Iterator[bytes]:
    """*text* encoded in pieces of *size* characters, after a BOM if the file had one, one
    piece at a time.

    Saves run in a worker thread while the app takes keys: encoding 35 MB of
    Thai in one call would hold the interpreter lock for tens of milliseconds,
    pieces hold it for one each.  Made as they are written, they never hold the
    whole file's bytes beside its text.
    """
    if bom:
        yield b"\xef\xbb\xbf"
    for start in range(0, len(text), size):
        yield text[start : start + size].encode("utf-8")


def sha256_of(pieces: Iterable[bytes]) -> str:
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
    digest = hashlib.sha256()

    def fingerprinted() -> Iterator[bytes]:
        for piece in encode_pieces(text, bom):
            digest.update(piece)
            yield piece

    atomic_write(path, fingerprinted(), backup=backup)
    return digest.hexdigest()


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
    with file_lock(loaded.path):
        # The bytes on disk are kept only for a backup: held through the write, a 35 MB
        # file's bytes raised a save's peak memory by as much again.
        previous: bytes | None = read_unchanged(loaded.path, loaded.fingerprint)
        if not backup:
            previous = None
        if changes.empty:
            return loaded
        fingerprint = write_text(loaded.path, text, loaded.bom, backup=previous)
    return replace(loaded, text=text, checklist=checklist, fingerprint=fingerprint, baseline=current)

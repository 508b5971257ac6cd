"""Save a big checklist in a child process, so that the app keeps the interpreter to itself.

The app saves in a worker thread, but a thread shares the interpreter lock:
the span scan of a 35 MB file, the edits, encoding and hashing are about
0.7 s of Python that the UI thread then has to queue behind, so keys typed
during a save of 10,000 items waited 0.1-0.2 s for their repaint.  For files
of :data:`CHILD_MIN_CHARS` characters and more, :func:`save` instead sends a
child process (``python -m ita_tui.save_worker``) only what is small -- the
path, the fingerprint the app loaded, and each changed item's position with
its old and new state, as JSON on stdin -- and the child does the rest:

* reads the file under :func:`ita_tui.fs.locking.file_lock` and compares its
  sha256 with the fingerprint (a mismatch is a :class:`ConflictError`);
* edits the text with :func:`ita_tui.saving.edit_text` (no model is built;
  where the span editor does not follow the layout tomlkit edits, exactly as
  an in-process save does);
* writes the result with :func:`ita_tui.fs.atomic.atomic_write`, and answers the
  new fingerprint on stdout.

The bytes are the bytes an in-process save writes (tests check it).  The app
does not need the new text: it keeps the new fingerprint and baseline, and its
:class:`LoadedChecklist` says ``text_on_disk``, so the next big save goes to a
child again and an in-process one reads the text back first
(:func:`ita_tui.saving.with_text`).  Errors come back as the same
:class:`UserError` / :class:`ConflictError` messages; a child that dies
mid-save leaves the old file whole (the atomic write) and is reported as a
failed save, with the changes still unsaved.  Small files keep the plain
in-thread save: no process start for a 16-item checklist.
"""

from __future__ import annotations

import json
import os
import pickle
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from ita_tui import saving
from ita_tui.checklist_file import LoadedChecklist
from ita_tui.errors import UserError
from ita_tui.fs.atomic import cannot_save
from ita_tui.fs.locking import file_lock
from ita_tui.i18n import Message
from ita_tui.model import Checklist
from ita_tui.plan import Plan
from ita_tui.record import Snapshot

# About 1-3 MB of UTF-8 (Thai takes three bytes a character): below this an
# in-thread save is quicker than starting a process and short enough not to be felt.
CHILD_MIN_CHARS = 1 << 20


def wants_child(loaded: LoadedChecklist) -> bool:
    """True when *loaded* is saved through a child process."""
    return loaded.text_on_disk or len(loaded.text) >= CHILD_MIN_CHARS


def save(
    loaded: LoadedChecklist,
    checklist: Checklist | None = None,
    *,
    record: Snapshot | None = None,
    backup: bool = False,
) -> LoadedChecklist:
    """:func:`ita_tui.saving.save`, done in a child process for big files.

    *record*, when given, is *checklist*'s snapshot (the app's, taken cheaply
    from the baseline: :meth:`Session.snapshot`).  Raises what
    :func:`ita_tui.saving.save` raises.
    """
    checklist = checklist or loaded.checklist
    if not wants_child(loaded):
        return saving.save(loaded, checklist, backup=backup, record=record)
    changes, current = saving.plan_for(loaded, checklist, record)
    try:
        fingerprint = save_in_child(loaded.path, loaded.fingerprint, changes, backup=backup)
    except _CannotStart:
        return saving.save(loaded, checklist, backup=backup, record=current)
    if changes.empty:
        return loaded
    return replace(
        loaded, text="", text_on_disk=True, checklist=checklist, fingerprint=fingerprint, baseline=current
    )


class _CannotStart(Exception):
    """The child process could not be started (the in-thread save is used instead)."""


def save_in_child(path: Path, fingerprint: str, changes: Plan, *, backup: bool = False) -> str:
    """Have a child process apply *changes* to *path* if it still has *fingerprint*; the new fingerprint."""
    # Pickled: the plan holds dates, enums and nested values, and the child is this very program.
    request = pickle.dumps(
        {"path": str(path), "fingerprint": fingerprint, "backup": backup, "plan": changes},
        protocol=pickle.HIGHEST_PROTOCOL,
    )
    env = dict(os.environ)
    # The child imports this package from where the app found it, wherever it runs.
    package_parent = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_parent, env.get("PYTHONPATH")]))
    try:
        done = subprocess.run(
            [sys.executable, "-m", "ita_tui.save_worker"],
            input=request,
            capture_output=True,
            env=env,
            check=False,
            # A fresh interpreter (the way Windows starts every child), with no console window of its own,
            # and below the app's priority: on a busy machine the keys typed meanwhile come first.
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0)
            | getattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0),
        )
    except OSError as error:
        raise _CannotStart(str(error)) from error
    reply = _reply(done.stdout)
    if done.returncode != 0 or reply is None:
        raise cannot_save(path, _how_it_ended(done))
    if reply.get("error") == "conflict":
        raise saving.ConflictError(path)
    if reply.get("error") == "user":
        words = reply["message"]
        message = Message.from_data(words) if isinstance(words, dict) else str(words)
        raise UserError(message, int(reply["exit_code"]))
    return str(reply["fingerprint"])


def _reply(output: bytes) -> dict[str, Any] | None:
    try:
        reply = json.loads(output.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return reply if isinstance(reply, dict) else None


def _how_it_ended(done: subprocess.CompletedProcess[bytes]) -> Message:
    if done.returncode < 0:
        try:
            name = signal.Signals(-done.returncode).name
        except ValueError:
            name = f"signal {-done.returncode}"
        return Message.of("save.process_stopped", how=name)
    lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
    if lines:
        return Message.of("save.process_failed", how=lines[-1])
    # Ended without a word: killed (on Windows a kill is an exit code, not a signal).
    return Message.of("save.process_stopped", how=f"exit {done.returncode}")


# -- the child -----------------------------------------------------------------------


def apply_request(request: dict[str, Any]) -> str:
    """Do a save as the child does: check, edit, write; the new fingerprint."""
    path = Path(request["path"])
    changes: Plan = request["plan"]
    with file_lock(path):
        current = saving.read_unchanged(path, request["fingerprint"])
        if changes.empty:
            return str(request["fingerprint"])
        from ita_tui.checklist_file import decode, newline_of

        text, bom = decode(current, str(path))
        # As in saving.save: the bytes on disk are held through the write only for a backup.
        previous = current if request.get("backup") else None
        del current
        new_text = saving.edit_text(text, newline_of(text), changes)
        return saving.write_text(path, new_text, bom, backup=previous)


def main() -> int:
    """Read one request on stdin, answer on stdout: ``{"fingerprint"}`` or ``{"error", ...}``."""
    if hasattr(os, "nice"):  # POSIX; on Windows the priority class is set at creation
        os.nice(5)
    request = pickle.loads(sys.stdin.buffer.read())
    reply: dict[str, Any]
    try:
        reply = {"fingerprint": apply_request(request)}
    except saving.ConflictError:
        reply = {"error": "conflict"}
    except UserError as error:
        words = error.words.to_data() if isinstance(error.words, Message) else error.words
        reply = {"error": "user", "message": words, "exit_code": error.exit_code}
    sys.stdout.write(json.dumps(reply))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

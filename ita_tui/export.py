"""Render a checklist summary into a file format, and pick where it is written.

Each format is a function from a :class:`~ita_tui.model.Checklist` and
:class:`ExportOptions` to bytes.  No Textual here: the command line and the
app both call :func:`render`.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ita_tui.errors import EXIT_USAGE, UserError
from ita_tui.model import Checklist, Status


@dataclass(frozen=True)
class ExportOptions:
    """What to put in a summary and how wide to make it."""

    width: int = 72
    statuses: frozenset[Status] = field(default_factory=lambda: frozenset(Status))
    full: bool = False
    lang: str = "en"
    box: bool = False
    today: date | None = None


Renderer = Callable[[Checklist, ExportOptions], bytes]


def _render_json(checklist: Checklist, options: ExportOptions) -> bytes:
    from ita_tui.json_form import checklist_dict

    data = checklist_dict(checklist)
    for section in data["sections"]:
        section["items"] = [item for item in section["items"] if Status(item["status"]) in options.statuses]
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# format name → (file extension, renderer)
FORMATS: dict[str, tuple[str, Renderer]] = {
    "json": ("json", _render_json),
}


def render(checklist: Checklist, fmt: str, options: ExportOptions) -> bytes:
    """The summary of *checklist* in format *fmt*."""
    return FORMATS[fmt][1](checklist, options)


_UNSAFE_NAME = re.compile(r"[^\w.\-]+", re.UNICODE)


def safe_stem(stem: str) -> str:
    """A file-name stem with no path separators, NUL or control characters, at most 80 chars."""
    cleaned = _UNSAFE_NAME.sub("-", stem).strip(".-") or "checklist"
    return cleaned[:80]


def default_path(folder: Path, stem: str, fmt: str, today: date) -> Path:
    """``folder/<stem>-<YYYY-MM-DD>.<ext>``: the first such name not yet taken (-2, -3 …)."""
    ext = FORMATS[fmt][0]
    base = f"{safe_stem(stem)}-{today.isoformat()}"
    candidate = folder / f"{base}.{ext}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{base}-{number}.{ext}"
        number += 1
    return candidate


def write_new(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write *data* to *path* whole; refuse to replace an existing file unless *overwrite*."""
    if overwrite:
        from ita_tui.saving import atomic_write

        atomic_write(path, data)
        return
    folder = path.parent
    try:
        fd, temp = tempfile.mkstemp(prefix=".ita-tui-export-", dir=folder)
    except OSError as error:
        raise UserError(f"{path}: cannot write: {error.strerror or error}", EXIT_USAGE) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # link() fails if the name is taken, so a file that appeared meanwhile is never replaced.
        os.link(temp, path)
    except FileExistsError:
        raise UserError(f"{path}: already exists (use --force to overwrite)", EXIT_USAGE) from None
    except OSError as error:
        raise UserError(f"{path}: cannot write: {error.strerror or error}", EXIT_USAGE) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)

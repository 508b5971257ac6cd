"""Render a checklist summary into a file format, and pick where it is written.

Each format is a function from a :class:`~ita_tui.model.Checklist` and
:class:`ExportOptions` to bytes, registered in :data:`FORMATS`.  No Textual
here: the command line and the app both call :func:`render`.

The renderers live in :mod:`ita_tui.exporters`, one module a format, and are
imported only when their format is used: a JSON, CSV or HTML export must not
pay for Rich's layout engine or for pythainlp's dictionary (about 0.8 s).
See docs/exports.md for each format's decisions.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from ita_tui.errors import EXIT_USAGE, UserError
from ita_tui.model import Checklist, Status


@dataclass(frozen=True)
class ExportOptions:
    """What to put in a summary and how to write it.

    *width* is in terminal cells: the text format wraps to it, the terminal
    formats (ansi, svg) lay out to it; Markdown, HTML, CSV and JSON reflow in
    their reader and ignore it.  *lang* is ``"th"`` or ``"en"`` (resolve it with
    :func:`ita_tui.i18n.resolve_lang`).  *thai_digits* writes ๐–๙ in Thai
    summaries (never in CSV or JSON, which are data).  *today* is the "as of"
    date (default: today), injectable so that golden files stay stable.
    *scoring* adds the computed score (ita_tui.scoring) beside the reported one.
    """

    width: int = 72
    statuses: frozenset[Status] = field(default_factory=lambda: frozenset(Status))
    full: bool = False
    lang: str = "en"
    box: bool = False
    today: date | None = None
    thai_digits: bool = False
    scoring: bool = True


Renderer = Callable[[Checklist, ExportOptions], bytes]


def _render_json(checklist: Checklist, options: ExportOptions) -> bytes:
    from ita_tui.json_form import checklist_dict, dumps

    data = checklist_dict(checklist)
    for section in data["sections"]:
        section["items"] = [item for item in section["items"] if Status(item["status"]) in options.statuses]
    if options.scoring:
        from ita_tui.scoring import score_checklist, to_json_dict

        data["scoring"] = to_json_dict(score_checklist(checklist))
    return dumps(data).encode("utf-8")


def _lazy(module: str, function: str = "render") -> Renderer:
    """A renderer that imports ``ita_tui.exporters.<module>`` when it is first called."""

    def renderer(checklist: Checklist, options: ExportOptions) -> bytes:
        real: Renderer = getattr(importlib.import_module(f"ita_tui.exporters.{module}"), function)
        return real(checklist, options)

    renderer.__name__ = f"{module}.{function}"
    return renderer


class Format(NamedTuple):
    """A format: its file extension, its renderer, its default width and a description.

    A tuple, so ``FORMATS[name][0]`` is the extension and ``[1]`` the renderer.
    """

    ext: str
    render: Renderer
    default_width: int
    description: str


# format name → Format; the order is the order of --help and of the app's dialog.
FORMATS: dict[str, Format] = {
    "text": Format("txt", _lazy("text"), 72, "plain text for the body of an email"),
    "md": Format("md", _lazy("markdown"), 72, "Markdown for GitHub, GitLab and chat"),
    "html": Format("html", _lazy("html"), 72, "a standalone web page that survives email"),
    "svg": Format("svg", _lazy("rich_formats", "render_svg"), 100, "the terminal view as a picture"),
    "ansi": Format("ans", _lazy("rich_formats", "render_ansi"), 100, "the terminal view with colour codes"),
    "csv": Format("csv", _lazy("csv_format"), 72, "a spreadsheet, one row an item (UTF-8 with BOM)"),
    "json": Format("json", _render_json, 72, "all data, machine-readable"),
}


def render(checklist: Checklist, fmt: str, options: ExportOptions) -> bytes:
    """The summary of *checklist* in format *fmt*."""
    return FORMATS[fmt][1](checklist, options)


# Letters, digits, _ . - and combining marks: Thai vowel and tone marks are not
# \w to Python, and without them "ที่" would become "ท-".
_UNSAFE_NAME = re.compile(r"[^\w.\-\u0300-\u036f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+", re.UNICODE)


# File systems limit a name to 255 bytes, and a Thai letter is 3 bytes in UTF-8: the stem
# is cut by bytes, leaving room for "-YYYY-MM-DD-NNN.html".
MAX_STEM_BYTES = 200


def safe_stem(stem: str) -> str:
    """A file-name stem with no path separators, spaces, NUL or control characters,
    at most :data:`MAX_STEM_BYTES` bytes of UTF-8, never cut inside a Thai cluster."""
    cleaned = _UNSAFE_NAME.sub("-", stem).strip(".-") or "checklist"
    if len(cleaned.encode("utf-8")) <= MAX_STEM_BYTES:
        return cleaned
    cut = len(cleaned.encode("utf-8")[:MAX_STEM_BYTES].decode("utf-8", "ignore"))
    while cut > 1 and _MARK.match(cleaned[cut]):
        cut -= 1  # a mark belongs to the letter before it: cut before that letter
    return cleaned[:cut].rstrip(".-")


_MARK = re.compile("[\u0300-\u036f\u0e31\u0e33-\u0e3a\u0e47-\u0e4e]")


def default_path(folder: Path, stem: str, fmt: str, today: date) -> Path:
    """``folder/<stem>-<YYYY-MM-DD>.<ext>``: the first such name not yet taken (-2, -3 …)."""
    return first_free_path(folder, f"{safe_stem(stem)}-{today.isoformat()}", FORMATS[fmt][0])


def first_free_path(folder: Path, base: str, ext: str) -> Path:
    """``folder/<base>.<ext>``, or ``<base>-2.<ext>``, ``-3`` … : the first name not yet taken."""
    candidate = folder / f"{base}.{ext}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{base}-{number}.{ext}"
        number += 1
    return candidate


class FileTakenError(UserError):
    """The export's file name is already taken (:func:`write_new` never replaces a file)."""


def write_new(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write *data* to *path* whole; refuse to replace an existing file unless *overwrite*."""
    from ita_tui.saving import atomic_write, new_file_mode, new_temp

    if overwrite:
        atomic_write(path, data)
        return
    try:
        fd, temp = new_temp(path)
    except OSError as error:
        raise UserError(f"{path}: cannot write: {error.strerror or error}", EXIT_USAGE) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); a new file gets the usual permissions.
        os.chmod(temp, new_file_mode())
        _claim(temp, path, data)
    except FileExistsError:
        raise FileTakenError(f"{path}: already exists (use --force to overwrite)", EXIT_USAGE) from None
    except OSError as error:
        raise UserError(f"{path}: cannot write: {error.strerror or error}", EXIT_USAGE) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def _claim(temp: str, path: Path, data: bytes) -> None:
    """Give the written *temp* the name *path*, failing with FileExistsError if it is taken."""
    try:
        # link() fails if the name is taken, so a file that appeared meanwhile is never replaced.
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
        # FAT/exFAT sticks and some network shares have no hard links: claim the name with O_EXCL.
        with open(path, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())


_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS}

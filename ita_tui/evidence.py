"""Evidence entries: what makes a web address well-formed, where a file path points.

Pure but for :func:`missing_files`, which looks whether files exist: no network,
no Textual.  The rules are the file format's (docs/format.md):

* a ``url`` is an ``http://`` or ``https://`` address with a host and no white
  space or control character in it (a browser would not open it as typed);
* a ``path`` is a file relative to the checklist's folder (absolute paths work
  too); ``\\`` is read as ``/`` so that a path written on Windows works
  elsewhere.

A problem is named by its key in the catalogue (:mod:`ita_tui.i18n`, imported
only by whoever shows it), so the loader reports it in English and the app in
the user's language, and loading a file never imports the catalogue.
"""

from __future__ import annotations

import os
import re
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ita_tui.model import Checklist

_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2400-\u2421\ufffd]")
_SCHEMES = ("http", "https")


def address_problem(url: str) -> str | None:
    """What is wrong with *url* as a web address a browser opens (a catalogue key), or None."""
    if not url.strip():
        return "evidence.bad.empty_url"
    if _SPACE_OR_CONTROL.search(url):
        return "evidence.bad.space"
    try:
        parts = urllib.parse.urlsplit(url)
        _port = parts.port  # raises ValueError for a port that is not a number 0-65535
    except ValueError:
        return "evidence.bad.port"
    scheme = parts.scheme.lower()
    if scheme == "file":
        return "evidence.bad.file_url"
    if scheme not in _SCHEMES:
        return "evidence.bad.scheme"
    if not parts.hostname:
        return "evidence.bad.host"
    return None


def looks_like_url(text: str) -> bool:
    """True when *text*, as typed, means a web address rather than a file (``://`` or ``www.``)."""
    stripped = text.strip().lower()
    return "://" in stripped or stripped.startswith("www.")


def resolve_path(address: str, folder: Path) -> Path:
    """Where the evidence file *address* lies: relative to *folder* unless absolute."""
    text = address.replace("\\", "/") if os.sep == "/" else address
    path = Path(text)
    return path if path.is_absolute() else folder / path


def missing_files(checklist: Checklist, folder: Path) -> list[tuple[tuple[str | int, ...], str]]:
    """The evidence paths of *checklist* with no file or folder there: (key path, the path written).

    The key path (``("sections", 0, "items", 2, "evidence", 1, "path")``) is in
    the file's order, which is the model's order as loaded.
    """
    missing: list[tuple[tuple[str | int, ...], str]] = []
    for s, section in enumerate(checklist.sections):
        for i, item in enumerate(section.items):
            for e, entry in enumerate(item.evidence):
                if entry.path is not None and not resolve_path(entry.path, folder).exists():
                    missing.append((("sections", s, "items", i, "evidence", e, "path"), entry.path))
    return missing

"""Evidence entries: what makes a web address well-formed, where a file path points.

Pure: no files are read here (the link check and the loader do that), no
network, no Textual.  The rules are the file format's (docs/format.md):

* a ``url`` is an ``http://`` or ``https://`` address with a host and no white
  space or control character in it (a browser would not open it as typed);
* a ``path`` is a file relative to the checklist's folder (absolute paths work
  too); ``\\`` is read as ``/`` so that a path written on Windows works
  elsewhere.

Problems are :class:`~ita_tui.i18n.Message` objects, so the loader reports them
in English and the app in the user's language.
"""

from __future__ import annotations

import os
import re
import urllib.parse
from pathlib import Path

from ita_tui.i18n import Message

_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2400-\u2421\ufffd]")
_SCHEMES = ("http", "https")


def address_problem(url: str) -> Message | None:
    """What is wrong with *url* as a web address a browser opens, or None when nothing is."""
    if not url.strip():
        return Message.of("evidence.bad.empty_url")
    if _SPACE_OR_CONTROL.search(url):
        return Message.of("evidence.bad.space")
    try:
        parts = urllib.parse.urlsplit(url)
        _port = parts.port  # raises ValueError for a port that is not a number 0-65535
    except ValueError:
        return Message.of("evidence.bad.port")
    scheme = parts.scheme.lower()
    if scheme == "file":
        return Message.of("evidence.bad.file_url")
    if scheme not in _SCHEMES:
        return Message.of("evidence.bad.scheme")
    if not parts.hostname:
        return Message.of("evidence.bad.host")
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

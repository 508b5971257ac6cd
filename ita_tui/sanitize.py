"""Make text from a checklist safe to show: data, never terminal control.

Checklists travel by email and shared drives; a title holding ``ESC ] 52``
could set the reader's clipboard, and a bidi override could make text read
backwards.  Rich and Textual strip none of this, so every string is cleaned
once, when it is loaded, and every error message once, when it is printed.
"""

from __future__ import annotations

import re

# C0 controls but TAB and LF, DEL, the C1 block, the bidi embeddings,
# overrides and isolates (U+202A–U+202E, U+2066–U+2069), and lone surrogates
# (a file name's bytes that are not UTF-8: no output encoding can write them).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures": ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def clean_text(text: str) -> str:
    """*text* with CRLF made LF and every unsafe control character made visible."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    return _UNSAFE.sub(_visible, text)


def clean_line(text: str) -> str:
    """*text* cleaned for a one-line context: newlines and tabs become spaces too."""
    return clean_text(text).replace("\n", " ").replace("\t", " ")


def unsafe_characters(text: str) -> list[tuple[int, str]]:
    """Offsets and names (``U+001B``) of the characters :func:`clean_text` would change."""
    if not _UNSAFE.search(text):  # the common case, and a hot path: every string of every load
        return []
    return [
        (match.start(), f"U+{ord(match.group()):04X}")
        for match in _UNSAFE.finditer(text.replace("\r\n", "\n"))
    ]

"""Write TOML values, keys and new blocks the way the file at hand writes them.

A save changes a file someone wrote by hand, so what it writes follows that
file's habits (:class:`Style`, read from the file by :func:`style_of`): the
line end, the indent of keys and headers, the spacing around ``=``, literal
``'...'`` or basic ``"..."`` strings, lists on one line or one entry a line,
a blank line between blocks or none.  A changed
value keeps the quoting and layout of the value it replaces.

Pure string work: no files.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from ita_tui.toml_spans import DocumentMap, KeyValue

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
SAMPLE = 200  # tables read for a file's habits
_THAI = re.compile("[\u0e00-\u0e7f]")


@dataclass(frozen=True)
class Style:
    """How a file writes things (see the module docstring)."""

    newline: str = "\n"
    key_indent: str = ""
    header_indent: str = ""
    equals: str = " = "
    literal_strings: bool = False
    multiline_lists: bool = True
    entry_indent: str = "    "
    blank_line: bool = True  # a blank line before each [[sections.items]] / [[sections]] header


def _majority(votes: list[bool], default: bool) -> bool:
    return sum(votes) * 2 > len(votes) if votes else default


def style_of(text: str, document: DocumentMap, newline: str) -> Style:
    """The habits of *text* (mapped as *document*), from its item and section tables."""
    # The first tables tell the habits well enough; a 10,000-item file need not be read whole.
    tables = [t for path, t in document.tables.items() if path[:1] == ("sections",)][:SAMPLE]
    entries = [entry for table in tables for entry in table.keys]
    sample = entries[0] if entries else None
    strings = [text[e.value_start] for e in entries if text[e.value_start] in "'\""]
    lists = [e for e in entries if text[e.value_start] == "["]
    blanks = [_blank_before(text, table.header_start) for table in tables if table.header_start > 0]
    return Style(
        newline=newline,
        key_indent=_indent(text, sample) if sample else "",
        header_indent=(" " * (tables[0].column - 1)) if tables else "",
        equals=_equals(text, sample) if sample else " = ",
        literal_strings=_majority([quote == "'" for quote in strings], False),
        multiline_lists=_majority(["\n" in text[e.value_start : e.value_end] for e in lists], True),
        entry_indent=_entry_indent(text, lists),
        blank_line=_majority(blanks, True),
    )


def _indent(text: str, entry: KeyValue) -> str:
    return text[entry.line_start : entry.line_start + entry.column - 1]


def _equals(text: str, entry: KeyValue) -> str:
    between = text[entry.line_start + entry.column - 1 : entry.value_start]
    match = re.search(r"\s*=\s*$", between)
    return match.group() if match else " = "


def _entry_indent(text: str, lists: list[KeyValue]) -> str:
    for entry in lists:
        match = re.match(r"\[[ \t]*\r?\n([ \t]+)\S", text[entry.value_start : entry.value_end])
        if match:
            return match.group(1)[len(_indent(text, entry)) :] or match.group(1)
    return "    "


def _blank_before(text: str, start: int) -> bool:
    """True when the line above the one at *start* is blank."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0:
        return False
    above = text.rfind("\n", 0, line_start - 1) + 1
    return not text[above:line_start].strip()


# -- values ----------------------------------------------------------------------


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


def _can_be_literal(value: str) -> bool:
    return "'" not in value and not any(ord(c) < 0x20 or ord(c) == 0x7F for c in value if c != "\t")


def render_string(value: str, old: str | None = None, newline: str = "\n", *, literal: bool = False) -> str:
    """*value* as a TOML string, in the old value's quoting style where it can be.

    Without an old value, *literal* asks for ``'...'`` (the file's habit) where it can be one.
    """
    if "\n" in value:
        # A multi-line note reads better in the file as lines than as \n escapes;
        # the newline after the opening quotes is not part of the value.
        body = _escape_basic(value, multiline=True).replace("\n", newline)
        return f'"""{newline}{body}"""'
    wants_literal = old.startswith("'") and not old.startswith("'''") if old is not None else literal
    if wants_literal and _can_be_literal(value):
        return f"'{value}'"
    return f'"{_escape_basic(value, multiline=False)}"'


def render_number(value: float) -> str:
    """A number as TOML: ``100`` for whole numbers, else the shortest exact float."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def render_key(key: str) -> str:
    """*key* bare when it can be (``period``), else quoted (``"ผู้รับผิดชอบ"``)."""
    return key if _BARE_KEY.fullmatch(key) else f'"{_escape_basic(key, multiline=False)}"'


def decode_value(raw: str) -> Any:
    """The value of the TOML text *raw*."""
    return tomllib.loads(f"v = {raw}")["v"]


def _status_text(value: str, old: str | None) -> str:
    # Keep the file's language: a status written in Thai stays in Thai (a new one is its key).
    from ita_tui.i18n import status_label
    from ita_tui.model import Status

    old_value = decode_value(old) if old else None
    thai = isinstance(old_value, str) and bool(_THAI.search(old_value))
    status = Status.parse(value)
    return status_label(status, "th") if thai and status is not None else value


def render_value(key: str, value: Any, old: str | None, style: Style, indent: str = "") -> str:
    """The TOML text of *value* for *key*, replacing the text *old* (None for a new key).

    *indent* is the indent of the key's line, for the entries of a list written
    one a line.
    """
    if key == "status" and isinstance(value, str):
        value = _status_text(value, old)
    if isinstance(value, str):
        return render_string(value, old, style.newline, literal=style.literal_strings)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return render_number(value) if isinstance(value, float) else str(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, list):
        return _render_list(value, old, style, indent)
    if isinstance(value, dict):
        inner = ", ".join(f"{render_key(k)} = {render_value(k, v, None, style)}" for k, v in value.items())
        return "{" + inner + "}" if inner else "{}"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def _render_list(value: list[Any], old: str | None, style: Style, indent: str) -> str:
    entries = [render_value("", entry, None, style) for entry in value]
    multiline = ("\n" in old) if old is not None and old.startswith("[") else style.multiline_lists
    if not entries:
        return "[]"
    if not multiline or any(isinstance(entry, dict) for entry in value):
        return "[" + ", ".join(entries) + "]"
    inner = indent + style.entry_indent
    nl = style.newline
    return "[" + nl + "".join(f"{inner}{entry},{nl}" for entry in entries) + indent + "]"


# -- new lines and blocks ----------------------------------------------------------------


def is_table_array(value: Any) -> bool:
    """True for a non-empty list of dicts: written as ``[[...]]`` tables."""
    return isinstance(value, list) and bool(value) and all(isinstance(entry, dict) for entry in value)


def is_empty(key: str, value: Any) -> bool:
    """True when writing *key* = *value* into a table that lacks it would add nothing.

    Empty strings, lists and tables, and a status of not-started (the default).
    """
    return value in ("", [], {}) or (key == "status" and value == "not-started")


def key_line(key: str, value: Any, style: Style) -> str:
    """One ``key = value`` line (with its line end)."""
    indent = style.key_indent
    value_text = render_value(key, value, None, style, indent)
    return f"{indent}{render_key(key)}{style.equals}{value_text}{style.newline}"


def render_block(
    header: str, data: dict[str, Any], style: Style, *, array: bool, keep: tuple[str, ...] = ()
) -> str:
    """A new table ``[header]`` (``[[header]]`` if *array*) holding *data*, after a blank line if usual.

    Empty values are left out but for the keys in *keep*; a dict value becomes a
    sub-table and a list of dicts an array of sub-tables, after the keys.
    """
    nl = style.newline
    brackets = ("[[", "]]") if array else ("[", "]")
    lines = [f"{nl if style.blank_line else ''}{style.header_indent}{brackets[0]}{header}{brackets[1]}{nl}"]
    tables = []
    for key, value in data.items():
        if isinstance(value, dict) and value:
            tables.append(render_block(f"{header}.{render_key(key)}", value, style, array=False))
        elif is_table_array(value):
            tables.extend(
                render_block(f"{header}.{render_key(key)}", entry, style, array=True) for entry in value
            )
        elif key in keep or not is_empty(key, value):
            lines.append(key_line(key, value, style))
    return "".join(lines + tables)


def render_document(document: dict[str, Any], style: Style) -> str:
    """A whole checklist file from its data (:meth:`ita_tui.record.Snapshot.document`), in *style*."""
    nl = style.newline
    text = f"format = {document.get('format', 1)}{nl}"
    text += render_block("checklist", document["checklist"], style, array=False)
    for section in document["sections"]:
        own = {key: value for key, value in section.items() if key != "items"}
        text += render_block("sections", own, style, array=True, keep=("id", "title"))
        for item in section["items"]:
            text += render_block("sections.items", item, style, array=True, keep=("id", "title", "status"))
    return text

"""Where each key of a TOML document stands in its text.

The loader parses with :mod:`tomllib` (fast, no layout), and this scanner maps
each key/value line and table header to its position and the span of its
value.  That gives problems a ``LINE:COL`` and lets a save replace one value's
characters and nothing else, which keeps comments, quoting and blank lines as
the person wrote them (tomlkit rewrites quoting of changed values and adds
blank lines around tables it touches).

The scanner only runs on text that :mod:`tomllib` has already accepted, so it
can trust the syntax; anything it does not follow raises :class:`ScanError`
and callers fall back to key paths (positions) or tomlkit (edits).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

Path = tuple[str | int, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")

# The fast path: one regex match per line for the shapes nearly every line of a
# checklist has — a blank or comment line; a table or array-of-tables header
# of bare keys; or ``bare_key = value`` where the value is a string of any of
# the four kinds, a scalar without spaces, or an array of those (over any
# number of lines, with comments, without nested arrays or inline tables).
# Quantifiers are possessive, so a line the pattern does not fit fails at
# once, with no backtracking, and the general scanner below takes that line.
# Strings use the unrolled form ``"[^"\\\n]*(?:\\.[^"\\\n]*)*"``: runs of plain
# characters are matched by one C loop, not one alternation a character.
# A one-line string never opens with three quotes, so ``"""`` is never read as
# an empty string followed by another.
_BASIC = r'"(?!"")[^"\\\n]*+(?:\\.[^"\\\n]*+)*+"'
_LITERAL = r"'(?!'')[^'\n]*+'"
# Up to two quotes may stand inside, or right before the closing delimiter.
_ML_BASIC = r'"""(?:[^"\\]++|\\[\s\S]|""?+(?!"))*+"{3,5}'
_ML_LITERAL = r"'''(?:[^']++|''?+(?!'))*+'{3,5}"
_SCALAR = r"[^\s,\[\]{}#\"']++"
_STRING = "|".join((_ML_BASIC, _BASIC, _ML_LITERAL, _LITERAL))
_ARRAY = r"\[(?:[ \t\r\n,]++|#[^\n]*+|" + _STRING + "|" + _SCALAR + r")*+\]"
_BARE_PARTS = r"[A-Za-z0-9_-]++(?:[ \t]*+\.[ \t]*+[A-Za-z0-9_-]++)*+"
_LINE_END = r"[ \t]*+(?:#[^\n]*+)?+\r?+(?:\n|\Z)"
_FAST_LINE = re.compile(
    r"[ \t]*+(?:"
    r"(?P<key>[A-Za-z0-9_-]++)[ \t]*+=[ \t]*+"
    r"(?P<value>" + _STRING + "|" + _ARRAY + "|" + _SCALAR + ")" + _LINE_END + "|"
    r"(?P<header>\[\[?+)[ \t]*+(?P<name>" + _BARE_PARTS + r")[ \t]*+\]\]?+" + _LINE_END + "|"
    r"(?:#[^\n]*+|\r)?+(?:\n|\Z)"
    r")"
)
_DOT = re.compile(r"[ \t]*\.[ \t]*")
_DATE_TIME_SPACE = re.compile(r"\d{4}-\d{2}-\d{2} \d")
_SCALAR_END = re.compile(r"[\s,\]\}#]")


class ScanError(ValueError):
    """The text uses a construct the scanner does not follow."""


@dataclass(slots=True)
class KeyValue:
    """One ``key = value`` line: where the key and its value stand."""

    path: Path
    line: int  # 1-based line of the key
    column: int  # 1-based column of the key
    line_start: int  # offset of the first character of the line
    value_start: int
    value_end: int
    line_end: int  # offset just past the end of the line (after its newline)


@dataclass(slots=True)
class Table:
    """A table: its header's position and the key/value lines directly under it."""

    path: Path
    line: int
    column: int
    header_start: int
    header_end: int  # offset just past the header line
    keys: list[KeyValue] = field(default_factory=list)
    # Just past its last key line (dotted keys too), or its header's end: kept even when
    # its keys are not (see ``scan(wanted=...)``), for what cuts the text into blocks.
    content_end: int = 0

    def __post_init__(self) -> None:
        self.content_end = max(self.content_end, self.header_end)


@dataclass
class DocumentMap:
    """Every table header, and the key/value lines of the tables asked for, by path."""

    tables: dict[Path, Table]
    keys: dict[Path, KeyValue]

    def position(self, path: Path) -> tuple[int, int] | None:
        """Line and column of *path*, or of its nearest ancestor that has one."""
        for end in range(len(path), 0, -1):
            prefix = path[:end]
            if prefix in self.keys:
                entry = self.keys[prefix]
                return entry.line, entry.column
            if prefix in self.tables:
                table = self.tables[prefix]
                return table.line, table.column
        return None


class _Scanner:
    def __init__(self, text: str, wanted: Callable[[Path], bool] | None = None) -> None:
        self.text = text
        self.wanted = wanted
        self.pos = 0
        self.line = 1
        self.line_start = 0
        self.aot_counts: dict[Path, int] = {}
        self.current = Table((), 1, 1, 0, 0)
        self.keeping = wanted is None or wanted(())
        self.tables: dict[Path, Table] = {(): self.current}
        self.keys: dict[Path, KeyValue] = {}

    # -- low-level movement -------------------------------------------------
    def _peek(self, length: int = 1) -> str:
        return self.text[self.pos : self.pos + length]

    def _advance_to(self, new_pos: int) -> None:
        """Move to *new_pos*, counting the newlines crossed."""
        segment = self.text[self.pos : new_pos]
        newlines = segment.count("\n")
        if newlines:
            self.line += newlines
            self.line_start = self.text.rfind("\n", 0, new_pos) + 1
        self.pos = new_pos

    def _skip_spaces(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in " \t":
            self.pos += 1

    def _skip_to_line_end(self) -> int:
        """Skip spaces and a comment; return the offset just past the newline."""
        end = self.text.find("\n", self.pos)
        end = len(self.text) if end < 0 else end + 1
        self._advance_to(end)
        return end

    def _skip_blank_and_comments(self) -> None:
        """Inside arrays and inline tables: whitespace, newlines and comments."""
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char in " \t\r\n":
                self._advance_to(self.pos + 1)
            elif char == "#":
                end = self.text.find("\n", self.pos)
                self._advance_to(len(self.text) if end < 0 else end)
            else:
                return

    # -- keys -------------------------------------------------------------
    def _key(self) -> list[str]:
        """A dotted key at the current position."""
        parts: list[str] = []
        while True:
            self._skip_spaces()
            parts.append(self._simple_key())
            self._skip_spaces()
            if self._peek() != ".":
                return parts
            self.pos += 1

    def _simple_key(self) -> str:
        char = self._peek()
        if char == '"':
            return self._decode_quoted(self._basic_string_end(self.pos))
        if char == "'":
            end = self.text.index("'", self.pos + 1) + 1
            key = self.text[self.pos + 1 : end - 1]
            self.pos = end
            return key
        match = _BARE_KEY.match(self.text, self.pos)
        if not match:
            raise ScanError(f"unexpected character {char!r} at line {self.line}")
        self.pos = match.end()
        return match.group()

    def _decode_quoted(self, end: int) -> str:
        import tomllib

        raw = self.text[self.pos : end]
        self.pos = end
        return str(tomllib.loads(f"k = {raw}")["k"])

    # -- values -----------------------------------------------------------
    def _basic_string_end(self, start: int) -> int:
        index = start + 1
        while True:
            char = self.text[index]
            if char == "\\":
                index += 2
            elif char == '"':
                return index + 1
            elif char == "\n":
                raise ScanError("newline in a basic string")
            else:
                index += 1

    def _multiline_end(self, start: int, quote: str) -> int:
        delimiter = quote * 3
        index = start + 3
        while True:
            if quote == '"' and self.text[index] == "\\":
                index += 2
                continue
            if self.text.startswith(delimiter, index):
                end = index + 3
                # Up to two quotes may stand right before the closing delimiter.
                while end - index < 5 and self.text.startswith(quote, end):
                    end += 1
                return end
            index += 1

    def _value(self) -> None:
        """Move past one value of any kind."""
        text, start = self.text, self.pos
        if text.startswith('"""', start) or text.startswith("'''", start):
            self._advance_to(self._multiline_end(start, text[start]))
        elif text[start] == '"':
            self._advance_to(self._basic_string_end(start))
        elif text[start] == "'":
            self._advance_to(text.index("'", start + 1) + 1)
        elif text[start] == "[":
            self._array()
        elif text[start] == "{":
            self._inline_table()
        else:
            self._scalar()

    def _scalar(self) -> None:
        end_search_from = self.pos
        if _DATE_TIME_SPACE.match(self.text, self.pos):
            end_search_from = self.pos + 11  # the space between date and time
        match = _SCALAR_END.search(self.text, end_search_from)
        end = match.start() if match else len(self.text)
        if end == self.pos:
            raise ScanError(f"empty value at line {self.line}")
        self.pos = end

    def _array(self) -> None:
        self._advance_to(self.pos + 1)
        while True:
            self._skip_blank_and_comments()
            char = self._peek()
            if char == "]":
                self.pos += 1
                return
            if char == ",":
                self.pos += 1
                continue
            if not char:
                raise ScanError("unterminated array")
            self._value()

    def _inline_table(self) -> None:
        self.pos += 1
        while True:
            self._skip_spaces()
            char = self._peek()
            if char == "}":
                self.pos += 1
                return
            if char == ",":
                self.pos += 1
                continue
            if not char or char == "\n":
                raise ScanError("unterminated inline table")
            self._key()
            self._skip_spaces()
            if self._peek() != "=":
                raise ScanError(f"expected '=' at line {self.line}")
            self.pos += 1
            self._skip_spaces()
            self._value()

    # -- lines ------------------------------------------------------------
    def _resolve(self, parts: list[str]) -> Path:
        """Turn header key parts into a path, indexing arrays of tables."""
        path: Path = ()
        for part in parts:
            path = (*path, part)
            if path in self.aot_counts:
                path = (*path, self.aot_counts[path] - 1)
        return path

    def _header(self) -> None:
        start, line, column = self.pos, self.line, self.pos - self.line_start + 1
        is_array = self.text.startswith("[[", self.pos)
        self.pos += 2 if is_array else 1
        parts = self._key()
        self._skip_spaces()
        self.pos += 2 if is_array else 1
        self._skip_spaces()
        end = self._skip_to_line_end()
        self._open_table(parts, is_array, line, column, start, end)

    def _open_table(
        self, parts: list[str], is_array: bool, line: int, column: int, start: int, end: int
    ) -> None:
        if is_array:
            parent = (*self._resolve(parts[:-1]), parts[-1])
            counts = self.aot_counts
            counts[parent] = counts.get(parent, 0) + 1
            # A new element of an array of tables starts its own sub-arrays afresh.
            depth = len(parent)
            stale = [known for known in counts if len(known) > depth and known[:depth] == parent]
            for known in stale:
                del counts[known]
            path = (*parent, counts[parent] - 1)
        else:
            path = self._resolve(parts)
        self.current = Table(path, line, column, start, end)
        self.keeping = self.wanted is None or self.wanted(path)
        self.tables[path] = self.current

    def _key_value(self) -> None:
        line_start, line, column = self.line_start, self.line, self.pos - self.line_start + 1
        parts = self._key()
        self._skip_spaces()
        if self._peek() != "=":
            raise ScanError(f"expected '=' at line {line}")
        self.pos += 1
        self._skip_spaces()
        value_start = self.pos
        self._value()
        value_end = self.pos
        self._skip_spaces()
        line_end = self._skip_to_line_end()
        self.current.content_end = line_end
        if not self.keeping:
            return
        entry = KeyValue(
            self.current.path + tuple(parts),
            line,
            column,
            line_start,
            value_start,
            value_end,
            line_end,
        )
        self.keys[entry.path] = entry
        if len(parts) == 1:
            self.current.keys.append(entry)

    def scan(self, fast: bool = True) -> DocumentMap:
        """Walk the text line by line: the fast pattern first, the general scanner where it fails."""
        text = self.text
        length = len(text)
        fast_line = _FAST_LINE.match if fast else None
        keys = self.keys
        count = text.count
        while self.pos < length:
            if fast_line is not None:
                # Always at a line start here: every step below ends past a newline.
                match = fast_line(text, self.pos)
                if match is not None:
                    end = match.end()
                    key = match.group("key")
                    if key is not None:
                        value_start, value_end = match.span("value")
                        table = self.current
                        table.content_end = end
                        newlines = count("\n", value_start, end)
                        if self.keeping:
                            entry = KeyValue(
                                (*table.path, key),
                                self.line,
                                match.start("key") - self.pos + 1,
                                self.pos,
                                value_start,
                                value_end,
                                end,
                            )
                            keys[entry.path] = entry
                            table.keys.append(entry)
                    else:
                        header = match.start("header")
                        if header >= 0:
                            self._open_table(
                                _DOT.split(match.group("name")),
                                match.end("header") - header == 2,
                                self.line,
                                header - self.pos + 1,
                                header,
                                end,
                            )
                        newlines = 1 if text[end - 1 : end] == "\n" else 0
                    self.line += newlines
                    self.pos = self.line_start = end
                    continue
            self._skip_spaces()
            char = self._peek()
            if char in ("\n", "\r", "#", ""):
                self._skip_to_line_end()
            elif char == "[":
                self._header()
            else:
                self._key_value()
        return DocumentMap(self.tables, self.keys)


def scan(text: str, wanted: Callable[[Path], bool] | None = None) -> DocumentMap:
    """Map the tables and keys of *text*, a document :mod:`tomllib` accepts.

    With *wanted*, only the keys of the tables it says yes to (called with each
    table's path, in the order of the text) are mapped: a save that changes one
    item of 10,000 then holds a few hundred key entries, not 87,000 (36 MiB).
    Every table is mapped still, with where its content ends.
    Raises :class:`ScanError` on constructs the scanner does not follow.
    """
    try:
        return _Scanner(text, wanted).scan()
    except (IndexError, ValueError) as error:
        raise ScanError(str(error)) from error

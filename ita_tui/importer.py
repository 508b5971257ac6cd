"""Read last year's ITA report (Markdown or HTML tables) into a checklist.

Pure: no terminal, no files.  :func:`parse_report` turns the report's text into
the checklist document (the plain data a checklist TOML file holds) plus the
notices met on the way; :func:`to_toml` writes that document as a readable
checklist file.  The rules for reading cells and splitting lists are in
``docs/import.md``; the bundled FY2566 checklist follows the same rules, and a
test checks that importing the seed report gives exactly that file.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import PurePath
from typing import Any, Literal

import tomlkit
from tomlkit.items import AoT, Array
from tomlkit.items import Table as TomlTable

from ita_tui.i18n import CATALOGUE, Lang, Message, status_label
from ita_tui.model import GROUPS, INDICATOR_NAMES, ITEM_KEYS, FieldValue, Status
from ita_tui.sanitize import clean_line

MEASURES_TITLE = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
MEASURES_ID = "measures"

Level = Literal["skipped", "warning", "note"]


# -- results -------------------------------------------------------------------


@dataclass(frozen=True)
class Notice:
    """Something met while reading: a skipped row, an ambiguity, or a note.

    Skipped rows and warnings make the import unclean (exit 1); notes do not.
    """

    line: Where | None
    message: Message | str
    level: Level = "warning"

    def render(self, source: str, lang: Lang = "en") -> str:
        """``SOURCE:LINE: message``, or ``SOURCE: table 2, row 3: message`` for Word and Excel
        (``note:``/``skipped:`` prefixed), in *lang*."""
        text = self.message.render(lang) if isinstance(self.message, Message) else self.message
        if self.level != "warning":
            text = Message.of(f"import.level.{self.level}", message=text).render(lang)
        if isinstance(self.line, Place):
            where = f"{source}: {self.line.message().render(lang)}"
        else:
            where = f"{source}:{self.line}" if self.line is not None else source
        return f"{where}: {text}"


@dataclass
class ImportResult:
    """The checklist document read from a report, and every notice met."""

    source: str
    document: dict[str, Any]
    notices: list[Notice] = field(default_factory=list)

    @property
    def skipped(self) -> list[Notice]:
        """Rows and tables that were left out."""
        return [n for n in self.notices if n.level == "skipped"]

    @property
    def warnings(self) -> list[Notice]:
        """Ambiguities that were not guessed at."""
        return [n for n in self.notices if n.level == "warning"]

    @property
    def clean(self) -> bool:
        """True when nothing was skipped and nothing was ambiguous."""
        return not self.skipped and not self.warnings

    def items(self) -> list[dict[str, Any]]:
        """Every item, in file order."""
        return [item for section in self.document.get("sections", []) for item in section["items"]]


# -- reading cells -------------------------------------------------------------

# A checkbox: an <input type="checkbox">, a ballot-box glyph, or one of the other ways
# real documents write one (a tick, a white square, "[x]"), then its label, which runs
# to the next tag, the next box or the end of the cell.
_CHECKED_MARKS = "☑☒✓✔✅"
_EMPTY_MARKS = "☐□"
_BRACKET_BOX = r"\[[ xX✓✔]\]"
_BOX = re.compile(
    rf"(<input\b[^>]*>|[{_CHECKED_MARKS}{_EMPTY_MARKS}]|{_BRACKET_BOX})"
    rf"((?:(?!{_BRACKET_BOX})[^<{_CHECKED_MARKS}{_EMPTY_MARKS}])*)",
    re.IGNORECASE,
)
# Marks that are boxes only when a status follows them: elsewhere a tick or "[x]" is text.
_SOFT_MARKS = frozenset("✓✔✅□")
_BOX_REFS = re.compile(r"&#(?:974[456]|x261[012]);", re.IGNORECASE)  # the glyphs as HTML references
# Tags that end a block of text inside a cell: each block is one list entry.
_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|li|br|div|ol|ul|tr)\b[^>]*>", re.IGNORECASE)
_LIST_ITEM = re.compile(r"<\s*li\b", re.IGNORECASE)
_OL_OPEN = re.compile(r"<\s*ol\b", re.IGNORECASE)
_TAG = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>")
# Tags inside a line of text (Word's HTML wraps runs, even parts of a Thai word, in <span>):
# removed without a space, in cells as in paragraphs.  Any other tag still separates words.
INLINE_TAGS = frozenset(
    ("a", "abbr", "b", "big", "cite", "code", "del", "dfn", "em", "font")
    + ("i", "ins", "kbd", "mark", "o:p", "q", "s", "samp", "small", "span")
    + ("strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr")
)
_INLINE_TAG = re.compile(
    r"<\s*/?\s*(?:" + "|".join(sorted(INLINE_TAGS, key=len, reverse=True)) + r")(?=[\s/>])[^>]*>",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
# An entry marker: "N." (not a decimal point) or "-" at the start of the text
# or after whitespace.  Whether it really starts an entry is decided in
# _split_block: mid-text, a dash must touch a letter and a number must
# continue the count, so that "2566 - 2567" and "ข้อ 3." stay whole.
_MARKER = re.compile(r"(?<!\S)(?:(\d{1,2})\.(?!\d)|-)")


@dataclass(frozen=True)
class Box:
    """One status checkbox found in a row."""

    checked: bool
    label: str
    status: Status | None


def _box_label(label: str) -> tuple[str, Status | None]:
    """The label's status and the text after it: the longest leading run of words that is a status."""
    words = label.split()
    for count in range(len(words), 0, -1):
        status = Status.parse(" ".join(words[:count]))
        if status is not None:
            return " ".join(words[count:]), status
    return "", None


def extract_boxes(raw: str) -> tuple[str, list[Box]]:
    """*raw* cell text without its checkboxes and their labels, and the boxes found."""
    boxes: list[Box] = []

    def take(match: re.Match[str]) -> str:
        mark, label = match.group(1), match.group(2)
        rest, status = _box_label(label)
        if mark.startswith("<"):
            if not re.search(r"type\s*=\s*[\"']?checkbox", mark, re.IGNORECASE):
                return label  # some other input: drop the tag, keep the text
            checked = re.search(r"\bchecked\b", mark, re.IGNORECASE) is not None
        elif status is None and (mark in _SOFT_MARKS or mark.startswith("[")):
            return match.group(0)  # "✓ ทำคู่มือ", "[x]" in a sentence: text, not a box
        else:
            checked = mark not in _EMPTY_MARKS and mark != "[ ]"
        boxes.append(Box(checked, _clean(label), status))
        return f" {rest} " if status is not None else " "

    return _BOX.sub(take, _BOX_REFS.sub(lambda ref: html.unescape(ref.group()), raw)), boxes


def _clean(text: str) -> str:
    """Tags stripped (inline ones without a space), entities unescaped, spaces made one, ends trimmed."""
    return _SPACES.sub(" ", html.unescape(_TAG.sub(" ", _INLINE_TAG.sub("", text)))).strip()


def flat_text(raw: str) -> str:
    """A cell as one line of text (for titles and numbers): no tags, no list splitting."""
    return _clean(_BLOCK_TAG.sub(" ", raw))


def _split_block(text: str, last: int) -> tuple[list[str], int, bool]:
    """Split one block at its entry markers: (entries, last number seen, any marker found)."""
    cuts: list[tuple[int, int]] = []  # (start of marker, end of marker)
    for match in _MARKER.finditer(text):
        at_start = not text[: match.start()].strip()
        after = text[match.end() : match.end() + 1]
        if match.group(1) is None:  # a dash
            if at_start or (after and not after.isspace() and not after.isdigit() and after != "-"):
                cuts.append((match.start(), match.end()))
            continue
        number = int(match.group(1))
        if at_start or number == 1 or number == last + 1:
            cuts.append((match.start(), match.end()))
            last = number
    if not cuts:
        return [text], last, False
    pieces = [text[: cuts[0][0]]]
    for index, (_, end) in enumerate(cuts):
        stop = cuts[index + 1][0] if index + 1 < len(cuts) else len(text)
        pieces.append(text[end:stop])
    return [p.strip() for p in pieces if p.strip()], last, True


def cell_value(raw: str) -> FieldValue | None:
    """A detail field from a cell: a string, a list of entries, or None when empty.

    Blocks (``<p>``, ``<li>``, ``<br>``) and markers (``1.``, ``-``) start
    entries.  A cell with one unmarked entry is a plain string; an ``<ol>``
    whose items carry neither ``<li>`` nor numbers stays one string.
    """
    blocks = [_clean(block) for block in _BLOCK_TAG.split(raw)]
    entries: list[str] = []
    listed = _LIST_ITEM.search(raw) is not None
    last = 0
    for block in blocks:
        if block:
            found, last, marked = _split_block(block, last)
            entries.extend(found)
            listed = listed or marked
    if not entries:
        return None
    if len(entries) == 1 and not listed:
        return entries[0]
    return entries


def cell_lines(raw: str) -> str:
    """A cell as text whose blocks (``<p>``, ``<br>`` …) are lines: how notes are read."""
    lines = [_clean(block) for block in _BLOCK_TAG.split(raw)]
    return "\n".join(lines).strip("\n")


def unsplit_list(raw: str) -> bool:
    """True for an ``<ol>`` cell whose entries lost both ``<li>`` and numbers."""
    return bool(_OL_OPEN.search(raw)) and isinstance(cell_value(raw), str)


# -- reading the document into blocks ------------------------------------------


# The table model every reader produces (Markdown and HTML here, Word and Excel in
# ita_tui/importing/): text lines and tables whose cells are HTML, where each
# block was met, then one builder (below) for every format.


@dataclass(frozen=True)
class Place:
    """Where a block was met in a document without lines: a Word table, a sheet, a row."""

    table: int | None = None  # Word: the table's number in the document, from 1
    sheet: str | None = None  # Excel: the sheet's name
    row: int | None = None  # the row within the Word table, or the sheet's own row number
    paragraph: int | None = None  # Word: a paragraph outside tables, from 1

    def __str__(self) -> str:
        return self.message().render("en")

    def message(self) -> Message:
        """Where, in words: ``sheet 'Plan', row 3`` / ``ชีต 'Plan', แถว 3``."""
        parts = [Message.of("import.place.sheet", name=repr(self.sheet))] if self.sheet is not None else []
        numbers = [(name, n) for name, n in self._numbers() if n is not None]
        parts += [Message.of(f"import.place.{name}", number=n) for name, n in numbers]
        joined = parts[-1] if parts else Message.of("import.place.none")
        for part in reversed(parts[:-1]):
            joined = Message.of("import.place.pair", first=part, second=joined)
        return joined

    def _numbers(self) -> tuple[tuple[str, int | None], ...]:
        return (("table", self.table), ("paragraph", self.paragraph), ("row", self.row))


# A line number (Markdown, HTML) or a Place (Word, Excel).
Where = int | Place


def _at(where: Where) -> Message:
    """*where* in a sentence: ``line 12`` or ``table 2, row 3``."""
    return Message.of("import.at_line", line=where) if isinstance(where, int) else where.message()


@dataclass
class TableRow:
    """A row of a table: its cells as HTML."""

    line: Where
    cells: list[str]


@dataclass
class TableBlock:
    """A table: its header row (when the source marks one) and its rows."""

    line: Where
    header: TableRow | None = None
    rows: list[TableRow] = field(default_factory=list)


@dataclass
class TextLine:
    """A line of text outside tables; *heading* when the source sets it as a heading."""

    line: Where
    text: str
    heading: bool = False


Block = TableBlock | TextLine
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")


def _markdown_cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    return [cell.replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", body)]


def _text_line(text: str) -> str:
    """A line outside tables as plain text: no heading marks, emphasis or tags."""
    text = re.sub(r"<!--.*?-->", " ", text)
    text = re.sub(r"^\s*#{1,6}\s+", "", text)
    text = _clean(text)
    return re.sub(r"^(\*\*|__)(.*)\1$", r"\2", text).strip()


def _read_markdown(lines: list[str]) -> list[Block]:
    """Tables (a header is a row followed by a separator line) and text lines."""
    blocks: list[Block] = []
    table: TableBlock | None = None
    for index, line in enumerate(lines):
        number = index + 1
        if not line.lstrip().startswith("|"):
            table = None
            text = _text_line(line)
            if text and not _SEPARATOR.match(line):
                blocks.append(TextLine(number, text))
            continue
        if _SEPARATOR.match(line):
            continue  # under a header: already taken with it
        row = TableRow(number, _markdown_cells(line))
        if index + 1 < len(lines) and _SEPARATOR.match(lines[index + 1]):
            table = TableBlock(number, header=row)  # a header, maybe repeated for a new page
            blocks.append(table)
        elif table is None:
            table = TableBlock(number)
            blocks.append(table)
            table.rows.append(row)
        else:
            table.rows.append(row)
    return blocks


class _HtmlReader(HTMLParser):
    """HTML tables as blocks; cell contents are kept as raw HTML for the cell rules."""

    _TEXT_BREAKS = frozenset(
        ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "header", "footer")
    )
    _SKIP = frozenset(("head", "script", "style", "title"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.blocks: list[Block] = []
        self._depth = 0  # nesting of tables; inner tables stay raw cell text
        self._skip = 0
        self._table: TableBlock | None = None
        self._row: TableRow | None = None
        self._row_header = False
        self._cell: list[str] | None = None
        self._text: list[str] = []
        self._text_line = 0

    def _line(self) -> int:
        return self.getpos()[0]

    def _flush_text(self) -> None:
        text = _text_line("".join(self._text))
        if text:
            self.blocks.append(TextLine(self._text_line, text))
        self._text = []

    def _tag_in_text(self, tag: str) -> None:
        """A tag met outside tables: a block ends the line, an inline tag is nothing, any other a space."""
        if tag in self._TEXT_BREAKS:
            self._flush_text()
        elif tag not in INLINE_TAGS and self._text:
            self._text.append(" ")

    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.cells.append("".join(self._cell))
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row is not None and self._table is not None:
            if self._row_header and self._table.header is None and not self._table.rows:
                self._table.header = self._row
            else:
                self._table.rows.append(self._row)
        self._row = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip += 1
        elif self._cell is not None and not (self._depth == 1 and tag in ("td", "th", "tr")):
            self._depth += tag == "table"
            self._cell.append(self.get_starttag_text() or "")
        elif tag == "table":
            self._flush_text()
            self._depth, self._table = 1, TableBlock(self._line())
            self.blocks.append(self._table)
        elif tag == "tr" and self._table is not None:
            self._end_row()
            self._row, self._row_header = TableRow(self._line(), []), True
        elif tag in ("td", "th") and self._row is not None:
            self._end_cell()
            self._cell = []
            self._row_header = self._row_header and tag == "th"
        elif self._table is None:
            self._tag_in_text(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._cell is not None:
            self._cell.append(self.get_starttag_text() or "")
        elif self._table is None:
            self._tag_in_text(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif self._cell is not None and not (self._depth == 1 and tag in ("td", "th", "tr", "table")):
            self._depth -= tag == "table"
            self._cell.append(f"</{tag}>")
        elif tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag == "table":
            self._end_row()
            self._table, self._depth = None, 0
        elif self._table is None:
            self._tag_in_text(tag)

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._cell is not None:
            self._cell.append(data)
        elif self._table is None:
            if not self._text and data.strip():
                self._text_line = self._line() + data[: len(data) - len(data.lstrip())].count("\n")
            self._text.append(data)

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def _reference(self, reference: str) -> None:
        # Characters that could read as markup stay escaped until the cell
        # rules unescape them; the rest (☑, &nbsp;) become themselves now.
        char = html.unescape(reference)
        self.handle_data(reference if char in "<>&" else char)

    def close(self) -> None:
        super().close()
        self._end_row()
        self._flush_text()


def _read_html(text: str) -> list[Block]:
    reader = _HtmlReader()
    reader.feed(text)
    reader.close()
    return reader.blocks


def _is_html(text: str, source: str) -> bool:
    if source.lower().endswith((".html", ".htm")):
        return True
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html")) or re.search(r"<table\b", text, re.I) is not None


# -- columns ---------------------------------------------------------------------

Role = Literal["number", "title", "status", "score", "field", "id", "notes", "due", "skip"]

# Known headers, matched on the header with spaces removed: (prefix, role, key).
_KNOWN_HEADERS: tuple[tuple[str, Role, str], ...] = (
    ("วิธีดำเนินการ", "field", "actions"),
    ("วิธีการดำเนินการ", "field", "actions"),
    ("ระยะเวลา", "field", "period"),
    ("ผู้รับผิดชอบ", "field", "responsible"),
    ("สรุปผล", "field", "results"),
    ("ผลลัพธ์", "field", "outcomes"),
    ("แนวทาง", "field", "approach"),
    ("ความก้าวหน้า", "field", "progress"),
    ("สถานะ", "status", "status"),
    ("คะแนน", "score", "score"),
    ("หมายเหตุ", "notes", "notes"),
    ("กำหนดเสร็จ", "due", "due"),
    # What ita-tui's own exports add: ita-tui writes `updated` itself, so it is not read back.
    ("แก้ไขล่าสุด", "skip", "updated"),
    # The same columns in an English export.
    ("status", "status", "status"),
    ("score", "score", "score"),
    ("notes", "notes", "notes"),
    ("due", "due", "due"),
    ("updated", "skip", "updated"),
)
# Headers of the number and title columns, matched whole (a measure's own
# title also starts with "มาตรการ", so prefixes would not do).
_NUMBER_HEADERS = frozenset({"ลำดับ", "ลำดับที่", "ที่", "ข้อ", "no", "no."})
# An item's id as written (ita-tui's exports add it when ids are not M1, M2 … and I1 … I10).
_ID_HEADERS = frozenset({"รหัส", "id"})
_MEASURE_HEADERS = frozenset(
    {"มาตรการ/กิจกรรม", "มาตรการ", "กิจกรรม", "มาตรการหรือกิจกรรม", "มาตรการ/โครงการ", "รายการ"}
    | {"measure", "item"}
)
_INDICATOR_HEADERS = frozenset({"ตัวชี้วัด", "ตัวชี้วัด/คะแนน", "ตัวชี้วัดและคะแนน", "ตัวชี้วัด(คะแนน)", "indicator"})


@dataclass(frozen=True)
class Column:
    """What one table column holds: its role, its key (for fields) and its header."""

    role: Role
    key: str
    label: str


def _known_column(label: str) -> Column | None:
    compact = re.sub(r"\s+", "", label).lower()
    if compact in _NUMBER_HEADERS:
        return Column("number", "number", label)
    if compact in _ID_HEADERS:
        return Column("id", "id", label)
    if compact in _MEASURE_HEADERS or compact in _INDICATOR_HEADERS:
        return Column("title", "indicator" if compact in _INDICATOR_HEADERS else "measure", label)
    for prefix, role, key in _KNOWN_HEADERS:
        if compact.startswith(prefix):
            return Column(role, key, label)
    return None


def looks_like_header(cells: list[str]) -> bool:
    """True for a row that heads an item table: a title column and at least one other known column."""
    columns = [_known_column(flat_text(cell)) for cell in cells]
    return any(c and c.role == "title" for c in columns) and sum(c is not None for c in columns) >= 2


# -- building the checklist ------------------------------------------------------

_BARE_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_INDICATOR_CELL = re.compile(r"^(?:ตัวชี้วัด(?:ที่)?|Indicator)\s*(\d{1,2})(?!\d)\s*[:.\-–]?\s*(.*)$")
_SCORE_TAIL = re.compile(r"^(.*?)\s*\(?\s*(?:คะแนน|score)\s*[:=]?\s*(.*?)\s*\)?$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_GROUP_WORD = re.compile(r"(?<![A-Za-z])(IIT|EIT|OIT)(?![A-Za-z])")


def _free_id(base: str, used: set[str]) -> str:
    """*base* with the first suffix (-2, -3 …) not in *used*."""
    number = 2
    while f"{base}-{number}" in used:
        number += 1
    return f"{base}-{number}"


def indicator_group(number: int) -> str:
    """The ITA group of indicator *number*: IIT 1–5, EIT 6–8, OIT 9–10."""
    return "IIT" if number <= 5 else "EIT" if number <= 8 else "OIT"


@dataclass
class _Heading:
    title: str
    group: str | None
    subtitle: str


@dataclass
class _SectionBuild:
    id: str
    group: str | None
    title: str = ""
    subtitle: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    items: list[dict[str, Any]] = field(default_factory=list)


class _Builder:
    def __init__(self, source: str) -> None:
        self.source = source
        self.notices: list[Notice] = []
        self.sections = {MEASURES_ID: _SectionBuild(MEASURES_ID, None, MEASURES_TITLE)}
        self.keys_by_label: dict[str, str] = {}
        self.used_numbers: set[int] = set()
        self.used_ids: set[str] = set()
        self.seen_indicators: dict[int, Where] = {}
        self.last_header: list[Column] | None = None
        self.unnamed: list[tuple[Where, str]] = []  # (where, id) of indicators named officially

    def notice(self, line: Where | None, key: str, level: Level = "warning", /, **fields: object) -> None:
        """Note ``Message.of(key, **fields)`` at *line* (``import.*`` keys)."""
        # A text that is no catalogue key stays as it is (English until it gets one).
        message: Message | str = Message.of(key, **fields) if key in CATALOGUE else key
        self.notices.append(Notice(line, message, level))

    # -- columns --
    def columns(self, header: TableRow) -> list[Column] | None:
        """The header's columns, or None (and the table skipped) without a title column."""
        labels = [flat_text(cell) for cell in header.cells]
        known = [_known_column(label) for label in labels]
        if not any(column and column.role == "title" for column in known):
            return None
        columns = []
        for position, (label, column) in enumerate(zip(labels, known, strict=True), start=1):
            if column is None:
                column = Column("field", self._unknown_key(label, position), label)
                if label:
                    fields = {"position": position, "label": repr(label), "key": column.key}
                    self.notice(header.line, "import.unknown_column", "note", **fields)
            columns.append(column)
        return columns

    def _skip_table(self, header: TableRow, rows: int, line: Where) -> None:
        """Skip a table without a title column, saying what it is when that can be told."""
        labels = [flat_text(cell) for cell in header.cells]
        numbered = [label for label in labels if _INDICATOR_CELL.match(label)]
        if len(numbered) >= 2:
            # "หน่วยงาน | ตัวชี้วัดที่ 1 | … | ตัวชี้วัดที่ 10": one agency a row, compared.
            fields = {"first": numbered[0], "last": numbered[-1], "rows": rows}
            self.notice(line, "import.indicators_as_columns", "skipped", **fields)
        else:
            self.notice(line, "import.no_title_column", "skipped", rows=rows)

    def _unknown_key(self, label: str, position: int) -> str:
        if label not in self.keys_by_label:
            taken = set(self.keys_by_label.values())
            # A header that is itself a key ("owner": a field the checklist gave no label) keeps it.
            if _BARE_KEY.match(label) and label not in ITEM_KEYS and label not in taken:
                self.keys_by_label[label] = label
                return label
            number = position
            while f"field_{number}" in taken:
                number += 1
            self.keys_by_label[label] = f"field_{number}"
        return self.keys_by_label[label]

    # -- tables --
    def table(self, table: TableBlock, heading: _Heading | None) -> None:
        rows = table.rows
        if table.header is None and rows and looks_like_header(rows[0].cells):
            table.header, rows = rows[0], rows[1:]
        if table.header is not None:
            columns = self.columns(table.header)
            if columns is None:
                self._skip_table(table.header, len(rows), table.line)
                return
        elif self.last_header is not None and rows and len(rows[0].cells) == len(self.last_header):
            columns = self.last_header  # a table split across pages, its header not repeated
        else:
            for row in rows:
                self.notice(row.line, "import.row_outside", "skipped")
            return
        self.last_header = columns
        header_cells = [column.label for column in columns]
        indicators = next(c for c in columns if c.role == "title").key == "indicator"
        for row in rows:
            if [flat_text(cell) for cell in row.cells] == header_cells:
                continue  # the header again, repeated for a new page
            self.row(row, columns, indicators, heading)

    def row(self, row: TableRow, columns: list[Column], indicators: bool, heading: _Heading | None) -> None:
        cells = row.cells
        extra = cells[len(columns) :]
        if any(flat_text(cell) for cell in extra):
            self.notice(row.line, "import.too_many_cells", "skipped", cells=len(cells), header=len(columns))
            return
        if len(cells) < len(columns):
            self.notice(row.line, "import.too_few_cells", "skipped", cells=len(cells), header=len(columns))
            return
        if not any(flat_text(cell) for cell in cells):
            return
        item = self.indicator(row, columns, heading) if indicators else self.measure(row, columns)
        if item is not None:
            self.fill(item, row, columns)

    def measure(self, row: TableRow, columns: list[Column]) -> dict[str, Any] | None:
        values = {
            c.role: flat_text(cell)
            for c, cell in zip(columns, row.cells, strict=False)
            if c.role in ("number", "title")
        }
        title = values.get("title", "")
        if not title:
            self.notice(row.line, "import.measure_without_title", "skipped")
            return None
        number = self._measure_number(values.get("number", ""), row.line)
        section = self.sections[MEASURES_ID]
        item: dict[str, Any] = {"id": self._id(row, columns, f"M{number}"), "title": title}
        section.items.append(item)
        self._labels(section, columns)
        return item

    def _measure_number(self, text: str, line: Where) -> int:
        match = re.fullmatch(r"(\d{1,3})\s*\.?", text)
        number = int(match.group(1)) if match else 0
        if not number or number in self.used_numbers:
            fallback = max(self.used_numbers, default=0) + 1
            if text:
                self.notice(line, "import.measure_number", text=repr(text), id=f"M{fallback}")
            number = fallback
        self.used_numbers.add(number)
        return number

    def indicator(
        self, row: TableRow, columns: list[Column], heading: _Heading | None
    ) -> dict[str, Any] | None:
        title_cell = next(cell for c, cell in zip(columns, row.cells, strict=False) if c.role == "title")
        match = _INDICATOR_CELL.match(flat_text(title_cell))
        if match is None:
            text = flat_text(title_cell)[:40]
            self.notice(row.line, "import.no_indicator_number", "skipped", text=repr(text))
            return None
        number = int(match.group(1))
        if not 1 <= number <= 10:
            self.notice(row.line, "import.indicator_out_of_range", "skipped", number=number)
            return None
        if number in self.seen_indicators:
            first = self.seen_indicators[number]
            self.notice(row.line, "import.indicator_again", "skipped", number=number, first=_at(first))
            return None
        self.seen_indicators[number] = row.line
        title, score = self._title_and_score(match.group(2), row.line)
        if not title:
            # Some reports give only "ตัวชี้วัดที่ 3 คะแนน 91.5": the indicators' names are official.
            title = INDICATOR_NAMES[number]
            self.unnamed.append((row.line, f"I{number}"))
        item: dict[str, Any] = {
            "id": self._id(row, columns, f"I{number}"),
            "title": title,
            "indicator": number,
        }
        if score is not None:
            item["score"] = score
        section = self._group_section(indicator_group(number), heading)
        section.items.append(item)
        self._labels(section, columns)
        return item

    def _id(self, row: TableRow, columns: list[Column], derived: str) -> str:
        """The id in the row's รหัส column, else *derived*; an id already used is not taken twice."""
        written = next(
            (flat_text(cell) for c, cell in zip(columns, row.cells, strict=False) if c.role == "id"), ""
        )
        chosen = written or derived
        if chosen in self.used_ids:
            fallback = derived if derived not in self.used_ids else _free_id(derived, self.used_ids)
            self.notice(row.line, "import.id_taken", id=repr(chosen), fallback=fallback)
            chosen = fallback
        self.used_ids.add(chosen)
        return chosen

    def _due(self, text: str, line: Where, item_id: str) -> date | None:
        """A due date as written (15/12/2569, 15 ธ.ค. 2569, 2026-12-15); a warning if it is not one."""
        if not text or text == "-":
            return None
        from ita_tui.dates import DateError, parse_date

        try:
            return parse_date(text)
        except DateError:
            self.notice(line, "import.bad_due", id=item_id, text=repr(text))
            return None

    def _title_and_score(self, text: str, line: Where) -> tuple[str, float | None]:
        match = _SCORE_TAIL.match(text) if "คะแนน" in text or " score " in f" {text} " else None
        if match is None:
            return text, None
        title, score = match.group(1).strip(), match.group(2).strip()
        return title, self._score(score, line)

    def _score(self, text: str, line: Where) -> float | None:
        if not text:
            return None
        value = float(text) if _NUMBER.match(text) else None
        if value is None or not 0 <= value <= 100:
            self.notice(line, "import.bad_score", text=repr(text))
            return None
        return value

    def _group_section(self, group: str, heading: _Heading | None) -> _SectionBuild:
        section = self.sections.setdefault(group.lower(), _SectionBuild(group.lower(), group))
        if not section.title and heading is not None and heading.group == group:
            section.title, section.subtitle = heading.title, heading.subtitle
        return section

    def _labels(self, section: _SectionBuild, columns: list[Column]) -> None:
        for column in columns:
            if column.role == "field" and column.label:
                section.labels.setdefault(column.key, column.label)

    # -- cells --
    def fill(self, item: dict[str, Any], row: TableRow, columns: list[Column]) -> None:
        boxes: list[Box] = []
        fields: dict[str, FieldValue] = {}
        status_text = notes = ""
        due: date | None = None
        for column, raw in zip(columns, row.cells, strict=False):
            raw, found = extract_boxes(raw)
            boxes.extend(found)
            if column.role == "status":
                status_text = flat_text(raw)
            elif column.role == "score" and "score" not in item:
                score = self._score(flat_text(raw), row.line)
                if score is not None:
                    item["score"] = score
            elif column.role == "notes":
                notes = cell_lines(raw)
            elif column.role == "due":
                due = self._due(flat_text(raw), row.line, item["id"])
            elif column.role == "field":
                value = cell_value(raw)
                if value is not None:
                    fields[column.key] = value
                if unsplit_list(raw):
                    self.notice(row.line, "import.unsplit_list", "note", id=item["id"], label=column.label)
        item["status"] = self.status(boxes, status_text, row.line, item["id"]).value
        item["notes"] = notes
        if due is not None:
            item["due"] = due
        item.update(fields)

    def status(self, boxes: list[Box], text: str, line: Where, item_id: str) -> Status:
        checked = [box for box in boxes if box.checked]
        if len(checked) > 1:
            labels = ", ".join(box.label for box in checked)
            self.notice(line, "import.boxes_checked", id=item_id, count=len(checked), labels=labels)
        elif checked and checked[0].status is None:
            self.notice(line, "import.box_not_status", id=item_id, label=repr(checked[0].label))
        elif checked and checked[0].status is not None:
            return checked[0].status
        elif boxes:
            self.notice(line, "import.no_box_checked", id=item_id)
        elif text:
            status = Status.parse(text)
            if status is not None:
                return status
            self.notice(line, "import.status_not_known", id=item_id, text=repr(text))
        return Status.NOT_STARTED


# -- the document head -----------------------------------------------------------

_YEAR = re.compile(r"(?:ปีงบประมาณ|พ\.\s*ศ\.|FY)\s*(?:พ\.\s*ศ\.)?\s*(\d{4})(?!\d)")
# A paragraph that only names the fiscal year (and its span), as ita-tui's exports write it
# under the organization when the title does not name the year: the year, not description.
_YEAR_LINE = re.compile(r"^(?:(?:ประจำ)?ปีงบประมาณ\s*(?:พ\.\s*ศ\.)?|FY)\s*\d{4}(?:\s*\([^()]*\))?$")
# The overall score (\d matches Thai digits too): "ได้คะแนน 95.75 (ผ่านดี)", "คะแนน ITA 67.54",
# "คะแนนรวม: 90", or with the number first, "ได้ ๙๑.๑๕ คะแนน"; then the rating in brackets, if any.
_SCORE = r"(\d{1,3}(?:\.\d+)?)(?![\d.])"
_BRACKETS = r"\s*(?:\(\s*([^)]+?)\s*\))?"
_OVERALL_WORD_FIRST = re.compile(
    r"คะแนน(?:\s*(?:รวม|เฉลี่ย|ภาพรวม|ที่ได้|การประเมิน|ITA))*\s*[:=]?\s*" + _SCORE + r"(?:\s*คะแนน)?" + _BRACKETS
)
_OVERALL_NUMBER_FIRST = re.compile(r"ได้(?:รับ)?\s*" + _SCORE + r"\s*คะแนน" + _BRACKETS)
_RATING_WORD = re.compile(r"ระดับ\s*(ผ่านดีเยี่ยม|ผ่านดี|ไม่ผ่าน|ผ่าน)")
_RATING_LETTER = re.compile(r"ระดับ\s*(AA|A|B|C|D|E|F)(?![A-Za-z])")
# Spellings typed in place of one letter: two sara-e for sara-ae (คะเเนน), nikhahit and
# sara-aa for sara-am (คะแนนนํา).  Read as the letter; the text itself is kept as written.
_TYPED_FOR = (("เเ", "แ"), ("\u0e4d\u0e32", "\u0e33"))


def _normalise(text: str) -> str:
    """*text* with the common typings of one Thai letter as that letter, for matching only."""
    for typed, letter in _TYPED_FOR:
        text = text.replace(typed, letter)
    return text


def _overall(text: str) -> tuple[float | None, str | None]:
    """The overall score in *text* and the rating in brackets after it (either may be None)."""
    text = _normalise(text)
    found = [m for m in (_OVERALL_WORD_FIRST.search(text), _OVERALL_NUMBER_FIRST.search(text)) if m]
    for match in sorted(found, key=lambda m: m.start()):
        score = float(match.group(1))
        if 0 <= score <= 100:
            return score, match.group(2)
    return None, None


def _rating(text: str, in_brackets: str | None) -> tuple[str | None, str | None]:
    """The rating, and the other wording when the report gives both a word and a band letter.

    ``(ผ่าน) ระดับ AA``: the letter is kept (it can be checked against the score).
    """
    text = _normalise(text)
    letter = _RATING_LETTER.search(text)
    word = in_brackets or (found.group(1) if (found := _RATING_WORD.search(text)) else None)
    if letter is not None:
        return letter.group(1), word if word and word != letter.group(1) else None
    return word, None


def _fiscal_year(texts: list[str]) -> int | None:
    for text in texts:
        for match in _YEAR.finditer(text):
            year = int(match.group(1))
            if 2400 <= year <= 2700:
                return year
    return None


def _head(lines: list[TextLine], source: str, builder: _Builder) -> dict[str, Any]:
    """Title, organization, year, overall score, rating and description from the text before the tables."""
    texts = [line.text for line in lines]
    title = texts[0] if texts else PurePath(source).stem
    rest = texts[1:]
    if rest and rest[0].startswith("ประจำปี"):  # the title wrapped onto a second line
        title, rest = f"{title} {rest[0]}", rest[1:]
    head: dict[str, Any] = {"title": title}
    if rest:
        head["organization"] = rest[0]
    description = "\n\n".join(line for line in rest[1:] if not _YEAR_LINE.match(line))
    year = _fiscal_year([title, *rest[1:]])
    if year is not None:
        head["fiscal_year"] = year
    overall, in_brackets = _overall(description)
    if overall is not None:
        head["overall_score"] = overall
    rating, also = _rating(description, in_brackets)
    if rating:
        head["rating"] = rating
    if also:
        builder.notice(None, "import.rating_both", "note", kept=rating, other=also)
    if re.search("[\u0e00-\u0e7f]", title + description):
        head["language"] = "th"
    if description:
        head["description"] = description
    return head


def _split_head(lines: list[TextLine]) -> tuple[list[TextLine], list[TextLine]]:
    """The head and the first table's heading: headings just above the table (a Word heading,
    a sheet's title row) head it rather than end the description; the title always stays."""
    keep = len(lines)
    while keep > 1 and lines[keep - 1].heading:
        keep -= 1
    return lines[:keep], lines[keep:]


def _heading(context: list[TextLine]) -> _Heading | None:
    """The last line before a table that names a group, and the lines after it."""
    for index in range(len(context) - 1, -1, -1):
        match = _GROUP_WORD.search(context[index].text)
        if match is not None:
            subtitle = " ".join(line.text for line in context[index + 1 :])
            return _Heading(context[index].text, match.group(1), subtitle)
    return None


def _walk(blocks: list[Block]) -> Iterator[tuple[TableBlock, list[TextLine]]]:
    """Each table with the text lines between it and the table before."""
    context: list[TextLine] = []
    for block in blocks:
        if isinstance(block, TextLine):
            context.append(block)
        else:
            yield block, context
            context = []


def parse_report(text: str, source: str) -> ImportResult:
    """Read a report's text (Markdown or HTML tables) into a checklist document.

    *source* names the report in notices and tells HTML by its suffix.  Rows
    that cannot be read are skipped and reported; nothing is guessed.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    blocks = _read_html(text) if _is_html(text, source) else _read_markdown(text.split("\n"))
    return parse_blocks(blocks, source)


def parse_blocks(blocks: list[Block], source: str) -> ImportResult:
    """Read a document already cut into text lines and tables (any reader's) into a checklist document."""
    builder = _Builder(source)
    head_lines: list[TextLine] | None = None
    for table, context in _walk(blocks):
        if head_lines is None:
            head_lines, context = _split_head(context)
        builder.table(table, _heading(context))
    if head_lines is None:
        head_lines = [block for block in blocks if isinstance(block, TextLine)]
        builder.notice(None, "import.no_tables", "skipped")
    if builder.unnamed:
        ids = ", ".join(ident for _, ident in builder.unnamed)
        builder.notice(builder.unnamed[0][0], "import.official_names", "note", ids=ids)
    head = _head(head_lines, source, builder)
    return ImportResult(source, _document(head, builder), builder.notices)


def _document(head: dict[str, Any], builder: _Builder) -> dict[str, Any]:
    measures = builder.sections[MEASURES_ID]
    if measures.labels:
        head["labels"] = measures.labels
    sections = []
    for section_id in (MEASURES_ID, *(group.lower() for group in GROUPS)):
        build = builder.sections.get(section_id)
        if build is None or not build.items:
            continue
        section: dict[str, Any] = {"id": build.id, "title": build.title or build.group or build.id}
        if build.group:
            section["group"] = build.group
            build.items.sort(key=lambda item: item["indicator"])
            if build.subtitle:
                section["subtitle"] = build.subtitle
            if build.labels:
                section["labels"] = build.labels
        section["items"] = build.items
        sections.append(section)
    return {"format": 1, "checklist": head, "sections": sections}


# -- summary -----------------------------------------------------------------------


def summary_lines(result: ImportResult, lang: Lang = "en") -> list[str]:
    """What was found, in plain text: head, counts of measures, indicators, statuses and scores."""
    from ita_tui.i18n import t

    head = result.document["checklist"]
    items = result.items()
    indicators = [item for item in items if "indicator" in item]
    by_group = {g: sum(indicator_group(i["indicator"]) == g for i in indicators) for g in GROUPS}
    statuses = {s: sum(item["status"] == s.value for item in items) for s in Status}
    missing = [item["id"] for item in indicators if "score" not in item]
    overall = head.get("overall_score")
    not_found = t("import.summary.not_found", lang)
    score = f"{overall:g}" if overall is not None else t("import.summary.not_stated", lang)
    if head.get("rating"):
        score += f" ({head['rating']})"
    # English names statuses by their keys (as the file writes them), Thai by their names.
    status_names = {s: status_label(s, lang) if lang == "th" else s.value for s in Status}
    scored = t("import.summary.scored", lang, scored=len(indicators) - len(missing), total=len(indicators))
    if missing:
        scored += " " + t("import.summary.no_score", lang, ids=", ".join(missing))
    values = {
        "title": head["title"],
        "organization": head.get("organization", not_found),
        "fiscal_year": head.get("fiscal_year", not_found),
        "overall": score,
        "measures": len(items) - len(indicators),
        "indicators": f"{len(indicators)} (" + ", ".join(f"{g} {n}" for g, n in by_group.items()) + ")",
        "statuses": ", ".join(f"{status_names[s]} {n}" for s, n in statuses.items()),
        "scores": scored,
    }
    lines = [t(f"import.summary.{name}", lang, value=value) for name, value in values.items()]
    lines.append(t("import.summary.counts", lang, skipped=len(result.skipped), warnings=len(result.warnings)))
    return lines


# -- writing -------------------------------------------------------------------------


def _value(value: Any) -> Any:
    """A TOML item for *value*: lists one entry per line, tables recursively."""
    if isinstance(value, list):
        array: Array = tomlkit.array()
        array.extend(value)
        return array.multiline(True)
    if isinstance(value, dict):
        table: TomlTable = tomlkit.table()
        for key, inner in value.items():
            table.add(key, _value(inner))
        return table
    return value


def _section_table(section: dict[str, Any]) -> TomlTable:
    table = tomlkit.table()
    for key, value in section.items():
        if key != "items":
            table.add(key, _value(value))
    items: AoT = tomlkit.aot()
    for item in section["items"]:
        items.append(_value(item))
    table.add("items", items)
    return table


def to_toml(result: ImportResult) -> str:
    """The document as a readable checklist file; it parses back to ``result.document``."""
    doc = tomlkit.document()
    # The report's name is text from anywhere: a control character would make the comment invalid TOML.
    source = clean_line(result.source)
    doc.add(tomlkit.comment(f"ITA checklist imported by `ita-tui import` from {source}."))
    doc.add(tomlkit.comment("status: not-started (ยังไม่ได้ดำเนินการ), in-progress (อยู่ระหว่างดำเนินการ),"))
    doc.add(tomlkit.comment("        done (ดำเนินการแล้วเสร็จ). Other keys on an item are detail fields."))
    document = result.document
    doc.add("format", document["format"])
    doc.add(tomlkit.nl())
    doc.add("checklist", _value(document["checklist"]))
    sections: AoT = tomlkit.aot()
    for section in document["sections"]:
        sections.append(_section_table(section))
    doc.add("sections", sections)
    return tomlkit.dumps(doc)

"""A Word document (.docx) as the importer's text lines and tables.

Paragraphs outside tables become text lines (a Heading or Title style, or an outline
level, marks a heading); each table becomes a table whose cells are HTML: a paragraph a
line (``<br>``), a numbered or bulleted paragraph an ``<li>`` (Word keeps list numbers
out of the text), text escaped.  A row that is one cell across the whole table (a
heading set inside the table) ends the table there and becomes a text line; the rows
after it continue the table.  Merged cells are spread back over the columns they cover,
so that every row has as many cells as the header.

Ticked boxes come in many spellings in real Word files; they are all turned into the
glyphs the importer reads (☑ checked, ☐ not): Wingdings ``þ``/``ý``/``¨`` and their
Wingdings 2 cousins (as text in a symbol font or as ``w:sym``), a content-control
checkbox, a legacy FORMCHECKBOX field.  ☒ ✓ ✔ [x] are read by the importer itself.
Deleted text of tracked changes and field instructions are not text.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ita_tui.errors import EXIT_USAGE, UserError
from ita_tui.i18n import Message
from ita_tui.importer import Block, Place, TableBlock, TableRow, TextLine

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from lxml.etree import _Element

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"

CHECKED = "☑"
UNCHECKED = "☐"
# Boxes in symbol fonts, by font and character code (the font's own code, 0x00–0xFF).
_SYMBOL_BOXES: dict[str, dict[int, str]] = {
    "wingdings": {
        0xFE: CHECKED,
        0xFD: "☒",
        0x78: "☒",
        0xFC: "✓",
        0xA8: UNCHECKED,
        0x6F: UNCHECKED,
        0x71: UNCHECKED,
    },
    "wingdings 2": {0x52: CHECKED, 0x53: "☒", 0x54: "☒", 0x50: "✓", 0xA3: UNCHECKED, 0x2A: UNCHECKED},
}


def read_docx(data: bytes, source: str) -> list[Block]:
    """The blocks of a .docx file; a UserError (exit 2) when it is not one."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UserError(Message.of("import.not_docx", path=source, reason=str(error)), EXIT_USAGE) from None
    headings = _heading_styles(document.styles.element)
    numbering = document.part.numbering_part.element if _has_numbering(document) else None
    return list(_Reader(headings, _unnumbered(numbering)).body(document.element.body))


def _has_numbering(document: DocumentObject) -> bool:
    try:
        document.part.numbering_part  # noqa: B018  python-docx raises when the part is missing
    except (KeyError, NotImplementedError):
        return False
    return True


def _unnumbered(numbering: _Element | None) -> frozenset[tuple[str, str]]:
    """(numId, level) pairs whose format is "none": a list that shows no number nor bullet,
    which reads as plain paragraphs (LibreOffice makes one of an ``<ol>`` without ``<li>``)."""
    if numbering is None:
        return frozenset()
    plain_levels: dict[str, set[str]] = {}
    for abstract in numbering.iter(f"{W}abstractNum"):
        levels = {
            level.get(f"{W}ilvl") or "0"
            for level in abstract.iter(f"{W}lvl")
            if (fmt := level.find(f"{W}numFmt")) is not None and fmt.get(f"{W}val") == "none"
        }
        plain_levels[abstract.get(f"{W}abstractNumId") or ""] = levels
    found: set[tuple[str, str]] = set()
    for num in numbering.iter(f"{W}num"):
        abstract_id = num.find(f"{W}abstractNumId")
        key = abstract_id.get(f"{W}val") or "" if abstract_id is not None else ""
        found.update((num.get(f"{W}numId") or "", level) for level in plain_levels.get(key, ()))
    return frozenset(found)


def _heading_styles(styles: _Element) -> frozenset[str]:
    """Ids of the paragraph styles that are headings: named Title/Subtitle/Heading N, or with an
    outline level (Word keeps built-in names in English whatever the interface language)."""
    found = set()
    for style in styles.iter(f"{W}style"):
        name_element = style.find(f"{W}name")
        name = (name_element.get(f"{W}val") or "") if name_element is not None else ""
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        if name.lower().startswith(("heading", "title", "subtitle")) or outline is not None:
            found.add(style.get(f"{W}styleId") or "")
    return frozenset(found)


class _Reader:
    def __init__(self, headings: frozenset[str], unnumbered: frozenset[tuple[str, str]]) -> None:
        self.headings = headings
        self.unnumbered = unnumbered
        self.tables = 0
        self.paragraphs = 0

    def body(self, body: _Element) -> Iterator[Block]:
        for child in _blocks(body):
            if child.tag == f"{W}p":
                self.paragraphs += 1
                text = " ".join(_paragraph_text(child, breaks=" ").split())
                if text:
                    yield TextLine(Place(paragraph=self.paragraphs), text, self._is_heading(child))
            elif child.tag == f"{W}tbl":
                self.tables += 1
                yield from self.table(child, self.tables)

    def _is_heading(self, paragraph: _Element) -> bool:
        properties = paragraph.find(f"{W}pPr")
        if properties is None:
            return False
        style = properties.find(f"{W}pStyle")
        if style is not None and style.get(f"{W}val") in self.headings:
            return True
        return properties.find(f"{W}outlineLvl") is not None

    def table(self, table: _Element, number: int) -> Iterator[Block]:
        """The table, cut where a row spans it whole (that row becomes a text line)."""
        width = len(table.findall(f"{W}tblGrid/{W}gridCol"))
        current = TableBlock(Place(table=number))
        for index, row in enumerate(table.findall(f"{W}tr"), start=1):
            place = Place(table=number, row=index)
            cells = _row_cells(row, self.unnumbered)
            texts = [cell for cell in cells if cell.strip()]
            if width > 1 and len(row.findall(f"{W}tc")) == 1 and len(cells) >= width and len(texts) == 1:
                if current.header is not None or current.rows:
                    yield current
                yield TextLine(place, " ".join(html.unescape(_strip_tags(texts[0])).split()))
                current = TableBlock(place)
                continue
            table_row = TableRow(place, cells)
            if index == 1 and row.find(f"{W}trPr/{W}tblHeader") is not None:
                current.header = table_row  # "repeat as header row": Word's own mark of a header
            else:
                current.rows.append(table_row)
        if current.header is not None or current.rows:
            yield current


def _blocks(parent: _Element) -> Iterator[_Element]:
    """Paragraphs and tables in order, looking inside block-level content controls."""
    for child in parent:
        if child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _blocks(content)
        elif child.tag in (f"{W}p", f"{W}tbl"):
            yield child


def _row_cells(row: _Element, unnumbered: frozenset[tuple[str, str]]) -> list[str]:
    """A row's cells as HTML, merged cells spread back over the grid columns they cover."""
    before = _int_value(row.find(f"{W}trPr/{W}gridBefore"), 0)
    cells = [""] * before
    for cell in _cells(row):
        cells.append(_cell_html(cell, unnumbered))
        cells.extend([""] * (_int_value(cell.find(f"{W}tcPr/{W}gridSpan"), 1) - 1))
    return cells


def _cells(row: _Element) -> Iterator[_Element]:
    for child in row:
        if child.tag == f"{W}tc":
            yield child
        elif child.tag == f"{W}sdt":  # a cell inside a content control
            yield from child.iter(f"{W}tc")


def _int_value(element: _Element | None, default: int) -> int:
    if element is None:
        return default
    try:
        return max(0, int(element.get(f"{W}val") or default))
    except ValueError:
        return default


def _cell_html(cell: _Element, unnumbered: frozenset[tuple[str, str]]) -> str:
    """The cell's paragraphs as HTML lines; list paragraphs as ``<li>``; nested tables' text too."""
    if _merge_continues(cell):
        return ""  # the lower part of a vertically merged cell: its text is in the row above
    parts: list[str] = []
    for paragraph in cell.iter(f"{W}p"):
        text = _paragraph_text(paragraph, breaks="<br>")
        if _numbered(paragraph, unnumbered):
            parts.append(f"<li>{text}</li>")
        else:
            parts.append(f"{text}<br>")
    return "".join(parts)


def _numbered(paragraph: _Element, unnumbered: frozenset[tuple[str, str]]) -> bool:
    """True for a paragraph of a list that shows numbers or bullets (numId 0 means none)."""
    properties = paragraph.find(f"{W}pPr/{W}numPr")
    if properties is None:
        return False
    num = properties.find(f"{W}numId")
    level = properties.find(f"{W}ilvl")
    num_id = (num.get(f"{W}val") or "0") if num is not None else "0"
    ilvl = (level.get(f"{W}val") or "0") if level is not None else "0"
    return num_id != "0" and (num_id, ilvl) not in unnumbered


def _merge_continues(cell: _Element) -> bool:
    merge = cell.find(f"{W}tcPr/{W}vMerge")
    return merge is not None and merge.get(f"{W}val") in (None, "continue")


def _paragraph_text(paragraph: _Element, *, breaks: str) -> str:
    """The paragraph's text, HTML-escaped (cells are HTML), boxes as ☑/☐, line breaks as *breaks*."""
    out: list[str] = []
    boxes = _checkbox_runs(paragraph)
    for run in paragraph.iter(f"{W}r"):
        if _in_deleted(run, paragraph):
            continue
        if run in boxes:
            out.append(boxes[run])  # a content-control checkbox: its state, not its glyph
            continue
        font = _symbol_font(run)
        for node in run:
            out.append(_node_text(node, font, breaks))
    return "".join(out)


def _node_text(node: _Element, font: str | None, breaks: str) -> str:
    tag = node.tag
    if tag == f"{W}t":
        text = node.text or ""
        return html.escape(_symbols(text, font) if font else text, quote=False)
    if tag in (f"{W}tab", f"{W}ptab"):
        return " "
    if tag in (f"{W}br", f"{W}cr"):
        return breaks
    if tag == f"{W}sym":
        return _symbols(chr(int(node.get(f"{W}char") or "0", 16)), (node.get(f"{W}font") or "").lower())
    if tag == f"{W}fldChar":
        box = node.find(f"{W}ffData/{W}checkBox")
        return _form_box(box) if box is not None else ""
    return ""  # instrText, delText, drawings, footnote references: not the cell's text


def _form_box(box: _Element) -> str:
    """A legacy form-field checkbox: ``w:checked`` (or else ``w:default``) tells its state."""
    for tag in (f"{W}checked", f"{W}default"):
        element = box.find(tag)
        if element is not None:
            return CHECKED if element.get(f"{W}val") not in ("0", "false", "off") else UNCHECKED
    return UNCHECKED


def _in_deleted(run: _Element, paragraph: _Element) -> bool:
    parent = run.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag in (f"{W}del", f"{W}moveFrom"):
            return True
        parent = parent.getparent()
    return False


def _symbol_font(run: _Element) -> str | None:
    """The run's font when it is a symbol font whose boxes we know (Wingdings …), else None."""
    fonts = run.find(f"{W}rPr/{W}rFonts")
    if fonts is None:
        return None
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        name = (fonts.get(f"{W}{slot}") or "").lower()
        if name in _SYMBOL_BOXES:
            return name
    return None


def _symbols(text: str, font: str) -> str:
    """Characters of a symbol font as the boxes they draw; others as they are."""
    boxes = _SYMBOL_BOXES.get(font, {})
    out = []
    for char in text:
        code = ord(char)
        code = code - 0xF000 if 0xF000 <= code <= 0xF0FF else code  # Word's private-use form
        out.append(boxes.get(code, char) if code <= 0xFF else char)
    return "".join(out)


def _checkbox_runs(paragraph: _Element) -> dict[_Element, str]:
    """The runs of content-control checkboxes (Word's clickable boxes): the first run of each
    gives its state (``w14:checked``) as ☑/☐, the others nothing."""
    runs: dict[_Element, str] = {}
    for control in paragraph.iter(f"{W}sdt"):
        box = control.find(f"{W}sdtPr/{W14}checkbox")
        if box is None:
            continue
        checked = box.find(f"{W14}checked")
        state = CHECKED if checked is not None and checked.get(f"{W14}val") in ("1", "true") else UNCHECKED
        for index, run in enumerate(control.iter(f"{W}r")):
            runs[run] = state if index == 0 else ""
    return runs


def _strip_tags(cell: str) -> str:
    return re.sub(r"<[^>]+>", " ", cell)

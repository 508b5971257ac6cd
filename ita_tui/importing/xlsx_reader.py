"""An Excel workbook (.xlsx) as the importer's text lines and tables.

Each visible sheet, in order.  A sheet's item table starts at its header row: the first
row that heads an item table by the importer's rules (a มาตรการ/กิจกรรม, รายการ or
ตัวชี้วัด column and another known one).  The one-cell rows above it are the sheet's
title rows: headings, so that a group's title (``สรุปการประเมิน IIT …``) titles its
section.  Below the header each row is an item.

A sheet without such a header (a summary sheet, a cover sheet) gives only the one-cell
rows at its top, up to its first row of several cells: the title, the agency, the year
and the description that the checklist's head is read from.  Its figures are left out.

Cell values become the importer's cell HTML: text escaped, line breaks as ``<br>``,
numbers as written (97.44), dates as ISO dates.  Formulas are read as the value Excel
last computed (a workbook never opened in Excel has none: such cells are empty).
"""

from __future__ import annotations

import html
import io
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from ita_tui.errors import EXIT_USAGE, UserError
from ita_tui.i18n import Message
from ita_tui.importer import Block, Place, TableBlock, TableRow, TextLine, looks_like_header

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

# Rows looked through for a header before a sheet is taken to have none.
HEADER_SEARCH_ROWS = 30


def read_xlsx(data: bytes, source: str) -> list[Block]:
    """The blocks of an .xlsx file, sheet by sheet; a UserError (exit 2) when it is not one."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise UserError(Message.of("import.not_xlsx", path=source, reason=str(error)), EXIT_USAGE) from None
    try:
        blocks: list[Block] = []
        for sheet in workbook.worksheets:
            if sheet.sheet_state == "visible":
                blocks.extend(_sheet(sheet))
        return blocks
    finally:
        workbook.close()


def _sheet(sheet: Worksheet) -> Iterator[Block]:
    rows = [(number, [_cell(value) for value in values]) for number, values in _rows(sheet)]
    header_at = next(
        (i for i, (_n, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]) if looks_like_header(cells)), None
    )
    name = sheet.title
    if header_at is None:
        for number, cells in rows:
            filled = [cell for cell in cells if cell]
            if len(filled) > 1:
                return  # the sheet's own figures start here
            if filled:
                yield TextLine(Place(sheet=name, row=number), _text(filled[0]))
        return
    for number, cells in rows[:header_at]:
        filled = [cell for cell in cells if cell]
        if len(filled) == 1:
            yield TextLine(Place(sheet=name, row=number), _text(filled[0]), heading=True)
    header_number, header_cells = rows[header_at]
    width = len(header_cells)
    table = TableBlock(
        Place(sheet=name, row=header_number), TableRow(Place(sheet=name, row=header_number), header_cells)
    )
    for number, cells in rows[header_at + 1 :]:
        table.rows.append(TableRow(Place(sheet=name, row=number), _fit(cells, width)))
    yield table


def _rows(sheet: Worksheet) -> Iterator[tuple[int, tuple[object, ...]]]:
    """(row number, values) of each row that holds something."""
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if any(value not in (None, "") for value in values):
            yield number, values


def _fit(cells: list[str], width: int) -> list[str]:
    """The row cut or padded to the header's width; text beyond it is kept (the importer reports it)."""
    while len(cells) > width and not cells[-1]:
        cells = cells[:-1]
    return cells + [""] * (width - len(cells))


def _cell(value: object) -> str:
    """A cell's value as the importer's cell HTML."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0, 0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    return html.escape(text, quote=False).replace("\n", "<br>")


def _text(cell: str) -> str:
    """A cell's HTML as one line of text."""
    return " ".join(html.unescape(cell.replace("<br>", " ")).split())

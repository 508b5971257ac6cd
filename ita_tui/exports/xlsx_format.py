"""The spreadsheet agencies pass around: an Excel workbook (.xlsx).

A summary sheet first: the title, the agency, the fiscal year, the description, then
the progress of each section and the scores: each group's, the computed overall with
its band, the reported one, and the score that counts (the reported one when there is
one, else the computed).  Progress and computed scores are formulas over the section
sheets, so they follow when someone changes a status or a score in Excel.

Then a sheet a section: the section's title (and subtitle) over a table of one row an
item: id, title, status, score, every detail field under its label, notes, last change.
The status is a drop-down of the three Thai (or English) names; scores are numbers
(0.00, checked 0–100); the last change is a date; the header is frozen and filtered;
columns are as wide as their Thai text needs (wrapped beyond); long text wraps.

Checklist text always lands as text: a string cell is never a formula, and one that
starts with ``=``, ``+``, ``-`` or ``@`` is also marked "quote prefix", so that Excel
keeps it text when someone edits the cell.  The workbook reads back with
``ita-tui import`` (see ita_tui/exports/office.py).  openpyxl is imported only here and
in the importer's Excel reader.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from ita_tui.exports import office
from ita_tui.exports.options import ExportOptions
from ita_tui.exports.summary import EvidenceLine, SectionSummary, Summary, build_summary, displayable
from ita_tui.i18n import Lang, group_label, status_label, t
from ita_tui.model import Status

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from ita_tui.model import Checklist, Item, Section
    from ita_tui.scoring import ScoreResult

DATA_PT = 14
TITLE_PT = 18
HEADING_PT = 16
# Excel measures a column in widths of "0" in Calibri 11; a Thai letter of TH Sarabun
# New at 14 pt takes about 1.1 of them (measured in LibreOffice with Laksaman, which has
# TH Sarabun's metrics).
UNITS_PER_CHAR = 1.15
# Lines break between words, so a wrapped line holds a little less than fits: row heights
# are guessed with a little more text (a clipped row hides text; a tall one only wastes room).
WRAP_FILL = 1.05
MAX_WIDTH = 50.0  # wider text wraps
MIN_WIDTH = 8.0
# Status drop-downs and score checks reach this far below the last item, so that rows
# added in Excel get them too.
SPARE_ROWS = 200
MAX_CELL = 32767  # Excel's limit on a cell's text
LINE_HEIGHT = 1.5  # a line of TH Sarabun New is about 1.5 times its size, in points
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
SCORE_FORMAT = "0.00"
ITEM_STYLE = "ITA Item"
# Sheet names may not hold these, nor be longer than 31 characters.
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_FORMULA_START = ("=", "+", "-", "@")


def render(checklist: Checklist, options: ExportOptions) -> bytes:
    """The workbook as the bytes of a .xlsx file."""
    summary = build_summary(checklist, replace(options, full=True))
    workbook = Workbook()
    workbook.add_named_style(
        NamedStyle(
            ITEM_STYLE,
            font=Font(name=office.FONT, size=DATA_PT),
            border=BOX,
            alignment=Alignment(vertical="top", wrap_text=True),
        )
    )
    summary_sheet = workbook.active
    assert summary_sheet is not None  # a new workbook has one sheet
    names = _sheet_names(summary)
    summary_sheet.title = t("office.summary", summary.lang)
    sheets = [
        _section_sheet(workbook.create_sheet(name), checklist, summary, part)
        for name, part in zip(names, summary.sections, strict=True)
    ]
    _summary_sheet(summary_sheet, checklist, summary, sheets)
    for sheet in workbook.worksheets:
        _fit_rows(sheet)
        _print_setup(sheet)
    for sheet, info in zip(workbook.worksheets[1:], sheets, strict=True):
        sheet.print_title_rows = f"{info.first_row - 1}:{info.first_row - 1}"
    _properties(workbook, summary, options)
    out = io.BytesIO()
    workbook.save(out)
    return office.stable_zip(out.getvalue(), office.moment(options.today))


# -- a section's sheet -------------------------------------------------------------


@dataclass(frozen=True)
class SheetInfo:
    """Where a section's data sits: for the summary's formulas."""

    name: str
    section: Section
    first_row: int  # the first item row
    last_row: int  # the last row a formula looks at (the spare rows included)
    status_column: str  # column letters
    id_column: str
    score_column: str | None
    rows: dict[str, int]  # item id → its row


def _section_sheet(
    sheet: Worksheet, checklist: Checklist, summary: Summary, part: SectionSummary
) -> SheetInfo:
    section = part.section
    lang = summary.lang
    row = 1
    _text(_cell(sheet, row, 1), part.title, Font(name=office.FONT, size=HEADING_PT, bold=True))
    if section.subtitle:
        row += 1
        _text(
            _cell(sheet, row, 1),
            displayable(section.subtitle),
            Font(name=office.FONT, size=DATA_PT, bold=True),
        )
    header_row = row + 1
    columns = _columns(checklist, section, lang)
    for index, (header, _kind, _key) in enumerate(columns, start=1):
        cell = _cell(sheet, header_row, index)
        _text(cell, header, Font(name=office.FONT, size=DATA_PT, bold=True))
        cell.fill = HEADER_FILL
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    rows: dict[str, int] = {}
    for offset, item_row in enumerate(part.rows, start=1):
        number = header_row + offset
        rows[item_row.item.id] = number
        for index, (_header, kind, key) in enumerate(columns, start=1):
            _item_cell(
                _cell(sheet, number, index), kind, key, item_row.item, item_row.title, summary, section
            )
    last = header_row + max(1, len(part.rows))
    letters = {
        kind: get_column_letter(i) for i, (_h, kind, _k) in enumerate(columns, start=1) if kind != "field"
    }
    _finish_sheet(sheet, columns, header_row, last, lang, section)
    return SheetInfo(
        name=sheet.title,
        section=section,
        first_row=header_row + 1,
        last_row=last + SPARE_ROWS,
        status_column=letters["status"],
        id_column=letters["id"],
        score_column=letters.get("score"),
        rows=rows,
    )


def _columns(checklist: Checklist, section: Section, lang: Lang) -> list[tuple[str, str, str]]:
    """(header, kind, field key) of each column of a section's sheet."""
    columns = [
        (t("label.id", lang), "id", ""),
        (office.title_header(section, lang), "title", ""),
        (t("label.status", lang), "status", ""),
    ]
    if office.indicator_table(section) or office.has_scores(section):
        columns.append((t("label.score", lang), "score", ""))
    columns.append((t("label.due", lang), "due", ""))
    columns.extend(
        (office.field_label(checklist, section, key), "field", key) for key in office.field_keys(section)
    )
    columns.append((t("label.notes", lang), "notes", ""))
    columns.append((t("label.updated", lang), "updated", ""))
    # A column a piece of evidence (a cell holds one hyperlink): หลักฐาน, or หลักฐาน 1, หลักฐาน 2 ...
    most = max((len(item.evidence) for item in section.items), default=0)
    heading = t("evidence.heading", lang)
    columns.extend((f"{heading} {n + 1}" if most > 1 else heading, "evidence", str(n)) for n in range(most))
    return columns


def _item_cell(
    cell: Cell, kind: str, key: str, item: Item, title: str, summary: Summary, section: Section
) -> None:
    # One named style for every item cell (font, borders, wrapping): a cell's own formats
    # cost openpyxl a lookup each, thousands of them on a big checklist.
    cell.style = ITEM_STYLE
    if kind == "id":
        _text(cell, item.id)
    elif kind == "title":
        if office.indicator_table(section):
            title = office.indicator_title(item, title, summary.lang, False)
        _text(cell, title)
    elif kind == "status":
        _text(cell, status_label(item.status, summary.lang))
    elif kind == "score":
        if item.score is not None:
            cell.value = item.score
            cell.number_format = SCORE_FORMAT
    elif kind == "notes":
        _text(cell, item.notes.strip())
    elif kind == "due":
        if item.due is not None:
            cell.value = item.due
            cell.number_format = "yyyy-mm-dd"
    elif kind == "updated":
        if item.updated is not None:
            # Excel has no time zones: the time as the person who saved it saw it.
            cell.value = item.updated.replace(tzinfo=None)
            cell.number_format = "yyyy-mm-dd hh:mm"
    elif kind == "evidence":
        _evidence_cell(cell, summary.evidence_of(item.id), int(key))
    else:
        _text(cell, "\n".join(office.entries(item.fields.get(key)).numbered()))


def _evidence_cell(cell: Cell, lines: tuple[EvidenceLine, ...], index: int) -> None:
    """Evidence number *index* of an item: its label, address, date published and, when a link
    check found it broken, ``✗ ใช้ไม่ได้: …`` in bold red (the words say it); a web address is
    the cell's hyperlink (in the link's blue when it works), a file's path text only.

    One paragraph, `` · `` between the parts: LibreOffice shows a hyperlinked cell on one line,
    whatever line breaks it holds (Excel wraps it in the column's width).
    """
    if index >= len(lines):
        return
    line = lines[index]
    parts = (line.text if line.labelled else "", line.address, line.published, line.broken)
    _text(cell, " · ".join(part for part in parts if part))
    if line.url:
        cell.hyperlink = line.url
    if line.broken:
        cell.font = Font(name=office.FONT, size=DATA_PT, bold=True, color="C00000")
    elif line.url:
        cell.font = Font(name=office.FONT, size=DATA_PT, color="0563C1", underline="single")


def _finish_sheet(
    sheet: Worksheet,
    columns: list[tuple[str, str, str]],
    header_row: int,
    last: int,
    lang: Lang,
    section: Section,
) -> None:
    """Frozen header, filter, drop-down, score check and widths."""
    sheet.freeze_panes = _cell(sheet, header_row + 1, 3)  # the header and the id and title stay in view
    last_letter = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A{header_row}:{last_letter}{last}"
    kinds = [kind for _h, kind, _k in columns]
    status_letter = get_column_letter(kinds.index("status") + 1)
    names = [status_label(status, lang) for status in Status]
    statuses = DataValidation(type="list", formula1='"' + ",".join(names) + '"', allow_blank=True)
    statuses.error = t("office.status_error", lang, names=", ".join(names))
    statuses.errorTitle = t("label.status", lang)
    statuses.showErrorMessage = True
    statuses.add(f"{status_letter}{header_row + 1}:{status_letter}{last + SPARE_ROWS}")
    sheet.add_data_validation(statuses)
    if "score" in kinds:
        score_letter = get_column_letter(kinds.index("score") + 1)
        scores = DataValidation(
            type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True
        )
        scores.error = t("office.score_error", lang)
        scores.showErrorMessage = True
        scores.add(f"{score_letter}{header_row + 1}:{score_letter}{last + SPARE_ROWS}")
        sheet.add_data_validation(scores)
    for index, (header, kind, key) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _width(header, kind, key, section, lang)
    sheet.sheet_view.zoomScale = 100


def _width(header: str, kind: str, key: str, section: Section, lang: Lang) -> float:
    """As wide as the column's longest line (Thai marks take no room), within bounds."""
    if kind == "status":
        texts = [status_label(status, lang) for status in Status]
    elif kind == "score":
        texts = ["100.00"]
    elif kind == "updated":
        texts = ["2026-12-31 23:59"]
    elif kind == "due":
        texts = ["2026-12-31"]
    else:
        texts = [_plain(kind, key, item) for item in section.items]
    lines = [line for text in texts for line in text.split("\n")]
    longest = max((office.visible_length(line) for line in lines), default=0)
    # A header of several words may wrap onto two lines; a single Thai word must not break.
    header_room = math.ceil(office.visible_length(header) / (2 if " " in header.strip() else 1))
    return round(min(MAX_WIDTH, max(MIN_WIDTH, max(longest, header_room) * UNITS_PER_CHAR + 2)), 1)


def _plain(kind: str, key: str, item: Item) -> str:
    if kind == "id":
        return item.id
    if kind == "evidence":
        entry = item.evidence[int(key)] if int(key) < len(item.evidence) else None
        return " · ".join(filter(None, (entry.label, entry.address))) if entry else ""
    if kind == "title":
        return item.title + (" ตัวชี้วัดที่ 10" if item.indicator is not None else "")
    if kind == "notes":
        return item.notes
    return "\n".join(office.entries(item.fields.get(key)).numbered())


def _sheet_names(summary: Summary) -> list[str]:
    """A short, unique, legal name a section: its group (IIT…), มาตรการ, or its title cut to 31."""
    taken = {t("office.summary", summary.lang).lower()}
    names = []
    for part in summary.sections:
        section = part.section
        if section.group and not office.is_measures(section):
            base = section.group
        elif office.is_measures(section):
            base = t("label.measures", summary.lang)
        else:
            base = part.title
        base = _BAD_SHEET_CHARS.sub("-", base).strip("' ") or section.id
        name = _cut(base, 31)
        number = 2
        while name.lower() in taken:
            suffix = f" ({number})"
            name = _cut(base, 31 - len(suffix)) + suffix
            number += 1
        taken.add(name.lower())
        names.append(name)
    return names


def _cut(text: str, limit: int) -> str:
    """*text* cut to *limit* characters, never between a Thai letter and its marks."""
    if len(text) <= limit:
        return text
    cut = limit
    while cut > 1 and unicodedata.category(text[cut]) in ("Mn", "Mc"):
        cut -= 1
    return text[:cut].rstrip()


def _fit_rows(sheet: Worksheet) -> None:
    """Row heights for wrapped Thai text: LibreOffice keeps a row without a height at the
    default (one short line), and neither program sizes a merged cell's row."""
    widths = {letter: dimension.width for letter, dimension in sheet.column_dimensions.items()}
    for number, row in enumerate(sheet.iter_rows(), start=1):
        if sheet.row_dimensions[number].height is not None:
            continue  # sized where it was written (a merged paragraph)
        tallest = 0.0
        for cell in row:
            if not isinstance(cell, Cell) or not isinstance(cell.value, str) or cell.data_type != "s":
                continue
            size = float(cell.font.sz or DATA_PT) if cell.font is not None else DATA_PT
            width = widths.get(cell.column_letter) or 8.43
            wraps = cell.alignment is not None and bool(cell.alignment.wrap_text)
            lines = _lines_needed(cell.value, width, size) if wraps else cell.value.count("\n") + 1
            tallest = max(tallest, lines * size * LINE_HEIGHT)
        if tallest:
            sheet.row_dimensions[number].height = round(tallest + 4, 1)


def _lines_needed(text: str, width: float, size: float) -> int:
    """How many lines *text* takes in a column *width* units wide (a guess; Thai breaks between words)."""
    room = max(1.0, width - 1.5)
    scale = UNITS_PER_CHAR * WRAP_FILL * size / DATA_PT
    return sum(max(1, math.ceil(office.visible_length(line) * scale / room)) for line in text.split("\n"))


def _print_setup(sheet: Worksheet) -> None:
    """A4 landscape, as wide as the page, the header row on every page."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_options.gridLines = False
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    footer = sheet.oddFooter
    if footer is not None and footer.center is not None:
        footer.center.text = "&P / &N"  # page numbers


# -- the summary sheet ---------------------------------------------------------------


def _summary_sheet(sheet: Worksheet, checklist: Checklist, summary: Summary, sheets: list[SheetInfo]) -> None:
    lang = summary.lang
    row = 1
    _text(_cell(sheet, row, 1), summary.title, Font(name=office.FONT, size=TITLE_PT, bold=True))
    for line in (summary.organization, summary.fiscal_year or ""):
        if line:
            row += 1
            _text(_cell(sheet, row, 1), line, Font(name=office.FONT, size=HEADING_PT, bold=True))
    description = displayable(checklist.description).strip()
    if description:
        row += 1
        _paragraph(sheet, row, description, 6)
    row += 2
    row = _progress_table(sheet, row, summary, sheets) + 2
    row = _score_table(sheet, row, checklist, summary, sheets)
    for line in (
        summary.score_line or "",
        summary.as_of,
        summary.filter_line or "",
        t("office.sheet_note", lang),
    ):
        if line:
            row += 1
            cell = _cell(sheet, row, 1)
            _text(cell, line, Font(name=office.FONT, size=DATA_PT, italic=True, color="404040"))
    widths = (48, 14, 22, 22, 22, 16)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for (first,) in sheet.iter_rows(min_row=5, max_col=1):
        if isinstance(first, Cell) and first.value is not None and not (first.font and first.font.i):
            first.alignment = Alignment(wrap_text=True, vertical="top")


def _paragraph(sheet: Worksheet, row: int, text: str, span: int) -> None:
    """Long text across *span* columns, wrapped; Excel does not size merged rows, so we do."""
    cell = _cell(sheet, row, 1)
    _text(cell, text, Font(name=office.FONT, size=DATA_PT))
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=span)
    room = 48 + 14 + 22 * 3 + 16 - 2  # the summary's column widths, in "0"s
    lines = _lines_needed(text, room, DATA_PT)
    sheet.row_dimensions[row].height = lines * DATA_PT * LINE_HEIGHT + 6


def _progress_table(sheet: Worksheet, row: int, summary: Summary, sheets: list[SheetInfo]) -> int:
    """Per section: items, done, in progress, not started (COUNTIF over the section's sheet), percent done."""
    lang = summary.lang
    headers = [
        t("label.section", lang),
        t("office.count", lang),
        *(status_label(status, lang) for status in (Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED)),
        t("office.percent_done", lang),
    ]
    _header_cells(sheet, row, headers)
    first = row + 1
    for info, part in zip(sheets, summary.sections, strict=True):
        row += 1
        _text(_cell(sheet, row, 1), part.title, _data_font())
        sheet_name = quote_sheetname(info.name)
        ids = f"{sheet_name}!${info.id_column}${info.first_row}:${info.id_column}${info.last_row}"
        status_range = (
            f"{quote_sheetname(info.name)}!${info.status_column}${info.first_row}"
            f":${info.status_column}${info.last_row}"
        )
        _formula(_cell(sheet, row, 2), f"=COUNTA({ids})", "0")
        for column, status in enumerate((Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED), start=3):
            _formula(
                _cell(sheet, row, column), f'=COUNTIF({status_range},"{status_label(status, lang)}")', "0"
            )
        _formula(_cell(sheet, row, 6), f"=IF(B{row}=0,0,C{row}/B{row})", "0%")
    row += 1
    _text(_cell(sheet, row, 1), t("label.total", lang), _data_font(bold=True))
    for column in range(2, 6):
        letter = get_column_letter(column)
        _formula(_cell(sheet, row, column), f"=SUM({letter}{first}:{letter}{row - 1})", "0", bold=True)
    _formula(_cell(sheet, row, 6), f"=IF(B{row}=0,0,C{row}/B{row})", "0%", bold=True)
    return row


def _score_table(
    sheet: Worksheet, row: int, checklist: Checklist, summary: Summary, sheets: list[SheetInfo]
) -> int:
    """Each group's score and points, the computed overall and band, the reported one, the one that counts."""
    from ita_tui.scoring import score_checklist

    lang = summary.lang
    result = score_checklist(checklist)
    if not result.scored and checklist.overall_score is None:
        return row - 1
    cells = _score_cells(result, sheets)
    _header_cells(sheet, row, [t("label.group", lang), t("label.weight", lang), t("label.score", lang), ""])
    point_cells = []
    for group in result.groups:
        row += 1
        _text(_cell(sheet, row, 1), group_label(group.name, lang), _data_font())
        _number(_cell(sheet, row, 2), group.weight, "0.##")
        refs = [(cells[i.number], i.weight) for i in group.indicators if i.number in cells]
        if group.weight:
            # Counted even when left blank (an indicator not in the workbook): the computed
            # score then stays blank too, as `score` leaves it, instead of adding up the rest.
            point_cells.append((f"C{row}", group.weight))
        if len(refs) == len(group.indicators) and group.weight:
            weighted = "+".join(f"{ref}*{weight}" for ref, weight in refs)
            count = ",".join(ref for ref, _ in refs)
            _formula(
                _cell(sheet, row, 3),
                f'=IF(COUNT({count})={len(refs)},ROUND(({weighted})/{group.weight},2),"")',
                SCORE_FORMAT,
            )
    computed_row = row + 1 if result.scored else None
    if computed_row is not None:
        row = computed_row
        _text(_cell(sheet, row, 1), t("label.computed_score", lang), _data_font(bold=True))
        total = "+".join(f"{ref}*{weight}/100" for ref, weight in point_cells) or "0"
        counted = ",".join(ref for ref, _ in point_cells) or '""'
        _formula(
            _cell(sheet, row, 3),
            f'=IF(COUNT({counted})={len(point_cells)},ROUND({total},2),"")',
            SCORE_FORMAT,
        )
        _formula(_cell(sheet, row, 4), _band_formula(f"C{row}", result), "@")
    reported_row = None
    if checklist.overall_score is not None:
        row += 1
        reported_row = row
        _text(_cell(sheet, row, 1), t("label.reported_score", lang), _data_font(bold=True))
        _number(_cell(sheet, row, 3), checklist.overall_score, SCORE_FORMAT)
        _text(_cell(sheet, row, 4), displayable(checklist.rating or ""), _data_font())
    row += 1
    _text(_cell(sheet, row, 1), t("office.counting_score", lang), _data_font(bold=True))
    if reported_row is not None:
        _formula(_cell(sheet, row, 3), f"=C{reported_row}", SCORE_FORMAT, bold=True)
        _text(_cell(sheet, row, 4), t("office.reported", lang), _data_font())
    elif computed_row is not None:
        _formula(_cell(sheet, row, 3), f"=C{computed_row}", SCORE_FORMAT, bold=True)
        _text(_cell(sheet, row, 4), t("office.computed", lang), _data_font())
    return row


def _score_cells(result: ScoreResult, sheets: list[SheetInfo]) -> dict[int, str]:
    """Indicator number → the cell holding its score (``'IIT'!$D$4``)."""
    cells = {}
    for indicator in result.indicators:
        for info in sheets:
            row = info.rows.get(indicator.item_id or "")
            if row is not None and info.score_column is not None:
                cells[indicator.number] = f"{quote_sheetname(info.name)}!${info.score_column}${row}"
    return cells


def _band_formula(cell: str, result: ScoreResult) -> str:
    """The band letter of the computed score, from the year's bands (highest first)."""
    bands = result.table.bands
    formula = f'"{bands[-1].letter}"'
    for band in reversed(bands[:-1]):
        formula = f'IF({cell}>={band.lower:g},"{band.letter}",{formula})'
    return f'=IF({cell}="","",{formula})'


# -- cells ---------------------------------------------------------------------------


def _cell(sheet: Worksheet, row: int, column: int) -> Cell:
    """The cell at *row*, *column*: never a merged cell's hidden part, as we write them."""
    cell = sheet.cell(row, column)
    assert isinstance(cell, Cell)
    return cell


def _text(cell: Cell, text: str, font: Font | None = None) -> None:
    """Text as text: never a formula, quote-prefixed when Excel would take it for one."""
    text = _legal(text)
    cell.value = text
    cell.data_type = "s"  # openpyxl makes "=..." a formula; this is data
    if font is not None:
        cell.font = font
    if text.startswith(_FORMULA_START):
        cell.quotePrefix = True


def _legal(text: str) -> str:
    """Without the characters a worksheet cannot hold, and within Excel's 32,767 a cell."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _formula(cell: Cell, formula: str, number_format: str, *, bold: bool = False) -> None:
    cell.value = formula
    cell.alignment = Alignment(vertical="top")
    cell.number_format = number_format
    cell.font = _data_font(bold=bold)
    cell.border = BOX


def _number(cell: Cell, value: float, number_format: str) -> None:
    cell.value = value
    cell.alignment = Alignment(vertical="top")
    cell.number_format = number_format
    cell.font = _data_font()
    cell.border = BOX


def _header_cells(sheet: Worksheet, row: int, headers: list[str]) -> None:
    for column, header in enumerate(headers, start=1):
        cell = _cell(sheet, row, column)
        _text(cell, header, _data_font(bold=True))
        cell.fill = HEADER_FILL
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _data_font(*, bold: bool = False) -> Font:
    return Font(name=office.FONT, size=DATA_PT, bold=bold)


def _properties(workbook: Workbook, summary: Summary, options: ExportOptions) -> None:
    properties = workbook.properties
    properties.title = _legal(summary.title)[:255]
    properties.subject = _legal(summary.organization)[:255]
    properties.creator = ""
    properties.keywords = "ITA"
    properties.language = "th-TH" if summary.lang == "th" else "en-GB"
    properties.created = properties.modified = office.moment(options.today)
    # Excel computes the formulas when it opens the file (openpyxl cannot).
    workbook.calculation.fullCalcOnLoad = True

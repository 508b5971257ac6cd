"""The report agencies publish, as a Word document (.docx).

The shape of the seed report (tests/data/seed-report.md): the title, the agency, the
fiscal year when the title does not name it, the description, then per section a table
under its heading, headed with the checklist's own column labels, each row's status as
the three boxes with their Thai labels (☑ the chosen one, ☐ the others), scores in the
indicator's cell as the seed writes them (``ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ คะแนน 97.44``);
at the end the progress and the scores.

Print conventions of Thai official documents: TH Sarabun New (fallbacks in the font
table), 16 pt text, 14 pt in tables, 20 pt title; A4, a section turned landscape when
its table is too wide for a portrait page; header rows repeated on every page; rows kept
whole on one page unless taller than two thirds of it; page numbers in the footer.  Thai
is complex script to Word: every style names the font for ``w:cs`` and ``w:eastAsia`` as
well as Latin text and gives the complex-script size (``w:szCs``) and bold (``w:bCs``);
the document's complex-script language is th-TH.  The tables are written by
:mod:`ita_tui.exports.docx_table`, their text in styles (ITA Table Text, ITA Table
Header, ITA Box, ITA Chosen), so a person can restyle the whole report in Word.

python-docx is imported only here (and in the importer's Word reader).  The document
reads back with ``ita-tui import`` (see ita_tui/exports/office.py).
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Literal

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

from ita_tui.exports import docx_table, office
from ita_tui.exports.options import ExportOptions
from ita_tui.exports.summary import Row, SectionSummary, Summary, build_summary, displayable
from ita_tui.i18n import Lang, status_label, t
from ita_tui.thai import format_date

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.section import Section as WordSection
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run
    from lxml.etree import _Element

    from ita_tui.model import Checklist, Item, Section

BODY_PT = 16
TABLE_PT = 14
TITLE_PT = 20
FOOTER_PT = 12
A4_MM = (210, 297)
MARGIN_MM = 20
LIST_INDENT_MM = 6
# A Thai letter of TH Sarabun New at 1 pt is about 0.19 mm wide on average (measured in
# LibreOffice with Laksaman, which has its metrics); a line is about 0.56 mm high a point
# (the font's tall line gap).  Used to guess widths
# and row heights, not to lay out: Word does that.
CHAR_MM_PER_PT = 0.19
LINE_MM_PER_PT = 0.56
# Columns of free text, in mm: the narrowest, the widest kept on one line, the narrowest
# of long text; and what a cell's margins take.
MIN_TEXT_MM = 14.0
SHORT_TEXT_MM = 45.0
CROWDED_SHORT_MM = 28.0
MIN_LONG_MM = 22.0
MIN_TITLE_MM = 30.0
TOKEN_SLACK = 1.2  # Thai letters vary in width: a word's room is guessed generously
CELL_PADDING_MM = 4.0
# A table with this many columns of free text (title, fields, notes) is too wide to
# read on a portrait page.
LANDSCAPE_TEXT_COLUMNS = 4
# The boxes' column: wide enough for "☐ ดำเนินการแล้วเสร็จ"; a longer label wraps under itself.
STATUS_MM = 32.0
BOX_INDENT_MM = 5.0
KEEP_WHOLE_SHARE = 0.66  # of the page's height: rows up to this tall never break across pages

Kind = Literal["number", "id", "title", "field", "score", "due", "status", "notes"]


@dataclass(frozen=True)
class Column:
    """One column of a section's table: what it holds, its header and its width."""

    kind: Kind
    header: str
    key: str = ""
    width_mm: float = 0.0


def render(checklist: Checklist, options: ExportOptions) -> bytes:
    """The report as the bytes of a .docx file."""
    summary = build_summary(checklist, replace(options, full=True))
    document = Document()
    _drop_thumbnail(document)
    _set_up_styles(document)
    _set_up_fonts(document)
    _set_properties(document, summary, options)
    plans = [_plan(checklist, section, summary) for section in summary.sections]
    _page_setup(document.sections[0], plans[0].landscape if plans else False)
    _page_numbers(document.sections[0], summary)
    _head(document, summary, displayable(checklist.description))
    for index, (section_summary, plan) in enumerate(zip(summary.sections, plans, strict=True)):
        if index and plan.landscape != plans[index - 1].landscape:
            _page_setup(document.add_section(WD_SECTION.NEW_PAGE), plan.landscape)
        _section(document, summary, section_summary, plan, first=index == 0)
    _closing(document, summary)
    out = io.BytesIO()
    document.save(out)
    return office.stable_zip(out.getvalue(), office.moment(options.today))


# -- the plan of a table -------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    columns: tuple[Column, ...]
    landscape: bool


def _plan(checklist: Checklist, section_summary: SectionSummary, summary: Summary) -> _Plan:
    """The columns of a section's table, their widths, and the page's orientation."""
    section = section_summary.section
    lang = summary.lang
    columns: list[Column] = []
    if office.needs_id_column(section):
        columns.append(Column("id", t("label.id", lang), width_mm=_id_width(section)))
    elif not office.indicator_table(section):
        columns.append(Column("number", t("office.number", lang), width_mm=17))
    columns.append(Column("title", office.title_header(section, lang), width_mm=0))
    for key in office.field_keys(section):
        columns.append(Column("field", office.field_label(checklist, section, key), key))
    if office.has_scores(section) and not office.indicator_table(section):
        columns.append(Column("score", t("label.score", lang), width_mm=18))
    if office.has_due(section):
        columns.append(Column("due", t("label.due", lang), width_mm=_date_mm(lang)))
    columns.append(Column("status", t("label.status", lang), width_mm=_status_mm(lang, len(columns))))
    if office.has_notes(section):
        columns.append(Column("notes", t("label.notes", lang), "notes"))
    portrait = A4_MM[0] - 2 * MARGIN_MM
    texts = sum(not c.width_mm for c in columns)
    landscape = texts >= LANDSCAPE_TEXT_COLUMNS or sum(c.width_mm or MIN_LONG_MM for c in columns) > portrait
    usable = (A4_MM[1] if landscape else A4_MM[0]) - 2 * MARGIN_MM
    return _Plan(tuple(_widths(columns, section, usable)), landscape)


def _status_mm(lang: Lang, before: int) -> float:
    """Room for the longest box label on one line, unless the table is crowded: then it wraps."""
    longest = max(office.visible_length(status_label(status, lang)) for status in office.BOX_ORDER)
    natural = (longest + 2) * CHAR_MM_PER_PT * TABLE_PT * TOKEN_SLACK + CELL_PADDING_MM + BOX_INDENT_MM
    return STATUS_MM if before >= LANDSCAPE_TEXT_COLUMNS else max(STATUS_MM, natural)


def _date_mm(lang: Lang) -> float:
    """Room for a date on one line: ``30 ก.ย. 2569``."""
    sample = format_date(date(2569 - 543, 9, 30), lang)
    return office.visible_length(sample) * CHAR_MM_PER_PT * TABLE_PT * TOKEN_SLACK + CELL_PADDING_MM


def _id_width(section: Section) -> float:
    longest = max((len(item.id) for item in section.items), default=2)
    return min(40.0, max(14.0, longest * 2.6 + 4))


def _widths(columns: list[Column], section: Section, usable: float) -> list[Column]:
    """Widths for the free-text columns: a column of short values (a period, an office) as
    wide as its longest value (two lines when the page is crowded, never cutting a word);
    the columns of long text get their least width, then share what is left in proportion
    to how much they hold; all shrink together only when the page cannot hold that."""
    free = [c for c in columns if not c.width_mm]
    natural = {id(c): _natural_mm(c, section) for c in free}
    cap = SHORT_TEXT_MM if len(free) < LANDSCAPE_TEXT_COLUMNS + 2 else CROWDED_SHORT_MM
    sized = {
        id(c): min(max(cap, _token_mm(c, section)), max(MIN_TEXT_MM, natural[id(c)]))
        for c in free
        if natural[id(c)] <= SHORT_TEXT_MM
    }
    long = [c for c in free if id(c) not in sized]
    room = usable - sum(c.width_mm for c in columns if c.width_mm) - sum(sized.values())
    sized.update(_share(room, long, section))
    scale = min(1.0, (usable - sum(c.width_mm for c in columns if c.width_mm)) / (sum(sized.values()) or 1.0))
    return [c if c.width_mm else replace(c, width_mm=sized[id(c)] * scale) for c in columns]


def _share(room: float, columns: list[Column], section: Section) -> dict[int, float]:
    """*room* shared by the columns in proportion to their text, none below its least width:
    a column held at its least leaves the rest to share again among the others."""
    widths: dict[int, float] = {}
    left = list(columns)
    while left:
        weights = {id(c): _text_weight(c, section) for c in left}
        total = sum(weights.values()) or 1.0
        starved = [c for c in left if room * weights[id(c)] / total < _least_mm(c, section)]
        if not starved:
            widths.update({id(c): room * weights[id(c)] / total for c in left})
            break
        for column in starved:
            widths[id(column)] = _least_mm(column, section)
            room -= widths[id(column)]
            left.remove(column)
    return widths


def _natural_mm(column: Column, section: Section) -> float:
    """The width of the column's longest line, unwrapped (a header may take two lines)."""
    lines = [line for item in section.items for line in _cell_text(column, item).split("\n")]
    longest = max((office.visible_length(line) for line in lines), default=0)
    header = math.ceil(office.visible_length(column.header) / 2)
    return max(longest, header) * CHAR_MM_PER_PT * TABLE_PT + CELL_PADDING_MM


def _least_mm(column: Column, section: Section) -> float:
    """The narrowest a column of long text may be (Thai runs long without spaces: a word
    cannot be measured, so the least width is a fixed one, the title's larger)."""
    del section
    return MIN_TITLE_MM if column.kind == "title" else MIN_LONG_MM


def _token_mm(column: Column, section: Section) -> float:
    """The width of the column's longest run without a space: narrower, Word would cut a word."""
    tokens = [token for item in section.items for token in _cell_text(column, item).split()]
    longest = max((office.visible_length(token) for token in tokens), default=0)
    return longest * CHAR_MM_PER_PT * TABLE_PT * TOKEN_SLACK + CELL_PADDING_MM


def _text_weight(column: Column, section: Section) -> float:
    """How much text a column holds: the square root of its average length, so that a
    column of long paragraphs gets more room without starving the others."""
    lengths = [len(_cell_text(column, item)) for item in section.items]
    average = sum(lengths) / len(lengths) if lengths else 0.0
    # The title is what a reader scans for: it gets more than its share.
    return math.sqrt(max(average, 16.0)) * (1.6 if column.kind == "title" else 1.0)


def _cell_text(column: Column, item: Item) -> str:
    if column.kind == "title":
        return item.title
    if column.kind == "notes":
        return item.notes
    return " ".join(office.entries(item.fields.get(column.key)).lines)


# -- styles, fonts, properties and pages ----------------------------------------------------


def _drop_thumbnail(document: DocumentObject) -> None:
    """python-docx's template carries a picture of a blank page, which file browsers would show."""
    rels = document.part.package.rels
    for rel_id in [key for key, rel in rels.items() if rel.reltype.endswith("/thumbnail")]:
        rels.pop(rel_id)


def _set_up_styles(document: DocumentObject) -> None:
    """Every style in TH Sarabun New, black, at report sizes; Thai as the complex-script language."""
    styles = document.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            _run_format(rpr, BODY_PT)
            # Thai is complex script (w:bidi); Latin words in it (No Gift Policy) stay English.
            _child(rpr, "w:lang", {"w:val": "en-GB", "w:bidi": "th-TH"})
    sizes = {
        "Normal": BODY_PT,
        "Title": TITLE_PT,
        "Heading 1": BODY_PT + 2,
        "Heading 2": BODY_PT,
        "Footer": 12,
    }
    for name, size in sizes.items():
        style = styles[name]
        rpr = style.element.get_or_add_rPr()
        _run_format(rpr, size, bold=name != "Normal" and name != "Footer")
        for tag in ("w:color", "w:spacing", "w:kern", "w:i", "w:iCs", "w:caps"):
            _remove(rpr, tag)
        pformat = style.paragraph_format
        pformat.space_before = Pt(0 if name in ("Normal", "Footer") else 6)
        pformat.space_after = Pt(0 if name == "Footer" else 4)
        pformat.line_spacing = 1.0
        pformat.keep_with_next = name.startswith(("Heading", "Title"))
        ppr = style.element.get_or_add_pPr()
        _remove(ppr, "w:pBdr")  # the template's Title has a rule under it
    styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _table_styles(document)


# The styles the tables use (their ids): Word lists them by name in its style gallery.
TABLE_STYLE = "ITATableText"
HEADER_STYLE = "ITATableHeader"
BOX_STYLE = "ITABox"
CHOSEN_STYLE = "ITAChosen"


def _table_styles(document: DocumentObject) -> None:
    """Table text (14 pt), its header (bold, centred), the boxes' symbol font, the chosen status in bold."""
    styles = document.styles
    text = styles.add_style("ITA Table Text", WD_STYLE_TYPE.PARAGRAPH)
    text.base_style = styles["Normal"]
    _run_format(text.element.get_or_add_rPr(), TABLE_PT)
    header = styles.add_style("ITA Table Header", WD_STYLE_TYPE.PARAGRAPH)
    header.base_style = text
    _run_format(header.element.get_or_add_rPr(), TABLE_PT, bold=True)
    box = styles.add_style("ITA Box", WD_STYLE_TYPE.CHARACTER)
    _run_format(box.element.get_or_add_rPr(), TABLE_PT, font=office.SYMBOL_FONT)
    chosen = styles.add_style("ITA Chosen", WD_STYLE_TYPE.CHARACTER)
    _run_format(chosen.element.get_or_add_rPr(), TABLE_PT, bold=True)
    ids = (text.style_id, header.style_id, box.style_id, chosen.style_id)
    assert ids == (TABLE_STYLE, HEADER_STYLE, BOX_STYLE, CHOSEN_STYLE), ids


def _set_up_fonts(document: DocumentObject) -> None:
    """Describe TH Sarabun New in the font table, with its fallbacks and its Thai code page,
    so that Word substitutes a Thai font where it is missing (``w:altName``, ``w:sig``)."""
    part = next(
        (rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/fontTable")), None
    )
    if part is None:
        return
    table = etree.fromstring(part.blob)
    for font in table.findall(qn("w:font")):
        if font.get(qn("w:name")) in (office.FONT, office.SYMBOL_FONT):
            table.remove(font)
    table.append(_font_entry(office.FONT, ",".join(office.FONT_FALLBACKS), SARABUN_PANOSE, SARABUN_SIG))
    table.append(_font_entry(office.SYMBOL_FONT, "Segoe UI Emoji,DejaVu Sans", SYMBOL_PANOSE, SYMBOL_SIG))
    # The template's font table is a plain part (python-docx has no class for it): swap its bytes.
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


# What Word writes for these fonts: the PANOSE class and the Unicode ranges and code pages
# they cover (csb0 bit 16: Thai, code page 874).
SARABUN_PANOSE = "020B0500040200020003"
SARABUN_SIG = ("A100006F", "5000205A", "00000000", "00000000", "00010183", "00000000")
SYMBOL_PANOSE = "020B0502040204020203"
SYMBOL_SIG = ("800001E3", "1200FFEF", "00040000", "04000000", "00000001", "00000000")


def _font_entry(name: str, alternatives: str, panose: str, sig: tuple[str, ...]) -> etree._Element:
    font = OxmlElement("w:font", {qn("w:name"): name})
    font.append(OxmlElement("w:altName", {qn("w:val"): alternatives}))
    font.append(OxmlElement("w:panose1", {qn("w:val"): panose}))
    font.append(OxmlElement("w:charset", {qn("w:val"): "00"}))
    font.append(OxmlElement("w:family", {qn("w:val"): "swiss"}))
    font.append(OxmlElement("w:pitch", {qn("w:val"): "variable"}))
    names = ("usb0", "usb1", "usb2", "usb3", "csb0", "csb1")
    font.append(OxmlElement("w:sig", {qn(f"w:{n}"): v for n, v in zip(names, sig, strict=True)}))
    return font


def _set_properties(document: DocumentObject, summary: Summary, options: ExportOptions) -> None:
    """Title, subject, language and dates; no author (the template's "python-docx" is removed)."""
    properties = document.core_properties
    properties.title = office.xml_text(summary.title)[:255]
    properties.subject = office.xml_text(summary.organization)[:255]
    properties.author = ""
    properties.last_modified_by = ""
    properties.comments = ""
    properties.keywords = "ITA"
    properties.language = "th-TH" if summary.lang == "th" else "en-GB"
    properties.revision = 1
    properties.created = properties.modified = office.moment(options.today)


def _page_setup(section: WordSection, landscape: bool) -> None:
    width, height = (A4_MM[1], A4_MM[0]) if landscape else A4_MM
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.left_margin = section.right_margin = Mm(MARGIN_MM)
    section.top_margin = section.bottom_margin = Mm(MARGIN_MM)
    section.footer_distance = Mm(10)


def _page_numbers(section: WordSection, summary: Summary) -> None:
    """``หน้า 2 จาก 7`` centred in the footer, as PAGE and NUMPAGES fields."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    template = t("office.page", summary.lang, page="\0PAGE\0", pages="\0NUMPAGES\0")
    for index, piece in enumerate(template.split("\0")):
        if index % 2:
            _field(paragraph, piece, FOOTER_PT)
        elif piece:
            _run(paragraph, piece, FOOTER_PT)


def _field(paragraph: Paragraph, instruction: str, size: float) -> None:
    """A Word field (PAGE, NUMPAGES) as begin / instruction / separate / result / end runs."""
    for kind, text in (
        ("begin", ""),
        ("instr", f" {instruction} "),
        ("separate", ""),
        ("text", "1"),
        ("end", ""),
    ):
        run = _run(paragraph, "", size)
        if kind == "instr":
            instr = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
            instr.text = text
            run._r.append(instr)
        elif kind == "text":
            run.text = text
        else:
            run._r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): kind}))


# -- the body ------------------------------------------------------------------------------


def _head(document: DocumentObject, summary: Summary, description: str) -> None:
    """Title, organization, fiscal year (when the title lacks it), description."""
    title = document.add_paragraph(style="Title")
    # "… ภายในหน่วยงาน / ประจำปีงบประมาณ พ.ศ.2566": the year on a line of its own, as reports set it
    first, joint, rest = summary.title.partition(" ประจำปี")
    _paragraph(title, first, TITLE_PT, bold=True)
    if joint:
        title.runs[-1].add_break()
        _run(title, joint.strip() + rest, TITLE_PT, bold=True)
    if summary.organization:
        organization = document.add_paragraph()
        organization.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _paragraph(organization, summary.organization, BODY_PT + 2, bold=True)
    if summary.fiscal_year:
        year = document.add_paragraph()
        year.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _paragraph(year, summary.fiscal_year, BODY_PT, bold=True)
    for text in _paragraphs(description):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.THAI_JUSTIFY
        paragraph.paragraph_format.first_line_indent = Mm(25)
        paragraph.paragraph_format.space_before = Pt(6)
        _paragraph(paragraph, text, BODY_PT)


def _paragraphs(text: str) -> list[str]:
    """Paragraphs of a description: split at blank lines."""
    return [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]


def _section(
    document: DocumentObject, summary: Summary, section_summary: SectionSummary, plan: _Plan, *, first: bool
) -> None:
    section = section_summary.section
    # The seed has no heading over its measure table: the introduction leads into it.
    if not (first and office.is_measures(section)):
        _paragraph(document.add_paragraph(style="Heading 1"), section_summary.title, BODY_PT + 2, bold=True)
        if section.subtitle:
            _paragraph(document.add_paragraph(style="Heading 2"), section.subtitle, BODY_PT, bold=True)
    if not section_summary.rows:
        _paragraph(document.add_paragraph(), summary.label("label.no_items"), BODY_PT)
        return
    widths = [_twips(column.width_mm) for column in plan.columns]
    tbl = docx_table.table(widths)
    header = [
        [docx_table.paragraph([(column.header, None)], HEADER_STYLE, align="center")]
        for column in plan.columns
    ]
    docx_table.row(tbl, widths, header, header=True, shading="D9D9D9")
    for row in section_summary.rows:
        cells = [_cell(column, summary, row, section) for column in plan.columns]
        # A row up to two thirds of a page is kept whole; a taller one may break rather than
        # leave most of a page blank (and one taller than a page must break).
        whole = _row_height_mm(row.item, plan) < _page_body_mm(plan) * KEEP_WHOLE_SHARE
        docx_table.row(tbl, widths, cells, keep_whole=whole)
    # Word joins two tables that touch: a paragraph after each keeps them apart.
    document.add_paragraph()._p.addprevious(tbl)


def _cell(column: Column, summary: Summary, row: Row, section: Section) -> list[_Element]:
    """The paragraphs of one cell."""
    item = row.item
    if column.kind == "number":
        return [_text(summary.digits(office.measure_number(item)), align="center")]
    if column.kind == "id":
        return [_text(item.id)]
    if column.kind == "title":
        return [_text(_title(summary, row, section))]
    if column.kind == "score":
        return [_text(row.score or "", align="center")]
    if column.kind == "due":
        due = row.item.due
        return [_text(format_date(due, summary.lang, summary.thai_digits) if due else "", align="center")]
    if column.kind == "status":
        return _boxes(summary, item)
    if column.kind == "notes":
        return [_text(line) for line in row.notes.split("\n")] if row.notes else []
    value = office.entries(item.fields.get(column.key))
    hanging = _twips(LIST_INDENT_MM) if value.listed else 0
    return [_text(line, hanging=hanging) for line in value.numbered()]


def _text(text: str, *, align: str | None = None, hanging: int = 0) -> _Element:
    return docx_table.paragraph([(office.xml_text(text), None)], TABLE_STYLE, align=align, hanging=hanging)


def _title(summary: Summary, row: Row, section: Section) -> str:
    """The item's title; an indicator's as ``ตัวชี้วัดที่ N ชื่อ คะแนน S``, as the seed writes it."""
    if not office.indicator_table(section):
        return row.title
    title = office.indicator_title(row.item, row.title, summary.lang, summary.thai_digits)
    if row.score is None:
        return title
    word = summary.label("label.score")
    return f"{title} {word if summary.lang == 'th' else word.lower()} {row.score}"


def _boxes(summary: Summary, item: Item) -> list[_Element]:
    """The three boxes, the item's status ticked (its label in bold), in the seed's order."""
    paragraphs = []
    for status in office.BOX_ORDER:
        chosen = item.status is status
        runs: list[docx_table.Run] = [
            (office.CHECKED if chosen else office.UNCHECKED, BOX_STYLE),
            (f" {summary.status_name(status)}", CHOSEN_STYLE if chosen else None),
        ]
        paragraphs.append(docx_table.paragraph(runs, TABLE_STYLE, hanging=_twips(BOX_INDENT_MM)))
    return paragraphs


def _closing(document: DocumentObject, summary: Summary) -> None:
    """The progress and the scores, after the tables (the importer reads no further)."""
    _paragraph(
        document.add_paragraph(style="Heading 1"), summary.label("office.summary"), BODY_PT + 2, bold=True
    )
    for line in (summary.progress_line, summary.score_line or "", summary.as_of, summary.filter_line or ""):
        if line:
            _paragraph(document.add_paragraph(), line, BODY_PT)


# -- runs and XML ------------------------------------------------------------------------------


def _paragraph(paragraph: Paragraph, text: str, size: float, *, bold: bool = False) -> None:
    """*text* as runs of *paragraph*: tabs and line breaks as Word's own."""
    _run(paragraph, text, size, bold=bold)


def _run(paragraph: Paragraph, text: str, size: float, *, bold: bool = False, font: str = office.FONT) -> Run:
    run = paragraph.add_run(office.xml_text(text))
    _run_format(run._r.get_or_add_rPr(), size, bold=bold, font=font)
    return run


def _run_format(rpr: BaseOxmlElement, size: float, *, bold: bool = False, font: str = office.FONT) -> None:
    """Font and size for Latin, East Asian and complex-script (Thai) text alike."""
    names = {f"w:{slot}": font for slot in ("ascii", "hAnsi", "eastAsia", "cs")}
    _child(rpr, "w:rFonts", names)
    for tag in ("w:b", "w:bCs"):
        if bold:
            _child(rpr, tag, {})
        else:
            _remove(rpr, tag)
    half_points = str(round(size * 2))
    _child(rpr, "w:sz", {"w:val": half_points})
    _child(rpr, "w:szCs", {"w:val": half_points})


_RPR_ORDER = [
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
]


def _child(rpr: BaseOxmlElement, tag: str, attributes: dict[str, str]) -> None:
    """Set the run properties' one *tag* child to *attributes*, inserted where the schema wants
    it (Word asks to repair a document whose elements are out of order)."""
    _remove(rpr, tag)
    element = OxmlElement(tag, {qn(name): value for name, value in attributes.items()})
    later = {qn(name) for name in _RPR_ORDER[_RPR_ORDER.index(tag) + 1 :]}
    for index, existing in enumerate(rpr):
        if existing.tag in later:
            rpr.insert(index, element)
            return
    rpr.append(element)


def _remove(parent: BaseOxmlElement, tag: str) -> None:
    for element in parent.findall(qn(tag)):
        parent.remove(element)


def _twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


def _row_height_mm(item: Item, plan: _Plan) -> float:
    """A guess at a row's height: the tallest cell's wrapped lines."""
    tallest = 3
    for column in plan.columns:
        if column.kind == "status":
            continue
        chars_per_line = max(1.0, (column.width_mm - 2) / (CHAR_MM_PER_PT * TABLE_PT))
        pieces = _cell_text(column, item).split("\n") if column.kind != "field" else None
        if pieces is None:
            pieces = list(office.entries(item.fields.get(column.key)).lines) or [""]
        lines = sum(max(1, math.ceil(len(piece) / chars_per_line)) for piece in pieces)
        tallest = max(tallest, lines)
    return tallest * LINE_MM_PER_PT * TABLE_PT


def _page_body_mm(plan: _Plan) -> float:
    return (A4_MM[0] if plan.landscape else A4_MM[1]) - 2 * MARGIN_MM

"""The importer's corners a mutation sample found untested (issue 20).

* a status box's own label is taken out of the cell, the text after it stays;
* inline markup (``<span>``, ``<b>``) inside an HTML paragraph does not cut the line;
* the written checklist's header names every status a user may type;
* a Word list whose number format is "none" reads as plain paragraphs;
* an Excel sheet without a ``<dimension>`` element: text beyond the header is reported,
  empty cells beyond it are not.
"""

from __future__ import annotations

import io
import re
import zipfile

from docx import Document
from docx.oxml import parse_xml
from openpyxl import Workbook

from ita_tui.i18n import status_label
from ita_tui.importer import ImportResult, parse_blocks, parse_report, to_toml
from ita_tui.importing.docx_reader import read_docx
from ita_tui.importing.xlsx_reader import read_xlsx
from ita_tui.model import Status

HEAD = "รายงานผลการดำเนินการ ประจำปีงบประมาณ พ.ศ. 2567\nเทศบาลตำบลทดสอบ\n\n"
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_text_after_a_box_label_stays_in_the_cell() -> None:
    """A box is replaced by the text that follows its status label: the date the work was
    finished, written after "☑ ดำเนินการแล้วเสร็จ", is part of the results, not of the box."""
    table = "| ลำดับ | มาตรการ | สรุปผล |\n|---|---|---|\n"
    row = "| 1 | มาตรการหนึ่ง | จัดอบรม 2 ครั้ง ☑ ดำเนินการแล้วเสร็จ เมื่อ 30 ก.ย. 2567 ☐ อยู่ระหว่างดำเนินการ |\n"
    result = parse_report(HEAD + table + row, "r.md")
    item = result.items()[0]
    assert (item["status"], item["results"]) == ("done", "จัดอบรม 2 ครั้ง เมื่อ 30 ก.ย. 2567")
    assert result.notices == []


def test_inline_markup_in_an_html_paragraph_keeps_it_one_line() -> None:
    """Word's "save as HTML" wraps runs, even parts of a Thai word, in ``<span>``/``<b>``, and
    some converters write Thai as character references: only block tags end a line, and a
    removed tag or a reference adds no space, so the organization and the sentence that gives
    the overall score are read whole and as written.  (They were cut at every inline tag by
    a mutant; spaced out, "ร า ย ง า น", by a bug fixed with this test.)"""
    report = (
        "<html><body>"
        "<p>&#3619;&#3634;&#3618;&#3591;&#3634;&#3609;ผลการดำเนินการ ประจำปีงบประมาณ พ.ศ. 2567</p>"
        "<p>เทศบาลตำบล<span lang=TH>นิคม</span>คำสร้อย<o:p></o:p> (A&amp;B)</p>"
        "<p>หน่วยงานได้คะแนน <b>95.75</b> (ผ่านดี)<hr>ตามผลการประเมิน</p>"
        "<table><tr><th>ลำดับ</th><th>มาตรการ</th><th>ผู้รับผิดชอบ</th></tr>"
        "<tr><td>1</td><td>มาตรการหนึ่ง</td><td>กองคลัง</td></tr></table>"
        "</body></html>"
    )
    head = parse_report(report, "r.html").document["checklist"]
    assert head["title"] == "รายงานผลการดำเนินการ ประจำปีงบประมาณ พ.ศ. 2567"
    assert head["organization"] == "เทศบาลตำบลนิคมคำสร้อย (A&B)"
    assert (head["overall_score"], head["rating"]) == (95.75, "ผ่านดี")
    assert head["description"] == "หน่วยงานได้คะแนน 95.75 (ผ่านดี) ตามผลการประเมิน"  # <hr> still parts words


def test_the_checklist_header_names_every_status_with_its_thai_name() -> None:
    """Whoever opens the imported file in an editor learns from its header comment the
    status keys to type, each with its Thai name as reports write it."""
    table = "| ลำดับ | มาตรการ | ผู้รับผิดชอบ |\n|---|---|---|\n| 1 | มาตรการหนึ่ง | กองคลัง |\n"
    text = to_toml(parse_report(HEAD + table, "r.md"))
    header = " ".join(line.lstrip("# ") for line in text.split("format =")[0].splitlines())
    for status in Status:
        assert f"{status.value} ({status_label(status, 'th')})" in header


def _docx_with_plain_list(cells: dict[str, str]) -> bytes:
    """A report whose measure rows each have one ผู้รับผิดชอบ paragraph in a list: *cells*
    maps the office to the list's number format ("none" shows nothing, as LibreOffice's
    ``<ol>`` without ``<li>``; "decimal" shows 1.)."""
    document = Document()
    document.add_paragraph("รายงานผลการดำเนินการ ประจำปีงบประมาณ พ.ศ.2567")
    document.add_paragraph("เทศบาลตำบลทดสอบ")
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{numbering.nsmap['w']}}}num")
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("ลำดับ", "มาตรการ/กิจกรรม", "ผู้รับผิดชอบ"), strict=True):
        cell.text = text
    for number, (office, fmt) in enumerate(cells.items(), start=1):
        abstract_id, num_id = str(900 + number), str(800 + number)
        first_num.addprevious(
            parse_xml(
                f'<w:abstractNum {W_NS} w:abstractNumId="{abstract_id}"><w:lvl w:ilvl="0">'
                f'<w:numFmt w:val="{fmt}"/></w:lvl></w:abstractNum>'
            )
        )
        numbering.append(
            parse_xml(f'<w:num {W_NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
        )
        row = table.add_row().cells
        row[0].text, row[1].text, row[2].text = str(number), f"มาตรการที่ {number}", office
        row[2].paragraphs[0]._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
        )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_word_list_that_shows_no_number_reads_as_plain_text() -> None:
    """A paragraph of a list whose format is "none" looks like plain text in Word, so it is a
    plain string; a numbered list's one entry is a list of one."""
    data = _docx_with_plain_list({"กองคลัง": "none", "กองช่าง": "decimal"})
    result = parse_blocks(read_docx(data, "r.docx"), "r.docx")
    assert [item["responsible"] for item in result.items()] == ["กองคลัง", ["กองช่าง"]]


def _without_dimension(data: bytes) -> bytes:
    """The workbook with its sheets' ``<dimension>`` element removed, as some tools write
    them (the element is optional): rows then come as long as their last cell."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                content = re.sub(rb"<dimension [^>]*/>", b"", content)
            target.writestr(info, content)
    return out.getvalue()


def _xlsx_import(rows: list[list[object]]) -> ImportResult:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "มาตรการ"
    sheet.append(["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ.2567"])
    sheet.append(["อบต.ตัวอย่าง"])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return parse_blocks(read_xlsx(_without_dimension(out.getvalue()), "p.xlsx"), "p.xlsx")


def test_xlsx_text_beyond_the_header_is_reported_and_empty_cells_beyond_it_are_not() -> None:
    """A row with text in a column the header does not have is skipped and said so (with its
    true width), never cut silently; blanks after the header's last column are no text at all;
    a row of blanks is no row."""
    result = _xlsx_import(
        [
            ["ลำดับ", "มาตรการ", "ผู้รับผิดชอบ"],
            [1, "มาตรการหนึ่ง", "กองคลัง", None, "ข้อความเกิน"],
            [2, "มาตรการสอง", "กองช่าง", " ", ""],
            [" ", " ", " "],
        ]
    )
    assert [notice.render("p.xlsx") for notice in result.notices] == [
        "p.xlsx: sheet 'มาตรการ', row 4: skipped: row has 5 cells, the header 3"
    ]
    assert [(item["id"], item["responsible"]) for item in result.items()] == [("M2", "กองช่าง")]


def test_inline_markup_in_an_html_table_cell_does_not_split_thai_words() -> None:
    """Word's HTML wraps runs of a cell in ``<span>``/``<b>`` too, even in the middle of a Thai
    word: a cell's title reads as written (it read "มา ตร การ"), while a line break or a
    paragraph inside a cell still parts its entries."""
    report = (
        "<html><body><p>รายงานผลการดำเนินการ</p>"
        "<table><tr><th>ลำดับ</th><th>มาตรการ</th><th>ผู้รับผิดชอบ</th></tr>"
        "<tr><td>1</td><td>มา<b>ตร</b>การ<span lang=TH>เปิดเผย</span>ข้อมูล<o:p></o:p></td>"
        "<td>กอง<span>คลัง</span><br>กองช่าง</td></tr></table>"
        "</body></html>"
    )
    document = parse_report(report, "r.html").document
    item = document["sections"][0]["items"][0]
    assert item["title"] == "มาตรการเปิดเผยข้อมูล"
    assert item["responsible"] == ["กองคลัง", "กองช่าง"]

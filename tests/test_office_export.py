"""`export --format docx|xlsx`: each file opened with the library that wrote it, and read back.

Structure and values: tables, header labels, boxes, fonts (Latin, East Asian and complex
script), page setup, repeated headers, rows kept whole, page numbers; sheets, drop-down
lists, number formats, dates, frozen headers, filters, formulas.  Round trips: the export
imported back is the checklist again (golden: the bundled fy2566.toml, byte for byte in
data).  Formula injection: text stays text.
"""

from __future__ import annotations

import io
import tomllib
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from export_helpers import TODAY, tricky_checklist
from openpyxl import load_workbook

from ita_tui.checklist_file import load_checklist
from ita_tui.cli import main
from ita_tui.exports import office
from ita_tui.exports.options import ExportOptions
from ita_tui.exports.registry import render
from ita_tui.importer import ImportResult, parse_blocks
from ita_tui.importing.docx_reader import read_docx
from ita_tui.importing.xlsx_reader import read_xlsx
from ita_tui.model import Checklist, Item, Section, Status

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "ita_tui" / "checklists" / "fy2566.toml"
TH = ExportOptions(lang="th", today=TODAY)


@pytest.fixture(scope="module")
def fy2566() -> Checklist:
    return load_checklist(BUNDLED)


@pytest.fixture(scope="module")
def docx_bytes(fy2566: Checklist) -> bytes:
    return render(fy2566, "docx", TH)


@pytest.fixture(scope="module")
def xlsx_bytes(fy2566: Checklist) -> bytes:
    return render(fy2566, "xlsx", TH)


def _read_back(data: bytes, fmt: str, name: str = "x") -> ImportResult:
    reader = read_docx if fmt == "docx" else read_xlsx
    return parse_blocks(reader(data, f"{name}.{fmt}"), f"{name}.{fmt}")


# -- docx: structure -------------------------------------------------------------


def test_docx_tables_carry_the_checklists_own_labels(docx_bytes: bytes) -> None:
    document = Document(io.BytesIO(docx_bytes))
    tables = document.tables
    assert len(tables) == 4  # measures, IIT, EIT, OIT
    measures = [cell.text for cell in tables[0].rows[0].cells]
    assert measures == [
        "ลำดับ",
        "มาตรการ/กิจกรรม",
        "วิธีดำเนินการ",
        "ระยะเวลาในการดำเนินการ",
        "ผู้รับผิดชอบ",
        "สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม",
        "ผลลัพธ์หรือความสำเร็จในการดำเนินการ",
        "สถานะ",
    ]
    iit = [cell.text for cell in tables[1].rows[0].cells]
    assert iit == [
        "ตัวชี้วัด",
        "แนวทางในการยกระดับการประเมิน",
        "ผู้รับผิดชอบ",
        "ระยะเวลา",
        "ความก้าวหน้าผลการดำเนินการ",
        "สถานะ",
    ]
    assert len(tables[0].rows) == 1 + 6 and len(tables[1].rows) == 1 + 5
    first = tables[1].rows[1].cells
    assert first[0].text == "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ คะแนน 97.44"  # as the seed writes it
    assert [p.text for p in first[4].paragraphs][:1] == [
        "1. เทศบาลตำบลนิคมคำสร้อย ได้ดำเนินการลดขั้นตอนในการปฏิบัติราชการ โดยใช้ระบบออนไลน์ ในการดำเนินการ เช่น การเสียภาษี"
    ]
    assert tables[1].rows[3].cells[0].text == "ตัวชี้วัดที่ 3 การใช้อำนาจ"  # no score: none written


@pytest.mark.parametrize(
    ("table", "row", "ticked"),
    [(0, 1, "ยังไม่ได้ดำเนินการ"), (1, 1, "ดำเนินการแล้วเสร็จ"), (2, 3, "อยู่ระหว่างดำเนินการ")],
)
def test_docx_status_is_three_boxes_with_the_chosen_one_ticked(
    docx_bytes: bytes, table: int, row: int, ticked: str
) -> None:
    cell = Document(io.BytesIO(docx_bytes)).tables[table].rows[row].cells[-1]
    lines = [paragraph.text for paragraph in cell.paragraphs]
    labels = ["ดำเนินการแล้วเสร็จ", "ยังไม่ได้ดำเนินการ", "อยู่ระหว่างดำเนินการ"]  # the seed's order
    assert lines == [f"{'☑' if label == ticked else '☐'} {label}" for label in labels]
    box_run = cell.paragraphs[0].runs[0]
    assert box_run.style.name == "ITA Box" and box_run.style.font.name == office.SYMBOL_FONT
    chosen = next(p for p in cell.paragraphs if ticked in p.text).runs[1]
    assert chosen.style.name == "ITA Chosen" and chosen.style.font.bold


def test_docx_fonts_cover_thai_as_complex_script(docx_bytes: bytes) -> None:
    document = Document(io.BytesIO(docx_bytes))
    paragraph = document.tables[0].rows[1].cells[1].paragraphs[0]
    assert paragraph.style.name == "ITA Table Text"
    properties = paragraph.style.element.rPr
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert properties.rFonts.get(qn(f"w:{slot}")) == "TH Sarabun New"
    assert properties.find(qn("w:szCs")).get(qn("w:val")) == "28"  # 14 pt tables, complex script too
    header = document.tables[0].rows[0].cells[0].paragraphs[0].style
    assert header.name == "ITA Table Header" and header.element.rPr.find(qn("w:bCs")) is not None
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:lang")).get(qn("w:bidi")) == "th-TH"  # Thai: complex script
    assert defaults.find(qn("w:szCs")).get(qn("w:val")) == "32"  # 16 pt text
    table_part = next(
        rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("fontTable")
    )
    assert b'w:name="TH Sarabun New"' in table_part.blob
    assert b"TH SarabunPSK,Leelawadee UI,Tahoma" in table_part.blob


def test_docx_pages_are_a4_landscape_with_numbers(docx_bytes: bytes) -> None:
    document = Document(io.BytesIO(docx_bytes))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and "หน้า" in footer


def test_docx_header_rows_repeat_and_rows_stay_whole(docx_bytes: bytes) -> None:
    document = Document(io.BytesIO(docx_bytes))
    for table in document.tables:
        header = table.rows[0]._tr
        assert header.trPr.find(qn("w:tblHeader")) is not None
    short_row = document.tables[1].rows[1]._tr  # I1: short, kept on one page
    assert short_row.trPr.find(qn("w:cantSplit")) is not None
    long_row = document.tables[0].rows[1]._tr  # M1: taller than two thirds of a page, may break
    assert long_row.trPr is None or long_row.trPr.find(qn("w:cantSplit")) is None


def test_docx_head_and_closing(docx_bytes: bytes) -> None:
    texts = [p.text for p in Document(io.BytesIO(docx_bytes)).paragraphs if p.text]
    assert texts[0] == "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน\nประจำปีงบประมาณ พ.ศ.2566"
    assert texts[1] == "เทศบาลตำบลนิคมคำสร้อย อำเภอนิคมน้ำอูน จังหวัดมุกดาหาร"
    assert texts[2].startswith("จากการประเมินผลคุณธรรม")
    assert "สรุปการประเมิน IIT เพื่อยกระดับการประเมิน" in texts
    closing = texts[texts.index("สรุป") :]
    assert closing[1] == "ความคืบหน้า: เสร็จ 7 จาก 16 รายการ (44%) · อยู่ระหว่างดำเนินการ 1 · ยังไม่ได้ดำเนินการ 8"
    assert closing[2].startswith("คะแนนที่รายงาน 95.75 (ผ่านดี)")
    assert closing[3] == "สรุป ณ วันที่ 25 พ.ย. 2569"


def test_docx_portrait_when_the_table_is_narrow() -> None:
    narrow = Checklist(
        "แผน",
        [Section("measures", "มาตรการ", [Item("M1", "หนึ่ง", fields={"period": "2567"})])],
        fiscal_year=2567,
    )
    document = Document(io.BytesIO(render(narrow, "docx", TH)))
    assert (round(document.sections[0].page_width.mm), round(document.sections[0].page_height.mm)) == (
        210,
        297,
    )
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[1].startswith("ปีงบประมาณ พ.ศ. 2567")  # the title does not name the year: a line says it


# -- xlsx: structure -------------------------------------------------------------


def test_xlsx_sheets_and_columns(xlsx_bytes: bytes) -> None:
    workbook = load_workbook(io.BytesIO(xlsx_bytes))
    assert workbook.sheetnames == ["สรุป", "มาตรการ", "IIT", "EIT", "OIT"]
    iit = workbook["IIT"]
    assert iit["A1"].value == "สรุปการประเมิน IIT เพื่อยกระดับการประเมิน"
    header = [cell.value for cell in iit[2]]
    assert header == [
        "รหัส",
        "ตัวชี้วัด",
        "สถานะ",
        "คะแนน",
        "กำหนดเสร็จ",
        "แนวทางในการยกระดับการประเมิน",
        "ผู้รับผิดชอบ",
        "ระยะเวลา",
        "ความก้าวหน้าผลการดำเนินการ",
        "หมายเหตุ",
        "แก้ไขล่าสุด",
    ]
    first = [cell.value for cell in iit[3]][:4]
    assert first == ["I1", "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่", "ดำเนินการแล้วเสร็จ", 97.44]
    assert iit["D3"].number_format == "0.00"
    assert iit["D5"].value is None  # I3 has no score
    assert iit.freeze_panes == "C3"
    assert iit.auto_filter.ref == "A2:K7"
    assert iit["I3"].value.startswith("1. เทศบาลตำบลนิคมคำสร้อย") and "\n2. มีผังขั้นตอน" in iit["I3"].value
    assert iit["I3"].alignment.wrap_text
    assert 10 < iit.column_dimensions["B"].width <= 50


def test_xlsx_status_is_a_drop_down_of_thai_names(xlsx_bytes: bytes) -> None:
    sheet = load_workbook(io.BytesIO(xlsx_bytes))["มาตรการ"]
    lists = [dv for dv in sheet.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1
    assert lists[0].formula1 == '"ยังไม่ได้ดำเนินการ,อยู่ระหว่างดำเนินการ,ดำเนินการแล้วเสร็จ"'
    assert str(lists[0].sqref).startswith("C3:C")
    scores = [dv for dv in load_workbook(io.BytesIO(xlsx_bytes))["IIT"].data_validations.dataValidation]
    assert any(dv.type == "decimal" and dv.formula1 == "0" and dv.formula2 == "100" for dv in scores)


def test_xlsx_summary_counts_and_scores_with_formulas(xlsx_bytes: bytes) -> None:
    sheet = load_workbook(io.BytesIO(xlsx_bytes))["สรุป"]
    column_a = [cell.value for cell in sheet["A"]]
    assert column_a[:2] == [
        "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ.2566",
        "เทศบาลตำบลนิคมคำสร้อย อำเภอนิคมน้ำอูน จังหวัดมุกดาหาร",
    ]
    row = column_a.index("สรุปการประเมิน IIT เพื่อยกระดับการประเมิน") + 1
    assert sheet.cell(row, 2).value == "=COUNTA('IIT'!$A$3:$A$207)"
    assert sheet.cell(row, 3).value == "=COUNTIF('IIT'!$C$3:$C$207,\"ดำเนินการแล้วเสร็จ\")"
    assert sheet.cell(row, 6).number_format == "0%"
    computed = column_a.index("คะแนนที่คำนวณได้") + 1
    formula = sheet.cell(computed, 3).value
    assert formula.startswith("=IF(COUNT(C") and "ROUND(" in formula
    assert sheet.cell(computed, 4).value.startswith("=IF(C") and '"AA"' in sheet.cell(computed, 4).value
    counting = column_a.index("คะแนนที่ใช้") + 1
    reported = column_a.index("คะแนนที่รายงาน") + 1
    assert sheet.cell(reported, 3).value == 95.75 and sheet.cell(reported, 4).value == "ผ่านดี"
    assert sheet.cell(counting, 3).value == f"=C{reported}"
    group = column_a.index("IIT การประเมินการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน") + 1
    assert sheet.cell(group, 2).value == 30
    assert "'IIT'!$D$3*6" in sheet.cell(group, 3).value


def test_xlsx_dates_are_dates() -> None:
    updated = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    item = Item("M1", "หนึ่ง", updated=updated, due=date(2026, 12, 15))
    checklist = Checklist("แผน", [Section("measures", "มาตรการ", [item])])
    sheet = load_workbook(io.BytesIO(render(checklist, "xlsx", TH)))["มาตรการ"]
    assert sheet["D2"].value == "กำหนดเสร็จ"
    assert sheet["D3"].value == datetime(2026, 12, 15) and sheet["D3"].is_date
    assert sheet["D3"].number_format == "yyyy-mm-dd"
    cell = sheet["F3"]
    assert sheet["F2"].value == "แก้ไขล่าสุด"
    assert cell.value == datetime(2026, 11, 20, 9, 30) and cell.is_date
    assert cell.number_format == "yyyy-mm-dd hh:mm"


# -- formula injection -----------------------------------------------------------


@pytest.mark.parametrize("text", ['=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1)", "=1+1"])
def test_xlsx_text_never_becomes_a_formula(text: str) -> None:
    checklist = Checklist(
        text,
        [
            Section(
                "measures", text, [Item("M1", text, notes=text, fields={"actions": text, "owner": [text]})]
            )
        ],
        organization=text,
    )
    workbook = load_workbook(io.BytesIO(render(checklist, "xlsx", TH)))
    sheet = workbook["มาตรการ"]
    for ref in ("A1", "B3", "E3", "G3"):  # section title, title, a field, notes
        cell = sheet[ref]
        assert cell.data_type == "s", ref
        assert cell.quotePrefix or not text.startswith(("=", "+", "-", "@")), ref
    assert sheet["B3"].value == text
    assert sheet["E3"].value == text
    assert sheet["F3"].value == f"1. {text}"  # a list: numbered, so not at the start
    summary = workbook["สรุป"]
    assert summary["A1"].value == text and summary["A1"].data_type == "s"
    raw = io.BytesIO(render(checklist, "xlsx", TH))
    import zipfile

    with zipfile.ZipFile(raw) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet2.xml").decode()
    assert "<f>" not in sheet_xml.split("<sheetData>")[1].split("</sheetData>")[0]


def test_docx_keeps_markup_and_formulas_as_text() -> None:
    checklist = tricky_checklist()
    document = Document(io.BytesIO(render(checklist, "docx", TH)))
    cells = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert '=HYPERLINK("http://evil")' in cells
    assert "Plan [/bold] [link=http://x]click[/link]" in next(p.text for p in document.paragraphs)


# -- round trips -----------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_round_trip_gives_the_bundled_checklist(fmt: str, docx_bytes: bytes, xlsx_bytes: bytes) -> None:
    result = _read_back(docx_bytes if fmt == "docx" else xlsx_bytes, fmt)
    assert result.notices == []
    assert result.document == tomllib.loads(BUNDLED.read_text(encoding="utf-8"))


def _custom() -> Checklist:
    """Ids the importer could not derive, notes, scores on measures, a one-entry list, English too."""
    measures = Section(
        "measures",
        "มาตรการ",
        [
            Item(
                "M-A",
                "=ตั้งคณะทำงาน",
                Status.DONE,
                notes="ประชุมแล้ว\nรอรายงาน",
                score=88.5,
                fields={"actions": ["หนึ่ง"]},
            ),
            Item(
                "M2",
                "-เผยแพร่ข้อมูล",
                Status.IN_PROGRESS,
                due=date(2026, 12, 15),
                fields={"actions": "ทำ", "owner": ["กองคลัง", "สำนักปลัด"]},
            ),
        ],
        labels={"actions": "วิธีดำเนินการ"},  # "owner" has no label: its header is its key
    )
    iit = Section(
        "iit",
        "สรุปการประเมิน IIT",
        [Item("IND-1", "การปฏิบัติหน้าที่", Status.IN_PROGRESS, score=90.0, indicator=1)],
        group="IIT",
        labels={"approach": "แนวทาง"},
    )
    return Checklist("แผนปฏิบัติการ", [measures, iit], organization="อบต.ตัวอย่าง", fiscal_year=2567)


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
@pytest.mark.parametrize("lang", ["th", "en"])
def test_round_trip_keeps_ids_titles_fields_statuses_scores_and_notes(fmt: str, lang: str) -> None:
    checklist = _custom()
    result = _read_back(render(checklist, fmt, ExportOptions(lang=lang, today=TODAY)), fmt)
    assert [n for n in result.notices if n.level != "note"] == []
    items = {item["id"]: item for item in result.items()}
    assert list(items) == ["M-A", "M2", "IND-1"]
    for original in checklist.items():
        back: dict[str, Any] = items[original.id]
        assert back["title"] == original.title
        assert back["status"] == original.status.value
        assert back.get("score") == original.score
        assert back["notes"] == original.notes
        assert back.get("due") == original.due
        assert {k: v for k, v in back.items() if k in original.fields} == original.fields
    head = result.document["checklist"]
    assert (head["title"], head["organization"], head["fiscal_year"]) == ("แผนปฏิบัติการ", "อบต.ตัวอย่าง", 2567)
    assert "description" not in head  # the fiscal-year line is the year, not description


def test_export_writes_docx_and_xlsx_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for fmt in ("docx", "xlsx"):
        assert main(["export", str(BUNDLED), "--format", fmt]) == 0
    names = sorted(path.suffix for path in (tmp_path / "exports").iterdir())
    assert names == [".docx", ".xlsx"]


def test_binary_formats_are_not_written_to_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["export", str(BUNDLED), "--format", "docx", "-o", "-"]) == 2
    assert "docx file is not text" in capsys.readouterr().err

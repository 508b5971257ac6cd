"""`import` of Word and Excel files: a file made by LibreOffice, every box spelling, the
notices with the table (or sheet) and row they were met in, broken files, and the cost
of the libraries (no other command imports them)."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from openpyxl import Workbook

from ita_tui.cli import main
from ita_tui.importer import ImportResult, parse_blocks
from ita_tui.importing.docx_reader import read_docx
from ita_tui.importing.xlsx_reader import read_xlsx

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
BUNDLED = ROOT / "ita_tui" / "checklists" / "fy2566.toml"
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
W14_NS = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
DONE, NOT_STARTED, IN_PROGRESS = "ดำเนินการแล้วเสร็จ", "ยังไม่ได้ดำเนินการ", "อยู่ระหว่างดำเนินการ"


def _docx(data: bytes, name: str = "report.docx") -> ImportResult:
    return parse_blocks(read_docx(data, name), name)


def _xlsx(data: bytes, name: str = "report.xlsx") -> ImportResult:
    return parse_blocks(read_xlsx(data, name), name)


# -- a Word file made by LibreOffice ---------------------------------------------------


def test_the_libreoffice_file_with_every_box_spelling_is_the_bundled_checklist() -> None:
    result = _docx((DATA / "office" / "seed-boxes.docx").read_bytes(), "seed-boxes.docx")
    assert result.notices == []
    assert result.document == tomllib.loads(BUNDLED.read_text(encoding="utf-8"))


# -- box spellings in Word files built here --------------------------------------------


def _run(text: str, font: str | None = None) -> str:
    fonts = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
    return f'<w:r {W_NS}>{fonts}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _sym(font: str, char: str) -> str:
    return f'<w:r {W_NS}><w:sym w:font="{font}" w:char="{char}"/></w:r>'


def _content_control(checked: bool) -> str:
    """Word's clickable box: a w14:checkbox content control showing ☒ or ☐ in MS Gothic."""
    glyph = "☒" if checked else "☐"
    return (
        f'<w:sdt {W_NS} {W14_NS}><w:sdtPr><w14:checkbox><w14:checked w14:val="{int(checked)}"/>'
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
        f"<w:sdtContent><w:r><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>"
    )


def _form_field(checked: bool) -> str:
    """A legacy FORMCHECKBOX field, as Word 97–2003 forms have them."""
    state = "<w:checked/>" if checked else '<w:default w:val="0"/>'
    return (
        f'<w:r {W_NS}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/>'
        f"<w:checkBox><w:sizeAuto/>{state}</w:checkBox></w:ffData></w:fldChar></w:r>"
        f'<w:r {W_NS}><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
        f'<w:r {W_NS}><w:fldChar w:fldCharType="end"/></w:r>'
    )


# (checked mark, unchecked mark) as run XML
SPELLINGS = {
    "ballot box with check": (_run("☑"), _run("☐")),
    "ballot box with x": (_run("☒"), _run("☐")),
    "check mark": (_run("✓"), _run("□")),
    "heavy check mark": (_run("✔"), _run("□")),
    "brackets": (_run("[x]"), _run("[ ]")),
    "wingdings text": (_run("þ", "Wingdings"), _run("¨", "Wingdings")),
    "wingdings private use": (_run("\uf0fe", "Wingdings"), _run("\uf0a8", "Wingdings")),
    "wingdings symbol": (_sym("Wingdings", "F0FE"), _sym("Wingdings", "F0A8")),
    "wingdings 2": (_run("R", "Wingdings 2"), _run("£", "Wingdings 2")),
    "content control": (_content_control(True), _content_control(False)),
    "form field": (_form_field(True), _form_field(False)),
}


def _append(paragraph: object, xml: str) -> None:
    """Append runs (and content controls) given as XML to a ``w:p``."""
    wrapper = parse_xml(f"<w:wrapper {W_NS}>{xml}</w:wrapper>")
    for child in list(wrapper):
        paragraph.append(child)  # type: ignore[attr-defined]


def _indicator_document(boxes: list[tuple[str, str, str]], *, header_mark: bool = True) -> bytes:
    """A report with one indicator table; each row's status cell holds three box paragraphs."""
    document = Document()
    document.add_paragraph("รายงานผลการดำเนินการ ประจำปีงบประมาณ พ.ศ.2567")
    document.add_paragraph("องค์การบริหารส่วนตำบลตัวอย่าง")
    document.add_paragraph("สรุปการประเมิน IIT")
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("ตัวชี้วัด", "ผู้รับผิดชอบ", "ความก้าวหน้า"), strict=True):
        cell.text = text
    if header_mark:
        table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {W_NS}/>"))
    for number, (first, second, third) in enumerate(boxes, start=1):
        cells = table.add_row().cells
        cells[0].text = f"ตัวชี้วัดที่ {number} ชื่อ {number} คะแนน 9{number}.5"
        cells[1].text = "ทุกส่วนราชการ"
        cell = cells[2]
        cell.paragraphs[0].text = "ทำแล้ว"
        for mark, label in ((first, DONE), (second, NOT_STARTED), (third, IN_PROGRESS)):
            paragraph = cell.add_paragraph()
            _append(paragraph._p, mark + _run(f" {label}"))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("spelling", list(SPELLINGS))
def test_every_box_spelling_reads(spelling: str) -> None:
    checked, empty = SPELLINGS[spelling]
    data = _indicator_document([(checked, empty, empty), (empty, empty, checked), (empty, checked, empty)])
    result = _docx(data)
    assert [n for n in result.notices if n.level != "note"] == []
    assert [(item["id"], item["status"], item["score"]) for item in result.items()] == [
        ("I1", "done", 91.5),
        ("I2", "in-progress", 92.5),
        ("I3", "not-started", 93.5),
    ]
    assert result.items()[0]["progress"] == "ทำแล้ว"  # boxes and labels left out of the text


def test_notices_name_the_table_and_row() -> None:
    checked, empty = SPELLINGS["ballot box with check"]
    data = _indicator_document([(checked, empty, empty), (checked, empty, checked), (empty, empty, empty)])
    rendered = [notice.render("report.docx") for notice in _docx(data).notices]
    assert rendered == [
        f"report.docx: table 1, row 3: I2: 2 boxes checked ({DONE}, {IN_PROGRESS}): "
        "status left as not-started",
        "report.docx: table 1, row 4: I3: no box checked: status left as not-started",
    ]


def test_a_table_without_a_marked_header_is_read_by_its_first_row() -> None:
    checked, empty = SPELLINGS["brackets"]
    result = _docx(_indicator_document([(checked, empty, empty)], header_mark=False))
    assert [item["status"] for item in result.items()] == ["done"]


def test_merged_cells_and_word_lists() -> None:
    document = Document()
    document.add_paragraph("รายงาน")
    document.add_paragraph("หน่วยงาน")
    table = document.add_table(rows=4, cols=3)
    for cell, text in zip(table.rows[0].cells, ("ลำดับ", "มาตรการ/กิจกรรม", "ผู้รับผิดชอบ"), strict=True):
        cell.text = text
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "1", "มาตรการหนึ่ง"
    table.rows[1].cells[2].merge(table.rows[2].cells[2]).text = "กองคลัง"  # one office for both rows
    table.rows[2].cells[0].text, table.rows[2].cells[1].text = "2", "มาตรการสอง"
    merged = table.rows[3].cells[0].merge(table.rows[3].cells[2])  # a heading set across the table
    merged.text = "มาตรการเพิ่มเติม"
    row = table.add_row().cells
    row[0].text, row[1].text = "3", "มาตรการสาม"
    row[2].paragraphs[0].text = "สำนักปลัด"
    row[2].paragraphs[0].style = "List Number"  # Word keeps the number out of the text
    row[2].add_paragraph("กองช่าง", style="List Number")
    out = io.BytesIO()
    document.save(out)
    result = _docx(out.getvalue())
    assert [n for n in result.notices if n.level != "note"] == []
    items = {item["id"]: item for item in result.items()}
    assert items["M1"]["responsible"] == "กองคลัง"
    assert "responsible" not in items["M2"]  # the lower half of a merged cell is empty
    assert items["M3"]["responsible"] == ["สำนักปลัด", "กองช่าง"]


def test_tracked_deletions_and_field_codes_are_not_text() -> None:
    document = Document()
    document.add_paragraph("รายงาน")
    document.add_paragraph("หน่วยงาน")
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "มาตรการ/กิจกรรม", "ผู้รับผิดชอบ"
    table.rows[1].cells[0].text = "มาตรการหนึ่ง"
    paragraph = table.rows[1].cells[1].paragraphs[0]
    _append(
        paragraph._p,
        _run("กองคลัง") + f'<w:del {W_NS} w:id="1" w:author="x"><w:r><w:t>ลบแล้ว</w:t></w:r></w:del>',
    )
    out = io.BytesIO()
    document.save(out)
    assert _docx(out.getvalue()).items()[0]["responsible"] == "กองคลัง"


# -- Excel ---------------------------------------------------------------------------


def _workbook(rows: list[list[object]], title: str | None = "สรุปการประเมิน IIT") -> bytes:
    workbook = Workbook()
    cover = workbook.active
    assert cover is not None
    cover.title = "ปก"
    cover.append(["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ.2567"])
    cover.append(["อบต.ตัวอย่าง"])
    cover.append(["ส่วน", "จำนวน"])  # figures: left out
    cover.append(["ไม่ใช่คำอธิบาย"])
    sheet = workbook.create_sheet("IIT")
    if title:
        sheet.append([title])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_xlsx_reads_a_sheet_by_its_header_row() -> None:
    data = _workbook(
        [
            ["รหัส", "ตัวชี้วัด", "สถานะ", "คะแนน", "ผู้รับผิดชอบ"],
            ["I1", "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่", "ดำเนินการแล้วเสร็จ", 97.44, "ทุกส่วนราชการ"],
            ["I2", "ตัวชี้วัดที่ 2 การใช้งบประมาณ", "อยู่ระหว่างการดำเนินการ", 94, "1. กองคลัง\n2. สำนักปลัด"],
        ]
    )
    result = _xlsx(data)
    assert result.notices == []
    head = result.document["checklist"]
    assert (head["title"], head["organization"], head["fiscal_year"]) == (
        "แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ.2567",
        "อบต.ตัวอย่าง",
        2567,
    )
    assert "description" not in head  # the cover's text after its figures is not read
    iit = result.document["sections"][0]
    assert iit["title"] == "สรุปการประเมิน IIT"
    assert [(i["id"], i["status"], i["score"]) for i in iit["items"]] == [
        ("I1", "done", 97.44),
        ("I2", "in-progress", 94.0),
    ]
    assert iit["items"][1]["responsible"] == ["กองคลัง", "สำนักปลัด"]


def test_xlsx_notices_name_the_sheet_and_row() -> None:
    data = _workbook(
        [
            ["รหัส", "ตัวชี้วัด", "สถานะ", "คะแนน"],
            ["I1", "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่", "เสร็จไหม", 97.44],
            ["I2", "ตัวชี้วัดที่ 2 การใช้งบประมาณ", "ดำเนินการแล้วเสร็จ", 140],
        ]
    )
    rendered = [notice.render("plan.xlsx") for notice in _xlsx(data, "plan.xlsx").notices]
    assert rendered == [
        "plan.xlsx: sheet 'IIT', row 3: I1: status 'เสร็จไหม' is not a known status: "
        "status left as not-started",
        "plan.xlsx: sheet 'IIT', row 4: score '140' is not a number from 0 to 100: left out",
    ]


def test_import_command_reads_docx_and_xlsx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for fmt in ("docx", "xlsx"):
        assert main(["export", str(BUNDLED), "--format", fmt, "-o", f"plan.{fmt}"]) == 0
        assert main(["import", f"plan.{fmt}", "-o", f"back-{fmt}.toml"]) == 0
        back = tomllib.loads((tmp_path / f"back-{fmt}.toml").read_text(encoding="utf-8"))
        assert back == tomllib.loads(BUNDLED.read_text(encoding="utf-8"))


# -- the libraries' cost ---------------------------------------------------------------

HEAVY = ("docx", "openpyxl", "lxml")


@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        (["validate", "{file}"], set()),
        (["show", "{file}"], set()),
        (["export", "{file}", "--format", "html", "-o", "-"], set()),
        (["export", "{file}", "--format", "csv", "-o", "-"], set()),
        (["import", "{seed}", "-o", "-"], set()),
        (["export", "{file}", "--format", "docx", "-o", "{tmp}/x.docx"], {"docx", "lxml"}),
        (["export", "{file}", "--format", "xlsx", "-o", "{tmp}/x.xlsx"], {"openpyxl", "lxml"}),
    ],
)
def test_only_office_formats_import_the_office_libraries(
    args: list[str], allowed: set[str], tmp_path: Path
) -> None:
    """`python -X importtime` lists every module a command imports: docx, openpyxl and lxml
    appear only for the formats that need them."""
    argv = [a.format(file=BUNDLED, seed=DATA / "seed-report.md", tmp=tmp_path) for a in args]
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "ita_tui", *argv],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    imported = set(re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s+(\S+)$", done.stderr, re.MULTILINE))
    assert imported, "no -X importtime output"
    top = {name.split(".")[0] for name in imported}
    assert top & set(HEAVY) <= allowed, f"{args[0]} imported {sorted(top & set(HEAVY))}"
    used = {"docx": "docx", "xlsx": "openpyxl"}.get(
        argv[argv.index("--format") + 1] if "--format" in argv else ""
    )
    assert used is None or used in top, f"{args} should have used {used}"

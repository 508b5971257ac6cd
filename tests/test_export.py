"""Exports of the bundled checklist against golden files, and the rules every format keeps."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from export_helpers import TODAY, check_golden, tricky_checklist
from rich.cells import cell_len

from ita_tui.checklist_file import load_checklist
from ita_tui.exports.options import ExportOptions
from ita_tui.exports.registry import FORMATS, render
from ita_tui.model import Status

TH = ExportOptions(lang="th", today=TODAY)
EN = replace(TH, lang="en")


@pytest.fixture(scope="module")
def seed():  # type: ignore[no-untyped-def]
    return load_checklist(Path(__file__).resolve().parents[1] / "ita_tui" / "checklists" / "fy2566.toml")


# -- golden files: one per format (text and md in both languages) ---------------------------

GOLDENS = {
    "fy2566.th.txt": ("text", TH),
    "fy2566.en.txt": ("text", EN),
    "fy2566.th.full.txt": ("text", replace(TH, full=True)),
    "fy2566.en.full.txt": ("text", replace(EN, full=True)),
    "fy2566.th.thai-digits.box.txt": ("text", replace(TH, thai_digits=True, box=True)),
    "fy2566.th.full.md": ("md", replace(TH, full=True)),
    "fy2566.en.md": ("md", EN),
    "fy2566.th.full.html": ("html", replace(TH, full=True)),
    "fy2566.th.svg": ("svg", replace(TH, width=100)),
    "fy2566.th.ans": ("ansi", replace(TH, width=100)),
    "fy2566.th.csv": ("csv", TH),
    "fy2566.json": ("json", TH),
    # Office documents: byte-exact too (exports/office.stable_zip); tests/test_office_export.py
    # opens them and reads them back.
    "fy2566.th.docx": ("docx", TH),
    "fy2566.th.xlsx": ("xlsx", TH),
}


@pytest.mark.parametrize("name", sorted(GOLDENS))
def test_golden(seed, name: str) -> None:  # type: ignore[no-untyped-def]
    fmt, options = GOLDENS[name]
    check_golden(name, render(seed, fmt, options))


def test_every_format_has_a_golden_file() -> None:
    assert {fmt for fmt, _ in GOLDENS.values()} == set(FORMATS)


# -- text: width, legal line starts, a list layout -----------------------------------------


@pytest.mark.parametrize("width", [20, 33, 50, 72, 100])
@pytest.mark.parametrize("lang", ["th", "en"])
def test_text_lines_fit_the_width(seed, width: int, lang: str) -> None:  # type: ignore[no-untyped-def]
    text = render(seed, "text", ExportOptions(width=width, lang=lang, full=True, today=TODAY)).decode()
    for line in text.split("\n"):
        assert cell_len(line) <= width, line
        assert not line or unicodedata.category(line[0])[0] != "M", line
        assert not line or line[0] not in "ะาำๆฯ", line
        assert not line.rstrip() or line.rstrip()[-1] not in "เแโใไ", line


def test_text_reads_as_a_list(seed) -> None:  # type: ignore[no-untyped-def]
    text = render(seed, "text", TH).decode()
    assert "ความคืบหน้า: เสร็จ 7 จาก 16 · อยู่ระหว่างดำเนินการ 1 · ยังไม่ได้ดำเนินการ 8" in text
    assert "[##########..............] 44%" in text
    assert "  [x] I1  การปฏิบัติหน้าที่ — คะแนน 97.44" in text
    assert "  [~] I8  ปรับปรุงการทำงาน — คะแนน 91.55" in text
    assert "สรุป ณ วันที่ 25 พ.ย. 2569" in text
    assert not set(text) & set("│┃┌┐└┘├┤┬┴┼─━█░"), "box characters only with --box"
    assert "\r" not in text


def test_text_box_option_draws_box_characters(seed) -> None:  # type: ignore[no-untyped-def]
    text = render(seed, "text", replace(TH, box=True)).decode()
    assert "█" in text and "─" in text


def test_english_dates_and_thai_digits(seed) -> None:  # type: ignore[no-untyped-def]
    assert "as of 25 Nov 2026" in render(seed, "text", EN).decode()
    thai = render(seed, "text", replace(TH, thai_digits=True)).decode()
    assert "๒๕ พ.ย. ๒๕๖๙" in thai and "๙๗.๔๔" in thai and "๔๔%" in thai
    assert "97.44" in render(seed, "csv", replace(TH, thai_digits=True)).decode("utf-8-sig"), "CSV is data"


def test_text_keeps_notes_under_the_title(seed) -> None:  # type: ignore[no-untyped-def]
    seed.find("I8").notes = "รอผลแบบประเมินความพึงพอใจไตรมาส 4"
    try:
        lines = render(seed, "text", TH).decode().split("\n")
    finally:
        seed.find("I8").notes = ""
    at = next(i for i, line in enumerate(lines) if "[~] I8" in line)
    assert lines[at + 1] == "          หมายเหตุ: รอผลแบบประเมินความพึงพอใจไตรมาส 4"


# -- the other formats ------------------------------------------------------------------------


def test_html_escapes_everything() -> None:
    page = render(tricky_checklist(), "html", replace(TH, full=True)).decode()
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[/bold] [link=http://x]click[/link]" in page
    assert page.startswith("<!DOCTYPE html>") and 'lang="th"' in page and "<style" not in page


def test_csv_one_row_an_item_with_bom_and_guards(seed) -> None:  # type: ignore[no-untyped-def]
    data = render(seed, "csv", TH)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 1 + len(seed.items())
    assert all(len(row) == len(rows[0]) for row in rows)
    assert rows[1][2] == "M1" and "\n" in rows[1][8], "a list's entries are lines of one cell"

    tricky = list(csv.reader(io.StringIO(render(tricky_checklist(), "csv", EN).decode("utf-8-sig"))))
    by_id = {row[2]: row for row in tricky[1:]}
    assert by_id["M2"][3] == '\'=HYPERLINK("http://evil")'
    assert by_id["M2"][6] == "-ติดตามผล\n- ต่อไป", "Thai dash lists stay as they are"
    assert tricky[0][8] == "วิธีดำเนินการ"
    assert by_id["M3"][8] == "1. หนึ่ง\n-2+3\n@SUM(A1)", "only a cell's start can start a formula"


@pytest.mark.parametrize(
    ("cell", "guarded"),
    [
        ("=1+1", True),
        ("+1", True),
        ("@x", True),
        ("\tx", True),
        ("\rx", True),
        ("-1+2", True),
        ("-cmd", True),
        ("-", True),
        ("-ติดตาม", False),
        ("- ติดตาม", False),
        ("ok", False),
        ("", False),
    ],
)
def test_csv_guard(cell: str, guarded: bool) -> None:
    from ita_tui.exports.csv_format import guard

    assert guard(cell) == ("'" + cell if guarded else cell)


def test_svg_is_xml_and_markup_is_literal() -> None:
    svg = render(tricky_checklist(), "svg", replace(EN, width=80)).decode()
    root = ET.fromstring(svg)
    text = "".join(root.itertext()).replace("\xa0", " ")
    assert "[/bold]" in text and "[link=http://x]click[/link]" in text and "[bold]org" in text


def test_ansi_keeps_markup_literal_and_has_colour() -> None:
    out = render(tricky_checklist(), "ansi", replace(EN, width=80)).decode()
    assert "\x1b[" in out
    assert "[/bold] [link=http://x]click[/link]" in out
    assert "\x1b]8;" not in out, "no hidden hyperlinks"


def test_markdown_escapes_checklist_text() -> None:
    md = render(tricky_checklist(), "md", replace(EN, full=True)).decode()
    assert "\\# not a heading \\| \\*not bold\\* \\_x\\_ \\`code\\` \\[a\\](b)" in md
    assert "&lt;script&gt;" not in md and "\\<script\\>" in md
    assert "  - _Notes:_ \\-ติดตามผล  \n    \\- ต่อไป" in md
    assert "- [x] **M1**" in md and "- [ ] **M2** _(In progress)_" in md


def test_json_has_scoring_and_filters_items(seed) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(render(seed, "json", replace(TH, statuses=frozenset({Status.IN_PROGRESS}))))
    assert [i["id"] for s in data["sections"] for i in s["items"]] == ["I8"]
    assert data["scoring"]["reported"]["overall"] == 95.75
    assert data["scoring"]["implied"]["item"] == "I3"


@pytest.mark.parametrize("fmt", ["text", "md", "html", "csv", "json"])
def test_no_escape_byte_in_file_formats(seed, fmt: str) -> None:  # type: ignore[no-untyped-def]
    for checklist in (seed, tricky_checklist()):
        assert b"\x1b" not in render(checklist, fmt, replace(TH, full=True))


@pytest.mark.parametrize("fmt", sorted(set(FORMATS) - {"json"}))  # json: see test_json_has_scoring...
def test_status_filter_applies_to_every_format(seed, fmt: str) -> None:  # type: ignore[no-untyped-def]
    only = replace(EN, statuses=frozenset({Status.IN_PROGRESS}), width=100)
    out = _text_of(fmt, render(seed, fmt, only))
    # The Word report names an indicator as the seed does, by its number, not its id.
    assert ("Indicator 8" if fmt == "docx" else "I8") in out and "ปรับปรุงการทำงาน" in out
    assert "การปฏิบัติหน้าที่" not in out, "done items are left out"


def _text_of(fmt: str, data: bytes) -> str:
    """The text of an export: decoded, or read out of a Word or Excel file."""
    if fmt == "docx":
        from docx import Document

        document = Document(io.BytesIO(data))
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    if fmt == "xlsx":
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(data))
        # The summary names every section's title; the items are on the section sheets.
        sheets = workbook.worksheets[1:]
        return "\n".join(str(cell.value) for sheet in sheets for row in sheet.iter_rows() for cell in row)
    return data.decode("utf-8-sig")


def test_percent_never_rounds_up_to_done() -> None:
    from ita_tui.exports.summary import percent_done
    from ita_tui.model import Progress

    assert percent_done(Progress(done=199, not_started=1)) == 99
    assert percent_done(Progress(done=1, not_started=999)) == 1
    assert percent_done(Progress(done=7, in_progress=1, not_started=8)) == 44
    assert percent_done(Progress()) == 0

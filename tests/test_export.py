"""Exports of the bundled checklist against golden files, and the rules every format keeps."""

from __future__ import annotations

import copy
import csv
import html
import io
import json
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from export_helpers import TODAY, check_golden, tricky_checklist, with_owners_and_dates
from rich.cells import cell_len

from ita_tui.checklist_file import load_checklist
from ita_tui.exports.options import ExportOptions
from ita_tui.exports.registry import FORMATS, render
from ita_tui.model import Status

TH = ExportOptions(lang="th", today=TODAY)
EN = replace(TH, lang="en")


BUNDLED = Path(__file__).resolve().parents[1] / "ita_tui" / "checklists" / "fy2566.toml"


@pytest.fixture(scope="module")
def seed():  # type: ignore[no-untyped-def]
    return load_checklist(BUNDLED)


# -- golden files: one per format (text and md in both languages) ---------------------------

GOLDENS = {
    "fy2566.th.txt": ("text", TH),
    "fy2566.en.txt": ("text", EN),
    "fy2566.th.full.txt": ("text", replace(TH, full=True)),
    "fy2566.en.full.txt": ("text", replace(EN, full=True)),
    "fy2566.th.thai-digits.txt": ("text", replace(TH, thai_digits=True)),
    "fy2566.th.full.md": ("md", replace(TH, full=True)),
    "fy2566.en.md": ("md", EN),
    "fy2566.th.full.html": ("html", replace(TH, full=True)),
    "fy2566.th.html": ("html", TH),
    "fy2566.en.html": ("html", EN),
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


# The bundled checklist as issue 13's meeting has it: M2 ten days overdue (กองคลัง), M3 due in
# five days (กองคลัง and สำนักปลัด), M4 in a month (กองช่าง), with notes.
OWNED_GOLDENS = {
    "fy2566-owned.th.txt": ("text", TH),
    "fy2566-owned.en.txt": ("text", EN),
    "fy2566-owned.th.unwrapped.txt": ("text", replace(TH, width=0)),
    "fy2566-owned.th.full.txt": ("text", replace(TH, full=True)),
    "fy2566-owned.th.md": ("md", TH),
    "fy2566-owned.th.html": ("html", TH),
    "fy2566-owned.en.html": ("html", EN),
    "fy2566-owned.th.ans": ("ansi", replace(TH, width=80)),
}


@pytest.mark.parametrize("fmt", ["text", "md", "html", "ansi"])
def test_what_is_left_says_the_same_in_every_format(fmt: str) -> None:
    """Owner, due date and how late, co-owners, the latest note: every format says each."""
    owned = with_owners_and_dates(load_checklist(BUNDLED))
    out = render(owned, fmt, replace(TH, width=200)).decode()
    if fmt == "html":
        out = html.unescape(out)
    for words in (
        "ยังไม่เสร็จ 9 รายการ · เลยกำหนด 1 · ใกล้ครบกำหนด 1",
        "กองคลัง: 2 รายการ · เลยกำหนด 1 · ใกล้ครบกำหนด 1",
        "กำหนดเสร็จ 15 พ.ย. 2569 · เลยกำหนด 10 วัน",
        "กำหนดเสร็จ 30 พ.ย. 2569 · อีก 5 วัน",
        "ร่วมกับ สำนักปลัด",
        "รอผู้บริหารลงนาม คาดว่าเสร็จ ๑๕ ธ.ค.",
    ):
        assert words in out, (fmt, words)
    first_left = out.index("กองคลัง: 2 รายการ")
    assert first_left < out.index("(เสร็จ 5/5)"), "what is left comes first"


@pytest.mark.parametrize("name", sorted(OWNED_GOLDENS))
def test_golden_what_is_left(name: str) -> None:
    fmt, options = OWNED_GOLDENS[name]
    owned = with_owners_and_dates(load_checklist(BUNDLED))
    check_golden(name, render(owned, fmt, options))


def test_every_format_has_a_golden_file() -> None:
    # eml: its text and HTML parts have golden files of their own (tests/test_eml.py)
    assert {fmt for fmt, _ in GOLDENS.values()} == set(FORMATS) - {"eml"}


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


def test_text_reads_as_words_still_to_do_first(seed) -> None:  # type: ignore[no-untyped-def]
    text = render(seed, "text", replace(TH, width=0)).decode()
    assert "ความคืบหน้า: เสร็จ 7 จาก 16 รายการ (44%) · อยู่ระหว่างดำเนินการ 1 · ยังไม่ได้ดำเนินการ 8" in text
    assert "- I8 ปรับปรุงการทำงาน — อยู่ระหว่างดำเนินการ · คะแนน 91.55" in text
    assert "- I1 การปฏิบัติหน้าที่ — คะแนน 97.44" in text
    assert (
        text.index("ยังไม่เสร็จ 9 รายการ")
        < text.index("- M1 ")
        < text.index("เสร็จแล้ว 7 รายการ")
        < text.index("- I1 ")
    )
    assert "สรุป ณ วันที่ 25 พ.ย. 2569" in text
    assert not set(text) & set("│┃┌┐└┘├┤┬┴┼─━█░#"), "no bars, no boxes"
    assert "\r" not in text


def test_summaries_say_one_score_and_no_scoring_detail(seed) -> None:  # type: ignore[no-untyped-def]
    for fmt in ("text", "md", "html"):
        out = render(seed, fmt, TH).decode()
        assert out.count("คะแนนที่รายงาน 95.75 (ผ่านดี)") == 1, fmt
        assert "ควรได้" not in out and "ยังไม่ครบ" not in out and "คำนวณ" not in out, fmt


def test_a_complete_computed_score_is_the_one_that_counts(seed) -> None:  # type: ignore[no-untyped-def]
    seed.find("I3").score = 95.53
    try:
        text = render(seed, "text", EN).decode()
    finally:
        seed.find("I3").score = None
    assert "Computed score 95.75 (band AA)" in text
    assert "Reported score" not in text


@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize("width", [0, 40, 72])
@pytest.mark.parametrize("lang", ["th", "en"])
def test_no_text_line_relies_on_spaces_for_alignment(seed, full: bool, width: int, lang: str) -> None:  # type: ignore[no-untyped-def]
    """In a proportional font, indentation and runs of spaces line nothing up: the text uses none."""
    checklist = tricky_checklist(notes="วาง  ตรงนี้\n   แล้ว    ตรงนั้น")
    for source in (seed, checklist):
        text = render(source, "text", ExportOptions(width=width, lang=lang, full=full, today=TODAY)).decode()
        for line in text.split("\n"):
            assert not line.startswith((" ", "\t")), repr(line)
            assert "  " not in line and "\t" not in line, repr(line)


def test_an_unwrapped_text_has_one_line_an_item(seed) -> None:  # type: ignore[no-untyped-def]
    lines = render(seed, "text", replace(TH, width=0)).decode().split("\n")
    items = [line for line in lines if line.startswith("- ")]
    assert {line.split()[1] for line in items} == {item.id for item in seed.items()}
    assert (
        "- M3 มาตรการการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานและวิเคราะห์ความเสี่ยงการทุจริต"
        in lines[lines.index("ประชาสัมพันธ์: 1 รายการ") + 1]
    ), "one line an item, however long"
    assert all(len(line) < 200 for line in lines)


def seed_with_note(seed):  # type: ignore[no-untyped-def]
    checklist = copy.deepcopy(seed)
    checklist.find("I8").notes = "รอผลแบบประเมิน\nความพึงพอใจไตรมาส 4"
    return checklist


def test_text_keeps_notes_on_the_item_line(seed) -> None:  # type: ignore[no-untyped-def]
    text = render(seed_with_note(seed), "text", replace(TH, width=0)).decode()
    # Still to do gives the latest note (its last line), and who else owes the item.
    shared = "ร่วมกับ ทุกส่วนราชการ"
    assert (
        f"- I8 ปรับปรุงการทำงาน — อยู่ระหว่างดำเนินการ · คะแนน 91.55 · {shared} · หมายเหตุ: ความพึงพอใจไตรมาส 4"
        in text
    )
    full = render(seed_with_note(seed), "text", replace(TH, width=0, full=True)).decode()
    assert "หมายเหตุ: รอผลแบบประเมิน / ความพึงพอใจไตรมาส 4" in full, "the full variant has every line"


# -- the other formats ------------------------------------------------------------------------


def test_html_escapes_everything() -> None:
    page = render(tricky_checklist(), "html", replace(TH, full=True)).decode()
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[/bold] [link=http://x]click[/link]" in page
    assert page.startswith("<!DOCTYPE html>") and 'lang="th"' in page and "<style" not in page
    ET.fromstring(page.removeprefix("<!DOCTYPE html>"))  # well-formed: any parser reads it


def test_csv_one_row_an_item_with_bom_and_guards(seed) -> None:  # type: ignore[no-untyped-def]
    data = render(seed, "csv", TH)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 1 + len(seed.items())
    assert all(len(row) == len(rows[0]) for row in rows)
    assert rows[1][2] == "M1" and "\n" in rows[1][9], "a list's entries are lines of one cell"

    tricky = list(csv.reader(io.StringIO(render(tricky_checklist(), "csv", EN).decode("utf-8-sig"))))
    by_id = {row[2]: row for row in tricky[1:]}
    assert by_id["M2"][3] == '\'=HYPERLINK("http://evil")'
    assert by_id["M2"][6] == "-ติดตามผล\n- ต่อไป", "Thai dash lists stay as they are"
    assert tricky[0][9] == "วิธีดำเนินการ"
    assert by_id["M3"][9] == "1. หนึ่ง\n-2+3\n@SUM(A1)", "only a cell's start can start a formula"


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


@pytest.mark.parametrize("fmt", sorted(set(FORMATS) - {"json", "eml"}))  # json, eml: their own tests
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


def test_one_line_joins_lines_and_spaces_and_keeps_marks_on_a_base() -> None:
    from ita_tui.exports.summary import DOTTED_CIRCLE
    from ita_tui.exports.text import one_line

    assert one_line("วาง  ตรงนี้\n\n   แล้ว\t\tตรงนั้น ") == "วาง ตรงนี้ / แล้ว ตรงนั้น"
    assert one_line(" \u0e47x\nok") == f"{DOTTED_CIRCLE}\u0e47x / ok"

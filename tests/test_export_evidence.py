"""Evidence in the summaries: links as links, files as text, broken ones marked when a check is given."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from evidence_helpers import oit_with_links
from export_helpers import TODAY, check_golden
from link_server import Stats
from rich.cells import cell_len

from ita_tui.checklist_file import load_checklist
from ita_tui.cli import main
from ita_tui.exports.options import ExportOptions
from ita_tui.exports.registry import render
from ita_tui.link_results import Outcome, Why
from ita_tui.model import Checklist, Evidence, Status
from ita_tui.templates import find

SITE = "https://www.example.go.th/ita/2566"
LONG = SITE + "/" + "o5-ข้อมูลการติดต่อ-ที่อยู่-โทรศัพท์-โทรสาร-อีเมล-แผนที่" * 2
BROKEN = {
    f"{SITE}/o7": Outcome(False, 404, Why.HTTP_ERROR),
    "หลักฐาน/o3.pdf": Outcome(False, why=Why.MISSING),
    f"{SITE}/o1": Outcome(True, 200),
}
TH = ExportOptions(lang="th", today=TODAY)
EN = replace(TH, lang="en")


@pytest.fixture(scope="module")
def oit(tmp_path_factory: pytest.TempPathFactory) -> Checklist:
    """oit-2566 with a few items done or under way, and their evidence."""
    template = find("oit-2566")
    assert template is not None
    path = tmp_path_factory.mktemp("oit") / "oit.toml"
    path.write_bytes(template.read_bytes())
    checklist = load_checklist(path)
    evidence = {
        "O1": (
            Status.DONE,
            [Evidence(url=f"{SITE}/o1", label="โครงสร้างหน่วยงาน", published=date(2026, 11, 1))],
        ),
        "O2": (Status.IN_PROGRESS, [Evidence(url=f"{SITE}/o2")]),
        "O3": (Status.DONE, [Evidence(path="หลักฐาน/o3.pdf", label="คำสั่งแบ่งงาน"), Evidence(url=f"{SITE}/o3")]),
        "O5": (Status.DONE, [Evidence(url=LONG)]),
        "O7": (Status.NOT_STARTED, [Evidence(url=f"{SITE}/o7", label="ข่าว [ประชาสัมพันธ์] *ล่าสุด*")]),
    }
    for item_id, (status, entries) in evidence.items():
        item = checklist.find(item_id)
        assert item is not None
        item.status, item.evidence = status, entries
    return checklist


def slim(checklist: Checklist) -> Checklist:
    """Only 9.1's items: goldens that read at a glance."""
    return replace(checklist, sections=checklist.sections[:1])


GOLDENS = {
    "oit-evidence.th.txt": ("text", replace(TH, link_results=BROKEN)),
    "oit-evidence.en.txt": ("text", replace(EN, width=60)),
    "oit-evidence.th.md": ("md", replace(TH, link_results=BROKEN)),
    "oit-evidence.th.html": ("html", replace(TH, link_results=BROKEN)),
    "oit-evidence.en.ans": ("ansi", replace(EN, width=100, link_results=BROKEN)),
}


@pytest.mark.parametrize("name", sorted(GOLDENS))
def test_golden(oit: Checklist, name: str) -> None:
    fmt, options = GOLDENS[name]
    check_golden(name, render(slim(oit), fmt, options))


def test_html_links_web_addresses_and_names_files(oit: Checklist) -> None:
    page = render(slim(oit), "html", replace(TH, link_results=BROKEN)).decode("utf-8")
    tree = ET.fromstring(page.replace("<!DOCTYPE html>", ""))
    links = [(a.get("href"), "".join(a.itertext())) for a in tree.iter("a")]
    assert (f"{SITE}/o1", "โครงสร้างหน่วยงาน") in links and (f"{SITE}/o2", f"{SITE}/o2") in links
    assert all(href.startswith("https://") for href, _ in links)  # a file is never a link
    assert "หลักฐาน/o3.pdf" in page and "✗ ใช้ไม่ได้: ไม่พบไฟล์" in page
    assert "✗ ใช้ไม่ได้: ไม่พบหน้านี้ (HTTP 404)" in page
    assert "ตรวจหลักฐาน 3 รายการ: ใช้ไม่ได้ 2 · ยังไม่ได้ตรวจ 3" in page  # O2, O3's link and O5 were not


def test_no_marks_without_a_check(oit: Checklist) -> None:
    for fmt in ("text", "md", "html", "ansi"):
        out = render(oit, fmt, TH).decode("utf-8")
        assert "ใช้ไม่ได้" not in out and "ตรวจหลักฐาน" not in out
        assert f"{SITE}/o7" in out


def test_markdown_links_and_escapes(oit: Checklist) -> None:
    md = render(slim(oit), "md", replace(TH, link_results=BROKEN)).decode("utf-8")
    assert f"  - _หลักฐาน:_ [โครงสร้างหน่วยงาน](<{SITE}/o1>) · เผยแพร่ 1 พ.ย. 2569\n" in md
    assert f"  - _หลักฐาน:_ <{SITE}/o2>\n" in md
    assert "  - _หลักฐาน:_ คำสั่งแบ่งงาน `หลักฐาน/o3.pdf` · **✗ ใช้ไม่ได้: ไม่พบไฟล์**\n" in md
    assert r"[ข่าว \[ประชาสัมพันธ์\] \*ล่าสุด\*](<" in md  # a label's markup is text


def test_plain_text_never_cuts_an_address(oit: Checklist) -> None:
    for width in (40, 60, 72):
        lines = render(oit, "text", replace(TH, width=width)).decode("utf-8").splitlines()
        assert LONG in lines  # alone on its line when it does not fit
        assert all(cell_len(line) <= width for line in lines if not line.startswith("https://"))


def test_every_open_and_done_item_shows_its_evidence_in_text(oit: Checklist) -> None:
    text = render(oit, "text", replace(TH, width=0)).decode("utf-8")
    assert f"หลักฐาน: {SITE}/o2" in text  # in progress: in the part still to do
    assert f"หลักฐาน: โครงสร้างหน่วยงาน · {SITE}/o1 · เผยแพร่ 1 พ.ย. 2569" in text  # done


def test_json_and_csv_carry_the_evidence(oit: Checklist) -> None:
    data = json.loads(render(oit, "json", TH))
    o1 = data["sections"][0]["items"][0]
    assert o1["evidence"] == [
        {"url": f"{SITE}/o1", "path": None, "label": "โครงสร้างหน่วยงาน", "published": "2026-11-01"}
    ]
    rows = list(csv.reader(io.StringIO(render(oit, "csv", TH).decode("utf-8-sig"))))
    assert rows[0][-1] == "หลักฐาน"
    o3 = next(row for row in rows if row[2] == "O3")
    assert o3[-1] == f"หลักฐาน/o3.pdf\n{SITE}/o3"


def test_export_check_links_marks_what_the_check_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], link_site: tuple[str, Stats]
) -> None:
    path = oit_with_links(tmp_path, link_site[0])
    code = main(["export", str(path), "--format", "md", "-o", "-", "--check-links"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.count("✗ ใช้ไม่ได้") == 4  # O7 and O10, in what is left and in their section
    assert "**✗ ใช้ไม่ได้: ไม่พบหน้านี้ (HTTP 404)**" in out
    assert "ตรวจหลักฐาน 12 รายการ: ใช้ไม่ได้ 2" in out


def test_word_links_each_web_address_and_marks_the_broken(oit: Checklist) -> None:
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    document = Document(io.BytesIO(render(slim(oit), "docx", replace(TH, link_results=BROKEN))))
    targets = {rel.target_ref for rel in document.part.rels.values() if rel.reltype == RT.HYPERLINK}
    assert targets == {f"{SITE}/o1", f"{SITE}/o2", f"{SITE}/o3", LONG, f"{SITE}/o7"}
    table = document.tables[0]
    assert table.rows[0].cells[-1].text == "หลักฐาน"
    o3 = next(row for row in table.rows if row.cells[0].text == "O3")
    assert o3.cells[-1].text.splitlines() == [
        "คำสั่งแบ่งงาน หลักฐาน/o3.pdf · ✗ ใช้ไม่ได้: ไม่พบไฟล์",  # a file: text, never a link
        f"{SITE}/o3",
    ]
    assert "w:hyperlink" in o3.cells[-1]._tc.xml


def test_word_without_evidence_has_no_evidence_column(oit: Checklist) -> None:
    from docx import Document

    plain = replace(oit, sections=oit.sections[1:2])  # 9.2: no item has evidence
    document = Document(io.BytesIO(render(plain, "docx", TH)))
    assert "หลักฐาน" not in [cell.text for cell in document.tables[0].rows[0].cells]


def test_excel_gives_each_piece_of_evidence_a_hyperlinked_cell(oit: Checklist) -> None:
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(render(slim(oit), "xlsx", replace(TH, link_results=BROKEN))))
    sheet = workbook.worksheets[1]
    header = next(row for row in sheet.iter_rows() if any(cell.value == "รหัส" for cell in row))
    columns = {cell.value: cell.column for cell in header}
    assert "หลักฐาน 1" in columns and "หลักฐาน 2" in columns  # O3 has two
    rows = {sheet.cell(cell.row, columns["รหัส"]).value: cell.row for cell in sheet["A"] if cell.value}
    first = sheet.cell(rows["O1"], columns["หลักฐาน 1"])
    assert first.hyperlink is not None and first.hyperlink.target == f"{SITE}/o1"
    assert first.value == f"โครงสร้างหน่วยงาน · {SITE}/o1 · เผยแพร่ 1 พ.ย. 2569"
    o3_file = sheet.cell(rows["O3"], columns["หลักฐาน 1"])
    assert o3_file.hyperlink is None and o3_file.value.endswith("✗ ใช้ไม่ได้: ไม่พบไฟล์")
    assert o3_file.font.b and o3_file.font.color.rgb.endswith("C00000")
    assert sheet.cell(rows["O3"], columns["หลักฐาน 2"]).hyperlink.target == f"{SITE}/o3"
    assert sheet.cell(rows["O2"], columns["หลักฐาน 2"]).value is None

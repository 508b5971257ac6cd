"""Export edges that mutation testing found unguarded (issue 20): each test fails on a mutant."""

from __future__ import annotations

import copy
import io
import os
import re
import threading
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from export_helpers import TODAY
from openpyxl import load_workbook

from ita_tui.checklist_file import load_checklist
from ita_tui.exports import html
from ita_tui.exports.csv_format import guard
from ita_tui.exports.destination import MAX_STEM_BYTES, safe_stem, write_new
from ita_tui.exports.options import ExportOptions
from ita_tui.exports.registry import render
from ita_tui.exports.summary import build_summary
from ita_tui.exports.terminal import report_console
from ita_tui.i18n import t
from ita_tui.model import Checklist, Item, Section, Status
from ita_tui.scoring import score_checklist

BUNDLED = Path(__file__).resolve().parents[1] / "ita_tui" / "checklists" / "fy2566.toml"


def test_a_stem_of_exactly_the_limit_is_kept_whole() -> None:
    stem = "ก" * (MAX_STEM_BYTES // 3) + "x" * (MAX_STEM_BYTES % 3)
    assert len(stem.encode("utf-8")) == MAX_STEM_BYTES
    assert safe_stem(stem) == stem
    assert safe_stem(stem + "x") == stem  # one byte more: cut to the limit


def test_a_cut_in_a_run_of_marks_keeps_the_letter_they_sit_on() -> None:
    # A letter and more marks than fit: the cut backs off to just after the letter, never to nothing.
    stem = "ก" + "\u0e34" * MAX_STEM_BYTES
    assert safe_stem(stem) == "ก"


@pytest.mark.parametrize("links", [True, False], ids=["hard links", "no hard links (FAT, shares)"])
def test_a_new_export_is_on_disk_before_it_is_fsynced(
    links: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bytes must be flushed out of Python's buffer before the fsync, or the fsync keeps nothing."""
    if not links:
        monkeypatch.setattr(os, "link", _no_link)
    data = "สรุป ITA\n".encode() * 5  # less than a buffer: it stays in Python until flushed
    synced: list[tuple[int, int]] = []  # (inode, size) at each fsync
    real_fsync = os.fsync

    def recording(fd: int) -> None:
        info = os.fstat(fd)
        synced.append((info.st_ino, info.st_size))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", recording)
    write_new(tmp_path / "out.txt", data)
    written = tmp_path / "out.txt"
    assert (written.stat().st_ino, len(data)) in synced, synced
    assert written.read_bytes() == data


def _no_link(source: object, target: object) -> None:
    raise OSError(1, "Operation not permitted")


# -- csv ---------------------------------------------------------------------------------------


def test_a_cell_starting_with_a_dash_then_a_thai_letter_is_kept_as_written() -> None:
    """``-กองคลัง`` (a note's bullet) is no formula: it must not gain a quote, from ก (the first
    Thai letter) on."""
    assert guard("-กองคลัง") == "-กองคลัง"
    assert guard("-2+3") == "'-2+3"  # a dash then a digit is a formula


# -- destination -------------------------------------------------------------------------------


@pytest.mark.skipif(os.name == "nt", reason="NUL and CON are devices on Windows")
@pytest.mark.parametrize("name", ["NUL.csv", "con.html", "COM1.txt"])
def test_windows_device_names_are_ordinary_files_elsewhere(name: str, tmp_path: Path) -> None:
    """On Linux and macOS an export may be called NUL.csv: a new file, not a device written into."""
    write_new(tmp_path / name, b"ok\n")
    assert (tmp_path / name).read_bytes() == b"ok\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_an_export_into_a_pipe_waits_for_a_slow_reader(tmp_path: Path) -> None:
    """``export -o /dev/stdout | less``: more than a pipe holds reaches the reader whole, however slowly
    it reads (the pipe is opened without blocking, so that no reader is an error, then made blocking)."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    keep_open = os.open(fifo, os.O_WRONLY)  # so that the reader waits instead of seeing the end
    os.set_blocking(reader, True)
    received = bytearray()

    def drain() -> None:
        while chunk := os.read(reader, 4096):  # small reads: the writer outruns the reader
            received.extend(chunk)

    thread = threading.Thread(target=drain)
    thread.start()
    data = "สรุป ITA ทั้งฉบับ\n".encode() * 100_000  # about 3 MB, far more than a pipe holds
    try:
        write_new(fifo, data)
    finally:
        os.close(keep_open)
        thread.join(timeout=60)
        os.close(reader)
    assert bytes(received) == data


# -- docx --------------------------------------------------------------------------------------


def _docx(checklist: Checklist, lang: str = "th") -> DocxDocument:
    return Document(io.BytesIO(render(checklist, "docx", ExportOptions(lang=lang, today=TODAY))))


def _measures(*items: Item) -> Checklist:
    return Checklist(title="แผน", sections=[Section(id="measures", title="มาตรการ", items=list(items))])


def _status_width(table: DocxTable, lang: str) -> int:
    header = [cell.text for cell in table.rows[0].cells]
    width = table.columns[header.index(t("label.status", lang))].width
    assert width is not None
    return int(width)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_status_column_takes_its_labels_on_one_line_when_there_is_room(
    lang: str, fy2566: Checklist
) -> None:
    """A narrow table gives the boxes room for their longest label; only a crowded one makes them wrap."""
    narrow = _docx(_measures(Item("M1", "มาตรการหนึ่ง", Status.DONE)), lang).tables[0]
    crowded = _docx(fy2566, lang).tables[0]  # the measures: seven columns of text
    assert _status_width(narrow, lang) > _status_width(crowded, lang)


def test_a_row_of_fourteen_short_lines_is_kept_on_one_page() -> None:
    """Fourteen one-line notes (about 11 cm at 14 pt) are under half a page: the row must not
    break across pages (each short line counts as one line, not more)."""
    notes = "\n".join(f"ข้อ {n}" for n in range(1, 15))  # each fits the notes column
    document = _docx(_measures(Item("M1", "มาตรการหนึ่ง", Status.DONE, notes=notes)))
    row = document.tables[0].rows[1]._tr
    assert row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None


def test_a_title_on_two_lines_keeps_its_line_break_in_word() -> None:
    title = "มาตรการเผยแพร่ข้อมูล\nผ่านเว็บไซต์หน่วยงาน"
    document = _docx(_measures(Item("M1", title, Status.DONE)))
    assert document.tables[0].rows[1].cells[1].text == title


@pytest.mark.parametrize("ids", [("M1", "M01"), ("M0", "M1")], ids=["same number twice", "number 0"])
def test_measures_whose_numbers_cannot_be_their_ids_keep_an_id_column(ids: tuple[str, str]) -> None:
    """M1 and M01 would both be ลำดับ 1, and ลำดับ 0 is no measure: the ids are written out instead."""
    document = _docx(_measures(*(Item(item_id, "มาตรการ", Status.DONE) for item_id in ids)))
    rows = document.tables[0].rows
    assert rows[0].cells[0].text == t("label.id", "th")
    assert [row.cells[0].text for row in rows[1:]] == list(ids)


# -- html --------------------------------------------------------------------------------------


def test_the_html_page_is_640_px_wide_in_every_mail_program(fy2566: Checklist) -> None:
    """docs/exports.md: one column 640 px at most, and a 640 px table for Outlook (it ignores max-width)."""
    page = html.render(fy2566, ExportOptions(lang="th", today=TODAY)).decode()
    assert "max-width:640px;" in page
    assert (
        '<!--[if mso]><table role="presentation" cellpadding="0" cellspacing="0" border="0" width="640">'
        in page
    )


def test_a_finished_checklist_has_a_full_bar_with_no_empty_part() -> None:
    """At 100% there is no grey cell at all: a 0% cell still shows as a sliver in some mail programs."""
    page = html.render(_measures(Item("M1", "มาตรการ", Status.DONE)), ExportOptions(lang="th", today=TODAY))
    assert b'width="0%"' not in page
    assert b'width="100%" style="width:100%;height:10px' in page


# -- terminal (ANSI, SVG, the app's meeting view) ------------------------------------------------


def test_a_narrow_terminal_keeps_the_total_percentage_whole(fy2566: Checklist) -> None:
    """At 30 columns the section names give way, not the total's done/total and percentage."""
    options = ExportOptions(lang="en", today=TODAY, width=30)
    summary = build_summary(fy2566, options)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", render(fy2566, "ansi", options).decode())
    total = next(line for line in plain.splitlines() if "█" in line or "░" in line)
    progress = summary.progress
    assert total.rstrip().endswith(f"{progress.done}/{progress.total} {summary.percent_text}")


def test_the_report_console_prints_text_as_it_is() -> None:
    """Its promise: never markup nor emoji codes, and no colours guessed for numbers or addresses."""
    console = report_console(ExportOptions(width=80))
    console.print("[bold]M1[/bold] :smile: 97.44 http://example.go.th")
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert output == "[bold]M1[/bold] :smile: 97.44 http://example.go.th\n"


# -- xlsx --------------------------------------------------------------------------------------


def test_a_group_missing_an_indicator_leaves_its_score_and_the_total_blank(fy2566: Checklist) -> None:
    """Without I2 the IIT score cannot be computed: no group score from the other four, and no
    computed total from EIT and OIT alone (`score` gives none either)."""
    checklist = copy.deepcopy(fy2566)
    iit = next(section for section in checklist.sections if section.group == "IIT")
    iit.items = [item for item in iit.items if item.id != "I2"]
    sheet = load_workbook(io.BytesIO(render(checklist, "xlsx", ExportOptions(lang="en", today=TODAY))))[
        "Summary"
    ]
    rows = {row[0].value: row for row in sheet.iter_rows() if row[0].value}
    iit_score = next(row[2] for label, row in rows.items() if str(label).startswith("IIT "))
    assert iit_score.value is None
    computed = str(rows[t("label.computed_score", "en")][2].value)
    assert computed.startswith(f"=IF(COUNT({iit_score.coordinate},")  # blank while IIT is blank
    assert score_checklist(checklist).overall is None


@pytest.fixture(scope="module")
def fy2566() -> Checklist:
    return load_checklist(BUNDLED)

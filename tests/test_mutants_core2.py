"""Tests that kill survivors of the third issue-20 mutation sample (core modules).

Each test names the behaviour it guards; each fails on the mutant it was written for.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml

from ita_tui.checklist_file import load
from ita_tui.edits import ScoreRefused, cycle_status, score_refusal, set_notes, set_status
from ita_tui.importer import parse_blocks
from ita_tui.importing.docx_reader import read_docx
from ita_tui.merge import merge
from ita_tui.model import Item, Status
from ita_tui.saving import save
from tests.test_merge import item, their_edit

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_cycling_a_status_returns_the_change_to_undo(bundled: Path) -> None:
    """The space key's cycle gives back its Change (the session records it for undo):
    before and after states and the item, not None as for an edit that changed nothing."""
    checklist = load(bundled).checklist
    m1 = item(checklist, "M1")
    set_status(m1, Status.NOT_STARTED)
    change = cycle_status(m1, datetime(2026, 1, 2, 3, 4, 5))
    assert change is not None
    assert change.item_id == "M1"
    assert (change.before.status, change.after.status) == (Status.NOT_STARTED, Status.IN_PROGRESS)


def _docx_with_nested_list(levels: dict[str, str], ilvl: str) -> bytes:
    """A report with one measure whose ผู้รับผิดชอบ paragraph is at list level *ilvl* of a list
    whose levels have the number formats *levels* (level → format, "none" shows nothing)."""
    document = Document()
    document.add_paragraph("รายงานผลการดำเนินการ ประจำปีงบประมาณ พ.ศ.2567")
    document.add_paragraph("เทศบาลตำบลทดสอบ")
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{numbering.nsmap['w']}}}num")
    lvls = "".join(f'<w:lvl w:ilvl="{lvl}"><w:numFmt w:val="{fmt}"/></w:lvl>' for lvl, fmt in levels.items())
    first_num.addprevious(parse_xml(f'<w:abstractNum {W_NS} w:abstractNumId="901">{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="801"><w:abstractNumId w:val="901"/></w:num>'))
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("ลำดับ", "มาตรการ/กิจกรรม", "ผู้รับผิดชอบ"), strict=True):
        cell.text = text
    row = table.add_row().cells
    row[0].text, row[1].text, row[2].text = "1", "มาตรการที่ 1", "กองคลัง"
    row[2].paragraphs[0]._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="801"/></w:numPr>')
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_list_level_that_shows_no_number_reads_as_plain_text() -> None:
    """Whether a paragraph shows a number depends on its own level (ilvl): at level 1 of a list
    whose level 0 is numbered and level 1 is not, the office is plain text; at level 0 it is a list."""
    levels = {"0": "decimal", "1": "none"}
    plain = parse_blocks(read_docx(_docx_with_nested_list(levels, "1"), "r.docx"), "r.docx")
    listed = parse_blocks(read_docx(_docx_with_nested_list(levels, "0"), "r.docx"), "r.docx")
    assert [i["responsible"] for i in plain.items()] == ["กองคลัง"]
    assert [i["responsible"] for i in listed.items()] == [["กองคลัง"]]


def test_both_sides_editing_one_item_do_not_clash_on_its_updated_stamp(bundled: Path) -> None:
    """I set M1's status while they change its notes: both stamps differ, but the stamp is not an
    edit, so the merge has no conflict and keeps the later stamp (theirs) with both edits."""
    me = load(bundled)
    set_status(item(me.checklist, "M1"), Status.DONE, datetime(2026, 1, 1, 9, 0))
    their_edit(bundled, lambda c: set_notes(item(c, "M1"), "their note", datetime(2026, 1, 2, 9, 0)))
    result = merge(me, load(bundled))
    assert result.conflicts == []
    merged = item(result.resolve(default="mine").merged.checklist, "M1")
    assert (merged.status, merged.notes) == (Status.DONE, "their note")
    assert merged.updated is not None and merged.updated.date().isoformat() == "2026-01-02"


_PACKED = """format = 1
[checklist]
title = "T"
[[sections]]
id = "b"
title = "B"
[[sections.items]]
id = "B1"
title = "one"
[[sections.items.evidence]]
url = "https://a.example/1"
[[sections.items.evidence]]
url = "https://a.example/2"
[[sections.items.evidence]]
url = "https://a.example/3"
"""


def test_removing_evidence_with_no_blank_line_above_leaves_the_entry_before(tmp_path: Path) -> None:
    """In a file written without blank lines, the evidence entry above ends exactly where the
    removed entry's header starts: it is still the removed block's neighbour, so only the
    removed entry's lines go (not the entry above with it)."""
    path = tmp_path / "c.toml"
    path.write_text(_PACKED, encoding="utf-8")
    loaded = load(path)
    del item(loaded.checklist, "B1").evidence[1]
    save(loaded)
    entry = '[[sections.items.evidence]]\nurl = "https://a.example/2"\n'
    assert path.read_text("utf-8") == _PACKED.replace(entry, "")


def test_a_refused_score_says_why_in_the_interface_language() -> None:
    """The score dialog asks again with the refusal's words: "M1 is not an indicator" in Thai
    or English, never "None" (the words come from :meth:`ScoreRefused.render`)."""
    refusal = score_refusal(Item(id="M1", title="มาตรการ"), 90.0)
    assert refusal is not None
    refused = ScoreRefused(refusal)
    for lang in ("th", "en"):
        words = refused.render(lang)
        assert words == refusal.render(lang) and "M1" in words
    assert refused.render("th") != refused.render("en")

"""Session: undo/redo, unsaved tracking, search, snapshots (no terminal)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ita_tui.app.session import Session, StatusFilter
from ita_tui.checklist_file import load
from ita_tui.model import Item, Status
from ita_tui.saving import save

from .conftest import frozen_clock


def test_dirty_follows_edits_undo_redo_and_save(seed_path: Path) -> None:
    session = Session(load(seed_path), clock=frozen_clock)
    m1 = session.item("M1")
    assert not session.dirty
    session.cycle(m1)
    assert session.dirty and session.changed_ids() == ["M1"]
    session.undo()
    assert not session.dirty
    session.redo()
    assert session.changed_ids() == ["M1"]
    snapshot, states = session.snapshot()
    assert snapshot.find("M1") is not m1  # the unsaved item is a copy the UI will not touch
    session.set_notes(session.item("M2"), "ระหว่างบันทึก")  # an edit made while the save runs
    session.set_notes(m1, "แก้อีกครั้ง")  # and one on the item being saved
    session.saved(save(session.loaded, snapshot), states)
    assert session.changed_ids() == ["M1", "M2"]  # both kept, still unsaved
    on_disk = load(seed_path).checklist
    # M1 was copied: its later edit waits for the next save.  M2 was not (it had no
    # edit when the save began), so its note may already be written; either way it
    # stays unsaved above and the next save writes it.
    assert on_disk.find("M1").notes == ""
    assert on_disk.find("M1").status is Status.IN_PROGRESS


def test_search_is_thai_aware(seed_path: Path) -> None:
    session = Session(load(seed_path))
    assert "M4" in session.search("คุ้มครองข้อมูลส่วนบุคคล")
    assert session.search("   ") == []
    assert session.search("ตัวชี้วัดที่ ๙") == session.search("ตัวชี้วัดที่ 9")


def test_search_ignores_tone_marks_only_when_asked(seed_path: Path) -> None:
    session = Session(load(seed_path))
    assert session.search("การใชอำนาจ") == []  # exact by default: ใช is not ใช้
    assert session.search("การใช้อำนาจ") == ["I3"]
    assert "I3" in session.search("การใชอำนาจ", ignore_tone_marks=True)
    # Notes are read live in both modes.
    session.set_notes(session.item("M1"), "ต้องใช้เวลาสองเดือน")
    assert session.search("ตองใชเวลา") == []
    assert session.search("ตองใชเวลา", ignore_tone_marks=True) == ["M1"]


def test_search_finds_thai_broken_across_lines(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(
        'format = 1\n[checklist]\ntitle = "t"\n[[sections]]\nid = "s"\ntitle = "s"\n'
        '[[sections.items]]\nid = "A1"\ntitle = "หนึ่ง"\n'
        'results = """เทศบาลได้ดำเนิน\nการจัดอบรมคุณธรรม"""\n'
        '[[sections.items]]\nid = "A2"\ntitle = "สอง"\nsteps = ["ประชุมคณะ", "ทำงาน"]\n',
        "utf-8",
    )
    session = Session(load(path))
    assert session.search("ดำเนินการจัดอบรม") == ["A1"]
    assert session.search("ดำเนิน การ") == ["A1"]
    assert session.search("ดำเนินการจัดอบรม", ignore_tone_marks=True) == ["A1"]


def test_filters() -> None:
    today = date(2026, 11, 25)
    doing = Item("A", "a", Status.IN_PROGRESS, due=date(2026, 11, 24))
    done = Item("B", "b", Status.DONE, due=date(2026, 11, 24))
    soon = Item("C", "c", due=date(2026, 12, 2))
    assert StatusFilter.OPEN.admits(doing, today) and not StatusFilter.OPEN.admits(done, today)
    assert StatusFilter.OVERDUE.admits(doing, today) and not StatusFilter.OVERDUE.admits(done, today)
    assert not StatusFilter.OVERDUE.admits(soon, today)
    assert StatusFilter.DUE_SOON.admits(soon, today) and StatusFilter.DUE_SOON.admits(doing, today)
    assert not StatusFilter.DUE_SOON.admits(soon, date(2026, 11, 24))  # eight days ahead
    assert StatusFilter.ALL.next() is StatusFilter.OPEN
    assert StatusFilter.DONE.next() is StatusFilter.OVERDUE
    assert StatusFilter.DUE_SOON.next() is StatusFilter.ALL

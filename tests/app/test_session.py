"""Session: undo/redo, unsaved tracking, search, snapshots (no terminal)."""

from __future__ import annotations

from pathlib import Path

from ita_tui.app.session import Session, StatusFilter
from ita_tui.checklist_file import load
from ita_tui.model import Status
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


def test_filters() -> None:
    assert StatusFilter.OPEN.admits(Status.IN_PROGRESS) and not StatusFilter.OPEN.admits(Status.DONE)
    assert StatusFilter.ALL.next() is StatusFilter.OPEN
    assert StatusFilter.DONE.next() is StatusFilter.ALL

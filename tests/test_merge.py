"""ita_tui.merge: my unsaved edits onto a file someone else changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from ita_tui.checklist_file import LoadedChecklist, load
from ita_tui.edits import set_notes, set_status
from ita_tui.merge import merge, my_changes
from ita_tui.model import Status
from ita_tui.saving import save
from ita_tui.templates import find


@pytest.fixture
def path(tmp_path: Path) -> Path:
    template = find("fy2566")
    assert template is not None
    target = tmp_path / "c.toml"
    target.write_bytes(template.read_bytes())
    return target


def their_edit(path: Path, item_id: str, status: Status | None = None, notes: str | None = None) -> None:
    """Another person loads, edits and saves the file."""
    theirs = load(path)
    item = theirs.checklist.find(item_id)
    assert item is not None
    if status is not None:
        set_status(item, status)
    if notes is not None:
        set_notes(item, notes)
    save(theirs)


def mine(path: Path) -> LoadedChecklist:
    return load(path)


def test_different_items_merge_cleanly(path: Path) -> None:
    me = mine(path)
    set_status(me.checklist.find("M1"), Status.DONE)
    their_edit(path, "M2", status=Status.IN_PROGRESS)
    result = merge(me, load(path))
    assert result.clean and result.merged is not None
    assert result.applied == ["M1"]
    assert result.theirs_changed == ["M2"]
    merged = result.merged.checklist
    assert merged.find("M1").status is Status.DONE
    assert merged.find("M2").status is Status.IN_PROGRESS
    # Saving the merge writes my edit over theirs and keeps theirs.
    save(result.merged)
    final = load(path).checklist
    assert final.find("M1").status is Status.DONE
    assert final.find("M2").status is Status.IN_PROGRESS


def test_same_item_differently_is_a_conflict(path: Path) -> None:
    me = mine(path)
    set_notes(me.checklist.find("M1"), "ของฉัน")
    their_edit(path, "M1", notes="ของเขา")
    theirs = load(path)
    result = merge(me, theirs)
    assert not result.clean and result.merged is None
    assert [c.item_id for c in result.conflicts] == ["M1"]
    assert result.conflicts[0].fields() == ["notes"]
    assert theirs.checklist.find("M1").notes == "ของเขา"  # untouched without a preference


def test_preference_settles_conflicts(path: Path) -> None:
    me = mine(path)
    set_notes(me.checklist.find("M1"), "ของฉัน")
    set_status(me.checklist.find("M3"), Status.DONE)
    their_edit(path, "M1", notes="ของเขา")
    mine_wins = merge(me, load(path), prefer="mine")
    assert mine_wins.merged.checklist.find("M1").notes == "ของฉัน"
    assert mine_wins.lost == []
    theirs_win = merge(me, load(path), prefer="theirs")
    assert theirs_win.merged.checklist.find("M1").notes == "ของเขา"
    assert theirs_win.merged.checklist.find("M3").status is Status.DONE  # not in conflict: kept
    assert theirs_win.lost == ["M1"]


def test_the_same_edit_on_both_sides_is_not_a_conflict(path: Path) -> None:
    me = mine(path)
    item = me.checklist.find("M1")
    set_status(item, Status.DONE)
    theirs_loaded = load(path)
    their_item = theirs_loaded.checklist.find("M1")
    set_status(their_item, Status.DONE, when=item.updated)  # the same stamp: the same edit
    save(theirs_loaded)
    result = merge(me, load(path))
    assert result.clean
    assert result.same == ["M1"]
    assert result.applied == []


def test_nothing_of_mine_means_theirs_as_is(path: Path) -> None:
    me = mine(path)
    their_edit(path, "I8", status=Status.DONE)
    result = merge(me, load(path))
    assert result.clean and result.applied == []
    assert my_changes(result.merged) == {}


def test_an_item_they_removed_is_reported(path: Path) -> None:
    me = mine(path)
    set_notes(me.checklist.find("M6"), "ยังต้องทำ")
    text = path.read_text("utf-8")
    start = text.index('[[sections.items]]\nid = "M6"')
    end = text.index("[[sections]]", start)
    path.write_text(text[:start] + text[end:], "utf-8")
    result = merge(me, load(path), prefer="mine")
    assert [c.item_id for c in result.conflicts] == ["M6"]
    assert result.conflicts[0].removed
    assert result.lost == ["M6"]

"""Core behaviour that a mutation sample found unguarded (issue 20).

Each test fails on one mutant of the core: the checklist head read before
parsing, the lock's heartbeat count, the three-way merge, the score bands and
the Buddhist-Era years.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ita_tui import authoring
from ita_tui.checklist_file import load, peek_head
from ita_tui.edits import set_notes, set_status
from ita_tui.fs import locking
from ita_tui.fs.locking import LockInfo, lock_path, real_file
from ita_tui.merge import merge
from ita_tui.model import Checklist, Status
from ita_tui.scoring import table_for_year
from ita_tui.thai import fiscal_year_span, format_fiscal_year
from tests.test_merge import item, their_edit

# -- checklist_file.peek_head ------------------------------------------------------------


def test_peek_head_reads_the_checklist_table_wherever_it_stands(tmp_path: Path) -> None:
    """The start screen picks its language from ``[checklist]``, not from the first table of the file.

    A file whose first table is another one (here a section, written before the head)
    must still give the head's language and title, not the section's title.
    """
    file = tmp_path / "c.toml"
    file.write_text(
        "format = 1\n\n"
        '[[sections]]\nid = "s"\ntitle = "A section"\n\n'
        '[checklist]\nlanguage = "en"\ntitle = "The checklist"\n\n'
        '[checklist.labels]\nperiod = "Period"\n',
        encoding="utf-8",
    )
    assert peek_head(file) == ("en", "The checklist")


# -- fs/locking: the heartbeat count ------------------------------------------------------


class _StopsAfter:
    """A heartbeat's stop event that lets *beats* heartbeats pass, at once, then stops."""

    def __init__(self, beats: int) -> None:
        self.left = beats

    def wait(self, timeout: float | None = None) -> bool:
        self.left -= 1
        return self.left < 0

    def set(self) -> None:
        self.left = -1


def test_each_heartbeat_counts_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The lock file's ``beat`` is the number of heartbeats so far: three beats write 3.

    The count is part of the lock's documented format (what a person or another
    machine reads in the lock file); a heartbeat that added two would say the holder
    had been alive twice as long as it has. The beats are run here and now, in this
    thread, so no timing decides what is seen.
    """
    monkeypatch.setattr(locking, "HEARTBEAT", 3600.0)  # the holder's own thread never beats
    path = tmp_path / "c.toml"
    path.write_text("format = 1\n", encoding="utf-8")
    lock = lock_path(real_file(path))
    holder = locking._acquire(lock, path)
    assert holder is not None
    running = holder._stop
    try:
        holder._stop = _StopsAfter(3)  # type: ignore[assignment]
        holder._beat()
        info = LockInfo.loads(lock.read_bytes())
        assert info is not None and info.beat == 3
    finally:
        holder._stop = running
        holder.release()
    assert not lock.exists()


# -- merge ---------------------------------------------------------------------------


def test_one_id_given_by_both_sides_shows_my_renamed_item_as_mine(bundled: Path) -> None:
    """I rename M1 to X1 while they rename M2 to X1: the conflict's "mine" is my M1, "theirs" their M2.

    Settled for mine, the file keeps the item I renamed (M1's title under X1).
    """
    me = load(bundled)
    m1_title, m2_title = item(me.checklist, "M1").title, item(me.checklist, "M2").title
    authoring.rename_item(me.checklist, "M1", "X1")
    their_edit(bundled, lambda c: authoring.rename_item(c, "M2", "X1"))
    result = merge(me, load(bundled))
    same_id = next(c for c in result.conflicts if c.kind == "same_id")
    assert (same_id.mine["title"], same_id.theirs["title"]) == (m1_title, m2_title)
    merged = result.resolve({same_id.key: "mine"}, default="mine").merged.checklist
    assert item(merged, "X1").title == m1_title


def test_their_section_title_is_kept_when_i_edit_an_item_inside(bundled: Path) -> None:
    """They retitle a section, I write a note on one of its items: both are kept, no conflict."""
    me = load(bundled)
    set_notes(item(me.checklist, "M1"), "ของฉัน")
    their_edit(bundled, lambda c: authoring.set_section_title(c, "measures", "ชื่อหมวดของเขา"))
    result = merge(me, load(bundled))
    assert result.clean
    merged = result.resolve().merged.checklist
    assert merged.sections[0].title == "ชื่อหมวดของเขา"
    assert item(merged, "M1").notes == "ของฉัน"


def test_an_item_they_rewrote_under_its_id_is_the_same_item(bundled: Path) -> None:
    """They change most of M1 (title, status, notes, period) but keep its id; I change its responsible.

    Matched by its id, it is one item changed on both sides in different fields: a
    clean merge with all of it, not "they removed M1 and added another M1".
    """
    me = load(bundled)
    authoring.set_field(me.checklist, "M1", "responsible", "กองคลัง")

    def rewrite(checklist: Checklist) -> None:
        authoring.set_item_title(checklist, "M1", "มาตรการใหม่ทั้งหมด")
        set_status(item(checklist, "M1"), Status.DONE)
        set_notes(item(checklist, "M1"), "ของเขา")
        authoring.set_field(checklist, "M1", "period", "ปีงบประมาณ 2567")

    their_edit(bundled, rewrite)
    result = merge(me, load(bundled))
    assert result.conflicts == []
    m1 = item(result.resolve().merged.checklist, "M1")
    assert (m1.title, m1.status, m1.notes) == ("มาตรการใหม่ทั้งหมด", Status.DONE, "ของเขา")
    assert (m1.fields["period"], m1.fields["responsible"]) == ("ปีงบประมาณ 2567", "กองคลัง")


# -- scoring ---------------------------------------------------------------------------


def test_an_overall_below_every_band_gets_the_lowest_band() -> None:
    """``ScoringTable.band_for`` promises the lowest band (F) below the lowest bound, not the one above it.

    No checklist file gets there (scores are 0-100 and the lowest band starts at 0),
    but a caller's overall of -0.01 (a rounding, a penalty) must not read as E.
    """
    table, _note = table_for_year(2566)
    assert table.band_for(-0.01).letter == "F"
    assert table.band_for(0.0).letter == "F"


# -- thai: Buddhist-Era years -----------------------------------------------------------


def test_fiscal_year_2400_is_a_buddhist_era_year() -> None:
    """2400 is the first year the file format takes as Buddhist Era (schema, dates.BE_FROM).

    Only a year below it is refused as a Common Era year passed by mistake.
    """
    assert fiscal_year_span(2400) == (date(1856, 10, 1), date(1857, 9, 30))
    assert format_fiscal_year(2400, "en").startswith("FY2400")
    with pytest.raises(ValueError, match="Common Era"):
        fiscal_year_span(2399)

"""`due` in the file: read as a TOML date (or a date written as text), checked, saved minimally."""

from __future__ import annotations

import shutil
import tomllib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from test_saving import changed_lines

from ita_tui import edits, save_worker
from ita_tui.checklist_file import check, load
from ita_tui.merge import merge
from ita_tui.saving import render_text, render_text_with_tomlkit, save

WHEN = datetime(2026, 11, 25, 10, 30, tzinfo=timezone(timedelta(hours=7)))
HEAD = 'format = 1\n[checklist]\ntitle = "x"\n[[sections]]\nid = "s"\ntitle = "S"\n'


def write(tmp_path: Path, items: str) -> Path:
    path = tmp_path / "c.toml"
    path.write_text(HEAD + items, encoding="utf-8")
    return path


def test_a_toml_date_is_the_due_date(tmp_path: Path) -> None:
    path = write(tmp_path, '[[sections.items]]\nid = "A"\ntitle = "a"\ndue = 2026-12-15\n')
    item = load(path).checklist.find("A")
    assert item is not None
    assert item.due == date(2026, 12, 15)
    assert "due" not in item.fields  # a key of its own, not a detail field


@pytest.mark.parametrize("written", ["15/12/2569", "15 ธ.ค. 2569", "๑๕/๑๒/๒๕๖๙", "2026-12-15"])
def test_a_date_written_as_text_is_read_as_typed_dates_are(tmp_path: Path, written: str) -> None:
    path = write(tmp_path, f'[[sections.items]]\nid = "A"\ntitle = "a"\ndue = "{written}"\n')
    loaded, problems = check(path)
    assert problems == []
    assert loaded is not None
    item = loaded.checklist.find("A")
    assert item is not None and item.due == date(2026, 12, 15)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('"31/02/2569"', "'due': “31/02/2569”: there is no such day (write a date such as due = 2026-12-15)"),
        ('"15/12/69"', "'due': “15/12/69”: write the year in full (2569 or 2026)"),
        ('"soon"', "'due': “soon” is not a date"),
        ('"15 ธ.ค."', "'due': “15 ธ.ค.”: write the year too"),
        ("2026-12-15T10:00:00+07:00", "'due' must be a date such as due = 2026-12-15, not a date-time"),
        ("15", "'due' must be a date such as due = 2026-12-15, not a whole number"),
        ('""', "'due' must be a date such as due = 2026-12-15, not ''"),
    ],
)
def test_a_due_date_it_cannot_read_is_reported_with_line_and_column(
    tmp_path: Path, value: str, message: str
) -> None:
    path = write(tmp_path, f'[[sections.items]]\nid = "A"\ntitle = "a"\n\n  due = {value}\n')
    loaded, problems = check(path)
    assert loaded is None
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.line, problem.column) == (11, 3)
    assert str(problem.message).startswith(message)


def test_setting_a_due_date_adds_one_line(commented: Path) -> None:
    before = commented.read_text(encoding="utf-8")
    loaded = load(commented)
    item = loaded.checklist.find("M1")
    assert item is not None
    assert edits.set_due(item, date(2026, 12, 15), WHEN) is not None
    # The same data as tomlkit writes (which places new keys differently).
    assert tomllib.loads(render_text(loaded, loaded.checklist)) == tomllib.loads(
        render_text_with_tomlkit(loaded, loaded.checklist)
    )
    save(loaded)
    after = commented.read_text(encoding="utf-8")
    assert changed_lines(before, after) == ["+due = 2026-12-15", "+updated = 2026-11-25T10:30:00+07:00"]
    reloaded = load(commented).checklist.find("M1")
    assert reloaded is not None and reloaded.due == date(2026, 12, 15)


def test_changing_and_clearing_a_due_date(tmp_path: Path) -> None:
    path = write(
        tmp_path, '[[sections.items]]\nid = "A"\ntitle = "a"\ndue = "15/12/2569"   # as the memo says\n'
    )
    loaded = load(path)
    item = loaded.checklist.find("A")
    assert item is not None
    assert edits.set_due(item, date(2026, 12, 15), WHEN) is None  # the same date: nothing to write
    edits.set_due(item, date(2027, 1, 10), WHEN)
    loaded = save(loaded)
    assert "due = 2027-01-10   # as the memo says\n" in path.read_text(encoding="utf-8")
    item = loaded.checklist.find("A")
    assert item is not None
    edits.set_due(item, None, WHEN)
    save(loaded)
    assert "due" not in path.read_text(encoding="utf-8")


def test_undo_restores_the_due_date(tmp_path: Path) -> None:
    path = write(tmp_path, '[[sections.items]]\nid = "A"\ntitle = "a"\ndue = 2026-12-15\n')
    item = load(path).checklist.find("A")
    assert item is not None
    change = edits.set_due(item, None, WHEN)
    assert change is not None and change.before.due == date(2026, 12, 15)
    edits.restore(item, change.before)
    assert item.due == date(2026, 12, 15)


def test_a_due_date_saved_in_the_child_process(commented: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(save_worker, "CHILD_MIN_CHARS", 0)
    copy = Path(shutil.copy(commented, commented.with_name("copy.toml")))
    for path in (commented, copy):
        loaded = load(path)
        item = loaded.checklist.find("M1")
        assert item is not None
        edits.set_due(item, date(2026, 12, 15), WHEN)
        if path is commented:
            save(loaded)
        else:
            assert save_worker.wants_child(loaded)
            save_worker.save(loaded)
    assert copy.read_bytes() == commented.read_bytes()


def test_both_sides_setting_different_due_dates_is_a_conflict_naming_due(commented: Path) -> None:
    mine = load(commented)
    theirs = load(commented)
    for loaded, day in ((theirs, date(2026, 12, 1)), (mine, date(2026, 12, 15))):
        item = loaded.checklist.find("M1")
        assert item is not None
        edits.set_due(item, day, WHEN)
    save(theirs)
    result = merge(mine, load(commented))
    assert [(conflict.where, conflict.field) for conflict in result.conflicts] == [("M1", "due")]

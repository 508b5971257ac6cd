"""Saves under the faults mutation testing found unguarded (issue 20).

Each test here failed on a mutant of the save path that the rest of the suite let
through: a short ``os.write`` whose rest was dropped, the lock taken out of
:func:`~ita_tui.saving.save`, the fingerprint checked before the lock is taken,
the folder fsync after the rename removed.  Races are played with a real second
process and a fault hook at the moment this process first finds the lock taken,
so their order is forced, not hoped for.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers_bad import python_path, temp_files, write_checklist

from ita_tui import authoring, edits
from ita_tui.checklist_file import LoadedChecklist, load
from ita_tui.file_edit import apply_plan
from ita_tui.fs import locking
from ita_tui.fs.atomic import atomic_write
from ita_tui.model import Evidence, Status
from ita_tui.plan import MISSING, ItemPlan, Plan, SectionPlan, key_changes
from ita_tui.record import snapshot
from ita_tui.saving import ConflictError, save


def _edit(path: Path, item_id: str, status: Status) -> LoadedChecklist:
    loaded = load(path)
    item = loaded.checklist.find(item_id)
    assert item is not None
    edits.set_status(item, status)
    return loaded


def _status(path: Path, item_id: str) -> Status:
    item = load(path).checklist.find(item_id)
    assert item is not None
    return item.status


# -- short writes ---------------------------------------------------------------------------


def _short_writes(monkeypatch: pytest.MonkeyPatch, most: int) -> list[int]:
    """Make every ``os.write`` write at most *most* bytes, as a signal or a network share may."""
    real_write = os.write
    sizes: list[int] = []

    def short(fd: int, data: Any) -> int:
        sizes.append(len(data))
        return real_write(fd, bytes(data[:most]))

    monkeypatch.setattr(os, "write", short)
    return sizes


def test_a_short_write_is_finished_not_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_checklist(tmp_path / "c.toml", items=4, padding=3000)
    loaded = _edit(path, "M2", Status.DONE)
    sizes = _short_writes(monkeypatch, 7)
    saved = save(loaded)
    monkeypatch.undo()
    assert max(sizes) > 7, "the save must have asked for more than one short write gives"
    assert path.read_text("utf-8") == saved.text, "every byte of the new text is in the file"
    assert _status(path, "M2") is Status.DONE
    # The lock record went out whole too: it was recognised as ours and removed.
    assert temp_files(tmp_path) == []


def test_a_short_write_of_plain_bytes_is_finished(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = bytes(range(256)) * 40
    _short_writes(monkeypatch, 1000)
    atomic_write(tmp_path / "out.bin", data, chunk_size=4096)
    monkeypatch.undo()
    assert (tmp_path / "out.bin").read_bytes() == data


# -- the folder is fsynced after the rename ------------------------------------------------------


@pytest.mark.usefixtures("folder_fsync")
def test_the_folder_is_fsynced_after_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rename is durable only once its folder is fsynced: after it, not before."""
    path = write_checklist(tmp_path / "c.toml")
    loaded = _edit(path, "M1", Status.DONE)
    real_fsync = os.fsync
    folder_syncs: list[bool] = []  # for each fsync of our folder: was the new file in place?

    def recording(fd: int) -> None:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode) and os.path.samestat(info, os.stat(tmp_path)):
            folder_syncs.append('status = "done"' in path.read_text("utf-8"))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", recording)
    save(loaded)
    assert True in folder_syncs, f"no fsync of the folder after the rename: {folder_syncs}"


# -- the fingerprint is checked under the lock ------------------------------------------------------

# A second process: takes the file's lock, says so, waits to be told, then saves a change
# of its own to M2 (re-entering its lock) and lets go.
_HOLDER = """
import sys
from ita_tui import edits
from ita_tui.checklist_file import load
from ita_tui.fs.locking import file_lock
from ita_tui.model import Status
from ita_tui.saving import save

path = sys.argv[1]
with file_lock(load(path).path):
    print("locked", flush=True)
    sys.stdin.readline()
    loaded = load(path)
    edits.set_status(loaded.checklist.find("M2"), Status.IN_PROGRESS)
    save(loaded)
print("saved", flush=True)
"""


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    """A checklist and a second process holding its lock, waiting for "go"."""
    path = write_checklist(tmp_path / "c.toml")
    process = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": python_path()},
    )
    try:
        assert process.stdout is not None and process.stdout.readline() == "locked\n", process.stderr
        yield path, process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=60)


def _go_when_first_waiting(monkeypatch: pytest.MonkeyPatch, process: subprocess.Popen[str]) -> list[bool]:
    """Fault hook: the first time this process finds the lock taken, the holder saves and lets go.

    Whatever this process read before it waited is then out of date: a save that
    checked the file before taking the lock would overwrite the holder's change.
    """
    judged = locking._stale
    told: list[bool] = []

    def hook(*args: Any) -> bool:
        if not told:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
            told.append(True)
        return judged(*args)

    monkeypatch.setattr(locking, "_stale", hook)
    return told


def test_a_save_waits_for_the_lock_before_it_checks_the_file(
    holder: tuple[Path, subprocess.Popen[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, process = holder
    mine = _edit(path, "M1", Status.DONE)  # loaded before the holder's change
    told = _go_when_first_waiting(monkeypatch, process)
    with pytest.raises(ConflictError):
        save(mine)
    assert told, "the save never waited for the lock the other process held"
    assert process.communicate(timeout=60)[0] == "saved\n" and process.returncode == 0
    # Theirs is on disk; mine was refused, not written over it, and is kept to merge.
    assert (_status(path, "M1"), _status(path, "M2")) == (Status.NOT_STARTED, Status.IN_PROGRESS)
    assert mine.changed_items() == ["M1"]
    assert temp_files(path.parent) == []


# -- the save path's plan, record and editors (issue 20, second sample) ---------------------

_PLAIN = """format = 1

[checklist]
title = "T"

[checklist.scoring]
pass_mark = 80

[[sections]]
id = "m"
title = "M"

[[sections.items]]
id = "M1"
title = "one"
status = "done"

[[sections.items]]
id = "M2"
title = "two"

[[sections]]
id = "iit"
title = "Internal"
group = "IIT"

[[sections.items]]
id = "O1"
title = "other"
indicator = 3
"""


def test_the_same_record_has_no_changed_key() -> None:
    """key_changes of a record with itself (an item the snapshot reused) is no change, not None."""
    data = {"id": "M1", "title": "one"}
    assert key_changes(data, data) == {}


def test_a_save_with_nothing_changed_does_not_write(tmp_path: Path) -> None:
    """With nothing changed the file is not rewritten: no new inode, no backup (Plan.empty guards it)."""
    path = tmp_path / "c.toml"
    path.write_text(_PLAIN, encoding="utf-8")
    before = path.stat()
    save(load(path), backup=True)
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert not (tmp_path / "c.toml~").exists()


def test_an_item_not_named_by_its_id_keeps_its_indicator(tmp_path: Path) -> None:
    """O1 in an ITA-group section implies no indicator: its ``indicator = 3`` is recorded and kept."""
    path = tmp_path / "c.toml"
    path.write_text(_PLAIN, encoding="utf-8")
    loaded = load(path)
    item = loaded.checklist.find("O1")
    assert item is not None
    assert loaded.baseline.items[item.uid]["indicator"] == 3
    edits.set_status(item, Status.DONE)
    save(loaded)
    again = load(path).checklist.find("O1")
    assert again is not None and again.indicator == 3 and again.status is Status.DONE


def test_a_snapshot_reuses_the_records_of_unchanged_items(tmp_path: Path) -> None:
    """snapshot(checklist, reuse, changed) takes unchanged items' records from *reuse* (the app's
    quick snapshot of 10,000 items) and records the changed ones anew."""
    path = tmp_path / "c.toml"
    path.write_text(_PLAIN, encoding="utf-8")
    loaded = load(path)
    one, two = loaded.checklist.find("M1"), loaded.checklist.find("M2")
    assert one is not None and two is not None
    edits.set_status(two, Status.DONE)
    record = snapshot(loaded.checklist, loaded.baseline, {two.uid})
    assert record.items[one.uid] is loaded.baseline.items[one.uid]
    assert record.items[two.uid]["status"] == "done"
    # Without reuse, *changed* alone means nothing to take from: everything is recorded.
    assert snapshot(loaded.checklist, None, set()).document() == record.document()


def test_a_plan_that_removes_a_sub_table_empties_it() -> None:
    """A plan removing ``[checklist.scoring]`` (old table, new MISSING) removes its keys from the text."""
    head = {"scoring": ({"pass_mark": 80}, MISSING)}
    text = apply_plan(_PLAIN, Plan(head, (), False), "\n")
    assert "pass_mark = 80" not in text
    assert tomllib.loads(text)["checklist"].get("scoring", {}) == {}


def test_a_plan_emptying_a_key_the_file_lacks_writes_nothing() -> None:
    """A key absent from the text whose new value is empty or MISSING adds no line."""
    changes = {"notes": ("x", ""), "score": (1.0, MISSING)}
    item = ItemPlan((0, 1), changes)
    text = apply_plan(_PLAIN, Plan({}, (SectionPlan(0, {}, (item,)),), False), "\n")
    assert text == _PLAIN


def test_two_adjacent_evidence_entries_replaced_land_on_their_own_entries(tmp_path: Path) -> None:
    """Two evidence entries after a kept one, both edited: each is edited in place, none on the kept one."""
    path = tmp_path / "c.toml"
    path.write_text(_PLAIN, encoding="utf-8")
    loaded = load(path)
    item = loaded.checklist.find("M1")
    assert item is not None
    item.evidence = [Evidence(url=f"https://a.example/{n}", label=f"e{n}") for n in range(3)]
    loaded = save(loaded)
    item = loaded.checklist.find("M1")
    assert item is not None
    # Both take the kept entry's label: each entry's own old label must still be replaced.
    item.evidence[1:] = [Evidence(url=f"https://b.example/{n}", label="e0") for n in (1, 2)]
    save(loaded)
    again = load(path).checklist.find("M1")
    assert again is not None
    assert [(e.url, e.label) for e in again.evidence] == [
        ("https://a.example/0", "e0"),
        ("https://b.example/1", "e0"),
        ("https://b.example/2", "e0"),
    ]


_MIXED = """format = 1

[checklist]
title = "T"

[[sections]]
id = "a"
title = "A"
items = [{ id = "A1", title = "one" }, { id = "A2", title = "two" }]

[[sections]]
id = "b"
title = "B"

[[sections.items]]
id = "B1"
# kept with its item
title = "three"

[[sections.items]]
id = "B2"
title = "four"
"""


def test_a_move_in_a_file_of_mixed_layouts_keeps_each_layout(tmp_path: Path) -> None:
    """Inline items send the save through tomlkit: a move there keeps ``[[sections]]``, the inline
    items inline, the other section's ``[[sections.items]]`` blocks with their comments."""
    path = tmp_path / "c.toml"
    path.write_text(_MIXED, encoding="utf-8")
    loaded = load(path)
    authoring.move_item_by(loaded.checklist, "A2", -1)
    authoring.move_item_by(loaded.checklist, "B2", -1)
    save(loaded)
    text = path.read_text("utf-8")
    (items,) = [line for line in text.splitlines() if line.startswith("items = [{")]
    assert items.index('"A2"') < items.index('"A1"')
    assert text.count("[[sections]]") == 2
    assert text.count("[[sections.items]]") == 2
    assert 'id = "B1"\n# kept with its item\ntitle = "three"' in text
    checklist = load(path).checklist
    assert [[i.id for i in s.items] for s in checklist.sections] == [["A2", "A1"], ["B2", "B1"]]

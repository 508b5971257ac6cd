"""Saving big checklists in a child process (ita_tui.save_worker) gives what an in-process save gives.

Same bytes on generated files (LF, CRLF, BOM; several saves in a row), the same
conflict and error messages, and a child killed mid-save leaves the file whole
and the changes unsaved.  The size threshold is lowered here so that small
files take the child path.
"""

from __future__ import annotations

import os
import shutil
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from ita_tui import authoring, edits, save_worker, saving
from ita_tui.checklist_file import LoadedChecklist, load
from ita_tui.errors import UserError
from ita_tui.fs.atomic import KILLED_EXIT
from ita_tui.model import Status
from ita_tui.record import Snapshot, snapshot

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
WHEN = datetime(2026, 11, 25, 10, 30, tzinfo=timezone(timedelta(hours=7)))
LATER = datetime(2026, 11, 26, 8, 0, 5, 250000, tzinfo=UTC)


def generated(items: int, seed: int) -> str:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return generate(items, seed=seed)


@pytest.fixture(autouse=True)
def child_for_every_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(save_worker, "CHILD_MIN_CHARS", 0)


def write(path: Path, text: str, *, crlf: bool = False, bom: bool = False) -> Path:
    data = (text.replace("\n", "\r\n") if crlf else text).encode("utf-8")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def edit_round(loaded: LoadedChecklist, round_: int) -> Snapshot:
    """Several kinds of edit on several items, a structural one too; the checklist's record after."""
    items = list(loaded.checklist.items())
    picks = [items[(round_ * 7 + k * 13) % len(items)] for k in range(5)]
    edits.cycle_status(picks[0], WHEN)
    edits.set_notes(picks[1], f'บันทึก "รอบ {round_}"\nบรรทัดที่สอง\\ท้าย', WHEN)
    edits.set_notes(picks[2], "", LATER)
    edits.set_score(picks[3], 87.5 if round_ % 2 else None, WHEN)
    edits.set_status(picks[4], Status.DONE, LATER)
    edits.set_notes(picks[4], "one line, it's fine", LATER)
    checklist = loaded.checklist
    authoring.move_item_by(checklist, picks[1].id, 1)
    authoring.add_item(checklist, checklist.sections[0].id, f"มาตรการใหม่ รอบ {round_}")
    authoring.set_field(checklist, picks[2].id, "responsible", ["กองคลัง", f"รอบ {round_}"])
    return snapshot(checklist)


@pytest.mark.parametrize(("crlf", "bom"), [(False, False), (True, False), (False, True), (True, True)])
def test_child_save_gives_the_bytes_of_an_in_process_save(tmp_path: Path, crlf: bool, bom: bool) -> None:
    text = generated(60, seed=crlf * 2 + bom)
    mine = write(tmp_path / "in-thread.toml", text, crlf=crlf, bom=bom)
    child = write(tmp_path / "child.toml", text, crlf=crlf, bom=bom)
    by_thread, by_child = load(mine), load(child)
    for round_ in range(3):  # saves in a row: the child's text stays on disk between them
        edit_round(by_thread, round_)
        record = edit_round(by_child, round_)
        by_thread = saving.save(by_thread)
        by_child = save_worker.save(by_child, record=record)
        assert by_child.text_on_disk and by_child.text == ""
        assert mine.read_bytes() == child.read_bytes()
        assert by_child.fingerprint == by_thread.fingerprint == load(child).fingerprint
        assert by_child.changed_items() == []
    assert sorted(os.listdir(tmp_path)) == ["child.toml", "in-thread.toml"]


def test_child_save_without_states_and_then_an_in_process_save(tmp_path: Path) -> None:
    text = generated(30, seed=11)
    mine = write(tmp_path / "a.toml", text)
    child = write(tmp_path / "b.toml", text)
    by_thread, by_child = load(mine), load(child)
    edit_round(by_thread, 0)
    edit_round(by_child, 0)
    by_thread = saving.save(by_thread)
    by_child = save_worker.save(by_child)  # changes found by comparing with the baseline
    assert mine.read_bytes() == child.read_bytes()
    # An in-process save after a child's reads the text back from disk first.
    edit_round(by_thread, 1)
    edit_round(by_child, 1)
    saving.save(by_thread)
    after = saving.save(by_child)
    assert not after.text_on_disk
    assert mine.read_bytes() == child.read_bytes()


def test_child_save_falls_back_to_tomlkit_like_an_in_process_save(tmp_path: Path) -> None:
    text = (
        'format = 1\n[checklist]\ntitle = "t"\n[[sections]]\nid = "s"\ntitle = "S"\n'
        'items = [{ id = "a", title = "A" }, { id = "b", title = "B", status = "done" }]\n'
    )
    mine = write(tmp_path / "a.toml", text)
    child = write(tmp_path / "b.toml", text)
    results = []
    for path, do_save in ((mine, saving.save), (child, save_worker.save)):
        loaded = load(path)
        item = loaded.checklist.find("a")
        assert item is not None
        edits.set_notes(item, "บันทึก", WHEN)
        do_save(loaded)
        results.append(path.read_bytes())
    assert results[0] == results[1]
    assert "บันทึก".encode() in results[1]


def test_child_save_with_backup(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", generated(10, seed=3))
    before = path.read_bytes()
    loaded = load(path)
    record = edit_round(loaded, 0)
    save_worker.save(loaded, record=record, backup=True)
    assert (tmp_path / "c.toml~").read_bytes() == before
    assert path.read_bytes() != before


def test_child_save_reports_a_conflict(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", generated(10, seed=5))
    loaded = load(path)
    record = edit_round(loaded, 0)
    path.write_bytes(path.read_bytes() + b"# someone else\n")
    theirs = path.read_bytes()
    with pytest.raises(saving.ConflictError) as caught:
        save_worker.save(loaded, record=record)
    assert caught.value.message == saving.ConflictError(path).message
    assert path.read_bytes() == theirs
    assert loaded.changed_items()  # still unsaved


def test_child_save_reports_a_read_only_file(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", generated(10, seed=5))
    before = path.read_bytes()
    loaded = load(path)
    record = edit_round(loaded, 0)
    path.chmod(0o444)
    with pytest.raises(UserError) as caught:
        save_worker.save(loaded, record=record)
    assert caught.value.message == f"{path}: cannot save: the file is read-only; the changes are not saved"
    assert path.read_bytes() == before


def test_child_save_reports_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The child imports this sitecustomize (PYTHONPATH is passed on): every write fails with ENOSPC.
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(
        "import errno, os\n"
        "def _full(fd, data):\n"
        "    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))\n"
        "os.write = _full\n",
        "utf-8",
    )
    monkeypatch.setenv("PYTHONPATH", str(hooks))
    folder = tmp_path / "work"
    folder.mkdir()
    path = write(folder / "c.toml", generated(10, seed=5))
    before = path.read_bytes()
    loaded = load(path)
    record = edit_round(loaded, 0)
    with pytest.raises(UserError) as caught:
        save_worker.save(loaded, record=record)
    assert caught.value.message == f"{path}: cannot save: the disk is full; the changes are not saved"
    assert path.read_bytes() == before
    assert os.listdir(folder) == ["c.toml"]  # the temp file is gone


def test_a_child_killed_mid_save_leaves_the_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "c.toml", generated(20, seed=9))
    before = path.read_bytes()
    loaded = load(path)
    record = edit_round(loaded, 0)
    monkeypatch.setenv("ITA_TUI_WRITE_CHUNK", "4096")
    monkeypatch.setenv("ITA_TUI_KILL_AT", "write:3")
    with pytest.raises(UserError) as caught:
        save_worker.save(loaded, record=record)
    assert caught.value.message == (
        f"{path}: cannot save: the save process was stopped (exit {KILLED_EXIT}); the changes are not saved"
    )
    assert path.read_bytes() == before
    assert loaded.changed_items()  # still unsaved
    # The next save works and removes the temp file the killed one left.
    monkeypatch.delenv("ITA_TUI_KILL_AT")
    written = save_worker.save(loaded, record=record)
    assert written.changed_items() == []
    assert os.listdir(tmp_path) == ["c.toml"]
    assert load(path).fingerprint == written.fingerprint


def test_small_files_stay_in_the_thread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(save_worker, "CHILD_MIN_CHARS", 1 << 20)
    path = Path(shutil.copy(DATA / "commented.toml", tmp_path / "commented.toml"))
    loaded = load(path)
    item = loaded.checklist.find("M1")
    assert item is not None
    edits.set_status(item, Status.DONE, WHEN)

    def no_child(*args: object, **kwargs: object) -> str:
        raise AssertionError("a small file went to a child process")

    monkeypatch.setattr(save_worker, "save_in_child", no_child)
    written = save_worker.save(loaded)
    assert not written.text_on_disk
    again = load(path).checklist.find("M1")
    assert again is not None and again.status is Status.DONE


def test_the_child_saves_below_the_apps_priority(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys typed during a big save come first: on Windows the child is created in the
    below-normal priority class, elsewhere it lowers its own priority before any work."""
    import io
    import pickle
    import subprocess

    calls: list[dict[str, object]] = []

    def run(*args: object, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        calls.append(kwargs)
        return subprocess.CompletedProcess(args, 0, b'{"fingerprint": "f"}', b"")

    monkeypatch.setattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0x4000, raising=False)
    monkeypatch.setattr(subprocess, "CREATE_NO_WINDOW", 0x08000000, raising=False)
    monkeypatch.setattr(save_worker.subprocess, "run", run)
    path = write(tmp_path / "c.toml", generated(3, seed=1))
    loaded = load(path)
    changes, _ = saving.plan_for(loaded, loaded.checklist)
    assert save_worker.save_in_child(path, loaded.fingerprint, changes) == "f"
    assert calls[0]["creationflags"] == 0x4000 | 0x08000000

    niced: list[int] = []
    monkeypatch.setattr(os, "nice", lambda step: niced.append(step) or step, raising=False)
    request = {"path": str(path), "fingerprint": "not this file's", "backup": False, "plan": changes}
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(pickle.dumps(request))))
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    save_worker.main()
    assert niced and niced[0] > 0
    assert '"conflict"' in sys.stdout.getvalue()  # type: ignore[attr-defined]

"""Saving: only the edited values change, atomically, never over someone else's change."""

from __future__ import annotations

import difflib
import os
import stat
import tomllib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ita_tui import edits
from ita_tui.checklist_file import load
from ita_tui.fs import atomic
from ita_tui.model import Status
from ita_tui.sanitize import clean_text
from ita_tui.saving import ConflictError, render_text, render_text_with_tomlkit, save

WHEN = datetime(2026, 11, 25, 10, 30, tzinfo=timezone(timedelta(hours=7)))


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_saving_unchanged_gives_the_same_bytes(commented: Path) -> None:
    before = commented.read_bytes()
    save(load(commented))
    assert commented.read_bytes() == before


def test_saving_unchanged_gives_back_the_checklist_as_loaded(commented: Path) -> None:
    """The caller goes on from what save returns (the app's next save compares with it)."""
    loaded = load(commented)
    saved = save(loaded)
    assert saved is not None
    assert (saved.checklist, saved.fingerprint, saved.path) == (
        loaded.checklist,
        loaded.fingerprint,
        loaded.path,
    )


def test_reading_the_umask_for_a_new_file_leaves_it_as_it_was() -> None:
    """Reading the umask means setting it: it must be set back, or every later file is world-writable."""
    before = os.umask(0o027)
    try:
        assert atomic.new_file_mode() == 0o640
        assert os.umask(0o027) == 0o027
    finally:
        os.umask(before)


def test_one_status_change_changes_one_line_plus_updated(commented: Path) -> None:
    before = commented.read_text(encoding="utf-8")
    loaded = load(commented)
    item = loaded.checklist.find("M1")
    assert item is not None
    edits.set_status(item, Status.DONE, WHEN)
    save(loaded)
    after = commented.read_text(encoding="utf-8")
    assert changed_lines(before, after) == [
        "-status = 'not-started'      # keep my quotes",
        "+status = 'done'      # keep my quotes",
        "+updated = 2026-11-25T10:30:00+07:00",
    ]


def test_thai_status_stays_thai_and_new_keys_go_after_the_items_last_key(commented: Path) -> None:
    before = commented.read_text(encoding="utf-8")
    loaded = load(commented)
    m2, i3 = loaded.checklist.find("M2"), loaded.checklist.find("I3")
    assert m2 is not None and i3 is not None
    edits.set_status(m2, Status.IN_PROGRESS, WHEN)
    edits.set_notes(i3, 'ข้อ "หนึ่ง"\nข้อสอง \\ จบ', WHEN)
    edits.set_score(i3, 95.53, WHEN)
    save(loaded)
    after = commented.read_text(encoding="utf-8")
    assert changed_lines(before, after) == [
        '-status = "ดำเนินการแล้วเสร็จ"',
        '+status = "อยู่ระหว่างดำเนินการ"',
        "+updated = 2026-11-25T10:30:00+07:00",
        "+score = 95.53",
        '+notes = """',
        '+ข้อ \\"หนึ่ง\\"',
        '+ข้อสอง \\\\ จบ"""',
        "+updated = 2026-11-25T10:30:00+07:00",
    ]
    # M2's updated lands after its last key, not after the blank lines that follow it.
    assert "extra_number = 42\nupdated = 2026-11-25T10:30:00+07:00\n\n\n[[sections]]" in after
    reloaded = load(commented).checklist
    i3_again = reloaded.find("I3")
    assert i3_again is not None
    assert (i3_again.notes, i3_again.score, i3_again.updated) == ('ข้อ "หนึ่ง"\nข้อสอง \\ จบ', 95.53, WHEN)


def test_clearing_a_score_removes_its_line(commented: Path) -> None:
    before = commented.read_text(encoding="utf-8")
    loaded = load(commented)
    item = loaded.checklist.find("I1")
    assert item is not None
    edits.set_score(item, None, WHEN)
    save(loaded)
    assert changed_lines(before, commented.read_text(encoding="utf-8")) == [
        "-score = 97.44",
        "+updated = 2026-11-25T10:30:00+07:00",
    ]


def test_setting_what_is_there_writes_nothing(commented: Path) -> None:
    before = commented.read_bytes()
    loaded = load(commented)
    item = loaded.checklist.find("I1")
    assert item is not None
    assert edits.set_status(item, Status.DONE, WHEN) is None
    assert edits.set_score(item, 97.44, WHEN) is None
    assert edits.set_notes(item, "", WHEN) is None
    assert item.updated is None
    save(loaded)
    assert commented.read_bytes() == before


def test_span_edits_agree_with_tomlkit(commented: Path) -> None:
    loaded = load(commented)
    for item_id, status in (("M1", Status.IN_PROGRESS), ("M2", Status.NOT_STARTED), ("I3", Status.DONE)):
        item = loaded.checklist.find(item_id)
        assert item is not None
        edits.set_status(item, status, WHEN)
        edits.set_notes(item, f"โน้ตของ {item_id}", WHEN)
    fast = render_text(loaded, loaded.checklist)
    slow = render_text_with_tomlkit(loaded, loaded.checklist)
    assert tomllib.loads(fast) == tomllib.loads(slow)


def test_save_refuses_when_the_file_changed_on_disk(commented: Path) -> None:
    loaded = load(commented)
    item = loaded.checklist.find("M1")
    assert item is not None
    edits.set_status(item, Status.DONE, WHEN)
    theirs = commented.read_text(encoding="utf-8").replace("มาตรการที่สอง", "มาตรการที่ 2")
    commented.write_text(theirs, encoding="utf-8")
    with pytest.raises(ConflictError) as caught:
        save(loaded)
    assert "changed by someone else" in caught.value.message
    assert commented.read_text(encoding="utf-8") == theirs


def test_save_keeps_permissions_and_leaves_no_temp_file(commented: Path) -> None:
    os.chmod(commented, 0o640)
    loaded = load(commented)
    item = loaded.checklist.find("M1")
    assert item is not None
    edits.set_status(item, Status.DONE, WHEN)
    save(loaded)
    assert stat.S_IMODE(commented.stat().st_mode) == 0o640
    assert sorted(p.name for p in commented.parent.iterdir()) == ["commented.toml"]


def test_saves_in_a_row_use_the_new_baseline(commented: Path) -> None:
    loaded = load(commented)
    item = loaded.checklist.find("M1")
    assert item is not None
    edits.set_status(item, Status.DONE, WHEN)
    loaded = save(loaded)
    edits.set_status(item, Status.IN_PROGRESS, WHEN)
    loaded = save(loaded)
    assert loaded.changed_items() == []
    again = load(commented).checklist.find("M1")
    assert again is not None and again.status is Status.IN_PROGRESS


def test_crlf_and_bom_are_kept(tmp_path: Path) -> None:
    text = (
        'format = 1\n[checklist]\ntitle = "t"\n[[sections]]\nid = "s"\ntitle = "S"\n'
        '[[sections.items]]\nid = "a"\ntitle = "A"\n'
    ).replace("\n", "\r\n")
    path = tmp_path / "w.toml"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    loaded = load(path)
    item = loaded.checklist.find("a")
    assert item is not None
    edits.set_notes(item, "บรรทัด 1\nบรรทัด 2", WHEN)
    save(loaded)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in data.replace(b"\r\n", b"")
    again = load(path).checklist.find("a")
    assert again is not None and again.notes == "บรรทัด 1\nบรรทัด 2"


_note_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    changes=st.lists(
        st.tuples(
            st.sampled_from(["M1", "M2", "I1", "I3"]),
            st.sampled_from(list(Status)),
            _note_text,
            st.one_of(st.none(), st.floats(min_value=0, max_value=100, allow_nan=False)),
        ),
        max_size=6,
    )
)
def test_random_edits_load_back_equal(
    commented: Path, changes: list[tuple[str, Status, str, float | None]]
) -> None:
    original = commented.read_bytes()
    try:
        loaded = load(commented)
        for item_id, status, notes, score in changes:
            item = loaded.checklist.find(item_id)
            assert item is not None
            edits.set_status(item, status, WHEN)
            edits.set_notes(item, clean_text(notes), WHEN)  # as the app and `set` do
            edits.set_score(item, score, WHEN)
        expected = {
            item.id: (item.status, item.notes, item.score, item.updated) for item in loaded.checklist.items()
        }
        save(loaded)
        again = load(commented).checklist
        assert {i.id: (i.status, i.notes, i.score, i.updated) for i in again.items()} == expected
    finally:
        commented.write_bytes(original)


def test_a_checklist_loaded_for_reading_is_never_saved(bundled: Path) -> None:
    """`show`, `validate` and the exports skip recording the file's baseline; a save of what
    they loaded (which would write the difference from nothing) is refused, not attempted."""
    from ita_tui.checklist_file import NOT_RECORDED

    before = bundled.read_bytes()
    loaded = load(bundled, for_saving=False)
    assert loaded.baseline is NOT_RECORDED
    edits.set_status(loaded.checklist.items()[0], Status.DONE, datetime(2026, 12, 1, tzinfo=UTC))
    with pytest.raises(ValueError, match="for reading only"):
        save(loaded)
    assert bundled.read_bytes() == before


@pytest.mark.parametrize("bom", [False, True])
def test_the_fingerprint_of_a_save_is_the_file_written(tmp_path: Path, bom: bool) -> None:
    """The bytes are hashed as they are written, piece by piece (never all held at once)."""
    import hashlib

    from ita_tui.saving import write_text

    path = tmp_path / "c.toml"
    text = "ก" * 3_000_000 + "\n"  # three pieces of a million characters, and a bit
    fingerprint = write_text(path, text, bom)
    data = path.read_bytes()
    assert data == (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    assert fingerprint == hashlib.sha256(data).hexdigest()

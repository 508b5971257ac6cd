"""ita_tui.merge: my unsaved edits and someone else's saved ones, field by field, three ways."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ita_tui import authoring
from ita_tui.checklist_file import LoadedChecklist, load
from ita_tui.edits import set_notes, set_score, set_status
from ita_tui.merge import Conflict, MergeResult, merge
from ita_tui.model import Checklist, Item, Status
from ita_tui.plan import MISSING
from ita_tui.saving import save
from ita_tui.templates import find


@pytest.fixture
def path(tmp_path: Path) -> Path:
    template = find("fy2566")
    assert template is not None
    target = tmp_path / "c.toml"
    target.write_bytes(template.read_bytes())
    return target


def their_edit(path: Path, change: Callable[[Checklist], object]) -> None:
    """Another person loads the file, makes *change* and saves."""
    theirs = load(path)
    change(theirs.checklist)
    save(theirs)


def item(checklist: Checklist, item_id: str) -> Item:
    found = checklist.find(item_id)
    assert found is not None
    return found


def ids(checklist: Checklist) -> list[list[str]]:
    return [[i.id for i in section.items] for section in checklist.sections]


def saved_merge(me: LoadedChecklist, path: Path, **choices: object) -> Checklist:
    """Merge *me* with the file, settle conflicts by *choices*, save, and read the file back."""
    result = merge(me, load(path))
    resolution = result.resolve(default=choices.get("default"))  # type: ignore[arg-type]
    save(resolution.merged)
    return load(path).checklist


# -- fields ----------------------------------------------------------------------------


def test_different_items_merge_cleanly(path: Path) -> None:
    me = load(path)
    set_status(item(me.checklist, "M1"), Status.DONE)
    their_edit(path, lambda c: set_status(item(c, "M2"), Status.IN_PROGRESS))
    result = merge(me, load(path))
    assert result.clean
    resolution = result.resolve()
    assert [m.render("en") for m in resolution.kept] == ["Status of M1"]
    assert [m.render("en") for m in resolution.theirs] == ["Status of M2"]
    save(resolution.merged)
    final = load(path).checklist
    assert item(final, "M1").status is Status.DONE
    assert item(final, "M2").status is Status.IN_PROGRESS


def test_disjoint_fields_of_one_item_merge(path: Path) -> None:
    """My note on M4; their title and score on M4: all three kept."""
    me = load(path)
    set_notes(item(me.checklist, "M4"), "ของฉัน")
    their_edit(path, lambda c: authoring.set_item_title(c, "M4", "ชื่อใหม่ของเขา"))
    their_edit(path, lambda c: set_score(item(c, "M4"), 50.0))
    result = merge(me, load(path))
    assert result.clean  # "updated" (stamped by each side) takes the later stamp
    final = saved_merge(me, path)
    m4 = item(final, "M4")
    assert (m4.notes, m4.score, m4.title) == ("ของฉัน", 50.0, "ชื่อใหม่ของเขา")


def test_use_mine_does_not_revert_their_status(path: Path) -> None:
    """Issue 21, point 4, as reported: the app changed M4's notes, `set` changed M4's status."""
    me = load(path)
    set_notes(item(me.checklist, "M4"), "บันทึกของฉัน")
    their_edit(path, lambda c: set_status(item(c, "M4"), Status.DONE))
    result = merge(me, load(path))
    assert result.clean
    final = saved_merge(me, path, default="mine")
    m4 = item(final, "M4")
    assert m4.status is Status.DONE and m4.notes == "บันทึกของฉัน"


def test_same_field_differently_is_a_conflict_with_both_values(path: Path) -> None:
    me = load(path)
    set_notes(item(me.checklist, "M1"), "ของฉัน")
    their_edit(path, lambda c: set_notes(item(c, "M1"), "ของเขา"))
    result = merge(me, load(path))
    notes = next(c for c in result.conflicts if c.field == "notes")
    assert (notes.where, notes.base, notes.mine, notes.theirs) == ("M1", "", "ของฉัน", "ของเขา")
    assert notes.kind == "field" and notes.description.render("en") == "Notes of M1"
    assert notes.description.render("th") == "หมายเหตุ ของ M1"
    with pytest.raises(ValueError):
        result.resolve()  # a conflict needs a choice
    theirs = result.resolve({c.key: "theirs" for c in result.conflicts})
    assert item(theirs.merged.checklist, "M1").notes == "ของเขา"
    assert "Notes of M1" in [m.render("en") for m in theirs.dropped]
    mine = result.resolve({notes.key: "mine"}, default="theirs")
    assert item(mine.merged.checklist, "M1").notes == "ของฉัน"
    assert "Notes of M1" in [m.render("en") for m in mine.overridden]


def test_choices_are_per_conflict(path: Path) -> None:
    me = load(path)
    set_notes(item(me.checklist, "M1"), "ของฉัน 1")
    set_notes(item(me.checklist, "M2"), "ของฉัน 2")
    their_edit(path, lambda c: (set_notes(item(c, "M1"), "ของเขา 1"), set_notes(item(c, "M2"), "ของเขา 2")))
    result = merge(me, load(path))
    keys = {c.where: c.key for c in result.conflicts if c.field == "notes"}
    merged = result.resolve({keys["M1"]: "mine", keys["M2"]: "theirs"}, default="theirs").merged.checklist
    assert item(merged, "M1").notes == "ของฉัน 1" and item(merged, "M2").notes == "ของเขา 2"


def test_the_same_edit_on_both_sides_is_not_a_conflict(path: Path) -> None:
    me = load(path)
    mine = item(me.checklist, "M1")
    set_status(mine, Status.DONE)
    their_edit(path, lambda c: set_status(item(c, "M1"), Status.DONE, when=mine.updated))
    assert merge(me, load(path)).clean


def test_nothing_of_mine_means_theirs_as_is(path: Path) -> None:
    me = load(path)
    their_edit(path, lambda c: set_status(item(c, "I8"), Status.DONE))
    resolution = merge(me, load(path)).resolve()
    assert resolution.kept == ()
    assert resolution.merged.changed_items() == []


def test_a_due_date_merges_as_any_field(path: Path) -> None:
    """Keys the model gained later (issue 13's due) need no merge code: field by field too."""
    from datetime import date

    from ita_tui.edits import set_due

    me = load(path)
    set_due(item(me.checklist, "M1"), date(2026, 12, 15))
    their_edit(path, lambda c: (set_notes(item(c, "M1"), "ของเขา"), set_due(item(c, "M2"), date(2027, 1, 5))))
    final = saved_merge(me, path)
    m1, m2 = item(final, "M1"), item(final, "M2")
    assert (m1.due, m1.notes, m2.due) == (date(2026, 12, 15), "ของเขา", date(2027, 1, 5))


def test_checklist_fields_merge_key_by_key(path: Path) -> None:
    me = load(path)
    authoring.set_checklist_field(me.checklist, "organization", "อบต.ตัวอย่าง")
    their_edit(path, lambda c: authoring.set_checklist_field(c, "fiscal_year", "2567"))
    final = saved_merge(me, path)
    assert (final.organization, final.fiscal_year) == ("อบต.ตัวอย่าง", 2567)


# -- renames and structure -------------------------------------------------------------------


def test_a_note_on_an_item_they_renamed_is_kept(path: Path) -> None:
    """Issue 21, point 3: my unsaved note on M5, which someone renamed to M50 on disk."""
    me = load(path)
    set_notes(item(me.checklist, "M5"), "ยังต้องทำ")
    their_edit(path, lambda c: authoring.rename_item(c, "M5", "M50"))
    result = merge(me, load(path))
    assert result.clean, [c.description.render("en") for c in result.conflicts]
    final = saved_merge(me, path)
    assert final.find("M5") is None
    assert item(final, "M50").notes == "ยังต้องทำ"


def test_an_item_they_removed_and_i_changed_is_a_conflict(path: Path) -> None:
    me = load(path)
    set_notes(item(me.checklist, "M6"), "ยังต้องทำ")
    their_edit(path, lambda c: authoring.remove_item(c, "M6"))
    result = merge(me, load(path))
    [conflict] = result.conflicts
    assert conflict.kind == "removed_by_them" and conflict.where == "M6" and conflict.theirs is MISSING
    assert conflict.shown("theirs", "en") == "(removed)"
    assert result.resolve(default="theirs").merged.checklist.find("M6") is None
    dropped = result.resolve(default="theirs").dropped
    assert [m.render("en") for m in dropped] == ["M6: you changed it, they removed it"]
    kept = result.resolve(default="mine").merged.checklist
    assert ids(kept)[0][-1] == "M6" and item(kept, "M6").notes == "ยังต้องทำ"


def test_an_untouched_item_they_removed_goes(path: Path) -> None:
    me = load(path)
    set_notes(item(me.checklist, "M1"), "x")
    their_edit(path, lambda c: authoring.remove_item(c, "M6"))
    final = saved_merge(me, path)
    assert final.find("M6") is None and item(final, "M1").notes == "x"


def test_an_item_i_removed_and_they_changed_is_a_conflict(path: Path) -> None:
    me = load(path)
    authoring.remove_item(me.checklist, "M3")
    their_edit(path, lambda c: set_notes(item(c, "M3"), "ของเขา"))
    result = merge(me, load(path))
    [conflict] = result.conflicts
    assert conflict.kind == "removed_by_me" and conflict.mine is MISSING
    assert item(result.resolve(default="theirs").merged.checklist, "M3").notes == "ของเขา"
    assert result.resolve(default="mine").merged.checklist.find("M3") is None


def test_additions_on_both_sides_are_kept_in_place(path: Path) -> None:
    me = load(path)
    authoring.add_item(me.checklist, "measures", "ของฉัน", item_id="M7", after="M2")
    their_edit(path, lambda c: authoring.add_item(c, "measures", "ของเขา", item_id="M8"))
    final = saved_merge(me, path)
    assert ids(final)[0] == ["M1", "M2", "M7", "M3", "M4", "M5", "M6", "M8"]


def test_both_adding_one_id_is_a_conflict(path: Path) -> None:
    me = load(path)
    authoring.add_item(me.checklist, "measures", "ของฉัน", item_id="M7")
    their_edit(path, lambda c: authoring.add_item(c, "measures", "ของเขา", item_id="M7"))
    result = merge(me, load(path))
    [conflict] = result.conflicts
    assert conflict.kind == "same_id" and conflict.where == "M7"
    assert (conflict.shown("mine", "en"), conflict.shown("theirs", "en")) == ("ของฉัน", "ของเขา")
    assert item(result.resolve(default="mine").merged.checklist, "M7").title == "ของฉัน"
    assert item(result.resolve(default="theirs").merged.checklist, "M7").title == "ของเขา"


def test_both_adding_the_same_item_keeps_one(path: Path) -> None:
    me = load(path)
    authoring.add_item(me.checklist, "measures", "เหมือนกัน", item_id="M7")
    their_edit(path, lambda c: authoring.add_item(c, "measures", "เหมือนกัน", item_id="M7"))
    result = merge(me, load(path))
    assert result.clean
    assert [i.id for i in result.resolve().merged.checklist.items()].count("M7") == 1


def test_moves_on_either_side_are_kept(path: Path) -> None:
    me = load(path)
    authoring.move_item(me.checklist, "M3", before="M1")
    their_edit(path, lambda c: authoring.move_item(c, "M6", to_section="oit"))
    final = saved_merge(me, path)
    assert ids(final)[0] == ["M3", "M1", "M2", "M4", "M5"]
    assert ids(final)[3] == ["I9", "I10", "M6"]


def _moved_by_both(path: Path, mine: dict[str, str], theirs: dict[str, str]) -> tuple[MergeResult, Conflict]:
    """M3 moved by me and by them, differently: the merge and its one conflict, of position."""
    me = load(path)
    authoring.move_item(me.checklist, "M3", **mine)  # type: ignore[arg-type]
    their_edit(path, lambda c: authoring.move_item(c, "M3", **theirs))  # type: ignore[arg-type]
    result = merge(me, load(path))
    [conflict] = result.conflicts
    assert conflict.kind == "position"
    return result, conflict


def test_moved_by_both_to_different_places_is_a_conflict(path: Path) -> None:
    result, conflict = _moved_by_both(path, {"before": "M1"}, {"after": "M6"})
    assert conflict.shown("mine", "en") == "first in measures"
    assert conflict.shown("theirs", "en") == "in measures after M6"
    assert ids(result.resolve(default="mine").merged.checklist)[0][0] == "M3"
    assert ids(result.resolve(default="theirs").merged.checklist)[0][-1] == "M3"


def test_a_section_they_removed_with_my_edits_inside(path: Path) -> None:
    me = load(path)
    set_notes(item(me.checklist, "M2"), "ของฉัน")
    their_edit(path, lambda c: authoring.remove_section(c, "measures"))
    result = merge(me, load(path))
    [conflict] = result.conflicts
    assert conflict.kind == "removed_by_them" and conflict.key.startswith("section:")
    kept = result.resolve(default="mine").merged.checklist
    assert ids(kept)[0] == ["M1", "M2", "M3", "M4", "M5", "M6"] and item(kept, "M2").notes == "ของฉัน"
    assert result.resolve(default="theirs").merged.checklist.find("M2") is None


def test_a_section_title_changed_differently_on_both_sides_is_a_conflict(path: Path) -> None:
    me = load(path)
    authoring.set_section_title(me.checklist, "oit", "ชื่อหมวดของฉัน")
    their_edit(path, lambda c: authoring.set_section_title(c, "oit", "ชื่อหมวดของเขา"))
    result = merge(me, load(path))
    [conflict] = result.conflicts
    assert conflict.key.startswith("section:") and conflict.field == "title"
    assert (conflict.mine, conflict.theirs) == ("ชื่อหมวดของฉัน", "ชื่อหมวดของเขา")
    assert result.resolve(default="mine").merged.checklist.sections[3].title == "ชื่อหมวดของฉัน"


def test_an_item_i_moved_to_another_section_and_they_removed_is_a_conflict(path: Path) -> None:
    """Moving is an edit: their removal must not drop it silently."""
    me = load(path)
    authoring.move_item(me.checklist, "M3", to_section="oit")
    their_edit(path, lambda c: authoring.remove_item(c, "M3"))
    result = merge(me, load(path))
    [conflict] = result.conflicts
    assert conflict.kind == "removed_by_them" and conflict.where == "M3"
    assert ids(result.resolve(default="mine").merged.checklist)[3] == ["I9", "I10", "M3"]


def test_moved_by_both_to_different_sections_goes_where_the_choice_says(path: Path) -> None:
    result, _conflict = _moved_by_both(path, {"to_section": "oit"}, {"to_section": "eit"})
    assert ids(result.resolve(default="mine").merged.checklist)[3] == ["I9", "I10", "M3"]
    assert ids(result.resolve(default="theirs").merged.checklist)[2] == ["I6", "I7", "I8", "M3"]


def test_an_item_they_replaced_with_an_unrelated_one_is_no_rename(path: Path) -> None:
    """My note on M5 must not land on the new item they put in its place."""
    me = load(path)
    set_notes(item(me.checklist, "M5"), "ของฉัน")

    def replace(c: Checklist) -> None:
        authoring.remove_item(c, "M5")
        authoring.add_item(c, "measures", "งานใหม่ที่ไม่เกี่ยวกัน", item_id="N1", after="M4")

    their_edit(path, replace)
    result = merge(me, load(path))
    [conflict] = result.conflicts
    assert conflict.kind == "removed_by_them" and conflict.where == "M5"
    merged = result.resolve(default="theirs").merged.checklist
    assert ids(merged)[0] == ["M1", "M2", "M3", "M4", "N1", "M6"] and item(merged, "N1").notes == ""


def test_two_of_their_items_like_one_of_mine_are_both_kept(path: Path) -> None:
    """They renamed M5 and added a copy of it: one base item cannot be renamed into both."""
    me = load(path)
    set_notes(item(me.checklist, "M1"), "ของฉัน")

    def rename_and_copy(c: Checklist) -> None:
        m5 = item(c, "M5")
        authoring.rename_item(c, "M5", "M5a")
        authoring.add_item(c, "measures", m5.title, item_id="M5b", after="M5a", fields=dict(m5.fields))

    their_edit(path, rename_and_copy)
    merged = merge(me, load(path)).resolve().merged.checklist
    assert ids(merged)[0] == ["M1", "M2", "M3", "M4", "M5a", "M5b", "M6"]
    assert item(merged, "M1").notes == "ของฉัน"


def test_my_version_text_is_the_file_with_my_edits(path: Path) -> None:
    me = load(path)
    set_notes(item(me.checklist, "M1"), "ของฉัน")
    their_edit(path, lambda c: set_notes(item(c, "M1"), "ของเขา"))
    text = merge(me, load(path)).my_version_text()
    copy = path.with_name("mine.toml")
    copy.write_text(text, "utf-8")
    assert item(load(copy).checklist, "M1").notes == "ของฉัน"


def test_my_version_after_a_child_process_save_is_written_whole(path: Path) -> None:
    """Saved by a child process, the app holds no text: my version is written from the checklist."""
    from dataclasses import replace

    from ita_tui.merge import version_text
    from ita_tui.record import snapshot

    me = load(path)
    set_notes(item(me.checklist, "M1"), "ของฉัน")
    authoring.add_item(me.checklist, "measures", "ใหม่")
    text = version_text(replace(me, text="", text_on_disk=True), me.checklist)
    copy = path.with_name("whole.toml")
    copy.write_text(text, "utf-8")
    assert snapshot(load(copy).checklist).document() == snapshot(me.checklist).document()


# -- any edits on both sides: nothing of either side is lost but what a conflict settled ------------

MINE = st.lists(
    st.tuples(st.sampled_from(["notes", "status", "field", "title"]), st.integers(0, 15)), max_size=5
)
THEIRS = st.lists(
    st.tuples(
        st.sampled_from(["notes", "score", "field", "add", "remove", "move", "rename"]), st.integers(0, 15)
    ),
    max_size=5,
)


def _mine(checklist: Checklist, kind: str, n: int) -> None:
    target = checklist.items()[n % len(checklist.items())]
    if kind == "notes":
        set_notes(target, f"ของฉัน {n}")
    elif kind == "status":
        set_status(target, Status.DONE)
    elif kind == "field":
        authoring.set_field(checklist, target.id, "mine", f"m{n}")
    else:
        authoring.set_item_title(checklist, target.id, f"ชื่อของฉัน {n}")


def _theirs(checklist: Checklist, kind: str, n: int) -> None:
    items = checklist.items()
    target = items[n % len(items)]
    try:
        if kind == "notes":
            set_notes(target, f"ของเขา {n}")
        elif kind == "score":
            set_score(target, float(n))
        elif kind == "field":
            authoring.set_field(checklist, target.id, "theirs", f"t{n}")
        elif kind == "add":
            authoring.add_item(checklist, checklist.sections[n % 4].id, f"ของเขาใหม่ {n}", item_id=f"T{n}")
        elif kind == "remove":
            authoring.remove_item(checklist, target.id, allow_unscorable=True)
        elif kind == "move":
            authoring.move_item(checklist, target.id, after=items[(n * 7 + 3) % len(items)].id)
        else:
            authoring.rename_item(checklist, target.id, f"{target.id}x")
    except authoring.AuthoringError:
        pass


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mine=MINE, theirs=THEIRS, side=st.sampled_from(["mine", "theirs"]))
def test_any_edits_on_both_sides_keep_everything_not_in_conflict(
    path: Path, mine: list[tuple[str, int]], theirs: list[tuple[str, int]], side: str
) -> None:
    from ita_tui.record import snapshot

    path.write_bytes(find("fy2566").read_bytes())  # type: ignore[union-attr]
    me = load(path)
    for edit in mine:
        _mine(me.checklist, *edit)
    other = load(path)
    for edit in theirs:
        _theirs(other.checklist, *edit)
    save(other)
    result = merge(me, load(path))
    resolution = result.resolve(default=side)  # type: ignore[arg-type]
    save(resolution.merged)
    merged = snapshot(load(path).checklist)
    base, my, their = me.baseline, snapshot(me.checklist), snapshot(other.checklist)
    settled = {c.key.split(":")[1] for c in result.conflicts if c.key.startswith("item:")}
    by_id = {data["id"]: data for data in merged.items.values()}
    for uid, before in base.items.items():
        mine_data = my.items[uid]
        theirs_data = next(
            (
                d
                for d in their.items.values()
                if d.get("title") == before["title"] and d["id"].rstrip("x") == before["id"]
            ),
            None,
        )
        if str(uid) in settled or theirs_data is None:
            continue
        now = by_id[theirs_data["id"]]
        for key in set(mine_data) | set(before):
            if (
                key != "updated"
                and mine_data.get(key) != before.get(key)
                and theirs_data.get(key) == before.get(key)
            ):
                assert now.get(key) == mine_data.get(key), (key, before["id"])
        for key in set(theirs_data) | set(before):
            if (
                key != "updated"
                and theirs_data.get(key) != before.get(key)
                and mine_data.get(key) == before.get(key)
            ):
                assert now.get(key) == theirs_data.get(key), (key, before["id"])
    for data in their.items.values():  # their new items are there
        if data["id"].startswith("T"):
            assert data["id"] in by_id

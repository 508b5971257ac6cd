"""Structural saves: only what changed changes, blocks travel with their comments, in the file's style.

Golden files (tests/golden/authoring/*.diff) hold the unified diff a save makes,
so a change of what a save writes shows as a change of lines a person can read.
Run with ``UPDATE_GOLDEN=1`` to rewrite them (then read the diff).
"""

from __future__ import annotations

import difflib
import os
import shutil
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ita_tui import authoring
from ita_tui.checklist_file import load
from ita_tui.file_edit import apply_plan
from ita_tui.model import Checklist
from ita_tui.plan import MISSING, ItemPlan, Plan, SectionPlan
from ita_tui.record import snapshot
from ita_tui.saving import render_text, render_text_with_tomlkit, save

GOLDEN = Path(__file__).parent / "golden" / "authoring"
DATA = Path(__file__).parent / "data"
BUNDLED = Path(__file__).resolve().parents[1] / "ita_tui" / "checklists"


def diff(before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), "before", "after", n=1
    )
    return "".join(lines)


def check_golden(name: str, before: str, after: str) -> None:
    path = GOLDEN / f"{name}.diff"
    made = diff(before, after)
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(made, "utf-8")
    assert made == path.read_text("utf-8")


def copy(tmp_path: Path, source: Path, name: str | None = None) -> Path:
    return Path(shutil.copy(source, tmp_path / (name or source.name)))


def saved(path: Path, change: object) -> tuple[str, str, Checklist]:
    """Load *path*, apply *change* to its checklist, save; (text before, text after, model saved)."""
    before = path.read_bytes().decode("utf-8-sig")
    loaded = load(path)
    change(loaded.checklist)  # type: ignore[operator]
    edited = loaded.checklist
    save(loaded)
    after = path.read_bytes().decode("utf-8-sig")
    # What was saved reads back as what was edited.
    assert snapshot(load(path).checklist).document() == snapshot(edited).document()
    return before, after, edited


def test_the_done_when_scenario_on_the_new_year_template(tmp_path: Path) -> None:
    """Issue 12's "done when": organization, year, three measures, the placeholder gone, the third on top."""
    path = copy(tmp_path, BUNDLED / "new-year.toml", "fy2570.toml")

    def author(checklist: Checklist) -> None:
        authoring.set_checklist_field(checklist, "organization", "องค์การบริหารส่วนตำบลตัวอย่าง")
        authoring.set_checklist_field(checklist, "fiscal_year", "๒๕๗๐")
        for number, (office, period) in enumerate(
            [("สำนักปลัด", "ต.ค. 2569 - ก.ย. 2570"), ("กองคลัง", "ไตรมาส 1"), ("กองช่าง", "ไตรมาส 2")], 2
        ):
            edit = authoring.add_item(checklist, "measures", f"มาตรการที่ {number - 1}")
            item_id = checklist.sections[0].items[-1].id
            assert edit is not None and item_id == f"M{number}"
            authoring.set_field(checklist, item_id, "responsible", office)
            authoring.set_field(checklist, item_id, "period", period)
        authoring.remove_item(checklist, "M1")
        authoring.move_item(checklist, "M4", before="M2")

    before, after, _ = saved(path, author)
    check_golden("new-year-done-when", before, after)
    data = tomllib.loads(after)
    assert [i["id"] for i in data["sections"][0]["items"]] == ["M4", "M2", "M3"]
    assert data["checklist"]["fiscal_year"] == 2570


def test_comments_hanging_under_an_item_leave_with_it(tmp_path: Path) -> None:
    """The template's `# actions = [...]` hints under M1 are M1's: they go when M1 goes."""
    path = copy(tmp_path, BUNDLED / "new-year.toml")
    before, after, _ = saved(path, lambda c: authoring.remove_item(c, "M1"))
    assert "# actions" in before and "# actions" not in after and "# responsible" not in after
    removed = [
        line for line in diff(before, after).splitlines() if line.startswith("-") and line != "--- before"
    ]
    assert len(removed) == 8  # the blank line, header, four keys and the two hints
    assert not [
        line for line in diff(before, after).splitlines() if line.startswith("+") and line != "+++ after"
    ]


def test_a_comment_touching_the_next_header_stays_with_that_header(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        'format = 1\n[checklist]\ntitle = "t"\n[[sections]]\nid = "s"\ntitle = "S"\n'
        '[[sections.items]]\nid = "M1"\ntitle = "a"\n# about the next section\n'
        '[[sections]]\nid = "t"\ntitle = "T"\n[[sections.items]]\nid = "M2"\ntitle = "b"\n',
        "utf-8",
    )
    _before, after, _ = saved(path, lambda c: authoring.remove_item(c, "M1"))
    assert after.index("# about the next section") < after.index('id = "t"')


def test_structural_edits_on_the_bundled_checklist(tmp_path: Path) -> None:
    path = copy(tmp_path, BUNDLED / "fy2566.toml")

    def author(checklist: Checklist) -> None:
        authoring.add_item(checklist, "measures", "มาตรการใหม่", fields={"responsible": ["กองคลัง"]})
        authoring.remove_item(checklist, "M2")
        authoring.move_item(checklist, "M5", before="M1")
        authoring.move_item(checklist, "I6", to_section="oit")  # with the comments inside it
        authoring.set_field(checklist, "I1", "responsible", ["ทุกส่วนราชการ", "กองคลัง"])
        authoring.add_section(checklist, "หมวดใหม่", section_id="extra", after="measures")
        authoring.set_section_title(checklist, "iit", "IIT ใหม่")

    before, after, _ = saved(path, author)
    check_golden("fy2566-structure", before, after)


def test_comments_belong_to_the_block_below_them(tmp_path: Path) -> None:
    path = copy(tmp_path, DATA / "commented.toml")
    before, after, _ = saved(path, lambda c: authoring.move_item(c, "M2", to_section="iit"))
    check_golden("commented-move", before, after)
    assert after.index("# comment about M2") > after.index('id = "I3"')
    before, after, _ = saved(path, lambda c: authoring.remove_item(c, "M2"))
    assert "comment about M2" not in after and "extra_number" not in after
    assert after.count("\n") == before.count("\n") - 10  # its blank line, comment, header, keys


def test_a_removed_section_takes_its_comments_and_items(tmp_path: Path) -> None:
    path = copy(tmp_path, DATA / "commented.toml")
    before, after, _ = saved(path, lambda c: authoring.remove_section(c, "measures"))
    check_golden("commented-remove-section", before, after)
    assert "---- measures ----" not in after and "M1" not in after


def test_undo_of_a_removal_before_saving_writes_nothing(tmp_path: Path) -> None:
    path = copy(tmp_path, DATA / "commented.toml")
    before = path.read_bytes()
    loaded = load(path)
    edit = authoring.remove_item(loaded.checklist, "M2")
    edit.revert(loaded.checklist)
    save(loaded)
    assert path.read_bytes() == before


def test_new_blocks_follow_the_files_style(tmp_path: Path) -> None:
    """Indented keys, literal strings, one-line lists, no blank lines: a new item writes the same way."""
    path = tmp_path / "styled.toml"
    path.write_text(
        "format = 1\n[checklist]\ntitle = 'x'\n"
        "[[sections]]\n  id = 'a'\n  title = 'A'\n"
        "[[sections.items]]\n  id = 'A1'\n  title = 'หนึ่ง'\n  status = 'done'\n  owner = ['x', 'y']\n",
        "utf-8",
    )
    before, after, _ = saved(
        path, lambda c: authoring.add_item(c, "a", "สอง", fields={"owner": ["ก", "ข"], "period": "Q1"})
    )
    assert (
        after == before + "[[sections.items]]\n  id = 'A2'\n  title = 'สอง'\n  status = 'not-started'\n"
        "  owner = ['ก', 'ข']\n  period = 'Q1'\n"
    )


@pytest.mark.parametrize("bom", [False, True])
def test_crlf_and_bom_files_stay_so(tmp_path: Path, bom: bool) -> None:
    text = (DATA / "commented.toml").read_text("utf-8").replace("\n", "\r\n")
    path = tmp_path / "crlf.toml"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))

    def author(checklist: Checklist) -> None:
        authoring.add_item(checklist, "measures", "ใหม่", fields={"owner": ["ก", "ข"]})
        authoring.move_item(checklist, "I3", before="I1")
        authoring.set_checklist_field(checklist, "description", "หนึ่ง\nสอง")
        authoring.remove_item(checklist, "M1")

    saved(path, author)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") == bom
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_a_new_labels_table_and_a_section_of_its_own_labels(tmp_path: Path) -> None:
    path = copy(tmp_path, BUNDLED / "new-year.toml")

    def author(checklist: Checklist) -> None:
        checklist.labels = {}  # [checklist.labels] emptied: its keys go, the header stays
        checklist.sections[1].labels = {"approach": "แนวทาง"}  # a new [sections.labels]

    before, after, _ = saved(path, author)
    check_golden("labels", before, after)


def test_an_empty_section_then_items(tmp_path: Path) -> None:
    path = copy(tmp_path, BUNDLED / "new-year.toml")
    saved(path, lambda c: authoring.add_section(c, "ว่าง", section_id="empty"))
    assert load(path).checklist.sections[-1].items == []  # no items key: an empty section
    text = path.read_text("utf-8").replace('id = "empty"\n', 'id = "empty"\nitems = []\n')
    path.write_text(text, "utf-8")
    _, after, _ = saved(path, lambda c: authoring.add_item(c, "empty", "ใหม่"))
    assert "items = []" not in after


def test_inline_table_layouts_go_through_tomlkit(tmp_path: Path) -> None:
    path = tmp_path / "inline.toml"
    path.write_text(
        'format = 1\n[checklist]\ntitle = "t"\n# keep me\n[[sections]]\nid = "s"\ntitle = "S"\n'
        'items = [{ id = "a", title = "A" }, { id = "b", title = "B", status = "done" }]\n',
        "utf-8",
    )

    def author(checklist: Checklist) -> None:
        authoring.add_item(checklist, "s", "C", item_id="c")
        authoring.move_item(checklist, "b", before="a")

    _, after, _ = saved(path, author)
    assert "# keep me" in after
    assert [i["id"] for i in tomllib.loads(after)["sections"][0]["items"]] == ["b", "a", "c"]


def test_tables_of_tables_under_an_item(tmp_path: Path) -> None:
    """A key holding a list of tables (issue 19's evidence) is written as [[sections.items.KEY]] blocks."""
    path = tmp_path / "e.toml"
    path.write_text(
        'format = 1\n[checklist]\ntitle = "t"\n\n[[sections]]\nid = "s"\ntitle = "S"\n\n'
        '[[sections.items]]\nid = "a"\ntitle = "A"\n\n'
        '[[sections.items.evidence]]\nurl = "https://a.example"\nlabel = "one"\n\n'
        '[[sections.items.evidence]]\nurl = "https://b.example"\n\n'
        '[[sections.items]]\nid = "b"\ntitle = "B"\n',
        "utf-8",
    )
    text = path.read_text("utf-8")
    one = {"url": "https://a.example", "label": "one"}
    two = {"url": "https://b.example"}
    three = {"path": "docs/x.pdf", "label": "สาม"}

    def item_plan(old: list[dict[str, str]], new: list[dict[str, str]]) -> Plan:
        items = (ItemPlan((0, 0), {"evidence": (old, new)}), ItemPlan((0, 1), {}))
        return Plan({}, (SectionPlan(0, {}, items),), False)

    edited = apply_plan(text, item_plan([one, two], [one | {"label": "ONE"}, two, three]), "\n")
    data = tomllib.loads(edited)["sections"][0]["items"]
    assert data[0]["evidence"] == [one | {"label": "ONE"}, two, three] and data[1]["id"] == "b"
    added = [line for line in diff(text, edited).splitlines() if line.startswith("+") and line != "+++ after"]
    assert len(added) == 5  # the label, then a blank line, a header and two keys
    removed = apply_plan(text, item_plan([one, two], [one]), "\n")
    assert tomllib.loads(removed)["sections"][0]["items"][0]["evidence"] == [one]
    assert removed == text.replace('[[sections.items.evidence]]\nurl = "https://b.example"\n\n', "")
    gone = apply_plan(text, item_plan([one, two], MISSING), "\n")  # type: ignore[arg-type]
    assert "evidence" not in tomllib.loads(gone)["sections"][0]["items"][0]


# -- any sequence of edits: saved as edited, only the touched blocks change ---------------------

EDITS = st.lists(
    st.tuples(
        st.sampled_from(["add", "remove", "move", "up", "down", "field", "drop_field", "title", "section"]),
        st.integers(0, 50),
        st.integers(0, 50),
    ),
    min_size=1,
    max_size=6,
)


def _apply(checklist: Checklist, kind: str, a: int, b: int) -> None:
    items = checklist.items()
    item = items[a % len(items)] if items else None
    other = items[b % len(items)] if items else None
    section = checklist.sections[b % len(checklist.sections)]
    try:
        if kind == "add":
            authoring.add_item(checklist, section.id, f"ใหม่ {a}", fields={"owner": [f"ก{b}"]})
        elif kind == "section":
            authoring.add_section(checklist, f"หมวด {a}", after=section.id)
        elif item is None:
            return
        elif kind == "remove":
            authoring.remove_item(checklist, item.id, allow_unscorable=True)
        elif kind == "move" and other is not None:
            authoring.move_item(checklist, item.id, after=other.id)
        elif kind in ("up", "down"):
            authoring.move_item_by(checklist, item.id, -1 if kind == "up" else 1)
        elif kind == "field":
            authoring.set_field(checklist, item.id, "owner", [f"x{b}", "y"])
        elif kind == "drop_field" and item.fields:
            authoring.remove_field(checklist, item.id, next(iter(item.fields)))
        elif kind == "title":
            authoring.set_item_title(checklist, item.id, f"ชื่อ {b}")
    except authoring.AuthoringError:
        pass


def _item_blocks(text: str) -> dict[tuple[int, int], str]:
    """The text of each item's block, by (section index, item index)."""
    from ita_tui.file_edit import _blocks, _content_ends
    from ita_tui.toml_spans import scan

    document = scan(text)
    return {
        (block.owner[1], block.owner[2]): text[block.start : block.end]
        for block in _blocks(text, document, _content_ends(document))
        if block.owner[0] == "item"
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=EDITS, source=st.sampled_from(["commented.toml", "fy2566.toml", "new-year.toml"]))
def test_any_edits_save_as_edited_and_touch_only_their_blocks(
    tmp_path: Path, edits: list[tuple[str, int, int]], source: str
) -> None:
    path = copy(tmp_path, DATA / source if source == "commented.toml" else BUNDLED / source, "x.toml")
    loaded = load(path)
    for edit in edits:
        _apply(loaded.checklist, *edit)
    text = render_text(loaded, loaded.checklist)
    assert tomllib.loads(text) == tomllib.loads(render_text_with_tomlkit(loaded, loaded.checklist))
    path.write_text(text, "utf-8")
    assert snapshot(load(path).checklist).document() == snapshot(loaded.checklist).document()
    # The block of every item left alone (same data, same section) is in the new text, byte for byte.
    blocks = _item_blocks(loaded.text)
    current = snapshot(loaded.checklist)
    for uid, (s, i) in loaded.baseline.positions().items():
        same_section = any(
            uid in r.items for r in current.sections if r.uid == loaded.baseline.sections[s].uid
        )
        if current.items.get(uid) == loaded.baseline.items[uid] and same_section:
            assert blocks[(s, i)].strip("\n") in text


def test_a_plan_that_moves_nothing_names_only_the_items_that_change(tmp_path: Path) -> None:
    """A status change is a plan of one item (quick to make and to send to the save worker);
    once an item moves, every item is named in its new order, so the file can be laid out."""
    from ita_tui.plan import plan

    loaded = load(copy(tmp_path, BUNDLED / "fy2566.toml"))
    checklist = loaded.checklist
    first, last = checklist.items()[0], checklist.items()[-1]
    before = loaded.baseline.items[last.uid].get("notes", MISSING)
    last.notes = "บันทึกใหม่"
    quiet = plan(loaded.baseline, snapshot(checklist))
    named = [(item.source, item.changes) for section in quiet.sections for item in section.items]
    position = loaded.baseline.positions()[last.uid]
    assert not quiet.moved
    assert named == [(position, {"notes": (before, "บันทึกใหม่")})]
    assert quiet.edited() == named

    authoring.move_item_by(checklist, first.id, 1)
    moved = plan(loaded.baseline, snapshot(checklist))
    assert moved.moved
    assert sum(len(section.items) for section in moved.sections) == len(checklist.items())

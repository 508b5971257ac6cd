"""ita_tui.authoring: every edit, its undo and redo, and every refused input."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from ita_tui import authoring
from ita_tui.authoring import AuthoringError
from ita_tui.checklist_file import load
from ita_tui.edits import set_status
from ita_tui.model import Checklist, Status
from ita_tui.undoable import Edit


@pytest.fixture
def checklist(bundled: Path) -> Checklist:
    return load(bundled).checklist


def ids(checklist: Checklist) -> list[list[str]]:
    return [[item.id for item in section.items] for section in checklist.sections]


def round_trip(checklist: Checklist, edit: Edit | None, before: Checklist) -> None:
    """Undo gives back exactly *before*; redo gives back the edited checklist."""
    assert edit is not None
    after = copy.deepcopy(checklist)
    edit.revert(checklist)
    assert checklist == before
    edit.apply(checklist)
    assert checklist == after


def refused(key: str, call: object, checklist: Checklist) -> None:
    before = copy.deepcopy(checklist)
    with pytest.raises(AuthoringError) as caught:
        call()  # type: ignore[operator]
    assert caught.value.message.key == key
    assert checklist == before  # nothing changed


# -- items ---------------------------------------------------------------------------


def test_suggest_item_id_is_the_next_m_number_unique_in_the_file(checklist: Checklist) -> None:
    assert authoring.suggest_item_id(checklist, "measures") == "M7"
    checklist.sections[1].items[0].id = "M7"  # taken elsewhere in the file
    assert authoring.suggest_item_id(checklist, "measures") == "M8"


def test_suggest_item_id_follows_the_sections_prefix(checklist: Checklist) -> None:
    assert authoring.suggest_item_id(checklist, "oit") == "I11"
    authoring.add_section(checklist, "ว่าง", section_id="empty")
    assert authoring.suggest_item_id(checklist, "empty") == "M7"


def test_add_item_at_the_end_and_after_another(checklist: Checklist) -> None:
    before = copy.deepcopy(checklist)
    edit = authoring.add_item(checklist, "measures", "  มาตรการใหม่  ")
    assert ids(checklist)[0][-1] == "M7"
    item = checklist.find("M7")
    assert item is not None and item.title == "มาตรการใหม่" and item.status is Status.NOT_STARTED
    assert edit.target == item.uid and edit.structural
    assert edit.description.render("th") == "เพิ่มรายการ M7"
    round_trip(checklist, edit, before)
    edit = authoring.add_item(
        checklist,
        "ignored",
        "หลัง M1",
        item_id="X1",
        after="M1",
        fields={"responsible": ["กองคลัง", " ", "สำนักปลัด "]},
    )
    assert ids(checklist)[0][:3] == ["M1", "X1", "M2"]
    added = checklist.find("X1")
    assert added is not None and added.fields == {"responsible": ["กองคลัง", "สำนักปลัด"]}


@pytest.mark.parametrize(
    ("item_id", "key"),
    [
        ("M1", "author.item_id_taken"),
        ("m1", "author.item_id_taken"),
        ("I10", "author.item_id_taken"),
        ("", "author.id_empty"),
        ("  ", "author.id_empty"),
        ("M 7", "author.id_malformed"),
        ("M.7", "author.id_malformed"),
        ('M"7', "author.id_malformed"),
        ("M\x1b7", "author.id_malformed"),
    ],
)
def test_add_item_refuses_bad_ids(checklist: Checklist, item_id: str, key: str) -> None:
    refused(key, lambda: authoring.add_item(checklist, "measures", "x", item_id=item_id), checklist)


@pytest.mark.parametrize(
    ("title", "key"),
    [("", "author.title_empty"), ("   ", "author.title_empty"), ("two\nlines", "author.title_one_line")],
)
def test_add_item_refuses_bad_titles(checklist: Checklist, title: str, key: str) -> None:
    refused(key, lambda: authoring.add_item(checklist, "measures", title), checklist)


def test_add_item_to_an_unknown_section_or_after_an_unknown_item(checklist: Checklist) -> None:
    refused("author.no_section", lambda: authoring.add_item(checklist, "nope", "x"), checklist)
    refused("author.no_item", lambda: authoring.add_item(checklist, "measures", "x", after="Z9"), checklist)


def test_thai_ids_are_allowed(checklist: Checklist) -> None:
    authoring.add_item(checklist, "measures", "x", item_id="มาตรการ๗")
    assert checklist.find("มาตรการ๗") is not None


def test_remove_item_and_undo_puts_it_back_whole_in_place(checklist: Checklist) -> None:
    before = copy.deepcopy(checklist)
    edit = authoring.remove_item(checklist, "M3")
    assert ids(checklist)[0] == ["M1", "M2", "M4", "M5", "M6"]
    assert edit.description.render("en") == "removed item M3"
    round_trip(checklist, edit, before)
    assert ids(checklist)[0] == ["M1", "M2", "M4", "M5", "M6"]


def test_removing_the_last_indicator_of_a_group_is_refused(checklist: Checklist) -> None:
    authoring.remove_item(checklist, "I9")  # I10 is still there: OIT can be scored... as incomplete
    refused("author.last_indicator", lambda: authoring.remove_item(checklist, "I10"), checklist)
    with pytest.raises(AuthoringError) as caught:
        authoring.remove_item(checklist, "I10")
    message = caught.value.message
    assert "OIT" in message.render("en") and "คำนวณคะแนน ITA ไม่ได้" in message.render("th")
    authoring.remove_item(checklist, "I10", allow_unscorable=True)
    assert checklist.find("I10") is None


def test_removing_a_section_with_the_last_indicators_is_refused(checklist: Checklist) -> None:
    refused("author.last_indicator_section", lambda: authoring.remove_section(checklist, "eit"), checklist)
    before = copy.deepcopy(checklist)
    edit = authoring.remove_section(checklist, "eit", allow_unscorable=True)
    assert [s.id for s in checklist.sections] == ["measures", "iit", "oit"]
    round_trip(checklist, edit, before)


def test_removing_a_measures_section_needs_no_force(checklist: Checklist) -> None:
    before = copy.deepcopy(checklist)
    edit = authoring.remove_section(checklist, "measures")
    assert checklist.find("M1") is None
    round_trip(checklist, edit, before)


def test_move_item_before_after_and_to_another_section(checklist: Checklist) -> None:
    before = copy.deepcopy(checklist)
    edit = authoring.move_item(checklist, "M3", before="M1")
    assert ids(checklist)[0] == ["M3", "M1", "M2", "M4", "M5", "M6"]
    round_trip(checklist, edit, before)
    edit.revert(checklist)
    edit = authoring.move_item(checklist, "M1", after="M3")
    assert ids(checklist)[0] == ["M2", "M3", "M1", "M4", "M5", "M6"]
    edit.revert(checklist)
    edit = authoring.move_item(checklist, "M6", to_section="oit")
    assert ids(checklist)[3] == ["I9", "I10", "M6"]
    round_trip(checklist, edit, before)
    assert authoring.move_item(checklist, "M6", to_section="oit") is None  # already at the end
    assert authoring.move_item(checklist, "M1", before="M1") is None
    assert authoring.move_item(checklist, "M1", before="M2") is None  # already before M2


def test_move_item_by_steps_across_section_edges(checklist: Checklist) -> None:
    assert authoring.move_item_by(checklist, "M1", -1) is None  # the very first item
    authoring.move_item_by(checklist, "M2", -1)
    assert ids(checklist)[0][:2] == ["M2", "M1"]
    authoring.move_item_by(checklist, "M6", 1)
    assert ids(checklist)[1][0] == "M6"
    authoring.move_item_by(checklist, "M6", -1)
    assert ids(checklist)[0][-1] == "M6"
    assert authoring.move_item_by(checklist, "I10", 1) is None  # the very last item


def test_titles_ids_and_fields(checklist: Checklist) -> None:
    before = copy.deepcopy(checklist)
    edit = authoring.set_item_title(checklist, "M1", "ชื่อใหม่\t ")
    assert checklist.find("M1").title == "ชื่อใหม่"  # type: ignore[union-attr]
    round_trip(checklist, edit, before)
    assert authoring.set_item_title(checklist, "M1", "ชื่อใหม่") is None
    refused("author.title_empty", lambda: authoring.set_item_title(checklist, "M1", ""), checklist)
    edit = authoring.rename_item(checklist, "M2", "M20")
    assert edit is not None and edit.description.render("en") == "renamed M2 to M20"
    assert checklist.find("M20") is not None
    refused("author.item_id_taken", lambda: authoring.rename_item(checklist, "M20", "m1"), checklist)
    assert authoring.rename_item(checklist, "M20", "M20") is None


def test_set_and_remove_fields_keep_their_order_through_undo(checklist: Checklist) -> None:
    item = checklist.find("M1")
    assert item is not None
    order = list(item.fields)
    before = copy.deepcopy(checklist)
    edit = authoring.set_field(checklist, "M1", "period", "ปีงบประมาณ 2570")
    assert item.fields["period"] == "ปีงบประมาณ 2570" and list(item.fields) == order
    round_trip(checklist, edit, before)
    edit.revert(checklist)
    edit = authoring.remove_field(checklist, "M1", "actions")
    assert "actions" not in item.fields
    round_trip(checklist, edit, before)
    edit.revert(checklist)
    assert list(item.fields) == order
    edit = authoring.set_field(checklist, "M1", "budget", ["10,000 บาท", ""])
    assert item.fields["budget"] == ["10,000 บาท"] and list(item.fields)[-1] == "budget"
    assert authoring.set_field(checklist, "M1", "budget", []) is not None  # empty removes
    assert "budget" not in item.fields
    assert authoring.remove_field(checklist, "M1", "budget") is None


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("status", "author.field_reserved"),
        ("title", "author.field_reserved"),
        ("a b", "author.field_key_bad"),
        ("", "author.field_key_bad"),
    ],
)
def test_set_field_refuses_built_in_and_bad_keys(checklist: Checklist, key: str, message: str) -> None:
    refused(message, lambda: authoring.set_field(checklist, "M1", key, "x"), checklist)


def test_field_choices_come_from_labels_and_items(checklist: Checklist) -> None:
    choices = dict(authoring.field_choices(checklist, "iit"))
    assert choices["period"] == "ระยะเวลา"  # the section's label wins
    assert choices["actions"] == "วิธีดำเนินการ"
    assert next(iter(choices)) == "approach"  # the section's own labels first


def test_add_indicator_from_the_official_table(checklist: Checklist) -> None:
    authoring.remove_item(checklist, "I7")
    before = copy.deepcopy(checklist)
    edit = authoring.add_indicator(checklist, 7)
    assert ids(checklist)[2] == ["I6", "I7", "I8"]
    item = checklist.find("I7")
    assert item is not None and item.indicator == 7 and item.title == "ประสิทธิภาพการสื่อสาร"
    round_trip(checklist, edit, before)
    refused("author.indicator_present", lambda: authoring.add_indicator(checklist, 7), checklist)
    refused("author.no_indicator", lambda: authoring.add_indicator(checklist, 11), checklist)


def test_add_indicator_makes_its_group_section_when_there_is_none() -> None:
    checklist = Checklist("t")
    edit = authoring.add_indicator(checklist, 9)
    assert [(s.id, s.group) for s in checklist.sections] == [("oit", "OIT")]
    assert edit.structural
    edit.revert(checklist)
    assert checklist.sections == []


def test_official_indicators_are_the_ten() -> None:
    names = authoring.official_indicators()
    assert sorted(names) == list(range(1, 11))
    assert names[1] == "การปฏิบัติหน้าที่" and names[10] == "การป้องกันการทุจริต"


# -- sections ----------------------------------------------------------------------


def test_add_move_retitle_sections(checklist: Checklist) -> None:
    before = copy.deepcopy(checklist)
    edit = authoring.add_section(checklist, "หมวดใหม่", after="measures")
    assert [s.id for s in checklist.sections] == ["measures", "section", "iit", "eit", "oit"]
    round_trip(checklist, edit, before)
    refused(
        "author.section_id_taken", lambda: authoring.add_section(checklist, "x", section_id="IIT"), checklist
    )
    refused("author.group_bad", lambda: authoring.add_section(checklist, "x", group="XYZ"), checklist)
    assert authoring.suggest_section_id(checklist) == "section-2"
    edit2 = authoring.move_section(checklist, "oit", -1)
    assert [s.id for s in checklist.sections][-2:] == ["oit", "eit"]
    assert authoring.move_section(checklist, "measures", -1) is None
    assert authoring.move_section_to(checklist, "measures", 99) is not None
    assert checklist.sections[-1].id == "measures"
    assert edit2 is not None
    edit3 = authoring.set_section_title(checklist, "iit", "IIT ใหม่")
    assert edit3 is not None and checklist.sections[1].title == "IIT ใหม่"


# -- the checklist's own fields -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year"), [("2570", 2570), ("๒๕๗๐", 2570), (" พ.ศ. 2570 ", 2570), ("พ.ศ.๒๕๖๗", 2567), ("", None)]
)
def test_fiscal_years_in_thai_or_arabic_digits(text: str, year: int | None) -> None:
    assert authoring.parse_fiscal_year(text) == year


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("abc", "author.year_bad"),
        ("25", "author.year_bad"),
        ("2027", "author.year_common_era"),
        ("9999", "author.year_bad"),
        ("2570.5", "author.year_bad"),
    ],
)
def test_implausible_years_are_refused(checklist: Checklist, text: str, key: str) -> None:
    refused(key, lambda: authoring.set_checklist_field(checklist, "fiscal_year", text), checklist)


def test_common_era_year_says_the_buddhist_one() -> None:
    with pytest.raises(AuthoringError) as caught:
        authoring.parse_fiscal_year("2027")
    error = caught.value
    assert "2570" in error.message.render("en") and "2570" in error.message.render("th")


def test_checklist_fields(checklist: Checklist) -> None:
    before = copy.deepcopy(checklist)
    edit = authoring.set_checklist_field(checklist, "organization", "องค์การบริหารส่วนตำบลตัวอย่าง")
    assert checklist.organization == "องค์การบริหารส่วนตำบลตัวอย่าง" and edit is not None
    assert edit.target is None and edit.description.render("th") == "ชื่อหน่วยงาน"
    round_trip(checklist, edit, before)
    authoring.set_checklist_field(checklist, "fiscal_year", "๒๕๗๐")
    assert checklist.fiscal_year == 2570
    authoring.set_checklist_field(checklist, "language", "English")
    assert checklist.language == "en"
    authoring.set_checklist_field(checklist, "language", "")
    assert checklist.language is None
    authoring.set_checklist_field(checklist, "description", "บรรทัดหนึ่ง\nบรรทัดสอง\n")
    assert checklist.description == "บรรทัดหนึ่ง\nบรรทัดสอง"
    assert authoring.set_checklist_field(checklist, "fiscal_year", "2570") is None
    refused("author.title_empty", lambda: authoring.set_checklist_field(checklist, "title", " "), checklist)
    refused(
        "author.language_bad", lambda: authoring.set_checklist_field(checklist, "language", "fr"), checklist
    )
    refused(
        "author.checklist_key_bad", lambda: authoring.set_checklist_field(checklist, "rating", "A"), checklist
    )


def test_status_changes_share_the_edit_interface(checklist: Checklist) -> None:
    item = checklist.find("M1")
    assert item is not None
    before = copy.deepcopy(checklist)
    change = set_status(item, Status.DONE)
    assert isinstance(change, Edit) and change.target == item.uid
    assert change.description.render("en") == "status of M1"
    round_trip(checklist, change, before)


def test_edits_follow_items_through_renames(checklist: Checklist) -> None:
    """Undo finds items by identity: a status change undoes after the item was renamed."""
    item = checklist.find("M1")
    assert item is not None
    change = set_status(item, Status.DONE)
    rename = authoring.rename_item(checklist, "M1", "M9")
    assert change is not None and rename is not None
    change.revert(checklist)
    assert item.status is Status.NOT_STARTED and item.id == "M9"

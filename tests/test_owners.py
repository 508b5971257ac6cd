"""Owners: read from the `responsible` field, split, grouped and matched."""

from __future__ import annotations

from pathlib import Path

import pytest

from ita_tui.checklist_file import load_checklist
from ita_tui.model import Checklist, Item, Section
from ita_tui.owners import EVERY_OFFICE, all_owners, matches_owner, owner_label, owners_of, split_owners


def item(responsible: str | list[str] | None, item_id: str = "M1") -> Item:
    fields: dict[str, str | list[str]] = {} if responsible is None else {"responsible": responsible}
    return Item(item_id, "t", fields=fields)


@pytest.mark.parametrize(
    ("written", "owners"),
    [
        ("กองคลัง", ["กองคลัง"]),
        (["กองคลัง", "สำนักปลัด"], ["กองคลัง", "สำนักปลัด"]),
        ("กองคลัง, สำนักปลัด", ["กองคลัง", "สำนักปลัด"]),
        ("กองคลัง; กองช่าง\nสำนักปลัด", ["กองคลัง", "กองช่าง", "สำนักปลัด"]),
        # Spaces never split: one name may hold them.
        ("นิติกร สำนักปลัด", ["นิติกร สำนักปลัด"]),
        ("  กอง   คลัง  ", ["กอง คลัง"]),
        # "Every office" is an owner of its own, wherever it stands (the seed's cells).
        ("ทุกส่วนราชการ", [EVERY_OFFICE]),
        ("เจ้าหน้าที่ประชาสัมพันธ์ ทุกส่วนราชการ", ["เจ้าหน้าที่ประชาสัมพันธ์", EVERY_OFFICE]),
        ("ประชาสัมพันธ์ ทุกส่วน ราชการ", ["ประชาสัมพันธ์", EVERY_OFFICE]),
        ("ผู้บริหาร นิติการ ทุกส่วนราชการ", ["ผู้บริหาร นิติการ", EVERY_OFFICE]),
        ("ทุกหน่วยงาน", [EVERY_OFFICE]),
        ("All offices", [EVERY_OFFICE]),
        ("", []),
        ([], []),
    ],
)
def test_split(written: str | list[str], owners: list[str]) -> None:
    assert split_owners(written) == owners


def test_owners_are_unique_by_how_search_reads_them() -> None:
    owners = owners_of(item(["กองคลัง", "กอง คลัง", "ทุกส่วนราชการ", "ทุกส่วน ราชการ"]))
    assert [owner.name for owner in owners] == ["กองคลัง", EVERY_OFFICE]
    assert [owner.everyone for owner in owners] == [False, True]


def test_no_responsible_field_means_no_owner() -> None:
    assert owners_of(item(None)) == ()


def test_labels() -> None:
    everyone = owners_of(item("ทุกส่วนราชการ"))[0]
    assert owner_label(everyone, "th") == "ทุกส่วนราชการ"
    assert owner_label(everyone, "en") == "All offices"
    assert owner_label(None, "en") == "No owner named"
    assert owners_of(item("กองคลัง"))[0].label("en") == "กองคลัง"


@pytest.mark.parametrize(
    ("query", "responsible", "matches"),
    [
        ("กองคลัง", "กองคลัง", True),
        ("คลัง", "กองคลัง", True),  # a part of the name
        ("กอง คลัง", "กองคลัง", True),  # spaces between Thai letters do not count
        ("กองคลัง", ["สำนักปลัด", "กองคลัง"], True),
        ("กองคลัง", "สำนักปลัด", False),
        # Every office is not each office by name...
        ("กองคลัง", "ทุกส่วนราชการ", False),
        # ...but can be asked for, in any of its spellings.
        ("ทุกส่วนราชการ", "ทุกส่วน ราชการ", True),
        ("all offices", "ทุกส่วนราชการ", True),
        ("ทุกส่วนราชการ", "กองคลัง", False),
        ("legal", "Legal Office", True),  # case-blind
        ("", "กองคลัง", False),
    ],
)
def test_matching(query: str, responsible: str | list[str], matches: bool) -> None:
    assert matches_owner(item(responsible), [query]) is matches


def test_all_owners_in_thai_order_every_office_last() -> None:
    checklist = Checklist(
        "x",
        [
            Section(
                "s",
                "S",
                [
                    item("ทุกส่วนราชการ", "A"),
                    item(["สำนักปลัด", "กองคลัง"], "B"),
                    item("เจ้าหน้าที่ประชาสัมพันธ์", "C"),
                    item("กองช่าง", "D"),
                ],
            )
        ],
    )
    names = [owner.name for owner in all_owners(checklist)]
    assert names == ["กองคลัง", "กองช่าง", "เจ้าหน้าที่ประชาสัมพันธ์", "สำนักปลัด", EVERY_OFFICE]


def test_the_bundled_checklists_owners(bundled: Path) -> None:
    names = [owner.name for owner in all_owners(load_checklist(bundled))]
    assert names == [
        "เจ้าหน้าที่ประชาสัมพันธ์",
        "นิติกร สำนักปลัด",
        "ประชาสัมพันธ์",
        "ผู้บริหาร นิติการ",
        "สำนักปลัดเทศบาล",
        EVERY_OFFICE,
    ]

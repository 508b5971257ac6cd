"""What docs/import.md promises of statuses, tested (issue 20: both were documented, neither tested).

* ☑ and ☒ are checked boxes, ☐ an empty one (also written as HTML references);
* a สถานะ column gives the status as a word when the row has no boxes.
"""

from __future__ import annotations

import pytest

from ita_tui.importer import parse_report

HEAD = "รายงานผลการดำเนินการ ประจำปีงบประมาณ พ.ศ. 2567\nเทศบาลตำบลทดสอบ\n\n"
TABLE = "| ลำดับ | มาตรการ | ผู้รับผิดชอบ | สถานะ |\n|---|---|---|---|\n"


def _statuses(rows: list[str]) -> tuple[list[str], list[str]]:
    """The statuses of a measure table of *rows* (the สถานะ cells), and the notices."""
    lines = [f"| {n} | มาตรการที่ {n} | กองคลัง | {cell} |" for n, cell in enumerate(rows, 1)]
    result = parse_report(HEAD + TABLE + "\n".join(lines) + "\n", "r.md")
    return [item["status"] for item in result.items()], [n.render("r.md") for n in result.notices]


@pytest.mark.parametrize("mark", ["☑", "☒", "&#9745;", "&#x2612;"])
def test_a_ticked_or_crossed_box_is_checked(mark: str) -> None:
    statuses, notices = _statuses(
        [
            f"{mark} ดำเนินการแล้วเสร็จ ☐ อยู่ระหว่างดำเนินการ ☐ ยังไม่ได้ดำเนินการ",
            f"☐ ดำเนินการแล้วเสร็จ {mark} อยู่ระหว่างดำเนินการ ☐ ยังไม่ได้ดำเนินการ",
        ]
    )
    assert (statuses, notices) == (["done", "in-progress"], [])


def test_empty_boxes_only_are_no_status_and_said_so() -> None:
    statuses, notices = _statuses(["☐ ดำเนินการแล้วเสร็จ &#9744; อยู่ระหว่างดำเนินการ"])
    assert statuses == ["not-started"]
    assert notices == ["r.md:6: M1: no box checked: status left as not-started"]


def test_the_status_column_gives_the_status_as_a_word() -> None:
    statuses, notices = _statuses(
        ["ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ", "ยังไม่ได้ดำเนินการ", "กำลังดำเนินการ", "รอผล"]
    )
    assert statuses == ["done", "in-progress", "not-started", "in-progress", "not-started"]
    assert notices == ["r.md:10: M5: status 'รอผล' is not a known status: status left as not-started"]


def test_boxes_win_over_the_status_word() -> None:
    statuses, _ = _statuses(["ยังไม่ได้ดำเนินการ ☒ ดำเนินการแล้วเสร็จ"])
    assert statuses == ["done"]

"""Open items as lines (the meeting and what-is-left views): whole words, aligned ids, pages."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from ita_tui.app.widgets.figures import figure_lines, figure_size
from ita_tui.app.widgets.open_items import entry_lines, fit, group_heading, id_width, paginate
from ita_tui.model import Checklist, Item, Section, Status
from ita_tui.outstanding import what_is_left
from ita_tui.thai import wrap

TODAY = date(2026, 11, 25)
TITLE = "มาตรการการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานและวิเคราะห์ความเสี่ยงการทุจริต"


def test_fit_keeps_whole_words_and_marks_what_is_left_out() -> None:
    lines = fit(TITLE, 30, 2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert lines[0] == wrap(TITLE, 30)[0]
    # The cut line is a start of the wrapped line, ending at a word boundary.
    assert wrap(TITLE, 30)[1].startswith(lines[1][:-1])
    assert fit("สั้น", 30, 2) == ["สั้น"]


def example() -> Checklist:
    return Checklist(
        "x",
        [
            Section(
                "s",
                "S",
                [
                    Item("M2", "มาตรการการเผยแพร่ข้อมูลข่าวสาร", Status.IN_PROGRESS,
                         notes="รอผู้บริหารลงนาม คาดว่าเสร็จ ๑๕ ธ.ค.", due=date(2026, 11, 22),
                         fields={"responsible": "กองคลัง"}),
                    Item("M10", TITLE, due=date(2026, 11, 30), fields={"responsible": "กองคลัง"}),
                    Item("I3", "การใช้อำนาจ", fields={"responsible": "ทุกส่วนราชการ"}),
                ],
            )
        ],
    )  # fmt: skip


def test_entry_lines_say_due_date_status_and_note_with_ids_aligned() -> None:
    left = what_is_left(example(), TODAY)
    ids = id_width(list(left.items))
    assert ids == 3
    late, soon = (entry_lines(entry, 60, "th", TODAY, ids) for entry in left.items[:2])
    assert [line.plain for line in late] == [
        "! M2   มาตรการการเผยแพร่ข้อมูลข่าวสาร",
        "       กำลังทำ · 22 พ.ย. 2569 · เลยกำหนด 3 วัน",
        "       หมายเหตุ: รอผู้บริหารลงนาม คาดว่าเสร็จ ๑๕ ธ.ค.",
    ]
    # The title wraps at word boundaries (thai.wrap), under the title column.
    assert [soon[0].plain, soon[1].plain] == ["◷ M10  " + wrap(TITLE, 53)[0], "       " + wrap(TITLE, 53)[1]]
    assert "ยังไม่เริ่ม · 30 พ.ย. 2569 · อีก 5 วัน" in soon[2].plain


def test_entry_lines_in_english_with_owners() -> None:
    left = what_is_left(example(), TODAY)
    lines = entry_lines(left.items[0], 80, "en", TODAY, 3, owners=True)
    assert lines[1].plain.strip() == "In progress · 22 Nov 2026 · 3 days overdue · กองคลัง"
    assert lines[2].plain.strip().startswith("Notes: ")


def test_group_heading() -> None:
    left = what_is_left(example(), TODAY)
    [heading] = group_heading(left.groups[0], "en", 80)
    assert heading.plain == "กองคลัง  2 items · ! overdue 1 · ◷ due soon 1"
    everyone = group_heading(left.groups[1], "th", 80, continued=True)
    assert everyone[0].plain.startswith("ทุกส่วนราชการ (ต่อ)")


def block(key: str, lines: int) -> tuple[str, list[Text]]:
    return key, [Text(f"{key}{n}") for n in range(lines)]


def test_paginate_never_splits_an_entry_nor_leaves_a_heading_alone() -> None:
    groups = [
        ([Text("A")], [Text("A (cont.)")], [block("a1", 3), block("a2", 3)]),
        ([Text("B")], [Text("B (cont.)")], [block("b1", 2), block("a1", 2)]),
    ]
    pages = paginate(groups, 8)
    assert [[line.plain for line in page.columns[0]] for page in pages] == [
        ["A", "a10", "a11", "a12", "a20", "a21", "a22"],  # B's heading would be alone: next page
        ["B", "b10", "b11", "a10", "a11"],
    ]
    assert [page.keys for page in pages] == [{"a1", "a2"}, {"b1", "a1"}]


def test_paginate_repeats_the_heading_when_a_group_goes_on() -> None:
    groups = [([Text("A")], [Text("A (cont.)")], [block("a1", 3), block("a2", 3), block("a3", 3)])]
    pages = paginate(groups, 7, columns=2)
    assert len(pages) == 1
    assert [line.plain for line in pages[0].columns[1]] == ["A (cont.)", "a30", "a31", "a32"]


def test_paginate_cuts_an_entry_taller_than_a_page_and_always_gives_a_page() -> None:
    pages = paginate([([Text("A")], [Text("A")], [block("a1", 10)])], 4)
    assert [line.plain for line in pages[0].columns[0]] == ["A", "a10", "a11", "a12"]
    assert len(paginate([], 5)) == 1 and paginate([], 5)[0].keys == set()


def test_big_figures() -> None:
    assert figure_lines("1", 1) == ["▄█ ", " █ ", "▀▀▀"]
    assert figure_size("95.75", 2) == (34, 5)
    assert len(figure_lines("95.75", 3)) == 8

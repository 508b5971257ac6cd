"""What is left: due states, filters, and open items grouped by owner."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from ita_tui.dates import bangkok_today
from ita_tui.model import Checklist, Item, Section, Status
from ita_tui.outstanding import (
    STATE_GLYPHS,
    DueState,
    ItemFilter,
    due_state,
    due_text,
    latest_note,
    state_word,
    what_is_left,
)

TODAY = date(2026, 11, 25)


def item(
    item_id: str,
    owner: str | list[str] | None = None,
    due: date | None = None,
    status: Status = Status.NOT_STARTED,
    notes: str = "",
) -> Item:
    fields: dict[str, str | list[str]] = {} if owner is None else {"responsible": owner}
    return Item(item_id, f"title {item_id}", status=status, notes=notes, fields=fields, due=due)


def checklist(*items: Item) -> Checklist:
    return Checklist("x", [Section("s", "S", list(items))])


@pytest.mark.parametrize(
    ("due", "status", "state"),
    [
        (date(2026, 11, 24), Status.NOT_STARTED, DueState.OVERDUE),
        (date(2026, 11, 24), Status.IN_PROGRESS, DueState.OVERDUE),
        (date(2026, 11, 25), Status.IN_PROGRESS, DueState.DUE_SOON),  # due today is not late yet
        (date(2026, 12, 2), Status.NOT_STARTED, DueState.DUE_SOON),  # seven days
        (date(2026, 12, 3), Status.NOT_STARTED, DueState.LATER),
        (None, Status.NOT_STARTED, DueState.NO_DATE),
        (date(2026, 11, 1), Status.DONE, None),  # done is never late
    ],
)
def test_due_state(due: date | None, status: Status, state: DueState | None) -> None:
    assert due_state(item("A", due=due, status=status), TODAY) is state


def test_soon_is_a_chosen_number_of_days() -> None:
    entry = item("A", due=date(2026, 11, 30))
    assert due_state(entry, TODAY, soon_days=5) is DueState.DUE_SOON
    assert due_state(entry, TODAY, soon_days=4) is DueState.LATER
    assert due_state(entry, TODAY, soon_days=0) is DueState.LATER


def test_overdue_turns_at_midnight_in_bangkok() -> None:
    """Due on the 15th: late from 00:00 on the 16th in Bangkok, whatever the machine's zone."""
    entry = item("A", due=date(2026, 12, 15))
    utc = UTC
    last_second = datetime(2026, 12, 15, 16, 59, 59, tzinfo=utc)  # 23:59:59 in Bangkok
    assert due_state(entry, bangkok_today(last_second)) is DueState.DUE_SOON
    assert due_state(entry, bangkok_today(last_second + timedelta(seconds=1))) is DueState.OVERDUE
    # The same instant seen from London and from Los Angeles: the same Bangkok day.
    london = datetime(2026, 12, 15, 17, 0, 1, tzinfo=utc)
    los_angeles = london.astimezone(timezone(timedelta(hours=-8)))
    assert los_angeles.day == 15
    assert due_state(entry, bangkok_today(los_angeles)) is DueState.OVERDUE


def test_latest_note_is_the_last_line_written() -> None:
    assert latest_note("") == ""
    assert latest_note("ส่งร่างแล้ว\n\nรอผู้บริหารลงนาม คาดว่าเสร็จ ๑๕ ธ.ค.\n  \n") == (
        "รอผู้บริหารลงนาม คาดว่าเสร็จ ๑๕ ธ.ค."
    )


def test_items_grouped_by_owner_overdue_first() -> None:
    result = what_is_left(
        checklist(
            item("M1", "ทุกส่วนราชการ"),
            item("M2", "กองคลัง", date(2026, 12, 20), notes="เก่า\nรอผู้บริหารลงนาม"),
            item("M3", ["กองคลัง", "สำนักปลัด"], date(2026, 11, 20)),
            item("M4", "กองคลัง", date(2026, 11, 28), Status.IN_PROGRESS),
            item("M5", "กองคลัง", status=Status.DONE, due=date(2026, 11, 1)),
            item("M6"),
            item("M7", "กองช่าง", date(2026, 11, 29)),
        ),
        TODAY,
    )
    assert [entry.item.id for entry in result.items] == ["M3", "M4", "M7", "M2", "M1", "M6"]
    assert result.total == 6
    assert result.overdue == 1
    assert result.due_soon == 2
    groups = [(g.owner.name if g.owner else None, [e.item.id for e in g.items]) for g in result.groups]
    # Owners with an overdue item first, then due soon; named ones before every office, nobody last.
    assert groups == [
        ("กองคลัง", ["M3", "M4", "M2"]),
        ("สำนักปลัด", ["M3"]),
        ("กองช่าง", ["M7"]),
        ("ทุกส่วนราชการ", ["M1"]),
        (None, ["M6"]),
    ]
    kong_klang = result.groups[0]
    assert (kong_klang.overdue, kong_klang.due_soon) == (1, 1)
    m2 = result.items[3]
    assert m2.note == "รอผู้บริหารลงนาม"
    assert m2.days_left == 25
    assert m2.state is DueState.LATER
    assert m2.due == date(2026, 12, 20)


def test_ties_keep_file_order() -> None:
    result = what_is_left(checklist(item("B", "x"), item("A", "x"), item("C", "x")), TODAY)
    assert [entry.item.id for entry in result.items] == ["B", "A", "C"]


def test_nothing_left() -> None:
    result = what_is_left(checklist(item("A", status=Status.DONE)), TODAY)
    assert (result.total, result.groups, result.items) == (0, (), ())


ITEMS = (
    item("OLD", "กองคลัง", date(2026, 11, 20)),
    item("SOON", "กองคลัง", date(2026, 11, 30)),
    item("LATER", "สำนักปลัด", date(2027, 1, 10)),
    item("NONE", "กองคลัง"),
    item("DONE", "กองคลัง", date(2026, 11, 1), Status.DONE),
)


@pytest.mark.parametrize(
    ("item_filter", "shown"),
    [
        (ItemFilter(), ["OLD", "SOON", "LATER", "NONE", "DONE"]),
        (ItemFilter(owners=("กองคลัง",)), ["OLD", "SOON", "NONE", "DONE"]),
        (ItemFilter(owners=("คลัง", "ปลัด")), ["OLD", "SOON", "LATER", "NONE", "DONE"]),
        (ItemFilter(overdue=True), ["OLD"]),
        (ItemFilter(due_within=5), ["OLD", "SOON"]),
        (ItemFilter(due_within=4), ["OLD"]),
        (ItemFilter(due_within=0), ["OLD"]),
        (ItemFilter(owners=("สำนักปลัด",), due_within=60), ["LATER"]),
        (ItemFilter(owners=("สำนักปลัด",), overdue=True), []),
    ],
)
def test_filters(item_filter: ItemFilter, shown: list[str]) -> None:
    assert [entry.id for entry in ITEMS if item_filter.admits(entry, TODAY)] == shown
    assert item_filter.active is (item_filter != ItemFilter())


def test_an_owner_filter_keeps_only_that_owners_group() -> None:
    result = what_is_left(
        checklist(item("A", ["กองคลัง", "สำนักปลัด"], date(2026, 12, 1)), item("B", "สำนักปลัด")),
        TODAY,
        item_filter=ItemFilter(owners=("กองคลัง",)),
    )
    assert [g.owner.name for g in result.groups if g.owner] == ["กองคลัง"]
    assert [e.item.id for e in result.items] == ["A"]


@pytest.mark.parametrize(
    ("due", "th", "en"),
    [
        (date(2026, 11, 22), "22 พ.ย. 2569 · เลยกำหนด 3 วัน", "22 Nov 2026 · 3 days overdue"),
        (date(2026, 11, 24), "24 พ.ย. 2569 · เลยกำหนด 1 วัน", "24 Nov 2026 · 1 day overdue"),
        (date(2026, 11, 25), "25 พ.ย. 2569 · ครบกำหนดวันนี้", "25 Nov 2026 · due today"),
        (date(2026, 11, 26), "26 พ.ย. 2569 · ครบกำหนดพรุ่งนี้", "26 Nov 2026 · due tomorrow"),
        (date(2026, 12, 15), "15 ธ.ค. 2569 · อีก 20 วัน", "15 Dec 2026 · in 20 days"),
    ],
)
def test_due_text(due: date, th: str, en: str) -> None:
    assert due_text(due, TODAY, "th") == th
    assert due_text(due, TODAY, "en") == en


def test_due_text_in_thai_digits() -> None:
    assert due_text(date(2026, 12, 15), TODAY, "th", thai_digits=True) == "๑๕ ธ.ค. ๒๕๖๙ · อีก ๒๐ วัน"
    assert due_text(date(2026, 12, 15), TODAY, "en", thai_digits=True) == "15 Dec 2026 · in 20 days"


def test_every_state_has_a_word_and_a_glyph() -> None:
    for state in DueState:
        assert state_word(state, "th") and state_word(state, "en")
        assert state in STATE_GLYPHS
    assert state_word(DueState.OVERDUE, "th") == "เลยกำหนด"

"""The plain model: statuses, progress counts, lookups, labels."""

from __future__ import annotations

import pytest

from ita_tui.model import Checklist, Item, Progress, Section, Status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("done", Status.DONE),
        ("Done", Status.DONE),
        ("in_progress", Status.IN_PROGRESS),
        ("In Progress", Status.IN_PROGRESS),
        ("not-started", Status.NOT_STARTED),
        ("ดำเนินการแล้วเสร็จ", Status.DONE),
        ("อยู่ระหว่างดำเนินการ", Status.IN_PROGRESS),
        ("อยู่ระหว่างการดำเนินการ", Status.IN_PROGRESS),
        ("ยังไม่ได้ดำเนินการ", Status.NOT_STARTED),
        ("ยังไม่เริ่มดำเนินการ", Status.NOT_STARTED),
        (" done ", Status.DONE),
    ],
)
def test_status_parse_accepts_keys_and_thai_spellings(text: str, status: Status) -> None:
    assert Status.parse(text) is status


@pytest.mark.parametrize("text", ["", "maybe", "เสร็จบ้าง", "done!"])
def test_status_parse_rejects_unknown(text: str) -> None:
    assert Status.parse(text) is None


def test_status_cycles_in_order() -> None:
    assert Status.NOT_STARTED.next() is Status.IN_PROGRESS
    assert Status.IN_PROGRESS.next() is Status.DONE
    assert Status.DONE.next() is Status.NOT_STARTED


def _checklist() -> Checklist:
    return Checklist(
        title="t",
        labels={"period": "ระยะเวลาในการดำเนินการ"},
        sections=[
            Section("a", "A", [Item("M1", "x", Status.DONE), Item("M2", "y")]),
            Section(
                "b",
                "B",
                [Item("I1", "z", Status.IN_PROGRESS), Item("I2", "w", Status.DONE)],
                group="IIT",
                labels={"period": "ระยะเวลา"},
            ),
        ],
    )


def test_progress_counts_per_section_and_overall() -> None:
    checklist = _checklist()
    assert checklist.sections[0].progress() == Progress(done=1, in_progress=0, not_started=1)
    overall = checklist.progress()
    assert (overall.total, overall.done, overall.in_progress, overall.not_started) == (4, 2, 1, 1)
    assert overall.fraction == 0.5
    assert overall.count(Status.IN_PROGRESS) == 1


def test_empty_progress_fraction_is_zero() -> None:
    assert Progress().fraction == 0.0


def test_find_and_section_of() -> None:
    checklist = _checklist()
    item = checklist.find("I2")
    assert item is not None and item.title == "w"
    assert checklist.find("nope") is None
    section = checklist.section_of("I2")
    assert section is not None and section.id == "b"
    assert [i.id for i in checklist.items()] == ["M1", "M2", "I1", "I2"]


def test_labels_prefer_section_then_checklist_then_key() -> None:
    checklist = _checklist()
    assert checklist.label(checklist.sections[1], "period") == "ระยะเวลา"
    assert checklist.label(checklist.sections[0], "period") == "ระยะเวลาในการดำเนินการ"
    assert checklist.label(checklist.sections[0], "owner") == "owner"


def test_bars_fill_rounding_down_and_are_full_only_when_done() -> None:
    from ita_tui.model import filled_cells

    assert [filled_cells(f, 40) for f in (0.0, 2 / 3, 39.9 / 40, 1.0, 1.5, -0.1)] == [0, 26, 39, 40, 40, 0]

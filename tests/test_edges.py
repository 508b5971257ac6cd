"""Edges that mutation testing found unguarded (issue 20): each test fails on one mutant of the core."""

from __future__ import annotations

import pytest

from ita_tui.model import Status
from ita_tui.scoring import score_checklist, to_json_dict
from tests.test_scoring import en, seed, uniform

# Every spelling the model reads, with the status a person means by it (DOMAIN.md).
SPELLINGS = [
    ("not started", Status.NOT_STARTED),
    ("todo", Status.NOT_STARTED),
    ("ยังไม่ดำเนินการ", Status.NOT_STARTED),
    ("doing", Status.IN_PROGRESS),
    ("กำลังดำเนินการ", Status.IN_PROGRESS),
    ("complete", Status.DONE),
    ("completed", Status.DONE),
    ("ดำเนินการเสร็จแล้ว", Status.DONE),
    ("แล้วเสร็จ", Status.DONE),
]


@pytest.mark.parametrize(("text", "status"), SPELLINGS)
def test_every_spelling_means_its_status(text: str, status: Status) -> None:
    assert Status.parse(text) is status


def test_a_group_exactly_at_the_pass_mark_is_not_warned_about() -> None:
    assert not any("under 85" in w for w in en(score_checklist(uniform(85.0)).warnings))
    assert any("under 85" in w for w in en(score_checklist(uniform(84.99)).warnings))


@pytest.mark.parametrize(("reported", "passed"), [(85.0, True), (84.99, False), (None, None)])
def test_the_reported_score_passes_from_the_pass_mark_on(reported: float | None, passed: bool | None) -> None:
    checklist = seed(I3=95.53)
    checklist.overall_score = reported
    assert to_json_dict(score_checklist(checklist))["reported"]["passed"] is passed


def test_the_computed_score_passes_from_the_pass_mark_on() -> None:
    assert to_json_dict(score_checklist(uniform(85.0)))["passed"] is True
    assert to_json_dict(score_checklist(uniform(84.99)))["passed"] is False

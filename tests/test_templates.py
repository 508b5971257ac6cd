"""The bundled checklists: each loads clean, and the new-year one carries the official indicators."""

from __future__ import annotations

from pathlib import Path

import pytest

from ita_tui import templates
from ita_tui.checklist_file import check
from ita_tui.scoring import score_checklist

OFFICIAL = {
    1: ("IIT", "การปฏิบัติหน้าที่"),
    2: ("IIT", "การใช้งบประมาณ"),
    3: ("IIT", "การใช้อำนาจ"),
    4: ("IIT", "การใช้ทรัพย์สินของทางราชการ"),
    5: ("IIT", "การแก้ไขปัญหาการทุจริต"),
    6: ("EIT", "คุณภาพการดำเนินงาน"),
    7: ("EIT", "ประสิทธิภาพการสื่อสาร"),
    8: ("EIT", "การปรับปรุงการทำงาน"),
    9: ("OIT", "การเปิดเผยข้อมูล"),
    10: ("OIT", "การป้องกันการทุจริต"),
}


def test_the_bundled_templates_are_listed() -> None:
    assert [t.name for t in templates.bundled()] == ["fy2566", "new-year"]


@pytest.mark.parametrize("name", [t.name for t in templates.bundled()])
def test_every_template_loads_without_problems(name: str, tmp_path: Path) -> None:
    template = templates.find(name)
    assert template is not None
    path = tmp_path / f"{name}.toml"
    path.write_bytes(template.read_bytes())
    loaded, problems = check(path)
    assert loaded is not None and problems == []


def test_new_year_has_the_ten_official_indicators_unscored(tmp_path: Path) -> None:
    template = templates.find("new-year")
    assert template is not None
    path = tmp_path / "n.toml"
    path.write_bytes(template.read_bytes())
    loaded, _ = check(path)
    assert loaded is not None
    checklist = loaded.checklist
    indicators = {
        item.indicator: (section.group, item.title)
        for section in checklist.sections
        for item in section.items
        if item.indicator is not None
    }
    assert indicators == OFFICIAL
    assert all(item.score is None and item.status.value == "not-started" for item in checklist.items())
    assert score_checklist(checklist).overall is None

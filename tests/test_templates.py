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
    assert [t.name for t in templates.bundled()] == ["fy2566", "new-year", "oit-2566", "oit-2569"]


@pytest.mark.parametrize("name", [t.name for t in templates.bundled()])
def test_every_template_loads_without_problems(name: str, tmp_path: Path) -> None:
    _load_template(name, tmp_path)  # it asserts that the file loads with no problem at all


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


# The FY2566 OIT items as DOMAIN.md lists them (the general form agencies use).
OIT_2566_TITLES = [
    "โครงสร้าง",
    "ข้อมูลผู้บริหาร",
    "อำนาจหน้าที่",
    "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน",
    "ข้อมูลการติดต่อ",
    "กฎหมายที่เกี่ยวข้อง",
    "ข่าวประชาสัมพันธ์",
    "Q&A",
    "Social Network",
    "นโยบายคุ้มครองข้อมูลส่วนบุคคล",
    "แผนดำเนินงานและการใช้งบประมาณประจำปี",
    "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ ประจำปี รอบ 6 เดือน",
    "รายงานผลการดำเนินงานประจำปี",
    "คู่มือหรือมาตรฐานการปฏิบัติงาน",
    "คู่มือหรือมาตรฐานการให้บริการ",
    "ข้อมูลเชิงสถิติการให้บริการ",
    "รายงานผลการสำรวจความพึงพอใจการให้บริการ",
    "E-Service",
    "แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ",
    "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",
    "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน",
    "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี",
    "นโยบายหรือแผนการบริหารทรัพยากรบุคคล",
    "การดำเนินการตามนโยบายหรือแผนการบริหารทรัพยากรบุคคล",
    "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล",
    "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี",
    "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "การเปิดโอกาสให้เกิดการมีส่วนร่วม",
    "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่",
    "การสร้างวัฒนธรรม No Gift Policy",
    "รายงานผลตามนโยบาย No Gift Policy",
    "การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี",
    "การดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ",
    "แผนปฏิบัติการป้องกันการทุจริต",
    "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน",
    "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี",
    "ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ",
    "การขับเคลื่อนจริยธรรม",
    "การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ",
    "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
]


def _load_template(name: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    template = templates.find(name)
    assert template is not None
    path = tmp_path / f"{name}.toml"
    path.write_bytes(template.read_bytes())
    loaded, problems = check(path)
    assert loaded is not None and problems == []
    return template, loaded.checklist


def test_oit_2566_has_o1_to_o43_in_the_itas_grouping(tmp_path: Path) -> None:
    template, checklist = _load_template("oit-2566", tmp_path)
    items = checklist.items()
    assert [item.id for item in items] == [f"O{n}" for n in range(1, 44)]
    assert [item.title for item in items] == OIT_2566_TITLES
    assert all(item.status.value == "not-started" and item.evidence == [] for item in items)
    assert all(section.group == "OIT" for section in checklist.sections)
    by_section = {
        section.title.split()[0]: [item.id for item in section.items] for section in checklist.sections
    }
    assert list(by_section) == ["9.1", "9.2", "9.3", "9.4", "9.5", "10.1", "10.2"]
    assert by_section["9.1"][0] == "O1" and by_section["10.2"][-1] == "O43"
    assert {section.subtitle for section in checklist.sections} == {
        "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล",
        "ตัวชี้วัดที่ 10 การป้องกันการทุจริต",
    }
    # Not an indicator score: the O-items carry no indicator, so nothing is scored from them.
    assert all(item.indicator is None for item in items)
    # It says where its list came from and what is not confirmed, in the file and in the app.
    text = template.read_bytes().decode("utf-8")
    assert "Where the list comes from" in text and "Not confirmed" in text
    assert "ตามที่หน่วยงานต่าง ๆ เผยแพร่" in checklist.description


def test_oit_2569_says_it_is_partial(tmp_path: Path) -> None:
    template, checklist = _load_template("oit-2569", tmp_path)
    ids = [item.id for item in checklist.items()]
    assert ids == ["O1", "O3", *[f"O{n}" for n in range(10, 27)]]
    assert "ยังไม่ครบ" in checklist.title and "O4–O9" in checklist.description
    assert "NOT COMPLETE. O2 and O4–O9 are missing" in template.read_bytes().decode("utf-8")

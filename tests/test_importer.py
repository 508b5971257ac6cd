"""The report importer: the seed, variants of its shape, broken inputs, and the command."""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ita_tui.checklist_file import load_checklist
from ita_tui.cli import main
from ita_tui.importer import ImportResult, cell_value, parse_report, summary_lines, to_toml
from ita_tui.schema import build_checklist

DATA = Path(__file__).parent / "data"
SEED = DATA / "seed-report.md"
VARIANTS = DATA / "import"
BUNDLED = Path(__file__).parent.parent / "ita_tui" / "checklists" / "fy2566.toml"
SEED_SHA256 = "c1d40fe354f53c7bfd2a8f5aacf4a60b08044787ceb12d26ffcb2e7c15b66ac4"


def _import(path: Path) -> ImportResult:
    return parse_report(path.read_text(encoding="utf-8"), path.name)


def _item(result: ImportResult, item_id: str) -> dict[str, Any]:
    return next(item for item in result.items() if item["id"] == item_id)


def _rendered(result: ImportResult) -> list[str]:
    return [notice.render(result.source) for notice in result.notices]


@pytest.fixture(scope="module")
def seed() -> ImportResult:
    return _import(SEED)


# -- the seed and the bundled checklist ------------------------------------------


def test_the_seed_fixture_is_a_byte_exact_copy() -> None:
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == SEED_SHA256


def test_importing_the_seed_gives_the_bundled_checklist(seed: ImportResult) -> None:
    bundled = tomllib.loads(BUNDLED.read_text(encoding="utf-8"))
    # Every key of the checklist, the sections and the items; no expected differences.
    assert seed.document == bundled


def test_the_bundled_checklist_loads_without_problems() -> None:
    checklist, issues = build_checklist(tomllib.loads(BUNDLED.read_text(encoding="utf-8")))
    assert issues == []
    progress = checklist.progress()
    assert (progress.done, progress.in_progress, progress.not_started) == (7, 1, 8)


def test_every_bundled_text_is_written_in_the_seed_as_it_is() -> None:
    """An independent check of the transcription: no word of it is made up or retyped."""
    seed_text = re.sub(r"\s+", " ", SEED.read_text(encoding="utf-8"))
    bundled = tomllib.loads(BUNDLED.read_text(encoding="utf-8"))
    texts: list[str] = list(bundled["checklist"]["labels"].values())
    for section in bundled["sections"]:
        texts += [section.get("subtitle", ""), *section.get("labels", {}).values()]
        for item in section["items"]:
            for key, value in item.items():
                if key not in ("id", "status", "notes", "indicator", "score"):
                    texts += value if isinstance(value, list) else [value]
    missing = [text for text in texts if text not in seed_text]
    assert missing == []


def test_seed_head(seed: ImportResult) -> None:
    head = seed.document["checklist"]
    assert head["title"] == (
        "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ.2566"
    )
    assert head["organization"] == "เทศบาลตำบลนิคมคำสร้อย อำเภอนิคมน้ำอูน จังหวัดมุกดาหาร"
    assert (head["fiscal_year"], head["overall_score"], head["rating"]) == (2566, 95.75, "ผ่านดี")
    assert head["description"].startswith(
        "จากการประเมินผลคุณธรรมและความโปร่งใสในการดำเนินงานของเทศบาลตำบลนิคมคำสร้อย"
    )
    assert head["description"].endswith("กำหนดผู้รับผิดชอบ หรือผู้มีส่วนเกี่ยวข้อง ดังนี้")
    assert head["labels"]["results"] == "สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม"


def test_seed_sections(seed: ImportResult) -> None:
    sections = seed.document["sections"]
    assert [(s["id"], s["title"], len(s["items"])) for s in sections] == [
        ("measures", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", 6),
        ("iit", "สรุปการประเมิน IIT เพื่อยกระดับการประเมิน", 5),
        ("eit", "สรุปการประเมิน EIT เพื่อยกระดับการประเมิน", 3),
        ("oit", "สรุปการประเมิน OIT", 2),
    ]
    assert sections[3]["subtitle"] == "ตัวชี้วัดที่ 9 ข้อมูลพื้นฐาน"
    assert sections[1]["labels"] == {
        "approach": "แนวทางในการยกระดับการประเมิน",
        "responsible": "ผู้รับผิดชอบ",
        "period": "ระยะเวลา",
        "progress": "ความก้าวหน้าผลการดำเนินการ",
    }


def test_seed_scores_and_statuses(seed: ImportResult) -> None:
    indicators = [item for item in seed.items() if "indicator" in item]
    assert [(i["id"], i.get("score"), i["status"]) for i in indicators] == [
        ("I1", 97.44, "done"),
        ("I2", 94.03, "done"),
        ("I3", None, "done"),
        ("I4", 92.87, "done"),
        ("I5", 94.05, "done"),
        ("I6", 89.31, "done"),
        ("I7", 92.29, "done"),
        ("I8", 91.55, "in-progress"),
        ("I9", 100.0, "not-started"),
        ("I10", 100.0, "not-started"),
    ]
    assert "score" not in _item(seed, "I3")
    assert _item(seed, "I8")["title"] == "ปรับปรุงการทำงาน"


def test_seed_cells_are_split_into_lists_as_written(seed: ImportResult) -> None:
    assert _item(seed, "M5")["actions"] == [
        "จัดทำประมวลจริยธรรมพนักงานเทศบาลตำบลนิคมคำสร้อย",
        "เผยแพร่บนเว็บไซต์เทศบาลตำบลนิคมคำสร้อย และสื่อออนไลน์ทุกช่องทาง",
        "รณรงค์ปลูกจิตสำนึกอย่างต่อเนื่อง",
    ]
    assert _item(seed, "M5")["results"] == (
        "จัดทำประมวลจริยธรรมพนักงานส่วนท้องถิ่น พ.ศ.๒๕๖๖ และประกาศเผยแพร่ให้ทราบโดยทั่วกัน"
    )
    assert _item(seed, "M2")["actions"][3] == (
        "รายงานผลการดำเนินงาน/ประชาสัมพันธ์ผ่านทุกช่องทางการสื่อสารเป็นระยะๆ และต่อเนื่อง"
    )
    assert _item(seed, "M3")["outcomes"] == ["ติดตามและตรวจสอบผลการดำเนินการอย่างต่อเนื่อง"]
    assert _item(seed, "M4")["actions"] == "กำหนดมาตรการคุ้มครองข้อมูลส่วนบุคคล"
    assert _item(seed, "I6")["responsible"] == ["ทุกส่วนราชการ", "เจ้าหน้าที่ประชาสัมพันธ์"]
    assert _item(seed, "I6")["progress"][1] == "Application ช่วยในด้านความสะดวกสบาย ไม่ต้องเดินทางเข้าใช้บริการ"
    assert _item(seed, "I6")["approach"].startswith("ปรับปรุงระยะเวลาในการให้บริการ")  # one string
    assert _item(seed, "I8")["progress"] == [
        "ลดขั้นตอนการให้บริการ โดยนำระบบออนไลน์ เข้ามาใช้ มีการติดต่อสอบถามผ่านช่องทางเว็บไซต์เทศบาล "
        "หรือสื่อออนไลน์ ก่อนที่จะเดินทางเข้ารับบริการ ตลอดจนมีแบบประเมินความพึงพอใจให้ประชาชนผู้รับบริการทำการประเมิน"
    ]
    i10 = _item(seed, "I10")
    assert len(i10["approach"]) == 6 and len(i10["progress"]) == 5
    assert i10["approach"][3] == "รายงานผลการรับของขวัญ ของกำนัล ทุกๆ 6 เดือน"
    assert i10["progress"][4] == "นำข้อบกพร่องจากการบริหารจัดการความเสี่ยงมาวิเคราะห์ เพื่อปรับปรุงและแก้้อย่างสม่ำเสมอ"
    assert _item(seed, "I9")["approach"][0] == "ติดตามข้อมูลข่าวสารที่เกี่ยวข้องกับการประเมินการเปิดเผยข้อมูลอย่างสม่ำเสมอ"


def test_seed_imports_clean_with_three_notes(seed: ImportResult) -> None:
    assert seed.clean
    assert _rendered(seed) == [
        f"seed-report.md:{line}: note: I{n} แนวทางในการยกระดับการประเมิน: "
        "a list without numbers or <li> kept as one text"
        for n, line in ((6, 49), (7, 50), (8, 51))
    ]


def test_seed_summary(seed: ImportResult) -> None:
    assert summary_lines(seed)[2:] == [
        "fiscal year: 2566",
        "overall score: 95.75 (ผ่านดี)",
        "measures: 6",
        "indicators: 10 (IIT 5, EIT 3, OIT 2)",
        "statuses: not-started 8, in-progress 1, done 7",
        "scores: 9 of 10 indicators (no score: I3)",
        "skipped: 0, warnings: 0",
    ]


def test_crlf_line_ends_read_the_same(seed: ImportResult) -> None:
    text = SEED.read_text(encoding="utf-8").replace("\n", "\r\n")
    crlf = parse_report(text, "seed-report.md")
    assert crlf.document == seed.document
    assert crlf.notices == seed.notices


def test_output_parses_back_to_the_document(seed: ImportResult) -> None:
    text = to_toml(seed)
    assert tomllib.loads(text) == seed.document
    assert 'actions = [\n    "จัดทำประมวลจริยธรรมพนักงานเทศบาลตำบลนิคมคำสร้อย",\n' in text


# -- splitting cells -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1. ก 2. ข", ["ก", "ข"]),
        ("1.ก 2.ข", ["ก", "ข"]),
        ("-ก -ข", ["ก", "ข"]),
        ("1. ก 2. ข -ค", ["ก", "ข", "ค"]),
        ("<p>ก</p> <p>ข</p>", ["ก", "ข"]),
        ("<p>- ก</p><p>-ข</p>", ["ก", "ข"]),
        ("<ol><li>ก</li><li>ข</li></ol>", ["ก", "ข"]),
        ("<ol><li>ก</li></ol>", ["ก"]),
        ("ก<br>ข", ["ก", "ข"]),
        ("1. ก", ["ก"]),
        ("-ก", ["ก"]),
        ("ปีงบประมาณ 2566", "ปีงบประมาณ 2566"),
        ("<p>ปีงบประมาณ 2566</p>", "ปีงบประมาณ 2566"),
        ("ประกาศ พ.ศ.2566 แล้ว", "ประกาศ พ.ศ.2566 แล้ว"),
        ("เป็นระยะๆ และต่อเนื่อง", "เป็นระยะๆ และต่อเนื่อง"),
        ("1. รายงานทุก 6 เดือน 2. ต่อ", ["รายงานทุก 6 เดือน", "ต่อ"]),
        ("ได้คะแนน 95.75 แล้ว", "ได้คะแนน 95.75 แล้ว"),
        ("ต.ค. 66 - ก.ย. 67", "ต.ค. 66 - ก.ย. 67"),
        ("2566 -2567", "2566 -2567"),
        ("ตามข้อ 3. ของระเบียบ", "ตามข้อ 3. ของระเบียบ"),
        ("ดังนี้ 1. ก 2. ข", ["ดังนี้", "ก", "ข"]),
        ('<ol style="list-style-type: none"> ก ข</ol>', "ก ข"),
        ("ก &amp; ข &lt;ค&gt;", "ก & ข <ค>"),
        ("ก   ข\tค", "ก ข ค"),
        ("", None),
        ("-", None),
        ("<p></p>", None),
    ],
)
def test_cell_value(raw: str, expected: object) -> None:
    assert cell_value(raw) == expected


# -- variants of the seed's shape ------------------------------------------------------


@pytest.fixture(scope="module")
def agency() -> ImportResult:
    return _import(VARIANTS / "agency-2567.md")


def test_another_agency_and_year_in_thai_digits(agency: ImportResult) -> None:
    head = agency.document["checklist"]
    assert head["title"] == (
        "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ.๒๕๖๗"
    )
    assert head["organization"] == "องค์การบริหารส่วนตำบลหนองบัว อำเภอเมือง จังหวัดขอนแก่น"
    assert (head["fiscal_year"], head["overall_score"], head["rating"]) == (2567, 96.12, "ผ่านดีเยี่ยม")


def test_fewer_measures_and_a_column_more_or_less(agency: ImportResult) -> None:
    head = agency.document["checklist"]
    assert head["labels"] == {
        "actions": "วิธีดำเนินการ",
        "field_4": "งบประมาณ",
        "period": "ระยะเวลาดำเนินการ",
        "responsible": "ผู้รับผิดชอบ",
        "results": "สรุปผลการดำเนินการ",
    }
    assert [i["id"] for i in agency.document["sections"][0]["items"]] == ["M1", "M2", "M3"]
    m1 = _item(agency, "M1")
    assert (m1["field_4"], m1["period"]) == ("20,000 บาท", "ต.ค. 66 - ก.ย. 67")
    assert "outcomes" not in m1
    assert "field_4" not in _item(agency, "M2")  # the cell was "-"
    assert _item(agency, "M2")["title"] == "มาตรการเปิดเผยข้อมูล & ข่าวสาร"
    assert _item(agency, "M2")["responsible"] == ["กองคลัง", "งานประชาสัมพันธ์"]
    assert "period" not in agency.document["sections"][1]["labels"]  # the IIT table has no such column
    assert _rendered(agency) == [
        "agency-2567.md:8: note: column 4 'งบประมาณ' is not a known column: kept as 'field_4'"
    ]


def test_statuses_in_other_spellings_and_boxes(agency: ImportResult) -> None:
    statuses = {item["id"]: item["status"] for item in agency.items()}
    assert statuses == {
        "M1": "not-started",
        "M2": "done",  # a measure with boxes
        "M3": "not-started",
        "I1": "done",  # ดำเนินการเสร็จแล้ว
        "I2": "in-progress",  # อยู่ระหว่างการดำเนินการ
        "I3": "not-started",  # ยังไม่เริ่มดำเนินการ
        "I4": "done",
        "I5": "done",
        "I6": "done",  # ☑ glyphs
        "I7": "in-progress",
        "I8": "not-started",
        "I9": "not-started",
        "I10": "not-started",
    }
    assert _item(agency, "M2")["results"] == "ดำเนินการแล้ว"
    assert "progress" not in _item(agency, "I1")  # nothing but boxes
    assert _item(agency, "I2")["progress"] == ["ชี้แจงงบประมาณ"]


def test_thai_digit_scores_a_missing_score_and_a_table_split_across_pages(agency: ImportResult) -> None:
    scores = {item["id"]: item.get("score") for item in agency.items() if "indicator" in item}
    assert scores == {
        "I1": 98.5,
        "I2": 95.0,
        "I3": None,
        "I4": 90.0,
        "I5": 91.25,
        "I6": 89.1,
        "I7": 92.0,
        "I8": 88.4,
        "I9": 100.0,
        "I10": 98.75,
    }
    iit = agency.document["sections"][1]
    assert (iit["title"], [i["id"] for i in iit["items"]]) == (
        "สรุปการประเมิน IIT",
        ["I1", "I2", "I3", "I4", "I5"],
    )
    assert agency.clean


def test_html_reads_as_the_markdown(agency: ImportResult) -> None:
    html = _import(VARIANTS / "agency-2567.html")
    assert html.document == agency.document
    assert _rendered(html) == [
        "agency-2567.html:16: note: column 4 'งบประมาณ' is not a known column: kept as 'field_4'"
    ]


def test_variant_output_loads_without_problems(agency: ImportResult) -> None:
    _, issues = build_checklist(tomllib.loads(to_toml(agency)))
    assert issues == []


# -- broken inputs ----------------------------------------------------------------------


def test_no_tables() -> None:
    result = _import(VARIANTS / "no-tables.md")
    assert result.items() == []
    assert _rendered(result) == ["no-tables.md: skipped: no tables found, nothing to import"]


def test_a_table_cut_short() -> None:
    result = _import(VARIANTS / "cut-short.md")
    assert [item["id"] for item in result.items()] == ["M1", "M2"]
    assert _rendered(result) == ["cut-short.md:8: skipped: row has 3 cells, the header 4 (cut short?)"]


def test_two_boxes_checked_is_a_warning_not_a_guess() -> None:
    result = _import(VARIANTS / "two-boxes.md")
    assert [(i["id"], i["status"]) for i in result.items()] == [
        ("I1", "not-started"),
        ("I2", "not-started"),
        ("I3", "not-started"),
        ("I4", "done"),
    ]
    assert _rendered(result) == [
        "two-boxes.md:8: I1: 2 boxes checked (ดำเนินการแล้วเสร็จ, อยู่ระหว่างดำเนินการ): status left as not-started",
        "two-boxes.md:9: I2: no box checked: status left as not-started",
        "two-boxes.md:10: I3: checked box 'รอผลการประเมิน' is not a known status: status left as not-started",
    ]
    assert _item(result, "I3")["progress"] == ["รอผล"]
    assert not result.skipped and not result.clean


def test_rows_that_cannot_be_read_are_skipped_with_their_lines() -> None:
    result = _import(VARIANTS / "bad-rows.md")
    assert [(i["id"], i["title"]) for i in result.items()] == [
        ("M1", "มาตรการหนึ่ง"),
        ("M2", "มาตรการสอง"),
        ("M5", "มาตรการห้า"),
        ("I1", "การปฏิบัติหน้าที่"),
        ("I2", "การใช้งบประมาณ"),
    ]
    assert "score" not in _item(result, "I2")
    assert _rendered(result) == [
        "bad-rows.md:4: skipped: row outside any table with a header",
        "bad-rows.md:6: skipped: a table without a มาตรการ or ตัวชี้วัด column (1 rows)",
        "bad-rows.md:13: measure number '1' is unreadable or repeated: numbered M2",
        "bad-rows.md:14: skipped: measure row without a title",
        "bad-rows.md:15: skipped: row has 4 cells, the header 3",
        "bad-rows.md:24: skipped: indicator 1 again (first at line 22)",
        "bad-rows.md:25: skipped: indicator 11 is not one of 1–10",
        "bad-rows.md:26: skipped: no indicator number (ตัวชี้วัดที่ N) in 'รวม'",
        "bad-rows.md:27: score '120' is not a number from 0 to 100: left out",
    ]


# -- writing TOML --------------------------------------------------------------------------

_TEXT = st.text(st.characters(codec="utf-8"), max_size=30)


@given(title=_TEXT, entries=st.lists(_TEXT, max_size=4), single=_TEXT)
def test_any_text_survives_the_round_trip(title: str, entries: list[str], single: str) -> None:
    document = {
        "format": 1,
        "checklist": {"title": title or "t", "labels": {"field_3": single}},
        "sections": [
            {
                "id": "measures",
                "title": title,
                "items": [
                    {"id": "M1", "title": title, "status": "done", "notes": single, "field_3": entries}
                ],
            }
        ],
    }
    assert tomllib.loads(to_toml(ImportResult("x.md", document))) == document


# -- the command ---------------------------------------------------------------------------


def test_import_writes_next_to_where_it_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(SEED)]) == 0
    out, err = capsys.readouterr()
    written = tmp_path / "seed-report.toml"
    assert tomllib.loads(written.read_text(encoding="utf-8")) == tomllib.loads(
        BUNDLED.read_text(encoding="utf-8")
    )
    assert out.startswith("wrote seed-report.toml\n")
    assert "measures: 6\nindicators: 10 (IIT 5, EIT 3, OIT 2)\n" in out
    assert "statuses: not-started 8, in-progress 1, done 7\n" in out
    assert err.splitlines()[0] == (
        f"{SEED}:49: note: I6 แนวทางในการยกระดับการประเมิน: a list without numbers or <li> kept as one text"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["seed-report.toml"]  # no temporary file left


def test_import_never_overwrites_without_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "mine.toml"
    target.write_text("keep me", encoding="utf-8")
    assert main(["import", str(SEED), "-o", "mine.toml"]) == 2
    assert target.read_text(encoding="utf-8") == "keep me"
    assert capsys.readouterr().err == "mine.toml: already exists (use --force to overwrite it)\n"
    assert main(["import", str(SEED), "-o", "mine.toml", "--force"]) == 0
    assert tomllib.loads(target.read_text(encoding="utf-8"))["checklist"]["fiscal_year"] == 2566


def test_import_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(VARIANTS / "agency-2567.md"), "-o", "-"]) == 0
    out, err = capsys.readouterr()
    assert tomllib.loads(out)["checklist"]["fiscal_year"] == 2567
    assert "measures: 3\n" in err


@pytest.mark.parametrize(
    ("name", "code", "message"),
    [
        ("two-boxes.md", 1, "two-boxes.md:8: I1: 2 boxes checked"),
        ("cut-short.md", 1, "cut-short.md:8: skipped: row has 3 cells"),
        ("agency-2567.html", 0, "agency-2567.html:16: note: column 4"),
    ],
)
def test_import_exit_codes(
    name: str,
    code: int,
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    report = VARIANTS / name
    assert main(["import", str(report)]) == code
    err = capsys.readouterr().err
    assert f"{VARIANTS}/{message}" in err
    assert (tmp_path / f"{report.stem}.toml").exists()


def test_import_of_nothing_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    report = VARIANTS / "no-tables.md"
    assert main(["import", str(report)]) == 1
    assert capsys.readouterr().err == (
        f"{report}: skipped: no tables found, nothing to import\n"
        f"{report}: nothing imported, no checklist written\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.md", None, "missing.md: no such file"),
        ("latin1.md", "ตาราง".encode("cp874"), "latin1.md: not UTF-8 text (byte 0xb5 at offset 0)"),
        ("report.docx", b"PK", "report.docx: not a Word document (.docx)"),
        ("report.xlsx", b"PK", "report.xlsx: not an Excel workbook (.xlsx)"),
        ("report.doc", b"\xd0\xcf", "report.doc: .doc files are not read directly"),
        ("folder.md", "dir", "folder.md: is a folder, not a report"),
    ],
)
def test_unreadable_reports_exit_2_in_one_line(
    name: str,
    content: bytes | str | None,
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    if content == "dir":
        (tmp_path / name).mkdir()
    elif isinstance(content, bytes):
        (tmp_path / name).write_bytes(content)
    assert main(["import", name]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(message)
    assert len(err.splitlines()) == 1
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ([name] if content else [])


# -- real documents' shapes (issue 18): written for these tests, not copies ------------------


def test_indicator_rows_without_names_take_the_official_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rows `ตัวชี้วัดที่ N | score | ...` once gave ten empty titles that validate rejected."""
    from ita_tui.model import INDICATOR_NAMES

    monkeypatch.chdir(tmp_path)
    report = VARIANTS / "scores-without-names.md"
    assert main(["import", str(report)]) == 0
    err = capsys.readouterr().err
    ids = ", ".join(f"I{n}" for n in range(1, 11))
    assert (
        err
        == f"{report}:9: note: {ids}: the report gives no names: the indicators' official names are used\n"
    )
    written = tmp_path / "scores-without-names.toml"
    assert main(["validate", str(written)]) == 0
    checklist = load_checklist(written)
    assert {item.indicator: item.title for item in checklist.items()} == INDICATOR_NAMES
    assert checklist.find("I7") is not None and checklist.find("I7").score == 84.3  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "score", "rating"),
    [
        ("overall-ita-word.md", 67.54, None),  # คะแนน ITA 67.54
        ("overall-two-sara-e.md", 81.45, None),  # คะเเนน ITA 81.45: two sara-e for แ
        ("overall-number-first.md", 91.15, "ผ่าน"),  # ได้ ๙๑.๑๕ คะแนน อยู่ในระดับผ่าน
        ("overall-band-after-word.md", 96.04, "AA"),  # ได้คะแนน 96.04 (ผ่าน) ระดับ AA
        ("agency-2567.md", 96.12, "ผ่านดีเยี่ยม"),
    ],
)
def test_the_overall_score_as_reports_write_it(name: str, score: float, rating: str | None) -> None:
    head = _import(VARIANTS / name).document["checklist"]
    assert head.get("overall_score") == score
    assert head.get("rating") == rating


def test_a_word_and_a_band_keep_the_band_and_say_so() -> None:
    result = _import(VARIANTS / "overall-band-after-word.md")
    assert _rendered(result) == [
        "overall-band-after-word.md: note: the report gives the result as both ผ่าน and band AA: "
        "AA is kept (a band can be checked)"
    ]
    assert result.clean


def test_a_table_of_several_agencies_is_refused_for_what_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    report = VARIANTS / "agencies-side-by-side.md"
    assert main(["import", str(report)]) == 1
    err = capsys.readouterr().err
    assert "no ตัวชี้วัด column" not in err and "without a มาตรการ or ตัวชี้วัด column" not in err
    assert err.splitlines()[0] == (
        f"{report}:5: skipped: a table with the indicators as its columns (ตัวชี้วัดที่ 1 … ตัวชี้วัดที่ 10) "
        "and 3 rows: the scores of several agencies side by side, not one agency's report; "
        "import reads one row per indicator or measure"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_checklist_validate_would_reject_is_never_written_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The net under the importer: were the names unknown, the problems are printed and exit is 1."""
    import ita_tui.importer as importer

    monkeypatch.setattr(importer, "INDICATOR_NAMES", dict.fromkeys(range(1, 11), ""))
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(VARIANTS / "scores-without-names.md")]) == 1
    err = capsys.readouterr().err.splitlines()
    at = err.index(
        "scores-without-names.toml: the checklist written has 10 problem(s) that validate reports; "
        "fix them before use:"
    )
    assert len(err[at + 1 :]) == 10
    assert all("'title' must not be empty" in line for line in err[at + 1 :])


def test_import_speaks_thai(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from language_check import foreign_words

    monkeypatch.chdir(tmp_path)
    assert main(["import", str(SEED), "--lang", "th"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[:1] == ["เขียน seed-report.toml แล้ว"]
    assert "สถานะ: ยังไม่ได้ดำเนินการ 8, อยู่ระหว่างดำเนินการ 1, ดำเนินการแล้วเสร็จ 7" in out
    assert foreign_words(out + err, "th", [str(SEED), "I3", "I6", "I7", "I8"]) == []


def test_a_report_name_with_escape_codes_is_printed_visible(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 21 point 7: the "nothing imported" and "wrote OUT" lines printed a name's ESC raw."""
    monkeypatch.chdir(tmp_path)
    empty = tmp_path / "no\x1b[31mtables\x1b]52;c;aGk=\x07.md"
    empty.write_text("just text", encoding="utf-8")
    report = tmp_path / "evil\x1b[2J.md"
    report.write_bytes(SEED.read_bytes())
    assert main(["import", empty.name]) == 1
    assert main(["import", report.name, "-o", "out\x1b[1m.toml"]) == 0
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "no␛[31mtables␛]52;c;aGk=␇.md: nothing imported, no checklist written" in err
    assert out.startswith("wrote out␛[1m.toml\n")
    assert main(["validate", "out\x1b[1m.toml"]) == 0  # the name in its comment made the file invalid


def test_a_tick_in_a_sentence_is_text_not_a_box() -> None:
    from ita_tui.importer import extract_boxes

    assert extract_boxes("✓ ทำคู่มือแล้ว") == ("✓ ทำคู่มือแล้ว", [])


def test_the_end_of_an_html_paragraph_ends_its_line() -> None:
    """The title and the organisation are the report's first two lines, however the HTML breaks them."""
    result = parse_report("<p>รายงานผล</p>เทศบาลตำบลทดสอบ", "r.html")
    head = result.document["checklist"]
    assert (head["title"], head["organization"]) == ("รายงานผล", "เทศบาลตำบลทดสอบ")

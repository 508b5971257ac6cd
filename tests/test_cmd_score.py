"""Tests of `ita-tui score FILE [--json]`, through the command line's front door."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ita_tui.cli import main

SEED_SCORES = {
    1: 97.44, 2: 94.03, 3: None, 4: 92.87, 5: 94.05,
    6: 89.31, 7: 92.29, 8: 91.55, 9: 100, 10: 100,
}  # fmt: skip
GROUPS = {"IIT": range(1, 6), "EIT": range(6, 9), "OIT": range(9, 11)}


def checklist_toml(
    scores: dict[int, float | None] | None = None, *, head: str = "", i3_title: str = "การใช้อำนาจ"
) -> str:
    """A checklist file in the DESIGN.md format: the seed's heading and indicators."""
    scores = SEED_SCORES if scores is None else scores
    lines = [
        "format = 1",
        "",
        "[checklist]",
        'title = "รายงานผลการดำเนินการ ประจำปีงบประมาณ พ.ศ.2566"',
        'organization = "เทศบาลตำบลนิคมคำสร้อย"',
        "fiscal_year = 2566",
        "overall_score = 95.75",
        'rating = "ผ่านดี"',
        head,
        "",
        "[[sections]]",
        'id = "measures"',
        'title = "มาตรการ"',
        "",
        "[[sections.items]]",
        'id = "M1"',
        'title = "มาตรการ การสร้างฐานความคิด"',
    ]
    for group, numbers in GROUPS.items():
        if not any(n in scores for n in numbers):
            continue  # a section needs items
        lines += ["", "[[sections]]", f'id = "{group.lower()}"', f'title = "{group}"', f'group = "{group}"']
        for n in numbers:
            if n not in scores:
                continue
            title = i3_title if n == 3 else f"ตัวชี้วัดที่ {n}"
            lines += [
                "",
                "[[sections.items]]",
                f'id = "I{n}"',
                f"title = {json.dumps(title, ensure_ascii=False)}",
            ]
            if scores[n] is not None:
                lines.append(f"score = {scores[n]}")
    return "\n".join(lines) + "\n"


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # Rich wraps at the terminal width; keep every finding on one line for the asserts.
    monkeypatch.setenv("COLUMNS", "200")


def run_score(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, *args: str) -> tuple[int, str]:
    path = tmp_path / "checklist.toml"
    path.write_text(text, encoding="utf-8")
    code = main(["score", str(path), *args])
    out, _err = capsys.readouterr()
    return code, out


def test_seed_table_and_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_score(tmp_path, capsys, checklist_toml())
    assert code == 0
    for text in ("IIT", "EIT", "OIT", "97.44", "91.05", "27.32"):
        assert text in out
    # scores as ITA reports print them: a whole number without decimals
    assert re.search(r"^OIT\b.*\b100\b.*\b40\s*$", out, re.MULTILINE)
    assert "incomplete" in out
    assert "indicator 3 (I3) must have scored 95.53 (95.44–95.61) for the reported 95.75" in out
    assert "ผ่านดี (as reported)" in out
    assert "falls in band AA" in out


def test_seed_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_score(tmp_path, capsys, checklist_toml(), "--json")
    assert code == 0
    assert "ผ่านดี" in out  # ensure_ascii=False
    data = json.loads(out)
    assert "band" in data and data["band"] is None  # incomplete: no computed band
    assert data["implied"]["indicator"] == 3
    assert 95.44 <= data["implied"]["score"] <= 95.61
    assert data["reported"]["band"] == "AA"
    assert [g["group"] for g in data["groups"]] == ["IIT", "EIT", "OIT"]


def test_complete_checklist_json_band(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scores = {**SEED_SCORES, 3: 95.53}
    code, out = run_score(tmp_path, capsys, checklist_toml(scores), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["overall"] == pytest.approx(95.75, abs=0.01)
    assert data["band"] == "AA" and data["passed"] is True
    assert data["warnings"] == []


def test_what_if_and_warnings_are_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scores = {**SEED_SCORES, 3: 80.0}
    code, out = run_score(tmp_path, capsys, checklist_toml(scores))
    assert code == 0
    assert "Overall (computed): 94.82" in out
    assert "Band: A" in out
    assert "What-if:" in out and "(+1.77) lifts the overall into AA" in out
    assert "differs from the reported 95.75" in out


def test_file_text_is_not_markup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_score(tmp_path, capsys, checklist_toml(i3_title="[bold red]ไม่ใช่[/bold red]"))
    assert code == 0
    assert "[bold red]ไม่ใช่[/bold red]" in out


def test_weights_overridden_in_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    head = "\n[checklist.scoring]\ngroups = { IIT = 40, EIT = 20, OIT = 40 }\n"
    code, out = run_score(tmp_path, capsys, checklist_toml(head=head), "--json")
    data = json.loads(out)
    assert code == 0
    assert [g["weight"] for g in data["groups"]] == [40, 20, 40]
    assert data["groups"][0]["indicators"][0]["weight"] == pytest.approx(8)
    assert any("overridden" in note for note in data["notes"])


def test_no_indicators_scores_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_score(tmp_path, capsys, checklist_toml({}))
    assert code == 0
    assert "nothing to score" in out
    code, out = run_score(tmp_path, capsys, checklist_toml({}), "--json")
    data = json.loads(out)
    assert data["scored"] is False and data["groups"] == [] and data["band"] is None


def test_missing_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["score", str(tmp_path / "absent.toml")])
    assert code == 2
    assert "absent.toml" in capsys.readouterr().err


def test_the_bundled_seed_checklist(capsys: pytest.CaptureFixture[str]) -> None:
    bundled = Path(__file__).resolve().parent.parent / "ita_tui" / "checklists" / "fy2566.toml"
    assert main(["score", str(bundled), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["implied"]["indicator"] == 3
    assert 95.44 <= data["implied"]["score"] <= 95.61
    assert data["reported"]["overall"] == 95.75


# --- the language of labels: --lang, else the checklist's `language`, else the locale


def test_lang_th_prints_thai_headings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_score(tmp_path, capsys, checklist_toml(), "--lang", "th")
    assert code == 0
    assert out.startswith("คะแนน ITA · ปีงบประมาณ พ.ศ. 2566 · เกณฑ์การให้คะแนนปี 2566")
    for heading in ("ตัวชี้วัด", "รายการ", "ชื่อตัวชี้วัด", "น้ำหนัก", "คะแนน", "คะแนนถ่วงน้ำหนัก", "ภาพรวม"):
        assert heading in out
    assert "คะแนนภาพรวม (คำนวณ): ยังไม่ครบ" in out
    assert "คะแนนที่ควรได้: ตัวชี้วัดที่ 3 (I3) ต้องได้ 95.53 (95.44–95.61)" in out
    assert "จึงจะได้คะแนนภาพรวม 95.75 ตามที่รายงาน" in out
    assert "คะแนนที่รายงาน: 95.75 · ผ่านดี (ตามที่รายงาน) · อยู่ในระดับ AA" in out
    assert "ระดับ: — · เกณฑ์ผ่าน 85" in out
    assert "หมายเหตุ:" in out
    for english in ("ITA score", "Indicator", "Weight", "Overall (computed)", "Implied", "(as reported)"):
        assert english not in out


def test_lang_th_band_what_if_and_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_score(tmp_path, capsys, checklist_toml({**SEED_SCORES, 3: 80.0}), "--lang", "th")
    assert code == 0
    assert "คะแนนภาพรวม (คำนวณ): 94.82" in out
    assert "ระดับ: A · เกณฑ์ผ่าน 85 · ผ่าน" in out
    assert "ถ้าเพิ่มคะแนน:" in out
    assert "I6 จาก 89.31 เป็น 91.08 (+1.77) คะแนนภาพรวมจะขึ้นเป็นระดับ AA" in out
    assert "คำเตือน:" in out
    assert "คะแนนภาพรวมที่คำนวณได้ 94.82 ต่างจากที่รายงาน (95.75) 0.93 คะแนน" in out
    assert "differs from the reported" not in out


def test_lang_th_nothing_to_score(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_score(tmp_path, capsys, checklist_toml({}), "--lang", "th")
    assert code == 0
    assert "ไฟล์นี้ไม่มีตัวชี้วัด จึงไม่มีคะแนนให้คำนวณ" in out


def test_lang_en_overrides_a_thai_checklist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = checklist_toml(head='language = "th"')
    code, out = run_score(tmp_path, capsys, text, "--lang", "en")
    assert code == 0
    assert out.startswith("ITA score · FY2566 · scoring table 2566")
    for heading in ("Indicator", "Item", "Title", "Weight", "Score", "Points", "Overall"):
        assert heading in out
    assert "Overall (computed): incomplete" in out
    assert "Implied: indicator 3 (I3) must have scored 95.53" in out
    assert "Reported: 95.75 · ผ่านดี (as reported) · falls in band AA" in out
    assert "Band: — · pass mark 85" in out
    assert "คะแนน ITA" not in out and "น้ำหนัก" not in out


def test_default_follows_the_checklist_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = run_score(tmp_path, capsys, checklist_toml(head='language = "th"'))
    assert code == 0
    assert out.startswith("คะแนน ITA")
    assert "คะแนนภาพรวม (คำนวณ): ยังไม่ครบ" in out
    monkeypatch.setenv("LANG", "th_TH.UTF-8")  # the file's language comes before the locale
    code, out = run_score(tmp_path, capsys, checklist_toml(head='language = "en"'))
    assert code == 0
    assert out.startswith("ITA score")
    assert "Overall (computed): incomplete" in out


def test_default_without_a_language_key_follows_the_locale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = run_score(tmp_path, capsys, checklist_toml())
    assert out.startswith("ITA score")
    monkeypatch.setenv("LANG", "th_TH.UTF-8")
    code, out = run_score(tmp_path, capsys, checklist_toml())
    assert code == 0
    assert out.startswith("คะแนน ITA")


def test_json_is_the_same_in_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, thai = run_score(tmp_path, capsys, checklist_toml(), "--json", "--lang", "th")
    _, english = run_score(tmp_path, capsys, checklist_toml(), "--json", "--lang", "en")
    assert json.loads(thai) == json.loads(english)


# --- scoring's findings: in the interface language; the English ones as they always were

ENGLISH_NOTES = [
    "indicator 3 has no score: the overall is incomplete",
    "some of the 2566 indicator weights and band limits are not officially published: "
    "the computed score is an estimate",
]


def bullets(out: str, heading: str) -> list[str]:
    """The bullet lines under *heading* (``Notes:``), without the bullets."""
    lines = out.splitlines()
    start = lines.index(heading) + 1
    found = []
    for line in lines[start:]:
        if not line.lstrip().startswith("•"):
            break
        found.append(line.strip().removeprefix("•").strip())
    return found


def test_thai_notes_on_the_bundled_checklist(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(bundled), "--lang", "th"]) == 0
    out = capsys.readouterr().out
    notes = bullets(out, "หมายเหตุ:")
    assert notes[0] == "ตัวชี้วัดที่ 3 ยังไม่มีคะแนน คะแนนภาพรวมจึงยังไม่ครบ"
    assert len(notes) == len(ENGLISH_NOTES)
    for note in notes:
        assert re.search("[\u0e01-\u0e5b]", note), note
    for english in ENGLISH_NOTES:
        assert english not in out
    for word in ("has no score", "incomplete", "assumed", "indicator weights", "as reported"):
        assert word not in out


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_new_checklist_gets_no_developer_words(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 18: every score table carried "consistent with the example's 95.75" and four notes
    on assumed weights.  Now: the score, how it is computed, one plain line on what is uncertain."""
    target = tmp_path / "new.toml"
    assert main(["new", str(target), "--template", "new-year"]) == 0
    capsys.readouterr()
    assert main(["score", str(target), "--lang", lang]) == 0
    out = capsys.readouterr().out
    for developer in ("95.75", "seed", "ตัวอย่าง", "DOMAIN", "assumed", "สันนิษฐาน", "unconfirmed", "documented"):
        assert developer not in out
    how = "วิธีคำนวณ: " if lang == "th" else "How: "
    assert sum(line.startswith(how) for line in out.splitlines()) == 1
    uncertain = "ยังไม่มีประกาศยืนยัน" if lang == "th" else "not officially published"
    assert sum(uncertain in line for line in out.splitlines()) == 1


def test_english_notes_on_the_bundled_checklist(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(bundled), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert bullets(out, "Notes:") == ENGLISH_NOTES
    assert "Warnings:" not in out
    assert main(["score", str(bundled), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["notes"] == ENGLISH_NOTES
    assert data["note_messages"][0] == {"key": "scoring.missing_one", "fields": {"number": 3}}

"""Comparing years: the chain of `previous` files, the changes, `ita-tui compare`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from owners_data import write_years

from ita_tui.checklist_file import load_checklist
from ita_tui.cli import main
from ita_tui.compare import Change, Year, change_words, compare, previous_chain, sparkline

TODAY = date(2026, 11, 25)


@pytest.fixture
def years(tmp_path: Path) -> Path:
    return write_years(tmp_path, TODAY)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_chain_is_followed_back_oldest_first(years: Path) -> None:
    chain = previous_chain(years, load_checklist(years))
    assert [path.name for path, _ in chain.years] == ["fy2565.toml", "fy2566.toml"]
    assert chain.problems == []


def test_a_missing_previous_file_ends_the_chain_and_says_so(years: Path) -> None:
    (years.parent / "fy2565.toml").unlink()
    chain = previous_chain(years, load_checklist(years))
    assert [path.name for path, _ in chain.years] == ["fy2566.toml"]
    [problem] = chain.problems
    assert "fy2565.toml: no such file" in problem.render("en")
    assert problem.render("th").startswith("อ่านไฟล์ปีก่อนหน้าไม่ได้")


def test_a_loop_of_previous_links_stops(tmp_path: Path) -> None:
    for name, previous in (("a.toml", "b.toml"), ("b.toml", "a.toml")):
        (tmp_path / name).write_text(
            f'format = 1\n[checklist]\ntitle = "x"\nprevious = "{previous}"\n'
            '[[sections]]\nid = "s"\ntitle = "S"\nitems = []\n',
            encoding="utf-8",
        )
    start = tmp_path / "a.toml"
    chain = previous_chain(start, load_checklist(start))
    assert [path.name for path, _ in chain.years] == ["b.toml"]
    assert "loop back" in chain.problems[0].render("en")


def test_changes_per_indicator_group_and_overall(years: Path) -> None:
    chain = previous_chain(years, load_checklist(years))
    labelled = [Year(str(c.fiscal_year), c) for _, c in chain.years]
    result = compare([*labelled, Year("2567", load_checklist(years))])
    assert result.labels == ("2565", "2566", "2567")
    by_key = {change.key: change for change in result.indicators}
    assert by_key["1"].scores == (95.34, 97.44, 98.1)
    assert (by_key["1"].delta, by_key["1"].direction) == (0.66, "up")
    assert (by_key["2"].delta, by_key["2"].direction) == (-0.53, "down")
    assert (by_key["4"].delta, by_key["4"].direction) == (0.0, "same")
    assert (by_key["3"].before, by_key["3"].delta, by_key["3"].direction) == (None, None, None)
    assert by_key["1"].group == "IIT" and by_key["9"].group == "OIT"
    assert [group.key for group in result.groups] == ["IIT", "EIT", "OIT"]
    # The score that counts: reported 95.75 in 2566 (I3 unscored), computed in 2567.
    assert result.overall.scores[1:] == (95.75, 95.8)


@pytest.mark.parametrize(
    ("scores", "th", "en"),
    [
        ((90.0, 91.23), "▲ เพิ่มขึ้น 1.23", "▲ up 1.23"),
        ((91.0, 90.5), "▼ ลดลง 0.50", "▼ down 0.50"),
        ((90.0, 90.0), "= เท่าเดิม", "= the same"),
        ((None, 90.0), "—", "—"),
    ],
)
def test_change_in_words(scores: tuple[float | None, ...], th: str, en: str) -> None:
    change = Change("1", "x", scores)
    assert change_words(change, "th") == th
    assert change_words(change, "en") == en


def test_sparkline() -> None:
    assert sparkline((90.0, 95.0, 100.0)) == "▁▅█"
    assert sparkline((90.0, None, 100.0)) == "▁ █"
    assert sparkline((95.0, 95.0)) == "▅▅"
    assert sparkline((None, None)) == "  "


def test_compare_command_prints_each_indicator_with_its_change(
    years: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    last = years.parent / "fy2566.toml"
    code, out, err = run(capsys, "compare", str(last), str(years), "--lang", "th")
    assert (code, err) == (0, "")
    assert "2566" in out and "2567" in out and "ย้อนหลัง 2565–2567" in out
    line = next(line for line in out.splitlines() if "การปฏิบัติหน้าที่" in line)
    assert "97.44" in line and "98.10" in line and "▲ เพิ่มขึ้น 0.66" in line and "▁▆█" in line
    assert "▼ ลดลง 0.53" in out


def test_compare_json(years: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "compare", str(years.parent / "fy2566.toml"), str(years), "--json")
    data = json.loads(out)
    assert code == 0 and data["years"] == ["2565", "2566", "2567"]
    first = data["indicators"][0]
    assert first == {
        "key": "1",
        "title": "การปฏิบัติหน้าที่",
        "scores": [95.34, 97.44, 98.1],
        "change": 0.66,
        "direction": "up",
    }
    assert data["overall"]["scores"][1:] == [95.75, 95.8]


def test_compare_two_files_of_the_same_year_names_them_by_file(
    bundled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "compare", str(bundled), str(bundled), "--json")
    assert code == 0 and json.loads(out)["years"] == ["fy2566", "fy2566"]


def test_compare_a_broken_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "compare", str(tmp_path / "none.toml"), str(tmp_path / "x.toml"))
    assert (code, out) == (2, "")
    assert err.strip().endswith("none.toml: no such file")


def test_a_previous_year_that_cannot_be_read_is_said_and_the_rest_compared(
    years: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (years.parent / "fy2565.toml").write_text("not toml [", encoding="utf-8")
    code, out, err = run(capsys, "compare", str(years.parent / "fy2566.toml"), str(years), "--lang", "en")
    assert code == 0
    assert "cannot read the previous year" in err and "fy2565.toml" in err
    assert "History" not in out  # two years only

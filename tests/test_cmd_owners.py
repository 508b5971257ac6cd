"""Owners and due dates on the command line: `set --due`; --owner, --overdue, --due-within."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from owners_data import write_example

from ita_tui import dates
from ita_tui.checklist_file import load_checklist
from ita_tui.cli import main

TODAY = date(2026, 11, 25)


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands' today (in Bangkok) is pinned."""
    monkeypatch.setattr(dates, "bangkok_today", lambda now=None: TODAY)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return write_example(tmp_path / "fy2566.toml", TODAY)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def shown_ids(capsys: pytest.CaptureFixture[str], path: Path, *options: str) -> list[str]:
    code, out, err = run(capsys, "export", str(path), "--format", "json", "-o", "-", *options)
    assert (code, err) == (0, "")
    return [item["id"] for section in json.loads(out)["sections"] for item in section["items"]]


@pytest.mark.parametrize(
    ("options", "ids"),
    [
        (["--owner", "กองคลัง"], ["M2", "M3"]),
        (["--owner", "คลัง"], ["M2", "M3"]),
        (["--owner", "สำนักปลัดเทศบาล"], ["M3", "M4", "M5"]),
        (["--owner", "กองคลัง", "--owner", "สำนักปลัดเทศบาล"], ["M2", "M3", "M4", "M5"]),
        (["--owner", "กองคลัง,สำนักปลัดเทศบาล"], ["M2", "M3", "M4", "M5"]),
        (["--overdue"], ["M2"]),
        (["--due-within", "5"], ["M2", "M3"]),
        (["--due-within", "๔"], ["M2"]),
        (["--due-within", "30", "--owner", "สำนักปลัด"], ["M3", "M4"]),
        (["--owner", "กองคลัง", "--status", "not-started"], ["M3"]),
        (["--owner", "ไม่มีใคร"], []),
    ],
)
def test_export_filters(
    example: Path, capsys: pytest.CaptureFixture[str], options: list[str], ids: list[str]
) -> None:
    assert shown_ids(capsys, example, *options) == ids


def test_every_office_is_asked_for_by_name(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    indicators = [f"I{n}" for n in range(1, 11)]
    assert shown_ids(capsys, example, "--owner", "ทุกส่วนราชการ") == ["M1", *indicators]
    assert shown_ids(capsys, example, "--owner", "all offices") == ["M1", *indicators]


def test_json_and_csv_carry_the_due_date(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "export", str(example), "--format", "json", "-o", "-", "--overdue")
    assert json.loads(out)["sections"][0]["items"][0]["due"] == "2026-11-22"
    _, out, _ = run(capsys, "export", str(example), "--format", "csv", "-o", "-", "--overdue", "--lang", "en")
    header, row = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert (header[8], row[2], row[8]) == ("Due", "M2", "2026-11-22")


def test_show_owner_says_what_is_shown(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", str(example), "--owner", "กองคลัง", "--width", "100", "--lang", "th")
    assert code == 0
    assert "แสดงเฉพาะ: ผู้รับผิดชอบ กองคลัง" in out
    assert "M2" in out and "M3" in out and "M4" not in out and "I1 " not in out


def test_filter_line_names_every_filter(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", str(example), "--overdue", "--due-within", "7", "--lang", "en")
    assert "Showing only: overdue · due within 7 days" in out


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--due-within", "x"], "--due-within: “x” is not a number"),
        (["--due-within", "-1"], "--due-within: -1 is below 0"),
        (["--due-within", "1.5"], "--due-within: “1.5” is not a whole number"),
        (["--owner", " , "], "--owner: give an owner's name"),
    ],
)
def test_bad_filter_values_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    # Checked before the file is read: the file does not even exist.
    for command in ("show", "export"):
        code, out, err = run(capsys, command, str(tmp_path / "missing.toml"), *options)
        assert (code, out) == (2, "")
        assert err.startswith(message)


@pytest.mark.parametrize(
    ("typed", "due"),
    [
        ("15/12/2569", date(2026, 12, 15)),
        ("15 ธ.ค. 2569", date(2026, 12, 15)),
        ("๑๕ ธ.ค.", date(2026, 12, 15)),
        ("2026-12-15", date(2026, 12, 15)),
        ("+7", date(2026, 12, 2)),
    ],
)
def test_set_due(bundled: Path, capsys: pytest.CaptureFixture[str], typed: str, due: date) -> None:
    code, out, err = run(capsys, "set", str(bundled), "M2", "--due", typed, "--lang", "en")
    assert (code, err) == (0, "")
    assert out == "saved: due date of M2\n"
    item = load_checklist(bundled).find("M2")
    assert item is not None and item.due == due
    assert f"\ndue = {due.isoformat()}\n" in bundled.read_text(encoding="utf-8")


def test_set_due_empty_clears_it(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "set", str(example), "M2", "--due", "")[0] == 0
    item = load_checklist(example).find("M2")
    assert item is not None and item.due is None
    assert "due = 2026-11-22" not in example.read_text(encoding="utf-8")


def test_set_the_same_due_date_writes_nothing(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = example.read_bytes()
    code, out, _ = run(capsys, "set", str(example), "M2", "--due", "22/11/2569", "--lang", "en")
    assert (code, out) == (0, "nothing to change\n")
    assert example.read_bytes() == before


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31/2/2569", "--due: “31/2/2569”: there is no such day"),
        ("15/12/69", "--due: “15/12/69”: write the year in full (2569 or 2026)"),
        ("soon", "--due: “soon” is not a date"),
    ],
)
def test_set_bad_due_is_a_usage_error_and_writes_nothing(
    bundled: Path, capsys: pytest.CaptureFixture[str], typed: str, message: str
) -> None:
    before = bundled.read_bytes()
    code, _, err = run(capsys, "set", str(bundled), "M2", "--due", typed)
    assert code == 2 and err.startswith(message)
    assert bundled.read_bytes() == before

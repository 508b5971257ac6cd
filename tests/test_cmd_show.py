"""`ita-tui show FILE`: the summary in the terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from ita_tui.cli import main

TRICKY = """format = 1
[checklist]
title = "แผน [/bold] [link=http://x]click[/link] [@click=app.quit]x[/]"
organization = "อบต. ทดสอบ"
fiscal_year = 2567

[[sections]]
id = "measures"
title = "มาตรการ [bold]"

[[sections.items]]
id = "M1"
title = "มาตรการแรก [/]"
status = "done"
notes = "[red]ไม่ใช่สีแดง"

[[sections.items]]
id = "M2"
title = "มาตรการที่สอง"
status = "in-progress"

[[sections.items]]
id = "M3"
title = "มาตรการที่สาม"
"""


@pytest.fixture
def tricky(tmp_path: Path) -> Path:
    path = tmp_path / "tricky.toml"
    path.write_text(TRICKY, encoding="utf-8")
    return path


def test_show_prints_plain_when_piped(bundled: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["show", str(bundled), "--width", "100"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out, "no colour codes when the output is not a terminal"
    assert "ความคืบหน้า: เสร็จ 7 จาก 16" in out and "97.44" in out and "I10" in out
    assert max(len(line) for line in out.splitlines() if line.isascii()) <= 100


def test_show_status_filter(bundled: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["show", str(bundled), "--status", "in-progress", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "I8" in out and "ปรับปรุงการทำงาน" in out
    assert "การปฏิบัติหน้าที่" not in out and "M1" not in out
    assert "Showing only: In progress" in out


def test_show_status_accepts_thai_and_lists(bundled: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["show", str(bundled), "--status", "ดำเนินการแล้วเสร็จ,in-progress"]) == 0
    out = capsys.readouterr().out
    assert "I1" in out and "I8" in out and "M1" not in out


def test_show_full_has_detail_fields(bundled: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["show", str(bundled), "--full", "--width", "120"]) == 0
    out = capsys.readouterr().out
    assert "วิธีดำเนินการ:" in out and "แนวทางในการยกระดับการประเมิน:" in out


def test_show_keeps_markup_literal(tricky: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["show", str(tricky), "--width", "120"]) == 0
    out = capsys.readouterr().out
    assert "แผน [/bold] [link=http://x]click[/link] [@click=app.quit]x[/]" in out
    assert "มาตรการแรก [/]" in out and "[red]ไม่ใช่สีแดง" in out and "มาตรการ [bold]" in out


def test_show_in_colour_on_a_terminal(tricky: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert main(["show", str(tricky), "--width", "120"]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" in out
    assert "[/bold] [link=http://x]click[/link]" in out
    assert "\x1b]8;" not in out, "no hidden hyperlinks"


def test_show_thai_digits(bundled: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["show", str(bundled), "--thai-digits", "--lang", "th"]) == 0
    assert "๙๗.๔๔" in capsys.readouterr().out


@pytest.mark.parametrize(("argv", "code"), [(["--status", "x"], 2), (["--width", "3"], 2)])
def test_show_usage_errors(bundled: Path, argv: list[str], code: int, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["show", str(bundled), *argv]) == code
    assert capsys.readouterr().err


def test_show_missing_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["show", str(tmp_path / "nope.toml")]) == 2
    assert "no such file" in capsys.readouterr().err

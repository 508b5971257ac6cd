"""The command line end to end through its entry point: exit codes, stdout, stderr."""

from __future__ import annotations

import difflib
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from ita_tui.checklist_file import load_checklist
from ita_tui.cli import COMMANDS, main
from ita_tui.model import Status


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def diff_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_issue_flow_new_validate_set_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`new x.toml && validate x.toml && set x.toml I8 --status done && export --format json -o -`."""
    target = tmp_path / "x.toml"
    assert run(capsys, "new", str(target))[0] == 0
    original = target.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(target))
    assert (code, out) == (0, f"{target}: ok (16 items)\n")
    code, out, err = run(capsys, "set", str(target), "I8", "--status", "done", "--lang", "en")
    assert (code, out, err) == (0, "saved: status of I8\n", "")
    changed = diff_lines(original, target.read_text(encoding="utf-8"))
    assert changed[:2] == ['-status = "in-progress"', '+status = "done"']
    assert len(changed) == 3 and changed[2].startswith("+updated = ")
    code, out, _ = run(capsys, "export", str(target), "--format", "json", "-o", "-")
    data = json.loads(out)
    assert code == 0
    assert data["progress"] == {"total": 16, "done": 8, "in-progress": 0, "not-started": 8}
    i8 = next(item for s in data["sections"] for item in s["items"] if item["id"] == "I8")
    assert i8["status"] == "done" and i8["updated"] is not None and i8["score"] == 91.55


def test_set_same_status_writes_nothing(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = bundled.read_bytes()
    code, out, _ = run(capsys, "set", str(bundled), "I1", "--status", "ดำเนินการแล้วเสร็จ")
    assert (code, out) == (0, "ไม่มีอะไรเปลี่ยน\n")  # in the checklist's language
    assert bundled.read_bytes() == before


def test_set_note_and_thai_digit_score(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "set", str(bundled), "I3", "--score", "๙๕.๕๓", "--note", "คะแนนจากหนังสือแจ้งผล")
    assert (code, err) == (0, "")
    item = load_checklist(bundled).find("I3")
    assert item is not None
    assert (item.score, item.notes) == (95.53, "คะแนนจากหนังสือแจ้งผล")
    assert run(capsys, "set", str(bundled), "I3", "--score", "none")[0] == 0
    cleared = load_checklist(bundled).find("I3")
    assert cleared is not None and cleared.score is None


def test_set_unknown_id_suggests_near_matches(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "set", str(bundled), "i8", "--status", "done", "--lang", "en")
    assert code == 2 and out == ""
    assert err == f"{bundled}: no item with id i8; did you mean I8?\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--status", "maybe"],
            "--status: unknown status 'maybe' (use one of not-started, in-progress, done)",
        ),
        (["--score", "101"], "--score: 101 is outside 0-100"),
        (["--score", "abc"], "--score: “abc” is not a number"),
        (
            [],
            "ita-tui set: nothing to change "
            "(give --status, --note, --score, --due, --title, --rename or --field)",
        ),
    ],
)
def test_set_bad_usage(
    bundled: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = bundled.read_bytes()
    code, _, err = run(capsys, "set", str(bundled), "I1", *args)
    assert (code, err) == (2, message + "\n")
    assert bundled.read_bytes() == before


def test_validate_exit_codes(tmp_path: Path, bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('format = 1\n[checklist]\ntitle = "t"\n[[sections]]\nid = "s"\n', encoding="utf-8")
    code, out, err = run(capsys, "validate", str(bundled), str(broken))
    assert code == 1
    assert out == f"{bundled}: ok (16 items)\n"
    assert err == (f"{broken}:4:1: missing required key 'title'\n")
    code, _, err = run(capsys, "validate", str(broken), str(tmp_path / "missing.toml"))
    assert code == 2
    assert err.endswith(f"{tmp_path / 'missing.toml'}: no such file\n")


def test_new_lists_templates_and_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "new", "--list")
    assert code == 0 and out.startswith("fy2566 (default)  รายงานผลการดำเนินการ")
    target = tmp_path / "a.toml"
    target.write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "new", str(target))
    assert (code, err) == (2, f"{target}: already exists (use --force to overwrite it)\n")
    assert target.read_text(encoding="utf-8") == "mine"
    assert run(capsys, "new", str(target), "--force")[0] == 0
    assert load_checklist(target).find("I8") is not None
    code, _, err = run(capsys, "new", str(tmp_path / "b.toml"), "--template", "nope")
    assert code == 2 and err.startswith("ita-tui new: no template 'nope'")


def test_export_json_default_path_never_overwrites(
    bundled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    stamp = date.today().isoformat()
    first = run(capsys, "export", str(bundled), "--format", "json")
    second = run(capsys, "export", str(bundled), "--format", "json")
    assert first == (0, f"exports/fy2566-{stamp}.json\n", "")
    assert second == (0, f"exports/fy2566-{stamp}-2.json\n", "")
    data = json.loads((tmp_path / "exports" / f"fy2566-{stamp}.json").read_text(encoding="utf-8"))
    assert data["title"].startswith("รายงานผลการดำเนินการ")
    assert data["fiscal_year"] == 2566 and data["overall_score"] == 95.75 and data["rating"] == "ผ่านดี"
    assert [s["group"] for s in data["sections"]] == [None, "IIT", "EIT", "OIT"]


def test_export_status_filter(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", str(bundled), "-f", "json", "-o", "-", "--status", "in-progress")
    ids = [item["id"] for s in json.loads(out)["sections"] for item in s["items"]]
    assert (code, ids) == (0, ["I8"])


def test_export_to_existing_file_needs_force(
    bundled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.json"
    target.write_text("keep", encoding="utf-8")
    code, _, err = run(capsys, "export", str(bundled), "-f", "json", "-o", str(target))
    assert (code, err) == (2, f"{target}: already exists (use --force to overwrite it)\n")
    assert target.read_text(encoding="utf-8") == "keep"
    assert run(capsys, "export", str(bundled), "-f", "json", "-o", str(target), "--force")[0] == 0
    assert json.loads(target.read_text(encoding="utf-8"))["progress"]["total"] == 16


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    assert f"usage: ita-tui {command}" in capsys.readouterr().out


def test_version_and_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("ita-tui ")
    code, _, err = run(capsys, "validate")
    assert code == 2
    assert err == "ita-tui validate: the following arguments are required: FILE (see --help)\n"


def test_internal_errors_are_one_line(
    monkeypatch: pytest.MonkeyPatch, bundled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import ita_tui.commands.validate as validate

    def boom(args: object) -> int:
        raise RuntimeError("unexpected")

    monkeypatch.setattr(validate, "run", boom)
    code, _, err = run(capsys, "validate", str(bundled))
    assert code == 70
    assert err == "ita-tui: internal error: RuntimeError: unexpected (set ITA_TUI_DEBUG=1 for details)\n"


def test_entry_point_runs_without_textual(bundled: Path) -> None:
    script = (
        "import sys; from ita_tui.cli import main; code = main(['validate', sys.argv[1]]);"
        "assert 'textual' not in sys.modules and 'tomlkit' not in sys.modules, sorted(sys.modules);"
        "raise SystemExit(code)"
    )
    result = subprocess.run([sys.executable, "-c", script, str(bundled)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_status_set_keeps_other_items(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "set", str(bundled), "M3", "--status", "in-progress")
    checklist = load_checklist(bundled)
    statuses = {item.id: item.status for item in checklist.items()}
    assert statuses["M3"] is Status.IN_PROGRESS
    assert [i for i, s in statuses.items() if s is Status.DONE] == ["I1", "I2", "I3", "I4", "I5", "I6", "I7"]


def test_status_filter_open_means_not_done(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", str(bundled), "-f", "json", "-o", "-", "--status", "open")
    ids = [item["id"] for s in json.loads(out)["sections"] for item in s["items"]]
    assert (code, ids) == (0, ["M1", "M2", "M3", "M4", "M5", "M6", "I8", "I9", "I10"])


@pytest.mark.parametrize("text", ["nan", "inf", "1e2"])
def test_set_refuses_what_float_would_half_accept(
    bundled: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    before = bundled.read_bytes()
    code, _, err = run(capsys, "set", str(bundled), "I3", "--score", text)
    assert (code, err) == (2, f"--score: “{text}” is not a number\n")
    assert bundled.read_bytes() == before


def test_set_score_with_a_comma_says_how_to_write_it(
    bundled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "set", str(bundled), "I3", "--score", "95,5")
    assert (code, err) == (2, "--score: “95,5”: write decimals with a point (95.75) and without commas\n")

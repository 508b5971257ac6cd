"""`ita-tui evidence FILE ID`: list, add, edit and remove an item's evidence from the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ita_tui.checklist_file import load
from ita_tui.cli import main
from ita_tui.model import Evidence


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def oit(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "oit.toml"
    assert run(capsys, "new", str(path), "--template", "oit-2566")[0] == 0
    return path


def evidence_of(path: Path, item_id: str) -> list[Evidence]:
    item = load(path).checklist.find(item_id)
    assert item is not None
    return item.evidence


def test_new_oit_then_evidence_from_the_command_line(oit: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = oit.read_text(encoding="utf-8")
    code, out, _ = run(
        capsys,
        "evidence",
        str(oit),
        "O1",
        "--add-url",
        "https://www.example.go.th/ita/o1",
        "--label",
        "โครงสร้างหน่วยงาน",
        "--published",
        "1/11/2569",
    )
    assert (code, out) == (0, "บันทึกแล้ว: เพิ่มหลักฐานของ O1\n")  # the template's language is Thai
    anchor = 'id = "O1"\ntitle = "โครงสร้าง"\nstatus = "not-started"\ntopic = "ข้อมูลพื้นฐาน"\n'
    block = (
        '\n[[sections.items.evidence]]\nurl = "https://www.example.go.th/ita/o1"\nlabel = "โครงสร้างหน่วยงาน"\n'
        "published = 2026-11-01\n"
    )
    assert oit.read_text(encoding="utf-8") == before.replace(anchor, anchor + block)
    assert evidence_of(oit, "O1") == [
        Evidence(url="https://www.example.go.th/ita/o1", label="โครงสร้างหน่วยงาน", published=date(2026, 11, 1))
    ]


def test_list_add_a_file_edit_and_remove(oit: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = oit.parent
    (folder / "หลักฐาน").mkdir()
    (folder / "หลักฐาน" / "o2.pdf").write_bytes(b"%PDF")
    assert run(capsys, "evidence", str(oit), "O2", "--lang", "en")[1] == "O2 ข้อมูลผู้บริหาร\nno evidence yet\n"
    assert run(capsys, "evidence", str(oit), "O2", "--add-url", "https://www.example.go.th/o2")[0] == 0
    # A path as the shell gives it, from the checklist's folder: kept relative to that folder, with /.
    assert run(capsys, "evidence", str(oit), "O2", "--add-path", str(folder / "หลักฐาน" / "o2.pdf"))[0] == 0
    code, out, _ = run(capsys, "evidence", str(oit), "O2", "--lang", "en")
    assert out == "O2 ข้อมูลผู้บริหาร\n  1. https://www.example.go.th/o2\n  2. หลักฐาน/o2.pdf\n"
    code, out, _ = run(
        capsys, "evidence", str(oit), "O2", "--edit", "1", "--label", "ผู้บริหาร", "--published", "2026-12-01"
    )
    assert code == 0
    assert evidence_of(oit, "O2")[0] == Evidence(
        url="https://www.example.go.th/o2", label="ผู้บริหาร", published=date(2026, 12, 1)
    )
    code, out, _ = run(capsys, "evidence", str(oit), "O2", "--lang", "en")
    assert "  1. ผู้บริหาร — https://www.example.go.th/o2 · published 1 Dec 2026\n" in out
    # --edit keeps what is not given, and clears what is given empty.
    run(capsys, "evidence", str(oit), "O2", "--edit", "1", "--published", "none")
    assert evidence_of(oit, "O2")[0] == Evidence(url="https://www.example.go.th/o2", label="ผู้บริหาร")
    run(capsys, "evidence", str(oit), "O2", "--edit", "1", "--url", "https://www.example.go.th/2566/o2")
    assert evidence_of(oit, "O2")[0].url == "https://www.example.go.th/2566/o2"
    code, out, _ = run(capsys, "evidence", str(oit), "O2", "--remove", "1", "--lang", "en")
    assert (code, out) == (0, "saved: removed evidence of O2\n")
    assert evidence_of(oit, "O2") == [Evidence(path="หลักฐาน/o2.pdf")]


def test_the_same_edit_again_writes_nothing(oit: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "evidence", str(oit), "O3", "--add-url", "https://www.example.go.th/o3", "--label", "x")
    before = oit.read_bytes()
    code, out, _ = run(capsys, "evidence", str(oit), "O3", "--edit", "1", "--label", "x", "--lang", "en")
    assert (code, out) == (0, "nothing to change\n")
    assert oit.read_bytes() == before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["O1", "--add-url", "www.example.go.th/o1"],
            "--add-url: a web address must start with http:// or https://",
        ),
        (["O1", "--add-url", "https://x.go.th/a b"], "--add-url: the web address has a space"),
        (["O1", "--remove", "1"], "there is no evidence number 1 (there are 0)"),
        (["O1", "--edit", "2", "--label", "x"], "there is no evidence number 2 (there are 0)"),
        (["O99", "--add-url", "https://x.go.th/"], "no item with id O99"),
        (["O1", "--label", "x"], "--label and --published go with --add-url, --add-path or --edit N"),
        (["O1", "--url", "https://x.go.th/"], "--url and --path go with --edit N"),
        (["O1", "--add-url", "https://x.go.th/", "--remove", "1"], "not allowed with argument"),
        (["O1", "--add-path", "x.pdf", "--published", "31/2/2569"], "--published:"),
    ],
)
def test_refused_with_exit_2_and_nothing_written(
    oit: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    before = oit.read_bytes()
    code, _, err = run(capsys, "evidence", str(oit), *argv, "--lang", "en")
    assert code == 2 and message in err, err
    assert oit.read_bytes() == before


def test_next_year_starts_without_last_years_evidence(oit: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "evidence", str(oit), "O1", "--add-url", "https://www.example.go.th/ita/o1")
    run(capsys, "evidence", str(oit), "O2", "--add-url", "https://www.example.go.th/ita/o2")
    following = oit.parent / "oit-2567.toml"
    code, out, _ = run(capsys, "new", str(following), "--from", str(oit), "--lang", "en")
    assert code == 0 and "evidence ×2" in out  # said, with the other results reset
    assert "\n[[sections.items.evidence]]" not in following.read_text(
        encoding="utf-8"
    )  # the header's example stays
    assert all(item.evidence == [] for item in load(following).checklist.items())
    assert evidence_of(oit, "O1") != []  # last year's file is not touched

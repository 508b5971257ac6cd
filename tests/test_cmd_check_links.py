"""`ita-tui check-links`: exit codes, the text report, --json, the progress bar, on a local server."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from evidence_helpers import evidence_block, oit_with_links, with_evidence
from link_server import AGENCY_MOVED_TO, Stats

from ita_tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_names_exactly_the_broken_ones_and_why(
    link_site: tuple[str, Stats], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = link_site[0]
    path = oit_with_links(tmp_path, base)
    code, out, err = run(capsys, "check-links", str(path), "--timeout", "10", "--lang", "en")
    assert code == 1 and err == ""  # no progress bar when stderr is not a terminal
    assert out.splitlines() == [
        "Items with broken evidence: 2",
        "  O7 ข่าวประชาสัมพันธ์",
        f"    ✗ {base}/ita/o7 — page not found (HTTP 404)",
        "  O10 นโยบายคุ้มครองข้อมูลส่วนบุคคล",
        f"    ✗ {base}/ita/o10 — the page now asks for a login at {base}/login?next=/ita/o10",
        "",
        "Items whose evidence moved but still works: 1 (better give the new address)",
        "  O5 ข้อมูลการติดต่อ",
        f"    → {base}/ita/o5 — works, but moved (301) to {base}{AGENCY_MOVED_TO}",
        "",
        "Checked 12 links and files: 2 broken, 1 moved, 9 fine",
    ]


def test_the_report_in_thai(
    link_site: tuple[str, Stats], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = oit_with_links(tmp_path, link_site[0])  # the template's language is Thai
    code, out, _ = run(capsys, "check-links", str(path), "--timeout", "10")
    assert code == 1
    assert "รายการที่มีหลักฐานใช้ไม่ได้ 2 รายการ:" in out
    assert "ไม่พบหน้านี้ (HTTP 404)" in out
    assert out.rstrip().endswith("ตรวจแล้ว 12 ลิงก์และไฟล์: ใช้ไม่ได้ 2 · ย้ายที่ 1 · ใช้ได้ 9")


def test_json_one_entry_a_link_or_file(
    link_site: tuple[str, Stats], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = link_site[0]
    (tmp_path / "หลักฐาน").mkdir()
    (tmp_path / "หลักฐาน" / "o1.pdf").write_bytes(b"%PDF")
    text = with_evidence(
        oit_with_links(tmp_path, base).read_text(encoding="utf-8"),
        {"O1": evidence_block(path="หลักฐาน/o1.pdf"), "O2": evidence_block(path="หลักฐาน/o2.pdf")},
    )
    path = tmp_path / "oit.toml"
    path.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "check-links", str(path), "--json", "--timeout", "10", "--lang", "en")
    entries = json.loads(out)
    assert code == 1 and len(entries) == 14
    by_address = {entry.get("url") or entry.get("path"): entry for entry in entries}
    assert by_address[f"{base}/ita/o1"] == {
        "id": "O1",
        "url": f"{base}/ita/o1",
        "ok": True,
        "status": 200,
        "why": None,
        "message": "works",
        "redirects": [],
        "final_url": None,
    }
    assert by_address["หลักฐาน/o1.pdf"]["ok"] is True and by_address["หลักฐาน/o1.pdf"]["status"] is None
    assert by_address["หลักฐาน/o2.pdf"] | {"message": ""} == {
        "id": "O2",
        "path": "หลักฐาน/o2.pdf",
        "ok": False,
        "status": None,
        "why": "missing",
        "message": "",
        "redirects": [],
        "final_url": None,
    }
    moved = by_address[f"{base}/ita/o5"]
    assert moved["ok"] is True and moved["redirects"] == [{"status": 301, "url": base + AGENCY_MOVED_TO}]
    assert by_address[f"{base}/ita/o7"] | {"message": ""} == {
        "id": "O7",
        "url": f"{base}/ita/o7",
        "ok": False,
        "status": 404,
        "why": "http-error",
        "message": "",
        "redirects": [],
        "final_url": None,
    }
    assert by_address[f"{base}/ita/o10"]["why"] == "login"
    assert [entry["id"] for entry in entries if not entry["ok"]] == ["O2", "O7", "O10"]


def test_all_fine_exits_0(
    link_site: tuple[str, Stats], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "fine.toml"
    blocks = {"O1": evidence_block(link_site[0] + "/ok"), "O2": evidence_block(link_site[0] + "/o3.pdf")}
    path.write_text(with_evidence(oit_text(), blocks), encoding="utf-8")
    code, out, _ = run(capsys, "check-links", str(path), "--lang", "en", "--timeout", "10")
    assert (code, out) == (0, "Checked 2 links and files: 0 broken, 0 moved, 2 fine\n")


def test_no_evidence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "none.toml"
    path.write_text(oit_text(), encoding="utf-8")
    code, out, _ = run(capsys, "check-links", str(path), "--lang", "en")
    assert code == 0 and out.startswith("No evidence to check")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--jobs", "0"], "--jobs: from 1 to 32"),
        (["--timeout", "0"], "--timeout: more than 0"),
        (["--timeout", "soon"], "--timeout: invalid value: 'soon'"),
    ],
)
def test_usage_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    path = tmp_path / "none.toml"
    path.write_text(oit_text(), encoding="utf-8")
    code, _, err = run(capsys, "check-links", str(path), *argv, "--lang", "en")
    assert code == 2 and message in err


def test_unreadable_and_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check-links", str(tmp_path / "missing.toml"))
    assert code == 2 and "no such file" in err
    bad = tmp_path / "bad.toml"
    bad.write_text(with_evidence(oit_text(), {"O1": evidence_block("www.x.go.th/o1")}), encoding="utf-8")
    code, _, err = run(capsys, "check-links", str(bad))
    assert code == 1 and "a web address must start with http:// or https://" in err and ":" in err.split()[0]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal(
    link_site: tuple[str, Stats],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = oit_with_links(tmp_path, link_site[0])
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code = main(["check-links", str(path), "--lang", "en", "--timeout", "10"])
    assert code == 1
    shown = terminal.getvalue()
    assert "Checking links" in shown and "12/12" in shown


def oit_text() -> str:
    from ita_tui import templates

    template = templates.find("oit-2566")
    assert template is not None
    return template.read_bytes().decode("utf-8")

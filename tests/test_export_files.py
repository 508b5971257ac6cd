"""`ita-tui export`: where files land, never overwriting, and the command's options."""

from __future__ import annotations

import errno
import json
import os
from datetime import date
from pathlib import Path

import pytest

from ita_tui.cli import main
from ita_tui.exports.destination import FileTakenError, default_path, safe_stem, write_new
from ita_tui.exports.registry import FORMATS


def test_default_path_names_and_suffixes(tmp_path: Path) -> None:
    day = date(2026, 11, 25)
    first = default_path(tmp_path, "fy2566", "text", day)
    assert first.name == "fy2566-2026-11-25.txt"
    first.write_text("x")
    second = default_path(tmp_path, "fy2566", "text", day)
    assert second.name == "fy2566-2026-11-25-2.txt"
    second.write_text("x")
    assert default_path(tmp_path, "fy2566", "text", day).name == "fy2566-2026-11-25-3.txt"
    assert default_path(tmp_path, "fy2566", "ansi", day).name == "fy2566-2026-11-25.ans"


def test_every_format_has_its_extension() -> None:
    assert {name: spec.ext for name, spec in FORMATS.items()} == {
        "text": "txt",
        "md": "md",
        "eml": "eml",
        "html": "html",
        "svg": "svg",
        "ansi": "ans",
        "csv": "csv",
        "json": "json",
        "docx": "docx",
        "xlsx": "xlsx",
    }


@pytest.mark.parametrize(
    ("stem", "safe"),
    [
        ("แผนงานที่สำคัญ ปี 2567", "แผนงานที่สำคัญ-ปี-2567"),
        ("../../etc/passwd", "etc-passwd"),
        ("a\x1bb", "a-b"),
        ("", "checklist"),
    ],
)
def test_safe_stem_keeps_thai_marks(stem: str, safe: str) -> None:
    assert safe_stem(stem) == safe


def test_write_new_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_new(target, b"one")
    with pytest.raises(FileTakenError):
        write_new(target, b"two")
    assert target.read_bytes() == b"one"
    write_new(target, b"three", overwrite=True)
    assert target.read_bytes() == b"three"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"], "no temporary file is left behind"


def test_export_without_output_goes_to_exports(bundled: Path, tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    today = date.today().isoformat()
    assert main(["export", str(bundled), "--format", "md"]) == 0
    assert main(["export", str(bundled), "--format", "md"]) == 0
    printed = capsys.readouterr().out.split()
    assert printed == [f"exports/fy2566-{today}.md", f"exports/fy2566-{today}-2.md"]
    assert (tmp_path / printed[0]).read_text(encoding="utf-8").startswith("# ")


def test_export_to_a_taken_path_needs_force(bundled: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "summary.txt"
    target.write_text("mine")
    assert main(["export", str(bundled), "-o", str(target)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert target.read_text() == "mine"
    assert main(["export", str(bundled), "-o", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8").startswith("รายงาน")


def test_export_to_stdout_with_options(bundled: Path, capsysbinary) -> None:  # type: ignore[no-untyped-def]
    argv = ["export", str(bundled), "-f", "text", "-o", "-", "--lang", "en", "--width", "40"]
    argv += ["--status", "in-progress,done"]
    assert main(argv) == 0
    text = capsysbinary.readouterr().out.decode()
    assert "Showing only: In progress, Done" in text
    assert "M1" not in text and "- I8 " in text
    assert max(len(line) for line in text.splitlines() if line.isascii()) <= 40


def test_export_language_follows_the_checklist(bundled: Path, capsysbinary) -> None:  # type: ignore[no-untyped-def]
    assert main(["export", str(bundled), "-o", "-"]) == 0  # the bundled file says language = "th"
    assert "ความคืบหน้า" in capsysbinary.readouterr().out.decode()


def test_export_json_to_stdout(bundled: Path, capsysbinary) -> None:  # type: ignore[no-untyped-def]
    assert main(["export", str(bundled), "-f", "json", "-o", "-"]) == 0
    assert "scoring" in json.loads(capsysbinary.readouterr().out)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--width", "5"], "--width"),
        (["--status", "maybe"], "unknown status"),
        (["--format", "pdf"], "invalid choice"),
    ],
)
def test_export_usage_errors(bundled: Path, capsys, argv: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    assert main(["export", str(bundled), "-o", "-", *argv]) == 2
    assert message in capsys.readouterr().err


def test_json_csv_html_exports_do_not_load_the_word_list(bundled: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys\nfrom ita_tui.cli import main\n"
        f"for fmt in ('json', 'csv', 'html'):\n    main(['export', {str(bundled)!r}, '-f', fmt, '-o', '-'])\n"
        "print('\\nWORDS' if 'ita_tui.newmm' in sys.modules else '\\nLIGHT')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True).stdout
    assert out.strip().endswith(b"LIGHT")


def test_safe_stem_fits_a_file_name_in_bytes_and_keeps_clusters() -> None:
    from ita_tui.exports.destination import MAX_STEM_BYTES

    for stem in ("ที่" * 200, "ก้" * 300, "x" * 1000, "น้ำ" * 150):
        safe = safe_stem(stem)
        assert len(safe.encode("utf-8")) <= MAX_STEM_BYTES
        assert stem.startswith(safe), "cut between clusters, never inside one"
        assert len(f"{safe}-2026-11-25-999.html".encode()) <= 255


def test_write_new_without_hard_links_still_refuses_to_overwrite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FAT sticks and some shares have no link(): the O_EXCL fallback keeps the no-overwrite rule."""

    def no_links(src: str, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "out.txt"
    write_new(target, b"first")
    assert target.read_bytes() == b"first"
    with pytest.raises(FileTakenError):
        write_new(target, b"second")
    assert target.read_bytes() == b"first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_write_new_clears_temps_a_killed_export_left(tmp_path: Path) -> None:
    stale = tmp_path / ".ita-tui-out.txt.999999999.abc.tmp"
    stale.write_bytes(b"half")
    write_new(tmp_path / "out.txt", b"whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_write_new_gives_the_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_new(tmp_path / "out.txt", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "out.txt").stat().st_mode & 0o777 == 0o644

"""Broken checklists: every command answers with the one-line errors in data/bad/EXPECTED.toml.

Each file in ``tests/data/bad/`` is run through validate, show, export, set,
score and the app command (``ita-tui FILE``); each must print exactly the
expected lines on stderr (``FILE:LINE:COL: message`` or ``FILE: key PATH:
message``), exit with the expected code, print no traceback, and change
nothing.  Cases that cannot live in git (a 50 MB file, a folder, a missing or
unreadable file) are built at test time.
"""

from __future__ import annotations

import asyncio
import errno
import os
import shutil
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers_bad import Ran, checklist_text, ita_process, run_cli, temp_files

BAD = Path(__file__).parent / "data" / "bad"
EXPECTED: dict[str, dict[str, Any]] = tomllib.loads((BAD / "EXPECTED.toml").read_text(encoding="utf-8"))

COMMANDS: dict[str, list[str]] = {
    "validate": ["validate", "{}"],
    "show": ["show", "{}"],
    "export": ["export", "{}"],
    "set": ["set", "{}", "M1", "--status", "done"],
    "score": ["score", "{}"],
    "app": ["{}"],
}

# A 50 MB file, above the loader's 45 MB limit.
HUGE_BYTES = 50 * 1024 * 1024


def _make_binary(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def _make_utf16(path: Path) -> None:
    path.write_bytes(checklist_text().encode("utf-16"))


def _make_huge(path: Path) -> None:
    line = b"# " + b"x" * 1021 + b"\n"
    with path.open("wb") as handle:
        for _ in range(HUGE_BYTES // len(line) + 1):
            handle.write(line)


def _make_deep_arrays(path: Path) -> None:
    # Deep enough that a recursive parser runs out of stack.
    path.write_text("format = 1\nx = " + "[" * 100_000 + "\n", encoding="utf-8")


def _make_folder(path: Path) -> None:
    path.mkdir()


def _make_missing(path: Path) -> None:
    """Nothing to make."""


def _make_unreadable(path: Path) -> None:
    path.write_text(checklist_text(), encoding="utf-8")
    path.chmod(0)


MAKERS: dict[str, Callable[[Path], None]] = {
    "binary": _make_binary,
    "utf16": _make_utf16,
    "huge": _make_huge,
    "deep_arrays": _make_deep_arrays,
    "folder": _make_folder,
    "missing": _make_missing,
    "unreadable": _make_unreadable,
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder with a copy of every bad file and the generated ones (made once: one is 50 MB)."""
    folder = tmp_path_factory.mktemp("bad")
    for name, entry in EXPECTED.items():
        if "make" in entry:
            MAKERS[entry["make"]](folder / name)
        else:
            shutil.copy2(BAD / name, folder / name)
    yield folder
    (folder / "unreadable.toml").chmod(0o600)


def _deny_reading(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """As root chmod does not stop reads: make opening *target* fail as it would for a user."""
    real_open = os.open

    def fake_open(path: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(path).resolve() == target.resolve():
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)


def _no_app_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app must refuse a bad file before Textual starts: starting it is a failure here."""
    from textual.app import App

    def refuse(self: object, *args: object, **kwargs: object) -> None:
        raise AssertionError("the app started on a bad file")

    monkeypatch.setattr(App, "run", refuse)


def _prepare(command: str, name: str, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if command == "app":
        _no_app_start(monkeypatch)
    if EXPECTED[name].get("make") == "unreadable" and os.geteuid() == 0:
        _deny_reading(monkeypatch, corpus / name)
    monkeypatch.chdir(corpus)


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir() if p.is_file()}


def test_the_corpus_is_big_and_every_file_has_its_expected_lines() -> None:
    committed = {p.name for p in BAD.iterdir() if p.name != "EXPECTED.toml"}
    listed = {name for name, entry in EXPECTED.items() if "make" not in entry}
    assert committed == listed
    assert len(EXPECTED) >= 30
    for name, entry in EXPECTED.items():
        assert entry["exit"] in (1, 2) and entry["errors"], name
        assert all(line.startswith(f"{name}:") for line in entry["errors"]), name


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_gives_its_one_line_errors(
    name: str,
    command: str,
    corpus: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _prepare(command, name, corpus, monkeypatch)
    before = _snapshot(corpus)
    ran = run_cli([arg.replace("{}", name) for arg in COMMANDS[command]], capsys)
    _assert_refused(ran, EXPECTED[name])
    assert _snapshot(corpus) == before, "a refused file must change nothing"
    assert not (corpus / "exports").exists() or not any((corpus / "exports").iterdir())
    assert temp_files(corpus) == []


def _assert_refused(ran: Ran, expected: dict[str, Any]) -> None:
    assert "Traceback" not in ran.err and "internal error" not in ran.err
    assert ran.err.splitlines() == expected["errors"]
    assert ran.code == expected["exit"]
    assert ran.out == ""


def test_the_50_mb_file_is_refused_without_being_read(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Fail fast: the size alone refuses it, so reading or parsing it never starts."""
    huge = corpus / "huge.toml"
    assert huge.stat().st_size >= HUGE_BYTES
    real_open = os.open

    def no_reading(path: Any, *args: Any, **kwargs: Any) -> Any:
        assert Path(path).name != "huge.toml", "the 50 MB file was opened"
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", no_reading)
    monkeypatch.chdir(corpus)
    ran = run_cli(["validate", "huge.toml"], capsys)
    assert ran.err == "huge.toml: file is too large (50 MB; at most 45 MB)\n" and ran.code == 2


def test_an_endless_device_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    """/dev/zero says its size is 0 and never ends: it is not a regular file, so it is not read at all."""
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    # A hang (the protection removed) fails on the timeout rather than freezing the suite.
    ran = ita_process(["validate", "/dev/zero"], tmp_path, {"ITA_TUI_MAX_FILE_MB": "1"}, timeout=30)
    expected = "/dev/zero: not a regular file but a device; it is neither read nor written\n"
    assert (ran.returncode, ran.stderr) == (2, expected)


def test_a_file_just_over_the_limit_says_by_how_much(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Whole megabytes read "1 MB; at most 1 MB" for a file a little over: one decimal, rounded up."""
    (tmp_path / "c.toml").write_bytes(b"#" * (1024 * 1024 + 1))
    monkeypatch.setenv("ITA_TUI_MAX_FILE_MB", "1")
    monkeypatch.chdir(tmp_path)
    ran = run_cli(["validate", "c.toml"], capsys)
    assert (ran.code, ran.err) == (2, "c.toml: file is too large (1.1 MB; at most 1 MB)\n")


def test_the_limit_can_be_raised_for_a_big_real_checklist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.toml"
    big.write_text(checklist_text(items=3, padding=2 * 1024 * 1024), encoding="utf-8")
    monkeypatch.setenv("ITA_TUI_MAX_FILE_MB", "1")
    assert run_cli(["validate", str(big)], capsys).code == 2
    monkeypatch.setenv("ITA_TUI_MAX_FILE_MB", "8")
    assert run_cli(["validate", "-q", str(big)], capsys).code == 0


def test_a_real_read_permission_error_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without root, chmod 000 really stops the read; as root the corpus test simulates it."""
    if os.geteuid() == 0:
        pytest.skip("root reads any file: covered by the simulated EACCES in the corpus test")
    path = tmp_path / "locked.toml"
    _make_unreadable(path)
    monkeypatch.chdir(tmp_path)
    ran = run_cli(["validate", "locked.toml"], capsys)
    assert (ran.code, ran.err) == (2, "locked.toml: permission denied (cannot read)\n")


# -- files that are fine but unusual -----------------------------------------------------


def test_bom_and_crlf_file_loads_and_set_keeps_its_line_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = checklist_text(notes="บรรทัดแรก\nบรรทัดสอง").replace("\n", "\r\n")
    path = tmp_path / "windows.toml"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    assert run_cli(["validate", "windows.toml"], capsys).code == 0
    ran = run_cli(["set", "windows.toml", "M2", "--status", "done", "--note", "หนึ่ง\nสอง"], capsys)
    assert ran.code == 0, ran.err
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\n") == data.count(b"\r\n"), "every line still ends in CRLF"
    assert b'status = "done"\r\n' in data
    assert run_cli(["validate", "windows.toml"], capsys).code == 0


def test_valid_file_after_a_bad_one_still_validates(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`validate A B`: A's problems do not hide B's result; the worst code wins."""
    good = tmp_path / "good.toml"
    good.write_text(checklist_text(), encoding="utf-8")
    files = [str(corpus / "missing.toml"), str(corpus / "score-nan.toml"), str(good)]
    ran = run_cli(["validate", *files], capsys)
    assert ran.code == 2
    assert len(ran.err.splitlines()) == 2
    assert ran.out == f"{good}: ok (3 items)\n"


@pytest.mark.parametrize("name", ["syntax-missing-equals.toml", "unknown-status.toml", "huge.toml"])
def test_the_installed_command_prints_no_traceback(name: str, corpus: Path) -> None:
    """The same through a real process: what a user at a terminal sees."""
    ran = ita_process(["validate", name], corpus)
    assert (ran.returncode, ran.stderr.splitlines()) == (EXPECTED[name]["exit"], EXPECTED[name]["errors"])


# -- the app ---------------------------------------------------------------------------


def _app_module() -> Any:
    import ita_tui.app.app as module

    return module


def test_the_app_shows_each_bad_files_error_instead_of_crashing(tmp_path: Path) -> None:
    """The start screen reads every bad file; none crashes it, and each shows its errors."""
    asyncio.run(_app_shows_errors(tmp_path))


async def _app_shows_errors(tmp_path: Path) -> None:
    module = _app_module()
    from textual.widgets import OptionList, Static

    from ita_tui.app.screens.start import StartScreen
    from ita_tui.settings import Settings

    names = [name for name, entry in EXPECTED.items() if "make" not in entry]
    for name in names:
        shutil.copy2(BAD / name, tmp_path / name)
    app = module.ItaApp(None, settings=Settings(), folders=[tmp_path], save_settings_file=False)
    shown: dict[str, str] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        options = app.screen.query_one("#start-list", OptionList)
        detail = app.screen.query_one("#start-detail", Static)
        for index in range(options.option_count):
            options.highlighted = index
            await pilot.pause()
            shown[str(options.get_option_at_index(index).prompt)] = str(detail.content)
    for name in names:
        texts = [text for prompt, text in shown.items() if prompt.split()[0] == name]
        assert texts, f"{name} is not listed"
        # The app names files by their full path.
        first = EXPECTED[name]["errors"][0]
        assert str(tmp_path / name) + first[len(name) :] in texts[0], name

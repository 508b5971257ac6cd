"""The command line speaks the interface language: every --help, argparse's own messages, the errors.

The walk runs every command's --help and the main errors in Thai and in English and fails on a
word of the other language (tests/language_check.py says what counts).  A command added to
ita_tui.cli.COMMANDS is walked without a change here.
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

import pytest
from language_check import checklist_text, foreign_words

from ita_tui import templates
from ita_tui.cli import COMMANDS, main
from ita_tui.cli_parser import ARGPARSE_KEYS
from ita_tui.i18n import CATALOGUE

BUNDLED = Path(__file__).resolve().parents[1] / "ita_tui" / "checklists" / "fy2566.toml"
BAD = Path(__file__).parent / "data" / "bad"
# Values typed on the command line and names of things: codes in both languages.
CODES = (
    "15 ธ.ค. 2569",
    "fy2566",
    "new-year",
    "not-started",
    "in-progress",
    "done",
    "open",
    "all",
    "none",
    "S[,S...]",
    "{th,en}",
    *COMMANDS,
    *(template.name for template in templates.bundled()),
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exited:  # --help and --version
        code = int(exited.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def speaks(text: str, lang: str, *data: str) -> None:
    """*text* has no word of the other language."""
    assert text.strip()
    assert foreign_words(text, lang, (*CODES, *data)) == [], text[:300]


# -- argparse's own messages -------------------------------------------------------------

# Messages argparse raises only for a programmer's mistake, never for what a user typed.
DEVELOPER_MESSAGES = {
    ".__call__() not defined",
    "conflicting subparser: %s",
    "conflicting subparser alias: %s",
    "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "conflicting option string: %s",
    "conflicting option strings: %s",
    "mutually exclusive arguments must be optional",
    "cannot have multiple subparser arguments",
    "%r is not callable",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "subcommands",
    "unknown parser %(parser_name)r (choices: %(choices)s)",
    "can't open '%(filename)s': %(error)s",
    'argument "-" with mode %r',
    "command '%(parser_name)s' is deprecated",
}


def argparse_messages() -> set[str]:
    """Every message the running Python's argparse passes through gettext."""
    source = Path(argparse.__file__).read_text(encoding="utf-8")
    found = set(re.findall(r"""\b_\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")""", source))
    found |= set(re.findall(r"""ngettext\(\s*'([^']*)',\s*'([^']*)'""", source))
    messages = {part.encode().decode("unicode_escape") for pair in found for part in pair if part}
    # Adjacent literals ('invalid option string %(option)r: ' 'must start ...') come in halves.
    return {m for m in messages if not any(m != d and d.startswith(m) for d in DEVELOPER_MESSAGES)}


def test_every_message_argparse_shows_a_user_is_in_the_catalogue() -> None:
    missing = sorted(argparse_messages() - set(ARGPARSE_KEYS) - DEVELOPER_MESSAGES)
    assert missing == []
    assert all(key in CATALOGUE for key in ARGPARSE_KEYS.values())


def test_argparse_texts_keep_their_placeholders() -> None:
    """The same positional %s; named ones may be left out (argparse fills them from a dict)."""
    for message, key in ARGPARSE_KEYS.items():
        positional = re.findall(r"%[sr]", message)
        named = set(re.findall(r"%\(\w+\)[sr]", message))
        for text in CATALOGUE[key]:
            assert re.findall(r"%[sr]", text) == positional, key
            assert set(re.findall(r"%\(\w+\)[sr]", text)) <= named, key


# -- every --help ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_help_speaks_one_language(
    command: str | None, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *([command] if command else []), "--help", "--lang", lang)
    assert (code, err) == (0, "")
    speaks(out, lang)
    assert out.startswith("วิธีใช้: " if lang == "th" else "usage: ")


def test_the_main_usage_names_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--help")
    usage = out.split("\n\n")[0]
    assert "COMMAND" in usage
    for command in COMMANDS:
        assert command in usage
        assert re.search(rf"^  {command} +\S", out, re.MULTILINE), f"{command} has no line of its own"


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_placeholders_are_named_alike(command: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    """Files are FILE, REPORT or OUT everywhere; no lower-case placeholder (`file`, `report`)."""
    _, out, _ = run(capsys, *([command] if command else []), "--help")
    usage = out.split("\n\n")[0]
    assert not re.search(r"(?<![\w-])(file|files|report|out|output|path)(?![\w-])", usage), usage
    assert "PATH" not in usage


# -- the errors, in each language -------------------------------------------------------------


def error_cases(tmp: Path) -> list[list[str]]:
    checklist = tmp / "c.toml"
    shutil.copy(BUNDLED, checklist)
    taken = tmp / "taken.json"
    taken.write_text("{}", encoding="utf-8")
    folder = tmp / "folder"
    folder.mkdir(exist_ok=True)
    c = str(checklist)
    return [
        ["validate"],
        ["validate", str(tmp / "nosuch.toml")],
        ["validate", str(folder)],
        ["show", c, "--width", "abc"],
        ["show", c, "--width", "5"],
        ["show", c, "--bogus"],
        ["export", c, "--format", "docx2"],
        ["export", c, "-o", str(taken)],
        ["export", c, "-o", str(folder)],
        ["export", c, "--status", "maybe"],
        ["set", c, "I1"],
        ["set", c, "I1", "--score", "abc"],
        ["set", c, "I1", "--score", "101"],
        ["set", c, "i99", "--status", "done"],
        ["set", c, "I1", "--status", "maybe"],
        ["new"],
        ["new", c],
        ["new", str(tmp / "x.toml"), "--template", "nope"],
        ["import", str(tmp / "nosuch.md")],
        ["import", str(tmp / "r.docx")],
        ["exprot", c],
        ["shwo"],
        ["bogus", c],
        ["score"],
        ["set", c, "I1", "--due", "someday"],
        ["show", c, "--due-within", "abc"],
        ["show", c, "--due-within", "-3"],
        ["show", c, "--owner", ""],
        ["export", c, "--to", "a@b.go.th"],
        ["export", c, "-f", "eml", "--to", "not an address"],
        ["compare", c],
        ["evidence", c, "M1", "--url", "https://example.go.th"],
        ["evidence", c, "M1", "--label", "x"],
        ["evidence", c, "M1", "--remove", "99"],
        ["evidence", c, "M1", "--add-url", "not an address"],
        ["evidence", c, "M1", "--add-url", "https://a.go.th", "--published", "someday"],
        ["check-links", c, "--jobs", "0"],
        ["check-links", c, "--timeout", "soon"],
    ]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_main_errors_speak_one_language(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    for argv in error_cases(tmp_path):
        code, out, err = run(capsys, *argv, "--lang", lang)
        assert code == 2, argv
        assert out == "", argv
        assert len(err.splitlines()) == 1, (argv, err)
        speaks(err, lang, str(tmp_path))


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("bad", sorted(BAD.glob("*.toml")), ids=lambda p: p.stem)
def test_every_problem_validate_reports_speaks_one_language(
    bad: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "validate", str(bad), "--lang", lang)
    assert code in (1, 2)
    for line in err.splitlines():
        speaks(line, lang, str(bad))


def test_a_thai_locale_makes_the_command_line_thai(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "th_TH.UTF-8")
    code, _, err = run(capsys, "validate", "nosuch.toml")
    assert (code, err) == (2, "nosuch.toml: ไม่พบไฟล์นี้\n")
    code, out, _ = run(capsys, "--help")
    assert out.startswith("วิธีใช้: ")


def test_a_bad_score_is_one_language(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The issue's `คะแนนไม่ถูกต้อง: 'abc' is not a number`, on the command line."""
    assert run(capsys, "set", str(bundled), "I1", "--score", "abc", "--lang", "th")[2] == (
        "--score: “abc” ไม่ใช่ตัวเลข\n"
    )


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_outputs_speak_one_language(
    lang: str,
    bundled: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from ita_tui.checklist_file import load_checklist

    monkeypatch.chdir(tmp_path)
    data = [str(bundled), str(tmp_path), "I1", "fy2566", *checklist_text(load_checklist(bundled))]
    for argv in (
        ["validate", str(bundled)],
        ["set", str(bundled), "I1", "--status", "in-progress"],
        ["set", str(bundled), "I1", "--status", "in-progress"],
        ["new", str(tmp_path / "n.toml")],
        ["new", "--list"],
        ["export", str(bundled), "-f", "md"],
        ["compare", str(bundled), str(bundled)],
        ["show", str(bundled), "--owner", "กองคลัง", "--width", "100"],
    ):
        code, out, err = run(capsys, *argv, "--lang", lang)
        assert (code, err) == (0, ""), argv
        # `new --list` names the bundled checklists by their (Thai) titles: data.
        titles = [line.split("  ", 1)[-1] for line in out.splitlines()] if "--list" in argv else []
        speaks(out, lang, *data, *titles)


# -- global options anywhere, commands by their names ------------------------------------------


def test_lang_is_accepted_before_and_after_the_command(
    bundled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = set()
    for argv in (
        ["--lang", "en", "show", str(bundled), "--width", "80"],
        ["show", "--lang", "en", str(bundled), "--width", "80"],
        ["show", str(bundled), "--width", "80", "--lang=en"],
        ["--lang=en", "show", str(bundled), "--width", "80"],
    ):
        code, out, err = run(capsys, *argv)
        assert (code, err) == (0, ""), argv
        outputs.add(out)
    assert len(outputs) == 1
    assert "Progress" in outputs.pop()


def test_lang_before_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's `ita-tui --lang en import …`: "unrecognized arguments" before."""
    monkeypatch.chdir(tmp_path)
    seed = Path(__file__).parent / "data" / "seed-report.md"
    code, out, _ = run(capsys, "--lang", "en", "import", str(seed))
    assert code == 0 and out.startswith("wrote seed-report.toml\n")


def test_a_value_that_looks_like_lang_stays_a_value(
    bundled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "set", str(bundled), "I1", "--note=--lang th")
    assert (code, out) == (0, "บันทึกแล้ว: หมายเหตุของ I1\n")  # no --lang: the checklist's language
    assert 'notes = "--lang th"' in bundled.read_text(encoding="utf-8")


def test_an_unknown_lang_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--lang", "fr", "--help")[:3:2] == (
        2,
        "--lang: unknown language “fr” (use th or en)\n",
    )


@pytest.mark.parametrize(
    ("argv", "meant"),
    [(["exprot", "FILE"], "'export'"), (["shwo"], "'show'"), (["Validate", "x.toml"], "'validate'")],
)
def test_a_mistyped_command_is_named(
    argv: list[str],
    meant: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err == f"ita-tui: '{argv[0]}' is neither a command nor a file; did you mean {meant}?\n"


def test_a_far_word_with_more_words_names_the_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    err = run(capsys, "quux", "a.toml")[2]
    assert err.startswith("ita-tui: 'quux' is not a command (commands: new, validate, set")


def test_a_file_named_like_a_typo_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`ita-tui shwo` when ./shwo exists is the app on that file, and a missing *.toml is a file."""
    from ita_tui.commands import open_app

    opened: list[str] = []
    monkeypatch.setattr(open_app, "run", lambda args: opened.append(args.file) or 0)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "shwo").write_text("", encoding="utf-8")
    assert run(capsys, "shwo")[0] == 0
    assert run(capsys, "show.toml")[0] == 0
    assert opened == ["shwo", "show.toml"]


# -- outputs: devices written into, no trailing spaces --------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "{c}", "-f", "json", "-o", "/dev/null"],
        ["export", "{c}", "-o", "/dev/null", "--force"],
        ["new", "/dev/null"],
        ["import", "{seed}", "-o", "/dev/null"],
    ],
)
def test_a_device_is_written_into_not_refused(
    argv: list[str], bundled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null here")
    seed = str(Path(__file__).parent / "data" / "seed-report.md")
    code, _, err = run(capsys, *(a.format(c=bundled, seed=seed) for a in argv))
    assert code == 0
    assert "exists" not in err
    assert Path("/dev/null").is_char_device()


def test_a_pipe_nobody_reads_is_an_error_not_a_hang(
    bundled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "export", str(bundled), "-o", str(fifo))
    assert (code, err) == (2, f"{fifo}: cannot write: no program is reading from it\n")


@pytest.mark.parametrize("command", ["show", "score"])
@pytest.mark.parametrize("lang", ["th", "en"])
def test_no_trailing_spaces(
    command: str, lang: str, bundled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, command, str(bundled), "--lang", lang)
    assert code == 0
    assert [line for line in out.splitlines() if line != line.rstrip()] == []


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("due", ['"soon"', '"31/02/2569"', "15"])
def test_a_bad_due_date_is_reported_in_one_language(
    due: str, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c.toml"
    text = BUNDLED.read_text(encoding="utf-8").replace('id = "M1"', f'id = "M1"\ndue = {due}', 1)
    path.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "validate", str(path), "--lang", lang)
    assert code == 1
    speaks(err, lang, str(path), "15/12/2569", "2026-12-15")


def test_a_check_without_a_catalogue_key_is_shown_not_crashed() -> None:
    """Code merged from elsewhere may still pass a sentence: validate shows it as it is."""
    from ita_tui.schema import _Builder

    builder = _Builder()
    builder.problem(("x",), "an English sentence")
    assert builder.issues[0].message == "an English sentence"

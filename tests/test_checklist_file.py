"""Loading: model built from the file, every problem found and located."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ita_tui.checklist_file import check, load, load_checklist
from ita_tui.errors import ChecklistError, UserError
from ita_tui.model import Status

HEAD = 'format = 1\n[checklist]\ntitle = "t"\n'


def write(tmp_path: Path, text: str, name: str = "c.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    try:
        _loaded, problems = check(path)
    except ChecklistError as error:
        problems = error.problems
    return [p.render() for p in problems]


def test_loads_the_commented_checklist(commented: Path) -> None:
    checklist = load_checklist(commented)
    assert checklist.title == "แผนทดสอบ ITA 2567"
    assert checklist.organization == "องค์การบริหารส่วนตำบลทดสอบ"
    assert checklist.fiscal_year == 2567
    assert [s.id for s in checklist.sections] == ["measures", "iit"]
    m2 = checklist.find("M2")
    assert m2 is not None
    assert m2.status is Status.DONE  # written in Thai in the file
    assert m2.notes == "บรรทัดแรก\nบรรทัดที่สอง"
    assert "extra_number" not in m2.fields  # kept in the file, not a detail field
    m1 = checklist.find("M1")
    assert m1 is not None and m1.fields == {"owner": ["สำนักปลัด", "กองคลัง"]}
    i1 = checklist.find("I1")
    assert i1 is not None and i1.score == 97.44 and i1.indicator == 1
    assert checklist.label(checklist.sections[1], "owner") == "ผู้ดูแล"
    assert checklist.label(checklist.sections[0], "owner") == "ผู้รับผิดชอบ"


def test_defaults_for_status_and_notes(tmp_path: Path) -> None:
    path = write(
        tmp_path, HEAD + '[[sections]]\nid = "s"\ntitle = "S"\n[[sections.items]]\nid = "a"\ntitle = "A"\n'
    )
    item = load_checklist(path).find("a")
    assert item is not None
    assert (item.status, item.notes, item.score, item.updated) == (Status.NOT_STARTED, "", None, None)


def test_thai_digits_in_score_and_year(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'format = 1\n[checklist]\ntitle = "t"\nfiscal_year = "๒๕๖๖"\n'
        '[[sections]]\nid = "s"\ntitle = "S"\ngroup = "iit"\n'
        '[[sections.items]]\nid = "I3"\ntitle = "A"\nscore = "๙๕.๕"\n',
    )
    checklist = load_checklist(path)
    assert checklist.fiscal_year == 2566
    item = checklist.find("I3")
    assert item is not None and item.score == 95.5 and item.indicator == 3
    assert checklist.sections[0].group == "IIT"


def test_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + "x = [1,\n2\n")
    with pytest.raises(ChecklistError) as caught:
        load(path)
    assert len(caught.value.problems) == 1
    assert caught.value.message.startswith(f"{path}:")
    assert "TOML syntax" in caught.value.message


def test_syntax_error_position_is_exact(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + 'bad = "no end\n')
    assert problems_of(path) == [f"{path}:4:14: TOML syntax: Illegal character '\\n'"]


def test_every_problem_is_reported_with_positions(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "format = 1\n"
        "[checklist]\n"
        "title = 3\n"
        '[[sections]]\nid = "s"\ntitle = "S"\n'
        '[[sections.items]]\nid = "a1"\nstatus = "maybe"\nscore = 120\n'
        '[[sections.items]]\nid = "a1"\ntitle = ""\n'
        '[[sections.items]]\nid = ""\ntitle = "x"\nscore = true\n',
    )
    assert problems_of(path) == [
        f"{path}:3:1: 'title' must be a string, not a whole number",
        f"{path}:7:1: missing required key 'title'",
        f"{path}:9:1: unknown status 'maybe' (use one of not-started, in-progress, done)",
        f"{path}:10:1: 'score' must be from 0 to 100, not 120",
        f"{path}:12:1: duplicate item id 'a1' (first at sections[0].items[0].id)",
        f"{path}:13:1: 'title' must not be empty",
        f"{path}:15:1: 'id' must not be empty",
        f"{path}:17:1: 'score' must be a number from 0 to 100, not a boolean",
    ]


def test_problem_without_position_names_the_key_path(tmp_path: Path) -> None:
    # Items written as inline tables have no line of their own for each key.
    path = write(
        tmp_path,
        HEAD + '[[sections]]\nid = "s"\ntitle = "S"\nitems = [{ id = "a", title = "A", status = "odd" }]\n',
    )
    assert problems_of(path) == [
        f"{path}:7:1: unknown status 'odd' (use one of not-started, in-progress, done)"
    ]


def test_missing_sections_and_format(tmp_path: Path) -> None:
    path = write(tmp_path, '[checklist]\ntitle = "t"\n')
    assert problems_of(path) == [
        f"{path}: missing required key 'format' (write format = 1 at the top)",
        f"{path}: missing required key 'sections' (an array of tables [[sections]])",
    ]


def test_newer_format_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, 'format = 2\n[checklist]\nname = "a field of format 2"\n')
    assert problems_of(path) == [
        f"{path}:1:1: format 2 is newer than this ita-tui understands (1); upgrade ita-tui"
    ]


def test_a_format_below_1_is_not_a_known_version(tmp_path: Path) -> None:
    path = write(tmp_path, 'format = 0\n[checklist]\ntitle = "t"\n[[sections]]\nid = "s"\ntitle = "S"\n')
    assert problems_of(path) == [f"{path}:1:1: format 0 is not a known version (expected 1)"]


def test_a_bad_value_of_exactly_the_quoting_limit_is_quoted_whole(tmp_path: Path) -> None:
    value = "x" * 58  # 60 characters with its quotes: the most a message quotes whole
    body = 'format = 1\n[checklist]\ntitle = "t"\n[[sections]]\nid = "s"\ntitle = "S"\n'
    body += f'[[sections.items]]\nid = "A"\ntitle = "a"\nstatus = "{value}"\n'
    [problem] = problems_of(write(tmp_path, body))
    assert f"unknown status '{value}' (use one of" in problem
    [problem] = problems_of(write(tmp_path, body.replace(value, value + "y")))
    assert f"unknown status '{value[:58]}…" in problem


ITEM_FILE = (
    'format = 1\n[checklist]\ntitle = "t"\n[[sections]]\nid = "s"\ntitle = "S"\n'
    '[[sections.items]]\nid = "A"\ntitle = "a"\n'
)


def test_a_tab_is_kept_in_notes_and_made_a_space_only_in_titles(tmp_path: Path) -> None:
    checklist = load_checklist(write(tmp_path, ITEM_FILE.replace('"a"', '"a\\tb"') + 'notes = "c\\td"\n'))
    item = checklist.sections[0].items[0]
    assert (item.title, item.notes) == ("a b", "c\td")


def test_a_warning_in_a_list_of_two_names_the_entry(tmp_path: Path) -> None:
    path = write(tmp_path, ITEM_FILE + 'actions = ["หนึ่ง", "สอง\\u0007"]\n')
    assert problems_of(path) == [
        f"{path}:10:1: warning: control or bidi characters in entry 2 (U+0007) shown as symbols"
    ]


def test_text_in_the_scoring_table_is_cleaned_like_all_text(tmp_path: Path) -> None:
    from ita_tui.sanitize import clean_text

    body = ITEM_FILE.replace(
        'title = "t"\n', 'title = "t"\n[checklist.scoring]\nsource = "ประกาศ\\u0007"\n', 1
    )
    checklist = load_checklist(write(tmp_path, body))
    assert checklist.scoring["source"] == clean_text("ประกาศ\u0007") != "ประกาศ\u0007"


def test_problems_are_named_by_key_when_the_file_cannot_be_mapped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The span scanner reads what tomllib reads; should it ever fail, problems still come out, by key."""
    from ita_tui import toml_spans

    def fail(text: str) -> None:
        raise toml_spans.ScanError("unmapped")

    monkeypatch.setattr(toml_spans, "scan", fail)
    path = write(tmp_path, ITEM_FILE.replace('title = "a"', "title = 3"))
    assert problems_of(path) == [
        f"{path}: key sections[0].items[0].title: 'title' must be a string, not a whole number"
    ]


def test_a_size_limit_of_0_mb_means_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ITA_TUI_MAX_FILE_MB", "0")
    assert load_checklist(write(tmp_path, ITEM_FILE)).sections[0].items[0].id == "A"


def test_a_file_too_large_says_its_size_to_a_tenth_of_a_megabyte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.toml"
    path.write_bytes(b"#" * int(1.26 * 1024 * 1024))
    monkeypatch.setenv("ITA_TUI_MAX_FILE_MB", "1")
    with pytest.raises(UserError) as caught:
        load(path)
    assert caught.value.message == f"{path}: file is too large (1.3 MB; at most 1 MB)"


def test_without_non_blocking_opens_a_file_is_still_opened_for_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows has no O_NONBLOCK: the open must add nothing else to the flags in its place."""
    monkeypatch.delattr(os, "O_NONBLOCK")
    assert load_checklist(write(tmp_path, ITEM_FILE)).sections[0].items[0].id == "A"


def test_a_file_that_became_a_fifo_after_it_was_looked_at_is_refused_on_the_open_handle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race the non-blocking open is for: checked again on what was opened, not read as empty."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "c.toml"
    os.mkfifo(fifo)
    regular = os.stat(write(tmp_path, ITEM_FILE, "other.toml"))
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda p, *a, **k: regular if Path(p) == fifo else real_stat(p, *a, **k))
    with pytest.raises(UserError) as caught:
        load(fifo)
    assert "not a regular file but a named pipe" in caught.value.message


def test_control_characters_are_made_visible_and_warned(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'format = 1\nsections = []\n[checklist]\ntitle = "a\\u001b]52;c;eA==\\u0007b\\u202e"\n',
    )
    loaded, problems = check(path)
    assert loaded is not None
    assert loaded.checklist.title == "a␛]52;c;eA==␇b\ufffd"
    assert [p.render() for p in problems] == [
        f"{path}:4:1: warning: control or bidi characters (U+0007, U+001B, U+202E) shown as symbols"
    ]


def test_unreadable_files_exit_2(tmp_path: Path) -> None:
    with pytest.raises(UserError) as missing:
        load(tmp_path / "nope.toml")
    assert missing.value.exit_code == 2 and missing.value.message.endswith("no such file")
    with pytest.raises(UserError) as folder:
        load(tmp_path)
    assert folder.value.exit_code == 2 and "is a folder" in folder.value.message
    binary = tmp_path / "b.toml"
    binary.write_bytes(b"format = 1\x00\x01")
    with pytest.raises(UserError) as caught:
        load(binary)
    assert caught.value.exit_code == 2 and "not a text file" in caught.value.message
    binary.write_bytes(b"\x00format = 1\n")  # a NUL as the very first byte too
    with pytest.raises(UserError) as caught:
        load(binary)
    assert caught.value.message == f"{binary}: not a text file (binary data at byte 0)"


def test_latin1_bytes_are_located(tmp_path: Path) -> None:
    path = tmp_path / "l.toml"
    path.write_bytes(b'format = 1\n[checklist]\ntitle = "caf\xe9"\n')
    with pytest.raises(ChecklistError) as caught:
        load(path)
    assert caught.value.message == f"{path}:3:13: not valid UTF-8 (byte 0xE9); save the file as UTF-8"


def test_bom_and_crlf_files_load(tmp_path: Path) -> None:
    text = (
        HEAD
        + '[[sections]]\nid = "s"\ntitle = "S"\n'
        + '[[sections.items]]\nid = "a"\ntitle = "A"\nnotes = """x\ny"""\n'
    )
    path = tmp_path / "w.toml"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    loaded = load(path)
    assert loaded.bom and loaded.newline == "\r\n"
    item = loaded.checklist.find("a")
    assert item is not None and item.notes == "x\ny"


@pytest.mark.parametrize("written", ["1e2", "9_5", "nan", "inf", "95,5", "๙๕ คะแนน"])
def test_a_score_string_follows_the_same_rule_as_set_score(tmp_path: Path, written: str) -> None:
    """float() reads "1e2" and "9_5"; `set --score` and the app refuse them, and so does the file."""
    from ita_tui.edits import parse_score

    with pytest.raises(ValueError):
        parse_score(written)
    path = write(
        tmp_path,
        HEAD + f'[[sections]]\nid = "s"\ntitle = "S"\n[[sections.items]]\nid = "I1"\n'
        f'title = "t"\nscore = "{written}"\n',
    )
    assert problems_of(path) == [f"{path}:10:1: 'score' must be a number from 0 to 100, not a string"]


def test_a_year_string_is_whole_digits_only(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'format = 1\n[checklist]\ntitle = "t"\nfiscal_year = "2_566"\n[[sections]]\n'
        'id = "s"\ntitle = "S"\nitems = []\n',
    )
    assert len(problems_of(path)) == 1

"""Text from a checklist is data: no terminal control, no markup, anywhere it is shown.

A hostile checklist puts terminal sequences (OSC 52 clipboard, SGR colour,
cursor moves, BEL, DEL, C1, bidi overrides) and Rich/Textual markup into
every text field, keys and ids included.  Loading must make every control
character visible; `validate` must warn with a position; `show`, every
export and the app must print the markup literally, never a link or an
action, and never emit ESC except the `ansi` export's own colours.
"""

from __future__ import annotations

import asyncio
import csv
import dataclasses
import html
import io
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from helpers_bad import HOSTILE, MARKUP_PIECES, UNSAFE, run_cli, toml_string
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ita_tui.checklist_file import check, load
from ita_tui.errors import ChecklistError
from ita_tui.model import Checklist
from ita_tui.sanitize import clean_text

ALL_FORMATS = ["text", "md", "html", "svg", "ansi", "csv", "json"]
SGR = re.compile(r"\x1b\[[0-9;]*m")
WARNING = "control or bidi characters{} (U+0007, U+001B, U+007F, U+009B, U+202C, U+202E, U+2066, U+2069)"


def hostile_text() -> str:
    """A checklist with hostile text in every string: values, keys, ids, labels, list entries."""
    h = toml_string(HOSTILE)
    return "\n".join(
        [
            "format = 1",
            "[checklist]",
            f"title = {h}",
            f"organization = {h}",
            f"description = {h}",
            f"rating = {h}",
            "[checklist.labels]",
            f"{h} = {h}",
            f"actions = {h}",
            "[[sections]]",
            f"id = {toml_string('S' + HOSTILE)}",
            f"title = {h}",
            f"subtitle = {h}",
            "[sections.labels]",
            f"period = {h}",
            "[[sections.items]]",
            f"id = {toml_string('X' + HOSTILE)}",
            f"title = {h}",
            'status = "in-progress"',
            f"notes = {toml_string(HOSTILE + chr(10) + HOSTILE)}",
            f"actions = [{h}, {h}]",
            f"period = {h}",
            f"{h} = {h}",
            "[[sections.items]]",
            'id = "M2"',
            'title = "plain"',
            "score = 50",
            "",
        ]
    )


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.toml"
    path.write_text(hostile_text(), encoding="utf-8")
    return path


def strings_in(value: Any) -> Iterator[str]:
    """Every string in a model object: attributes, list entries, dict keys and values."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from strings_in(getattr(value, field.name))
    elif isinstance(value, dict):
        for key, entry in value.items():
            yield from strings_in(key)
            yield from strings_in(entry)
    elif isinstance(value, (list, tuple)):
        for entry in value:
            yield from strings_in(entry)


def assert_clean(text: str, *, allow_sgr: bool = False) -> None:
    """No control character but newline and tab (CRLF line ends allowed); SGR only if allowed."""
    if allow_sgr:
        text = SGR.sub("", text)
    text = text.replace("\r\n", "\n")
    found = sorted({f"U+{ord(c):04X}" for c in UNSAFE.findall(text)})
    assert not found, f"unsafe characters reached the output: {found}"


# -- loading and validate -------------------------------------------------------------


def test_loading_makes_every_control_character_visible(hostile: Path) -> None:
    checklist = load(hostile).checklist
    strings = list(strings_in(checklist))
    assert len(strings) > 20
    for text in strings:
        assert not UNSAFE.search(text), repr(text)
    assert checklist.title == clean_text(HOSTILE)
    assert checklist.title.startswith("A␛]52;c;aGFja2Vk␇B␛[31mred")
    item = checklist.sections[0].items[0]
    assert item.id == clean_text("X" + HOSTILE)
    assert item.notes == clean_text(HOSTILE) + "\n" + clean_text(HOSTILE)  # the newline stays
    assert clean_text(HOSTILE) in item.fields and clean_text(HOSTILE) in checklist.labels
    assert all(piece in checklist.title for piece in MARKUP_PIECES)  # markup is kept, as text


def test_validate_warns_of_each_with_its_position_and_exits_0(
    hostile: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(hostile.parent)
    ran = run_cli(["validate", "hostile.toml"], capsys)
    assert ran.code == 0
    lines = ran.err.splitlines()
    assert lines[0] == f"hostile.toml:3:1: warning: {WARNING.format('')} shown as symbols"
    assert f"hostile.toml:8:1: warning: {WARNING.format(' in the key')} shown as symbols" in lines
    assert f"hostile.toml:21:1: warning: {WARNING.format(' in entry 2')} shown as symbols" in lines
    assert all(re.match(r"hostile\.toml:\d+:\d+: warning: ", line) for line in lines)
    assert len(lines) == 19
    assert ran.out == "hostile.toml: ok (2 items, 19 warning(s))\n"


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("status", HOSTILE),
        ("score", HOSTILE),
        ("indicator", HOSTILE),
        ("updated", HOSTILE),
    ],
)
def test_errors_that_quote_the_file_are_clean_and_one_line(
    key: str, value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        f'format = 1\n[checklist]\ntitle = "t"\nfiscal_year = {toml_string(value)}\n'
        f'[[sections]]\nid = "s"\ntitle = "s"\ngroup = {toml_string(value)}\n'
        f'[[sections.items]]\nid = "a"\ntitle = "a"\n{key} = {toml_string(value)}\n',
        encoding="utf-8",
    )
    with pytest.raises(ChecklistError) as caught:
        load(path)
    assert len(caught.value.problems) == 3
    for problem in caught.value.problems:
        assert "\n" not in problem.render()
        assert_clean(problem.render())
        assert len(problem.render()) < len(str(path)) + 160, "a quoted value is cut short"
    ran = run_cli(["validate", str(path)], capsys)
    # validate adds the warning that the group's text held control characters.
    assert ran.code == 1 and len(ran.err.splitlines()) == 4
    assert_clean(ran.err)


def test_a_hostile_file_name_is_printed_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ran = run_cli(["validate", str(tmp_path / "a\x1b]52;c;eA==\x07.toml")], capsys)
    assert ran.code == 2
    assert_clean(ran.err)
    assert ran.err.endswith("a␛]52;c;eA==␇.toml: no such file\n")


def test_key_paths_in_messages_are_clean() -> None:
    from ita_tui.schema import render_path

    assert render_path(("checklist", "labels", "a\x1b[31m\u202e")) == 'checklist.labels."a␛[31m\ufffd"'


def test_scoring_overrides_are_cleaned_too(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        'format = 1\n[checklist]\ntitle = "t"\n[checklist.scoring]\n'
        f"source = {toml_string(HOSTILE)}\n"
        '[[sections]]\nid = "s"\ntitle = "s"\n[[sections.items]]\nid = "a"\ntitle = "a"\n',
        encoding="utf-8",
    )
    loaded, problems = check(path)
    if loaded is not None:
        assert all(not UNSAFE.search(text) for text in strings_in(loaded.checklist.scoring))
    for problem in problems:
        assert_clean(problem.render())


# -- every export and `show` ----------------------------------------------------------------


def _render(checklist: Checklist, fmt: str, width: int = 400) -> str:
    from ita_tui.exports.options import ExportOptions
    from ita_tui.exports.registry import FORMATS, render

    assert fmt in FORMATS, f"export format {fmt!r} is not registered"
    options = ExportOptions(width=width, full=True, today=date(2026, 11, 25))
    return render(checklist, fmt, options).decode("utf-8-sig")


def _visible_text(output: str, fmt: str) -> str:
    """What a reader of *fmt* sees: escapes undone, styling codes removed."""
    if fmt == "md":
        return re.sub(r"\\(.)", r"\1", output)
    if fmt in ("html", "svg"):
        return html.unescape(output).replace("\xa0", " ")
    if fmt == "ansi":
        return SGR.sub("", output)
    return output


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_every_export_shows_hostile_text_literally_and_safely(fmt: str, hostile: Path) -> None:
    output = _render(load(hostile).checklist, fmt)
    assert_clean(output, allow_sgr=fmt == "ansi")
    assert "\x1b]" not in output, "no OSC: no clipboard, no hyperlink"
    visible = _visible_text(output, fmt)
    for piece in MARKUP_PIECES:
        assert piece in visible, f"{piece} was taken as markup in {fmt}"
    if fmt in ("html", "svg"):
        assert not re.search(r"<a\b|href=|javascript:|onclick", output, re.IGNORECASE)


def test_json_export_holds_exactly_the_cleaned_text(hostile: Path) -> None:
    data = json.loads(_render(load(hostile).checklist, "json"))
    assert data["title"] == clean_text(HOSTILE)
    item = data["sections"][0]["items"][0]
    assert item["id"] == clean_text("X" + HOSTILE)
    assert item["fields"][clean_text(HOSTILE)] == clean_text(HOSTILE)


def test_csv_export_parses_back_with_the_cleaned_text(hostile: Path) -> None:
    rows = list(csv.reader(io.StringIO(_render(load(hostile).checklist, "csv"))))
    assert any(clean_text("X" + HOSTILE) in row for row in rows)


@pytest.mark.parametrize("terminal", [False, True])
def test_show_prints_hostile_text_literally(
    terminal: bool, hostile: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Also as if to a real terminal, where Rich would colour, link and move the cursor."""
    monkeypatch.setenv("COLUMNS", "400")
    if terminal:
        monkeypatch.setenv("TTY_COMPATIBLE", "1")
        monkeypatch.setenv("FORCE_COLOR", "1")
    ran = run_cli(["show", str(hostile), "--full"], capsys)
    assert ran.code == 0, ran.err
    assert_clean(ran.out, allow_sgr=True)
    assert "\x1b]" not in ran.out
    for piece in MARKUP_PIECES:
        assert piece in SGR.sub("", ran.out)


def test_the_app_shows_hostile_text_literally(hostile: Path) -> None:
    """Markup in a title or note must neither crash the app (MarkupError) nor become a link."""
    asyncio.run(_app_shows_literally(hostile))


async def _app_shows_literally(hostile: Path) -> None:
    from ita_tui.app.app import ItaApp
    from ita_tui.settings import Settings

    app = ItaApp(load(hostile), settings=Settings(), save_settings_file=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.press("down", "up")
        await pilot.pause()
        screenshot = app.export_screenshot()
    visible = html.unescape(screenshot).replace("\xa0", " ")
    assert "[@click=app.quit]" in visible and "[/bold]" in visible
    assert "\x1b" not in visible


# -- any text at all (hypothesis) ----------------------------------------------------------

# Arbitrary Unicode (no lone surrogates: TOML cannot hold them), weighted towards trouble.
TROUBLE = st.sampled_from(
    ["\x1b", "\x1b]52;c;", "\x07", "\x9b", "\u202e", "\u2066", "\r", "\n", "\t", "\x00", "\r\n"]
)
MARKUP = st.sampled_from(["[/bold]", "[link=x]", "[@click=app.quit]", "[", "]", "\\", "[/]", "&lt;", "<b>"])
TEXT = st.lists(
    st.one_of(st.text(st.characters(exclude_categories=("Cs",)), max_size=8), TROUBLE, MARKUP), max_size=6
).map("".join)


def _random_checklist(title: str, note: str, field: str, key: str, entry: str) -> str:
    return "\n".join(
        [
            "format = 1",
            "[checklist]",
            f"title = {toml_string('T' + title)}",
            f"organization = {toml_string(note)}",
            "[checklist.labels]",
            f"{toml_string('f' + key)} = {toml_string(entry)}",
            "[[sections]]",
            'id = "s"',
            f"title = {toml_string('S' + field)}",
            "[[sections.items]]",
            f"id = {toml_string('i' + key)}",
            f"title = {toml_string('I' + title)}",
            f"notes = {toml_string(note)}",
            f"{toml_string('f' + key)} = [{toml_string(field)}, {toml_string(entry)}]",
            "",
        ]
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=TEXT, note=TEXT, field=TEXT, key=TEXT, entry=TEXT)
def test_any_text_loads_clean_and_exports_safely(
    title: str, note: str, field: str, key: str, entry: str, tmp_path: Path
) -> None:
    path = tmp_path / "random.toml"
    path.write_text(_random_checklist(title, note, field, key, entry), encoding="utf-8")
    try:
        loaded, problems = check(path)
    except ChecklistError as error:
        loaded, problems = None, error.problems
    for problem in problems:
        assert_clean(problem.render())
    if loaded is None:
        return
    assert not any(UNSAFE.search(text) for text in strings_in(loaded.checklist))
    from ita_tui.exports.registry import FORMATS

    for fmt in [name for name in ALL_FORMATS if name in FORMATS and name != "svg"]:
        output = _render(loaded.checklist, fmt, width=80)
        assert_clean(output, allow_sgr=fmt == "ansi")
        assert "\x1b]" not in output


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=TEXT, note=TEXT)
def test_any_text_renders_as_an_svg_picture(title: str, note: str, tmp_path: Path) -> None:
    """The SVG export is slow (Rich records a console): fewer examples."""
    path = tmp_path / "random.toml"
    path.write_text(_random_checklist(title, note, note, title, note), encoding="utf-8")
    try:
        checklist = load(path).checklist
    except ChecklistError:
        return
    output = _render(checklist, "svg", width=80)
    assert_clean(output)


# -- where exports go -------------------------------------------------------------------------

# Names a checklist file (or a title, or an id) may carry; none may steer an export's path.
NASTY_STEMS = [
    pytest.param("../../etc/passwd", id="dot-dot"),
    pytest.param("/etc/cron.d/x", id="absolute"),
    pytest.param("a\x00b", id="nul"),
    pytest.param("..", id="only-dots"),
    pytest.param(".", id="one-dot"),
    pytest.param("", id="empty"),
    pytest.param("a/b\\c", id="separators"),
    pytest.param("-rf --force", id="option-like"),
    pytest.param(HOSTILE, id="hostile"),
    pytest.param("x" * 1000, id="long-ascii"),
    pytest.param("ก" * 300, id="long-thai"),  # 3 bytes a letter: the limit is in bytes
    pytest.param("ที่" * 100, id="long-thai-marks"),
]


@pytest.mark.parametrize("stem", NASTY_STEMS)
def test_an_export_name_stays_in_its_folder_and_fits_the_file_system(stem: str, tmp_path: Path) -> None:
    from ita_tui.exports.destination import default_path, safe_stem, write_new
    from ita_tui.exports.registry import FORMATS

    cleaned = safe_stem(stem)
    assert cleaned not in ("", ".", "..") and not cleaned.startswith(("-", "."))
    assert not set(cleaned) & {"/", "\\", "\x00"} and not UNSAFE.search(cleaned)
    folder = tmp_path / "exports"
    folder.mkdir()
    for fmt in FORMATS:
        target = default_path(folder, stem, fmt, date(2026, 11, 25))
        assert target.parent == folder and target.resolve().parent == folder.resolve()
        # Room for the "-99" that a busy day's exports add.
        assert len(target.name.encode()) + 3 <= 255, target.name
        write_new(target, b"x")
    assert sorted(p.parent for p in tmp_path.rglob("*") if p.is_file()) == [folder] * len(FORMATS)


def test_write_new_never_replaces_a_file_unless_told(tmp_path: Path) -> None:
    from ita_tui.errors import UserError
    from ita_tui.exports.destination import write_new

    target = tmp_path / "summary.txt"
    target.write_bytes(b"someone's report")
    with pytest.raises(UserError) as caught:
        write_new(target, b"new")
    assert caught.value.message == f"{target}: already exists (use --force to overwrite it)"
    assert target.read_bytes() == b"someone's report"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.txt"], "no temp file left"
    write_new(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new"


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_export_of_a_file_named_with_dots_and_a_hostile_title_lands_in_exports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """FILE given as ../other/c.toml, title and ids full of ../ and / : only ./exports/ gains files."""
    work, other = tmp_path / "work", tmp_path / "other"
    work.mkdir()
    other.mkdir()
    text = hostile_text().replace(toml_string("X" + HOSTILE), toml_string("../../../etc/x/" + HOSTILE))
    (other / "c.toml").write_text(text.replace("[checklist]\n", '[checklist]\nshort = "../../x"\n'), "utf-8")
    before = _tree(tmp_path)
    monkeypatch.chdir(work)
    for _ in range(2):  # the second export of the day must not replace the first
        ran = run_cli(["export", "../other/c.toml", "--format", "text"], capsys)
        assert ran.code == 0, ran.err
    new = _tree(tmp_path) - before
    today = date.today().isoformat()
    assert new == {"work/exports", f"work/exports/c-{today}.txt", f"work/exports/c-{today}-2.txt"}


def test_export_to_an_existing_file_needs_force(
    hostile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.txt"
    target.write_text("keep me", encoding="utf-8")
    ran = run_cli(["export", str(hostile), "-o", str(target)], capsys)
    assert (ran.code, ran.err) == (2, f"{target}: already exists (use --force to overwrite it)\n")
    assert target.read_text(encoding="utf-8") == "keep me"
    assert run_cli(["export", str(hostile), "-o", str(target), "--force"], capsys).code == 0
    assert target.read_text(encoding="utf-8") != "keep me"


def test_export_of_a_checklist_with_a_long_thai_name_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    name = ("รายงานผลการดำเนินการ" * 4)[:80] + ".toml"  # 245 bytes: a name the file system takes
    (tmp_path / name).write_text(hostile_text(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for fmt in ("html", "json"):
        ran = run_cli(["export", name, "--format", fmt], capsys)
        assert ran.code == 0, ran.err

"""The fast paths of reading and saving give what the slow, sure paths give.

* The line-regex fast path of :mod:`ita_tui.toml_spans` maps every key and
  table exactly as its general (character-by-character) scanner does.
* ``saving.render_text`` (edit the changed values' spans in the text) gives the
  data ``render_text_with_tomlkit`` (the oracle) gives, touches only the lines of
  the edited items, and for in-place replacements of existing keys gives
  tomlkit's very bytes.
* ``validate``, ``set`` and ``export`` never import Textual.

No timings here: the figures are bench/run.py's job.
"""

from __future__ import annotations

import difflib
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ita_tui import edits
from ita_tui.checklist_file import load
from ita_tui.model import Status
from ita_tui.saving import render_text, render_text_with_tomlkit
from ita_tui.toml_spans import DocumentMap, _Scanner, scan

ROOT = Path(__file__).resolve().parents[1]


# -- building random checklists in the DESIGN.md format ------------------------------

THAI_WORDS = ["มาตรการ", "การเปิดเผยข้อมูล", "ดำเนินการ", "ผู้รับผิดชอบ", "ทุกส่วนราชการ", "๒๕๖๖", "ข้อมูล"]
# Text with the characters that make quoting interesting.
text_st = st.lists(
    st.one_of(
        st.sampled_from(THAI_WORDS),
        st.sampled_from([" ", '"', "'", "\\", "#", "[", "]", "=", ",", "{", "}", "\t", '""', "'''", "x"]),
        st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=5),
    ),
    max_size=6,
).map("".join)
one_line_st = text_st.filter(lambda s: "\n" not in s)
multi_line_st = st.lists(one_line_st, min_size=1, max_size=3).map("\n".join)
title_st = one_line_st.map(lambda s: "หัวข้อ" + s)  # a title must not be empty


def basic(value: str) -> str:
    out = value.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    return f'"{out}"'


@st.composite
def string_literal(draw: st.DrawFn, value_st: st.SearchStrategy[str] = one_line_st) -> str:
    """A TOML string of any of the four kinds, for a drawn value."""
    value = draw(value_st)
    kind = draw(st.sampled_from(["basic", "literal", "ml-basic", "ml-literal"]))
    if kind == "literal" and "'" not in value and "\t" not in value and "\n" not in value:
        return f"'{value}'"
    if kind == "ml-literal" and "'''" not in value and not value.endswith("'") and "\t" not in value:
        return f"'''{draw(st.sampled_from(['', chr(10)]))}{value}'''"
    if kind == "ml-basic":
        body = value.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
        return f'"""{draw(st.sampled_from(["", chr(10)]))}{body}"""'
    return basic(value).replace("\n", "\\n")


comment_st = st.one_of(st.just(""), one_line_st.map(lambda s: "  # " + s.replace("\r", "")))


@st.composite
def array_literal(draw: st.DrawFn) -> str:
    entries = [draw(string_literal()) for _ in range(draw(st.integers(0, 3)))]
    if draw(st.booleans()):
        return "[" + ", ".join(entries) + "]"
    lines = "".join(f"    {entry},{draw(comment_st)}\n" for entry in entries)
    return "[\n" + lines + draw(st.sampled_from(["", "    # closing comment\n"])) + "]"


STATUS_SPELLINGS = ["not-started", "in-progress", "done", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ"]


@st.composite
def item_table(draw: st.DrawFn, ident: str, complete: bool = False) -> str:
    """An item; *complete*: with status, notes, score and updated, written the way tomlkit writes them."""
    lines = [
        "[[sections.items]]" + draw(comment_st),
        f'id = "{ident}"',
        f"title = {draw(string_literal(title_st))}",
    ]
    optional = []
    if complete or draw(st.booleans()):
        spelling = draw(st.sampled_from(STATUS_SPELLINGS[:3] if complete else STATUS_SPELLINGS))
        quote = '"' if complete else draw(st.sampled_from(['"', "'"]))
        optional.append(f"status = {quote}{spelling}{quote}{draw(comment_st)}")
    if complete:
        optional.append(f"notes = {basic(draw(one_line_st)).replace(chr(9), '')}{draw(comment_st)}")
    elif draw(st.booleans()):
        optional.append(
            f"notes = {draw(string_literal(st.one_of(one_line_st, multi_line_st)))}{draw(comment_st)}"
        )
    if complete or draw(st.booleans()):
        score = draw(st.one_of(st.integers(0, 100).map(str), st.floats(0, 100).map(lambda f: f"{f:.2f}")))
        optional.append(f"score = {score}{draw(comment_st)}")
    if complete or draw(st.booleans()):
        optional.append(
            f"updated = 2023-0{draw(st.integers(1, 9))}-1{draw(st.integers(0, 9))}T09:30:00+07:00"
        )
    for key in draw(st.lists(st.sampled_from(["actions", "period", "results"]), unique=True, max_size=3)):
        value = draw(st.one_of(string_literal(), array_literal()))
        optional.append(f"{key} = {value}{draw(comment_st)}")
    if draw(st.booleans()):
        optional.append("# a comment line between keys")
    lines += draw(st.permutations(optional))
    return "\n".join(lines) + "\n" + draw(st.sampled_from(["", "\n", "\n# after the item\n\n"]))


@dataclass
class Doc:
    text: str  # with LF line ends, no BOM
    crlf: bool
    bom: bool

    def data(self) -> bytes:
        text = self.text.replace("\n", "\r\n") if self.crlf else self.text
        return (b"\xef\xbb\xbf" if self.bom else b"") + text.encode("utf-8")


@st.composite
def checklist_doc(draw: st.DrawFn, complete: bool = False) -> Doc:
    parts = [
        "# A comment survives every save.\n" if draw(st.booleans()) else "",
        "format = 1\n\n[checklist]\n",
        f"title = {draw(string_literal(title_st))}\n",
        "fiscal_year = 2566          # Buddhist Era\n\n",
    ]
    count = 0
    groups = [None, "IIT", "EIT", "OIT"]
    for s in range(draw(st.integers(1, 3))):
        parts.append(f'[[sections]]\nid = "s{s}"\ntitle = "หมวด {s}"\n')
        group = draw(st.sampled_from(groups))
        if group:
            parts.append(f'group = "{group}"\n')
        parts.append("\n")
        for _ in range(draw(st.integers(1, 4))):
            count += 1
            parts.append(draw(item_table(f"I{count}" if group and count <= 10 else f"X{count}", complete)))
    return Doc("".join(parts), draw(st.booleans()), draw(st.booleans()))


when_st = st.datetimes(
    min_value=datetime(2020, 1, 1),
    max_value=datetime(2030, 12, 31),
    timezones=st.just(timezone(timedelta(hours=7))),
).map(lambda d: d.replace(microsecond=0))

edit_st = st.tuples(
    st.integers(0, 1000),  # which item (modulo the count)
    st.sampled_from(["status", "notes", "score"]),
    st.one_of(
        st.sampled_from(list(Status)),
        one_line_st,
        multi_line_st,
        st.none(),
        st.floats(0, 100).map(lambda f: round(f, 2)),
        st.integers(0, 100).map(float),
    ),
    when_st,
)


def apply_edit(loaded, index: int, key: str, value: object, when: datetime) -> str:  # type: ignore[no-untyped-def]
    items = loaded.checklist.items()
    item = items[index % len(items)]
    if key == "status":
        edits.set_status(item, value if isinstance(value, Status) else Status.DONE, when)
    elif key == "notes":
        edits.set_notes(item, value if isinstance(value, str) else "", when)
    else:
        edits.set_score(item, value if isinstance(value, float) else None, when)
    return item.id


def normalise(map_: DocumentMap) -> tuple[object, object]:
    keys = {
        path: (e.path, e.line, e.column, e.line_start, e.value_start, e.value_end, e.line_end)
        for path, e in map_.keys.items()
    }
    tables = {
        path: (
            t.path,
            t.line,
            t.column,
            t.header_start,
            t.header_end,
            t.content_end,
            [k.path for k in t.keys],
        )
        for path, t in map_.tables.items()
    }
    return keys, tables


def content_ends_by_position(map_: DocumentMap) -> dict[object, int]:
    """Each table's content end worked out from positions alone: its header's end, or the end of
    the last key line between its header and the next (a table on the first line beats the root)."""
    tables = sorted(map_.tables.values(), key=lambda t: (t.header_start, len(t.path) > 0))
    ends = {t.path: t.header_end for t in tables}
    for entry in map_.keys.values():
        owner = [t for t in tables if t.header_start <= entry.line_start][-1]
        ends[owner.path] = max(ends[owner.path], entry.line_end)
    return ends


def wanted_every_third(path: tuple[object, ...]) -> bool:
    return len(path) >= 2 and isinstance(path[1], int) and path[1] % 3 == 1


def assert_filtered_scan_keeps_only_the_wanted_tables(text: str) -> None:
    full = scan(text)
    filtered = scan(text, wanted_every_third)
    full_keys, full_tables = normalise(full)
    kept_keys, kept_tables = normalise(filtered)
    assert isinstance(full_keys, dict) and isinstance(kept_keys, dict)
    assert isinstance(full_tables, dict) and isinstance(kept_tables, dict)
    # Every table is there, with the same header and content end; keys only of wanted tables.
    assert set(kept_tables) == set(full_tables)
    for path, table in filtered.tables.items():
        whole = full.tables[path]
        assert (table.header_start, table.header_end, table.content_end) == (
            whole.header_start,
            whole.header_end,
            whole.content_end,
        )
        expected = [k.path for k in whole.keys] if wanted_every_third(path) else []
        assert [k.path for k in table.keys] == expected
    assert kept_keys == {p: e for p, e in full_keys.items() if p in filtered.keys}


def item_line_ranges(text: str) -> dict[tuple[int, int], tuple[int, int]]:
    """(section, item) → [first line, last line + 1) of that item's table, 0-based lines."""
    document = scan(text)
    headers = sorted((t.line - 1, path) for path, t in document.tables.items() if path)
    total = text.count("\n") + 1
    ranges = {}
    for number, (line, path) in enumerate(headers):
        end = headers[number + 1][0] if number + 1 < len(headers) else total
        if len(path) == 4 and path[0] == "sections" and path[2] == "items":
            ranges[(path[1], path[3])] = (line, end)  # type: ignore[index]
    return ranges


# -- the scanner's fast path ---------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(checklist_doc())
def test_fast_scan_maps_exactly_what_the_general_scanner_maps(doc: Doc) -> None:
    text = doc.data().decode("utf-8-sig")
    tomllib.loads(text)  # the scanner's precondition
    fast = _Scanner(text).scan(fast=True)
    assert normalise(fast) == normalise(_Scanner(text).scan(fast=False))
    assert {p: t.content_end for p, t in fast.tables.items()} == content_ends_by_position(fast)
    assert_filtered_scan_keeps_only_the_wanted_tables(text)


TRICKY = [
    # a multi-line string inside an array whose content looks like the array's end and a comment
    'a = ["""x"y]#"""\n]\nb = 1\n',
    "a = ['''x'y]#'''\n, 'z']\nb = 2\n",
    # quotes right before a closing delimiter
    'n = """a""""\nm = """b"""""\nk = \'\'\'c\'\'\'\'\'\nz = 1\n',
    # escapes, quoted and dotted keys, inline tables, nested arrays, date-times with a space
    'a = "x\\"y" # "c"\n"quoted key" = 1\nx.y = 2\nt = { a = 1, b = "}" }\nn = [[1, 2], ["]"]]\n'
    "d = 1979-05-27 07:32:00Z\nl = 1979-05-27\n",
    # headers with spaces, quotes and trailing comments; arrays of tables nested
    '[ a . b ]  # c\nk = 1\n[["s"]]\nid = 1\n[[s.items]]\nid = 2\n[[s]]\n[[ s.items ]]\nid = 3\n',
    # CRLF, blank lines with spaces, comments with brackets and quotes
    'a = 1\r\n  \r\n# ["x"] \'\r\n[t]\r\nb = "c"  # d\r\nc = [\r\n  "e", # f\r\n]\r\n',
    # no newline at the end; a line that is only spaces at the end
    'a = "b"\n   ',
    'a = [\n"b",\n]',
    "a = 'b' # c",
    # a multi-line basic string with escaped newlines and quotes
    'a = """\\\n   x \\"""  \\\\"""\nb = 1\n',
    # values that end at a comment without space
    "a = 1#c\nb = true#d\nc = 'x'#e\n",
]


@pytest.mark.parametrize("text", TRICKY)
def test_fast_scan_on_tricky_documents(text: str) -> None:
    tomllib.loads(text)
    assert normalise(_Scanner(text).scan(fast=True)) == normalise(_Scanner(text).scan(fast=False))


def test_fast_scan_on_the_bundled_and_generated_checklists() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    texts = [
        (ROOT / "ita_tui" / "checklists" / "fy2566.toml").read_text(encoding="utf-8"),
        generate(120, seed=7),
    ]
    for text in texts:
        fast = _Scanner(text).scan(fast=True)
        assert normalise(fast) == normalise(_Scanner(text).scan(fast=False))
        assert {p: t.content_end for p, t in fast.tables.items()} == content_ends_by_position(fast)
        assert_filtered_scan_keeps_only_the_wanted_tables(text)


# -- saving: the span editor against tomlkit --------------------------------------------------


def changed_line_numbers(before: str, after: str) -> set[int]:
    """0-based lines of *before* that a diff to *after* replaces, deletes or inserts at."""
    touched: set[int] = set()
    matcher = difflib.SequenceMatcher(a=before.split("\n"), b=after.split("\n"), autojunk=False)
    for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        touched.update(range(i1, i2) if i2 > i1 else [i1 - 1])  # an insertion: after line i1-1
    return touched


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(doc=checklist_doc(), changes=st.lists(edit_st, min_size=1, max_size=4))
def test_span_edit_equals_tomlkit_and_touches_only_edited_items(
    tmp_path: Path, doc: Doc, changes: list[tuple[int, str, object, datetime]]
) -> None:
    path = tmp_path / "c.toml"
    path.write_bytes(doc.data())
    loaded = load(path)
    original = loaded.text
    edited = {apply_edit(loaded, *change) for change in changes}
    fast = render_text(loaded, loaded.checklist)
    oracle = render_text_with_tomlkit(loaded, loaded.checklist)
    assert tomllib.loads(fast) == tomllib.loads(oracle)

    if not loaded.changed_items():
        assert fast == original
        return
    # Only lines of the edited items differ (an added key lands inside its item).
    ranges = item_line_ranges(original)
    allowed: set[int] = set()
    positions = loaded.baseline.positions()
    for item_id in edited:
        item = loaded.checklist.find(item_id)
        assert item is not None
        start, end = ranges[positions[item.uid]]
        allowed.update(range(start, end))
    assert changed_line_numbers(original, fast) <= allowed
    # The file keeps its line ends.
    if doc.crlf:
        assert "\n" not in fast.replace("\r\n", "")


PLAIN_NOTES = st.lists(st.sampled_from([*"abc xyz", *THAI_WORDS]), max_size=8).map("".join)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    doc=checklist_doc(complete=True),
    index=st.integers(0, 1000),
    status=st.sampled_from(["not-started", "in-progress", "done"]),
    notes=PLAIN_NOTES,
    score=st.integers(0, 100),
    when=when_st,
)
def test_in_place_replacements_are_byte_identical_to_tomlkit(
    tmp_path: Path, doc: Doc, index: int, status: str, notes: str, score: int, when: datetime
) -> None:
    """Where the item already has every key the edit writes, in forms tomlkit writes the same way."""
    path = tmp_path / "c.toml"
    path.write_bytes(doc.data())
    loaded = load(path)
    items = loaded.checklist.items()
    item = items[index % len(items)]
    scan(loaded.text)  # the span editor follows this layout: no silent fallback to tomlkit
    edits.set_status(item, Status(status), when)
    edits.set_notes(item, notes, when)
    edits.set_score(item, float(score), when)
    assert render_text(loaded, loaded.checklist) == render_text_with_tomlkit(loaded, loaded.checklist)


# -- no Textual on the command line's read and write paths ------------------------------------

PROBE = """
import runpy, sys
sys.argv = ["ita-tui", *sys.argv[1:]]
try:
    runpy.run_module("ita_tui", run_name="__main__")
except SystemExit as exit:
    code = exit.code
heavy = sorted(name for name in ("textual", "tomlkit", "ita_tui.newmm") if name in sys.modules)
sys.stderr.write("\\nMODULES " + ",".join(heavy) + f" EXIT {code}\\n")
"""


@pytest.mark.parametrize(
    ("args", "forbidden"),
    [
        (["validate", "{file}"], {"textual", "tomlkit"}),
        (["set", "{file}", "M1", "--status", "done"], {"textual", "tomlkit"}),
        (["export", "{file}", "--format", "json", "-o", "-"], {"textual", "tomlkit"}),
        (["export", "{file}", "--format", "text", "-o", "-"], {"textual"}),
        (["export", "{file}", "--format", "html", "-o", "-"], {"textual", "ita_tui.newmm"}),
        # The draft's text part is not wrapped: no Thai word list to load.
        (["export", "{file}", "--format", "eml", "-o", "-"], {"textual", "tomlkit", "ita_tui.newmm"}),
    ],
)
def test_commands_do_not_import_textual(bundled: Path, args: list[str], forbidden: set[str]) -> None:
    argv = [arg.format(file=bundled) for arg in args]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, cwd=bundled.parent, check=False
    )
    match = re.search(r"^MODULES (\S*) EXIT (\S+)$", done.stderr, re.MULTILINE)
    assert match, done.stderr
    assert match.group(2) == "0", done.stderr
    loaded = set(filter(None, match.group(1).split(",")))
    assert not (loaded & forbidden), f"{args[0]} imported {loaded & forbidden}"


def test_removing_a_key_below_a_multiline_string_ending_in_a_hash_line_keeps_the_string(
    tmp_path: Path,
) -> None:
    """Found by the property test above: the line ``#\"\"\"`` closing a notes string above
    ``score`` was taken for a comment on ``score`` and removed with it."""
    text = (
        'format = 1\n\n[checklist]\ntitle = "หัวข้อ"\nfiscal_year = 2566\n\n'
        '[[sections]]\nid = "s0"\ntitle = "หมวด 0"\n\n'
        '[[sections.items]]\nid = "X1"\ntitle = "หัวข้อ"\nnotes = """\n#"""\nscore = 0\n'
    )
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    loaded = load(path)
    item = loaded.checklist.items()[0]
    edits.set_score(item, None, datetime(2026, 12, 1, tzinfo=UTC))
    fast = render_text(loaded, loaded.checklist)
    assert tomllib.loads(fast) == tomllib.loads(render_text_with_tomlkit(loaded, loaded.checklist))
    assert '#"""\n' in fast
    assert "score" not in fast


def test_a_save_that_moves_nothing_maps_only_the_keys_it_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A status change in a long file maps the edited item's keys and the style sample, not every
    key (36 MiB for 10,000 items), and writes the very bytes a save mapping every key writes."""
    from ita_tui import file_edit, toml_spans
    from ita_tui.toml_write import SAMPLE

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    path = tmp_path / "long.toml"
    path.write_text(generate(SAMPLE * 2, seed=11), encoding="utf-8")
    loaded = load(path)
    last = loaded.checklist.items()[-1]
    edits.set_status(last, Status.DONE, datetime(2026, 12, 2, tzinfo=UTC))
    edits.set_notes(last, "บันทึกใหม่", datetime(2026, 12, 2, tzinfo=UTC))

    mapped: list[DocumentMap] = []

    def spy(text: str, wanted: object = None) -> DocumentMap:
        document = toml_spans.scan(text, wanted)  # type: ignore[arg-type]
        mapped.append(document)
        return document

    monkeypatch.setattr(file_edit, "scan", spy)
    filtered = render_text(loaded, loaded.checklist)
    monkeypatch.setattr(file_edit, "_Wanted", lambda plan: None)
    whole = render_text(loaded, loaded.checklist)

    assert filtered == whole
    assert "บันทึกใหม่" in filtered
    few, every = (len(document.keys) for document in mapped)
    section, index = loaded.baseline.positions()[last.uid]
    assert any(path[:4] == ("sections", section, "items", index) for path in mapped[0].keys)
    assert few < every / 2

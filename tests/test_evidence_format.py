"""Evidence in the file: hand-written entries load, validate says what is wrong where, saves are minimal."""

from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path

import pytest

from ita_tui.authoring import AuthoringError
from ita_tui.checklist_file import check, load
from ita_tui.cli import main
from ita_tui.errors import ChecklistError
from ita_tui.evidence_edits import add_evidence, make_evidence, remove_evidence, replace_evidence, stored_path
from ita_tui.model import Evidence, Status
from ita_tui.saving import save

HAND_WRITTEN = """\
format = 1

[checklist]
title = 'OIT'

[[sections]]
id = 'oit'
title = 'OIT'

[[sections.items]]
id = 'O1'
title = 'โครงสร้าง'
status = 'done'   # checked by the IT team

# the page the assessors see
[[sections.items.evidence]]
url = 'https://www.example.go.th/ita/o1'
label = 'โครงสร้างหน่วยงาน'
published = 2026-11-01

[[sections.items.evidence]]
path = 'หลักฐาน/o1.pdf'   # the signed copy

[[sections.items]]
id = 'O2'
title = 'ข้อมูลผู้บริหาร'

[[sections.items]]
id = 'O3'
title = 'อำนาจหน้าที่'
evidence = [{ url = "https://www.example.go.th/ita/o3" }]
"""


@pytest.fixture
def checklist_file(tmp_path: Path) -> Path:
    (tmp_path / "หลักฐาน").mkdir()
    (tmp_path / "หลักฐาน" / "o1.pdf").write_bytes(b"%PDF")
    path = tmp_path / "oit.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    return path


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_hand_written_evidence_loads(checklist_file: Path) -> None:
    loaded = load(checklist_file)
    o1, o2, o3 = loaded.checklist.items()
    assert o1.evidence == [
        Evidence(
            url="https://www.example.go.th/ita/o1", label="โครงสร้างหน่วยงาน", published=date(2026, 11, 1)
        ),
        Evidence(path="หลักฐาน/o1.pdf"),
    ]
    assert o2.evidence == [] and o3.evidence == [Evidence(url="https://www.example.go.th/ita/o3")]
    assert o1.fields == {}  # evidence is not a detail field
    assert loaded.warnings == []


def test_saving_without_changes_writes_nothing(checklist_file: Path) -> None:
    loaded = load(checklist_file)
    save(loaded)
    assert checklist_file.read_text(encoding="utf-8") == HAND_WRITTEN


def test_a_status_change_leaves_the_evidence_alone(checklist_file: Path) -> None:
    loaded = load(checklist_file)
    loaded.checklist.items()[0].status = Status.IN_PROGRESS
    save(loaded)
    assert changed_lines(HAND_WRITTEN, checklist_file.read_text(encoding="utf-8")) == [
        "-status = 'done'   # checked by the IT team",
        "+status = 'in-progress'   # checked by the IT team",
    ]


def test_adding_evidence_appends_a_block_after_the_items_evidence(checklist_file: Path) -> None:
    loaded = load(checklist_file)
    entry = make_evidence("https://www.example.go.th/ita/o1-v2", "ฉบับปรับปรุง", date(2026, 12, 1))
    add_evidence(loaded.checklist, "O1", entry)
    save(loaded)
    anchor = "path = 'หลักฐาน/o1.pdf'   # the signed copy\n"
    # A new block after the item's last evidence, in the file's quoting (literal strings here).
    block = (
        "\n[[sections.items.evidence]]\nurl = 'https://www.example.go.th/ita/o1-v2'\n"
        "label = 'ฉบับปรับปรุง'\npublished = 2026-12-01\n"
    )
    assert checklist_file.read_text(encoding="utf-8") == HAND_WRITTEN.replace(anchor, anchor + block)
    assert load(checklist_file).checklist.items()[0].evidence[-1] == entry


def test_the_first_evidence_of_an_item(checklist_file: Path) -> None:
    loaded = load(checklist_file)
    add_evidence(loaded.checklist, "O2", make_evidence("หลักฐาน/o2.pdf"))
    save(loaded)
    anchor = "title = 'ข้อมูลผู้บริหาร'\n"
    block = "\n[[sections.items.evidence]]\npath = 'หลักฐาน/o2.pdf'\n"
    assert checklist_file.read_text(encoding="utf-8") == HAND_WRITTEN.replace(anchor, anchor + block)


def test_editing_evidence_changes_its_values_in_place(checklist_file: Path) -> None:
    loaded = load(checklist_file)
    replace_evidence(loaded.checklist, "O1", 0, Evidence(url="https://www.example.go.th/ita/o1", label="ใหม่"))
    save(loaded)
    assert changed_lines(HAND_WRITTEN, checklist_file.read_text(encoding="utf-8")) == [
        "-label = 'โครงสร้างหน่วยงาน'",
        "-published = 2026-11-01",
        "+label = 'ใหม่'",
    ]


def test_removing_evidence_removes_its_block_and_its_comment(checklist_file: Path) -> None:
    loaded = load(checklist_file)
    remove_evidence(loaded.checklist, "O1", 0)
    save(loaded)
    removed = (
        "\n# the page the assessors see\n[[sections.items.evidence]]\nurl = 'https://www.example.go.th/ita/o1'\n"
        "label = 'โครงสร้างหน่วยงาน'\npublished = 2026-11-01\n"
    )
    assert checklist_file.read_text(encoding="utf-8") == HAND_WRITTEN.replace(removed, "")


def test_removing_the_last_evidence_leaves_no_block(checklist_file: Path) -> None:
    loaded = load(checklist_file)
    remove_evidence(loaded.checklist, "O1", 1)
    remove_evidence(loaded.checklist, "O1", 0)
    save(loaded)
    after = checklist_file.read_text(encoding="utf-8")
    assert "sections.items.evidence" not in after
    assert load(checklist_file).checklist.items()[0].evidence == []


def test_inline_evidence_stays_inline(checklist_file: Path) -> None:
    loaded = load(checklist_file)
    add_evidence(loaded.checklist, "O3", make_evidence("หลักฐาน/o3.pdf"))
    save(loaded)
    after = checklist_file.read_text(encoding="utf-8")
    assert changed_lines(HAND_WRITTEN, after) == [
        '-evidence = [{ url = "https://www.example.go.th/ita/o3" }]',
        "+evidence = [{url = 'https://www.example.go.th/ita/o3'}, {path = 'หลักฐาน/o3.pdf'}]",
    ]


def test_evidence_in_a_file_of_inline_tables(tmp_path: Path) -> None:
    # The layout the span editor hands to tomlkit: an array of tables inside an inline table
    # must be inline too, or the file would no longer be TOML.
    path = tmp_path / "inline.toml"
    path.write_text(
        'format = 1\nchecklist = { title = "t" }\nsections = [\n  { id = "s", title = "S", items = [\n'
        '    { id = "O1", title = "x" },\n  ] },\n]\n',
        encoding="utf-8",
    )
    loaded = load(path)
    add_evidence(loaded.checklist, "O1", make_evidence("https://www.example.go.th/o1", "หน้า"))
    save(loaded)
    assert load(path).checklist.items()[0].evidence == [
        Evidence(url="https://www.example.go.th/o1", label="หน้า")
    ]
    loaded = load(path)
    remove_evidence(loaded.checklist, "O1", 0)
    save(loaded)
    assert "evidence" not in path.read_text(encoding="utf-8")


def test_crlf_and_bom_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "crlf.toml"
    path.write_bytes(b"\xef\xbb\xbf" + HAND_WRITTEN.replace("\n", "\r\n").encode("utf-8"))
    loaded = load(path)
    add_evidence(loaded.checklist, "O2", make_evidence("https://www.example.go.th/o2"))
    save(loaded)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\n" not in data.replace(b"\r\n", b"")


def test_undo_puts_the_list_back(checklist_file: Path) -> None:
    loaded = load(checklist_file)
    before = list(loaded.checklist.items()[0].evidence)
    edit = remove_evidence(loaded.checklist, "O1", 0)
    edit.revert(loaded.checklist)
    assert loaded.checklist.items()[0].evidence == before
    edit.apply(loaded.checklist)
    assert loaded.checklist.items()[0].evidence == before[1:]


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("", "evidence.bad.empty"),
        ("www.example.go.th/o1", "evidence.bad.scheme"),
        ("https://www.example.go.th/ita o1", "evidence.bad.space"),
        ("https:///o1", "evidence.bad.host"),
    ],
)
def test_bad_addresses_are_refused(typed: str, key: str) -> None:
    with pytest.raises(AuthoringError) as caught:
        make_evidence(typed)
    assert caught.value.message.key == key


def test_a_number_out_of_range(checklist_file: Path) -> None:
    loaded = load(checklist_file)
    with pytest.raises(AuthoringError) as caught:
        remove_evidence(loaded.checklist, "O1", 5)
    assert caught.value.message.render("en") == "there is no evidence number 6 (there are 2)"


def test_stored_paths(tmp_path: Path) -> None:
    folder = tmp_path / "ita"
    (folder / "หลักฐาน").mkdir(parents=True)
    assert stored_path("หลักฐาน/o1.pdf", folder, folder) == "หลักฐาน/o1.pdf"
    assert stored_path("ita/หลักฐาน/o1.pdf", tmp_path, folder) == "หลักฐาน/o1.pdf"  # typed from the parent
    assert stored_path(str(tmp_path / "elsewhere.pdf"), folder, folder) == str(tmp_path / "elsewhere.pdf")


# -- validate ----------------------------------------------------------------------------------

BAD = """\
format = 1

[checklist]
title = "t"

[[sections]]
id = "s"
title = "S"

[[sections.items]]
id = "O1"
title = "x"

[[sections.items.evidence]]
url = "www.example.go.th/o1"

[[sections.items.evidence]]
url = "https://www.example.go.th/o1"
path = "o1.pdf"

[[sections.items.evidence]]
label = "nothing"

[[sections.items.evidence]]
path = "o1.pdf"
published = "2026-11-01"

[[sections.items.evidence]]
url = "https://www.example.go.th/ita o1"
"""


def test_validate_names_each_problem_with_its_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(BAD, encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err.replace(str(path), "F")
    assert err.splitlines() == [
        "F:15:1: 'url' 'www.example.go.th/o1': a web address must start with http:// or https://",
        "F:17:1: evidence has both 'url' and 'path': give one (one [[sections.items.evidence]] each)",
        "F:21:1: evidence needs a 'url' (a web address) or a 'path' (a file)",
        "F:26:1: 'published' must be a date such as 2026-11-01 (no quotes), not a string",
        "F:29:1: 'url' 'https://www.example.go.th/ita o1': the web address has a space or a control character"
        " in it (copied with extra text?)",
    ]
    with pytest.raises(ChecklistError):
        load(path)


def test_validate_warns_of_missing_files_and_unknown_keys(
    checklist_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = HAND_WRITTEN.replace("'หลักฐาน/o1.pdf'", "'หลักฐาน/o1-old.pdf'").replace(
        "published = 2026-11-01", "published = 2026-11-01\nlable = 'x'"
    )
    checklist_file.write_text(text, encoding="utf-8")
    assert main(["validate", str(checklist_file)]) == 0  # warnings: the file still opens
    out, err = capsys.readouterr()
    err = err.replace(str(checklist_file), "F")
    folder = checklist_file.resolve().parent
    assert err.splitlines() == [
        "F:20:1: warning: unknown key 'lable' in evidence (known: url, path, label, published)",
        f"F:23:1: warning: evidence file not found: 'หลักฐาน/o1-old.pdf' (looked in {folder})",
    ]
    assert out.endswith("ok (3 items, 2 warning(s))\n")
    assert check(checklist_file)[0] is not None  # the app opens it

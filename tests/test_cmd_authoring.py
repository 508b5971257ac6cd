"""The authoring verbs (add, remove, move, set of fields, new --from): every verb, every refusal."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from ita_tui.checklist_file import load, load_checklist
from ita_tui.cli import main
from ita_tui.model import Checklist, Status

BUNDLED = Path(__file__).resolve().parents[1] / "ita_tui" / "checklists"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def year(tmp_path: Path) -> Path:
    return Path(shutil.copy(BUNDLED / "new-year.toml", tmp_path / "fy2570.toml"))


def ids(path: Path) -> list[list[str]]:
    return [[i.id for i in s.items] for s in load_checklist(path).sections]


def refused(capsys: pytest.CaptureFixture[str], path: Path, *argv: str) -> str:
    """Run a command that must be refused: exit 2, nothing written; its one-line error."""
    before = path.read_bytes()
    code, out, err = run(capsys, *argv, "--lang", "en")
    assert (code, out) == (2, ""), err
    assert path.read_bytes() == before
    assert err.count("\n") == 1
    return err.strip()


# -- the done-when scenario, by script ------------------------------------------------------


def test_a_year_authored_from_the_command_line(year: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = str(year)
    assert (
        run(capsys, "set", f, "--organization", "องค์การบริหารส่วนตำบลตัวอย่าง", "--fiscal-year", "๒๕๗๐")[0] == 0
    )
    for title, office in (("ลดขั้นตอน", "สำนักปลัด"), ("เปิดเผยงบ", "กองคลัง"), ("จัดซื้อโปร่งใส", "กองช่าง")):
        code, out, _ = run(
            capsys,
            "add",
            f,
            title,
            "--field",
            f"responsible={office}",
            "--field",
            "period=ไตรมาส 1",
            "--lang",
            "en",
        )
        assert code == 0 and out.startswith("saved: added item M")
    assert run(capsys, "remove", f, "M1")[0] == 0
    code, out, _ = run(capsys, "move", f, "M4", "--before", "M2", "--lang", "en")
    assert (code, out) == (0, "saved: moved item M4\nM4 is now first in measures\n")
    code, out, _ = run(capsys, "validate", f)
    assert code == 0
    checklist = load_checklist(year)
    assert (checklist.organization, checklist.fiscal_year) == ("องค์การบริหารส่วนตำบลตัวอย่าง", 2570)
    assert [i.id for i in checklist.sections[0].items] == ["M4", "M2", "M3"]
    m4 = checklist.find("M4")
    assert m4 is not None and m4.fields == {"responsible": "กองช่าง", "period": "ไตรมาส 1"}


# -- add ----------------------------------------------------------------------------------------


def test_add_an_item_after_another_with_a_list_field(
    bundled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys,
        "add",
        str(bundled),
        "ใหม่",
        "--after",
        "M1",
        "--id",
        "M1a",
        "--field",
        "responsible=กองคลัง|กองช่าง",
        "--field",
        "note=a\\|b",
    )
    assert (code, out) == (0, "บันทึกแล้ว: เพิ่มรายการ M1a\n")  # the checklist's language: Thai
    assert ids(bundled)[0][:3] == ["M1", "M1a", "M2"]
    item = load_checklist(bundled).find("M1a")
    assert item is not None and item.fields == {"responsible": ["กองคลัง", "กองช่าง"], "note": "a|b"}


def test_add_a_section_and_an_indicator(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        run(capsys, "add", str(bundled), "หมวดใหม่", "--section", "--id", "extra", "--after", "measures")[0]
        == 0
    )
    assert [s.id for s in load_checklist(bundled).sections][:2] == ["measures", "extra"]
    assert run(capsys, "remove", str(bundled), "I7")[0] == 0
    code, out, _ = run(capsys, "add", str(bundled), "--indicator", "7", "--lang", "en")
    assert (code, out) == (0, "saved: added item I7\n")
    assert ids(bundled)[3] == ["I6", "I7", "I8"]


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (["add", "{f}", "x", "--id", "M1"], "{f}: An item with id M1 already exists"),
        (
            ["add", "{f}", "x", "--id", "M 1"],
            "{f}: “M 1” cannot be an id: no spaces, dots, quotes or = [ ] { } # ,",
        ),
        (["add", "{f}", " "], "{f}: A title must not be empty"),
        (["add", "{f}"], "ita-tui add: give a TITLE (or --indicator N)"),
        (
            ["add", "{f}", "x", "--to", "nowhere"],
            "{f}: no section with id nowhere; ids are measures, iit, eit, oit",
        ),
        (["add", "{f}", "x", "--after", "M9"], "{f}: no item with id M9; did you mean M6, M5, M4, M3, M2?"),
        (["add", "{f}", "--indicator", "3"], "{f}: Indicator 3 is there already: I3"),
        (["add", "{f}", "--indicator", "12"], "{f}: There is no indicator 12 in the 2566 scoring table"),
        (
            ["add", "{f}", "x", "--field", "status=done"],
            "{f}: “status” is a built-in key of an item; change it with its own command",
        ),
        (["add", "{f}", "x", "--field", "oops"], "--field takes KEY=VALUE (KEY= removes it), not “oops”"),
        (["add", "{f}", "x", "--section", "--id", "iit"], "{f}: A section with id iit already exists"),
    ],
)
def test_add_refuses(bundled: Path, capsys: pytest.CaptureFixture[str], argv: list[str], error: str) -> None:
    f = str(bundled)
    assert refused(capsys, bundled, *[a.replace("{f}", f) for a in argv]) == error.replace("{f}", f)


# -- remove -------------------------------------------------------------------------------------


def test_remove_items_and_sections(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "remove", str(bundled), "M3", "--lang", "en")[1] == "saved: removed item M3\n"
    err = refused(capsys, bundled, "remove", str(bundled), "measures")
    assert err == f"{bundled}: section measures still holds items (5): give --force to remove it with them"
    assert run(capsys, "remove", str(bundled), "measures", "--force")[0] == 0
    assert [s.id for s in load_checklist(bundled).sections] == ["iit", "eit", "oit"]


def test_remove_refuses_the_last_indicator_of_a_group(
    bundled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "remove", str(bundled), "I9")[0] == 0
    err = refused(capsys, bundled, "remove", str(bundled), "I10")
    assert err == (
        f"{bundled}: I10 is not removed: it is the last indicator of OIT, without it the ITA score "
        "cannot be computed"
    )
    assert run(capsys, "remove", str(bundled), "I10", "--force")[0] == 0


def test_remove_an_unknown_id(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert refused(capsys, bundled, "remove", str(bundled), "m33") == (
        f"{bundled}: no item with id m33; did you mean M3?"
    )


# -- move --------------------------------------------------------------------------------------


def test_move_items_every_way(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = str(bundled)
    assert run(capsys, "move", f, "M6", "--after", "M1")[0] == 0
    assert ids(bundled)[0] == ["M1", "M6", "M2", "M3", "M4", "M5"]
    assert run(capsys, "move", f, "M1", "--down")[0] == 0
    assert ids(bundled)[0][:2] == ["M6", "M1"]
    assert run(capsys, "move", f, "M5", "--to", "oit")[0] == 0
    assert ids(bundled)[3] == ["I9", "I10", "M5"]
    code, out, _ = run(capsys, "move", f, "M6", "--up", "--lang", "en")
    assert (code, out) == (0, "nothing to change\n")


def test_move_sections(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = str(bundled)
    assert run(capsys, "move", f, "measures", "--after", "oit")[0] == 0
    assert [s.id for s in load_checklist(bundled).sections] == ["iit", "eit", "oit", "measures"]
    assert run(capsys, "move", f, "measures", "--before", "iit")[0] == 0
    assert run(capsys, "move", f, "eit", "--up")[0] == 0
    assert [s.id for s in load_checklist(bundled).sections] == ["measures", "eit", "iit", "oit"]


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (
            ["move", "{f}", "M1", "--before", "QQQ"],
            "{f}: no item with id QQQ; ids are M1, M2, M3, M4, M5, M6, I1, I2, I3, I4, I5, I6",
        ),
        (
            ["move", "{f}", "measures", "--to", "oit"],
            "--to moves items only; a section moves with --before/--after",
        ),
        (["move", "{f}", "M1", "--to", "zz"], "{f}: no section with id zz; ids are measures, iit, eit, oit"),
    ],
)
def test_move_refuses(bundled: Path, capsys: pytest.CaptureFixture[str], argv: list[str], error: str) -> None:
    f = str(bundled)
    assert refused(capsys, bundled, *[a.replace("{f}", f) for a in argv]) == error.replace("{f}", f)


def test_move_needs_exactly_one_place(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = refused(capsys, bundled, "move", str(bundled), "M1")
    assert "one of the arguments --before --after --to --up --down is required" in err


# -- set ------------------------------------------------------------------------------------------


def test_set_titles_fields_and_ids(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = str(bundled)
    code, out, _ = run(
        capsys,
        "set",
        f,
        "M1",
        "--title",
        "ชื่อใหม่",
        "--field",
        "period=2570",
        "--field",
        "results=",
        "--field",
        "responsible=ก|ข",
        "--rename",
        "M10",
        "--lang",
        "en",
    )
    assert code == 0
    assert out.splitlines() == [
        "saved: title of M1",
        "saved: period of M1",
        "saved: removed results of M1",
        "saved: responsible of M1",
        "saved: renamed M1 to M10",
    ]
    item = load_checklist(bundled).find("M10")
    assert item is not None and item.title == "ชื่อใหม่" and "results" not in item.fields
    assert item.fields["responsible"] == ["ก", "ข"] and item.fields["period"] == "2570"
    assert run(capsys, "set", f, "iit", "--title", "IIT ใหม่")[0] == 0
    assert load_checklist(bundled).sections[1].title == "IIT ใหม่"


def test_set_the_checklists_own_fields(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = str(bundled)
    code, out, _ = run(
        capsys,
        "set",
        f,
        "--title",
        "แผน 2570",
        "--organization",
        "อบต.ตัวอย่าง",
        "--fiscal-year",
        "พ.ศ. ๒๕๗๐",
        "--description",
        "บรรทัดหนึ่ง",
        "--language",
        "en",
    )
    assert code == 0 and out.count("\n") == 5
    checklist: Checklist = load_checklist(bundled)
    assert (checklist.title, checklist.organization, checklist.fiscal_year, checklist.language) == (
        "แผน 2570",
        "อบต.ตัวอย่าง",
        2570,
        "en",
    )


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (
            ["set", "{f}", "--fiscal-year", "2027"],
            "{f}: 2027 is a Common Era year: fiscal years are Buddhist Era, here 2570",
        ),
        (
            ["set", "{f}", "--fiscal-year", "สองพัน"],
            "{f}: “สองพัน” is not a Buddhist Era fiscal year (such as 2570 or ๒๕๗๐)",
        ),
        (["set", "{f}", "--language", "fr"], "{f}: Unknown language “fr” (th or en)"),
        (["set", "{f}", "--title", ""], "{f}: A title must not be empty"),
        (["set", "{f}", "M1", "--rename", "M2"], "{f}: An item with id M2 already exists"),
        (["set", "{f}", "M1", "--title", "a\nb"], "{f}: A title must be one line"),
        (
            ["set", "{f}", "M1", "--organization", "x"],
            "ita-tui set: --organization sets the checklist's own field: give no ID",
        ),
        (
            ["set", "{f}", "--status", "done"],
            "ita-tui set: --status, --note, --score, --due, --rename and --field need an ID",
        ),
        (["set", "{f}", "iit", "--status", "done"], "ita-tui set: iit is a section: only --title applies"),
    ],
)
def test_set_refuses(bundled: Path, capsys: pytest.CaptureFixture[str], argv: list[str], error: str) -> None:
    f = str(bundled)
    assert refused(capsys, bundled, *[a.replace("{f}", f) for a in argv]) == error.replace("{f}", f)


# -- what ships is never edited ----------------------------------------------------------------


@pytest.mark.parametrize(
    "verb", [["set", "I1", "--status", "done"], ["add", "x"], ["remove", "M1"], ["move", "M1", "--down"]]
)
def test_a_bundled_checklist_is_never_edited(capsys: pytest.CaptureFixture[str], verb: list[str]) -> None:
    path = BUNDLED / "fy2566.toml"
    err = refused(capsys, path, verb[0], str(path), *verb[1:])
    assert "ships with ita-tui" in err and "ita-tui new FILE.toml --template fy2566" in err


def test_through_the_projects_link_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "checklists"
    link.symlink_to(BUNDLED)
    assert "ships with ita-tui" in refused(
        capsys, BUNDLED / "fy2566.toml", "set", str(link / "fy2566.toml"), "I1", "--note", "x"
    )


# -- new --from -----------------------------------------------------------------------------------


def test_new_from_last_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    last = Path(shutil.copy(BUNDLED / "fy2566.toml", tmp_path / "fy2566.toml"))
    main(["set", str(last), "M1", "--note", "ทำแล้วบางส่วน"])
    main(["set", str(last), "M2", "--due", "2026-12-15"])
    capsys.readouterr()
    out_path = tmp_path / "fy2567.toml"
    code, out, err = run(capsys, "new", str(out_path), "--from", str(last), "--lang", "en")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"created {out_path} from {last}: fiscal year 2567 (was 2566)",
        "carried: 4 sections, 6 measures, 10 indicators, the labels, and the plan fields: actions, period, "
        "responsible, approach",
        "reset: 8 statuses to not started, 1 notes, 9 scores, 2 'updated' stamps, 1 due dates, the result "
        "fields: results ×6, outcomes ×6, progress ×10",
        "reset in [checklist]: overall_score, rating, description",
        "the old year moved to 2567 where titles and fields name it: 17 places",
        'recorded: previous = "fy2566.toml"',
    ]
    new = load(out_path).checklist
    assert main(["validate", str(out_path)]) == 0
    assert new.fiscal_year == 2567 and new.title.endswith("พ.ศ.2567")
    assert [len(s.items) for s in new.sections] == [6, 5, 3, 2]
    assert all(
        i.status is Status.NOT_STARTED
        and i.score is None
        and not i.notes
        and i.updated is None
        and i.due is None
        for i in new.items()
    )
    assert all(not set(i.fields) & {"results", "outcomes", "progress"} for i in new.items())
    m1 = new.find("M1")
    assert m1 is not None and m1.fields["period"] == "ปีงบประมาณ 2567" and len(m1.fields["actions"]) == 2
    data = tomllib.loads(out_path.read_text("utf-8"))
    assert data["checklist"]["previous"] == "fy2566.toml"
    assert "overall_score" not in data["checklist"] and "rating" not in data["checklist"]
    # The comments of last year's file are carried too.
    assert "# The indicator sections" in out_path.read_text("utf-8")


def test_new_from_keeps_crlf_and_bom_and_a_relative_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "last").mkdir()
    last = tmp_path / "last" / "a.toml"
    last.write_bytes(b"\xef\xbb\xbf" + (BUNDLED / "fy2566.toml").read_bytes().replace(b"\n", b"\r\n"))
    out_path = tmp_path / "b.toml"
    assert run(capsys, "new", str(out_path), "--from", str(last), "--fiscal-year", "๒๕๗๐")[0] == 0
    data = out_path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\n" not in data.replace(b"\r\n", b"")
    checklist = load(out_path).checklist
    assert checklist.fiscal_year == 2570 and checklist.title.endswith("พ.ศ.2570")
    assert 'previous = "last/a.toml"' in data.decode("utf-8-sig")


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (["--template", "new-year"], "ita-tui new: --from and --template exclude each other"),
        (
            ["--fiscal-year", "abc"],
            "--fiscal-year: “abc” is not a Buddhist Era fiscal year (such as 2570 or ๒๕๗๐)",
        ),
    ],
)
def test_new_from_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], error: str
) -> None:
    last = Path(shutil.copy(BUNDLED / "fy2566.toml", tmp_path / "a.toml"))
    code, out, err = run(capsys, "new", str(tmp_path / "b.toml"), "--from", str(last), *argv, "--lang", "en")
    assert (code, out, err) == (2, "", error.replace("{last}", str(last)) + "\n")
    assert not (tmp_path / "b.toml").exists()


def test_new_from_a_file_without_a_year_asks_for_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    last = Path(shutil.copy(BUNDLED / "new-year.toml", tmp_path / "a.toml"))
    code, _, err = run(capsys, "new", str(tmp_path / "b.toml"), "--from", str(last), "--lang", "en")
    assert (code, err) == (2, f"{last}: it has no fiscal_year: give the new one (--fiscal-year)\n")
    assert run(capsys, "new", str(tmp_path / "b.toml"), "--from", str(last), "--fiscal-year", "2570")[0] == 0
    assert load_checklist(tmp_path / "b.toml").fiscal_year == 2570


def test_new_from_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    last = Path(shutil.copy(BUNDLED / "fy2566.toml", tmp_path / "a.toml"))
    taken = tmp_path / "b.toml"
    taken.write_text("mine", "utf-8")
    code, _, err = run(capsys, "new", str(taken), "--from", str(last))
    assert (code, err) == (2, f"{taken}: already exists (use --force to overwrite it)\n")
    assert taken.read_text("utf-8") == "mine"

"""Issue 18's app points, each as it was seen: the start screen's language, the footer after
opening from it, the progress line's first frame, what 80x24 must show, notes on rows, scores
on measures, and a tone mark left on a dialog's border."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.segment import Segment
from textual.widgets import Input

from ita_tui.app.graphemes import keep_clusters_whole, split_after_marks
from ita_tui.app.screens.dialogs import NotesEditor, ScoreDialog
from ita_tui.app.screens.start import StartScreen
from ita_tui.app.widgets.navigator import NOTE_MARK
from ita_tui.app.widgets.summary import ProgressLine

from .helpers import screen_text, settle

PACKAGE = Path(__file__).resolve().parents[2] / "ita_tui"
BUNDLED = PACKAGE / "checklists" / "fy2566.toml"
ENGLISH = Path(__file__).resolve().parents[1] / "data" / "english.toml"


# -- the start screen speaks the language of what it lists ------------------------------------


@pytest.mark.parametrize(
    ("listed", "lang"),
    [
        ([BUNDLED], "th"),  # Thai checklists (and the Thai templates): Thai, though LANG is English
        ([], "th"),  # only the templates
        ([BUNDLED, ENGLISH], "en"),  # they differ: the locale's
    ],
)
async def test_the_start_screen_speaks_the_language_of_its_checklists(
    listed: list[Path], lang: str, tmp_path: Path, make_app
) -> None:
    folder = tmp_path / "work" / "checklists"
    folder.mkdir()
    for source in listed:
        shutil.copy(source, folder / source.name)
    app = make_app(None, folders=[folder])  # LANG=en_US.UTF-8 (conftest)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        assert app.lang == lang
        title = "ita-tui · เลือกรายการตรวจสอบ" if lang == "th" else "ita-tui · choose a checklist"
        assert title in screen_text(app)


async def test_an_explicit_language_wins_over_the_listed_one(tmp_path: Path, make_app) -> None:
    app = make_app(None, lang="en", folders=[tmp_path])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.lang == "en"


async def test_opening_from_the_start_screen_switches_every_label(tmp_path: Path, make_app) -> None:
    """Seen: a Thai checklist opened from an English start screen kept `^p Commands` and the
    toast said `Created /root/…`."""
    folder = tmp_path / "work" / "checklists"
    folder.mkdir()
    shutil.copy(ENGLISH, folder / "english.toml")
    app = make_app(None, folders=[folder])
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        assert app.lang == "en"  # English checklist + Thai templates: the locale's
        screen = app.screen
        screen._from_template("fy2566")
        await pilot.pause()
        screen.query_one("#new-path", Input).value = str(tmp_path / "new.toml")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause(0.2)
        shown = screen_text(app)
        assert app.lang == "th"
        assert "^p คำสั่ง" in shown and "Commands" not in shown
        assert f"สร้างแล้ว {tmp_path / 'new.toml'}" in shown.replace("\n", "") or "สร้างแล้ว" in shown
        assert "Created" not in shown


# -- the progress line: its final form at once ------------------------------------------------


async def test_the_progress_line_is_drawn_once_in_its_final_form(
    seed_path: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seen: the line changed format when the computed score arrived, after the first frame."""
    drawn: list[str] = []
    render = ProgressLine.render

    def recording(self):  # type: ignore[no-untyped-def]
        result = render(self)
        drawn.append(str(result))
        return result

    monkeypatch.setattr(ProgressLine, "render", recording)
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
    assert drawn and len(set(drawn)) == 1, drawn
    assert "คำนวณไม่ได้" in drawn[0] and "95.75" in drawn[0]


# -- 80x24: what must always be seen -----------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "rating", "organization"),
    [("th", "ผ่านดี", "เทศบาลตำบลนิคมคำสร้อย"), ("en", "Pass", "Riverside Municipality")],
)
async def test_80x24_keeps_the_agency_the_rating_and_every_footer_label(
    lang: str, rating: str, organization: str, tmp_path: Path, make_app
) -> None:
    source = BUNDLED if lang == "th" else ENGLISH
    path = Path(shutil.copy(source, tmp_path / "work" / source.name))
    app = make_app(path, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")  # the unsaved marker takes its room on the title line too
        await pilot.pause(0.3)
        lines = screen_text(app).splitlines()
        title, progress, footer = lines[0], lines[1], lines[-1]
        assert organization in title
        assert ("ปีงบประมาณ" if lang == "th" else "FY") in title
        assert rating in progress, progress
        shown = [b for b in app.screen.active_bindings.values() if b.binding.show]
        assert shown
        for active in shown:
            key = app.get_key_display(active.binding)
            assert f"{key} {active.binding.description}" in footer, (key, footer)
        assert not re.search(r"\S▏", footer), footer  # a key cut from its label ("e▏")


async def test_the_year_stays_whole_when_the_unsaved_marker_comes_and_the_screen_narrows(
    tmp_path: Path, make_app
) -> None:
    """The title line is laid out for the width it has when drawn: neither the save marker
    taking its room nor a narrower terminal leaves the year cut ("ปีงบ…")."""
    path = Path(shutil.copy(BUNDLED, tmp_path / "work" / BUNDLED.name))
    app = make_app(path, lang="th")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.2)
        title = screen_text(app).splitlines()[0]
        assert "เทศบาลตำบลนิคมคำสร้อย" in title and "ปีงบประมาณ 2566" in title, title
        assert "● ยังไม่บันทึก" in title and "…" not in title, title  # no room for the title: left out
        await pilot.resize_terminal(200, 40)
        await pilot.pause(0.2)
        title = screen_text(app).splitlines()[0]
        assert "…" not in title and "ปีงบประมาณ 2566" in title, title


# -- rows show which items have notes -----------------------------------------------------------


async def test_rows_mark_items_with_notes(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        navigator = app.screen.navigator

        def row(item_id: str) -> str:
            return navigator.render_line(navigator.row_of(item_id) - navigator.scroll_offset.y).text

        def score_column(item_id: str, score: str) -> int:
            text = row(item_id)
            return cell_len(text[: text.index(score)])

        assert NOTE_MARK not in row("I1")
        navigator.select("I1")
        await pilot.press("enter")
        assert isinstance(app.screen, NotesEditor)
        app.screen.query_one("#notes-text").insert("มีบันทึก")
        await pilot.press("escape")
        assert NOTE_MARK in row("I1") and NOTE_MARK not in row("I2")
        # The mark has a column of its own: the scores still line up.
        assert score_column("I1", "97.44") == score_column("I2", "94.03")


# -- scores: only indicators take one ---------------------------------------------------------


async def test_a_measure_refuses_a_score_with_a_word(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = app.screen
        screen.navigator.select("M1")
        await pilot.press("s")
        await pilot.pause(0.2)
        assert not isinstance(app.screen, ScoreDialog)
        assert "M1 ไม่ใช่ตัวชี้วัด จึงไม่มีคะแนน" in screen_text(app)
        assert screen.session.item("M1").score is None
        screen.navigator.select("I3")
        await pilot.press("s")
        assert isinstance(app.screen, ScoreDialog)  # an indicator still takes one


def test_set_refuses_a_score_for_a_measure(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from ita_tui.cli import main

    before = bundled.read_bytes()
    assert main(["set", str(bundled), "M1", "--score", "80"]) == 2
    assert capsys.readouterr().err == (
        "--score: M1 is not an indicator, so it takes no score: the ITA scores indicators 1–10 only\n"
    )
    assert bundled.read_bytes() == before
    assert main(["set", str(bundled), "I3", "--score", "80"]) == 0


# -- a tone mark left on a dialog's border ------------------------------------------------------

_MARK_AFTER_NON_THAI = re.compile("(?<![\u0e01-\u0e4f])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def test_a_cut_keeps_a_letters_marks_with_it() -> None:
    """Rich cut "ส่วน" at one cell into "ส" and "่วน": the mark went with the wrong side."""
    keep_clusters_whole()
    assert Segment("ส่วน").split_cells(1) == (Segment("ส่"), Segment("วน"))
    assert Segment("ที่นี่").split_cells(1) == (Segment("ที่"), Segment("นี่"))
    assert list(Segment.divide([Segment("ประโยชน์ส่วน")], [8, 12])) == [[Segment("ประโยชน์ส่")], [Segment("วน")]]
    assert split_after_marks("ab", "cd") == ("ab", "cd")


async def test_no_mark_is_left_on_a_dialogs_border(seed_path: Path, make_app) -> None:
    """Seen at 80x24: the score dialog cut the Thai words behind it, and a vowel or tone mark
    of a hidden letter was drawn on the dialog's border (``█ั``)."""
    app = make_app(seed_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.navigator.select("I2")  # its long Thai fields lie under the dialog
        await pilot.press("s")
        await pilot.pause(0.2)
        assert isinstance(app.screen, ScoreDialog)
        lines = screen_text(app).splitlines()
    assert [line for line in lines if _MARK_AFTER_NON_THAI.search(line)] == []

"""The meeting view: the score that counts, what is left by owner, pages with a cue, slides."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import Static

from ita_tui.app.screens.main import MainScreen
from ita_tui.app.screens.meeting import SLIDE_SECONDS, BigFigure, MeetingScreen, figure_scale, standing
from ita_tui.app.screens.score import ScoreScreen
from ita_tui.app.widgets.open_items import Page
from ita_tui.checklist_file import load_checklist
from ita_tui.thai import wrap


def plain(screen: MeetingScreen, selector: str) -> str:
    """What a Static shows, as text (Groups of Text and WrappedText included)."""
    from rich.console import Console

    console = Console(width=200, record=True, file=io.StringIO())
    console.print(screen.query_one(selector, Static).content)
    return console.export_text()


def list_lines(screen: MeetingScreen) -> list[str]:
    page = screen.pages[screen.page]
    return [line.plain for column in page.columns for line in column]


async def open_meeting(pilot) -> MeetingScreen:  # type: ignore[no-untyped-def]
    await pilot.press("m")
    await pilot.pause()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MeetingScreen)
    return screen


async def test_reported_score_counts_when_an_indicator_is_missing(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_meeting(pilot)
        assert screen.query_one("#meeting-score", BigFigure).value == "95.75"
        words = plain(screen, "#meeting-score-text")
        assert "ผ่านดี  ตามที่รายงาน" in words
        assert "ยังคำนวณเองไม่ได้: ตัวชี้วัดที่ 3 ยังไม่มีคะแนน" in words
        assert screen.query_one("#meeting-percent", BigFigure).value == "44%"
        # No developer words: nothing about assumed weights or implied scores.
        assert "95.53" not in words and "น้ำหนัก" not in words


async def test_computed_score_counts_when_complete_and_last_year_is_compared(
    years_path: Path, make_app
) -> None:
    app = make_app(years_path, lang="en")
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_meeting(pilot)
        assert screen.query_one("#meeting-score", BigFigure).value == "95.80"
        words = plain(screen, "#meeting-score-text")
        assert "AA  computed from every indicator's score" in words
        assert "since 2566: ▲ up 0.05" in words
        side = plain(screen, "#meeting-side")
        assert "Compared with 2566" in side
        assert "1. การปฏิบัติหน้าที่" in side and "97.44 → 98.10 ▲ up 0.66  ▁▆█" in side
        assert "2. การใช้งบประมาณ" in side and "▼ down 0.53" in side


async def test_the_score_table_shows_last_years_scores(years_path: Path, make_app) -> None:
    app = make_app(years_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, ScoreScreen)
        assert app.screen.comparison is not None
        assert app.screen.comparison.labels == ("2565", "2566", "2567")


async def test_what_is_left_by_owner_overdue_first_with_notes(example_path: Path, make_app) -> None:
    app = make_app(example_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_meeting(pilot)
        lines = list_lines(screen)
        assert lines[0].startswith("กองคลัง  2 รายการ · ! เลยกำหนด 1 · ◷ ใกล้ครบกำหนด 1")
        assert lines[1:4] == [
            "! M2   มาตรการการเผยแพร่ข้อมูลข่าวสาร",
            "       กำลังทำ · 14 พ.ค. 2566 · เลยกำหนด 3 วัน",
            "       หมายเหตุ: รอผู้บริหารลงนาม คาดว่าเสร็จ ๑๕ ธ.ค.",
        ]
        assert "งานค้าง 9 รายการ  ! เลยกำหนด 1  ◷ ใกล้ครบกำหนด 1" in plain(screen, "#meeting-left-title")


async def test_pages_with_a_cue_and_keys_at_80x24(example_path: Path, make_app) -> None:
    app = make_app(example_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meeting(pilot)
        pages = len(screen.pages)
        assert pages > 1
        height = screen.query_one("#meeting-list", Static).size.height
        assert all(len(page.columns[0]) <= height for page in screen.pages), "a page never overflows"
        cue = plain(screen, "#meeting-cue")
        assert cue.startswith("▼ อีก ") and f"หน้า 1/{pages}" in cue
        seen: set[str] = set(screen.pages[0].keys)
        for number in range(2, pages + 1):
            await pilot.press("space")
            assert screen.page == number - 1
            assert f"หน้า {number}/{pages}" in plain(screen, "#meeting-cue")
            seen |= screen.pages[screen.page].keys
        assert len(seen) == screen.outstanding.total == 9, "every open item is on some page"
        await pilot.press("space")
        assert screen.page == pages - 1, "the last page stays without slide mode"
        assert "อีก" not in plain(screen, "#meeting-cue")
        await pilot.press("pageup")
        assert screen.page == pages - 2
        await pilot.press("home")
        assert screen.page == 0


async def test_titles_wrap_at_word_boundaries_and_nothing_overflows(example_path: Path, make_app) -> None:
    app = make_app(example_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meeting(pilot)
        width = screen.query_one("#meeting-list", Static).size.width
        lines = [line for page in screen.pages for column in page.columns for line in column]
        assert all(line.cell_len <= width for line in lines), "Rich never has to cut a line"
        m3 = next(n for n, line in enumerate(lines) if line.plain.startswith("◷ M3"))
        title = screen.checklist.find("M3").title  # type: ignore[union-attr]
        assert [lines[m3].plain[7:], lines[m3 + 1].plain[7:]] == wrap(title, width - 7)[:2]


async def test_keys_before_the_first_layout_do_no_harm(example_path: Path, make_app) -> None:
    """A key pressed while the view is still being laid out (a slow machine) breaks nothing."""
    app = make_app(example_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = MeetingScreen(app.screen.session.checklist, "th", app.screen.today())
        assert [page.columns for page in screen.pages] == [[]]
        await app.push_screen(screen)
        screen.pages = [Page()]  # as before _paginate has run
        screen.action_next_page()
        screen.action_previous_page()
        assert screen.page == 0
        await pilot.pause()
        await pilot.pause()
        assert len(screen.pages) > 1


async def test_a_long_list_is_cut_with_a_pointer_to_the_rest(
    example_path: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ita_tui.app.screens import meeting

    monkeypatch.setattr(meeting, "MOST_ENTRIES", 2)
    app = make_app(example_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_meeting(pilot)
        assert len(screen.pages) == 1 and screen.pages[0].keys == {"M2", "M3"}
        assert plain(screen, "#meeting-cue").startswith("+ and 7 more: w (What is left) lists them all")


async def test_slide_mode_turns_pages_and_wraps_around(example_path: Path, make_app) -> None:
    app = make_app(example_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meeting(pilot)
        await pilot.press("a")
        assert screen.slide_timer is not None
        assert f"ทุก {SLIDE_SECONDS} วินาที" in plain(screen, "#meeting-cue")
        for _ in range(len(screen.pages) - 1):
            screen.action_next_page()  # what the timer calls
        assert screen.page == len(screen.pages) - 1
        screen.action_next_page()
        assert screen.page == 0, "slides start over after the last page"
        await pilot.press("a")
        assert screen.slide_timer is None
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_everything_done(tmp_path: Path, make_app) -> None:
    path = tmp_path / "done.toml"
    path.write_text(
        'format = 1\n[checklist]\ntitle = "เสร็จหมด"\n[[sections]]\nid = "s"\ntitle = "S"\n'
        '[[sections.items]]\nid = "A"\ntitle = "หนึ่ง"\nstatus = "done"\n',
        encoding="utf-8",
    )
    app = make_app(path, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meeting(pilot)
        assert "Everything is done" in plain(screen, "#meeting-list")
        assert screen.query_one("#meeting-score", BigFigure).value == "-"
        assert "no score yet" in plain(screen, "#meeting-score-text")


def test_figures_grow_with_the_screen() -> None:
    values = ["44%", "95.75"]
    assert figure_scale(values, 76, 24) == 1
    assert figure_scale(values, 116, 40) == 2
    assert figure_scale(values, 156, 50) == 3
    assert figure_scale(values, 90, 50) == 2  # the room is tall but not wide enough for 3


def test_standing_says_which_score_counts(seed_path: Path) -> None:
    checklist = load_checklist(seed_path)
    assert standing(checklist) == standing(checklist)
    counted = standing(checklist)
    assert (counted.score, counted.band, counted.source, counted.missing) == (95.75, "ผ่านดี", "reported", (3,))
    checklist.find("I3").score = 95.53  # type: ignore[union-attr]
    counted = standing(checklist)
    assert (counted.score, counted.band, counted.source) == (95.75, "AA", "computed")
    assert isinstance(Text(counted.band), Text)

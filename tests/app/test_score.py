"""The computed score in the app: the progress line and the score screen (`c`)."""

from __future__ import annotations

import io
from pathlib import Path

from rich.cells import cell_len
from rich.console import Console
from textual.widgets import Input, Static

from ita_tui.app.commands import ItaCommands
from ita_tui.app.screens.dialogs import ScoreDialog
from ita_tui.app.screens.help import HelpScreen
from ita_tui.app.screens.main import MainScreen
from ita_tui.app.screens.score import ScoreScreen


def progress_text(app: object) -> str:
    return str(app.screen.query_one("#progress-line").render())  # type: ignore[attr-defined]


def report_text(screen: ScoreScreen, width: int = 116) -> str:
    """What the score screen's report says, as plain text."""
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(screen.query_one("#score-report", Static).content)
    return console.export_text()


async def set_score(pilot, item_id: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type *text* as *item_id*'s score with `s` (the field is emptied first)."""
    screen = pilot.app.screen
    assert screen.navigator.select(item_id)
    await pilot.press("s")
    assert isinstance(pilot.app.screen, ScoreDialog)
    field = pilot.app.screen.query_one(Input)
    field.value = ""
    field.insert_text_at_cursor(text)
    await pilot.press("enter")
    await pilot.pause()


async def test_c_shows_the_score_report(seed_path: Path, make_app) -> None:
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ScoreScreen)
        text = report_text(app.screen)
        assert "(95.53)" in text  # indicator 3's implied score, as `ita-tui score` shows it
        assert "Implied: indicator 3 (I3) must have scored 95.53" in text
        for group in ("IIT", "EIT", "OIT"):
            assert any(line.startswith(group) for line in text.splitlines()), group
        assert "Overall (computed): incomplete" in text
        assert "indicator 3 has no score" in text  # the notes come too
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_the_report_is_what_the_score_command_prints(seed_path: Path, make_app) -> None:
    from ita_tui.checklist_file import load
    from ita_tui.commands.score import render
    from ita_tui.scoring import score_checklist

    expected = Console(width=116, file=io.StringIO(), record=True, color_system=None)
    for renderable in render(score_checklist(load(seed_path).checklist), "th"):
        expected.print(renderable)
    app = make_app(seed_path)  # Thai
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert report_text(app.screen) == expected.export_text()


async def test_scores_typed_in_the_app_are_scored(seed_path: Path, make_app) -> None:
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "not computed: indicator 3 unscored" in progress_text(app)
        await set_score(pilot, "I3", "95.53")
        line = progress_text(app)
        assert "computed 95.75 AA" in line and "Score 95.75 (reported)" in line
        await pilot.press("c")
        await pilot.pause()
        text = report_text(app.screen)
        assert "Overall (computed): 95.75" in text and "Band: AA" in text
        assert "What-if" in text  # the raises to the next band come with a computed overall
        assert "(95.53)" not in text  # known now, not implied
        await pilot.press("escape")
        await pilot.pause()
        # Undo takes the computed score away again.
        await pilot.press("u")
        await pilot.pause()
        assert "not computed: indicator 3 unscored" in progress_text(app)


async def test_what_if_lines_and_warnings_follow_the_scores(seed_path: Path, make_app) -> None:
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await set_score(pilot, "I3", "50")
        assert "computed 93.02 A" in progress_text(app)
        await pilot.press("c")
        await pilot.pause()
        text = report_text(app.screen)
        assert "I3 50 → 82.95 (+32.95) lifts the overall into AA" in text
        assert "Warnings:" in text and "differs from the reported 95.75" in text


async def test_the_progress_line_in_thai_and_when_several_are_missing(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)  # Thai
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "คำนวณไม่ได้: ไม่มีคะแนนตัวชี้วัด 3" in progress_text(app)
        await set_score(pilot, "I3", "๙๕.๕๓")
        assert "คะแนน 95.75 (ตามรายงาน) · ผ่านดี · คำนวณ 95.75 AA" in progress_text(app)
        for item_id in ("I1", "I2"):
            await set_score(pilot, item_id, "")
        assert "คำนวณไม่ได้: ไม่มีคะแนนตัวชี้วัด 1, 2" in progress_text(app)
        for item_id in ("I4", "I5"):  # more than three are counted, not listed
            await set_score(pilot, item_id, "")
        assert progress_text(app).endswith("คำนวณไม่ได้: ขาดคะแนน 4 ตัวชี้วัด")


async def test_the_progress_line_fits_at_120_and_is_cut_at_80(seed_path: Path, make_app) -> None:
    for lang in ("th", "en"):
        app = make_app(seed_path, lang=lang)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            line = app.screen.query_one("#progress-line")
            content = line.render()
            assert cell_len(str(content)) <= line.content_size.width, str(content)
            # Nothing cut: the note about indicator 3 is whole.
            assert str(content).endswith(("ไม่มีคะแนนตัวชี้วัด 3", "indicator 3 unscored")), str(content)
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            line = app.screen.query_one("#progress-line")
            # The bar and the counts stay; the scores are what the ellipsis cuts.
            assert "7/16" in str(line.render())


async def test_c_is_described_in_help_and_offered_in_the_palette(seed_path: Path, make_app) -> None:
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        names = [hit.text async for hit in ItaCommands(app.screen).discover()]
        assert "ITA score table (computed)" in names
        hits = [hit async for hit in ItaCommands(app.screen).search("score table")]
        assert hits and hits[0].text == "ITA score table (computed)"
        app.call_later(hits[0].command)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ScoreScreen)
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert dict(app.screen.rows())["c"] == "Score table"


async def test_the_score_screen_follows_the_language(seed_path: Path, make_app) -> None:
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert "Overall (computed)" in report_text(app.screen)
        app.set_language("th")
        await pilot.pause()
        assert "คะแนนภาพรวม (คำนวณ)" in report_text(app.screen)

"""What waits for the first frame (issue 22): the footer's keys, the detail pane, the garbage
collector, the editing modules; and what must not wait: the frame Textual drew while mounting."""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets._footer import FooterKey

from ita_tui.app.widgets.footer import KeysFooter


def _footer_words(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [key.description for key in app.screen.query_one(KeysFooter).query(FooterKey)]


async def _footer_says(pilot, word: str) -> bool:  # type: ignore[no-untyped-def]
    """Let the app process its messages until the footer shows *word* (the footer rebuilds
    its keys after a refresh, which a loaded machine may take a few rounds to reach)."""
    for _ in range(50):
        if word in _footer_words(pilot.app):
            return True
        await pilot.pause()
    return False


async def test_the_footer_shows_the_keys_after_the_first_frame_and_follows_changes(
    seed_path: Path, make_app
) -> None:
    app = make_app(seed_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        assert await _footer_says(pilot, "Save")
        assert app._first_frame_out
        app.set_language("th")
        assert await _footer_says(pilot, "บันทึก")


async def test_after_first_frame_runs_at_once_once_a_frame_is_out(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    ran: list[str] = []
    app.after_first_frame(lambda: ran.append("waiting"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert ran == ["waiting"]
        app.after_first_frame(lambda: ran.append("late"))
        await pilot.pause()
        assert ran == ["waiting", "late"]


def test_open_app_collects_no_garbage_until_the_first_frame(
    seed_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ita_tui.app import app as app_module
    from ita_tui.commands import open_app

    seen: dict[str, bool] = {}

    def fake_run(self: app_module.ItaApp) -> None:
        seen["while starting"] = gc.isenabled()
        app_module.collect_after_start_up()  # what the first frame's callback does
        seen["after the first frame"] = gc.isenabled()
        gc.disable()  # an exit before the first frame: open_app must still turn it back on

    monkeypatch.setattr(app_module.ItaApp, "run", fake_run)
    assert gc.isenabled()
    try:
        open_app.run(argparse.Namespace(file=str(seed_path), lang="en"))
    finally:
        gc.unfreeze()
    assert seen == {"while starting": False, "after the first frame": True}
    assert gc.isenabled()


async def test_a_frame_drawn_while_the_screen_mounts_is_written_when_the_batch_ends(
    seed_path: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual drops a frame drawn inside a batch though its compositor counts it as shown
    (the first screen is drawn so, while it mounts); the app holds such frames and writes
    them, in order, the moment the batch ends."""
    from textual.app import App

    app = make_app(seed_path)
    written: list[object] = []
    base = App._display

    def textual_display(self: App[None], screen: object, renderable: object) -> None:
        if renderable is not None and not self._batch_count:
            written.append(renderable)
        base(self, screen, renderable)  # type: ignore[arg-type]

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        monkeypatch.setattr(App, "_display", textual_display)
        app._first_frame_out = False  # as it is before the first frame
        with app.batch_update():
            app._display(app.screen, "first")
            app._display(app.screen, "second")
            assert written == []
            assert not app._first_frame_out
        assert written == ["first", "second"]
        assert app._first_frame_out


async def test_the_detail_pane_fills_in_after_the_first_frame(seed_path: Path, make_app) -> None:
    """Its Thai (the word list's first load) does not hold up the list; its box is laid out
    from the start, so nothing moves when it fills in."""
    from ita_tui.app.widgets.detail import DetailPane

    app = make_app(seed_path, lang="en")
    at_first_frame: list[object] = []
    app.after_first_frame(lambda: at_first_frame.append(app.screen.query_one(DetailPane).border_title))
    async with app.run_test(size=(120, 40)) as pilot:
        detail = app.screen.query_one(DetailPane)
        region = detail.region
        for _ in range(50):
            if detail.border_title is not None:
                break
            await pilot.pause()
        assert at_first_frame == [None]
        assert str(detail.border_title).startswith("M1 · ")
        assert detail.region == region


FIRST_FRAME_MODULES = """
import asyncio, sys
from ita_tui.app.app import ItaApp
from ita_tui.checklist_file import load
from ita_tui.settings import Settings

async def main() -> None:
    app = ItaApp(load(sys.argv[1]), settings=Settings(), save_settings_file=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        print(",".join(sorted(name for name in sys.modules if name.startswith("ita_tui"))))

asyncio.run(main())
"""


def test_the_first_frame_imports_none_of_the_editing_dialogs(seed_path: Path) -> None:
    """What only a key opens (authoring verbs and dialogs, merges, exports) is not imported
    before the checklist is on screen."""
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_MODULES, str(seed_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.strip().splitlines()[-1].split(","))
    assert "ita_tui.app.screens.main" in loaded
    never = {
        "ita_tui.authoring",
        "ita_tui.app.screens.authoring",
        "ita_tui.app.screens.dialogs",
        "ita_tui.app.merge_view",
        "ita_tui.merge",
        "ita_tui.exports.choice",
        "ita_tui.plan",
    }
    assert loaded & never == set()

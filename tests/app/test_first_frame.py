"""What waits for the first frame (issue 22): the footer's keys, the garbage collector."""

from __future__ import annotations

import argparse
import gc
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

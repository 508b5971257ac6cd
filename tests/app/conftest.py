"""Shared set-up for the app tests: isolated folders, a frozen clock, the bundled checklist."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from ita_tui.checklist_file import load
from ita_tui.settings import Settings
from ita_tui.templates import find


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests in a fresh event loop (no asyncio plugin is a dependency)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    asyncio.run(pyfuncitem.obj(**arguments))
    return True


FROZEN = datetime(2023, 5, 17, 9, 30, tzinfo=timezone(timedelta(hours=7)))


def frozen_clock() -> datetime:
    return FROZEN


@pytest.fixture(autouse=True)
def _isolate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings, data folder and working folder inside tmp_path; no animations."""
    monkeypatch.setenv("ITA_TUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("ITA_TUI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)


@pytest.fixture
def seed_path(tmp_path: Path) -> Path:
    """A copy of the bundled FY2566 checklist."""
    template = find("fy2566")
    assert template is not None
    path = tmp_path / "work" / "fy2566.toml"
    path.write_bytes(template.read_bytes())
    return path


@pytest.fixture
def example_path(tmp_path: Path) -> Path:
    """The bundled checklist with owners, due dates (one past, one in five days) and notes on M2–M4."""
    from owners_data import write_example

    return write_example(tmp_path / "work" / "fy2566.toml", FROZEN.date())


@pytest.fixture
def years_path(tmp_path: Path) -> Path:
    """FY2567 (the example, every indicator scored) linked to FY2566 and FY2565 by `previous`."""
    from owners_data import write_years

    return write_years(tmp_path / "work", FROZEN.date())


AppFactory = Callable[..., "object"]


@pytest.fixture
def make_app() -> Callable[..., object]:
    """Build an ItaApp on a path with test settings and the frozen clock."""
    from ita_tui.app.app import ItaApp

    def build(path: Path | None = None, **kwargs: object) -> ItaApp:
        kwargs.setdefault("settings", Settings())
        kwargs.setdefault("clock", frozen_clock)
        kwargs.setdefault("save_settings_file", False)
        return ItaApp(load(path) if path else None, **kwargs)  # type: ignore[arg-type]

    return build

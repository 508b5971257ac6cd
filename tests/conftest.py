"""Shared fixtures: isolated folders and ready-made checklist files; the simulated-Windows mode."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import winsim
from hypothesis import settings as hypothesis_settings

# Property tests must not hang on timing (the suite runs on two loaded cores) nor on a saved
# example database: a bug they found is pinned with @example, so a fresh run fails on it too.
hypothesis_settings.register_profile("ita", deadline=None, database=None)
hypothesis_settings.load_profile("ita")

DATA = Path(__file__).parent / "data"
BUNDLED = Path(__file__).resolve().parents[1] / "ita_tui" / "checklists" / "fy2566.toml"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--simulate-windows",
        action="store_true",
        help="run every test as on Windows, as far as tests/winsim.py can make Linux look like it",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--simulate-windows"):
        os.environ[winsim.ENV] = "1"
    if winsim.active():
        # Child processes (python -m ita_tui, the save worker) simulate it too: tests/winsim_site.
        site = str(Path(__file__).parent / "winsim_site")
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [site, os.environ.get("PYTHONPATH")]))


def pytest_report_header(config: pytest.Config) -> str | None:
    return "simulated Windows: on (tests/winsim.py)" if winsim.active() else None


@pytest.fixture(autouse=True)
def _windows(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """In the simulated-Windows run, every test runs with the simulation installed."""
    if not winsim.active():
        yield
        return
    appdata = tmp_path_factory.mktemp("windows-user")
    monkeypatch.setenv("ITA_TUI_SIMULATE_APPDATA", str(appdata))
    patches = winsim.install(appdata)
    try:
        yield
    finally:
        patches.undo()


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real user's settings, data and locale."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ITA_TUI_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("ITA_TUI_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("ITA_TUI_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    monkeypatch.delenv("ITA_TUI_KILL_AT", raising=False)
    for name in ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def commented(tmp_path: Path) -> Path:
    """A copy of the hand-written, comment-heavy checklist."""
    return Path(shutil.copy(DATA / "commented.toml", tmp_path / "commented.toml"))


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    """A copy of the bundled FY2566 checklist."""
    return Path(shutil.copy(BUNDLED, tmp_path / "fy2566.toml"))

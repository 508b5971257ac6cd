"""Shared fixtures: isolated folders and ready-made checklist files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# Property tests must not hang on timing (the suite runs on two loaded cores) nor on a saved
# example database: a bug they found is pinned with @example, so a fresh run fails on it too.
hypothesis_settings.register_profile("ita", deadline=None, database=None)
hypothesis_settings.load_profile("ita")

DATA = Path(__file__).parent / "data"
BUNDLED = Path(__file__).resolve().parents[1] / "ita_tui" / "checklists" / "fy2566.toml"


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real user's settings, data and locale."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ITA_TUI_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("ITA_TUI_DATA_DIR", str(home / "data"))
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

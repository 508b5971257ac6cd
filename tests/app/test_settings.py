"""ita_tui.settings: where files live, reading and writing the settings."""

from __future__ import annotations

from pathlib import Path

import pytest
import winsim

from ita_tui.settings import Settings, config_dir, data_dir, load_settings, save_settings


def test_folders_follow_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if winsim.active():
        pytest.skip(
            "XDG variables are Linux's; the simulated Windows has its test in tests/test_platforms.py"
        )
    assert config_dir() == tmp_path / "config"
    assert data_dir() == tmp_path / "data"
    monkeypatch.delenv("ITA_TUI_CONFIG_DIR")
    monkeypatch.delenv("ITA_TUI_DATA_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xc"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xd"))
    assert config_dir() == tmp_path / "xc" / "ita-tui"
    assert data_dir() == tmp_path / "xd" / "ita-tui"


def test_defaults_when_there_is_no_file() -> None:
    settings, warning = load_settings()
    assert settings == Settings()
    assert settings.autosave is False
    assert warning is None


def test_round_trip_keeps_comments() -> None:
    path = config_dir() / "settings.toml"
    path.parent.mkdir(parents=True)
    path.write_text('# mine\ntheme = "nord"\nother = 1\n', "utf-8")
    settings, _ = load_settings()
    assert settings.theme == "nord"
    save_settings(settings.with_(autosave=True, language="th"))
    text = path.read_text("utf-8")
    assert text.startswith("# mine\n") and "other = 1" in text
    again, _ = load_settings()
    assert again.autosave is True and again.language == "th" and again.theme == "nord"


def test_a_broken_file_gives_defaults_and_a_warning() -> None:
    path = config_dir() / "settings.toml"
    path.parent.mkdir(parents=True)
    path.write_text("autosave = [", "utf-8")
    settings, warning = load_settings()
    assert settings == Settings()
    assert warning and "settings.toml" in str(warning)
    assert warning.render("th").endswith("จึงใช้ค่าปริยาย")


def test_wrong_types_are_ignored() -> None:
    path = config_dir() / "settings.toml"
    path.parent.mkdir(parents=True)
    path.write_text('autosave = "yes"\nlanguage = "fr"\nautosave_delay = -1\n', "utf-8")
    settings, _ = load_settings()
    assert settings == Settings()


def test_backup_is_off_by_default_and_round_trips() -> None:
    assert Settings().backup is False
    save_settings(Settings().with_(backup=True))
    text = (config_dir() / "settings.toml").read_text("utf-8")
    assert "backup = true" in text
    assert load_settings()[0].backup is True
    (config_dir() / "settings.toml").write_text('backup = "yes"\n', "utf-8")
    assert load_settings()[0].backup is False  # the wrong type is ignored


@pytest.mark.parametrize("theme", ["ita-dark", "ita-light", "nord"])
async def test_the_theme_chosen_at_start_styles_as_setting_it_does(
    seed_path: Path, make_app, theme: str
) -> None:
    """Issue 22: the theme is set before the app runs (no second parse of the stylesheet);
    the result must be what Textual's own ``app.theme = ...`` gives."""
    from ita_tui.app.widgets.navigator import Navigator

    started = make_app(seed_path, settings=Settings(theme=theme))
    async with started.run_test(size=(120, 40)):
        ours = (
            started.theme,
            set(started.classes),
            dict(started.theme_variables),
            started.screen.query_one(Navigator).styles.background,
        )
    switched = make_app(seed_path, settings=Settings(theme="textual-dark"))
    async with switched.run_test(size=(120, 40)) as pilot:
        switched.theme = theme
        await pilot.pause()
        theirs = (
            switched.theme,
            set(switched.classes),
            dict(switched.theme_variables),
            switched.screen.query_one(Navigator).styles.background,
        )
    assert ours == theirs
    assert ours[0] == theme

"""The app says where an unreadable settings file went when a setting is saved (issue 20)."""

from __future__ import annotations

from pathlib import Path

from ita_tui.settings import config_dir


async def test_changing_a_setting_over_an_unreadable_file_says_where_it_was_kept(
    seed_path: Path, make_app
) -> None:
    path = config_dir() / "settings.toml"
    path.parent.mkdir(parents=True)
    path.write_text('theme = "nord\n', "utf-8")
    app = make_app(seed_path, lang="en", save_settings_file=True)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        app.set_autosave(True)
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
    kept = path.with_name("settings.toml.unreadable")
    said = f"The settings file could not be read: it is kept as {kept}, and the settings were written anew"
    assert said in messages
    assert kept.read_text("utf-8") == 'theme = "nord\n'
    assert "autosave = true" in path.read_text("utf-8")

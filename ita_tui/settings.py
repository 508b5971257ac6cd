"""User settings of the app: autosave, language, theme, backup, the last export; and where user files live.

Settings are a small TOML file, ``settings.toml``, in the configuration folder;
checklists started from a template go to the data folder; the cache folder
is for what can be rebuilt (nothing yet: Thai word breaking needs no data folder
since issue 17).  Each is where
the platform keeps such folders (:mod:`platformdirs`), unless an environment
variable names it:

* settings, ``ITA_TUI_CONFIG_DIR``: ``%APPDATA%\\ita-tui`` on Windows,
  ``~/Library/Application Support/ita-tui`` on macOS, ``$XDG_CONFIG_HOME/ita-tui``
  else ``~/.config/ita-tui`` on Linux;
* data, ``ITA_TUI_DATA_DIR``: ``%APPDATA%\\ita-tui\\checklists``,
  ``~/Library/Application Support/ita-tui/checklists``, ``$XDG_DATA_HOME/ita-tui``
  else ``~/.local/share/ita-tui`` (a ``checklists`` folder where the platform
  gives settings and data one folder, so that ``settings.toml`` is not listed
  among the checklists);
* cache, ``ITA_TUI_CACHE_DIR``: ``%LOCALAPPDATA%\\ita-tui\\Cache``,
  ``~/Library/Caches/ita-tui``, ``$XDG_CACHE_HOME/ita-tui`` else ``~/.cache/ita-tui``.

Settings and data roam with a Windows domain profile; the cache stays on the
machine.  Nothing is ever written into the installed package.  platformdirs
is imported only when a folder is asked for (it costs about 10 ms).

Reading uses :mod:`tomllib` (cheap, on the start-up path); writing uses
tomlkit, imported only when a setting changes, so that a comment a person
wrote in the file survives.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ita_tui.errors import UserError
from ita_tui.i18n import Message

if TYPE_CHECKING:
    from platformdirs import PlatformDirs

SETTINGS_FILE = "settings.toml"
LANGUAGES = ("th", "en")
DEFAULT_THEME = "ita-dark"


APP_NAME = "ita-tui"


def _platform_dirs() -> PlatformDirs:
    import platformdirs

    # No "author" folder level on Windows (%APPDATA%\ita-tui, not %APPDATA%\ita-tui\ita-tui);
    # settings and data roam with a domain profile.
    return platformdirs.PlatformDirs(APP_NAME, appauthor=False, roaming=True)


def config_dir() -> Path:
    """The folder of ``settings.toml``."""
    explicit = os.environ.get("ITA_TUI_CONFIG_DIR")
    return Path(explicit) if explicit else _platform_dirs().user_config_path


def data_dir() -> Path:
    """The folder where the user's own checklists live by default."""
    explicit = os.environ.get("ITA_TUI_DATA_DIR")
    if explicit:
        return Path(explicit)
    folders = _platform_dirs()
    data = folders.user_data_path
    return data / "checklists" if data == folders.user_config_path else data


def cache_dir() -> Path:
    """The folder of what can be rebuilt: it may be deleted at any time (not roaming on Windows)."""
    explicit = os.environ.get("ITA_TUI_CACHE_DIR")
    return Path(explicit) if explicit else _platform_dirs().user_cache_path


@dataclass(frozen=True)
class Settings:
    """What the user chose in the app.  *language* None means "the checklist's, else LANG"."""

    autosave: bool = False
    language: str | None = None
    theme: str = DEFAULT_THEME
    # Seconds of quiet after an edit before an autosave starts.
    autosave_delay: float = 2.0
    # Keep the previous version of the file as FILE~ on every save.
    backup: bool = False
    # The export dialog's last choice (ita_tui.exports.choice): an [export] table of
    # strings and booleans, read back by choice_from, which drops what it does not know.
    export: tuple[tuple[str, str | bool], ...] = ()

    def with_(self, **changes: object) -> Settings:
        """A copy with *changes*."""
        return replace(self, **changes)  # type: ignore[arg-type]


def settings_path() -> Path:
    """Where the settings file is (it may not exist yet)."""
    return config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> tuple[Settings, Message | None]:
    """The settings in *path* and a warning when the file is unusable (defaults are used then).

    A missing file is not a problem; a broken one must not stop the app from
    starting, so its problem is returned for the app to show (in its language).
    """
    path = path or settings_path()
    reason: Message | str
    try:
        text = _settings_text(path)
        if text is None:
            return Settings(), None
        raw = tomllib.loads(text)
    except UserError as error:
        return Settings(), Message.of("settings.not_read", problem=error.words)
    except UnicodeDecodeError:
        reason = Message.of("settings.not_utf")
    except tomllib.TOMLDecodeError as error:
        from ita_tui.toml_messages import toml_message

        reason = Message.of("toml.syntax", message=toml_message(_POSITION.sub("", str(error))))
    else:
        return _from_dict(raw), None
    return Settings(), Message.of("settings.unreadable", path=str(path), reason=reason)


_POSITION = re.compile(r"\s*\(at (?:line \d+, column \d+|end of document)\)$")


def _settings_text(path: Path) -> str | None:
    """The settings file's text, None when there is none; a FIFO or a device is refused, not read."""
    from ita_tui.checklist_file import read_bytes

    if not os.path.lexists(path):
        return None
    return read_bytes(path, Message.of("file.what.settings")).decode("utf-8-sig")


def _from_dict(raw: dict[str, object]) -> Settings:
    """Settings from a parsed file, ignoring values of the wrong type (kept in the file)."""
    settings = Settings()
    autosave = raw.get("autosave")
    if isinstance(autosave, bool):
        settings = settings.with_(autosave=autosave)
    language = raw.get("language")
    if isinstance(language, str) and language in LANGUAGES:
        settings = settings.with_(language=language)
    theme = raw.get("theme")
    if isinstance(theme, str) and theme:
        settings = settings.with_(theme=theme)
    delay = raw.get("autosave_delay")
    if isinstance(delay, int | float) and not isinstance(delay, bool) and 0 < delay <= 3600:
        settings = settings.with_(autosave_delay=float(delay))
    backup = raw.get("backup")
    if isinstance(backup, bool):
        settings = settings.with_(backup=backup)
    export = raw.get("export")
    if isinstance(export, dict):
        kept = tuple((key, value) for key, value in export.items() if isinstance(value, str | bool))
        settings = settings.with_(export=kept)
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> Path | None:
    """Write *settings*, keeping the file's comments and unknown keys.

    A file there that cannot be read (not TOML, not UTF-8, not a regular file)
    is not written over: it is renamed aside first, and its new name returned
    for the caller to tell the user (None when nothing was set aside).  Raises
    :class:`OSError` or :class:`UserError` when the file cannot be written; the
    caller tells the user.
    """
    import tomlkit

    from ita_tui.fs.atomic import atomic_write

    path = path or settings_path()
    kept = None
    try:
        document = tomlkit.parse(_settings_text(path) or "")
    except (UserError, UnicodeDecodeError, tomlkit.exceptions.ParseError):
        # Someone's hand-edited file with a slip in it: theirs to mend, never to lose.
        kept = _set_aside(path)
        document = tomlkit.document()
        document.add(tomlkit.comment("ita-tui settings; the app rewrites the values, comments stay."))
    for item in fields(Settings):
        value = getattr(settings, item.name)
        if value is None or value == ():
            if item.name in document:
                del document[item.name]
        elif isinstance(value, tuple):  # a table of its own ([export])
            document[item.name] = dict(value)
        else:
            document[item.name] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, tomlkit.dumps(document).encode("utf-8"))
    return kept


def _set_aside(path: Path) -> Path:
    """Rename *path* to the first free ``NAME.unreadable``, ``NAME.unreadable-2``, ...; that name."""
    number = 1
    while True:
        aside = path.with_name(f"{path.name}.unreadable" + (f"-{number}" if number > 1 else ""))
        if not os.path.lexists(aside):
            os.rename(path, aside)
            return aside
        number += 1

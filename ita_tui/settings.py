"""User settings of the app: autosave, language, theme, backup; and where user files live.

Settings are a small TOML file, ``settings.toml``, in the configuration folder:
``$ITA_TUI_CONFIG_DIR`` (tests), else ``$XDG_CONFIG_HOME/ita-tui``, else
``~/.config/ita-tui``.  Checklists started from a template go to the data
folder: ``$ITA_TUI_DATA_DIR``, else ``$XDG_DATA_HOME/ita-tui``, else
``~/.local/share/ita-tui``.  Nothing is ever written into the installed
package.

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

from ita_tui.errors import os_reason
from ita_tui.i18n import Message

SETTINGS_FILE = "settings.toml"
LANGUAGES = ("th", "en")
DEFAULT_THEME = "ita-dark"


def config_dir() -> Path:
    """The folder of ``settings.toml``."""
    explicit = os.environ.get("ITA_TUI_CONFIG_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "ita-tui"


def data_dir() -> Path:
    """The folder where the user's own checklists live by default."""
    explicit = os.environ.get("ITA_TUI_DATA_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "ita-tui"


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
        raw = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return Settings(), None
    except OSError as error:
        reason = os_reason(error)
    except UnicodeDecodeError:
        reason = Message.of("settings.not_utf")
    except tomllib.TOMLDecodeError as error:
        from ita_tui.toml_messages import toml_message

        reason = Message.of("toml.syntax", message=toml_message(_POSITION.sub("", str(error))))
    else:
        return _from_dict(raw), None
    return Settings(), Message.of("settings.unreadable", path=str(path), reason=reason)


_POSITION = re.compile(r"\s*\(at (?:line \d+, column \d+|end of document)\)$")


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
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write *settings*, keeping the file's comments and unknown keys.

    Raises :class:`OSError` when the file cannot be written; the caller tells the user.
    """
    import tomlkit

    from ita_tui.saving import atomic_write

    path = path or settings_path()
    try:
        document = tomlkit.parse(path.read_text("utf-8"))
    except (FileNotFoundError, UnicodeDecodeError, tomlkit.exceptions.ParseError):
        document = tomlkit.document()
        document.add(tomlkit.comment("ita-tui settings; the app rewrites the values, comments stay."))
    for item in fields(Settings):
        value = getattr(settings, item.name)
        if value is None:
            if item.name in document:
                del document[item.name]
        else:
            document[item.name] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, tomlkit.dumps(document).encode("utf-8"))

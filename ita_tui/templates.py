"""The checklists bundled inside the package, used as templates and samples."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from ita_tui.i18n import Message

DEFAULT_TEMPLATE = "fy2566"


@dataclass(frozen=True)
class Template:
    """A bundled checklist: its name (file stem), title and where it lies in the package."""

    name: str
    title: str
    resource: Traversable

    def read_bytes(self) -> bytes:
        return self.resource.read_bytes()


def bundled() -> list[Template]:
    """Every bundled checklist, by name."""
    folder = resources.files("ita_tui") / "checklists"
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            found.append(Template(entry.name.removesuffix(".toml"), _title(entry), entry))
    return found


def _title(entry: Traversable) -> str:
    try:
        title = tomllib.loads(entry.read_text("utf-8")).get("checklist", {}).get("title", "")
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return ""
    return title if isinstance(title, str) else ""


def find(name: str) -> Template | None:
    """The bundled checklist called *name* (with or without .toml), or None."""
    name = name.removesuffix(".toml")
    return next((template for template in bundled() if template.name == name), None)


def _bundled_folder() -> Path | None:
    """The package's checklists folder on disk (None if the package is not on disk, a zip)."""
    folder = resources.files("ita_tui") / "checklists"
    return Path(os.path.realpath(str(folder))) if isinstance(folder, Path) else None


def bundled_name(path: Path) -> str | None:
    """The template's name when *path* is one of the checklists that ship inside ita-tui, else None.

    Symlinks and other spellings of the path count (the project's ``checklists/``
    is a link into the package).
    """
    folder = _bundled_folder()
    try:
        real = Path(os.path.realpath(path))
    except (OSError, ValueError):
        return None
    if folder is None or real.parent != folder or real.suffix != ".toml":
        return None
    return real.stem


def own_copy(path: Path, folder: Path) -> tuple[Path, bool]:
    """The user's own copy of the bundled checklist *path*, in *folder*; and whether it was made now.

    An earlier copy (same name) is the user's and is reused: opening the sample
    again goes on with one's own edits.
    """
    from ita_tui.exports.destination import write_new

    target = folder / path.name
    if target.exists():
        return target, False
    folder.mkdir(parents=True, exist_ok=True)
    write_new(target, Path(os.path.realpath(path)).read_bytes())
    return target, True


def user_file(path: Path) -> tuple[Path, Message | None]:
    """The file to open for *path*: itself, or for a bundled checklist the user's own copy.

    The copy lives in the data folder (:func:`ita_tui.settings.data_dir`), so a
    save never writes into the installed package nor into the project's files;
    the message says where it went.  Raises :class:`UserError` when the copy
    cannot be made.
    """
    from ita_tui.errors import EXIT_USAGE, UserError
    from ita_tui.settings import data_dir

    if bundled_name(path) is None:
        return path, None
    try:
        copy, made = own_copy(path, data_dir())
    except OSError as error:
        raise UserError(
            f"{data_dir()}: cannot copy {path} there: {error.strerror or error}", EXIT_USAGE
        ) from None
    key = "open.own_copy" if made else "open.own_copy_again"
    return copy, Message.of(key, path=str(path), copy=str(copy))

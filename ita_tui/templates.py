"""The checklists bundled inside the package, used as templates and samples."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

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

"""Helpers for driving the app in tests."""

from __future__ import annotations

import difflib
import io
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.pilot import Pilot


async def settle(pilot: Pilot[Any]) -> None:
    """Wait for worker threads (saves, reloads, exports) and the messages they send back."""
    for _ in range(5):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    await pilot.pause()


def changed_lines(before: str, after: str) -> list[str]:
    """The lines that differ between two texts, as +/- diff lines."""
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def item_block(text: str, item_id: str) -> str:
    """The lines of the ``[[sections.items]]`` table of *item_id* in a checklist's text."""
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if line.strip() == f'id = "{item_id}"')
    end = start + 1
    while end < len(lines) and not lines[end].startswith("[["):
        end += 1
    return "\n".join(lines[start:end])


def read(path: Path) -> str:
    return path.read_text("utf-8")


def screen_text(app: Any) -> str:
    """Everything the screen shows now, as text (toasts and the screens under a dialog too)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return str(console.export_text())


def copy_template(name: str, path: Path) -> Path:
    """Write the bundled checklist *name* to *path*, as a user's own file; *path*."""
    from ita_tui.templates import find

    template = find(name)
    assert template is not None
    path.write_bytes(template.read_bytes())
    return path

"""Helpers shared by the robustness tests: running the CLI, writing checklists, hostile text."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from ita_tui.cli import main

REPO = Path(__file__).resolve().parents[1]

# The characters the loader must never let through (sanitize._UNSAFE).
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# Terminal attacks and markup in one string: OSC 52 (set the clipboard), an SGR
# colour, a cursor move, a bell, DEL, a C1 CSI, bidi overrides and isolates, and
# Rich/Textual markup that would close a tag, hide a link or run an action.
HOSTILE = (
    "A\x1b]52;c;aGFja2Vk\x07B\x1b[31mred\x1b[0m\x1b[2J\x1b[H\x07\x7f\x9b31m"
    "\u202eevil\u202c\u2066iso\u2069"
    "[/bold][link=https://evil.example/]click[/link][@click=app.quit]quit[/][bold]x"
)
MARKUP_PIECES = ("[/bold]", "[link=https://evil.example/]", "[@click=app.quit]")


@dataclass
class Ran:
    """What a command did: its exit code and what it printed."""

    code: int
    out: str
    err: str


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> Ran:
    """Run ``ita-tui ARGS`` in this process (fast) and capture its output."""
    capsys.readouterr()
    code = main(args)
    captured = capsys.readouterr()
    return Ran(code, captured.out, captured.err)


def ita_process(
    args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run ``ita-tui ARGS`` as its own process (for kills, locks and hangs)."""
    full_env = {**os.environ, "PYTHONPATH": python_path(), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "ita_tui", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def python_path() -> str:
    """PYTHONPATH for a child process: this checkout first, then what the run already has
    (the simulated-Windows run's ``tests/winsim_site``)."""
    return os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))


def toml_string(text: str) -> str:
    """*text* as a TOML basic string, every control character escaped as TOML requires."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\' or code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def checklist_text(
    *,
    title: str = "ITA 2567",
    items: int = 3,
    notes: str = "",
    padding: int = 0,
) -> str:
    """A valid checklist of *items* items M1…; *padding* bytes of detail text make it big."""
    lines = ["# robustness tests", "format = 1", "", "[checklist]", f"title = {toml_string(title)}", ""]
    lines += ["[[sections]]", 'id = "measures"', 'title = "มาตรการ"', ""]
    for number in range(1, items + 1):
        lines += ["[[sections.items]]", f'id = "M{number}"', f'title = "มาตรการที่ {number}"']
        lines += ['status = "not-started"', f"notes = {toml_string(notes)}"]
        if padding:
            lines.append(f"actions = [{toml_string('ก' * (padding // (3 * items) + 1))}]")
        lines.append("")
    return "\n".join(lines)


def write_checklist(path: Path, **kwargs: Any) -> Path:
    """Write :func:`checklist_text` to *path*; return *path*."""
    path.write_text(checklist_text(**kwargs), encoding="utf-8")
    return path


def is_root() -> bool:
    """True when permissions do not stop us (CI runs as root)."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def temp_files(folder: Path) -> list[str]:
    """Temp files a save or an export may have left in *folder*."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".ita-tui") or p.suffix == ".tmp")

"""Text to the system clipboard through the platform's own tool: clip.exe, pbcopy, wl-copy, xclip.

The app also sends the text to the terminal (OSC 52, Textual's
``copy_to_clipboard``), which reaches the clipboard of the machine the
terminal runs on, even over SSH, when the terminal allows it.  Neither way can
be sure of the other, so the app does both: this module is the local tool.

Each tool runs without a shell, with the text on its standard input and a
timeout; its output goes nowhere (wl-copy and xclip stay behind to serve the
clipboard, and a pipe they held open would make the wait last forever).

Pure: no Textual.  The app calls :func:`copy_text` from a worker thread.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

TIMEOUT = 3.0


@dataclass(frozen=True)
class ClipboardTool:
    """A clipboard program: how to run it and what text it reads."""

    name: str  # shown to the user: "xclip", "wl-copy", "pbcopy", "clip.exe"
    argv: tuple[str, ...]
    # clip.exe reads the console's code page unless the text is UTF-16 with a byte-order
    # mark, and Windows programs expect CRLF line ends.
    utf16: bool = False
    env: tuple[tuple[str, str], ...] = ()  # variables set for the tool

    def encode(self, text: str) -> bytes:
        """*text* as the tool reads it."""
        if self.utf16:
            return "\ufeff".encode("utf-16-le") + text.replace("\r\n", "\n").replace("\n", "\r\n").encode(
                "utf-16-le"
            )
        return text.encode("utf-8")


class ClipboardError(Exception):
    """The tool failed, timed out or could not start.

    ``key`` and ``fields`` name the interface string (:mod:`ita_tui.i18n`) that
    says which, for the user's language: ``t(error.key, lang, **error.fields)``.
    """

    def __init__(self, key: str, **fields: str) -> None:
        super().__init__(key, fields)
        self.key = key
        self.fields = fields


Which = Callable[[str], str | None]


def find_tool(
    platform: str = sys.platform, environ: Mapping[str, str] = os.environ, which: Which = shutil.which
) -> ClipboardTool | None:
    """The clipboard tool of this machine, or None when there is none to use.

    Windows: clip.exe.  macOS: pbcopy (told the text is UTF-8).  Elsewhere:
    wl-copy under Wayland, xclip under X11, and clip.exe under WSL (Windows'
    clipboard, the one the user pastes from there).
    """
    if platform == "win32":
        path = which("clip")
        return ClipboardTool("clip.exe", (path,), utf16=True) if path else None
    if platform == "darwin":
        path = which("pbcopy")
        return ClipboardTool("pbcopy", (path,), env=(("LC_CTYPE", "UTF-8"),)) if path else None
    if environ.get("WAYLAND_DISPLAY") and (path := which("wl-copy")):
        return ClipboardTool("wl-copy", (path, "--type", "text/plain;charset=utf-8"))
    if environ.get("DISPLAY") and (path := which("xclip")):
        return ClipboardTool("xclip", (path, "-selection", "clipboard", "-in"))
    if path := which("clip.exe"):  # WSL: Windows' clipboard
        return ClipboardTool("clip.exe", (path,), utf16=True)
    return None


def copy_text(text: str, tool: ClipboardTool, timeout: float = TIMEOUT) -> None:
    """Put *text* on the clipboard with *tool*; ClipboardError when that fails."""
    env = {**os.environ, **dict(tool.env)} if tool.env else None
    # No console window flashing up on Windows.
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0
    try:
        subprocess.run(
            tool.argv,
            input=tool.encode(text),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
            check=True,
            env=env,
            creationflags=flags,
        )
    except subprocess.TimeoutExpired:
        raise ClipboardError("clipboard.timeout", tool=tool.name, seconds=f"{timeout:g}") from None
    except subprocess.CalledProcessError as error:
        raise ClipboardError("clipboard.failed", tool=tool.name, status=str(error.returncode)) from None
    except OSError as error:
        raise ClipboardError(
            "clipboard.cannot_start", tool=tool.name, error=str(error.strerror or error)
        ) from None

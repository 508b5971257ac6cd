"""Open a web address in the browser, or a file in its program, the way the system does.

One small portable function, :func:`open_target`: ``os.startfile`` on Windows,
``open`` on macOS, ``xdg-open`` elsewhere.  It never blocks: the opener is
started without a shell (an address is an argument, never a command line),
detached from the terminal (no input, output thrown away, its own session),
and a daemon thread collects it when it exits.  The app takes the function
as a parameter, so tests pass a fake.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ita_tui.i18n import Lang

Opener = Callable[[str], None]


class OpenError(OSError):
    """The system could not be asked to open the target; ``reason`` is a catalogue key."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason)
        self.reason = reason
        self.detail = detail

    def text(self, lang: Lang) -> str:
        """Why, in *lang*."""
        from ita_tui.i18n import t

        return t(self.reason, lang, detail=self.detail)


def command_for(target: str, platform: str | None = None) -> list[str]:
    """The command that opens *target* on *platform* (default: this one; not Windows: ``os.startfile``)."""
    return ["open", target] if (platform or sys.platform) == "darwin" else ["xdg-open", target]


def has_desktop(platform: str | None = None, environ: Mapping[str, str] = os.environ) -> bool:
    """False on a Linux or BSD console with no graphical session (over SSH, say).

    There ``xdg-open`` would start a text browser in the terminal the app is
    drawing on; better to say so and show the address.
    """
    if (platform or sys.platform) in ("win32", "darwin"):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def open_target(target: str) -> None:
    """Open *target* (an http(s) address or an absolute file path) with the system; return at once.

    Raises :class:`OpenError` when there is no desktop to open it on or no
    opener program; what happens after the opener starts is the system's.
    """
    if not has_desktop():
        raise OpenError("open.no_desktop")
    if sys.platform == "win32":
        try:
            os.startfile(target)  # Windows only; returns at once
        except OSError as error:
            raise OpenError("open.failed", error.strerror or str(error)) from None
        return
    command = command_for(target)
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a Ctrl+C in the app does not reach the browser
        )
    except FileNotFoundError:
        raise OpenError("open.no_opener", command[0]) from None
    except OSError as error:
        raise OpenError("open.failed", error.strerror or str(error)) from None
    threading.Thread(target=process.wait, name="ita-opener", daemon=True).start()

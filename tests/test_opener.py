"""Opening evidence with the system: the right program, no shell, never waiting for it."""

from __future__ import annotations

import subprocess
import sys
from typing import Any, ClassVar

import pytest

from ita_tui import opener
from ita_tui.opener import OpenError, command_for, has_desktop, open_target


class _FakeProcess:
    calls: ClassVar[list[tuple[tuple[Any, ...], dict[str, Any]]]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        _FakeProcess.calls.append((args, kwargs))

    def wait(self) -> int:
        return 0


def test_the_command_on_each_system() -> None:
    assert command_for("https://x.go.th/o1", "darwin") == ["open", "https://x.go.th/o1"]
    assert command_for("https://x.go.th/o1", "linux") == ["xdg-open", "https://x.go.th/o1"]
    assert command_for("/srv/ita/o1.pdf", "freebsd14") == ["xdg-open", "/srv/ita/o1.pdf"]


def test_a_console_without_a_desktop_is_told_so() -> None:
    assert not has_desktop("linux", {})
    assert has_desktop("linux", {"WAYLAND_DISPLAY": "wayland-0"})
    assert has_desktop("win32", {}) and has_desktop("darwin", {})


def test_xdg_open_is_started_without_a_shell_and_not_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    _FakeProcess.calls = []
    monkeypatch.setattr(subprocess, "Popen", _FakeProcess)
    address = "https://x.go.th/o1?a=1&b=$(rm -rf ~)"
    open_target(address)
    ((args, kwargs),) = _FakeProcess.calls
    assert args == (["xdg-open", address],)  # one argument: nothing in it is read by a shell
    assert kwargs.get("shell") is not True and kwargs["start_new_session"] is True
    assert kwargs["stdin"] is kwargs["stdout"] is kwargs["stderr"] is subprocess.DEVNULL


def test_no_opener_program(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")

    def missing(*args: Any, **kwargs: Any) -> None:
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(subprocess, "Popen", missing)
    with pytest.raises(OpenError) as caught:
        open_target("https://x.go.th/o1")
    assert caught.value.reason == "open.no_opener" and caught.value.detail == "xdg-open"


def test_no_desktop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    with pytest.raises(OpenError) as caught:
        open_target("https://x.go.th/o1")
    assert caught.value.reason == "open.no_desktop"


def test_windows_uses_startfile(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(opener.os, "startfile", opened.append, raising=False)
    open_target("C:\\ITA\\หลักฐาน\\o1.pdf")
    assert opened == ["C:\\ITA\\หลักฐาน\\o1.pdf"]

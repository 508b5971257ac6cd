"""The system clipboard tool: which one is found, what it is given, and how it fails."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from ita_tui.clipboard import ClipboardError, ClipboardTool, copy_text, find_tool


def which_of(*present: str):  # type: ignore[no-untyped-def]
    return lambda name: f"/usr/bin/{name}" if name in present else None


@pytest.mark.parametrize(
    ("platform", "environ", "present", "expected"),
    [
        ("win32", {}, ("clip",), ("clip.exe", True)),
        ("darwin", {}, ("pbcopy",), ("pbcopy", False)),
        (
            "linux",
            {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"},
            ("wl-copy", "xclip"),
            ("wl-copy", False),
        ),
        ("linux", {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, ("xclip",), ("xclip", False)),
        ("linux", {"DISPLAY": ":0"}, ("xclip",), ("xclip", False)),
        ("linux", {}, ("xclip", "clip.exe"), ("clip.exe", True)),  # WSL: no X server, Windows' clipboard
        ("linux", {}, ("xclip",), None),  # a server over SSH: only the terminal (OSC 52) can carry it
        ("win32", {}, (), None),
    ],
)
def test_the_tool_of_each_platform(
    platform: str, environ: dict[str, str], present: tuple[str, ...], expected: tuple[str, bool] | None
) -> None:
    tool = find_tool(platform, environ, which_of(*present))
    assert (tool.name, tool.utf16) == expected if tool else expected is None


def test_pbcopy_is_told_the_text_is_utf8_and_xclip_fills_the_clipboard() -> None:
    pbcopy = find_tool("darwin", {}, which_of("pbcopy"))
    assert pbcopy is not None and dict(pbcopy.env) == {"LC_CTYPE": "UTF-8"}
    xclip = find_tool("linux", {"DISPLAY": ":0"}, which_of("xclip"))
    assert xclip is not None and xclip.argv[1:] == ("-selection", "clipboard", "-in")


def test_clip_exe_reads_utf16_with_a_byte_order_mark_and_crlf() -> None:
    tool = ClipboardTool("clip.exe", ("clip",), utf16=True)
    data = tool.encode("ความคืบหน้า\nเสร็จ 7")
    assert data.startswith(b"\xff\xfe")
    assert data[2:].decode("utf-16-le") == "ความคืบหน้า\r\nเสร็จ 7"
    assert ClipboardTool("xclip", ("xclip",)).encode("ไทย\n") == "ไทย\n".encode()


def python_tool(code: str) -> ClipboardTool:
    return ClipboardTool("fake", (sys.executable, "-c", code))


def test_copy_hands_the_text_to_the_tool(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    copy_text(
        "สรุป ITA\n", python_tool(f"import sys; open({str(target)!r}, 'wb').write(sys.stdin.buffer.read())")
    )
    assert target.read_bytes() == "สรุป ITA\n".encode()


def test_a_failing_tool_says_so() -> None:
    with pytest.raises(ClipboardError) as caught:
        copy_text("x", python_tool("import sys; sys.exit(2)"))
    assert caught.value.key == "clipboard.failed" and caught.value.fields == {"tool": "fake", "status": "2"}


def test_a_missing_tool_says_so() -> None:
    with pytest.raises(ClipboardError) as caught:
        copy_text("x", ClipboardTool("gone", ("/nonexistent/clip-tool",)))
    assert caught.value.key == "clipboard.cannot_start"


def test_a_tool_that_hangs_is_left_after_the_timeout() -> None:
    started = time.monotonic()
    with pytest.raises(ClipboardError) as caught:
        copy_text("x", python_tool("import time; time.sleep(30)"), timeout=0.5)
    assert caught.value.key == "clipboard.timeout"
    assert time.monotonic() - started < 5


def test_a_tool_that_stays_behind_does_not_hold_the_copy(tmp_path: Path) -> None:
    """xclip and wl-copy fork a process that keeps serving the clipboard: no wait for it."""
    pid_file = tmp_path / "child.pid"
    code = (
        "import subprocess, sys; sys.stdin.read(); "
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(20)']); "
        f"open({str(pid_file)!r}, 'w').write(str(child.pid))"
    )
    started = time.monotonic()
    try:
        copy_text("x", python_tool(code), timeout=10)
        assert time.monotonic() - started < 5
    finally:
        if pid_file.exists():
            os.kill(int(pid_file.read_text()), signal.SIGTERM)

"""The command line speaks UTF-8: its output on every platform, and its text arguments checked.

* **Output.**  On Windows, standard output piped or redirected (``show > a.txt``,
  ``export -o - | more``) is in the ANSI code page (cp1252, or cp874 on Thai
  Windows), where most Thai cannot be written; elsewhere a Latin-1 locale does
  the same.  :func:`utf8_output` switches stdout and stderr to UTF-8 wherever
  they are not, so ``show``, ``export -o -`` and error messages in Thai work
  without the user setting anything.  (The Windows console itself is written
  in UTF-16 by Python and needs nothing.)
* **Arguments.**  On POSIX, bytes in ``argv`` that are not UTF-8 reach Python
  as lone surrogates; written to a checklist they would fail deep in a save.
  :func:`check_text_arguments` refuses them up front with one line naming the
  argument and the byte.  File names are the exception: any bytes are a valid
  file name there, so the arguments of :data:`PATH_ARGUMENTS` are left alone
  (and print safely: :func:`ita_tui.sanitize.clean_line` shows such a byte as
  ``\ufffd``).
"""

from __future__ import annotations

import argparse
import codecs
import re
import sys

from ita_tui.errors import EXIT_USAGE

# How Python (surrogateescape) carries a byte that is not UTF-8: U+DC80..U+DCFF.
# The arguments (argparse ``dest``) that name files, in every command; all others are text.
PATH_ARGUMENTS = frozenset({"file", "files", "out", "output", "report"})
_UNDECODABLE = re.compile("[\udc80-\udcff]")


def utf8_output() -> None:
    """Make stdout and stderr write UTF-8 where they are set to another encoding."""
    for stream in (sys.stdout, sys.stderr):
        _make_utf8(stream)


def _make_utf8(stream: object) -> None:
    # Duck-typed (no `typing` import on the start-up path): only a TextIOWrapper can be reconfigured.
    encoding = getattr(stream, "encoding", None)
    reconfigure = getattr(stream, "reconfigure", None)
    if encoding is None or reconfigure is None:
        return  # no console at all (pythonw), or a stream a test put there
    try:
        if codecs.lookup(encoding).name == "utf-8":
            return
    except LookupError:
        pass
    reconfigure(encoding="utf-8")


def check_text_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Refuse a text argument holding bytes that are not UTF-8 (exit 2), naming it and the byte."""
    for action in parser._actions:
        if action.dest in PATH_ARGUMENTS:
            continue
        value = getattr(args, action.dest, None)
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str):
                _check(text, action)


def _check(text: str, action: argparse.Action) -> None:
    match = _UNDECODABLE.search(text)
    if match is None:
        return
    # Imported only to complain: the catalogue is not on every command's start-up path.
    from ita_tui.fs.messages import FileError
    from ita_tui.i18n import Message

    longest = max(action.option_strings, key=len, default=None)  # --template rather than -t
    name = longest or action.metavar or action.dest
    raise FileError(
        Message.of(
            "fs.bad_argument",
            argument=str(name),
            byte=f"{ord(match.group()) - 0xDC00:02X}",
            position=match.start() + 1,
        ),
        EXIT_USAGE,
    )

"""The `ita-tui` command line: argparse front door to every subcommand.

Each subcommand lives in ``ita_tui/commands/<name>.py`` and defines ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``.  Command modules import
their heavy dependencies inside ``run`` so that building the parser stays
cheap, and no command but the app imports Textual.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from types import ModuleType

from ita_tui import __version__
from ita_tui.cli_encoding import check_text_arguments, utf8_output
from ita_tui.errors import EXIT_USAGE, UserError

COMMANDS: dict[str, str] = {
    "new": "ita_tui.commands.new",
    "validate": "ita_tui.commands.validate",
    "set": "ita_tui.commands.set_item",
    "add": "ita_tui.commands.add",
    "remove": "ita_tui.commands.remove",
    "move": "ita_tui.commands.move",
    "show": "ita_tui.commands.show",
    "export": "ita_tui.commands.export",
    "score": "ita_tui.commands.score",
    "compare": "ita_tui.commands.compare",
    "import": "ita_tui.commands.import_report",
}


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line with exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UserError(f"{self.prog}: {message} (see --help)", EXIT_USAGE)


def _command_module(name: str) -> ModuleType:
    return importlib.import_module(COMMANDS[name])


def add_lang_argument(parser: argparse.ArgumentParser) -> None:
    """`--lang th|en`: the language of labels and messages (default: checklist, then LANG)."""
    parser.add_argument(
        "--lang",
        choices=("th", "en"),
        default=None,
        help="language of labels and headings (default: the checklist's, else from LANG)",
    )


def build_parser(command: str | None) -> argparse.ArgumentParser:
    """The parser for *command*, or for the app (``ita-tui [FILE]``) when None."""
    if command is None:
        parser = _Parser(
            prog="ita-tui",
            description="Track a Thai public agency's ITA checklist (measures and indicators).",
            epilog="commands: " + ", ".join(COMMANDS) + ". Run 'ita-tui COMMAND --help' for each.",
        )
        parser.add_argument("file", nargs="?", help="checklist to open (none: the start screen)")
        parser.add_argument("--version", action="version", version=f"ita-tui {__version__}")
        add_lang_argument(parser)
        return parser
    module = _command_module(command)
    parser = _Parser(prog=f"ita-tui {command}", description=module.HELP)
    module.add_arguments(parser)
    if not any(action.dest == "lang" for action in parser._actions):
        add_lang_argument(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code. Never lets a traceback reach the user."""
    argv = list(sys.argv[1:] if argv is None else argv)
    utf8_output()
    try:
        return _dispatch(argv)
    except UserError as error:
        _print_error(error.message)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`); quietly stop writing.
        _silence_stdout()
        return 0
    except Exception as error:
        if os.environ.get("ITA_TUI_DEBUG"):
            raise
        _print_error(
            f"ita-tui: internal error: {type(error).__name__}: {error} (set ITA_TUI_DEBUG=1 for details)"
        )
        return 70


def _dispatch(argv: list[str]) -> int:
    command = argv[0] if argv and argv[0] in COMMANDS else None
    parser = build_parser(command)
    args = parser.parse_args(argv[1:] if command else argv)
    check_text_arguments(parser, args)
    if command is None:
        from ita_tui.commands import open_app

        return open_app.run(args)
    return int(_command_module(command).run(args))


def _print_error(message: str) -> None:
    from ita_tui.sanitize import clean_line

    for line in message.splitlines() or [message]:
        print(clean_line(line), file=sys.stderr)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass

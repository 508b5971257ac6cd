"""The `ita-tui` command line: argparse front door to every subcommand.

Each subcommand lives in ``ita_tui/commands/<name>.py`` and defines ``HELP`` (a
catalogue key: the description its ``--help`` shows), ``SUMMARY`` (a catalogue key: its
line in ``ita-tui --help``), ``add_arguments(parser)`` (help texts through
``parser.tr(key)``) and ``run(args) -> int``.  Command modules import their heavy
dependencies inside ``run`` so that building the parser stays cheap, and no command but
the app imports Textual.

**Language.** The command line's own words -- help, usage, argparse's messages, errors,
confirmations -- are in the interface language: ``--lang``, else the locale (LC_ALL,
LC_MESSAGES, LANG).  What a command says about a checklist it has read (``show``, ``export``,
``score``, and what ``set``, ``add``, ``remove`` and ``move`` did) follows ``--lang``, else the
checklist's ``language``, else the locale.
``args.lang`` is the ``--lang`` given (or None), ``args.ui_lang`` the language of messages.

**Global options** (``--lang``) are accepted anywhere on the line, before or after the
command (:func:`pull_global_options`); ``--`` ends them.

**The first word** is a command, or else the FILE the app opens.  A word that is no
command, names no existing path and is close to a command (``exprot``, ``shwo``) is
a typo: the error suggests the command (:func:`split_command`).
"""

from __future__ import annotations

import difflib
import importlib
import os
import sys
import unicodedata
from types import ModuleType

from ita_tui import __version__
from ita_tui.cli_encoding import check_text_arguments, utf8_output
from ita_tui.cli_parser import ItaParser, RawDescriptionHelpFormatter, words
from ita_tui.errors import EXIT_USAGE, UserError
from ita_tui.i18n import Lang, Message, parse_lang, resolve_lang, t

COMMANDS: dict[str, str] = {
    "new": "ita_tui.commands.new",
    "validate": "ita_tui.commands.validate",
    "set": "ita_tui.commands.set_item",
    "add": "ita_tui.commands.add",
    "remove": "ita_tui.commands.remove",
    "move": "ita_tui.commands.move",
    "evidence": "ita_tui.commands.evidence",
    "show": "ita_tui.commands.show",
    "export": "ita_tui.commands.export",
    "score": "ita_tui.commands.score",
    "compare": "ita_tui.commands.compare",
    "import": "ita_tui.commands.import_report",
    "check-links": "ita_tui.commands.check_links",
}

# Options that mean the same to every command, taken from anywhere on the line.
GLOBAL_OPTIONS = ("--lang",)


def _command_module(name: str) -> ModuleType:
    return importlib.import_module(COMMANDS[name])


def add_lang_argument(parser: ItaParser) -> None:
    """`--lang th|en`: the language of labels and messages (read by :func:`pull_global_options`)."""
    parser.add_argument("--lang", default=None, metavar="{th,en}", help=parser.tr("cli.lang_help"))


def build_parser(command: str | None, lang: Lang = "en") -> ItaParser:
    """The parser for *command*, or for the app (``ita-tui [FILE]``) when None, speaking *lang*."""
    parser: ItaParser
    if command is None:
        parser = _MainParser(
            prog="ita-tui",
            usage=_main_usage(lang),
            description=t("cli.main.description", lang),
            formatter_class=RawDescriptionHelpFormatter,
            lang=lang,
        )
        parser.add_argument("file", nargs="?", metavar="FILE", help=parser.tr("cli.main.file"))
        parser.add_argument(
            "--version",
            action="version",
            version=f"ita-tui {__version__}",
            help=parser.tr("cli.version_help"),
        )
        add_lang_argument(parser)
        return parser
    module = _command_module(command)
    parser = ItaParser(prog=f"ita-tui {command}", description=words(module.HELP, lang), lang=lang)
    module.add_arguments(parser)
    if not any(action.dest == "lang" for action in parser._actions):
        add_lang_argument(parser)
    return parser


class _MainParser(ItaParser):
    """``ita-tui [FILE]``: its help ends with the commands, gathered only when it is shown
    (opening the app must not import every command's module)."""

    def format_help(self) -> str:
        self.epilog = _command_list(self.lang)
        return super().format_help()


def _main_usage(lang: Lang) -> str:
    """Two usage lines: the app on a FILE, and a COMMAND with the commands named."""
    indent = " " * _cells(t("cli.argparse.usage", lang))
    names = ", ".join(COMMANDS)
    return "%(prog)s [FILE] [--lang {th,en}]\n" + indent + t("cli.main.usage_command", lang, commands=names)


def _command_list(lang: Lang) -> str:
    """Every command with its one-line summary, for the end of ``ita-tui --help``."""
    width = max(len(name) for name in COMMANDS) + 2
    lines = [t("cli.main.commands", lang)]
    for name in COMMANDS:
        module = _command_module(name)
        summary = getattr(module, "SUMMARY", None) or module.HELP
        lines.append(f"  {name:<{width}}{words(summary, lang)}")
    lines.append("")
    lines.append(t("cli.main.more_help", lang))
    return "\n".join(lines)


def _cells(text: str) -> int:
    """Terminal cells of *text*: Thai vowel and tone marks take none."""
    return sum(not unicodedata.combining(char) and unicodedata.category(char) != "Mn" for char in text)


def pull_global_options(argv: list[str]) -> tuple[dict[str, str], list[str]]:
    """The global options on the line (``--lang th`` or ``--lang=th``, anywhere before ``--``)
    and the line without them.  A global option without its value is left for argparse to
    report."""
    found: dict[str, str] = {}
    rest: list[str] = []
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--":
            rest.extend(argv[index:])
            break
        name, equals, value = arg.partition("=")
        if name in GLOBAL_OPTIONS and equals:
            found[name] = value
        elif arg in GLOBAL_OPTIONS and index + 1 < len(argv) and not argv[index + 1].startswith("-"):
            found[arg] = argv[index + 1]
            index += 1
        else:
            rest.append(arg)
        index += 1
    return found, rest


def interface_lang(explicit: str | None) -> Lang:
    """The language of the command line's messages: *explicit* (``--lang``), else the locale's."""
    if explicit is not None and parse_lang(explicit) is None:
        raise UserError(Message.of("cli.bad_lang", text=explicit), EXIT_USAGE)  # shown in the locale's
    return resolve_lang(explicit, None)


def split_command(argv: list[str]) -> tuple[str | None, list[str]]:
    """The command the line names (None: the app) and its arguments.

    The first word is a FILE when it is no command: when it exists (as anything), or is
    far from every command.  A word close to a command that names nothing on disk is a
    typo, and so is any non-command first word followed by more words (the app takes one
    FILE): both are a usage error that names the commands.
    """
    if not argv or argv[0].startswith("-"):
        return None, argv
    first = argv[0]
    if first in COMMANDS:
        return first, argv[1:]
    if os.path.lexists(first):
        return None, argv
    near = (
        []
        if any(c in first for c in "/\\.")
        else difflib.get_close_matches(first.casefold(), COMMANDS, 3, 0.6)
    )
    more_words = [arg for arg in argv[1:] if not arg.startswith("-")]
    if near:
        suggestion = ", ".join(f"'{name}'" for name in near)
        raise UserError(Message.of("cli.not_a_command_near", word=first, near=suggestion), EXIT_USAGE)
    if more_words:
        raise UserError(Message.of("cli.not_a_command", word=first, commands=", ".join(COMMANDS)), EXIT_USAGE)
    return None, argv


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code. Never lets a traceback reach the user."""
    argv = list(sys.argv[1:] if argv is None else argv)
    utf8_output()
    lang = resolve_lang(None, None)
    try:
        options, argv = pull_global_options(argv)
        lang = interface_lang(options.get("--lang"))
        return _dispatch(argv, options.get("--lang"), lang)
    except UserError as error:
        _print_error(error.render(lang))
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
        _print_error(t("cli.internal_error", lang, error=f"{type(error).__name__}: {error}"))
        return 70


def _dispatch(argv: list[str], explicit: str | None, lang: Lang) -> int:
    command, rest = split_command(argv)
    parser = build_parser(command, lang)
    args = parser.parse_args(rest)
    check_text_arguments(parser, args)
    args.lang = parse_lang(explicit) if explicit is not None else None
    args.ui_lang = lang
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

"""`ita-tui show FILE`: print the summary to the terminal.

The same report as the ANSI and SVG exports (ita_tui.exports.layout): in colour when
the output is a colour terminal, plain when piped or when NO_COLOR is set
(Rich decides), at the terminal's width unless --width says otherwise.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ita_tui.cli_parser import ItaParser

SUMMARY = "cli.show.summary"
HELP = "cli.show.help"


def add_arguments(parser: ItaParser) -> None:
    from ita_tui.cli_parser import whole_number
    from ita_tui.commands.export import MIN_WIDTH, add_filter_arguments

    parser.add_argument("file", metavar="FILE", help=parser.tr("cli.file_help"))
    parser.add_argument(
        "--width", type=whole_number(MIN_WIDTH), default=None, metavar="N", help=parser.tr("cli.show.width")
    )
    add_filter_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from ita_tui.checklist_file import load_checklist
    from ita_tui.commands.export import check_filters, options_from
    from ita_tui.console import print_trimmed, text_console
    from ita_tui.exports.layout import build_report

    check_filters(args)  # a usage error before the file is even read
    checklist = load_checklist(args.file)
    # Checklist text is data: never markup, never emoji codes, never auto-highlighted.
    console = text_console(width=args.width)
    options = options_from(args, checklist, console.width)
    print_trimmed(console, [build_report(checklist, options)])
    return 0

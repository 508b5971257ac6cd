"""`ita-tui show FILE`: print the summary to the terminal.

The same report as the ANSI and SVG exports (ita_tui.exports.layout): in colour when
the output is a colour terminal, plain when piped or when NO_COLOR is set
(Rich decides), at the terminal's width unless --width says otherwise.
"""

from __future__ import annotations

import argparse

HELP = (
    "Print a summary of a checklist: progress overall and per section, "
    "each item with its status, score and note."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ita_tui.commands.export import add_filter_arguments

    parser.add_argument("file", metavar="FILE", help="the checklist file")
    parser.add_argument(
        "--width", type=int, default=None, metavar="N", help="width in cells (default: the terminal's)"
    )
    add_filter_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from ita_tui.checklist_file import load_checklist
    from ita_tui.commands.export import check_filters, options_from
    from ita_tui.exports.layout import build_report

    check_filters(args)  # a usage error before the file is even read
    checklist = load_checklist(args.file)
    # Checklist text is data: never markup, never emoji codes, never auto-highlighted.
    console = Console(width=args.width, markup=False, emoji=False, highlight=False)
    options = options_from(args, checklist, console.width)
    console.print(build_report(checklist, options))
    return 0

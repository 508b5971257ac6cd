"""`ita-tui new OUT`: start a checklist from a bundled template, or next year's from last year's."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ita_tui.errors import EXIT_USAGE, UserError
from ita_tui.i18n import Message

if TYPE_CHECKING:
    from ita_tui.cli_parser import ItaParser

SUMMARY = "cli.new.summary"
HELP = "cli.new.help"


def add_arguments(parser: ItaParser) -> None:
    parser.add_argument("out", nargs="?", metavar="OUT", help=parser.tr("cli.new.out"))
    parser.add_argument("--template", "-t", default=None, metavar="NAME", help=parser.tr("cli.new.template"))
    parser.add_argument("--list", action="store_true", help=parser.tr("cli.new.list"))
    parser.add_argument("--from", dest="last", metavar="LAST", help=parser.tr("cli.new.from"))
    parser.add_argument(
        "--fiscal-year", dest="fiscal_year", metavar="YEAR", help=parser.tr("cli.new.fiscal_year")
    )
    parser.add_argument("--force", action="store_true", help=parser.tr("cli.force_help"))


def run(args: argparse.Namespace) -> int:
    from ita_tui import templates
    from ita_tui.console import say
    from ita_tui.exports.destination import check_target, write_new

    lang = args.ui_lang
    if args.list:
        default = " " + Message.of("cli.new.default").render(lang)
        for template in templates.bundled():
            shown = default if template.name == templates.DEFAULT_TEMPLATE else ""
            say(f"{template.name}{shown}  {template.title}")
        return 0
    if not args.out:
        raise UserError(Message.of("cli.new.no_out"), EXIT_USAGE)
    if args.last is not None:
        if args.template is not None:
            raise UserError(Message.of("cli.new.from_and_template"), EXIT_USAGE)
        return _from_last(args)
    if args.fiscal_year is not None:
        raise UserError(Message.of("cli.new.year_without_from"), EXIT_USAGE)
    name = args.template or templates.DEFAULT_TEMPLATE
    chosen = templates.find(name)
    if chosen is None:
        names = ", ".join(t.name for t in templates.bundled())
        raise UserError(Message.of("cli.new.no_template", name=name, names=names), EXIT_USAGE)
    out = Path(args.out)
    check_target(out, force=args.force)
    write_new(out, chosen.read_bytes(), overwrite=args.force)
    say(Message.of("cli.new.created", path=str(out), template=chosen.name).render(lang))
    return 0


def _from_last(args: argparse.Namespace) -> int:
    """Write OUT as next year's checklist from LAST (LAST's text, comments and layout kept)."""
    from ita_tui.authoring import AuthoringError, parse_fiscal_year
    from ita_tui.checklist_file import load
    from ita_tui.console import say
    from ita_tui.exports.destination import check_target, write_new
    from ita_tui.next_year import next_year_file
    from ita_tui.saving import encode_pieces

    out = Path(args.out)
    last = load(args.last)
    lang = args.ui_lang
    check_target(out, force=args.force)
    try:
        year = parse_fiscal_year(args.fiscal_year) if args.fiscal_year is not None else None
    except AuthoringError as error:
        raise UserError(
            Message.of("cli.option_error", option="--fiscal-year", message=error.message)
        ) from None
    try:
        text, report = next_year_file(last, out, year)
    except AuthoringError as error:
        raise UserError(Message.of("cli.option_error", option=args.last, message=error.message)) from None
    write_new(out, b"".join(encode_pieces(text, last.bom)), overwrite=args.force)
    for line in report.lines(lang, str(out), args.last):
        say(line)
    return 0

"""`ita-tui new OUT`: start a checklist from a bundled template."""

from __future__ import annotations

import argparse
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
    parser.add_argument("--force", action="store_true", help=parser.tr("cli.force_help"))


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

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

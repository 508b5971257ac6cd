"""`ita-tui remove FILE ID`: remove an item, or a section with its items."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ita_tui.commands.editing import add_file_argument, editing, report
from ita_tui.errors import EXIT_USAGE, UserError

if TYPE_CHECKING:
    from ita_tui.cli_parser import ItaParser

SUMMARY = "cli.remove.summary"
HELP = "cli.remove.help"


def add_arguments(parser: ItaParser) -> None:
    add_file_argument(parser)
    parser.add_argument("id", metavar="ID", help=parser.tr("cli.remove.id"))
    parser.add_argument("--force", action="store_true", help=parser.tr("cli.remove.force"))


def run(args: argparse.Namespace) -> int:
    from ita_tui import authoring
    from ita_tui.i18n import t

    with editing(args.file, args.lang) as session:
        checklist = session.checklist
        if checklist.find(args.id) is not None:
            session.do(lambda: authoring.remove_item(checklist, args.id, allow_unscorable=args.force))
        else:
            section = next((s for s in checklist.sections if s.id == args.id), None)
            if section is None:
                raise session.unknown(args.id)
            if section.items and not args.force:
                message = t("cli.section_holds", session.lang, id=section.id, count=len(section.items))
                raise UserError(f"{args.file}: {message}", EXIT_USAGE)
            session.do(lambda: authoring.remove_section(checklist, args.id, allow_unscorable=args.force))
    return report(session)

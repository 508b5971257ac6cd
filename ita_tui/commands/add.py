"""`ita-tui add FILE TITLE`: add an item, a section (--section) or an official indicator (--indicator)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ita_tui.cli_parser import whole_number
from ita_tui.commands.editing import add_field_argument, add_file_argument, editing, parse_field, report
from ita_tui.errors import EXIT_USAGE, UserError

if TYPE_CHECKING:
    from ita_tui.cli_parser import ItaParser

SUMMARY = "cli.add.summary"
HELP = "cli.add.help"


def add_arguments(parser: ItaParser) -> None:
    add_file_argument(parser)
    parser.add_argument("title", nargs="?", metavar="TITLE", help=parser.tr("cli.add.title"))
    parser.add_argument("--to", metavar="SECTION", help=parser.tr("cli.add.to"))
    parser.add_argument("--after", metavar="ID", help=parser.tr("cli.add.after"))
    parser.add_argument("--id", metavar="ID", help=parser.tr("cli.add.id"))
    add_field_argument(parser, "cli.add.field")
    parser.add_argument("--section", action="store_true", help=parser.tr("cli.add.section"))
    parser.add_argument("--group", choices=("IIT", "EIT", "OIT"), help=parser.tr("cli.add.group"))
    parser.add_argument("--indicator", type=whole_number(1), metavar="N", help=parser.tr("cli.add.indicator"))


def run(args: argparse.Namespace) -> int:
    from ita_tui import authoring
    from ita_tui.i18n import t

    with editing(args.file, args.lang) as session:
        lang = session.lang
        checklist = session.checklist
        if args.indicator is not None:
            session.do(lambda: authoring.add_indicator(checklist, args.indicator, section_id=args.to))
        elif not args.title:
            raise UserError(t("cli.add_needs_title", lang), EXIT_USAGE)
        elif args.section:
            if args.after is not None:
                session.section(args.after)
            session.do(
                lambda: authoring.add_section(
                    checklist, args.title, section_id=args.id, after=args.after, group=args.group
                )
            )
        else:
            section = _target_section(session, args)
            fields = dict(parse_field(text, lang) for text in args.field)
            session.do(
                lambda: authoring.add_item(
                    checklist, section, args.title, item_id=args.id, after=args.after, fields=fields
                )
            )
    return report(session)


def _target_section(session: object, args: argparse.Namespace) -> str:
    """--to, else the section of --after, else the first section that is not an ITA group."""
    from ita_tui.commands.editing import Editing
    from ita_tui.i18n import t

    assert isinstance(session, Editing)
    if args.to is not None:
        return session.section(args.to).id
    if args.after is not None:
        session.item(args.after)
        return ""  # add_item finds it from --after
    measures = next((s for s in session.checklist.sections if not s.group), None)
    if measures is None:
        raise UserError(t("cli.add_needs_section", session.lang), EXIT_USAGE)
    return measures.id

"""`ita-tui move FILE ID --before/--after/--to/--up/--down`: put an item or a section elsewhere."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ita_tui.commands.editing import add_file_argument, editing, place_of, report

if TYPE_CHECKING:
    from ita_tui.cli_parser import ItaParser

SUMMARY = "cli.move.summary"
HELP = "cli.move.help"


def add_arguments(parser: ItaParser) -> None:
    add_file_argument(parser)
    parser.add_argument("id", metavar="ID", help=parser.tr("cli.move.id"))
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--before", metavar="ID", help=parser.tr("cli.move.before"))
    where.add_argument("--after", metavar="ID", help=parser.tr("cli.move.after"))
    where.add_argument("--to", metavar="SECTION", help=parser.tr("cli.move.to"))
    where.add_argument("--up", action="store_true", help=parser.tr("cli.move.up"))
    where.add_argument("--down", action="store_true", help=parser.tr("cli.move.down"))


def run(args: argparse.Namespace) -> int:
    from ita_tui.console import say
    from ita_tui.i18n import t

    with editing(args.file, args.lang) as session:
        if session.checklist.find(args.id) is not None:
            _move_item(session, args)
        elif any(s.id == args.id for s in session.checklist.sections):
            _move_section(session, args)
        else:
            raise session.unknown(args.id)
    code = report(session)
    if session.made and session.checklist.find(args.id) is not None:
        say(t("cli.now", session.lang, id=args.id, place=place_of(session.checklist, args.id, session.lang)))
    return code


def _move_item(session: object, args: argparse.Namespace) -> None:
    from ita_tui import authoring
    from ita_tui.commands.editing import Editing

    assert isinstance(session, Editing)
    checklist = session.checklist
    if args.up or args.down:
        session.do(lambda: authoring.move_item_by(checklist, args.id, -1 if args.up else 1))
        return
    if args.to is not None:
        session.section(args.to)
    else:
        session.item(args.before or args.after)
    session.do(
        lambda: authoring.move_item(
            checklist, args.id, before=args.before, after=args.after, to_section=args.to
        )
    )


def _move_section(session: object, args: argparse.Namespace) -> None:
    from ita_tui import authoring
    from ita_tui.commands.editing import Editing
    from ita_tui.errors import EXIT_USAGE, UserError
    from ita_tui.i18n import t

    assert isinstance(session, Editing)
    checklist = session.checklist
    if args.up or args.down:
        session.do(lambda: authoring.move_section(checklist, args.id, -1 if args.up else 1))
        return
    if args.to is not None:
        raise UserError(t("cli.to_is_for_items", session.lang), EXIT_USAGE)
    anchor = session.section(args.before or args.after)
    origin = checklist.sections.index(session.section(args.id))
    index = checklist.sections.index(anchor) + (1 if args.after else 0)
    session.do(lambda: authoring.move_section_to(checklist, args.id, index - (1 if index > origin else 0)))

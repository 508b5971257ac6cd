"""`ita-tui remove FILE ID`: remove an item, or a section with its items."""

from __future__ import annotations

import argparse

from ita_tui.commands.editing import add_file_argument, editing, report
from ita_tui.errors import EXIT_USAGE, UserError

HELP = (
    "Remove an item (its block and the comments above it leave the file), or a section with its items "
    "(--force when it still holds items, or when it would leave an ITA group without indicators), and save."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_file_argument(parser)
    parser.add_argument("id", metavar="ID", help="the item's id (or a section's id)")
    parser.add_argument(
        "--force",
        action="store_true",
        help="remove a section that still holds items, or the last indicator of an ITA group",
    )


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

"""`ita-tui move FILE ID --before/--after/--to/--up/--down`: put an item or a section elsewhere."""

from __future__ import annotations

import argparse

from ita_tui.commands.editing import add_file_argument, editing, place_of, report

HELP = (
    "Move an item before or after another item, to the end of another section (--to), or one place "
    "up or down; or move a section (ID a section's id) before or after another, up or down. "
    "Its block moves in the file with its comments."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_file_argument(parser)
    parser.add_argument("id", metavar="ID", help="the item's (or section's) id")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--before", metavar="ID", help="right before this item (or section)")
    where.add_argument("--after", metavar="ID", help="right after this item (or section)")
    where.add_argument("--to", metavar="SECTION", help="to the end of this section (items only)")
    where.add_argument("--up", action="store_true", help="one place up")
    where.add_argument("--down", action="store_true", help="one place down")


def run(args: argparse.Namespace) -> int:
    from ita_tui.i18n import t
    from ita_tui.sanitize import clean_line

    with editing(args.file, args.lang) as session:
        if session.checklist.find(args.id) is not None:
            _move_item(session, args)
        elif any(s.id == args.id for s in session.checklist.sections):
            _move_section(session, args)
        else:
            raise session.unknown(args.id)
    code = report(session)
    if session.made and session.checklist.find(args.id) is not None:
        print(
            clean_line(
                t(
                    "cli.now",
                    session.lang,
                    id=args.id,
                    place=place_of(session.checklist, args.id, session.lang),
                )
            )
        )
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

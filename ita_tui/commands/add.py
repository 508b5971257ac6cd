"""`ita-tui add FILE TITLE`: add an item, a section (--section) or an official indicator (--indicator)."""

from __future__ import annotations

import argparse

from ita_tui.commands.editing import add_field_argument, add_file_argument, editing, parse_field, report
from ita_tui.errors import EXIT_USAGE, UserError

HELP = (
    "Add an item (to the measures section, or --to SECTION, or --after ITEM), a section (--section), "
    "or indicator N of the year's official table (--indicator N), and save."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_file_argument(parser)
    parser.add_argument("title", nargs="?", metavar="TITLE", help="the new item's (or section's) title")
    parser.add_argument("--to", metavar="SECTION", help="the section to add the item to (at its end)")
    parser.add_argument(
        "--after", metavar="ID", help="put it right after this item (or, with --section, this section)"
    )
    parser.add_argument("--id", metavar="ID", help="its id (default: the next free one, e.g. M7)")
    add_field_argument(parser, "a detail field of the new item")
    parser.add_argument(
        "--section", action="store_true", help="add a section titled TITLE instead of an item"
    )
    parser.add_argument("--group", choices=("IIT", "EIT", "OIT"), help="with --section: its ITA group")
    parser.add_argument(
        "--indicator", type=int, metavar="N", help="add indicator N (1-10) with its official title"
    )


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

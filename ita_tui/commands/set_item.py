"""`ita-tui set FILE [ID] ...`: change an item, a section or the checklist, saving as the app does."""

from __future__ import annotations

import argparse
import functools
from datetime import date

from ita_tui.commands.editing import add_field_argument, add_file_argument, editing, parse_field, report
from ita_tui.errors import EXIT_USAGE, UserError

HELP = (
    "Change one item (status, note, score, due date, title, id, detail fields), a section's title, or, "
    "without ID, the checklist's own fields; then save (only the changed lines change; a change of "
    "status, note, score or due date also writes 'updated')."
)

# The checklist's own fields (option names are their keys): set without an ID; --title too.
CHECKLIST_OPTIONS = ("organization", "fiscal_year", "description", "language")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_file_argument(parser)
    parser.add_argument(
        "item_id",
        metavar="ID",
        nargs="?",
        help="the item's id, e.g. I3 or M1 (or a section's id); none for the checklist's own fields",
    )
    parser.add_argument(
        "--status",
        help="not-started, in-progress or done (Thai names work too: ดำเนินการแล้วเสร็จ ...)",
    )
    parser.add_argument("--note", help="replace the item's notes with TEXT", metavar="TEXT")
    parser.add_argument(
        "--score", help="the indicator's score, 0-100 (Thai digits work); 'none' clears it", metavar="N"
    )
    parser.add_argument(
        "--due",
        metavar="DATE",
        help="the due date: 15/12/2569, '15 ธ.ค. 2569', 2026-12-15, +7 (days from today); '' clears it",
    )
    parser.add_argument(
        "--title", metavar="TEXT", help="the item's, section's or (without ID) checklist's title"
    )
    parser.add_argument("--rename", metavar="NEW_ID", help="give the item a new id")
    add_field_argument(parser, "set a detail field")
    parser.add_argument("--organization", metavar="TEXT", help="the checklist's organization (no ID)")
    parser.add_argument(
        "--fiscal-year",
        dest="fiscal_year",
        metavar="YEAR",
        help="the checklist's fiscal year, Buddhist Era: 2570 or ๒๕๗๐ (no ID)",
    )
    parser.add_argument("--description", metavar="TEXT", help="the checklist's description (no ID)")
    parser.add_argument("--language", metavar="th|en", help="the checklist's language; '' removes it (no ID)")


def parse_score(text: str) -> float | None:
    """A score from the command line: a number 0–100 in Arabic or Thai digits, or 'none'."""
    from ita_tui.edits import parse_score as parse_typed_score

    try:
        score = parse_typed_score(text)
    except ValueError as error:
        raise UserError(f"--score: {error}", EXIT_USAGE) from None
    if score is not None and not 0 <= score <= 100:
        raise UserError(f"--score: {score:g} is outside 0-100", EXIT_USAGE)
    return score


def parse_due(text: str) -> date | None:
    """A due date from the command line (see ita_tui.dates); empty, 'none' or '-' clear it."""
    from ita_tui import dates

    try:
        return dates.parse_due(text, dates.bangkok_today())
    except dates.DateError as error:
        raise UserError(f"--due: {error}", EXIT_USAGE) from None


def _item_options(args: argparse.Namespace) -> bool:
    values = (args.status, args.note, args.score, args.due, args.rename)
    return any(v is not None for v in values) or bool(args.field)


def _checklist_options(args: argparse.Namespace) -> list[str]:
    return [option for option in CHECKLIST_OPTIONS if getattr(args, option) is not None]


def _check_usage(args: argparse.Namespace) -> None:
    """Refuse option mixes that name no change, or that need an ID (or none), before reading the file."""
    if args.item_id is None:
        if _item_options(args):
            raise UserError(
                "ita-tui set: --status, --note, --score, --due, --rename and --field need an ID", EXIT_USAGE
            )
        if not _checklist_options(args) and args.title is None:
            raise UserError(
                "ita-tui set: nothing to change (give ID with --status, --note, --score, --due, --title, "
                "--rename or --field; or, for the checklist, --title, --organization, --fiscal-year, "
                "--description or --language)",
                EXIT_USAGE,
            )
    elif _checklist_options(args):
        option = "--" + _checklist_options(args)[0].replace("_", "-")
        raise UserError(f"ita-tui set: {option} sets the checklist's own field: give no ID", EXIT_USAGE)
    elif not _item_options(args) and args.title is None:
        raise UserError(
            "ita-tui set: nothing to change "
            "(give --status, --note, --score, --due, --title, --rename or --field)",
            EXIT_USAGE,
        )


def run(args: argparse.Namespace) -> int:
    from ita_tui.model import Status

    _check_usage(args)
    status = None
    if args.status is not None:
        status = Status.parse(args.status)
        if status is None:
            known = ", ".join(s.value for s in Status)
            raise UserError(f"--status: unknown status {args.status!r} (use one of {known})", EXIT_USAGE)
    score = parse_score(args.score) if args.score is not None else None
    due = parse_due(args.due) if args.due is not None else None

    with editing(args.file, args.lang) as session:
        if args.item_id is None:
            _set_checklist(session, args)
        elif session.checklist.find(args.item_id) is None and any(
            s.id == args.item_id for s in session.checklist.sections
        ):
            _set_section(session, args)
        else:
            _set_item(session, args, status, score, due)
    return report(session)


def _set_checklist(session: object, args: argparse.Namespace) -> None:
    from ita_tui import authoring
    from ita_tui.commands.editing import Editing

    assert isinstance(session, Editing)
    for option in [*(["title"] if args.title is not None else []), *_checklist_options(args)]:
        value = str(getattr(args, option))
        session.do(functools.partial(authoring.set_checklist_field, session.checklist, option, value))


def _set_section(session: object, args: argparse.Namespace) -> None:
    from ita_tui import authoring
    from ita_tui.commands.editing import Editing

    assert isinstance(session, Editing)
    if _item_options(args):
        raise UserError(f"ita-tui set: {args.item_id} is a section: only --title applies", EXIT_USAGE)
    session.do(lambda: authoring.set_section_title(session.checklist, args.item_id, args.title))


def _set_item(
    session: object, args: argparse.Namespace, status: object, score: float | None, due: date | None
) -> None:
    from ita_tui import authoring, edits
    from ita_tui.commands.editing import Editing
    from ita_tui.model import Status
    from ita_tui.sanitize import clean_text

    assert isinstance(session, Editing)
    checklist = session.checklist
    item = session.item(args.item_id)
    when = edits.now()
    if isinstance(status, Status):
        session.do(lambda: edits.set_status(item, status, when))
    if args.note is not None:
        session.do(lambda: edits.set_notes(item, clean_text(args.note), when))
    if args.score is not None:
        session.do(lambda: edits.set_score(item, score, when))
    if args.due is not None:
        session.do(lambda: edits.set_due(item, due, when))
    if args.title is not None:
        session.do(lambda: authoring.set_item_title(checklist, item.id, args.title))
    for text in args.field:
        key, value = parse_field(text, session.lang)
        session.do(functools.partial(authoring.set_field, checklist, item.id, key, value))
    if args.rename is not None:
        session.do(lambda: authoring.rename_item(checklist, item.id, args.rename))

"""`ita-tui set FILE [ID] ...`: change an item, a section or the checklist, saving as the app does."""

from __future__ import annotations

import argparse
import functools
from datetime import date
from typing import TYPE_CHECKING

from ita_tui.commands.editing import add_field_argument, add_file_argument, editing, parse_field, report
from ita_tui.errors import EXIT_USAGE, UserError
from ita_tui.i18n import Message

if TYPE_CHECKING:
    from ita_tui.cli_parser import ItaParser

SUMMARY = "cli.set.summary"
HELP = "cli.set.help"

# The checklist's own fields (option names are their keys): set without an ID; --title too.
CHECKLIST_OPTIONS = ("organization", "fiscal_year", "description", "language")


def add_arguments(parser: ItaParser) -> None:
    add_file_argument(parser)
    parser.add_argument("item_id", metavar="ID", nargs="?", help=parser.tr("cli.set.id"))
    parser.add_argument("--status", metavar="S", help=parser.tr("cli.set.status"))
    parser.add_argument("--note", metavar="TEXT", help=parser.tr("cli.set.note"))
    parser.add_argument("--score", metavar="N", help=parser.tr("cli.set.score"))
    parser.add_argument("--due", metavar="DATE", help=parser.tr("cli.set.due"))
    parser.add_argument("--title", metavar="TEXT", help=parser.tr("cli.set.title"))
    parser.add_argument("--rename", metavar="NEW_ID", help=parser.tr("cli.set.rename"))
    add_field_argument(parser, "cli.set.field")
    parser.add_argument("--organization", metavar="TEXT", help=parser.tr("cli.set.organization"))
    parser.add_argument(
        "--fiscal-year", dest="fiscal_year", metavar="YEAR", help=parser.tr("cli.set.fiscal_year")
    )
    parser.add_argument("--description", metavar="TEXT", help=parser.tr("cli.set.description"))
    parser.add_argument("--language", metavar="th|en", help=parser.tr("cli.set.language"))


def parse_score(text: str) -> float | None:
    """A score from the command line: a number 0–100 in Arabic or Thai digits, or 'none'."""
    from ita_tui.edits import parse_score as parse_typed_score
    from ita_tui.thai import NumberError

    try:
        score = parse_typed_score(text)
    except NumberError as error:
        reason = Message.of(error.key, **error.fields)
        raise UserError(
            Message.of("cli.option_error", option="--score", message=reason), EXIT_USAGE
        ) from None
    if score is not None and not 0 <= score <= 100:
        raise UserError(Message.of("cli.set.score_range", score=f"{score:g}"), EXIT_USAGE)
    return score


def parse_due(text: str) -> date | None:
    """A due date from the command line (see ita_tui.dates); empty, 'none' or '-' clear it."""
    from ita_tui import dates

    try:
        return dates.parse_due(text, dates.bangkok_today())
    except dates.DateError as error:
        reason = Message.of(error.key, **error.fields)
        raise UserError(Message.of("cli.option_error", option="--due", message=reason), EXIT_USAGE) from None


def _item_options(args: argparse.Namespace) -> bool:
    values = (args.status, args.note, args.score, args.due, args.rename)
    return any(v is not None for v in values) or bool(args.field)


def _checklist_options(args: argparse.Namespace) -> list[str]:
    return [option for option in CHECKLIST_OPTIONS if getattr(args, option) is not None]


def _check_usage(args: argparse.Namespace) -> None:
    """Refuse option mixes that name no change, or that need an ID (or none), before reading the file."""
    if args.item_id is None:
        if _item_options(args):
            raise UserError(Message.of("cli.set.needs_id"), EXIT_USAGE)
        if not _checklist_options(args) and args.title is None:
            raise UserError(Message.of("cli.set.nothing_at_all"), EXIT_USAGE)
    elif _checklist_options(args):
        option = "--" + _checklist_options(args)[0].replace("_", "-")
        raise UserError(Message.of("cli.set.no_id_for", option=option), EXIT_USAGE)
    elif not _item_options(args) and args.title is None:
        raise UserError(Message.of("cli.set.nothing_given"), EXIT_USAGE)


def run(args: argparse.Namespace) -> int:
    from ita_tui.model import Status

    _check_usage(args)
    status = None
    if args.status is not None:
        status = Status.parse(args.status)
        if status is None:
            known = ", ".join(s.value for s in Status)
            raise UserError(Message.of("cli.unknown_status", text=args.status, known=known), EXIT_USAGE)
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
        raise UserError(Message.of("cli.set.section_title_only", id=args.item_id), EXIT_USAGE)
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
        refusal = edits.score_refusal(item, score)
        if refusal is not None:
            raise UserError(Message.of("cli.option_error", option="--score", message=refusal), EXIT_USAGE)
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

"""`ita-tui set FILE ID ...`: change one item from a script, saving as the app does."""

from __future__ import annotations

import argparse
import difflib
from datetime import date
from typing import TYPE_CHECKING

from ita_tui.errors import EXIT_USAGE, UserError
from ita_tui.i18n import Message

if TYPE_CHECKING:
    from ita_tui.cli_parser import ItaParser

SUMMARY = "cli.set.summary"
HELP = "cli.set.help"


def add_arguments(parser: ItaParser) -> None:
    parser.add_argument("file", metavar="FILE", help=parser.tr("cli.file_help"))
    parser.add_argument("item_id", metavar="ID", help=parser.tr("cli.set.id"))
    parser.add_argument("--status", metavar="S", help=parser.tr("cli.set.status"))
    parser.add_argument("--note", metavar="TEXT", help=parser.tr("cli.set.note"))
    parser.add_argument("--score", metavar="N", help=parser.tr("cli.set.score"))
    parser.add_argument("--due", metavar="DATE", help=parser.tr("cli.set.due"))


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


def _unknown_id(item_id: str, ids: list[str], file: str) -> UserError:
    # Compare case-blind: someone typing "i3" means "I3".
    by_folded = {ident.casefold(): ident for ident in ids}
    folded = item_id.casefold()
    if folded in by_folded:
        near = [by_folded[folded]]
    else:
        near = [by_folded[m] for m in difflib.get_close_matches(folded, list(by_folded), n=5, cutoff=0.5)]
    if near:
        return UserError(Message.of("cli.set.unknown_id_near", file=file, id=item_id, near=", ".join(near)))
    return UserError(Message.of("cli.set.unknown_id", file=file, id=item_id, ids=", ".join(ids[:12])))


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ita_tui import edits
    from ita_tui.checklist_file import load
    from ita_tui.console import say
    from ita_tui.fs.locking import file_lock
    from ita_tui.i18n import status_label
    from ita_tui.model import Status
    from ita_tui.sanitize import clean_text
    from ita_tui.saving import save

    lang = args.ui_lang
    if all(value is None for value in (args.status, args.note, args.score, args.due)):
        raise UserError(Message.of("cli.set.nothing_given"), EXIT_USAGE)
    status = None
    if args.status is not None:
        status = Status.parse(args.status)
        if status is None:
            known = ", ".join(s.value for s in Status)
            raise UserError(Message.of("cli.unknown_status", text=args.status, known=known), EXIT_USAGE)
    score = parse_score(args.score) if args.score is not None else None
    due = parse_due(args.due) if args.due is not None else None

    # Load, change and save under the file's lock, so a concurrent `set` cannot slip in between
    # (a FIFO or a device is refused before the lock is even looked at: file_lock checks first).
    with file_lock(Path(args.file)):
        loaded = load(args.file)
        item = loaded.checklist.find(args.item_id)
        if item is None:
            raise _unknown_id(args.item_id, [i.id for i in loaded.checklist.items()], args.file)
        refusal = edits.score_refusal(item, score) if args.score is not None else None
        if refusal is not None:
            raise UserError(Message.of("cli.option_error", option="--score", message=refusal), EXIT_USAGE)
        when = edits.now()
        changes = [
            status is not None and edits.set_status(item, status, when),
            args.note is not None and edits.set_notes(item, clean_text(args.note), when),
            args.score is not None and edits.set_score(item, score, when),
            args.due is not None and edits.set_due(item, due, when),
        ]
        if not any(changes):
            say(Message.of("cli.set.unchanged", id=item.id).render(lang))
            return 0
        save(loaded)
    # English names the status by its key, as scripts write it; Thai by its name.
    shown = status_label(item.status, lang) if lang == "th" else item.status.value
    say(Message.of("cli.set.saved", id=item.id, status=shown).render(lang))
    return 0

"""`ita-tui set FILE ID ...`: change one item from a script, saving as the app does."""

from __future__ import annotations

import argparse
import difflib
from datetime import date

from ita_tui.errors import EXIT_USAGE, UserError

HELP = (
    "Change one item's status, note, score or due date and save (only that item's lines change; "
    "a real change also writes 'updated')."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the checklist file")
    parser.add_argument("item_id", metavar="ID", help="the item's id, e.g. I3 or M1")
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


def _unknown_id(item_id: str, ids: list[str], file: str) -> UserError:
    # Compare case-blind: someone typing "i3" means "I3".
    by_folded = {ident.casefold(): ident for ident in ids}
    folded = item_id.casefold()
    if folded in by_folded:
        near = [by_folded[folded]]
    else:
        near = [by_folded[m] for m in difflib.get_close_matches(folded, list(by_folded), n=5, cutoff=0.5)]
    hint = f"; did you mean {', '.join(near)}?" if near else f"; ids are {', '.join(ids[:12])}"
    return UserError(f"{file}: no item with id {item_id!r}{hint}", EXIT_USAGE)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ita_tui import edits
    from ita_tui.checklist_file import load
    from ita_tui.fs.locking import file_lock
    from ita_tui.model import Status
    from ita_tui.sanitize import clean_line, clean_text
    from ita_tui.saving import save

    if all(value is None for value in (args.status, args.note, args.score, args.due)):
        raise UserError(
            "ita-tui set: nothing to change (give --status, --note, --score or --due)", EXIT_USAGE
        )
    status = None
    if args.status is not None:
        status = Status.parse(args.status)
        if status is None:
            known = ", ".join(s.value for s in Status)
            raise UserError(f"--status: unknown status {args.status!r} (use one of {known})", EXIT_USAGE)
    score = parse_score(args.score) if args.score is not None else None
    due = parse_due(args.due) if args.due is not None else None

    # Load, change and save under the file's lock, so a concurrent `set` cannot slip in between
    # (a FIFO or a device is refused before the lock is even looked at: file_lock checks first).
    with file_lock(Path(args.file)):
        loaded = load(args.file)
        item = loaded.checklist.find(args.item_id)
        if item is None:
            raise _unknown_id(args.item_id, [i.id for i in loaded.checklist.items()], args.file)
        when = edits.now()
        changes = [
            status is not None and edits.set_status(item, status, when),
            args.note is not None and edits.set_notes(item, clean_text(args.note), when),
            args.score is not None and edits.set_score(item, score, when),
            args.due is not None and edits.set_due(item, due, when),
        ]
        if not any(changes):
            print(clean_line(f"{item.id}: nothing to change"))
            return 0
        save(loaded)
    print(clean_line(f"{item.id}: saved ({item.status.value})"))
    return 0

"""`ita-tui evidence FILE ID`: list an item's evidence, or add, edit or remove one, and save."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Literal

from ita_tui.commands.editing import add_file_argument, editing, report
from ita_tui.errors import EXIT_USAGE, UserError
from ita_tui.i18n import Message

if TYPE_CHECKING:
    from datetime import date

    from ita_tui.cli_parser import ItaParser
    from ita_tui.commands.editing import Editing
    from ita_tui.i18n import Lang
    from ita_tui.model import Evidence, Item

SUMMARY = "cli.evidence.summary"
HELP = "cli.evidence.help"

_CLEAR = ("", "none", "-")
Kind = Literal["url", "path"]


def add_arguments(parser: ItaParser) -> None:
    """FILE ID, one of --add-url/--add-path/--edit/--remove, and what goes with them."""
    add_file_argument(parser)
    parser.add_argument("item_id", metavar="ID", help=parser.tr("cli.evidence.id"))
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--add-url", metavar="URL", help=parser.tr("cli.evidence.add_url"))
    # FILE, as every file is named in a usage line (the checklist is the first FILE).
    action.add_argument("--add-path", metavar="FILE", help=parser.tr("cli.evidence.add_path"))
    action.add_argument("--edit", type=int, metavar="N", help=parser.tr("cli.evidence.edit"))
    action.add_argument("--remove", type=int, metavar="N", help=parser.tr("cli.evidence.remove"))
    parser.add_argument("--url", metavar="URL", help=parser.tr("cli.evidence.url"))
    parser.add_argument("--path", metavar="FILE", help=parser.tr("cli.evidence.path"))
    parser.add_argument("--label", metavar="TEXT", help=parser.tr("cli.evidence.label"))
    parser.add_argument("--published", metavar="DATE", help=parser.tr("cli.evidence.published"))


def run(args: argparse.Namespace) -> int:
    _check_options(args)
    with editing(args.file, args.lang) as session:
        item = session.item(args.item_id)
        if args.add_url is None and args.add_path is None and args.edit is None and args.remove is None:
            _list(item, session.lang)
            return 0
        _change(session, item, args)
    return report(session)


def _check_options(args: argparse.Namespace) -> None:
    adding = args.add_url is not None or args.add_path is not None
    if (args.url is not None or args.path is not None) and args.edit is None:
        raise UserError(Message.of("cli.evidence.url_needs_edit"), EXIT_USAGE)
    if args.url is not None and args.path is not None:
        raise UserError(Message.of("cli.evidence.url_or_path"), EXIT_USAGE)
    if (args.label is not None or args.published is not None) and not (adding or args.edit is not None):
        raise UserError(Message.of("cli.evidence.label_needs_action"), EXIT_USAGE)


def _change(session: Editing, item: Item, args: argparse.Namespace) -> None:
    from pathlib import Path

    from ita_tui import evidence_edits

    checklist = session.checklist
    if args.remove is not None:
        session.do(lambda: evidence_edits.remove_evidence(checklist, item.id, args.remove - 1))
        return
    folder = Path(args.file).resolve().parent
    kind: Kind
    if args.edit is None:
        if args.add_url is not None:
            kind, address = "url", args.add_url
        else:
            kind, address = "path", evidence_edits.stored_path(args.add_path, Path.cwd(), folder)
        published = _published(args.published, session.lang) if args.published is not None else None
        entry = _entry(session, f"--add-{kind}", kind, address, args.label or "", published)
        session.do(lambda: evidence_edits.add_evidence(checklist, item.id, entry))
        return
    index = args.edit - 1
    old = _numbered(session, item, index)
    if args.url is not None:
        kind, address = "url", args.url
    elif args.path is not None:
        kind, address = "path", evidence_edits.stored_path(args.path, Path.cwd(), folder)
    else:
        kind, address = ("url" if old.is_url else "path"), old.address
    label = (old.label or "") if args.label is None else args.label
    published = old.published if args.published is None else _published(args.published, session.lang)
    entry = _entry(session, f"--{kind}", kind, address, label, published)
    session.do(lambda: evidence_edits.replace_evidence(checklist, item.id, index, entry))


def _numbered(session: Editing, item: Item, index: int) -> Evidence:
    from ita_tui.i18n import t

    if not 0 <= index < len(item.evidence):
        message = t("evidence.bad.number", session.lang, number=index + 1, count=len(item.evidence))
        raise UserError(f"{session.file}: {message}", EXIT_USAGE)
    return item.evidence[index]


def _entry(
    session: Editing, option: str, kind: Kind, address: str, label: str, published: date | None
) -> Evidence:
    """The entry to write, checked as the app checks it (a url must be a web address)."""
    from ita_tui.authoring import AuthoringError
    from ita_tui.evidence_edits import make_evidence

    try:
        return make_evidence(address, label, published, kind=kind)
    except AuthoringError as error:
        raise UserError(f"{option}: {error.message.render(session.lang)}", EXIT_USAGE) from None


def _published(text: str, lang: Lang) -> date | None:
    """The --published date; None (clear it) for 'none', '-' or nothing."""
    if text.strip().lower() in _CLEAR:
        return None
    from ita_tui.dates import DateError, bangkok_today, parse_date
    from ita_tui.i18n import t

    try:
        return parse_date(text, bangkok_today())
    except DateError as error:
        raise UserError(f"--published: {t(error.key, lang, **error.fields)}", EXIT_USAGE) from None


def _list(item: Item, lang: Lang) -> None:
    from ita_tui.i18n import t
    from ita_tui.sanitize import clean_line
    from ita_tui.thai import format_date

    print(clean_line(f"{item.id} {item.title}"))
    if not item.evidence:
        print(t("evidence.cli.none", lang))
    for number, entry in enumerate(item.evidence, 1):
        parts = [f"{entry.label} — {entry.address}" if entry.label else entry.address]
        if entry.published is not None:
            parts.append(t("evidence.published", lang, date=format_date(entry.published, lang)))
        print(clean_line(f"  {number}. " + " · ".join(parts)))

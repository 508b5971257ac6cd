"""`ita-tui export FILE --format F`: write a summary of a checklist."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from ita_tui.errors import EXIT_USAGE, UserError
from ita_tui.i18n import Message
from ita_tui.model import Status

if TYPE_CHECKING:
    from pathlib import Path

    from ita_tui.cli_parser import ItaParser
    from ita_tui.exports.options import ExportOptions
    from ita_tui.i18n import Lang
    from ita_tui.model import Checklist

MIN_WIDTH = 20

SUMMARY = "cli.export.summary"
HELP = "cli.export.help"


def add_arguments(parser: ItaParser) -> None:
    from ita_tui.cli_parser import whole_number
    from ita_tui.exports.registry import FORMATS
    from ita_tui.i18n import CATALOGUE

    parser.add_argument("file", metavar="FILE", help=parser.tr("cli.file_help"))
    described = {name: f"app.export.format.{name}" for name in FORMATS}
    formats = "; ".join(
        f"{name}: {parser.tr(key) if key in CATALOGUE else FORMATS[name].description}"
        for name, key in described.items()
    )
    parser.add_argument(
        "--format",
        "-f",
        default="text",
        choices=list(FORMATS),
        help=parser.tr("cli.export.format", formats=formats),
    )
    parser.add_argument(
        "--width",
        type=whole_number(0),
        default=None,
        metavar="N",
        help=parser.tr("cli.export.width"),
    )
    parser.add_argument("-o", "--output", metavar="OUT", help=parser.tr("cli.export.output"))
    parser.add_argument("--force", action="store_true", help=parser.tr("cli.force_help"))
    parser.add_argument(
        "--to", action="append", default=[], metavar="ADDRESS", help=parser.tr("cli.export.to")
    )
    parser.add_argument(
        "--cc", action="append", default=[], metavar="ADDRESS", help=parser.tr("cli.export.cc")
    )
    parser.add_argument("--check-links", action="store_true", help=parser.tr("cli.export.check_links"))
    parser.add_argument("--subject", metavar="TEXT", help=parser.tr("cli.export.subject"))
    add_filter_arguments(parser)


def add_filter_arguments(parser: ItaParser) -> None:
    """--status, --full, --thai-digits, --owner, --overdue and --due-within, shared with `show`
    (--lang is every command's)."""
    parser.add_argument("--status", metavar="S[,S...]", help=parser.tr("cli.status_filter"))
    parser.add_argument("--full", action="store_true", help=parser.tr("cli.full"))
    parser.add_argument("--thai-digits", action="store_true", help=parser.tr("cli.thai_digits"))
    parser.add_argument("--owner", action="append", metavar="NAME", help=parser.tr("cli.owner"))
    parser.add_argument("--overdue", action="store_true", help=parser.tr("cli.overdue"))
    parser.add_argument("--due-within", metavar="DAYS", help=parser.tr("cli.due_within"))


# Words for several statuses at once: "open" is what a meeting asks about.
STATUS_GROUPS: dict[str, tuple[Status, ...]] = {
    "open": (Status.NOT_STARTED, Status.IN_PROGRESS),
    "all": tuple(Status),
}


def parse_statuses(text: str | None) -> frozenset[Status]:
    """The statuses named in a comma-separated --status value (all when None)."""
    if not text:
        return frozenset(Status)
    statuses: set[Status] = set()
    for part in text.split(","):
        if not part.strip():
            continue  # "done," or "done,,in-progress": a stray comma names nothing
        word = part.strip().lower()
        if word in STATUS_GROUPS:
            statuses.update(STATUS_GROUPS[word])
            continue
        status = Status.parse(part)
        if status is None:
            known = ", ".join([s.value for s in Status] + list(STATUS_GROUPS))
            raise UserError(Message.of("cli.unknown_status", text=part.strip(), known=known), EXIT_USAGE)
        statuses.add(status)
    if not statuses:
        raise UserError(Message.of("cli.no_status"), EXIT_USAGE)
    return frozenset(statuses)


# Formats whose --width may be 0: paragraphs left on one line for the reader's window to wrap.
UNWRAPPED_OK = frozenset({"text", "eml"})


def options_from(
    args: argparse.Namespace, checklist: Checklist, width: int, *, unwrapped_ok: bool = False
) -> ExportOptions:
    """The export options the command line asks for (shared with `show`)."""
    from ita_tui.exports.options import ExportOptions
    from ita_tui.i18n import resolve_lang

    if width < MIN_WIDTH and not (width == 0 and unwrapped_ok):
        raise UserError(Message.of("cli.width_too_small", minimum=MIN_WIDTH), EXIT_USAGE)
    due_within = parse_days(args.due_within)
    options = ExportOptions(
        width=width,
        statuses=parse_statuses(args.status),
        full=args.full,
        lang=resolve_lang(args.lang, checklist.language),
        thai_digits=args.thai_digits,
        owners=parse_owners(args.owner),
        overdue=args.overdue,
        due_within=due_within,
    )
    return options if due_within is None else replace(options, soon_days=due_within)


def parse_days(text: str | None) -> int | None:
    """--due-within: a whole number of days, 0 or more (Thai digits work); None when not given."""
    if text is None:
        return None
    from ita_tui.thai import NumberError, parse_int

    try:
        days = parse_int(text)
    except NumberError as error:
        reason = Message.of(error.key, **error.fields)
        raise UserError(
            Message.of("cli.option_error", option="--due-within", message=reason), EXIT_USAGE
        ) from None
    if days < 0:
        raise UserError(Message.of("cli.due_within_negative", days=days), EXIT_USAGE)
    return days


def parse_owners(names: list[str] | None) -> tuple[str, ...]:
    """--owner NAME (repeatable, or NAME,NAME): the owner names to keep; an empty one is refused."""
    owners = tuple(part.strip() for name in names or () for part in name.split(",") if part.strip())
    if names and not owners:
        raise UserError(Message.of("cli.owner_empty"), EXIT_USAGE)
    return owners


def check_filters(args: argparse.Namespace) -> None:
    """Usage errors in the filter options, before the file is even read."""
    parse_statuses(args.status)
    parse_days(args.due_within)
    parse_owners(args.owner)


def mail_headers(args: argparse.Namespace) -> tuple[tuple[str, ...], tuple[str, ...], str | None]:
    """--to, --cc and --subject checked before the file is read (eml only)."""
    from ita_tui.exports.eml import split_addresses
    from ita_tui.i18n import resolve_lang, t

    lang = resolve_lang(args.lang, None)
    given = {"--to": args.to, "--cc": args.cc, "--subject": args.subject}
    if args.format != "eml":
        for option, value in given.items():
            if value:
                raise UserError(t("email.only_eml", lang, option=option), EXIT_USAGE)
        return (), (), None
    return (
        split_addresses(args.to, "--to", lang),
        split_addresses(args.cc, "--cc", lang),
        args.subject or None,
    )


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace
    from pathlib import Path

    from ita_tui.checklist_file import load_checklist
    from ita_tui.console import say
    from ita_tui.exports.destination import check_target
    from ita_tui.exports.registry import FORMATS, render

    check_filters(args)  # usage errors before the file is even read
    to, cc, subject = mail_headers(args)
    if args.output not in (None, "-"):
        check_target(Path(args.output), force=args.force)  # before the work, not after it
    checklist = load_checklist(args.file)
    width = FORMATS[args.format].default_width if args.width is None else args.width
    options = options_from(args, checklist, width, unwrapped_ok=args.format in UNWRAPPED_OK)
    if args.output == "-" and FORMATS[args.format].binary and sys.stdout.isatty():
        raise UserError(
            f"--format {args.format}: a {args.format} file is not text; "
            "give -o PATH, or send it to a file or a pipe",
            EXIT_USAGE,
        )
    options = replace(options, to=to, cc=cc, subject=subject)
    if args.check_links:
        from ita_tui.commands.check_links import check_checklist
        from ita_tui.link_results import by_address

        lang: Lang = "th" if options.lang == "th" else "en"
        results = check_checklist(checklist, Path(args.file), lang)
        options = replace(options, link_results=by_address(results))
    data = render(checklist, args.format, options)
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    target = write(data, args.output, Path(args.file).stem, args.format, args.force, source=Path(args.file))
    say(str(target))
    return 0


def write(
    data: bytes, output: str | None, stem: str, fmt: str, force: bool, *, source: Path | None = None
) -> Path:
    """Write *data* to *output*, or without one to ./exports/<stem>-<date>.<ext>; the path written.

    Never onto *source*, the checklist exported, whatever path *output* takes to it.
    """
    from datetime import date
    from pathlib import Path

    from ita_tui.errors import os_reason
    from ita_tui.exports.destination import FileTakenError, default_path, refuse_onto_input, write_new

    if output:
        target = Path(output)
        if source is not None:
            refuse_onto_input(target, source)
        write_new(target, data, overwrite=force)
        return target
    folder = Path("exports")
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        reason = os_reason(error)
        raise UserError(Message.of("cli.cannot_create_folder", path=str(folder), reason=reason)) from None
    while True:
        target = default_path(folder, stem, fmt, date.today())
        try:
            write_new(target, data)
            return target
        except FileTakenError:
            continue  # another export took the name meanwhile: take the next suffix

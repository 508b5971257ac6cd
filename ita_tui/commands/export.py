"""`ita-tui export FILE --format F`: write a summary of a checklist."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ita_tui.errors import EXIT_USAGE, UserError
from ita_tui.i18n import Message
from ita_tui.model import Status

if TYPE_CHECKING:
    from pathlib import Path

    from ita_tui.cli_parser import ItaParser
    from ita_tui.exports.options import ExportOptions
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
        type=whole_number(MIN_WIDTH),
        default=None,
        metavar="N",
        help=parser.tr("cli.export.width"),
    )
    parser.add_argument("-o", "--output", metavar="OUT", help=parser.tr("cli.export.output"))
    parser.add_argument("--force", action="store_true", help=parser.tr("cli.force_help"))
    parser.add_argument("--box", action="store_true", help=parser.tr("cli.export.box"))
    add_filter_arguments(parser)


def add_filter_arguments(parser: ItaParser) -> None:
    """--status, --full and --thai-digits, shared with `show` (--lang is every command's)."""
    parser.add_argument("--status", metavar="S[,S...]", help=parser.tr("cli.status_filter"))
    parser.add_argument("--full", action="store_true", help=parser.tr("cli.full"))
    parser.add_argument("--thai-digits", action="store_true", help=parser.tr("cli.thai_digits"))


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


def options_from(args: argparse.Namespace, checklist: Checklist, width: int) -> ExportOptions:
    """The export options the command line asks for (shared with `show`)."""
    from ita_tui.exports.options import ExportOptions
    from ita_tui.i18n import resolve_lang

    if width < MIN_WIDTH:
        raise UserError(Message.of("cli.width_too_small", minimum=MIN_WIDTH), EXIT_USAGE)
    return ExportOptions(
        width=width,
        statuses=parse_statuses(args.status),
        full=args.full,
        lang=resolve_lang(args.lang, checklist.language),
        box=getattr(args, "box", False),
        thai_digits=args.thai_digits,
    )


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ita_tui.checklist_file import load_checklist
    from ita_tui.console import say
    from ita_tui.exports.destination import check_target
    from ita_tui.exports.registry import FORMATS, render

    parse_statuses(args.status)  # a usage error before the file is even read
    if args.output not in (None, "-"):
        check_target(Path(args.output), force=args.force)  # before the work, not after it
    checklist = load_checklist(args.file)
    options = options_from(args, checklist, args.width or FORMATS[args.format].default_width)
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

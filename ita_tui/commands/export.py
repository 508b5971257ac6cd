"""`ita-tui export FILE --format F`: write a summary of a checklist."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from ita_tui.errors import EXIT_USAGE, UserError
from ita_tui.model import Status

if TYPE_CHECKING:
    from pathlib import Path

    from ita_tui.exports.options import ExportOptions
    from ita_tui.model import Checklist

MIN_WIDTH = 20

HELP = (
    "Write a summary of a checklist. Without -o it goes to ./exports/<file>-<date>.<ext>, "
    "never overwriting an earlier one."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ita_tui.exports.registry import FORMATS

    parser.add_argument("file", metavar="FILE", help="the checklist file")
    parser.add_argument(
        "--format",
        "-f",
        default="text",
        choices=list(FORMATS),
        help="; ".join(f"{name}: {spec.description}" for name, spec in FORMATS.items()) + " (default: text)",
    )
    parser.add_argument(
        "--width",
        type=int,
        default=None,
        metavar="N",
        help="line width in cells: text wraps to it (default 72; 0 leaves each paragraph on one line, "
        "as eml does), svg and ansi lay out to it (default 100)",
    )
    parser.add_argument("-o", "--output", metavar="PATH", help="where to write ('-' for standard output)")
    parser.add_argument("--force", action="store_true", help="overwrite PATH if it exists")
    parser.add_argument(
        "--to",
        action="append",
        default=[],
        metavar="ADDRESS",
        help="eml: a recipient (a@b.go.th or 'Name <a@b.go.th>'); repeat it or separate with commas",
    )
    parser.add_argument("--cc", action="append", default=[], metavar="ADDRESS", help="eml: a copy recipient")
    parser.add_argument(
        "--subject", metavar="TEXT", help="eml: the subject (default: the progress and the date, in --lang)"
    )
    add_filter_arguments(parser)


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """--status, --full, --lang, --thai-digits, --owner, --overdue and --due-within, shared with `show`."""
    parser.add_argument(
        "--status",
        metavar="S[,S...]",
        help="only items with these statuses: not-started, in-progress, done (Thai names work), "
        "or open (not done) or all",
    )
    parser.add_argument("--full", action="store_true", help="include every detail field")
    parser.add_argument(
        "--lang",
        choices=("th", "en"),
        default=None,
        help="language of labels and dates (default: the checklist's 'language', else from LANG)",
    )
    parser.add_argument(
        "--thai-digits", action="store_true", help="write numbers and dates with Thai digits (๐-๙) in Thai"
    )
    parser.add_argument(
        "--owner",
        action="append",
        metavar="NAME",
        help="only items whose owner (the 'responsible' field) contains NAME, e.g. กองคลัง; "
        "repeat for several; ทุกส่วนราชการ lists the items for every office",
    )
    parser.add_argument("--overdue", action="store_true", help="only open items past their due date")
    parser.add_argument(
        "--due-within",
        metavar="DAYS",
        help="only open items due within DAYS days (overdue ones included); also marks them due soon",
    )


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
            raise UserError(f"--status: unknown status {part.strip()!r} (use {known})", EXIT_USAGE)
        statuses.add(status)
    if not statuses:
        raise UserError("--status: name at least one status", EXIT_USAGE)
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
        raise UserError(f"--width: at least {MIN_WIDTH} cells", EXIT_USAGE)
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
    from ita_tui.thai import parse_int

    try:
        days = parse_int(text)
    except ValueError as error:
        raise UserError(f"--due-within: {error}", EXIT_USAGE) from None
    if days < 0:
        raise UserError(f"--due-within: {days} is below 0 (give a number of days from today)", EXIT_USAGE)
    return days


def parse_owners(names: list[str] | None) -> tuple[str, ...]:
    """--owner NAME (repeatable, or NAME,NAME): the owner names to keep; an empty one is refused."""
    owners = tuple(part.strip() for name in names or () for part in name.split(",") if part.strip())
    if names and not owners:
        raise UserError("--owner: give an owner's name, e.g. --owner กองคลัง", EXIT_USAGE)
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
    from ita_tui.exports.registry import FORMATS, render

    check_filters(args)  # usage errors before the file is even read
    to, cc, subject = mail_headers(args)
    checklist = load_checklist(args.file)
    width = FORMATS[args.format].default_width if args.width is None else args.width
    options = options_from(args, checklist, width, unwrapped_ok=args.format in UNWRAPPED_OK)
    if args.output == "-" and FORMATS[args.format].binary and sys.stdout.isatty():
        raise UserError(
            f"--format {args.format}: a {args.format} file is not text; "
            "give -o PATH, or send it to a file or a pipe",
            EXIT_USAGE,
        )
    data = render(checklist, args.format, replace(options, to=to, cc=cc, subject=subject))
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    target = write(data, args.output, Path(args.file).stem, args.format, args.force, source=Path(args.file))
    from ita_tui.sanitize import clean_line

    print(clean_line(str(target)))
    return 0


def write(
    data: bytes, output: str | None, stem: str, fmt: str, force: bool, *, source: Path | None = None
) -> Path:
    """Write *data* to *output*, or without one to ./exports/<stem>-<date>.<ext>; the path written.

    Never onto *source*, the checklist exported, whatever path *output* takes to it.
    """
    from datetime import date
    from pathlib import Path

    from ita_tui.exports.destination import FileTakenError, default_path, refuse_onto_input, write_new

    if output:
        target = Path(output)
        if target.is_dir():
            raise UserError(f"{target}: is a folder; give a file name", EXIT_USAGE)
        if source is not None:
            refuse_onto_input(target, source)
        write_new(target, data, overwrite=force)
        return target
    folder = Path("exports")
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise UserError(
            f"{folder}: cannot create the folder: {error.strerror or error}", EXIT_USAGE
        ) from None
    while True:
        target = default_path(folder, stem, fmt, date.today())
        try:
            write_new(target, data)
            return target
        except FileTakenError:
            continue  # another export took the name meanwhile: take the next suffix

"""`ita-tui export FILE --format F`: write a summary of a checklist."""

from __future__ import annotations

import argparse
import sys

from ita_tui.errors import EXIT_USAGE, UserError

HELP = (
    "Write a summary of a checklist. Without -o it goes to ./exports/<file>-<date>.<ext>, "
    "never overwriting an earlier one."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ita_tui.export import FORMATS

    parser.add_argument("file", metavar="FILE", help="the checklist file")
    parser.add_argument("--format", "-f", default="text", choices=sorted(FORMATS), help="output format")
    parser.add_argument("--width", type=int, default=72, metavar="N", help="line width in cells (default 72)")
    parser.add_argument("-o", "--output", metavar="PATH", help="where to write ('-' for standard output)")
    parser.add_argument("--force", action="store_true", help="overwrite PATH if it exists")
    add_filter_arguments(parser)


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """--status and --full, shared with `show`."""
    parser.add_argument(
        "--status",
        metavar="S[,S...]",
        help="only items with these statuses (not-started, in-progress, done; Thai names work)",
    )
    parser.add_argument("--full", action="store_true", help="include every detail field")


def parse_statuses(text: str | None) -> frozenset:  # type: ignore[type-arg]
    """The statuses named in a comma-separated --status value (all when None)."""
    from ita_tui.model import Status

    if not text:
        return frozenset(Status)
    statuses = set()
    for part in text.split(","):
        status = Status.parse(part)
        if status is None:
            known = ", ".join(s.value for s in Status)
            raise UserError(f"--status: unknown status {part.strip()!r} (use {known})", EXIT_USAGE)
        statuses.add(status)
    return frozenset(statuses)


def run(args: argparse.Namespace) -> int:
    from datetime import date
    from pathlib import Path

    from ita_tui.checklist_file import load_checklist
    from ita_tui.export import ExportOptions, default_path, render, write_new
    from ita_tui.sanitize import clean_line

    if args.width < 20:
        raise UserError("--width: at least 20 cells", EXIT_USAGE)
    statuses = parse_statuses(args.status)
    checklist = load_checklist(args.file)
    options = ExportOptions(width=args.width, statuses=statuses, full=args.full, lang=args.lang or "en")
    data = render(checklist, args.format, options)
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    if args.output:
        target = Path(args.output)
        if target.is_dir():
            raise UserError(f"{target}: is a folder; give a file name", EXIT_USAGE)
        write_new(target, data, overwrite=args.force)
    else:
        folder = Path("exports")
        folder.mkdir(exist_ok=True)
        target = default_path(folder, Path(args.file).stem, args.format, date.today())
        write_new(target, data)
    print(clean_line(str(target)))
    return 0

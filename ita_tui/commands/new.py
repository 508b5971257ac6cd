"""`ita-tui new OUT`: start a checklist from a bundled template, or from last year's (--from)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ita_tui.errors import EXIT_USAGE, UserError

HELP = (
    "Create a new checklist file from a bundled template (default: the FY2566 checklist), or with "
    "--from LAST.toml next year's from last year's: the same sections, items, labels and plan fields, "
    "the fiscal year +1, every status not started, notes, scores and results cleared."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", nargs="?", metavar="OUT", help="the file to create")
    parser.add_argument("--template", "-t", default=None, metavar="NAME", help="template name (see --list)")
    parser.add_argument("--list", action="store_true", help="list the bundled templates")
    parser.add_argument(
        "--from",
        dest="last",
        metavar="LAST",
        help="last year's checklist: OUT becomes next year's (see docs/format.md, 'A new year')",
    )
    parser.add_argument(
        "--fiscal-year",
        dest="fiscal_year",
        metavar="YEAR",
        help="with --from: the new fiscal year (default: LAST's + 1; Thai digits work)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite OUT if it exists")


def _check_out(out: Path, force: bool) -> None:
    if out.is_dir():
        raise UserError(f"{out}: is a folder; give a file name such as {out / 'checklist.toml'}", EXIT_USAGE)
    if out.exists() and not force:
        raise UserError(f"{out}: already exists (use --force to overwrite)", EXIT_USAGE)
    if not out.parent.exists():
        raise UserError(f"{out}: folder {out.parent} does not exist", EXIT_USAGE)


def run(args: argparse.Namespace) -> int:
    from ita_tui import templates
    from ita_tui.fs.atomic import atomic_write
    from ita_tui.sanitize import clean_line

    if args.list:
        for template in templates.bundled():
            default = " (default)" if template.name == templates.DEFAULT_TEMPLATE else ""
            print(clean_line(f"{template.name}{default}  {template.title}"))
        return 0
    if not args.out:
        raise UserError("ita-tui new: give the file to create (or --list)", EXIT_USAGE)
    if args.last is not None:
        if args.template is not None:
            raise UserError("ita-tui new: --from and --template exclude each other", EXIT_USAGE)
        return _from_last(args)
    if args.fiscal_year is not None:
        raise UserError("ita-tui new: --fiscal-year goes with --from", EXIT_USAGE)
    name = args.template or templates.DEFAULT_TEMPLATE
    chosen = templates.find(name)
    if chosen is None:
        names = ", ".join(t.name for t in templates.bundled())
        raise UserError(f"ita-tui new: no template {name!r} (templates: {names})", EXIT_USAGE)
    out = Path(args.out)
    _check_out(out, args.force)
    atomic_write(out, chosen.read_bytes())
    print(clean_line(f"created {out} from template {chosen.name}"))
    return 0


def _from_last(args: argparse.Namespace) -> int:
    """Write OUT as next year's checklist from LAST (LAST's text, comments and layout kept)."""
    from ita_tui.authoring import AuthoringError, parse_fiscal_year
    from ita_tui.checklist_file import load
    from ita_tui.exports.destination import write_new
    from ita_tui.i18n import resolve_lang
    from ita_tui.next_year import next_year_file
    from ita_tui.sanitize import clean_line
    from ita_tui.saving import encode_pieces

    out = Path(args.out)
    last = load(args.last)
    lang = resolve_lang(args.lang, last.checklist.language)
    _check_out(out, args.force)
    try:
        year = parse_fiscal_year(args.fiscal_year) if args.fiscal_year is not None else None
    except AuthoringError as error:
        raise UserError(f"--fiscal-year: {error.message.render(lang)}", EXIT_USAGE) from None
    try:
        text, report = next_year_file(last, out, year)
    except AuthoringError as error:
        raise UserError(f"{args.last}: {error.message.render(lang)}", EXIT_USAGE) from None
    write_new(out, b"".join(encode_pieces(text, last.bom)), overwrite=args.force)
    for line in report.lines(lang, str(out), args.last):
        print(clean_line(line))
    return 0

"""`ita-tui new OUT`: start a checklist from a bundled template."""

from __future__ import annotations

import argparse

from ita_tui.errors import EXIT_USAGE, UserError

HELP = "Create a new checklist file from a bundled template (default: the FY2566 checklist)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", nargs="?", metavar="OUT", help="the file to create")
    parser.add_argument("--template", "-t", default=None, metavar="NAME", help="template name (see --list)")
    parser.add_argument("--list", action="store_true", help="list the bundled templates")
    parser.add_argument("--force", action="store_true", help="overwrite OUT if it exists")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

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
    name = args.template or templates.DEFAULT_TEMPLATE
    chosen = templates.find(name)
    if chosen is None:
        names = ", ".join(t.name for t in templates.bundled())
        raise UserError(f"ita-tui new: no template {name!r} (templates: {names})", EXIT_USAGE)
    out = Path(args.out)
    if out.is_dir():
        raise UserError(f"{out}: is a folder; give a file name such as {out / 'checklist.toml'}", EXIT_USAGE)
    if out.exists() and not args.force:
        raise UserError(f"{out}: already exists (use --force to overwrite)", EXIT_USAGE)
    if not out.parent.exists():
        raise UserError(f"{out}: folder {out.parent} does not exist", EXIT_USAGE)
    atomic_write(out, chosen.read_bytes())
    print(clean_line(f"created {out} from template {chosen.name}"))
    return 0

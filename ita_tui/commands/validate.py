"""`ita-tui validate FILE...`: check checklist files and print every problem."""

from __future__ import annotations

import argparse
import sys

from ita_tui.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, ChecklistError, UserError

HELP = (
    "Check checklist files and print every problem, one line each (exit 0 clean, 1 problems, 2 unreadable)."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="checklist files to check")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only problems")


def run(args: argparse.Namespace) -> int:
    from ita_tui.checklist_file import check
    from ita_tui.sanitize import clean_line

    worst = EXIT_OK
    for name in args.files:
        try:
            loaded, problems = check(name)
        except ChecklistError as error:
            loaded, problems = None, error.problems
        except UserError as error:
            print(clean_line(error.message), file=sys.stderr)
            worst = max(worst, EXIT_USAGE)
            continue
        for problem in problems:
            print(clean_line(problem.render()), file=sys.stderr)
        if loaded is None:
            worst = max(worst, EXIT_PROBLEMS)
        elif not args.quiet:
            count = len(loaded.checklist.items())
            warnings = f", {len(problems)} warning(s)" if problems else ""
            print(clean_line(f"{name}: ok ({count} items{warnings})"))
    return worst

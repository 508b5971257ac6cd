"""`ita-tui validate FILE...`: check checklist files and print every problem."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ita_tui.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, ChecklistError, UserError

if TYPE_CHECKING:
    from ita_tui.checklist_file import LoadedChecklist
    from ita_tui.errors import Problem

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
        if loaded is not None:
            problems = sorted(
                [*problems, *_missing_evidence(loaded)],
                key=lambda p: (p.line is None, p.line or 0, p.column or 0),
            )
        for problem in problems:
            print(clean_line(problem.render()), file=sys.stderr)
        if loaded is None:
            worst = max(worst, EXIT_PROBLEMS)
        elif not args.quiet:
            count = len(loaded.checklist.items())
            warnings = f", {len(problems)} warning(s)" if problems else ""
            print(clean_line(f"{name}: ok ({count} items{warnings})"))
    return worst


def _missing_evidence(loaded: LoadedChecklist) -> list[Problem]:
    """A warning for each evidence file that is not there.

    Not an error: the checklist still opens, and the file may be on its way.
    """
    from ita_tui.checklist_file import locate
    from ita_tui.evidence import missing_files
    from ita_tui.schema import Issue

    folder = loaded.path.resolve().parent
    issues = [
        Issue(key, f"evidence file not found: {written!r} (looked in {folder})", warning=True)
        for key, written in missing_files(loaded.checklist, folder)
    ]
    return locate(issues, loaded.text, str(loaded.path)) if issues else []

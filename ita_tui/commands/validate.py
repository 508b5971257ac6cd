"""`ita-tui validate FILE...`: check checklist files and print every problem."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ita_tui.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, ChecklistError, UserError
from ita_tui.i18n import Message

if TYPE_CHECKING:
    from ita_tui.checklist_file import LoadedChecklist
    from ita_tui.cli_parser import ItaParser
    from ita_tui.errors import Problem

SUMMARY = "cli.validate.summary"
HELP = "cli.validate.help"


def add_arguments(parser: ItaParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help=parser.tr("cli.validate.files"))
    parser.add_argument("-q", "--quiet", action="store_true", help=parser.tr("cli.validate.quiet"))


def run(args: argparse.Namespace) -> int:
    from ita_tui.checklist_file import check
    from ita_tui.console import say, warn

    lang = args.ui_lang
    worst = EXIT_OK
    for name in args.files:
        try:
            loaded, problems = check(name, for_saving=False)
        except ChecklistError as error:
            loaded, problems = None, error.problems
        except UserError as error:
            warn(error.render(lang))
            worst = max(worst, EXIT_USAGE)
            continue
        if loaded is not None:
            problems = sorted(
                [*problems, *_missing_evidence(loaded)],
                key=lambda p: (p.line is None, p.line or 0, p.column or 0),
            )
        for problem in problems:
            warn(problem.render(lang))
        if loaded is None:
            worst = max(worst, EXIT_PROBLEMS)
        elif not args.quiet:
            count = len(loaded.checklist.items())
            key = "cli.validate.ok_warnings" if problems else "cli.validate.ok"
            say(Message.of(key, file=name, count=count, warnings=len(problems)).render(lang))
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

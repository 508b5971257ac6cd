"""`ita-tui check-links FILE`: visit every evidence address, look for every file, say what is broken."""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import TYPE_CHECKING, Any

from ita_tui.errors import EXIT_USAGE, UserError
from ita_tui.i18n import Message

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from ita_tui.cli_parser import ItaParser
    from ita_tui.i18n import Lang
    from ita_tui.link_results import LinkResult
    from ita_tui.model import Checklist

SUMMARY = "cli.check_links.summary"
HELP = "cli.check_links.help"

MAX_JOBS = 32
MAX_TIMEOUT = 120.0


def add_arguments(parser: ItaParser) -> None:
    """FILE, --json, --jobs and --timeout."""
    from ita_tui.commands.editing import add_file_argument
    from ita_tui.links import DEFAULT_JOBS, DEFAULT_TIMEOUT

    add_file_argument(parser)
    parser.add_argument("--json", action="store_true", help=parser.tr("cli.check_links.json"))
    parser.add_argument(
        "--jobs",
        type=int,
        default=DEFAULT_JOBS,
        metavar="N",
        help=parser.tr("cli.check_links.jobs", default=DEFAULT_JOBS, most=MAX_JOBS),
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=parser.tr("cli.check_links.timeout", default=f"{DEFAULT_TIMEOUT:g}"),
    )


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ita_tui.checklist_file import load_checklist
    from ita_tui.i18n import resolve_lang

    if not 1 <= args.jobs <= MAX_JOBS:
        raise UserError(Message.of("cli.check_links.jobs_range", most=MAX_JOBS), EXIT_USAGE)
    if not 0 < args.timeout <= MAX_TIMEOUT:
        raise UserError(Message.of("cli.check_links.timeout_range", most=f"{MAX_TIMEOUT:g}"), EXIT_USAGE)
    checklist = load_checklist(args.file)
    lang = resolve_lang(args.lang, checklist.language)
    results = check_checklist(checklist, Path(args.file), lang, jobs=args.jobs, timeout=args.timeout)
    if args.json:
        _print_json(results, lang)
    else:
        _print_text(checklist, results, lang)
    return 1 if any(not result.ok for result in results) else 0


def check_checklist(checklist: Checklist, file: Path, lang: Lang, **settings: Any) -> list[LinkResult]:
    """Check every evidence entry of *checklist* (read from *file*), a progress bar on a terminal.

    *settings* are :func:`ita_tui.links.check_all`'s (``jobs``, ``timeout``);
    `export --check-links` calls this too.
    """
    from ita_tui.link_results import targets_of
    from ita_tui.links import check_all

    targets = targets_of(checklist)
    with _progress(len(targets), lang) as advance:
        return check_all(targets, file.resolve().parent, on_result=advance, **settings)


@contextlib.contextmanager
def _progress(total: int, lang: Lang) -> Iterator[Callable[[LinkResult], None]]:
    """A progress bar on stderr while the check runs, only when stderr is a terminal; yields its step."""
    if not total or not sys.stderr.isatty():
        yield lambda _result: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ita_tui.i18n import t

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    console = Console(stderr=True, markup=False, emoji=False)  # item text is data, never markup
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(t("links.cmd.progress", lang), total=total)
        yield lambda _result: progress.advance(task)


def _print_json(results: list[LinkResult], lang: Lang) -> None:
    import json

    from ita_tui.link_results import describe

    entries = []
    for result in results:
        target, outcome = result.target, result.outcome
        entries.append(
            {
                "id": target.item_id,
                target.kind: target.address,
                "ok": outcome.ok,
                "status": outcome.status,
                "why": outcome.why.value if outcome.why else None,
                "message": describe(outcome, lang),
                "redirects": [{"status": hop.status, "url": hop.url} for hop in outcome.redirects],
                "final_url": outcome.final_url,
            }
        )
    print(json.dumps(entries, ensure_ascii=False, indent=2))


def _print_text(checklist: Checklist, results: list[LinkResult], lang: Lang) -> None:
    from ita_tui.i18n import t
    from ita_tui.link_results import describe
    from ita_tui.sanitize import clean_line

    if not results:
        print(t("links.cmd.none", lang))
        return
    broken = [result for result in results if not result.ok]
    moved = [result for result in results if result.outcome.moved]
    titles = {item.id: item.title for item in checklist.items()}
    for heading, chosen, mark in (
        ("links.cmd.broken_head", broken, "✗"),
        ("links.cmd.moved_head", moved, "→"),
    ):
        if not chosen:
            continue
        by_item: dict[str, list[LinkResult]] = {}
        for result in chosen:
            by_item.setdefault(result.target.item_id, []).append(result)
        print(t(heading, lang, count=len(by_item)))
        for item_id, found in by_item.items():
            print(clean_line(f"  {item_id} {titles.get(item_id, '')}"))
            for result in found:
                print(clean_line(f"    {mark} {result.target.address} — {describe(result.outcome, lang)}"))
        print()
    fine = len(results) - len(broken) - len(moved)
    print(t("links.cmd.summary", lang, total=len(results), broken=len(broken), moved=len(moved), fine=fine))

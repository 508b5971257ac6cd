"""`ita-tui compare LAST THIS [--json]`: each indicator's score beside last year's, with the change.

When LAST names its own previous year (``previous`` in ``[checklist]``), the
earlier years are followed too and each row ends with a sparkline of the
history.  The same table is shown under the app's score table (`c`).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.table import Table

    from ita_tui.cli_parser import ItaParser
    from ita_tui.compare import Change, Comparison
    from ita_tui.i18n import Lang

SUMMARY = "cli.compare.summary"
HELP = "cli.compare.help"


def add_arguments(parser: ItaParser) -> None:
    """LAST, THIS and --json."""
    parser.add_argument("last", metavar="LAST", help=parser.tr("cli.compare.last"))
    parser.add_argument("this", metavar="THIS", help=parser.tr("cli.compare.this"))
    parser.add_argument("--json", action="store_true", help=parser.tr("cli.compare.json"))


def run(args: argparse.Namespace) -> int:
    """Load both files (and LAST's earlier years), compare, print; 0 when both load."""
    from pathlib import Path

    from ita_tui.checklist_file import load_checklist
    from ita_tui.compare import Year, compare, previous_chain, year_label
    from ita_tui.console import print_trimmed, text_console, warn
    from ita_tui.i18n import resolve_lang

    last_path, this_path = Path(args.last), Path(args.this)
    last, this = load_checklist(last_path), load_checklist(this_path)
    chain = previous_chain(last_path, last)
    lang = resolve_lang(getattr(args, "lang", None), this.language)
    for problem in chain.problems:
        warn(f"{args.last}: {problem.render(lang)}")
    years = [Year(year_label(path, checklist), checklist) for path, checklist in chain.years]
    years += [Year(year_label(last_path, last), last), Year(year_label(this_path, this), this)]
    if years[-1].label == years[-2].label:  # two files of one year: name them by file
        years[-2:] = [Year(last_path.stem, last), Year(this_path.stem, this)]
    comparison = compare(years)
    if args.json:
        import json

        print(json.dumps(to_json(comparison), ensure_ascii=False, indent=2))
        return 0
    print_trimmed(text_console(), [render(comparison, lang)])
    return 0


def render(comparison: Comparison, lang: Lang) -> Table:
    """The comparison as a table: indicator, the years' scores, the change in words, the history."""
    from rich.table import Table
    from rich.text import Text

    from ita_tui.i18n import t

    history = len(comparison.labels) > 2
    table = Table(show_edge=False, pad_edge=False, title=t("compare.title", lang), title_justify="left")
    table.add_column(t("score.indicator", lang))
    table.add_column(t("score.name", lang), ratio=1)
    shown = comparison.labels[-2:]
    for label in shown:
        table.add_column(Text(label), justify="right")
    table.add_column(t("compare.change", lang))
    if history:
        table.add_column(t("compare.history", lang, first=comparison.labels[0], last=comparison.labels[-1]))
    for group in comparison.groups:
        table.add_row(*_cells(group.key, "", group, lang, history), style="bold")
        for indicator in comparison.indicators:
            if indicator.group == group.key:
                table.add_row(*_cells(f"  {indicator.key}", indicator.title, indicator, lang, history))
    table.add_section()
    overall = comparison.overall
    table.add_row(*_cells(t("compare.overall", lang), "", overall, lang, history), style="bold")
    return table


def _cells(label: str, title: str, change: Change, lang: Lang, history: bool) -> list[Any]:
    from rich.text import Text

    from ita_tui.compare import change_words, sparkline
    from ita_tui.thai import WrappedText, format_score

    style = {"up": "green", "down": "red"}.get(change.direction or "", "")
    cells: list[Any] = [
        Text(label),
        WrappedText(title),
        Text(format_score(change.before)),
        Text(format_score(change.after)),
        Text(change_words(change, lang), style=style),
    ]
    if history:
        cells.append(Text(sparkline(change.scores)))
    return cells


def to_json(comparison: Comparison) -> dict[str, Any]:
    """The comparison as data: the years (oldest first) and each row's scores, change and direction."""

    def row(change: Change) -> dict[str, Any]:
        return {
            "key": change.key,
            "title": change.title or None,
            "scores": list(change.scores),
            "change": change.delta,
            "direction": change.direction,
        }

    return {
        "years": list(comparison.labels),
        "indicators": [row(change) for change in comparison.indicators],
        "groups": [row(change) for change in comparison.groups],
        "overall": row(comparison.overall),
    }

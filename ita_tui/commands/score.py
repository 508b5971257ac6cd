"""`ita-tui score FILE [--json]`: the ITA score of a checklist, computed beside the reported one.

Prints the groups and indicators with weights, scores and points, the
computed overall and band, the reported overall and rating, the score a
missing indicator must have had, the what-if raises, warnings and notes.
Always exits 0 once the file loads: warnings are findings, not failures.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table

    from ita_tui.scoring import GroupScore, IndicatorScore, ScoreResult, WhatIf

HELP = "compute the ITA score of a checklist: groups, overall, band, implied missing score, what-if"

# Labels in one place (English), until they move into the shared i18n module.
LABELS: dict[str, str] = {
    "title": "ITA score",
    "fy": "FY",
    "table": "scoring table",
    "indicator": "Indicator",
    "item": "Item",
    "name": "Title",
    "weight": "Weight",
    "score": "Score",
    "points": "Points",
    "overall_row": "Overall",
    "none": "—",
    "overall": "Overall (computed)",
    "incomplete": "incomplete",
    "reported": "Reported",
    "as_reported": "as reported",
    "reported_band": "falls in band",
    "band": "Band",
    "pass_mark": "pass mark",
    "passed": "passed",
    "not_passed": "not passed",
    "implied": "Implied",
    "implied_text": "indicator {n}{item} must have scored {score} ({low}–{high}) for the reported {overall}",
    "what_if": "What-if",
    "what_if_text": "{item} {current} → {needed} (+{raise_by}) lifts the overall into {band}",
    "what_if_impossible": "no single indicator can lift the overall into {band}",
    "what_if_top": "already in the top band",
    "warnings": "Warnings",
    "notes": "Notes",
    "nothing": "no indicators in this checklist: nothing to score",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """FILE and --json."""
    parser.add_argument("file", help="the checklist (.toml)")
    parser.add_argument(
        "--json", action="store_true", help="print the score as JSON (the computed band under 'band')"
    )


def run(args: argparse.Namespace) -> int:
    """Load FILE, score it and print the result; 0 when the file loads."""
    from ita_tui.checklist_file import load_checklist
    from ita_tui.scoring import score_checklist

    result = score_checklist(load_checklist(args.file))
    if args.json:
        import json

        from ita_tui.scoring import to_json_dict

        print(json.dumps(to_json_dict(result), ensure_ascii=False, indent=2))
    else:
        from rich.console import Console

        console = Console(highlight=False)
        for renderable in render(result):
            console.print(renderable)
    return 0


def render(result: ScoreResult) -> list[RenderableType]:
    """The human report of *result*: a heading, the table, then the findings."""
    from rich.text import Text

    heading = Text(LABELS["title"], style="bold")
    if result.fiscal_year is not None:
        heading.append(f" · {LABELS['fy']}{result.fiscal_year}")
    heading.append(f" · {LABELS['table']} {result.table.year}", style="dim")
    if not result.scored:
        return [heading, Text(LABELS["nothing"]), *_list(LABELS["warnings"], result.warnings, "yellow")]
    return [
        heading,
        _table(result),
        *_summary(result),
        *_what_if_lines(result),
        *_list(LABELS["warnings"], result.warnings, "yellow"),
        *_list(LABELS["notes"], result.notes, "dim"),
    ]


def _table(result: ScoreResult) -> RenderableType:
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False)
    table.add_column(LABELS["indicator"])
    table.add_column(LABELS["item"])
    table.add_column(LABELS["name"], ratio=1, overflow="fold")
    for key in ("weight", "score", "points"):
        table.add_column(LABELS[key], justify="right")
    for group in result.groups:
        _add_group(table, group)
        for indicator in group.indicators:
            _add_indicator(table, indicator, result)
    table.add_section()
    table.add_row(
        LABELS["overall_row"],
        "",
        "",
        _weight(100.0),
        _num(result.overall),
        _num(result.overall),
        style="bold",
    )
    return table


def _add_group(table: Table, group: GroupScore) -> None:
    table.add_row(
        group.name, "", "", _weight(group.weight), _num(group.score), _num(group.points), style="bold"
    )


def _add_indicator(table: Table, indicator: IndicatorScore, result: ScoreResult) -> None:
    from rich.text import Text

    score = Text(_num(indicator.score))
    if indicator.score is None and result.implied and result.implied.number == indicator.number:
        score = Text(f"({_num(result.implied.score)})", style="italic")  # implied, not known
    table.add_row(
        f"  {indicator.number}",
        Text(indicator.item_id or LABELS["none"]),
        Text(indicator.title),
        _weight(indicator.weight),
        score,
        _num(indicator.points),
    )


def _summary(result: ScoreResult) -> list[RenderableType]:
    from rich.text import Text

    overall = Text(f"{LABELS['overall']}: ", style="bold")
    if result.overall is None:
        overall.append(LABELS["incomplete"], style="yellow")
    else:
        overall.append(_num(result.overall))
    lines = [overall, _band_line(result)]
    if result.reported_overall is not None or result.reported_rating:
        lines.append(_reported_line(result))
    implied = result.implied
    if implied is not None:
        item = f" ({implied.item_id})" if implied.item_id else ""
        text = LABELS["implied_text"].format(
            n=implied.number,
            item=item,
            score=_num(implied.score),
            low=_num(implied.low),
            high=_num(implied.high),
            overall=_num(result.reported_overall),
        )
        lines.append(Text(f"{LABELS['implied']}: ", style="bold") + Text(text))
    return lines


def _band_line(result: ScoreResult) -> RenderableType:
    from rich.text import Text

    line = Text(f"{LABELS['band']}: ", style="bold")
    line.append(result.band.letter if result.band else LABELS["none"])
    line.append(f" · {LABELS['pass_mark']} {result.pass_mark:g}")
    if result.passed is not None:
        line.append(
            f" · {LABELS['passed'] if result.passed else LABELS['not_passed']}",
            style="green" if result.passed else "red",
        )
    return line


def _reported_line(result: ScoreResult) -> RenderableType:
    from rich.text import Text

    line = Text(f"{LABELS['reported']}: ", style="bold")
    parts = [Text(_num(result.reported_overall))] if result.reported_overall is not None else []
    if result.reported_rating:
        parts.append(Text(result.reported_rating) + Text(f" ({LABELS['as_reported']})", style="dim"))
    if result.reported_band is not None:
        parts.append(Text(f"{LABELS['reported_band']} {result.reported_band.letter}"))
    return line + Text(" · ").join(parts)


def _what_if_lines(result: ScoreResult) -> list[RenderableType]:
    from rich.text import Text

    from ita_tui.scoring import what_if

    if result.band is None:
        return []  # no computed overall to lift
    options = what_if(result)
    head = Text(f"{LABELS['what_if']}: ", style="bold")
    if not options:
        return [head + Text(LABELS["what_if_top"])]
    possible = [option for option in options if option.needed is not None]
    if not possible:
        return [head + Text(LABELS["what_if_impossible"].format(band=options[0].target))]
    return [head, *(Text("  ") + _what_if_text(option) for option in possible)]


def _what_if_text(option: WhatIf) -> RenderableType:
    from rich.text import Text

    return Text(
        LABELS["what_if_text"].format(
            item=option.item_id or option.number,
            current=_num(option.current),
            needed=_num(option.needed),
            raise_by=_num(option.raise_by),
            band=option.target,
        )
    )


def _list(title: str, lines: tuple[str, ...], style: str) -> list[RenderableType]:
    """A titled bullet list; wrapped lines hang under their text, not under the bullet."""
    from rich.table import Table
    from rich.text import Text

    if not lines:
        return []
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right")
    grid.add_column(ratio=1)
    for line in lines:
        grid.add_row("•", Text(line), style=style)
    return [Text(f"{title}:", style=f"bold {style}"), grid]


def _num(value: float | None) -> str:
    """A score or weight for the table: 2 decimals, a dash for none."""
    return LABELS["none"] if value is None else f"{value:.2f}"


def _weight(value: float) -> str:
    """A weight in points: 30, 6, 7.5, 33.33."""
    return f"{round(value, 2):g}"

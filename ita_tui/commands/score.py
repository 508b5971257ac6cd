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

    from ita_tui.cli_parser import ItaParser
    from ita_tui.i18n import Lang
    from ita_tui.scoring import GroupScore, IndicatorScore, ScoreResult, WhatIf

SUMMARY = "cli.score.summary"
HELP = "cli.score.help"


def add_arguments(parser: ItaParser) -> None:
    """FILE and --json."""
    parser.add_argument("file", metavar="FILE", help=parser.tr("cli.file_help"))
    parser.add_argument("--json", action="store_true", help=parser.tr("cli.score.json"))


def run(args: argparse.Namespace) -> int:
    """Load FILE, score it and print the result; 0 when the file loads."""
    from ita_tui.checklist_file import load_checklist
    from ita_tui.i18n import resolve_lang
    from ita_tui.scoring import score_checklist

    checklist = load_checklist(args.file)
    result = score_checklist(checklist)
    if args.json:
        import json

        from ita_tui.scoring import to_json_dict

        print(json.dumps(to_json_dict(result), ensure_ascii=False, indent=2))
    else:
        from ita_tui.console import print_trimmed, text_console

        lang = resolve_lang(args.lang, checklist.language)
        print_trimmed(text_console(), render(result, lang))
    return 0


def render(result: ScoreResult, lang: Lang = "en") -> list[RenderableType]:
    """The human report of *result* in *lang*: a heading, the table, then the findings.

    The warnings and notes are :mod:`ita_tui.scoring`'s messages, rendered in *lang* too.
    """
    from rich.text import Text

    from ita_tui.i18n import t

    heading = Text(t("score.title", lang), style="bold")
    if result.fiscal_year is not None:
        heading.append(" · " + t("score.fiscal_year", lang, year=result.fiscal_year))
    heading.append(" · " + t("score.table", lang, year=result.table.year), style="dim")
    warnings = _list(t("score.warnings", lang), [m.render(lang) for m in result.warnings], "yellow")
    if not result.scored:
        return [heading, Text(t("score.nothing", lang)), *warnings]
    return [
        heading,
        _table(result, lang),
        _how(result, lang),
        *_summary(result, lang),
        *_what_if_lines(result, lang),
        *warnings,
        *_list(t("score.notes", lang), [m.render(lang) for m in result.notes], "dim"),
    ]


def _table(result: ScoreResult, lang: Lang) -> RenderableType:
    from rich.table import Table

    from ita_tui.i18n import t

    table = Table(show_edge=False, pad_edge=False)
    table.add_column(t("score.indicator", lang))
    table.add_column(t("score.item", lang))
    table.add_column(t("score.name", lang), ratio=1, overflow="fold")
    for key in ("score.weight", "score.score", "score.points"):
        table.add_column(t(key, lang), justify="right")
    for group in result.groups:
        _add_group(table, group)
        for indicator in group.indicators:
            _add_indicator(table, indicator, result, lang)
    table.add_section()
    table.add_row(
        t("score.overall_row", lang),
        "",
        "",
        _weight(100.0),
        _num(result.overall),
        _num(result.overall),
        style="bold",
    )
    return table


def _how(result: ScoreResult, lang: Lang) -> RenderableType:
    """One line: how the overall is computed, with the groups' weights."""
    from rich.text import Text

    from ita_tui.i18n import t

    weights = " · ".join(f"{group.name} {_weight(group.weight)}" for group in result.groups)
    return Text(t("score.how", lang, weights=weights), style="dim")


def _add_group(table: Table, group: GroupScore) -> None:
    from rich.text import Text

    table.add_row(
        Text(group.name), "", "", _weight(group.weight), _num(group.score), _num(group.points), style="bold"
    )


def _add_indicator(table: Table, indicator: IndicatorScore, result: ScoreResult, lang: Lang) -> None:
    from rich.text import Text

    from ita_tui.i18n import t

    score = Text(_num(indicator.score))
    if indicator.score is None and result.implied and result.implied.number == indicator.number:
        score = Text(f"({_num(result.implied.score)})", style="italic")  # implied, not known
    table.add_row(
        f"  {indicator.number}",
        Text(indicator.item_id or t("score.none", lang)),
        Text(indicator.title),
        _weight(indicator.weight),
        score,
        _num(indicator.points),
    )


def _summary(result: ScoreResult, lang: Lang) -> list[RenderableType]:
    from rich.text import Text

    from ita_tui.i18n import t

    overall = Text(t("score.overall", lang) + ": ", style="bold")
    if result.overall is None:
        overall.append(t("score.incomplete", lang), style="yellow")
    else:
        overall.append(_num(result.overall))
    lines = [overall, _band_line(result, lang)]
    if result.reported_overall is not None or result.reported_rating:
        lines.append(_reported_line(result, lang))
    implied = result.implied
    if implied is not None:
        item = f" ({implied.item_id})" if implied.item_id else ""
        text = t(
            "score.implied_text",
            lang,
            n=implied.number,
            item=item,
            score=_num(implied.score),
            low=_num(implied.low),
            high=_num(implied.high),
            overall=_num(result.reported_overall),
        )
        lines.append(Text(t("score.implied", lang) + ": ", style="bold") + Text(text))
    return lines


def _band_line(result: ScoreResult, lang: Lang) -> RenderableType:
    from rich.text import Text

    from ita_tui.i18n import t

    line = Text(t("score.band", lang) + ": ", style="bold")
    line.append(result.band.letter if result.band else t("score.none", lang))
    line.append(" · " + t("score.pass_mark", lang, mark=_num(result.pass_mark)))
    if result.passed is not None:
        line.append(
            " · " + t("score.passed" if result.passed else "score.not_passed", lang),
            style="green" if result.passed else "red",
        )
    return line


def _reported_line(result: ScoreResult, lang: Lang) -> RenderableType:
    from rich.text import Text

    from ita_tui.i18n import t

    line = Text(t("score.reported", lang) + ": ", style="bold")
    parts = [Text(_num(result.reported_overall))] if result.reported_overall is not None else []
    if result.reported_rating:
        as_reported = Text(f" ({t('score.as_reported', lang)})", style="dim")
        parts.append(Text(result.reported_rating) + as_reported)
    if result.reported_band is not None:
        parts.append(Text(t("score.reported_band", lang, band=result.reported_band.letter)))
    return line + Text(" · ").join(parts)


def _what_if_lines(result: ScoreResult, lang: Lang) -> list[RenderableType]:
    from rich.text import Text

    from ita_tui.i18n import t
    from ita_tui.scoring import what_if

    if result.band is None:
        return []  # no computed overall to lift
    options = what_if(result)
    head = Text(t("score.what_if", lang) + ": ", style="bold")
    if not options:
        return [head + Text(t("score.what_if_top", lang))]
    possible = [option for option in options if option.needed is not None]
    if not possible:
        return [head + Text(t("score.what_if_impossible", lang, band=options[0].target))]
    return [head, *(Text("  ") + _what_if_text(option, lang) for option in possible)]


def _what_if_text(option: WhatIf, lang: Lang) -> RenderableType:
    from rich.text import Text

    from ita_tui.i18n import t

    return Text(
        t(
            "score.what_if_text",
            lang,
            item=option.item_id or option.number,
            current=_num(option.current),
            needed=_num(option.needed),
            raise_by=_num(option.raise_by),
            band=option.target,
        )
    )


def _list(title: str, lines: list[str], style: str) -> list[RenderableType]:
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
    """A score as ITA reports print it: 97.44, 95.50, 100 (rounded half up); a dash for none."""
    from ita_tui.thai import format_score

    return format_score(value)


def _weight(value: float) -> str:
    """A weight in points: 30, 6, 7.5, 33.33."""
    return f"{round(value, 2):g}"

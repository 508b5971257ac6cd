"""ITA scoring: per-year weights and rating bands, the overall score, what-if.

The ITA overall score is a weighted sum of the ten indicator scores.  The
weights, the rating bands and the pass mark change between fiscal years, so
they live here as one :class:`ScoringTable` per year, each figure carrying a
note of where it comes from (or "assumed").  A checklist may override the
weights, bands and pass mark in its own ``[checklist.scoring]`` table.

Arithmetic is done in :class:`decimal.Decimal` on the decimal form of each
score (``97.44`` is exactly 97.44), so the only rounding is the one stated:
the overall is rounded half-up to 2 decimals, and the band is decided on that
rounded figure (the published form).  ``94.995`` therefore rounds to
``95.00`` and falls in AA; ``94.994`` rounds to ``94.99`` and falls in A.
The public API speaks plain floats.

Warnings and notes are :class:`~ita_tui.i18n.Message` values (a catalogue key
and its fields, numbers already formatted), not sentences: whoever shows them
renders them in the interface language.

Pure: no files, no terminals.  See ``docs/scoring.md``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from ita_tui.i18n import Message
from ita_tui.model import Checklist, Item

OVERRIDE_KEY = "checklist.scoring"
_CENT = Decimal("0.01")
_HALF_CENT = Decimal("0.005")
_HUNDRED = Decimal(100)
# A reported overall and a computed one agree if they differ by no more than
# this: 0.005 from rounding the reported overall, 0.005 from rounding the
# indicator scores (each ±0.005, and the weights sum to 100).
AGREEMENT = Decimal("0.01")
# Weights in a file are decimal literals; allow for 33.33 + 33.33 + 33.34 style sums.
_SUM_TOLERANCE = Decimal("0.0001")
# From FY2568 a tool (group) score under 85 can lower the rating's wording (DOMAIN.md).
GROUP_FLOOR_FROM_YEAR = 2568


# -- the tables -------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A number with a note of its source ("assumed: ..." when it is not documented)."""

    value: float
    source: str


@dataclass(frozen=True)
class IndicatorWeight:
    """An indicator's group and its weight, in points of the overall (out of 100)."""

    group: str
    points: float
    source: str


@dataclass(frozen=True)
class Band:
    """A rating band: every overall (rounded to 2 decimals) from *lower* up to the next band."""

    letter: str
    lower: float
    source: str


@dataclass(frozen=True)
class ScoringTable:
    """Everything needed to score one fiscal year.

    *groups* gives each group's points (they sum to 100); *indicators* gives
    each indicator's points on the same scale (a group's indicators sum to the
    group's points); *bands* are highest first; the lowest starts at 0.
    """

    year: int
    groups: dict[str, Figure]
    indicators: dict[int, IndicatorWeight]
    bands: tuple[Band, ...]
    pass_mark: Figure

    def numbers_in(self, group: str) -> list[int]:
        """The indicator numbers of *group*, in order."""
        return sorted(n for n, weight in self.indicators.items() if weight.group == group)

    def band_for(self, overall: float) -> Band:
        """The band of *overall*, which should already be rounded to 2 decimals."""
        for band in self.bands:
            if overall >= band.lower:
                return band
        return self.bands[-1]  # below every band: the lowest one

    def band_upper(self, band: Band) -> float:
        """The highest 2-decimal overall inside *band* (100 for the top band)."""
        index = self.bands.index(band)
        return 100.0 if index == 0 else float(_dec(self.bands[index - 1].lower) - _CENT)


# Where the built-in figures come from (a figure's `source`, in the JSON's weight_source /
# band_source); docs/scoring.md gives the reasoning.  "assumed" marks what is not documented.
_SOURCE_GROUPS = "seen in published results: IIT 30, EIT 30, OIT 40"
_SOURCE_EQUAL = "assumed: equal weights within the group (unconfirmed)"
_SOURCE_OIT = "seen in published results: 20 points per OIT indicator"
_SOURCE_2566 = "documented through 2565; assumed for 2566"


def _letter_bands(source: str) -> tuple[Band, ...]:
    """The AA–F bands documented through 2565 (DOMAIN.md), with *source* as their note."""
    lowers = (("AA", 95), ("A", 85), ("B", 75), ("C", 65), ("D", 55), ("E", 50), ("F", 0))
    return tuple(Band(letter, float(lower), source) for letter, lower in lowers)


def _share(group: str, numbers: range, points: float, source: str) -> dict[int, IndicatorWeight]:
    """*points* shared equally among the indicators *numbers* of *group*."""
    each = points / len(numbers)
    return {n: IndicatorWeight(group, each, source) for n in numbers}


# One entry per fiscal year (Buddhist Era).  To add 2567 or 2568, copy the 2566
# entry and change the figures and their sources; a year without an entry uses
# the nearest earlier year's table, and says so.
TABLES: dict[int, ScoringTable] = {
    2566: ScoringTable(
        year=2566,
        groups={
            "IIT": Figure(30.0, _SOURCE_GROUPS),
            "EIT": Figure(30.0, _SOURCE_GROUPS),
            "OIT": Figure(40.0, _SOURCE_GROUPS),
        },
        indicators={
            **_share("IIT", range(1, 6), 30.0, _SOURCE_EQUAL),
            **_share("EIT", range(6, 9), 30.0, _SOURCE_EQUAL),
            **_share("OIT", range(9, 11), 40.0, _SOURCE_OIT),
        },
        bands=_letter_bands(_SOURCE_2566),
        pass_mark=Figure(85.0, _SOURCE_2566),
    ),
}


def table_for_year(fiscal_year: int | None) -> tuple[ScoringTable, Message | None]:
    """The table for *fiscal_year* and a note when it is another year's."""
    years = sorted(TABLES)
    if fiscal_year is None:
        return TABLES[years[-1]], Message.of("scoring.no_fiscal_year", table_year=years[-1])
    if fiscal_year in TABLES:
        return TABLES[fiscal_year], None
    earlier = [year for year in years if year < fiscal_year]
    if earlier:
        year = earlier[-1]
        return TABLES[year], Message.of("scoring.table_fallback", year=fiscal_year, table_year=year)
    year = years[0]
    return TABLES[year], Message.of("scoring.table_fallback_earliest", year=fiscal_year, table_year=year)


# -- overrides from the checklist file -------------------------------------------

ProblemAt = tuple[str, str]  # (key path, message)
_Problem = tuple[str, Message]  # (key path, message not yet in a language)
_OVERRIDE_KEYS = ("groups", "indicators", "bands", "pass_mark", "source")


def override_problems(raw: Mapping[str, object], fiscal_year: int | None = None) -> list[tuple[str, Message]]:
    """Problems in a ``[checklist.scoring]`` table, as (key path, message) pairs."""
    return list(_apply_overrides(table_for_year(fiscal_year)[0], raw)[1])


def check_overrides(raw: Mapping[str, object], fiscal_year: int | None = None) -> list[ProblemAt]:
    """Problems in a ``[checklist.scoring]`` table, as (key path, English message) pairs."""
    return [(key, str(message)) for key, message in override_problems(raw, fiscal_year)]


def validate_overrides(raw: Mapping[str, object], fiscal_year: int | None = None) -> list[str]:
    """Problems in a ``[checklist.scoring]`` table, each as ``"KEY.PATH: message"``."""
    return [f"{key}: {message}" for key, message in check_overrides(raw, fiscal_year)]


def effective_table(checklist: Checklist) -> tuple[ScoringTable, list[Message], list[Message]]:
    """The table that scores *checklist*: its year's, with its overrides; plus notes and warnings.

    Overrides with problems are ignored as a whole (a warning says so): a
    half-applied set of weights would give a score nobody asked for.
    """
    table, fallback = table_for_year(checklist.fiscal_year)
    notes = [fallback] if fallback else []
    if not checklist.scoring:
        return table, notes, []
    overridden, problems = _apply_overrides(table, checklist.scoring)
    if problems:
        warnings = [
            Message.of("scoring.overrides_ignored", table=OVERRIDE_KEY, path=key, problem=problem)
            for key, problem in problems
        ]
        return table, notes, warnings
    notes.append(Message.of("scoring.overridden", table=OVERRIDE_KEY))
    return overridden, notes, []


def _apply_overrides(table: ScoringTable, raw: Mapping[str, object]) -> tuple[ScoringTable, list[_Problem]]:
    """*table* with the file's overrides applied, or *table* itself and every problem found."""
    problems: list[_Problem] = []
    for key in raw:
        if key not in _OVERRIDE_KEYS:
            expected = ", ".join(_OVERRIDE_KEYS)
            problems.append(
                (f"{OVERRIDE_KEY}.{key}", Message.of("scoring.problem.unknown_key", expected=expected))
            )
    source = _override_source(raw.get("source"), problems)
    groups = _number_table(raw.get("groups"), "groups", problems)
    indicators = _number_table(raw.get("indicators"), "indicators", problems)
    bands = _parse_bands(raw.get("bands"), source, problems)
    pass_mark = _number(raw.get("pass_mark"), f"{OVERRIDE_KEY}.pass_mark", problems)
    weights = _weights(
        table,
        _group_keys(groups, table, problems),
        _indicator_keys(indicators, table, problems),
        source,
        problems,
    )
    if problems:
        return table, problems
    return replace(
        table,
        groups=_group_figures(table, weights, source) if groups or indicators else table.groups,
        indicators=weights,
        bands=bands or table.bands,
        pass_mark=Figure(float(pass_mark), source) if pass_mark is not None else table.pass_mark,
    ), []


def _override_source(value: object, problems: list[_Problem]) -> str:
    if value is None:
        return "from the checklist file"
    if not isinstance(value, str):
        problems.append((f"{OVERRIDE_KEY}.source", Message.of("scoring.problem.source_not_text")))
        return "from the checklist file"
    return f"from the checklist file: {value}"


def _number(value: object, key: str, problems: list[_Problem]) -> Decimal | None:
    """*value* as a Decimal from 0 to 100, or None (with a problem unless it was absent)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        problems.append((key, Message.of("scoring.problem.not_a_number", value=repr(value))))
        return None
    if not 0 <= value <= 100:
        problems.append((key, Message.of("scoring.problem.out_of_range", value=repr(value))))
        return None
    return _dec(value)


def _number_table(value: object, name: str, problems: list[_Problem]) -> dict[str, Decimal] | None:
    """A TOML table of numbers 0–100 keyed by name, or None when absent."""
    key = f"{OVERRIDE_KEY}.{name}"
    if value is None:
        return None
    if not isinstance(value, Mapping):
        problems.append((key, Message.of("scoring.problem.not_a_table", name=name, example=_EXAMPLES[name])))
        return None
    numbers = {}
    for entry, number in value.items():
        parsed = _number(number, f"{key}.{entry}", problems)
        if parsed is not None:
            numbers[str(entry)] = parsed
    return numbers


_EXAMPLES = {
    "groups": "{ IIT = 30, EIT = 30, OIT = 40 }",
    "indicators": '{ "1" = 6, "2" = 6 }',
    "bands": "{ AA = 95, A = 85, B = 75, C = 65, D = 55, E = 50, F = 0 }",
}


def _group_keys(
    groups: dict[str, Decimal] | None, table: ScoringTable, problems: list[_Problem]
) -> dict[str, Decimal] | None:
    if groups is None:
        return None
    known = {}
    for name, points in groups.items():
        if name.upper() in table.groups:
            known[name.upper()] = points
        else:
            expected = ", ".join(table.groups)
            problems.append(
                (
                    f"{OVERRIDE_KEY}.groups.{name}",
                    Message.of("scoring.problem.unknown_group", expected=expected),
                )
            )
    return known


def _indicator_keys(
    indicators: dict[str, Decimal] | None, table: ScoringTable, problems: list[_Problem]
) -> dict[int, Decimal] | None:
    if indicators is None:
        return None
    known = {}
    for name, points in indicators.items():
        try:
            number = int(name)  # also reads Thai digits
        except ValueError:
            number = -1
        if number in table.indicators:
            known[number] = points
        else:
            numbers = ", ".join(str(n) for n in sorted(table.indicators))
            problems.append(
                (
                    f"{OVERRIDE_KEY}.indicators.{name}",
                    Message.of("scoring.problem.unknown_indicator", table_year=table.year, expected=numbers),
                )
            )
    return known


def _weights(
    table: ScoringTable,
    groups: dict[str, Decimal] | None,
    indicators: dict[int, Decimal] | None,
    source: str,
    problems: list[_Problem],
) -> dict[int, IndicatorWeight]:
    """Indicator weights after overrides: groups rescale their indicators, then indicators are set."""
    points = {n: _dec(weight.points) for n, weight in table.indicators.items()}
    sources = {n: weight.source for n, weight in table.indicators.items()}
    for group, total in (groups or {}).items():
        numbers = table.numbers_in(group)
        old = sum((points[n] for n in numbers), Decimal(0))
        for n in numbers:
            # Keep the table's shares within the group (equal shares if it had none).
            points[n] = total * points[n] / old if old else total / len(numbers)
            sources[n] = f"{source} (group {group} = {_plain(total)}, shared as in the {table.year} table)"
    for n, value in (indicators or {}).items():
        points[n], sources[n] = value, source
    _check_sums(table, points, groups, indicators, problems)
    return {n: IndicatorWeight(table.indicators[n].group, float(p), sources[n]) for n, p in points.items()}


def _check_sums(
    table: ScoringTable,
    points: dict[int, Decimal],
    groups: dict[str, Decimal] | None,
    indicators: dict[int, Decimal] | None,
    problems: list[_Problem],
) -> None:
    for group, total in (groups or {}).items():
        numbers = table.numbers_in(group)
        if indicators and any(n in indicators for n in numbers):
            got = sum((points[n] for n in numbers), Decimal(0))
            if abs(got - total) > _SUM_TOLERANCE:
                problems.append(
                    (
                        f"{OVERRIDE_KEY}.indicators",
                        Message.of(
                            "scoring.problem.group_sum", group=group, got=_plain(got), total=_plain(total)
                        ),
                    )
                )
    overall = sum(points.values(), Decimal(0))
    if (groups or indicators) and abs(overall - _HUNDRED) > _SUM_TOLERANCE:
        where = "groups" if groups else "indicators"
        problems.append(
            (f"{OVERRIDE_KEY}.{where}", Message.of("scoring.problem.total", total=_plain(overall)))
        )


def _group_figures(
    table: ScoringTable, weights: dict[int, IndicatorWeight], source: str
) -> dict[str, Figure]:
    return {
        group: Figure(
            float(sum((_dec(weights[n].points) for n in table.numbers_in(group)), Decimal(0))), source
        )
        for group in table.groups
    }


def _parse_bands(value: object, source: str, problems: list[_Problem]) -> tuple[Band, ...] | None:
    lowers = _number_table(value, "bands", problems)
    if not lowers:
        if lowers is not None:
            problems.append((f"{OVERRIDE_KEY}.bands", Message.of("scoring.problem.no_bands")))
        return None
    key = f"{OVERRIDE_KEY}.bands"
    if len(set(lowers.values())) != len(lowers):
        problems.append((key, Message.of("scoring.problem.bands_tie")))
    if min(lowers.values()) != 0:
        problems.append((key, Message.of("scoring.problem.no_zero_band")))
    ordered = sorted(lowers.items(), key=lambda pair: pair[1], reverse=True)
    return tuple(Band(letter, float(lower), source) for letter, lower in ordered)


# -- scoring a checklist -------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorScore:
    """One indicator as scored: its weight, its score (None: no score) and its points."""

    number: int
    group: str
    weight: float
    weight_source: str
    score: float | None
    points: float | None  # score × weight / 100, rounded to 2 decimals
    item_id: str | None = None  # None: the checklist has no item for this indicator
    title: str = ""


@dataclass(frozen=True)
class GroupScore:
    """One group (IIT, EIT, OIT): its weight, score out of 100 and points; None where incomplete."""

    name: str
    weight: float
    weight_source: str
    score: float | None
    points: float | None
    indicators: tuple[IndicatorScore, ...]


@dataclass(frozen=True)
class ImpliedScore:
    """The score a missing indicator must have had for the reported overall to come out.

    *low*–*high* allow for the reported overall's rounding (±0.005).
    """

    number: int
    item_id: str | None
    score: float
    low: float
    high: float


@dataclass(frozen=True)
class ScoreResult:
    """What :func:`score_checklist` finds: computed figures beside the reported ones."""

    table: ScoringTable
    fiscal_year: int | None
    groups: tuple[GroupScore, ...] = ()
    overall: float | None = None  # rounded to 2 decimals; None when incomplete
    band: Band | None = None  # band of the computed overall
    passed: bool | None = None  # computed overall ≥ pass mark
    missing: tuple[int, ...] = ()  # indicators without a score
    implied: ImpliedScore | None = None
    reported_overall: float | None = None
    reported_rating: str | None = None  # as reported, never computed
    reported_band: Band | None = None  # band the reported overall falls in
    # Findings, to be rendered in the interface language: message.render(lang).
    warnings: tuple[Message, ...] = ()
    notes: tuple[Message, ...] = ()

    @property
    def scored(self) -> bool:
        """False when the checklist has no indicators: there is nothing to score."""
        return bool(self.groups)

    @property
    def incomplete(self) -> bool:
        """True when some indicator has no score, so the overall is not computed."""
        return bool(self.missing)

    @property
    def pass_mark(self) -> float:
        return self.table.pass_mark.value

    @property
    def indicators(self) -> list[IndicatorScore]:
        """Every indicator, in group order."""
        return [indicator for group in self.groups for indicator in group.indicators]


NOTHING_TO_SCORE = Message.of("score.nothing")  # the same words as `score`'s own line


def score_checklist(checklist: Checklist) -> ScoreResult:
    """Score *checklist* from its indicator scores, with the table of its fiscal year."""
    table, notes, warnings = effective_table(checklist)
    base = ScoreResult(
        table=table,
        fiscal_year=checklist.fiscal_year,
        reported_overall=checklist.overall_score,
        reported_rating=checklist.rating,
        reported_band=_band_of_reported(table, checklist.overall_score),
    )
    items, item_warnings = _indicator_items(checklist, table)
    warnings += item_warnings
    if not items:
        return replace(base, warnings=tuple(warnings), notes=(*notes, NOTHING_TO_SCORE))
    groups = tuple(_group_score(table, group, items) for group in table.groups)
    scores = {i.number: i.score for g in groups for i in g.indicators}
    missing = tuple(n for n, score in scores.items() if score is None)
    overall = None if missing else _round2(_weighted_sum(table, scores))
    band = table.band_for(float(overall)) if overall is not None else None
    result = replace(
        base,
        groups=groups,
        overall=float(overall) if overall is not None else None,
        band=band,
        passed=bool(overall >= _dec(table.pass_mark.value)) if overall is not None else None,
        missing=missing,
        implied=_implied(table, scores, items, checklist.overall_score),
    )
    warnings += _result_warnings(result, checklist.fiscal_year)
    notes += _result_notes(result)
    return replace(result, warnings=tuple(warnings), notes=tuple(notes))


def _band_of_reported(table: ScoringTable, reported: float | None) -> Band | None:
    if reported is None or not math.isfinite(reported):
        return None
    return table.band_for(float(_round2(_dec(reported))))


def _indicator_items(checklist: Checklist, table: ScoringTable) -> tuple[dict[int, Item], list[Message]]:
    """The checklist's item for each indicator of *table*, and warnings about the rest."""
    items: dict[int, Item] = {}
    warnings: list[Message] = []
    for section in checklist.sections:
        for item in section.items:
            if item.indicator is None:
                continue
            number = item.indicator
            if number not in table.indicators:
                warnings.append(
                    Message.of(
                        "scoring.indicator_not_weighed", item=item.id, number=number, table_year=table.year
                    )
                )
            elif number in items:
                warnings.append(
                    Message.of(
                        "scoring.indicator_twice", first=items[number].id, second=item.id, number=number
                    )
                )
            else:
                items[number] = item
                warnings += _item_warnings(item, section.group, table)
    return items, warnings


def _item_warnings(item: Item, section_group: str | None, table: ScoringTable) -> list[Message]:
    group = table.indicators[item.indicator or 0].group
    warnings = []
    if section_group and section_group != group:
        warnings.append(
            Message.of(
                "scoring.indicator_other_group",
                item=item.id,
                section_group=section_group,
                number=item.indicator,
                group=group,
                table_year=table.year,
            )
        )
    if item.score is not None and not (math.isfinite(item.score) and 0 <= item.score <= 100):
        warnings.append(Message.of("scoring.score_out_of_range", item=item.id, score=str(item.score)))
    return warnings


def _usable_score(item: Item | None) -> float | None:
    if item is None or item.score is None:
        return None
    return item.score if math.isfinite(item.score) and 0 <= item.score <= 100 else None


def _group_score(table: ScoringTable, group: str, items: dict[int, Item]) -> GroupScore:
    indicators = tuple(_indicator_score(table, n, items.get(n)) for n in table.numbers_in(group))
    weight = sum((_dec(i.weight) for i in indicators), Decimal(0))
    complete = all(i.score is not None for i in indicators)
    points = sum((_dec(i.score) * _dec(i.weight) for i in indicators if i.score is not None), Decimal(0))
    figure = table.groups[group]
    return GroupScore(
        name=group,
        weight=figure.value,
        weight_source=figure.source,
        score=float(_round2(points / weight)) if complete and weight else None,
        points=float(_round2(points / _HUNDRED)) if complete else None,
        indicators=indicators,
    )


def _indicator_score(table: ScoringTable, number: int, item: Item | None) -> IndicatorScore:
    weight = table.indicators[number]
    score = _usable_score(item)
    return IndicatorScore(
        number=number,
        group=weight.group,
        weight=weight.points,
        weight_source=weight.source,
        score=score,
        points=float(_round2(_dec(score) * _dec(weight.points) / _HUNDRED)) if score is not None else None,
        item_id=item.id if item else None,
        title=item.title if item else "",
    )


def _weighted_sum(table: ScoringTable, scores: Mapping[int, float | None]) -> Decimal:
    """Σ score × weight / 100 over the indicators that have a score (exact)."""
    return (
        sum(
            (
                _dec(score) * _dec(table.indicators[n].points)
                for n, score in scores.items()
                if score is not None
            ),
            Decimal(0),
        )
        / _HUNDRED
    )


def _implied(
    table: ScoringTable, scores: Mapping[int, float | None], items: Mapping[int, Item], reported: float | None
) -> ImpliedScore | None:
    """The missing score implied by the reported overall, when exactly one is missing."""
    missing = [n for n, score in scores.items() if score is None]
    if len(missing) != 1 or reported is None or not math.isfinite(reported):
        return None
    number = missing[0]
    weight = _dec(table.indicators[number].points)
    if not weight:
        return None  # a weightless indicator cannot be recovered from the total
    known = _weighted_sum(table, scores)

    def solve(overall: Decimal) -> Decimal:
        return (overall - known) * _HUNDRED / weight

    item = items.get(number)
    return ImpliedScore(
        number=number,
        item_id=item.id if item else None,
        score=float(_round2(solve(_dec(reported)))),
        low=float(_round2(solve(_dec(reported) - _HALF_CENT))),
        high=float(_round2(solve(_dec(reported) + _HALF_CENT))),
    )


def _result_warnings(result: ScoreResult, fiscal_year: int | None) -> list[Message]:
    warnings = []
    reported = result.reported_overall
    if result.overall is not None and reported is not None:
        gap = abs(_dec(result.overall) - _dec(reported))
        if gap > AGREEMENT:
            warnings.append(
                Message.of(
                    "scoring.overall_differs",
                    computed=f"{result.overall:.2f}",
                    reported=f"{reported:.2f}",
                    gap=f"{gap:.2f}",
                )
            )
    implied = result.implied
    if implied is not None and reported is not None and not 0 <= implied.score <= 100:
        warnings.append(
            Message.of(
                "scoring.implied_out_of_range",
                reported=f"{reported:.2f}",
                number=implied.number,
                score=f"{implied.score:.2f}",
            )
        )
    later = fiscal_year is not None and fiscal_year >= GROUP_FLOOR_FROM_YEAR
    key = "scoring.group_under_pass_mark_later" if later else "scoring.group_under_pass_mark"
    extra = {"from_year": GROUP_FLOOR_FROM_YEAR} if later else {}
    for group in result.groups:
        if group.score is not None and group.score < result.pass_mark:
            warnings.append(
                Message.of(
                    key, group=group.name, score=f"{group.score:.2f}", mark=f"{result.pass_mark:g}", **extra
                )
            )
    warnings += _rating_warning(result)
    return warnings


def _rating_warning(result: ScoreResult) -> list[Message]:
    """A reported rating that is a band letter should match the band; Thai words are not checked."""
    rating = (result.reported_rating or "").strip()
    band = result.band or result.reported_band
    letters = {b.letter for b in result.table.bands}
    if rating in letters and band is not None and rating != band.letter:
        return [Message.of("scoring.rating_not_band", rating=rating, band=band.letter)]
    return []


def _result_notes(result: ScoreResult) -> list[Message]:
    notes = []
    if len(result.missing) == 1:
        notes.append(Message.of("scoring.missing_one", number=result.missing[0]))
    elif result.missing:
        listed = ", ".join(str(n) for n in result.missing)
        notes.append(Message.of("scoring.missing_many", numbers=listed))
    if _assumes(result.table):
        # One plain line; which figures are assumed, and why, is in docs/scoring.md.
        notes.append(Message.of("scoring.uncertain", year=result.table.year))
    return notes


def _assumes(table: ScoringTable) -> bool:
    """True when a figure that scores with *table* is assumed rather than documented."""
    sources = [table.indicators[n].source for n in table.indicators]
    sources += [table.bands[0].source] if table.bands else []
    return any("assumed" in source for source in [*sources, table.pass_mark.source])


# -- what-if ---------------------------------------------------------------------------


@dataclass(frozen=True)
class WhatIf:
    """The smallest raise of one indicator that lifts the overall into *target* band.

    *needed* is the score (2 decimals) the indicator must reach; None when even
    100 is not enough.
    """

    number: int
    item_id: str | None
    current: float
    target: str
    needed: float | None

    @property
    def raise_by(self) -> float | None:
        return None if self.needed is None else float(_dec(self.needed) - _dec(self.current))


def what_if(result: ScoreResult) -> list[WhatIf]:
    """Per scored indicator, the smallest raise into the next band: smallest first, impossible last.

    Empty when the overall is incomplete or already in the top band.
    """
    if result.overall is None or result.band is None:
        return []
    bands = result.table.bands
    index = bands.index(result.band)
    if index == 0:
        return []
    target = bands[index - 1]
    scores = {i.number: i.score for i in result.indicators}
    options = [_raise_to(result.table, scores, i, target) for i in result.indicators if i.score is not None]
    return sorted(options, key=lambda w: (w.needed is None, w.raise_by or 0.0, w.number))


def _raise_to(
    table: ScoringTable, scores: dict[int, float | None], indicator: IndicatorScore, target: Band
) -> WhatIf:
    current = _dec(indicator.score or 0.0)
    weight = _dec(indicator.weight)
    total = _weighted_sum(table, scores)
    # The rounded overall reaches target.lower once the exact overall reaches lower − 0.005.
    gap = _dec(target.lower) - _HALF_CENT - total
    needed: Decimal | None = None
    if weight:
        needed = (current + gap * _HUNDRED / weight).quantize(_CENT, rounding=ROUND_CEILING)
        while _round2(total + (needed - current) * weight / _HUNDRED) < _dec(target.lower):
            needed += _CENT  # guard: never claim a raise that falls short
    if needed is not None and needed > _HUNDRED:
        needed = None
    return WhatIf(
        indicator.number,
        indicator.item_id,
        float(current),
        target.letter,
        float(needed) if needed is not None else None,
    )


# -- JSON ------------------------------------------------------------------------------


def to_json_dict(result: ScoreResult) -> dict[str, object]:
    """*result* as plain JSON data (the ``scoring`` object of exports; ``score --json``).

    ``band`` is the band of the computed overall (null when incomplete);
    ``reported.band`` is the band the reported overall falls in.  ``warnings`` and
    ``notes`` are the findings in English; ``warning_messages`` and ``note_messages``
    are the same findings, in the same order, as ``{"key", "fields"}`` objects (the
    ``ita_tui.i18n`` catalogue key and its fields) for showing them in another language.
    """
    return {
        "fiscal_year": result.fiscal_year,
        "table_year": result.table.year,
        "scored": result.scored,
        "groups": [_group_json(group) for group in result.groups],
        "overall": result.overall,
        "incomplete": result.incomplete,
        "missing": list(result.missing),
        "band": result.band.letter if result.band else None,
        "band_source": result.band.source if result.band else None,
        "passed": result.passed,
        "pass_mark": result.pass_mark,
        "implied": _implied_json(result.implied),
        "reported": {
            "overall": result.reported_overall,
            "rating": result.reported_rating,
            "band": result.reported_band.letter if result.reported_band else None,
            "passed": (
                result.reported_overall >= result.pass_mark if result.reported_overall is not None else None
            ),
        },
        "bands": [_band_json(result.table, band) for band in result.table.bands],
        "what_if": [_what_if_json(option) for option in what_if(result)],
        "warnings": [str(message) for message in result.warnings],
        "notes": [str(message) for message in result.notes],
        "warning_messages": [message_json(message) for message in result.warnings],
        "note_messages": [message_json(message) for message in result.notes],
    }


def message_json(message: Message) -> dict[str, object]:
    """*message* as ``{"key": ..., "fields": {...}}``; a field that is a message, the same form."""
    return {
        "key": message.key,
        "fields": {
            name: message_json(value) if isinstance(value, Message) else value
            for name, value in message.fields
        },
    }


def _group_json(group: GroupScore) -> dict[str, object]:
    return {
        "group": group.name,
        "weight": group.weight,
        "weight_source": group.weight_source,
        "score": group.score,
        "points": group.points,
        "indicators": [
            {
                "indicator": i.number,
                "item": i.item_id,
                "title": i.title,
                "weight": i.weight,
                "weight_source": i.weight_source,
                "score": i.score,
                "points": i.points,
            }
            for i in group.indicators
        ],
    }


def _implied_json(implied: ImpliedScore | None) -> dict[str, object] | None:
    if implied is None:
        return None
    return {
        "indicator": implied.number,
        "item": implied.item_id,
        "score": implied.score,
        "low": implied.low,
        "high": implied.high,
    }


def _band_json(table: ScoringTable, band: Band) -> dict[str, object]:
    return {"band": band.letter, "from": band.lower, "to": table.band_upper(band), "source": band.source}


def _what_if_json(option: WhatIf) -> dict[str, object]:
    return {
        "indicator": option.number,
        "item": option.item_id,
        "current": option.current,
        "target": option.target,
        "needed": option.needed,
        "raise_by": option.raise_by,
    }


# -- numbers -------------------------------------------------------------------------------


def _dec(value: float | int | Decimal) -> Decimal:
    """*value* as the Decimal of its shortest decimal form: 97.44 → Decimal('97.44')."""
    return value if isinstance(value, Decimal) else Decimal(repr(float(value)))


def _round2(value: Decimal) -> Decimal:
    """Round half-up to 2 decimals, the published precision."""
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def _plain(value: Decimal) -> str:
    """A weight for a message: 30, 7.5, 33.33."""
    return f"{value.normalize():f}"


def round_score(value: float) -> float:
    """*value* rounded half-up to 2 decimals, as the overall is (94.995 → 95.0)."""
    return float(_round2(_dec(value)))


__all__ = [
    "TABLES",
    "Band",
    "Figure",
    "GroupScore",
    "ImpliedScore",
    "IndicatorScore",
    "IndicatorWeight",
    "Message",
    "ScoreResult",
    "ScoringTable",
    "WhatIf",
    "check_overrides",
    "effective_table",
    "message_json",
    "round_score",
    "score_checklist",
    "table_for_year",
    "to_json_dict",
    "validate_overrides",
    "what_if",
]

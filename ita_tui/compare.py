"""This year's scores beside last year's: per indicator, per group, overall, and the history.

A checklist names its previous year's file with ``previous = "fy2566.toml"`` in
``[checklist]`` (a path relative to its own folder; ``ita-tui new --from``
writes it).  :func:`previous_chain` follows those links back, oldest first;
:func:`compare` lines the years' scores up.  Pure: no Textual, no Rich.

The API
-------
``previous_chain(path, checklist, limit=10) -> Chain``
    The earlier years reachable through ``previous`` links (oldest first) and
    the problems met on the way (a missing or broken file ends the chain; the
    years before it are kept).
``compare(years) -> Comparison``
    *years* oldest first, each ``(label, checklist)``.  Indicators are matched
    by number (1–10), groups by name (IIT/EIT/OIT); the overall is the score
    that counts each year (computed when every indicator has a score, else
    the reported one).
``Change.delta`` / ``Change.direction`` / ``change_words(change, lang)``
    The last two years' difference, ``up``/``down``/``same``/None, and it in
    words: ``▲ เพิ่มขึ้น 1.23`` / ``▼ down 0.50`` / ``= เท่าเดิม``.
``sparkline(values) -> str``
    ``▁▃▅█`` over the years, a space for a year without a score.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ita_tui.errors import UserError
from ita_tui.i18n import Lang, Message, t
from ita_tui.model import Checklist
from ita_tui.thai import format_score

if TYPE_CHECKING:
    from ita_tui.scoring import ScoreResult

__all__ = [
    "Chain",
    "Change",
    "Comparison",
    "Year",
    "change_words",
    "compare",
    "previous_chain",
    "sparkline",
]

Direction = Literal["up", "down", "same"]
ARROWS: dict[Direction, str] = {"up": "▲", "down": "▼", "same": "="}
SPARKS = "▁▂▃▄▅▆▇█"
# Beyond this many years back the chain stops: a loop or a very long history.
CHAIN_LIMIT = 10


@dataclass(frozen=True)
class Year:
    """One year of the comparison: how it is named and its checklist."""

    label: str  # "2566", or the file's name when the checklist has no fiscal year
    checklist: Checklist


@dataclass(frozen=True)
class Chain:
    """The earlier years found through ``previous`` links, oldest first, and what went wrong."""

    years: list[tuple[Path, Checklist]] = field(default_factory=list)
    problems: list[Message] = field(default_factory=list)  # render(lang) to show


@dataclass(frozen=True)
class Change:
    """One score over the years (oldest first), e.g. indicator 3 or the IIT group."""

    key: str  # "3", "IIT" or "overall"
    title: str
    scores: tuple[float | None, ...]
    group: str = ""  # an indicator's group (IIT, EIT, OIT)

    @property
    def before(self) -> float | None:
        """Last year's score (the year before the newest)."""
        return self.scores[-2] if len(self.scores) >= 2 else None

    @property
    def after(self) -> float | None:
        """This year's score."""
        return self.scores[-1] if self.scores else None

    @property
    def delta(self) -> float | None:
        """This year's minus last year's, to two decimals; None when either is unknown."""
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 2)

    @property
    def direction(self) -> Direction | None:
        """``up``, ``down`` or ``same``; None when a year has no score."""
        delta = self.delta
        if delta is None:
            return None
        return "up" if delta > 0 else "down" if delta < 0 else "same"


@dataclass(frozen=True)
class Comparison:
    """Every year's scores lined up: indicators 1–10, the groups, the overall."""

    labels: tuple[str, ...]  # oldest first
    indicators: tuple[Change, ...]
    groups: tuple[Change, ...]
    overall: Change


def previous_chain(path: Path, checklist: Checklist, limit: int = CHAIN_LIMIT) -> Chain:
    """Follow ``previous`` from *checklist* (read from *path*) back to the oldest year found."""
    from ita_tui.checklist_file import load_checklist

    years: list[tuple[Path, Checklist]] = []
    problems: list[Message] = []
    seen = {_identity(path)}
    current, link = path, checklist.previous
    while link and len(years) < limit:
        target = (current.parent / link) if not os.path.isabs(link) else Path(link)
        if _identity(target) in seen:
            problems.append(Message.of("compare.loop", path=str(target)))
            break
        seen.add(_identity(target))
        try:
            earlier = load_checklist(target)
        except UserError as error:  # missing, unreadable or broken: the years after it still count
            first = error.message.splitlines()[0] if error.message else str(target)
            problems.append(Message.of("compare.unreadable", error=first))
            break
        years.insert(0, (target, earlier))
        current, link = target, earlier.previous
    return Chain(years, problems)


def _identity(path: Path) -> str:
    try:
        return os.path.realpath(path)
    except OSError:
        return str(path)


def year_label(path: Path, checklist: Checklist) -> str:
    """A year's name in the comparison: its fiscal year, else its file's name."""
    return str(checklist.fiscal_year) if checklist.fiscal_year else path.stem


def compare(years: list[Year]) -> Comparison:
    """Line up the scores of *years* (oldest first; at least one)."""
    from ita_tui.scoring import score_checklist

    results = [score_checklist(year.checklist) for year in years]
    newest = results[-1]
    titles = {i.number: i.title for result in results for i in result.indicators if i.title}
    titles.update({i.number: i.title for i in newest.indicators if i.title})
    groups_of = {i.number: i.group for result in results for i in result.indicators}
    groups_of.update({i.number: i.group for i in newest.indicators})
    numbers = sorted({i.number for result in results for i in result.indicators})
    indicators = tuple(
        Change(
            str(number),
            titles.get(number, ""),
            tuple(_indicator_score(result, number) for result in results),
            groups_of.get(number, ""),
        )
        for number in numbers
    )
    names = [g.name for g in newest.groups] or sorted({g.name for r in results for g in r.groups})
    groups = tuple(
        Change(name, name, tuple(_group_score(result, name) for result in results)) for name in names
    )
    overall = Change("overall", "", tuple(_counting(result) for result in results))
    return Comparison(tuple(year.label for year in years), indicators, groups, overall)


def _indicator_score(result: ScoreResult, number: int) -> float | None:
    return next((i.score for i in result.indicators if i.number == number), None)


def _group_score(result: ScoreResult, name: str) -> float | None:
    return next((g.score for g in result.groups if g.name == name), None)


def _counting(result: ScoreResult) -> float | None:
    """The score that counts: computed when complete, else the reported one."""
    return result.overall if result.overall is not None else result.reported_overall


def change_words(change: Change, lang: Lang, thai_digits: bool = False) -> str:
    """``▲ เพิ่มขึ้น 1.23``, ``▼ down 0.50``, ``= เท่าเดิม``; ``—`` when a year has no score."""
    direction = change.direction
    if direction is None or change.delta is None:
        return "—"
    amount = format_score(abs(change.delta), lang, thai_digits)
    return f"{ARROWS[direction]} {t(f'compare.{direction}', lang, amount=amount)}"


def sparkline(values: tuple[float | None, ...]) -> str:
    """One block a year, its height by the score between the lowest and highest shown."""
    known = [value for value in values if value is not None]
    if not known:
        return " " * len(values)
    low, high = min(known), max(known)
    span = high - low
    out = []
    for value in values:
        if value is None:
            out.append(" ")
        elif span == 0:
            out.append(SPARKS[len(SPARKS) // 2])
        else:
            out.append(SPARKS[round((value - low) / span * (len(SPARKS) - 1))])
    return "".join(out)

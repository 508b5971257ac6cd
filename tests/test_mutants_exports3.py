"""Export edges from the third issue-20 sample: each test fails on a mutant that survived it."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from export_helpers import TODAY
from rich.cells import cell_len
from rich.text import Text

from ita_tui.checklist_file import load_checklist
from ita_tui.exports.options import ExportOptions
from ita_tui.exports.registry import render
from ita_tui.exports.summary import score_that_counts
from ita_tui.i18n import t
from ita_tui.model import Checklist
from ita_tui.scoring import score_checklist

BUNDLED = Path(__file__).resolve().parents[1] / "ita_tui" / "checklists" / "fy2566.toml"


@pytest.fixture(scope="module")
def fy2566() -> Checklist:
    return load_checklist(BUNDLED)


def _plain_ansi(checklist: Checklist, options: ExportOptions) -> str:
    return Text.from_ansi(render(checklist, "ansi", options).decode("utf-8")).plain


@pytest.mark.parametrize("term", ["xterm-256color", "dumb"])
def test_the_terminal_exports_fill_exactly_their_width(
    term: str, fy2566: Checklist, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ANSI export is laid out to --width, whatever terminal the command runs in: TERM=dumb (Emacs
    shells, some schedulers) made Rich fall back to 80 columns, and a console in legacy Windows mode
    keeps one column back."""
    monkeypatch.setenv("TERM", term)
    plain = _plain_ansi(fy2566, ExportOptions(lang="en", today=TODAY, width=120))
    assert max(cell_len(line) for line in plain.splitlines()) == 120


def test_the_score_that_counts_is_the_computed_one_unless_asked_otherwise(fy2566: Checklist) -> None:
    """Its promise: the computed score once every indicator has one; the reported score only when
    the caller turns scoring off."""
    checklist = copy.deepcopy(fy2566)
    for section in checklist.sections:
        for item in section.items:
            if item.id.startswith("I") and item.score is None:
                item.score = 90.0
    overall = score_checklist(checklist).overall
    assert overall is not None
    line = score_that_counts(checklist, "en", False)
    assert line is not None and line.startswith("Computed score ")
    assert score_that_counts(checklist, "en", False, computed=False) == t(
        "report.reported_rating", "en", score="95.75", rating=checklist.rating
    )

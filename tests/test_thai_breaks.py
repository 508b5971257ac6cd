"""Thai line breaks no worse than before the segmenter changed (issue 17).

``tests/data/thai_breaks.json`` was made by ``tests/data/freeze_thai_breaks.py`` with
pythainlp 5.4.0's newmm, before ita-tui carried its own (``ita_tui.newmm``): every text
containing Thai of the bundled checklist and of the seed report, its legal break
offsets, and the lines that the text export's wrapper made of it at 24, 40 and 60
cells.  A break "at a word boundary" is one of the frozen offsets: after a space, or
between two newmm words where a line may break.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ita_tui.exports.text import wrap_nicely
from ita_tui.thai import break_offsets, wrap

FROZEN: dict[str, Any] = json.loads(
    (Path(__file__).parent / "data" / "thai_breaks.json").read_text(encoding="utf-8")
)
ENTRIES: list[dict[str, Any]] = FROZEN["texts"]
WIDTHS: list[int] = FROZEN["widths"]


def chosen_breaks(text: str, lines: list[str]) -> list[int]:
    """Offsets in *text* where the wrapper started a new line (hard line breaks left out)."""
    breaks: list[int] = []
    position = 0
    for number, line in enumerate(lines):
        start = text.find(line, position) if line else position
        assert start >= 0, (line, text)
        hard = text[:start].rstrip(" ").endswith(("\n", "\r")) or not text[:start].strip()
        if number and not hard:
            breaks.append(start)
        position = start + len(line)
    return breaks


def at_boundaries(lines_of: str) -> tuple[int, int]:
    """(breaks at a frozen word boundary, all breaks) over every text and width."""
    good = total = 0
    for entry in ENTRIES:
        boundaries = set(entry["boundaries"])
        for width in WIDTHS:
            lines = (
                entry[lines_of][str(width)]
                if lines_of in ("export", "wrap")
                else (wrap_nicely if lines_of == "export now" else wrap)(entry["text"], width)
            )
            breaks = chosen_breaks(entry["text"], lines)
            good += sum(b in boundaries for b in breaks)
            total += len(breaks)
    return good, total


def test_the_frozen_list_covers_the_checklist_and_the_seed() -> None:
    assert len(ENTRIES) > 150
    assert sum(len(entry["boundaries"]) for entry in ENTRIES) > 3000
    assert any("เทศบาลตำบลนิคมคำสร้อย" in entry["text"] for entry in ENTRIES)  # the seed


@pytest.mark.parametrize(("now", "before"), [("export now", "export"), ("wrap now", "wrap")])
def test_breaks_fall_at_word_boundaries_at_least_as_often_as_before(now: str, before: str) -> None:
    good_before, total_before = at_boundaries(before)
    good_now, total_now = at_boundaries(now)
    assert total_before > 1000
    assert good_now / total_now >= good_before / total_before


def test_the_segmenter_finds_the_same_boundaries_as_pythainlp_did() -> None:
    changed = [entry["text"][:40] for entry in ENTRIES if break_offsets(entry["text"]) != entry["boundaries"]]
    assert changed == []


@pytest.mark.parametrize("width", WIDTHS)
def test_wrap_cuts_every_text_as_before(width: int) -> None:
    # thai.wrap alone: the text export's own choice between its layouts (exports/text.py,
    # wrap_nicely) may change with the export; the frozen export lines are held to the
    # "at word boundaries at least as often" measure above.
    changed = [
        entry["text"][:40] for entry in ENTRIES if wrap(entry["text"], width) != entry["wrap"][str(width)]
    ]
    assert changed == []

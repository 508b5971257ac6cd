"""Freeze where Thai lines break today, as the reference for ``tests/test_thai_breaks.py``.

Run once, before the Thai word segmenter was changed (issue 17), with pythainlp 5.4.0's
newmm behind ``ita_tui.thai``:

    python tests/data/freeze_thai_breaks.py > tests/data/thai_breaks.json

Do not run it again to make a failing test pass: the file is the "before" that the
segmenter in use must not do worse than.  It holds every text containing Thai of the
bundled checklist (every string value) and of the seed report (every line), each text's
legal break offsets (``thai.break_offsets``: spaces and newmm word boundaries), and the
lines that the text export's wrapper (``exports.text.wrap_nicely``) and ``thai.wrap`` made
of it at three widths.
"""

from __future__ import annotations

import json
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ita_tui.exports.text import wrap_nicely
from ita_tui.thai import break_offsets, has_thai, wrap

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "seed-report.md"  # the seed report, byte for byte
WIDTHS = (24, 40, 60)


def strings(value: Any) -> Iterator[str]:
    """Every string inside a parsed TOML value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from strings(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from strings(inner)


def texts() -> list[str]:
    checklist = tomllib.loads((ROOT / "checklists" / "fy2566.toml").read_text("utf-8"))
    found = [s for s in strings(checklist) if has_thai(s)]
    found += [line.strip() for line in SEED.read_text("utf-8").splitlines() if has_thai(line)]
    return list(dict.fromkeys(found))  # once each, in order


def main() -> None:
    entries = []
    for text in texts():
        entries.append(
            {
                "text": text,
                "boundaries": break_offsets(text),
                "export": {str(w): wrap_nicely(text, w) for w in WIDTHS},
                "wrap": {str(w): wrap(text, w) for w in WIDTHS},
            }
        )
    json.dump({"widths": WIDTHS, "texts": entries}, sys.stdout, ensure_ascii=False, indent=0)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

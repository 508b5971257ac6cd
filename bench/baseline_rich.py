"""The summary baseline: a script that imports Rich and prints a Table of the same titles.

``python bench/baseline_rich.py FILE`` reads FILE's item titles with tomllib and prints
them in a ``rich.table.Table`` (id, title), with the same Console settings as
``ita-tui show`` (no markup, no emoji, no highlighting).  It is what a summary costs
with nothing of ita-tui's own: bench/run.py compares ``show`` and ``export --format
text`` of the bundled checklist against it (issue 17: at most 2×).
"""

from __future__ import annotations

import sys
import tomllib

from rich.console import Console
from rich.table import Table
from rich.text import Text


def main(path: str) -> None:
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    table = Table("id", "title")
    for section in data.get("sections", []):
        for item in section.get("items", []):
            table.add_row(Text(str(item.get("id", ""))), Text(str(item.get("title", ""))))
    Console(markup=False, emoji=False, highlight=False).print(table)


if __name__ == "__main__":
    main(sys.argv[1])

"""Make tests/data/office/seed-boxes.html from the seed report (see README.md here).

The seed's pipe tables become HTML tables (cell contents kept as they are), and each of
its <input type="checkbox"> boxes is written in one of the spellings real Word files
use, a different one in each indicator row, so that one document holds them all.
Run from the repository's root: python tests/data/office/seed_to_html.py
"""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).parent
SEED = HERE.parent / "seed-report.md"
WINGDINGS = '<span style="font-family:Wingdings">{}</span>'
WINGDINGS_2 = "<span style=\"font-family:'Wingdings 2'\">{}</span>"
# (checked, unchecked) for indicator rows 1–8, in order.
SPELLINGS = [
    ("☑", "☐"),
    ("☒", "☐"),
    ("✓", "□"),
    ("✔", "□"),
    ("[x]", "[ ]"),
    (WINGDINGS.format("þ"), WINGDINGS.format("¨")),
    (WINGDINGS_2.format("R"), WINGDINGS_2.format("£")),
    (WINGDINGS.format("þ"), WINGDINGS.format("¨")),
]
_BOX = re.compile(r'<input( checked="")? type="checkbox"/>')


def _cells(line: str) -> list[str]:
    body = line.strip().removeprefix("|").removesuffix("|")
    return [cell.strip() for cell in body.split("|")]


def _is_separator(line: str) -> bool:
    return bool(line.strip()) and set(line.replace("|", "").strip()) <= set("-: ")


def main() -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    out = ["<!DOCTYPE html>", '<html lang="th"><head><meta charset="utf-8"><title>seed</title></head><body>']
    row_with_boxes = 0
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.lstrip().startswith("|"):
            if line.strip():
                out.append(f"<p>{line.strip()}</p>")
            index += 1
            continue
        out.append('<table border="1">')
        while index < len(lines) and lines[index].lstrip().startswith("|"):
            line = lines[index]
            index += 1
            if _is_separator(line):
                continue
            header = index < len(lines) and _is_separator(lines[index])
            tag = "th" if header else "td"
            row = "".join(f"<{tag}>{cell}</{tag}>" for cell in _cells(line))
            if _BOX.search(row):
                checked, unchecked = SPELLINGS[row_with_boxes]
                row = _BOX.sub(lambda m, c=checked, u=unchecked: c if m.group(1) else u, row)
                row_with_boxes += 1
            out.append(f"<tr>{row}</tr>")
        out.append("</table>")
    out.append("</body></html>")
    (HERE / "seed-boxes.html").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

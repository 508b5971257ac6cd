"""A spreadsheet: one row an item, UTF-8 with a BOM so that Excel reads Thai.

Columns: section id, section title, item id, title, status, score, notes,
updated, then one column a detail field (every key any item has, in file
order), headed by its label.  Lists are joined with line breaks inside the
cell.  The header and the status words follow ``options.lang`` (the file is
for people in a spreadsheet; JSON is the machine format); the score is a plain
number and the date ISO 8601, so the spreadsheet can sort and compute.

Formula injection: a spreadsheet runs a cell that starts with ``=``, ``+``,
``-`` or ``@`` as a formula (``=HYPERLINK(...)``, DDE).  Such text cells get a
leading apostrophe, the usual guard, with one exception decided for Thai
users: ``-`` followed by a Thai letter or a space ("-ติดตาม", "- ติดตาม", a
pasted list) is left alone, since no formula starts that way.  Cells starting
with a tab or carriage return are guarded too.  See docs/exports.md.
"""

from __future__ import annotations

import csv
import io

from ita_tui.exports.options import ExportOptions
from ita_tui.i18n import Lang, status_label, t
from ita_tui.model import Checklist, Item, Section

# Starts a formula in Excel, LibreOffice or Google Sheets.
_FORMULA_START = frozenset("=+@\t\r")


def render(checklist: Checklist, options: ExportOptions) -> bytes:
    """The items passing the filters as CSV (RFC 4180 quoting, CRLF rows, BOM)."""
    lang: Lang = "th" if options.lang == "th" else "en"
    keys = detail_keys(checklist)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(_header(checklist, keys, lang))
    today = options.day()
    for section in checklist.sections:
        for item in section.items:
            if options.admits(item, today):
                writer.writerow(_row(section, item, keys, lang))
    return out.getvalue().encode("utf-8-sig")


def guard(cell: str) -> str:
    """*cell* made safe from formula injection (see the module docstring)."""
    if not cell:
        return cell
    first = cell[0]
    if first in _FORMULA_START:
        return "'" + cell
    if first == "-" and not (len(cell) > 1 and (cell[1].isspace() or "\u0e01" <= cell[1] <= "\u0e5b")):
        return "'" + cell
    return cell


def detail_keys(checklist: Checklist) -> list[str]:
    """Every detail-field key of the checklist, in the order first met."""
    keys: dict[str, None] = {}
    for item in checklist.items():
        keys.update(dict.fromkeys(item.fields))
    return list(keys)


def _header(checklist: Checklist, keys: list[str], lang: Lang) -> list[str]:
    fixed = [
        "label.section",
        "report.csv.section_title",
        "label.id",
        "label.title",
        "label.status",
        "label.score",
        "label.notes",
        "label.updated",
        "label.due",
    ]
    return [guard(t(key, lang)) for key in fixed] + [guard(_label(checklist, key)) for key in keys]


def _label(checklist: Checklist, key: str) -> str:
    """The key's label in the checklist, else in the first section that names it, else the key."""
    if key in checklist.labels:
        return checklist.labels[key]
    return next((s.labels[key] for s in checklist.sections if key in s.labels), key)


def _row(section: Section, item: Item, keys: list[str], lang: Lang) -> list[str]:
    fixed = [
        guard(section.id),
        guard(section.title),
        guard(item.id),
        guard(item.title),
        status_label(item.status, lang),
        _number(item.score),
        guard(item.notes),
        item.updated.isoformat() if item.updated else "",
        item.due.isoformat() if item.due else "",
    ]
    return fixed + [guard(_cell(item.fields.get(key))) for key in keys]


def _number(score: float | None) -> str:
    """The score exactly as stored, without a float's ".0" (100.0 → 100)."""
    if score is None:
        return ""
    text = repr(score)
    return text[:-2] if text.endswith(".0") else text


def _cell(value: str | list[str] | None) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else "\n".join(value)

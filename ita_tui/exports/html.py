"""HTML that survives mail clients: the ``html`` export and the HTML part of the ``eml`` draft.

One renderer for both, so a page saved to disk and a message in an inbox say
and show the same thing.  What mail clients keep decides the form:

- every style inline (Gmail and most webmail drop ``<style>``), the font stack
  on each cell (Outlook does not inherit it from ``<body>``);
- tables for layout, one column 640 px at most, with a fixed-width table in an
  Outlook-only conditional comment (Outlook ignores ``max-width``); on a phone
  the column shrinks, and no cell has a fixed width wider than an id;
- no scripts, no images, no links to anything outside the message;
- status told by a word and a symbol (✓ ◐ ○), colour only repeating it;
- well-formed XML (void elements closed, only XML's entities), so that any
  parser reads it; all checklist text through :func:`html.escape`.

Browsers and mail clients break Thai lines at word boundaries themselves, so
this format needs no Thai word list.
"""

from __future__ import annotations

from html import escape

from ita_tui.exports.left_summary import LeftItem, LeftSummary
from ita_tui.exports.options import ExportOptions
from ita_tui.exports.summary import Detail, Row, SectionSummary, Summary, build_summary
from ita_tui.model import Checklist, Status
from ita_tui.outstanding import STATE_GLYPHS, DueState

# Thai-capable fonts on Android, Windows, macOS/iOS and Linux, then safe fallbacks.
FONT = "'Noto Sans Thai','Leelawadee UI','Leelawadee','Tahoma','Thonburi','Sarabun',Arial,sans-serif"
TEXT = f"font-family:{FONT};font-size:15px;line-height:1.6;color:#111827;"
MUTED = "color:#4b5563;"
SMALL = "font-size:14px;"
RULE = "border-top:1px solid #e5e7eb;"
PAGE_WIDTH = 640
ID_WIDTH = 56
# (text, background) of a status badge: colour repeats what the symbol and word say.
COLOURS: dict[Status, tuple[str, str]] = {
    Status.DONE: ("#14532d", "#dcfce7"),
    Status.IN_PROGRESS: ("#713f12", "#fef3c7"),
    Status.NOT_STARTED: ("#374151", "#f3f4f6"),
}
SYMBOLS: dict[Status, str] = {Status.DONE: "✓", Status.IN_PROGRESS: "◐", Status.NOT_STARTED: "○"}
DUE_COLOURS: dict[DueState, tuple[str, str]] = {
    DueState.OVERDUE: ("#991b1b", "#fee2e2"),
    DueState.DUE_SOON: ("#92400e", "#fef3c7"),
}
H2 = "margin:8px 0 4px;font-size:17px;line-height:1.4;font-weight:bold;"
TABLE = 'role="presentation" cellpadding="0" cellspacing="0" border="0"'


def render(checklist: Checklist, options: ExportOptions) -> bytes:
    """The summary as a UTF-8 HTML page (also the ``eml`` draft's HTML part)."""
    summary = build_summary(checklist, options)
    return "\n".join(page(summary)).encode("utf-8") + b"\n"


def text(value: str) -> str:
    """*value* escaped, its line breaks kept as ``<br />``."""
    return escape(value, quote=True).replace("\n", "<br />\n")


def page(summary: Summary) -> list[str]:
    """The whole document, line by line."""
    rows = [_heading(summary), _progress(summary)]
    if summary.left is not None:
        rows.append(_left(summary, summary.left))
    rows.extend(_section(summary, section) for section in summary.sections)
    return [
        "<!DOCTYPE html>",
        f'<html lang="{summary.lang}">',
        "<head>",
        '<meta charset="utf-8" />',
        '<meta name="viewport" content="width=device-width, initial-scale=1" />',
        f"<title>{text(summary.title)}</title>",
        "</head>",
        '<body style="margin:0;padding:0;background:#f3f4f6;">',
        f'<table {TABLE} width="100%" style="border-collapse:collapse;background:#f3f4f6;">',
        '<tr><td align="center" style="padding:12px 6px;">',
        f'<!--[if mso]><table {TABLE} width="{PAGE_WIDTH}"><tr><td><![endif]-->',
        f'<table {TABLE} width="100%" style="border-collapse:collapse;width:100%;'
        f'max-width:{PAGE_WIDTH}px;background:#ffffff;">',
        *rows,
        "</table>",
        "<!--[if mso]></td></tr></table><![endif]-->",
        "</td></tr>",
        "</table>",
        "</body>",
        "</html>",
    ]


def _block(content: str, padding: str = "0 20px 16px") -> str:
    """One row of the page's column."""
    return f'<tr><td style="padding:{padding};{TEXT}">{content}</td></tr>'


def _heading(summary: Summary) -> str:
    style = "margin:0 0 6px;font-size:21px;line-height:1.4;font-weight:bold;"
    title = f'<h1 style="{style}">{text(summary.title)}</h1>'
    facts = (summary.organization, summary.fiscal_year or "", summary.as_of)
    lines = "".join(f'<div style="{MUTED}">{text(fact)}</div>' for fact in facts if fact)
    return _block(title + lines, "20px 20px 12px")


def _progress(summary: Summary) -> str:
    """The progress in words, a bar that repeats it, and the score that counts."""
    # Each figure kept whole on its line: "ยังไม่ได้ / ดำเนินการ 8" would read as two things.
    first, *rest = (
        f'<span style="white-space:nowrap;">{text(part)}</span>' for part in summary.progress_parts
    )
    label = text(summary.label("label.progress"))
    parts = [f"<div><b>{label}: {first}</b> · {' · '.join(rest)}</div>"]
    parts.append(bar(summary.percent))
    if summary.score_line:
        parts.append(f'<div style="font-weight:bold;">{text(summary.score_line)}</div>')
    if summary.filter_line:
        parts.append(f'<div style="font-style:italic;{MUTED}">{text(summary.filter_line)}</div>')
    return _block("".join(parts))


def bar(percent: int) -> str:
    """A progress bar as a one-row table of two cells sized in percent: coloured
    cells survive where CSS widths and ``<progress>`` do not, and shrink on a phone."""
    cells = []
    if percent:
        cells.append(_bar_cell(percent, "#16a34a"))
    if percent < 100:
        cells.append(_bar_cell(100 - percent, "#e5e7eb"))
    return (
        f'<table {TABLE} width="100%" style="border-collapse:collapse;width:100%;margin:6px 0;">'
        f"<tr>{''.join(cells)}</tr></table>"
    )


def _bar_cell(percent: int, colour: str) -> str:
    return (
        f'<td width="{percent}%" style="width:{percent}%;height:10px;line-height:10px;'
        f'font-size:1px;background:{colour};">&#160;</td>'
    )


def _section(summary: Summary, section: SectionSummary) -> str:
    heading = (
        f'<h2 style="{H2}">'
        f"{text(section.title)} "
        f'<span style="font-weight:normal;{MUTED}">({text(section.progress_label)})</span></h2>'
    )
    if not section.rows:
        empty = f'<div style="{MUTED}">{text(summary.label("report.no_items_shown"))}</div>'
        return _block(heading + empty)
    return _block(heading + _table("\n".join(item_row(summary, row) for row in section.rows)))


def badge(summary: Summary, status: Status) -> str:
    """``✓ ดำเนินการแล้วเสร็จ`` on a tinted background: the symbol and the word carry the meaning."""
    colour, background = COLOURS[status]
    return (
        f'<span style="white-space:nowrap;padding:0 4px;color:{colour};background:{background};">'
        f"{SYMBOLS[status]}&#160;{text(summary.status_name(status))}</span>"
    )


def item_row(summary: Summary, row: Row) -> str:
    """The id in a narrow cell; beside it the title, then status, due date and score, notes, details."""
    meta = _meta(summary, row.status, row.due, row.due_state, row.score)
    body = [f"<div>{text(row.title)}</div>", meta]
    if row.notes:
        body.append(_labelled(summary.label("label.notes"), row.notes))
    if row.updated:
        updated = summary.label("label.updated")
        body.append(f'<div style="{SMALL}{MUTED}">{text(updated)}: {text(row.updated)}</div>')
    body.extend(_detail(detail) for detail in row.details)
    return _row(row.item.id, body)


def left_row(summary: Summary, entry: LeftItem) -> str:
    """An open item of an owner's list: title, status and due date, the latest note."""
    body = [
        f"<div>{text(entry.title)}</div>",
        _meta(summary, entry.status, entry.due, entry.state, entry.score),
    ]
    if entry.shared_with:
        body.append(f'<div style="{SMALL}{MUTED}">{text(entry.shared_with)}</div>')
    if entry.note:
        body.append(_labelled(summary.label("label.notes"), entry.note))
    return _row(entry.id, body)


def _row(item_id: str, body: list[str]) -> str:
    return (
        f'<tr><td width="{ID_WIDTH}" valign="top" style="width:{ID_WIDTH}px;padding:8px 8px 8px 0;'
        f'{RULE}{TEXT}font-weight:bold;word-break:break-word;">{text(item_id)}</td>'
        f'<td valign="top" style="padding:8px 0;{RULE}{TEXT}">{"".join(body)}</td></tr>'
    )


def _meta(
    summary: Summary, status: Status, due: str | None, state: DueState | None, score: str | None
) -> str:
    """``✓ ดำเนินการแล้วเสร็จ · ! กำหนดเสร็จ … · เลยกำหนด 3 วัน · คะแนน 97.44``."""
    parts = [badge(summary, status)]
    if due:
        parts.append(_due(due, state))
    if score is not None:
        parts.append(text(summary.label("report.score_value", score=score)))
    return f'<div style="{SMALL}">{" · ".join(parts)}</div>'


def _due(due: str, state: DueState | None) -> str:
    """The due date; overdue and due soon with their glyph, bold and tinted (never colour alone)."""
    if state not in DUE_COLOURS:
        return text(due)
    colour, background = DUE_COLOURS[state]
    return (
        f'<span style="font-weight:bold;padding:0 4px;color:{colour};background:{background};">'
        f"{STATE_GLYPHS[state]}&#160;{text(due)}</span>"
    )


def _labelled(label: str, value: str) -> str:
    return f'<div style="{SMALL}{MUTED}"><b>{text(label)}:</b> {text(value)}</div>'


def _left(summary: Summary, left: LeftSummary) -> str:
    """What is left, by owner, before the full lists."""
    heading = f'<h2 style="{H2}">{text(left.heading)}</h2>'
    if not left.total:
        return _block(heading + f'<div style="{MUTED}">{text(summary.empty("left"))}</div>')
    groups = []
    for group in left.groups:
        rows = "\n".join(left_row(summary, entry) for entry in group.items)
        groups.append(
            f'<h3 style="margin:12px 0 2px;font-size:15px;line-height:1.4;font-weight:bold;">'
            f"{text(group.heading)}</h3>\n{_table(rows)}"
        )
    return _block(heading + "\n".join(groups))


def _table(rows: str) -> str:
    return f'<table {TABLE} width="100%" style="border-collapse:collapse;width:100%;">\n{rows}\n</table>'


def _detail(detail: Detail) -> str:
    label = f"<b>{text(detail.label)}</b>"
    if not detail.numbered:
        return f'<div style="{SMALL}margin-top:4px;">{label}: {text(detail.lines[0])}</div>'
    entries = "".join(f"<li>{text(line)}</li>" for line in detail.lines)
    listed = f'<ol style="margin:2px 0 0;padding-left:22px;">{entries}</ol>'
    return f'<div style="{SMALL}margin-top:4px;">{label}{listed}</div>'

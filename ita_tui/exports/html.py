"""A standalone HTML page that survives being pasted into an email.

Mail clients drop ``<style>`` blocks and ignore most modern CSS, so every
style is inline, the layout is made of tables (which Outlook and Gmail keep),
and the progress bar is a two-cell table rather than a ``<progress>``
element.  All checklist text goes through :func:`html.escape`.  Browsers
break Thai lines at word boundaries themselves, so this format needs no
pythainlp.
"""

from __future__ import annotations

from html import escape

from ita_tui.exports.options import ExportOptions
from ita_tui.exports.summary import Detail, Row, SectionSummary, Summary, build_summary
from ita_tui.model import Checklist, Status

# Thai-capable fonts on Windows, macOS, Linux and Android, then a safe fallback.
FONT = "'Sarabun','Leelawadee UI','Tahoma','Thonburi','Noto Sans Thai',sans-serif"
COLOURS: dict[Status, tuple[str, str]] = {  # (text, background) of the status badge
    Status.DONE: ("#14532d", "#dcfce7"),
    Status.IN_PROGRESS: ("#713f12", "#fef9c3"),
    Status.NOT_STARTED: ("#374151", "#f3f4f6"),
}
SYMBOLS: dict[Status, str] = {Status.DONE: "✓", Status.IN_PROGRESS: "◐", Status.NOT_STARTED: "○"}
CELL = "padding:6px 8px;border-bottom:1px solid #e5e7eb;vertical-align:top;"
MUTED = "color:#4b5563;"
LIST = "margin:2px 0 0;padding-left:24px;"
# (label key, width in pixels or "" for the rest): the same widths in every section,
# so that the columns of consecutive tables line up.
COLUMNS = (("label.status", "190"), ("label.id", "64"), ("label.item", ""), ("label.score", "72"))


def render(checklist: Checklist, options: ExportOptions) -> bytes:
    """The summary as a UTF-8 HTML page."""
    summary = build_summary(checklist, options)
    return "\n".join(_page(summary)).encode("utf-8") + b"\n"


def text(value: str) -> str:
    """*value* escaped, its line breaks kept as ``<br>``."""
    return escape(value, quote=True).replace("\n", "<br>\n")


def _page(summary: Summary) -> list[str]:
    body = [*_heading(summary), *_progress(summary)]
    for section in summary.sections:
        body.extend(_section(summary, section))
    return [
        "<!DOCTYPE html>",
        f'<html lang="{summary.lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{text(summary.title)}</title>",
        "</head>",
        f'<body style="margin:0;padding:16px;background:#ffffff;color:#111827;font-family:{FONT};'
        'font-size:15px;line-height:1.6;">',
        '<div style="max-width:960px;margin:0 auto;">',
        *body,
        "</div>",
        "</body>",
        "</html>",
    ]


def _heading(summary: Summary) -> list[str]:
    out = [f'<h1 style="font-size:22px;line-height:1.4;margin:0 0 8px;">{text(summary.title)}</h1>']
    for fact in (summary.organization, summary.fiscal_year or "", *summary.score_lines):
        if fact:
            out.append(f'<p style="margin:0;{MUTED}">{text(fact)}</p>')
    return out


def _progress(summary: Summary) -> list[str]:
    out = [f'<p style="margin:16px 0 4px;font-weight:bold;">{text(summary.progress_line)}</p>']
    out.append(_bar(summary.percent, summary.percent_text, 360))
    if summary.filter_line:
        out.append(f'<p style="margin:8px 0 0;font-style:italic;{MUTED}">{text(summary.filter_line)}</p>')
    return out


def _bar(percent: int, label: str, width: int) -> str:
    """A progress bar as a one-row table: coloured cells survive where CSS widths do not."""
    done = max(0, min(width, round(width * percent / 100)))
    cells = []
    if done:
        cells.append(f'<td width="{done}" style="width:{done}px;height:12px;background:#16a34a;"></td>')
    if width - done:
        cells.append(
            f'<td width="{width - done}" style="width:{width - done}px;height:12px;background:#e5e7eb;"></td>'
        )
    return (
        '<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;">'
        f'<tr>{"".join(cells)}<td style="padding-left:8px;font-size:13px;">{text(label)}</td></tr></table>'
    )


def _section(summary: Summary, section: SectionSummary) -> list[str]:
    heading = (
        f'<h2 style="font-size:18px;line-height:1.4;margin:24px 0 6px;">{text(section.title)} '
        f'<span style="font-weight:normal;{MUTED}">({text(section.progress_label)})</span></h2>'
    )
    if not section.rows:
        return [heading, f'<p style="{MUTED}">{text(summary.label("report.no_items_shown"))}</p>']
    scored = any(row.score is not None for row in section.rows)
    columns = COLUMNS if scored else COLUMNS[:-1]  # the measures have no scores: no empty column
    head = "".join(
        f'<th align="{"right" if key == "label.score" else "left"}" width="{width}" '
        f'style="{CELL}border-bottom:2px solid #9ca3af;{_width(width)}">'
        f"{text(summary.label(key))}</th>"
        for key, width in columns
    )
    return [
        heading,
        '<table cellpadding="0" cellspacing="0" width="100%" '
        'style="border-collapse:collapse;width:100%;table-layout:fixed;">',
        f"<tr>{head}</tr>",
        *(_row(summary, row, scored) for row in section.rows),
        "</table>",
    ]


def _width(width: str) -> str:
    return f"width:{width}px;" if width else ""


def _row(summary: Summary, row: Row, scored: bool) -> str:
    colour, background = COLOURS[row.status]
    badge = (
        f'<span style="display:inline-block;white-space:nowrap;padding:0 6px;border-radius:4px;'
        f'color:{colour};background:{background};">{SYMBOLS[row.status]} '
        f"{text(summary.status_name(row.status))}</span>"
    )
    title_style = ' style="font-weight:bold;"' if row.details else ""  # stands out over its details
    body = [f"<div{title_style}>{text(row.title)}</div>"]
    if row.notes:
        body.append(
            f'<div style="{MUTED}"><b>{text(summary.label("label.notes"))}:</b> {text(row.notes)}</div>'
        )
    if row.updated:
        body.append(f'<div style="{MUTED}">{text(summary.label("label.updated"))}: {text(row.updated)}</div>')
    body.extend(_detail(detail) for detail in row.details)
    score = text(row.score) if row.score is not None else ""
    score_cell = f'<td align="right" style="{CELL}white-space:nowrap;">{score}</td>' if scored else ""
    return (
        f'<tr><td style="{CELL}">{badge}</td>'
        f'<td style="{CELL}font-weight:bold;overflow-wrap:anywhere;">{text(row.item.id)}</td>'
        f'<td style="{CELL}overflow-wrap:break-word;">{"".join(body)}</td>{score_cell}</tr>'
    )


def _detail(detail: Detail) -> str:
    label = f"<b>{text(detail.label)}</b>"
    if not detail.numbered:
        return f'<div style="margin-top:4px;">{label}: {text(detail.lines[0])}</div>'
    entries = "".join(f"<li>{text(line)}</li>" for line in detail.lines)
    return f'<div style="margin-top:4px;">{label}<ol style="{LIST}">{entries}</ol></div>'

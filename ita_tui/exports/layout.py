"""The summary as Rich renderables: one source for ``show``, the ANSI and SVG
exports, and the app's meeting view.

:func:`build_report` lays out a :class:`~ita_tui.exports.summary.Summary`:
a heading (title, organization, year, scores), progress overall and per
section (counts and a bar), and per section a table of its items with their
status, id, title, notes (and, in the full variant, every detail field) and
score.  Checklist text only ever enters as :class:`rich.text.Text` (never as
markup), and Thai is wrapped at word boundaries by
:class:`ita_tui.thai.WrappedText` instead of Rich's break-anywhere wrapping.

No Textual here: the app renders these renderables in its own widgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ita_tui.exports.left_summary import LeftSummary
from ita_tui.exports.summary import Detail, Row, SectionSummary, Summary, build_summary
from ita_tui.model import Progress, Status, filled_cells
from ita_tui.outstanding import STATE_GLYPHS, DueState
from ita_tui.thai import Hanging, WrappedText

if TYPE_CHECKING:
    from ita_tui.exports.options import ExportOptions
    from ita_tui.model import Checklist

# Symbols that differ in shape, not only in colour, so that plain output still tells them apart.
SYMBOLS: dict[Status, str] = {Status.DONE: "●", Status.IN_PROGRESS: "◐", Status.NOT_STARTED: "○"}
STYLES: dict[Status, str] = {Status.DONE: "green", Status.IN_PROGRESS: "yellow", Status.NOT_STARTED: "dim"}
# Overdue and due soon: a glyph (outstanding.STATE_GLYPHS) and words, the colour only repeating them.
DUE_STYLES: dict[DueState, str] = {DueState.OVERDUE: "bold red", DueState.DUE_SOON: "bold yellow"}
BAR_WIDTH = 20
# The section names beside the progress bars: wide enough for "IIT ...", not the whole line.
PROGRESS_NAME_WIDTH = 36


def build_report(checklist: Checklist, options: ExportOptions) -> Group:
    """The whole summary of *checklist* as one renderable (statuses, full/brief and lang from *options*)."""
    return report_from_summary(build_summary(checklist, options))


def report_from_summary(summary: Summary) -> Group:
    """Lay out an already built :class:`Summary` (the app builds it once and re-renders)."""
    parts: list[RenderableType] = [heading(summary), Text(""), progress_table(summary), legend(summary)]
    if summary.filter_line:
        parts.append(Text(summary.filter_line, style="italic"))
    if summary.left is not None:
        parts.extend([Text(""), *what_is_left(summary, summary.left)])
    for section in summary.sections:
        parts.extend([Text(""), section_heading(section), section_table(summary, section)])
    return Group(*parts)


def heading(summary: Summary) -> Group:
    """Title (bold), then organization, fiscal year and the score lines."""
    lines: list[RenderableType] = [WrappedText(Text(summary.title, style="bold"))]
    for fact in (summary.organization, summary.fiscal_year or "", summary.as_of, summary.score_line or ""):
        if fact:
            lines.append(WrappedText(Text(fact)))
    return Group(*lines)


def bar(progress: Progress, width: int = BAR_WIDTH) -> Text:
    """A bar of ``█`` (done, green) and ``░`` (the rest): readable without colour too."""
    filled = filled_cells(progress.fraction, width)
    return Text.assemble(("█" * filled, "green"), ("░" * (width - filled), "bright_black"))


def progress_table(summary: Summary) -> Group:
    """The progress line, then bars: the total and one a section (name, bar, done/total)."""
    table = Table.grid(padding=(0, 1))
    table.add_column(max_width=PROGRESS_NAME_WIDTH)
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True, justify="right")
    table.add_column(no_wrap=True, justify="right")

    def fraction(progress: Progress) -> Text:
        return Text(summary.digits(f"{progress.done}/{progress.total}"))

    table.add_row(
        Text(summary.label("label.total"), style="bold"),
        bar(summary.progress),
        fraction(summary.progress),
        Text(summary.percent_text, style="bold"),
    )
    for section in summary.sections:
        table.add_row(WrappedText(Text(section.title)), bar(section.progress), fraction(section.progress), "")
    return Group(WrappedText(Text(summary.progress_line)), table)


def legend(summary: Summary) -> Text:
    """``● ดำเนินการแล้วเสร็จ  ◐ ...  ○ ...``."""
    parts: list[tuple[str, str] | str] = []
    for status in reversed(Status):
        if parts:
            parts.append("   ")
        parts.extend([(SYMBOLS[status], STYLES[status]), " ", summary.status_name(status)])
    return Text.assemble(*parts, style="")


def what_is_left(summary: Summary, left: LeftSummary) -> list[RenderableType]:
    """The open items by owner, before the full lists: each with status, due date and latest note."""
    parts: list[RenderableType] = [WrappedText(Text(left.heading, style="bold"))]
    if not left.total:
        return [*parts, Text(summary.empty("left"), style="dim italic")]
    # One id width for every owner's table, so that I9 and I10 line up all the way down.
    id_width = max(cell_len(entry.id) for group in left.groups for entry in group.items)
    for group in left.groups:
        table = Table.grid(padding=(0, 1), expand=True)
        table.add_column(no_wrap=True, width=1)
        table.add_column(no_wrap=True, width=id_width)
        table.add_column(ratio=1)
        for entry in group.items:
            body: list[RenderableType] = [WrappedText(Text(entry.title))]
            meta = _meta(summary, entry.status, entry.due, entry.state, entry.score)
            body.append(WrappedText(meta))
            if entry.shared_with:
                body.append(WrappedText(Text(entry.shared_with, style="dim")))
            if entry.note:
                body.append(WrappedText(labelled(summary.label("label.notes"), entry.note, "italic")))
            symbol = Text(SYMBOLS[entry.status], style=STYLES[entry.status])
            table.add_row(symbol, Text(entry.id, style="bold"), Group(*body))
        parts.extend([Text(""), WrappedText(Text(group.heading, style="bold")), table])
    return parts


def _meta(
    summary: Summary, status: Status, due: str | None, state: DueState | None, score: str | None
) -> Text:
    """``อยู่ระหว่างดำเนินการ · ! กำหนดเสร็จ … · เลยกำหนด 3 วัน · คะแนน 91.55``."""
    parts: list[str | tuple[str, str]] = [(summary.status_name(status), "dim")]
    if due:
        if state in DUE_STYLES:
            parts.extend([" · ", (f"{STATE_GLYPHS[state]} {due}", DUE_STYLES[state])])
        else:
            parts.extend([" · ", due])
    if score is not None:
        parts.extend([" · ", summary.label("report.score_value", score=score)])
    return Text.assemble(*parts)


def section_heading(section: SectionSummary) -> WrappedText:
    """``title (เสร็จ 0/6)``, the title bold."""
    return WrappedText(Text.assemble((section.title, "bold"), " ", (f"({section.progress_label})", "dim")))


def section_table(summary: Summary, section: SectionSummary) -> RenderableType:
    """The section's items: status symbol, id, title with notes and details, score."""
    if not section.rows:
        return Text(summary.label("report.no_items_shown"), style="dim italic")
    scored = any(row.score is not None for row in section.rows)
    # Full items are long: a blank line between rows keeps them apart.
    table = Table(
        box=box.SIMPLE_HEAD, expand=True, show_edge=False, header_style="bold", show_lines=summary.full
    )
    table.add_column("", no_wrap=True, width=1)
    table.add_column(Text(summary.label("label.id")), no_wrap=True)
    table.add_column(Text(summary.label("label.item")), ratio=1)
    if scored:  # the measures have no scores: no empty column for them
        table.add_column(Text(summary.label("label.score")), no_wrap=True, justify="right")
    for row in section.rows:
        cells: list[RenderableType] = [
            Text(SYMBOLS[row.status], style=STYLES[row.status]),
            Text(row.item.id, style="bold"),
            item_cell(summary, row),
        ]
        if scored:
            cells.append(Text(row.score or ""))
        table.add_row(*cells)
    return table


def item_cell(summary: Summary, row: Row) -> RenderableType:
    """The title, then the due date, notes, date and (full variant) detail fields under it."""
    if not (row.notes or row.updated or row.details or row.due):
        return WrappedText(Text(row.title))
    # Over its details the title is bold, so that items stand apart.
    parts: list[RenderableType] = [WrappedText(Text(row.title, style="bold" if row.details else ""))]
    if row.due:
        style = DUE_STYLES.get(row.due_state, "") if row.due_state else ""
        glyph = f"{STATE_GLYPHS[row.due_state]} " if row.due_state in DUE_STYLES else ""
        parts.append(WrappedText(Text(glyph + row.due, style=style)))
    if row.notes:
        parts.append(WrappedText(labelled(summary.label("label.notes"), row.notes, "italic")))
    if row.updated:
        parts.append(WrappedText(labelled(summary.label("label.updated"), row.updated, "dim")))
    parts.extend(detail(summary, item) for item in row.details)
    return Group(*parts)


def labelled(label: str, value: str, style: str = "") -> Text:
    """``label: value`` with the label bold."""
    return Text.assemble((f"{label}: ", "bold"), (value, style))


def detail(summary: Summary, field: Detail) -> RenderableType:
    """A detail field: ``label: value``, or the label over a numbered list."""
    if not field.numbered:
        return WrappedText(labelled(field.label, field.lines[0]))
    digits = len(str(len(field.lines)))
    entries = [
        Hanging(Text(summary.digits(f"{number}.").rjust(digits + 2) + " "), Text(line))
        for number, line in enumerate(field.lines, start=1)
    ]
    return Group(WrappedText(Text(f"{field.label}:", style="bold")), *entries)

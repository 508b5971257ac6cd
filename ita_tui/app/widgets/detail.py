"""The detail pane: every field of the selected item, under its label.

Only the selected item is rendered.  Text from the file goes in as
``rich.text.Text`` (never markup).  Long Thai text wraps at word boundaries
with :class:`ita_tui.thai.WrappedText` from the first frame on: the word list
loads in a few milliseconds (``ita_tui.newmm``), so the pane never re-wraps once
it is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.text import Text
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ita_tui.app.widgets.navigator import GLYPHS, format_score
from ita_tui.dates import bangkok_today
from ita_tui.i18n import Lang, status_word
from ita_tui.i18n import t as tr
from ita_tui.model import Checklist, Item, Section, Status
from ita_tui.thai import Hanging, WrappedText

if TYPE_CHECKING:
    from rich.table import Table

    from ita_tui.link_results import Outcome


@dataclass(frozen=True)
class Found:
    """What the last search looked for, and the style that marks it."""

    query: str
    ignore_tone_marks: bool = False
    style: str = "bold reverse"


def marked(text: str, style: str = "", found: Found | None = None) -> Text:
    """*text* as data, with the words a search *found* marked (:func:`ita_tui.thai.match_spans`)."""
    shown = Text(text, style=style)
    if found is not None and found.query:
        from ita_tui.thai import match_spans

        for start, end in match_spans(found.query, text, ignore_tone_marks=found.ignore_tone_marks):
            shown.stylize(found.style, start, end)
    return shown


def paragraph(text: str, style: str = "", found: Found | None = None) -> RenderableType:
    """*text* as data, wrapped at Thai word boundaries, the words a search *found* marked."""
    return WrappedText(marked(text, style, found))


STATUS_STYLE = {
    Status.NOT_STARTED: "dim",
    Status.IN_PROGRESS: "bold yellow",
    Status.DONE: "bold green",
}


class DetailPane(VerticalScroll):
    """A scrolling pane showing one item (or a section summary)."""

    DEFAULT_CSS = """
    DetailPane { padding: 0 1; }
    DetailPane > #detail-body { width: 1fr; }
    """

    def __init__(self, *, id: str | None = None, today: Callable[[], date] = bangkok_today) -> None:
        super().__init__(id=id)
        self.today = today  # the agency's day, to say how far the due date is
        self.lang: Lang = "en"
        self.format_time: Callable[[datetime, str], str] = _format_time
        # What the last link check found, by address (the main screen's; empty before a check).
        self.link_results: Mapping[str, Outcome] = {}
        self._shown: tuple[object, ...] = ()
        self.found: Found | None = None  # the last search, marked in what is shown

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="detail-body")

    def show_item(self, checklist: Checklist, section: Section, item: Item) -> None:
        """Show *item* with all its fields; scroll to the top when it is a different item."""
        body = self.query_one("#detail-body", Static)
        self.border_title = Content(f"{item.id} · {item.title}".replace("\n", " "))
        body.update(Group(*self._item_parts(checklist, section, item)))
        key = ("item", item.id)
        if key != self._shown:
            self.scroll_home(animate=False)
        self._shown = key

    def show_section(self, section: Section) -> None:
        """Show a section's summary (the cursor is on its header)."""
        body = self.query_one("#detail-body", Static)
        self.border_title = Content(section.title.replace("\n", " "))
        progress = section.progress()
        lines = Text()
        lines.append(tr("label.items_count", self.lang, count=progress.total) + "\n", "bold")
        for status in Status:
            lines.append(f"{GLYPHS[status]} ", STATUS_STYLE[status])
            lines.append(f"{status_word(status, self.lang)}  {progress.count(status)}\n")
        body.update(lines)
        self._shown = ("section", section.id)

    def show_nothing(self, message: str) -> None:
        self.border_title = None
        self.query_one("#detail-body", Static).update(Text(message, style="dim"))
        self._shown = ()

    def _item_parts(self, checklist: Checklist, section: Section, item: Item) -> list[RenderableType]:
        lang = self.lang
        found = self.found
        parts: list[RenderableType] = [paragraph(item.title, "bold", found), self._status_line(item)]
        for key, value in item.fields.items():
            parts.append(Text(""))
            parts.append(Text(checklist.label(section, key), style=self._label_style()))
            parts.append(_field_value(value, found))
        if item.evidence:
            parts.append(Text(""))
            heading = tr("evidence.detail.heading", lang, count=len(item.evidence))
            parts.append(Text(heading, style=self._label_style()))
            parts.append(self._evidence(item))
        parts.append(Text(""))
        parts.append(Text(tr("label.notes", lang), style=self._label_style()))
        if item.notes:
            parts.append(_indented(item.notes, found))
        else:
            parts.append(Text("  " + tr("app.detail.no_notes", lang), style="dim italic"))
        return parts

    def _evidence(self, item: Item) -> Table:
        """Each piece of evidence: label, address, date published, what the last check found."""
        # Rich's table grid only where an item has evidence: the first frame draws without it.
        from rich.table import Table

        from ita_tui.app.screens.evidence import outcome_text
        from ita_tui.thai import format_date

        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(ratio=1)
        for number, entry in enumerate(item.evidence, 1):
            lines: list[RenderableType] = []
            if entry.label:
                lines.append(paragraph(entry.label))
            # A span, not the line's style: the cell's padding after the address stays plain.
            lines.append(Text.assemble((entry.address, "underline" if entry.is_url else "")))
            facts = Text()
            if entry.published is not None:
                published = format_date(entry.published, self.lang)
                facts.append(tr("evidence.published", self.lang, date=published), style="dim")
            found = outcome_text(self.link_results.get(entry.address), self.lang)
            if found:
                if facts:
                    facts.append(" · ")
                facts.append_text(found)
            if facts:
                lines.append(facts)
            grid.add_row(Text(f"{number}."), Group(*lines))
        return grid

    def _label_style(self) -> str:
        """Labels in the theme's accent colour (Rich styles cannot read Textual's $variables)."""
        accent = self.app.theme_variables.get("accent", "cyan")
        return f"bold {accent}"

    def _status_line(self, item: Item) -> Text:
        """Status, score and last change: labels (dim) in a column, values after two spaces."""
        lang = self.lang
        status = Text(
            f"{GLYPHS[item.status]} {status_word(item.status, lang)}", style=STATUS_STYLE[item.status]
        )
        rows = [(tr("label.status", lang), status)]
        if item.score is not None or item.indicator is not None:
            rows.append((tr("label.score", lang), Text(format_score(item.score) or "—")))
        rows.append((tr("label.due", lang), self._due(item)))
        updated = self.format_time(item.updated, lang) if item.updated else "—"
        rows.append((tr("label.updated", lang), Text(updated)))
        column = max(cell_len(label) for label, _ in rows)
        return Text("\n").join(
            Text.assemble((label + " " * (column - cell_len(label) + 2), "dim"), value)
            for label, value in rows
        )

    def _due(self, item: Item) -> Text:
        """``15 ธ.ค. 2569 · เลยกำหนด 3 วัน`` with the state's glyph; the date alone once done."""
        from ita_tui.outstanding import STATE_GLYPHS, DueState, due_state, due_text
        from ita_tui.thai import format_date

        if item.due is None:
            return Text("—")
        today = self.today()
        state = due_state(item, today)
        if state is None:
            return Text(format_date(item.due, self.lang))
        style = {DueState.OVERDUE: "bold red", DueState.DUE_SOON: "bold yellow"}.get(state, "")
        return Text(f"{STATE_GLYPHS[state]} {due_text(item.due, today, self.lang)}".strip(), style=style)


def _format_time(when: datetime, lang: str) -> str:
    try:
        from ita_tui.thai import format_datetime

        return format_datetime(when, lang)
    except ImportError:
        return when.strftime("%Y-%m-%d %H:%M")


def _indented(text: str, found: Found | None = None) -> Hanging:
    """*text* wrapped two cells in."""
    return Hanging(Text("  "), marked(text, "", found))


def _field_value(value: str | list[str], found: Found | None = None) -> RenderableType:
    """A string as an indented paragraph; a list as numbered lines with a hanging indent.

    Hanging lines, not a Rich table grid: a grid measures and lays out every cell, which
    made the detail pane the costliest part of the app's first frame.
    """
    if isinstance(value, str):
        return _indented(value, found)
    number_width = len(str(len(value))) + 2  # " 1." for up to 9 entries, "  1." from 10
    return Group(
        *(
            Hanging(Text(f"{number}.".rjust(number_width) + " "), marked(entry, "", found))
            for number, entry in enumerate(value, 1)
        )
    )

"""The detail pane: every field of the selected item, under its label.

Only the selected item is rendered.  Text from the file goes in as
``rich.text.Text`` (never markup).  Long Thai text wraps at word boundaries
with :class:`ita_tui.thai.WrappedText` once the Thai word list is loaded; that
load (pythainlp, about 0.8 s) happens in a thread after the first frame, and
until then Rich's own wrapping stands in, so start-up never waits for it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ita_tui.app.widgets.navigator import GLYPHS, format_score
from ita_tui.dates import bangkok_today
from ita_tui.i18n import Lang, status_word
from ita_tui.i18n import t as tr
from ita_tui.model import Checklist, Item, Section, Status

_thai_ready = threading.Event()


def warm_thai() -> None:
    """Load the Thai word segmenter (slow: run it in a thread); wrapping uses it afterwards."""
    try:
        from ita_tui.thai import wrap

        wrap("ทดสอบการตัดคำภาษาไทยให้ถูกต้อง", 8)
    except Exception:
        return
    _thai_ready.set()


def thai_ready() -> bool:
    """True once Thai word wrapping is loaded."""
    return _thai_ready.is_set()


def paragraph(text: str, style: str = "", found: Found | None = None) -> RenderableType:
    """*text* as data, wrapped at Thai word boundaries when the segmenter is ready, with
    the words a search *found* marked."""
    shown = Text(text, style=style)
    if found is not None and found.query:
        from ita_tui.thai import match_spans

        for start, end in match_spans(found.query, text, ignore_tone_marks=found.ignore_tone_marks):
            shown.stylize(found.style, start, end)
    if thai_ready():
        from ita_tui.thai import WrappedText

        return WrappedText(shown)
    return shown


@dataclass(frozen=True)
class Found:
    """What the last search looked for, and the style that marks it."""

    query: str
    ignore_tone_marks: bool = False
    style: str = "bold reverse"


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
        parts.append(Text(""))
        parts.append(Text(tr("label.notes", lang), style=self._label_style()))
        if item.notes:
            parts.append(_indented(paragraph(item.notes, found=found)))
        else:
            parts.append(Text("  " + tr("app.detail.no_notes", lang), style="dim italic"))
        return parts

    def _label_style(self) -> str:
        """Labels in the theme's accent colour (Rich styles cannot read Textual's $variables)."""
        accent = self.app.theme_variables.get("accent", "cyan")
        return f"bold {accent}"

    def _status_line(self, item: Item) -> Table:
        """Status, score and last change: a small label/value grid."""
        lang = self.lang
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column()
        status = Text(
            f"{GLYPHS[item.status]} {status_word(item.status, lang)}", style=STATUS_STYLE[item.status]
        )
        grid.add_row(Text(tr("label.status", lang)), status)
        if item.score is not None or item.indicator is not None:
            grid.add_row(Text(tr("label.score", lang)), Text(format_score(item.score) or "—"))
        grid.add_row(Text(tr("label.due", lang)), self._due(item))
        updated = self.format_time(item.updated, lang) if item.updated else "—"
        grid.add_row(Text(tr("label.updated", lang)), Text(updated))
        return grid

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


def _indented(renderable: RenderableType) -> Table:
    grid = Table.grid(padding=(0, 0))
    grid.add_column(width=2)
    grid.add_column(ratio=1)
    grid.add_row("", renderable)
    return grid


def _field_value(value: str | list[str], found: Found | None) -> RenderableType:
    """A string as an indented paragraph; a list as numbered lines with a hanging indent."""
    if isinstance(value, str):
        return _indented(paragraph(value, found=found))
    grid = Table.grid(padding=(0, 1))
    number_width = len(str(len(value))) + 1
    grid.add_column(width=number_width + 1, justify="right")
    grid.add_column(ratio=1)
    for number, entry in enumerate(value, 1):
        grid.add_row(Text(f"{number}."), paragraph(entry, found=found))
    return grid

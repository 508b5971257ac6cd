"""The section-and-item list: a Line API widget that draws only the rows on screen.

A flat list of rows (a header row per section, then its items) backs the
widget; ``render_line`` turns the few visible rows into strips on demand.  A
status change repaints its own line and its section's header, nothing else,
so a toggle stays fast with 10,000 items (ListView would mount a widget per
item; see TEXTUAL-NOTES.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ita_tui.app.session import SortOrder, StatusFilter
from ita_tui.dates import bangkok_today
from ita_tui.i18n import Lang
from ita_tui.i18n import t as tr
from ita_tui.model import Checklist, Item, Status, filled_cells
from ita_tui.outstanding import STATE_GLYPHS, DueState, due_state
from ita_tui.owners import Owner, owners_of
from ita_tui.thai import format_date

# Shapes differ as well as colours, so a status reads on a monochrome projector.
GLYPHS: dict[Status, str] = {
    Status.NOT_STARTED: "○",
    Status.IN_PROGRESS: "◐",
    Status.DONE: "●",
}

# The navigator's bindings: action -> catalogue key (ita_tui.i18n) of the description,
# applied in the app's language by ita_tui.app.localize.localize_bindings.
NAVIGATOR_KEYS: dict[str, str] = {
    "cursor_down": "app.key.down",
    "cursor_up": "app.key.up",
    "first": "app.key.first",
    "last": "app.key.last",
    "page_down": "app.key.page_down",
    "page_up": "app.key.page_up",
    "fold": "app.key.fold",
    "unfold": "app.key.unfold",
}

BAR_WIDTH = 8
# The mark of an item with notes, in a column before the score (help and docs/app.md say so).
NOTE_MARK = "✎"
_NOTE_WIDTH = 2
# Cells before the glyph on an item row; a click in [GLYPH_COLUMN, GLYPH_COLUMN+2) toggles.
GLYPH_COLUMN = 2
_SCORE_WIDTH = 6
# From this width on, an item due later shows its date too (day and month).
_DATES_FROM_WIDTH = 50


def _soon_words(days: int, lang: Lang) -> str:
    """วันนี้ / พรุ่งนี้ / อีก 3 วัน: how soon, in a few cells."""
    if days == 0:
        return tr("due.short.today", lang)
    if days == 1:
        return tr("due.short.tomorrow", lang)
    return tr("due.short.in_days", lang, days=days)


@dataclass(frozen=True)
class Row:
    """One line of the navigator: a section header (item None) or an item."""

    section: int
    item: Item | None = None


def progress_bar(done: int, total: int, width: int) -> str:
    """A bar of *width* cells, full blocks for the share done: reads in monochrome too."""
    filled = filled_cells(done / total if total else 0.0, width)
    return "█" * filled + "░" * (width - filled)


def format_score(score: float | None) -> str:
    """The score as every summary prints it (:func:`ita_tui.thai.format_score`), blank when unknown."""
    from ita_tui.thai import format_score as report_score

    return "" if score is None else report_score(score)


class Navigator(ScrollView, can_focus=True):
    """Sections and items, with a cursor; posts messages, edits nothing itself."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("left,h", "fold", "Fold", show=False),
        Binding("right,l", "unfold", "Unfold", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "navigator--cursor",
        "navigator--section",
        "navigator--not-started",
        "navigator--in-progress",
        "navigator--done",
        "navigator--id",
        "navigator--score",
        "navigator--bar",
        "navigator--match",
        "navigator--found",
        "navigator--note",
        "navigator--overdue",
        "navigator--due-soon",
        "navigator--due-later",
        "navigator--broken",
    }

    DEFAULT_CSS = """
    Navigator { background: $surface; overflow-x: hidden; }
    Navigator > .navigator--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
    }
    Navigator:blur > .navigator--cursor { background: $block-cursor-blurred-background; text-style: none; }
    Navigator > .navigator--section { text-style: bold; color: $accent; }
    Navigator > .navigator--not-started { color: $text-muted; }
    Navigator > .navigator--in-progress { color: $warning; text-style: bold; }
    Navigator > .navigator--done { color: $success; text-style: bold; }
    Navigator > .navigator--id { color: $text-muted; }
    Navigator > .navigator--score { color: $text-secondary; }
    Navigator > .navigator--bar { color: $success; }
    Navigator > .navigator--match { text-style: underline; }
    Navigator > .navigator--found { background: $accent 50%; text-style: bold underline; }
    Navigator > .navigator--note { color: $text-secondary; }
    Navigator > .navigator--overdue { color: $error; text-style: bold; }
    Navigator > .navigator--due-soon { color: $warning; text-style: bold; }
    Navigator > .navigator--due-later { color: $text-muted; }
    Navigator > .navigator--broken { color: $error; text-style: bold; }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        """The cursor moved to a row: an item (item_id) or a section header (item_id None)."""

        def __init__(self, section: int, item_id: str | None) -> None:
            super().__init__()
            self.section = section
            self.item_id = item_id

    class ToggleRequested(Message):
        """The user clicked an item's glyph: cycle its status."""

        def __init__(self, item_id: str) -> None:
            super().__init__()
            self.item_id = item_id

    class TitleEditRequested(Message):
        """The user double-clicked a row's title: edit it (the row is the cursor's)."""

    def __init__(
        self, checklist: Checklist, *, today: Callable[[], date] = bangkok_today, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.checklist = checklist
        self.today = today  # the agency's day, for overdue and due-soon marks
        self.lang: Lang = "en"
        self.status_filter = StatusFilter.ALL
        self.owner: Owner | None = None  # `o`: only this owner's items
        self.sort = SortOrder.FILE
        # Folded sections by uid, not index: adding, moving or deleting a section keeps them folded.
        self.folded: set[int] = set()
        self.matches: set[str] = set()
        # Items whose evidence the last link check found broken (`L`): marked " ✗ ลิงก์เสีย".
        self.broken: set[str] = set()
        # The search that found them, for marking the words found (match_spans).
        self.found_query = ""
        self.ignore_tone_marks = False
        self.rows: list[Row] = []
        self._row_of: dict[str, int] = {}
        self._header_row: dict[int, int] = {}
        self._id_width = 4
        self._build_rows()
        # The first item is selected from the start, so `space` works at once.
        self.set_reactive(Navigator.cursor, self.first_item_row())

    # -- the rows --------------------------------------------------------------

    def rebuild(self, keep: str | None = None) -> None:
        """Recompute the rows (after a filter, fold or reload), keeping the cursor on *keep*."""
        self._build_rows()
        target = self._row_of.get(keep) if keep else None
        if target is None:
            target = min(self.cursor, len(self.rows) - 1) if self.rows else 0
        self.cursor = max(target, 0)
        self.refresh()

    def admits(self, item: Item, today: date) -> bool:
        """True when the status and owner filters show *item*."""
        if not self.status_filter.admits(item, today):
            return False
        return self.owner is None or any(owner.key == self.owner.key for owner in owners_of(item))

    def _build_rows(self) -> None:
        rows: list[Row] = []
        widest = 2  # over every item, so the columns stay put when a filter or fold hides some
        today = self.today()
        for index, section in enumerate(self.checklist.sections):
            rows.append(Row(index))
            for item in self.sort.arrange(section.items):
                widest = max(widest, cell_len(item.id))
                if section.uid not in self.folded and self.admits(item, today):
                    rows.append(Row(index, item))
        self.rows = rows
        self._row_of = {row.item.id: n for n, row in enumerate(rows) if row.item is not None}
        self._header_row = {row.section: n for n, row in enumerate(rows) if row.item is None}
        self._id_width = min(widest, 10)
        self.virtual_size = Size(0, len(rows))

    def first_item_row(self) -> int:
        """The row of the first item shown (0 when there is none)."""
        return next((n for n, row in enumerate(self.rows) if row.item is not None), 0)

    @property
    def current(self) -> Row | None:
        """The row under the cursor."""
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    @property
    def current_item(self) -> Item | None:
        row = self.current
        return row.item if row else None

    def row_of(self, item_id: str) -> int | None:
        """The row showing *item_id*, None if it is filtered out or folded."""
        return self._row_of.get(item_id)

    def select(self, item_id: str) -> bool:
        """Move the cursor to *item_id*, unfolding its section; False if the filter hides it."""
        row = self._row_of.get(item_id)
        if row is None:
            for section in self.checklist.sections:
                if any(item.id == item_id for item in section.items):
                    self.folded.discard(section.uid)
            self.rebuild(keep=self.current_item.id if self.current_item else None)
            row = self._row_of.get(item_id)
        if row is None:
            return False
        self.cursor = row
        return True

    def select_section(self, index: int) -> None:
        """Move the cursor to section *index*'s header, scrolled to the top."""
        row = self._header_row.get(index)
        if row is not None:
            self.cursor = row
            self.scroll_to(y=row, animate=False)

    def item_changed(self, item_id: str) -> None:
        """Repaint one item's line and its section header, or rebuild if the filter now hides it."""
        row = self._row_of.get(item_id)
        if row is None:
            return
        item = self.rows[row].item
        if item is not None and not self.admits(item, self.today()):
            # Leaving the item in place until the next move would be kinder, but a
            # filter that lies is worse: drop it, keep the cursor at the same place.
            self.rebuild()
            return
        self.refresh_line(row)
        header = self._header_row.get(self.rows[row].section)
        if header is not None:
            self.refresh_line(header)

    # -- cursor ----------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True)
        row = self.current
        if row is not None:
            self.post_message(self.Highlighted(row.section, row.item.id if row.item else None))

    def _move(self, delta: int) -> None:
        if self.rows:
            self.cursor = max(0, min(len(self.rows) - 1, self.cursor + delta))

    def action_cursor_down(self) -> None:
        self._move(1)

    def action_cursor_up(self) -> None:
        self._move(-1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(len(self.rows) - 1, 0)

    def action_page_down(self) -> None:
        self._move(max(self.scrollable_content_region.height - 1, 1))

    def action_page_up(self) -> None:
        self._move(-max(self.scrollable_content_region.height - 1, 1))

    def action_fold(self) -> None:
        """Fold the current section (from an item, go to its header first)."""
        row = self.current
        if row is None:
            return
        if row.item is not None:
            self.cursor = self._header_row[row.section]
            return
        if self._uid(row.section) not in self.folded:
            self.folded.add(self._uid(row.section))
            self.rebuild()
            self.cursor = self._header_row[row.section]

    def action_unfold(self) -> None:
        row = self.current
        if row is not None and row.item is None and self._uid(row.section) in self.folded:
            self.folded.discard(self._uid(row.section))
            self.rebuild()
            self.cursor = self._header_row[row.section]

    def _uid(self, index: int) -> int:
        return self.checklist.sections[index].uid

    def toggle_fold(self) -> None:
        """Fold or unfold the section under the cursor."""
        row = self.current
        if row is None or row.item is not None:
            return
        if self._uid(row.section) in self.folded:
            self.action_unfold()
        else:
            self.action_fold()

    # -- mouse ----------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        """A click selects the row under it; on an item's glyph it also cycles the status.

        A double click elsewhere on a row asks to edit its title.
        """
        offset = event.get_content_offset(self)
        if offset is None:
            return  # on the border or the scrollbar
        row_index = offset.y + self.scroll_offset.y
        if not 0 <= row_index < len(self.rows):
            return
        self.focus()
        self.cursor = row_index
        row = self.rows[row_index]
        x = offset.x + self.scroll_offset.x
        if row.item is not None and GLYPH_COLUMN <= x < GLYPH_COLUMN + 2:
            self.post_message(self.ToggleRequested(row.item.id))
        elif row.item is None and x < 2:
            self.toggle_fold()
        elif event.chain == 2:
            self.post_message(self.TitleEditRequested())

    # -- drawing --------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width or self.size.width
        base = self.rich_style
        if not 0 <= index < len(self.rows):
            return Strip.blank(width, base)
        row = self.rows[index]
        if row.item is None:
            text = self._section_text(row.section, width)
        else:
            text = self._item_text(row.item, width)
        if index == self.cursor:
            text.stylize(self.get_component_rich_style("navigator--cursor"))
        segments = list(text.render(self.app.console, end=""))
        return Strip(Segment.apply_style(segments, base), text.cell_len).adjust_cell_length(width, base)

    def _status_style(self, status: Status) -> Style:
        return self.get_component_rich_style(f"navigator--{status.value}")

    def _due_tag(self, item: Item, width: int) -> Text:
        """ " ! เลยกำหนด", " ◷ อีก 3 วัน", " 15 ธ.ค." (when there is room): a glyph and words."""
        if item.due is None:
            return Text()
        today = self.today()
        state = due_state(item, today)
        if state is DueState.OVERDUE:
            words = tr("due.state.overdue", self.lang)
        elif state is DueState.DUE_SOON:
            words = _soon_words((item.due - today).days, self.lang)
        elif state is DueState.LATER and width >= _DATES_FROM_WIDTH:
            day = format_date(item.due, self.lang)
            return Text(" " + day.rsplit(" ", 1)[0], self.get_component_rich_style("navigator--due-later"))
        else:
            return Text()
        style = self.get_component_rich_style(f"navigator--{state.value}")
        return Text(f" {STATE_GLYPHS[state]} {words}", style)

    def _broken_tag(self, item: Item) -> Text:
        """ " ✗ ลิงก์เสีย" when the link check found the item's evidence broken: a glyph and a word."""
        if item.id not in self.broken:
            return Text()
        return Text(
            " ✗ " + tr("links.app.tag", self.lang), self.get_component_rich_style("navigator--broken")
        )

    def _item_text(self, item: Item, width: int) -> Text:
        glyph_style = self._status_style(item.status)
        score = format_score(item.score).rjust(_SCORE_WIDTH) if item.score is not None else ""
        id_text = item.id[: self._id_width].ljust(self._id_width)
        due = self._due_tag(item, width)
        due.append_text(self._broken_tag(item))
        room = width - GLYPH_COLUMN - 2 - self._id_width - 1 - _NOTE_WIDTH - cell_len(score) - due.cell_len
        title = Text(item.title.replace("\n", " "), no_wrap=True, overflow="ellipsis")
        if item.id in self.matches:
            title.stylize(self.get_component_rich_style("navigator--match"))
            self._mark_found(title)
        title.truncate(max(room, 1), overflow="ellipsis", pad=True)
        text = Text(" " * GLYPH_COLUMN, no_wrap=True)
        text.append(GLYPHS[item.status], glyph_style)
        text.append(" ")
        text.append(id_text, self.get_component_rich_style("navigator--id"))
        text.append(" ")
        text.append_text(title)
        # A column of its own, so that titles and scores line up with or without notes.
        text.append(
            f" {NOTE_MARK if item.notes.strip() else ' '}", self.get_component_rich_style("navigator--note")
        )
        if score:
            text.append(score, self.get_component_rich_style("navigator--score"))
        text.append_text(due)
        return text

    def _mark_found(self, title: Text) -> None:
        """Style the words the search found in *title*."""
        from ita_tui.thai import match_spans

        style = self.get_component_rich_style("navigator--found")
        for start, end in match_spans(
            self.found_query, title.plain, ignore_tone_marks=self.ignore_tone_marks
        ):
            title.stylize(style, start, end)

    def _section_text(self, index: int, width: int) -> Text:
        section = self.checklist.sections[index]
        progress = section.progress()
        counts = f" {progress.done}/{progress.total}"
        bar = progress_bar(progress.done, progress.total, BAR_WIDTH) if width >= 40 else ""
        marker = "▸ " if section.uid in self.folded else "▾ "
        room = width - 2 - cell_len(bar) - cell_len(counts) - (1 if bar else 0)
        title = Text(section.title.replace("\n", " "), no_wrap=True)
        title.truncate(max(room, 1), overflow="ellipsis", pad=True)
        style = self.get_component_rich_style("navigator--section")
        text = Text(marker, style=style, no_wrap=True)
        title.stylize(style)
        text.append_text(title)
        if bar:
            text.append(" ")
            text.append(bar, self.get_component_rich_style("navigator--bar"))
        text.append(counts, style)
        return text

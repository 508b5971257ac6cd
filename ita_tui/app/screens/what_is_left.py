"""The "what is left" view (`w`): open items by owner, overdue first, with due dates and notes.

Built on :func:`ita_tui.outstanding.what_is_left`; each entry is drawn by
:mod:`..widgets.open_items` (Thai wrapped at word boundaries, ids aligned).
Enter on an item returns its id so the main screen goes to it; escape, `w`
or `q` goes back.  An item with two owners is listed under both.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.console import Group
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ita_tui.app.localize import app_lang, localize_bindings
from ita_tui.app.widgets.open_items import entry_lines, fit, group_heading, id_width
from ita_tui.i18n import Lang
from ita_tui.i18n import t as tr
from ita_tui.model import Checklist
from ita_tui.outstanding import STATE_GLYPHS, DueState, Outstanding, what_is_left
from ita_tui.thai import format_date

LEFT_KEYS: dict[str, str] = {"back": "app.meeting.back", "go": "app.left.go"}


class WhatIsLeftScreen(Screen[str | None]):
    """Who owes what, by when: the open items grouped by owner."""

    DEFAULT_CSS = """
    WhatIsLeftScreen { padding: 0 1; }
    WhatIsLeftScreen #left-title { height: auto; padding: 1 0 0 0; }
    WhatIsLeftScreen #left-list { height: 1fr; border: none; background: $background; }
    WhatIsLeftScreen #left-list > .option-list--option-disabled { color: $text; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,w,q", "back", "Back", show=True),
        Binding("enter", "go", "Go to item", show=True),
    ]

    def __init__(self, checklist: Checklist, lang: Lang, today: date) -> None:
        super().__init__()
        self.checklist = checklist
        self.lang = lang
        self.today = today
        self.outstanding: Outstanding = what_is_left(checklist, today)
        self._width = 0

    def compose(self) -> ComposeResult:
        yield Static(id="left-title")
        yield OptionList(id="left-list")
        yield Footer()

    def on_mount(self) -> None:
        localize_bindings(self, LEFT_KEYS, self.lang)
        self.query_one(OptionList).focus()
        self._fill()

    def on_resize(self) -> None:
        self._fill()

    def apply_language(self) -> None:
        """Redraw in the app's (new) language."""
        self.lang = app_lang(self)
        localize_bindings(self, LEFT_KEYS, self.lang)
        self._width = 0
        self._fill()

    def _fill(self) -> None:
        # The screen's padding, the list's padding and its scrollbar.
        width = max((self.size.width or 80) - 6, 30)
        self.query_one("#left-title", Static).update(self._title(width))
        if width == self._width:
            return
        self._width = width
        option_list = self.query_one(OptionList)
        highlighted = option_list.highlighted_option.id if option_list.highlighted_option else None
        option_list.clear_options()
        option_list.add_options(self._options(width))
        if highlighted is not None:
            option_list.highlighted = next(
                (n for n, option in enumerate(option_list.options) if option.id == highlighted), None
            )
        elif self.outstanding.total:
            option_list.highlighted = 1  # the first item, under its owner's heading

    def _title(self, width: int) -> Text:
        left = self.outstanding
        lang = self.lang
        text = Text(tr("app.meeting.left", lang, count=left.total), "bold")
        if left.overdue:
            text.append(
                f"  {STATE_GLYPHS[DueState.OVERDUE]} {tr('due.state.overdue', lang)} {left.overdue}",
                "bold red",
            )
        if left.due_soon:
            text.append(
                f"  {STATE_GLYPHS[DueState.DUE_SOON]} {tr('due.state.due-soon', lang)} {left.due_soon}",
                "bold yellow",
            )
        as_of = tr("label.summary_as_of", lang, date=format_date(self.today, lang))
        hint = tr("app.left.hint", lang)
        text.append("\n" + fit(f"{as_of} · {hint}", width, 1)[0], "dim")
        return text

    def _options(self, width: int) -> list[Option]:
        left = self.outstanding
        if not left.total:
            return [Option(Text(tr("app.meeting.none_open", self.lang), "bold green"), disabled=True)]
        ids = id_width(list(left.items))
        options: list[Option] = []
        for number, group in enumerate(left.groups):
            heading = group_heading(group, self.lang, width)
            if number:
                heading.insert(0, Text())
            options.append(Option(Group(*heading), disabled=True))
            for entry in group.items:
                lines = entry_lines(entry, width, self.lang, self.today, ids, title_lines=3, note_lines=3)
                options.append(Option(Group(*lines), id=f"{number}:{entry.item.id}"))
        return options

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.action_go()

    def action_go(self) -> None:
        """Enter: close this view and go to the highlighted item."""
        option = self.query_one(OptionList).highlighted_option
        if option is not None and option.id:
            self.dismiss(option.id.split(":", 1)[1])

    def action_back(self) -> None:
        self.dismiss(None)

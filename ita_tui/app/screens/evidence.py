"""The evidence dialog (`v`): an item's links and files, to add, edit, remove and open.

:class:`EvidenceDialog` lists the selected item's evidence with what the last
link check found of each, and hands every change to its *keeper* (the main
screen's :class:`~ita_tui.app.screens.evidence_flow.EvidenceFlow`), which makes
it an undoable edit; the list is then drawn again.  :class:`EvidenceForm` asks
for one entry (address or file, label, date published) and refuses what the
file format would, saying why, without losing what was typed.

Text from the checklist is shown as ``Text``/``Content``, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import PurePath
from typing import ClassVar, Protocol

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ita_tui.app.localize import localize_bindings
from ita_tui.i18n import Lang
from ita_tui.i18n import t as tr
from ita_tui.link_results import Outcome, describe
from ita_tui.model import Evidence, Item


class EvidenceKeeper(Protocol):
    """What the dialog asks of the main screen: the item, the check's results, the edits."""

    def evidence_item(self, item_id: str) -> Item | None: ...

    def link_outcome(self, entry: Evidence) -> Outcome | None: ...

    def add_evidence(self, item_id: str, entry: Evidence) -> bool: ...

    def replace_evidence(self, item_id: str, index: int, entry: Evidence) -> bool: ...

    def remove_evidence(self, item_id: str, index: int) -> bool: ...

    def open_evidence(self, entry: Evidence) -> None: ...

    def action_check_links(self) -> None: ...


# Dialog bindings: action -> catalogue key of the description.
EVIDENCE_KEYS: dict[str, str] = {
    "add": "evidence.key.add",
    "edit": "evidence.key.edit",
    "remove": "evidence.key.remove",
    "open": "evidence.key.open",
    "follow": "evidence.key.follow",
    "check": "evidence.key.check",
    "close": "evidence.key.close",
}


def outcome_text(outcome: Outcome | None, lang: Lang) -> Text:
    """What the last check found, as a glyph and words (colour only repeats them); empty if unchecked."""
    if outcome is None:
        return Text()
    if not outcome.ok:
        return Text(tr("links.broken", lang, why=describe(outcome, lang)), style="bold red")
    if outcome.moved:
        return Text("→ " + describe(outcome, lang), style="yellow")
    return Text("✓ " + describe(outcome, lang), style="green")


def entry_text(
    number: int, entry: Evidence, outcome: Outcome | None, lang: Lang, published: str | None
) -> Text:
    """One entry as the list shows it: ``1. label`` / the address / published, what the check found."""
    text = Text(f"{number}. ", style="bold")
    if entry.label:
        text.append(entry.label, style="bold")
        text.append("\n   ")
    text.append(entry.address, style="underline" if entry.is_url else "")
    facts = Text()
    if published:
        facts.append(published, style="dim")
    found = outcome_text(outcome, lang)
    if found:
        if facts:
            facts.append(" · ")
        facts.append_text(found)
    if facts:
        text.append("\n   ")
        text.append_text(facts)
    return text


class EvidenceDialog(ModalScreen[None]):
    """An item's evidence: a to add, enter to edit, d to remove, o to open, L to check, escape to close."""

    CSS_PATH: ClassVar[list[str | PurePath]] = ["dialogs.tcss", "evidence.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", show=True),
        Binding("e", "edit", "Edit", show=True),
        Binding("d,delete", "remove", "Remove", show=True),
        Binding("o", "open", "Open", show=True),
        Binding("n", "follow", "Use the new address", show=True),
        Binding("L", "check", "Check links", show=True),
        Binding("escape,v", "close", "Close", show=True),
    ]

    def __init__(
        self, keeper: EvidenceKeeper, item_id: str, lang: Lang, format_day: Callable[[date], str]
    ) -> None:
        super().__init__()
        self.keeper = keeper
        self.item_id = item_id
        self.lang = lang
        self.format_day = format_day

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog evidence-dialog"):
            yield Static(id="evidence-title", classes="dialog-title")
            yield OptionList(id="evidence-list")
            yield Static(id="evidence-empty")
            yield Static(Text(tr("evidence.dialog.keys", self.lang), style="dim"), classes="dialog-hint")

    def on_mount(self) -> None:
        localize_bindings(self, EVIDENCE_KEYS, self.lang)
        self.refresh_list()
        self.query_one(OptionList).focus()

    @property
    def item(self) -> Item | None:
        return self.keeper.evidence_item(self.item_id)

    def refresh_list(self, highlight: int | None = None) -> None:
        """Draw the entries again (after an edit or a check), keeping or moving the highlight."""
        item = self.item
        if item is None:  # removed meanwhile (undone elsewhere): nothing left to show
            self.dismiss(None)
            return
        self.query_one("#evidence-title", Static).update(
            Text(tr("evidence.dialog.title", self.lang, id=item.id, title=" ".join(item.title.split())))
        )
        options = self.query_one(OptionList)
        previous = options.highlighted
        options.clear_options()
        for number, entry in enumerate(item.evidence, 1):
            published = self.format_day(entry.published) if entry.published else None
            published_text = tr("evidence.published", self.lang, date=published) if published else None
            outcome = self.keeper.link_outcome(entry)
            options.add_option(Option(entry_text(number, entry, outcome, self.lang, published_text)))
        empty = self.query_one("#evidence-empty", Static)
        empty.update(
            Text(tr("evidence.dialog.none", self.lang), style="dim italic") if not item.evidence else ""
        )
        empty.display = not item.evidence
        options.display = bool(item.evidence)
        if item.evidence:
            wanted = highlight if highlight is not None else previous
            options.highlighted = min(wanted or 0, len(item.evidence) - 1)

    def _selected(self) -> int | None:
        item = self.item
        index = self.query_one(OptionList).highlighted
        if item is None or index is None or not 0 <= index < len(item.evidence):
            return None
        return index

    def action_add(self) -> None:
        def done(entry: Evidence | None) -> None:
            item = self.item
            if entry is not None and item is not None and self.keeper.add_evidence(self.item_id, entry):
                self.refresh_list(highlight=len(item.evidence) - 1)

        self.app.push_screen(EvidenceForm(self.item_id, None, self.lang), done)

    def action_edit(self) -> None:
        index = self._selected()
        item = self.item
        if index is None or item is None:
            return

        def done(entry: Evidence | None) -> None:
            if entry is not None and self.keeper.replace_evidence(self.item_id, index, entry):
                self.refresh_list(highlight=index)

        self.app.push_screen(EvidenceForm(self.item_id, item.evidence[index], self.lang), done)

    @on(OptionList.OptionSelected)
    def _selected_with_enter(self, event: OptionList.OptionSelected) -> None:
        self.action_edit()

    def action_remove(self) -> None:
        index = self._selected()
        if index is not None and self.keeper.remove_evidence(self.item_id, index):
            self.refresh_list()

    def action_open(self) -> None:
        index = self._selected()
        item = self.item
        if index is not None and item is not None:
            self.keeper.open_evidence(item.evidence[index])

    def action_follow(self) -> None:
        """`n`: a moved web address becomes the address it moved to (what the last check found)."""
        index = self._selected()
        item = self.item
        if index is None or item is None:
            return
        entry = item.evidence[index]
        outcome = self.keeper.link_outcome(entry)
        if outcome is None or not outcome.moved or outcome.final_url is None:
            self.notify(tr("evidence.follow.none", self.lang), severity="warning", markup=False)
            return
        moved = Evidence(url=outcome.final_url, label=entry.label, published=entry.published)
        if self.keeper.replace_evidence(self.item_id, index, moved):
            self.refresh_list(highlight=index)

    def action_check(self) -> None:
        self.keeper.action_check_links()

    def action_close(self) -> None:
        self.dismiss(None)


class EvidenceForm(ModalScreen[Evidence | None]):
    """One piece of evidence: web address or file, label, date published; enter keeps, escape drops."""

    CSS_PATH: ClassVar[list[str | PurePath]] = ["dialogs.tcss", "evidence.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, item_id: str, entry: Evidence | None, lang: Lang) -> None:
        super().__init__()
        self.item_id = item_id
        self.entry = entry
        self.lang = lang

    def compose(self) -> ComposeResult:
        lang, entry = self.lang, self.entry
        key = "evidence.form.edit" if entry is not None else "evidence.form.add"
        with Vertical(classes="dialog evidence-form"):
            yield Static(Text(tr(key, lang, id=self.item_id)), classes="dialog-title")
            with Grid(id="evidence-grid"):
                yield Label(Content(tr("evidence.form.address", lang)))
                yield Input(entry.address if entry else "", id="evidence-address")
                yield Label(Content(tr("evidence.form.label", lang)))
                yield Input((entry.label or "") if entry else "", id="evidence-label")
                yield Label(Content(tr("evidence.form.published", lang)))
                yield Input(_typed_date(entry.published, lang) if entry else "", id="evidence-published")
            yield Static(id="evidence-error")
            yield Static(Text(tr("evidence.form.hint", lang), style="dim"), classes="dialog-hint")

    def on_mount(self) -> None:
        localize_bindings(self, {"cancel": "dialog.cancel"}, self.lang)
        self.query_one("#evidence-address", Input).focus()

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        entry = self.read()
        if entry is not None:
            self.dismiss(entry)

    def read(self) -> Evidence | None:
        """The entry the fields describe, or None with the reason shown under them."""
        from ita_tui.authoring import AuthoringError
        from ita_tui.dates import DateError, bangkok_today, parse_date
        from ita_tui.evidence_edits import make_evidence

        address = self.query_one("#evidence-address", Input).value
        label = self.query_one("#evidence-label", Input).value
        typed = self.query_one("#evidence-published", Input).value.strip()
        try:
            published = parse_date(typed, bangkok_today()) if typed else None
            return make_evidence(address, label, published)
        except DateError as error:
            self._say(tr("evidence.form.bad_date", self.lang, why=tr(error.key, self.lang, **error.fields)))
        except AuthoringError as error:
            self._say(error.message.render(self.lang))
        return None

    def _say(self, problem: str) -> None:
        self.query_one("#evidence-error", Static).update(Text(problem, style="bold red"))

    def action_cancel(self) -> None:
        self.dismiss(None)


def _typed_date(day: date | None, lang: Lang) -> str:
    """A date as one types it back: ``1/11/2569`` in Thai, ``2026-11-01`` in English."""
    if day is None:
        return ""
    from ita_tui.dates import format_date_numeric

    return format_date_numeric(day, lang)

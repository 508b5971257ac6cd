"""Writing the checklist from the main screen: add, edit, move and delete items and sections.

:class:`AuthoringFlow` is a mixin of :class:`~ita_tui.app.screens.main.MainScreen`
(like :class:`~ita_tui.app.screens.saving_flow.SavingFlow`).  Each key opens a
dialog of :mod:`ita_tui.app.screens.authoring`; what the user typed goes to one
of :mod:`ita_tui.authoring`'s functions through :meth:`AuthoringFlow.author`,
which records the resulting :class:`~ita_tui.undoable.Edit` in the session
(so undo and redo work as for statuses, and the file shows as unsaved) and
repaints.  A refused edit (duplicate id, empty title, a year that is not one,
the last indicator of a group) comes back as an
:class:`~ita_tui.authoring.AuthoringError`; its message, in the interface
language, is shown in the dialog, which stays open with what was typed, and
nothing changes.  Several edits made by one dialog (the checklist's fields, an
item's id and title) are one undo step (:func:`~ita_tui.app.session.group`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from rich.text import Text

from ita_tui.i18n import t as tr
from ita_tui.model import GROUPS, Checklist, FieldValue, Item, Section

if TYPE_CHECKING:
    from textual.screen import Screen

    from ita_tui.app.screens.authoring import FieldRow
    from ita_tui.app.session import Session
    from ita_tui.app.widgets.navigator import Navigator
    from ita_tui.i18n import Lang
    from ita_tui.undoable import Edit

    _ScreenBase = Screen[None]
else:
    _ScreenBase = object

Make = Callable[[Checklist], "Edit | None"]
"""One call of :mod:`ita_tui.authoring` on the session's checklist."""


class AuthoringFlow(_ScreenBase):
    """The main screen's editing keys: a, A, t, d, delete/x, K/J, >, i (see the module docstring)."""

    if TYPE_CHECKING:
        # Provided by MainScreen.
        session: Session

        @property
        def lang(self) -> Lang: ...

        @property
        def navigator(self) -> Navigator: ...

        def after_edit(self, edit: Edit) -> None: ...

    # -- the one way an edit is made -----------------------------------------------------

    def author(self, *makes: Make) -> str | None:
        """Make the edits *makes* on the checklist as one undo step, and repaint.

        Returns the reason, in the interface language, when one of them is refused;
        then the ones made before it are undone, so nothing has changed.
        """
        from ita_tui.app.session import group
        from ita_tui.authoring import AuthoringError

        checklist = self.session.checklist
        made: list[Edit] = []
        try:
            for make in makes:
                edit = make(checklist)
                if edit is not None:
                    made.append(edit)
        except AuthoringError as error:
            for edit in reversed(made):
                edit.revert(checklist)
            return error.message.render(self.lang)
        if made:
            edit = group(made)
            self.session.record(edit)
            self.after_edit(edit)
        return None

    def _section_row(self) -> tuple[int, Section, Item | None] | None:
        """The section under the cursor (and the item, when on an item row)."""
        row = self.navigator.current
        if row is None:
            return None
        return row.section, self.session.checklist.sections[row.section], row.item

    # -- adding ------------------------------------------------------------------------

    def action_add_item(self) -> None:
        """`a`: a new item after the selected one, or at the end of the selected section."""
        from ita_tui import authoring
        from ita_tui.app.screens.authoring import FormDialog, FormField

        place = self._section_row()
        if place is None:
            self.action_add_section()
            return
        _index, section, after = place
        checklist = self.session.checklist
        suggested = authoring.suggest_item_id(checklist, section.id)
        if after is not None:
            where = tr("app.edit.add.after", self.lang, item=_name(after))
        else:
            where = tr("app.edit.add.at_end", self.lang, section=_one_line(section.title))

        def submit(values: dict[str, str]) -> str | None:
            return self.author(
                lambda c: authoring.add_item(
                    c,
                    section.id,
                    values["title"],
                    item_id=values["id"],
                    after=after.id if after is not None else None,
                )
            )

        def done(answer: str | None) -> None:
            if answer == "indicator":
                self.action_add_indicator(section)

        fields = [
            FormField("id", tr("label.id", self.lang), suggested),
            FormField(
                "title", tr("label.title", self.lang), placeholder=tr("app.edit.title_hint", self.lang)
            ),
        ]
        dialog = FormDialog(
            tr("app.edit.add.title", self.lang),
            fields,
            submit,
            self.lang,
            subtitle=where,
            ok_label=tr("app.edit.add.ok", self.lang),
            focus="title",
            extra=[("indicator", tr("app.edit.add.from_table", self.lang))],
        )
        self.app.push_screen(dialog, done)

    def action_add_indicator(self, section: Section | None = None) -> None:
        """An ITA indicator from the year's table, with its official title (palette, add dialog)."""
        from ita_tui import authoring
        from ita_tui.app.screens.authoring import Choice, PickDialog
        from ita_tui.scoring import effective_table

        checklist = self.session.checklist
        table = effective_table(checklist)[0]
        titles = authoring.official_indicators()
        present = {item.indicator: item.id for item in checklist.items() if item.indicator}
        choices = []
        for number in sorted(table.indicators):
            group = table.indicators[number].group
            label = Text(f"{number:>2}  ", style="bold")
            label.append(f"{group}  ", "dim")
            label.append(titles.get(number, ""))
            if number in present:
                label.append("  " + tr("app.edit.indicator.present", self.lang, id=present[number]), "dim")
            choices.append(Choice(str(number), label, enabled=number not in present))

        def chosen(answer: str | None) -> None:
            if not answer:
                return
            number = int(answer)
            group = table.indicators[number].group
            inside = section.id if section is not None and section.group == group else None
            error = self.author(lambda c: authoring.add_indicator(c, number, section_id=inside))
            if error:
                self.notify(error, severity="error", markup=False)

        title = tr("app.edit.indicator.title", self.lang, year=table.year)
        self.app.push_screen(PickDialog(title, choices, self.lang), chosen)

    def action_add_section(self) -> None:
        """`A`: a new section after the selected one (or at the end)."""
        from ita_tui import authoring
        from ita_tui.app.screens.authoring import FormDialog, FormField

        place = self._section_row()
        after = place[1].id if place is not None else None
        groups = [(tr("app.edit.section.no_group", self.lang), "")]
        groups += [(f"{group} · {tr(f'group.{group}', self.lang)}", group) for group in GROUPS]

        def submit(values: dict[str, str]) -> str | None:
            return self.author(
                lambda c: authoring.add_section(
                    c, values["title"], section_id=values["id"], after=after, group=values["group"] or None
                )
            )

        fields = [
            FormField("id", tr("label.id", self.lang), authoring.suggest_section_id(self.session.checklist)),
            FormField("title", tr("label.title", self.lang)),
            FormField("group", tr("label.group", self.lang), "", kind="choice", choices=tuple(groups)),
        ]
        self.app.push_screen(
            FormDialog(
                tr("app.edit.section.add", self.lang),
                fields,
                submit,
                self.lang,
                ok_label=tr("app.edit.add.ok", self.lang),
                focus="title",
            )
        )

    # -- titles and fields ----------------------------------------------------------------

    def action_edit_title(self) -> None:
        """`t`: the selected item's id and title, or the selected section's title."""
        from ita_tui import authoring
        from ita_tui.app.screens.authoring import FormDialog, FormField

        place = self._section_row()
        if place is None:
            return
        _index, section, item = place
        if item is None:

            def submit_section(values: dict[str, str]) -> str | None:
                return self.author(lambda c: authoring.set_section_title(c, section.id, values["title"]))

            field = FormField("title", tr("label.title", self.lang), section.title)
            title = tr("app.edit.title.section", self.lang, section=section.id)
            self.app.push_screen(FormDialog(title, [field], submit_section, self.lang))
            return

        def submit(values: dict[str, str]) -> str | None:
            old_id = item.id
            return self.author(
                lambda c: authoring.set_item_title(c, old_id, values["title"]),
                lambda c: authoring.rename_item(c, old_id, values["id"]),
            )

        fields = [
            FormField("id", tr("label.id", self.lang), item.id),
            FormField("title", tr("label.title", self.lang), item.title),
        ]
        title = tr("app.edit.title.item", self.lang, item=item.id)
        self.app.push_screen(FormDialog(title, fields, submit, self.lang, focus="title"))

    def action_edit_fields(self) -> None:
        """`d`: the selected item's detail fields: edit, add from the labels, remove."""
        from ita_tui.app.screens.authoring import FieldsDialog

        item = self._require_item_for_edit()
        if item is not None:
            host = _FieldHost(self, item)
            self.app.push_screen(FieldsDialog(item.id, item.title, host, self.lang))

    def _require_item_for_edit(self) -> Item | None:
        item = self.navigator.current_item
        if item is None:
            self.notify(tr("app.no_item", self.lang), severity="warning")
        return item

    def action_edit_info(self) -> None:
        """`i`: the checklist's title, organization, fiscal year, description and language."""
        from ita_tui import authoring
        from ita_tui.app.screens.authoring import FormDialog, FormField

        checklist = self.session.checklist
        languages = (
            (tr("app.edit.info.language_none", self.lang), ""),
            ("ไทย (th)", "th"),
            ("English (en)", "en"),
        )
        fields = [
            FormField("title", tr("label.title", self.lang), checklist.title),
            FormField("organization", tr("label.organization", self.lang), checklist.organization),
            FormField(
                "fiscal_year",
                tr("label.fiscal_year", self.lang),
                str(checklist.fiscal_year or ""),
                placeholder=tr("app.edit.info.year_hint", self.lang),
            ),
            FormField(
                "description", tr("app.edit.info.description", self.lang), checklist.description, "text"
            ),
            FormField(
                "language", tr("label.language", self.lang), checklist.language or "", "choice", languages
            ),
        ]

        def submit(values: dict[str, str]) -> str | None:
            makes: list[Make] = [
                _set_checklist(key, values[key]) for key in authoring.CHECKLIST_FIELDS if key in values
            ]
            return self.author(*makes)

        title = tr("app.edit.info.title", self.lang)
        self.app.push_screen(FormDialog(title, fields, submit, self.lang, focus="organization"))

    # -- deleting -----------------------------------------------------------------------

    def action_delete(self) -> None:
        """`delete` / `x`: delete the selected item or section, after asking."""
        from ita_tui import authoring
        from ita_tui.app.screens.authoring import DeleteDialog

        place = self._section_row()
        if place is None:
            return
        _index, section, item = place
        if item is not None:
            title = tr("app.edit.delete.item_title", self.lang)
            body = tr("app.edit.delete.item", self.lang, item=_name(item))
            make: Make = lambda c: authoring.remove_item(c, item.id)  # noqa: E731
        else:
            title = tr("app.edit.delete.section_title", self.lang)
            count = len(section.items)
            key = "app.edit.delete.section_items" if count else "app.edit.delete.section"
            body = tr(key, self.lang, section=_one_line(section.title), count=count)
            make = lambda c: authoring.remove_section(c, section.id)  # noqa: E731

        def answer(choice: str | None) -> None:
            if choice == "delete":
                error = self.author(make)
                if error:
                    self.notify(error, severity="error", timeout=10, markup=False)

        self.app.push_screen(DeleteDialog(title, body, self.lang), answer)

    # -- moving -------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        """`K`/`J` (ctrl+up/ctrl+down): the selected item, or section, one place up or down."""
        from ita_tui import authoring

        place = self._section_row()
        if place is None:
            return
        _index, section, item = place
        up_or_down: Literal[-1, 1] = -1 if step < 0 else 1
        if item is not None:
            self.author(lambda c: authoring.move_item_by(c, item.id, up_or_down))
        else:
            self.author(lambda c: authoring.move_section(c, section.id, up_or_down))

    def action_move_to_section(self) -> None:
        """`>`: the selected item to the end of another section."""
        from ita_tui import authoring
        from ita_tui.app.screens.authoring import Choice, PickDialog

        item = self._require_item_for_edit()
        if item is None:
            return
        here = self.session.section_of(item.id)
        choices = [
            Choice(section.id, _section_label(section), enabled=section is not here)
            for section in self.session.checklist.sections
        ]

        def chosen(answer: str | None) -> None:
            if answer:
                self.author(lambda c: authoring.move_item(c, item.id, to_section=answer))

        title = tr("app.edit.move.title", self.lang, item=_name(item))
        self.app.push_screen(PickDialog(title, choices, self.lang), chosen)


def _set_checklist(key: str, text: str) -> Make:
    from ita_tui import authoring

    return lambda c: authoring.set_checklist_field(c, key, text)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _name(item: Item) -> str:
    """``M3 «title»`` for a sentence about the item."""
    from ita_tui.app.merge_view import item_label

    return item_label(item.id, item.title)


def _section_label(section: Section) -> Text:
    text = Text(_one_line(section.title))
    text.append(f"  ({section.id}, {len(section.items)})", "dim")
    return text


class _FieldHost:
    """The field list's view of one item, its edits going through :meth:`AuthoringFlow.author`."""

    def __init__(self, flow: AuthoringFlow, item: Item) -> None:
        self.flow = flow
        self.item = item

    @property
    def _section(self) -> Section:
        return self.flow.session.section_of(self.item.id)

    def rows(self) -> list[FieldRow]:
        from ita_tui.app.screens.authoring import FieldRow

        checklist = self.flow.session.checklist
        section = self._section
        return [
            FieldRow(key, checklist.label(section, key), value) for key, value in self.item.fields.items()
        ]

    def set_field(self, key: str, value: FieldValue | None) -> str | None:
        from ita_tui import authoring

        item_id = self.item.id
        if value is None:
            return self.flow.author(lambda c: authoring.remove_field(c, item_id, key))
        return self.flow.author(lambda c: authoring.set_field(c, item_id, key, value))

    def add_choices(self) -> list[tuple[str, str]]:
        from ita_tui import authoring

        choices = authoring.field_choices(self.flow.session.checklist, self._section.id)
        return [(key, label) for key, label in choices if key not in self.item.fields]

    def check_key(self, key: str) -> str | None:
        # Whether the key can name a field at all is checked when its value is set.
        if not key.strip():
            return tr("app.edit.fields.key_empty", self.flow.lang)
        if key.strip() in self.item.fields:
            return tr("app.edit.fields.exists", self.flow.lang, key=key.strip())
        return None

    def is_list(self, key: str) -> bool:
        values = [item.fields[key] for item in self.flow.session.checklist.items() if key in item.fields]
        return bool(values) and sum(isinstance(v, list) for v in values) * 2 >= len(values)

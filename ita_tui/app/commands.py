"""Command palette entries (ctrl+p) for the app's actions.

One provider lists save, export, meeting view, what is left, due date, the ITA score,
help, the editing actions (add, edit, delete and move items and sections; the checklist's
info), each status filter, the owner filter, the sort orders, each section to jump to,
theme, language, autosave and backup.  Entries that need a
checklist appear only when the main screen is under the palette.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from ita_tui.app.localize import app_lang
from ita_tui.app.session import SortOrder, StatusFilter
from ita_tui.i18n import Lang
from ita_tui.i18n import t as tr

if TYPE_CHECKING:
    from ita_tui.app.screens.main import MainScreen


class ItaCommands(Provider):
    """The app's actions as palette commands."""

    def _commands(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        from ita_tui.app.screens.main import MainScreen, filter_name

        app = self.app
        lang = app_lang(app)
        main = next((s for s in reversed(app.screen_stack) if isinstance(s, MainScreen)), None)
        if main is not None:
            yield tr("app.cmd.save", lang), main.action_save, "ctrl+s"
            yield tr("app.cmd.export", lang), main.action_export, "e"
            yield tr("app.key.copy_summary", lang), main.action_copy_summary, "y"
            yield tr("app.cmd.meeting", lang), main.action_meeting, "m"
            yield tr("app.cmd.what_is_left", lang), main.action_what_is_left, "w"
            yield tr("app.cmd.due", lang), main.action_due, "D"
            yield tr("app.cmd.score", lang), main.action_score_report, "c"
            yield tr("app.cmd.help", lang), main.action_help, "?"
            yield from _editing_commands(main, lang)
            for status_filter in StatusFilter:
                name = filter_name(status_filter, lang)
                yield (
                    tr("app.cmd.filter", lang, name=name),
                    partial(main.action_filter, status_filter.value),
                    "f",
                )
            yield tr("app.cmd.owner_filter", lang), main.action_owner_filter, "o"
            if main.navigator.owner is not None:
                yield tr("app.cmd.owner_clear", lang), partial(main.set_owner_filter, None), "o"
            for order in SortOrder:
                name = tr(f"app.sort.{order.value}", lang)
                yield tr("app.cmd.sort", lang, name=name), partial(main.set_sort, order.value), ""
            for index, section in enumerate(main.session.checklist.sections):
                title = section.title.replace("\n", " ")
                yield tr("app.cmd.section", lang, title=title), partial(main.jump_to_section, index), ""
            tone = not main.ignore_tone_marks
            yield (
                tr("app.cmd.tone_on" if tone else "app.cmd.tone_off", lang),
                partial(main.set_ignore_tone_marks, tone),
                "ctrl+t",
            )
        yield tr("app.cmd.theme", lang), app.action_change_theme, ""
        set_language = getattr(app, "set_language", None)
        if set_language is not None:
            yield tr("app.cmd.lang_th", lang), partial(set_language, "th"), "th"
            yield tr("app.cmd.lang_en", lang), partial(set_language, "en"), "en"
        set_autosave = getattr(app, "set_autosave", None)
        if set_autosave is not None:
            yield tr("app.cmd.autosave_on", lang), partial(set_autosave, True), ""
            yield tr("app.cmd.autosave_off", lang), partial(set_autosave, False), ""
        set_backup = getattr(app, "set_backup", None)
        if set_backup is not None:
            yield tr("app.cmd.backup_on", lang), partial(set_backup, True), ""
            yield tr("app.cmd.backup_off", lang), partial(set_backup, False), ""

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(Content(name), callback, text=name, help=help_text or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, self._highlight(matcher, name), callback, text=name, help=help_text or None)

    def _highlight(self, matcher: Matcher, name: str) -> Content:
        """*name* with the matched letters styled; never parsed as markup.

        ``Matcher.highlight`` parses its candidate as markup, and section
        titles come from the file (``[/bold]`` would crash the palette).
        """
        content = Content(name)
        _score, offsets = matcher.fuzzy_search.match(matcher.query, name)
        for offset in offsets:
            if not name[offset].isspace():
                content = content.stylize(self.match_style or "bold reverse", offset, offset + 1)
        return content


def _editing_commands(main: MainScreen, lang: Lang) -> Iterator[tuple[str, Callable[[], object], str]]:
    """The palette's entries for writing the checklist (the main screen's AuthoringFlow)."""
    yield tr("app.cmd.add_item", lang), main.action_add_item, "a"
    yield tr("app.cmd.add_section", lang), main.action_add_section, "A"
    yield tr("app.cmd.add_indicator", lang), main.action_add_indicator, ""
    yield tr("app.cmd.edit_title", lang), main.action_edit_title, "t"
    yield tr("app.cmd.edit_fields", lang), main.action_edit_fields, "d"
    yield tr("app.cmd.delete", lang), main.action_delete, "delete / x"
    yield tr("app.cmd.move_up", lang), partial(main.action_move, -1), "K / ctrl+↑"
    yield tr("app.cmd.move_down", lang), partial(main.action_move, 1), "J / ctrl+↓"
    yield tr("app.cmd.move_to", lang), main.action_move_to_section, ">"
    yield tr("app.cmd.edit_info", lang), main.action_edit_info, "i"

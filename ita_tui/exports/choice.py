"""What the app's export dialog asks, remembered between exports: format, items, detail, language, folder.

:class:`ExportChoice` turns into :class:`~ita_tui.exports.options.ExportOptions`
(the same options the command line builds), and is kept in the user's
settings (:mod:`ita_tui.settings`), so that the next export, and the copy to
the clipboard (``y``), start from the last choice.

Pure: no Textual.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from ita_tui.exports.options import ExportOptions
from ita_tui.i18n import Lang, parse_lang, t
from ita_tui.model import Status

# Which items: every item, the open ones, or one owner's.
ITEMS = ("all", "open", "owner")
OPEN = frozenset({Status.NOT_STARTED, Status.IN_PROGRESS})
EXPORTS_FOLDER = "exports"


@dataclass(frozen=True)
class ExportChoice:
    """One export as the dialog sets it up.

    *items* is ``all``, ``open`` or ``owner`` (then *owner* names whose items,
    open and done).  *lang* None follows the app's language.  *folder* None
    writes into ``exports`` beside the checklist.
    """

    format: str = "text"
    items: str = "all"
    owner: str = ""
    full: bool = False
    lang: Lang | None = None
    folder: str | None = None

    def language(self, app_lang: Lang) -> Lang:
        """The summary's language: the one chosen, else the app's."""
        return self.lang or app_lang

    def options(self, app_lang: Lang, today: date) -> ExportOptions:
        """The export options of this choice (the format's own default width)."""
        from ita_tui.exports.registry import FORMATS

        options = ExportOptions(
            width=FORMATS[self.format].default_width,
            full=self.full,
            lang=self.language(app_lang),
            today=today,
        )
        if self.items == "open":
            return replace(options, statuses=OPEN)
        if self.items == "owner" and self.owner:
            return replace(options, owners=(self.owner,))
        return options

    def target_folder(self, checklist_path: Path) -> Path:
        """Where the file goes: the folder chosen, else ``exports`` beside the checklist."""
        if self.folder:
            return Path(self.folder).expanduser()
        return checklist_path.resolve().parent / EXPORTS_FOLDER

    def describe(self, app_lang: Lang) -> str:
        """``ยังไม่เสร็จ · ย่อ · ไทย``: which items, how much, which language, in the app's language."""
        if self.items == "owner" and self.owner:
            items = t("app.export.items.owner", app_lang, owner=self.owner)
        else:
            items = t(f"app.export.items.{'open' if self.items == 'open' else 'all'}", app_lang)
        detail = t("app.export.detail.full" if self.full else "app.export.detail.brief", app_lang)
        return " · ".join((items, detail, t(f"app.export.lang.{self.language(app_lang)}", app_lang)))

    def record(self) -> tuple[tuple[str, str | bool], ...]:
        """The choice as the settings keep it (``Settings.export``); defaults are left out."""
        values: dict[str, str | bool] = {"format": self.format, "items": self.items, "full": self.full}
        if self.owner:
            values["owner"] = self.owner
        if self.lang:
            values["lang"] = self.lang
        if self.folder:
            values["folder"] = self.folder
        return tuple(values.items())


def choice_from(record: tuple[tuple[str, str | bool], ...], formats: Iterable[str]) -> ExportChoice:
    """An ExportChoice from what the settings keep, anything unknown left at its default."""
    values = dict(record)
    choice = ExportChoice()
    fmt, items, owner = values.get("format"), values.get("items"), values.get("owner")
    if isinstance(fmt, str) and fmt in set(formats):
        choice = replace(choice, format=fmt)
    if isinstance(items, str) and items in ITEMS:
        choice = replace(choice, items=items)
    if isinstance(owner, str):
        choice = replace(choice, owner=owner)
    full, lang, folder = values.get("full"), values.get("lang"), values.get("folder")
    if isinstance(full, bool):
        choice = replace(choice, full=full)
    if isinstance(lang, str):
        choice = replace(choice, lang=parse_lang(lang))
    if isinstance(folder, str) and folder.strip():
        choice = replace(choice, folder=folder.strip())
    return choice

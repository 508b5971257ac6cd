"""What `set`, `add`, `remove` and `move` share: load under the lock, edit, save, say what was done.

Every edit goes through :mod:`ita_tui.authoring` (or :mod:`ita_tui.edits`), so
the command line refuses what the app refuses, with the same words, in the
interface language (``--lang``, else the checklist's, else the locale).  A
refused edit writes nothing and exits 2; a file that ships with ita-tui is
never edited (exit 2, saying how to make one's own copy).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ita_tui.errors import EXIT_USAGE, UserError

if TYPE_CHECKING:
    from ita_tui.checklist_file import LoadedChecklist
    from ita_tui.cli_parser import ItaParser
    from ita_tui.i18n import Lang
    from ita_tui.model import Checklist, Item, Section
    from ita_tui.undoable import Edit

# A --field value holding this is a list, split here: responsible=กองคลัง|กองช่าง.
LIST_SEPARATOR = "|"


def add_file_argument(parser: ItaParser) -> None:
    parser.add_argument("file", metavar="FILE", help=parser.tr("cli.file_help"))


def add_field_argument(parser: ItaParser, what: str) -> None:
    """--field KEY=VALUE, repeatable; *what* (a catalogue key) says what it sets."""
    parser.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help=parser.tr("cli.field_help", what=parser.tr(what), bar=LIST_SEPARATOR),
    )


def refuse_bundled(path: Path, lang: Lang) -> None:
    """A file that ships inside ita-tui is a template, never edited in place."""
    from ita_tui.i18n import t
    from ita_tui.templates import bundled_name

    name = bundled_name(path)
    if name is not None:
        raise UserError(t("cli.bundled", lang, path=str(path), name=name), EXIT_USAGE)


@dataclass
class Editing:
    """An open file under edit: its checklist, the interface language, the edits made."""

    loaded: LoadedChecklist
    lang: Lang
    file: str
    made: list[Edit]

    @property
    def checklist(self) -> Checklist:
        return self.loaded.checklist

    def do(self, edit: Callable[[], Edit | None]) -> Edit | None:
        """Make one authoring edit; a refusal becomes a one-line usage error naming the file."""
        from ita_tui.authoring import AuthoringError

        try:
            made = edit()
        except AuthoringError as error:
            raise UserError(f"{self.file}: {error.message.render(self.lang)}", EXIT_USAGE) from None
        if made is not None:
            self.made.append(made)
        return made

    def item(self, ident: str) -> Item:
        """The item called *ident*; a usage error with near ids when there is none."""
        found = self.checklist.find(ident)
        if found is None:
            raise self.unknown(ident)
        return found

    def section(self, ident: str) -> Section:
        for section in self.checklist.sections:
            if section.id == ident:
                return section
        raise self.unknown(ident, sections=True)

    def unknown(self, ident: str, *, sections: bool = False) -> UserError:
        """No item (or section) *ident*: name the near ones (case-blind: "i3" means "I3")."""
        from ita_tui.i18n import t

        ids = [s.id for s in self.checklist.sections] if sections else [i.id for i in self.checklist.items()]
        by_folded = {known.casefold(): known for known in ids}
        folded = ident.casefold()
        if folded in by_folded:
            near = [by_folded[folded]]
        else:
            near = [by_folded[m] for m in difflib.get_close_matches(folded, list(by_folded), n=5, cutoff=0.5)]
        key = "cli.no_section" if sections else "cli.no_item"
        message = t(key, self.lang, id=ident)
        if near:
            message += t("cli.did_you_mean", self.lang, ids=", ".join(near))
        else:
            message += t("cli.ids_are", self.lang, ids=", ".join(ids[:12]))
        return UserError(f"{self.file}: {message}", EXIT_USAGE)


@contextmanager
def editing(file: str, lang_option: str | None) -> Iterator[Editing]:
    """Load *file* under its folder's lock, yield it for edits, and save what they changed.

    Load, edit and save happen under one lock, so a concurrent `set` cannot slip in between.
    """
    from ita_tui.checklist_file import load
    from ita_tui.fs.locking import file_lock
    from ita_tui.i18n import resolve_lang
    from ita_tui.record import snapshot
    from ita_tui.saving import save

    path = Path(file)
    refuse_bundled(path, resolve_lang(lang_option, None))
    # A FIFO or a device is refused before the lock is even looked at: file_lock checks first.
    with file_lock(path):
        loaded = load(file)
        session = Editing(loaded, resolve_lang(lang_option, loaded.checklist.language), file, [])
        yield session
        if session.made:
            # Only the items the edits touched are recorded anew; the rest is the load's record.
            touched = set().union(*(edit.touched(loaded.checklist) for edit in session.made))
            save(loaded, record=snapshot(loaded.checklist, loaded.baseline, touched))


def report(session: Editing) -> int:
    """Print one line a change made ("saved: title of M1"), or that there was nothing to change."""
    from ita_tui.console import say
    from ita_tui.i18n import t

    if not session.made:
        say(t("cli.nothing_to_change", session.lang))
    for edit in session.made:
        say(t("cli.saved", session.lang, what=edit.description.render(session.lang)))
    return 0


def parse_field(text: str, lang: Lang) -> tuple[str, str | list[str]]:
    """``KEY=VALUE`` from --field: a string; with ``|`` a list (``\\|`` is a bar); ``KEY=`` removes."""
    from ita_tui.i18n import t

    key, equals, value = text.partition("=")
    if not equals or not key.strip():
        raise UserError(t("cli.field_usage", lang, text=text), EXIT_USAGE)
    marker = "\0"
    value = value.replace("\\" + LIST_SEPARATOR, marker)
    if LIST_SEPARATOR not in value:
        return key.strip(), value.replace(marker, LIST_SEPARATOR)
    return key.strip(), [part.replace(marker, LIST_SEPARATOR) for part in value.split(LIST_SEPARATOR)]


def place_of(checklist: Checklist, item_id: str, lang: Lang) -> str:
    """Where an item stands, in words: "first in measures", "in measures after M2"."""
    from ita_tui.i18n import t

    for section in checklist.sections:
        for index, item in enumerate(section.items):
            if item.id == item_id:
                if index == 0:
                    return t("merge.value.first_in", lang, section=section.id)
                return t("merge.value.after", lang, section=section.id, previous=section.items[index - 1].id)
    return ""

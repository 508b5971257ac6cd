"""The start screen (`ita-tui` with no file): the checklists found, and new ones from templates.

It lists the ``*.toml`` checklists of the current folder, of ``./checklists/``
and of the data folder with each file's progress (read in a worker thread; a
file that fails to load shows its located problems instead of opening; a TOML
file that is no checklist at all, such as ``pyproject.toml``, is left out),
then the bundled templates.  A new checklist is a copy of a template, or next
year's checklist from one found (`n`, or "Next year's checklist from one of
these…": :func:`ita_tui.next_year.next_year_file`, written beside last year's
file unless that one ships with ita-tui), written where the user says (the
current folder by default, else the data folder) and never over an existing
file; nothing is ever written into the installed package.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ita_tui.app.localize import app_lang, localize_bindings
from ita_tui.app.widgets.footer import KeysFooter
from ita_tui.app.widgets.navigator import progress_bar
from ita_tui.checklist_file import LoadedChecklist
from ita_tui.errors import UserError
from ita_tui.i18n import Lang
from ita_tui.i18n import t as tr

# action -> catalogue key of the footer description
START_KEYS: dict[str, str] = {
    "app.quit": "key.quit",
    "cancel_new": "dialog.cancel",
    "next_year": "app.start.key.next_year",
}

Maker = Callable[[Path], tuple[bytes, Callable[[Lang], list[str]]]]
"""Makes a new checklist for a path: its bytes, and the lines that say what was made, in a
language (the new checklist's: it opens, and may switch the language, before they are shown)."""


def search_folders() -> list[Path]:
    """Where the start screen looks for checklists: the current folder, ./checklists/, the data folder."""
    from ita_tui.settings import data_dir

    folders = [Path.cwd(), Path.cwd() / "checklists", data_dir()]
    unique: list[Path] = []
    for folder in folders:
        if folder.resolve() not in [f.resolve() for f in unique]:
            unique.append(folder)
    return unique


def find_checklists(folders: list[Path]) -> list[Path]:
    """The ``*.toml`` files in *folders*, in Thai dictionary order of their names within each folder."""
    from ita_tui.thai import sort_key

    found: list[Path] = []
    for folder in folders:
        try:
            found.extend(
                sorted((p for p in folder.glob("*.toml") if p.is_file()), key=lambda p: sort_key(p.name))
            )
        except OSError:
            continue
    return found


def new_file_folder() -> Path:
    """Where a new checklist goes by default: here when this folder can be written, else the data folder."""
    from ita_tui.settings import data_dir

    here = Path.cwd()
    return here if os.access(here, os.W_OK) else data_dir()


def not_a_checklist(path: Path) -> bool:
    """True for a TOML file that is plainly something else (``pyproject.toml``): keys, none a checklist's.

    A file that does not parse is kept: it may be a checklist with a typo, whose
    problems the start screen shows.
    """
    try:
        data = tomllib.loads(path.read_text("utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    # An empty file is kept too: it is listed with "the file is empty".
    return bool(data) and not ({"format", "checklist", "sections"} & data.keys())


@dataclass
class Found:
    """A listed file and what reading it gave."""

    path: Path
    loaded: LoadedChecklist | None = None
    problems: list[str] | None = None  # None: not read yet


class StartScreen(Screen[None]):
    """Choose a checklist to open, or start one from a template."""

    CSS_PATH = "start.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.quit", "Quit", show=True),
        Binding("n", "next_year", "Next year from this", show=True),
        Binding("escape", "cancel_new", "Cancel", show=False),
    ]

    def __init__(self, folders: list[Path] | None = None) -> None:
        super().__init__()
        self.folders = folders if folders is not None else search_folders()
        self.found = [Found(path) for path in find_checklists(self.folders)]
        self._make: Maker | None = None  # what enter in the path field creates

    @property
    def lang(self) -> Lang:
        return app_lang(self)

    def listed_language(self) -> Lang | None:
        """The language every checklist listed here is written in -- the files found and the
        bundled templates -- or None when they differ (docs/app.md: the start screen's language).

        Read from each file's head, not by loading it, so the first frame does not wait.
        """
        from ita_tui.checklist_file import peek_head
        from ita_tui.i18n import language_of
        from ita_tui.templates import bundled

        heads = [peek_head(found.path) for found in self.found]
        languages = {language_of(language, title) for language, title in heads}
        languages |= {language_of(None, template.title) for template in bundled()}
        languages.discard(None)
        return languages.pop() if len(languages) == 1 else None

    def compose(self) -> ComposeResult:
        with Vertical(id="start-box"):
            yield Static(Text(tr("app.start.title", self.lang), style="bold"), id="start-title")
            yield OptionList(id="start-list")
            yield Static(id="start-detail")
            yield Static(Text(tr("app.start.new_path", self.lang)), id="new-label", classes="-hidden")
            yield Input(id="new-path", classes="-hidden")
            yield Static(Text(tr("app.start.hint", self.lang), style="dim"), id="start-hint")
        yield KeysFooter()

    def on_mount(self) -> None:
        localize_bindings(self, START_KEYS, self.lang)
        self._fill()
        self.query_one(OptionList).focus()
        if self.found:
            self._read_all()

    def apply_language(self) -> None:
        """Redraw in the app's (new) language (chosen in the palette)."""
        lang = self.lang
        localize_bindings(self, START_KEYS, lang)
        self.query_one("#start-title", Static).update(Text(tr("app.start.title", lang), style="bold"))
        self.query_one("#new-label", Static).update(Text(tr("app.start.new_path", lang)))
        self.query_one("#start-hint", Static).update(Text(tr("app.start.hint", lang), style="dim"))
        self._fill()

    def _fill(self) -> None:
        from ita_tui.templates import bundled

        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_option(Option(Text(tr("app.start.found", self.lang), style="bold"), disabled=True))
        if not self.found:
            folders = ", ".join(str(f) for f in self.folders)
            options.add_option(
                Option(Text("  " + tr("app.start.none", self.lang, folders=folders)), disabled=True)
            )
        for index, found in enumerate(self.found):
            options.add_option(Option(self._label(found), id=f"file-{index}"))
        options.add_option(Option(Text(tr("app.start.templates", self.lang), style="bold"), disabled=True))
        for template in bundled():
            label = Text("  + ")
            label.append(template.name, "bold")
            label.append(f"  {template.title}", "dim")
            options.add_option(Option(label, id=f"template-{template.name}"))
        if any(found.loaded is not None for found in self.found):
            label = Text("  + " + tr("app.start.next_year", self.lang), "bold")
            options.add_option(Option(label, id="next-year"))
        if highlighted is not None:
            options.highlighted = highlighted
        else:
            first = next(
                (n for n in range(options.option_count) if not options.get_option_at_index(n).disabled), None
            )
            options.highlighted = first

    def _label(self, found: Found) -> Text:
        text = Text("  ")
        text.append(found.path.name, "bold")
        text.append(f"  {found.path.parent}", "dim")
        if found.problems is None:
            text.append("  " + tr("app.start.loading", self.lang), "dim italic")
        elif found.loaded is None:
            text.append("  ⚠ " + tr("app.start.problems", self.lang, count=len(found.problems)), "bold red")
        else:
            progress = found.loaded.checklist.progress()
            text.append(f"\n    {found.loaded.checklist.title.replace(chr(10), ' ')}")
            text.append(f"\n    {progress_bar(progress.done, progress.total, 16)} ", "green")
            text.append(f"{progress.done}/{progress.total}")
        return text

    @work(thread=True, group="start-read")
    def _read_all(self) -> None:
        from ita_tui.checklist_file import check

        kept = [found for found in self.found if not not_a_checklist(found.path)]
        for found in kept:
            try:
                loaded, problems = check(found.path)
                messages = [p.render(self.lang) for p in problems if not p.warning] if loaded is None else []
            except UserError as error:
                loaded, messages = None, error.render(self.lang).splitlines()
            found.loaded, found.problems = loaded, messages
        self.app.call_from_thread(self._show_read, kept)

    def _show_read(self, kept: list[Found]) -> None:
        # Replaced here, on the UI thread: option ids are indexes into self.found.
        self.found = kept
        self._fill()

    @on(OptionList.OptionHighlighted, "#start-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        detail = self.query_one("#start-detail", Static)
        found = self._found_for(event.option.id)
        if found is not None and found.problems:
            from ita_tui.sanitize import clean_line

            detail.update(Text("\n".join(clean_line(p) for p in found.problems[:20]), style="red"))
        else:
            detail.update("")

    def _found_for(self, option_id: str | None) -> Found | None:
        if option_id and option_id.startswith("file-"):
            return self.found[int(option_id.removeprefix("file-"))]
        return None

    @on(OptionList.OptionSelected, "#start-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        found = self._found_for(option_id)
        if found is not None:
            if found.loaded is not None:
                self.app.open_checklist(found.loaded)  # type: ignore[attr-defined]
            elif found.problems is None:
                self.notify(tr("app.start.loading", self.lang))
            else:
                self.notify(tr("app.load_failed", self.lang, path=found.path.name), severity="error")
            return
        if option_id.startswith("template-"):
            self._from_template(option_id.removeprefix("template-"))
        elif option_id == "next-year":
            self._pick_last_year()

    def _from_template(self, name: str) -> None:
        from ita_tui import templates
        from ita_tui.exports.destination import first_free_path

        template = templates.find(name)
        if template is None:
            return

        def make(path: Path) -> tuple[bytes, Callable[[Lang], list[str]]]:
            return template.read_bytes(), lambda lang: [tr("app.start.created", lang, path=str(path))]

        default = first_free_path(new_file_folder(), name, "toml")
        self._ask_new_path(default, tr("app.start.new_path", self.lang), make)

    def action_next_year(self) -> None:
        """`n`: next year's checklist from the highlighted one (elsewhere: choose which)."""
        option = self.query_one(OptionList).highlighted_option
        found = self._found_for(option.id if option else None)
        if found is not None and found.loaded is not None:
            self._next_year_from(found.loaded)
        else:
            self._pick_last_year()

    def _pick_last_year(self) -> None:
        """Choose the checklist to start next year's from (the loaded ones found)."""
        from ita_tui.app.screens.authoring import Choice, PickDialog

        loaded = [found.loaded for found in self.found if found.loaded is not None]
        if not loaded:
            self.notify(tr("app.start.next_year_none", self.lang))
            return
        choices = [Choice(str(n), _last_year_label(last, self.lang)) for n, last in enumerate(loaded)]

        def chosen(answer: str | None) -> None:
            if answer is not None:
                self._next_year_from(loaded[int(answer)])

        hint = tr("app.start.next_year_hint", self.lang)
        self.app.push_screen(
            PickDialog(tr("app.start.next_year_pick", self.lang), choices, self.lang, hint=hint), chosen
        )

    def _next_year_from(self, last: LoadedChecklist) -> None:
        """Ask where to write next year's checklist from *last* (beside it, unless it ships with ita-tui)."""
        from ita_tui.app.screens.saving_flow import display_path
        from ita_tui.exports.destination import first_free_path
        from ita_tui.next_year import next_year_file
        from ita_tui.saving import encode_pieces
        from ita_tui.templates import bundled_name

        year = last.checklist.fiscal_year
        if year is None:  # next year's cannot be worked out; the app's way to set it is `i`
            self.notify(tr("app.start.next_year_no_year", self.lang, name=last.path.name), markup=False)
            return
        stem = f"fy{year + 1}"
        beside = last.path.parent
        folder = (
            beside if bundled_name(last.path) is None and os.access(beside, os.W_OK) else new_file_folder()
        )

        def make(path: Path) -> tuple[bytes, Callable[[Lang], list[str]]]:
            text, report = next_year_file(last, path)

            def lines(lang: Lang) -> list[str]:
                return report.lines(lang, display_path(path), display_path(last.path))

            return b"".join(encode_pieces(text, last.bom)), lines

        label = tr("app.start.next_year_path", self.lang, last=last.path.name)
        self._ask_new_path(first_free_path(folder, stem, "toml"), label, make)

    def _ask_new_path(self, default: Path, label: str, make: Maker) -> None:
        self._make = make
        field = self.query_one("#new-path", Input)
        field.value = str(default)
        self.query_one("#new-label", Static).update(Text(label))
        self.query_one("#new-label").remove_class("-hidden")
        field.remove_class("-hidden")
        field.focus()

    def action_cancel_new(self) -> None:
        self.query_one("#new-label").add_class("-hidden")
        self.query_one("#new-path").add_class("-hidden")
        self.query_one(OptionList).focus()

    @on(Input.Submitted, "#new-path")
    def _create(self, event: Input.Submitted) -> None:
        from ita_tui.authoring import AuthoringError
        from ita_tui.checklist_file import load
        from ita_tui.exports.destination import write_new

        if self._make is None:
            return
        path = Path(event.value.strip()).expanduser()
        if path.suffix != ".toml":
            path = path.with_suffix(".toml")
        if path.exists():
            self.notify(tr("app.start.exists", self.lang, path=str(path)), severity="error", markup=False)
            return
        try:
            data, said = self._make(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            write_new(path, data)
            loaded = load(path)
        except AuthoringError as error:
            self.notify(error.message.render(self.lang), severity="error", timeout=10, markup=False)
            return
        except (UserError, OSError) as error:
            message = error.render(self.lang) if isinstance(error, UserError) else str(error)
            self.notify(message, severity="error", timeout=10)
            return
        app = self.app
        app.open_checklist(loaded)  # type: ignore[attr-defined]
        # After opening: in the language of the checklist now shown.
        app.notify("\n".join(said(app_lang(app))), timeout=15)


def _last_year_label(last: LoadedChecklist, lang: Lang) -> Text:
    """A checklist to start next year's from: its file name, fiscal year and title."""
    text = Text(last.path.name, "bold")
    if last.checklist.fiscal_year is not None:
        text.append("  " + tr("app.fy", lang, year=last.checklist.fiscal_year))
    text.append("\n    " + " ".join(last.checklist.title.split()), "dim")
    return text

"""Every screen, dialog and message of the app, each reached from a known start: the registry
the language walk (test_language_walk.py) opens one by one, in Thai and in English.

To add a screen or a dialog, register how to reach it::

    @view("what-is-left")
    async def _(pilot: Pilot) -> None:
        await pilot.press("w")

The function starts on the main screen of a checklist (``start=True``: on the start screen,
with the checklist listed in ./checklists) and leaves the app showing the view.  Use keys and
the app's own methods; put Thai text in with ``insert_text_at_cursor`` (TEXTUAL-NOTES.md).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from .helpers import settle

Steps = Callable[[Pilot[Any]], Awaitable[None]]
# What the views type: data on screen, not interface words.
TYPED = "abc"


@dataclass(frozen=True)
class View:
    """A screen, dialog or message, and how to reach it."""

    name: str
    steps: Steps
    start: bool = False  # reached from the start screen (no checklist given)
    size: tuple[int, int] = (120, 40)


VIEWS: list[View] = []


def view(name: str, *, start: bool = False, size: tuple[int, int] = (120, 40)) -> Callable[[Steps], Steps]:
    """Register the steps that reach the view *name*."""

    def register(steps: Steps) -> Steps:
        VIEWS.append(View(name, steps, start, size))
        return steps

    return register


def _main(pilot: Pilot[Any]) -> Any:
    from ita_tui.app.screens.main import MainScreen

    return next(s for s in pilot.app.screen_stack if isinstance(s, MainScreen))


async def _type(pilot: Pilot[Any], text: str) -> None:
    focused = pilot.app.focused
    if isinstance(focused, Input):
        focused.value = ""
        focused.insert_text_at_cursor(text)
    elif isinstance(focused, TextArea):
        focused.insert(text)
    await pilot.pause()


# -- the main screen -------------------------------------------------------------------------


@view("main")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.pause()


@view("main-80x24", size=(80, 24))
async def _(pilot: Pilot[Any]) -> None:
    await pilot.pause()


@view("section-header")
async def _(pilot: Pilot[Any]) -> None:
    _main(pilot).navigator.select_section(1)
    await pilot.pause()


@view("filter-open")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("f")


@view("filter-empty")
async def _(pilot: Pilot[Any]) -> None:
    screen = _main(pilot)
    for item in screen.session.checklist.items():
        screen.session.set_status(item, item.status.__class__("done"))
    screen.action_filter("not-started")
    await pilot.pause()


@view("search-bar")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("slash")


@view("search-found")
async def _(pilot: Pilot[Any]) -> None:
    screen = _main(pilot)
    title = screen.session.checklist.items()[3].title
    screen.run_search(title[:6])
    await pilot.pause()


@view("search-none")
async def _(pilot: Pilot[Any]) -> None:
    _main(pilot).run_search("[/]zzz[/bold]")
    await pilot.pause()


@view("search-wrapped")
async def _(pilot: Pilot[Any]) -> None:
    screen = _main(pilot)
    last = screen.session.checklist.items()[-1]
    screen.navigator.select(last.id)
    screen.run_search(screen.session.checklist.items()[0].id)
    await pilot.pause()


@view("tone-marks")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+t")


@view("status-and-undo")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("space", "u", "u")


@view("nothing-to-save")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+s")


@view("saved")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("space", "ctrl+s")
    await settle(pilot)


# -- dialogs -------------------------------------------------------------------------------


@view("notes-editor")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("enter")


@view("score-dialog")
async def _(pilot: Pilot[Any]) -> None:
    screen = _main(pilot)
    indicator = next(item for item in screen.session.checklist.items() if item.indicator)
    screen.navigator.select(indicator.id)
    await pilot.press("s")


@view("score-dialog-error")
async def _(pilot: Pilot[Any]) -> None:
    screen = _main(pilot)
    indicator = next(item for item in screen.session.checklist.items() if item.indicator)
    screen.navigator.select(indicator.id)
    await pilot.press("s")
    await _type(pilot, TYPED)
    await pilot.press("enter")


@view("score-refused")
async def _(pilot: Pilot[Any]) -> None:
    screen = _main(pilot)
    measure = next(item for item in screen.session.checklist.items() if not item.indicator)
    screen.navigator.select(measure.id)
    await pilot.press("s")


@view("quit-dialog")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("space", "q")


@view("export-dialog")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("e")


@view("exported")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("e", "enter")
    await settle(pilot)


@view("conflict-clean")
async def _(pilot: Pilot[Any]) -> None:
    screen = _main(pilot)
    path = screen.loaded.path
    await pilot.press("space")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('id = "I9"', 'id = "I9"\nnotes = "from elsewhere"', 1), encoding="utf-8")
    await pilot.press("ctrl+s")
    await settle(pilot)


@view("conflict-both")
async def _(pilot: Pilot[Any]) -> None:
    screen = _main(pilot)
    path = screen.loaded.path
    first = screen.session.checklist.items()[0].id
    await pilot.press("space")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'id = "{first}"', f'id = "{first}"\nnotes = "theirs"', 1), encoding="utf-8")
    await pilot.press("ctrl+s")
    await settle(pilot)


@view("conflict-unreadable")
async def _(pilot: Pilot[Any]) -> None:
    screen = _main(pilot)
    await pilot.press("space")
    screen.loaded.path.write_text("format = 1\n[checklist\n", encoding="utf-8")
    await pilot.press("ctrl+s")
    await settle(pilot)


# -- other screens ---------------------------------------------------------------------------


@view("help")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("question_mark")


@view("meeting")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("m")


@view("score-screen")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("c")


@view("palette")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause(0.3)


@view("start", start=True)
async def _(pilot: Pilot[Any]) -> None:
    await settle(pilot)


@view("start-new", start=True)
async def _(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    screen = pilot.app.screen
    screen._from_template("fy2566")
    await pilot.pause()


@view("start-exists", start=True)
async def _(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    screen = pilot.app.screen
    screen._from_template("fy2566")
    await pilot.pause()
    screen.query_one("#new-path", Input).value = str(screen.found[0].path)
    await pilot.press("enter")


# -- owners, due dates, what is left (issue 13); the email summary (issue 14) -----------------


@view("what-is-left")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("w")


@view("due-dialog")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("D")


@view("due-dialog-error")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("D")
    await _type(pilot, TYPED)
    await pilot.press("enter")


@view("owner-filter")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("o")


@view("copy-summary")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("y")
    await settle(pilot)


# -- writing the checklist in the app (issue 12) ----------------------------------------------


@view("add-item")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("a")


@view("add-section")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("A")


@view("edit-title")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("t")


@view("edit-fields")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("d")


@view("delete-item")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("x")


@view("moved-and-undone")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("J", "u")


@view("move-to-section")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("greater_than_sign")


@view("checklist-info")
async def _(pilot: Pilot[Any]) -> None:
    await pilot.press("i")


@view("start-next-year", start=True)
async def _(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("n")

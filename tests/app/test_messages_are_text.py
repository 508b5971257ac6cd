"""Every message that quotes user text or a path is text, never markup (issue 21, point 2).

A search for ``[/]`` crashed the app when its "no items match" toast was drawn, losing the
unsaved edits; ``[/bold]`` crashed the "N found" toast; a path holding ``[/`` crashed the
"saved" toast; a file named ``[@click=app.quit]x.toml`` became a clickable action.  The app
has one way to put text in a notification (``ItaApp.notify``: never markup); the source
scans below fail when a message is built another way.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from textual.widgets._toast import Toast

from ita_tui.checklist_file import load

from .helpers import read, settle

PACKAGE = Path(__file__).resolve().parents[2] / "ita_tui"
BUNDLED = PACKAGE / "checklists" / "fy2566.toml"


def toasts(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The text of the toasts drawn on the screen now."""
    return [str(toast.render()) for toast in app.screen.query(Toast)]


@pytest.mark.parametrize("query", ["[/]", "[/bold]", "[@click=app.quit]q", "[link=http://x]y"])
async def test_searching_for_markup_keeps_the_app_and_the_edits(query: str, tmp_path: Path, make_app) -> None:
    path = Path(shutil.copy(BUNDLED, tmp_path / "work" / "c.toml"))
    text = path.read_text(encoding="utf-8")
    # So that "[/bold]" is found too, and the "N found" toast quotes it.
    path.write_text(text.replace('notes = ""', f'notes = "see {query}"', 1), encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("space")  # an unsaved edit
        for searched in (query, query + "zzz"):  # found, then not found
            await pilot.press("slash")
            app.focused.insert_text_at_cursor(searched)
            await pilot.press("enter")
            await pilot.pause(0.2)
        assert app.is_running
        assert app.screen.session.dirty
        shown = " ".join(toasts(app))
        assert query in shown and f"{query}zzz" in shown
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert load(path).checklist.items()[0].status.value == "in-progress"


async def test_saving_to_a_path_with_markup_in_it(tmp_path: Path, make_app) -> None:
    folder = tmp_path / "work" / "a[" / "bold]"  # the path reads ".../a[/bold]/c.toml"
    folder.mkdir(parents=True)
    path = Path(shutil.copy(BUNDLED, folder / "c.toml"))
    app = make_app(path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("space", "ctrl+s")
        await settle(pilot)
        await pilot.pause(0.2)
        assert app.is_running
        assert any("a[/bold]/c.toml" in toast for toast in toasts(app))
    assert "in-progress" in read(path)


async def test_a_file_named_as_an_action_is_only_a_name(tmp_path: Path, make_app) -> None:
    path = Path(shutil.copy(BUNDLED, tmp_path / "work" / "[@click=app.quit]x.toml"))
    app = make_app(path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("space", "ctrl+s")
        await settle(pilot)
        await pilot.pause(0.2)
        toast = next(t for t in app.screen.query(Toast))
        assert "[@click=app.quit]x.toml" in str(toast.render())
        await pilot.click(Toast)
        await pilot.pause()
        assert app.is_running  # a click on the name runs nothing


async def test_a_notification_is_never_markup(make_app) -> None:
    """Whatever a caller passes, ``notify`` shows text (screens and widgets go through it too)."""
    app = make_app(None)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.notify("[/] app", markup=True)
        app.screen.notify("[/bold] screen", markup=True)
        await pilot.pause(0.2)
        assert app.is_running
        assert sorted(toasts(app)) == ["[/] app", "[/bold] screen"]


# -- the source: messages built one way ---------------------------------------------------------


def _calls(name: str) -> list[tuple[Path, ast.Call]]:
    found = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if called == name:
                    found.append((path, node))
    return found


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(PACKAGE.parent)}:{getattr(node, 'lineno', '?')}"


def test_no_notification_asks_for_markup() -> None:
    def plain(value: ast.expr) -> bool:
        return isinstance(value, ast.Constant) and value.value is False

    bad = [
        _where(path, call)
        for path, call in _calls("notify")
        for keyword in call.keywords
        if keyword.arg == "markup" and not plain(keyword.value)
    ]
    assert bad == []


def test_the_app_notifies_through_its_own_notify() -> None:
    """``ItaApp.notify`` forces plain text; nothing may post Textual's Notify message itself."""
    from ita_tui.app.app import ItaApp

    assert "notify" in ItaApp.__dict__
    for name in ("Notification", "Notify", "_notify"):
        assert [_where(p, c) for p, c in _calls(name)] == [], name


# Widgets whose str argument Textual parses as markup: text from anywhere must come as Text/Content.
_MARKUP_TAKERS = ("Static", "Label", "Button", "Option", "update", "Content.from_markup", "from_markup")


def _dynamic_str(node: ast.expr) -> bool:
    """An expression that builds a str from parts (an f-string, a concatenation, a tr()/t() call)."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _dynamic_str(node.left) or _dynamic_str(node.right) or isinstance(node.left, ast.Constant)
    if isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        return name in ("tr", "t", "str", "format", "render", "join")
    return False


def test_no_widget_is_given_a_built_string() -> None:
    bad = []
    for name in _MARKUP_TAKERS:
        for path, call in _calls(name.split(".")[-1]):
            if "ita_tui/app" not in str(path):
                continue
            if call.args and _dynamic_str(call.args[0]):
                bad.append(_where(path, call))
    assert bad == []


def test_border_titles_are_content() -> None:
    """``widget.border_title = "..."`` is parsed as markup too."""

    def safe(value: ast.expr) -> bool:
        none = isinstance(value, ast.Constant) and value.value is None
        return none or (isinstance(value, ast.Call) and getattr(value.func, "id", "") in ("Content", "Text"))

    titles = ("border_title", "border_subtitle")
    bad = []
    for path in (PACKAGE / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and not safe(node.value):
                targets = [t for t in node.targets if isinstance(t, ast.Attribute) and t.attr in titles]
                bad += [_where(path, node) for _ in targets]
    assert bad == []


def test_rich_consoles_never_read_markup() -> None:
    """Every Rich console the package makes is told ``markup=False`` (show, score, exports)."""
    bad = []
    for path, call in _calls("Console"):
        keywords = {k.arg: k.value for k in call.keywords}
        markup = keywords.get("markup")
        if not (isinstance(markup, ast.Constant) and markup.value is False):
            bad.append(_where(path, call))
    assert bad == []

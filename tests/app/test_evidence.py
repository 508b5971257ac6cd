"""The app's evidence: the dialog (v) adds, edits, removes and opens; the link check (L) marks items."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from evidence_helpers import evidence_block, oit_with_links, with_evidence
from link_server import Stats
from rich.console import Console
from textual.widgets import Input, OptionList

from ita_tui.app.screens.evidence import EvidenceDialog, EvidenceForm
from ita_tui.app.widgets.detail import DetailPane
from ita_tui.checklist_file import load
from ita_tui.link_results import Outcome, Why
from ita_tui.model import Evidence
from ita_tui.opener import OpenError
from ita_tui.templates import find

from .helpers import read, settle


class FakeOpener:
    """Records what the app asks the system to open; can fail as a console over SSH does."""

    def __init__(self, fail: bool = False) -> None:
        self.opened: list[str] = []
        self.fail = fail

    def __call__(self, target: str) -> None:
        if self.fail:
            raise OpenError("open.no_desktop")
        self.opened.append(target)


@pytest.fixture
def oit_path(tmp_path: Path) -> Path:
    """oit-2566 with one link on O1 and one file on O2 (the file exists)."""
    template = find("oit-2566")
    assert template is not None
    folder = tmp_path / "work"
    (folder / "หลักฐาน").mkdir()
    (folder / "หลักฐาน" / "o2.pdf").write_bytes(b"%PDF")
    text = with_evidence(
        template.read_bytes().decode("utf-8"),
        {
            "O1": evidence_block("https://www.example.go.th/ita/o1", label="โครงสร้างหน่วยงาน"),
            "O2": evidence_block(path="หลักฐาน/o2.pdf"),
        },
    )
    path = folder / "oit.toml"
    path.write_text(text, encoding="utf-8")
    return path


async def open_dialog(pilot: Any, item_id: str) -> EvidenceDialog:
    pilot.app.screen.navigator.select(item_id)
    await pilot.press("v")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, EvidenceDialog)
    return dialog


async def fill_form(pilot: Any, address: str, label: str = "", published: str = "") -> None:
    """Type into the form (Thai goes in with insert_text_at_cursor: pilot.press drops its marks)."""
    form = pilot.app.screen
    assert isinstance(form, EvidenceForm)
    for ident, value in (
        ("#evidence-address", address),
        ("#evidence-label", label),
        ("#evidence-published", published),
    ):
        field = form.query_one(ident, Input)
        field.value = ""
        field.insert_text_at_cursor(value)
    await pilot.pause()


async def test_add_evidence_in_the_dialog_and_save(make_app, oit_path: Path) -> None:
    app = make_app(oit_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_dialog(pilot, "O3")
        assert dialog.query_one("#evidence-empty").display
        await pilot.press("a")
        await pilot.pause()
        await fill_form(pilot, "https://www.example.go.th/ita/o3", "อำนาจหน้าที่ของหน่วยงาน", "1/11/2569")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceDialog)
        assert app.screen.query_one(OptionList).option_count == 1
        item = app.screen.item
        assert item is not None and item.evidence == [
            Evidence(
                url="https://www.example.go.th/ita/o3",
                label="อำนาจหน้าที่ของหน่วยงาน",
                published=_day(2026, 11, 1),
            )
        ]
        await pilot.press("escape")
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = load(oit_path).checklist.find("O3")
    assert saved is not None and saved.evidence == item.evidence
    assert 'url = "https://www.example.go.th/ita/o3"' in read(oit_path)


async def test_a_bad_address_is_refused_in_the_form_keeping_what_was_typed(make_app, oit_path: Path) -> None:
    app = make_app(oit_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_dialog(pilot, "O3")
        await pilot.press("a")
        await pilot.pause()
        await fill_form(pilot, "www.example.go.th/o3")
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EvidenceForm)  # still open
        assert "http:// or https://" in str(form.query_one("#evidence-error").render())
        assert form.query_one("#evidence-address", Input).value == "www.example.go.th/o3"


async def test_edit_remove_and_undo(make_app, oit_path: Path) -> None:
    app = make_app(oit_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_dialog(pilot, "O1")
        await pilot.press("enter")  # edit the highlighted entry
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EvidenceForm)
        assert form.query_one("#evidence-address", Input).value == "https://www.example.go.th/ita/o1"
        await fill_form(pilot, "https://www.example.go.th/ita/2566/o1", "โครงสร้าง")
        await pilot.press("enter")
        await pilot.pause()
        o1 = app.screen.item
        assert o1 is not None and o1.evidence == [
            Evidence(url="https://www.example.go.th/ita/2566/o1", label="โครงสร้าง")
        ]
        await pilot.press("d")
        await pilot.pause()
        assert o1 is app.screen.item and app.screen.item.evidence == []
        await pilot.press("escape")
        await pilot.press("u")  # the removal, undone
        await pilot.pause()
        assert app.screen.session.item("O1").evidence == [
            Evidence(url="https://www.example.go.th/ita/2566/o1", label="โครงสร้าง")
        ]
        assert app.screen.session.dirty


async def test_open_a_link_and_a_file_with_the_system(make_app, oit_path: Path) -> None:
    opener = FakeOpener()
    app = make_app(oit_path, opener=opener, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_dialog(pilot, "O1")
        await pilot.press("o")
        await pilot.press("escape")
        await open_dialog(pilot, "O2")
        await pilot.press("o")
        await pilot.pause()
    assert opener.opened == [
        "https://www.example.go.th/ita/o1",
        str(oit_path.parent.resolve() / "หลักฐาน" / "o2.pdf"),
    ]


async def test_a_missing_file_is_not_handed_to_the_system(make_app, oit_path: Path) -> None:
    (oit_path.parent / "หลักฐาน" / "o2.pdf").unlink()
    opener = FakeOpener()
    app = make_app(oit_path, opener=opener, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_dialog(pilot, "O2")
        await pilot.press("o")
        await pilot.pause()
        assert opener.opened == []
        assert any("o2.pdf" in str(n.message) for n in app._notifications)


async def test_no_desktop_copies_the_address_instead(make_app, oit_path: Path) -> None:
    app = make_app(oit_path, opener=FakeOpener(fail=True), lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_dialog(pilot, "O1")
        await pilot.press("o")
        await pilot.pause()
        assert app.clipboard == "https://www.example.go.th/ita/o1"
        assert any("clipboard" in str(n.message) for n in app._notifications)


async def test_the_link_check_marks_exactly_the_broken_items(
    make_app, tmp_path: Path, link_site: tuple[str, Stats]
) -> None:
    path = oit_with_links(tmp_path / "work", link_site[0])
    before = path.read_bytes()
    app = make_app(path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("L")
        await settle(pilot)
        screen = app.screen
        assert screen.navigator.broken == {"O7", "O10"}
        assert screen.navigator.border_subtitle is None  # the progress is gone once done
        row = screen.navigator.row_of("O7")
        line = "".join(
            segment.text for segment in screen.navigator.render_line(row - screen.navigator.scroll_offset.y)
        )
        assert "✗ broken link" in line
        # The detail pane says what was found of the selected item's evidence.
        screen.navigator.select("O7")
        await pilot.pause()
        detail = plain(screen.query_one(DetailPane)._evidence(screen.session.item("O7")))
        assert "✗ broken: page not found (HTTP 404)" in detail
        # Exports made now mark the same items; nothing is written into the checklist.
        assert set(screen.export_link_results() or {}) == {f"{link_site[0]}/ita/o{n}" for n in range(1, 13)}
        assert not screen.session.dirty
    assert path.read_bytes() == before


async def test_fixing_a_broken_address_takes_its_mark_away(make_app, oit_path: Path) -> None:
    app = make_app(oit_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        screen.link_results["https://www.example.go.th/ita/o1"] = Outcome(False, 404, Why.HTTP_ERROR)
        screen.mark_broken()
        assert screen.navigator.broken == {"O1"}
        await open_dialog(pilot, "O1")
        await pilot.press("enter")
        await pilot.pause()
        await fill_form(pilot, "https://www.example.go.th/ita/2566/o1")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.navigator.broken == set()


def plain(renderable: Any) -> str:
    """What *renderable* shows, as text."""
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def _day(year: int, month: int, day: int):  # type: ignore[no-untyped-def]
    from datetime import date

    return date(year, month, day)


async def test_a_moved_link_takes_its_new_address_only_when_asked(make_app, oit_path: Path) -> None:
    from ita_tui.link_results import Hop

    app = make_app(oit_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        moved_to = "https://www.example.go.th/ita/2566/o1"
        screen.link_results["https://www.example.go.th/ita/o1"] = Outcome(
            True, 200, redirects=(Hop(301, moved_to),)
        )
        await open_dialog(pilot, "O1")
        assert not screen.session.dirty  # a check's results are never written by themselves
        await pilot.press("n")
        await pilot.pause()
        assert screen.session.item("O1").evidence == [Evidence(url=moved_to, label="โครงสร้างหน่วยงาน")]
        await pilot.press("escape", "u")
        assert screen.session.item("O1").evidence[0].url == "https://www.example.go.th/ita/o1"


async def test_a_failed_check_says_so_and_can_be_run_again(
    make_app, oit_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ita_tui.links

    def broken_check(*args: Any, **kwargs: Any) -> None:
        raise OSError("no sockets here")

    monkeypatch.setattr(ita_tui.links, "check_all", broken_check)
    app = make_app(oit_path, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("L")
        await settle(pilot)
        assert any(
            "The link check failed: OSError: no sockets here" in str(n.message) for n in app._notifications
        )
        assert app.screen._link_cancel is None and app.screen.navigator.border_subtitle is None

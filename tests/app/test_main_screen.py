"""The main screen: moving, statuses, notes, scores, undo, filter, search, saving."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from ita_tui.app.commands import ItaCommands
from ita_tui.app.screens.dialogs import NotesEditor, ScoreDialog
from ita_tui.app.screens.main import MainScreen
from ita_tui.app.session import StatusFilter
from ita_tui.checklist_file import load
from ita_tui.model import Status

from .helpers import changed_lines, item_block, read, settle


async def test_opens_with_the_first_item_selected(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.current_item is not None and screen.current_item.id == "M1"
        await pilot.press("space")
        assert screen.session.item("M1").status is Status.IN_PROGRESS
        assert screen.session.dirty


async def test_space_cycles_and_save_changes_only_that_item(seed_path: Path, make_app) -> None:
    before = read(seed_path)
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("j", "j", "space", "space")  # M3: not-started -> in-progress -> done
        assert screen.current_item.id == "M3"
        assert screen.current_item.status is Status.DONE
        await pilot.press("space")
        assert screen.current_item.status is Status.NOT_STARTED
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not screen.session.dirty
    after = read(seed_path)
    diff = changed_lines(before, after)
    assert diff == [
        '-status = "not-started"',
        '+status = "in-progress"',
        "+updated = 2023-05-17T09:30:00+07:00",
    ]
    assert 'status = "in-progress"' in item_block(after, "M3")
    assert load(seed_path).checklist.find("M3").status is Status.IN_PROGRESS


async def test_number_keys_set_status_directly(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("3")
        assert screen.current_item.status is Status.DONE
        await pilot.press("2")
        assert screen.current_item.status is Status.IN_PROGRESS
        await pilot.press("1")
        assert screen.current_item.status is Status.NOT_STARTED
        # Back to the file's status, but `updated` now records the edits: still unsaved.
        assert screen.session.dirty
        assert len(screen.session.undo_stack) == 3


async def test_vim_keys_and_end_move(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await pilot.press("j")
        assert screen.current_item.id == "M2"
        await pilot.press("k")
        assert screen.current_item.id == "M1"
        await pilot.press("end")
        assert screen.current_item.id == "I10"
        await pilot.press("home")
        assert screen.current_item is None  # the first section's header
        await pilot.press("down")
        assert screen.current_item.id == "M1"


async def test_undo_and_redo(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("space", "j", "3")
        assert screen.session.item("M2").status is Status.DONE
        await pilot.press("u")
        assert screen.session.item("M2").status is Status.NOT_STARTED
        await pilot.press("ctrl+z")
        assert screen.session.item("M1").status is Status.NOT_STARTED
        assert not screen.session.dirty  # undo restores `updated` too
        await pilot.press("ctrl+y")
        assert screen.session.item("M1").status is Status.IN_PROGRESS
        assert screen.current_item.id == "M1"  # the cursor follows what changed
        await pilot.press("ctrl+y")
        assert screen.session.item("M2").status is Status.DONE


async def test_notes_editor_keeps_thai_on_escape_and_saves(seed_path: Path, make_app) -> None:
    before = read(seed_path)
    note = "รอผลแบบประเมินความพึงพอใจไตรมาส ๔\nบรรทัดที่สอง"
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("enter")
        assert isinstance(app.screen, NotesEditor)
        area = app.screen.query_one(TextArea)
        area.insert(note)
        await pilot.press("escape")
        assert app.screen is screen
        assert screen.session.item("M1").notes == note
        await pilot.press("u")
        assert screen.session.item("M1").notes == ""
        await pilot.press("ctrl+y", "ctrl+s")
        await settle(pilot)
    after = read(seed_path)
    assert load(seed_path).checklist.find("M1").notes == note
    diff = changed_lines(before, after)
    assert diff[0] == '-notes = ""'
    assert all("M2" not in line for line in diff)


async def test_score_accepts_thai_digits_and_rejects_nonsense(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert screen.navigator.select("I3")
        await pilot.press("s")
        assert isinstance(app.screen, ScoreDialog)
        field = app.screen.query_one(Input)
        field.insert_text_at_cursor("๙๕.๕")
        await pilot.press("enter")
        assert screen.session.item("I3").score == 95.5
        await pilot.press("s")
        field = app.screen.query_one(Input)
        field.value = ""
        field.insert_text_at_cursor("150")
        await pilot.press("enter")
        # Asked again with the text kept; the score is unchanged.
        assert isinstance(app.screen, ScoreDialog)
        assert app.screen.query_one(Input).value == "150"
        await pilot.press("escape")
        assert screen.session.item("I3").score == 95.5


async def test_filter_shows_only_open_items(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("f")
        assert screen.navigator.status_filter is StatusFilter.OPEN
        shown = [row.item.id for row in screen.navigator.rows if row.item]
        assert "I1" not in shown and "I8" in shown and "M1" in shown
        # An item that becomes done leaves the open filter.
        assert screen.navigator.select("I8")
        await pilot.press("3")
        assert screen.navigator.row_of("I8") is None
        await pilot.press("f", "f", "f", "f", "f", "f")
        assert screen.navigator.status_filter is StatusFilter.ALL


async def test_search_finds_thai_in_fields_and_notes(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("slash")
        search = screen.query_one("#search", Input)
        assert search.has_focus
        search.insert_text_at_cursor("คุ้มครองข้อมูลส่วนบุคคล")
        await pilot.press("enter")
        assert screen.current_item.id == "M4"
        assert "M4" in screen.matches
        # Notes are searched too, live.
        screen.session.set_notes(screen.session.item("I9"), "ประชุมคณะทำงานวันจันทร์")
        screen.run_search("คณะทำงาน")
        assert screen.current_item.id == "I9"
        screen.run_search("ไม่มีคำนี้แน่นอน")
        assert screen.matches == []


async def test_search_is_exact_unless_tone_marks_are_ignored(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("slash")
        search = screen.query_one("#search", Input)
        assert "ctrl+t" in str(search.border_title)
        # Without the tone mark (ใช, not ใช้): pilot.press would drop Thai marks anyway.
        search.insert_text_at_cursor("การใชอำนาจ")
        await pilot.press("enter")
        assert screen.matches == []
        await pilot.press("slash")
        exact_hint = str(search.border_title)
        await pilot.press("ctrl+t")  # inside the search bar
        assert screen.ignore_tone_marks
        assert str(search.border_title) != exact_hint
        await pilot.press("enter")
        assert "I3" in screen.matches
        assert screen.current_item.id == "I3"
        # The palette offers the way back; exact again finds nothing.
        provider = ItaCommands(screen)
        hits = {hit.text: hit for hit in [hit async for hit in provider.discover()]}
        back = next(hit for hit in hits.values() if hit.help == "ctrl+t")
        back.command()
        assert not screen.ignore_tone_marks
        screen.run_search("การใชอำนาจ")
        assert screen.matches == []


async def test_search_spans_a_line_break_in_a_detail_field(tmp_path: Path, make_app) -> None:
    path = tmp_path / "work" / "broken.toml"
    path.write_text(
        'format = 1\n[checklist]\ntitle = "t"\nlanguage = "th"\n[[sections]]\nid = "s"\ntitle = "s"\n'
        '[[sections.items]]\nid = "A1"\ntitle = "หนึ่ง"\n'
        '[[sections.items]]\nid = "A2"\ntitle = "สอง"\n'
        'results = """เทศบาลได้ดำเนิน\nการจัดอบรมคุณธรรมให้แก่บุคลากรทุกระดับอย่างต่อเนื่อง"""\n',
        "utf-8",
    )
    app = make_app(path)
    async with app.run_test(size=(60, 24)) as pilot:
        screen = app.screen
        await pilot.press("slash")
        screen.query_one("#search", Input).insert_text_at_cursor("ดำเนินการจัดอบรม")
        await pilot.press("enter")
        assert screen.matches == ["A2"]
        assert screen.current_item.id == "A2"


async def test_search_next_and_previous(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert screen.current_item.id == "M1"
        screen.run_search("มาตรการ")
        assert screen.matches[:3] == ["M1", "M2", "M3"]
        # The next match after the cursor (M1), not the first from the top.
        assert screen.current_item.id == "M2"
        await pilot.press("n")
        assert screen.current_item.id == "M3"
        await pilot.press("N")
        assert screen.current_item.id == "M2"


async def test_search_starts_after_the_cursor_and_wraps(seed_path: Path, make_app) -> None:
    """Issue 18: search jumped to the first match from the top."""
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = app.screen
        screen.navigator.select("I6")
        screen.run_search("การใช้")  # I2 การใช้งบประมาณ, I3 การใช้อำนาจ, I4 การใช้ทรัพย์สิน...
        assert [m for m in screen.matches if m.startswith("I")][:3] == ["I2", "I3", "I4"]
        after = [m for m in screen.matches if screen.session.position(m) > screen.session.position("I6")]
        expected = after[0] if after else screen.matches[0]
        assert screen.current_item.id == expected
        screen.navigator.select(screen.matches[-1])
        await pilot.press("n")
        assert screen.current_item.id == screen.matches[0]
        assert any(n.message == "ค้นต่อจากต้นรายการ" for n in app._notifications)
        # From a section's header: the first match in or after that section.
        screen.navigator.select_section(1)
        await pilot.press("n")
        assert screen.current_item.id == "I2"


async def test_click_on_glyph_toggles(seed_path: Path, make_app) -> None:
    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        navigator = screen.navigator
        row = navigator.row_of("M2")
        await pilot.click("#navigator", offset=(10, 1 + row))  # on the title: select only
        assert screen.current_item.id == "M2"
        assert screen.current_item.status is Status.NOT_STARTED
        await pilot.click("#navigator", offset=(3, 1 + row))  # on the glyph: toggle
        assert screen.current_item.status is Status.IN_PROGRESS


async def test_markup_in_the_file_is_shown_literally(tmp_path: Path, make_app) -> None:
    path = tmp_path / "work" / "evil.toml"
    path.write_text(
        'format = 1\n[checklist]\ntitle = "[/bold] [@click=app.quit]x[/]"\n'
        '[[sections]]\nid = "s"\ntitle = "[red]section[/red] [link=http://x]y"\n'
        '[[sections.items]]\nid = "A1"\ntitle = "[@click=app.quit]click me[/]"\n'
        'notes = "[/bold]"\nextra = ["[b]one", "[/i]two"]\n',
        "utf-8",
    )
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space")
        await pilot.click("#detail", offset=(5, 2))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert app.is_running
        title = screen.query_one("#title-text").render()
        assert "[/bold] [@click=app.quit]x[/]" in str(title)


def _detail_lines(app) -> list[str]:  # type: ignore[no-untyped-def]
    from textual.geometry import Region
    from textual.widgets import Static

    body = app.screen.query_one("#detail-body", Static)
    width, height = body.size
    return [strip.text.rstrip() for strip in body.render_lines(Region(0, 0, width, height))]


async def test_detail_is_wrapped_at_words_when_it_first_shows_and_never_rewrapped(
    seed_path: Path, make_app
) -> None:
    """Issue 17: the detail wraps Thai at word boundaries the first time it is drawn (just after
    the first frame, issue 22); nothing re-wraps later."""
    from ita_tui.thai import wrap

    app = make_app(seed_path)
    async with app.run_test(size=(120, 40)) as pilot:
        first = _detail_lines(app)
        await pilot.pause(1.0)
        assert _detail_lines(app) == first
        item = app.screen.current_item
        width = app.screen.query_one("#detail-body").size.width
        assert first[: len(wrap(item.title, width))] == wrap(item.title, width)
        # Each entry of a list field as thai.wrap cuts it, beside its number (" 1. ").
        lists = [value for value in item.fields.values() if isinstance(value, list)]
        assert sum(map(len, lists)) >= 5
        shown = "\n".join(first)
        for value in lists:
            for number, entry in enumerate(value, 1):
                lines = wrap(entry, width - 4)
                expected = [f"{number:>2}. {lines[0]}", *(f"    {line}" for line in lines[1:])]
                assert "\n".join(expected) in shown

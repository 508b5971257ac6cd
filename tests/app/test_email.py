"""From the app to an email: `y` copies the summary, `e` asks what to export and remembers it."""

from __future__ import annotations

import email.policy
import sys
from dataclasses import replace
from datetime import date
from email.parser import BytesParser
from pathlib import Path

import pytest
from textual.widgets import Input, Select

from ita_tui import clipboard
from ita_tui.app.screens.dialogs import ExportDialog
from ita_tui.checklist_file import load_checklist
from ita_tui.exports.choice import ExportChoice
from ita_tui.exports.options import ExportOptions
from ita_tui.exports.registry import render
from ita_tui.settings import Settings

from .helpers import settle

TODAY = date(2023, 5, 17)  # the frozen clock's day (conftest)


def fake_tool(tmp_path: Path, code: str = "") -> clipboard.ClipboardTool:
    """A clipboard "tool": Python writing what it reads into clipboard.bin (run without a shell)."""
    target = tmp_path / "clipboard.bin"
    program = code or f"import sys; open({str(target)!r}, 'wb').write(sys.stdin.buffer.read())"
    return clipboard.ClipboardTool("fake-copy", (sys.executable, "-c", program))


class Terminal:
    """Stands in for the terminal's clipboard (OSC 52): records what the app sends."""

    def __init__(self) -> None:
        self.copied: list[str] = []

    def __call__(self, text: str) -> None:
        self.copied.append(text)


def messages(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


async def test_y_copies_the_email_summary_to_both_clipboards(
    seed_path: Path, make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clipboard, "find_tool", lambda: fake_tool(tmp_path))
    app = make_app(seed_path, lang="th")
    terminal = Terminal()
    monkeypatch.setattr(app, "copy_to_clipboard", terminal)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("y")
        await settle(pilot)
    expected = render(load_checklist(seed_path), "text", ExportOptions(lang="th", today=TODAY, width=0))
    assert terminal.copied == [expected.decode("utf-8")]
    assert (tmp_path / "clipboard.bin").read_bytes() == expected
    lines = expected.decode().count("\n")
    assert f"คัดลอกสรุปสำหรับอีเมลแล้ว {lines} บรรทัด (ทุกรายการ · ย่อ · ภาษาไทย) ผ่าน fake-copy" in messages(app)[-1]
    assert "ยังไม่เสร็จ 9 รายการ" in terminal.copied[0], "still to do comes first"


async def test_y_follows_the_last_export_choice(
    seed_path: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clipboard, "find_tool", lambda: None)
    choice = ExportChoice(format="html", items="open", lang="en")
    app = make_app(seed_path, lang="th", settings=Settings(export=choice.record()))
    terminal = Terminal()
    monkeypatch.setattr(app, "copy_to_clipboard", terminal)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("y")
        await settle(pilot)
    (text,) = terminal.copied
    assert text.startswith("รายงานผลการดำเนินการ") and "Still to do: 9" in text
    assert "Done:" not in text and "การปฏิบัติหน้าที่" not in text, "open items only"
    message = messages(app)[-1]
    assert "(เฉพาะที่ยังไม่เสร็จ · ย่อ · ภาษาอังกฤษ (English))" in message
    assert "ผ่านเทอร์มินัล (OSC 52)" in message, "no tool: the message says the terminal carried it"


async def test_a_failing_tool_is_named_and_the_screen_stays_live(
    seed_path: Path, make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = fake_tool(tmp_path, "import sys; sys.stdin.read(); sys.exit(3)")
    monkeypatch.setattr(clipboard, "find_tool", lambda: broken)
    app = make_app(seed_path, lang="en")
    monkeypatch.setattr(app, "copy_to_clipboard", Terminal())
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("y")
        await settle(pilot)
        await pilot.press("space")  # still answering keys
        assert app.screen.session.dirty
    assert "via the terminal only: fake-copy failed (exit status 3)" in messages(app)[-1]


async def test_the_export_dialog_offers_and_remembers_every_choice(
    seed_path: Path, make_app, tmp_path: Path
) -> None:
    target = tmp_path / "outbox ส่ง"
    app = make_app(seed_path, lang="th")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        formats = dialog.query_one("#export-format", Select)
        assert [value for _, value in formats._options] == [
            "text",
            "md",
            "eml",
            "html",
            "svg",
            "ansi",
            "csv",
            "json",
            "docx",
            "xlsx",
        ]
        items = dialog.query_one("#export-items", Select)
        values = [value for _, value in items._options]
        assert values[:2] == ["all", "open"] and "owner:สำนักปลัดเทศบาล" in values
        assert dialog.query_one("#export-folder", Input).value == str(seed_path.parent / "exports")
        formats.value = "eml"
        items.value = "owner:สำนักปลัดเทศบาล"
        dialog.query_one("#export-detail", Select).value = True
        dialog.query_one("#export-lang", Select).value = "en"
        dialog.query_one("#export-folder", Input).value = str(target)
        await pilot.click("#export-write")
        await settle(pilot)
        (written,) = target.iterdir()
        assert written.name == "fy2566-2023-05-17.eml"
        assert f"ส่งออกไปที่ {written} แล้ว" in messages(app)[-1], "the full path"
        remembered = ExportChoice("eml", "owner", "สำนักปลัดเทศบาล", True, "en", str(target))
        assert app.settings.export == remembered.record()

        await pilot.press("e")  # the dialog starts from the last choice
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.chosen() == remembered
        await pilot.press("escape")
        assert not isinstance(app.screen, ExportDialog)
    message = BytesParser(policy=email.policy.default).parsebytes(written.read_bytes())
    assert message["Subject"] == "ITA FY2566: what สำนักปลัดเทศบาล still owes (1), as of 17 May 2023"
    plain = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Showing only: owner สำนักปลัดเทศบาล" in plain
    assert "M5" in plain and "M1 " not in plain, "only that owner's items"


async def test_the_choice_survives_a_restart(seed_path: Path, make_app) -> None:
    from ita_tui.settings import load_settings

    app = make_app(seed_path, lang="en", save_settings_file=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        app.screen.query_one("#export-format", Select).value = "html"
        app.screen.query_one("#export-items", Select).value = "open"
        await pilot.click("#export-write")
        await settle(pilot)
    settings, warning = load_settings()
    assert warning is None
    assert dict(settings.export) == {"format": "html", "items": "open", "full": False}


def test_a_choice_turns_into_export_options() -> None:
    today = date(2026, 11, 25)
    assert ExportChoice().options("th", today) == ExportOptions(lang="th", today=today)
    open_en = ExportChoice(format="eml", items="open", lang="en").options("th", today)
    assert open_en == replace(ExportOptions(lang="en", today=today, width=0), statuses=open_en.statuses)
    assert "done" not in {s.value for s in open_en.statuses}
    owner = ExportChoice(items="owner", owner="กองคลัง", full=True).options("en", today)
    assert owner.owners == ("กองคลัง",) and owner.full

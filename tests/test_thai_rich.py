"""ita_tui.thai with Rich: the renderable, what Rich does on its own, and start-up cost."""

from __future__ import annotations

import subprocess
import sys

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ita_tui.thai import WrappedText, wrap, wrap_text

SEED_METHOD = "4. รายงานผลการดำเนินงาน/ประชาสัมพันธ์ผ่านทุกช่องทางการสื่อสารเป็นระยะๆ และต่อเนื่อง"


def render(renderable: object, width: int) -> list[str]:
    console = Console(width=width, record=True, color_system=None, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(renderable)
    return console.export_text().rstrip("\n").split("\n")


def test_rich_does_not_break_at_zero_width_space() -> None:
    """A canary: Rich 15 finds words with ``\\s`` and U+200B is not whitespace to Python.

    If this starts failing, Rich learnt to break at U+200B: docs/thai.md says what then.
    """
    marked = "ได้\u200bจัดทำ\u200bคู่มือ\u200bการใช้\u200bทรัพย์สิน\u200bของ\u200bทางราชการ"
    lines = [line.plain for line in Text(marked).wrap(Console(width=12), 12)]
    # Rich cut the run by characters: some line does not end at a marker.
    assert any(not line.endswith("\u200b") for line in lines[:-1])


def test_rich_alone_breaks_thai_mid_word() -> None:
    lines = render(Text(SEED_METHOD), 20)
    assert lines != wrap(SEED_METHOD, 20)


def test_wrapped_text_in_console() -> None:
    assert render(WrappedText(SEED_METHOD), 20) == wrap(SEED_METHOD, 20)


def test_wrapped_text_is_never_markup() -> None:
    assert render(WrappedText("[bold]x[/bold] [/oops]"), 40) == ["[bold]x[/bold] [/oops]"]


def test_wrapped_text_keeps_styles() -> None:
    text = Text("ได้จัดทำคู่มือ")
    text.stylize("bold", 3, 8)  # จัดทำ
    lines = wrap_text(text, 8)
    assert [line.plain for line in lines] == wrap("ได้จัดทำคู่มือ", 8)
    assert lines[0].spans  # the style came along


def test_wrapped_text_in_a_table_column() -> None:
    table = Table("id", "method", width=30, show_lines=False)
    table.add_row("1", WrappedText(SEED_METHOD))
    for line in render(table, 30):
        assert cell_len(line) <= 30
    cells = [line.split("│")[2].strip() for line in render(table, 30) if line.count("│") == 3]
    cells = [c for c in cells if c and c != "method"]
    assert "".join(cells).replace(" ", "") == SEED_METHOD.replace(" ", "")
    assert all(not c.startswith(("ๆ", "ำ")) for c in cells)


def test_wrapped_text_measure() -> None:
    table = Table("x")
    table.add_row(WrappedText("สั้น"))
    # Measured as its text: the column is not stretched.
    assert max(cell_len(line) for line in render(table, 80)) < 20


def test_importing_does_not_load_the_word_list_or_textual() -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import ita_tui.thai, ita_tui.i18n"],
        capture_output=True,
        text=True,
        check=True,
    )
    modules = {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines()}
    assert "textual" not in modules
    assert "ita_tui" in modules
    # The word list is read when Thai is first segmented, not on import.
    assert not any(line.strip().endswith("ita_tui.newmm") for line in result.stderr.splitlines())


def test_english_wrap_does_not_load_the_word_list() -> None:
    code = (
        "import sys; from ita_tui.thai import wrap; wrap('plain English text ' * 20, 30); "
        "print('ita_tui.newmm' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_wrap_text_keeps_styles_like_slicing_does() -> None:
    text = Text("  ก้าวหน้า ดำเนินการ abc def\nบรรทัดใหม่")
    text.stylize("bold", 3, 12)
    text.stylize("italic", 20, 30)
    for width in (5, 10, 30):
        from ita_tui.thai import line_spans

        expected = [text[start:end] for start, end in line_spans(text.plain, width)]
        got = wrap_text(text, width)
        assert [line.plain for line in got] == [line.plain for line in expected]
        assert [line.spans for line in got] == [line.spans for line in expected]
    assert wrap_text(Text(""), 5) == []


def test_wrap_text_copies_a_long_text_once_not_once_a_line(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 21: slicing a Text per line copied the rest of the text each time (minutes at 200,000)."""
    import rich.text

    copied = 0
    original = rich.text.strip_control_codes

    def counting(text: str) -> str:
        nonlocal copied
        copied += len(text)
        return original(text)

    monkeypatch.setattr(rich.text, "strip_control_codes", counting)
    long = Text("การดำเนินงานตามมาตรการ ประชาสัมพันธ์ผ่านทุกช่องทาง " * 400)  # ~20,000 characters
    copied = 0
    lines = wrap_text(long, 40)
    assert len(lines) > 400
    assert copied <= 2 * len(long)

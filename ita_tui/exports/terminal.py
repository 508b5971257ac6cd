"""The terminal rendering of the summary (ita_tui.exports.layout) as ANSI text or an SVG picture.

Both render at ``options.width`` columns with a forced true-colour terminal,
so the output does not depend on the terminal the command runs in.  These
are the only exports that go through Rich's console (slow for thousands of
items, but it is the one way to get the picture the terminal shows).
"""

from __future__ import annotations

import io
import re

from rich.console import Console

from ita_tui.exports.layout import build_report
from ita_tui.exports.options import ExportOptions
from ita_tui.model import Checklist


def report_console(options: ExportOptions, *, record: bool = False) -> Console:
    """A console of the export's width, writing into memory, never parsing markup or emoji."""
    return Console(
        file=io.StringIO(),
        width=options.width,
        # With a width but no height, Rich still asks the environment for a size, and a forced
        # terminal whose TERM is dumb gets 80 columns whatever the width: give both.
        height=25,
        force_terminal=True,
        color_system="truecolor",
        record=record,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
        force_jupyter=False,
        soft_wrap=False,
    )


def render_ansi(checklist: Checklist, options: ExportOptions) -> bytes:
    """The coloured terminal rendering, with ANSI escape codes (view with ``cat`` or ``less -R``)."""
    console = report_console(options)
    console.print(build_report(checklist, options))
    output = console.file.getvalue()  # type: ignore[attr-defined]
    return str(output).encode("utf-8")


# Rich positions each run of text at its cell and stretches it to its cell width
# with SVG's textLength.  Fira Code has no Thai, so a viewer draws Thai in a
# proportional Thai font, and textLength then spaces it out letter by letter,
# pulling vowel and tone marks off their consonants (Chromium) or letting bold
# runs overflow.  Thai runs are left at their natural width instead: a
# proportional Thai font is narrower than its cells, so the run still ends
# before the next one starts, and every run keeps its own x, so columns line up.
RICH_FONT = "font-family: Fira Code, monospace;"
THAI_FONTS = (
    'font-family: Fira Code, "Noto Sans Thai", Sarabun, "Leelawadee UI", Thonburi, Tahoma, '
    "Garuda, Loma, monospace;"
)
_THAI_RUN_LENGTH = re.compile('(<text[^>]*?) textLength="[^"]*"([^>]*>[^<]*[\u0e00-\u0e7f])')


def render_svg(checklist: Checklist, options: ExportOptions) -> bytes:
    """The terminal rendering as an SVG picture, titled with the checklist's title."""
    console = report_console(options, record=True)
    console.print(build_report(checklist, options))
    svg = console.export_svg(title=checklist.title.replace("\n", " "))
    svg = _THAI_RUN_LENGTH.sub(r"\1\2", svg.replace(RICH_FONT, THAI_FONTS, 1))
    return svg.encode("utf-8")

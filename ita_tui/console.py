"""The one way the command line writes for a person: plain lines and Rich output, text never markup.

- :func:`say` / :func:`warn`: one line on stdout / stderr, with control characters made
  visible (a file name holding ESC prints ``␛``, never an escape code) and newlines flattened.
- :func:`text_console`: a Rich console that never reads markup, emoji codes or "highlights"
  in what it prints (a title ``[/bold]`` is printed as written).
- :func:`print_trimmed`: print renderables without the spaces Rich pads each line with.

``tests/test_messages.py`` fails when a command prints otherwise.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.segment import Segment


def say(line: str, file: IO[str] | None = None) -> None:
    """Print *line* (text from anywhere: a path, a title) on one line, control characters visible."""
    from ita_tui.sanitize import clean_line

    print(clean_line(line), file=file if file is not None else sys.stdout)


def warn(line: str) -> None:
    """:func:`say` on stderr."""
    say(line, sys.stderr)


def text_console(**options: Any) -> Console:
    """A Rich console for text from files: no markup, no emoji codes, no highlighting."""
    from rich.console import Console

    return Console(markup=False, emoji=False, highlight=False, **options)


def print_trimmed(console: Console, renderables: Iterable[RenderableType]) -> None:
    """Print each renderable with no trailing spaces on its lines (tables pad every cell)."""
    from rich.segment import Segment, Segments

    for renderable in renderables:
        segments: list[Segment] = []
        for line in console.render_lines(renderable, pad=False, new_lines=False):
            segments.extend(_trimmed(line))
            segments.append(Segment.line())
        console.print(Segments(segments), end="")


def _trimmed(line: list[Segment]) -> list[Segment]:
    """*line* without its trailing blanks (those drawn with a background colour stay)."""
    from rich.segment import Segment

    line = list(line)
    while line:
        last = line[-1]
        if last.control or (last.style is not None and last.style.bgcolor is not None):
            break
        text = last.text.rstrip(" ")
        if text:
            line[-1] = Segment(text, last.style)
            break
        line.pop()
    return line

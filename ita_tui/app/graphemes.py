"""Cut screen lines between letters, never between a Thai letter and its marks.

Textual draws a dialog over the screen by cutting each line of the screen behind it at
the dialog's edges (``Strip.divide``, Rich's ``Segment.split_cells``).  Rich 15 finds the
cut by counting code points: a Thai vowel or tone mark takes no cell, so a cut just
after a letter leaves the letter's marks at the start of the next piece.  When the
letter is hidden under the dialog, its marks are drawn after the dialog's border and
combine with it: a tone mark "left behind on a dialog's border" (issue 18); when the
letter shows, it loses them.

:func:`keep_clusters_whole` makes the cut keep every zero-width character with the
letter before it, which keeps cells where they were (the marks take none) and each
cluster whole on one side of the cut.
"""

from __future__ import annotations

from rich.cells import get_character_cell_size
from rich.segment import Segment

_FLAG = "_ita_tui_keeps_clusters"


def split_after_marks(before: str, after: str) -> tuple[str, str]:
    """*before* and *after* a cut, with the zero-width characters that open *after* moved
    to the end of *before* (they belong to its last letter)."""
    count = 0
    while count < len(after) and get_character_cell_size(after[count]) == 0:
        count += 1
    return (before + after[:count], after[count:]) if count else (before, after)


def keep_clusters_whole() -> None:
    """Make ``Segment.split_cells`` keep a letter and its marks together (idempotent)."""
    original = Segment.__dict__["_split_cells"].__func__
    if getattr(original, _FLAG, False):
        return

    def _split_cells(cls: type[Segment], segment: Segment, cut: int) -> tuple[Segment, Segment]:
        left, right = original(cls, segment, cut)
        if segment.control or not right.text:
            return left, right
        before, after = split_after_marks(left.text, right.text)
        return Segment(before, left.style, left.control), Segment(after, right.style, right.control)

    setattr(_split_cells, _FLAG, True)
    Segment._split_cells = classmethod(_split_cells)  # type: ignore[method-assign,assignment]

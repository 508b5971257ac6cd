"""Large figures for the meeting view, drawn with block characters at any size.

Textual's ``Digits`` is three rows tall at every screen size; a projector at
160×50 has room for figures three times as large.  Each character here is a
3×5 grid of pixels; a pixel is *scale*×*scale* cells' worth, and two pixel
rows share one text row through the half blocks ``▀ ▄ █``, so scale 1 is 3
rows tall, 2 is 5 rows, 3 is 8 rows.  Solid blocks read from the back of a
room and in any terminal font.
"""

from __future__ import annotations

# 3 pixels wide (the '.' one), 5 tall; '#' is ink.
FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", " ##", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ".": (" ", " ", " ", " ", "#"),
    "%": ("# #", "  #", " # ", "#  ", "# #"),
    "—": ("   ", "   ", "###", "   ", "   "),
    "-": ("   ", "   ", "###", "   ", "   "),
    " ": ("  ", "  ", "  ", "  ", "  "),
}
_HEIGHT = 5
_HALF = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


def figure_size(text: str, scale: int) -> tuple[int, int]:
    """(width, height) in cells of *text* drawn at *scale*."""
    pixels = sum(len(FONT.get(char, FONT[" "])[0]) + 1 for char in text) - 1 if text else 0
    return max(pixels, 0) * scale, (_HEIGHT * scale + 1) // 2


def figure_lines(text: str, scale: int = 1) -> list[str]:
    """*text* (digits, ``.``, ``%``, ``-``) as rows of block characters; others draw as a space."""
    rows: list[list[bool]] = [[] for _ in range(_HEIGHT * scale)]
    for number, char in enumerate(text):
        glyph = FONT.get(char, FONT[" "])
        for y in range(_HEIGHT * scale):
            row = rows[y]
            if number:
                row.extend([False] * scale)  # one pixel between characters
            row.extend(pixel == "#" for pixel in glyph[y // scale] for _ in range(scale))
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    return [
        "".join(_HALF[top, bottom] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(rows[0::2], rows[1::2], strict=True)
    ]

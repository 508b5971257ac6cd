"""Word tables written as WordprocessingML directly.

python-docx builds a cell in about a millisecond (every run and property through its
element classes); a report of a thousand items has tens of thousands of runs.  Here a
table is plain lxml: paragraphs carry a paragraph style (font and size live in the
styles, not in each run), runs only a character style where they differ (the boxes'
symbol font, the chosen status in bold).  Elements are written in the order the schema
requires, so that Word never asks to repair the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from lxml.etree import _Element

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_VAL = f"{_W}val"

# A run's text and its character style (None: the paragraph's own).
Run = tuple[str, str | None]


def paragraph(runs: Sequence[Run], style: str, *, align: str | None = None, hanging: int = 0) -> _Element:
    """A ``w:p`` in *style*; *hanging* (twips) hangs the lines after the first, as lists do."""
    p = etree.Element(f"{_W}p")
    properties = etree.SubElement(p, f"{_W}pPr")
    etree.SubElement(properties, f"{_W}pStyle", {_VAL: style})
    if hanging:
        etree.SubElement(properties, f"{_W}ind", {f"{_W}left": str(hanging), f"{_W}hanging": str(hanging)})
    if align:
        etree.SubElement(properties, f"{_W}jc", {_VAL: align})
    for text, character_style in runs:
        _run(p, text, character_style)
    return p


def _run(p: _Element, text: str, style: str | None) -> None:
    """A ``w:r``: line breaks as ``w:br``, tabs as ``w:tab``, spaces kept."""
    run = etree.SubElement(p, f"{_W}r")
    if style:
        etree.SubElement(etree.SubElement(run, f"{_W}rPr"), f"{_W}rStyle", {_VAL: style})
    for index, line in enumerate(text.split("\n")):
        if index:
            etree.SubElement(run, f"{_W}br")
        for position, piece in enumerate(line.split("\t")):
            if position:
                etree.SubElement(run, f"{_W}tab")
            if piece:
                element = etree.SubElement(run, f"{_W}t", {_SPACE: "preserve"})
                element.text = piece


def table(widths: Sequence[int]) -> _Element:
    """An empty ``w:tbl`` of fixed column *widths* (twips), centred, with single borders."""
    tbl = etree.Element(f"{_W}tbl")
    properties = etree.SubElement(tbl, f"{_W}tblPr")
    etree.SubElement(properties, f"{_W}tblStyle", {_VAL: "TableGrid"})
    etree.SubElement(properties, f"{_W}tblW", {f"{_W}w": str(sum(widths)), f"{_W}type": "dxa"})
    etree.SubElement(properties, f"{_W}jc", {_VAL: "center"})
    etree.SubElement(properties, f"{_W}tblLayout", {f"{_W}type": "fixed"})
    etree.SubElement(
        properties,
        f"{_W}tblLook",
        {
            _VAL: "04A0",
            f"{_W}firstRow": "1",
            f"{_W}lastRow": "0",
            f"{_W}firstColumn": "0",
            f"{_W}lastColumn": "0",
        },
    )
    grid = etree.SubElement(tbl, f"{_W}tblGrid")
    for width in widths:
        etree.SubElement(grid, f"{_W}gridCol", {f"{_W}w": str(width)})
    return tbl


def row(
    tbl: _Element,
    widths: Sequence[int],
    cells: Sequence[Sequence[_Element]],
    *,
    header: bool = False,
    keep_whole: bool = True,
    shading: str | None = None,
) -> None:
    """Append a ``w:tr``: *header* repeats it on every page, *keep_whole* keeps it on one page."""
    tr = etree.SubElement(tbl, f"{_W}tr")
    if header or keep_whole:
        properties = etree.SubElement(tr, f"{_W}trPr")
        if keep_whole:
            etree.SubElement(properties, f"{_W}cantSplit")
        if header:
            etree.SubElement(properties, f"{_W}tblHeader")
    for width, paragraphs in zip(widths, cells, strict=True):
        tc = etree.SubElement(tr, f"{_W}tc")
        properties = etree.SubElement(tc, f"{_W}tcPr")
        etree.SubElement(properties, f"{_W}tcW", {f"{_W}w": str(width), f"{_W}type": "dxa"})
        if shading:
            etree.SubElement(
                properties, f"{_W}shd", {_VAL: "clear", f"{_W}color": "auto", f"{_W}fill": shading}
            )
        for p in paragraphs or [etree.Element(f"{_W}p")]:  # a cell holds at least one paragraph
            tc.append(p)

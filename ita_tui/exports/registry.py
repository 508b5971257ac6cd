"""The export formats: each a name, a file extension, a renderer and a description.

Each renderer is a function from a :class:`~ita_tui.model.Checklist` and
:class:`~ita_tui.exports.options.ExportOptions` to bytes.  Its module in
:mod:`ita_tui.exports` is imported only when its format is used: a JSON, CSV or
HTML export must not pay for Rich's layout engine or for Thai word breaking.
No Textual here: the command line and the app both call :func:`render`.
See docs/exports.md for each format's decisions.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import NamedTuple

from ita_tui.exports.options import ExportOptions
from ita_tui.model import Checklist

Renderer = Callable[[Checklist, ExportOptions], bytes]


def _lazy(module: str, function: str = "render") -> Renderer:
    """A renderer that imports ``ita_tui.exports.<module>`` when it is first called."""

    def renderer(checklist: Checklist, options: ExportOptions) -> bytes:
        real: Renderer = getattr(importlib.import_module(f"ita_tui.exports.{module}"), function)
        return real(checklist, options)

    renderer.__name__ = f"{module}.{function}"
    return renderer


class Format(NamedTuple):
    """A format: its file extension, its renderer, its default width and a description.

    A tuple, so ``FORMATS[name][0]`` is the extension and ``[1]`` the renderer.
    """

    ext: str
    render: Renderer
    default_width: int
    description: str
    binary: bool = False  # a document, not text: never written to a terminal


# format name → Format; the order is the order of --help and of the app's dialog.
FORMATS: dict[str, Format] = {
    "text": Format("txt", _lazy("text"), 72, "plain text for the body of an email"),
    "md": Format("md", _lazy("markdown"), 72, "Markdown for GitHub, GitLab and chat"),
    "eml": Format("eml", _lazy("eml"), 0, "an email draft to open in Outlook, Thunderbird or Apple Mail"),
    "html": Format("html", _lazy("html"), 72, "a web page, also the HTML an email shows"),
    "svg": Format("svg", _lazy("terminal", "render_svg"), 100, "the terminal view as a picture"),
    "ansi": Format("ans", _lazy("terminal", "render_ansi"), 100, "the terminal view with colour codes"),
    "csv": Format("csv", _lazy("csv_format"), 72, "a spreadsheet, one row an item (UTF-8 with BOM)"),
    "json": Format("json", _lazy("json_format"), 72, "all data, machine-readable"),
    "docx": Format("docx", _lazy("docx_format"), 72, "the report agencies publish, in Word", binary=True),
    "xlsx": Format("xlsx", _lazy("xlsx_format"), 72, "an Excel workbook, one sheet a section", binary=True),
}


def render(checklist: Checklist, fmt: str, options: ExportOptions) -> bytes:
    """The summary of *checklist* in format *fmt*."""
    return FORMATS[fmt][1](checklist, options)

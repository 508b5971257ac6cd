"""What a summary holds and how it is laid out: the options every format reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ita_tui.model import Status


@dataclass(frozen=True)
class ExportOptions:
    """What to put in a summary and how to write it.

    *width* is in terminal cells: the text format wraps to it (0: it leaves
    each paragraph on one line for the reader to wrap, as the eml draft does),
    the terminal formats (ansi, svg) lay out to it; Markdown, HTML, CSV and
    JSON reflow in their reader and ignore it.  *lang* is ``"th"`` or ``"en"`` (resolve it with
    :func:`ita_tui.i18n.resolve_lang`).  *thai_digits* writes ๐–๙ in Thai
    summaries (never in CSV or JSON, which are data).  *today* is the "as of"
    date (default: today), injectable so that golden files stay stable.
    *scoring* lets the computed score (ita_tui.scoring) count when it is complete.
    *to*, *cc* and *subject* are the ``eml`` draft's headers (addresses as
    typed: ``a@b.go.th`` or ``ชื่อ <a@b.go.th>``); the default subject says the
    progress and the date.
    """

    width: int = 72
    statuses: frozenset[Status] = field(default_factory=lambda: frozenset(Status))
    full: bool = False
    lang: str = "en"
    today: date | None = None
    thai_digits: bool = False
    scoring: bool = True
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    subject: str | None = None

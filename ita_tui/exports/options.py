"""What a summary holds and how it is laid out: the options every format reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ita_tui import dates
from ita_tui.model import Item, Status
from ita_tui.outstanding import DEFAULT_SOON_DAYS, ItemFilter


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
    *owners*, *overdue* and *due_within* keep only some items (``--owner``,
    ``--overdue``, ``--due-within``; see :class:`ita_tui.outstanding.ItemFilter`);
    *soon_days* is how near a due date must be to be marked "due soon".
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
    owners: tuple[str, ...] = ()
    overdue: bool = False
    due_within: int | None = None
    soon_days: int = DEFAULT_SOON_DAYS
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    subject: str | None = None

    @property
    def item_filter(self) -> ItemFilter:
        """The owner and due-date part of the filter."""
        return ItemFilter(self.owners, self.overdue, self.due_within)

    def day(self) -> date:
        """The "as of" date: *today* when given, else today in Bangkok."""
        return self.today or dates.bangkok_today()

    def admits(self, item: Item, today: date) -> bool:
        """True when *item* is shown: its status is asked for and it passes the owner/due filter."""
        return item.status in self.statuses and self.item_filter.admits(item, today)

"""Open items drawn as lines: what the meeting view and the "what is left" view show.

Each entry is laid out for a given width, Thai wrapped at word boundaries
(:func:`ita_tui.thai.wrap`), so a screen knows exactly how many lines it
takes and can page without cutting one::

    ! M2   มาตรการการเผยแพร่ข้อมูลข่าวสาร
           กำลังทำ · 22 พ.ย. 2569 · เลยกำหนด 3 วัน
           หมายเหตุ: รอผู้บริหารลงนาม คาดว่าเสร็จ ๑๕ ธ.ค.

The first column is the due state's glyph (! late, ◷ soon), so lateness reads
without colour; ids are padded to one width so titles line up.  Text from
the file is always ``Text`` (never markup).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rich.cells import cell_len
from rich.text import Text

from ita_tui.i18n import Lang, status_word
from ita_tui.i18n import t as tr
from ita_tui.outstanding import STATE_GLYPHS, DueState, OpenItem, OwnerGroup, due_text
from ita_tui.owners import owner_label
from ita_tui.thai import wrap

# Styles by due state (colour on top of the glyph and the words, never instead of them).
STATE_STYLES: dict[DueState, str] = {
    DueState.OVERDUE: "bold red",
    DueState.DUE_SOON: "bold yellow",
    DueState.LATER: "",
    DueState.NO_DATE: "",
}
MAX_ID_WIDTH = 8
ELLIPSIS = "…"


def id_width(entries: list[OpenItem]) -> int:
    """The width ids are padded to: the widest shown, at most :data:`MAX_ID_WIDTH`."""
    return min(MAX_ID_WIDTH, max((cell_len(e.item.id) for e in entries), default=2))


def fit(text: str, width: int, max_lines: int) -> list[str]:
    """*text* wrapped to *width* at word boundaries, at most *max_lines* lines.

    When it does not fit, the last line ends with ``…`` after a whole word, so
    no word is ever cut in two.
    """
    lines = wrap(" ".join(text.split()), max(width, 1))
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    kept[-1] = wrap(kept[-1], max(width - 1, 1))[0] + ELLIPSIS
    return kept


def entry_lines(
    entry: OpenItem,
    width: int,
    lang: Lang,
    today: date,
    ids: int,
    *,
    owners: bool = False,
    title_lines: int = 2,
    note_lines: int = 2,
) -> list[Text]:
    """The lines of one open item at *width* cells; *ids* is the id column's width.

    *owners* adds the owners to the second line (for lists not grouped by owner).
    """
    indent = 2 + ids + 2
    room = max(width - indent, 8)
    pad = " " * indent
    style = STATE_STYLES[entry.state]
    lines: list[Text] = []
    for number, line in enumerate(fit(entry.item.title, room, title_lines)):
        if number == 0:
            head = Text(f"{STATE_GLYPHS[entry.state]} ", style=style or "dim")
            item_id = entry.item.id  # never cut: a longer id only shifts its own title
            head.append(item_id + " " * max(0, ids - cell_len(item_id)), "bold")
            head.append("  ")
            head.append(line)
            lines.append(head)
        else:
            lines.append(Text(pad + line))
    for facts in _facts(entry, room, lang, today, owners):
        lines.append(Text(pad) + facts)
    if entry.note and note_lines:
        label = tr("label.notes", lang) + ": "
        for number, line in enumerate(fit(label + entry.note, room, note_lines)):
            text = Text(pad)
            if number == 0 and line.startswith(label):
                text.append(label, "dim")
                text.append(line[len(label) :], "italic")
            else:
                text.append(line, "italic")
            lines.append(text)
    return lines


def _facts(entry: OpenItem, room: int, lang: Lang, today: date, owners: bool) -> list[Text]:
    """``กำลังทำ · 22 พ.ย. 2569 · เลยกำหนด 3 วัน · กองคลัง``, wrapped between its parts."""
    parts: list[tuple[str, str]] = [(status_word(entry.item.status, lang), "dim")]
    if entry.due is not None:
        parts.append((due_text(entry.due, today, lang), STATE_STYLES[entry.state]))
    if owners and entry.owners:
        parts.append((", ".join(owner_label(owner, lang) for owner in entry.owners), "bold"))
    lines: list[Text] = [Text()]
    for words, style in parts:
        current = lines[-1]
        separator = " · " if current.cell_len else ""
        if current.cell_len and current.cell_len + len(separator) + cell_len(words) > room:
            lines.append(Text())
            current, separator = lines[-1], ""
        current.append(separator, "dim")
        for number, piece in enumerate(fit(words, room, 2)):
            if number:
                lines.append(Text())
                current = lines[-1]
            current.append(piece, style)
    return lines


def group_heading(group: OwnerGroup, lang: Lang, width: int, *, continued: bool = False) -> list[Text]:
    """``กองคลัง  2 รายการ · ! เลยกำหนด 1``: an owner and what they owe, wrapped to *width*."""
    name = owner_label(group.owner, lang)
    if continued:
        name += " " + tr("app.left.continued", lang)
    facts = [tr("label.items_count", lang, count=len(group.items))]
    if group.overdue:
        facts.append(f"{STATE_GLYPHS[DueState.OVERDUE]} {tr('due.state.overdue', lang)} {group.overdue}")
    if group.due_soon:
        facts.append(f"{STATE_GLYPHS[DueState.DUE_SOON]} {tr('due.state.due-soon', lang)} {group.due_soon}")
    summary = " · ".join(facts)
    lines = [Text(line, style="bold") for line in fit(name, width, 2)]
    if lines[-1].cell_len + 2 + cell_len(summary) <= width:
        lines[-1].append("  " + summary, "dim")
    else:
        lines.append(Text(summary, style="dim"))
    return lines


Block = list[Text]


@dataclass
class Page:
    """One screenful: its columns of lines and the keys of the entries it shows."""

    columns: list[Block] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)


Entry = tuple[str, Block]  # a key (the item's id: one item under two owners is one) and its lines


def paginate(groups: list[tuple[Block, Block, list[Entry]]], height: int, columns: int = 1) -> list[Page]:
    """Lay groups of entries out in pages of *columns* columns of *height* lines.

    Each group is (heading, heading when it goes on in a new column, entries).
    An entry is never split between columns; a heading is never left alone at
    a column's foot; an entry taller than a column is cut to it.  There is
    always at least one page (empty when there is nothing).
    """
    height = max(height, 1)
    filled: list[tuple[Block, set[str]]] = []
    column: Block = []
    keys: set[str] = set()
    for heading, continued, entries in groups:
        for number, (key, entry) in enumerate(entries):
            gap = 1 if number == 0 and column else 0  # a blank line between owners
            head = heading if number == 0 else []
            if column and len(column) + gap + len(head) + len(entry) > height:
                filled.append((column, keys))
                column, keys, gap = [], set(), 0
            if not column:
                head = heading if number == 0 else continued
            column.extend([Text()] * gap + head)
            column.extend(entry[: max(height - len(column), 1)])
            keys.add(key)
    if column or not filled:
        filled.append((column, keys))
    pages = []
    for start in range(0, len(filled), columns):
        chunk = filled[start : start + columns]
        pages.append(Page([lines for lines, _ in chunk], set().union(*(k for _, k in chunk))))
    return pages

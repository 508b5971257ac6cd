"""Plain text for the body of an email: what is still to do, then what is done.

Mail clients show plain text in a proportional font, so nothing here means
anything by lining up: no columns, no bars, no hanging indents.  Progress is
said in words and figures (``เสร็จ 7 จาก 16 รายการ (44%)``); each item is one
paragraph that starts with ``- `` and its id, and when a line wraps (here, at
*width*, or in the reader's window) the next line simply reads on::

    ยังไม่เสร็จ 9 รายการ
    - M2 มาตรการการเผยแพร่ข้อมูลข่าวสาร — ยังไม่ได้ดำเนินการ
    - I8 ปรับปรุงการทำงาน — อยู่ระหว่างดำเนินการ · คะแนน 91.55

    เสร็จแล้ว 7 รายการ
    สรุปการประเมิน IIT เพื่อยกระดับการประเมิน (เสร็จ 5/5)
    - I1 การปฏิบัติหน้าที่ — คะแนน 97.44

A *width* of 0 leaves every paragraph on one line, for the reader's window to
wrap (the ``eml`` draft and the app's copy to the clipboard).  Otherwise lines
are at most *width* cells, wrapped by :func:`ita_tui.thai.wrap` (Thai at word
boundaries, never inside a cluster, never before ะ า ำ ๆ ฯ or after
เ แ โ ใ ไ), which is why only this format loads the Thai word list.
"""

from __future__ import annotations

import re
import unicodedata

from rich.cells import cell_len

from ita_tui.exports.left_summary import LeftItem, LeftSummary
from ita_tui.exports.options import ExportOptions
from ita_tui.exports.summary import Detail, Row, SectionSummary, Summary, build_summary, displayable
from ita_tui.model import Checklist, Status
from ita_tui.thai import wrap

BULLET = "- "
DASH = " — "
DOT = " · "


def render(checklist: Checklist, options: ExportOptions) -> bytes:
    """The summary as UTF-8 text with ``\\n`` line ends."""
    return render_summary(build_summary(checklist, options), options.width)


def render_summary(summary: Summary, width: int) -> bytes:
    """An already built summary as text, wrapped to *width* cells (0: not wrapped)."""
    lines = TextLayout(summary, width).lines()
    return ("\n".join(lines) + "\n").encode("utf-8")


# A line may not start with these (they belong to the syllable before) ...
_NO_START = frozenset("\u0e30\u0e32\u0e33\u0e46\u0e2f")  # ะ า ำ ๆ ฯ
# ... nor end with these (they belong to the consonant after).
_NO_END = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")  # เ แ โ ใ ไ


def wrap_nicely(text: str, width: int) -> list[str]:
    """:func:`ita_tui.thai.wrap`, but at spaces alone when that takes no more lines.

    Thai puts spaces between phrases, not words: a line broken at a space reads
    better than one broken between two words of a phrase ("ประจำ / ปีงบประมาณ").
    Each paragraph is wrapped both ways and the space-only layout wins when it
    fits the width in as many lines and leaves no line but the last less than
    half full (``- M3`` alone on a line, before a long Thai title, reads badly).
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = wrap(paragraph, width)
        phrases = _wrap_at_spaces(paragraph, width)
        lines.extend(phrases if phrases is not None and len(phrases) <= len(words) else words)
    return lines


def _wrap_at_spaces(paragraph: str, width: int) -> list[str] | None:
    """Greedy wrap at spaces only; None for an empty paragraph, a phrase too wide or a line too short."""
    if not paragraph or paragraph[0].isspace() or "\t" in paragraph:
        return None
    lines: list[str] = []
    line = ""
    for phrase in _phrases(paragraph.rstrip()):
        if not line:
            line = phrase
        elif cell_len(line) + 1 + cell_len(phrase) > width:
            lines.append(line)
            line = phrase
        else:
            line += " " + phrase
    lines.append(line)
    if any(cell_len(line) > width for line in lines) or any(
        2 * cell_len(line) < width for line in lines[:-1]
    ):
        return None
    return lines


def _phrases(paragraph: str) -> list[str]:
    """The paragraph's space-separated phrases, glued where a break would be illegal."""
    phrases: list[str] = []
    for phrase in paragraph.split():
        if phrases and (
            phrase[0] in _NO_START
            or unicodedata.category(phrase[0]).startswith("M")
            or phrases[-1][-1] in _NO_END
        ):
            phrases[-1] += " " + phrase
        else:
            phrases.append(phrase)
    return phrases


_SPACES = re.compile(r"[ \t\u00a0]{2,}")


def one_line(text: str) -> str:
    """*text* as one paragraph: its lines joined by " / ", runs of spaces made one.

    Spaces typed to line things up in a word processor mean nothing in a mail
    client's font; a line break inside an item would read as a new paragraph.
    """
    # Stripped, a line may now begin with a mark: it gets its dotted circle back.
    lines = (displayable(_SPACES.sub(" ", line.strip())) for line in text.split("\n"))
    return " / ".join(line for line in lines if line)


class TextLayout:
    """Lays a :class:`Summary` out as lines: still to do, then done."""

    def __init__(self, summary: Summary, width: int) -> None:
        self.summary = summary
        self.width = width

    def lines(self) -> list[str]:
        """The whole summary, never two blank lines in a row."""
        lines = self._parts()
        return [line for n, line in enumerate(lines) if line or (n and lines[n - 1])]

    def _parts(self) -> list[str]:
        out = self.heading()
        if self.summary.left is not None:
            out.append("")
            out.extend(self.still_to_do(self.summary.left))
        if Status.DONE in self.summary.statuses:
            out.append("")
            out.extend(self.done([section for section in self.summary.sections if _done_rows(section)]))
        while out and not out[-1]:
            out.pop()
        return out

    def para(self, text: str) -> list[str]:
        """One paragraph: wrapped to the width, or left whole when the width is 0."""
        text = one_line(text)
        if not text:
            return []
        return wrap_nicely(text, self.width) if self.width else [text]

    def heading(self) -> list[str]:
        """Title, organization, year and date; then progress and the score that counts."""
        s = self.summary
        out: list[str] = []
        for fact in (s.title, s.organization, s.fiscal_year or "", s.as_of):
            out.extend(self.para(fact))
        out.append("")
        for fact in (s.progress_line, s.score_line or "", s.filter_line or ""):
            out.extend(self.para(fact))
        return out

    def still_to_do(self, left: LeftSummary) -> list[str]:
        """The open items by owner: status, due date and how far it is, the latest note."""
        if not left.total:
            return self.para(self.summary.empty("left"))
        rows = {row.item.id: row for section in self.summary.sections for row in section.rows}
        out = self.para(left.heading)
        for group in left.groups:
            out.append("")
            out.extend(self.para(group.heading))
            for entry in group.items:
                out.extend(self.left_item(entry, rows.get(entry.id)))
        return out

    def left_item(self, entry: LeftItem, row: Row | None) -> list[str]:
        """``- M2 title — ยังไม่ได้ดำเนินการ · กำหนดเสร็จ … · เลยกำหนด 3 วัน · หมายเหตุ: …``."""
        s = self.summary
        facts = [s.status_name(entry.status), entry.due or ""]
        if entry.score is not None:
            facts.append(s.label("report.score_value", score=entry.score))
        facts.append(entry.shared_with)
        if entry.note and not s.full:
            facts.append(f"{s.label('label.notes')}: {entry.note}")
        out = self.para(f"{BULLET}{entry.id} {entry.title}{DASH}{DOT.join(f for f in facts if f)}")
        if s.full and row is not None:
            out.extend(self.full_details(row))
        return out

    def done(self, sections: list[SectionSummary]) -> list[str]:
        """The done items under their sections' titles and progress."""
        s = self.summary
        count = sum(len(_done_rows(section)) for section in sections)
        if not count:
            return self.para(self.summary.empty("done"))
        out = self.para(s.label("report.done_heading", count=s.digits(str(count))))
        for section in sections:
            out.append("")
            out.extend(self.para(f"{section.title} ({section.progress_label})"))
            for row in _done_rows(section):
                out.extend(self.done_item(row))
        return out

    def done_item(self, row: Row) -> list[str]:
        """``- I1 title — คะแนน 97.44``, then (full) its details, one a line."""
        facts = []
        if row.score is not None:
            facts.append(self.summary.label("report.score_value", score=row.score))
        if row.notes and not self.summary.full:
            facts.append(f"{self.summary.label('label.notes')}: {row.notes}")
        line = f"{BULLET}{row.item.id} {row.title}"
        if facts:
            line += DASH + DOT.join(facts)
        out = self.para(line)
        if self.summary.full:
            out.extend(self.full_details(row))
        return out

    def full_details(self, row: Row) -> list[str]:
        """Notes, date and detail fields, each ``label: value`` on a line of its own."""
        s = self.summary
        out: list[str] = []
        if row.notes:
            out.extend(self.para(f"{s.label('label.notes')}: {row.notes}"))
        if row.due and row.due_state is None:  # an open item's due date is on its line already
            out.extend(self.para(row.due))
        if row.updated:
            out.extend(self.para(f"{s.label('label.updated')}: {row.updated}"))
        for detail in row.details:
            out.extend(self.detail(detail))
        out.append("")  # long items read better apart
        return out

    def detail(self, detail: Detail) -> list[str]:
        """``label: value``, or the label and one numbered line an entry."""
        if not detail.numbered:
            return self.para(f"{detail.label}: {detail.lines[0]}")
        out = self.para(f"{detail.label}:")
        for number, line in enumerate(detail.lines, start=1):
            out.extend(self.para(f"{self.summary.digits(str(number))}. {line}"))
        return out


def _done_rows(section: SectionSummary) -> list[Row]:
    return [row for row in section.rows if row.status is Status.DONE]

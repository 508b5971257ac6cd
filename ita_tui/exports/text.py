"""Plain text for the body of an email: a list, not a table.

Every line is at most ``options.width`` cells, wrapped by :func:`ita_tui.thai.wrap`
(Thai at word boundaries, never inside a cluster, never before ะ า ำ ๆ ฯ or
after เ แ โ ใ ไ).  No escape codes, and no box-drawing characters unless
``options.box``: in a mail client's proportional font, columns and borders do
not line up, so items read top to bottom with a hanging indent::

    IIT (เสร็จ 5/5)
      [x] I1  การปฏิบัติหน้าที่ — คะแนน 97.44
      [~] I8  ปรับปรุงการทำงาน — คะแนน 91.55
              หมายเหตุ: รอผลแบบประเมินความพึงพอใจไตรมาส 4

Markdown lines are not wrapped (a soft line break becomes a space, which
Thai does not put between words), so only this format loads pythainlp.
"""

from __future__ import annotations

import re
import unicodedata

from rich.cells import cell_len

from ita_tui.exports.options import ExportOptions
from ita_tui.exports.summary import TEXT_MARKERS, Detail, Row, SectionSummary, Summary, build_summary
from ita_tui.i18n import t
from ita_tui.model import Checklist, filled_cells
from ita_tui.thai import wrap

BAR_WIDTH = 24
ITEM_INDENT = "  "
# An id column wider than this would squeeze the titles: longer ids go inline.
MAX_ID_WIDTH = 10


def render(checklist: Checklist, options: ExportOptions) -> bytes:
    """The summary as UTF-8 text with ``\\n`` line ends."""
    summary = build_summary(checklist, options)
    lines = TextLayout(summary, options.width, options.box).lines()
    return ("\n".join(lines) + "\n").encode("utf-8")


def text_bar(fraction: float, width: int, box: bool = False) -> str:
    """``[##########..............]`` (or ``█``/``░`` with *box*) filled to *fraction*."""
    filled = filled_cells(fraction, width)
    full, empty = ("█", "░") if box else ("#", ".")
    return f"[{full * filled}{empty * (width - filled)}]"


# A line may not start with these (they belong to the syllable before) ...
_NO_START = frozenset("\u0e30\u0e32\u0e33\u0e46\u0e2f")  # ะ า ำ ๆ ฯ
# ... nor end with these (they belong to the consonant after).
_NO_END = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")  # เ แ โ ใ ไ


def wrap_nicely(text: str, width: int, indent: str = "", subsequent: str = "") -> list[str]:
    """:func:`ita_tui.thai.wrap`, but at spaces alone when that takes no more lines.

    Thai puts spaces between phrases, not words: a line broken at a space reads
    better than one broken between two words of a phrase ("ประจำ / ปีงบประมาณ").
    Each paragraph is wrapped both ways and the space-only layout wins when it
    fits the width in as many lines.
    """
    lines: list[str] = []
    for number, paragraph in enumerate(text.split("\n")):
        first = indent if number == 0 else subsequent
        words = wrap(paragraph, width, indent=first, subsequent_indent=subsequent)
        phrases = _wrap_at_spaces(paragraph, width, first, subsequent)
        lines.extend(phrases if phrases is not None and len(phrases) <= len(words) else words)
    return lines


def _wrap_at_spaces(paragraph: str, width: int, indent: str, subsequent: str) -> list[str] | None:
    """Greedy wrap at spaces only, keeping the spacing between phrases on a line.

    None when a phrase is too wide, or for an empty or indented paragraph.
    """
    if not paragraph or paragraph[0].isspace() or "\t" in paragraph:
        return None
    lines: list[str] = []
    line = indent
    for gap, phrase in _phrases(paragraph.rstrip()):
        if line == indent or cell_len(line) + len(gap) + cell_len(phrase) > width:
            if line != indent:
                lines.append(line)
                line = subsequent
            line += phrase
        else:
            line += gap + phrase
    lines.append(line)
    return lines if all(cell_len(line) <= width for line in lines) else None


def _phrases(paragraph: str) -> list[tuple[str, str]]:
    """(spaces before, phrase) pairs, glued where a break would be illegal."""
    pairs: list[tuple[str, str]] = []
    for match in _PHRASE.finditer(paragraph):
        gap, phrase = match.group(1), match.group(2)
        if pairs and (
            phrase[0] in _NO_START
            or unicodedata.category(phrase[0]).startswith("M")
            or pairs[-1][1][-1] in _NO_END
        ):
            pairs[-1] = (pairs[-1][0], pairs[-1][1] + gap + phrase)
        else:
            pairs.append((gap, phrase))
    return pairs


_PHRASE = re.compile(r"( *)([^ ]+)")


class TextLayout:
    """Lays a :class:`Summary` out as lines of at most *width* cells."""

    def __init__(self, summary: Summary, width: int, box: bool = False) -> None:
        self.summary = summary
        self.width = width
        self.box = box

    def lines(self) -> list[str]:
        """The whole summary."""
        out = self.heading()
        for section in self.summary.sections:
            out.append("")
            out.extend(self.section(section))
        return out

    def wrap(self, text: str, indent: str = "", subsequent: str | None = None) -> list[str]:
        """*text* wrapped to the width; an empty text gives no lines."""
        return wrap_nicely(text, self.width, indent, indent if subsequent is None else subsequent)

    def heading(self) -> list[str]:
        """Title, organization, year, scores, then the progress line, bar and legend."""
        s = self.summary
        out: list[str] = []
        for text in (s.title, s.organization, s.fiscal_year or "", *s.score_lines):
            out.extend(self.wrap(text))
        out.append("")
        out.extend(self.wrap(s.progress_line))
        bar_width = min(BAR_WIDTH, self.width - 7)
        out.append(f"{text_bar(s.progress.fraction, bar_width, self.box)} {s.percent_text}")
        out.extend(self.wrap(s.legend(TEXT_MARKERS)))
        if s.filter_line:
            out.extend(self.wrap(s.filter_line))
        return out

    def section(self, section: SectionSummary) -> list[str]:
        """The section's title and progress, then its items."""
        out = self.wrap(f"{section.title} ({section.progress_label})")
        if self.box and out:
            out.append("─" * min(self.width, max(cell_len(line) for line in out)))
        if not section.rows:
            out.extend(self.wrap(self.summary.label("report.no_items_shown"), ITEM_INDENT))
        id_width = max((cell_len(row.item.id) for row in section.rows), default=0)
        for number, row in enumerate(section.rows):
            if self.summary.full and number:
                out.append("")  # long items read better apart
            out.extend(self.item(row, id_width))
        return out

    def item(self, row: Row, id_width: int) -> list[str]:
        """``  [x] I1  title — คะแนน 97.44`` with notes and details under the title."""
        marker = f"{ITEM_INDENT}{TEXT_MARKERS[row.status]} "
        title = row.title
        if row.score is not None:
            title = f"{title} — {t('report.score_value', self.summary.lang, score=row.score)}"
        first = f"{marker}{row.item.id}{' ' * (id_width - cell_len(row.item.id))}  "
        if id_width <= MAX_ID_WIDTH and cell_len(first) <= self.width // 2:
            hang = " " * cell_len(first)
            out = self.wrap(title, first, hang) or [first.rstrip()]
        else:  # a long id: it starts the title, and the rest hangs under the marker
            hang = " " * (cell_len(marker) + 2)
            out = self.wrap(f"{row.item.id}  {title}", marker, hang)
        if row.notes:
            out.extend(self.wrap(f"{self.summary.label('label.notes')}: {row.notes}", hang))
        if row.updated:
            out.extend(self.wrap(f"{self.summary.label('label.updated')}: {row.updated}", hang))
        for detail in row.details:
            out.extend(self.detail(detail, hang))
        return out

    def detail(self, detail: Detail, hang: str) -> list[str]:
        """``label: value``, or the label and a numbered list under it."""
        if not detail.numbered:
            return self.wrap(f"{detail.label}: {detail.lines[0]}", hang, hang + "  ")
        out = self.wrap(f"{detail.label}:", hang)
        digits = len(str(len(detail.lines)))
        for number, line in enumerate(detail.lines, start=1):
            bullet = self.summary.digits(f"{number}.").rjust(digits + 1)
            first = f"{hang}  {bullet} "
            out.extend(self.wrap(line, first, " " * cell_len(first)))
        return out

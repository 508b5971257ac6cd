"""Thai text for the terminal: wrapping, numbers, dates, search and sort keys.

Everything here is pure (strings in, strings out) and cheap to import: no
Textual, and Rich only for cell widths (``rich.cells``).  Word segmentation
is PyThaiNLP's newmm with its word list (:mod:`ita_tui.newmm`), loaded the
first time a text *containing Thai* is wrapped, in about 5 ms.

See ``docs/thai.md`` for the rules, the choices made and the measured speed.
"""

from __future__ import annotations

import math
import re
import unicodedata
from array import array
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from rich.cells import cell_len

if TYPE_CHECKING:  # only for annotations: importing rich.text/console here would slow start-up
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.measure import Measurement
    from rich.style import Style
    from rich.text import Text

    from ita_tui.i18n import Lang

__all__ = [
    "EN_MONTHS",
    "EN_MONTHS_ABBR",
    "THAI_MONTHS",
    "THAI_MONTHS_ABBR",
    "Hanging",
    "NumberError",
    "WrappedText",
    "be_to_ce",
    "break_offsets",
    "ce_to_be",
    "fiscal_year_of",
    "fiscal_year_span",
    "format_date",
    "format_datetime",
    "format_fiscal_year",
    "format_score",
    "has_thai",
    "insert_break_opportunities",
    "line_spans",
    "matches",
    "normalize_thai",
    "parse_int",
    "parse_number",
    "search_key",
    "sort_key",
    "sorted_thai",
    "to_arabic_digits",
    "to_thai_digits",
    "wrap",
    "wrap_text",
]

# --------------------------------------------------------------------------
# Character classes
# --------------------------------------------------------------------------

SARA_AM = "\u0e33"
ZWSP = "\u200b"

# Marks that sit above or below the letter before them (zero cells wide): MAI HAN-AKAT,
# the upper/lower vowels, and MAITAIKHU .. YAMAKKAN (tone marks, THANTHAKHAT, NIKHAHIT).
_THAI_COMBINING = frozenset(
    "\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B))) + "".join(map(chr, range(0x0E47, 0x0E4F)))
)
# Following vowels and signs that complete the syllable before them: a line starting with
# one of these reads as a spelling mistake.  SARA AM is also part of its letter's cluster.
_NO_LINE_START = frozenset("\u0e30\u0e32\u0e33\u0e46\u0e2f")  # ะ า ำ ๆ ฯ
# Leading vowels are written before the consonant they are pronounced after:
# a line must not end with one.
_LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")  # เ แ โ ใ ไ

# Punctuation that belongs to the word before it (no break before) or after it (no break after).
# Only consulted for breaks found by word segmentation; spaces are always honoured.
# NO-BREAK SPACE and friends glue on both sides (newmm makes them tokens of their own).
_GLUE = "\u00a0\u2007\u202f\u2060\ufeff"
_CLOSING = frozenset(")]}>»›”’\"',.;:!?%…/-" + _GLUE)
_OPENING = frozenset("([{<«‹“‘\"'#@$฿" + _GLUE)

# Spaces a line may break at.  NO-BREAK SPACE, FIGURE SPACE and NARROW NO-BREAK SPACE are
# left out on purpose; ZERO WIDTH SPACE is in: it is an explicit break opportunity.
_SPACES = "\t \u1680\u2000-\u2006\u2008-\u200b\u205f\u3000"
_SPACE_RUN = re.compile(f"[{_SPACES}]+")
_NON_SPACE_RUN = re.compile(f"[^{_SPACES}]+")
# The same line boundaries as str.splitlines(), as a pattern so offsets are kept.
_LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_THAI_CHAR = re.compile("[\u0e00-\u0e7f]")


def has_thai(text: str) -> bool:
    """True when *text* contains a character of the Thai block (U+0E00–U+0E7F)."""
    return _THAI_CHAR.search(text) is not None


def _is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


@lru_cache(maxsize=8192)
def _char_width(ch: str) -> int:
    return cell_len(ch)


@lru_cache(maxsize=8192)
def _attaches(ch: str) -> bool:
    """True for a character that belongs to the cluster of the character before it."""
    if ch in _THAI_COMBINING or ch == SARA_AM:
        return True
    if ch == ZWSP:
        return False
    # Other zero-width marks (Latin combining accents, ZWJ, variation selectors) stay with
    # their base too; a stray tab (width 0 in Rich) does not count, it is a space.
    return ch != "\t" and unicodedata.category(ch) in ("Mn", "Me", "Cf")


def _may_start_line(ch: str) -> bool:
    return not _attaches(ch) and ch not in _NO_LINE_START


def _legal_word_break(s: str, i: int) -> bool:
    """May a line break between s[i-1] and s[i], where segmentation found a word boundary?"""
    before, after = s[i - 1], s[i]
    if not (_is_thai(before) or _is_thai(after)):
        # Between two non-Thai characters newmm splits "abc123" or "95.75"; English is
        # broken at spaces only, like textwrap.
        return False
    return (
        _may_start_line(after)
        and before not in _LEADING_VOWELS
        and after not in _CLOSING
        and before not in _OPENING
    )


# --------------------------------------------------------------------------
# Word segmentation (ita_tui.newmm, lazily)
# --------------------------------------------------------------------------


# Phrases repeat across items (names of units, set wordings); bounded at ~4 MB.
@lru_cache(maxsize=16384)
def _segment(chunk: str) -> tuple[int, ...]:
    """Offsets inside *chunk* (a run without spaces) where newmm puts a word boundary.

    The word list loads here (a few milliseconds), the first time Thai is segmented.
    """
    from ita_tui.newmm import segment

    offsets: list[int] = []
    position = 0
    for token in segment(chunk)[:-1]:
        position += len(token)
        offsets.append(position)
    return tuple(offsets)


def _word_breaks(chunk: str) -> list[int]:
    if not has_thai(chunk):
        return []
    return [i for i in _segment(chunk) if 0 < i < len(chunk) and _legal_word_break(chunk, i)]


# --------------------------------------------------------------------------
# Wrapping
# --------------------------------------------------------------------------


class _Piece(NamedTuple):
    """An unbreakable run of a paragraph and the spaces before it.

    ``gap_start == start`` means a zero-width break (a Thai word boundary): nothing is
    dropped there.  Otherwise ``paragraph[gap_start:start]`` is whitespace, dropped when the
    line breaks there.
    """

    gap_start: int
    start: int
    end: int
    gap: int  # cell width of the whitespace before the piece
    width: int  # cell width of the piece


def _pieces(para: str) -> list[_Piece]:
    """Cut a paragraph (no line breaks, no tabs) into pieces: every run at its word boundaries."""
    return [piece for run in _runs(para) for piece in _run_pieces(para, run)]


def _runs(para: str) -> list[_Piece]:
    """The paragraph's runs between the spaces a line may break at (see :func:`_run_table`)."""
    table = _run_table(para)
    return [_Piece(*table[i : i + 5]) for i in range(0, len(table), 5)]


# Kept as a flat array of ints (20 bytes a run instead of ~140 for tuples).  Rich measures
# a table's cells, then renders them, so a big table wraps each cell twice: the cache must
# hold a few thousand paragraphs.
@lru_cache(maxsize=4096)
def _run_table(para: str) -> array[int]:
    """The runs of a paragraph, flattened: gap_start, start, end, gap, width, ...

    A run is the text between two spaces that a line may break at; no segmentation is
    needed to find them.  The Thai word boundaries inside a run are looked up only when
    a line has to break inside it (:func:`_run_pieces`): a run that fits on its line is
    placed whole, which is where greedy filling would have put all of its words.
    """
    spans: list[tuple[int, int, int]] = []  # (gap_start, start, end)
    previous_end = 0
    for number, match in enumerate(_NON_SPACE_RUN.finditer(para)):
        start, end = match.span()
        gap_start = 0 if number == 0 else previous_end
        previous_end = end
        # A space is not a break opportunity when breaking there would start a line with
        # a mark or a following vowel, or end one with a leading vowel: glue such runs.
        if spans and (not _may_start_line(para[start]) or para[gap_start - 1] in _LEADING_VOWELS):
            spans[-1] = (spans[-1][0], spans[-1][1], end)
            continue
        # The paragraph's leading spaces stay with its first run: they are indentation.
        spans.append((gap_start, 0 if number == 0 else start, end))
    table = array("l")
    for g, s, e in spans:
        table.extend((g, s, e, cell_len(para[g:s]), cell_len(para[s:e])))
    return table


def _run_pieces(para: str, run: _Piece) -> list[_Piece]:
    """*run* cut at its legal Thai word boundaries (each space-free chunk segmented, cached)."""
    gap_start, start, end, gap, _ = run
    cuts = [
        chunk.start() + offset
        for chunk in _NON_SPACE_RUN.finditer(para, start, end)
        for offset in _word_breaks(chunk.group())
    ]
    if not cuts:
        return [run]
    bounds = [start, *cuts, end]
    pieces = [_Piece(gap_start, start, bounds[1], gap, cell_len(para[start : bounds[1]]))]
    pieces.extend(_Piece(b, b, e, 0, cell_len(para[b:e])) for b, e in pairwise(bounds[1:]))
    return pieces


def _widest_piece(para: str) -> int:
    """The widest unbreakable piece of *para*, segmenting only the runs that could hold it."""
    widest = 0
    for run in sorted(_runs(para), key=lambda run: run.width, reverse=True):
        if run.width <= widest:
            break
        widest = max(widest, *(piece.width for piece in _run_pieces(para, run)))
    return widest


@lru_cache(maxsize=4096)
def _syllables(word: str) -> frozenset[int]:
    """Syllable boundaries inside a Thai word too long for a line.

    Only words wider than a whole line get here (narrow table columns).  Each newmm
    word is cut again by newmm with PyThaiNLP's syllable list, which is what
    ``pythainlp.tokenize.subword_tokenize(engine="dict")`` does.
    """
    from ita_tui.newmm import segment, syllables

    offsets: set[int] = set()
    position = 0
    for part in [piece for token in segment(word) for piece in segment(token, syllables())][:-1]:
        position += len(part)
        offsets.add(position)
    return frozenset(offsets)


def _fold(s: str, start: int, end: int, room: int, width: int, may_skip: bool) -> list[tuple[int, int]]:
    """Cut the unbreakable run s[start:end] (wider than *width*) into spans.

    The first span fills *room* cells, the others *width*.  Each cut is the last position
    that fits, preferring (1) a Thai syllable boundary that is also (2) a legal break (a
    cluster boundary, not before ะ า ำ ๆ ฯ, not after เ แ โ ใ ไ), then (2) alone, then
    (3) any cluster boundary, then (4) any position before a visible character; (3) and (4)
    are only needed for malformed text such as "เเเเเ".  When *may_skip*, the first span is
    the rest of a line already holding text: if no preferred cut fits, it comes back empty
    and the run starts on a fresh line instead.
    """
    word = s[start:end]
    syllables = _syllables(word) if has_thai(word) else None
    spans: list[tuple[int, int]] = []
    line_start = i = start
    limit = room
    used = 0
    best = legal = cluster = visible = -1
    # A leading vowel before a space ("ไทยเ และ", a typo) must not end a line either, so a
    # cut after such a space is only taken when no other legal one fits (*spaced*, *spaced_best*).
    spaced = spaced_best = -1
    after_vowel = False  # the line so far ends, spaces aside, in a leading vowel
    while i < end:
        ch = s[i]
        cw = _char_width(ch)
        if i > line_start and cw > 0:
            visible = i
            if not _attaches(ch):
                cluster = i
                if ch not in _NO_LINE_START and s[i - 1] not in _LEADING_VOWELS:
                    syllable = syllables is None or i - start in syllables
                    spaced, spaced_best = i, i if syllable else spaced_best
                    if not after_vowel:
                        legal, best = i, i if syllable else best
        if used + cw > limit:
            if may_skip and not spans:
                candidates: tuple[int, ...] = (best,)
            else:
                candidates = (best, spaced_best, legal, spaced, cluster, visible)
            cut = next((c for c in candidates if c > line_start), line_start)
            if cut == line_start and not (may_skip and not spans):
                # A single character wider than the line: let it overflow, with its marks.
                cut = i + 1
                while cut < end and _char_width(s[cut]) == 0:
                    cut += 1
            spans.append((line_start, cut))
            line_start = i = cut
            used = 0
            limit = width
            best = legal = spaced = spaced_best = cluster = visible = -1
            after_vowel = False
            continue
        used += cw
        if not (ch.isspace() or ch == ZWSP):
            after_vowel = ch in _LEADING_VOWELS
        i += 1
    spans.append((line_start, end))
    return spans


def _wrap_paragraph(para: str, offset: int, first_width: int, width: int) -> list[tuple[int, int]]:
    lines = _Lines(para, first_width, width)
    for run in _runs(para):
        if lines.fits(run):
            # Placed whole: greedy filling would have put every word of the run there too,
            # so its word boundaries are not needed (and not looked up).
            lines.place(run)
            continue
        for piece in _run_pieces(para, run):
            lines.place(piece)
    return lines.spans(offset)


class _Lines:
    """Greedy line filling of one paragraph, a piece at a time (see :func:`_wrap_paragraph`)."""

    def __init__(self, para: str, first_width: int, width: int) -> None:
        self.para = para
        self.width = width
        self.limit = first_width  # the room of the open (or next) line
        self.lines: list[tuple[int, int]] = []
        self.line: list[int] = []  # [start, end] of the open line, empty when none is open
        self.used = 0

    def fits(self, piece: _Piece) -> bool:
        """Does *piece* go on the open line (or start the first one) without a break?"""
        if self.line:
            return self.used + piece.gap + piece.width <= self.limit
        return piece.width <= self.limit

    def close(self) -> None:
        self.lines.append((self.line[0], self.line[1]))
        self.limit = self.width

    def place(self, piece: _Piece) -> None:
        """Add *piece*: on the open line, on a new one, or folded when wider than a line."""
        line = self.line
        if line and self.used + piece.gap + piece.width <= self.limit:
            line[1] = piece.end
            self.used += piece.gap + piece.width
            return
        if line and piece.width <= self.width:
            self.close()
            line[:] = [piece.start, piece.end]
            self.used = piece.width
            return
        if not line and piece.width <= self.limit:
            line[:] = [piece.start, piece.end]
            self.used = piece.width
            return
        self._fold(piece)

    def _fold(self, piece: _Piece) -> None:
        para, line = self.para, self.line
        start = piece.start
        if not line and start == 0:
            # The paragraph's indentation does not fit: drop it rather than give it a line,
            # but keep the space that a mark (or ะ า ำ ๆ ฯ) after it sits on: a line never
            # starts with one ("  ิ\xa011" at 4 cells is " ิ\xa011", not "ิ\xa011").
            start = len(para) - len(para.lstrip(" "))
            if 0 < start < len(para) and not _may_start_line(para[start]):
                start -= 1
        # Wider than a whole line: fill the open line first, like textwrap (a Thai word at
        # a syllable boundary), then fold the rest.
        if line:
            room = self.limit - self.used - piece.gap
            head, *rest = _fold(para, start, piece.end, room, self.width, may_skip=True)
            if head[1] > head[0]:
                line[1] = head[1]
        else:
            head, *rest = _fold(para, start, piece.end, self.limit, self.width, may_skip=False)
            line[:] = list(head)
        for span in rest:
            self.close()
            line[:] = list(span)
        self.used = cell_len(para[line[0] : line[1]])

    def spans(self, offset: int) -> list[tuple[int, int]]:
        """The lines as offsets into the text, trimmed; an empty paragraph is one empty line."""
        if self.line:
            self.close()
        para = self.para
        # Trim the spaces a forced cut may leave at either end of a line (textwrap drops
        # them), unless that would put a mark at the start of the line.
        result: list[tuple[int, int]] = []
        for number, (start, end) in enumerate(self.lines or [(0, 0)]):
            while end > start and para[end - 1] in _SPACE_CHARS:
                end -= 1
            if number:
                while start + 1 < end and para[start] in _SPACE_CHARS and _may_start_line(para[start + 1]):
                    start += 1
            result.append((offset + start, offset + end))
        return result


_SPACE_CHARS = frozenset(
    "\t \u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u200b\u205f\u3000"
)


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, paragraph) for each hard line, tabs read as spaces; trailing line breaks dropped."""
    text = text.replace("\t", " ")  # same length: offsets into the original stay valid
    end = len(text)
    while end and _LINE_BREAK.match(text[end - 1]):
        end -= 1
    position = 0
    for match in _LINE_BREAK.finditer(text, 0, end):
        yield position, text[position : match.start()]
        position = match.end()
    if end > 0 or position:
        yield position, text[position:end]


def line_spans(text: str, width: int, *, first_width: int | None = None) -> list[tuple[int, int]]:
    """Where each wrapped line starts and ends in *text*, as ``(start, end)`` offsets.

    This is :func:`wrap` without copying: ``text[start:end]`` is each line.  Use it to cut a
    styled ``rich.text.Text`` (``text[start:end]`` keeps the styles).  The first line may get
    a different width (*first_width*), e.g. after a bullet.  Between two consecutive spans
    there is only whitespace or a line break.
    """
    width = max(1, width)
    first = width if first_width is None else max(1, first_width)
    spans: list[tuple[int, int]] = []
    for offset, para in _paragraphs(text):
        spans.extend(_wrap_paragraph(para, offset, first if not spans else width, width))
    return spans


def wrap(text: str, width: int, *, indent: str = "", subsequent_indent: str = "") -> list[str]:
    """Wrap *text* into lines of at most *width* terminal cells.

    Breaks at spaces and, in Thai, at word boundaries (newmm); never inside a
    cluster (a letter and its marks), never before ะ า ำ ๆ ฯ, never after เ แ โ ใ ไ.
    Each ``\\n`` (or other line boundary) is a hard break; trailing line breaks are dropped,
    an empty paragraph gives an empty line.  *indent* starts the first line and
    *subsequent_indent* every other one, both counted in *width*.  Trailing spaces are
    stripped; no other character is lost.  A word wider than a line is cut at the last
    legal place that fits.  ``wrap("")`` is ``[]``, like :func:`textwrap.wrap`.
    """
    spans = line_spans(
        text,
        width - cell_len(subsequent_indent),
        first_width=width - cell_len(indent),
    )
    source = text.replace("\t", " ")
    return [
        ((subsequent_indent if number else indent) + source[start:end]).rstrip()
        for number, (start, end) in enumerate(spans)
    ]


def break_offsets(text: str) -> list[int]:
    """Offsets where a line may begin: after each breakable space run and at each legal
    Thai word boundary (not counting the start of the text or of a hard line)."""
    offsets: list[int] = []
    for offset, para in _paragraphs(text):
        offsets.extend(offset + piece.start for piece in _pieces(para)[1:])
    return offsets


def insert_break_opportunities(text: str, marker: str = ZWSP) -> str:
    """*text* with *marker* (ZERO WIDTH SPACE) at each legal Thai word boundary.

    For browsers (HTML export) and other renderers that break at U+200B.  Rich 15 and
    Textual 8 do **not** break at U+200B (see docs/thai.md): for them use
    :func:`wrap`, :func:`wrap_text` or :class:`WrappedText`.
    """
    parts: list[str] = []
    position = 0
    for offset, para in _paragraphs(text):
        for piece in _pieces(para)[1:]:
            if piece.gap_start == piece.start:
                parts.append(text[position : offset + piece.start])
                parts.append(marker)
                position = offset + piece.start
    parts.append(text[position:])
    return "".join(parts)


def wrap_text(text: Text, width: int) -> list[Text]:
    """Wrap a styled ``rich.text.Text`` like :func:`wrap`, keeping its styles.

    Cut with one ``Text.divide`` at every line's start and end: slicing (``text[a:b]``)
    copies the whole text's remainder each time, which made a 200,000-character note
    take minutes.  The pieces between two lines (the spaces a break drops) are skipped.
    """
    spans = line_spans(text.plain, width)
    pieces = text.divide(offset for span in spans for offset in span)
    return [pieces[2 * number + 1] for number in range(len(spans))]


class WrappedText:
    """A Rich renderable that wraps Thai at word boundaries when it is drawn.

    Rich and Textual wrap Thai by characters (mid-word, even before ำ).  Hand this to
    ``Console.print``, a ``Table`` cell or a Textual ``Static`` instead of a plain string:
    it wraps with :func:`wrap` at whatever width it is given, so a resized pane re-wraps.
    The text is never parsed as markup.
    """

    def __init__(self, text: str | Text, style: str | Style = "", *, end: str = "\n") -> None:
        self.text = text
        self.style = style
        self.end = end

    def _as_text(self) -> Text:
        from rich.text import Text

        if isinstance(self.text, Text):
            return self.text
        return Text(self.text, style=self.style)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        lines = wrap_text(self._as_text(), options.max_width)
        # Already wrapped: Rich must not wrap again (it would break by characters).
        joined = Text("\n").join(lines) if lines else Text("")
        joined.end = self.end
        joined.no_wrap = True
        joined.overflow = "ignore"
        yield joined

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        plain = self._as_text().plain
        widest_piece = 0
        widest_line = 0
        for _, para in _paragraphs(plain):
            widest_line = max(widest_line, cell_len(para))
            widest_piece = max(widest_piece, _widest_piece(para))
        return Measurement(widest_piece, widest_line).clamp(max_width=options.max_width)


class Hanging:
    """*body* wrapped like WrappedText after *prefix*, its later lines indented under the body.

    A numbered entry (`` 1. text``): lighter than a two-column grid, which
    costs Rich a table layout for every entry of every item.
    """

    def __init__(self, prefix: Text, body: Text) -> None:
        self.prefix = prefix
        self.body = body

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        indent = self.prefix.cell_len
        lines = wrap_text(self.body, max(1, options.max_width - indent)) or [Text("")]
        pad = Text(" " * indent)
        joined = Text("\n").join(
            Text.assemble(self.prefix if number == 0 else pad, line) for number, line in enumerate(lines)
        )
        joined.no_wrap = True  # already wrapped, at Thai word boundaries
        joined.overflow = "ignore"
        yield joined

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        body = WrappedText(self.body).__rich_measure__(console, options)
        indent = self.prefix.cell_len
        return Measurement(body.minimum + indent, body.maximum + indent).clamp(max_width=options.max_width)


# --------------------------------------------------------------------------
# Digits and numbers
# --------------------------------------------------------------------------

_TO_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_TO_ARABIC_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_INTEGER = re.compile(r"[+-]?[0-9]+")
# Invisible characters that ride along with text copied from Word or PDF.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


def to_thai_digits(text: str) -> str:
    """Replace the Arabic digits 0–9 in *text* with Thai digits ๐–๙."""
    return text.translate(_TO_THAI_DIGITS)


def to_arabic_digits(text: str) -> str:
    """Replace the Thai digits ๐–๙ in *text* with Arabic digits 0–9."""
    return text.translate(_TO_ARABIC_DIGITS)


class NumberError(ValueError):
    """A number that could not be read.

    ``str(error)`` is an English sentence; ``key`` and ``fields`` name the interface string
    (in :mod:`ita_tui.i18n`) for showing it in the user's language:
    ``t(error.key, lang, **error.fields)``.
    """

    def __init__(self, message: str, key: str, **fields: str) -> None:
        super().__init__(message)
        self.key = key
        self.fields = fields

    def render(self, lang: Lang) -> str:
        """The message in *lang* (the interface string ``key`` with ``fields``)."""
        from ita_tui.i18n import t

        return t(self.key, lang, **self.fields)


def _clean_number(text: str) -> str:
    cleaned = to_arabic_digits(text).strip().strip(_INVISIBLE).strip()
    cleaned = cleaned.replace("\u2212", "-")  # MINUS SIGN, as typed by word processors
    if not cleaned:
        raise NumberError("a number is required, the text is empty", "error.number_empty")
    if "," in cleaned:
        # "95,75" could be a decimal comma or a thousands separator: refuse to guess.
        raise NumberError(
            f"{text.strip()!r}: write the decimal with a point (95.75) and without commas",
            "error.number_comma",
            text=text.strip(),
        )
    return cleaned


def parse_number(text: str) -> float:
    """Read a decimal number written with Arabic or Thai digits (``"๙๕.๗๕"`` → 95.75).

    Surrounding spaces are ignored; a sign and a decimal point are allowed.  Raises
    :class:`NumberError` (a ValueError) for an empty text, a comma (decimal or thousands:
    ambiguous, so refused), or anything else (exponents, ``nan``, ``inf``, ``1_000``, units),
    which ``float()`` would partly have accepted.
    """
    cleaned = _clean_number(text)
    if not _NUMBER.fullmatch(cleaned):
        raise NumberError(f"{text.strip()!r} is not a number", "error.not_a_number", text=text.strip())
    return float(cleaned)


def parse_int(text: str) -> int:
    """Read a whole number written with Arabic or Thai digits (``"๒๕๖๖"`` → 2566).

    Like :func:`parse_number`, but ``"3.0"`` or ``"3.5"`` raise :class:`NumberError` too.
    """
    cleaned = _clean_number(text)
    if _INTEGER.fullmatch(cleaned):
        return int(cleaned)
    if _NUMBER.fullmatch(cleaned):
        raise NumberError(
            f"{text.strip()!r} is not a whole number", "error.not_a_whole_number", text=text.strip()
        )
    raise NumberError(f"{text.strip()!r} is not a number", "error.not_a_number", text=text.strip())


def format_score(score: float | None, lang: str = "th", thai_digits: bool = False) -> str:
    """A score as ITA reports print it: ``97.44``, ``95.50``, ``100``; ``—`` when unknown.

    Two decimals, rounded half up on the decimal value (95.745 → ``95.75``, where float
    formatting would give 95.74); a whole number has none (``100``, as in the seed
    report).  Thai documents use the decimal point too, so *lang* changes nothing today;
    *thai_digits* writes ๐–๙.
    """
    del lang  # same format in both languages; kept so callers need not special-case
    if score is None or not math.isfinite(score):
        return "—"
    rounded = Decimal(repr(float(score))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = str(int(rounded)) if rounded == rounded.to_integral_value() else f"{rounded:.2f}"
    return to_thai_digits(text) if thai_digits else text


# --------------------------------------------------------------------------
# Dates and the fiscal year
# --------------------------------------------------------------------------

BE_OFFSET = 543

THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
THAI_MONTHS_ABBR = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
# Fixed English names: strftime("%b") follows the process locale, which may be Thai.
EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
EN_MONTHS_ABBR = tuple(name[:3] for name in EN_MONTHS)


def be_to_ce(year: int) -> int:
    """Buddhist Era year to Common Era year (2566 → 2023)."""
    return year - BE_OFFSET


def ce_to_be(year: int) -> int:
    """Common Era year to Buddhist Era year (2023 → 2566)."""
    return year + BE_OFFSET


def format_date(d: date | datetime, lang: str, thai_digits: bool = False, *, long: bool = False) -> str:
    """A date for people: ``25 พ.ย. 2569`` (Buddhist Era) or ``25 Nov 2026``.

    *long* spells the month out (``25 พฤศจิกายน 2569`` / ``25 November 2026``);
    *thai_digits* writes the Thai form with ๐–๙.  A datetime shows its date only.
    """
    if lang == "th":
        month = (THAI_MONTHS if long else THAI_MONTHS_ABBR)[d.month - 1]
        text = f"{d.day} {month} {ce_to_be(d.year)}"
        return to_thai_digits(text) if thai_digits else text
    month = (EN_MONTHS if long else EN_MONTHS_ABBR)[d.month - 1]
    return f"{d.day} {month} {d.year}"


def format_datetime(dt: datetime, lang: str, thai_digits: bool = False, *, long: bool = False) -> str:
    """:func:`format_date` followed by the 24-hour time: ``25 พ.ย. 2569 14:05``.

    The time is shown as stored (no time-zone conversion).
    """
    text = f"{format_date(dt, lang, thai_digits, long=long)} {dt:%H:%M}"
    return to_thai_digits(text) if thai_digits and lang == "th" else text


def fiscal_year_span(fy_be: int) -> tuple[date, date]:
    """First and last day of Thai fiscal year *fy_be* (Buddhist Era).

    The year runs 1 October – 30 September and is named by the year it ends in:
    FY2566 is 1 Oct 2022 – 30 Sep 2023.  A year below 2400 is refused: it is almost
    certainly a Common Era year passed by mistake.
    """
    if fy_be < 2400:
        raise ValueError(f"fiscal year {fy_be} looks like a Common Era year; pass the Buddhist Era year")
    end_ce = be_to_ce(fy_be)
    return date(end_ce - 1, 10, 1), date(end_ce, 9, 30)


def fiscal_year_of(d: date) -> int:
    """The Thai fiscal year (Buddhist Era) that *d* falls in: 1 Oct 2022 → 2566."""
    return ce_to_be(d.year + 1 if d.month >= 10 else d.year)


def format_fiscal_year(fy_be: int, lang: str, thai_digits: bool = False) -> str:
    """``ปีงบประมาณ พ.ศ. 2566 (1 ต.ค. 2565 – 30 ก.ย. 2566)`` or ``FY2566 (1 Oct 2022 – 30 Sep 2023)``.

    English keeps the Buddhist Era name (FY2566) because that is how the NACC and the
    agency's own documents name the year; the span is in Common Era dates.
    """
    first, last = fiscal_year_span(fy_be)
    span = f"{format_date(first, lang, thai_digits)} – {format_date(last, lang, thai_digits)}"
    if lang == "th":
        year = to_thai_digits(str(fy_be)) if thai_digits else str(fy_be)
        return f"ปีงบประมาณ พ.ศ. {year} ({span})"
    return f"FY{fy_be} ({span})"


# --------------------------------------------------------------------------
# Search and sort keys
# --------------------------------------------------------------------------

# Thai marks a searcher may not type (or may type differently): MAITAIKHU, the four tone
# marks, THANTHAKHAT, NIKHAHIT, YAMAKKAN.
_THAI_TONE_AND_DIACRITICS = frozenset(map(chr, range(0x0E47, 0x0E4F)))
_THAI_VOWEL_MARKS = frozenset("\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B))))
_WHITESPACE_RUN = re.compile(r"\s+")
_THAI_SPACE_THAI = re.compile(r"(?<=[\u0e00-\u0e7f]) (?=[\u0e00-\u0e7f])")
# PDF converters write SARA AM as NIKHAHIT + SARA AA, sometimes with the tone mark between.
_DECOMPOSED_SARA_AM = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")
# Typists put the tone mark before the upper/lower vowel: both look the same on screen.
_TONE_BEFORE_VOWEL = re.compile("([\u0e48-\u0e4c])([\u0e31\u0e34-\u0e3a\u0e47])")
_DOUBLED_MARK = re.compile("([\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])\\1+")
_LEADING_VOWEL_CONSONANT = re.compile("([\u0e40-\u0e44])([\u0e01-\u0e2e])")
_DIGIT_RUN = re.compile(r"[0-9]+")
_REMOVE_INVISIBLE = str.maketrans(dict.fromkeys(_INVISIBLE, None))


def normalize_thai(text: str) -> str:
    """NFC, and the same spelling for Thai that looks the same on screen.

    Composes NIKHAHIT + SARA AA into SARA AM (``น ้ ํ า`` → ``น้ำ``), puts an upper or lower
    vowel before the tone mark (``ก ่ ี`` → ``กี่``) and drops a doubled mark.
    """
    text = unicodedata.normalize("NFC", text)
    if not has_thai(text):
        return text
    text = _DECOMPOSED_SARA_AM.sub("\\1\u0e33", text)
    text = _TONE_BEFORE_VOWEL.sub("\\2\\1", text)
    return _DOUBLED_MARK.sub("\\1", text)


def _drop_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    kept = (
        ch
        for ch in decomposed
        if ch in _THAI_VOWEL_MARKS  # vowels change the word: keep them
        or (ch not in _THAI_TONE_AND_DIACRITICS and unicodedata.category(ch) != "Mn")
    )
    return unicodedata.normalize("NFC", "".join(kept))


def search_key(text: str, *, ignore_tone_marks: bool = False) -> str:
    """A form of *text* for matching: compare ``search_key(query) in search_key(text)``.

    Normalises Thai spelling (:func:`normalize_thai`), folds case, reads Thai digits as
    Arabic, removes zero-width characters, collapses whitespace (line breaks included) to one
    space, and removes a space between two Thai characters (so ``ดำเนิน การ`` finds
    ``ดำเนินการ``: PDF conversions break Thai words).  With *ignore_tone_marks*, Thai tone
    marks and the other diacritics U+0E47, U+0E4C–U+0E4E are dropped, and so are Latin
    accents (``café`` → ``cafe``); Thai vowel marks always stay.

    For many items, compute the text's key once and reuse it.
    """
    key = normalize_thai(text).translate(_REMOVE_INVISIBLE)
    key = to_arabic_digits(key).casefold()
    if ignore_tone_marks:
        key = _drop_marks(key)
    key = _WHITESPACE_RUN.sub(" ", key).strip()
    return _THAI_SPACE_THAI.sub("", key)


def matches(query: str, text: str, ignore_tone_marks: bool = False) -> bool:
    """True when *query* occurs in *text*, compared by :func:`search_key`.

    An empty (or all-space) query matches everything.
    """
    needle = search_key(query, ignore_tone_marks=ignore_tone_marks)
    return not needle or needle in search_key(text, ignore_tone_marks=ignore_tone_marks)


# A unit of text for match_spans: a run of whitespace, or a letter and the marks on it
# (NIKHAHIT + SARA AA, written for SARA AM by PDF converters, stays one unit).
_MATCH_UNIT = re.compile(
    "\\s+|.[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0300-\u036f" + _INVISIBLE + "]*(?:(?<=\u0e4d)\u0e32)?",
    re.DOTALL,
)


def match_spans(query: str, text: str, *, ignore_tone_marks: bool = False) -> list[tuple[int, int]]:
    """Where *query* occurs in *text*, as (start, end) offsets of *text*, compared as
    :func:`search` compares (:func:`search_key`): for highlighting what a search found.

    The key is built a letter (with its marks) at a time, remembering where each part came
    from, so the offsets fall on whole letters.  Linear in the length of *text*.
    """
    needle = search_key(query, ignore_tone_marks=ignore_tone_marks)
    if not needle:
        return []
    key: list[str] = []
    origin: list[tuple[int, int]] = []  # for each character of the key, the unit it came from
    previous = ""
    for unit in _MATCH_UNIT.finditer(text):
        piece = unit.group()
        if piece.isspace():
            # Runs of space are one space; a space between two Thai letters is none.
            after = text[unit.end() : unit.end() + 1]
            if not key or key[-1] == " " or (has_thai(previous) and has_thai(after)):
                continue
            part = " "
        else:
            part = search_key(piece, ignore_tone_marks=ignore_tone_marks)
            previous = piece
        key.extend(part)
        origin.extend([unit.span()] * len(part))
    joined = "".join(key)
    spans = []
    start = joined.find(needle)
    while start >= 0:
        end = start + len(needle)
        spans.append((origin[start][0], origin[end - 1][1]))
        start = joined.find(needle, end)
    return spans


def sort_key(text: str) -> tuple[str, str]:
    """A key that sorts Thai in (near) dictionary order, Latin case-insensitively.

    Thai dictionaries file a word under its first *consonant*, so a leading vowel
    (เ แ โ ใ ไ) is swapped with the consonant after it, and tone marks only break ties
    (the second element).  This is what pythainlp's ``collate`` does, in a few lines and
    without importing it.  Numbers compare by value (``O2`` before ``O10``) and Thai digits
    like Arabic ones.
    """
    base = search_key(text)
    primary = _LEADING_VOWEL_CONSONANT.sub("\\2\\1", base)
    primary = "".join(ch for ch in primary if ch not in _THAI_TONE_AND_DIACRITICS)
    primary = _DIGIT_RUN.sub(lambda m: m.group().rjust(20, "0"), primary)
    return primary, base


def sorted_thai(items: Iterable[str], reverse: bool = False) -> list[str]:
    """*items* sorted with :func:`sort_key`."""
    return sorted(items, key=sort_key, reverse=reverse)

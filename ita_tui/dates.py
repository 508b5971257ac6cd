"""Due dates as a Thai office writes them: read, written, and today's date in Bangkok.

Pure and light: no Textual, no Rich, no Thai word list.

Reading (:func:`parse_date`) accepts what people type and what Thai documents
print, with Arabic or Thai digits:

* ``15 ธ.ค. 2569``, ``15 ธันวาคม พ.ศ. 2569``, ``15 ธค 2569``, ``15 Dec 2026``,
  ``15 December 2026``, ``Dec 15, 2026``;
* ``15/12/2569``, ``15/12/2026``, ``15-12-2569``, ``15.12.2569`` (always day
  first, as Thai documents write it);
* ``2026-12-15`` (the file's own form; ``2569-12-15`` is read as BE);
* without a year (``15 ธ.ค.``, ``15/12``), the occurrence nearest to *today*;
* ``today``/``วันนี้``, ``tomorrow``/``พรุ่งนี้`` and ``+N`` (N days from today).

A year of 2400 or more is Buddhist Era (พ.ศ.), one from 1900 to 2399 is Common
Era, unless ``พ.ศ.``/``ค.ศ.``/``BE``/``CE``/``AD`` says which.  Two-digit years
(``15/12/69``) are refused: 69 could be 2569 or 2069, and a wrong due date is
worse than a question.

Writing: :func:`format_date_numeric` gives the form to type back (``15/12/2569``
in Thai, ``2026-12-15`` in English); the long form for people is
:func:`ita_tui.thai.format_date` (``15 ธ.ค. 2569`` / ``15 Dec 2026``).

Today: :func:`bangkok_today` is the agency's day (Asia/Bangkok, UTC+7).
Thailand has kept UTC+7 without daylight saving since 1920, so a fixed offset
is exact for every date this tool meets, and works on Windows, whose Python has
no time-zone database unless the ``tzdata`` package is installed.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from ita_tui.thai import (
    EN_MONTHS,
    THAI_MONTHS,
    THAI_MONTHS_ABBR,
    be_to_ce,
    ce_to_be,
    to_arabic_digits,
    to_thai_digits,
)

__all__ = [
    "BANGKOK",
    "DateError",
    "bangkok_today",
    "format_date_numeric",
    "parse_date",
    "parse_due",
]

BANGKOK = timezone(timedelta(hours=7), "Asia/Bangkok")

# Years read as Common Era; from BE_FROM up they are Buddhist Era.
CE_FROM = 1900
BE_FROM = 2400
# A due date outside these Common Era years is a typing mistake.
_CE_RANGE = (1900, 2200)


class DateError(ValueError):
    """A date that could not be read.

    ``str(error)`` is an English sentence; ``key`` and ``fields`` name the
    interface string (:mod:`ita_tui.i18n`) for the user's language:
    ``t(error.key, lang, **error.fields)``.
    """

    def __init__(self, message: str, key: str, **fields: str) -> None:
        super().__init__(message)
        self.key = key
        self.fields = fields


def bangkok_today(now: datetime | None = None) -> date:
    """The date in Bangkok at *now* (default: the current time).

    A naive *now* is taken as the machine's local time, as ``datetime.now()``
    gives it; an aware one is converted.  So 23:30 UTC on the 14th is the 15th
    in Bangkok, and an app clock frozen in tests gives a fixed day.
    """
    if now is None:
        return datetime.now(BANGKOK).date()
    if now.tzinfo is None:
        now = now.astimezone()
    return now.astimezone(BANGKOK).date()


def format_date_numeric(day: date, lang: str, thai_digits: bool = False) -> str:
    """The date as one types it back: ``15/12/2569`` in Thai, ``2026-12-15`` in English."""
    if lang == "th":
        text = f"{day.day}/{day.month}/{ce_to_be(day.year)}"
        return to_thai_digits(text) if thai_digits else text
    return day.isoformat()


# -- reading -------------------------------------------------------------------------

_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_SPACES = re.compile(r"\s+")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})\s*([/.-])\s*(\d{1,2})(?:\s*\2\s*(\d{1,4}))?")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\s*([^\d,]+?)\s*,?\s*(?:(\d{1,4})\s*([^\d]*))?")
_MONTH_DAY_YEAR = re.compile(r"([a-z]+\.?)\s*(\d{1,2})(?:\s*,\s*|\s+)(\d{1,4})")
_PLUS_DAYS = re.compile(r"\+\s*(\d{1,4})")
_TODAY = {"today": 0, "วันนี้": 0, "tomorrow": 1, "พรุ่งนี้": 1}

# Era words after the month (or before the year), compacted: dots and spaces removed.
_ERAS: dict[str, str] = {"พศ": "BE", "be": "BE", "คศ": "CE", "ce": "CE", "ad": "CE"}


def _compact(word: str) -> str:
    return word.replace(".", "").replace(" ", "").casefold()


def _month_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for number, (full, abbr, english) in enumerate(
        zip(THAI_MONTHS, THAI_MONTHS_ABBR, EN_MONTHS, strict=True), 1
    ):
        for name in (full, abbr, english, english[:3]):
            names[_compact(name)] = number
    names["sept"] = 9
    return names


_MONTHS = _month_names()


def _normalise(text: str) -> str:
    cleaned = to_arabic_digits(text).translate({ord(c): None for c in _INVISIBLE})
    return _SPACES.sub(" ", cleaned).strip().casefold()


def parse_date(text: str, today: date | None = None) -> date:
    """Read a date typed or printed the Thai way (see the module's docstring).

    *today* is needed only for a date without a year and for the relative
    forms (``today``, ``+7``); without it they raise :class:`DateError`, as
    does anything that is not a real date (``31/2/2569``), a two-digit year,
    or a year out of range.
    """
    cleaned = _normalise(text)
    if not cleaned:
        raise DateError("a date is required, the text is empty", "error.date_empty")
    relative = _relative(cleaned, today, text)
    if relative is not None:
        return relative
    for reader in (_read_iso, _read_numeric, _read_day_month, _read_month_day):
        found = reader(cleaned)
        if found is not None:
            day, month, year, era = found
            return _build(text, day, month, year, era, today)
    raise DateError(
        f"{text.strip()!r} is not a date (write 15/12/2569, 15 ธ.ค. 2569 or 2026-12-15)",
        "error.not_a_date",
        text=text.strip(),
    )


# What a person types to clear a due date.
CLEARING = ("", "-", "none", "ไม่มี")


def parse_due(text: str, today: date) -> date | None:
    """A due date as typed in the app or on the command line; None to clear it.

    Empty, ``-``, ``none`` or ``ไม่มี`` clear; anything else is :func:`parse_date`
    (which raises :class:`DateError`).
    """
    if _normalise(text) in CLEARING:
        return None
    return parse_date(text, today)


_Parts = tuple[int, int, int | None, str | None]


def _relative(cleaned: str, today: date | None, text: str) -> date | None:
    offset: int | None = _TODAY.get(cleaned)
    plus = _PLUS_DAYS.fullmatch(cleaned)
    if plus:
        offset = int(plus.group(1))
    if offset is None:
        return None
    if today is None:
        raise DateError(
            f"{text.strip()!r}: a full date is needed here", "error.date_needs_year", text=text.strip()
        )
    return today + timedelta(days=offset)


def _read_iso(cleaned: str) -> _Parts | None:
    match = _ISO.fullmatch(cleaned)
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    return day, month, year, None


def _read_numeric(cleaned: str) -> _Parts | None:
    match = _NUMERIC.fullmatch(cleaned)
    if not match:
        return None
    year = match.group(4)
    return int(match.group(1)), int(match.group(3)), int(year) if year else None, None


def _read_day_month(cleaned: str) -> _Parts | None:
    match = _DAY_MONTH_YEAR.fullmatch(cleaned)
    if not match:
        return None
    words = _compact(match.group(2))
    era = None
    for name, meaning in _ERAS.items():
        if words.endswith(name) and words[: -len(name)] in _MONTHS:
            words, era = words[: -len(name)], meaning
            break
    month = _MONTHS.get(words)
    after = _compact(match.group(4) or "")
    if month is None or (after and (era or after not in _ERAS)):
        return None
    year = match.group(3)
    if era is not None and year is None:
        return None
    return int(match.group(1)), month, int(year) if year else None, era or _ERAS.get(after)


def _read_month_day(cleaned: str) -> _Parts | None:
    match = _MONTH_DAY_YEAR.fullmatch(cleaned)
    if not match:
        return None
    month = _MONTHS.get(_compact(match.group(1)))
    if month is None:
        return None
    return int(match.group(2)), month, int(match.group(3)), None


def _ce_year(year: int, era: str | None, text: str) -> int:
    if era == "BE" or (era is None and year >= BE_FROM):
        year = be_to_ce(year)
    elif era is None and year < CE_FROM:
        raise DateError(
            f"{text.strip()!r}: write the year in full (2569 or 2026)",
            "error.date_short_year",
            text=text.strip(),
        )
    if not _CE_RANGE[0] <= year <= _CE_RANGE[1]:
        raise DateError(
            f"{text.strip()!r}: the year is out of range", "error.date_year_range", text=text.strip()
        )
    return year


def _build(text: str, day: int, month: int, year: int | None, era: str | None, today: date | None) -> date:
    if year is None:
        return _nearest(text, day, month, today)
    ce = _ce_year(year, era, text)
    try:
        return date(ce, month, day)
    except ValueError:
        raise DateError(
            f"{text.strip()!r}: there is no such day", "error.date_no_such_day", text=text.strip()
        ) from None


def _nearest(text: str, day: int, month: int, today: date | None) -> date:
    """A day and month without a year: the occurrence nearest *today* (within half a year)."""
    if today is None:
        raise DateError(f"{text.strip()!r}: write the year too", "error.date_needs_year", text=text.strip())
    candidates = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:  # 29 February, or a day the month never has
            continue
    if not candidates:
        raise DateError(
            f"{text.strip()!r}: there is no such day", "error.date_no_such_day", text=text.strip()
        )
    return min(candidates, key=lambda candidate: (abs((candidate - today).days), candidate))

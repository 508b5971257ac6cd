"""Due dates: read as a Thai office writes them, written back, today in Bangkok."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ita_tui.dates import BANGKOK, DateError, bangkok_today, format_date_numeric, parse_date
from ita_tui.i18n import t
from ita_tui.thai import format_date, to_thai_digits

DUE = date(2026, 12, 15)
TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    "written",
    [
        "15 ธ.ค. 2569",
        "๑๕ ธ.ค. ๒๕๖๙",
        "15 ธันวาคม 2569",
        "15 ธันวาคม พ.ศ. 2569",
        "15 ธ.ค. พ.ศ.2569",
        "15 ธค 2569",
        "15ธ.ค.2569",
        "15/12/2569",
        "๑๕/๑๒/๒๕๖๙",
        "15/12/2026",
        "15-12-2569",
        "15.12.2569",
        " 15 / 12 / 2569 ",
        "2026-12-15",
        "2569-12-15",
        "15 Dec 2026",
        "15 december 2026",
        "15 Dec, 2026",
        "December 15, 2026",
        "Dec 15 2026",
        "15 ธ.ค. ค.ศ. 2026",
        "15 Dec 2026 CE",
        "15 Dec 2569 BE",
        "\u200b15/12/2569\u200b",
    ],
)
def test_the_ways_a_date_is_written(written: str) -> None:
    assert parse_date(written) == DUE


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("15 ธ.ค.", date(2026, 12, 15)),  # this December
        ("15/1", date(2027, 1, 15)),  # next January is nearer than last
        ("20 พ.ย.", date(2026, 11, 20)),  # five days ago, not next year
        ("วันนี้", TODAY),
        ("today", TODAY),
        ("พรุ่งนี้", date(2026, 11, 26)),
        ("tomorrow", date(2026, 11, 26)),
        ("+5", date(2026, 11, 30)),
        ("+๕", date(2026, 11, 30)),
    ],
)
def test_dates_relative_to_today(written: str, expected: date) -> None:
    assert parse_date(written, TODAY) == expected


def test_a_29_february_without_a_year_takes_the_nearest_leap_year() -> None:
    assert parse_date("29/2", date(2027, 11, 1)) == date(2028, 2, 29)


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("", "error.date_empty"),
        ("   ", "error.date_empty"),
        ("31/2/2569", "error.date_no_such_day"),
        ("29/2/2569", "error.date_no_such_day"),  # 2026 is not a leap year
        ("32/1/2569", "error.date_no_such_day"),
        ("15/13/2569", "error.date_no_such_day"),
        ("15/12/69", "error.date_short_year"),  # 2569 or 2069? asked, not guessed
        ("15 ธ.ค. 69", "error.date_short_year"),
        ("15/12/1800", "error.date_short_year"),
        ("15/12/2800", "error.date_year_range"),
        ("15 ธ.ค.", "error.date_needs_year"),  # no today given
        ("+3", "error.date_needs_year"),
        ("soon", "error.not_a_date"),
        ("15 Foo 2026", "error.not_a_date"),
        ("15 ธ.ค. พ.ศ.", "error.not_a_date"),
        ("2026/12", "error.not_a_date"),
        ("12/15/2026", "error.date_no_such_day"),  # day first, always
    ],
)
def test_what_is_not_a_date_says_why_in_both_languages(written: str, key: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(written)
    assert caught.value.key == key
    for lang in ("th", "en"):
        assert t(key, lang, **caught.value.fields)


def test_date_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="no such day"):
        parse_date("31/4/2569")


def test_numeric_form_to_type_back() -> None:
    assert format_date_numeric(DUE, "th") == "15/12/2569"
    assert format_date_numeric(DUE, "th", thai_digits=True) == "๑๕/๑๒/๒๕๖๙"
    assert format_date_numeric(DUE, "en") == "2026-12-15"
    assert format_date_numeric(DUE, "en", thai_digits=True) == "2026-12-15"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_every_written_form_reads_back(day: date) -> None:
    for lang in ("th", "en"):
        assert parse_date(format_date_numeric(day, lang)) == day
        assert parse_date(format_date(day, lang)) == day
        assert parse_date(format_date(day, lang, long=True)) == day
    assert parse_date(format_date(day, "th", thai_digits=True)) == day
    assert parse_date(to_thai_digits(format_date_numeric(day, "th"))) == day


def test_bangkok_day_boundaries() -> None:
    utc = UTC
    # 16:59:59 UTC is 23:59:59 in Bangkok: still the 14th; a second later it is the 15th.
    assert bangkok_today(datetime(2026, 12, 14, 16, 59, 59, tzinfo=utc)) == date(2026, 12, 14)
    assert bangkok_today(datetime(2026, 12, 14, 17, 0, 0, tzinfo=utc)) == date(2026, 12, 15)
    # A clock in another zone: 09:00 in New York (UTC-5) is 21:00 in Bangkok, the same day.
    new_york = timezone(timedelta(hours=-5))
    assert bangkok_today(datetime(2026, 12, 14, 9, 0, tzinfo=new_york)) == date(2026, 12, 14)
    assert bangkok_today(datetime(2026, 12, 14, 12, 0, tzinfo=new_york)) == date(2026, 12, 15)
    assert bangkok_today(datetime(2026, 12, 15, 0, 0, tzinfo=BANGKOK)) == date(2026, 12, 15)


def test_bangkok_today_without_a_clock_is_a_date() -> None:
    today = bangkok_today()
    assert abs((today - datetime.now(UTC).date()).days) <= 1


def test_a_naive_clock_is_local_time(monkeypatch: pytest.MonkeyPatch) -> None:
    naive = datetime(2026, 12, 14, 23, 30)
    assert bangkok_today(naive) == naive.astimezone().astimezone(BANGKOK).date()

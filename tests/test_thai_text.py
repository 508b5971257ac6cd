"""Numbers, dates, search and sort keys: ita_tui.thai."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ita_tui.i18n import t
from ita_tui.thai import (
    NumberError,
    be_to_ce,
    ce_to_be,
    fiscal_year_of,
    fiscal_year_span,
    format_date,
    format_datetime,
    format_fiscal_year,
    format_score,
    matches,
    normalize_thai,
    parse_int,
    parse_number,
    search_key,
    sort_key,
    sorted_thai,
    to_arabic_digits,
    to_thai_digits,
)

# --- numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("95.75", 95.75),
        ("๙๕.๗๕", 95.75),
        ("  100 ", 100.0),
        ("\u200b97.44", 97.44),
        ("-1.5", -1.5),
        ("\u22121", -1.0),
        (".5", 0.5),
        ("๑๐๐", 100.0),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "error.number_empty"),
        ("   ", "error.number_empty"),
        ("95,75", "error.number_comma"),
        ("1,000", "error.number_comma"),
        ("abc", "error.not_a_number"),
        ("1e3", "error.not_a_number"),
        ("nan", "error.not_a_number"),
        ("inf", "error.not_a_number"),
        ("1_000", "error.not_a_number"),
        ("95.75 คะแนน", "error.not_a_number"),
        ("1.2.3", "error.not_a_number"),
    ],
)
def test_parse_number_rejects_clearly(text: str, key: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_number(text)
    error = caught.value
    assert isinstance(error, NumberError)
    assert error.key == key
    assert str(error)
    # The error can be shown in both interface languages.
    assert t(error.key, "th", **error.fields)
    assert t(error.key, "en", **error.fields)


def test_comma_message_says_what_to_do() -> None:
    with pytest.raises(ValueError, match="point"):
        parse_number("95,75")


def test_parse_int() -> None:
    assert parse_int("๒๕๖๖") == 2566
    assert parse_int(" 43 ") == 43
    assert parse_int("+7") == 7
    with pytest.raises(NumberError) as caught:
        parse_int("3.0")
    assert caught.value.key == "error.not_a_whole_number"
    with pytest.raises(NumberError) as caught:
        parse_int("O43")
    assert caught.value.key == "error.not_a_number"


def test_digits() -> None:
    assert to_thai_digits("พ.ศ.2566 95.75") == "พ.ศ.๒๕๖๖ ๙๕.๗๕"
    assert to_arabic_digits("พ.ศ.๒๕๖๖") == "พ.ศ.2566"
    assert to_arabic_digits(to_thai_digits("0123456789")) == "0123456789"


@pytest.mark.parametrize(
    ("score", "text"),
    [
        (97.44, "97.44"),
        (100, "100"),
        (100.0, "100"),
        (95.5, "95.50"),
        (95.745, "95.75"),  # half up on the decimal value; f"{95.745:.2f}" gives 95.74
        (99.999, "100"),
        (0, "0"),
        (None, "—"),
        (float("nan"), "—"),
    ],
)
def test_format_score(score: float | None, text: str) -> None:
    assert format_score(score, "th") == text
    assert format_score(score, "en") == text


def test_format_score_thai_digits() -> None:
    assert format_score(95.75, "th", thai_digits=True) == "๙๕.๗๕"


# --- dates -------------------------------------------------------------------------------


def test_format_date() -> None:
    d = date(2026, 11, 25)
    assert format_date(d, "th") == "25 พ.ย. 2569"
    assert format_date(d, "en") == "25 Nov 2026"
    assert format_date(d, "th", thai_digits=True) == "๒๕ พ.ย. ๒๕๖๙"
    assert format_date(d, "th", long=True) == "25 พฤศจิกายน 2569"
    assert format_date(d, "en", long=True) == "25 November 2026"
    assert format_date(datetime(2026, 11, 25, 9, 30), "th") == "25 พ.ย. 2569"


def test_all_month_names() -> None:
    abbreviations = [format_date(date(2023, m, 1), "th").split()[1] for m in range(1, 13)]
    assert abbreviations == [
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
    ]  # fmt: skip


def test_format_datetime() -> None:
    dt = datetime(2026, 11, 25, 14, 5)
    assert format_datetime(dt, "th") == "25 พ.ย. 2569 14:05"
    assert format_datetime(dt, "en") == "25 Nov 2026 14:05"
    assert format_datetime(dt, "th", thai_digits=True) == "๒๕ พ.ย. ๒๕๖๙ ๑๔:๐๕"


def test_fiscal_year() -> None:
    assert fiscal_year_span(2566) == (date(2022, 10, 1), date(2023, 9, 30))
    assert fiscal_year_of(date(2022, 10, 1)) == 2566
    assert fiscal_year_of(date(2023, 9, 30)) == 2566
    assert fiscal_year_of(date(2023, 10, 1)) == 2567
    assert format_fiscal_year(2566, "th") == "ปีงบประมาณ พ.ศ. 2566 (1 ต.ค. 2565 – 30 ก.ย. 2566)"
    assert format_fiscal_year(2566, "en") == "FY2566 (1 Oct 2022 – 30 Sep 2023)"
    assert format_fiscal_year(2566, "th", thai_digits=True) == (
        "ปีงบประมาณ พ.ศ. ๒๕๖๖ (๑ ต.ค. ๒๕๖๕ – ๓๐ ก.ย. ๒๕๖๖)"
    )
    with pytest.raises(ValueError, match="Common Era"):
        fiscal_year_span(2023)


def test_era_conversion() -> None:
    assert be_to_ce(2566) == 2023
    assert ce_to_be(2023) == 2566


# --- search ------------------------------------------------------------------------------


def test_search_key_basics() -> None:
    assert search_key("  No Gift   POLICY ") == "no gift policy"
    assert search_key("พ.ศ.๒๕๖๖") == "พ.ศ.2566"
    assert search_key("ดำเนิน\u200bการ") == "ดำเนินการ"


def test_matches_across_line_breaks_and_spaces() -> None:
    text = "มาตรการส่งเสริมคุณธรรมและความโปร่งใส\nภายในหน่วยงาน"
    assert matches("ความโปร่งใสภายใน", text)
    assert matches("โปร่งใส ภายใน", text)
    assert matches("ดำเนินการ", "ดำเนิน\n  การ")
    assert matches("no gift policy", "No Gift\n   Policy")
    assert matches("2566", "พ.ศ.๒๕๖๖")
    assert matches("", "anything")
    assert not matches("ภายนอก", text)
    # Between Latin words a space still counts.
    assert not matches("nogift", "no gift")


def test_matches_ignoring_tone_marks() -> None:
    assert not matches("ไก้", "ไก่")
    assert matches("ไก้", "ไก่", ignore_tone_marks=True)
    assert matches("ปฎิบัติ", "ปฏิบัติ") is False  # a different letter is not a mark
    assert matches("เปนไปตาม", "เป็นไปตาม", ignore_tone_marks=True)  # MAITAIKHU
    assert matches("ทรัพยสิน", "ทรัพย์สิน", ignore_tone_marks=True)  # THANTHAKHAT
    assert matches("cafe", "Café", ignore_tone_marks=True)
    # Vowel marks are letters, not diacritics: never ignored.
    assert not matches("กน", "กิน", ignore_tone_marks=True)


def test_normalize_thai_spellings_from_pdfs() -> None:
    assert normalize_thai("น\u0e49\u0e4d\u0e32") == "น้ำ"  # tone + NIKHAHIT + SARA AA
    assert normalize_thai("น\u0e4d\u0e49\u0e32") == "น้ำ"  # NIKHAHIT + tone + SARA AA
    assert normalize_thai("ก\u0e48\u0e35") == "กี่"  # tone typed before the vowel
    assert normalize_thai("ก\u0e48\u0e48") == "ก่"
    assert matches("นำเสนอ", "น\u0e4d\u0e32เสนอ")


# --- sort --------------------------------------------------------------------------------


def test_sort_thai_dictionary_order() -> None:
    words = ["ไก่", "เกิด", "กาล", "เป็ด", "หมู", "วัว", "วันที่"]
    assert sorted_thai(words) == ["กาล", "เกิด", "ไก่", "เป็ด", "วันที่", "วัว", "หมู"]


def test_sort_agrees_with_pythainlp_collate() -> None:
    words = ["เทศบาล", "ตำบล", "มาตรการ", "โปร่งใส", "ใส่", "ไม่", "แผน", "กำหนด", "ก่อน", "เกณฑ์", "ข้อมูล"]
    # pythainlp.util.collate(words) with pythainlp 5.4.0, written down when ita-tui stopped
    # depending on pythainlp (issue 17).
    collated = ["ก่อน", "กำหนด", "เกณฑ์", "ข้อมูล", "ตำบล", "เทศบาล", "โปร่งใส", "แผน", "มาตรการ", "ไม่", "ใส่"]
    assert sorted_thai(words) == collated


def test_sort_numbers_by_value_and_case_insensitively() -> None:
    assert sorted(["O10", "o2", "O1", "O๓"], key=sort_key) == ["O1", "o2", "O๓", "O10"]


def test_sort_tone_marks_break_ties_only() -> None:
    assert sorted_thai(["ก้า", "กา", "ก่า"]) == ["กา", "ก่า", "ก้า"]

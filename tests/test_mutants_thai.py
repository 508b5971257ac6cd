"""Thai line breaks that mutation testing found unguarded (issue 20).

A leading vowel (เ แ โ ใ ไ) is written before the consonant it is said after:
a line must never end in one.  The common typo ``เเ`` for แ makes newmm put a
word boundary between the two vowels ("ไทย|เ|เละ"); breaking there gave lines
ending "ไทยเ".  Each test fails on one mutant of :mod:`ita_tui.thai`.
"""

from __future__ import annotations

import pytest

from ita_tui.thai import cell_len, wrap

LEADING_VOWELS = "เแโใไ"

# The typo เเ for แ in phrases of the kind agencies write.
TYPOS = [
    "ภาษาไทยเเละอังกฤษ",
    "ประชาชนเเละผู้มีส่วนได้ส่วนเสีย",
    "การเปิดเผยข้อมูลเเละการป้องกันการทุจริต",
    "ข้อมูลเเละเอกสาร เเละรายงานผล",
]


def _ends_in_a_leading_vowel(lines: list[str]) -> list[str]:
    return [line for line in lines if line.rstrip() and line.rstrip()[-1] in LEADING_VOWELS]


@pytest.mark.parametrize("text", TYPOS)
def test_no_line_ends_in_a_leading_vowel_with_the_typo(text: str) -> None:
    # From three cells on, "เเล" and the like fit a line: nothing forces a bad cut.
    for width in range(3, cell_len(text) + 1):
        lines = wrap(text, width)
        assert not _ends_in_a_leading_vowel(lines), (width, lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_the_typo_breaks_before_the_vowels_not_between_them() -> None:
    assert wrap("ภาษาไทยเเละอังกฤษ", 8) == ["ภาษาไทย", "เเละ", "อังกฤษ"]


def test_a_leading_vowel_before_a_space_stays_with_the_word_after_it() -> None:
    # The space after "เ" is no break opportunity: the line would end in the vowel.
    assert wrap("ภาษาไทยเ อังกฤษ", 8) == ["ภาษาไทย", "เ อังกฤษ"]
    # Too long for one line, the vowel and its space still go with what follows.
    assert wrap("ภาษาไทยเ อังกฤษ", 5) == ["ภาษา", "ไทย", "เ อัง", "กฤษ"]
    for width in range(4, 16):
        assert not _ends_in_a_leading_vowel(wrap("ภาษาไทยเ อังกฤษ", width)), width

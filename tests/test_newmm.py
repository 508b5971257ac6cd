"""ita_tui.newmm: PyThaiNLP's newmm with a sorted-list dictionary, and the shipped word lists."""

from __future__ import annotations

from importlib.resources import files

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ita_tui.newmm import Dictionary, segment, syllables, tcc_boundaries, words


@pytest.mark.parametrize("name", ["words_th.tsv", "syllables_th.tsv"])
def test_shipped_lists_are_sorted_blocks_of_words_sharing_two_letters(name: str) -> None:
    raw = files("ita_tui").joinpath("data", name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    assert raw.endswith(b"\n")
    words: list[str] = []
    keys: list[str] = []
    for line in raw.decode("utf-8").rstrip("\n").split("\n"):
        key, *block = line.split("\t")
        assert block and all(word[:2] == key for word in block), key
        keys.append(key)
        words.extend(block)
    assert len(set(keys)) == len(keys)
    assert words == sorted(set(words))  # binary search needs code point order
    assert all(word and word == word.strip() for word in words)


def test_the_licence_and_the_source_ship_with_the_lists() -> None:
    data = files("ita_tui").joinpath("data")
    assert "Apache License" in data.joinpath("LICENSE-pythainlp.txt").read_text("utf-8")
    readme = data.joinpath("README.md").read_text("utf-8")
    assert "CC0" in readme
    for name in ("words_th.txt", "syllables_th.txt", "words_th.tsv", "syllables_th.tsv"):
        assert name in readme


def test_dictionaries_hold_pythainlps_lists() -> None:
    assert len(words()) == 62106
    assert len(syllables()) == 10322
    assert "ประชาสัมพันธ์" in words()
    assert "ประชาสัมพันธ์x" not in words()


def test_prefixes_are_the_words_at_a_position_shortest_first() -> None:
    dictionary = Dictionary.from_words(["บ้าน", "ก", "กา", "การ", "การบ้าน", "ข"])
    assert dictionary.prefixes("xการบ้านy", 1) == [1, 2, 3, 7]  # ก, กา, การ, การบ้าน
    assert dictionary.prefixes("xการบ้านy", 4) == [4]
    assert dictionary.prefixes("xการบ้านy", 0) == []
    assert dictionary.prefixes("กา", 0) == [1, 2]  # the text ends inside a longer word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # PyThaiNLP's own examples (pythainlp.tokenize.word_tokenize's docstring).
        ("โอเคบ่พวกเรารักภาษาบ้านเกิด", ["โอเค", "บ่", "พวกเรา", "รัก", "ภาษา", "บ้านเกิด"]),
        ("ชินโซ อาเบะ เกิด 21 กันยายน", ["ชิน", "โซ", " ", "อา", "เบะ", " ", "เกิด", " ", "21", " ", "กันยายน"]),
        ("วรรณกรรม ภาพวาด และการแสดงงิ้ว ", ["วรรณกรรม", " ", "ภาพวาด", " ", "และ", "การแสดง", "งิ้ว", " "]),
        # From the seed report.
        ("ประชาสัมพันธ์ผ่านทุกช่องทาง", ["ประชาสัมพันธ์", "ผ่าน", "ทุก", "ช่องทาง"]),
        ("", []),
    ],
)
def test_segment_gives_newmms_words(text: str, expected: list[str]) -> None:
    assert segment(text) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("สวัสดีครับ", ["สวัส", "ดี", "ครับ"]), ("ประเทศไทย", ["ประ", "เทศ", "ไทย"])],
)
def test_syllables_as_pythainlps_dict_engine_cuts_them(word: str, expected: list[str]) -> None:
    assert [part for token in segment(word) for part in segment(token, syllables())] == expected


def test_tcc_boundaries_keep_a_cluster_whole() -> None:
    ends = tcc_boundaries("เกิดน้ำ")
    assert [i for i, end in enumerate(ends) if end] == [4, 7]  # เกิด | น้ำ


def test_unknown_words_and_other_scripts_are_kept_whole() -> None:
    assert segment("กขฃฅ abc-def 95.75") == ["กขฃฅ", " ", "abc-def", " ", "95.75"]


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B), st.sampled_from(list("ab1 .\n"))
        ),
        max_size=80,
    )
)
def test_segment_loses_and_adds_nothing(text: str) -> None:
    tokens = segment(text)
    assert "".join(tokens) == text
    assert all(tokens)

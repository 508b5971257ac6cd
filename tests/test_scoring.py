"""Tests of ita_tui.scoring: the seed's figures, band edges, overrides, what-if, JSON."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ita_tui.i18n import CATALOGUE, Message
from ita_tui.model import Checklist, Item, Section
from ita_tui.scoring import (
    NOTHING_TO_SCORE,
    TABLES,
    check_overrides,
    round_score,
    score_checklist,
    table_for_year,
    to_json_dict,
    validate_overrides,
    what_if,
)

# The seed report's indicator scores (indicator 3 has none) and its reported figures.
SEED_SCORES: dict[int, float | None] = {
    1: 97.44, 2: 94.03, 3: None, 4: 92.87, 5: 94.05,
    6: 89.31, 7: 92.29, 8: 91.55, 9: 100.0, 10: 100.0,
}  # fmt: skip


def en(messages: tuple[Message, ...]) -> list[str]:
    """Scoring's findings in English, as `score --lang en` prints them."""
    return [message.render("en") for message in messages]


GROUP_OF = {**dict.fromkeys(range(1, 6), "IIT"), **dict.fromkeys(range(6, 9), "EIT"), 9: "OIT", 10: "OIT"}


def make_checklist(
    scores: Mapping[int, float | None],
    *,
    overall: float | None = None,
    rating: str | None = None,
    fiscal_year: int | None = 2566,
    scoring: dict[str, object] | None = None,
) -> Checklist:
    """A checklist with one section per group holding indicator items I<n>, plus a measures section."""
    measures = Section("measures", "มาตรการ", [Item("M1", "มาตรการ 1")])
    sections = [measures]
    for group in ("IIT", "EIT", "OIT"):
        items = [
            Item(f"I{n}", f"ตัวชี้วัด {n}", score=s, indicator=n)
            for n, s in scores.items()
            if GROUP_OF[n] == group
        ]
        sections.append(Section(group.lower(), group, items, group=group))
    return Checklist(
        "รายงาน",
        sections,
        fiscal_year=fiscal_year,
        overall_score=overall,
        rating=rating,
        scoring=scoring or {},
    )


def seed(**changes: float | None) -> Checklist:
    scores = dict(SEED_SCORES)
    scores.update({int(k[1:]): v for k, v in changes.items()})
    return make_checklist(scores, overall=95.75, rating="ผ่านดี")


def uniform(score: float, **kwargs: object) -> Checklist:
    """Every indicator at *score*: the overall is then exactly *score* (the weights sum to 100)."""
    return make_checklist(dict.fromkeys(range(1, 11), score), **kwargs)  # type: ignore[arg-type]


# -- the tables -------------------------------------------------------------------------------------


@pytest.mark.parametrize("year", sorted(TABLES))
def test_each_table_adds_up_and_notes_its_sources(year: int) -> None:
    table = TABLES[year]
    assert math.isclose(sum(f.value for f in table.groups.values()), 100)
    assert math.isclose(sum(w.points for w in table.indicators.values()), 100)
    for group, figure in table.groups.items():
        assert math.isclose(sum(table.indicators[n].points for n in table.numbers_in(group)), figure.value)
    assert [b.lower for b in table.bands] == sorted((b.lower for b in table.bands), reverse=True)
    assert table.bands[-1].lower == 0
    sources = [f.source for f in table.groups.values()] + [w.source for w in table.indicators.values()]
    sources += [b.source for b in table.bands] + [table.pass_mark.source]
    assert all(sources)


def test_2566_figures() -> None:
    table = TABLES[2566]
    assert {n: w.points for n, w in table.indicators.items()} == {
        1: 6, 2: 6, 3: 6, 4: 6, 5: 6, 6: 10, 7: 10, 8: 10, 9: 20, 10: 20,
    }  # fmt: skip
    assert [(b.letter, b.lower) for b in table.bands] == [
        ("AA", 95), ("A", 85), ("B", 75), ("C", 65), ("D", 55), ("E", 50), ("F", 0),
    ]  # fmt: skip
    assert table.pass_mark.value == 85
    assert "assumed" in table.bands[0].source and "2565" in table.bands[0].source
    assert "assumed" in table.indicators[1].source and "assumed" in table.indicators[6].source


@pytest.mark.parametrize(
    ("year", "table_year", "noted"),
    [(2566, 2566, False), (2568, 2566, True), (2560, 2566, True), (None, max(TABLES), True)],
)
def test_a_year_without_a_table_falls_back_and_says_so(
    year: int | None, table_year: int, noted: bool
) -> None:
    table, note = table_for_year(year)
    assert table.year == table_year
    assert (note is not None) == noted
    result = score_checklist(uniform(90.0, fiscal_year=year))
    assert result.table.year == table_year
    assert any("using" in n for n in en(result.notes)) == noted


# -- the seed ---------------------------------------------------------------------------------------


def test_seed_implies_indicator_3() -> None:
    result = score_checklist(seed())
    assert result.implied is not None
    assert result.implied.number == 3 and result.implied.item_id == "I3"
    assert 95.44 <= result.implied.score <= 95.61
    assert result.implied.score == pytest.approx(95.53, abs=0.005)
    assert result.implied.low == pytest.approx(95.44, abs=0.01)
    assert result.implied.high == pytest.approx(95.61, abs=0.01)


def test_seed_overall_is_incomplete_not_computed_without_indicator_3() -> None:
    result = score_checklist(seed())
    assert result.incomplete and result.missing == (3,)
    assert result.overall is None and result.band is None and result.passed is None
    assert any("indicator 3 has no score" in n and "incomplete" in n for n in en(result.notes))
    group = {g.name: g for g in result.groups}
    assert group["IIT"].score is None and group["IIT"].points is None
    assert group["EIT"].score == pytest.approx(91.05, abs=0.005)
    assert group["OIT"].score == 100


def test_seed_keeps_the_reported_rating_and_overall() -> None:
    result = score_checklist(seed())
    assert result.reported_rating == "ผ่านดี"
    assert result.reported_overall == 95.75
    assert result.reported_band is not None and result.reported_band.letter == "AA"
    assert result.warnings == ()


def test_seed_with_indicator_3_at_95_53_gives_95_75_aa() -> None:
    result = score_checklist(seed(I3=95.53))
    assert result.overall == pytest.approx(95.75, abs=0.01)
    assert result.band is not None and result.band.letter == "AA"
    assert result.passed is True
    assert result.implied is None and not result.incomplete
    assert result.warnings == ()  # agrees with the reported 95.75


def test_a_plain_average_would_not_give_the_seed() -> None:
    # The weighting matters: an unweighted mean of the 9 known scores is far off 95.75.
    known = [s for s in SEED_SCORES.values() if s is not None]
    assert abs(sum(known) / len(known) - 95.75) > 0.5
    implied_by_mean = 95.75 * 10 - sum(known)
    assert implied_by_mean > 100


# -- bands and rounding -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overall", "band", "passed"),
    [
        (84.99, "B", False),
        (85.0, "A", True),
        (94.99, "A", True),
        (95.0, "AA", True),
        (94.995, "AA", True),  # rounds half-up to 95.00 first
        (94.994, "A", True),
        (84.995, "A", True),
        (49.99, "F", False),
        (50.0, "E", False),
        (100.0, "AA", True),
        (0.0, "F", False),
    ],
)
def test_band_edges(overall: float, band: str, passed: bool) -> None:
    result = score_checklist(uniform(overall))
    assert result.overall == round_score(overall)
    assert result.band is not None and result.band.letter == band
    assert result.passed is passed


def test_a_score_of_exactly_100_or_0_is_in_range() -> None:
    assert score_checklist(uniform(100.0)).warnings == ()
    assert not [w for w in en(score_checklist(uniform(0.0)).warnings) if "0–100" in w]


def test_a_reported_overall_that_needs_just_over_100_on_the_missing_indicator_is_flagged() -> None:
    """The edge of the range: an implied 100.5 is as impossible as an implied 150."""
    weight = TABLES[2566].indicators[10].points
    scores: dict[int, float | None] = {n: 99.0 for n in range(1, 10)}
    overall = round((99.0 * (100 - weight) + 100.5 * weight) / 100, 2)
    result = score_checklist(make_checklist({**scores, 10: None}, overall=overall))
    assert result.implied is not None and 100 < result.implied.score <= 101
    assert any("indicator 10" in w for w in en(result.warnings)), en(result.warnings)


def test_rounding_is_half_up_on_the_decimal_form() -> None:
    # Plain float rounding goes by the binary value and can round a half down.
    assert round(95.755, 2) == 95.75 and round(94.985, 2) == 94.98
    assert round_score(95.755) == 95.76 and round_score(94.985) == 94.99
    assert round_score(94.995) == 95.0
    assert round_score(94.994) == 94.99
    assert round_score(95.7502) == 95.75


def test_band_upper_bounds() -> None:
    table = TABLES[2566]
    assert [table.band_upper(b) for b in table.bands[:3]] == [100.0, 94.99, 84.99]


# -- warnings ---------------------------------------------------------------------------------------


def test_warns_when_the_computed_overall_differs_from_the_reported_by_more_than_rounding() -> None:
    result = score_checklist(seed(I3=80.0))
    assert result.overall == pytest.approx(94.82, abs=0.005)
    assert any("differs from the reported 95.75" in w for w in en(result.warnings))


@pytest.mark.parametrize("reported", [95.74, 95.76, 95.75])
def test_no_warning_within_rounding(reported: float) -> None:
    checklist = seed(I3=95.53)
    checklist.overall_score = reported
    assert not any("differs" in w for w in en(score_checklist(checklist).warnings))


def test_warns_about_a_group_under_the_pass_mark() -> None:
    result = score_checklist(seed(I6=70.0, I3=95.53))
    assert any(w.startswith("EIT scores") and "under 85" in w for w in en(result.warnings))
    assert not any(w.startswith("IIT") or w.startswith("OIT") for w in en(result.warnings))


def test_from_2568_a_low_group_may_lower_the_rating() -> None:
    result = score_checklist(uniform(80.0, fiscal_year=2568))
    assert any("from 2568" in w for w in en(result.warnings))


def test_a_reported_letter_rating_is_checked_but_thai_wording_is_not() -> None:
    assert any("reported rating AA" in w for w in en(score_checklist(uniform(90.0, rating="AA")).warnings))
    assert score_checklist(uniform(90.0, rating="A")).warnings == ()
    assert score_checklist(uniform(90.0, rating="ผ่านดีเยี่ยม")).warnings == ()


def test_two_missing_scores_imply_nothing() -> None:
    result = score_checklist(seed(I4=None))
    assert result.missing == (3, 4)
    assert result.implied is None and result.overall is None
    assert any("3, 4" in n for n in en(result.notes))


def test_no_reported_overall_implies_nothing() -> None:
    checklist = seed()
    checklist.overall_score = None
    result = score_checklist(checklist)
    assert result.implied is None and result.overall is None


def test_an_impossible_reported_overall_is_flagged() -> None:
    checklist = seed()
    checklist.overall_score = 99.0
    result = score_checklist(checklist)
    assert result.implied is not None and result.implied.score > 100
    assert any("outside 0–100" in w for w in en(result.warnings))


def test_an_indicator_absent_from_the_checklist_counts_as_missing() -> None:
    scores = {n: s for n, s in SEED_SCORES.items() if n != 3}
    result = score_checklist(make_checklist(scores, overall=95.75))
    assert result.missing == (3,)
    assert result.implied is not None and result.implied.item_id is None
    assert 95.44 <= result.implied.score <= 95.61


def test_odd_indicator_items_are_reported() -> None:
    checklist = uniform(90.0)
    checklist.sections[1].items.append(Item("X3", "again", score=10.0, indicator=3))
    checklist.sections[2].items.append(Item("I11", "unknown", score=10.0, indicator=11))
    checklist.sections[3].items[0].score = 120.0  # I9, outside 0–100
    checklist.sections[2].items[0].indicator = 2  # I6 in the EIT section claims indicator 2 (IIT)
    checklist.sections[1].items[1].indicator = 6  # and I2 takes its place as 6
    result = score_checklist(checklist)
    text = "\n".join(en(result.warnings))
    assert "X3 are both indicator 3" in text
    assert "I11 is indicator 11" in text
    assert "I9 has score 120.0" in text
    assert "I6 is in a EIT section, but indicator 2 belongs to IIT" in text
    assert result.missing == (9,)


# -- no indicators ----------------------------------------------------------------------------------


def test_a_checklist_without_indicators_scores_nothing_and_says_so() -> None:
    checklist = Checklist("มาตรการ", [Section("m", "มาตรการ", [Item("M1", "one")])], fiscal_year=2566)
    result = score_checklist(checklist)
    assert not result.scored
    assert result.groups == () and result.overall is None and result.band is None and result.passed is None
    assert NOTHING_TO_SCORE in result.notes
    assert what_if(result) == []
    data = to_json_dict(result)
    assert data["scored"] is False and data["band"] is None and data["groups"] == []
    assert str(NOTHING_TO_SCORE) in data["notes"]  # type: ignore[operator]


# -- overrides --------------------------------------------------------------------------------------


def test_group_weights_overridden_by_the_file() -> None:
    scoring: dict[str, object] = {"groups": {"IIT": 40, "EIT": 20, "OIT": 40}, "source": "ประกาศ ป.ป.ช."}
    checklist = seed(I3=95.53)
    checklist.scoring = scoring
    result = score_checklist(checklist)
    weights = {i.number: i.weight for i in result.indicators}
    assert weights[1] == pytest.approx(8) and weights[6] == pytest.approx(20 / 3) and weights[9] == 20
    iit = (97.44 + 94.03 + 95.53 + 92.87 + 94.05) / 5
    eit = (89.31 + 92.29 + 91.55) / 3
    assert result.overall == pytest.approx(iit * 0.4 + eit * 0.2 + 40, abs=0.005)
    assert any("overridden" in n for n in en(result.notes))
    assert "ประกาศ ป.ป.ช." in result.indicators[0].weight_source
    assert {g.name: g.weight for g in result.groups} == {"IIT": 40, "EIT": 20, "OIT": 40}


def test_indicator_weights_overridden_by_the_file() -> None:
    indicators = {"1": 10, "2": 5, "3": 5, "4": 5, "5": 5}  # still 30 for IIT
    checklist = uniform(90.0, scoring={"indicators": indicators})
    checklist.find("I1").score = 100.0  # type: ignore[union-attr]
    result = score_checklist(checklist)
    assert result.indicators[0].weight == 10
    assert result.overall == pytest.approx(91.0)  # 90 + 10 × 10 / 100
    assert result.warnings == ()


def test_bands_and_pass_mark_overridden_by_the_file() -> None:
    scoring: dict[str, object] = {"bands": {"ดีเยี่ยม": 90, "ดี": 80, "ต่ำ": 0}, "pass_mark": 80}
    result = score_checklist(uniform(85.0, scoring=scoring))
    assert result.band is not None and result.band.letter == "ดี"
    assert result.passed is True and result.pass_mark == 80


def test_overrides_are_checked_with_key_paths() -> None:
    raw: dict[str, object] = {
        "groups": {"IIT": "30", "XYZ": 10, "EIT": True, "OIT": math.nan},
        "indicators": {"I3": 6, "99": 5},
        "bands": {"AA": 95, "A": 95},
        "pass_mark": 120,
        "weights": 1,
    }
    problems = dict(check_overrides(raw, 2566))
    for key in (
        "checklist.scoring.groups.IIT",
        "checklist.scoring.groups.XYZ",
        "checklist.scoring.groups.EIT",
        "checklist.scoring.groups.OIT",
        "checklist.scoring.indicators.I3",
        "checklist.scoring.indicators.99",
        "checklist.scoring.bands",
        "checklist.scoring.pass_mark",
        "checklist.scoring.weights",
    ):
        assert key in problems, key
    assert all(line.startswith("checklist.scoring.") for line in validate_overrides(raw))


@pytest.mark.parametrize(
    ("raw", "key", "words"),
    [
        ({"groups": {"IIT": 30, "EIT": 30, "OIT": 30}}, "checklist.scoring.groups", "add up to 90"),
        ({"indicators": {"1": 7}}, "checklist.scoring.indicators", "add up to 101"),
        (
            {"groups": {"IIT": 30, "EIT": 30, "OIT": 40}, "indicators": {"1": 10}},
            "checklist.scoring.indicators",
            "IIT indicators add up to 34",
        ),
        (  # every indicator of the group given: checked all the same
            {"groups": {"IIT": 30, "EIT": 30, "OIT": 40}, "indicators": dict.fromkeys("12345", 5)},
            "checklist.scoring.indicators",
            "IIT indicators add up to 25",
        ),
        ({"bands": {"AA": 95, "A": 85}}, "checklist.scoring.bands", "start at 0"),
        ({"bands": {}}, "checklist.scoring.bands", "at least one"),
        ({"groups": [30, 30, 40]}, "checklist.scoring.groups", "must be a table"),
        ({"source": 3}, "checklist.scoring.source", "string"),
    ],
)
def test_inconsistent_overrides(raw: dict[str, object], key: str, words: str) -> None:
    problems = check_overrides(raw, 2566)
    assert any(k == key and words in m for k, m in problems), problems


def test_valid_overrides_have_no_problems() -> None:
    assert check_overrides({}) == []
    assert check_overrides({"groups": {"iit": 33.33, "EIT": 33.33, "OIT": 33.34}}) == []
    assert check_overrides({"indicators": {"๑": 6}}) == []  # Thai digits name an indicator too


def test_bad_overrides_are_ignored_as_a_whole_with_a_warning() -> None:
    result = score_checklist(uniform(90.0, scoring={"groups": {"IIT": 50}}))
    assert result.indicators[0].weight == 6  # the 2566 table, untouched
    assert any(
        w.startswith("checklist.scoring ignored: checklist.scoring.groups") for w in en(result.warnings)
    )


# -- what-if ----------------------------------------------------------------------------------------


def test_what_if_finds_the_smallest_raise_into_the_next_band() -> None:
    result = score_checklist(seed(I3=80.0))  # 94.82, band A
    options = what_if(result)
    assert options[0].target == "AA"
    best = options[0]
    assert best.number in (6, 7, 8)  # weight 10: the cheapest points
    assert best.raise_by == pytest.approx(1.77)
    impossible = [o for o in options if o.needed is None]
    assert {o.number for o in impossible} == {1, 9, 10}  # I1 would need over 100; OIT is at 100
    assert options[-len(impossible) :] == impossible


def test_what_if_is_empty_in_the_top_band_or_when_incomplete() -> None:
    assert what_if(score_checklist(seed(I3=95.53))) == []
    assert what_if(score_checklist(seed())) == []


def _with(checklist: Checklist, number: int, score: float) -> Checklist:
    for item in checklist.items():
        if item.indicator == number:
            item.score = score
    return checklist


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=3000, max_value=10000), min_size=10, max_size=10))
def test_what_if_raises_are_enough_and_minimal(cents: list[int]) -> None:
    scores = {n: c / 100 for n, c in zip(range(1, 11), cents, strict=True)}
    result = score_checklist(make_checklist(dict(scores)))
    for option in what_if(result):
        if option.needed is None:
            lifted = score_checklist(_with(make_checklist(dict(scores)), option.number, 100.0))
            assert lifted.band is not None and lifted.band.letter != option.target
            continue
        lifted = score_checklist(_with(make_checklist(dict(scores)), option.number, option.needed))
        assert lifted.band is not None and lifted.band.letter == option.target
        just_under = round(option.needed - 0.01, 2)
        short = score_checklist(_with(make_checklist(dict(scores)), option.number, just_under))
        assert short.band is not None and short.band.letter != option.target


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10000), min_size=10, max_size=10))
def test_overall_is_the_weighted_sum_rounded(cents: list[int]) -> None:
    scores = {n: c / 100 for n, c in zip(range(1, 11), cents, strict=True)}
    exact = sum(cents[n - 1] * TABLES[2566].indicators[n].points for n in range(1, 11)) / 10000
    result = score_checklist(make_checklist(scores))
    assert result.overall == pytest.approx(exact, abs=0.005 + 1e-9)


# -- JSON -------------------------------------------------------------------------------------------


def test_json_of_the_seed() -> None:
    data = to_json_dict(score_checklist(seed()))
    text = json.dumps(data, ensure_ascii=False)
    assert "ผ่านดี" in text
    assert data["band"] is None and data["overall"] is None and data["incomplete"] is True
    assert data["implied"] == {"indicator": 3, "item": "I3", "score": 95.53, "low": 95.44, "high": 95.61}
    assert data["reported"] == {"overall": 95.75, "rating": "ผ่านดี", "band": "AA", "passed": True}
    groups = data["groups"]
    assert isinstance(groups, list) and [g["group"] for g in groups] == ["IIT", "EIT", "OIT"]


def test_json_of_a_complete_checklist() -> None:
    data = to_json_dict(score_checklist(seed(I3=80.0)))
    assert data["band"] == "A" and data["overall"] == pytest.approx(94.82) and data["passed"] is True
    what = data["what_if"]
    assert isinstance(what, list) and what[0]["target"] == "AA"


# -- findings in both languages ---------------------------------------------------------------------


def _odd_items() -> Checklist:
    checklist = uniform(90.0)
    checklist.sections[1].items.append(Item("X3", "again", score=10.0, indicator=3))
    checklist.sections[2].items.append(Item("I11", "unknown", score=10.0, indicator=11))
    checklist.sections[3].items[0].score = 120.0
    checklist.sections[2].items[0].indicator = 2
    checklist.sections[1].items[1].indicator = 6
    return checklist


def _impossible() -> Checklist:
    checklist = seed()
    checklist.overall_score = 99.0
    return checklist


# Checklists that between them raise every kind of warning and note.
FINDINGS: list[Checklist] = [
    seed(),  # one missing, assumed figures, rating as reported
    seed(I4=None),  # two missing
    seed(I3=80.0),  # differs from the reported overall
    seed(I6=70.0, I3=95.53),  # a group under the pass mark
    uniform(80.0, fiscal_year=2568),  # … from 2568, and a fallback table
    uniform(80.0, fiscal_year=2560),  # the earliest table
    uniform(80.0, fiscal_year=None),  # no fiscal year
    uniform(90.0, rating="AA"),  # a letter rating that is not the band
    _impossible(),
    _odd_items(),
    Checklist("มาตรการ", [Section("m", "มาตรการ", [Item("M1", "one")])], fiscal_year=2566),
    uniform(90.0, scoring={"groups": {"IIT": 40, "EIT": 20, "OIT": 40}}),  # overridden
    # each problem an override can have: ignored as a whole, quoted in a warning
    uniform(90.0, scoring={"weights": 1, "source": 3}),
    uniform(90.0, scoring={"groups": {"IIT": "30", "EIT": 130, "XYZ": 10}}),
    uniform(90.0, scoring={"groups": [30, 30, 40], "indicators": {"99": 5}}),
    uniform(90.0, scoring={"groups": {"IIT": 30, "EIT": 30, "OIT": 40}, "indicators": {"1": 10}}),
    uniform(90.0, scoring={"bands": {}}),
    uniform(90.0, scoring={"bands": {"AA": 95, "A": 95}}),
]


def _with_nested(messages: tuple[Message, ...]) -> list[Message]:
    found = []
    for message in messages:
        found.append(message)
        found += _with_nested(tuple(v for _, v in message.fields if isinstance(v, Message)))
    return found


def _has_thai(text: str) -> bool:
    return any("\u0e01" <= char <= "\u0e5b" for char in text)


def test_every_finding_has_a_thai_text() -> None:
    messages = [
        message
        for checklist in FINDINGS
        for message in _with_nested((*score_checklist(checklist).warnings, *score_checklist(checklist).notes))
    ]
    kinds = {message.key for message in messages}
    expected = {
        key for key in CATALOGUE if key.startswith("scoring.") and not key.startswith("scoring.source.")
    }
    assert expected <= kinds, expected - kinds
    for message in messages:
        thai, english = message.render("th"), message.render("en")
        assert _has_thai(thai) and thai != english, message
        assert str(message) == english


def test_thai_findings_keep_the_numbers() -> None:
    warnings = score_checklist(seed(I3=80.0)).warnings
    assert [w.render("th") for w in warnings] == [
        "คะแนนภาพรวมที่คำนวณได้ 94.82 ต่างจากที่รายงาน (95.75) 0.93 คะแนน มากเกินกว่าผลของการปัดเศษ"
    ]
    notes = score_checklist(seed()).notes
    assert notes[0] == Message.of("scoring.missing_one", number=3)
    assert notes[0].render("th") == "ตัวชี้วัดที่ 3 ยังไม่มีคะแนน คะแนนภาพรวมจึงยังไม่ครบ"
    ignored = score_checklist(uniform(90.0, scoring={"groups": {"IIT": 50}})).warnings[0]
    assert ignored.render("th") == (
        "ไม่ใช้ค่าที่กำหนดใน checklist.scoring เพราะ checklist.scoring.groups: น้ำหนักรวมได้ 120 ไม่ใช่ 100"
    )


def test_findings_are_hashable_and_compare_by_value() -> None:
    assert score_checklist(seed()).notes == score_checklist(seed()).notes
    assert len(set(score_checklist(seed()).notes)) == len(score_checklist(seed()).notes)


def test_a_files_own_source_is_kept_as_written() -> None:
    scoring: dict[str, object] = {"pass_mark": 80, "source": "assumed by the committee"}
    result = score_checklist(uniform(90.0, scoring=scoring))
    assert result.table.pass_mark.source == "from the checklist file: assumed by the committee"
    # The notes say only, plainly, that the score is an estimate (the sources are not notes).
    assert Message.of("scoring.uncertain", year=result.table.year) in result.notes


def test_json_keeps_english_findings_and_adds_their_keys() -> None:
    result = score_checklist(uniform(90.0, scoring={"groups": {"IIT": 50}}, rating="AA"))
    data = to_json_dict(result)
    assert data["warnings"] == en(result.warnings)
    assert data["notes"] == en(result.notes)
    warnings = data["warning_messages"]
    assert isinstance(warnings, list) and len(warnings) == len(result.warnings)
    assert warnings[0] == {
        "key": "scoring.overrides_ignored",
        "fields": {
            "table": "checklist.scoring",
            "path": "checklist.scoring.groups",
            "problem": {"key": "scoring.problem.total", "fields": {"total": "120"}},
        },
    }
    notes = data["note_messages"]
    assert isinstance(notes, list) and notes[-1] == {"key": "scoring.uncertain", "fields": {"year": 2566}}
    assert json.loads(json.dumps(data)) == data  # plain JSON data

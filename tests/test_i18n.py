"""The interface-string catalogue: ita_tui.i18n."""

from __future__ import annotations

import re
import string

import pytest

from ita_tui.i18n import (
    CATALOGUE,
    LANGS,
    Message,
    group_description,
    group_label,
    parse_lang,
    resolve_lang,
    status_label,
    status_word,
    t,
)
from ita_tui.model import GROUPS, Status


def fields_of(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_key_is_translated_with_the_same_fields(key: str) -> None:
    thai, english = CATALOGUE[key]
    assert thai.strip(), f"{key}: Thai text missing"
    assert english.strip(), f"{key}: English text missing"
    assert fields_of(thai) == fields_of(english), key


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_keys_are_well_formed(key: str) -> None:
    assert re.fullmatch(r"[a-z_]+(\.[A-Za-z_-]+)+", key), key


def test_t_fills_fields() -> None:
    assert t("label.done_of_total", "th", done=3, total=10) == "เสร็จ 3 จาก 10"
    assert t("label.done_of_total", "en", done=3, total=10) == "3 of 10 done"
    assert t("label.summary_as_of", "th", date="25 พ.ย. 2569") == "สรุป ณ วันที่ 25 พ.ย. 2569"


def test_unknown_key_raises_key_error() -> None:
    with pytest.raises(KeyError, match=r"label\.no_such_thing"):
        t("label.no_such_thing", "en")


def test_missing_field_raises_key_error() -> None:
    with pytest.raises(KeyError):
        t("label.done_of_total", "en", done=1)


def test_unknown_language_raises() -> None:
    with pytest.raises(ValueError):
        t("label.score", "fr")  # type: ignore[arg-type]


def test_status_labels() -> None:
    assert [status_label(s, "th") for s in Status] == [
        "ยังไม่ได้ดำเนินการ",
        "อยู่ระหว่างดำเนินการ",
        "ดำเนินการแล้วเสร็จ",
    ]
    assert [status_label(s, "en") for s in Status] == ["Not started", "In progress", "Done"]
    assert status_word(Status.DONE, "th") == "เสร็จ"
    assert status_word(Status.DONE, "en") == "Done"


def test_status_labels_read_back_as_the_same_status() -> None:
    for status in Status:
        for lang in LANGS:
            assert Status.parse(status_label(status, lang)) is status


def test_groups() -> None:
    assert {group_description(g, "th") for g in GROUPS} == {
        "การประเมินการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน",
        "การประเมินการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก",
        "การเปิดเผยข้อมูลสาธารณะ",
    }
    assert group_label("OIT", "th") == "OIT การเปิดเผยข้อมูลสาธารณะ"
    with pytest.raises(KeyError):
        group_description("XIT", "en")


def test_the_seeded_keys_exist() -> None:
    """Keys other parts of the app were promised."""
    for key in [
        "label.progress", "label.score", "label.reported_score", "label.rating", "label.notes",
        "label.updated", "label.fiscal_year", "label.organization", "label.section",
        "label.indicator", "label.measures", "label.no_items", "label.unsaved", "label.saved",
        "key.cycle_status", "key.set_not_started", "key.set_in_progress", "key.set_done",
        "key.notes", "key.save", "key.search", "key.filter", "key.undo", "key.redo", "key.help",
        "key.quit", "key.export", "key.meeting_view", "dialog.quit.title", "dialog.save",
        "dialog.discard", "dialog.cancel",
    ]:  # fmt: skip
        assert key in CATALOGUE


@pytest.mark.parametrize(
    ("value", "lang"),
    [
        ("th", "th"), ("TH", "th"), ("th_TH.UTF-8", "th"), ("th-TH", "th"), ("Thai", "th"),
        ("ไทย", "th"), ("en", "en"), ("en_GB.UTF-8", "en"), ("English", "en"),
        ("de", None), ("", None), (None, None),
    ],
)  # fmt: skip
def test_parse_lang(value: str | None, lang: str | None) -> None:
    assert parse_lang(value) == lang


def test_resolve_lang_order() -> None:
    thai_env = {"LANG": "th_TH.UTF-8"}
    assert resolve_lang("en", "th", thai_env) == "en"  # explicit first
    assert resolve_lang(None, "en", thai_env) == "en"  # then the checklist
    assert resolve_lang(None, None, thai_env) == "th"  # then the locale
    assert resolve_lang(None, "de", thai_env) == "th"  # an unknown file language is passed over
    assert resolve_lang(None, None, {}) == "en"
    assert resolve_lang(None, None, {"LANG": "C.UTF-8"}) == "en"


def test_resolve_lang_locale_precedence() -> None:
    # LC_ALL overrides LC_MESSAGES overrides LANG, as in POSIX.
    assert resolve_lang(None, None, {"LC_ALL": "en_US.UTF-8", "LANG": "th_TH.UTF-8"}) == "en"
    assert resolve_lang(None, None, {"LC_MESSAGES": "th_TH.UTF-8", "LANG": "en_US.UTF-8"}) == "th"
    assert resolve_lang(None, None, {"LC_ALL": "", "LANG": "th_TH"}) == "th"


def test_resolve_lang_rejects_an_unknown_explicit_language() -> None:
    with pytest.raises(ValueError, match="fr"):
        resolve_lang("fr", None, {})


def test_a_message_renders_in_either_language() -> None:
    message = Message.of("scoring.missing_one", number=3)
    assert message.render("th") == "ตัวชี้วัดที่ 3 ยังไม่มีคะแนน คะแนนภาพรวมจึงยังไม่ครบ"
    assert message.render("en") == str(message) == "indicator 3 has no score: the overall is incomplete"
    assert message == Message("scoring.missing_one", (("number", 3),))
    assert len({message, Message.of("scoring.missing_one", number=3)}) == 1


def test_a_message_renders_its_nested_messages_in_the_same_language() -> None:
    problem = Message.of("scoring.problem.total", total="90")
    message = Message.of("scoring.overrides_ignored", table="checklist.scoring", path="x", problem=problem)
    assert message.render("en") == "checklist.scoring ignored: x: the weights add up to 90, not 100"
    assert message.render("th") == "ไม่ใช้ค่าที่กำหนดใน checklist.scoring เพราะ x: น้ำหนักรวมได้ 90 ไม่ใช่ 100"


def test_every_export_format_is_described_in_the_app() -> None:
    from ita_tui.exports.registry import FORMATS

    for name in FORMATS:
        assert t(f"app.export.format.{name}", "th") and t(f"app.export.format.{name}", "en")

"""Every interface string, in Thai and English, in one place.

To add a string, add one line to :data:`CATALOGUE`::

    "area.what_it_is": ("ข้อความภาษาไทย {field}", "English text {field}"),

Keys are lower-case, dotted by area (``status.``, ``label.``, ``key.``, ``dialog.``,
``notify.``, ``error.``).  Both texts must be non-empty and use the same ``{fields}``:
``tests/test_i18n.py`` fails otherwise, and :func:`t` raises KeyError for an unknown key,
so a typo fails in the tests instead of showing a key to the user.

Pure: no Textual, no Rich, no files.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal, get_args

from ita_tui.model import GROUPS, Status

Lang = Literal["th", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)

# key -> (Thai, English)
CATALOGUE: dict[str, tuple[str, str]] = {
    # --- statuses: the full names are the ones used in agencies' reports (DOMAIN.md)
    "status.not-started": ("ยังไม่ได้ดำเนินการ", "Not started"),
    "status.in-progress": ("อยู่ระหว่างดำเนินการ", "In progress"),
    "status.done": ("ดำเนินการแล้วเสร็จ", "Done"),
    # short words for compact views (tree rows, narrow columns)
    "status_short.not-started": ("ยังไม่เริ่ม", "To do"),
    "status_short.in-progress": ("กำลังทำ", "Doing"),
    "status_short.done": ("เสร็จ", "Done"),
    # --- labels and headings
    "label.status": ("สถานะ", "Status"),
    "label.progress": ("ความคืบหน้า", "Progress"),
    "label.done_of_total": ("เสร็จ {done} จาก {total}", "{done} of {total} done"),
    "label.percent_done": ("เสร็จ {percent}%", "{percent}% done"),
    "label.in_progress_count": ("อยู่ระหว่างดำเนินการ {count}", "{count} in progress"),
    "label.not_started_count": ("ยังไม่ได้ดำเนินการ {count}", "{count} not started"),
    "label.items_count": ("{count} รายการ", "{count} items"),
    "label.score": ("คะแนน", "Score"),
    "label.reported_score": ("คะแนนที่รายงาน", "Reported score"),
    "label.computed_score": ("คะแนนที่คำนวณได้", "Computed score"),
    "label.overall_score": ("คะแนนภาพรวม", "Overall score"),
    "label.rating": ("ผลการประเมิน", "Rating"),
    "label.weight": ("น้ำหนัก", "Weight"),
    "label.total": ("รวม", "Total"),
    # "บันทึก" also means "save": notes are หมายเหตุ so the two never look alike.
    "label.notes": ("หมายเหตุ", "Notes"),
    "label.updated": ("แก้ไขล่าสุด", "Updated"),
    "label.fiscal_year": ("ปีงบประมาณ", "Fiscal year"),
    "label.organization": ("หน่วยงาน", "Organization"),
    "label.summary_as_of": ("สรุป ณ วันที่ {date}", "Summary as of {date}"),
    "label.section": ("หมวด", "Section"),
    "label.indicator": ("ตัวชี้วัด", "Indicator"),
    "label.indicator_number": ("ตัวชี้วัดที่ {number}", "Indicator {number}"),
    "label.measures": ("มาตรการ", "Measures"),
    "label.measure": ("มาตรการ", "Measure"),
    "label.item": ("รายการ", "Item"),
    "label.id": ("รหัส", "ID"),
    "label.title": ("ชื่อรายการ", "Title"),
    "label.responsible": ("ผู้รับผิดชอบ", "Responsible"),
    "label.period": ("ระยะเวลา", "Period"),
    "label.group": ("เครื่องมือการประเมิน", "Assessment tool"),
    "label.no_items": ("ไม่มีรายการ", "No items"),
    "label.no_matches": ("ไม่พบรายการที่ตรงกับ “{query}”", "No items match “{query}”"),
    "label.unsaved": ("ยังไม่ได้บันทึก", "Unsaved"),
    "label.saved": ("บันทึกแล้ว", "Saved"),
    "label.all": ("ทั้งหมด", "All"),
    "label.language": ("ภาษา", "Language"),
    # --- the three ITA tools (codes stay as they are in both languages)
    "group.IIT": ("การประเมินการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน", "Internal Integrity and Transparency Assessment"),
    "group.EIT": ("การประเมินการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก", "External Integrity and Transparency Assessment"),
    "group.OIT": ("การเปิดเผยข้อมูลสาธารณะ", "Open Data Integrity and Transparency Assessment"),
    # --- result wording of later years (cut-offs are data, not here)
    "rating.pass": ("ผ่าน", "Pass"),
    "rating.pass_good": ("ผ่านดี", "Pass (good)"),
    "rating.pass_excellent": ("ผ่านดีเยี่ยม", "Pass (excellent)"),
    "rating.fail": ("ไม่ผ่าน", "Fail"),
    # --- key bindings (short: they are shown in the footer)
    "key.cycle_status": ("เปลี่ยนสถานะ", "Cycle status"),
    "key.set_not_started": ("ยังไม่เริ่ม", "Set not started"),
    "key.set_in_progress": ("กำลังดำเนินการ", "Set in progress"),
    "key.set_done": ("เสร็จแล้ว", "Set done"),
    "key.notes": ("หมายเหตุ", "Notes"),
    "key.save": ("บันทึก", "Save"),
    "key.search": ("ค้นหา", "Search"),
    "key.filter": ("กรอง", "Filter"),
    "key.undo": ("เลิกทำ", "Undo"),
    "key.redo": ("ทำซ้ำ", "Redo"),
    "key.help": ("ช่วยเหลือ", "Help"),
    "key.quit": ("ออก", "Quit"),
    "key.export": ("ส่งออก", "Export"),
    "key.meeting_view": ("มุมมองประชุม", "Meeting view"),
    "key.language": ("สลับภาษา", "Switch language"),
    "key.close": ("ปิด", "Close"),
    # --- dialogs
    "dialog.quit.title": ("มีการแก้ไขที่ยังไม่ได้บันทึก", "There are unsaved changes"),
    "dialog.quit.body": ("ต้องการบันทึกก่อนออกจากโปรแกรมหรือไม่", "Save them before quitting?"),
    "dialog.save": ("บันทึก", "Save"),
    "dialog.discard": ("ไม่บันทึก", "Discard"),
    "dialog.cancel": ("ยกเลิก", "Cancel"),
    "dialog.ok": ("ตกลง", "OK"),
    "dialog.notes.title": ("หมายเหตุ: {item}", "Notes: {item}"),
    "search.placeholder": ("พิมพ์เพื่อค้นหา…", "Type to search…"),
    # --- notifications
    "notify.saved_to": ("บันทึกไปที่ {path} แล้ว", "Saved to {path}"),
    "notify.exported_to": ("ส่งออกไปที่ {path} แล้ว", "Exported to {path}"),
    "notify.undone": ("เลิกทำ: {what}", "Undone: {what}"),
    "notify.redone": ("ทำซ้ำ: {what}", "Redone: {what}"),
    "notify.nothing_to_undo": ("ไม่มีสิ่งที่จะเลิกทำ", "Nothing to undo"),
    "notify.nothing_to_redo": ("ไม่มีสิ่งที่จะทำซ้ำ", "Nothing to redo"),
    "notify.status_changed": ("{item}: {status}", "{item}: {status}"),
    # --- errors
    "error.file_not_found": ("ไม่พบไฟล์ {path}", "File not found: {path}"),
    "error.cannot_read": ("อ่านไฟล์ {path} ไม่ได้: {reason}", "Cannot read {path}: {reason}"),
    "error.cannot_write": ("บันทึกไฟล์ {path} ไม่ได้: {reason}", "Cannot write {path}: {reason}"),
    "error.invalid_toml": (
        "ไฟล์ {path} มีรูปแบบ TOML ไม่ถูกต้อง (บรรทัด {line}): {reason}",
        "{path} is not valid TOML (line {line}): {reason}",
    ),
    "error.file_changed": (
        "ไฟล์ {path} ถูกแก้ไขโดยโปรแกรมอื่นหลังจากเปิด",
        "{path} was changed by another program since it was opened",
    ),
    "error.unknown_item": ("ไม่พบรายการ {id}", "No item with id {id}"),
    "error.unknown_status": ("ไม่รู้จักสถานะ “{text}”", "Unknown status “{text}”"),
    "error.unknown_language": (
        "ไม่รู้จักภาษา “{text}” (ใช้ th หรือ en)",
        "Unknown language “{text}” (use th or en)",
    ),
    "error.score_range": ("คะแนนต้องอยู่ระหว่าง 0 ถึง 100", "A score must be between 0 and 100"),
    # raised by ita_tui.thai.parse_number / parse_int (NumberError.key and .fields)
    "error.number_empty": ("กรุณาใส่ตัวเลข", "A number is required"),
    "error.not_a_number": ("“{text}” ไม่ใช่ตัวเลข", "“{text}” is not a number"),
    "error.not_a_whole_number": ("“{text}” ไม่ใช่จำนวนเต็ม", "“{text}” is not a whole number"),
    "error.number_comma": (
        "“{text}”: ใช้จุดทศนิยม (95.75) และไม่ใส่เครื่องหมายจุลภาค",
        "“{text}”: write decimals with a point (95.75) and without commas",
    ),
    # --- summaries: `show`, exports and the meeting view (ita_tui/report.py, ita_tui/exporters/)
    "report.section_progress": ("เสร็จ {done}/{total}", "{done}/{total} done"),
    "report.score_value": ("คะแนน {score}", "score {score}"),
    "report.reported": ("คะแนนที่รายงาน {score}", "Reported score {score}"),
    "report.reported_rating": ("คะแนนที่รายงาน {score} ({rating})", "Reported score {score} ({rating})"),
    "report.rating_only": ("ผลการประเมินที่รายงาน: {rating}", "Reported rating: {rating}"),
    "report.computed": ("คะแนนที่คำนวณได้ {score} (ระดับ {band})", "Computed score {score} (band {band})"),
    "report.computed_incomplete": (
        "คะแนนที่คำนวณได้: ยังไม่ครบ ตัวชี้วัดที่ {numbers} ไม่มีคะแนน",
        "Computed score: incomplete, no score for indicator {numbers}",
    ),
    "report.computed_missing_many": (
        "คะแนนที่คำนวณได้: ยังไม่ครบ ขาดคะแนน {count} ตัวชี้วัด",
        "Computed score: incomplete, {count} indicators have no score",
    ),
    "report.implied": (
        "ตัวชี้วัดที่ {number} ควรได้ราว {score} ({low}–{high}) จึงได้ {overall} ตามที่รายงาน",
        "Indicator {number} would need about {score} ({low}–{high}) for the reported {overall}",
    ),
    "report.showing_only": ("แสดงเฉพาะ: {statuses}", "Showing only: {statuses}"),
    "report.no_items_shown": ("(ไม่มีรายการที่ตรงกับตัวกรอง)", "(no items match the filter)"),
    "report.csv.section_title": ("ชื่อหมวด", "Section title"),
    # --- `ita-tui score FILE` (ita_tui/commands/score.py); band letters (AA, A, …) stay as they are
    "score.title": ("คะแนน ITA", "ITA score"),
    "score.fiscal_year": ("ปีงบประมาณ พ.ศ. {year}", "FY{year}"),
    "score.table": ("เกณฑ์การให้คะแนนปี {year}", "scoring table {year}"),
    "score.indicator": ("ตัวชี้วัด", "Indicator"),
    "score.item": ("รายการ", "Item"),
    "score.name": ("ชื่อตัวชี้วัด", "Title"),
    "score.weight": ("น้ำหนัก", "Weight"),
    "score.score": ("คะแนน", "Score"),
    "score.points": ("คะแนนถ่วงน้ำหนัก", "Points"),
    "score.overall_row": ("ภาพรวม", "Overall"),
    "score.none": ("—", "—"),
    "score.overall": ("คะแนนภาพรวม (คำนวณ)", "Overall (computed)"),
    "score.incomplete": ("ยังไม่ครบ", "incomplete"),
    "score.reported": ("คะแนนที่รายงาน", "Reported"),
    "score.as_reported": ("ตามที่รายงาน", "as reported"),
    "score.reported_band": ("อยู่ในระดับ {band}", "falls in band {band}"),
    "score.band": ("ระดับ", "Band"),
    "score.pass_mark": ("เกณฑ์ผ่าน {mark}", "pass mark {mark}"),
    "score.passed": ("ผ่าน", "passed"),
    "score.not_passed": ("ไม่ผ่าน", "not passed"),
    "score.implied": ("คะแนนที่ควรได้", "Implied"),
    "score.implied_text": (
        "ตัวชี้วัดที่ {n}{item} ต้องได้ {score} ({low}–{high}) จึงจะได้คะแนนภาพรวม {overall} ตามที่รายงาน",
        "indicator {n}{item} must have scored {score} ({low}–{high}) for the reported {overall}",
    ),
    "score.what_if": ("ถ้าเพิ่มคะแนน", "What-if"),
    "score.what_if_text": (
        "{item} จาก {current} เป็น {needed} (+{raise_by}) คะแนนภาพรวมจะขึ้นเป็นระดับ {band}",
        "{item} {current} → {needed} (+{raise_by}) lifts the overall into {band}",
    ),
    "score.what_if_impossible": (
        "เพิ่มคะแนนตัวชี้วัดใดตัวชี้วัดหนึ่งเพียงตัวเดียว ไม่พอให้คะแนนภาพรวมขึ้นถึงระดับ {band}",
        "no single indicator can lift the overall into {band}",
    ),
    "score.what_if_top": ("อยู่ในระดับสูงสุดแล้ว", "already in the top band"),
    "score.warnings": ("คำเตือน", "Warnings"),
    "score.notes": ("หมายเหตุ", "Notes"),
    "score.nothing": (
        "ไฟล์นี้ไม่มีตัวชี้วัด จึงไม่มีคะแนนให้คำนวณ",
        "no indicators in this checklist: nothing to score",
    ),
}


def _index(lang: str) -> int:
    if lang == "th":
        return 0
    if lang == "en":
        return 1
    raise ValueError(f"unknown interface language {lang!r}; expected one of {LANGS}")


def t(key: str, lang: Lang, **fields: object) -> str:
    """The interface string *key* in *lang*, with ``{fields}`` filled by :meth:`str.format`.

    Raises KeyError for a key not in :data:`CATALOGUE` (so typos fail in tests) and for a
    ``{field}`` the text needs but was not given.
    """
    try:
        entry = CATALOGUE[key]
    except KeyError:
        raise KeyError(f"no interface string {key!r} in ita_tui.i18n.CATALOGUE") from None
    text = entry[_index(lang)]
    return text.format(**fields)


def status_label(status: Status, lang: Lang) -> str:
    """The full name of *status*: ยังไม่ได้ดำเนินการ / อยู่ระหว่างดำเนินการ / ดำเนินการแล้วเสร็จ."""
    return t(f"status.{status.value}", lang)


def status_word(status: Status, lang: Lang) -> str:
    """A short name of *status* for compact views: ยังไม่เริ่ม / กำลังทำ / เสร็จ."""
    return t(f"status_short.{status.value}", lang)


def group_description(group: str, lang: Lang) -> str:
    """What an ITA tool code (IIT, EIT, OIT) stands for, e.g. การเปิดเผยข้อมูลสาธารณะ."""
    if group not in GROUPS:
        raise KeyError(f"unknown ITA group {group!r}; expected one of {GROUPS}")
    return t(f"group.{group}", lang)


def group_label(group: str, lang: Lang) -> str:
    """The code and its description: ``OIT การเปิดเผยข้อมูลสาธารณะ``."""
    return f"{group} {group_description(group, lang)}"


_LANG_NAMES: dict[str, Lang] = {
    "th": "th",
    "tha": "th",
    "thai": "th",
    "ไทย": "th",
    "ภาษาไทย": "th",
    "en": "en",
    "eng": "en",
    "english": "en",
    "อังกฤษ": "en",
    "ภาษาอังกฤษ": "en",
}


def parse_lang(value: str | None) -> Lang | None:
    """Read a language name or locale (``th``, ``th_TH.UTF-8``, ``Thai``, ``ไทย``, ``en-GB``).

    None when *value* is empty or names no interface language.
    """
    if not value:
        return None
    text = value.strip().casefold()
    if text in _LANG_NAMES:
        return _LANG_NAMES[text]
    # A locale: language, then territory / encoding / modifier (th_TH.UTF-8@calendar).
    for separator in "_-.@":
        text = text.split(separator, 1)[0]
    return _LANG_NAMES.get(text)


def resolve_lang(
    explicit: str | None,
    checklist_language: str | None,
    environ: Mapping[str, str] = os.environ,
) -> Lang:
    """The interface language: *explicit* (a ``--lang`` option), else the checklist's
    ``language`` key, else the locale (the first set of LC_ALL, LC_MESSAGES, LANG, as POSIX
    orders them) when it is Thai, else English.

    An explicit value that names no language raises ValueError (the user typed it); an
    unknown checklist language is passed over, as a file is not a place to fail from.
    """
    if explicit:
        lang = parse_lang(explicit)
        if lang is None:
            raise ValueError(t("error.unknown_language", "en", text=explicit))
        return lang
    from_file = parse_lang(checklist_language)
    if from_file is not None:
        return from_file
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            return "th" if value.strip().casefold().startswith("th") else "en"
    return "en"

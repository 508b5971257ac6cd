"""Every interface string, in Thai and English, in one place.

To add a string, add one line to :data:`CATALOGUE`::

    "area.what_it_is": ("ข้อความภาษาไทย {field}", "English text {field}"),

Keys are lower-case, dotted by area (``status.``, ``label.``, ``key.``, ``dialog.``,
``notify.``, ``error.``, and ``app.`` for the words only the Textual app uses; a meaning
has one key, so the app, ``show`` and the exports say the same thing).  Both texts must be
non-empty and use the same ``{fields}``: ``tests/test_i18n.py`` fails otherwise, and
:func:`t` raises KeyError for an unknown key, so a typo fails in the tests instead of
showing a key to the user.

Pure code that must not choose a language (``ita_tui.scoring``) returns a :class:`Message`
(a key and its fields) for whoever shows it to render: ``message.render(lang)``.

Pure: no Textual, no Rich, no files.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
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
    "status_short.not-started": ("ยังไม่เริ่ม", "Not started"),
    "status_short.in-progress": ("กำลังทำ", "In progress"),
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
    # --- key bindings (short: they are shown in the footer and on the help screen)
    "key.cycle_status": ("เปลี่ยนสถานะ", "Cycle"),
    "key.set_not_started": ("ยังไม่เริ่ม", "Not started"),
    "key.set_in_progress": ("กำลังทำ", "In progress"),
    "key.set_done": ("เสร็จ", "Done"),
    "key.notes": ("หมายเหตุ", "Notes"),
    "key.save": ("บันทึก", "Save"),
    "key.search": ("ค้นหา", "Search"),
    "key.filter": ("กรอง", "Filter"),
    "key.undo": ("เลิกทำ", "Undo"),
    "key.redo": ("ทำซ้ำ", "Redo"),
    "key.help": ("วิธีใช้", "Help"),
    "key.quit": ("ออก", "Quit"),
    "key.export": ("ส่งออก", "Export"),
    "key.meeting_view": ("ประชุม", "Meeting"),
    "key.language": ("สลับภาษา", "Switch language"),
    "key.close": ("ปิด", "Close"),
    # --- dialogs
    "dialog.quit.title": ("ยังไม่ได้บันทึก", "Unsaved changes"),
    "dialog.quit.body": (
        "มี {count} รายการที่แก้ไขแล้วยังไม่บันทึก บันทึกก่อนออกหรือไม่",
        "{count} item(s) changed since the last save. Save before quitting?",
    ),
    "dialog.save": ("บันทึก", "Save"),
    "dialog.discard": ("ไม่บันทึก", "Discard"),
    "dialog.cancel": ("ยกเลิก", "Cancel"),
    "dialog.ok": ("ตกลง", "OK"),
    "dialog.notes.title": ("หมายเหตุ · {item}", "Notes · {item}"),
    "search.placeholder": (
        "ค้นหาชื่อ รายละเอียด และหมายเหตุ (enter)",
        "Search titles, fields and notes (enter)",
    ),
    # --- notifications
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
    # --- summaries: `show`, exports and the meeting view (ita_tui/exports/layout.py, ita_tui/exports/)
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
    # --- findings of ita_tui.scoring (scoring.Message: a key and its fields, shown by whoever
    # displays them).  Numbers arrive formatted ("95.75", "85"); the English text is the one
    # `score --json` keeps under "warnings" / "notes".
    "scoring.no_fiscal_year": (
        "ไม่ได้ระบุปีงบประมาณ จึงใช้เกณฑ์การให้คะแนนปี {table_year}",
        "no fiscal year given: using the {table_year} table",
    ),
    "scoring.table_fallback": (
        "ไม่มีเกณฑ์การให้คะแนนปี {year} จึงใช้เกณฑ์ปี {table_year} (ปีก่อนหน้าที่ใกล้ที่สุด)",
        "no scoring table for {year}: using {table_year}'s (the nearest earlier year)",
    ),
    "scoring.table_fallback_earliest": (
        "ไม่มีเกณฑ์การให้คะแนนปี {year} หรือปีก่อนหน้า จึงใช้เกณฑ์ปี {table_year} (ปีแรกสุดที่มี)",
        "no scoring table for {year} or earlier: using {table_year}'s (the earliest there is)",
    ),
    "scoring.overridden": (
        "ใช้น้ำหนักหรือช่วงคะแนนตามที่กำหนดในไฟล์รายการตรวจสอบ ({table})",
        "weights or bands overridden by the checklist file ({table})",
    ),
    "scoring.overrides_ignored": (
        "ไม่ใช้ค่าที่กำหนดใน {table} เพราะ {path}: {problem}",
        "{table} ignored: {path}: {problem}",
    ),
    "scoring.indicator_not_weighed": (
        "{item} เป็นตัวชี้วัดที่ {number} ซึ่งไม่มีน้ำหนักในเกณฑ์ปี {table_year} จึงไม่นำมาคิดคะแนน",
        "{item} is indicator {number}, which the {table_year} table does not weigh: left out",
    ),
    "scoring.indicator_twice": (
        "{first} และ {second} เป็นตัวชี้วัดที่ {number} ทั้งคู่ จึงใช้คะแนนของ {first}",
        "{first} and {second} are both indicator {number}: scored {first}",
    ),
    "scoring.indicator_other_group": (
        "{item} อยู่ในหมวด {section_group} แต่ตามเกณฑ์ปี {table_year} ตัวชี้วัดที่ {number} "
        "อยู่ใน {group} จึงคิดคะแนนเป็น {group}",
        "{item} is in a {section_group} section, but indicator {number} "
        "belongs to {group} in the {table_year} table: scored as {group}",
    ),
    "scoring.score_out_of_range": (
        "{item} มีคะแนน {score} ซึ่งอยู่นอกช่วง 0–100 จึงถือว่ายังไม่มีคะแนน",
        "{item} has score {score}, outside 0–100: treated as no score",
    ),
    "scoring.overall_differs": (
        "คะแนนภาพรวมที่คำนวณได้ {computed} ต่างจากที่รายงาน ({reported}) {gap} คะแนน มากเกินกว่าผลของการปัดเศษ",
        "the computed overall {computed} differs from the reported {reported} by {gap}, more than rounding",
    ),
    "scoring.implied_out_of_range": (
        "คะแนนภาพรวมที่รายงาน {reported} ต้องให้ตัวชี้วัดที่ {number} ได้ {score} "
        "ซึ่งอยู่นอกช่วง 0–100 น้ำหนักหรือคะแนนบางค่าอาจไม่ถูกต้อง",
        "the reported overall {reported} needs indicator {number} at "
        "{score}, outside 0–100: a weight or a score may be wrong",
    ),
    "scoring.group_under_pass_mark": (
        "{group} ได้ {score} ต่ำกว่าเกณฑ์ผ่าน {mark}",
        "{group} scores {score}, under {mark}",
    ),
    "scoring.group_under_pass_mark_later": (
        "{group} ได้ {score} ต่ำกว่าเกณฑ์ผ่าน {mark} (ตั้งแต่ปี {from_year} อาจทำให้ผลการประเมินลดลง)",
        "{group} scores {score}, under {mark} (from {from_year} this can lower the rating)",
    ),
    "scoring.rating_not_band": (
        "ผลการประเมินที่รายงาน {rating} ไม่ตรงกับระดับ {band} ของคะแนนภาพรวม",
        "the reported rating {rating} is not the band {band} of the overall",
    ),
    "scoring.missing_one": (
        "ตัวชี้วัดที่ {number} ยังไม่มีคะแนน คะแนนภาพรวมจึงยังไม่ครบ",
        "indicator {number} has no score: the overall is incomplete",
    ),
    "scoring.missing_many": (
        "ตัวชี้วัดที่ {numbers} ยังไม่มีคะแนน คะแนนภาพรวมจึงยังไม่ครบ",
        "indicators {numbers} have no score: the overall is incomplete",
    ),
    # problems in a checklist's [checklist.scoring] overrides (quoted in scoring.overrides_ignored)
    "scoring.problem.unknown_key": (
        "ไม่รู้จักคีย์นี้ ต้องเป็นหนึ่งใน {expected}",
        "unknown key; expected one of {expected}",
    ),
    "scoring.problem.source_not_text": (
        "ต้องเป็นข้อความ (บอกที่มาของตัวเลข)",
        "must be a string (a note of where the figures come from)",
    ),
    "scoring.problem.not_a_number": (
        "ต้องเป็นตัวเลขตั้งแต่ 0 ถึง 100 ไม่ใช่ {value}",
        "must be a number from 0 to 100, not {value}",
    ),
    "scoring.problem.out_of_range": (
        "ต้องอยู่ระหว่าง 0 ถึง 100 ไม่ใช่ {value}",
        "must be from 0 to 100, not {value}",
    ),
    "scoring.problem.not_a_table": (
        "ต้องเป็นตาราง เช่น {name} = {example}",
        "must be a table, such as {name} = {example}",
    ),
    "scoring.problem.unknown_group": (
        "ไม่รู้จักเครื่องมือการประเมินนี้ ต้องเป็น {expected}",
        "unknown group; expected {expected}",
    ),
    "scoring.problem.unknown_indicator": (
        "ไม่รู้จักตัวชี้วัดนี้ ต้องเป็นหมายเลขตัวชี้วัดในเกณฑ์ปี {table_year} ({expected})",
        "unknown indicator; expected a number of the {table_year} table ({expected})",
    ),
    "scoring.problem.group_sum": (
        "น้ำหนักตัวชี้วัดของ {group} รวมได้ {got} แต่ groups.{group} กำหนดไว้ {total}",
        "the {group} indicators add up to {got}, but groups.{group} is {total}",
    ),
    "scoring.problem.total": (
        "น้ำหนักรวมได้ {total} ไม่ใช่ 100",
        "the weights add up to {total}, not 100",
    ),
    "scoring.problem.no_bands": ("ต้องมีอย่างน้อยหนึ่งระดับ", "must name at least one band"),
    "scoring.problem.bands_tie": (
        "มีสองระดับที่เริ่มต้นที่คะแนนเดียวกัน",
        "two bands start at the same score",
    ),
    "scoring.problem.no_zero_band": (
        "ระดับต่ำสุดต้องเริ่มที่ 0 เพื่อให้ทุกคะแนนมีระดับ",
        "the lowest band must start at 0, so that every score has a band",
    ),
    # --- the app (ita_tui/app/): its own words; shared meanings use the keys above
    # (key.*, label.*, dialog.*, notify.*, score.*, report.*)
    "app.key.score": ("คะแนน", "Score"),
    "app.key.next_match": ("ผลถัดไป", "Next match"),
    "app.key.prev_match": ("ผลก่อนหน้า", "Previous match"),
    "app.key.down": ("ลง", "Down"),
    "app.key.up": ("ขึ้น", "Up"),
    "app.key.first": ("แรกสุด", "First"),
    "app.key.last": ("ท้ายสุด", "Last"),
    "app.key.section": ("พับหมวด", "Fold section"),
    "app.key.palette": ("คำสั่ง", "Commands"),
    "app.key.page_down": ("เลื่อนลงหนึ่งหน้า", "Page down"),
    "app.key.page_up": ("เลื่อนขึ้นหนึ่งหน้า", "Page up"),
    "app.key.fold": ("พับหมวด", "Fold"),
    "app.key.unfold": ("คลี่หมวด", "Unfold"),
    "app.key.focus_next": ("ไปช่องถัดไป", "Focus next"),
    "app.key.focus_previous": ("ไปช่องก่อนหน้า", "Focus previous"),
    "app.key.copy": ("คัดลอกข้อความที่เลือก", "Copy selected text"),
    "app.key.close_keep": ("ปิดและเก็บข้อความ", "Close and keep"),
    "app.key.palette_tooltip": ("เปิดรายการคำสั่ง", "Open the command palette"),
    "app.key.tone_marks": ("สลับวรรณยุกต์", "Toggle tone marks"),
    "app.key.score_report": ("ตารางคะแนน", "Score table"),
    "app.unsaved": ("● ยังไม่บันทึก", "● unsaved"),
    "app.saving": ("กำลังบันทึก…", "saving…"),
    "app.fy": ("ปีงบประมาณ {year}", "FY{year}"),
    # The app names each status one way everywhere (status_short.*): here, the keys, the filter.
    "app.counts": (
        "เสร็จ {done}/{total} · กำลังทำ {in_progress} · ยังไม่เริ่ม {not_started}",
        "{done}/{total} done · {in_progress} in progress · {not_started} not started",
    ),
    "app.checklist": ("รายการ", "Checklist"),
    "app.filter.all": ("ทั้งหมด", "all"),
    "app.filter.open": ("ยังไม่เสร็จ", "open"),
    "app.filter.not-started": ("ยังไม่เริ่ม", "not started"),
    "app.filter.in-progress": ("กำลังทำ", "in progress"),
    "app.filter.done": ("เสร็จ", "done"),
    "app.filter.shown": ("กรอง: {name}", "Filter: {name}"),
    "app.filter.empty": (
        "ไม่มีรายการตามตัวกรอง ({name}); กด f",
        "No items match the filter ({name}); press f",
    ),
    "app.detail.no_notes": ("(กด enter เพื่อเขียนหมายเหตุ)", "(enter to write a note)"),
    "app.score.reported": ("คะแนน {score} (ตามรายงาน)", "Score {score} (reported)"),
    # The progress line: the computed overall beside the reported one (short: 80 columns cut it).
    "app.score.computed": ("คำนวณ {score} {band}", "computed {score} {band}"),
    "app.score.not_computed": (
        "คำนวณไม่ได้: ไม่มีคะแนนตัวชี้วัด {numbers}",
        "not computed: indicator {numbers} unscored",
    ),
    "app.score.not_computed_many": (
        "คำนวณไม่ได้: ขาดคะแนน {count} ตัวชี้วัด",
        "not computed: {count} indicators unscored",
    ),
    "app.notes.hint": (
        "escape ปิดและเก็บข้อความ · ctrl+z เลิกพิมพ์",
        "escape closes and keeps the text · ctrl+z undoes typing",
    ),
    "app.score.title": (
        "คะแนนของ {id} (0–100 ใช้เลขไทยได้ เว้นว่างเพื่อลบ)",
        "Score of {id} (0–100, Thai digits work; empty clears)",
    ),
    "app.score.bad": ("คะแนนไม่ถูกต้อง: {error}", "Not a score: {error}"),
    "app.search.found": (
        "พบ {count} รายการ “{query}” · n ถัดไป N ก่อนหน้า",
        "{count} matches for “{query}” · n next, N previous",
    ),
    "app.search.hidden": (
        "ซ่อนอยู่ {count} รายการเพราะตัวกรอง",
        "{count} matches are hidden by the filter",
    ),
    # ctrl+t in the search bar (or the palette): exact by default
    "app.search.tone_exact": ("ctrl+t วรรณยุกต์: ต้องตรงกัน", "ctrl+t tone marks: exact"),
    "app.search.tone_ignored": ("ctrl+t วรรณยุกต์: ไม่สนใจ", "ctrl+t tone marks: ignored"),
    "app.search.tone_on": (
        "ค้นหาโดยไม่สนใจวรรณยุกต์ (ใช้ กับ ใช ตรงกัน)",
        "Search ignores tone marks (ใช้ finds ใช)",
    ),
    "app.search.tone_off": ("ค้นหาโดยวรรณยุกต์ต้องตรงกัน", "Search matches tone marks exactly"),
    "app.no_item": ("เลือกรายการก่อน", "Select an item first"),
    "app.saved_to": ("บันทึกแล้ว {path}", "Saved {path}"),
    "app.save_failed": (
        "บันทึกไม่สำเร็จ: {error} การแก้ไขยังอยู่ ลองอีกครั้ง",
        "Not saved: {error}. Your changes are kept; try again.",
    ),
    "app.nothing_to_save": ("ไม่มีการแก้ไขที่ต้องบันทึก", "No changes to save"),
    "app.conflict.title": ("ไฟล์ถูกแก้ไขจากที่อื่น", "The file changed on disk"),
    "app.conflict.body": (
        "มีผู้อื่นแก้ไข {path} หลังจากที่คุณเปิด การแก้ไขของคุณ {count} รายการยังไม่ได้บันทึก",
        "{path} was changed by someone else since you opened it. "
        "Your {count} unsaved change(s) were not written.",
    ),
    "app.conflict.clean": (
        "คุณและผู้อื่นแก้ไขคนละรายการ: รวมแล้วได้ทั้งสองฝ่าย",
        "You and they changed different items: merging keeps both.",
    ),
    "app.conflict.both": ("ทั้งสองฝ่ายแก้ไข: {ids}", "Both sides changed: {ids}"),
    "app.conflict.merge": ("รวมแล้วบันทึก", "Merge and save"),
    "app.conflict.mine": ("รวม ใช้ของฉัน", "Merge, mine win"),
    "app.conflict.theirs": ("รวม ใช้ของเขา", "Merge, theirs win"),
    "app.conflict.reload": ("โหลดใหม่ (ทิ้งของฉัน)", "Reload (drop mine)"),
    "app.conflict.cancel": ("ยกเลิก (แก้ต่อ)", "Cancel (keep editing)"),
    "app.conflict.copy": ("บันทึกฉบับของฉันเป็นไฟล์ใหม่", "Save my version as a new file"),
    "app.copy_saved": (
        "บันทึกฉบับของคุณไว้ที่ {path} แล้ว ไฟล์เดิมไม่ถูกแตะต้อง",
        "Your version is saved as {path}; the original file is untouched",
    ),
    "app.copy_failed": ("บันทึกฉบับของคุณไม่ได้: {error}", "Could not save your version: {error}"),
    "app.conflict.unreadable": (
        "อ่านไฟล์ที่เปลี่ยนไม่ได้: {error}",
        "Cannot read the changed file: {error}",
    ),
    "app.merged": (
        "รวมแล้ว: ของคุณ {applied} รายการ ของผู้อื่น {theirs} รายการ",
        "Merged: {applied} of your changes kept, {theirs} of theirs",
    ),
    "app.reloaded": ("โหลดใหม่แล้ว {path}", "Reloaded {path}"),
    "app.quit.save": ("บันทึกแล้วออก", "Save and quit"),
    "app.quit.discard": ("ออกโดยไม่บันทึก", "Quit without saving"),
    "app.export.title": ("ส่งออกสรุป", "Export a summary"),
    "app.export.format.text": ("ข้อความล้วน สำหรับเนื้อความอีเมล", "plain text for the body of an email"),
    "app.export.format.md": ("Markdown สำหรับ GitHub, GitLab และแชต", "Markdown for GitHub, GitLab and chat"),
    "app.export.format.html": ("หน้าเว็บ แบบเดียวกับที่อีเมลแสดง", "a web page, as an email shows it"),
    "app.export.format.svg": ("ภาพหน้าจอ สำหรับสไลด์", "the terminal view as a picture, for slides"),
    "app.export.format.ansi": ("หน้าจอเทอร์มินัลพร้อมสี", "the terminal view with colour codes"),
    "app.export.format.csv": ("ตาราง Excel หนึ่งแถวต่อรายการ", "a spreadsheet, one row an item"),
    "app.export.format.json": ("ข้อมูลทั้งหมด สำหรับโปรแกรม", "all data, machine-readable"),
    "app.export.failed": ("ส่งออกไม่สำเร็จ: {error}", "Export failed: {error}"),
    "app.meeting.open": ("ยังไม่เสร็จ", "Still open"),
    "app.meeting.none_open": ("ดำเนินการครบทุกรายการ", "Everything is done"),
    "app.meeting.scores": ("คะแนน", "Scores"),
    "app.meeting.more": ("… และอีก {count} รายการ", "… and {count} more"),
    "app.meeting.back": ("กลับ", "Back"),
    "app.help.title": ("ปุ่มลัด", "Keys"),
    "app.help.intro": (
        "สถานะ: ○ ยังไม่เริ่ม · ◐ กำลังทำ · ● เสร็จ · ✎ มีหมายเหตุ "
        "คลิกรายการเพื่อเลือก คลิกสัญลักษณ์เพื่อเปลี่ยนสถานะ "
        "ctrl+p เปิดรายการคำสั่ง (ธีม ภาษา หมวด)",
        "Statuses: ○ not started · ◐ in progress · ● done; ✎ the item has notes. Click an item to "
        "select it, click its glyph to cycle its status. ctrl+p opens the command palette "
        "(themes, language, sections).",
    ),
    "app.start.title": ("ita-tui · เลือกรายการตรวจสอบ", "ita-tui · choose a checklist"),
    "app.start.found": ("รายการตรวจสอบที่พบ", "Checklists found"),
    "app.start.none": ("ไม่พบรายการตรวจสอบใน {folders}", "No checklists in {folders}"),
    "app.start.templates": ("เริ่มรายการใหม่จากแม่แบบ", "Start a new checklist from a template"),
    "app.start.new_path": (
        "สร้างรายการใหม่ที่ (enter เพื่อสร้าง):",
        "Create the new checklist at (enter to create):",
    ),
    "app.start.exists": ("{path} มีอยู่แล้ว เลือกชื่ออื่น", "{path} already exists; choose another name"),
    "app.start.created": ("สร้างแล้ว {path}", "Created {path}"),
    "app.start.loading": ("กำลังอ่าน…", "reading…"),
    "app.start.problems": ("พบปัญหา {count} ข้อ", "{count} problem(s)"),
    "app.start.hint": ("enter เปิด · ↑↓ เลือก · q ออก", "enter opens · ↑↓ choose · q quits"),
    "app.cmd.save": ("บันทึกรายการตรวจสอบ", "Save the checklist"),
    "app.cmd.export": ("ส่งออกสรุป…", "Export a summary…"),
    "app.cmd.meeting": ("มุมมองการประชุม", "Meeting view"),
    "app.cmd.score": ("ตารางคะแนน ITA (คำนวณ)", "ITA score table (computed)"),
    "app.cmd.help": ("วิธีใช้: ปุ่มลัด", "Help: keys"),
    "app.cmd.filter": ("กรอง: แสดง{name}", "Filter: show {name}"),
    "app.cmd.section": ("ไปที่หมวด: {title}", "Jump to section: {title}"),
    "app.cmd.tone_on": ("ค้นหา: ไม่สนใจวรรณยุกต์", "Search: ignore tone marks"),
    "app.cmd.tone_off": ("ค้นหา: วรรณยุกต์ต้องตรงกัน", "Search: match tone marks exactly"),
    "app.cmd.placeholder": ("พิมพ์เพื่อค้นหาคำสั่ง…", "Search for commands…"),
    # Textual's own palette entries, in the app's language (ItaApp.get_system_commands)
    "app.cmd.quit": ("ออก", "Quit"),
    "app.cmd.quit_help": (
        "ออกจากโปรแกรม ถามก่อนถ้ามีการแก้ไขที่ยังไม่ได้บันทึก",
        "Quit, asking first when there are unsaved changes",
    ),
    "app.cmd.keys": ("แผงปุ่มลัด", "Keys"),
    "app.cmd.keys_show": ("แสดงปุ่มลัดที่ใช้ได้ตรงนี้", "Show the keys available here"),
    "app.cmd.keys_hide": ("ซ่อนแผงปุ่มลัด", "Hide the keys panel"),
    "app.cmd.maximize": ("ขยายเต็มจอ", "Maximize"),
    "app.cmd.maximize_help": ("ขยายส่วนที่เลือกให้เต็มจอ", "Maximize the focused pane"),
    "app.cmd.minimize": ("คืนขนาดเดิม", "Minimize"),
    "app.cmd.minimize_help": ("คืนส่วนที่ขยายไว้เป็นขนาดปกติ", "Restore the maximized pane"),
    "app.cmd.screenshot": ("ภาพหน้าจอ", "Screenshot"),
    "app.cmd.screenshot_help": ("เก็บภาพหน้าจอเป็นไฟล์ SVG", "Save an SVG picture of the screen"),
    "app.cmd.theme": ("ธีม…", "Theme…"),
    "app.cmd.lang_th": ("ภาษา: ไทย", "Language: ไทย"),
    "app.cmd.lang_en": ("ภาษา: English", "Language: English"),
    "app.cmd.autosave_on": ("บันทึกอัตโนมัติ: เปิด", "Autosave: turn on"),
    "app.cmd.autosave_off": ("บันทึกอัตโนมัติ: ปิด", "Autosave: turn off"),
    "app.cmd.backup_on": ("สำรองไฟล์เดิมก่อนบันทึก (FILE~): เปิด", "Backup before saving (FILE~): turn on"),
    "app.cmd.backup_off": ("สำรองไฟล์เดิมก่อนบันทึก (FILE~): ปิด", "Backup before saving (FILE~): turn off"),
    "app.autosave_on": ("เปิดบันทึกอัตโนมัติแล้ว", "Autosave is on"),
    "app.autosave_off": ("ปิดบันทึกอัตโนมัติแล้ว", "Autosave is off"),
    "app.backup_on": (
        "เปิดการสำรองแล้ว: ทุกครั้งที่บันทึกจะเก็บไฟล์เดิมไว้ที่ FILE~",
        "Backup is on: each save keeps the previous version as FILE~",
    ),
    "app.backup_off": ("ปิดการสำรองไฟล์แล้ว", "Backup is off"),
    "app.settings_failed": ("บันทึกการตั้งค่าไม่สำเร็จ: {error}", "Settings not saved: {error}"),
    "app.load_failed": ("เปิด {path} ไม่ได้", "Cannot open {path}"),
    # --- authoring: adding, editing, moving and removing items and sections (issue 12)
    # the app's editing keys, dialogs and messages (ita_tui/app/screens/authoring*.py)
    "app.edit.key.add_field": ("เพิ่มช่องข้อมูล", "Add a field"),
    "app.edit.key.remove_field": ("ลบช่องข้อมูล", "Remove the field"),
    "app.edit.delete.confirm": ("ลบ", "Delete"),
    "app.edit.delete.undo_hint": ("ลบแล้วกด u (เลิกทำ) เพื่อนำกลับมาได้", "u (undo) brings it back afterwards"),
    "app.edit.field.title": ("{label} · {item}", "{label} · {item}"),
    "app.edit.field.as_list": ("เป็นรายการ: บรรทัดละหนึ่งข้อ", "A list: one entry a line"),
    "app.edit.fields.title": ("ช่องข้อมูลของ {item}", "Detail fields of {item}"),
    "app.edit.fields.hint": (
        "enter แก้ไข · a เพิ่ม · x ลบ · escape ปิด · ทุกการแก้ไขเลิกทำได้ด้วย u",
        "enter edits · a adds · x removes · escape closes · u undoes any of them",
    ),
    "app.edit.fields.add": ("เพิ่มช่องข้อมูล", "Add a field"),
    "app.edit.fields.edit": ("แก้ไข", "Edit"),
    "app.edit.fields.other": ("ช่องข้อมูลอื่น (พิมพ์ชื่อช่อง)…", "Another field (type its key)…"),
    "app.edit.fields.key": ("ชื่อช่อง", "Key"),
    "app.edit.key.add_item": ("เพิ่มรายการ", "Add item"),
    "app.edit.key.add_section": ("เพิ่มหมวด", "Add section"),
    "app.edit.key.title": ("แก้ชื่อ", "Edit title"),
    "app.edit.key.fields": ("ช่องข้อมูล", "Detail fields"),
    "app.edit.key.delete": ("ลบ", "Delete"),
    "app.edit.key.move_up": ("ย้ายขึ้น", "Move up"),
    "app.edit.key.move_down": ("ย้ายลง", "Move down"),
    "app.edit.key.move_to": ("ย้ายไปหมวดอื่น", "Move to a section"),
    "app.edit.key.info": ("ข้อมูลรายการตรวจ", "Checklist info"),
    "app.edit.add.title": ("เพิ่มรายการ", "Add an item"),
    "app.edit.add.after": ("ต่อจาก {item}", "After {item}"),
    "app.edit.add.at_end": ("ท้ายหมวด {section}", "At the end of {section}"),
    "app.edit.add.ok": ("เพิ่ม", "Add"),
    "app.edit.add.from_table": ("ตัวชี้วัดจากตาราง…", "An indicator from the table…"),
    "app.edit.title_hint": ("พิมพ์ชื่อ", "type the title"),
    "app.edit.indicator.title": (
        "เพิ่มตัวชี้วัดจากตารางคะแนนปี {year}",
        "Add an indicator from the {year} scoring table",
    ),
    "app.edit.indicator.present": ("(มีแล้ว: {id})", "(already there: {id})"),
    "app.edit.section.add": ("เพิ่มหมวด", "Add a section"),
    "app.edit.section.no_group": (
        "— ไม่ใช่หมวดตัวชี้วัด (เช่น มาตรการ)",
        "— not an indicator section (e.g. measures)",
    ),
    "app.edit.title.section": ("ชื่อหมวด {section}", "Title of section {section}"),
    "app.edit.title.item": ("รหัสและชื่อของ {item}", "Id and title of {item}"),
    "app.edit.info.title": ("ข้อมูลรายการตรวจ", "About this checklist"),
    "app.edit.info.description": ("คำอธิบาย", "Description"),
    "app.edit.info.language_none": ("— ตามการตั้งค่าของโปรแกรม", "— as set in the app"),
    "app.edit.info.year_hint": ("พ.ศ. เช่น 2570 หรือ ๒๕๗๐", "Buddhist Era, e.g. 2570 or ๒๕๗๐"),
    "app.edit.delete.item_title": ("ลบรายการ", "Delete the item"),
    "app.edit.delete.item": (
        "ลบ {item} พร้อมช่องข้อมูลและหมายเหตุทั้งหมด?",
        "Delete {item} with all its fields and notes?",
    ),
    "app.edit.delete.section_title": ("ลบหมวด", "Delete the section"),
    "app.edit.delete.section": (
        "ลบหมวด «{section}»? หมวดนี้ไม่มีรายการ",
        "Delete the section «{section}»? It holds no items.",
    ),
    "app.edit.delete.section_items": (
        "ลบหมวด «{section}» พร้อมรายการทั้ง {count} รายการในหมวด?",
        "Delete the section «{section}» and the {count} items in it?",
    ),
    "app.edit.move.title": ("ย้าย {item} ไปท้ายหมวด…", "Move {item} to the end of…"),
    "app.edit.fields.exists": ("รายการนี้มีช่อง {key} อยู่แล้ว", "This item has a {key} field already"),
    "app.edit.fields.key_empty": ("กรุณาพิมพ์ชื่อช่อง", "Type the field's key"),
    # several edits made by one dialog, undone as one: "the organization · the fiscal year"
    "app.edit.joined": ("{first} · {rest}", "{first} · {rest}"),
    # the start screen: next year's checklist from last year's
    "app.start.key.next_year": ("ปีถัดไปจากรายการนี้", "Next year from this"),
    "app.start.next_year": ("ปีถัดไปจากรายการที่มีอยู่…", "Next year's checklist from one of these…"),
    "app.start.next_year_pick": ("สร้างรายการของปีถัดไปจาก…", "Next year's checklist from…"),
    "app.start.next_year_hint": (
        "ยกหมวด มาตรการ ตัวชี้วัด และแผนงานไปปีใหม่ ล้างสถานะ หมายเหตุ คะแนน และผลการดำเนินการ",
        "Carries the sections, measures, indicators and plans; resets statuses, notes, scores and results",
    ),
    "app.start.next_year_path": (
        "สร้างรายการปีถัดไปจาก {last} ที่ (enter เพื่อสร้าง):",
        "Create next year's checklist from {last} at (enter to create):",
    ),
    "app.start.next_year_no_year": (
        "{name} ไม่มีปีงบประมาณ: เปิดแล้วกด i ตั้งปีงบประมาณก่อน",
        "{name} has no fiscal year: open it and set one with i first",
    ),
    "app.start.next_year_none": (
        "ยังไม่พบรายการตรวจสอบที่อ่านได้ให้ใช้เป็นของปีที่แล้ว",
        "No checklist found yet to start next year's from",
    ),
    # the command palette's editing entries
    "app.cmd.add_item": ("เพิ่มรายการต่อจากรายการที่เลือก…", "Add an item after the selected one…"),
    "app.cmd.add_section": ("เพิ่มหมวด…", "Add a section…"),
    "app.cmd.add_indicator": ("เพิ่มตัวชี้วัดจากตารางคะแนนของปี…", "Add an indicator from the year's table…"),
    "app.cmd.edit_title": ("แก้ชื่อรายการหรือหมวดที่เลือก…", "Edit the selected item's or section's title…"),
    "app.cmd.edit_fields": ("แก้ช่องข้อมูลของรายการที่เลือก…", "Edit the selected item's detail fields…"),
    "app.cmd.delete": ("ลบรายการหรือหมวดที่เลือก…", "Delete the selected item or section…"),
    "app.cmd.move_up": ("ย้ายรายการหรือหมวดที่เลือกขึ้น", "Move the selected item or section up"),
    "app.cmd.move_down": ("ย้ายรายการหรือหมวดที่เลือกลง", "Move the selected item or section down"),
    "app.cmd.move_to": ("ย้ายรายการที่เลือกไปหมวดอื่น…", "Move the selected item to another section…"),
    "app.cmd.edit_info": (
        "แก้ข้อมูลรายการตรวจ: ชื่อ หน่วยงาน ปีงบประมาณ คำอธิบาย ภาษา…",
        "Edit the checklist's title, organization, fiscal year, description, language…",
    ),
    # the save-conflict dialog: both sides' values, then each dropped edit named
    "app.conflict.both_fields": ("ทั้งสองฝ่ายแก้ไขช่องเดียวกัน:", "Both sides changed these fields:"),
    "app.merge.what": ("ที่ทั้งสองฝ่ายแก้ไข", "Changed on both sides"),
    "app.merge.mine": ("ของคุณ", "Yours"),
    "app.merge.theirs": ("ในไฟล์ (ของผู้อื่น)", "In the file (theirs)"),
    "app.merge.empty": ("(ว่าง)", "(empty)"),
    "app.merge.title": ("รวมแล้ว: การแก้ไขที่ไม่ได้เก็บไว้", "Merged: edits that were not kept"),
    "app.merge.dropped_title": ("การแก้ไขของคุณที่ไม่ได้เก็บไว้:", "Your edits that were not kept:"),
    "app.merge.dropped": (
        "{what}: ของคุณ “{mine}” ไม่ได้เก็บไว้ ในไฟล์เป็น “{theirs}”",
        "{what}: yours, “{mine}”, not kept; the file has “{theirs}”",
    ),
    "app.merge.overwritten_title": ("การแก้ไขของผู้อื่นที่ถูกแทนด้วยของคุณ:", "Their edits replaced by yours:"),
    "app.merge.overwritten": (
        "{what}: ของผู้อื่น “{theirs}” ถูกแทนด้วยของคุณ “{mine}”",
        "{what}: theirs, “{theirs}”, replaced by yours, “{mine}”",
    ),
    "app.merge.offer_copy": (
        "บันทึกฉบับของคุณทั้งหมดเป็นไฟล์ใหม่ {name} ข้างไฟล์เดิมได้ เพื่อไม่ให้งานหาย",
        "Your whole version can be saved as a new file, {name}, beside it, so nothing is lost.",
    ),
    "app.merge.save_copy": ("บันทึกฉบับของฉันเป็น {name}", "Save my version as {name}"),
    "app.merge.copy_saved": ("บันทึกฉบับของคุณไว้ที่ {path} แล้ว", "Your version is saved as {path}"),
    "author.no_item": ("ไม่มีรายการรหัส {id}", "No item with id {id}"),
    "author.no_section": ("ไม่มีหมวดรหัส {id}", "No section with id {id}"),
    "author.id_empty": ("รหัสต้องไม่ว่าง", "An id must not be empty"),
    "author.id_malformed": (
        "ใช้ “{id}” เป็นรหัสไม่ได้: ห้ามมีช่องว่าง จุด เครื่องหมายคำพูด หรือ = [ ] {{ }} # ,",
        "“{id}” cannot be an id: no spaces, dots, quotes or = [ ] {{ }} # ,",
    ),
    "author.item_id_taken": ("มีรายการรหัส {id} อยู่แล้ว", "An item with id {id} already exists"),
    "author.section_id_taken": ("มีหมวดรหัส {id} อยู่แล้ว", "A section with id {id} already exists"),
    "author.title_empty": ("ชื่อต้องไม่ว่าง", "A title must not be empty"),
    "author.title_one_line": ("ชื่อต้องเป็นบรรทัดเดียว", "A title must be one line"),
    "author.year_bad": (
        "“{text}” ไม่ใช่ปีงบประมาณ พ.ศ. (เช่น 2570 หรือ ๒๕๗๐)",
        "“{text}” is not a Buddhist Era fiscal year (such as 2570 or ๒๕๗๐)",
    ),
    "author.year_common_era": (
        "{year} เป็นปี ค.ศ.: ปีงบประมาณเขียนเป็น พ.ศ. คือ {buddhist}",
        "{year} is a Common Era year: fiscal years are Buddhist Era, here {buddhist}",
    ),
    "author.language_bad": ("ภาษา “{text}” ใช้ไม่ได้ (th หรือ en)", "Unknown language “{text}” (th or en)"),
    "author.checklist_key_bad": (
        "แก้ “{key}” ไม่ได้ (แก้ได้: {keys})",
        "“{key}” cannot be set here (these can: {keys})",
    ),
    "author.group_bad": ("กลุ่ม “{group}” ใช้ไม่ได้ (ใช้ {groups})", "Unknown group “{group}” (use {groups})"),
    "author.field_key_bad": (
        "ใช้ “{key}” เป็นชื่อช่องไม่ได้: ห้ามว่าง ห้ามมีช่องว่าง จุด เครื่องหมายคำพูด หรือ = [ ] {{ }} # ,",
        "“{key}” cannot name a field: not empty, no spaces, dots, quotes or = [ ] {{ }} # ,",
    ),
    "author.field_reserved": (
        "“{key}” เป็นช่องหลักของรายการ แก้ด้วยคำสั่งของช่องนั้น",
        "“{key}” is a built-in key of an item; change it with its own command",
    ),
    "author.no_indicator": (
        "ไม่มีตัวชี้วัดที่ {number} ในตารางคะแนนปี {year}",
        "There is no indicator {number} in the {year} scoring table",
    ),
    "author.indicator_present": ("มีตัวชี้วัดที่ {number} แล้ว: {id}", "Indicator {number} is there already: {id}"),
    "author.last_indicator": (
        "ลบ {id} ไม่ได้: เป็นตัวชี้วัดสุดท้ายของ {group} ถ้าลบจะคำนวณคะแนน ITA ไม่ได้",
        "{id} is not removed: it is the last indicator of {group}, without it the ITA score "
        "cannot be computed",
    ),
    "author.last_indicator_section": (
        "ลบหมวด {id} ไม่ได้: มีตัวชี้วัดสุดท้ายของ {group} ถ้าลบจะคำนวณคะแนน ITA ไม่ได้",
        "Section {id} is not removed: it holds the last indicators of {group}, without them the "
        "ITA score cannot be computed",
    ),
    "author.did.add_item": ("เพิ่มรายการ {id}", "added item {id}"),
    "author.did.remove_item": ("ลบรายการ {id}", "removed item {id}"),
    "author.did.move_item": ("ย้ายรายการ {id}", "moved item {id}"),
    "author.did.item_title": ("ชื่อของ {id}", "title of {id}"),
    "author.did.rename_item": ("เปลี่ยนรหัส {old} เป็น {new}", "renamed {old} to {new}"),
    "author.did.field": ("{key} ของ {id}", "{key} of {id}"),
    "author.did.remove_field": ("ลบ {key} ของ {id}", "removed {key} of {id}"),
    "author.did.add_section": ("เพิ่มหมวด {id}", "added section {id}"),
    "author.did.remove_section": ("ลบหมวด {id}", "removed section {id}"),
    "author.did.move_section": ("ย้ายหมวด {id}", "moved section {id}"),
    "author.did.section_title": ("ชื่อหมวด {id}", "title of section {id}"),
    "author.did.checklist.title": ("ชื่อรายการตรวจ", "the checklist's title"),
    "author.did.checklist.organization": ("ชื่อหน่วยงาน", "the organization"),
    "author.did.checklist.fiscal_year": ("ปีงบประมาณ", "the fiscal year"),
    "author.did.checklist.description": ("คำอธิบาย", "the description"),
    "author.did.checklist.language": ("ภาษา", "the language"),
    "author.did.status": ("สถานะของ {id}", "status of {id}"),
    "author.did.notes": ("หมายเหตุของ {id}", "notes of {id}"),
    "author.did.score": ("คะแนนของ {id}", "score of {id}"),
    "author.did.due": ("กำหนดเสร็จของ {id}", "due date of {id}"),
    "cli.bundled": (
        "{path} เป็นแบบฟอร์มที่มากับ ita-tui ไม่แก้ไขโดยตรง: สร้างฉบับของคุณก่อนด้วย "
        "ita-tui new ชื่อไฟล์.toml --template {name}",
        "{path} is a template that ships with ita-tui and is not edited in place: make your own copy "
        "first with ita-tui new FILE.toml --template {name}",
    ),
    "cli.no_item": ("ไม่มีรายการรหัส {id}", "no item with id {id}"),
    "cli.no_section": ("ไม่มีหมวดรหัส {id}", "no section with id {id}"),
    "cli.did_you_mean": ("; หมายถึง {ids} หรือไม่", "; did you mean {ids}?"),
    "cli.ids_are": ("; รหัสที่มี: {ids}", "; ids are {ids}"),
    "cli.nothing_to_change": ("ไม่มีอะไรเปลี่ยน", "nothing to change"),
    "cli.saved": ("บันทึกแล้ว: {what}", "saved: {what}"),
    "cli.now": ("{id} อยู่{place}", "{id} is now {place}"),
    "cli.field_usage": (
        "--field ต้องเป็น KEY=VALUE (KEY= เพื่อลบ) ไม่ใช่ “{text}”",
        "--field takes KEY=VALUE (KEY= removes it), not “{text}”",
    ),
    "cli.add_needs_title": (
        "ita-tui add: ต้องระบุชื่อ (หรือ --indicator N)",
        "ita-tui add: give a TITLE (or --indicator N)",
    ),
    "cli.add_needs_section": (
        "ita-tui add: ไม่มีหมวดมาตรการ ระบุหมวดด้วย --to SECTION",
        "ita-tui add: there is no measures section; say where with --to SECTION",
    ),
    "cli.section_holds": (
        "หมวด {id} ยังมีรายการอยู่ {count} รายการ: ใส่ --force เพื่อลบพร้อมรายการทั้งหมด",
        "section {id} still holds items ({count}): give --force to remove it with them",
    ),
    "cli.to_is_for_items": (
        "--to ใช้กับรายการเท่านั้น",
        "--to moves items only; a section moves with --before/--after",
    ),
    "open.own_copy": (
        "{path} เป็นตัวอย่างที่มากับ ita-tui จึงเปิดฉบับของคุณเองแทน: {copy} (บันทึกลงไฟล์นี้)",
        "{path} ships with ita-tui, so your own copy is open instead: {copy} (saves go there)",
    ),
    "open.own_copy_again": (
        "{path} เป็นตัวอย่างที่มากับ ita-tui จึงเปิดฉบับของคุณที่ทำไว้แล้ว: {copy}",
        "{path} ships with ita-tui, so your own copy made earlier is open instead: {copy}",
    ),
    "new_from.created": (
        "สร้าง {out} จาก {last}: ปีงบประมาณ {year} (เดิม {old})",
        "created {out} from {last}: fiscal year {year} (was {old})",
    ),
    "new_from.carried": (
        "คงไว้: {sections} หมวด มาตรการ {measures} ตัวชี้วัด {indicators} ป้ายชื่อ และช่องแผนงาน: {fields}",
        "carried: {sections} sections, {measures} measures, {indicators} indicators, the labels, "
        "and the plan fields: {fields}",
    ),
    "new_from.reset": (
        "ล้างแล้ว: สถานะ {statuses} รายการกลับเป็นยังไม่ได้ดำเนินการ หมายเหตุ {notes} คะแนน {scores} "
        "เวลาแก้ไขล่าสุด {stamps} กำหนดเสร็จ {dues} ช่องผลการดำเนินการ: {results}",
        "reset: {statuses} statuses to not started, {notes} notes, {scores} scores, {stamps} 'updated' "
        "stamps, {dues} due dates, the result fields: {results}",
    ),
    "new_from.reset_head": ("ล้างของรายการตรวจ: {keys}", "reset in [checklist]: {keys}"),
    "new_from.moved": (
        "ปีในชื่อและข้อความที่ระบุปีเดิมเปลี่ยนเป็น {year}: {count} แห่ง",
        "the old year moved to {year} where titles and fields name it: {count} places",
    ),
    "new_from.previous": ('บันทึกที่มา: previous = "{previous}"', 'recorded: previous = "{previous}"'),
    "new_from.no_year": (
        "ไม่มี fiscal_year: ระบุปีงบประมาณใหม่ (--fiscal-year)",
        "it has no fiscal_year: give the new one (--fiscal-year)",
    ),
    # --- owners, due dates, what is left, the meeting view, comparing years (issue 13)
    "label.due": ("กำหนดเสร็จ", "Due"),
    "label.owner": ("ผู้รับผิดชอบ", "Owner"),
    "report.filter_owner": ("ผู้รับผิดชอบ {owners}", "owner {owners}"),
    "report.filter_due_within": ("ครบกำหนดภายใน {days} วัน", "due within {days} days"),
    "due.short.today": ("วันนี้", "today"),
    "due.short.tomorrow": ("พรุ่งนี้", "tomorrow"),
    "due.short.in_days": ("อีก {days} วัน", "in {days} days"),
    "app.filter.overdue": ("เลยกำหนด", "overdue"),
    "app.filter.due-soon": ("ครบกำหนดใน {days} วัน", "due within {days} days"),
    "app.key.due": ("กำหนดเสร็จ", "Due date"),
    "app.key.owner_filter": ("กรองผู้รับผิดชอบ", "Owner filter"),
    "app.key.what_is_left": ("งานค้าง", "What is left"),
    "app.due.title": ("กำหนดเสร็จ · {id}", "Due date · {id}"),
    "app.due.hint": (
        "เช่น 15/12/2569, 15 ธ.ค. 2569, 2026-12-15, +7 (อีก 7 วัน); เว้นว่างเพื่อลบกำหนด",
        "e.g. 15/12/2569, 15 ธ.ค. 2569, 2026-12-15, +7 (in 7 days); empty clears it",
    ),
    "app.due.clears": ("ไม่มีกำหนดเสร็จ", "no due date"),
    "app.owner.title": ("แสดงเฉพาะงานของ", "Show only the items of"),
    "app.owner.every": ("ทุกคน (ไม่กรอง)", "Everyone (no filter)"),
    "app.owner.none_named": (
        "ยังไม่มีรายการที่ระบุผู้รับผิดชอบ (ช่อง responsible)",
        "No item names an owner yet (the responsible field)",
    ),
    "app.sort.file": ("เรียงตามไฟล์", "in file order"),
    "app.sort.due": ("เรียงตามกำหนดเสร็จ", "by due date"),
    "app.sort.owner": ("เรียงตามผู้รับผิดชอบ", "by owner"),
    "app.cmd.sort": ("เรียงรายการ: {name}", "Sort items: {name}"),
    "app.cmd.owner_filter": ("กรองตามผู้รับผิดชอบ", "Filter by owner"),
    "app.cmd.owner_clear": ("เลิกกรองผู้รับผิดชอบ", "Clear the owner filter"),
    "app.cmd.what_is_left": ("งานค้าง: รายการที่ยังไม่เสร็จตามผู้รับผิดชอบ", "What is left: open items by owner"),
    "app.cmd.due": ("ตั้งกำหนดเสร็จของรายการนี้", "Set this item's due date"),
    "compare.up": ("เพิ่มขึ้น {amount}", "up {amount}"),
    "compare.down": ("ลดลง {amount}", "down {amount}"),
    "compare.same": ("เท่าเดิม", "the same"),
    "compare.loop": (
        "ปีก่อนหน้าวนกลับมาที่ {path}: หยุดตามต่อ",
        "the previous years loop back to {path}; stopped there",
    ),
    "compare.unreadable": ("อ่านไฟล์ปีก่อนหน้าไม่ได้: {error}", "cannot read the previous year: {error}"),
    "app.meeting.score": ("คะแนนที่ใช้", "The score that counts"),
    "app.meeting.source.computed": ("คำนวณจากคะแนนทุกตัวชี้วัด", "computed from every indicator's score"),
    "app.meeting.source.reported": ("ตามที่รายงาน", "as reported"),
    "app.meeting.source.none": ("ยังไม่มีคะแนน", "no score yet"),
    "app.meeting.not_computed": (
        "ยังคำนวณเองไม่ได้: ตัวชี้วัดที่ {numbers} ยังไม่มีคะแนน",
        "not computed yet: indicator {numbers} has no score",
    ),
    "app.meeting.since": ("เทียบกับปี {year}:", "since {year}:"),
    "app.meeting.compare": ("เทียบกับปี {last}", "Compared with {last}"),
    "app.meeting.left": ("งานค้าง {count} รายการ", "Still to do: {count}"),
    "app.meeting.more_below": ("อีก {count} รายการในหน้าถัดไป", "{count} more on the next pages"),
    "app.meeting.more_elsewhere": (
        "และอีก {count} รายการ: ดูทั้งหมดได้ที่ w งานค้าง",
        "and {count} more: w (What is left) lists them all",
    ),
    "app.meeting.continues": ("มีต่อในหน้าถัดไป", "continued on the next page"),
    "app.meeting.page": ("หน้า {page}/{pages}", "page {page}/{pages}"),
    "app.meeting.slides_on": (
        "เปลี่ยนหน้าเองทุก {seconds} วินาที (a หยุด)",
        "turning pages every {seconds} s (a stops)",
    ),
    "app.meeting.next": ("หน้าถัดไป", "Next page"),
    "app.meeting.previous": ("หน้าก่อน", "Previous page"),
    "app.meeting.slides": ("เปลี่ยนหน้าเอง", "Slides"),
    "app.left.continued": ("(ต่อ)", "(continued)"),
    "compare.title": ("เทียบคะแนนกับปีก่อน", "Scores compared with last year"),
    "compare.change": ("เปลี่ยนแปลง", "Change"),
    "compare.history": ("ย้อนหลัง {first}–{last}", "History {first}–{last}"),
    "compare.overall": ("คะแนนที่ใช้", "Score that counts"),
    "app.left.hint": ("enter ไปที่รายการ · esc กลับ", "enter goes to the item · esc back"),
    "app.left.go": ("ไปที่รายการ", "Go to item"),
    "owner.none": ("ยังไม่ระบุผู้รับผิดชอบ", "No owner named"),
    "owner.every_office": ("ทุกส่วนราชการ", "All offices"),
    "due.state.overdue": ("เลยกำหนด", "overdue"),
    "due.state.due-soon": ("ใกล้ครบกำหนด", "due soon"),
    "due.state.later": ("มีกำหนด", "due later"),
    "due.state.no-date": ("ไม่มีกำหนด", "no due date"),
    "due.overdue_one": ("เลยกำหนด 1 วัน", "1 day overdue"),
    "due.overdue_days": ("เลยกำหนด {days} วัน", "{days} days overdue"),
    "due.today": ("ครบกำหนดวันนี้", "due today"),
    "due.tomorrow": ("ครบกำหนดพรุ่งนี้", "due tomorrow"),
    "due.in_days": ("อีก {days} วัน", "in {days} days"),
    "error.date_empty": ("ยังไม่ได้ใส่วันที่", "a date is required, the text is empty"),
    "error.not_a_date": (
        "“{text}” ไม่ใช่วันที่ (เขียนเช่น 15/12/2569, 15 ธ.ค. 2569 หรือ 2026-12-15)",
        "“{text}” is not a date (write 15/12/2569, 15 ธ.ค. 2569 or 2026-12-15)",
    ),
    "error.date_no_such_day": ("“{text}”: ไม่มีวันนี้ในปฏิทิน", "“{text}”: there is no such day"),
    "error.date_short_year": (
        "“{text}”: เขียนปีให้เต็ม (2569 หรือ 2026)",
        "“{text}”: write the year in full (2569 or 2026)",
    ),
    "error.date_year_range": ("“{text}”: ปีไม่อยู่ในช่วงที่ใช้ได้", "“{text}”: the year is out of range"),
    "error.date_needs_year": ("“{text}”: ใส่ปีด้วย", "“{text}”: write the year too"),
    # --- email: the .eml message, the copy to the clipboard, the export dialog's choices (issue 14)
    "report.done_of_total": (
        "เสร็จ {done} จาก {total} รายการ ({percent})",
        "{done} of {total} items done ({percent})",
    ),
    "report.done_heading": ("เสร็จแล้ว {count} รายการ", "Done: {count}"),
    "report.left_none": ("ไม่มีรายการที่ยังไม่เสร็จ", "No items still to do"),
    "report.done_none": ("ยังไม่มีรายการที่เสร็จแล้ว", "No items done yet"),
    "report.left_none_filtered": (
        "ยังไม่เสร็จ: ไม่มีรายการที่ตรงกับตัวกรอง",
        "Still to do: no items match the filter",
    ),
    "report.done_none_filtered": ("เสร็จแล้ว: ไม่มีรายการที่ตรงกับตัวกรอง", "Done: no items match the filter"),
    "email.subject_owners": (
        "ITA{year}: {owners} ยังไม่เสร็จ {count} รายการ ณ {date}",
        "ITA{year}: what {owners} still owes ({count}), as of {date}",
    ),
    "report.left.heading": ("ยังไม่เสร็จ {count} รายการ", "Still to do: {count}"),
    "report.left.overdue_count": ("เลยกำหนด {count}", "{count} overdue"),
    "report.left.soon_count": ("ใกล้ครบกำหนด {count}", "{count} due soon"),
    "report.left.due": ("กำหนดเสร็จ {due}", "due {due}"),
    "report.left.one_item": ("{count} รายการ", "{count} item"),
    "report.left.shared_with": ("ร่วมกับ {owners}", "with {owners}"),
    "email.subject": (
        "ความคืบหน้า ITA{year}: {progress} ณ {date}",
        "ITA progress{year}: {progress} as of {date}",
    ),
    "email.subject_year": (" ปีงบประมาณ พ.ศ. {year}", " FY{year}"),
    "email.bad_address": ("{option}: “{value}” ไม่ใช่ที่อยู่อีเมล", "{option}: “{value}” is not an email address"),
    "email.non_ascii_address": (
        "{option}: “{value}”: ส่วนหน้า @ ต้องเป็นอักษรละติน",
        "{option}: “{value}”: the part before @ must be in Latin letters",
    ),
    "email.only_eml": ("{option} ใช้ได้กับ --format eml เท่านั้น", "{option} is for --format eml only"),
    "app.export.format.eml": (
        "ร่างอีเมล เปิดใน Outlook, Thunderbird, Apple Mail",
        "an email draft for Outlook, Thunderbird, Apple Mail",
    ),
    "app.export.field.format": ("รูปแบบ", "Format"),
    "app.export.field.items": ("รายการ", "Items"),
    "app.export.field.detail": ("รายละเอียด", "Detail"),
    "app.export.field.lang": ("ภาษา", "Language"),
    "app.export.field.folder": ("โฟลเดอร์", "Folder"),
    "app.export.items.all": ("ทุกรายการ", "All items"),
    "app.export.items.open": ("เฉพาะที่ยังไม่เสร็จ", "Open items only"),
    "app.export.items.owner": ("ผู้รับผิดชอบ: {owner}", "Owner: {owner}"),
    "app.export.detail.brief": ("ย่อ", "Brief"),
    "app.export.detail.full": ("ครบทุกช่อง", "Full, every field"),
    "app.export.lang.th": ("ภาษาไทย", "Thai (ภาษาไทย)"),
    "app.export.lang.en": ("ภาษาอังกฤษ (English)", "English"),
    "app.export.write": ("ส่งออก", "Export"),
    "app.export.keys": (
        "Tab ไปช่องถัดไป · Enter เปิดรายการให้เลือก · Esc ยกเลิก",
        "Tab: next field · Enter: open a list · Esc: cancel",
    ),
    "app.key.copy_summary": ("คัดลอกสรุปสำหรับอีเมล", "Copy the email summary"),
    "app.copy.done": (
        "คัดลอกสรุปสำหรับอีเมลแล้ว {lines} บรรทัด ({what}) {how}",
        "Copied the email summary, {lines} lines ({what}), {how}",
    ),
    "app.copy.by_tool": (
        "ผ่าน {tool} และเทอร์มินัล วางในอีเมลได้เลย",
        "via {tool} and the terminal: paste it into your email",
    ),
    "app.copy.by_terminal": (
        "ผ่านเทอร์มินัล (OSC 52) ถ้าวางไม่ได้ ให้กด e ส่งออกเป็นไฟล์แทน",
        "via the terminal (OSC 52): if it does not paste, press e to export a file",
    ),
    "app.copy.tool_failed": ("ผ่านเทอร์มินัลเท่านั้น: {problem}", "via the terminal only: {problem}"),
    "clipboard.timeout": ("{tool} ไม่ตอบภายใน {seconds} วินาที", "{tool} did not answer in {seconds} s"),
    "clipboard.failed": ("{tool} ทำงานไม่สำเร็จ (รหัส {status})", "{tool} failed (exit status {status})"),
    "clipboard.cannot_start": ("เรียก {tool} ไม่ได้: {error}", "cannot run {tool}: {error}"),
    # --- office documents: docx and xlsx, their import (issue 15)
    "office.measure": ("มาตรการ/กิจกรรม", "Measure"),
    "office.number": ("ลำดับ", "No."),
    "office.page": ("หน้า {page} จาก {pages}", "Page {page} of {pages}"),
    "office.summary": ("สรุป", "Summary"),
    "office.group_scores": ("คะแนนรายเครื่องมือ", "Scores by tool"),
    "office.counting_score": ("คะแนนที่ใช้", "Score that counts"),
    "office.percent_done": ("ร้อยละที่เสร็จ", "Percent done"),
    "office.count": ("จำนวน", "Items"),
    "office.reported": ("ตามที่รายงาน", "as reported"),
    "office.computed": ("คำนวณจากคะแนนตัวชี้วัด", "computed from the indicators' scores"),
    "office.sheet_note": (
        "เลือกสถานะจากรายการ · คะแนน 0–100 · สรุปนับสถานะใหม่ทุกครั้งที่แก้",
        "Pick a status from the list · scores 0–100 · the summary recounts on every change",
    ),
    "office.status_error": ("เลือกสถานะจากรายการ: {names}", "Pick a status from the list: {names}"),
    "office.score_error": ("คะแนนเป็นตัวเลข 0 ถึง 100", "A score is a number from 0 to 100"),
    "app.export.format.docx": ("รายงาน Word แบบที่หน่วยงานเผยแพร่", "the report agencies publish, in Word"),
    "app.export.format.xlsx": ("สมุดงาน Excel หนึ่งแผ่นต่อหมวด", "an Excel workbook, one sheet a section"),
    # --- platforms: locks, shared folders, files held open by another program (issue 16)
    "fs.not_regular": (
        "{path}: ไม่ใช่ไฟล์ธรรมดา แต่เป็น{kind} จึงไม่อ่านและไม่บันทึก",
        "{path}: not a regular file but {kind}; it is neither read nor written",
    ),
    "fs.kind.fifo": ("ท่อส่งข้อมูล (FIFO)", "a named pipe (FIFO)"),
    "fs.kind.device": ("อุปกรณ์", "a device"),
    "fs.kind.socket": ("ซ็อกเก็ต", "a socket"),
    "fs.kind.other": ("ไฟล์ชนิดพิเศษ", "a special file"),
    "fs.in_use_save": (
        "{path}: บันทึกไม่ได้ เพราะโปรแกรมอื่นเปิดไฟล์นี้อยู่ ปิดไฟล์ในโปรแกรมนั้นแล้วบันทึกอีกครั้ง; การแก้ไขยังไม่ได้บันทึก",
        "{path}: cannot save: another program has the file open; close it there and save again;"
        " the changes are not saved",
    ),
    "fs.in_use_read": (
        "{path}: อ่านไม่ได้ เพราะโปรแกรมอื่นเปิดไฟล์นี้อยู่ ปิดไฟล์ในโปรแกรมนั้นแล้วลองอีกครั้ง",
        "{path}: cannot read: another program has the file open; close it there and try again",
    ),
    "fs.lock_busy": (
        "{path}: บันทึกไม่ได้ เพราะเครื่อง {host} (โปรเซส {pid}) กำลังบันทึกไฟล์นี้อยู่ตั้งแต่ {since}"
        " ลองอีกครั้งภายหลัง; การแก้ไขยังไม่ได้บันทึก",
        "{path}: cannot save: {host} (process {pid}) has been saving it since {since}; try again later;"
        " the changes are not saved",
    ),
    "fs.bad_argument": (
        "{argument}: ไม่ใช่ข้อความ UTF-8 (ไบต์ 0x{byte} ที่ตัวอักษรที่ {position}) พิมพ์ใหม่หรือแปลงเป็น UTF-8",
        "{argument}: not valid UTF-8 text (byte 0x{byte} at character {position}); retype it or convert it"
        " to UTF-8",
    ),
    "fs.onto_input": (
        "{path}: คือไฟล์ต้นฉบับ {input} เอง จึงไม่เขียนทับ เลือกชื่อไฟล์อื่น",
        "{path}: is the input {input} itself; not overwritten (choose another name)",
    ),
    # --- the command line in the interface language: argparse, suggestions, help (issue 18)
    # argparse's own words (ita_tui/cli_parser.py ARGPARSE_KEYS): they keep argparse's
    # %-placeholders, which argparse fills in after translating.
    "cli.argparse.usage": ("วิธีใช้: ", "usage: "),
    "cli.argparse.positionals": ("อาร์กิวเมนต์", "arguments"),
    "cli.argparse.options": ("ตัวเลือก", "options"),
    "cli.argparse.help": ("แสดงคำอธิบายนี้แล้วจบ", "show this help and exit"),
    "cli.argparse.argument": ("%(argument_name)s: %(message)s", "argument %(argument_name)s: %(message)s"),
    "cli.argparse.unrecognized": ("ไม่รู้จักอาร์กิวเมนต์ %s", "unrecognized arguments: %s"),
    "cli.argparse.required": ("ต้องระบุ %s", "the following arguments are required: %s"),
    "cli.argparse.expected_one": ("ต้องมีค่าตามหลังหนึ่งค่า", "expected one argument"),
    "cli.argparse.expected_at_most_one": ("มีค่าตามหลังได้ไม่เกินหนึ่งค่า", "expected at most one argument"),
    "cli.argparse.expected_at_least_one": ("ต้องมีค่าตามหลังอย่างน้อยหนึ่งค่า", "expected at least one argument"),
    "cli.argparse.expected_n": ("ต้องมีค่าตามหลัง %s ค่า", "expected %s arguments"),
    "cli.argparse.ambiguous": (
        "ตัวเลือก %(option)s กำกวม อาจหมายถึง %(matches)s",
        "ambiguous option: %(option)s could match %(matches)s",
    ),
    "cli.argparse.not_allowed_with": ("ใช้ร่วมกับ %s ไม่ได้", "not allowed with argument %s"),
    "cli.argparse.ignored_value": ("ตัวเลือกนี้ไม่รับค่า จึงไม่ใช้ %r", "ignored explicit argument %r"),
    "cli.argparse.one_of_required": ("ต้องระบุอย่างใดอย่างหนึ่งใน %s", "one of the arguments %s is required"),
    "cli.argparse.invalid_choice": (
        "ใช้ %(value)r ไม่ได้ (เลือกจาก %(choices)s)",
        "invalid choice: %(value)r (choose from %(choices)s)",
    ),
    "cli.argparse.invalid_value": ("ใช้ค่า %(value)r ไม่ได้", "invalid value: %(value)r"),
    "cli.argparse.unexpected_option": ("ไม่ได้คาดว่าจะมีตัวเลือก %s", "unexpected option string: %s"),
    "cli.argparse.error": ("%(prog)s: ผิดพลาด: %(message)s\n", "%(prog)s: error: %(message)s\n"),
    "cli.argparse.warning": ("%(prog)s: คำเตือน: %(message)s\n", "%(prog)s: warning: %(message)s\n"),
    "cli.argparse.deprecated_option": ("ตัวเลือก '%(option)s' เลิกใช้แล้ว", "option '%(option)s' is deprecated"),
    "cli.argparse.deprecated_argument": (
        "อาร์กิวเมนต์ '%(argument_name)s' เลิกใช้แล้ว",
        "argument '%(argument_name)s' is deprecated",
    ),
    # ita-tui --help, and what every command shares
    "cli.main.description": (
        "ติดตามรายการตรวจสอบ ITA ของหน่วยงาน (มาตรการและตัวชี้วัด) ในเทอร์มินัล "
        "เปิดไฟล์ FILE หรือหน้าเริ่มต้นเมื่อไม่ระบุไฟล์ หรือใช้คำสั่งด้านล่าง",
        "Track a Thai public agency's ITA checklist (measures and indicators) in the terminal: "
        "open FILE (or, without one, the start screen), or run one of the commands below.",
    ),
    "cli.main.usage_command": ("%(prog)s COMMAND ... ({commands})", "%(prog)s COMMAND ... ({commands})"),
    "cli.main.file": ("รายการตรวจสอบที่จะเปิด (ไม่ระบุ: หน้าเริ่มต้น)", "checklist to open (none: the start screen)"),
    "cli.main.commands": ("คำสั่ง:", "commands:"),
    "cli.main.more_help": (
        "ดูวิธีใช้ของแต่ละคำสั่งด้วย ita-tui COMMAND --help",
        "Run 'ita-tui COMMAND --help' for each.",
    ),
    "cli.version_help": ("แสดงรุ่นของโปรแกรมแล้วจบ", "show the version and exit"),
    "cli.lang_help": (
        "ภาษาของข้อความ: th หรือ en (ค่าปริยาย: ภาษาของรายการตรวจสอบ ไม่เช่นนั้นตามภาษาของระบบ) "
        "ใส่ได้ทุกตำแหน่งในบรรทัดคำสั่ง",
        "language of messages and labels: th or en (default: the checklist's, else the system's); "
        "accepted anywhere on the line",
    ),
    "cli.file_help": ("ไฟล์รายการตรวจสอบ (.toml)", "the checklist file (.toml)"),
    "cli.force_help": ("เขียนทับ OUT ถ้ามีไฟล์อยู่แล้ว", "overwrite OUT if it exists"),
    "cli.status_filter": (
        "แสดงเฉพาะรายการที่มีสถานะเหล่านี้: not-started, in-progress, done (ใช้ชื่อภาษาไทยได้) "
        "หรือ open (ยังไม่เสร็จ) หรือ all",
        "only items with these statuses: not-started, in-progress, done (Thai names work), "
        "or open (not done) or all",
    ),
    "cli.full": ("รวมรายละเอียดทุกช่อง", "include every detail field"),
    "cli.thai_digits": (
        "เขียนตัวเลขและวันที่เป็นเลขไทย (๐-๙) เมื่อเป็นภาษาไทย",
        "write numbers and dates with Thai digits (๐-๙) in Thai",
    ),
    "cli.usage_error": ("{prog}: {message} (ดู --help)", "{prog}: {message} (see --help)"),
    "cli.internal_error": (
        "ita-tui: ข้อผิดพลาดภายใน: {error} (ตั้ง ITA_TUI_DEBUG=1 เพื่อดูรายละเอียด)",
        "ita-tui: internal error: {error} (set ITA_TUI_DEBUG=1 for details)",
    ),
    "cli.bad_lang": (
        "--lang: ไม่รู้จักภาษา “{text}” (ใช้ th หรือ en)",
        "--lang: unknown language “{text}” (use th or en)",
    ),
    "cli.not_a_command_near": (
        "ita-tui: “{word}” ไม่ใช่คำสั่งและไม่มีไฟล์ชื่อนี้ หมายถึง {near} หรือไม่",
        "ita-tui: '{word}' is neither a command nor a file; did you mean {near}?",
    ),
    "cli.not_a_command": (
        "ita-tui: “{word}” ไม่ใช่คำสั่ง (คำสั่งมี {commands}) และเปิดได้ครั้งละหนึ่งไฟล์",
        "ita-tui: '{word}' is not a command (commands: {commands}), and the app opens one FILE",
    ),
    "cli.at_least": ("ต้องไม่น้อยกว่า {minimum}", "at least {minimum}"),
    "cli.width_too_small": ("--width: ต้องกว้างอย่างน้อย {minimum} ช่อง", "--width: at least {minimum} cells"),
    "cli.option_error": ("{option}: {message}", "{option}: {message}"),
    "cli.unknown_status": (
        "--status: ไม่รู้จักสถานะ “{text}” (ใช้ {known})",
        "--status: unknown status '{text}' (use one of {known})",
    ),
    "cli.no_status": ("--status: ระบุสถานะอย่างน้อยหนึ่งสถานะ", "--status: name at least one status"),
    "cli.exists": (
        "{path}: มีไฟล์นี้อยู่แล้ว (ใช้ --force เพื่อเขียนทับ)",
        "{path}: already exists (use --force to overwrite it)",
    ),
    "cli.is_a_folder": (
        "{path}: เป็นโฟลเดอร์ โปรดระบุชื่อไฟล์ เช่น {example}",
        "{path}: is a folder; give a file name such as {example}",
    ),
    "cli.no_folder": ("{path}: ไม่มีโฟลเดอร์ {folder}", "{path}: folder {folder} does not exist"),
    "cli.cannot_write": ("{path}: เขียนไม่ได้: {reason}", "{path}: cannot write: {reason}"),
    "cli.cannot_create_folder": (
        "{path}: สร้างโฟลเดอร์ไม่ได้: {reason}",
        "{path}: cannot create the folder: {reason}",
    ),
    # the commands: SUMMARY (their line in ita-tui --help), HELP (their --help) and arguments
    "cli.new.summary": ("สร้างรายการตรวจสอบใหม่จากแม่แบบ", "create a checklist from a bundled template"),
    "cli.new.help": (
        "สร้างไฟล์รายการตรวจสอบใหม่จากแม่แบบที่มากับโปรแกรม (ค่าปริยาย: รายการปีงบประมาณ 2566) หรือด้วย "
        "--from LAST.toml สร้างของปีหน้าจากของปีนี้: หมวด รายการ หัวข้อ และช่องแผนงานเหมือนเดิม ปีงบประมาณ +1 "
        "ทุกรายการกลับเป็นยังไม่ได้ดำเนินการ ล้างหมายเหตุ คะแนน และผลการดำเนินการ",
        "Create a new checklist file from a bundled template (default: the FY2566 checklist), or with "
        "--from LAST.toml next year's from last year's: the same sections, items, labels and plan fields, "
        "the fiscal year +1, every status not started, notes, scores and results cleared.",
    ),
    "cli.new.from": (
        "รายการตรวจสอบของปีก่อน: OUT จะเป็นของปีถัดไป (ดู docs/format.md หัวข้อ 'A new year')",
        "last year's checklist: OUT becomes next year's (see docs/format.md, 'A new year')",
    ),
    "cli.new.fiscal_year": (
        "ใช้กับ --from: ปีงบประมาณใหม่ (ค่าปริยาย: ปีของ LAST + 1; ใช้เลขไทยได้)",
        "with --from: the new fiscal year (default: LAST's + 1; Thai digits work)",
    ),
    "cli.new.from_and_template": (
        "ita-tui new: ใช้ --from กับ --template พร้อมกันไม่ได้",
        "ita-tui new: --from and --template exclude each other",
    ),
    "cli.new.year_without_from": (
        "ita-tui new: --fiscal-year ใช้คู่กับ --from",
        "ita-tui new: --fiscal-year goes with --from",
    ),
    "cli.new.out": ("ไฟล์ที่จะสร้าง", "the file to create"),
    "cli.new.template": ("ชื่อแม่แบบ (ดู --list)", "template name (see --list)"),
    "cli.new.list": ("แสดงรายชื่อแม่แบบ", "list the bundled templates"),
    "cli.new.default": ("(ค่าปริยาย)", "(default)"),
    "cli.new.no_out": (
        "ita-tui new: ระบุไฟล์ที่จะสร้าง (หรือ --list)",
        "ita-tui new: give the file to create (or --list)",
    ),
    "cli.new.no_template": (
        "ita-tui new: ไม่มีแม่แบบ “{name}” (แม่แบบที่มี: {names})",
        "ita-tui new: no template '{name}' (templates: {names})",
    ),
    "cli.new.created": ("สร้าง {path} จากแม่แบบ {template} แล้ว", "created {path} from template {template}"),
    "cli.validate.summary": ("ตรวจไฟล์รายการตรวจสอบ", "check checklist files"),
    "cli.validate.help": (
        "ตรวจไฟล์รายการตรวจสอบและแสดงทุกปัญหา ปัญหาละหนึ่งบรรทัด (จบด้วย 0 เมื่อไม่มีปัญหา 1 เมื่อมีปัญหา 2 เมื่ออ่านไฟล์ไม่ได้)",
        "Check checklist files and print every problem, one line each "
        "(exit 0 clean, 1 problems, 2 unreadable).",
    ),
    "cli.validate.files": ("ไฟล์รายการตรวจสอบที่จะตรวจ", "checklist files to check"),
    "cli.validate.quiet": ("แสดงเฉพาะปัญหา", "print only problems"),
    "cli.validate.ok": ("{file}: ใช้ได้ ({count} รายการ)", "{file}: ok ({count} items)"),
    "cli.validate.ok_warnings": (
        "{file}: ใช้ได้ ({count} รายการ คำเตือน {warnings} ข้อ)",
        "{file}: ok ({count} items, {warnings} warning(s))",
    ),
    "cli.set.summary": (
        "เปลี่ยนสถานะ หมายเหตุ คะแนน หรือวันครบกำหนดของรายการหนึ่ง",
        "change one item's status, note, score or due date",
    ),
    "cli.set.help": (
        "เปลี่ยนสถานะ หมายเหตุ คะแนน หรือวันครบกำหนดของรายการหนึ่งแล้วบันทึก (เปลี่ยนเฉพาะบรรทัดของรายการนั้น "
        "และเมื่อมีการเปลี่ยนจริงจะเขียน 'updated' ด้วย)",
        "Change one item's status, note, score or due date and save (only that item's lines change; "
        "a real change also writes 'updated').",
    ),
    "cli.set.id": (
        "รหัสของรายการ เช่น I3 หรือ M1 (หรือรหัสหมวด) ไม่ระบุเมื่อแก้ช่องของรายการตรวจสอบเอง",
        "the item's id, e.g. I3 or M1 (or a section's id); none for the checklist's own fields",
    ),
    "cli.set.title": (
        "ชื่อของรายการ ของหมวด หรือ (เมื่อไม่ระบุ ID) ของรายการตรวจสอบ",
        "the item's, section's or (without ID) checklist's title",
    ),
    "cli.set.rename": ("เปลี่ยนรหัสของรายการเป็น NEW_ID", "give the item a new id"),
    "cli.set.field": ("ตั้งค่าช่องรายละเอียด", "set a detail field"),
    "cli.set.organization": ("หน่วยงานของรายการตรวจสอบ (ไม่ระบุ ID)", "the checklist's organization (no ID)"),
    "cli.set.fiscal_year": (
        "ปีงบประมาณของรายการตรวจสอบ เป็นปีพุทธศักราช: 2570 หรือ ๒๕๗๐ (ไม่ระบุ ID)",
        "the checklist's fiscal year, Buddhist Era: 2570 or ๒๕๗๐ (no ID)",
    ),
    "cli.set.description": ("คำอธิบายของรายการตรวจสอบ (ไม่ระบุ ID)", "the checklist's description (no ID)"),
    "cli.set.language": (
        "ภาษาของรายการตรวจสอบ ใส่ '' เพื่อลบ (ไม่ระบุ ID)",
        "the checklist's language; '' removes it (no ID)",
    ),
    "cli.set.needs_id": (
        "ita-tui set: --status, --note, --score, --due, --rename และ --field ต้องระบุ ID",
        "ita-tui set: --status, --note, --score, --due, --rename and --field need an ID",
    ),
    "cli.set.nothing_at_all": (
        "ita-tui set: ไม่มีอะไรให้เปลี่ยน (ระบุ ID กับ --status, --note, --score, --due, --title, --rename "
        "หรือ --field หรือสำหรับรายการตรวจสอบเอง --title, --organization, --fiscal-year, --description "
        "หรือ --language)",
        "ita-tui set: nothing to change (give ID with --status, --note, --score, --due, --title, "
        "--rename or --field; or, for the checklist, --title, --organization, --fiscal-year, "
        "--description or --language)",
    ),
    "cli.set.no_id_for": (
        "ita-tui set: {option} แก้ช่องของรายการตรวจสอบเอง ไม่ต้องระบุ ID",
        "ita-tui set: {option} sets the checklist's own field: give no ID",
    ),
    "cli.set.section_title_only": (
        "ita-tui set: {id} เป็นหมวด ใช้ได้เฉพาะ --title",
        "ita-tui set: {id} is a section: only --title applies",
    ),
    "cli.field_help": (
        "{what} (ใส่ซ้ำได้) KEY= คือลบ ค่าที่มี {bar} เป็นรายการ คั่นแต่ละข้อด้วย {bar}: "
        "'responsible=กองคลัง{bar}กองช่าง' (เขียน \\{bar} เพื่อให้เป็นเครื่องหมาย {bar})",
        "{what} (repeatable); KEY= removes it; a value with {bar} is a list, one entry a part: "
        "'responsible=กองคลัง{bar}กองช่าง' (\\{bar} for a bar)",
    ),
    "cli.add.summary": ("เพิ่มรายการ หมวด หรือตัวชี้วัด", "add an item, a section or an indicator"),
    "cli.add.help": (
        "เพิ่มรายการ (ในหมวดมาตรการ หรือ --to SECTION หรือ --after ITEM) หมวด (--section) "
        "หรือตัวชี้วัดที่ N ตามเกณฑ์ทางการของปี (--indicator N) แล้วบันทึก",
        "Add an item (to the measures section, or --to SECTION, or --after ITEM), a section (--section), "
        "or indicator N of the year's official table (--indicator N), and save.",
    ),
    "cli.add.title": ("ชื่อของรายการ (หรือหมวด) ใหม่", "the new item's (or section's) title"),
    "cli.add.to": ("หมวดที่จะเพิ่มรายการ (ต่อท้าย)", "the section to add the item to (at its end)"),
    "cli.add.after": (
        "วางต่อจากรายการนี้ (หรือ เมื่อใช้ --section ต่อจากหมวดนี้)",
        "put it right after this item (or, with --section, this section)",
    ),
    "cli.add.id": (
        "รหัสของรายการ (ค่าปริยาย: รหัสถัดไปที่ว่าง เช่น M7)",
        "its id (default: the next free one, e.g. M7)",
    ),
    "cli.add.field": ("ช่องรายละเอียดของรายการใหม่", "a detail field of the new item"),
    "cli.add.section": ("เพิ่มหมวดชื่อ TITLE แทนรายการ", "add a section titled TITLE instead of an item"),
    "cli.add.group": ("ใช้กับ --section: เครื่องมือการประเมินของหมวด", "with --section: its ITA group"),
    "cli.add.indicator": (
        "เพิ่มตัวชี้วัดที่ N (1-10) พร้อมชื่อทางการ",
        "add indicator N (1-10) with its official title",
    ),
    "cli.remove.summary": ("ลบรายการหรือหมวด", "remove an item or a section"),
    "cli.remove.help": (
        "ลบรายการ (บล็อกของรายการและหมายเหตุด้านบนออกจากไฟล์) หรือหมวดพร้อมรายการในหมวด "
        "(ต้องใช้ --force เมื่อหมวดยังมีรายการ หรือเมื่อจะทำให้เครื่องมือการประเมินไม่มีตัวชี้วัด) แล้วบันทึก",
        "Remove an item (its block and the comments above it leave the file), or a section with its "
        "items (--force when it still holds items, or when it would leave an ITA group without "
        "indicators), and save.",
    ),
    "cli.remove.id": ("รหัสของรายการ (หรือหมวด)", "the item's id (or a section's id)"),
    "cli.remove.force": (
        "ลบหมวดที่ยังมีรายการ หรือตัวชี้วัดตัวสุดท้ายของเครื่องมือการประเมิน",
        "remove a section that still holds items, or the last indicator of an ITA group",
    ),
    "cli.move.summary": ("ย้ายรายการหรือหมวด", "move an item or a section"),
    "cli.move.help": (
        "ย้ายรายการไปก่อนหรือหลังรายการอื่น ไปท้ายหมวดอื่น (--to) หรือขึ้นลงหนึ่งตำแหน่ง หรือย้ายหมวด "
        "(ID เป็นรหัสหมวด) ไปก่อนหรือหลังหมวดอื่น ขึ้นหรือลง บล็อกในไฟล์ย้ายไปพร้อมหมายเหตุ",
        "Move an item before or after another item, to the end of another section (--to), or one place "
        "up or down; or move a section (ID a section's id) before or after another, up or down. "
        "Its block moves in the file with its comments.",
    ),
    "cli.move.id": ("รหัสของรายการ (หรือหมวด)", "the item's (or section's) id"),
    "cli.move.before": ("ไปไว้ก่อนรายการ (หรือหมวด) นี้", "right before this item (or section)"),
    "cli.move.after": ("ไปไว้หลังรายการ (หรือหมวด) นี้", "right after this item (or section)"),
    "cli.move.to": ("ไปท้ายหมวดนี้ (เฉพาะรายการ)", "to the end of this section (items only)"),
    "cli.move.up": ("ขึ้นหนึ่งตำแหน่ง", "one place up"),
    "cli.move.down": ("ลงหนึ่งตำแหน่ง", "one place down"),
    "cli.set.status": (
        "not-started, in-progress หรือ done (ใช้ชื่อภาษาไทยได้ เช่น ดำเนินการแล้วเสร็จ)",
        "not-started, in-progress or done (Thai names work too: ดำเนินการแล้วเสร็จ ...)",
    ),
    "cli.set.note": ("แทนที่หมายเหตุของรายการด้วย TEXT", "replace the item's notes with TEXT"),
    "cli.set.score": (
        "คะแนนของตัวชี้วัด 0-100 (ใช้เลขไทยได้) ใส่ none เพื่อลบ",
        "the indicator's score, 0-100 (Thai digits work); 'none' clears it",
    ),
    "cli.set.nothing_given": (
        "ita-tui set: ไม่มีอะไรให้เปลี่ยน (ระบุ --status, --note, --score, --due, --title, --rename หรือ --field)",
        "ita-tui set: nothing to change "
        "(give --status, --note, --score, --due, --title, --rename or --field)",
    ),
    "cli.set.due": (
        "วันครบกำหนด: 15/12/2569, '15 ธ.ค. 2569', 2026-12-15 หรือ +7 (นับจากวันนี้) ใส่ '' เพื่อลบ",
        "the due date: 15/12/2569, '15 ธ.ค. 2569', 2026-12-15, +7 (days from today); '' clears it",
    ),
    "cli.set.score_range": ("--score: {score} อยู่นอกช่วง 0-100", "--score: {score} is outside 0-100"),
    "cli.set.unknown_id_near": (
        "{file}: ไม่มีรายการรหัส “{id}” หมายถึง {near} หรือไม่",
        "{file}: no item with id '{id}'; did you mean {near}?",
    ),
    "cli.set.unknown_id": (
        "{file}: ไม่มีรายการรหัส “{id}” รหัสที่มี: {ids}",
        "{file}: no item with id '{id}'; ids are {ids}",
    ),
    "cli.set.unchanged": ("{id}: ไม่มีอะไรเปลี่ยน", "{id}: nothing to change"),
    "cli.set.saved": ("{id}: บันทึกแล้ว ({status})", "{id}: saved ({status})"),
    "cli.show.summary": ("แสดงสรุปของรายการตรวจสอบ", "print a summary of a checklist"),
    "cli.show.help": (
        "แสดงสรุปของรายการตรวจสอบ: ความคืบหน้าทั้งหมดและรายหมวด และแต่ละรายการพร้อมสถานะ คะแนน และหมายเหตุ",
        "Print a summary of a checklist: progress overall and per section, "
        "each item with its status, score and note.",
    ),
    "cli.show.width": (
        "ความกว้างเป็นจำนวนช่อง (ค่าปริยาย: ความกว้างของเทอร์มินัล)",
        "width in cells (default: the terminal's)",
    ),
    "cli.export.summary": (
        "เขียนรายงานหรือสรุปเป็นไฟล์ (Word, Excel, อีเมล, ข้อความ, Markdown, HTML, ภาพ, CSV, JSON)",
        "write the report or a summary to a file (Word, Excel, email, text, Markdown, HTML, CSV, JSON, …)",
    ),
    "cli.export.help": (
        "เขียนสรุปของรายการตรวจสอบ ถ้าไม่ระบุ -o จะเขียนลง ./exports/<ไฟล์>-<วันที่>.<นามสกุล> โดยไม่เขียนทับไฟล์เดิม",
        "Write a summary of a checklist. Without -o it goes to ./exports/<file>-<date>.<ext>, "
        "never overwriting an earlier one.",
    ),
    "cli.export.format": ("{formats} (ค่าปริยาย: text)", "{formats} (default: text)"),
    "cli.export.width": (
        "ความกว้างเป็นจำนวนช่อง: text ตัดบรรทัดตามนี้ (ค่าปริยาย 72; 0 คือไม่ตัด แต่ละย่อหน้าอยู่บรรทัดเดียว "
        "เหมือน eml) svg และ ansi จัดหน้าตามนี้ (ค่าปริยาย 100)",
        "line width in cells: text wraps to it (default 72; 0 leaves each paragraph on one line, "
        "as eml does), svg and ansi lay out to it (default 100)",
    ),
    "cli.export.output": (
        "ไฟล์ที่จะเขียน (- คือเขียนออกทางหน้าจอ) ไฟล์อุปกรณ์อย่าง /dev/null เขียนได้เสมอ",
        "where to write ('-' for standard output); a device such as /dev/null is written into",
    ),
    "cli.score.summary": ("คำนวณคะแนน ITA", "compute the ITA score"),
    "cli.score.help": (
        "คำนวณคะแนน ITA ของรายการตรวจสอบ: คะแนนรายตัวชี้วัดและรายเครื่องมือ คะแนนภาพรวม ระดับ "
        "คะแนนที่ตัวชี้วัดที่ขาดควรได้ และถ้าเพิ่มคะแนน",
        "Compute the ITA score of a checklist: groups, overall, band, the score a missing indicator "
        "implies, and what-if raises.",
    ),
    "cli.score.json": (
        "แสดงผลเป็น JSON (ระดับที่คำนวณอยู่ที่ 'band')",
        "print the score as JSON (the computed band under 'band')",
    ),
    "cli.import.summary": ("อ่านรายงานของปีก่อนเป็นรายการตรวจสอบ", "read last year's report into a checklist"),
    "cli.import.help": (
        "อ่านรายงาน ITA (Word .docx, Excel .xlsx หรือตาราง Markdown หรือ HTML) แล้วเขียนเป็นรายการตรวจสอบ "
        "จบด้วย 0 เมื่อเรียบร้อย 1 เมื่อข้ามแถวหรือมีสิ่งที่กำกวม 2 เมื่ออ่านรายงานไม่ได้ ดู docs/import.md",
        "Read an ITA report (Word .docx, Excel .xlsx, or Markdown or HTML tables) "
        "and write a checklist. Exit 0 clean, 1 if rows were skipped or something was ambiguous, "
        "2 if the report could not be read. See docs/import.md.",
    ),
    "cli.import.report": (
        "รายงาน: .docx, .xlsx, .md หรือ .txt (ตาราง Markdown) หรือ .html",
        "the report: .docx, .xlsx, .md / .txt (Markdown tables) or .html",
    ),
    "cli.import.output": (
        "รายการตรวจสอบที่จะเขียน (ค่าปริยาย: ชื่อเดียวกับ REPORT นามสกุล .toml ในโฟลเดอร์ปัจจุบัน; - คือเขียนออกทางหน้าจอ)",
        "checklist to write (default: REPORT's name with .toml, in the current folder; - for stdout)",
    ),
    "cli.import.nothing": (
        "{report}: ไม่มีสิ่งที่นำเข้าได้ จึงไม่ได้เขียนรายการตรวจสอบ",
        "{report}: nothing imported, no checklist written",
    ),
    "cli.import.wrote": ("เขียน {path} แล้ว", "wrote {path}"),
    "cli.import.invalid": (
        "{path}: รายการตรวจสอบที่เขียนมีปัญหา {count} ข้อ ซึ่ง validate จะแจ้ง แก้ไขก่อนใช้งาน:",
        "{path}: the checklist written has {count} problem(s) that validate reports; fix them before use:",
    ),
    "cli.import.convert_first": (
        "{path}: อ่านไฟล์ {suffix} โดยตรงไม่ได้ โปรดบันทึกรายงานเป็น .docx หรือ .xlsx หรือแปลงเป็น Markdown "
        "หรือ HTML (ดู docs/import.md)",
        "{path}: {suffix} files are not read directly; save the report as .docx or .xlsx, or convert it to "
        "Markdown or HTML (see docs/import.md)",
    ),
    "cli.import.not_utf": (
        "{path}: ไม่ใช่ข้อความ UTF-8 (ไบต์ 0x{byte} ที่ตำแหน่ง {offset}) โปรดบันทึกเป็น UTF-8 แล้วลองใหม่",
        "{path}: not UTF-8 text (byte 0x{byte} at offset {offset}); save it as UTF-8 and try again",
    ),
    # reading and checking a checklist file (ita_tui/checklist_file.py, ita_tui/schema.py)
    "file.what.checklist": ("ไฟล์รายการตรวจสอบ", "a checklist file"),
    "file.what.report": ("รายงาน", "a report"),
    "file.no_such": ("{path}: ไม่พบไฟล์นี้", "{path}: no such file"),
    "file.permission": ("{path}: ไม่มีสิทธิ์อ่านไฟล์นี้", "{path}: permission denied (cannot read)"),
    "file.is_folder": ("{path}: เป็นโฟลเดอร์ ไม่ใช่{what}", "{path}: is a folder, not {what}"),
    "file.cannot_read": ("{path}: อ่านไม่ได้: {reason}", "{path}: cannot read: {reason}"),
    "file.too_large": (
        "{path}: ไฟล์ใหญ่เกินไป ({size} MB; ไม่เกิน {limit} MB)",
        "{path}: file is too large ({size} MB; at most {limit} MB)",
    ),
    "file.utf_sixteen": (
        "{path}: ไฟล์นี้เป็นข้อความ UTF-16 โปรดบันทึกเป็น UTF-8",
        "{path}: the file is UTF-16 text; save it as UTF-8",
    ),
    "file.binary": (
        "{path}: ไม่ใช่ไฟล์ข้อความ (พบข้อมูลไบนารีที่ไบต์ {offset})",
        "{path}: not a text file (binary data at byte {offset})",
    ),
    "file.not_utf": (
        "ไม่ใช่ UTF-8 ที่ถูกต้อง (ไบต์ 0x{byte}{hint}) โปรดบันทึกไฟล์เป็น UTF-8",
        "not valid UTF-8 (byte 0x{byte}{hint}); save the file as UTF-8",
    ),
    "file.legacy_thai_hint": (
        "; ดูเหมือนเป็นภาษาไทยแบบ TIS-620/Windows-874",
        "; it looks like Thai in TIS-620/Windows-874",
    ),
    "file.too_deep": (
        "อาร์เรย์หรือตารางซ้อนกันลึกเกินไป (เกิน {depth} ชั้น)",
        "arrays or tables are nested too deeply (more than {depth} levels)",
    ),
    "file.empty": (
        "ไฟล์ว่างเปล่า (รายการตรวจสอบขึ้นต้นด้วย 'format = 1')",
        "the file is empty (a checklist starts with format = 1)",
    ),
    "file.no_checklist": (
        "ไฟล์ไม่มีรายการตรวจสอบ (รายการตรวจสอบขึ้นต้นด้วย 'format = 1')",
        "the file holds no checklist (a checklist starts with format = 1)",
    ),
    "check.warning": ("คำเตือน: {message}", "warning: {message}"),
    "check.at_key": ("{file}: คีย์ {key}: {message}", "{file}: key {key}: {message}"),
    "check.missing_key": ("ไม่มีคีย์ '{key}' ซึ่งต้องมี", "missing required key '{key}'"),
    "check.not_text": ("'{key}' ต้องเป็นข้อความ ไม่ใช่{kind}", "'{key}' must be a string, not {kind}"),
    "check.empty": ("'{key}' ต้องไม่ว่าง", "'{key}' must not be empty"),
    "check.controls": (
        "อักขระควบคุมหรืออักขระกำหนดทิศทาง{place} ({names}) แสดงเป็นสัญลักษณ์",
        "control or bidi characters{place} ({names}) shown as symbols",
    ),
    "check.controls_scoring": (
        "อักขระควบคุมหรืออักขระกำหนดทิศทางแสดงเป็นสัญลักษณ์",
        "control or bidi characters shown as symbols",
    ),
    "check.place.key": (" ในชื่อคีย์", " in the key"),
    "check.place.entry": (" ในรายการที่ {number}", " in entry {number}"),
    "check.score_not_number": (
        "'{key}' ต้องเป็นตัวเลขตั้งแต่ 0 ถึง 100 ไม่ใช่{kind}",
        "'{key}' must be a number from 0 to 100, not {kind}",
    ),
    "check.score_range": (
        "'{key}' ต้องอยู่ระหว่าง 0 ถึง 100 ไม่ใช่ {value}",
        "'{key}' must be from 0 to 100, not {value}",
    ),
    "check.not_table": ("'{key}' ต้องเป็นตาราง ไม่ใช่{kind}", "'{key}' must be a table, not {kind}"),
    "check.label_not_text": ("ชื่อหัวข้อต้องเป็นข้อความ ไม่ใช่{kind}", "a label must be a string, not {kind}"),
    "check.missing_array": (
        "ไม่มีคีย์ '{key}' ซึ่งต้องมี (อาร์เรย์ของตาราง [[{header}]])",
        "missing required key '{key}' (an array of tables [[{header}]])",
    ),
    "check.not_array": (
        "'{key}' ต้องเป็นอาร์เรย์ของตาราง ไม่ใช่{kind}",
        "'{key}' must be an array of tables, not {kind}",
    ),
    "check.missing_checklist": ("ไม่มีตาราง [checklist] ซึ่งต้องมี", "missing required table [checklist]"),
    "check.missing_format": (
        "ไม่มีคีย์ 'format' ซึ่งต้องมี (เขียน 'format = 1' ไว้บรรทัดแรก)",
        "missing required key 'format' (write format = 1 at the top)",
    ),
    "check.format_not_int": (
        "'format' ต้องเป็นจำนวนเต็ม ไม่ใช่{kind}",
        "'format' must be a whole number, not {kind}",
    ),
    "check.format_newer": (
        "'format = {version}' ใหม่กว่าที่ ita-tui รุ่นนี้อ่านได้ ({known}) โปรดปรับรุ่น ita-tui",
        "format {version} is newer than this ita-tui understands ({known}); upgrade ita-tui",
    ),
    "check.format_unknown": (
        "ไม่รู้จัก 'format = {version}' (ต้องเป็น {known})",
        "format {version} is not a known version (expected {known})",
    ),
    "check.override": ("{key}: {message}", "{key}: {message}"),
    "check.fiscal_year": (
        "'fiscal_year' ต้องเป็นปีพุทธศักราช เช่น 2566 ไม่ใช่ {value}",
        "'fiscal_year' must be a Buddhist Era year such as 2566, not {value}",
    ),
    "check.language": (
        '\'language\' ต้องเป็น "th" หรือ "en" ไม่ใช่ {value}',
        '\'language\' must be "th" or "en", not {value}',
    ),
    "check.group": (
        "'group' ต้องเป็นหนึ่งใน {allowed} ไม่ใช่ {value}",
        "'group' must be one of {allowed}, not {value}",
    ),
    "check.unknown_status": (
        "ไม่รู้จักสถานะ {value} (ใช้ {known})",
        "unknown status {value} (use one of {known})",
    ),
    "check.updated": ("'updated' ต้องเป็นวันเวลา ไม่ใช่{kind}", "'updated' must be a date-time, not {kind}"),
    "check.indicator": (
        "'indicator' ต้องเป็นตัวเลข 1 ถึง 10 ไม่ใช่ {value}",
        "'indicator' must be a number from 1 to 10, not {value}",
    ),
    "check.duplicate_section": (
        "รหัสหมวด {value} ซ้ำ (ครั้งแรกที่ {where})",
        "duplicate section id {value} (first at {where})",
    ),
    "check.duplicate_item": (
        "รหัสรายการ {value} ซ้ำ (ครั้งแรกที่ {where})",
        "duplicate item id {value} (first at {where})",
    ),
    "type.string": ("ข้อความ", "a string"),
    "type.boolean": ("ค่าจริงหรือเท็จ", "a boolean"),
    "type.whole_number": ("จำนวนเต็ม", "a whole number"),
    "type.number": ("ตัวเลข", "a number"),
    "type.array": ("อาร์เรย์", "an array"),
    "type.table": ("ตาราง", "a table"),
    "type.datetime": ("วันเวลา", "a date-time"),
    "type.date": ("วันที่", "a date"),
    "type.nan": ("ค่า 'nan'", "nan"),
    # tomllib's syntax errors (ita_tui/toml_messages.py); {what} is the key or character quoted
    "toml.syntax": ("ไวยากรณ์ TOML: {message}", "TOML syntax: {message}"),
    "toml.at_end": ("{message} (ที่ท้ายไฟล์)", "{message} (at the end of the file)"),
    "toml.invalid_statement": ("บรรทัดนี้ไม่ใช่คีย์ = ค่า หรือหัวตาราง", "Invalid statement"),
    "toml.expected_equals": ("ต้องมี '=' หลังชื่อคีย์", "Expected '=' after a key in a key/value pair"),
    "toml.unclosed_header": ("หัวตารางต้องปิดด้วย ']'", "Expected ']' at the end of a table declaration"),
    "toml.unclosed_array_header": (
        "หัวอาร์เรย์ของตารางต้องปิดด้วย ']]'",
        "Expected ']]' at the end of an array declaration",
    ),
    "toml.bad_date": ("วันที่หรือวันเวลาไม่ถูกต้อง", "Invalid date or datetime"),
    "toml.bad_hex": ("เลขฐานสิบหกไม่ถูกต้อง", "Invalid hex value"),
    "toml.bad_key": ("ชื่อคีย์ขึ้นต้นด้วยอักขระที่ใช้ไม่ได้", "Invalid initial character for a key part"),
    "toml.bad_value": ("ค่าไม่ถูกต้อง (ข้อความต้องอยู่ในเครื่องหมายคำพูด)", "Invalid value"),
    "toml.unclosed_array": ("อาร์เรย์ไม่ได้ปิดด้วย ']'", "Unclosed array"),
    "toml.unclosed_inline_table": ("ตารางในบรรทัดไม่ได้ปิดด้วย '}}'", "Unclosed inline table"),
    "toml.unescaped_backslash": ("มี '\\' ในข้อความที่ไม่ได้เขียนเป็น '\\\\'", "Unescaped '\\' in a string"),
    "toml.unterminated_string": ("ข้อความไม่มีเครื่องหมายคำพูดปิด", "Unterminated string"),
    "toml.bad_escape": (
        "อักขระที่เขียนด้วย \\u ไม่ใช่อักขระ Unicode ที่ใช้ได้",
        "Escaped character is not a Unicode scalar value",
    ),
    "toml.overwrite": ("กำหนดค่าที่มีอยู่แล้วซ้ำไม่ได้", "Cannot overwrite a value"),
    "toml.declared_twice": ("ประกาศ '{what}' ซ้ำสองครั้งไม่ได้", "Cannot declare {what} twice"),
    "toml.immutable": ("แก้ไข '{what}' ซึ่งกำหนดไว้ครบแล้วไม่ได้", "Cannot mutate immutable namespace {what}"),
    "toml.redefine": ("กำหนด '{what}' ใหม่ไม่ได้", "Cannot redefine namespace {what}"),
    "toml.duplicate_inline_key": ("คีย์ {what} ซ้ำในตารางในบรรทัด", "Duplicate inline table key {what}"),
    "toml.invalid_character": ("พบอักขระที่ใช้ไม่ได้ {what}", "Found invalid character {what}"),
    "toml.illegal_character": ("ใช้อักขระ {what} ในที่นี้ไม่ได้", "Illegal character {what}"),
    "toml.expected_newline": (
        "หลังคีย์ = ค่า หรือหัวตาราง ต้องขึ้นบรรทัดใหม่",
        "Expected newline or end of document after a statement",
    ),
    "toml.expected": ("ต้องมี {what}", "Expected {what}"),
    # the operating system's reasons (ita_tui.errors.os_reason)
    "os.no_such_file": ("ไม่พบไฟล์หรือโฟลเดอร์", "no such file or folder"),
    "os.permission_denied": ("ไม่มีสิทธิ์", "permission denied"),
    "os.disk_full": ("ดิสก์เต็ม", "the disk is full"),
    "os.quota": ("เกินโควตาดิสก์", "the disk quota is exceeded"),
    "os.read_only": ("โฟลเดอร์นี้อ่านได้อย่างเดียว", "the folder is read-only"),
    "os.is_a_folder": ("เป็นโฟลเดอร์", "is a folder"),
    "os.not_a_folder": ("ส่วนหนึ่งของเส้นทางไม่ใช่โฟลเดอร์", "a part of the path is not a folder"),
    "os.name_too_long": ("ชื่อยาวเกินไป", "the name is too long"),
    "os.in_use": ("ไฟล์ถูกใช้งานอยู่", "the file is in use"),
    "os.io_error": ("อ่านหรือเขียนดิสก์ผิดพลาด", "a disk input/output error"),
    "os.no_reader": ("ไม่มีโปรแกรมใดรออ่านอยู่", "no program is reading from it"),
    "os.exists": ("มีอยู่แล้ว", "already exists"),
    "os.link_loop": ("ลิงก์สัญลักษณ์วนกัน", "too many levels of symbolic links"),
    # saving (ita_tui/saving.py, ita_tui/save_worker.py)
    "save.failed": (
        "{path}: บันทึกไม่ได้: {reason} การแก้ไขยังไม่ได้บันทึก",
        "{path}: cannot save: {reason}; the changes are not saved",
    ),
    "save.conflict": (
        "{path}: มีผู้อื่นแก้ไขไฟล์นี้หลังจากที่เปิด จึงยังไม่บันทึก (โหลดใหม่หรือรวมก่อน)",
        "{path}: the file was changed by someone else since it was opened; not saved (reload or merge first)",
    ),
    "save.not_regular": ("ไม่ใช่ไฟล์ปกติ", "not a regular file"),
    "save.read_only": ("ไฟล์นี้อ่านได้อย่างเดียว", "the file is read-only"),
    "save.process_stopped": ("กระบวนการบันทึกถูกหยุด ({how})", "the save process was stopped ({how})"),
    "save.process_failed": ("กระบวนการบันทึกล้มเหลว ({how})", "the save process failed ({how})"),
    # importing a report (ita_tui/importer.py): notices and the summary
    "import.level.note": ("หมายเหตุ: {message}", "note: {message}"),
    "import.level.skipped": ("ข้าม: {message}", "skipped: {message}"),
    "import.unknown_column": (
        "คอลัมน์ที่ {position} {label} ไม่ใช่คอลัมน์ที่รู้จัก: เก็บไว้เป็น '{key}'",
        "column {position} {label} is not a known column: kept as '{key}'",
    ),
    "import.no_title_column": (
        "ตารางที่ไม่มีคอลัมน์ มาตรการ หรือ ตัวชี้วัด ({rows} แถว)",
        "a table without a มาตรการ or ตัวชี้วัด column ({rows} rows)",
    ),
    "import.indicators_as_columns": (
        "ตารางนี้มีตัวชี้วัดเป็นคอลัมน์ ({first} … {last}) และมี {rows} แถว: เป็นตารางเทียบคะแนนของหลายหน่วยงาน "
        "ไม่ใช่รายงานของหน่วยงานเดียว การนำเข้าอ่านตารางที่มีหนึ่งแถวต่อหนึ่งตัวชี้วัดหรือมาตรการ",
        "a table with the indicators as its columns ({first} … {last}) and {rows} rows: the scores "
        "of several agencies side by side, not one agency's report; import reads one row per "
        "indicator or measure",
    ),
    "import.row_outside": ("แถวที่ไม่อยู่ในตารางที่มีหัวตาราง", "row outside any table with a header"),
    "import.too_many_cells": (
        "แถวมี {cells} ช่อง แต่หัวตารางมี {header}",
        "row has {cells} cells, the header {header}",
    ),
    "import.too_few_cells": (
        "แถวมี {cells} ช่อง แต่หัวตารางมี {header} (ขาดหายไปหรือไม่)",
        "row has {cells} cells, the header {header} (cut short?)",
    ),
    "import.measure_without_title": ("แถวมาตรการที่ไม่มีชื่อ", "measure row without a title"),
    "import.measure_number": (
        "ลำดับมาตรการ {text} อ่านไม่ได้หรือซ้ำ: ใช้รหัส {id}",
        "measure number {text} is unreadable or repeated: numbered {id}",
    ),
    "import.no_indicator_number": (
        "ไม่มีเลขตัวชี้วัด (ตัวชี้วัดที่ N) ใน {text}",
        "no indicator number (ตัวชี้วัดที่ N) in {text}",
    ),
    "import.indicator_out_of_range": ("ตัวชี้วัดที่ {number} ไม่อยู่ใน 1–10", "indicator {number} is not one of 1–10"),
    "import.indicator_again": (
        "ตัวชี้วัดที่ {number} ซ้ำ (ครั้งแรกที่{first})",
        "indicator {number} again (first at {first})",
    ),
    "import.official_names": (
        "{ids}: รายงานไม่ได้ระบุชื่อตัวชี้วัด จึงใช้ชื่อทางการของตัวชี้วัด",
        "{ids}: the report gives no names: the indicators' official names are used",
    ),
    "import.bad_score": (
        "คะแนน {text} ไม่ใช่ตัวเลข 0 ถึง 100: ไม่นำมาใช้",
        "score {text} is not a number from 0 to 100: left out",
    ),
    "import.unsplit_list": (
        "{id} {label}: รายการที่ไม่มีเลขหรือ <li> เก็บไว้เป็นข้อความเดียว",
        "{id} {label}: a list without numbers or <li> kept as one text",
    ),
    "import.boxes_checked": (
        "{id}: เลือกไว้ {count} ช่อง ({labels}): สถานะยังเป็น not-started",
        "{id}: {count} boxes checked ({labels}): status left as not-started",
    ),
    "import.box_not_status": (
        "{id}: ช่องที่เลือก {label} ไม่ใช่สถานะที่รู้จัก: สถานะยังเป็น not-started",
        "{id}: checked box {label} is not a known status: status left as not-started",
    ),
    "import.no_box_checked": (
        "{id}: ไม่มีช่องใดถูกเลือก: สถานะยังเป็น not-started",
        "{id}: no box checked: status left as not-started",
    ),
    "import.status_not_known": (
        "{id}: สถานะ {text} ไม่ใช่สถานะที่รู้จัก: สถานะยังเป็น not-started",
        "{id}: status {text} is not a known status: status left as not-started",
    ),
    "import.no_tables": ("ไม่พบตาราง จึงไม่มีสิ่งที่จะนำเข้า", "no tables found, nothing to import"),
    "import.rating_both": (
        "รายงานระบุผลการประเมินทั้ง {other} และระดับ {kept}: เก็บ {kept} ไว้ (ระดับตรวจกับคะแนนได้)",
        "the report gives the result as both {other} and band {kept}: {kept} is kept (a band can be checked)",
    ),
    "import.summary.title": ("ชื่อ: {value}", "title: {value}"),
    "import.summary.organization": ("หน่วยงาน: {value}", "organization: {value}"),
    "import.summary.fiscal_year": ("ปีงบประมาณ: {value}", "fiscal year: {value}"),
    "import.summary.overall": ("คะแนนภาพรวม: {value}", "overall score: {value}"),
    "import.summary.measures": ("มาตรการ: {value}", "measures: {value}"),
    "import.summary.indicators": ("ตัวชี้วัด: {value}", "indicators: {value}"),
    "import.summary.statuses": ("สถานะ: {value}", "statuses: {value}"),
    "import.summary.scores": ("คะแนน: {value}", "scores: {value}"),
    "import.summary.scored": ("มี {scored} จาก {total} ตัวชี้วัด", "{scored} of {total} indicators"),
    "import.summary.no_score": ("(ไม่มีคะแนน: {ids})", "(no score: {ids})"),
    "import.summary.not_found": ("(ไม่พบ)", "(not found)"),
    "import.summary.not_stated": ("(ไม่ได้ระบุ)", "(not stated)"),
    "import.summary.counts": (
        "ข้าม: {skipped}, คำเตือน: {warnings}",
        "skipped: {skipped}, warnings: {warnings}",
    ),
    # the score table: how the overall is computed, and one plain line on what is uncertain
    # (the sources and the reasoning are in docs/scoring.md)
    "scoring.uncertain": (
        "น้ำหนักของตัวชี้วัดบางตัวและช่วงคะแนนของแต่ละระดับในปี {year} ยังไม่มีประกาศยืนยัน คะแนนที่คำนวณได้จึงเป็นค่าประมาณ",
        "some of the {year} indicator weights and band limits are not officially published: "
        "the computed score is an estimate",
    ),
    "score.how": (
        "วิธีคำนวณ: คะแนนของแต่ละตัวชี้วัด × น้ำหนัก แล้วรวมกัน ({weights} รวม 100)",
        "How: each indicator's score × its weight, added up ({weights}, 100 in all)",
    ),
    # the app: the progress line at 80 columns, search, scores of measures, the start screen
    "app.score.reported_short": ("รายงาน {score}", "reported {score}"),
    "app.search.wrapped_top": ("ค้นต่อจากต้นรายการ", "Search went on from the top"),
    "app.search.wrapped_bottom": ("ค้นต่อจากท้ายรายการ", "Search went on from the bottom"),
    "score.not_an_indicator": (
        "{id} ไม่ใช่ตัวชี้วัด จึงไม่มีคะแนน: ITA ให้คะแนนเฉพาะตัวชี้วัดที่ 1–10",
        "{id} is not an indicator, so it takes no score: the ITA scores indicators 1–10 only",
    ),
    "error.score_out_of_range": (
        "คะแนน {score} อยู่นอกช่วง 0 ถึง 100",
        "a score must be from 0 to 100, not {score}",
    ),
    "settings.unreadable": (
        "{path}: อ่านการตั้งค่าไม่ได้ ({reason}) จึงใช้ค่าปริยาย",
        "{path}: settings not read ({reason}); using the defaults",
    ),
    "settings.not_utf": ("ไม่ใช่ข้อความ UTF-8", "not UTF-8 text"),
    "settings.not_read": (
        "{problem} จึงไม่ได้อ่านการตั้งค่า และใช้ค่าปริยาย",
        "{problem}; settings not read, using the defaults",
    ),
    "file.what.settings": ("ไฟล์การตั้งค่า", "a settings file"),
    # the options and commands of issues 13 and 14, in the interface language
    "cli.export.to": (
        "eml: ผู้รับ (a@b.go.th หรือ 'ชื่อ <a@b.go.th>') ใส่ซ้ำได้ หรือคั่นด้วยจุลภาค",
        "eml: a recipient (a@b.go.th or 'Name <a@b.go.th>'); repeat it or separate with commas",
    ),
    "cli.export.cc": ("eml: ผู้รับสำเนา", "eml: a copy recipient"),
    "cli.export.subject": (
        "eml: หัวเรื่อง (ค่าปริยาย: ความคืบหน้าและวันที่ ในภาษาของ --lang)",
        "eml: the subject (default: the progress and the date, in --lang)",
    ),
    "cli.owner": (
        "เฉพาะรายการที่ผู้รับผิดชอบ (ช่อง 'responsible') มีคำว่า NAME เช่น กองคลัง ใส่ซ้ำได้หลายหน่วย "
        "ทุกส่วนราชการ คือรายการของทุกหน่วย",
        "only items whose owner (the 'responsible' field) contains NAME, e.g. กองคลัง; "
        "repeat for several; ทุกส่วนราชการ lists the items for every office",
    ),
    "cli.overdue": ("เฉพาะรายการที่ยังไม่เสร็จและเลยกำหนดแล้ว", "only open items past their due date"),
    "cli.due_within": (
        "เฉพาะรายการที่ยังไม่เสร็จและครบกำหนดภายใน DAYS วัน (รวมที่เลยกำหนด) และทำเครื่องหมายว่าใกล้ครบกำหนด",
        "only open items due within DAYS days (overdue ones included); also marks them due soon",
    ),
    "cli.due_within_negative": (
        "--due-within: {days} น้อยกว่า 0 (ระบุจำนวนวันนับจากวันนี้)",
        "--due-within: {days} is below 0 (give a number of days from today)",
    ),
    "cli.owner_empty": (
        "--owner: ระบุชื่อผู้รับผิดชอบ เช่น --owner กองคลัง",
        "--owner: give an owner's name, e.g. --owner กองคลัง",
    ),
    "cli.compare.summary": ("เทียบคะแนนกับปีก่อน", "compare the scores with last year's"),
    "cli.compare.help": (
        "เทียบคะแนนของรายการตรวจสอบกับปีก่อน: แต่ละตัวชี้วัด แต่ละเครื่องมือ และคะแนนภาพรวม "
        "การเปลี่ยนแปลง (▲ ▼) และประวัติเมื่อมีปีก่อน ๆ เชื่อมกันด้วย 'previous'",
        "Compare a checklist's scores with last year's: each indicator, group and the overall score, "
        "the change (▲ ▼) and, when more years are linked by 'previous', their history.",
    ),
    "cli.compare.last": ("รายการตรวจสอบของปีก่อน (.toml)", "last year's checklist (.toml)"),
    "cli.compare.this": ("รายการตรวจสอบของปีนี้ (.toml)", "this year's checklist (.toml)"),
    "cli.compare.json": ("แสดงผลการเทียบเป็น JSON", "print the comparison as JSON"),
    "cli.evidence.summary": (
        "ดู เพิ่ม แก้ หรือลบหลักฐานของรายการ",
        "list, add, edit or remove an item's evidence",
    ),
    "cli.evidence.help": (
        "แสดงหลักฐานของรายการ (หน้าเว็บและไฟล์ที่อ้างถึง) หรือเพิ่ม แก้ หรือลบหนึ่งรายการแล้วบันทึก "
        "(หลักฐานใหม่เขียนต่อจากหลักฐานสุดท้ายของรายการ ส่วนอื่นของไฟล์ไม่เปลี่ยน)",
        "List an item's evidence (the web pages and files behind it), or add, edit or remove one and save "
        "(a new one is written after the item's last; nothing else in the file changes).",
    ),
    "cli.evidence.id": ("รหัสของรายการ เช่น O1", "the item's id, e.g. O1"),
    "cli.evidence.add_url": ("เพิ่มที่อยู่เว็บ (http:// หรือ https://)", "add a web address (http:// or https://)"),
    "cli.evidence.add_path": (
        "เพิ่มไฟล์หลักฐาน (เก็บเป็นตำแหน่งเทียบกับโฟลเดอร์ของรายการตรวจสอบเมื่ออยู่ในโฟลเดอร์นั้น)",
        "add an evidence file (kept relative to the checklist's folder when inside it)",
    ),
    "cli.evidence.edit": ("แก้หลักฐานลำดับที่ N (ตามที่แสดง)", "change evidence number N (as listed)"),
    "cli.evidence.remove": ("ลบหลักฐานลำดับที่ N (ตามที่แสดง)", "remove evidence number N (as listed)"),
    "cli.evidence.url": ("ใช้กับ --edit: ที่อยู่เว็บใหม่", "with --edit: its new web address"),
    "cli.evidence.path": ("ใช้กับ --edit: ไฟล์ใหม่", "with --edit: its new file"),
    "cli.evidence.label": (
        "ชื่อที่แสดงแทนที่อยู่ ('' คือล้าง)",
        "what it is, shown instead of the address ('' clears)",
    ),
    "cli.evidence.published": (
        "วันที่เผยแพร่: 1/11/2569, 1 พ.ย. 2569, 2026-11-01 ... ('none' คือล้าง)",
        "when it was put up: 1/11/2569, 2026-11-01 ... ('none' clears)",
    ),
    "cli.evidence.url_needs_edit": (
        "ita-tui evidence: --url และ --path ใช้คู่กับ --edit N (จะเพิ่มใหม่ใช้ --add-url หรือ --add-path)",
        "ita-tui evidence: --url and --path go with --edit N (to add one: --add-url or --add-path)",
    ),
    "cli.evidence.url_or_path": (
        "ita-tui evidence: ระบุ --url หรือ --path อย่างใดอย่างหนึ่ง",
        "ita-tui evidence: give --url or --path, not both",
    ),
    "cli.evidence.label_needs_action": (
        "ita-tui evidence: --label และ --published ใช้คู่กับ --add-url, --add-path หรือ --edit N",
        "ita-tui evidence: --label and --published go with --add-url, --add-path or --edit N",
    ),
    "cli.check_links.summary": (
        "ตรวจลิงก์และไฟล์หลักฐานทั้งหมด",
        "check every evidence link and file",
    ),
    "cli.check_links.help": (
        "ตรวจหลักฐานของทุกรายการ: เปิดที่อยู่เว็บแต่ละแห่ง (ตามการเปลี่ยนเส้นทาง มีเวลารอจำกัด) "
        "และหาไฟล์แต่ละไฟล์ แล้วแสดงรายการที่เสียพร้อมเหตุผล "
        "(รหัสออก 0 ใช้ได้ทั้งหมด 1 มีรายการเสีย 2 ใช้คำสั่งผิด)",
        "Check every item's evidence: visit each web address (redirects followed, a timeout each) and "
        "look for each file; list what is broken and why (exit 0 all fine, 1 something broken, 2 usage).",
    ),
    "cli.check_links.json": (
        "แสดงผลเป็น JSON หนึ่งรายการต่อหนึ่งลิงก์หรือไฟล์ พร้อมผลและเหตุผล",
        "print one JSON entry a link or file, with its outcome and why",
    ),
    "cli.check_links.jobs": (
        "จำนวนที่อยู่ที่เปิดพร้อมกัน (ค่าเริ่มต้น {default} มากสุด {most})",
        "addresses visited at once (default {default}, at most {most})",
    ),
    "cli.check_links.timeout": (
        "เวลารอแต่ละเว็บไซต์เป็นวินาที (ค่าเริ่มต้น {default})",
        "how long to wait for each site, in seconds (default {default})",
    ),
    "cli.check_links.jobs_range": ("--jobs: ตั้งแต่ 1 ถึง {most}", "--jobs: from 1 to {most}"),
    "cli.check_links.timeout_range": (
        "--timeout: มากกว่า 0 และไม่เกิน {most} วินาที",
        "--timeout: more than 0 and at most {most} seconds",
    ),
    "check.due_unreadable": (
        "'due': {reason} (เขียนวันที่ เช่น 'due = 2026-12-15')",
        "'due': {reason} (write a date such as due = 2026-12-15)",
    ),
    "check.due_type": (
        "'due' ต้องเป็นวันที่ เช่น 'due = 2026-12-15' ไม่ใช่{kind}",
        "'due' must be a date such as due = 2026-12-15, not {kind}",
    ),
    "import.not_docx": (
        "{path}: ไม่ใช่เอกสาร Word (.docx): {reason}",
        "{path}: not a Word document (.docx): {reason}",
    ),
    "import.not_xlsx": (
        "{path}: ไม่ใช่สมุดงาน Excel (.xlsx): {reason}",
        "{path}: not an Excel workbook (.xlsx): {reason}",
    ),
    "import.at_line": ("บรรทัด {line}", "line {line}"),
    "import.place.sheet": ("ชีต {name}", "sheet {name}"),
    "import.place.table": ("ตาราง {number}", "table {number}"),
    "import.place.paragraph": ("ย่อหน้า {number}", "paragraph {number}"),
    "import.place.row": ("แถว {number}", "row {number}"),
    "import.place.pair": ("{first}, {second}", "{first}, {second}"),
    "import.place.none": ("(ไม่ทราบตำแหน่ง)", "(somewhere)"),
    "import.id_taken": (
        "รหัส {id} ถูกใช้แล้ว: แถวนี้เป็น {fallback}",
        "id {id} is already used: this row is {fallback}",
    ),
    "import.bad_due": (
        "{id}: วันครบกำหนด {text} ไม่ใช่วันที่: ไม่นำมาใช้",
        "{id}: due date {text} is not a date: left out",
    ),
    # --- evidence: links and files behind an item, the link check (issue 19)
    "cli.export.check_links": (
        "ตรวจลิงก์และไฟล์หลักฐานทุกรายการก่อน (เหมือนคำสั่ง check-links) และทำเครื่องหมายรายการที่เสีย",
        "check every evidence link and file first (as check-links does) and mark the broken ones",
    ),
    "evidence.bad.empty": ("ใส่ที่อยู่เว็บหรือไฟล์", "give a web address or a file"),
    "evidence.bad.number": (
        "ไม่มีหลักฐานลำดับที่ {number} (มี {count} รายการ)",
        "there is no evidence number {number} (there are {count})",
    ),
    "evidence.cli.none": ("ยังไม่มีหลักฐาน", "no evidence yet"),
    "evidence.published": ("เผยแพร่ {date}", "published {date}"),
    "evidence.heading": ("หลักฐาน", "Evidence"),
    "report.links": (
        "ตรวจหลักฐาน {checked} รายการ: ใช้ไม่ได้ {broken}",
        "Evidence checked: {checked}, broken: {broken}",
    ),
    "report.links_unchecked": ("ยังไม่ได้ตรวจ {count}", "not checked: {count}"),
    "evidence.did.add": ("เพิ่มหลักฐานของ {id}", "added evidence to {id}"),
    "evidence.did.edit": ("แก้หลักฐานของ {id}", "edited evidence of {id}"),
    "evidence.did.remove": ("ลบหลักฐานของ {id}", "removed evidence of {id}"),
    "evidence.bad.empty_url": ("ที่อยู่เว็บว่างเปล่า", "the web address is empty"),
    "evidence.bad.space": (
        "ที่อยู่เว็บมีช่องว่างหรืออักขระควบคุมอยู่ข้างใน (คัดลอกมาไม่ครบหรือเกินมา?)",
        "the web address has a space or a control character in it (copied with extra text?)",
    ),
    "evidence.bad.port": ("หมายเลขพอร์ตในที่อยู่เว็บไม่ถูกต้อง", "the web address has a port that is not a number"),
    "evidence.bad.file_url": (
        'ไฟล์ในเครื่องให้เขียนเป็น path = "..." ไม่ใช่ที่อยู่ file://',
        'a file on disk is written path = "...", not as a file:// address',
    ),
    "evidence.bad.scheme": (
        "ที่อยู่เว็บต้องขึ้นต้นด้วย http:// หรือ https://",
        "a web address must start with http:// or https://",
    ),
    "evidence.bad.host": ("ที่อยู่เว็บไม่มีชื่อเว็บไซต์", "the web address names no web site"),
    "links.ok": ("ใช้ได้", "works"),
    "links.broken": ("✗ ใช้ไม่ได้: {why}", "✗ broken: {why}"),
    "links.moved": (
        "ใช้ได้ แต่ย้ายไปแล้ว ({status}) ไปที่ {url}",
        "works, but moved ({status}) to {url}",
    ),
    "links.at": ("ที่ {url}", "at {url}"),
    "links.why.malformed": ("ที่อยู่เว็บไม่ถูกต้อง", "not a valid web address"),
    "links.why.unreachable": ("ติดต่อเว็บไซต์ไม่ได้", "the site cannot be reached"),
    "links.why.certificate": (
        "ใบรับรองความปลอดภัยของเว็บไซต์ไม่น่าเชื่อถือ",
        "the site's security certificate is not trusted",
    ),
    "links.why.timeout": ("เว็บไซต์ไม่ตอบภายในเวลาที่กำหนด", "the site did not answer in time"),
    "links.why.not_found": ("ไม่พบหน้านี้ (HTTP {status})", "page not found (HTTP {status})"),
    "links.why.server_error": ("เซิร์ฟเวอร์ขัดข้อง (HTTP {status})", "the server failed (HTTP {status})"),
    "links.why.http_error": ("เปิดหน้านี้ไม่ได้ (HTTP {status})", "the page cannot be opened (HTTP {status})"),
    "links.why.login": ("ต้องเข้าสู่ระบบก่อนจึงจะเห็นหน้านี้", "the page now asks for a login"),
    "links.why.redirect_loop": ("ส่งต่อวนซ้ำไม่รู้จบ", "redirects in a loop"),
    "links.why.too_many_redirects": ("ส่งต่อหลายทอดเกินไป", "too many redirects"),
    "links.why.empty": ("หน้าหรือไฟล์ว่างเปล่า", "the page or file is empty"),
    "links.why.missing": ("ไม่พบไฟล์", "file not found"),
    "open.no_desktop": (
        "เครื่องนี้ไม่มีหน้าจอกราฟิกให้เปิด (เช่น ต่อผ่าน SSH)",
        "there is no desktop here to open it on (over SSH, say)",
    ),
    "open.no_opener": (
        "ไม่พบโปรแกรม {detail} สำหรับเปิด",
        "the program {detail} that opens it is not installed",
    ),
    "open.failed": ("ระบบเปิดไม่ได้: {detail}", "the system could not open it: {detail}"),
    "evidence.key.dialog": ("หลักฐาน", "Evidence"),
    "evidence.key.check": ("ตรวจลิงก์", "Check links"),
    "evidence.key.add": ("เพิ่ม", "Add"),
    "evidence.key.edit": ("แก้ไข", "Edit"),
    "evidence.key.remove": ("ลบ", "Remove"),
    "evidence.key.open": ("เปิด", "Open"),
    "evidence.key.close": ("ปิด", "Close"),
    "evidence.key.follow": ("ใช้ที่อยู่ใหม่", "Use the new address"),
    "evidence.follow.none": (
        "ลิงก์นี้ไม่ได้ย้ายที่ (หรือยังไม่ได้ตรวจ: กด L)",
        "This link has not moved (or was not checked yet: press L)",
    ),
    "evidence.cmd.dialog": ("หลักฐานของรายการนี้…", "Evidence of this item…"),
    "evidence.cmd.check": ("ตรวจลิงก์และไฟล์หลักฐานทั้งหมด", "Check every evidence link and file"),
    "evidence.dialog.title": ("หลักฐานของ {id} · {title}", "Evidence of {id} · {title}"),
    "evidence.dialog.none": (
        "ยังไม่มีหลักฐาน กด a เพื่อเพิ่มที่อยู่เว็บหรือไฟล์",
        "No evidence yet: press a to add a web address or a file",
    ),
    "evidence.dialog.keys": (
        "a เพิ่ม · enter แก้ไข · d ลบ · o เปิด · L ตรวจลิงก์ · n ใช้ที่อยู่ใหม่ของลิงก์ที่ย้าย · esc ปิด (u ที่หน้าหลักเลิกทำได้)",
        "a add · enter edit · d remove · o open · L check links · n use a moved link's new address ·"
        " esc close (u on the main screen undoes)",
    ),
    "evidence.detail.heading": ("หลักฐาน ({count})", "Evidence ({count})"),
    "evidence.form.add": ("เพิ่มหลักฐานของ {id}", "Add evidence to {id}"),
    "evidence.form.edit": ("แก้หลักฐานของ {id}", "Edit evidence of {id}"),
    "evidence.form.address": ("ที่อยู่หรือไฟล์", "Address or file"),
    "evidence.form.label": ("คำอธิบาย", "Label"),
    "evidence.form.published": ("วันที่เผยแพร่", "Published"),
    "evidence.form.hint": (
        "ที่อยู่เว็บขึ้นต้นด้วย https:// · ไฟล์ให้ระบุตามโฟลเดอร์ของรายการตรวจ เช่น หลักฐาน/o1.pdf"
        " · วันที่ เช่น 1/11/2569 (เว้นว่างได้) · enter บันทึก · esc ยกเลิก",
        "A web address starts with https:// · a file is relative to the checklist's folder, e.g."
        " evidence/o1.pdf · a date such as 2026-11-01 (may be empty) · enter keeps · esc cancels",
    ),
    "evidence.form.bad_date": ("วันที่เผยแพร่: {why}", "Published: {why}"),
    "evidence.removed": (
        "ลบหลักฐานของ {id} แล้ว (กด u ที่หน้าหลักเพื่อเลิกทำ)",
        "Removed evidence of {id} (u on the main screen undoes it)",
    ),
    "evidence.open.opening": ("กำลังเปิด {target}", "Opening {target}"),
    "evidence.open.missing": ("ไม่พบไฟล์ {path}", "No file at {path}"),
    "evidence.open.failed": (
        "เปิดไม่ได้: {why} · คัดลอกที่อยู่ไว้ในคลิปบอร์ดแล้ว: {target}",
        "Cannot open it: {why} · the address is copied to the clipboard: {target}",
    ),
    "links.app.tag": ("ลิงก์เสีย", "broken link"),
    "links.app.progress": ("ตรวจลิงก์ {done}/{total}", "checking links {done}/{total}"),
    "links.app.started": (
        "กำลังตรวจลิงก์และไฟล์ {count} รายการ ทำงานอื่นต่อได้",
        "Checking {count} links and files; carry on meanwhile",
    ),
    "links.app.already": ("กำลังตรวจลิงก์อยู่", "Already checking the links"),
    "links.app.failed": ("ตรวจลิงก์ไม่สำเร็จ: {error}", "The link check failed: {error}"),
    "links.app.broken": (
        "หลักฐานใช้ไม่ได้ {count} รายการ: {ids} · ย้ายที่ {moved} (ดูที่เครื่องหมาย ✗ และกด v)",
        "Broken evidence on {count} items: {ids} · moved: {moved} (see the ✗ marks, press v)",
    ),
    "links.app.fine": (
        "ตรวจแล้ว {count} ลิงก์และไฟล์: ใช้ได้ทั้งหมด · ย้ายที่ {moved}",
        "Checked {count} links and files: all work · moved: {moved}",
    ),
    "links.cmd.progress": ("กำลังตรวจลิงก์", "Checking links"),
    "links.cmd.none": (
        "ไม่มีหลักฐานให้ตรวจ (เพิ่มได้ด้วยคำสั่ง ita-tui evidence หรือปุ่ม v ในแอป)",
        "No evidence to check (add some with ita-tui evidence, or v in the app)",
    ),
    "links.cmd.broken_head": (
        "รายการที่มีหลักฐานใช้ไม่ได้ {count} รายการ:",
        "Items with broken evidence: {count}",
    ),
    "links.cmd.moved_head": (
        "รายการที่หลักฐานย้ายที่แล้วแต่ยังใช้ได้ {count} รายการ (ควรแก้เป็นที่อยู่ใหม่):",
        "Items whose evidence moved but still works: {count} (better give the new address)",
    ),
    "links.cmd.summary": (
        "ตรวจแล้ว {total} ลิงก์และไฟล์: ใช้ไม่ได้ {broken} · ย้ายที่ {moved} · ใช้ได้ {fine}",
        "Checked {total} links and files: {broken} broken, {moved} moved, {fine} fine",
    ),
    # --- merging with changes on disk: field by field, what was kept and dropped (issue 21)
    "merge.what.field": ("{field} ของ {where}", "{field} of {where}"),
    "merge.what.checklist_field": ("{field} ของรายการตรวจ", "the checklist's {field}"),
    "merge.what.removed_by_them": ("{where}: คุณแก้ไข แต่อีกฝ่ายลบ", "{where}: you changed it, they removed it"),
    "merge.what.removed_by_me": ("{where}: คุณลบ แต่อีกฝ่ายแก้ไข", "{where}: you removed it, they changed it"),
    "merge.what.same_id": ("ทั้งสองฝ่ายมีรหัส {where} คนละรายการ", "both sides have a different {where}"),
    "merge.what.position": ("ตำแหน่งของ {where}", "the place of {where}"),
    "merge.value.missing": ("(ไม่มี)", "(removed)"),
    "merge.value.first_in": ("แรกสุดใน {section}", "first in {section}"),
    "merge.value.after": ("ใน {section} ต่อจาก {previous}", "in {section} after {previous}"),
    "merge.value.section": ("หมวด {id}", "section {id}"),
    # --- tests and checks (issue 20)
    "fs.not_durable": (
        "{path}: บันทึกแล้ว แต่ดิสก์แจ้งข้อผิดพลาดขณะยืนยันการบันทึก ({reason}) หากไฟดับตอนนี้ การแก้ไขอาจหายได้ ตรวจสอบดิสก์",
        "{path}: saved, but the disk reported an error while making it last ({reason}); a power cut now"
        " could lose the change: check the disk",
    ),
    "fs.lock_failed": (
        "{path}: บันทึกไม่ได้ เพราะสร้างไฟล์ล็อก {lock} ไม่ได้ ({reason}); การแก้ไขยังไม่ได้บันทึก",
        "{path}: cannot save: the lock file {lock} cannot be made ({reason}); the changes are not saved",
    ),
    "settings.kept_aside": (
        "ไฟล์การตั้งค่าเดิมอ่านไม่ได้ จึงเก็บไว้เป็น {path} แล้วเขียนการตั้งค่าใหม่แทน",
        "The settings file could not be read: it is kept as {path}, and the settings were written anew",
    ),
    # (end of issue 20's strings)
}


def _index(lang: str) -> int:
    if lang == "th":
        return 0
    if lang == "en":
        return 1
    raise ValueError(f"unknown interface language {lang!r}; expected one of {LANGS}")


def t(key: str, lang: Lang, /, **fields: object) -> str:
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


@dataclass(frozen=True)
class Message:
    """An interface string not yet put in a language: a :data:`CATALOGUE` key and its fields.

    Pure code that must not pick a language (:mod:`ita_tui.scoring`) returns these; whoever
    shows one renders it in theirs: ``message.render(lang)``.  A field may itself be a
    Message (rendered in the same language).  Frozen, hashable and comparable; the fields are
    kept as ``(name, value)`` pairs in the order given.  ``str(message)`` is the English text.
    """

    key: str
    fields: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, key: str, /, **fields: object) -> Message:
        """``Message.of("scoring.missing_one", number=3)``."""
        return cls(key, tuple(fields.items()))

    def render(self, lang: Lang) -> str:
        """The text in *lang*: ``t(key, lang, **fields)``, nested messages rendered too."""
        values = {name: v.render(lang) if isinstance(v, Message) else v for name, v in self.fields}
        return t(self.key, lang, **values)

    def __str__(self) -> str:
        return self.render("en")

    def to_data(self) -> dict[str, object]:
        """Plain data (for JSON between processes); :meth:`from_data` reads it back."""
        fields = [[name, v.to_data() if isinstance(v, Message) else v] for name, v in self.fields]
        return {"key": self.key, "fields": fields}

    @classmethod
    def from_data(cls, data: Mapping[str, object]) -> Message:
        """The message :meth:`to_data` gave *data* of."""
        fields = data.get("fields")
        pairs = fields if isinstance(fields, list) else []
        return cls(
            str(data["key"]),
            tuple((str(name), cls.from_data(v) if isinstance(v, dict) else v) for name, v in pairs),
        )


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


def language_of(language: str | None, title: str) -> Lang | None:
    """The language a checklist is written in: its ``language`` key, else Thai when its
    title is in Thai script; None when neither tells."""
    declared = parse_lang(language)
    if declared is not None:
        return declared
    if any("\u0e01" <= char <= "\u0e5b" for char in title):
        return "th"
    return "en" if any(char.isascii() and char.isalpha() for char in title) else None


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

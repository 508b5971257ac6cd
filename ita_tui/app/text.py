"""The app's words, in English and Thai, and the glyphs that show a status.

Strings go through :mod:`ita_tui.i18n` when it knows the key (statuses and
the shared labels), so one table serves the commands and the app.  The
app's own keys (``app.*``: key descriptions, dialogs, notifications) live
here, as (English, Thai) pairs, so that the app can change its wording
without touching the shared catalogue.  Text from a checklist is data and
never passes through here.
"""

from __future__ import annotations

from typing import Any

from ita_tui import i18n
from ita_tui.i18n import Lang
from ita_tui.model import Status

# Shapes differ as well as colours, so a status reads on a monochrome projector.
GLYPHS: dict[Status, str] = {
    Status.NOT_STARTED: "○",
    Status.IN_PROGRESS: "◐",
    Status.DONE: "●",
}

_STRINGS: dict[str, tuple[str, str]] = {
    # bindings
    "app.key.cycle": ("Cycle", "เปลี่ยนสถานะ"),
    "app.key.not_started": ("Not started", "ยังไม่เริ่ม"),
    "app.key.in_progress": ("In progress", "กำลังทำ"),
    "app.key.done": ("Done", "เสร็จ"),
    "app.key.notes": ("Notes", "หมายเหตุ"),
    "app.key.score": ("Score", "คะแนน"),
    "app.key.save": ("Save", "บันทึก"),
    "app.key.search": ("Search", "ค้นหา"),
    "app.key.next_match": ("Next match", "ผลถัดไป"),
    "app.key.prev_match": ("Previous match", "ผลก่อนหน้า"),
    "app.key.filter": ("Filter", "กรอง"),
    "app.key.undo": ("Undo", "เลิกทำ"),
    "app.key.redo": ("Redo", "ทำซ้ำ"),
    "app.key.help": ("Help", "วิธีใช้"),
    "app.key.quit": ("Quit", "ออก"),
    "app.key.export": ("Export", "ส่งออก"),
    "app.key.meeting": ("Meeting", "ประชุม"),
    "app.key.down": ("Down", "ลง"),
    "app.key.up": ("Up", "ขึ้น"),
    "app.key.first": ("First", "แรกสุด"),
    "app.key.last": ("Last", "ท้ายสุด"),
    "app.key.close": ("Close", "ปิด"),
    "app.key.section": ("Fold section", "พับหมวด"),
    "app.key.palette": ("Commands", "คำสั่ง"),
    # main screen
    "app.unsaved": ("● unsaved", "● ยังไม่บันทึก"),
    "app.saving": ("saving…", "กำลังบันทึก…"),
    "app.saved": ("saved", "บันทึกแล้ว"),
    "app.fy": ("FY{year}", "ปีงบประมาณ {year}"),
    "app.progress": ("Progress", "ความคืบหน้า"),
    "app.counts": (
        "{done}/{total} done · {in_progress} in progress · {not_started} not started",
        "เสร็จ {done}/{total} · ระหว่างดำเนินการ {in_progress} · ยังไม่เริ่ม {not_started}",
    ),
    "app.checklist": ("Checklist", "รายการ"),
    "app.filter.all": ("all", "ทั้งหมด"),
    "app.filter.open": ("open", "ยังไม่เสร็จ"),
    "app.filter.not-started": ("not started", "ยังไม่เริ่ม"),
    "app.filter.in-progress": ("in progress", "กำลังทำ"),
    "app.filter.done": ("done", "เสร็จแล้ว"),
    "app.filter.shown": ("Filter: {name}", "กรอง: {name}"),
    "app.filter.empty": ("No items match the filter ({name}); press f", "ไม่มีรายการตามตัวกรอง ({name}); กด f"),
    "app.detail.status": ("Status", "สถานะ"),
    "app.detail.score": ("Score", "คะแนน"),
    "app.detail.updated": ("Updated", "ปรับปรุงเมื่อ"),
    "app.detail.notes": ("Notes", "หมายเหตุ"),
    "app.detail.no_notes": ("(enter to write a note)", "(กด enter เพื่อเขียนหมายเหตุ)"),
    "app.detail.section": ("{count} items", "{count} รายการ"),
    "app.detail.empty": ("Nothing selected", "ยังไม่ได้เลือกรายการ"),
    "app.score.reported": ("Score {score} (reported)", "คะแนน {score} (ตามรายงาน)"),
    "app.score.computed": ("Score {score} · {band}", "คะแนน {score} · {band}"),
    # notes, score, search
    "app.notes.title": ("Notes · {id}", "หมายเหตุ · {id}"),
    "app.notes.hint": (
        "escape closes and keeps the text · ctrl+z undoes typing",
        "escape ปิดและเก็บข้อความ · ctrl+z เลิกพิมพ์",
    ),
    "app.score.title": (
        "Score of {id} (0–100, Thai digits work; empty clears)",
        "คะแนนของ {id} (0–100 ใช้เลขไทยได้ เว้นว่างเพื่อลบ)",
    ),
    "app.score.bad": ("Not a score: {error}", "คะแนนไม่ถูกต้อง: {error}"),
    "app.search.placeholder": ("Search titles, fields and notes (enter)", "ค้นหาชื่อ รายละเอียด และบันทึก (enter)"),
    "app.search.none": ("No match for “{query}”", "ไม่พบ “{query}”"),
    "app.search.found": (
        "{count} matches for “{query}” · n next, N previous",
        "พบ {count} รายการ “{query}” · n ถัดไป N ก่อนหน้า",
    ),
    "app.search.hidden": ("{count} matches are hidden by the filter", "ซ่อนอยู่ {count} รายการเพราะตัวกรอง"),
    "app.nothing_to_undo": ("Nothing to undo", "ไม่มีอะไรให้เลิกทำ"),
    "app.nothing_to_redo": ("Nothing to redo", "ไม่มีอะไรให้ทำซ้ำ"),
    "app.undone": ("Undone: {id}", "เลิกทำแล้ว: {id}"),
    "app.redone": ("Redone: {id}", "ทำซ้ำแล้ว: {id}"),
    "app.no_item": ("Select an item first", "เลือกรายการก่อน"),
    "app.no_score_here": ("Scores are for indicators; {id} is a measure", "คะแนนใช้กับตัวชี้วัด {id} เป็นมาตรการ"),
    # saving
    "app.saved_to": ("Saved {path}", "บันทึกแล้ว {path}"),
    "app.save_failed": (
        "Not saved: {error}. Your changes are kept; try again.",
        "บันทึกไม่สำเร็จ: {error} การแก้ไขยังอยู่ ลองอีกครั้ง",
    ),
    "app.nothing_to_save": ("No changes to save", "ไม่มีการแก้ไขที่ต้องบันทึก"),
    "app.conflict.title": ("The file changed on disk", "ไฟล์ถูกแก้ไขจากที่อื่น"),
    "app.conflict.body": (
        "{path} was changed by someone else since you opened it. Your {count} unsaved change(s) "
        "were not written.",
        "มีผู้อื่นแก้ไข {path} หลังจากที่คุณเปิด การแก้ไขของคุณ {count} รายการยังไม่ได้บันทึก",
    ),
    "app.conflict.clean": (
        "You and they changed different items: merging keeps both.",
        "คุณและผู้อื่นแก้ไขคนละรายการ: รวมแล้วได้ทั้งสองฝ่าย",
    ),
    "app.conflict.both": ("Both sides changed: {ids}", "ทั้งสองฝ่ายแก้ไข: {ids}"),
    "app.conflict.merge": ("Merge and save", "รวมแล้วบันทึก"),
    "app.conflict.mine": ("Merge, mine win", "รวม ใช้ของฉัน"),
    "app.conflict.theirs": ("Merge, theirs win", "รวม ใช้ของเขา"),
    "app.conflict.reload": ("Reload (drop mine)", "โหลดใหม่ (ทิ้งของฉัน)"),
    "app.conflict.cancel": ("Cancel (keep editing)", "ยกเลิก (แก้ต่อ)"),
    "app.conflict.unreadable": ("Cannot read the changed file: {error}", "อ่านไฟล์ที่เปลี่ยนไม่ได้: {error}"),
    "app.merged": (
        "Merged: {applied} of your changes kept, {theirs} of theirs",
        "รวมแล้ว: ของคุณ {applied} รายการ ของผู้อื่น {theirs} รายการ",
    ),
    "app.reloaded": ("Reloaded {path}", "โหลดใหม่แล้ว {path}"),
    # quit
    "app.quit.title": ("Unsaved changes", "ยังไม่ได้บันทึก"),
    "app.quit.body": (
        "{count} item(s) changed since the last save. Save before quitting?",
        "มี {count} รายการที่แก้ไขแล้วยังไม่บันทึก บันทึกก่อนออกหรือไม่",
    ),
    "app.quit.save": ("Save and quit", "บันทึกแล้วออก"),
    "app.quit.discard": ("Quit without saving", "ออกโดยไม่บันทึก"),
    "app.quit.cancel": ("Cancel", "ยกเลิก"),
    # export
    "app.export.title": ("Export a summary", "ส่งออกสรุป"),
    "app.export.hint": ("Choose a format; it is written into {folder}", "เลือกรูปแบบ ไฟล์จะอยู่ใน {folder}"),
    "app.export.done": ("Exported to {path}", "ส่งออกแล้ว: {path}"),
    "app.export.failed": ("Export failed: {error}", "ส่งออกไม่สำเร็จ: {error}"),
    # meeting
    "app.meeting.title": ("Meeting view", "มุมมองการประชุม"),
    "app.meeting.open": ("Still open", "ยังไม่เสร็จ"),
    "app.meeting.none_open": ("Everything is done", "ดำเนินการครบทุกรายการ"),
    "app.meeting.scores": ("Scores", "คะแนน"),
    "app.meeting.overall": ("Overall (computed)", "คะแนนรวม (คำนวณ)"),
    "app.meeting.reported": ("Reported", "ตามรายงาน"),
    "app.meeting.groups": ("Groups", "กลุ่ม"),
    "app.meeting.incomplete": (
        "not computed: no score for indicator {numbers}",
        "คำนวณไม่ได้: ไม่มีคะแนนตัวชี้วัด {numbers}",
    ),
    "app.meeting.more": ("… and {count} more", "… และอีก {count} รายการ"),
    "app.meeting.back": ("Back", "กลับ"),
    # help
    "app.help.title": ("Keys", "ปุ่มลัด"),
    "app.help.intro": (
        "Statuses: ○ not started · ◐ in progress · ● done. Click an item to select it, click its "
        "glyph to cycle its status. ctrl+p opens the command palette (themes, language, sections).",
        "สถานะ: ○ ยังไม่เริ่ม · ◐ กำลังทำ · ● เสร็จ คลิกรายการเพื่อเลือก คลิกสัญลักษณ์เพื่อเปลี่ยนสถานะ "
        "ctrl+p เปิดรายการคำสั่ง (ธีม ภาษา หมวด)",
    ),
    # start screen
    "app.start.title": ("ita-tui · choose a checklist", "ita-tui · เลือกรายการตรวจสอบ"),
    "app.start.found": ("Checklists found", "รายการตรวจสอบที่พบ"),
    "app.start.none": ("No checklists in {folders}", "ไม่พบรายการตรวจสอบใน {folders}"),
    "app.start.templates": ("Start a new checklist from a template", "เริ่มรายการใหม่จากแม่แบบ"),
    "app.start.new_path": (
        "Create the new checklist at (enter to create):",
        "สร้างรายการใหม่ที่ (enter เพื่อสร้าง):",
    ),
    "app.start.exists": ("{path} already exists; choose another name", "{path} มีอยู่แล้ว เลือกชื่ออื่น"),
    "app.start.created": ("Created {path}", "สร้างแล้ว {path}"),
    "app.start.loading": ("reading…", "กำลังอ่าน…"),
    "app.start.problems": ("{count} problem(s)", "พบปัญหา {count} ข้อ"),
    "app.start.hint": ("enter opens · ↑↓ choose · q quits", "enter เปิด · ↑↓ เลือก · q ออก"),
    # palette
    "app.cmd.save": ("Save the checklist", "บันทึกรายการตรวจสอบ"),
    "app.cmd.export": ("Export a summary…", "ส่งออกสรุป…"),
    "app.cmd.meeting": ("Meeting view", "มุมมองการประชุม"),
    "app.cmd.help": ("Help: keys", "วิธีใช้: ปุ่มลัด"),
    "app.cmd.filter": ("Filter: show {name}", "กรอง: แสดง{name}"),
    "app.cmd.section": ("Jump to section: {title}", "ไปที่หมวด: {title}"),
    "app.cmd.theme": ("Theme…", "ธีม…"),
    "app.cmd.lang_th": ("Language: ไทย", "ภาษา: ไทย"),
    "app.cmd.lang_en": ("Language: English", "ภาษา: English"),
    "app.cmd.autosave_on": ("Autosave: turn on", "บันทึกอัตโนมัติ: เปิด"),
    "app.cmd.autosave_off": ("Autosave: turn off", "บันทึกอัตโนมัติ: ปิด"),
    "app.autosave_on": ("Autosave is on", "เปิดบันทึกอัตโนมัติแล้ว"),
    "app.autosave_off": ("Autosave is off", "ปิดบันทึกอัตโนมัติแล้ว"),
    "app.settings_failed": ("Settings not saved: {error}", "บันทึกการตั้งค่าไม่สำเร็จ: {error}"),
    "app.load_failed": ("Cannot open {path}", "เปิด {path} ไม่ได้"),
}


def _lang(lang: str) -> Lang:
    return "th" if lang == "th" else "en"


def tr(key: str, lang: str, **fields: Any) -> str:
    """The string *key* in *lang* (``th`` or ``en``) with *fields* filled in.

    Keys in :data:`ita_tui.i18n.CATALOGUE` come from there (one table for the
    commands and the app); the app's own ``app.*`` keys from this module.  An
    unknown key shows as itself rather than crashing a screen.
    """
    if key in i18n.CATALOGUE:
        try:
            return i18n.t(key, _lang(lang), **fields)
        except (KeyError, IndexError, ValueError):
            pass
    pair = _STRINGS.get(key)
    if pair is None:
        return key
    template = pair[1] if lang == "th" else pair[0]
    try:
        return template.format(**fields)
    except (KeyError, IndexError, ValueError):
        return template


def status_label(status: Status, lang: str) -> str:
    """The full name of *status* in *lang* (ยังไม่ได้ดำเนินการ …)."""
    return i18n.status_label(status, _lang(lang))


def resolve_lang(explicit: str | None, checklist_language: str | None) -> str:
    """The interface language: explicit choice, the checklist's, then the locale; ``en`` last."""
    try:
        return i18n.resolve_lang(explicit, checklist_language)
    except ValueError:  # an unknown explicit name (the command line only offers th/en)
        return i18n.resolve_lang(None, checklist_language)

"""Markdown that renders on GitHub and GitLab and still reads when pasted into chat.

Items are task-list lines (``- [x]``), so GitHub shows ticked boxes; the one
state a checkbox cannot say, in progress, is spelled out after the id.
Checklist text is escaped (see :func:`escape`) so that a ``*`` or ``|`` in a
title is shown, not obeyed.  Lines are not wrapped: a Markdown renderer joins
wrapped lines with a space, and Thai does not put spaces between words.
Line breaks inside a note become hard breaks (two trailing spaces).
"""

from __future__ import annotations

import re

from ita_tui.exports.left_summary import LeftItem, LeftSummary
from ita_tui.exports.options import ExportOptions
from ita_tui.exports.summary import Detail, Row, SectionSummary, Summary, build_summary
from ita_tui.i18n import t
from ita_tui.model import Checklist, Status

# Characters with a meaning anywhere in a line: emphasis, code, links, HTML,
# tables, strikethrough, headings' closing #s, and the escape itself.
_INLINE = re.compile(r"([\\`*_\[\]<>|~#])")
# "&copy;" would render as ©: escape the & of anything that looks like an entity.
_ENTITY = re.compile(r"&(?=#?\w+;)")
# What starts a block at the beginning of a line: a list, a quote, a heading,
# a rule, a numbered list ("1." / "1)"), a setext underline.
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)]))")

CHECKBOX: dict[Status, str] = {Status.DONE: "[x]", Status.IN_PROGRESS: "[ ]", Status.NOT_STARTED: "[ ]"}
HARD_BREAK = "  \n"


def render(checklist: Checklist, options: ExportOptions) -> bytes:
    """The summary as UTF-8 Markdown."""
    summary = build_summary(checklist, options)
    return ("\n".join(_document(summary)) + "\n").encode("utf-8")


def escape(text: str, indent: str = "") -> str:
    """*text* as literal Markdown; each of its lines after the first starts with *indent*.

    A line that would start a block (``- x``, ``1. x``, ``> x``) gets its
    first character escaped: lines of notes often start with "-".
    """
    lines = []
    for line in text.split("\n"):
        line = _ENTITY.sub("&amp;", _INLINE.sub(r"\\\1", line.strip()))
        lines.append(_LINE_START.sub(_escape_start, line))
    return (HARD_BREAK + indent).join(lines)


def _escape_start(match: re.Match[str]) -> str:
    lead, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        return f"{lead}{marker}\\"  # "1." → "1\." : the dot is what makes the list
    return f"{lead}\\{marker}"


def _document(summary: Summary) -> list[str]:
    out = [f"# {escape(summary.title)}", ""]
    facts = [summary.organization, summary.fiscal_year or "", summary.as_of, summary.score_line or ""]
    out.append(HARD_BREAK.join(escape(fact) for fact in facts if fact))
    out.append("")
    out.append(f"**{escape(summary.progress_line)}**")
    if summary.filter_line:
        out.extend(["", f"_{escape(summary.filter_line)}_"])
    if summary.left is not None:
        out.extend(["", *_left(summary, summary.left)])
    for section in summary.sections:
        out.extend(["", *_section(summary, section)])
    return out


def _left(summary: Summary, left: LeftSummary) -> list[str]:
    """What is left, by owner: ``- **M2** title — status · **due … · 3 days overdue** · _Notes:_ …``."""
    out = [f"## {escape(left.heading)}"]
    if not left.total:
        return [*out, "", f"_{escape(summary.empty('left'))}_"]
    for group in left.groups:
        out.extend(["", f"### {escape(group.heading)}", ""])
        out.extend(_left_item(summary, entry) for entry in group.items)
    return out


def _left_item(summary: Summary, entry: LeftItem) -> str:
    facts = [escape(summary.status_name(entry.status))]
    if entry.due:
        # Overdue and due soon stand out in bold: the words say it, the weight repeats it.
        facts.append(f"**{escape(entry.due)}**" if entry.flagged else escape(entry.due))
    if entry.score is not None:
        facts.append(t("report.score_value", summary.lang, score=entry.score))
    if entry.shared_with:
        facts.append(escape(entry.shared_with))
    if entry.note:
        facts.append(f"_{summary.label('label.notes')}:_ {escape(entry.note)}")
    return f"- **{escape(entry.id)}** {escape(entry.title, '  ')} — {' · '.join(facts)}"


def _section(summary: Summary, section: SectionSummary) -> list[str]:
    out = [f"## {escape(section.title)} ({section.progress_label})", ""]
    if not section.rows:
        out.append(f"_{escape(summary.label('report.no_items_shown'))}_")
    out.extend(line for row in section.rows for line in _item(summary, row))
    return out


def _item(summary: Summary, row: Row) -> list[str]:
    """``- [x] **I1** title — คะแนน 97.44`` then notes and details, indented under it."""
    head = f"- {CHECKBOX[row.status]} **{escape(row.item.id)}**"
    if row.status is Status.IN_PROGRESS:
        head += f" _({escape(summary.status_name(row.status))})_"
    head += f" {escape(row.title, '  ')}"
    if row.score is not None:
        head += f" — {t('report.score_value', summary.lang, score=row.score)}"
    if row.due:
        head += f" — {escape(row.due)}"
    out = [head]
    if row.notes:
        out.append(f"  - _{summary.label('label.notes')}:_ {escape(row.notes, '    ')}")
    if row.updated:
        out.append(f"  - _{summary.label('label.updated')}:_ {row.updated}")
    for detail in row.details:
        out.extend(_detail(summary, detail))
    return out


def _detail(summary: Summary, detail: Detail) -> list[str]:
    label = f"**{escape(detail.label)}**"
    if not detail.numbered:
        return [f"  - {label}: {escape(detail.lines[0], '    ')}"]
    out = [f"  - {label}"]
    for number, line in enumerate(detail.lines, start=1):
        out.append(f"    {number}. {escape(line, '       ')}")
    return out

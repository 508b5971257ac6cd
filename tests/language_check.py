"""Words of the other language in what the interface shows: the check the language walks use.

What counts as an interface word of the other language:

- in a Thai view, a Latin word of two letters or more;
- in an English view, a run of Thai script.

What does not count: text quoted as data ('...', “...”, "..."), data the caller names
(a checklist's titles and ids, file names), option names (``--lang``), paths and file
names (``a/b.toml``, ``x.toml``), all-capital words (codes and placeholders: IIT, EIT,
OIT, AA, FILE, TOML, UTF-8), code (key paths, ``[checklist]``, ``0xE9``), and the few
names in :data:`NAMES` that read the same in both languages (key names, format names,
the program's name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ita_tui.model import Checklist

# Names that are not words of either language: keys, formats, the program, units.
NAMES = frozenset(
    {
        "ita-tui",
        "ctrl",
        "enter",
        "space",
        "escape",
        "esc",
        "tab",
        "shift",
        "home",
        "end",
        "pageup",
        "pagedown",
        "pgup",
        "pgdn",
        "delete",
        "up",
        "down",
        "left",
        "right",
        "th",
        "en",
        "md",
        "html",
        "svg",
        "ansi",
        "csv",
        "json",
        "text",
        "txt",
        "toml",
        "docx",
        "xlsx",
        "pdf",
        "eml",
        "Markdown",
        "Excel",
        "Word",
        "GitHub",
        "GitLab",
        "LibreOffice",
        "Unicode",
        "Outlook",
        "Thunderbird",
        "Apple",
        "Mail",
        "MB",
    }
)
# Thai that English views show on purpose: the language's own name, examples of Thai input.
THAI_NAMES = frozenset(
    {
        "ไทย",
        "ใช้",
        "ใช",
        "ดำเนินการแล้วเสร็จ",
        "๐",
        "๙",
        "ตัวชี้วัดที่",
        "มาตรการ",
        "ตัวชี้วัด",
        "กองคลัง",
        "ทุกส่วนราชการ",
        "๒๕๗๐",
    }
)

_QUOTED = re.compile(r"'[^'\n]*'|“[^”\n]*”|\"[^\"\n]*\"|‘[^’\n]*’|`[^`\n]*`")
_TAG = re.compile(r"</?\w+/?>")
# Code: key paths (sections[2].items[0].id), TOML table headers ([checklist], [[sections]]), hex bytes,
# e-mail addresses.
_CODE = re.compile(r"\S*\w\[\d+\]\S*|\[\[?[\w.]+\]\]?|\b0x[0-9A-Fa-f]+\b|\S+@\S+")
_OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*(?:=\S*)?")
_PATHLIKE = re.compile(
    r"\S*[/\\]\S*|\b[\w.-]+\.(?:toml|md|html?|txt|svg|ans|csv|json|docx?|xlsx?|pdf|odt|eml)\b"
)
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
_THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")


def _without(text: str, data: Iterable[str]) -> str:
    for piece in sorted({d for d in data if d}, key=len, reverse=True):
        text = text.replace(piece, " ")
    return text


def foreign_words(text: str, lang: str, data: Iterable[str] = ()) -> list[str]:
    """The words of the other language in *text*, shown in *lang* (``th`` or ``en``).

    *data* is text that may show as it is (a checklist's titles, notes, ids, a path): it is
    removed where it shows whole, and its words are allowed where it shows wrapped or cut
    (a piece of one of them, as a title cut with "…" or wrapped shows it).
    """
    data = [piece for piece in data if piece]
    text = _without(text, data)
    text = _QUOTED.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = _CODE.sub(" ", text)
    text = _OPTION.sub(" ", text)
    text = _PATHLIKE.sub(" ", text)
    pattern = _LATIN_WORD if lang == "th" else _THAI_RUN
    vocabulary = {word for piece in data for word in pattern.findall(piece)}

    def allowed(word: str) -> bool:
        if word in vocabulary or any(word in known for known in vocabulary):
            return True
        if lang == "th":
            return word.isupper() or word in NAMES or word.lower() in NAMES
        return word in THAI_NAMES

    return [word for word in pattern.findall(text) if not allowed(word)]


def checklist_text(checklist: Checklist) -> list[str]:
    """Every piece of text a checklist brings to a screen or an output: data, not interface words."""
    texts = [checklist.title, checklist.organization, checklist.description, checklist.rating or ""]
    texts += [*checklist.labels, *checklist.labels.values()]
    for section in checklist.sections:
        texts += [section.id, section.title, section.subtitle, *section.labels, *section.labels.values()]
        for item in section.items:
            texts += [item.id, item.title, item.notes, *item.fields]
            for value in item.fields.values():
                texts += [value] if isinstance(value, str) else value
    return texts

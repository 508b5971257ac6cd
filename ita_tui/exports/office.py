"""What the Word and Excel exports share: fonts, the three boxes, and how a section becomes a table.

Both documents are read back by ``ita-tui import`` (ita_tui/importing/), so the columns
follow the importer's rules (docs/import.md): a title column headed มาตรการ/กิจกรรม,
รายการ or ตัวชี้วัด, an id column where the ids are not the ones the importer would
derive (M1, M2 … from ลำดับ; I1 … I10 from ตัวชี้วัดที่ N), the checklist's own field
labels, สถานะ, คะแนน and หมายเหตุ.  Pure: no python-docx, no openpyxl.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time

from ita_tui.i18n import Lang, t
from ita_tui.model import Checklist, FieldValue, Item, Section, Status

# TH Sarabun New is the Thai government's standard font (Cabinet resolution of 2010,
# free from the Software Industry Promotion Agency); most agency PCs have it.  Where it
# is missing: its older cut TH SarabunPSK, then Leelawadee UI (Windows 8 and later)
# and Tahoma (every Windows); on Linux fontconfig maps it to TLWG's Laksaman.
FONT = "TH Sarabun New"
FONT_FALLBACKS = ("TH SarabunPSK", "Leelawadee UI", "Tahoma")
# The boxes: TH Sarabun New has no ☑ ☐; Segoe UI Symbol (Windows) has both, and
# elsewhere the reader's fallback font (DejaVu Sans) draws them.
SYMBOL_FONT = "Segoe UI Symbol"
CHECKED = "☑"
UNCHECKED = "☐"
# The seed report's order of the three boxes.
BOX_ORDER = (Status.DONE, Status.NOT_STARTED, Status.IN_PROGRESS)

_MEASURE_ID = re.compile(r"^M(\d{1,3})$")
# Characters XML 1.0 cannot hold (text is cleaned on load, but a Checklist may be built in code).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# Marks that sit on the letter before them (Thai vowels above and below, tone marks; the
# combining diacritics) and the invisible format characters: they take no room on a line.
_NO_ROOM = dict.fromkeys(
    [code for code in range(0x0300, 0x0370)]
    + [0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)]
    + [*range(0x200B, 0x2010), 0xFEFF]
)


def visible_length(text: str) -> int:
    """Characters that take room on a line: Thai vowel and tone marks sit on their letter."""
    return len(text.translate(_NO_ROOM))


def xml_text(text: str) -> str:
    """*text* without the characters an XML document cannot hold."""
    return _NOT_XML.sub("\ufffd", text)


def moment(today: date | None) -> datetime:
    """The document's date: the export's day (default: today) at midnight, so that a day's
    exports of one checklist are the same bytes (the "as of" date is a day too)."""
    return datetime.combine(today or date.today(), time(0, 0))


def stable_zip(data: bytes, moment: datetime) -> bytes:
    """*data* (a .docx or .xlsx) with every entry dated *moment* and the document's "modified"
    date its "created" one: the same checklist on the same day gives the same bytes
    (libraries stamp the time of saving), so an export can be compared and kept as a golden file."""
    stamp = (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, moment.second)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            body = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                body = _same_dates(body)
            info = zipfile.ZipInfo(entry.filename, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, body)
    return out.getvalue()


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)([^<]*)(</dcterms:modified>)")
_CREATED = re.compile(rb"<dcterms:created[^>]*>([^<]*)</dcterms:created>")


def _same_dates(core: bytes) -> bytes:
    """The core properties with "modified" set to "created"."""
    created = _CREATED.search(core)
    if created is None:
        return core
    return _MODIFIED.sub(lambda m: m.group(1) + created.group(1) + m.group(3), core, count=1)


def is_measures(section: Section) -> bool:
    """The agency's own measures: the section the importer fills from มาตรการ tables."""
    return section.id == "measures" and section.group is None


def indicator_table(section: Section) -> bool:
    """True when every item of *section* is an ITA indicator (a ตัวชี้วัด table)."""
    return bool(section.items) and all(item.indicator is not None for item in section.items)


def needs_id_column(section: Section) -> bool:
    """True when the importer could not derive the section's ids from its table."""
    if indicator_table(section):
        return any(item.id != f"I{item.indicator}" for item in section.items)
    if not is_measures(section):
        return True
    numbers = [_MEASURE_ID.match(item.id) for item in section.items]
    if any(match is None for match in numbers):
        return True
    values = [int(match.group(1)) for match in numbers if match is not None]
    return len(set(values)) != len(values) or 0 in values


def measure_number(item: Item) -> str:
    """The ลำดับ of a measure whose id is M<n>."""
    match = _MEASURE_ID.match(item.id)
    return match.group(1) if match else ""


def title_header(section: Section, lang: Lang) -> str:
    """The title column's header: ตัวชี้วัด, มาตรการ/กิจกรรม, or รายการ for any other section."""
    if indicator_table(section):
        return t("label.indicator", lang)
    return t("office.measure" if is_measures(section) else "label.item", lang)


def indicator_title(item: Item, title: str, lang: Lang, digits: bool) -> str:
    """``ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่``: how reports write an indicator's name."""
    number = str(item.indicator)
    if digits:
        from ita_tui.thai import to_thai_digits

        number = to_thai_digits(number)
    return f"{t('label.indicator_number', lang, number=number)} {title}"


def field_keys(section: Section) -> list[str]:
    """The detail fields any item of *section* has, in the order first met."""
    keys: dict[str, None] = {}
    for item in section.items:
        keys.update(dict.fromkeys(item.fields))
    return list(keys)


def has_notes(section: Section) -> bool:
    return any(item.notes.strip() for item in section.items)


def has_due(section: Section) -> bool:
    return any(item.due is not None for item in section.items)


def has_scores(section: Section) -> bool:
    return any(item.score is not None for item in section.items)


@dataclass(frozen=True)
class Entries:
    """A field's value as lines: *listed* when it is a TOML list (written 1. 2. …)."""

    lines: tuple[str, ...]
    listed: bool

    def numbered(self) -> list[str]:
        """The lines as written in a cell: a list numbered ``1. …``, so that it reads back as a list."""
        if not self.listed:
            return list(self.lines)
        return [f"{number}. {line}" for number, line in enumerate(self.lines, start=1)]


def entries(value: FieldValue | None) -> Entries:
    """The non-empty lines of a field value, trimmed."""
    if value is None:
        return Entries((), False)
    if isinstance(value, str):
        text = value.strip()
        return Entries((text,) if text else (), False)
    return Entries(tuple(line.strip() for line in value if line.strip()), True)


def field_label(checklist: Checklist, section: Section, key: str) -> str:
    """The label a field's column is headed with."""
    return checklist.label(section, key)

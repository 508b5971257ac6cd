"""Turn a parsed checklist document into the model, collecting every problem.

Input is the plain data :mod:`tomllib` returns; output is a
:class:`~ita_tui.model.Checklist` and a list of :class:`Issue` objects, each
naming the key path it is about (``sections[2].items[0].status``).  Positions
are added later by the file layer, which knows the text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ita_tui.evidence import address_problem
from ita_tui.i18n import CATALOGUE, Message
from ita_tui.model import GROUPS, ITEM_KEYS, Checklist, Evidence, FieldValue, Item, Section, Status
from ita_tui.sanitize import clean_line, clean_text, unsafe_characters

FORMAT_VERSION = 1
_INDICATOR_ID = re.compile(r"^I(\d{1,2})$")

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Issue:
    """A problem at a key path; *warning* ones do not stop the file from loading."""

    path: Path
    message: Message | str
    warning: bool = False


def render_path(path: Path) -> str:
    """``("sections", 2, "items", 0, "status")`` → ``sections[2].items[0].status``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            # Keys come from the file: clean them, as every text shown.
            shown = part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else f'"{clean_line(part)}"'
            out += ("." if out else "") + shown
    return out


# Strings shown on one line (rows, headings): a tab in them is read as one space.
_ONE_LINE_KEYS = frozenset(
    {"title", "subtitle", "organization", "rating", "id", "group", "language", "label"}
)
_EVIDENCE_KEYS = ("url", "path", "label", "published")


class _Builder:
    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def problem(self, path: Path, key: str, /, *, warning: bool = False, **fields: object) -> None:
        """Record the problem ``Message.of(key, **fields)`` at *path* (``check.*`` keys).

        A text that is no catalogue key is kept as it is (English, until it gets one): the
        language walks find it, and validate never fails for it.
        """
        message: Message | str = Message.of(key, **fields) if key in CATALOGUE else key
        self.issues.append(Issue(path, message, warning))

    # -- typed getters --------------------------------------------------------
    def text(self, table: dict[str, Any], key: str, path: Path, *, required: bool = False) -> str:
        value = table.get(key)
        if value is None:
            if required:
                self.problem(path, "check.missing_key", key=key)
            return ""
        if not isinstance(value, str):
            self.problem(path + (key,), "check.not_text", key=key, kind=_type_name(value))
            return ""
        if required and not value.strip():
            self.problem(path + (key,), "check.empty", key=key)
        if key in _ONE_LINE_KEYS and "\t" in value:
            # A title is one line in every view; a tab there would be as wide as the terminal's
            # next tab stop, which no layout can know, and push the row past its border.
            value = value.replace("\t", " ")
        return self.clean(value, path + (key,))

    def clean(self, value: str, path: Path, where: Message | str = "") -> str:
        """Control characters become visible; each kind is reported once as a warning.

        *where* says which part of the line holds them ("in the key", "in entry 2")
        when a key and its value, or the entries of a list, share one position.
        """
        found = unsafe_characters(value)
        if found:
            names = ", ".join(sorted({name for _, name in found}))
            self.problem(path, "check.controls", warning=True, place=where, names=names)
            return clean_text(value)
        return value.replace("\r\n", "\n") if "\r" in value else value

    def number(self, table: dict[str, Any], key: str, path: Path) -> float | None:
        """A score: a number 0–100, also written as a string of (Thai) digits."""
        value = table.get(key)
        if value is None:
            return None
        number = _as_number(value)
        if number is None:
            # NaN is a float, but "not a number" would read as nonsense: name it.
            shown = Message.of("type.nan") if isinstance(value, float) else _type_name(value)
            self.problem(path + (key,), "check.score_not_number", key=key, kind=shown)
            return None
        if not 0 <= number <= 100:
            self.problem(path + (key,), "check.score_range", key=key, value=_format_number(number))
            return None
        return number

    def labels(self, table: dict[str, Any], path: Path) -> dict[str, str]:
        value = table.get("labels")
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(path + ("labels",), "check.not_table", key="labels", kind=_type_name(value))
            return {}
        labels = {}
        for key, label in value.items():
            # The key is shown too (a field without a label is headed by its key).
            name = self.clean(key, path + ("labels", key), IN_THE_KEY)
            if isinstance(label, str):
                labels[name] = self.clean(label, path + ("labels", key))
            else:
                self.problem(path + ("labels", key), "check.label_not_text", kind=_type_name(label))
        return labels

    def table_array(
        self, table: dict[str, Any], key: str, path: Path, *, optional: bool = False
    ) -> list[dict[str, Any]]:
        value = table.get(key)
        if value is None and optional:
            return []
        if value is None:
            header = ".".join(part for part in path + (key,) if isinstance(part, str))
            self.problem(path, "check.missing_array", key=key, header=header)
            return []
        if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
            self.problem(path + (key,), "check.not_array", key=key, kind=_type_name(value))
            return []
        return value

    # -- the document -----------------------------------------------------------
    def checklist(self, data: dict[str, Any]) -> Checklist:
        if not self._format(data):
            # A newer format may mean anything; its other "problems" would only mislead.
            return Checklist(title="")
        head = data.get("checklist")
        has_head = isinstance(head, dict)
        if not isinstance(head, dict):
            if head is None:
                self.problem((), "check.missing_checklist")
            else:
                self.problem(("checklist",), "check.not_table", key="checklist", kind=_type_name(head))
            head = {}
        path: Path = ("checklist",)
        checklist = Checklist(
            # Without the table, its missing title is no news: one line says it all.
            title=self.text(head, "title", path, required=has_head),
            organization=self.text(head, "organization", path),
            description=self.text(head, "description", path),
            fiscal_year=self._fiscal_year(head, path),
            overall_score=self.number(head, "overall_score", path),
            rating=self.text(head, "rating", path) or None,
            language=self._language(head, path),
            labels=self.labels(head, path),
            scoring=self._scoring(head, path),
            previous=self.text(head, "previous", path).strip() or None,
        )
        self._scoring_overrides(checklist)
        checklist.sections = [
            self.section(entry, ("sections", index))
            for index, entry in enumerate(self.table_array(data, "sections", ()))
        ]
        self._unique_ids(checklist)
        return checklist

    def _format(self, data: dict[str, Any]) -> bool:
        """Check the format version; False when the file is of a newer format."""
        version = data.get("format")
        if version is None:
            self.problem((), "check.missing_format")
        elif not isinstance(version, int) or isinstance(version, bool):
            self.problem(("format",), "check.format_not_int", kind=_type_name(version))
        elif version > FORMAT_VERSION:
            self.problem(("format",), "check.format_newer", version=version, known=FORMAT_VERSION)
            return False
        elif version < 1:
            self.problem(("format",), "check.format_unknown", version=version, known=FORMAT_VERSION)
        return True

    def _scoring_overrides(self, checklist: Checklist) -> None:
        if not checklist.scoring:
            return
        from ita_tui.scoring import override_problems

        for key, message in override_problems(checklist.scoring, checklist.fiscal_year):
            self.problem(tuple(key.split(".")), "check.override", key=key, message=message)

    def _fiscal_year(self, head: dict[str, Any], path: Path) -> int | None:
        value = head.get("fiscal_year")
        if value is None:
            return None
        year = _as_int(value)
        if year is None or not 2400 <= year <= 2700:
            self.problem(path + ("fiscal_year",), "check.fiscal_year", value=_quote(value))
            return None
        return year

    def _language(self, head: dict[str, Any], path: Path) -> str | None:
        language = self.text(head, "language", path)
        if language and language not in ("th", "en"):
            self.problem(path + ("language",), "check.language", value=_quote(language))
            return None
        return language or None

    def _scoring(self, head: dict[str, Any], path: Path) -> dict[str, object]:
        value = head.get("scoring")
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(path + ("scoring",), "check.not_table", key="scoring", kind=_type_name(value))
            return {}
        # Scoring overrides may be quoted in scoring's warnings: clean them like all text.
        cleaned = _clean_deep(value)
        if cleaned != value:
            self.problem(path + ("scoring",), "check.controls_scoring", warning=True)
        return dict(cleaned)

    def section(self, table: dict[str, Any], path: Path) -> Section:
        section = Section(
            id=self.text(table, "id", path, required=True).strip(),
            title=self.text(table, "title", path, required=True),
            group=self._group(table, path),
            labels=self.labels(table, path),
            subtitle=self.text(table, "subtitle", path),
        )
        section.items = [
            self.item(entry, path + ("items", index), section)
            # A section without items (just made, say) has no [[sections.items]] to write.
            for index, entry in enumerate(self.table_array(table, "items", path, optional=True))
        ]
        return section

    def _group(self, table: dict[str, Any], path: Path) -> str | None:
        group = self.text(table, "group", path).strip().upper()
        if group and group not in GROUPS:
            allowed = ", ".join(GROUPS)
            self.problem(path + ("group",), "check.group", allowed=allowed, value=_quote(group))
            return None
        return group or None

    def item(self, table: dict[str, Any], path: Path, section: Section) -> Item:
        item = Item(
            id=self.text(table, "id", path, required=True).strip(),
            title=self.text(table, "title", path, required=True),
            status=self._status(table, path),
            notes=self.text(table, "notes", path),
            score=self.number(table, "score", path),
            updated=self._updated(table, path),
            due=self._due(table, path),
        )
        item.indicator = self._indicator(table, path, item, section)
        item.fields = self._fields(table, path)
        item.evidence = self._evidence(table, path)
        return item

    def _evidence(self, table: dict[str, Any], path: Path) -> list[Evidence]:
        value = table.get("evidence")
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
            self.problem(
                path + ("evidence",),
                f"'evidence' must be an array of tables [[sections.items.evidence]], not {_type_name(value)}",
            )
            return []
        found = [self._evidence_entry(entry, path + ("evidence", index)) for index, entry in enumerate(value)]
        return [entry for entry in found if entry is not None]

    def _evidence_entry(self, table: dict[str, Any], path: Path) -> Evidence | None:
        for key in table:
            if key not in _EVIDENCE_KEYS:
                known = ", ".join(_EVIDENCE_KEYS)
                self.problem(
                    path + (key,), f"unknown key {_quote(key)} in evidence (known: {known})", warning=True
                )
        url, file = self._address(table, "url", path), self._address(table, "path", path)
        label = self.text(table, "label", path)
        published = self._published(table, path)
        if url is not None and file is not None:
            self.problem(
                path, "evidence has both 'url' and 'path': give one (one [[sections.items.evidence]] each)"
            )
            return None
        if url is None and file is None:
            if "url" not in table and "path" not in table:
                self.problem(path, "evidence needs a 'url' (a web address) or a 'path' (a file)")
            return None
        if url is not None and not self._good_url(url, path + ("url",)):
            return None
        return Evidence(url=url, path=file, label=label or None, published=published)

    def _good_url(self, url: str, path: Path) -> bool:
        problem = address_problem(url)
        if problem is None:
            return True
        from ita_tui.i18n import t  # the catalogue, only to complain

        self.problem(path, f"'url' {_quote(url)}: {t(problem, 'en')}")
        return False

    def _address(self, table: dict[str, Any], key: str, path: Path) -> str | None:
        """A url or path: None when absent, or when bad (then it is reported)."""
        if key not in table:
            return None
        text = self.text(table, key, path)
        if not text.strip() and isinstance(table[key], str):
            self.problem(path + (key,), f"'{key}' must not be empty")
            return None
        return text or None

    def _published(self, table: dict[str, Any], path: Path) -> date | None:
        value = table.get("published")
        if value is None:
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        self.problem(
            path + ("published",),
            f"'published' must be a date such as 2026-11-01 (no quotes), not {_type_name(value)}",
        )
        return None

    def _status(self, table: dict[str, Any], path: Path) -> Status:
        value = table.get("status")
        if value is None:
            return Status.NOT_STARTED
        if not isinstance(value, str):
            self.problem(path + ("status",), "check.not_text", key="status", kind=_type_name(value))
            return Status.NOT_STARTED
        status = Status.parse(value)
        if status is None:
            known = ", ".join(s.value for s in Status)
            self.problem(path + ("status",), "check.unknown_status", value=_quote(value), known=known)
            return Status.NOT_STARTED
        return status

    def _updated(self, table: dict[str, Any], path: Path) -> datetime | None:
        value = table.get("updated")
        if value is None:
            return None
        if isinstance(value, datetime):
            return value
        if isinstance(value, date):
            return datetime(value.year, value.month, value.day)
        self.problem(path + ("updated",), "check.updated", kind=_type_name(value))
        return None

    def _due(self, table: dict[str, Any], path: Path) -> date | None:
        """A TOML date; a string is read as typed dates are (15/12/2569, 15 ธ.ค. 2569)."""
        value = table.get("due")
        if value is None:
            return None
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        if isinstance(value, str) and value.strip():
            from ita_tui.dates import DateError, parse_date

            try:
                return parse_date(value)
            except DateError as error:
                self.problem(
                    path + ("due",), "check.due_unreadable", reason=Message.of(error.key, **error.fields)
                )
                return None
        shown = _quote(value) if isinstance(value, str) else _type_name(value)
        self.problem(path + ("due",), "check.due_type", kind=shown)
        return None

    def _indicator(self, table: dict[str, Any], path: Path, item: Item, section: Section) -> int | None:
        value = table.get("indicator")
        if value is not None:
            number = _as_int(value)
            if number is None or not 1 <= number <= 10:
                self.problem(path + ("indicator",), "check.indicator", value=_quote(value))
                return None
            return number
        # An I-numbered item in an ITA group section is that indicator.
        match = _INDICATOR_ID.match(item.id)
        if section.group and match and 1 <= int(match.group(1)) <= 10:
            return int(match.group(1))
        return None

    def _fields(self, table: dict[str, Any], path: Path) -> dict[str, FieldValue]:
        fields: dict[str, FieldValue] = {}
        for key, value in table.items():
            if key in ITEM_KEYS:
                continue
            if not isinstance(value, str) and not (
                isinstance(value, list) and all(isinstance(entry, str) for entry in value)
            ):
                continue  # Keys of other types are kept in the file but are not detail fields.
            # A field's key is its heading when it has no label, so it is shown text too.
            name = self.clean(key, path + (key,), IN_THE_KEY)
            if isinstance(value, str):
                fields[name] = self.clean(value, path + (key,))
            else:
                fields[name] = [
                    self.clean(entry, path + (key, index), _in_entry(index) if len(value) > 1 else "")
                    for index, entry in enumerate(value)
                ]
        return fields

    def _unique_ids(self, checklist: Checklist) -> None:
        self._unique(
            [(("sections", s, "id"), section.id) for s, section in enumerate(checklist.sections)],
            "section",
        )
        self._unique(
            [
                (("sections", s, "items", i, "id"), item.id)
                for s, section in enumerate(checklist.sections)
                for i, item in enumerate(section.items)
            ],
            "item",
        )

    def _unique(self, entries: list[tuple[Path, str]], kind: str) -> None:
        first: dict[str, Path] = {}
        for path, ident in entries:
            if not ident:
                continue
            if ident in first:
                where = render_path(first[ident])
                self.problem(path, f"check.duplicate_{kind}", value=_quote(ident), where=where)
            else:
                first[ident] = path


def build_checklist(data: dict[str, Any]) -> tuple[Checklist, list[Issue]]:
    """Build the model from parsed TOML *data*; return it with every problem found."""
    builder = _Builder()
    checklist = builder.checklist(data)
    return checklist, builder.issues


_QUOTE_LIMIT = 60


def _quote(value: object) -> str:
    """A value from the file, quoted for a one-line message: cleaned and cut short."""
    text = repr(clean_line(value) if isinstance(value, str) else value)
    return text if len(text) <= _QUOTE_LIMIT else text[: _QUOTE_LIMIT - 1] + "…"


def _clean_deep(value: Any) -> Any:
    """*value* with every string in it, keys included, cleaned (for raw tables kept as data)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(key): _clean_deep(entry) for key, entry in value.items()}
    if isinstance(value, list):
        return [_clean_deep(entry) for entry in value]
    return value


def _type_name(value: object) -> Message | str:
    """What kind of TOML value *value* is, in words (``type.*`` messages)."""
    names: dict[type, str] = {
        str: "string",
        bool: "boolean",
        int: "whole_number",
        float: "number",
        list: "array",
        dict: "table",
        datetime: "datetime",
        date: "date",
    }
    name = names.get(type(value))
    return Message.of(f"type.{name}") if name else type(value).__name__


IN_THE_KEY = Message.of("check.place.key")


@functools.cache
def _in_entry(index: int) -> Message:
    # Cached: made for every entry of every list of every load (80,000 on 10,000 items).
    return Message.of("check.place.entry", number=index + 1)


def _as_number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    number: float | None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        number = _parse_digits(value, whole=False)
    else:
        return None
    return number if number is not None and number == number else None  # NaN is not a score


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        whole = _parse_digits(value, whole=True)
        return None if whole is None else int(whole)
    return None


def _parse_digits(text: str, whole: bool) -> float | None:
    # One rule with `set --score` and the app: Arabic or Thai digits only, never what
    # float() also reads ("1e2", "9_5", "nan").
    from ita_tui.thai import NumberError, parse_int, parse_number

    try:
        return parse_int(text) if whole else parse_number(text)
    except NumberError:
        return None


def _format_number(number: float) -> str:
    return f"{number:g}"

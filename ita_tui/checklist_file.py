"""Read a checklist file: bytes → text → TOML data → model, with every problem located.

Reading is split from saving (:mod:`ita_tui.saving`).  Parsing uses
:mod:`tomllib` — about four times faster than tomlkit and a third of its
memory — and positions come from :mod:`ita_tui.toml_spans`, scanned only
when there is something to report or to save.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ita_tui.errors import EXIT_USAGE, ChecklistError, Problem, UserError, os_reason
from ita_tui.i18n import Message
from ita_tui.model import Checklist, Status
from ita_tui.record import Snapshot, snapshot
from ita_tui.schema import Issue, build_checklist, render_path

if TYPE_CHECKING:
    from ita_tui.toml_spans import DocumentMap

# Above the largest checklist anyone tracks (the 10,000-item benchmark is about
# 37 MB), low enough that a stray log or disk image is refused at once, before
# it is read and parsed for many seconds.  ITA_TUI_MAX_FILE_MB raises it.
MAX_FILE_BYTES = 45 * 1024 * 1024
# Nothing in a checklist nests deeper than a handful of levels; deeper data
# would only make recursive consumers (copy, json, tomlkit) overflow.
MAX_DEPTH = 16

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_AT_END = re.compile(r"\s*\(at end of document\)$")


@dataclass(frozen=True)
class ItemState:
    """The editable part of an item, as last read from or written to disk."""

    status: Status
    notes: str
    score: float | None
    updated: datetime | None
    due: date | None = None


@dataclass
class LoadedChecklist:
    """A checklist and what is needed to save it back: its text, where its items stand."""

    path: Path
    text: str  # decoded, BOM removed, line ends as in the file
    checklist: Checklist
    fingerprint: str  # sha256 of the bytes read, to notice changes by others
    bom: bool = False
    newline: str = "\n"
    warnings: list[Problem] = field(default_factory=list)
    # What the text holds, part by part (ita_tui.record): a save writes the difference.
    baseline: Snapshot = field(default_factory=lambda: Snapshot({}, (), {}))
    # True after a save done in another process (ita_tui.save_worker): `text` is then
    # empty and the file's text is the file's bytes at `fingerprint`, read again
    # only if an in-process save needs it (saving.with_text).
    text_on_disk: bool = False

    def changed_items(self) -> list[str]:
        """Ids of the items that differ from the file's (new ones included)."""
        now = snapshot(self.checklist).items
        old = self.baseline.items
        return [item.id for item in self.checklist.items() if old.get(item.uid) != now[item.uid]]


def state_of(item: Any) -> ItemState:
    """The editable state of *item*."""
    return ItemState(item.status, item.notes, item.score, item.updated, item.due)


def max_file_bytes() -> int:
    """The largest file the loader reads: :data:`MAX_FILE_BYTES`, or ITA_TUI_MAX_FILE_MB."""
    setting = os.environ.get("ITA_TUI_MAX_FILE_MB", "")
    return int(setting) * 1024 * 1024 if setting.isdigit() and int(setting) > 0 else MAX_FILE_BYTES


def _too_large(name: str, size: int, limit: int) -> UserError:
    megabytes = round(size / (1024 * 1024), 1)
    if megabytes <= limit / (1024 * 1024):
        # Rounded up instead, so that a file just over the limit never reads "45 MB; at most 45 MB".
        megabytes = math.ceil(size * 10 / (1024 * 1024)) / 10
    sizes = {"size": f"{megabytes:g}", "limit": limit // (1024 * 1024)}
    return UserError(Message.of("file.too_large", path=name, **sizes), EXIT_USAGE)


A_CHECKLIST = Message.of("file.what.checklist")
A_REPORT = Message.of("file.what.report")


def read_bytes(path: Path, what: Message = A_CHECKLIST) -> bytes:
    """The file's bytes, or a :class:`UserError` (exit 2) saying why it can't be read.

    *what* names the kind of file a folder given by mistake is not (:data:`A_CHECKLIST`,
    :data:`A_REPORT`).

    Only regular files are read: a FIFO, a device (``/dev/zero``) or a socket
    is refused before it is opened, since opening a FIFO waits for a writer
    forever.  The size is checked before reading, and the read itself stops
    one byte past the limit, so a file growing meanwhile is never read whole.
    """
    name = str(path)
    limit = max_file_bytes()
    try:
        info = os.stat(path)
        _check_kind(path, info.st_mode, what)
        if info.st_size > limit:
            raise _too_large(name, info.st_size, limit)
        # Non-blocking, in case the file became a FIFO since: the open returns at once,
        # and the check on the open handle refuses it.
        with open(path, "rb", opener=_open_nonblocking) as handle:
            _check_kind(path, os.fstat(handle.fileno()).st_mode, what)
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise _too_large(name, len(data), limit)
        return data
    except FileNotFoundError:
        raise UserError(Message.of("file.no_such", path=name), EXIT_USAGE) from None
    except PermissionError as error:
        from ita_tui.fs.platform import in_use

        if in_use(error):
            from ita_tui.fs.messages import in_use_on_read

            raise in_use_on_read(path) from None
        raise UserError(Message.of("file.permission", path=name), EXIT_USAGE) from None
    except IsADirectoryError:
        raise UserError(Message.of("file.is_folder", path=name, what=what), EXIT_USAGE) from None
    except OSError as error:
        raise UserError(
            Message.of("file.cannot_read", path=name, reason=os_reason(error)), EXIT_USAGE
        ) from None


def _open_nonblocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def _check_kind(path: Path, mode: int, what: Message) -> None:
    """Refuse a folder, and anything that is not a regular file, by what it is."""
    if stat.S_ISDIR(mode):
        raise UserError(Message.of("file.is_folder", path=str(path), what=what), EXIT_USAGE)
    if not stat.S_ISREG(mode):
        from ita_tui.fs.messages import not_regular

        raise not_regular(path, mode)


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(data: bytes, name: str) -> tuple[str, bool]:
    """UTF-8 text of *data* without its BOM, and whether it had one."""
    if data.startswith(_UTF16_BOMS):
        # Windows Notepad's "Unicode": say what it is rather than "binary".
        raise UserError(Message.of("file.utf_sixteen", path=name), EXIT_USAGE)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise UserError(Message.of("file.binary", path=name, offset=nul), EXIT_USAGE)
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    try:
        return data.decode("utf-8"), bom
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        # Columns count characters, as editors do: the bytes before the bad one are valid UTF-8.
        column = len(data[line_start : error.start].decode("utf-8")) + 1
        raise ChecklistError(
            [
                Problem(
                    name,
                    Message.of("file.not_utf", byte=f"{data[error.start]:02X}", hint=_legacy_hint(data)),
                    line,
                    column,
                )
            ]
        ) from None


# Three Thai letters in a row in TIS-620 / Windows-874, the encoding of older Thai files.
_TIS620_RUN = re.compile(rb"[\xa1-\xfb]{3}")


def _legacy_hint(data: bytes) -> Message | str:
    """A hint when *data* reads as Thai in TIS-620 (Windows-874): the usual cause here."""
    if not _TIS620_RUN.search(data):
        return ""
    try:
        data.decode("cp874")
    except UnicodeDecodeError:
        return ""
    return Message.of("file.legacy_thai_hint")


def parse_toml(text: str, name: str) -> dict[str, Any]:
    """Parse *text* with tomllib; a syntax error becomes a located :class:`ChecklistError`.

    Data nested deeper than :data:`MAX_DEPTH` is refused here too, so that
    nothing downstream has to guard its recursion.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ChecklistError([_syntax_problem(str(error), text, name)]) from None
    except RecursionError:
        raise ChecklistError([Problem(name, _TOO_DEEP)]) from None
    deep = _too_deep(data)
    if deep is not None:
        raise ChecklistError([Problem(name, _TOO_DEEP, key=render_path(deep))])
    return data


_TOO_DEEP = Message.of("file.too_deep", depth=MAX_DEPTH)


def _too_deep(data: dict[str, Any]) -> tuple[str | int, ...] | None:
    """The path of the first table or array nested deeper than :data:`MAX_DEPTH`, or None.

    Iterative, so that it cannot itself run out of stack on what it guards
    against; only containers are visited, which keeps a 40 MB file quick.
    """
    stack: list[tuple[tuple[str | int, ...], dict[str, Any] | list[Any]]] = [((), data)]
    while stack:
        path, value = stack.pop()
        entries = value.items() if isinstance(value, dict) else enumerate(value)
        for key, entry in entries:
            if isinstance(entry, (dict, list)):
                if len(path) >= MAX_DEPTH:
                    return (*path, key)
                stack.append(((*path, key), entry))
    return None


_KEY_TUPLE = re.compile(r"\((?:'[^'\\]*'|\"[^\"\\]*\")(?:, ?(?:'[^'\\]*'|\"[^\"\\]*\"))*,?\)")


def _readable_keys(message: str) -> str:
    """tomllib quotes keys as Python tuples, ``('sections', 'items')``; show ``sections.items``."""

    def dotted(match: re.Match[str]) -> str:
        parts = re.findall(r"'([^']*)'|\"([^\"]*)\"", match.group())
        return ".".join(single or double for single, double in parts)

    return _KEY_TUPLE.sub(dotted, message)


def _syntax_problem(message: str, text: str, name: str) -> Problem:
    from ita_tui.toml_messages import toml_message

    message = _readable_keys(message)
    match = _TOML_POSITION.search(message)
    if match:
        reason = toml_message(_TOML_POSITION.sub("", message))
        return Problem(
            name, Message.of("toml.syntax", message=reason), int(match.group(1)), int(match.group(2))
        )
    if _TOML_AT_END.search(message):
        lines = text.split("\n")
        reason = Message.of("toml.at_end", message=toml_message(_TOML_AT_END.sub("", message)))
        return Problem(name, Message.of("toml.syntax", message=reason), len(lines), len(lines[-1]) + 1)
    return Problem(name, Message.of("toml.syntax", message=toml_message(message)))


def locate(issues: list[Issue], text: str, name: str) -> list[Problem]:
    """Give each issue a line and column where the text shows where its key is."""
    # Imported here: a file without problems is never scanned (and the app, show and the
    # exports start without the scanner).
    from ita_tui.toml_spans import ScanError, scan

    try:
        document: DocumentMap | None = scan(text)
    except ScanError:
        document = None
    problems: list[Problem] = []
    for issue in issues:
        position = document.position(issue.path) if document and issue.path else None
        if position:
            problems.append(Problem(name, issue.message, position[0], position[1], warning=issue.warning))
        else:
            problems.append(
                Problem(name, issue.message, key=render_path(issue.path) or None, warning=issue.warning)
            )
    return sorted(problems, key=lambda p: (p.line is None, p.line or 0, p.column or 0))


def _parse_checklist_toml(text: str, name: str) -> dict[str, Any]:
    """The TOML data of *text*; an empty file gets one clear line, not four "missing" ones."""
    if not text.strip():
        raise ChecklistError([Problem(name, Message.of("file.empty"))])
    document = parse_toml(text, name)
    if not document:
        raise ChecklistError([Problem(name, Message.of("file.no_checklist"))])
    return document


# The head of a checklist, read without parsing the file (the start screen's first frame).
_PEEK_BYTES = 64 * 1024
_HEADER = re.compile(r"^\s*\[\[?\s*([\w.\"' -]+?)\s*\]\]?\s*(?:#.*)?$", re.MULTILINE)
_HEAD_KEY = re.compile(r"""^\s*(language|title)\s*=\s*(?:"([^"\n]*)"|'([^'\n]*)')""", re.MULTILINE)


def peek_head(path: Path) -> tuple[str | None, str]:
    """The ``language`` and ``title`` of *path*'s ``[checklist]`` table, from its first 64 KB.

    Quick and forgiving (no parsing, escapes left as written): for choosing a language
    before the files are read; ``(None, "")`` when the file cannot be read or has no head.
    """
    try:
        with path.open("rb") as handle:
            text = handle.read(_PEEK_BYTES).decode("utf-8", "replace")
    except OSError:
        return None, ""
    headers = list(_HEADER.finditer(text))
    start = next((m.end() for m in headers if m.group(1) == "checklist"), None)
    if start is None:
        return None, ""
    end = next((m.start() for m in headers if m.start() > start), len(text))
    found = {m.group(1): m.group(2) or m.group(3) or "" for m in _HEAD_KEY.finditer(text, start, end)}
    return found.get("language"), found.get("title", "")


# The baseline of a checklist loaded for reading only (`validate`, `show`, exports): recording
# 10,000 items takes a quarter of a second that a command which never saves need not spend.
NOT_RECORDED = Snapshot({}, (), {})


def check(
    path: str | os.PathLike[str], *, for_saving: bool = True
) -> tuple[LoadedChecklist | None, list[Problem]]:
    """Read and check *path*: the loaded checklist (None if it has errors) and every problem.

    Without *for_saving* its baseline is :data:`NOT_RECORDED` and a save refuses it.
    Raises :class:`UserError` (exit 2) when the file cannot be read at all and
    :class:`ChecklistError` when it is not valid UTF-8 or TOML.
    """
    file = Path(path)
    name = str(path)
    data = read_bytes(file)
    text, bom = decode(data, name)
    document = _parse_checklist_toml(text, name)
    checklist, issues = build_checklist(document)
    problems = locate(issues, text, name) if issues else []
    if any(not problem.warning for problem in problems):
        return None, problems
    loaded = LoadedChecklist(
        path=file,
        text=text,
        checklist=checklist,
        fingerprint=hashlib.sha256(data).hexdigest(),
        bom=bom,
        newline=newline_of(text),
        warnings=problems,
        baseline=snapshot(checklist) if for_saving else NOT_RECORDED,
    )
    return loaded, problems


def newline_of(text: str) -> str:
    """The file's line end, as its first line has it: ``\\r\\n`` or ``\\n``."""
    return "\r\n" if "\r\n" in text[: text.find("\n") + 1 or len(text)] else "\n"


def load(path: str | os.PathLike[str], *, for_saving: bool = True) -> LoadedChecklist:
    """Load *path* for reading and saving (see :func:`check` for *for_saving*); raise
    :class:`ChecklistError` listing every problem."""
    loaded, problems = check(path, for_saving=for_saving)
    if loaded is None:
        raise ChecklistError(problems)
    return loaded


def load_checklist(path: str | os.PathLike[str]) -> Checklist:
    """The checklist in *path*, for reading; raise :class:`UserError` or :class:`ChecklistError`."""
    return load(path, for_saving=False).checklist

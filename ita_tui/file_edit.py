"""Apply a save's :class:`~ita_tui.plan.Plan` to the file's text, changing nothing else.

* A changed value has its characters replaced, keeping its quoting and layout.
* A key a table did not have is a new line after the table's last key; a
  table it did not have (``[checklist.labels]``) comes after the parent's
  lines.  A removed key takes its line and the comment lines right above it.
* When blocks are added, removed or moved, the text is cut into blocks: a
  ``[[sections]]`` header with its keys and sub-tables, then each
  ``[[sections.items]]`` header with its keys and sub-tables.  Each block
  starts with the comments and blank lines right above its header; comment
  lines hanging right under a block's last key, with a blank line after them,
  stay with that block (docs/format.md).  The blocks are laid out in the plan's order, new
  ones written in the file's own style (:mod:`ita_tui.toml_write`); a removed
  block goes with its comments, a moved one takes them along.  What stands
  before the first section and after the last block stays where it is.

Every byte outside what changed is the file's own.  A layout this editor does
not follow (sections or items written as inline tables, a table of the
``[checklist]`` part between the sections) raises :class:`ScanError`; the
caller falls back to tomlkit (:mod:`ita_tui.tomlkit_edit`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from ita_tui.plan import MISSING, ItemPlan, KeyChanges, Plan, SectionPlan, key_changes
from ita_tui.toml_spans import DocumentMap, ScanError, Table, scan
from ita_tui.toml_write import (
    SAMPLE,
    Style,
    is_empty,
    is_table_array,
    key_line,
    render_block,
    render_key,
    render_value,
    style_of,
)

Owner = tuple[Any, ...]  # ("head",), ("section", s) or ("item", s, i)
HEAD: Owner = ("head",)
_COMMENT_LINE = re.compile(r"[ \t]*#[^\n]*\n")


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str
    owner: Owner


def _apply(text: str, edits: list[_Edit], offset: int = 0, end: int | None = None) -> str:
    """*text*[offset:end] with *edits* (positions in the whole text) made."""
    pieces = []
    cursor = offset
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        pieces.append(text[cursor : edit.start])
        pieces.append(edit.text)
        cursor = edit.end
    pieces.append(text[cursor:end])
    return "".join(pieces)


def owner_of(path: tuple[Any, ...]) -> Owner:
    """Which block a table at *path* belongs to."""
    if len(path) >= 2 and path[0] == "sections" and isinstance(path[1], int):
        if len(path) >= 4 and path[2] == "items" and isinstance(path[3], int):
            return ("item", path[1], path[3])
        return ("section", path[1])
    return HEAD


def _owner_at(position: tuple[int, ...]) -> Owner:
    """The owner of a plan's edited position: a section ``(s,)`` or an item ``(s, i)``."""
    return ("section", *position) if len(position) == 1 else ("item", *position)


def table_path(owner: Owner) -> tuple[Any, ...]:
    """The path of the table that heads *owner*'s block."""
    if owner[0] == "item":
        return ("sections", owner[1], "items", owner[2])
    if owner[0] == "section":
        return ("sections", owner[1])
    return ("checklist",)


class _Editor:
    """The edits of one plan on one text."""

    def __init__(self, text: str, document: DocumentMap, style: Style) -> None:
        self.text = text
        self.document = document
        self.style = style
        self.edits: list[_Edit] = []
        self.ends = _content_ends(document)

    # -- keys of one table ---------------------------------------------------------

    def table(self, path: tuple[Any, ...], changes: KeyChanges, owner: Owner) -> None:
        """Edit the keys of the table at *path* (which must exist) as *changes* say."""
        table = self.document.tables.get(path)
        if table is None:
            raise ScanError(f"no table {path} in the text")
        additions: list[tuple[str, str]] = []
        for key, (old, new) in changes.items():
            self._key(table, key, old, new, owner, additions)
        anchor = table.keys[-1].line_end if table.keys else table.header_end
        appended = []
        for key, line in additions:
            # A template's commented-out example (`# fiscal_year = 2570`) becomes the key itself.
            example = re.compile(rf"^[ \t]*#[ \t]*{re.escape(render_key(key))}[ \t]*=[^\n]*\n", re.MULTILINE)
            found = example.search(self.text, table.header_end, anchor)
            if found is not None:
                self.edits.append(_Edit(found.start(), found.end(), line, owner))
            else:
                appended.append(line)
        if appended:
            self._insert(anchor, "".join(appended), owner)

    def _key(
        self, table: Table, key: str, old: Any, new: Any, owner: Owner, additions: list[tuple[str, str]]
    ) -> None:
        path = (*table.path, key)
        entry = self.document.keys.get(path)
        if entry is not None:
            if new is MISSING:
                self.edits.append(
                    _Edit(self._comments_above(entry.line_start, table), entry.line_end, "", owner)
                )
            else:
                old_text = self.text[entry.value_start : entry.value_end]
                indent = self.text[entry.line_start : entry.line_start + entry.column - 1]
                value = render_value(key, new, old_text, self.style, indent)
                self.edits.append(_Edit(entry.value_start, entry.value_end, value, owner))
        elif isinstance(new, dict) or (new is MISSING and isinstance(old, dict)):
            self._sub_table(
                path, old if isinstance(old, dict) else {}, new if new is not MISSING else {}, owner
            )
        elif is_table_array(new) or is_table_array(old):  # added, changed, or all removed ([] or MISSING)
            self._sub_tables(
                path, old if isinstance(old, list) else [], new if new is not MISSING else [], owner
            )
        elif new is not MISSING and not is_empty(key, new):
            additions.append((key, key_line(key, new, self.style)))

    def _sub_table(
        self, path: tuple[Any, ...], old: dict[str, Any], new: dict[str, Any], owner: Owner
    ) -> None:
        if path in self.document.tables:
            self.table(path, key_changes(old, new), owner)
        elif any(known[: len(path)] == path for known in self.document.keys):
            raise ScanError(f"{path} is written as dotted keys")  # rare: tomlkit does it
        elif any(not is_empty(k, v) for k, v in new.items()):
            header = _header(path)
            self._insert(
                self._region_end(path[:-1]), render_block(header, new, self.style, array=False), owner
            )

    def _sub_tables(self, path: tuple[Any, ...], old: list[Any], new: list[Any], owner: Owner) -> None:
        """An array of tables under a table (an item's evidence), changed as little as it can be.

        The old and new entries are aligned (difflib): an entry that stays is not
        touched, a removed one goes with the comments above it, a new one is a new
        block where it stands in the list, and an entry replaced by one other is
        edited key by key in place.
        """
        matcher = difflib.SequenceMatcher(
            a=[_hashable(e) for e in old], b=[_hashable(e) for e in new], autojunk=False
        )
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            paired = min(i2 - i1, j2 - j1)
            for k in range(paired):
                self.table((*path, i1 + k), key_changes(old[i1 + k], new[j1 + k]), owner)
            for index in range(i1 + paired, i2):
                table = self._entry(path, index)
                self.edits.append(_Edit(self._lead_start(table), self.ends[table.path], "", owner))
            if j2 - j1 > paired:
                header = _header(path)
                blocks = "".join(
                    render_block(header, entry, self.style, array=True) for entry in new[j1 + paired : j2]
                )
                after = i1 + paired - 1  # the block the new ones follow: the last kept before them
                if after >= 0:
                    anchor = self.ends[self._entry(path, after).path]
                elif old:
                    anchor = self._lead_start(self._entry(path, 0))
                else:
                    anchor = self._region_end(path[:-1])
                self._insert(anchor, blocks, owner)

    def _entry(self, path: tuple[Any, ...], index: int) -> Table:
        table = self.document.tables.get((*path, index))
        if table is None:
            raise ScanError(f"no table {(*path, index)} in the text")
        return table

    def _insert(self, anchor: int, text: str, owner: Owner) -> None:
        prefix = "" if anchor == 0 or self.text[:anchor].endswith("\n") else self.style.newline
        self.edits.append(_Edit(anchor, anchor, prefix + text, owner))

    def _comments_above(self, start: int, table: Table | None) -> int:
        """Where the comment lines right above *start* begin (not above the table's header, nor
        into the key above: a multi-line string's last line may start with ``#``)."""
        floor = table.header_end if table is not None else 0
        for above in table.keys if table is not None else ():
            if above.line_end <= start:
                floor = max(floor, above.line_end)
        while True:
            line_start = self.text.rfind("\n", 0, max(start - 1, 0)) + 1
            if line_start < floor or start == 0 or not _COMMENT_LINE.fullmatch(self.text, line_start, start):
                return start
            start = line_start

    def _region_end(self, path: tuple[Any, ...]) -> int:
        """Where the last line of the table at *path* and of its sub-tables in its block ends."""
        owner = owner_of(path)
        ends = [end for p, end in self.ends.items() if p[: len(path)] == path and owner_of(p) == owner]
        if not ends:
            raise ScanError(f"no table {path} in the text")
        return max(ends)

    def _lead_start(self, table: Table) -> int:
        """Where the comments and blank lines above *table*'s header begin: the previous table's end."""
        before = [end for path, end in self.ends.items() if end <= table.header_start and path != table.path]
        return max(before, default=0)


def _hashable(entry: Any) -> str:
    """An entry of an array of tables as something to compare (its keys and values, in order)."""
    return repr(sorted(entry.items())) if isinstance(entry, dict) else repr(entry)


def _header(path: tuple[Any, ...]) -> str:
    return ".".join(render_key(part) for part in path if isinstance(part, str))


def _content_ends(document: DocumentMap) -> dict[tuple[Any, ...], int]:
    """For each table (by path), where its last key line or its header ends."""
    return {path: table.content_end for path, table in document.tables.items()}


class _Wanted:
    """Which tables' keys a plan that moves no block needs mapped (see ``scan(wanted=...)``).

    The tables it edits, with their sub-tables (an item's evidence), and the first
    section and item tables, which show the file's style (:func:`style_of`).
    """

    def __init__(self, plan: Plan) -> None:
        self.edited = {table_path(_owner_at(position)) for position, _ in plan.edited()}
        if plan.head:
            self.edited.add(table_path(HEAD))
        self.samples = SAMPLE

    def __call__(self, path: tuple[Any, ...]) -> bool:
        if path[:1] == ("sections",) and self.samples > 0:
            self.samples -= 1
            return True
        return any(path[:end] in self.edited for end in range(1, len(path) + 1))


# -- the whole plan ----------------------------------------------------------------------


def apply_plan(text: str, plan: Plan, newline: str) -> str:
    """*text* changed as *plan* says; raises :class:`ScanError` where the layout is not followed."""
    if plan.empty:
        return text
    document = scan(text, None if plan.moved else _Wanted(plan))
    editor = _Editor(text, document, style_of(text, document, newline))
    if plan.head:
        editor.table(("checklist",), plan.head, HEAD)
    for position, changes in plan.edited():
        owner = _owner_at(position)
        editor.table(table_path(owner), changes, owner)
    if not plan.moved:
        return _apply(text, editor.edits)
    return _lay_out(text, document, editor, plan)


@dataclass
class _Block:
    owner: Owner
    start: int
    end: int


# Comment lines right under a block's last key, with a blank line after them.
_TRAILING_COMMENTS = re.compile(r"(?:[ \t]*#[^\r\n]*\r?\n)+(?=[ \t]*\r?\n)")


def _attached_end(text: str, end: int) -> int:
    """*end*, or past the comment lines that hang under it with a blank line after them.

    Such lines annotate the block above (a template's ``# actions = [...]`` under its
    placeholder measure), so they go with it when it is removed or moved; comments that
    touch the next header belong to that header's block.
    """
    match = _TRAILING_COMMENTS.match(text, end)
    return match.end() if match else end


def _blocks(text: str, document: DocumentMap, ends: dict[tuple[Any, ...], int]) -> list[_Block]:
    """The text cut into blocks, each from the end of the previous block's last line."""
    tables = sorted((t for p, t in document.tables.items() if p), key=lambda t: t.header_start)
    blocks: list[_Block] = []
    previous_end = ends.get((), 0)
    for table in tables:
        owner = owner_of(table.path)
        end = _attached_end(text, ends[table.path])
        if blocks and blocks[-1].owner == owner:
            blocks[-1].end = end
        else:
            blocks.append(_Block(owner, previous_end, end))
        previous_end = end
    return blocks


def _lay_out(text: str, document: DocumentMap, editor: _Editor, plan: Plan) -> str:
    if ("sections",) in document.keys:
        raise ScanError("the sections are written as an inline array")
    blocks = _blocks(text, document, editor.ends)
    section_blocks = [b for b in blocks if b.owner != HEAD]
    if not section_blocks:
        preamble_end, tail_start = len(text), len(text)
    else:
        preamble_end, tail_start = section_blocks[0].start, section_blocks[-1].end
    by_owner: dict[Owner, _Block] = {}
    for block in blocks:
        if block.owner == HEAD:
            if preamble_end < block.start < tail_start:
                raise ScanError("a table of [checklist] stands between the sections")
            continue
        if block.owner in by_owner:
            raise ScanError(f"the tables of {block.owner} are not together")
        by_owner[block.owner] = block
    for section in plan.sections:
        # A section that was empty may say `items = []`: with items it has [[sections.items]] instead.
        if section.source is None or not section.items:
            continue
        entry = document.keys.get(("sections", section.source, "items"))
        if entry is not None:
            editor.edits.append(_Edit(entry.line_start, entry.line_end, "", ("section", section.source)))
    owned: dict[Owner, list[_Edit]] = {}
    for edit in editor.edits:
        owned.setdefault(edit.owner, []).append(edit)
    head_edits = owned.get(HEAD, [])
    pieces = [_apply(text, [e for e in head_edits if e.start <= preamble_end], 0, preamble_end)]
    for section in plan.sections:
        pieces.append(_piece(text, by_owner, owned, section, editor.style))
        for item in section.items:
            pieces.append(_piece(text, by_owner, owned, item, editor.style))
    pieces.append(_apply(text, [e for e in head_edits if e.start > preamble_end], tail_start, None))
    return _join(pieces, editor.style.newline)


def _piece(
    text: str,
    blocks: dict[Owner, _Block],
    owned: dict[Owner, list[_Edit]],
    part: SectionPlan | ItemPlan,
    style: Style,
) -> str:
    """The text of one block in its new place: its own text with its edits, or a new block."""
    if part.source is None:
        data = {key: new for key, (_old, new) in part.changes.items()}
        header = "sections.items" if isinstance(part, ItemPlan) else "sections"
        return render_block(header, data, style, array=True, keep=("id", "title", "status"))
    owner: Owner = ("section", part.source) if isinstance(part, SectionPlan) else ("item", *part.source)
    block = blocks.get(owner)
    if block is None:
        raise ScanError(f"no block for {owner}")
    return _apply(text, owned.get(owner, []), block.start, block.end)


def _join(pieces: list[str], newline: str) -> str:
    """The pieces one after another, each but the last ending its last line."""
    out = []
    for index, piece in enumerate(pieces):
        if piece and index < len(pieces) - 1 and not piece.endswith("\n") and any(pieces[index + 1 :]):
            piece += newline
        out.append(piece)
    return "".join(out)

"""Add, change and remove an item's evidence, as the app and `ita-tui evidence` do.

Pure: no files are written, no terminal.  Each function checks its input
first, then changes the checklist in place and returns the
:class:`~ita_tui.undoable.Edit` it made (``None`` when nothing changes), so
evidence edits share the app's one undo history with every other edit.  Bad
input raises :class:`~ita_tui.authoring.AuthoringError` (its message an i18n
:class:`~ita_tui.i18n.Message`) and changes nothing.

An item's evidence list is never changed in place: each edit gives the item a
new list, so the lists kept for undo stay as they were.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from ita_tui.authoring import AuthoringError, SetValue, find_item
from ita_tui.evidence import address_problem, looks_like_url
from ita_tui.i18n import Message
from ita_tui.model import Checklist, Evidence, Item
from ita_tui.sanitize import clean_line
from ita_tui.undoable import Edit


def make_evidence(
    address: str,
    label: str = "",
    published: date | None = None,
    *,
    kind: Literal["url", "path"] | None = None,
) -> Evidence:
    """An entry for *address*: a web address or a file path, as *kind* says.

    Without *kind*, what the address looks like decides: ``://`` or ``www.``
    make it a web address, which must then be well-formed
    (:func:`ita_tui.evidence.address_problem`): ``www.example.go.th`` is
    refused with the reason, not guessed at.
    """
    address = clean_line(address).strip()
    if not address:
        raise AuthoringError(Message.of("evidence.bad.empty"))
    if kind is None:
        kind = "url" if looks_like_url(address) else "path"
    if kind == "path":
        return Evidence(path=address, label=_label(label), published=published)
    problem = address_problem(address)
    if problem is not None:
        raise AuthoringError(Message.of(problem))
    return Evidence(url=address, label=_label(label), published=published)


def _label(text: str) -> str | None:
    return clean_line(text).strip() or None


def stored_path(typed: str, base: Path, folder: Path) -> str:
    """The path to write for a file *typed* relative to *base* (the current folder, say).

    Relative to the checklist's *folder*, with ``/``, when the file is inside it
    (the checklist and its evidence folder then move together); else absolute.
    """
    path = Path(typed).expanduser()
    full = (path if path.is_absolute() else base / path).resolve()
    try:
        return full.relative_to(folder.resolve()).as_posix()
    except ValueError:
        return str(full)


def _give(item: Item, entries: list[Evidence], what: str) -> Edit:
    """Give *item* the list *entries*; the edit, described as ``evidence.did.<what>``."""
    description = Message.of(f"evidence.did.{what}", id=item.id)
    edit = SetValue("item", item.uid, "evidence", list(item.evidence), list(entries), description, item.uid)
    item.evidence = list(entries)
    return edit


def add_evidence(checklist: Checklist, item_id: str, entry: Evidence) -> Edit:
    """Add *entry* after *item_id*'s other evidence."""
    _, _, item = find_item(checklist, item_id)
    return _give(item, [*item.evidence, entry], "add")


def replace_evidence(checklist: Checklist, item_id: str, index: int, entry: Evidence) -> Edit | None:
    """Put *entry* in place of *item_id*'s evidence number *index* (from 0); None when it is the same."""
    _, _, item = find_item(checklist, item_id)
    _check_index(item.evidence, index)
    if item.evidence[index] == entry:
        return None
    return _give(item, [*item.evidence[:index], entry, *item.evidence[index + 1 :]], "edit")


def remove_evidence(checklist: Checklist, item_id: str, index: int) -> Edit:
    """Remove *item_id*'s evidence number *index* (from 0)."""
    _, _, item = find_item(checklist, item_id)
    _check_index(item.evidence, index)
    return _give(item, [*item.evidence[:index], *item.evidence[index + 1 :]], "remove")


def _check_index(entries: list[Evidence], index: int) -> None:
    if not 0 <= index < len(entries):
        raise AuthoringError(Message.of("evidence.bad.number", number=index + 1, count=len(entries)))

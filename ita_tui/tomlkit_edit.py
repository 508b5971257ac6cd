"""Apply a save's plan with tomlkit: for layouts the span editor does not follow.

Files whose sections or items are written as inline tables
(``sections = [{id = "a", items = [...]}]``), or with a ``[checklist]`` table
between the sections, are edited through tomlkit's document model, which
keeps comments and layout it knows about.  It is also the oracle the tests
compare :mod:`ita_tui.file_edit` with.

Keys are edited in place; a structural change rebuilds the ``sections``
array from the file's own tables (edited, reordered) and new ones.
"""

from __future__ import annotations

from typing import Any

from ita_tui.plan import MISSING, KeyChanges, Plan
from ita_tui.toml_write import Style, decode_value, is_empty, render_value


def apply_plan_with_tomlkit(text: str, plan: Plan, newline: str) -> str:
    """*text* changed as *plan* says, through tomlkit."""
    import tomlkit

    if plan.empty:
        return text
    style = Style(newline=newline)
    document = tomlkit.parse(text)
    if plan.head:
        _edit_table(document["checklist"], plan.head, style)
    old_sections = list(document["sections"])
    for (s, *rest), changes in plan.edited():
        table = old_sections[s] if not rest else old_sections[s]["items"][rest[0]]
        _edit_table(table, changes, style)
    if plan.moved:
        _rebuild(document, old_sections, plan, style)
    return tomlkit.dumps(document)


def _edit_table(table: Any, changes: KeyChanges, style: Style) -> None:
    """Set or remove *table*'s keys as *changes* say (new values written in *style*)."""
    for key, (old, new) in changes.items():
        if new is MISSING:
            if key in table:
                del table[key]
        elif isinstance(new, dict) and isinstance(table.get(key), dict):
            from ita_tui.plan import key_changes

            _edit_table(table[key], key_changes(old if isinstance(old, dict) else {}, new), style)
        elif key in table or not is_empty(key, new):
            current = table.get(key)
            old_text = current.as_string() if hasattr(current, "as_string") else None
            table[key] = _item(key, new, old_text, style)


def _item(key: str, value: Any, old_text: str | None, style: Style) -> Any:
    import tomlkit

    if isinstance(value, (dict, list)):
        return tomlkit.item(value)
    # Through our own renderer, so that quoting and Thai statuses follow the file.
    return tomlkit.item(decode_value(render_value(key, value, old_text, style)))


def _rebuild(document: Any, old_sections: list[Any], plan: Plan, style: Style) -> None:
    import tomlkit
    from tomlkit.items import AoT

    sections_inline = not isinstance(document["sections"], AoT)
    sections = tomlkit.array() if sections_inline else tomlkit.aot()
    # Taken before any section gets its new items: an item may move to a section built earlier.
    old_items_of = [list(table.get("items", [])) for table in old_sections]
    for section in plan.sections:
        if section.source is not None:
            table = _reuse(old_sections[section.source], sections_inline)
            old_items = old_sections[section.source].get("items")
        else:
            table = _new_table(section.changes, ("id", "title"), sections_inline, style)
            old_items = None
        inline = sections_inline or (old_items is not None and not isinstance(old_items, AoT))
        items = tomlkit.array() if inline else tomlkit.aot()
        for item in section.items:
            if item.source is not None:
                items.append(_reuse(old_items_of[item.source[0]][item.source[1]], inline))
            else:
                items.append(_new_table(item.changes, ("id", "title", "status"), inline, style))
        if section.items:
            table["items"] = items
        elif "items" in table:
            del table["items"]  # an empty section has no items key (as the span editor writes it)
        sections.append(table)
    document["sections"] = sections


def _new_table(changes: KeyChanges, keep: tuple[str, ...], inline: bool, style: Style) -> Any:
    import tomlkit

    table = tomlkit.inline_table() if inline else tomlkit.table()
    for key, (_old, new) in changes.items():
        if key in keep or not is_empty(key, new):
            table[key] = _item(key, new, None, style)
    return table


def _reuse(table: Any, inline: bool) -> Any:
    """*table* for its new place: the same table (with its comments), or a copy in the other layout.

    tomlkit will not put an inline table that belongs to one array into another.
    """
    import tomlkit
    from tomlkit.items import InlineTable

    if not inline and not isinstance(table, InlineTable):
        return table
    fresh = tomlkit.inline_table() if inline else tomlkit.table()
    fresh.update(table.unwrap())
    return fresh

"""tomllib's syntax errors in the interface language.

tomllib words its errors in English only, from a small fixed set (``Unterminated
string``, ``Cannot declare ('a', 'b') twice`` ...).  :func:`toml_message` turns each into a
catalogue message (``toml.*``) with its quoted part as a field; a wording it does not
know (a newer Python's) is kept as tomllib wrote it.
"""

from __future__ import annotations

import re

from ita_tui.i18n import Message

# (tomllib's wording as a pattern, catalogue key); a group named "what" is the quoted part.
_WORDINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"Invalid statement", "toml.invalid_statement"),
        (r"Expected '=' after a key in a key/value pair", "toml.expected_equals"),
        (r"Expected '\]' at the end of a table declaration", "toml.unclosed_header"),
        (r"Expected '\]\]' at the end of an array declaration", "toml.unclosed_array_header"),
        (r"Invalid date or datetime", "toml.bad_date"),
        (r"Invalid hex value", "toml.bad_hex"),
        (r"Invalid initial character for a key part", "toml.bad_key"),
        (r"Invalid value", "toml.bad_value"),
        (r"Unclosed array", "toml.unclosed_array"),
        (r"Unclosed inline table", "toml.unclosed_inline_table"),
        (r"Unescaped '\\' in a string", "toml.unescaped_backslash"),
        (r"Unterminated string", "toml.unterminated_string"),
        (r"Escaped character is not a Unicode scalar value", "toml.bad_escape"),
        (r"Cannot overwrite a value", "toml.overwrite"),
        (r"Cannot declare (?P<what>.+) twice", "toml.declared_twice"),
        (r"Cannot mutate immutable namespace (?P<what>.+)", "toml.immutable"),
        (r"Cannot redefine namespace (?P<what>.+)", "toml.redefine"),
        (r"Duplicate inline table key (?P<what>.+)", "toml.duplicate_inline_key"),
        (r"Found invalid character (?P<what>.+)", "toml.invalid_character"),
        (r"Illegal character (?P<what>.+)", "toml.illegal_character"),
        (r"Expected newline or end of document after a statement", "toml.expected_newline"),
        (r"Expected (?P<what>.+)", "toml.expected"),
    )
)


def toml_message(wording: str) -> Message | str:
    """tomllib's *wording* (its position already removed) as a catalogue message."""
    for pattern, key in _WORDINGS:
        match = pattern.fullmatch(wording.strip())
        if match is not None:
            return Message.of(key, **match.groupdict())
    return wording

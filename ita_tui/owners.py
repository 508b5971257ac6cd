"""Who is responsible for an item: its owners, read from the ``responsible`` detail field.

The seed report's ``ผู้รับผิดชอบ`` column is the owner, so there is no second
field: ``responsible = "กองคลัง"`` or ``responsible = ["กองคลัง", "สำนักปลัด"]``.

How the text becomes owners (docs/format.md, "Owners"):

* each entry of a list is one owner; a string is one owner, unless it holds
  line breaks, commas or semicolons, which separate owners.  Spaces never do:
  Thai writes spaces inside one name (``นิติกร สำนักปลัด``);
* the words for *every office* (``ทุกส่วนราชการ``, also printed broken as
  ``ทุกส่วน ราชการ``, and ``ทุกส่วนงาน``, ``ทุกหน่วยงาน``, ``ทุกกอง``, ``ทุกฝ่าย``,
  ``all offices``) are one owner of their own, :data:`EVERY_OFFICE`, wherever
  they stand in a string; the rest of the string is another owner
  (``เจ้าหน้าที่ประชาสัมพันธ์ ทุกส่วนราชการ`` → ``เจ้าหน้าที่ประชาสัมพันธ์`` and every
  office).  An item for every office is listed under that owner, not under
  each office by name: asking what กองคลัง owes lists what names กองคลัง;
* two spellings are one owner when they read the same to search
  (:func:`ita_tui.thai.search_key`: Thai spelling variants, case, Thai digits,
  spaces between Thai letters); the first spelling met is the one shown.

Pure: no Textual, no Rich beyond what :mod:`ita_tui.thai` uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ita_tui.model import Checklist, FieldValue, Item
from ita_tui.thai import search_key, sort_key

__all__ = [
    "EVERY_OFFICE",
    "RESPONSIBLE",
    "Owner",
    "all_owners",
    "matches_owner",
    "owner_label",
    "owner_matches",
    "owner_sort_key",
    "owners_of",
    "query_key",
    "split_owners",
]

RESPONSIBLE = "responsible"
# The key every spelling of "every office" shares.
EVERY_OFFICE = "ทุกส่วนราชการ"

_SEPARATORS = re.compile(r"[\n\r,;，、；]+")
# "Every office" as agencies write it; \s* because PDF conversions break the words apart.
# Not followed by a Thai consonant, so a longer word starting the same way is not cut.
_EVERY_OFFICE = re.compile(
    r"ทุก\s*(?:ส่วน\s*ราช\s*การ|ส่วน\s*งาน|หน่วย\s*งาน|กอง|ฝ่าย)(?![\u0e01-\u0e2e])"
    r"|\ball\s+(?:offices|departments|divisions|units)\b|\beveryone\b",
    re.IGNORECASE,
)
_SPACE_RUN = re.compile(r"\s+")


@dataclass(frozen=True)
class Owner:
    """One office or person named as responsible.

    *name* is the spelling shown (the first met); *key* is what two spellings
    must share to be the same owner; *everyone* marks :data:`EVERY_OFFICE`.
    """

    name: str
    key: str
    everyone: bool = False

    def label(self, lang: str) -> str:
        """The name to show: every office in *lang*, else the name as written."""
        return owner_label(self, lang)


def owner_label(owner: Owner | None, lang: str) -> str:
    """*owner*'s name to show; ``ทุกส่วนราชการ``/"All offices"; "No owner" for None."""
    from ita_tui.i18n import t

    if owner is None:
        return t("owner.none", "th" if lang == "th" else "en")
    if owner.everyone:
        return t("owner.every_office", "th" if lang == "th" else "en")
    return owner.name


_EVERYONE = Owner(EVERY_OFFICE, search_key(EVERY_OFFICE), everyone=True)


def split_owners(value: FieldValue) -> list[str]:
    """The owner names written in a ``responsible`` value, in order (every office by its key)."""
    entries = [value] if isinstance(value, str) else value
    names: list[str] = []
    for entry in entries:
        for piece in _SEPARATORS.split(entry):
            names.extend(_split_every_office(piece))
    return names


def _split_every_office(piece: str) -> list[str]:
    names: list[str] = []
    rest = 0
    for match in _EVERY_OFFICE.finditer(piece):
        names.append(piece[rest : match.start()])
        names.append(EVERY_OFFICE)
        rest = match.end()
    names.append(piece[rest:])
    return [name for name in (_SPACE_RUN.sub(" ", n).strip(" -–·/") for n in names) if name]


def _owner(name: str) -> Owner:
    return _EVERYONE if name == EVERY_OFFICE else Owner(name, search_key(name))


def owners_of(item: Item) -> tuple[Owner, ...]:
    """*item*'s owners, each once, in the order written; empty when nobody is named."""
    value = item.fields.get(RESPONSIBLE)
    if value is None:
        return ()
    seen: dict[str, Owner] = {}
    for name in split_owners(value):
        owner = _owner(name)
        seen.setdefault(owner.key, owner)
    return tuple(seen.values())


def all_owners(checklist: Checklist) -> list[Owner]:
    """Every owner named in *checklist*: by name in Thai dictionary order, every office last."""
    seen: dict[str, Owner] = {}
    for item in checklist.items():
        for owner in owners_of(item):
            seen.setdefault(owner.key, owner)
    return sorted(seen.values(), key=owner_sort_key)


def owner_sort_key(owner: Owner) -> tuple[bool, tuple[str, str]]:
    """Named owners in Thai dictionary order, then every office."""
    return owner.everyone, sort_key(owner.name)


def query_key(query: str) -> str:
    """What an owner's key must contain to match *query* (every office has one key)."""
    if _EVERY_OFFICE.fullmatch(query.strip()):
        return _EVERYONE.key
    return search_key(query)


def owner_matches(owner: Owner, queries: Iterable[str]) -> bool:
    """True when *owner* contains one of *queries* (compared as search compares text)."""
    return any(key and key in owner.key for key in map(query_key, queries))


def matches_owner(item: Item, queries: Iterable[str]) -> bool:
    """True when one of *item*'s owners contains one of *queries*.

    ``คลัง`` matches ``กองคลัง``; ``ทุกส่วนราชการ`` (or ``all offices``) matches
    the items for every office, and only those.
    """
    wanted = list(queries)
    return any(owner_matches(owner, wanted) for owner in owners_of(item))

"""Changes to items, as the app and `ita-tui set` make them.

A real change of status, notes, score or due date also stamps ``updated``; setting what
is already there changes nothing.  Each change is returned as a
:class:`Change` (the item's state before and after) so that the app can undo
and redo it; it is an :class:`ita_tui.undoable.Edit`, so status changes and
authoring edits share one undo history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ita_tui.checklist_file import ItemState, state_of
from ita_tui.i18n import Lang, Message
from ita_tui.model import Checklist, Item, Status
from ita_tui.undoable import Edit


@dataclass(frozen=True)
class Change(Edit):
    """One item's state before and after an edit."""

    item_id: str
    before: ItemState
    after: ItemState
    description: Message
    target: int | None = None  # the item's uid

    def apply(self, checklist: Checklist) -> None:
        restore(self._item(checklist), self.after)

    def revert(self, checklist: Checklist) -> None:
        restore(self._item(checklist), self.before)

    def touched(self, checklist: Checklist) -> set[int]:
        return {self.target} if self.target is not None else set()

    def _item(self, checklist: Checklist) -> Item:
        for item in checklist.items():
            if item.uid == self.target:
                return item
        raise LookupError(f"no item {self.item_id}")


def now() -> datetime:
    """The local time with its UTC offset, to the second: what ``updated`` records."""
    return datetime.now().astimezone().replace(microsecond=0)


def restore(item: Item, state: ItemState) -> None:
    """Put *state* back on *item* (used by undo and redo)."""
    item.status, item.notes, item.score, item.updated, item.due = (
        state.status,
        state.notes,
        state.score,
        state.updated,
        state.due,
    )


def _edit(item: Item, when: datetime | None, **values: object) -> Change | None:
    before = state_of(item)
    if all(getattr(item, key) == value for key, value in values.items()):
        return None
    for key, value in values.items():
        setattr(item, key, value)
    item.updated = when or now()
    what = next(iter(values))  # each edit below changes one of status, notes, score
    return Change(item.id, before, state_of(item), Message.of(f"author.did.{what}", id=item.id), item.uid)


def set_status(item: Item, status: Status, when: datetime | None = None) -> Change | None:
    """Give *item* *status*; None when it already had it."""
    return _edit(item, when, status=status)


def cycle_status(item: Item, when: datetime | None = None) -> Change | None:
    """Move *item* to its next status: not-started → in-progress → done → not-started."""
    return set_status(item, item.status.next(), when)


def set_notes(item: Item, notes: str, when: datetime | None = None) -> Change | None:
    """Replace *item*'s notes; None when they are the same."""
    return _edit(item, when, notes=notes)


def parse_score(text: str) -> float | None:
    """A typed score: Arabic or Thai digits (``๙๕.๕``); empty, ``none`` or ``-`` clear it.

    Raises ValueError (:class:`ita_tui.thai.NumberError`) for anything else,
    including what ``float()`` would let through: ``nan``, ``inf``, ``1e2``.
    """
    if text.strip().lower() in ("", "none", "-"):
        return None
    from ita_tui.thai import parse_number

    return parse_number(text)


class ScoreRefused(ValueError):
    """A score given to an item that takes none (:func:`score_refusal`)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message

    def render(self, lang: Lang) -> str:
        """Why, in *lang*."""
        return self.message.render(lang)


def score_refusal(item: Item, score: float | None) -> Message | None:
    """Why *item* may not take *score*, or None when it may.

    Only indicators (items with ``indicator``, I1–I10) are scored in the ITA; a measure's
    "score" would count nowhere and mislead.  Clearing (None) is always allowed, so that a
    score a file gives a measure can be removed.
    """
    if score is None or item.indicator is not None:
        return None
    return Message.of("score.not_an_indicator", id=item.id)


def set_score(item: Item, score: float | None, when: datetime | None = None) -> Change | None:
    """Set (or with None, clear) *item*'s score; None when it is the same."""
    if score is not None and not 0 <= score <= 100:
        from ita_tui.thai import NumberError

        shown = f"{score:g}"
        raise NumberError(
            f"a score must be from 0 to 100, not {shown}", "error.score_out_of_range", score=shown
        )
    return _edit(item, when, score=score)


def set_due(item: Item, due: date | None, when: datetime | None = None) -> Change | None:
    """Set (or with None, clear) *item*'s due date; None when it is the same."""
    return _edit(item, when, due=due)

"""One undoable change to a checklist: what status changes and authoring edits share.

Its own small module so that :mod:`ita_tui.edits` and the app's session, which every
start-up loads, need not import the authoring verbs (:mod:`ita_tui.authoring`) to
know what an edit is.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ita_tui.i18n import Message
    from ita_tui.model import Checklist


class Edit(ABC):
    """One change to a checklist (a status change, an authoring edit): apply (redo) and revert (undo) it."""

    description: Message
    target: int | None

    @abstractmethod
    def apply(self, checklist: Checklist) -> None:
        """Make the change (again)."""

    @abstractmethod
    def revert(self, checklist: Checklist) -> None:
        """Undo the change."""

    @property
    def structural(self) -> bool:
        """True when sections or items were added, removed or moved (lists must be rebuilt)."""
        return False

    def touched(self, checklist: Checklist) -> set[int]:
        """The uids of the items whose data this edit may have changed (for unsaved tracking)."""
        return set()

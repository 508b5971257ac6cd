"""The key footer, filled in after the screen's first frame.

Textual's :class:`~textual.widgets.Footer` builds a widget for each key it shows
and restyles each one as it is mounted; it rebuilds them all whenever the
screen's bindings change, which they do several times while the main screen
sets up (its keys, their descriptions in the app's language, the focus).  Before
the first frame that was the costliest part of start-up (two rebuilds of ten keys,
about as long as the minimal Textual app takes to draw).  This footer ignores
binding changes until the screen has painted once, then builds its keys once.
It is docked to the bottom and one line high either way, so nothing on the
screen moves when the keys appear.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's footer, its keys built after the first frame (see the module docstring)."""

    _painted = False

    def on_mount(self) -> None:
        after_first_frame = getattr(self.app, "after_first_frame", None)
        if after_first_frame is None:  # an app without the hook (none in ita-tui): no deferral
            self._fill()
        else:
            # call_later: the footer's keys must be composed in its own context (Textual
            # binds their data to the widget that is running), not the app's.
            after_first_frame(lambda: self.call_later(self._after_first_frame))

    def _after_first_frame(self) -> None:
        # The first frame out holds the top lines; the screen's refresh after it, the rest.
        self.call_after_refresh(self._fill)

    def _fill(self) -> None:
        self._painted = True
        super().bindings_changed(self.screen)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._painted:
            super().bindings_changed(screen)

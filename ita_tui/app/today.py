"""The app's today: the agency's day (Asia/Bangkok) on the app's injectable clock."""

from __future__ import annotations

from datetime import date

from textual.dom import DOMNode

from ita_tui.dates import bangkok_today


def app_today(node: DOMNode) -> date:
    """Today in Bangkok by *node*'s app clock (``app.clock``; tests freeze it), else the system's."""
    clock = getattr(node.app, "clock", None)
    return bangkok_today(clock() if clock else None)

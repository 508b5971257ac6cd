"""The start-up baseline: a minimal Textual app (Header, Footer, a Tree of 20 nodes).

Run by bench/run.py under a pseudo-terminal, exactly as ``ita-tui FILE`` is.
With ``ITA_TUI_EXIT_AFTER_FIRST_FRAME=1`` it exits right after its first
frame is painted, the hook the real app is asked to honour too.
"""

from __future__ import annotations

import os
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Tree


class Baseline(App[None]):
    BINDINGS: ClassVar = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        tree: Tree[None] = Tree("Checklist")
        tree.root.expand()
        for number in range(20):
            tree.root.add_leaf(f"Node {number}")
        yield tree
        yield Footer()

    def on_mount(self) -> None:
        if os.environ.get("ITA_TUI_EXIT_AFTER_FIRST_FRAME"):
            self.call_after_refresh(self.exit)


if __name__ == "__main__":
    Baseline().run()

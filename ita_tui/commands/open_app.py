"""`ita-tui [FILE]`: open the app (the only command that imports Textual)."""

from __future__ import annotations

import argparse

from ita_tui.errors import EXIT_USAGE, UserError


def run(args: argparse.Namespace) -> int:
    raise UserError("ita-tui: the app is not built yet; use 'ita-tui --help' for the commands", EXIT_USAGE)

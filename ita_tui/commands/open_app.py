"""`ita-tui [FILE]`: open the app (the only command that imports Textual).

With a FILE, the file is read and checked *before* Textual starts: a file
with problems prints them as one-line ``FILE:LINE:COL: message`` errors and
exits 1 (2 when it cannot be read), like ``ita-tui validate``; a terminal app
that opens only to show an error is slower and leaves nothing to copy.  With
no FILE the start screen lists the checklists it finds, and shows the
problems of those that fail to load.

A checklist that ships inside ita-tui (the README's first command opens
``checklists/fy2566.toml``, a link into the package) is never opened itself:
the user's own copy in the data folder is (made the first time), and the app
says so (:func:`ita_tui.templates.user_file`).
"""

from __future__ import annotations

import argparse
import gc

from ita_tui.errors import EXIT_OK


def run(args: argparse.Namespace) -> int:
    # No automatic garbage collection until the first frame is out (the app turns it
    # back on then): importing Textual and building the screen make hundreds of
    # thousands of objects, and a full collection among them cost the first frame
    # about 110 ms, to free next to nothing.
    gc.disable()
    try:
        from pathlib import Path

        from ita_tui.checklist_file import load
        from ita_tui.templates import user_file

        loaded, notice = None, None
        if args.file:
            # A checklist that ships with ita-tui opens as the user's own copy: saves never touch the package.
            path, notice = user_file(Path(args.file))
            loaded = load(path)  # raises UserError/ChecklistError: printed by cli
        from ita_tui.app.app import ItaApp

        app = ItaApp(loaded, lang=getattr(args, "lang", None), notice=notice)
        app.run()
        return app.return_code or EXIT_OK
    finally:
        gc.enable()

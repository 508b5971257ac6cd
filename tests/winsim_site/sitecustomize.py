"""Child processes of a simulated-Windows test run simulate Windows too (see tests/winsim.py).

The test run puts this folder on PYTHONPATH, so every Python it starts
(``python -m ita_tui ...``, the save worker) imports this at start-up.
"""

import os
import sys
from pathlib import Path

# A test sets ITA_TUI_SIMULATE_APPDATA: processes the test run starts for itself (xdist's workers) have none.
if os.environ.get("ITA_TUI_SIMULATE_WINDOWS", "") not in ("", "0") and os.environ.get(
    "ITA_TUI_SIMULATE_APPDATA"
):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import winsim

    # The commands run in children never start Textual (the app refuses bad files before it starts).
    winsim.install(Path(os.environ["ITA_TUI_SIMULATE_APPDATA"]), textual=False)

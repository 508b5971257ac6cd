"""`python -m ita_tui` runs the command line."""

from ita_tui.cli import main

raise SystemExit(main())

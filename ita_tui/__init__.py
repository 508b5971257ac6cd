"""ita-tui: track a Thai public agency's ITA checklist in the terminal."""

__version__ = "0.1.0"

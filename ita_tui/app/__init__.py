"""The Textual app: ``ita-tui [FILE]``.  Only :mod:`ita_tui.commands.open_app` imports this."""

"""The file-system layer under saving: atomic writes, locks, and what differs between platforms.

Pure (no Textual, no Rich) and portable: nothing here imports a module that
only one platform has (``fcntl``, ``msvcrt``, ``winreg``); where Windows and
POSIX differ, the difference is chosen at run time in :mod:`ita_tui.fs.platform`.
"""

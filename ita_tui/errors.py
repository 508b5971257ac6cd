"""Errors meant for the person at the terminal, and the exit codes they carry."""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_PROBLEMS = 1  # the checklist has problems
EXIT_USAGE = 2  # bad usage or unreadable input


class UserError(Exception):
    """A failure to report as one line on stderr, never as a traceback."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or suspicious) in a checklist file.

    *where* is ``LINE:COL`` when the position is known, else the key path
    (``sections[2].items[0].status``); :meth:`render` prefixes the file name.
    """

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    key: str | None = None
    warning: bool = False

    def render(self) -> str:
        """The one-line form: ``FILE:LINE:COL: message`` or ``FILE: key K: message``."""
        kind = "warning: " if self.warning else ""
        if self.line is not None:
            col = self.column if self.column is not None else 1
            return f"{self.file}:{self.line}:{col}: {kind}{self.message}"
        if self.key:
            return f"{self.file}: key {self.key}: {kind}{self.message}"
        return f"{self.file}: {kind}{self.message}"


class ChecklistError(UserError):
    """The checklist could not be loaded: it carries every problem found."""

    def __init__(self, problems: list[Problem], exit_code: int = 1) -> None:
        self.problems = [p for p in problems if not p.warning] or problems
        super().__init__("\n".join(p.render() for p in self.problems), exit_code)

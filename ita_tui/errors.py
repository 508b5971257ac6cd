"""Errors meant for the person at the terminal, and the exit codes they carry.

A message is a :class:`~ita_tui.i18n.Message` (a catalogue key and its fields) so that
it is shown in the interface language of whoever prints it (``error.render(lang)``);
a plain ``str`` is still accepted and shown as it is.  ``error.message`` is the English
text, for logs and tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from ita_tui.i18n import Lang, Message

EXIT_OK = 0
EXIT_PROBLEMS = 1  # the checklist has problems
EXIT_USAGE = 2  # bad usage or unreadable input

Words = str | Message
"""Text for a person: a catalogue message, or (from code that has no key yet) a plain string."""


def render_words(words: Words, lang: Lang) -> str:
    """*words* in *lang* (a plain string is shown as it is)."""
    return words.render(lang) if isinstance(words, Message) else words


class UserError(Exception):
    """A failure to report as one line on stderr, never as a traceback."""

    def __init__(self, message: Words, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(render_words(message, "en"))
        self.words = message
        self.exit_code = exit_code

    @property
    def message(self) -> str:
        """The English text."""
        return self.render("en")

    def render(self, lang: Lang) -> str:
        """The text in *lang*."""
        return render_words(self.words, lang)


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or suspicious) in a checklist file.

    *where* is ``LINE:COL`` when the position is known, else the key path
    (``sections[2].items[0].status``); :meth:`render` prefixes the file name.
    """

    file: str
    message: Words
    line: int | None = None
    column: int | None = None
    key: str | None = None
    warning: bool = False

    def render(self, lang: Lang = "en") -> str:
        """The one-line form: ``FILE:LINE:COL: message`` or ``FILE: key K: message``, in *lang*."""
        text = render_words(self.message, lang)
        if self.warning:
            text = Message.of("check.warning", message=text).render(lang)
        if self.line is not None:
            col = self.column if self.column is not None else 1
            return f"{self.file}:{self.line}:{col}: {text}"
        if self.key:
            return Message.of("check.at_key", file=self.file, key=self.key, message=text).render(lang)
        return f"{self.file}: {text}"


class ChecklistError(UserError):
    """The checklist could not be loaded: it carries every problem found."""

    def __init__(self, problems: list[Problem], exit_code: int = 1) -> None:
        self.problems = [p for p in problems if not p.warning] or problems
        super().__init__("\n".join(p.render() for p in self.problems), exit_code)

    def render(self, lang: Lang) -> str:
        """Every problem, one a line, in *lang*."""
        return "\n".join(p.render(lang) for p in self.problems)


# The operating system's reasons, in the catalogue (its own strerror is English only).
_ERRNO_KEYS: dict[str, str] = {
    "ENOENT": "os.no_such_file",
    "EACCES": "os.permission_denied",
    "EPERM": "os.permission_denied",
    "ENOSPC": "os.disk_full",
    "EDQUOT": "os.quota",
    "EROFS": "os.read_only",
    "EISDIR": "os.is_a_folder",
    "ENOTDIR": "os.not_a_folder",
    "ENAMETOOLONG": "os.name_too_long",
    "EBUSY": "os.in_use",
    "ETXTBSY": "os.in_use",
    "EIO": "os.io_error",
    "ENXIO": "os.no_reader",
    "EEXIST": "os.exists",
    "ELOOP": "os.link_loop",
}


def os_reason(error: OSError) -> Words:
    """Why an operating-system call failed, in words the catalogue has (else the system's)."""
    import errno

    name = errno.errorcode.get(error.errno or 0, "")
    key = _ERRNO_KEYS.get(name)
    return Message.of(key) if key else (error.strerror or str(error))

"""Errors of the file layer as catalogue messages, shown in the interface language.

A :class:`FileError` is a :class:`~ita_tui.errors.UserError` (one line, an exit
code) that also keeps its :class:`~ita_tui.i18n.Message`, so the app can show
it in Thai: :func:`error_text`.
"""

from __future__ import annotations

import stat

from ita_tui.errors import EXIT_PROBLEMS, EXIT_USAGE, UserError
from ita_tui.i18n import Lang, Message


class FileError(UserError):
    """A :class:`UserError` whose text is a catalogue :class:`Message` (every UserError may
    carry one now; this one must)."""

    def __init__(self, message: Message, exit_code: int) -> None:
        super().__init__(message, exit_code)
        self.localized = message


def error_text(error: UserError, lang: Lang) -> str:
    """*error*'s message in *lang* (``error.render(lang)``)."""
    return error.render(lang)


def _kind(mode: int) -> Message:
    if stat.S_ISFIFO(mode):
        return Message.of("fs.kind.fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Message.of("fs.kind.device")
    if stat.S_ISSOCK(mode):
        return Message.of("fs.kind.socket")
    return Message.of("fs.kind.other")


def not_regular(path: object, mode: int) -> FileError:
    """*path* is a FIFO, a device or a socket: refused before it is opened (exit 2)."""
    return FileError(Message.of("fs.not_regular", path=str(path), kind=_kind(mode)), EXIT_USAGE)


def in_use_on_save(path: object) -> FileError:
    """Windows would not replace *path*: another program has it open (exit 1)."""
    return FileError(Message.of("fs.in_use_save", path=str(path)), EXIT_PROBLEMS)


def in_use_on_read(path: object) -> FileError:
    """Windows would not let *path* be read: another program holds it shut (exit 2)."""
    return FileError(Message.of("fs.in_use_read", path=str(path)), EXIT_USAGE)


def not_durable(path: object, error: OSError) -> FileError:
    """*path* was replaced, but the disk failed to make the rename durable (exit 1)."""
    reason = error.strerror or str(error)
    return FileError(Message.of("fs.not_durable", path=str(path), reason=reason), EXIT_PROBLEMS)


def lock_failed(path: object, lock: object, error: OSError) -> FileError:
    """*path*'s lock file *lock* could not be made for a reason other than the folder's refusal (exit 1)."""
    reason = error.strerror or str(error)
    message = Message.of("fs.lock_failed", path=str(path), lock=str(lock), reason=reason)
    return FileError(message, EXIT_PROBLEMS)

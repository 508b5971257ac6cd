"""Where an export is written: safe file names, the first free name, and writes that never replace a file."""

from __future__ import annotations

import contextlib
import os
import re
import stat
from datetime import date
from pathlib import Path

from ita_tui.errors import EXIT_USAGE, UserError, os_reason
from ita_tui.exports.registry import FORMATS
from ita_tui.fs.messages import FileError
from ita_tui.i18n import Message

# Letters, digits, _ . - and combining marks: Thai vowel and tone marks are not
# \w to Python, and without them "ที่" would become "ท-".
_UNSAFE_NAME = re.compile(r"[^\w.\-\u0300-\u036f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+", re.UNICODE)


# File systems limit a name to 255 bytes, and a Thai letter is 3 bytes in UTF-8: the stem
# is cut by bytes, leaving room for "-YYYY-MM-DD-NNN.html".
MAX_STEM_BYTES = 200


def safe_stem(stem: str) -> str:
    """A file-name stem with no path separators, spaces, NUL or control characters,
    at most :data:`MAX_STEM_BYTES` bytes of UTF-8, never cut inside a Thai cluster."""
    cleaned = _UNSAFE_NAME.sub("-", stem).strip(".-") or "checklist"
    if len(cleaned.encode("utf-8")) <= MAX_STEM_BYTES:
        return cleaned
    cut = len(cleaned.encode("utf-8")[:MAX_STEM_BYTES].decode("utf-8", "ignore"))
    while cut > 1 and _MARK.match(cleaned[cut]):
        cut -= 1  # a mark belongs to the letter before it: cut before that letter
    return cleaned[:cut].rstrip(".-")


_MARK = re.compile("[\u0300-\u036f\u0e31\u0e33-\u0e3a\u0e47-\u0e4e]")


def default_path(folder: Path, stem: str, fmt: str, today: date) -> Path:
    """``folder/<stem>-<YYYY-MM-DD>.<ext>``: the first such name not yet taken (-2, -3 …)."""
    return first_free_path(folder, f"{safe_stem(stem)}-{today.isoformat()}", FORMATS[fmt].ext)


def first_free_path(folder: Path, base: str, ext: str) -> Path:
    """``folder/<base>.<ext>``, or ``<base>-2.<ext>``, ``-3`` … : the first name not yet taken."""
    candidate = folder / f"{base}.{ext}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{base}-{number}.{ext}"
        number += 1
    return candidate


def refuse_onto_input(target: Path, source: Path) -> None:
    """Refuse to write *target* when it is the input *source* itself, by any path to it.

    ``export c.toml -o link --force``, with ``link`` a symlink (or a hard link,
    or ``a/../c.toml``) to ``c.toml``, would otherwise replace the checklist
    with its own summary.  The same file is the same device and inode.
    """
    try:
        same = os.path.samefile(target, source)
    except OSError:
        return  # the target does not exist yet (or cannot be looked at): it is not the input
    if same:
        raise FileError(Message.of("fs.onto_input", path=str(target), input=str(source)), EXIT_USAGE)


class FileTakenError(UserError):
    """The export's file name is already taken (:func:`write_new` never replaces a file)."""


def is_device(path: Path) -> bool:
    """True when *path* exists and is neither a regular file nor a folder (``/dev/null``,
    ``/dev/stdout``, a pipe, ``NUL`` on Windows): written into as it is, never replaced."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return os.name == "nt" and path.name.split(".")[0].upper() in _WINDOWS_DEVICES
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


# Names Windows keeps for devices in every folder (NUL is its /dev/null).
_WINDOWS_DEVICES = frozenset({"NUL", "CON", "PRN", "AUX"} | {f"COM{n}" for n in range(1, 10)})


def check_target(path: Path, *, force: bool) -> None:
    """Refuse, before any work, an output *path* that cannot be written as asked: a folder,
    an existing regular file without *force*, or a missing folder.  Only a regular file is
    protected: a device (``-o /dev/null``) is written into."""
    if path.is_dir():
        raise UserError(Message.of("cli.is_a_folder", path=str(path), example=str(path / "checklist.toml")))
    if is_device(path):
        return
    if path.exists() and not force:
        raise UserError(Message.of("cli.exists", path=str(path)), EXIT_USAGE)
    folder = path.parent
    if not folder.is_dir():
        raise UserError(Message.of("cli.no_folder", path=str(path), folder=str(folder)), EXIT_USAGE)


def write_new(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write *data* to *path* whole; refuse to replace an existing file unless *overwrite*.

    A device or pipe (:func:`is_device`) is written into directly: it cannot be replaced,
    and there is nothing in it to protect.
    """
    from ita_tui.fs.atomic import atomic_write
    from ita_tui.fs.locking import file_lock

    if is_device(path):
        _write_into(path, data)
        return
    if overwrite:
        atomic_write(path, data)
        return
    # Under the name's lock, as atomic_write: a temp of this name found now is a killed run's.
    with file_lock(path):
        _write_exclusive(path, data)


def _write_exclusive(path: Path, data: bytes) -> None:
    from ita_tui.fs.atomic import new_file_mode, new_temp

    try:
        fd, temp = new_temp(path)
    except OSError as error:
        raise _cannot_write(path, error) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); a new file gets the usual permissions.
        os.chmod(temp, new_file_mode())
        _claim(temp, path, data)
    except FileExistsError:
        raise FileTakenError(Message.of("cli.exists", path=str(path)), EXIT_USAGE) from None
    except OSError as error:
        raise _cannot_write(path, error) from None
    finally:
        # The export is written or refused by now; a temp that will not go is removed by the
        # next write of this name (new_temp drops those of dead processes).
        with contextlib.suppress(OSError):
            os.unlink(temp)


def _cannot_write(path: Path, error: OSError) -> UserError:
    return UserError(Message.of("cli.cannot_write", path=str(path), reason=os_reason(error)), EXIT_USAGE)


def _write_into(path: Path, data: bytes) -> None:
    """Write *data* into a device or pipe; a pipe with no reader is an error, not a hang."""
    nonblocking = getattr(os, "O_NONBLOCK", 0)  # POSIX: opening a pipe nobody reads fails at once
    try:
        fd = os.open(path, os.O_WRONLY | nonblocking)
    except OSError as error:
        raise _cannot_write(path, error) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            if nonblocking:
                os.set_blocking(fd, True)
            handle.write(data)
    except OSError as error:
        raise _cannot_write(path, error) from None


def _claim(temp: str, path: Path, data: bytes) -> None:
    """Give the written *temp* the name *path*, failing with FileExistsError if it is taken."""
    try:
        # link() fails if the name is taken, so a file that appeared meanwhile is never replaced.
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:
        # FAT/exFAT sticks and many network shares have no hard links, and say so with
        # different errors (Windows: "incorrect function", "not supported", "access denied"):
        # claim the name with O_EXCL, which fails the same way if it is taken.
        with open(path, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())

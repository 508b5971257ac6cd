"""Export edges that mutation testing found unguarded (issue 20): each test fails on a mutant."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ita_tui.exports.destination import MAX_STEM_BYTES, safe_stem, write_new


def test_a_stem_of_exactly_the_limit_is_kept_whole() -> None:
    stem = "ก" * (MAX_STEM_BYTES // 3) + "x" * (MAX_STEM_BYTES % 3)
    assert len(stem.encode("utf-8")) == MAX_STEM_BYTES
    assert safe_stem(stem) == stem
    assert safe_stem(stem + "x") == stem  # one byte more: cut to the limit


def test_a_cut_in_a_run_of_marks_keeps_the_letter_they_sit_on() -> None:
    # A letter and more marks than fit: the cut backs off to just after the letter, never to nothing.
    stem = "ก" + "\u0e34" * MAX_STEM_BYTES
    assert safe_stem(stem) == "ก"


@pytest.mark.parametrize("links", [True, False], ids=["hard links", "no hard links (FAT, shares)"])
def test_a_new_export_is_on_disk_before_it_is_fsynced(
    links: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bytes must be flushed out of Python's buffer before the fsync, or the fsync keeps nothing."""
    if not links:
        monkeypatch.setattr(os, "link", _no_link)
    data = "สรุป ITA\n".encode() * 5  # less than a buffer: it stays in Python until flushed
    synced: list[tuple[int, int]] = []  # (inode, size) at each fsync
    real_fsync = os.fsync

    def recording(fd: int) -> None:
        info = os.fstat(fd)
        synced.append((info.st_ino, info.st_size))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", recording)
    write_new(tmp_path / "out.txt", data)
    written = tmp_path / "out.txt"
    assert (written.stat().st_ino, len(data)) in synced, synced
    assert written.read_bytes() == data


def _no_link(source: object, target: object) -> None:
    raise OSError(1, "Operation not permitted")

"""Every invalid file of the TOML compliance suite is refused cleanly by `ita-tui validate`.

The corpus (toml-lang/toml-test, flattened) lives outside the repository in
``shared/corpora/toml-test-invalid``; the test skips when it is not there.
Each file must give exit 1 or 2 and one line a problem, each line starting
with the file's name, and never a traceback or an internal error.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_bad import run_cli

_CANDIDATES = [
    Path(__file__).resolve().parents[2] / "shared" / "corpora" / "toml-test-invalid",
    Path("/work/shared/corpora/toml-test-invalid"),
]
CORPUS = next((folder for folder in _CANDIDATES if folder.is_dir()), None)
FILES = sorted(CORPUS.glob("*.toml")) if CORPUS else []


def test_the_corpus_is_there_or_skipped() -> None:
    if CORPUS is None:
        pytest.skip("shared/corpora/toml-test-invalid is not available here")
    assert len(FILES) > 400


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_invalid_toml_is_refused_in_one_line_naming_the_file(
    path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(path.parent)
    ran = run_cli(["validate", path.name], capsys)
    assert ran.code in (1, 2), ran.err
    lines = ran.err.splitlines()
    assert len(lines) == 1, ran.err  # a syntax error stops the parse: one problem, one line
    assert lines[0].startswith(f"{path.name}:")
    assert "Traceback" not in ran.err and "internal error" not in ran.err
    assert ran.out == ""

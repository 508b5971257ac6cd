"""What `pip install .` puts in the wheel: every data file the package reads at run time."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_data_file_of_the_package_is_shipped() -> None:
    """A word list or stylesheet left out works in an editable install and fails in a real one."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["ita_tui"]
    package = ROOT / "ita_tui"
    data = [
        path
        for path in package.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    ]
    assert data, "the package has no data files?"
    missing = [
        p.relative_to(package).as_posix() for p in data if not any(p.match(str(package / g)) for g in globs)
    ]
    assert missing == []

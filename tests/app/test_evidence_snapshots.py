"""Pictures of the evidence dialog and of the broken-link marks (pytest-textual-snapshot).

The check's results are set by hand (no network), the clock is frozen and
animations are off (conftest), so the pictures are stable.  Update with
``--snapshot-update`` and look at every changed SVG before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from evidence_helpers import evidence_block, with_evidence

from ita_tui.link_results import Hop, Outcome, Why
from ita_tui.templates import find

SITE = "https://www.example.go.th/ita"
SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def oit_path(tmp_path: Path) -> Path:
    template = find("oit-2566")
    assert template is not None
    text = with_evidence(
        template.read_bytes().decode("utf-8"),
        {
            "O5": evidence_block(f"{SITE}/o5", label="ข้อมูลการติดต่อ"),
            "O7": evidence_block(f"{SITE}/o7", label="ข่าวประชาสัมพันธ์ของเทศบาล")
            + evidence_block(path="หลักฐาน/o7-ภาพกิจกรรม.pdf")
            + "published = 2026-11-01\n",
        },
    )
    path = tmp_path / "work" / "oit.toml"
    path.write_text(text, encoding="utf-8")
    return path


RESULTS = {
    f"{SITE}/o5": Outcome(True, 200, redirects=(Hop(301, f"{SITE}/2566/o5"),)),
    f"{SITE}/o7": Outcome(False, 404, Why.HTTP_ERROR),
    "หลักฐาน/o7-ภาพกิจกรรม.pdf": Outcome(False, why=Why.MISSING),
}


async def _checked_on_o7(pilot) -> None:  # type: ignore[no-untyped-def]
    screen = pilot.app.screen
    screen.link_results.update(RESULTS)
    screen.mark_broken()
    screen.navigator.select("O7")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_evidence_dialog(snap_compare, oit_path: Path, make_app, size) -> None:
    assert snap_compare(make_app(oit_path), run_before=_checked_on_o7, press=["v"], terminal_size=size)


def test_broken_marks_and_detail(snap_compare, oit_path: Path, make_app) -> None:
    assert snap_compare(make_app(oit_path, lang="en"), run_before=_checked_on_o7, terminal_size=(120, 40))

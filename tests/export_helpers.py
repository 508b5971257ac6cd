"""Helpers shared by the export tests: golden files and small checklists built in code."""

from __future__ import annotations

import difflib
import os
from datetime import date
from pathlib import Path

from ita_tui.model import Checklist, Item, Section, Status

GOLDEN = Path(__file__).parent / "golden"
TODAY = date(2026, 11, 25)  # the "as of" date of every golden file


def check_golden(name: str, data: bytes) -> None:
    """Compare *data* with ``tests/golden/<name>``; ``UPDATE_GOLDEN=1`` rewrites the file instead.

    Regenerate only on purpose, and read the diff (``git diff tests/golden``) before keeping it.
    """
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    assert path.exists(), f"{path} is missing: run with UPDATE_GOLDEN=1 and review it"
    expected = path.read_bytes()
    if data != expected:
        diff = difflib.unified_diff(
            expected.decode("utf-8", "replace").splitlines(),
            data.decode("utf-8", "replace").splitlines(),
            f"golden/{name}",
            "now",
            lineterm="",
            n=2,
        )
        raise AssertionError(f"{name} differs from its golden file:\n" + "\n".join(list(diff)[:60]))


def tricky_checklist(title: str = "Plan [/bold] [link=http://x]click[/link]", notes: str = "") -> Checklist:
    """A small checklist whose text looks like markup, HTML, formulas and Markdown."""
    measures = Section(
        id="measures",
        title="มาตรการ <script>alert(1)</script>",
        items=[
            Item("M1", title, Status.DONE, notes=notes or "[red]not red[/red] ESC-free"),
            Item("M2", '=HYPERLINK("http://evil")', Status.IN_PROGRESS, notes="-ติดตามผล\n- ต่อไป"),
            Item(
                "M3",
                "# not a heading | *not bold* _x_ `code` [a](b)",
                Status.NOT_STARTED,
                fields={"actions": ["1. หนึ่ง", "-2+3", "@SUM(A1)"], "owner": "กองคลัง"},
            ),
        ],
        labels={"actions": "วิธีดำเนินการ"},
    )
    indicators = Section(
        id="iit",
        title="IIT",
        group="IIT",
        items=[Item("I1", "การปฏิบัติหน้าที่", Status.DONE, score=97.44, indicator=1)],
    )
    return Checklist(title=title, sections=[measures, indicators], organization="[bold]org", fiscal_year=2567)


def with_owners_and_dates(checklist: Checklist) -> Checklist:
    """*checklist* (the bundled one) as issue 13's meeting has it: M2–M4 owned, dated and noted.

    M2 is ten days overdue, M3 (two owners, in progress) due in five days, M4 due in a month.
    """
    from datetime import timedelta

    edits = {
        "M2": ("กองคลัง", -10, Status.NOT_STARTED, "ส่งร่างแล้ว\nรอผู้บริหารลงนาม คาดว่าเสร็จ ๑๕ ธ.ค."),
        "M3": (["กองคลัง", "สำนักปลัด"], 5, Status.IN_PROGRESS, "ประชุมคณะทำงานแล้ว"),
        "M4": ("กองช่าง", 30, Status.NOT_STARTED, ""),
    }
    for item_id, (owner, days, status, notes) in edits.items():
        item = checklist.find(item_id)
        assert item is not None
        item.fields["responsible"] = owner
        item.due = TODAY + timedelta(days=days)
        item.status = status
        item.notes = notes
    return checklist

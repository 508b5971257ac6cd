"""The issue's meeting example: the bundled checklist with owners, due dates and notes on M2–M4."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from ita_tui.templates import find

# (id, status, responsible as TOML, days from today to the due date, notes)
EXAMPLE: tuple[tuple[str, str, str, int, str], ...] = (
    ("M2", "in-progress", '"กองคลัง"', -3, "ส่งร่างแล้ว\nรอผู้บริหารลงนาม คาดว่าเสร็จ ๑๕ ธ.ค."),
    ("M3", "not-started", '["กองคลัง", "สำนักปลัดเทศบาล"]', 5, "รอใบเสนอราคาจากผู้ขาย"),
    ("M4", "in-progress", '"สำนักปลัดเทศบาล"', 30, "ร่างประกาศอยู่ระหว่างตรวจทาน"),
)


def example_text(today: date) -> str:
    """The bundled FY2566 checklist's text with the example's owners, due dates and notes."""
    template = find("fy2566")
    assert template is not None
    text = template.read_bytes().decode("utf-8")
    for item_id, status, responsible, days, notes in EXAMPLE:
        start = text.index(f'id = "{item_id}"\n')
        end = text.index("[[sections.items]]", start)
        block = text[start:end]
        block = block.replace('status = "not-started"', f'status = "{status}"', 1)
        block = block.replace('notes = ""', f'notes = """\n{notes}"""', 1)
        block = re.sub(r"^responsible = .*$", f"responsible = {responsible}", block, count=1, flags=re.M)
        due = (today + timedelta(days=days)).isoformat()
        block = block.rstrip("\n") + f"\ndue = {due}\n\n"
        text = text[:start] + block + text[end:]
    return text


def write_example(path: Path, today: date) -> Path:
    """Write the example checklist to *path*."""
    path.write_text(example_text(today), encoding="utf-8")
    return path

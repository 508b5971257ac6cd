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


def write_years(folder: Path, today: date) -> Path:
    """Three linked years in *folder*: fy2565 ← fy2566 ← fy2567 (the example, with owners); fy2567's path.

    FY2565's scores are FY2566's less 2.1; FY2567 raises indicator 1, lowers 2, gives 3 a
    score (so its overall is computed) and drops the reported overall.
    """
    template = find("fy2566")
    assert template is not None
    base = template.read_bytes().decode("utf-8")
    older = base.replace("fiscal_year = 2566", "fiscal_year = 2565").replace("พ.ศ.2566", "พ.ศ.2565")
    older = re.sub(r"score = (\d+\.\d+)", lambda m: f"score = {float(m.group(1)) - 2.1:.2f}", older)
    (folder / "fy2565.toml").write_text(older, encoding="utf-8")
    linked = base.replace("overall_score = 95.75\n", 'overall_score = 95.75\nprevious = "fy2565.toml"\n')
    (folder / "fy2566.toml").write_text(linked, encoding="utf-8")
    newest = example_text(today)
    newest = newest.replace("fiscal_year = 2566", 'fiscal_year = 2567\nprevious = "fy2566.toml"')
    newest = newest.replace("พ.ศ.2566", "พ.ศ.2567").replace("overall_score = 95.75\n", "")
    newest = newest.replace('rating = "ผ่านดี"\n', "")
    newest = newest.replace("score = 97.44", "score = 98.1").replace("score = 94.03", "score = 93.5")
    newest = newest.replace(
        'id = "I3"\ntitle = "การใช้อำนาจ"\n', 'id = "I3"\ntitle = "การใช้อำนาจ"\nscore = 96.2\n'
    )
    path = folder / "fy2567.toml"
    path.write_text(newest, encoding="utf-8")
    return path

"""Synthetic ITA checklists of N items with realistic Thai text, for the benchmarks.

Deterministic: the same ``--items`` and ``--seed`` always give the same bytes.
Each item carries about 3.5 KB of Thai text (UTF-8) in varied sentences: a
title, detail fields as lists of strings (actions, results, outcomes), a
period and a responsible unit, sometimes a note (one-line, multi-line or a
literal string), a score on indicator items, an ``updated`` stamp on some, and
comments between and after keys, the way people write these files by hand.

Sections: the agency's measures, then the ITA groups IIT (indicators 1–5),
EIT (6–8) and OIT (9–10), then one OIT section per unit holding that unit's
O-items: the shape a ministry that tracks every unit's O-items reaches.

    python bench/generate.py --items 10000 -o bench/out/checklist-10000.toml
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from ita_tui.model import INDICATOR_NAMES

DEFAULT_SEED = 2566
TARGET_BYTES_PER_ITEM = 3500

# The official names of the ten indicators, as the bundled templates and the importer use them.
INDICATORS = INDICATOR_NAMES
GROUP_OF = {
    1: "IIT",
    2: "IIT",
    3: "IIT",
    4: "IIT",
    5: "IIT",
    6: "EIT",
    7: "EIT",
    8: "EIT",
    9: "OIT",
    10: "OIT",
}
GROUP_TITLES = {
    "IIT": "IIT: การประเมินการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน",
    "EIT": "EIT: การประเมินการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก",
    "OIT": "OIT: การเปิดเผยข้อมูลสาธารณะ",
}

SUBJECTS = [
    "เทศบาลตำบล",
    "องค์การบริหารส่วนตำบล",
    "สำนักปลัด",
    "กองคลัง",
    "กองช่าง",
    "กองการศึกษา",
    "กองสาธารณสุขและสิ่งแวดล้อม",
    "งานประชาสัมพันธ์",
    "เจ้าหน้าที่ผู้รับผิดชอบ",
    "คณะกรรมการตรวจสอบ",
    "ผู้บริหารท้องถิ่น",
    "บุคลากรในสังกัด",
    "หน่วยตรวจสอบภายใน",
    "ศูนย์ข้อมูลข่าวสาร",
]
VERBS = [
    "จัดทำ",
    "เผยแพร่",
    "ตรวจสอบ",
    "ปรับปรุง",
    "รายงานผล",
    "ประชาสัมพันธ์",
    "ติดตามและประเมินผล",
    "จัดอบรมเรื่อง",
    "ทบทวน",
    "กำหนดแนวทาง",
    "ประกาศใช้",
    "สรุปผลการดำเนินงานตาม",
]
OBJECTS = [
    "คู่มือการปฏิบัติงาน",
    "แผนปฏิบัติการป้องกันการทุจริต",
    "ประกาศมาตรการป้องกันผลประโยชน์ทับซ้อน",
    "ข้อมูลการจัดซื้อจัดจ้างประจำเดือน",
    "รายงานการใช้จ่ายงบประมาณ",
    "ช่องทางการร้องเรียนเรื่องการทุจริต",
    "ประมวลจริยธรรมของเจ้าหน้าที่",
    "แผนการบริหารและพัฒนาทรัพยากรบุคคล",
    "ข้อมูลข่าวสารบนเว็บไซต์ของหน่วยงาน",
    "ขั้นตอนการให้บริการประชาชน",
    "ทะเบียนทรัพย์สินของทางราชการ",
    "ผลการสำรวจความพึงพอใจของผู้รับบริการ",
    "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    "การเปิดโอกาสให้ประชาชนมีส่วนร่วม",
]
TAILS = [
    "ให้เป็นไปตามระเบียบและกฎหมายที่เกี่ยวข้อง",
    "อย่างต่อเนื่องตลอดปีงบประมาณ",
    "ผ่านทุกช่องทางการสื่อสารของหน่วยงาน",
    "เพื่อให้ประชาชนสามารถเข้าถึงได้โดยสะดวก",
    "และรายงานให้ผู้บริหารทราบทุกไตรมาส",
    "โดยเปิดเผยให้บุคลากรและประชาชนทั่วไปทราบ",
    "เพื่อลดขั้นตอนและระยะเวลาในการให้บริการ",
    "ตามข้อเสนอแนะของสำนักงาน ป.ป.ช.",
    "ภายในระยะเวลาที่กำหนด",
    "ให้ถูกต้องครบถ้วนและเป็นปัจจุบัน",
]
CONNECTORS = ["", "", "และ", "พร้อมทั้ง", "รวมถึง", "โดย", "ทั้งนี้"]
UNITS = [
    "สำนักปลัด",
    "กองคลัง",
    "กองช่าง",
    "กองการศึกษา",
    "กองสาธารณสุขและสิ่งแวดล้อม",
    "กองสวัสดิการสังคม",
    "หน่วยตรวจสอบภายใน",
    "ทุกส่วนราชการ",
]
PROVINCES = ["มุกดาหาร", "ขอนแก่น", "เชียงใหม่", "สงขลา", "นครราชสีมา", "อุบลราชธานี", "ลำปาง", "ตรัง"]
MONTHS = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]
COMMENTS = [
    "# ตรวจทานแล้ว",
    "# รอเอกสารจากกองคลัง",
    "# checked with the unit head",
    "# ข้อมูลจากรายงานปีที่แล้ว",
    "# TODO: attach evidence link",
]
STATUSES = ["not-started", "in-progress", "done"]


def sentence(rng: random.Random) -> str:
    """One Thai sentence built from varied parts, sometimes with digits or quotes."""
    parts = [rng.choice(SUBJECTS), rng.choice(VERBS) + rng.choice(OBJECTS)]
    for _ in range(rng.randint(0, 2)):
        parts.append(rng.choice(CONNECTORS) + rng.choice(VERBS) + rng.choice(OBJECTS))
    parts.append(rng.choice(TAILS))
    roll = rng.random()
    if roll < 0.15:
        parts.append(f"จำนวน {rng.randint(1, 250)} รายการ")
    elif roll < 0.25:
        parts.append(f"ณ วันที่ {rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2565, 2567)}")
    elif roll < 0.30:
        parts.append(f"(ร้อยละ {rng.randint(50, 100)})")
    elif roll < 0.33:
        parts.append('ตามหนังสือ "ด่วนที่สุด"')
    return " ".join(part for part in parts if part)


def basic(text: str) -> str:
    """*text* as a TOML basic string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def string_value(rng: random.Random, text: str) -> str:
    """A basic string mostly; a literal string now and then, as people write them."""
    if "'" not in text and rng.random() < 0.1:
        return f"'{text}'"
    return basic(text)


def string_list(rng: random.Random, count: int) -> str:
    entries = [sentence(rng) for _ in range(count)]
    if count == 1 and rng.random() < 0.5:
        return "[" + basic(entries[0]) + "]"
    body = "".join(f"    {string_value(rng, entry)},\n" for entry in entries)
    return "[\n" + body + "]"


def item_text(rng: random.Random, ident: str, title: str, *, score: bool, budget: int) -> str:
    """One ``[[sections.items]]`` table of about *budget* bytes."""
    lines = ["", "[[sections.items]]", f"id = {basic(ident)}", f"title = {basic(title)}"]
    roll = rng.random()
    status = STATUSES[0] if roll < 0.45 else STATUSES[1] if roll < 0.75 else STATUSES[2]
    if rng.random() < 0.85:  # some items leave status out: it defaults to not-started
        comment = f"  {rng.choice(COMMENTS)}" if rng.random() < 0.1 else ""
        lines.append(f"status = {basic(status)}{comment}")
    if score and rng.random() < 0.9:
        lines.append(f"score = {rng.randint(4000, 10000) / 100}")
    roll = rng.random()
    if roll < 0.15:
        lines.append(f"notes = {string_value(rng, sentence(rng))}")
    elif roll < 0.2:
        lines.append('notes = """\n' + sentence(rng) + "\n" + sentence(rng) + '"""')
    elif roll < 0.5:
        lines.append('notes = ""')
    if rng.random() < 0.2:
        lines.append(
            f"updated = 2023-{rng.randint(1, 9):02d}-{rng.randint(1, 28):02d}T"
            f"{rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}:00+07:00"
        )
    if rng.random() < 0.1:
        lines.append(rng.choice(COMMENTS))
    lines.append(f"period = {basic(f'ปีงบประมาณ {rng.randint(2565, 2567)}')}")
    responsible = rng.sample(UNITS, rng.randint(1, 3))
    lines.append(
        f"responsible = {basic(responsible[0])}"
        if len(responsible) == 1
        else "responsible = [" + ", ".join(basic(unit) for unit in responsible) + "]"
    )
    body = "\n".join(lines) + "\n"
    # Detail lists until the item reaches its share of text.
    keys = ["actions", "results", "outcomes"]
    index = 0
    while len(body.encode("utf-8")) < budget - 650:
        key = keys[index % 3] if index < 3 else f"evidence_{index - 2}"
        body += f"{key} = {string_list(rng, rng.randint(1, 4))}\n"
        index += 1
    return body


def generate(items: int, seed: int = DEFAULT_SEED, *, bytes_per_item: int = TARGET_BYTES_PER_ITEM) -> str:
    """The text of a checklist of *items* items (at least 10: the ten indicators)."""
    rng = random.Random(seed)
    items = max(items, 10)
    out = [
        f"# Synthetic ITA checklist: {items} items, seed {seed} (bench/generate.py).",
        "# Not real data: sentences are assembled from common report phrases.",
        "",
        "format = 1",
        "",
        "[checklist]",
        f"title = {basic('รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ.2566')}",
        f"organization = {basic('กระทรวงตัวอย่าง จังหวัด' + rng.choice(PROVINCES))}",
        "fiscal_year = 2566          # Buddhist Era",
        "overall_score = 91.25",
        'rating = "A"',
        "",
        "[checklist.labels]          # display names of the detail fields",
        'actions = "วิธีดำเนินการ"',
        'period = "ระยะเวลาในการดำเนินการ"',
        'responsible = "ผู้รับผิดชอบ"',
        'results = "สรุปผลการดำเนินการ"',
        'outcomes = "ผลลัพธ์หรือความสำเร็จในการดำเนินการ"',
        "",
    ]
    measures = min(max(items // 20, 1), 60)
    units_items = items - 10 - measures
    # Items per unit section: a ministry's units each track a few dozen O-items.
    per_unit = 40

    def section(ident: str, title: str, group: str | None) -> None:
        out.append("")
        out.append("[[sections]]")
        out.append(f"id = {basic(ident)}")
        out.append(f"title = {basic(title)}")
        if group:
            out.append(f"group = {basic(group)}")

    def item(ident: str, title: str, *, score: bool) -> None:
        out.append(item_text(rng, ident, title, score=score, budget=bytes_per_item).rstrip("\n"))

    section("measures", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", None)
    for number in range(1, measures + 1):
        item(f"M{number}", "มาตรการ" + rng.choice(VERBS) + rng.choice(OBJECTS), score=False)
    for group in ("IIT", "EIT", "OIT"):
        section(group.lower(), GROUP_TITLES[group], group)
        for number, name in INDICATORS.items():
            if GROUP_OF[number] == group:
                item(f"I{number}", name, score=True)
    unit = 0
    made = 0
    while made < units_items:
        unit += 1
        section(f"unit-{unit:03d}", f"OIT: {rng.choice(UNITS)} หน่วยที่ {unit}", "OIT")
        for number in range(1, min(per_unit, units_items - made) + 1):
            item(f"U{unit:03d}-O{number}", f"O{number} " + rng.choice(OBJECTS), score=rng.random() < 0.3)
            made += 1
    return "\n".join(out) + "\n"


def long_note(chars: int, seed: int = DEFAULT_SEED) -> str:
    """Exactly *chars* characters of Thai prose: sentences, a paragraph break every ten or so.

    Sentences are drawn at random and half of the spaces between their phrases are
    left out (Thai writers often run phrases together), so a long note holds the
    variety of real ones: a note that repeated a few runs would be served from the
    wrapper's caches and hide the cost of segmenting it.
    """
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < chars:
        words = sentence(rng).split(" ")
        joined = words[0] + "".join((" " if rng.random() < 0.5 else "") + word for word in words[1:])
        part = joined + ("\n" if rng.random() < 0.1 else " ")
        parts.append(part)
        size += len(part)
    return "".join(parts)[:chars]


def generate_with_note(chars: int, items: int = 16, seed: int = DEFAULT_SEED) -> str:
    """A checklist of *items* items whose first item is ``M1`` with a note of exactly *chars* characters."""
    text = generate(items, seed)
    start = text.index("[[sections.items]]")
    end = text.index("\n[[", start)
    note = basic(long_note(chars, seed)).replace("\n", "\\n")
    item = f'[[sections.items]]\nid = "M1"\ntitle = {basic("มาตรการเผยแพร่ข้อมูลข่าวสาร")}\nnotes = {note}\n'
    return text[:start] + item + text[end:]


def write(path: Path, items: int, seed: int = DEFAULT_SEED, *, note_chars: int = 0) -> Path:
    """Write the checklist of *items* items to *path* unless an identical one is there.

    With *note_chars*, the first item carries a note of that many characters.
    """
    text = generate_with_note(note_chars, items, seed) if note_chars else generate(items, seed)
    data = text.encode("utf-8")
    if not (path.exists() and path.read_bytes() == data):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", "-n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--note-chars", type=int, default=0, help="a note of N characters on the first item")
    parser.add_argument("-o", "--output", help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    if args.output:
        path = write(Path(args.output), args.items, args.seed, note_chars=args.note_chars)
        print(f"{path}: {path.stat().st_size / 1e6:.1f} MB, {args.items} items", file=sys.stderr)
    elif args.note_chars:
        sys.stdout.write(generate_with_note(args.note_chars, args.items, args.seed))
    else:
        sys.stdout.write(generate(args.items, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

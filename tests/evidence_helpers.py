"""Checklists with evidence for the tests: the oit-2566 template with a dozen links at a local server."""

from __future__ import annotations

import re
from pathlib import Path

from ita_tui import templates

DOZEN = [f"O{n}" for n in range(1, 13)]


def evidence_block(url: str | None = None, path: str | None = None, label: str = "") -> str:
    """One hand-written ``[[sections.items.evidence]]`` table."""
    lines = ["", "[[sections.items.evidence]]"]
    lines.append(f'url = "{url}"' if url is not None else f'path = "{path}"')
    if label:
        lines.append(f'label = "{label}"')
    return "\n".join(lines) + "\n"


def with_evidence(text: str, blocks: dict[str, str]) -> str:
    """*text* (a checklist) with *blocks* added after the keys of the items they name."""
    for item_id, block in blocks.items():
        match = re.search(rf'\nid = "{re.escape(item_id)}"\n(?:[^\n\[][^\n]*\n)*', text)
        assert match is not None, item_id
        text = text[: match.end()] + block + text[match.end() :]
    return text


def oit_with_links(folder: Path, base: str) -> Path:
    """oit-2566 with O1-O12 pointing at ``{base}/ita/o1`` ... ``/ita/o12``; returns the file."""
    template = templates.find("oit-2566")
    assert template is not None
    text = template.read_bytes().decode("utf-8")
    blocks = {
        item_id: evidence_block(f"{base}/ita/{item_id.lower()}", label=f"หน้า {item_id}") for item_id in DOZEN
    }
    path = folder / "oit.toml"
    path.write_text(with_evidence(text, blocks), encoding="utf-8")
    return path

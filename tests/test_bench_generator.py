"""The benchmark's checklist generator: deterministic, valid, realistic in size and shape."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from ita_tui.checklist_file import check

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))
try:
    import generate as generator
finally:
    sys.path.remove(str(BENCH))


@pytest.fixture(scope="module")
def text() -> str:
    return generator.generate(300)


def test_same_seed_same_bytes_other_seed_other_text(text: str) -> None:
    assert generator.generate(300) == text
    assert generator.generate(300, seed=1) != text


def test_the_file_loads_without_problems(tmp_path: Path, text: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    loaded, problems = check(path)
    assert problems == []
    assert loaded is not None
    assert len(loaded.checklist.items()) == 300
    ids = [item.id for item in loaded.checklist.items()]
    assert len(set(ids)) == len(ids)


def test_about_three_and_a_half_kilobytes_of_text_an_item() -> None:
    text = generator.generate(1000)
    per_item = len(text.encode("utf-8")) / 1000
    assert 3000 <= per_item <= 4000


def test_shape_groups_fields_notes_scores_comments(text: str) -> None:
    data = tomllib.loads(text)
    groups = {section.get("group") for section in data["sections"]}
    assert {"IIT", "EIT", "OIT", None} <= groups
    items = [item for section in data["sections"] for item in section["items"]]
    indicators = {item["id"] for item in items if item["id"].startswith("I")}
    assert indicators == {f"I{n}" for n in range(1, 11)}
    assert any(isinstance(item.get("actions"), list) and len(item["actions"]) > 1 for item in items)
    assert any(item.get("notes") for item in items)
    assert any("\n" in item.get("notes", "") for item in items)  # multi-line notes
    assert any("score" in item for item in items)
    assert any("updated" in item for item in items)
    assert any("status" not in item for item in items)  # the default applies
    assert {item.get("status") for item in items} >= {"not-started", "in-progress", "done"}
    assert "  # " in text and "\n# " in text  # trailing and whole-line comments
    assert "\n    '" in text  # literal strings too
    thai = sum(1 for char in text if "\u0e00" <= char <= "\u0e7f")
    assert thai > len(text) / 2


def test_sentences_vary(text: str) -> None:
    data = tomllib.loads(text)
    sentences = [
        entry
        for section in data["sections"]
        for item in section["items"]
        for entry in item.get("actions", [])
    ]
    assert len(set(sentences)) > 0.9 * len(sentences)


@pytest.mark.parametrize("chars", [1, 20_000])
def test_a_long_note_has_exactly_the_characters_asked_and_loads(tmp_path: Path, chars: int) -> None:
    text = generator.generate_with_note(chars)
    assert generator.generate_with_note(chars) == text  # seeded
    path = tmp_path / "note.toml"
    path.write_text(text, encoding="utf-8")
    loaded, problems = check(path)
    assert problems == []
    assert loaded is not None
    first = loaded.checklist.items()[0]
    assert first.id == "M1"
    assert len(first.notes) == chars


def test_a_long_note_is_varied_thai_prose() -> None:
    note = generator.long_note(20_000)
    runs = note.split()
    assert len(set(runs)) > len(runs) / 2  # not a few runs over and over (the caches would hide them)
    assert "\n" in note
    assert sum("\u0e00" <= c <= "\u0e7f" for c in note) > 15_000

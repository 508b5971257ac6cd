"""The language walk: every screen, dialog and message of the app (tests/app/views.py), opened
in Thai and in English, shows no interface word of the other language.

The Thai walk runs on the bundled Thai checklist, the English one on an English checklist
(tests/data/english.toml), so that the checklist's own text is in the language of the view
and any word of the other language on screen is the app's.  tests/language_check.py says
what counts as a word.  On Thai screens, each status is also named one way only: the app's
short words (กำลังทำ), never the reports' full names (อยู่ระหว่างดำเนินการ) beside them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from language_check import checklist_text, foreign_words

from ita_tui.checklist_file import load
from ita_tui.i18n import status_label
from ita_tui.model import Status
from ita_tui.templates import bundled

from .helpers import screen_text
from .views import TYPED, VIEWS, View

DATA = Path(__file__).resolve().parents[1] / "data"
CHECKLISTS = {
    "th": Path(__file__).resolve().parents[2] / "ita_tui" / "checklists" / "fy2566.toml",
    "en": DATA / "english.toml",
}


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("entry", VIEWS, ids=lambda entry: entry.name)
async def test_every_view_speaks_one_language(entry: View, lang: str, tmp_path: Path, make_app) -> None:
    source = CHECKLISTS[lang]
    folder = tmp_path / "work" / "checklists"
    folder.mkdir()
    path = Path(shutil.copy(source, folder / source.name))
    app = make_app(None, lang=lang, folders=[folder]) if entry.start else make_app(path, lang=lang)
    async with app.run_test(size=entry.size, notifications=True) as pilot:
        await pilot.pause()
        await entry.steps(pilot)
        await pilot.pause(0.2)
        shown = screen_text(app)
    data = checklist_text(load(source).checklist)
    # What views type, and ids the app proposes (a new section's is "section"): data, not words.
    data += [str(tmp_path), path.name, "exports/", TYPED, "section"]
    data += [text for template in bundled() for text in (template.name, template.title)]
    assert foreign_words(shown, lang, data) == [], shown
    if lang == "th":
        full_names = [status_label(status, "th") for status in Status]
        remains = shown
        for piece in sorted(data, key=len, reverse=True):
            remains = remains.replace(piece, " ") if piece else remains
        assert [name for name in full_names if name in remains] == [], shown


def test_every_view_has_a_unique_name() -> None:
    names = [entry.name for entry in VIEWS]
    assert len(names) == len(set(names))

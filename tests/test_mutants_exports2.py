"""Export edges that a third mutation sample found unguarded (issue 20): each test fails on a mutant."""

from __future__ import annotations

import io
import os
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from export_helpers import TODAY
from openpyxl import load_workbook

from ita_tui.errors import UserError
from ita_tui.exports import html
from ita_tui.exports.destination import check_target, is_device
from ita_tui.exports.options import ExportOptions
from ita_tui.exports.registry import render
from ita_tui.model import Checklist, Evidence, Item, Section, Status

LINK = Evidence(url="https://www.example.go.th/ita/o1")


def _measures(*items: Item, fiscal_year: int | None = None) -> Checklist:
    section = Section(id="measures", title="มาตรการ", items=list(items))
    return Checklist(title="แผน", sections=[section], organization="อบต.ตัวอย่าง", fiscal_year=fiscal_year)


# -- destination -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["NUL", "nul.txt", "COM1"])
def test_a_windows_device_name_is_a_device_even_where_it_cannot_be_looked_at(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows ``-o NUL`` (any folder, any extension) is the null device: written into, so the
    checks of a regular file (a missing folder here) must not refuse it."""
    target = tmp_path / "no such folder" / name
    refused: UserError | None = None
    with monkeypatch.context() as windows:  # only around the calls: pytest itself makes paths
        windows.setattr(os, "name", "nt")
        device = is_device(target)
        try:
            check_target(target, force=False)
        except UserError as error:
            refused = error
    assert device is True
    assert refused is None  # no "no such folder" error


# -- docx: the page's orientation --------------------------------------------------------------


@pytest.mark.parametrize(
    ("notes", "orientation"),
    [("", WD_ORIENT.PORTRAIT), ("หมายเหตุ", WD_ORIENT.LANDSCAPE)],
    ids=["fits portrait", "too wide for portrait"],
)
def test_the_page_turns_landscape_exactly_when_the_columns_need_more_than_a_portrait_page(
    notes: str, orientation: WD_ORIENT
) -> None:
    """An A4 portrait page has 210 - 2 x 20 mm of room.  Number, title, status and evidence (about
    155 mm at their least) fit it and stay portrait; notes too (about 177 mm) do not: landscape.
    Guards the portrait width (the short side of A4, less two margins)."""
    item = Item("M1", "มาตรการหนึ่ง", Status.DONE, notes=notes, evidence=[LINK])
    data = render(_measures(item), "docx", ExportOptions(lang="th", today=TODAY))
    assert Document(io.BytesIO(data)).sections[0].orientation == orientation


def test_the_word_report_draws_links_in_the_same_blue_as_the_workbook() -> None:
    """Word's own link blue (0563C1), in both office reports: the same checklist's links must not
    look different from one report to the other."""
    checklist = _measures(Item("M1", "มาตรการหนึ่ง", Status.DONE, evidence=[LINK]))
    options = ExportOptions(lang="th", today=TODAY)
    book = load_workbook(io.BytesIO(render(checklist, "xlsx", options)))
    linked = [cell for sheet in book for row in sheet.iter_rows() for cell in row if cell.hyperlink]
    assert linked
    workbook_blue = str(linked[0].font.color.rgb)[-6:]
    document = Document(io.BytesIO(render(checklist, "docx", options)))
    assert str(document.styles["Hyperlink"].font.color.rgb) == workbook_blue


# -- html --------------------------------------------------------------------------------------


def test_the_html_heading_names_the_fiscal_year() -> None:
    """The heading says whose summary it is and of which year: organisation, fiscal year, date."""
    page = html.render(
        _measures(Item("M1", "มาตรการ", Status.DONE), fiscal_year=2567),
        ExportOptions(lang="th", today=date(2026, 1, 1)),
    )
    heading = page.decode().split("</h1>", 1)[1].split("</td>", 1)[0]
    assert "2567" in heading and "อบต.ตัวอย่าง" in heading


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href"))


def test_an_html_link_with_a_quote_in_its_address_goes_where_the_evidence_says() -> None:
    """A quote in a web address must be escaped in the href: unescaped it ends the attribute,
    and the mail program opens a cut address (or reads the rest as attributes)."""
    url = 'https://www.example.go.th/search?q="ITA"'
    item = Item("M1", "มาตรการ", Status.DONE, evidence=[Evidence(url=url)])
    parser = _Links()
    parser.feed(html.render(_measures(item), ExportOptions(lang="th", today=TODAY)).decode())
    assert parser.hrefs == [url]

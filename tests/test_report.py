"""The Rich report (ita_tui.exports.layout) and the summary behind every format, including
a property test: any Unicode text in a checklist renders in every format."""

from __future__ import annotations

import io
from dataclasses import replace

from export_helpers import TODAY, tricky_checklist
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from ita_tui.exports.layout import build_report
from ita_tui.exports.options import ExportOptions
from ita_tui.exports.registry import FORMATS, render
from ita_tui.exports.summary import DOTTED_CIRCLE, build_summary, displayable
from ita_tui.model import Checklist, Item, Section, Status
from ita_tui.sanitize import clean_text

EN = ExportOptions(lang="en", today=TODAY)


def rendered(checklist: Checklist, options: ExportOptions, width: int = 80) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, markup=False)
    console.print(build_report(checklist, options))
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


def test_report_shows_markup_literally_and_never_raises() -> None:
    out = rendered(tricky_checklist(), replace(EN, full=True))
    assert "Plan [/bold] [link=http://x]click[/link]" in out
    assert "[red]not red[/red]" in out and "[bold]org" in out
    assert "<script>" in out, "a terminal shows text as it is"


def test_report_has_heading_progress_and_sections() -> None:
    out = rendered(tricky_checklist(), EN)
    assert "Progress: 2 of 4 items done (50%) · 1 in progress · 1 not started" in out
    assert "Total" in out and "█" in out and "2/4" in out and "50%" in out
    assert "Computed score" not in out and "incomplete" not in out, (
        "nine indicators lack a score: no score counts"
    )
    assert "IIT (1/1 done)" in out and "97.44" in out
    assert "FY2567 (1 Oct 2023 – 30 Sep 2024)" in out


def test_report_full_variant_lists_detail_fields_under_labels() -> None:
    brief = rendered(tricky_checklist(), EN, width=100)
    full = rendered(tricky_checklist(), replace(EN, full=True), width=100)
    assert "วิธีดำเนินการ" not in brief
    assert "วิธีดำเนินการ:" in full and " 1. 1. หนึ่ง" in full and " 2. -2+3" in full
    assert "owner: กองคลัง" in full, "a field without a label shows under its key"


def test_report_status_filter() -> None:
    out = rendered(tricky_checklist(), replace(EN, statuses=frozenset({Status.DONE})))
    assert "M1" in out and "I1" in out and "M2" not in out and "M3" not in out
    assert "Showing only: Done" in out


def test_report_fits_narrow_widths() -> None:
    for width in (30, 50, 72):
        out = rendered(tricky_checklist(), replace(EN, full=True), width=width)
        assert max(cell_len(line) for line in out.splitlines()) <= width


def test_summary_gives_the_seed_heading(bundled) -> None:  # type: ignore[no-untyped-def]
    from ita_tui.checklist_file import load_checklist

    summary = build_summary(load_checklist(bundled), ExportOptions(lang="th", today=TODAY))
    assert summary.fiscal_year is None, "the title already names the year"
    assert summary.as_of == "สรุป ณ วันที่ 25 พ.ย. 2569"
    assert summary.score_line == "คะแนนที่รายงาน 95.75 (ผ่านดี)", (
        "indicator 3 has no score: the reported one counts"
    )
    assert [s.progress_label for s in summary.sections] == ["เสร็จ 0/6", "เสร็จ 5/5", "เสร็จ 2/3", "เสร็จ 0/2"]


def test_displayable_puts_a_base_under_a_leading_mark() -> None:
    assert displayable("\u0e31abc") == DOTTED_CIRCLE + "\u0e31abc"
    assert displayable("ok\n\u0e48x") == "ok\n" + DOTTED_CIRCLE + "\u0e48x"
    assert displayable("กิน") == "กิน"


# -- property: arbitrary text never breaks a format ------------------------------------------

# Whatever a file can hold once loaded: any character but surrogates, cleaned as the loader does.
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=60).map(clean_text)
thai_texts = st.text(st.sampled_from("กขคงเแโใไะาำๆฯ่้๊๋ัิีึืุู็์ \n-=[]/<>*_|#`&;"), max_size=60)


def _checklist(title: str, notes: str, field: str) -> Checklist:
    return Checklist(
        title=title or "t",
        organization=notes,
        sections=[
            Section(
                "s",
                title,
                items=[
                    Item(
                        "A1", title, Status.IN_PROGRESS, notes=notes, score=50.5, fields={"f": [field, title]}
                    ),
                    Item("A2", notes, Status.DONE, fields={"g": field}),
                ],
                labels={"f": field},
            ),
        ],
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.one_of(texts, thai_texts), notes=st.one_of(texts, thai_texts), field=texts)
def test_any_text_renders_in_every_format(title: str, notes: str, field: str) -> None:
    checklist = _checklist(title, notes, field)
    for fmt in FORMATS:
        options = ExportOptions(lang="th", today=TODAY, full=True, width=30 if fmt == "text" else 60)
        data = render(checklist, fmt, options)
        if FORMATS[fmt].binary:
            continue  # Word, Excel: written without error is the test here (test_office_export reads them)
        data.decode("utf-8")
        if fmt == "text":
            for line in data.decode().split("\n"):
                assert cell_len(line) <= 30, line
                assert not line or not _is_mark(line[0]), line
        if fmt != "ansi":
            assert b"\x1b" not in data


def _is_mark(char: str) -> bool:
    import unicodedata

    return unicodedata.category(char)[0] == "M"

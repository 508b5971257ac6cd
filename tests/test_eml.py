"""The .eml draft, read back as a mail program reads it: headers, both parts, and what is in them."""

from __future__ import annotations

import email.policy
import xml.etree.ElementTree as ET
from dataclasses import replace
from email.message import EmailMessage
from email.parser import BytesParser
from html.parser import HTMLParser
from pathlib import Path

import pytest
from export_helpers import TODAY, check_golden, tricky_checklist

from ita_tui.checklist_file import load_checklist
from ita_tui.cli import main
from ita_tui.exports.options import ExportOptions
from ita_tui.exports.registry import render
from ita_tui.model import Checklist

TH = ExportOptions(lang="th", today=TODAY, width=0)
EN = replace(TH, lang="en")


@pytest.fixture(scope="module")
def seed() -> Checklist:
    return load_checklist(Path(__file__).resolve().parents[1] / "ita_tui" / "checklists" / "fy2566.toml")


def parse(data: bytes) -> EmailMessage:
    message = BytesParser(policy=email.policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    return message


def body(part: EmailMessage) -> str:
    """A part's text as the reader sees it (the message's CRLF line ends read as LF)."""
    content = part.get_content()
    assert isinstance(content, str)
    return content.replace("\r\n", "\n")


def parts(message: EmailMessage) -> tuple[EmailMessage, EmailMessage]:
    plain, page = message.get_body(("plain",)), message.get_body(("html",))
    assert isinstance(plain, EmailMessage) and isinstance(page, EmailMessage)
    return plain, page


def test_a_draft_with_a_thai_subject_and_two_parts(seed: Checklist) -> None:
    data = render(seed, "eml", TH)
    message = parse(data)
    assert message["X-Unsent"] == "1"
    assert (
        message["Subject"] == "ความคืบหน้า ITA ปีงบประมาณ พ.ศ. 2566: เสร็จ 7 จาก 16 รายการ (44%) ณ 25 พ.ย. 2569"
    )
    assert message["Date"] is not None and message["MIME-Version"] == "1.0"
    assert message["From"] is None, "the mail program fills in the sender"
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.iter_parts()] == ["text/plain", "text/html"]
    for part in message.iter_parts():
        assert part.get_content_charset() == "utf-8"
    head = data.split(b"\r\n\r\n", 1)[0]
    assert head.isascii(), "headers are RFC 2047 encoded, not raw UTF-8"
    assert b"=?utf-8?" in head
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b""), "CRLF line ends throughout"


def test_the_parts_are_the_text_and_html_summaries(seed: Checklist) -> None:
    plain, page = parts(parse(render(seed, "eml", TH)))
    check_golden("fy2566.th.eml.txt", body(plain).encode("utf-8"))
    assert body(page).encode("utf-8") == render(seed, "html", TH), "one HTML renderer for both"
    en_plain, _ = parts(parse(render(seed, "eml", EN)))
    check_golden("fy2566.en.eml.txt", body(en_plain).encode("utf-8"))


class _Tags(HTMLParser):
    """Every tag and attribute of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


@pytest.mark.parametrize("full", [False, True])
def test_the_html_part_survives_mail_clients(seed: Checklist, full: bool) -> None:
    for checklist in (seed, tricky_checklist()):
        _, page = parts(parse(render(checklist, "eml", replace(TH, full=full))))
        html = body(page)
        ET.fromstring(html.removeprefix("<!DOCTYPE html>"))  # well-formed
        parser = _Tags()
        parser.feed(html)
        names = {tag for tag, _ in parser.tags}
        assert not names & {"style", "script", "link", "img", "iframe", "object", "form", "a"}, names
        for tag, attrs in parser.tags:
            for name, value in attrs:
                assert name not in ("src", "href", "class", "background") and not name.startswith("on"), tag
                assert "url(" not in (value or "") and "http" not in (value or ""), (tag, name)
        assert "&lt;script&gt;" in html or checklist is seed


def test_recipients_and_subject(seed: Checklist) -> None:
    options = replace(
        TH,
        to=("สมชาย ใจดี <somchai@example.go.th>", "b@c.go.th"),
        cc=("x@ตัวอย่าง.ไทย",),
        subject="สรุปงาน ITA\r\nBcc: evil@x.com",
    )
    message = parse(render(seed, "eml", options))
    assert message["To"] == "สมชาย ใจดี <somchai@example.go.th>, b@c.go.th"
    assert message["To"].addresses[0].display_name == "สมชาย ใจดี"
    assert message["Cc"] == "x@xn--72c1a1bt4awk9o.xn--o3cw4h", "a Thai domain in its ASCII form"
    assert message["Bcc"] is None, "a line break in the subject starts no header"
    assert message["Subject"].startswith("สรุปงาน ITA")


def test_the_command_line_writes_a_draft(bundled: Path, tmp_path: Path) -> None:
    out = tmp_path / "draft.eml"
    argv = [
        "export",
        str(bundled),
        "-f",
        "eml",
        "-o",
        str(out),
        "--to",
        "a@b.go.th, c@d.go.th",
        "--to",
        "e@f.th",
    ]
    assert main([*argv, "--cc", "g@h.th", "--subject", "ITA สรุป", "--lang", "en"]) == 0
    message = parse(out.read_bytes())
    assert [a.addr_spec for a in message["To"].addresses] == ["a@b.go.th", "c@d.go.th", "e@f.th"]
    assert message["Subject"] == "ITA สรุป"
    plain, _ = parts(message)
    assert "Still to do: 9" in body(plain)


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["-f", "eml", "--to", "not an address"], "--to: “not an address” is not an email address"),
        (["-f", "eml", "--cc", "ไม่@ได้.th"], "--cc: “ไม่@ได้.th”: the part before @ must be in Latin letters"),
        (["-f", "text", "--to", "a@b.th"], "--to is for --format eml only"),
        (["-f", "html", "--subject", "x"], "--subject is for --format eml only"),
    ],
)
def test_bad_mail_options_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    # The file is never read: a usage error comes first.
    assert main(["export", str(tmp_path / "missing.toml"), "-o", "-", "--lang", "en", *argv]) == 2
    assert says in capsys.readouterr().err


def test_width_zero_only_where_it_means_something(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(bundled), "-f", "text", "--width", "0", "-o", "-"]) == 0
    assert main(["export", str(bundled), "-f", "svg", "--width", "0", "-o", "-"]) == 2
    assert "--width: at least" in capsys.readouterr().err


def test_one_owners_draft_says_what_they_owe(seed: Checklist) -> None:
    options = replace(TH, owners=("สำนักปลัดเทศบาล",))
    message = parse(render(seed, "eml", options))
    assert message["Subject"] == "ITA ปีงบประมาณ พ.ศ. 2566: สำนักปลัดเทศบาล ยังไม่เสร็จ 1 รายการ ณ 25 พ.ย. 2569"
    plain, _ = parts(message)
    text = body(plain)
    assert "- M5 " in text and "- M1 " not in text
    assert text.rstrip().endswith("เสร็จแล้ว: ไม่มีรายการที่ตรงกับตัวกรอง"), "an empty part says why it is empty"

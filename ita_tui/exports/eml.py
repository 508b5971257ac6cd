"""A ready-to-send email draft (``.eml``): the summary as plain text and as HTML.

Built with Python's :mod:`email` package: an RFC 5322 message, MIME
``multipart/alternative`` with a UTF-8 ``text/plain`` part (the text format,
each paragraph on one line for the mail program to wrap) and a ``text/html``
part (the html format, the same bytes as ``export --format html``).
``X-Unsent: 1`` makes Outlook open it as a draft to edit and send; a Thai
subject is encoded as RFC 2047 words by the package, and lines end in CRLF.

There is no ``From``: the mail program fills in the sender's own account
when the draft is sent, as it does for a draft saved by hand.
"""

from __future__ import annotations

import email.policy
from collections.abc import Iterable
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, localtime

from ita_tui.errors import EXIT_USAGE, UserError
from ita_tui.exports import html, text
from ita_tui.exports.options import ExportOptions
from ita_tui.exports.summary import Summary, build_summary
from ita_tui.i18n import Lang, t
from ita_tui.model import Checklist
from ita_tui.sanitize import clean_line


def render(checklist: Checklist, options: ExportOptions) -> bytes:
    """The draft as bytes with CRLF line ends, ready to save as ``.eml``."""
    summary = build_summary(checklist, options)
    return message(summary, options).as_bytes(policy=email.policy.SMTP)


def message(summary: Summary, options: ExportOptions) -> EmailMessage:
    """The draft as an :class:`~email.message.EmailMessage` (headers, text part, HTML part)."""
    draft = EmailMessage(policy=email.policy.SMTP)
    # A subject typed on the command line may hold a line break: one line, or a header injection.
    draft["Subject"] = clean_line(options.subject) if options.subject else subject(summary, options.owners)
    if options.to:
        draft["To"] = [parse_address(value, "--to", summary.lang) for value in options.to]
    if options.cc:
        draft["Cc"] = [parse_address(value, "--cc", summary.lang) for value in options.cc]
    draft["Date"] = format_datetime(localtime())
    draft["X-Unsent"] = "1"
    plain = text.render_summary(summary, options.width).decode("utf-8")
    draft.set_content(plain, subtype="plain", charset="utf-8")
    page = "\n".join(html.page(summary)) + "\n"
    draft.add_alternative(page, subtype="html", charset="utf-8")
    return draft


def subject(summary: Summary, owners: tuple[str, ...] = ()) -> str:
    """``ความคืบหน้า ITA ปีงบประมาณ พ.ศ. 2566: เสร็จ 7 จาก 16 รายการ (44%) ณ 25 พ.ย. 2569``;
    for one owner's items (*owners*), what they still owe: ``ITA …: กองคลัง ยังไม่เสร็จ 2 รายการ ณ …``."""
    year = summary.label("email.subject_year", year=summary.year) if summary.year else ""
    if owners and summary.left is not None:
        count = summary.digits(str(summary.left.total))
        names = clean_line(", ".join(owners))
        return summary.label("email.subject_owners", year=year, owners=names, count=count, date=summary.date)
    return summary.label("email.subject", year=year, progress=summary.progress_parts[0], date=summary.date)


def split_addresses(values: Iterable[str], option: str, lang: Lang = "en") -> tuple[str, ...]:
    """Addresses given as repeated options and/or comma-separated lists, one a string.

    UserError naming *option* and the value as typed when a part of it is not an address.
    """
    found: list[str] = []
    for value in values:
        for name, address in getaddresses([clean_line(value)]):
            if name or address:
                found.append(f"{name} <{address}>" if name else address)
                _address(name, address, option, value, lang)
    return tuple(found)


def parse_address(value: str, option: str, lang: Lang = "en") -> Address:
    """*value* (``a@b.go.th`` or ``ชื่อ <a@b.go.th>``) as an Address; UserError when it is not one."""
    found = getaddresses([value])
    name, address = found[0] if len(found) == 1 else ("", "")
    return _address(name, address, option, value, lang)


def _address(name: str, address: str, option: str, value: str, lang: Lang) -> Address:
    """An Address, its Thai domain in the ASCII (IDNA) form every mail server accepts;
    the part before ``@`` must be ASCII."""
    local, at, domain = address.rpartition("@")
    if not at or not local or "." not in domain.strip(".") or any(c.isspace() for c in address):
        raise UserError(t("email.bad_address", lang, option=option, value=value), EXIT_USAGE)
    try:
        domain = domain.encode("idna").decode("ascii")
        local.encode("ascii")
    except UnicodeError:
        raise UserError(t("email.non_ascii_address", lang, option=option, value=value), EXIT_USAGE) from None
    return Address(display_name=name, username=local, domain=domain)

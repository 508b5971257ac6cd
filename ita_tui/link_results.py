"""What a link check found, and how to say it: the data the check, the app and the summaries share.

Light on purpose: the summaries and the app import this to mark broken
evidence, while the checking itself (:mod:`ita_tui.links`, urllib and
threads) is imported only by what checks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from ita_tui.i18n import Lang, Message, t
from ita_tui.model import Checklist

Kind = Literal["url", "path"]


class Why(StrEnum):
    """Why an address or a file is broken: stable words for scripts (``--json``)."""

    MALFORMED = "malformed"  # not an http(s) address a browser could open
    UNREACHABLE = "unreachable"  # no such host, connection refused or dropped
    CERTIFICATE = "certificate"  # the site's certificate is not trusted
    TIMEOUT = "timeout"
    HTTP_ERROR = "http-error"  # 4xx or 5xx
    LOGIN = "login"  # 401, or redirected to a login page
    REDIRECT_LOOP = "redirect-loop"
    TOO_MANY_REDIRECTS = "too-many-redirects"
    EMPTY = "empty"  # a page with nothing in it, an empty file
    MISSING = "missing"  # the file is not there


@dataclass(frozen=True)
class Target:
    """One evidence entry to check: the item it backs, its place in the item's list, what it points to."""

    item_id: str
    index: int
    kind: Kind
    address: str  # the url or path as the checklist writes it


@dataclass(frozen=True)
class Hop:
    """One redirect: its status and where it sent the request."""

    status: int
    url: str


@dataclass(frozen=True)
class Outcome:
    """What visiting an address, or looking for a file, found."""

    ok: bool
    status: int | None = None  # the last HTTP status; None for files and unreachable sites
    why: Why | None = None  # None when ok
    # The system's own words (an error's text), or what is wrong with a malformed address.
    detail: str | Message = ""
    redirects: tuple[Hop, ...] = ()

    @property
    def final_url(self) -> str | None:
        """Where the redirects ended, or None when there were none."""
        return self.redirects[-1].url if self.redirects else None

    @property
    def moved(self) -> bool:
        """True when the address works but through redirects: the checklist could say the new one."""
        return self.ok and bool(self.redirects)


@dataclass(frozen=True)
class LinkResult:
    """A target and what its check found."""

    target: Target
    outcome: Outcome

    @property
    def ok(self) -> bool:
        return self.outcome.ok


# -- what is checked ------------------------------------------------------------------


def targets_of(checklist: Checklist) -> list[Target]:
    """Every evidence entry of *checklist*, in file order."""
    return [
        Target(item.id, index, "url" if entry.url is not None else "path", entry.address)
        for item in checklist.items()
        for index, entry in enumerate(item.evidence)
    ]


# -- words -------------------------------------------------------------------------------------


def describe(outcome: Outcome, lang: Lang) -> str:
    """Why *outcome* is broken, or that it works (and where it moved), in *lang*."""
    if outcome.ok:
        if outcome.moved:
            return t("links.moved", lang, status=outcome.redirects[0].status, url=outcome.final_url or "")
        return t("links.ok", lang)
    why = outcome.why or Why.UNREACHABLE
    if why is Why.HTTP_ERROR and outcome.status is not None:
        key = (
            "links.why.not_found"
            if outcome.status in (404, 410)
            else ("links.why.server_error" if outcome.status >= 500 else "links.why.http_error")
        )
        return t(key, lang, status=outcome.status)
    text = t(f"links.why.{why.value.replace('-', '_')}", lang)
    if why is Why.LOGIN and outcome.final_url:
        text += " " + t("links.at", lang, url=outcome.final_url)
    detail = outcome.detail
    if why in (Why.UNREACHABLE, Why.CERTIFICATE, Why.MALFORMED) and detail:
        text += f" ({detail.render(lang) if isinstance(detail, Message) else detail})"
    return text


def by_address(results: Iterable[LinkResult]) -> dict[str, Outcome]:
    """What each address (url or path, as written) was found to be: how summaries look results up."""
    return {result.target.address: result.outcome for result in results}


def broken_text(outcome: Outcome | None, lang: Lang) -> str | None:
    """``✗ ใช้ไม่ได้: ไม่พบหน้านี้ (HTTP 404)`` for a broken outcome; None when it works or was not checked."""
    if outcome is None or outcome.ok:
        return None
    return t("links.broken", lang, why=describe(outcome, lang))

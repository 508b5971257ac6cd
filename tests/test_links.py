"""The link check (ita_tui.links) against a local server: every way evidence breaks, and the pool."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from link_server import THAI_PATH, Stats

from ita_tui import __version__
from ita_tui.link_results import Target, Why, describe
from ita_tui.links import (
    MAX_REDIRECTS,
    ascii_url,
    check_all,
    check_path,
    check_url,
    looks_like_login,
    read_page,
)

# Generous for pages that answer at once (the suite runs on two loaded cores), short for the slow one.
TIMEOUT = 10.0
SLOW_TIMEOUT = 0.5


def check(link_site: tuple[str, Stats], path: str):  # type: ignore[no-untyped-def]
    return check_url(link_site[0] + path, timeout=TIMEOUT)


def test_a_page_that_works(link_site: tuple[str, Stats]) -> None:
    outcome = check(link_site, "/ok")
    assert outcome.ok and outcome.status == 200 and outcome.redirects == ()
    assert describe(outcome, "en") == "works"


def test_a_document_needs_no_get(link_site: tuple[str, Stats]) -> None:
    stats = link_site[1]
    outcome = check(link_site, "/o3.pdf")
    assert outcome.ok
    assert [method for method, path, _ in stats.requests if path == "/o3.pdf"] == ["HEAD"]


def test_requests_say_who_they_are(link_site: tuple[str, Stats]) -> None:
    check(link_site, "/ok")
    assert link_site[1].requests[-1][2] == f"ita-tui/{__version__}"


def test_a_moved_page_is_followed_and_reported(link_site: tuple[str, Stats]) -> None:
    outcome = check(link_site, "/moved")
    assert outcome.ok and outcome.moved
    assert [(hop.status, hop.url) for hop in outcome.redirects] == [(301, link_site[0] + "/new-o2")]
    assert describe(outcome, "en") == f"works, but moved (301) to {link_site[0]}/new-o2"


def test_a_chain_of_redirects(link_site: tuple[str, Stats]) -> None:
    outcome = check(link_site, "/chain-1")
    assert outcome.ok
    assert [hop.status for hop in outcome.redirects] == [302, 301, 308]
    assert outcome.final_url == link_site[0] + "/ok"


def test_a_redirect_loop(link_site: tuple[str, Stats]) -> None:
    outcome = check(link_site, "/loop-a")
    assert not outcome.ok and outcome.why is Why.REDIRECT_LOOP
    assert len(outcome.redirects) == 2


def test_too_many_redirects(link_site: tuple[str, Stats]) -> None:
    outcome = check(link_site, "/hop-0")
    assert not outcome.ok and outcome.why is Why.TOO_MANY_REDIRECTS
    assert len(outcome.redirects) == MAX_REDIRECTS + 1


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/nowhere", 404, "page not found (HTTP 404)"),
        ("/gone", 410, "page not found (HTTP 410)"),
        ("/error", 500, "the server failed (HTTP 500)"),
    ],
)
def test_errors(link_site: tuple[str, Stats], path: str, status: int, words: str) -> None:
    outcome = check(link_site, path)
    assert not outcome.ok and outcome.why is Why.HTTP_ERROR and outcome.status == status
    assert describe(outcome, "en") == words


def test_a_redirect_to_a_missing_page(link_site: tuple[str, Stats]) -> None:
    outcome = check(link_site, "/to-missing")
    assert not outcome.ok and outcome.status == 404 and len(outcome.redirects) == 1


def test_a_slow_server_times_out(link_site: tuple[str, Stats]) -> None:
    started = time.monotonic()
    outcome = check_url(link_site[0] + "/slow", timeout=SLOW_TIMEOUT)
    assert not outcome.ok and outcome.why is Why.TIMEOUT
    assert time.monotonic() - started < 2.5  # the server would answer after 3 s
    # A HEAD that timed out is not asked again with GET: that would double the wait for nothing.
    assert [method for method, path, _ in link_site[1].requests if path == "/slow"] == ["HEAD"]
    assert describe(outcome, "th") == "เว็บไซต์ไม่ตอบภายในเวลาที่กำหนด"


@pytest.mark.parametrize("path", ["/no-head", "/head-404", "/drop-head"])
def test_a_server_that_refuses_head_is_asked_with_get(link_site: tuple[str, Stats], path: str) -> None:
    outcome = check(link_site, path)
    assert outcome.ok, outcome
    methods = [method for method, seen, _ in link_site[1].requests if seen == path]
    assert methods[-2:] == ["HEAD", "GET"]


def test_a_redirect_to_a_login_page(link_site: tuple[str, Stats]) -> None:
    outcome = check(link_site, "/private")
    assert not outcome.ok and outcome.why is Why.LOGIN
    assert outcome.final_url == link_site[0] + "/login?next=/private"
    assert describe(outcome, "en") == f"the page now asks for a login at {link_site[0]}/login?next=/private"


def test_a_login_form_behind_a_redirect(link_site: tuple[str, Stats]) -> None:
    outcome = check(link_site, "/form-redirect")
    assert not outcome.ok and outcome.why is Why.LOGIN


def test_a_login_form_on_the_page_itself_is_not_a_redirect_to_one(link_site: tuple[str, Stats]) -> None:
    # Many agency sites carry a members' login box on every page: only a redirect to one counts.
    assert check(link_site, "/members").ok


def test_401_asks_for_a_login(link_site: tuple[str, Stats]) -> None:
    outcome = check(link_site, "/private-401")
    assert not outcome.ok and outcome.why is Why.LOGIN and outcome.status == 401


@pytest.mark.parametrize("path", ["/empty", "/blank"])
def test_an_empty_page(link_site: tuple[str, Stats], path: str) -> None:
    outcome = check(link_site, path)
    assert not outcome.ok and outcome.why is Why.EMPTY and outcome.status == 200


def test_a_page_built_by_script_is_not_called_empty(link_site: tuple[str, Stats]) -> None:
    assert check(link_site, "/script-app").ok


def test_a_thai_address_is_encoded_as_a_browser_would(link_site: tuple[str, Stats]) -> None:
    assert check(link_site, THAI_PATH).ok
    outcome = check(link_site, "/thai-location")  # a Location header in raw UTF-8
    assert outcome.ok and outcome.final_url == link_site[0] + THAI_PATH


def test_an_unreachable_site() -> None:
    outcome = check_url("http://127.0.0.1:9/", timeout=TIMEOUT)  # the discard port: nobody listens
    assert not outcome.ok and outcome.why is Why.UNREACHABLE and outcome.status is None
    assert describe(outcome, "en").startswith("the site cannot be reached (")


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("www.example.go.th/ita", "a web address must start with http:// or https://"),
        ("https://www.example.go.th/ita o1", "the web address has a space"),
        ("file:///C:/ita/o1.pdf", 'a file on disk is written path = "..."'),
        ("https:///o1", "the web address names no web site"),
        ("http://example.go.th:99999/", "the web address has a port"),
    ],
)
def test_malformed_addresses_are_never_visited(url: str, words: str) -> None:
    outcome = check_url(url, timeout=TIMEOUT)
    assert not outcome.ok and outcome.why is Why.MALFORMED
    assert words in describe(outcome, "en")


def test_login_words() -> None:
    assert looks_like_login("https://x.go.th/wp-login.php?redirect_to=/o1")
    assert looks_like_login("https://x.go.th/accounts/sign_in")
    assert looks_like_login("https://x.go.th/auth/realms/ita")
    assert looks_like_login("https://x.go.th/" + "เข้าสู่ระบบ")
    assert not looks_like_login("https://x.go.th/author/somchai")
    assert not looks_like_login("https://auth.x.go.th/ita/o1")


def test_pages_judged_by_what_a_reader_sees() -> None:
    assert read_page(b"   \n", "application/pdf").empty
    assert not read_page(b"<html><body><img src='o1.png'></body></html>", "text/html").empty
    assert read_page(b"<html><body><!-- removed --></body></html>", "text/html").empty
    assert not read_page(b"%PDF", "application/pdf").empty
    assert read_page(b"<input type=PASSWORD>", "text/html").password


def test_ascii_url() -> None:
    assert ascii_url("https://ไทย.th/หลักฐาน/o1?q=ก#top") == (
        "https://xn--o3cw4h.th/%E0%B8%AB%E0%B8%A5%E0%B8%B1%E0%B8%81%E0%B8%90%E0%B8%B2%E0%B8%99/o1?q=%E0%B8%81"
    )
    assert ascii_url("https://x.go.th/a%20b/?x=1&y=2") == "https://x.go.th/a%20b/?x=1&y=2"  # not twice


def test_files(tmp_path: Path) -> None:
    (tmp_path / "หลักฐาน").mkdir()
    (tmp_path / "หลักฐาน" / "o1.pdf").write_bytes(b"%PDF")
    (tmp_path / "empty.pdf").write_bytes(b"")
    assert check_path("หลักฐาน/o1.pdf", tmp_path).ok
    assert check_path("หลักฐาน\\o1.pdf", tmp_path).ok  # written on Windows
    assert check_path(str(tmp_path / "หลักฐาน" / "o1.pdf"), Path("/elsewhere")).ok  # absolute
    assert check_path("missing.pdf", tmp_path).why is Why.MISSING
    assert check_path("empty.pdf", tmp_path).why is Why.EMPTY
    assert check_path("หลักฐาน", tmp_path).ok  # a folder of evidence


def test_check_all_keeps_order_visits_each_address_once_and_reports_as_it_goes(
    link_site: tuple[str, Stats], tmp_path: Path
) -> None:
    base, stats = link_site
    (tmp_path / "o4.pdf").write_bytes(b"%PDF")
    targets = [
        Target("O1", 0, "url", base + "/ok"),
        Target("O2", 0, "url", base + "/nowhere"),
        Target("O3", 0, "path", "o4.pdf"),
        Target("O3", 1, "path", "missing.pdf"),
        Target("O4", 0, "url", base + "/ok"),  # the same address again
    ]
    before = len([r for r in stats.requests if r[1] == "/ok"])
    seen: list[str] = []
    results = check_all(
        targets, tmp_path, jobs=2, timeout=TIMEOUT, on_result=lambda r: seen.append(r.target.item_id)
    )
    assert [r.target for r in results] == targets
    assert [r.ok for r in results] == [True, False, True, False, True]
    assert sorted(seen) == ["O1", "O2", "O3", "O3", "O4"]
    assert len([r for r in stats.requests if r[1] == "/ok"]) - before == 2  # HEAD and GET, once


def test_concurrency_is_bounded(link_site: tuple[str, Stats]) -> None:
    base, stats = link_site
    targets = [Target(f"O{n}", 0, "url", f"{base}/busy/{n}") for n in range(12)]
    with stats.lock:
        stats.peak = 0
    results = check_all(targets, Path("."), jobs=3, timeout=TIMEOUT)
    assert all(result.ok for result in results)
    assert stats.peak == 3  # never more than the pool, and the pool was used


def test_cancel_stops_the_check(link_site: tuple[str, Stats]) -> None:
    base, _ = link_site
    cancel = threading.Event()
    targets = [Target(f"O{n}", 0, "url", f"{base}/pause/{n}") for n in range(20)]
    results = check_all(
        targets, Path("."), jobs=2, timeout=TIMEOUT, on_result=lambda _: cancel.set(), cancel=cancel
    )
    assert 1 <= len(results) < 20

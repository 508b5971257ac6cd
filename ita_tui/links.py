"""Check the evidence behind items: visit each web address, look for each file.

The check the assessors will make, made first: every address is visited the
way a browser would reach it, and what is broken is said in words a person
acts on (the page is gone, the server fails, it now asks for a login, the
page is empty, the site cannot be reached).

* **Bounded and concurrent.**  Addresses are visited by at most *jobs* worker
  threads at once (daemon threads, so that quitting the app never waits for
  a slow server); each address is visited once, however many items cite it.
* **HEAD, then GET.**  HEAD asks for the status without the page.  A server
  that refuses HEAD (405, 501) or answers it with any error or by dropping
  the connection is asked again with GET, and only GET's answer counts, so a
  server that mishandles HEAD is never reported broken.  A web page (HTML) or
  a response that says it is empty is also fetched with GET, at most
  :data:`MAX_BODY` bytes, to tell an empty page or a login form.
* **Redirects are followed and reported**, up to :data:`MAX_REDIRECTS`; a
  loop is named as one.  A redirect that ends on a login page
  (:func:`looks_like_login`) is broken: the assessors cannot see the page.
* **A timeout each**: every connect and read waits at most *timeout*
  seconds, and a page read stops at that much time in all.
* Requests say who they are: ``User-Agent: ita-tui/<version>``; proxies set in
  the environment (``HTTPS_PROXY``, ``NO_PROXY``) are used, as by a browser.

Paths are files relative to the checklist's folder: they must exist and,
being files, not be empty.

Standard library only (urllib in threads), and imported only by what checks:
the ``check-links`` command, the app's link check, ``export --check-links``.
No Rich, no Textual: the callers show progress as they like through
*on_result*.
"""

from __future__ import annotations

import contextlib
import html.parser
import http.client
import queue
import re
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.message import Message as HeaderMessage
from pathlib import Path

from ita_tui import __version__
from ita_tui.evidence import address_problem, resolve_path
from ita_tui.i18n import Message
from ita_tui.link_results import Hop, Kind, LinkResult, Outcome, Target, Why

USER_AGENT = f"ita-tui/{__version__}"
DEFAULT_JOBS = 8
DEFAULT_TIMEOUT = 10.0
MAX_REDIRECTS = 10
MAX_BODY = 1 << 20  # bytes of a page read to tell whether it is empty
_REDIRECTS = frozenset({301, 302, 303, 307, 308})

# -- files ----------------------------------------------------------------------------------


def check_path(address: str, folder: Path) -> Outcome:
    """A file path, relative to *folder*: it must exist and, if a file, hold something."""
    path = resolve_path(address, folder)
    try:
        info = path.stat()
    except FileNotFoundError:
        return Outcome(False, why=Why.MISSING)
    except OSError as error:
        return Outcome(False, why=Why.MISSING, detail=error.strerror or str(error))
    if path.is_file() and info.st_size == 0:
        return Outcome(False, why=Why.EMPTY)
    return Outcome(True)


# -- web addresses --------------------------------------------------------------------------


def ascii_url(url: str) -> str:
    """*url* as it goes on the wire: a Thai host in IDNA, Thai path and query percent-encoded.

    Browsers do this silently; urllib refuses non-ASCII.  Percent signs already
    there are kept, so an address copied from a browser is not encoded twice.
    """
    parts = urllib.parse.urlsplit(url.strip())
    host = parts.hostname or ""
    if not host.isascii():
        with contextlib.suppress(UnicodeError):  # else left as it is: the request fails and says so
            host = host.encode("idna").decode("ascii")
    netloc = host if ":" not in host else f"[{host}]"
    if parts.port is not None:
        netloc += f":{parts.port}"
    if parts.username is not None:
        userinfo = urllib.parse.quote(parts.username, safe="%")
        if parts.password is not None:
            userinfo += ":" + urllib.parse.quote(parts.password, safe="%")
        netloc = f"{userinfo}@{netloc}"
    safe = "%/:@!$&'()*+,;=-._~?"
    return urllib.parse.urlunsplit(
        (
            parts.scheme,
            netloc,
            urllib.parse.quote(parts.path, safe=safe),
            urllib.parse.quote(parts.query, safe=safe),
            "",  # the fragment never reaches the server
        )
    )


_LOGIN_WORDS = ("login", "signin", "logon", "เข้าสู่ระบบ")
_LOGIN_TOKENS = frozenset({"auth", "authenticate", "authentication", "sso", "oauth", "oauth2", "saml", "cas"})


def looks_like_login(url: str) -> bool:
    """True when *url*'s path or query names a login: login, signin, logon, auth, sso, เข้าสู่ระบบ.

    ``sign-in``, ``sign_in`` and ``wp-login.php`` count; ``author`` does not
    (``auth`` and the like count only as whole words).  The host is not read: a
    site called ``auth.example.go.th`` may serve public pages.
    """
    parts = urllib.parse.urlsplit(url)
    text = urllib.parse.unquote(f"{parts.path}?{parts.query}").casefold()
    squeezed = re.sub(r"[-_ ]", "", text)
    if any(word in squeezed for word in _LOGIN_WORDS):
        return True
    return any(token in _LOGIN_TOKENS for token in re.split(r"[^\w]+", text))


class _PageText(html.parser.HTMLParser):
    """What a reader of an HTML page would see of it: any text, any picture or frame, a password field."""

    _HIDDEN = frozenset({"script", "style", "head", "title", "noscript", "template"})
    _CONTENT = frozenset(
        {"img", "iframe", "embed", "object", "video", "audio", "canvas", "svg", "picture", "input", "button"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open_hidden: list[str] = []
        self.content = False  # text, a picture, a frame...
        self.scripts = False  # a script that may build the page
        self.password = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "").lower() for name, value in attrs}
        if tag in self._HIDDEN:
            self.open_hidden.append(tag)
        if tag == "script" and "src" in values:
            self.scripts = True
        if tag in self._CONTENT:
            self.content = True
        if tag == "input" and values.get("type") == "password":
            self.password = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open_hidden:
            while self.open_hidden and self.open_hidden.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if not data.strip():
            return
        if not self.open_hidden:
            self.content = True
        elif self.open_hidden[-1] == "script":
            self.scripts = True


@dataclass(frozen=True)
class Page:
    """What a GET of a page found: whether it is empty, whether it asks for a password."""

    empty: bool
    password: bool


def read_page(body: bytes, content_type: str) -> Page:
    """Judge a page's *body*: empty (nothing a reader would see) and whether it asks for a password.

    A body of only white space is empty whatever its type.  An HTML page is
    empty when it shows no text, no picture or frame and runs no script of its
    own (a page that builds itself with JavaScript cannot be judged here, so
    it is given the benefit of the doubt).
    """
    if not body.strip():
        return Page(empty=True, password=False)
    if "html" not in content_type.lower():
        return Page(empty=False, password=False)
    parser = _PageText()
    try:
        parser.feed(body.decode("utf-8", errors="replace"))
        parser.close()
    except AssertionError:  # html.parser gives up on some broken markup: not our judgement to make
        return Page(empty=False, password=False)
    return Page(empty=not parser.content and not parser.scripts, password=parser.password)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hand redirects back to us, to follow them one by one (and notice loops)."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@dataclass
class _Response:
    status: int
    headers: HeaderMessage
    body: bytes = b""


@dataclass
class _Visit:
    """One address being checked: the settings, and the redirects followed so far."""

    url: str
    timeout: float
    opener: urllib.request.OpenerDirector
    hops: list[Hop] = field(default_factory=list)

    def fetch(self, url: str, method: str, read_body: bool) -> _Response:
        request = urllib.request.Request(
            ascii_url(url), method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"}
        )
        try:
            response = self.opener.open(request, timeout=self.timeout)
        except urllib.error.HTTPError as error:  # 3xx (not followed), 4xx, 5xx
            with error:
                return _Response(error.code, error.headers)
        with response:
            body = self._read(response) if read_body else b""
            return _Response(response.status, response.headers, body)

    def _read(self, response: object) -> bytes:
        """Up to :data:`MAX_BODY` bytes, within *timeout* seconds in all (a server may trickle)."""
        deadline = time.monotonic() + self.timeout
        pieces: list[bytes] = []
        size = 0
        read = response.read  # type: ignore[attr-defined]
        while size < MAX_BODY and time.monotonic() < deadline:
            piece: bytes = read(min(65536, MAX_BODY - size))
            if not piece:
                break
            pieces.append(piece)
            size += len(piece)
        return b"".join(pieces)


def _location(response: _Response, current: str) -> str | None:
    location = response.headers.get("Location")
    if not location:
        return None
    # http.client reads headers as Latin-1; a server that sends UTF-8 (a Thai path) is read back.
    with contextlib.suppress(UnicodeError):
        location = location.encode("latin-1").decode("utf-8")
    return urllib.parse.urljoin(current, location.strip())


def _needs_page(response: _Response) -> bool:
    """After a good HEAD: fetch the page too when it is HTML or says it is empty."""
    length = response.headers.get("Content-Length")
    kind = response.headers.get_content_type() if response.headers.get("Content-Type") else "text/html"
    return "html" in kind or (length is not None and length.strip() == "0")


def _judge(response: _Response, hops: list[Hop]) -> Outcome:
    """The outcome of a final (non-redirect) response."""
    redirects = tuple(hops)
    status = response.status
    if status == 401:
        return Outcome(False, status, Why.LOGIN, redirects=redirects)
    if status >= 400:
        return Outcome(False, status, Why.HTTP_ERROR, redirects=redirects)
    if hops and looks_like_login(hops[-1].url):
        return Outcome(False, status, Why.LOGIN, redirects=redirects)
    return Outcome(True, status, redirects=redirects)


def _judge_page(response: _Response, hops: list[Hop]) -> Outcome:
    outcome = _judge(response, hops)
    if not outcome.ok:
        return outcome
    page = read_page(response.body, response.headers.get("Content-Type") or "")
    if page.password and hops:
        return Outcome(False, response.status, Why.LOGIN, redirects=outcome.redirects)
    if page.empty:
        return Outcome(False, response.status, Why.EMPTY, redirects=outcome.redirects)
    return outcome


def _dropped(error: Exception) -> bool:
    """True for a connection dropped or answered with nonsense (what a server may do to HEAD)."""
    reason = _reason_of(error)
    return isinstance(reason, (ConnectionResetError, ConnectionAbortedError, http.client.HTTPException))


def _ask(visit: _Visit, url: str, method: str) -> tuple[_Response, str]:
    """*url*'s answer to *method*, HEAD falling back to GET; the answer and the method it came from."""
    if method == "HEAD":
        try:
            response = visit.fetch(url, "HEAD", read_body=False)
        except (OSError, http.client.HTTPException) as error:
            if not _dropped(error):
                raise
        else:
            good = response.status < 400
            if good and (response.status in _REDIRECTS or not _needs_page(response)):
                return response, "HEAD"
            # else refused (405, 501) or mishandled, or the page must be read: ask with GET
    return visit.fetch(url, "GET", read_body=True), "GET"


def _follow(visit: _Visit) -> Outcome:
    """Request *visit*'s address with HEAD (or GET), following redirects, and judge the end."""
    current = visit.url
    seen = {current}
    method = "HEAD"
    for _ in range(MAX_REDIRECTS + 1):
        response, method = _ask(visit, current, method)
        if response.status not in _REDIRECTS:
            return _judge_page(response, visit.hops) if method == "GET" else _judge(response, visit.hops)
        target = _location(response, current)
        if target is None:
            hops = tuple(visit.hops)
            return Outcome(False, response.status, Why.HTTP_ERROR, "redirect without a Location", hops)
        visit.hops.append(Hop(response.status, target))
        if target in seen:
            return Outcome(False, response.status, Why.REDIRECT_LOOP, redirects=tuple(visit.hops))
        seen.add(target)
        current = target
    return Outcome(False, None, Why.TOO_MANY_REDIRECTS, redirects=tuple(visit.hops))


def _reason_of(error: BaseException) -> BaseException:
    reason = getattr(error, "reason", None)
    return reason if isinstance(reason, BaseException) else error


def check_url(
    url: str, *, timeout: float = DEFAULT_TIMEOUT, opener: urllib.request.OpenerDirector | None = None
) -> Outcome:
    """Visit *url* (see the module's notes) and say whether it works and, if not, why."""
    problem = address_problem(url)
    if problem is not None:
        return Outcome(False, why=Why.MALFORMED, detail=Message.of(problem))
    visit = _Visit(url, timeout, opener or build_opener())
    try:
        return _follow(visit)
    except Exception as error:  # every failure of a visit is a finding about the address, never a crash
        return _failure(error, visit.hops)


def _failure(error: BaseException, hops: list[Hop]) -> Outcome:
    reason = _reason_of(error)
    redirects = tuple(hops)
    detail = str(getattr(reason, "strerror", None) or reason) or type(reason).__name__
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return Outcome(False, why=Why.TIMEOUT, detail=detail, redirects=redirects)
    if isinstance(reason, ssl.SSLCertVerificationError):
        return Outcome(
            False, why=Why.CERTIFICATE, detail=reason.verify_message or detail, redirects=redirects
        )
    if isinstance(reason, ValueError):  # urllib refuses what it cannot parse (a bad port, say)
        return Outcome(False, why=Why.MALFORMED, detail=detail, redirects=redirects)
    return Outcome(False, why=Why.UNREACHABLE, detail=detail, redirects=redirects)


def build_opener() -> urllib.request.OpenerDirector:
    """urllib's opener that hands redirects back (proxies from the environment, as usual)."""
    return urllib.request.build_opener(_NoRedirect)


# -- many at once ----------------------------------------------------------------------------


def check_all(
    targets: Iterable[Target],
    folder: Path,
    *,
    jobs: int = DEFAULT_JOBS,
    timeout: float = DEFAULT_TIMEOUT,
    on_result: Callable[[LinkResult], None] | None = None,
    cancel: threading.Event | None = None,
) -> list[LinkResult]:
    """Check every target; the results in the targets' order.

    Files are looked for first (that is quick); then the distinct web
    addresses are visited by at most *jobs* threads at once.  *on_result* is
    called in the caller's thread as each result comes in (for a progress
    bar); setting *cancel* stops the check (the results so far are returned).
    """
    targets = list(targets)
    outcomes: dict[tuple[Kind, str], Outcome] = {}
    results: dict[int, LinkResult] = {}

    def report(index: int, outcome: Outcome) -> None:
        result = LinkResult(targets[index], outcome)
        results[index] = result
        if on_result is not None:
            on_result(result)

    waiting: dict[str, list[int]] = {}
    for index, target in enumerate(targets):
        if target.kind == "path":
            report(index, outcomes.setdefault(("path", target.address), check_path(target.address, folder)))
        else:
            waiting.setdefault(target.address, []).append(index)
    for url, outcome in _visit_all(list(waiting), jobs, timeout, cancel):
        for index in waiting[url]:
            report(index, outcome)
    return [results[index] for index in sorted(results)]


def _visit_all(
    urls: list[str], jobs: int, timeout: float, cancel: threading.Event | None
) -> Iterable[tuple[str, Outcome]]:
    """(url, outcome) pairs as the visits end, from at most *jobs* daemon threads."""
    if not urls:
        return
    todo: queue.SimpleQueue[str | None] = queue.SimpleQueue()
    done: queue.SimpleQueue[tuple[str, Outcome]] = queue.SimpleQueue()
    stop = cancel or threading.Event()

    def work() -> None:
        opener = build_opener()  # one a thread: nothing shared between visits
        while (url := todo.get()) is not None and not stop.is_set():
            done.put((url, check_url(url, timeout=timeout, opener=opener)))

    workers = max(1, min(jobs, len(urls)))
    for url in urls:
        todo.put(url)
    for _ in range(workers):
        todo.put(None)
    for number in range(workers):
        threading.Thread(target=work, name=f"ita-links-{number}", daemon=True).start()
    for _ in urls:
        while True:
            if stop.is_set():
                return
            try:
                yield done.get(timeout=0.1)
                break
            except queue.Empty:
                continue

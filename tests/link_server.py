"""A local web server for the link-check tests: on 127.0.0.1 only, an ephemeral port, in a thread.

Each path behaves as one kind of evidence page does in real life (see ROUTES);
the server counts the requests it is handling at once, for the concurrency
test, and logs each request's method, path and User-Agent.
"""

from __future__ import annotations

import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = "<html><head><title>O1</title></head><body><h1>โครงสร้างหน่วยงาน</h1></body></html>"
LOGIN = (
    "<html><body><form action='/login' method='post'>"
    "<input name='user'><input type='password' name='pw'></form></body></html>"
)
EMPTY_PAGE = "<html><head><title>ITA</title><style>h1{}</style></head><body>\n  \n</body></html>"
SCRIPT_PAGE = "<html><body><div id='root'></div><script src='/app.js'></script></body></html>"
THAI_PATH = "/หลักฐาน/o5"


@dataclass
class Stats:
    """What the server saw: requests as (method, path, user agent), and the most ``/busy/`` ones at once."""

    requests: list[tuple[str, str, str]] = field(default_factory=list)
    active: int = 0
    peak: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    release: threading.Event = field(default_factory=threading.Event)  # ends slow answers at teardown


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_HEAD(self) -> None:
        self._serve("HEAD")

    def do_GET(self) -> None:
        self._serve("GET")

    def _serve(self, method: str) -> None:
        stats = self.server.stats
        path = urllib.parse.unquote(self.path)
        with stats.lock:
            stats.requests.append((method, path, self.headers.get("User-Agent", "")))
        self._route(method, path)

    def _busy_wait(self) -> None:
        """Take a while over a ``/busy/`` answer, counted as active meanwhile.

        The count drops *before* the answer is sent: a client that gets its answer
        sends its next request at once, and that one must not meet this one's count
        (counting until the handler returned gave a peak of 4 for 3 workers under load).
        """
        stats = self.server.stats
        with stats.lock:
            stats.active += 1
            stats.peak = max(stats.peak, stats.active)
        try:
            time.sleep(0.15)
        finally:
            with stats.lock:
                stats.active -= 1

    def _send(
        self, status: int, body: str = "", kind: str = "text/html; charset=utf-8", **headers: str
    ) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _redirect(self, status: int, location: str) -> None:
        self._send(status, "", Location=location)

    def _route(self, method: str, path: str) -> None:
        route = path.split("?")[0]
        if route.startswith("/slow"):
            self.server.stats.release.wait(3)
            self._send(200, PAGE)
        elif route.startswith("/busy/"):  # the concurrency test's: counted while they take a while
            self._busy_wait()
            self._send(200, PAGE)
        elif route.startswith("/pause/"):  # each answer takes a while
            time.sleep(0.15)
            self._send(200, PAGE)
        elif route.startswith("/ita/"):  # the "done when" site: serves all, moved one, broke two
            self._agency_site(route)
        elif route in SIMPLE:
            status, body, kind = SIMPLE[route]
            self._send(status, body, kind)
        elif route in REDIRECTS:
            status, location = REDIRECTS[route]
            self._redirect(status, location)
        elif route == "/no-head":
            if method == "HEAD":
                self._send(405, "")
            else:
                self._send(200, PAGE)
        elif route == "/head-404":  # a server that mishandles HEAD: only GET's answer counts
            self._send(404 if method == "HEAD" else 200, PAGE)
        elif route == "/drop-head":
            if method == "HEAD":
                self.close_connection = True
                self.wfile.flush()
                self.connection.shutdown(2)
            else:
                self._send(200, PAGE)
        elif route == "/thai-location":
            self.send_response(301)
            self.send_header("Location", THAI_PATH.encode("utf-8").decode("latin-1"))
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._send(404, "<html><body>not found</body></html>")

    def _agency_site(self, route: str) -> None:
        if route == AGENCY_MOVED:
            self._redirect(301, AGENCY_MOVED_TO)
        elif route == AGENCY_GONE:
            self._send(404, "<html><body>not found</body></html>")
        elif route == AGENCY_LOGIN:
            self._redirect(302, "/login?next=" + urllib.parse.quote(route))
        else:
            self._send(200, PAGE)


# An agency's ITA pages, /ita/o1 ... /ita/o12: all served but these three.
AGENCY_MOVED, AGENCY_MOVED_TO = "/ita/o5", "/ita/2566/o5"
AGENCY_GONE = "/ita/o7"  # removed
AGENCY_LOGIN = "/ita/o10"  # now behind the intranet's login

SIMPLE: dict[str, tuple[int, str, str]] = {
    "/ok": (200, PAGE, "text/html; charset=utf-8"),
    "/new-o2": (200, PAGE, "text/html; charset=utf-8"),
    "/o3.pdf": (200, "%PDF-1.4 evidence", "application/pdf"),
    "/error": (500, "<html><body>error</body></html>", "text/html"),
    "/gone": (410, "", "text/html"),
    "/private-401": (401, "", "text/html"),
    "/empty": (200, EMPTY_PAGE, "text/html; charset=utf-8"),
    "/blank": (200, "", "text/html"),
    "/script-app": (200, SCRIPT_PAGE, "text/html"),
    "/login": (200, LOGIN, "text/html"),
    "/members": (200, LOGIN, "text/html"),
    THAI_PATH: (200, PAGE, "text/html; charset=utf-8"),
}

REDIRECTS: dict[str, tuple[int, str]] = {
    "/moved": (301, "/new-o2"),
    "/chain-1": (302, "/chain-2"),
    "/chain-2": (301, "/chain-3"),
    "/chain-3": (308, "/ok"),
    "/loop-a": (302, "/loop-b"),
    "/loop-b": (302, "/loop-a"),
    "/private": (302, "/login?next=/private"),
    "/form-redirect": (302, "/members"),  # a login form behind a redirect, at a neutral address
    "/to-missing": (301, "/nowhere"),
    **{f"/hop-{n}": (302, f"/hop-{n + 1}") for n in range(15)},
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    stats: Stats


@contextmanager
def serve() -> Iterator[tuple[str, Stats]]:
    """Run the server; yield its base address (``http://127.0.0.1:PORT``) and its stats."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.stats = Stats()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.stats
    finally:
        server.stats.release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)

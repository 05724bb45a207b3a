"""A real HTTP server on 127.0.0.1 for the verify tests and benchmark (no mocks, no internet).

``Server()`` listens on a free port in a thread.  ``server.route(path, ...)`` says what a path
answers: a status, headers, a body, a delay before answering, a slow trickle or an endless
body, or a sequence of answers (one per request, the last repeated).  ``server.hits[path]``
counts requests.  whereas refuses loopback addresses unless allowed: pass ``server.allowed`` to
``--allow-host`` / ``allow_hosts``.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    trickle: float | None = None  # seconds between 1-byte chunks of the body
    endless: bool = False  # chunks forever (until the client goes away)


class Group:
    """Requests in flight across the servers of a group (for global limits)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.inflight = 0
        self.max_inflight = 0


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HTTPServer

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # the name http.server calls
        owner = self.server.owner
        path, _, query = self.path.partition("?")
        with owner.lock:
            owner.queries.append((path, query))
            owner.hits[path] += 1
            owner.user_agents.append(self.headers.get("User-Agent", ""))
            owner.host_headers.append(self.headers.get("Host", ""))
            answers = owner.routes.get(path)
            n = owner.hits[path]
        if answers is None:
            answer = Answer(404, b"<html><title>Not found</title><body>no such page</body></html>")
        else:
            answer = answers[min(n, len(answers)) - 1]
        with owner.lock, owner.group.lock:
            owner.inflight += 1
            owner.max_inflight = max(owner.max_inflight, owner.inflight)
            owner.group.inflight += 1
            owner.group.max_inflight = max(owner.group.max_inflight, owner.group.inflight)
        try:  # in flight: from the request's arrival until the answer starts (the client waits for it)
            if answer.delay:
                time.sleep(answer.delay)
        finally:
            with owner.lock, owner.group.lock:
                owner.inflight -= 1
                owner.group.inflight -= 1
        self._answer(owner, answer)

    def _answer(self, owner: Server, answer: Answer) -> None:
        try:
            self.send_response(answer.status)
            if answer.content_type:
                self.send_header("Content-Type", answer.content_type)
            for k, v in answer.headers.items():
                self.send_header(k, v)
            if answer.endless or answer.trickle is not None:
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                if answer.endless:
                    chunk = b"x" * 65536
                    deadline = time.monotonic() + 30
                    while time.monotonic() < deadline and not owner.stopping:
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                        time.sleep(0.001)
                else:
                    for byte in answer.body:
                        if owner.stopping:
                            break
                        self.wfile.write(b"1\r\n" + bytes([byte]) + b"\r\n")
                        self.wfile.flush()
                        time.sleep(answer.trickle or 0)
                    self.wfile.write(b"0\r\n\r\n")
            else:
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                self.wfile.write(answer.body)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256
    owner: Server

    def handle_error(self, request: object, client_address: object) -> None:  # clients hang up: fine
        pass


class Server:
    def __init__(self, group: Group | None = None) -> None:
        self.group = group or Group()
        self.routes: dict[str, list[Answer]] = {}
        self.hits: Counter[str] = Counter()
        self.user_agents: list[str] = []
        self.host_headers: list[str] = []
        self.queries: list[tuple[str, str]] = []
        self.inflight = 0
        self.max_inflight = 0
        self.lock = threading.Lock()
        self.stopping = False
        self._httpd = _HTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    @property
    def allowed(self) -> str:
        """The ``--allow-host`` entry that lets whereas fetch from this server (loopback is refused by default)."""
        return f"127.0.0.1:{self.port}"

    def route(self, path: str, *answers: Answer, **kwargs: object) -> str:
        """Set what ``path`` answers (``Answer`` objects, or one built from ``kwargs``); its URL."""
        self.routes[path] = list(answers) if answers else [Answer(**kwargs)]  # type: ignore[arg-type]
        return self.url(path)

    def page(self, path: str, title: str, *paragraphs: str, suffix: str = "") -> str:
        return self.route(path, body=html_page(title + suffix, *paragraphs).encode("utf-8"))

    def close(self) -> None:
        self.stopping = True
        self._httpd.shutdown()
        self._httpd.server_close()


def html_page(title: str, *paragraphs: str) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"
        f"<article><h1>{title.split(' | ')[0]}</h1>\n{body}\n</article>"
        f"<footer>Copyright notice for this site.</footer></body></html>"
    )

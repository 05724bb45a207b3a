"""The fetcher against a real HTTP server on 127.0.0.1: statuses, retries, redirects, limits."""

from __future__ import annotations

import asyncio
import datetime
import http.server
import ipaddress
import socket
import ssl
import threading
import time
from email.utils import formatdate
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from verify_server import Answer, Group, Server
from whereas.verify.fetch import USER_AGENT, Fetcher, FetchOptions, FetchResult, retry_after, tls_context

#: the loopback servers these tests fetch from (whereas refuses loopback addresses unless allowed)
LOOPBACK = ("127.0.0.1",)
FAST = FetchOptions(
    deadline=3, backoff=0.05, read_timeout=2, connect_timeout=2, max_bytes=200_000, allow_hosts=LOOPBACK
)


@pytest.fixture()
def server():
    s = Server()
    yield s
    s.close()


def fetch_all(urls: list[str], options: FetchOptions = FAST, **kwargs: object) -> list[FetchResult]:
    async def run() -> list[FetchResult]:
        async with Fetcher(options, **kwargs) as f:  # type: ignore[arg-type]
            return list(await asyncio.gather(*(f.fetch(u) for u in urls)))

    return asyncio.run(run())


def test_statuses(server: Server) -> None:
    ok = server.page("/ok", "A page", "Some words.")
    server.route("/moved", status=301, headers={"Location": "/ok"})
    server.route("/pdf", body=b"%PDF-1.4 ...", content_type="application/pdf")
    server.route("/txt", body=b"plain words", content_type="text/plain; charset=utf-8")
    server.route("/png", body=b"\x89PNG\r\n", content_type="image/png")
    server.route("/png-as-html", body=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 8, content_type="text/html")
    server.route("/pdf-as-html", body=b"%PDF-1.4 ...", content_type="text/html; charset=utf-8")
    server.route("/gone", status=410, body=b"gone")
    server.route("/private", status=401)
    server.route("/forbidden", status=403)
    server.route("/loop-a", status=302, headers={"Location": "/loop-b"})
    server.route("/loop-b", status=302, headers={"Location": server.url("/loop-a")})
    for i in range(5):
        server.route(f"/hop{i}", status=307, headers={"Location": f"/hop{i + 1}"})
    paths = [
        "/ok",
        "/moved",
        "/pdf",
        "/txt",
        "/png",
        "/png-as-html",
        "/pdf-as-html",
        "/missing",
        "/gone",
        "/private",
        "/forbidden",
        "/loop-a",
        "/hop0",
    ]
    options = FetchOptions(deadline=3, backoff=0.05, max_redirects=3, allow_hosts=LOOPBACK)
    r = dict(zip(paths, fetch_all([server.url(p) for p in paths], options), strict=False))
    assert r["/ok"].status == "ok" and r["/ok"].http_status == 200 and r["/ok"].kind == "html"
    assert r["/ok"].sha256 and len(r["/ok"].sha256) == 64 and r["/ok"].fetched_at.endswith("+00:00")
    assert r["/moved"].status == "redirected" and r["/moved"].final_url == ok and r["/moved"].redirects == (ok,)
    assert r["/pdf"].status == "ok" and r["/pdf"].kind == "pdf"
    assert r["/txt"].status == "ok" and r["/txt"].kind == "text"
    assert r["/png"].status == "unsupported" and "image/png" in r["/png"].error
    assert r["/png-as-html"].status == "unsupported" and "binary" in r["/png-as-html"].error
    assert r["/pdf-as-html"].status == "ok" and r["/pdf-as-html"].kind == "pdf"
    assert r["/missing"].status == "dead" and r["/missing"].http_status == 404
    assert r["/gone"].status == "dead" and r["/gone"].http_status == 410
    assert r["/private"].status == "blocked" and r["/forbidden"].status == "blocked"
    assert r["/loop-a"].status == "unreachable" and "redirect loop" in r["/loop-a"].error
    assert r["/hop0"].status == "unreachable" and "more than 3 redirects" in r["/hop0"].error
    assert set(server.user_agents) == {USER_AGENT}
    assert USER_AGENT.startswith("whereas/") and "citation checker" in USER_AGENT


def test_retry_after_then_success(server: Server) -> None:
    url = server.route(
        "/busy", Answer(429, b"slow down", headers={"Retry-After": "1"}), Answer(200, b"fine", "text/plain")
    )
    t = time.monotonic()
    (r,) = fetch_all([url])
    assert time.monotonic() - t >= 0.95  # Retry-After honoured
    assert r.status == "ok" and r.attempts == 2 and server.hits["/busy"] == 2


def test_server_error_then_success_with_backoff(server: Server) -> None:
    url = server.route("/flaky", Answer(500), Answer(503), Answer(200, b"fine", "text/plain"))
    (r,) = fetch_all([url])
    assert r.status == "ok" and r.attempts == 3


def test_persistent_429_is_blocked_and_5xx_unreachable(server: Server) -> None:
    a = server.route("/always429", status=429, headers={"Retry-After": "0"})
    b = server.route("/always503", status=503)
    ra, rb = fetch_all([a, b], FetchOptions(deadline=3, backoff=0.01, retries=2, allow_hosts=LOOPBACK))
    assert ra.status == "blocked" and ra.http_status == 429 and server.hits["/always429"] == 3
    assert rb.status == "unreachable" and rb.http_status == 503 and server.hits["/always503"] == 3


def test_retry_after_past_the_deadline_is_not_waited(server: Server) -> None:
    url = server.route("/later", status=429, headers={"Retry-After": "20"})
    t = time.monotonic()
    (r,) = fetch_all([url], FetchOptions(deadline=2, allow_hosts=LOOPBACK))
    assert time.monotonic() - t < 1.5 and r.status == "blocked"


def test_retry_after_values() -> None:
    assert retry_after("7") == 7.0
    assert retry_after(formatdate(1000.0 + 30, usegmt=True), now=1000.0) == pytest.approx(30, abs=1)
    assert retry_after(formatdate(0, usegmt=True)) == 0.0
    assert retry_after("soon") is None and retry_after(None) is None


def test_slow_and_endless_bodies_cannot_hang(server: Server) -> None:
    slow = server.route("/slow", body=b"x" * 100, content_type="text/plain", trickle=0.2)
    endless = server.route("/endless", endless=True, content_type="text/plain")
    stalled = server.route("/stalled", body=b"late", delay=5)
    t = time.monotonic()
    rs, re_, rt = fetch_all(
        [slow, endless, stalled], FetchOptions(deadline=1.5, read_timeout=1, max_bytes=1_000_000, allow_hosts=LOOPBACK)
    )
    assert time.monotonic() - t < 3
    assert rs.status == "unreachable" and "within 1.5 s" in rs.error
    assert re_.status == "unsupported" and "limit" in re_.error
    assert rt.status == "unreachable"


def test_connection_refused_is_unreachable() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    (r,) = fetch_all([f"http://127.0.0.1:{port}/x"])
    assert r.status == "unreachable" and r.http_status is None


def test_non_http_url_is_unsupported() -> None:
    (r,) = fetch_all(["ftp://127.0.0.1/file.txt"])
    assert r.status == "unsupported"


def test_an_invalid_url_is_unreachable_not_a_crash(server: Server) -> None:
    """A note's address cut at its "]" ("http://[::1") and a Location header that is no URL: each an
    ``unreachable`` source with the reason, never a ValueError out of ``urlsplit``."""
    bad_location = server.route("/bad-location", status=302, headers={"Location": "http://[::1/x"})
    cut, redirected = fetch_all(["http://[::ffff:127.0.0.1", bad_location])
    assert cut.status == "unreachable" and "invalid URL" in (cut.error or "")
    assert redirected.status == "unreachable" and "location" in (redirected.error or "").lower()


def test_per_host_and_global_limits() -> None:
    group = Group()
    server, other = Server(group), Server(group)
    try:
        urls = [server.route(f"/p{i}", body=b"ok", content_type="text/plain", delay=0.15) for i in range(8)]
        urls += [other.route(f"/q{i}", body=b"ok", content_type="text/plain", delay=0.15) for i in range(8)]
        fetch_all(urls, FetchOptions(per_host=2, concurrency=16, allow_hosts=LOOPBACK))
        assert server.max_inflight == 2 and other.max_inflight == 2
        group.max_inflight = 0
        urls = [server.url(f"/p{i}") for i in range(8)] + [other.url(f"/q{i}") for i in range(8)]
        fetch_all(urls, FetchOptions(per_host=4, concurrency=3, allow_hosts=LOOPBACK))
        assert group.max_inflight == 3
    finally:
        server.close()
        other.close()


def test_the_tls_context_is_made_once_and_trusts_the_certificate_authorities() -> None:
    """Made in a thread (``verify_paths`` starts it before reading the files), once per process."""
    made = tls_context()
    assert tls_context() is made
    context = made.result(timeout=30)
    assert context.verify_mode is ssl.CERT_REQUIRED and context.check_hostname
    assert context.cert_store_stats()["x509_ca"] > 100  # certifi's authorities


def _self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that no authority signed, and its key."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_file, key_file


def test_https_verifies_the_certificate_and_plain_http_still_fetches(tmp_path: Path) -> None:
    """Over https the certificate is checked against the authorities (a self-signed one is refused); plain http,
    whose pool is made without waiting for them, fetches as before."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*_self_signed(tmp_path))
    secure = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    secure.socket = context.wrap_socket(secure.socket, server_side=True)
    threading.Thread(target=secure.serve_forever, daemon=True).start()
    plain = Server()
    try:
        ok = plain.page("/ok", "A page", "Some words.")
        refused, fetched = fetch_all([f"https://127.0.0.1:{secure.server_address[1]}/", ok])
        assert refused.status == "unreachable" and "certificate verify failed" in (refused.error or "")
        assert fetched.status == "ok"
    finally:
        secure.shutdown()
        secure.server_close()
        plain.close()

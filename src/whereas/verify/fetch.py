"""Fetching sources: bounded, patient, honest, and archived as it goes.

``Fetcher.fetch(url)`` returns a :class:`FetchResult` — never raises for a network problem.
Limits (see ``docs/verify/README.md``):

* at most ``concurrency`` requests in flight overall and ``per_host`` per host (a host's
  semaphore is taken before the global one, so tasks queued for a busy host hold no global slot);
* ``connect_timeout`` and ``read_timeout`` per request, and a wall-clock ``deadline`` for the
  whole fetch of one URL (redirects and retries included), so a slow or endless body cannot hang
  the run; bodies over ``max_bytes`` are abandoned;
* 429 and 5xx answers are retried ``retries`` times with exponential backoff (``backoff`` ×
  2ⁿ), or after ``Retry-After`` (seconds or an HTTP date) when the server gives one, capped at
  ``max_retry_after``; a wait that would pass the deadline is not taken;
* redirects are followed by hand, up to ``max_redirects``, and a loop is reported as such;
* every connection (each hop) goes only to an address ``addresses.refusal`` lets through, unless
  the host is in ``allow_hosts``: the host is resolved once and the connection made to the address
  checked (:class:`GuardedTransport`); a refused one is ``blocked`` with "blocked address: …".

With an :class:`~whereas.verify.archive.Archive`, each hop is looked up there first (unless
``refresh``) and every network exchange is appended to it as soon as it completes.  Archived
answers that are final (2xx, 3xx, 404, 410) are reused; 401/403/429/5xx are asked again.
``offline`` never touches the network: what is not archived is ``not_archived``.
"""

from __future__ import annotations

import asyncio
import email.utils
import hashlib
import os
import ssl
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cache, partial
from typing import Literal
from urllib.parse import urljoin, urlsplit

import httpx

from whereas import __version__
from whereas.errors import BlockedAddress, FetchError, UsageError
from whereas.verify.addresses import (
    Resolver,
    allowed_hosts,
    ip_literal,
    parse_allowed,
    permitted_addresses,
    system_resolver,
)
from whereas.verify.archive import Archive, Exchange

USER_AGENT = f"whereas/{__version__} (+https://github.com/whereas; citation checker)"

SourceStatus = Literal["ok", "redirected", "dead", "unreachable", "blocked", "unsupported", "not_archived"]
REDIRECTS = frozenset({301, 302, 303, 307, 308})
HTML_TYPES = ("text/html", "application/xhtml+xml")
PDF_TYPES = ("application/pdf", "application/x-pdf")
TEXT_TYPES = ("text/plain",)


@dataclass(frozen=True)
class FetchOptions:
    concurrency: int = 16
    per_host: int = 4
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0  # wall clock for one URL: every hop, attempt and wait
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 10
    retries: int = 3
    backoff: float = 0.5
    max_retry_after: float = 30.0
    user_agent: str = USER_AGENT
    #: ``HOST`` or ``HOST:PORT`` fetched whatever their address (private, loopback…): see addresses.py
    allow_hosts: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.concurrency < 1 or self.per_host < 1:
            raise UsageError("concurrency and per-host limits must be at least 1")
        if self.deadline <= 0 or self.connect_timeout <= 0 or self.read_timeout <= 0:
            raise UsageError("timeouts must be positive")
        if isinstance(self.allow_hosts, str):
            raise UsageError("allow_hosts is a tuple of HOST[:PORT] strings, not one string")
        allowed_hosts(self.allow_hosts, source="allow_hosts")

    @classmethod
    def limits(
        cls, *, timeout: float = 60.0, concurrency: int = 16, per_host: int = 4, allow_hosts: tuple[str, ...] = ()
    ) -> FetchOptions:
        """The options ``whereas verify`` sets (``--timeout``, ``--concurrency``, ``--per-host``,
        ``--allow-host``): a bad one raises :class:`UsageError` naming the command-line option."""
        if timeout <= 0:
            raise UsageError("--timeout must be positive")
        if concurrency < 1 or per_host < 1:
            raise UsageError("--concurrency and --per-host must be at least 1")
        allowed_hosts(allow_hosts, source="--allow-host")
        return cls(
            concurrency=concurrency,
            per_host=per_host,
            deadline=timeout,
            connect_timeout=min(10.0, timeout),
            read_timeout=min(20.0, timeout),
            allow_hosts=tuple(dict.fromkeys(allow_hosts)),
        )

    def allowing(self, hosts: Iterable[str]) -> FetchOptions:
        """These options, fetching from ``hosts`` too (checked already: configured ``allow-hosts``)."""
        return replace(self, allow_hosts=tuple(dict.fromkeys([*self.allow_hosts, *hosts])))


@dataclass(frozen=True)
class FetchResult:
    """What became of one URL."""

    url: str
    status: SourceStatus
    http_status: int | None = None
    final_url: str | None = None
    content_type: str | None = None
    body: bytes | None = field(default=None, repr=False)
    fetched_at: str | None = None
    sha256: str | None = None
    redirects: tuple[str, ...] = ()  # the URLs after ``url``, in order, ending at ``final_url``
    error: str | None = None
    from_archive: bool = False
    attempts: int = 0  # network requests made (0: all from the archive)

    @property
    def kind(self) -> Literal["html", "pdf", "text"] | None:
        return content_kind(self.content_type, self.body)


def _reusable(status: int) -> bool:
    """Whether an archived answer with this HTTP status is used again rather than asked anew."""
    return 200 <= status < 400 or status in (404, 410)


def content_kind(content_type: str | None, body: bytes | None) -> Literal["html", "pdf", "text"] | None:
    """The kind of document, from its Content-Type (sniffed only when that is missing or generic).

    A body served as HTML or text that is a PDF is a PDF; one that is binary (an image, an archive) is
    none of the kinds (None), whatever its type says."""
    mime = (content_type or "").split(";", 1)[0].strip().lower()
    if mime in PDF_TYPES:
        return "pdf"
    if mime in HTML_TYPES or mime in TEXT_TYPES:
        if body is not None and body[:1024].lstrip().startswith(b"%PDF-"):
            return "pdf"
        if body is not None and is_binary(body):
            return None
        return "html" if mime in HTML_TYPES else "text"
    if mime in ("", "application/octet-stream", "binary/octet-stream") and body is not None:
        head = body[:1024].lstrip()
        if head.startswith(b"%PDF-"):
            return "pdf"
        low = head.lower()
        if low.startswith((b"<!doctype html", b"<html")) or b"<html" in low:
            return "html"
    return None


#: control bytes other than \t \n \v \f \r, and the ESC of ISO-2022 encodings
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])


def is_binary(body: bytes) -> bool:
    """Whether ``body`` is no text in any 8-bit or UTF-8 encoding: more than 5% of its first 8 KiB are
    control bytes (a UTF-16 body, which has a NUL in every other byte of its ASCII, has its byte-order mark)."""
    head = body[:8192]
    if not head or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return (len(head) - len(head.translate(None, _CONTROL_BYTES))) / len(head) > 0.05


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delay-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def describe(exc: BaseException) -> str:
    """A short, human reason for a network failure."""
    text = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.ConnectTimeout):
        return f"connection timed out ({text})" if str(exc) else "connection timed out"
    if isinstance(exc, httpx.ReadTimeout):
        return "timed out waiting for the server"
    if isinstance(exc, httpx.ConnectError):
        low = text.lower()
        if "name or service" in low or "nodename" in low or "getaddrinfo" in low or "name resolution" in low:
            return f"DNS lookup failed ({text})"
        if "ssl" in low or "certificate" in low or "tls" in low:
            return f"TLS failure ({text})"
        return f"could not connect ({text})"
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError):
        return f"connection broken ({text})"
    return text


@cache
def tls_context() -> Future[ssl.SSLContext]:
    """The TLS client context of every https connection (httpx's: certifi's certificate authorities), made once
    per process, in a thread: loading the authorities takes ≈ 50 ms, during which OpenSSL lets Python run, so
    a caller that asks for it early (``verify_paths``, before it reads the files) has it by its first https
    request rather than before it."""
    loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="whereas-tls")
    made = loader.submit(httpx.create_ssl_context, trust_env=False)
    loader.shutdown(wait=False)  # its thread ends once the context is made
    return made


os.register_at_fork(after_in_child=tls_context.cache_clear)  # a forked process has no loading thread: its own


class _Blocked(httpx.TransportError):
    """A connection refused by the address guard (a transport error, so any caller of the client copes)."""


class GuardedTransport(httpx.AsyncBaseTransport):
    """Connects only where ``addresses.permitted_addresses`` allows, to the very address it checked.

    Each request's host is resolved once (``resolver``); the request then goes to a permitted
    address in place of the host, with the Host header unchanged and, over https, the host name as
    TLS SNI and for certificate verification (httpcore's ``sni_hostname`` extension).  Each origin
    (scheme, host, port) has its own connection pool, so a connection is never reused for another
    host name that happens to share its address.  ``inner``: one transport for every origin instead.
    """

    def __init__(
        self,
        allowed: tuple[str, ...] = (),
        *,
        resolver: Resolver = system_resolver,
        limits: httpx.Limits | None = None,
        inner: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._allowed = parse_allowed(allowed)
        self._resolver = resolver
        self._limits = limits or httpx.Limits()
        self._inner = inner
        self._pools: dict[tuple[str, str, int], httpx.AsyncBaseTransport] = {}
        if inner is None:
            tls_context()  # loading, while the first host is looked up

    async def _pool(self, origin: tuple[str, str, int]) -> httpx.AsyncBaseTransport:
        if self._inner is not None:
            return self._inner
        pool = self._pools.get(origin)
        if pool is None:
            if origin[0] == "https":
                verify = await asyncio.wrap_future(tls_context())
            else:  # plain http makes no TLS connection (a redirect to https is another origin, another pool):
                verify = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # a context that trusts nothing, made at once
            pool = self._pools[origin] = httpx.AsyncHTTPTransport(verify=verify, limits=self._limits, trust_env=False)
        return pool

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        host = url.raw_host.decode("ascii")
        port = url.port or (443 if url.scheme == "https" else 80)
        try:
            addresses = await permitted_addresses(host, port, self._allowed, self._resolver)
        except BlockedAddress as exc:
            raise _Blocked(str(exc), request=request) from None
        except OSError as exc:  # the lookup failed
            raise httpx.ConnectError(str(exc) or f"no address for {host}", request=request) from None
        extensions = dict(request.extensions)
        if url.scheme == "https" and ip_literal(host) is None:
            extensions["sni_hostname"] = host
        pool = await self._pool((url.scheme, host, port))
        failure: httpx.TransportError | None = None
        for address in addresses:  # the next permitted address when one cannot be reached
            pinned = httpx.Request(
                request.method,
                url.copy_with(host=address),
                headers=request.headers,
                stream=request.stream,
                extensions=extensions,
            )
            try:
                return await pool.handle_async_request(pinned)
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None
        raise failure

    async def aclose(self) -> None:
        pools = [self._inner] if self._inner is not None else list(self._pools.values())
        self._pools.clear()
        for pool in pools:
            await pool.aclose()


class Fetcher:
    """Fetch URLs within limits; use as ``async with Fetcher(...) as f: await f.fetch(url)``.

    ``resolver`` (host, port → addresses) replaces ``getaddrinfo`` for the address guard;
    ``transport`` replaces the connection pools (still behind the guard).
    """

    def __init__(
        self,
        options: FetchOptions | None = None,
        *,
        archive: Archive | None = None,
        offline: bool = False,
        refresh: bool = False,
        transport: httpx.AsyncBaseTransport | None = None,
        on_exchange: Callable[[Exchange], None] | None = None,
        resolver: Resolver = system_resolver,
    ) -> None:
        self.options = options or FetchOptions()
        self.archive = archive
        self.offline = offline
        self.refresh = refresh
        self._transport = transport
        self._resolver = resolver
        self._on_exchange = on_exchange
        self._client: httpx.AsyncClient | None = None
        self._global: asyncio.Semaphore | None = None
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._memo: dict[str, asyncio.Future[Exchange]] = {}
        self.network_requests = 0

    async def __aenter__(self) -> Fetcher:
        o = self.options
        if not self.offline:
            timeout = httpx.Timeout(connect=o.connect_timeout, read=o.read_timeout, write=o.read_timeout, pool=None)
            limits = httpx.Limits(max_connections=None, max_keepalive_connections=max(o.concurrency, 20))
            guard = GuardedTransport(o.allow_hosts, resolver=self._resolver, limits=limits, inner=self._transport)
            self._client = httpx.AsyncClient(
                timeout=timeout,
                follow_redirects=False,
                headers={
                    "User-Agent": o.user_agent,
                    "Accept": "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5",
                },
                transport=guard,
                trust_env=False,
            )
        self._global = asyncio.Semaphore(o.concurrency)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    @property
    def client(self) -> httpx.AsyncClient | None:
        return self._client

    # -------------------------------------------------------------------------------------

    async def fetch(self, url: str) -> FetchResult:
        loop = asyncio.get_running_loop()
        deadline_at = loop.time() + self.options.deadline
        counter = [0]
        try:
            async with asyncio.timeout_at(deadline_at):
                return await self._follow(url, deadline_at, counter)
        except TimeoutError:
            return FetchResult(
                url, "unreachable", error=f"no complete answer within {self.options.deadline:g} s", attempts=counter[0]
            )
        except FetchError as f:
            return FetchResult(url, f.status, error=f.message, attempts=counter[0])

    async def _follow(self, url: str, deadline_at: float, counter: list[int]) -> FetchResult:
        chain = [url]
        current = url
        all_archived = True
        for _ in range(self.options.max_redirects + 1):
            try:
                ex = await self._exchange(current, deadline_at, counter)
            except FetchError as f:
                if f.status == "blocked" and current != url:  # say where the redirects led
                    why = f.message.removeprefix("blocked address: ")
                    raise FetchError(f.status, f"blocked address: redirected to {current}; {why}", f.attempts) from None
                raise
            all_archived &= ex.from_archive
            location = ex.header("location")
            if ex.status in REDIRECTS and location:
                target = urljoin(current, location.strip())
                if target in chain:
                    loop = " → ".join([*chain[chain.index(target) :], target])
                    raise FetchError("unreachable", f"redirect loop: {loop}")
                chain.append(target)
                current = target
                continue
            return self._classify(url, ex, tuple(chain[1:]), all_archived, counter[0])
        raise FetchError("unreachable", f"more than {self.options.max_redirects} redirects")

    def _classify(
        self, url: str, ex: Exchange, redirects: tuple[str, ...], from_archive: bool, attempts: int
    ) -> FetchResult:
        content_type = ex.header("content-type")
        result = partial(
            FetchResult,
            url,
            http_status=ex.status,
            final_url=ex.url,
            content_type=content_type,
            fetched_at=ex.fetched_at,
            sha256=ex.sha256,
            redirects=redirects,
            from_archive=from_archive,
            attempts=attempts,
        )
        s = ex.status
        if 200 <= s < 300:
            if content_kind(content_type, ex.body) is None:
                if content_kind(content_type, None) is not None:  # the type says text, the body is binary
                    error = f"the body served as {content_type} is binary, not text"
                else:
                    error = f"content type {content_type or 'missing'} is not HTML, PDF or plain text"
                return result("unsupported", body=ex.body, error=error)
            return result("redirected" if redirects else "ok", body=ex.body)
        if s in (404, 410):
            return result("dead", error=f"HTTP {s} {ex.reason}".strip())
        if s in (401, 403, 407, 429, 451):
            return result("blocked", error=f"HTTP {s} {ex.reason}".strip())
        if s in REDIRECTS:
            return result("unreachable", error=f"HTTP {s} without a Location")
        return result("unreachable", error=f"HTTP {s} {ex.reason}".strip())

    async def _exchange(self, url: str, deadline_at: float, counter: list[int]) -> Exchange:
        """One hop's answer; a URL asked twice in one run (a redirect target also cited) is asked once."""
        pending = self._memo.get(url)
        if pending is None:
            pending = self._memo[url] = asyncio.ensure_future(self._bounded(url, deadline_at, counter))
            pending.add_done_callback(_retrieve)
        return await asyncio.shield(pending)

    async def _bounded(self, url: str, deadline_at: float, counter: list[int]) -> Exchange:
        async with asyncio.timeout_at(deadline_at):  # shielded above: it must end on its own
            return await self._exchange_once(url, deadline_at, counter)

    async def _exchange_once(self, url: str, deadline_at: float, counter: list[int]) -> Exchange:
        if self.archive is not None and not self.refresh:
            archived = self.archive.get(url)
            if archived is not None and (self.offline or _reusable(archived.status)):
                return archived
        if self.offline:
            raise FetchError("not_archived", "not in archive (offline)")
        try:
            scheme = urlsplit(url).scheme.lower()
        except ValueError as exc:  # "http://[::1" (a note's address cut at its "]"), a bad port
            raise FetchError("unreachable", f"invalid URL ({exc}): {url}") from None
        if scheme not in ("http", "https"):
            raise FetchError("unsupported", f"not an http(s) URL: {url}")
        loop = asyncio.get_running_loop()
        attempt = 0
        while True:
            attempt += 1
            counter[0] += 1
            ex = await self._request(url)
            retryable = ex.status == 429 or 500 <= ex.status < 600
            if not retryable or attempt > self.options.retries:
                break
            wait = retry_after(ex.header("retry-after"))
            if wait is None:
                wait = self.options.backoff * 2 ** (attempt - 1)
            wait = min(wait, self.options.max_retry_after)
            if loop.time() + wait >= deadline_at - 0.05:
                break  # waiting would pass the deadline: report this answer
            await asyncio.sleep(wait)
        if self.archive is not None:
            self.archive.put(ex)
        if self._on_exchange is not None:
            self._on_exchange(ex)
        return ex

    def _host_semaphore(self, url: str) -> asyncio.Semaphore:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc.lower()}"
        sem = self._hosts.get(key)
        if sem is None:
            sem = self._hosts[key] = asyncio.Semaphore(self.options.per_host)
        return sem

    async def _request(self, url: str) -> Exchange:
        assert self._client is not None and self._global is not None
        o = self.options
        async with self._host_semaphore(url), self._global:
            self.network_requests += 1
            fetched_at = now_iso()
            try:
                async with self._client.stream("GET", url) as response:
                    declared = response.headers.get("content-length")
                    if declared and declared.isascii() and declared.isdigit() and int(declared) > o.max_bytes:
                        raise FetchError(
                            "unsupported", f"body of {int(declared)} bytes is over the {o.max_bytes}-byte limit"
                        )
                    chunks: list[bytes] = []
                    size = 0
                    async for chunk in response.aiter_bytes():
                        size += len(chunk)
                        if size > o.max_bytes:
                            raise FetchError("unsupported", f"body is over the {o.max_bytes}-byte limit")
                        chunks.append(chunk)
                    return Exchange(
                        url=url,
                        status=response.status_code,
                        reason=response.reason_phrase,
                        headers=tuple(response.headers.multi_items()),
                        body=b"".join(chunks),
                        fetched_at=fetched_at,
                        request_headers=tuple(
                            (k, v) for k, v in response.request.headers.multi_items() if k.lower() != "host"
                        ),
                        http_version=response.http_version,
                    )
            except FetchError:
                raise
            except _Blocked as exc:
                raise FetchError("blocked", str(exc)) from None
            except httpx.TooManyRedirects as exc:  # pragma: no cover - redirects are followed by hand
                raise FetchError("unreachable", str(exc)) from None
            except httpx.UnsupportedProtocol as exc:
                raise FetchError("unsupported", str(exc)) from None
            except httpx.InvalidURL as exc:
                raise FetchError("unreachable", f"invalid URL ({exc})") from None
            except (httpx.TransportError, OSError) as exc:
                raise FetchError("unreachable", describe(exc)) from None


def _retrieve(future: asyncio.Future[Exchange]) -> None:
    """Mark a shared exchange's exception as seen (its awaiters may all have timed out)."""
    if not future.cancelled():
        future.exception()


def sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()

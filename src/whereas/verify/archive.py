"""The evidence archive: every HTTP exchange written to a WARC file as it completes.

Each exchange (one request and its answer — a redirect, an error page or the document) is
written as a WARC/1.1 ``request`` record and a ``response`` record linked by
``WARC-Concurrent-To``, each record its own gzip member, with ``WARC-Block-Digest`` and
``WARC-Payload-Digest`` in SHA-256 (so the payload digest is the source's ``sha256``, in
base32).  Each pair is appended with one write and synced to disk, so a run that is interrupted
keeps everything already fetched; a torn last record (the process killed mid-write) is cut off
when the archive is next opened for writing.  Several processes may write one archive at once: an
exclusive lock on the file (``flock``, where the system has it) is held while a pair is appended and
while an opening process looks for a torn tail, so pairs never interleave and a write in progress
is never taken for a torn one.

Redirects are archived hop by hop: the 301 for ``http://a/`` is a response record for
``http://a/`` carrying its ``Location``; the page it leads to is another response record.
Replaying a URL from the archive follows the archived ``Location`` headers, exactly as the
network did.

The payload is stored *decoded* (httpx undoes ``Content-Encoding``); the stored headers drop
``Content-Encoding``, ``Transfer-Encoding`` and ``Content-Length`` accordingly and keep the
original encoding as ``X-Whereas-Content-Encoding``.  When one URL was fetched more than once,
the latest response is the one replayed.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.utils import Digester
from warcio.warcwriter import WARCWriter

from whereas import __version__

try:
    import fcntl
except ImportError:  # no flock (Windows): one writing process per archive there
    fcntl = None  # type: ignore[assignment]

_DROPPED = {"content-encoding", "transfer-encoding", "content-length"}


@dataclass(frozen=True)
class Exchange:
    """One HTTP request and its complete answer."""

    url: str
    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    fetched_at: str  # UTC, ISO 8601 with microseconds
    request_headers: tuple[tuple[str, str], ...] = ()
    http_version: str = "HTTP/1.1"
    from_archive: bool = False

    def header(self, name: str) -> str | None:
        name = name.lower()
        for k, v in self.headers:
            if k.lower() == name:
                return v
        return None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


class _Sha256Writer(WARCWriter):
    @staticmethod
    def _create_digester() -> Digester:
        return Digester("sha256")


def _warc_date(iso: str) -> str:
    """``2024-05-01T10:00:00.123456+00:00`` → ``2024-05-01T10:00:00.123456Z``."""
    return iso.replace("+00:00", "Z")


def _iso(warc_date: str) -> str:
    return warc_date[:-1] + "+00:00" if warc_date.endswith("Z") else warc_date


@contextmanager
def _locked(f: IO[bytes]) -> Iterator[None]:
    """An exclusive lock on open file ``f`` for the duration (nothing where the system has no flock)."""
    if fcntl is None:
        yield
        return
    fcntl.flock(f.fileno(), fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(f.fileno(), fcntl.LOCK_UN)


class Archive:
    """A WARC file read for replay and appended to as fetches complete.

    ``Archive(path)`` indexes the responses already in ``path`` (if it exists); ``get(url)``
    replays the latest one; ``put(exchange)`` appends a request/response pair and flushes.
    ``writable=False`` (offline runs) never creates or changes the file.
    """

    def __init__(self, path: str | Path, *, writable: bool = True) -> None:
        self.path = Path(path)
        self.writable = writable
        self._index: dict[str, int] = {}  # url -> offset of its latest response record
        self._out: io.BufferedWriter | None = None
        self.written = 0  # exchanges written by this process
        if self.path.exists():
            if not writable:
                self._scan()
                return
            try:
                f = open(self.path, "r+b")
            except PermissionError:  # a read-only archive: read it; writing to it will say why not
                self._scan()
                return
            with f, _locked(f):  # no other process is mid-write now
                good_end = self._scan()
                if good_end < os.fstat(f.fileno()).st_size:
                    f.truncate(good_end)  # cut a torn last record (an interrupted write)

    def _scan(self) -> int:
        good_end = 0
        with open(self.path, "rb") as f:
            it = ArchiveIterator(f)
            try:
                for record in it:
                    url = record.rec_headers.get_header("WARC-Target-URI")
                    is_response = record.rec_type == "response" and url
                    it.read_to_end(record)
                    offset, length = it.get_record_offset(), it.get_record_length()
                    if is_response:
                        self._index[url] = offset
                    good_end = offset + length
            except Exception:  # a torn or corrupt tail: keep what was read before it
                pass
        return good_end

    def __contains__(self, url: str) -> bool:
        return url in self._index

    @property
    def urls(self) -> frozenset[str]:
        return frozenset(self._index)

    def get(self, url: str) -> Exchange | None:
        offset = self._index.get(url)
        if offset is None:
            return None
        with open(self.path, "rb") as f:
            f.seek(offset)
            record = next(iter(ArchiveIterator(f)))
            http = record.http_headers
            body = record.raw_stream.read()
            status = int(http.get_statuscode() or 0)
            reason = http.statusline.split(" ", 1)[1] if " " in http.statusline else ""
            return Exchange(
                url=url,
                status=status,
                reason=reason,
                headers=tuple(http.headers),
                body=body,
                fetched_at=_iso(record.rec_headers.get_header("WARC-Date")),
                http_version=http.protocol or "HTTP/1.1",
                from_archive=True,
            )

    def _open(self) -> io.BufferedWriter:
        if self._out is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._out = open(self.path, "ab")
        return self._out

    def put(self, ex: Exchange) -> None:
        """Append ``ex`` as a request/response pair (one write, under the file's lock) and sync it to disk."""
        if not self.writable or ex.from_archive:
            return
        out = self._open()
        buffer = io.BytesIO()
        writer = _Sha256Writer(buffer, gzip=True, warc_version="1.1")
        date = _warc_date(ex.fetched_at)
        headers = [(k, v) for k, v in ex.headers if k.lower() not in _DROPPED]
        encoding = next((v for k, v in ex.headers if k.lower() == "content-encoding"), None)
        if encoding and encoding.lower() != "identity":
            headers.append(("X-Whereas-Content-Encoding", encoding))
        headers.append(("Content-Length", str(len(ex.body))))
        http = StatusAndHeaders(f"{ex.status} {ex.reason}".strip(), headers, protocol=ex.http_version)
        response = writer.create_warc_record(
            ex.url, "response", payload=io.BytesIO(ex.body), length=len(ex.body), http_headers=http,
            warc_headers_dict={"WARC-Date": date},
        )
        target = ex.url.split("://", 1)[-1]
        host, _, path = target.partition("/")
        req_headers = StatusAndHeaders(f"GET /{path} HTTP/1.1", [("Host", host), *ex.request_headers], protocol="", is_http_request=True)
        request = writer.create_warc_record(
            ex.url, "request", payload=io.BytesIO(b""), length=0, http_headers=req_headers, warc_headers_dict={"WARC-Date": date}
        )
        request.rec_headers.add_header("WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID"))
        writer.write_record(request)
        response_at = buffer.tell()  # each record is its own gzip member: the response starts here
        writer.write_record(response)
        with _locked(out):
            end = os.lseek(out.fileno(), 0, os.SEEK_END)  # where this pair goes, whoever wrote last
            if end == 0:  # a new archive opens with its warcinfo record
                head = io.BytesIO()
                info_writer = _Sha256Writer(head, gzip=True, warc_version="1.1")
                info = {"software": f"whereas/{__version__}", "format": "WARC File Format 1.1", "description": "whereas verify evidence"}
                info_writer.write_record(info_writer.create_warcinfo_record(self.path.name, info))
                out.write(head.getvalue())
                end = len(head.getvalue())
            out.write(buffer.getvalue())
            out.flush()
            os.fsync(out.fileno())
        self._index[ex.url] = end + response_at
        self.written += 1

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

"""The evidence archive: every HTTP exchange written to a WARC file as it completes.

Each exchange (one request and its answer — a redirect, an error page or the document) is
written as a WARC/1.1 ``request`` record and a ``response`` record linked by
``WARC-Concurrent-To``, each record its own gzip member, with ``WARC-Block-Digest`` and
``WARC-Payload-Digest`` in SHA-256 (so the payload digest is the source's ``sha256``, in
base32).  Each pair is appended with one write and synced to disk, so a run that is interrupted
keeps everything already fetched.  Several processes may write one archive at once: an exclusive
lock on the file (``flock``, where the system has it) is held while a pair is appended and while an
opening process looks for damage, so pairs never interleave and a write in progress is never taken
for a torn one.

An archive can be pointed anywhere without harm.  Opened for writing, a file must be a WARC
file, empty or new; anything else is refused and left as it was.  The default archive (the user
did not name it) is never written through a symbolic link.  Damage — a record torn by an
interrupted write, a byte flipped on disk — is repaired when the archive is next opened for
writing, without losing a readable record (see :mod:`whereas.verify.survey`): a torn last record
is cut off after it has been copied to ``NAME.damaged-<UTC time>``; damage before the end has
the whole file copied there, then the readable records rewritten to a temporary file that
replaces the archive at once.  A process holding the archive open notices the replacement when
it next locks the file, and reopens it.

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

import errno
import hashlib
import io
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING
from urllib.parse import urldefrag

from whereas import __version__
from whereas.errors import InputError
from whereas.verify.survey import GZIP_MEMBER, PLAIN_RECORD, Record, Survey, looks_like, starts_like_warc, survey

try:
    import fcntl
except ImportError:  # no flock (Windows): one writing process per archive there
    fcntl = None  # type: ignore[assignment]  # the module or None: `if fcntl is not None` before each lock

if TYPE_CHECKING:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

_DROPPED = {"content-encoding", "transfer-encoding", "content-length"}
_HEAD = 64 * 1024  # bytes read to tell a WARC file from anything else


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


@cache
def _sha256_writer() -> type[WARCWriter]:
    """warcio's WARC writer, with SHA-256 digests.  warcio (and the fsspec it imports, ≈ 40 ms) is imported
    when a first record is written or read back, not before ``whereas verify``'s first request."""
    from warcio.utils import Digester
    from warcio.warcwriter import WARCWriter

    class Sha256Writer(WARCWriter):
        @staticmethod
        def _create_digester() -> Digester:
            return Digester("sha256")

    return Sha256Writer


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


def _file_to_write(path: Path, follow_symlinks: bool) -> Path:
    """The file to open for writing the archive ``path``: where its links lead, or (not following) ``path`` itself."""
    if follow_symlinks:
        return Path(os.path.realpath(path))
    _refuse_links(path)
    return path


def _refuse_links(path: Path) -> None:
    """InputError if the archive ``path`` or its directory is a symbolic link."""
    for link, what in ((path.parent, f"its directory {path.parent.name}"), (path, "the evidence archive")):
        if link.is_symlink():
            raise InputError(
                str(path),
                f"{what} is a symbolic link (to {os.readlink(link)}); whereas will not write the default archive "
                "through a link — remove the link, or name the archive with --archive",
            )


def _same_file(f: IO[bytes], path: Path) -> bool:
    """Open file ``f`` is the file at ``path`` (not one since replaced or removed)."""
    try:
        there = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    here = os.fstat(f.fileno())
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _survey_warc(path: Path, f: IO[bytes], size: int, head: bytes, refusal: str) -> Survey:
    """The survey of ``f``, a file of ``size`` bytes that starts with ``head``, if it is a WARC file; else InputError.

    A WARC file starts like one, or is gzip'd and has a readable record (its first one damaged).
    """
    if head.startswith(GZIP_MEMBER) or starts_like_warc(head):
        found = survey(f, size)
        if found.records or starts_like_warc(head):
            return found
    raise InputError(str(path), f"not a WARC archive (it starts like {looks_like(head)}); {refusal}")


def _aside_path(path: Path) -> Path:
    """A new ``NAME.damaged-<UTC time>`` beside ``path`` (``-2``, ``-3``… when taken)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while candidate.exists() or candidate.is_symlink():
        n += 1
        candidate = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    return candidate


def _write_copy(f: IO[bytes], target: Path, stretches: list[tuple[int, int]]) -> None:
    """Copy the ``(start, end)`` stretches of ``f`` to the new file ``target`` (with ``f``'s permissions) and sync it to disk."""
    mode = stat.S_IMODE(os.fstat(f.fileno()).st_mode)
    with os.fdopen(
        os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), mode), "wb"
    ) as out:
        for start, end in stretches:
            f.seek(start)
            _copy(f, out, end - start)
        out.flush()
        os.fsync(out.fileno())


def _copy(f: IO[bytes], out: IO[bytes], n: int) -> None:
    """Copy ``n`` bytes from ``f`` (where it is) to ``out``, a megabyte at a time."""
    while n > 0:
        chunk = f.read(min(n, 1 << 20))
        if not chunk:
            raise OSError(errno.EIO, "the archive ended while it was being copied")
        out.write(chunk)
        n -= len(chunk)


def _rewrite(f: IO[bytes], path: Path, records: list[Record]) -> Survey:
    """Replace ``path`` at once with a file of only ``records`` (copied from ``f``); what the new file holds.

    The records go to a temporary file in the same directory, synced to disk, which then takes the
    archive's place (``os.replace``): a crash leaves either the old file or the new one.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    kept: list[Record] = []
    try:
        with os.fdopen(fd, "wb") as out:
            if hasattr(os, "fchmod"):  # the archive's permissions, not the temporary file's
                os.fchmod(out.fileno(), stat.S_IMODE(os.fstat(f.fileno()).st_mode))
            for r in records:
                at = out.tell()
                f.seek(r.offset)
                _copy(f, out, r.end - r.offset)
                kept.append(Record(at, out.tell(), r.kind, r.url))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_directory(path.parent)
    return Survey(kept[-1].end if kept else 0, kept)


def _sync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable (where the system allows opening a directory)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class Archive:
    """A WARC file read for replay and appended to as fetches complete.

    ``Archive(path)`` indexes the responses already in ``path`` (if it exists); ``get(url)``
    replays the latest one; ``put(exchange)`` appends a request/response pair and flushes.
    ``writable=False`` (offline runs) never creates or changes the file.

    Opened for writing, the file must be a WARC file (gzip'd or plain) or empty or new: anything
    else raises :class:`~whereas.errors.InputError` and is left as it was.  Unless
    ``follow_symlinks``, neither the file nor its directory may be a symbolic link (the default
    archive, which the user did not name, is opened so).  Damage found on opening is repaired
    without losing a readable record, the damaged bytes set aside in ``NAME.damaged-<UTC time>``;
    ``repaired`` then says what was done.
    """

    def __init__(self, path: str | Path, *, writable: bool = True, follow_symlinks: bool = False) -> None:
        self.path = Path(path)
        self.writable = writable
        self.repaired: str | None = None  # what the repair of a damaged archive did, when there was one
        self._index: dict[str, int] = {}  # url -> offset of its latest response record
        self._out: io.BufferedWriter | None = None
        self._gzip = True  # records are written as gzip members, unless the archive is a plain WARC file
        self.written = 0  # exchanges written by this process
        self._follow = follow_symlinks
        self._file = _file_to_write(self.path, follow_symlinks) if writable else self.path
        if not self._file.exists():
            return
        if not self._file.is_file():
            raise InputError(str(self.path), "not a regular file; an evidence archive is a WARC file")
        if not writable:
            self._read_only()
            return
        try:
            self._out = self._open(create=False)
        except PermissionError:  # a read-only archive: read it; writing to it will say why not
            self._read_only()
            return
        try:
            with self._lock(take_stock=True):  # no other process is mid-write now
                pass
        except BaseException:
            self.close()
            raise

    def _open(self, *, create: bool) -> io.BufferedWriter:
        """The archive file opened for appending (never through a symbolic link); a regular file, or InputError."""
        flags = os.O_RDWR | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        if create:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            if not self._follow:
                _refuse_links(self.path)  # the directory may have become a link since the archive was opened
            flags |= os.O_CREAT
        try:
            fd = os.open(self._file, flags, 0o666)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                _refuse_links(self.path)  # it became one since the archive was opened
            raise
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise InputError(str(self.path), "not a regular file; whereas will not write into it")
        return os.fdopen(fd, "ab")

    @contextmanager
    def _lock(self, *, take_stock: bool = False) -> Iterator[io.BufferedWriter]:
        """The archive, locked; reopened (and taken stock of) first if another process replaced it since it was opened.

        A repair replaces the file with a rewritten one (see ``_repair``): a process still holding
        the old one would append to a file no longer in the directory, at offsets that mean nothing.
        """
        assert self._out is not None
        while True:
            out = self._out
            with _locked(out):
                if _same_file(out, self._file):
                    if take_stock:
                        self._take_stock()
                    yield out
                    return
            out.close()
            self._out = self._open(create=True)
            take_stock = True

    def _take_stock(self) -> None:
        """Under the lock: refuse what is no WARC, repair damage, index the responses."""
        assert self._out is not None
        size = os.fstat(self._out.fileno()).st_size
        if size == 0:
            return
        with open(os.dup(self._out.fileno()), "rb") as f:  # shares the file's position: start from 0
            f.seek(0)
            head = f.read(_HEAD)
            found = _survey_warc(self.path, f, size, head, "whereas will not write into it")
            self._gzip = not PLAIN_RECORD.match(head)  # a plain WARC file stays plain: others can read it on
            if found.damaged:
                found = self._repair(f, found)
        self._index = found.responses()

    def _repair(self, f: IO[bytes], found: Survey) -> Survey:
        """Set the damaged bytes aside, keep every readable record; what the file now holds.

        When the damaged bytes cannot be set aside (no room, no permission), nothing is changed: InputError.
        """
        try:
            return self._set_aside_and_rewrite(f, found)
        except OSError as exc:
            raise InputError(
                str(self.path),
                f"damaged, and the damaged bytes cannot be set aside ({exc.strerror or exc}); whereas will not write into it",
            ) from None

    def _set_aside_and_rewrite(self, f: IO[bytes], found: Survey) -> Survey:
        assert self._out is not None
        aside = _aside_path(self._file)
        kept = len(found.records)
        if found.torn_tail_only:  # an interrupted write: the tail goes aside, the file is cut where it starts
            start = found.damaged[0][0]
            _write_copy(f, aside, [(start, found.size)])
            os.ftruncate(self._out.fileno(), start)
            os.fsync(self._out.fileno())
            self.repaired = (
                f"{self.path}: {found.size - start} damaged bytes (a record torn by an interrupted write) "
                f"moved to {aside}; {kept} records kept"
            )
            return Survey(start, found.records)
        _write_copy(f, aside, [(0, found.size)])  # the whole archive as it was, before it is touched
        repaired = _rewrite(f, self._file, found.records)
        where = ", ".join(f"{a}-{b}" for a, b in found.damaged)
        self.repaired = (
            f"{self.path}: {found.damaged_bytes} damaged bytes moved to {aside} "
            f"(a copy of the archive as it was; the damage at bytes {where}); {kept} records kept"
        )
        return repaired

    def _read_only(self) -> None:
        """Index the responses of an archive opened only to read (a WARC file, or InputError)."""
        with open(self._file, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size:
                head = f.read(_HEAD)
                self._index = _survey_warc(
                    self.path, f, size, head, "whereas reads evidence only from WARC files"
                ).responses()

    def _reindex(self) -> None:
        """Index the responses of the file as it is now (read only, never repairing)."""
        with open(self._file, "rb") as f:
            self._index = survey(f, os.fstat(f.fileno()).st_size).responses()

    def _key(self, url: str) -> str | None:
        """The URL under which ``url`` was archived: itself, or without its ``#fragment`` (which never reaches
        the server, so a crawler records the page without it)."""
        if url in self._index:
            return url
        bare = urldefrag(url).url
        return bare if bare in self._index else None

    def __contains__(self, url: str) -> bool:
        return self._key(url) is not None

    @property
    def urls(self) -> frozenset[str]:
        return frozenset(self._index)

    def get(self, url: str) -> Exchange | None:
        key = self._key(url)
        if key is None:
            return None
        record = self._response_at(self._index[key], key)
        if record is None:  # another process repaired (rewrote) the archive since it was indexed
            self._reindex()
            key = self._key(url)
            record = self._response_at(self._index[key], key) if key is not None else None
            if record is None:
                return None
        http, body, date = record
        status = int(http.get_statuscode() or 0)
        reason = http.statusline.split(" ", 1)[1] if " " in http.statusline else ""
        return Exchange(
            url=url,
            status=status,
            reason=reason,
            headers=tuple(http.headers),
            body=body,
            fetched_at=_iso(date),
            http_version=http.protocol or "HTTP/1.1",
            from_archive=True,
        )

    def _response_at(self, offset: int, url: str) -> tuple[StatusAndHeaders, bytes, str] | None:
        """The HTTP headers, body and WARC-Date of the response for ``url`` at ``offset``; None if another record is there."""
        from warcio.archiveiterator import ArchiveIterator

        with open(self._file, "rb") as f:
            f.seek(offset)
            try:
                record = next(iter(ArchiveIterator(f)))
            except Exception:  # no record there any more
                return None
            if record.rec_type != "response" or record.rec_headers.get_header("WARC-Target-URI") != url:
                return None
            return record.http_headers, record.raw_stream.read(), record.rec_headers.get_header("WARC-Date")

    def put(self, ex: Exchange) -> None:
        """Append ``ex`` as a request/response pair (one write, under the file's lock) and sync it to disk."""
        if not self.writable or ex.from_archive:
            return
        from warcio.statusandheaders import StatusAndHeaders

        if self._out is None:
            self._out = self._open(create=True)
        buffer = io.BytesIO()
        writer = _sha256_writer()(buffer, gzip=self._gzip, warc_version="1.1")
        date = _warc_date(ex.fetched_at)
        headers = [(k, v) for k, v in ex.headers if k.lower() not in _DROPPED]
        encoding = next((v for k, v in ex.headers if k.lower() == "content-encoding"), None)
        if encoding and encoding.lower() != "identity":
            headers.append(("X-Whereas-Content-Encoding", encoding))
        headers.append(("Content-Length", str(len(ex.body))))
        http = StatusAndHeaders(f"{ex.status} {ex.reason}".strip(), headers, protocol=ex.http_version)
        target_uri = urldefrag(ex.url).url  # as a crawler records it: the server never sees a fragment
        response = writer.create_warc_record(
            target_uri,
            "response",
            payload=io.BytesIO(ex.body),
            length=len(ex.body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": date},
        )
        target = target_uri.split("://", 1)[-1]
        host, _, path = target.partition("/")
        req_headers = StatusAndHeaders(
            f"GET /{path} HTTP/1.1", [("Host", host), *ex.request_headers], protocol="", is_http_request=True
        )
        request = writer.create_warc_record(
            target_uri,
            "request",
            payload=io.BytesIO(b""),
            length=0,
            http_headers=req_headers,
            warc_headers_dict={"WARC-Date": date},
        )
        request.rec_headers.add_header("WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID"))
        writer.write_record(request)
        response_at = (
            buffer.tell()
        )  # each record is its own gzip member (or ends with blank lines): the response starts here
        writer.write_record(response)
        with self._lock() as out:
            end = os.lseek(out.fileno(), 0, os.SEEK_END)  # where this pair goes, whoever wrote last
            if end == 0:  # a new archive opens with its warcinfo record
                head = io.BytesIO()
                info_writer = _sha256_writer()(head, gzip=self._gzip, warc_version="1.1")
                info = {
                    "software": f"whereas/{__version__}",
                    "format": "WARC File Format 1.1",
                    "description": "whereas verify evidence",
                }
                info_writer.write_record(info_writer.create_warcinfo_record(self.path.name, info))
                out.write(head.getvalue())
                end = len(head.getvalue())
            out.write(buffer.getvalue())
            out.flush()
            os.fsync(out.fileno())
        self._index[target_uri] = end + response_at
        self.written += 1

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

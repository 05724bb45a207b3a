"""Which bytes of a WARC file are readable records, and which are damaged.

:func:`survey` reads a WARC file (gzip'd records or plain) from start to end, record by record,
without warcio: warcio takes a gzip member that fails to decompress for a short one and reads on
from the wrong place.  A gzip'd record is readable when its member decompresses whole (its CRC
checks out) into a WARC record as long as its ``Content-Length``; a plain record when its headers
parse and its block ends where ``Content-Length`` says, with a blank line.  Where a record cannot be
read — a byte flipped on disk, a record torn by an interrupted write — the survey does not stop: it
looks for the next place a record starts (a gzip member, ``\\x1f\\x8b\\x08``, or a line
``WARC/1.0`` / ``WARC/1.1``) from which a record can be read, and goes on from there.  The result
lists every readable record and every damaged stretch between them, so that the archive can be
repaired without losing a readable record (see :class:`whereas.verify.archive.Archive`).

:func:`looks_like` names what a file that is no WARC seems to be, for the error that refuses it.
"""

from __future__ import annotations

import mmap
import re
import zlib
from dataclasses import dataclass, field
from typing import IO

GZIP_MEMBER = b"\x1f\x8b\x08"  # a gzip member (deflate) starts so
PLAIN_RECORD = re.compile(rb"WARC/1\.[01]\r\n")  # and a plain WARC record so
_HEADER_MAX = 64 * 1024  # WARC headers longer than this are taken for damage
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Record:
    """One readable record: ``offset`` to ``end`` (its gzip member, or a plain record and the blank lines after it)."""

    offset: int
    end: int
    kind: str
    url: str | None


@dataclass
class Survey:
    """The readable records of a file (in file order) and the damaged stretches ``(start, end)`` between them."""

    size: int
    records: list[Record] = field(default_factory=list)
    damaged: list[tuple[int, int]] = field(default_factory=list)

    @property
    def damaged_bytes(self) -> int:
        return sum(end - start for start, end in self.damaged)

    @property
    def torn_tail_only(self) -> bool:
        """The only damage is at the end: a last record torn by an interrupted write."""
        return len(self.damaged) == 1 and self.damaged[0][1] == self.size

    def responses(self) -> dict[str, int]:
        """URL → offset of its latest response record."""
        return {r.url: r.offset for r in self.records if r.kind == "response" and r.url}


def survey(f: IO[bytes], size: int) -> Survey:
    """Every readable record of the open file ``f`` (``size`` bytes long) and the damaged stretches between them."""
    found = Survey(size)
    damage_start: int | None = None
    pos = 0
    while pos < size:
        record = read_record(f, pos)
        if record is not None:
            if damage_start is not None:
                found.damaged.append((damage_start, pos))
                damage_start = None
            found.records.append(record)
            pos = record.end
            continue
        if damage_start is None:
            damage_start = pos
        pos = _next_candidate(f, pos + 1, size)
    if damage_start is not None:
        found.damaged.append((damage_start, size))
    return found


def read_record(f: IO[bytes], pos: int) -> Record | None:
    """The whole, readable record at ``pos`` of ``f`` (gzip'd or plain), or None."""
    f.seek(pos)
    start = f.read(len(GZIP_MEMBER))
    if start == GZIP_MEMBER:
        return _gzip_record(f, pos)
    if start == b"WAR":
        return _plain_record(f, pos)
    return None


def _gzip_record(f: IO[bytes], pos: int) -> Record | None:
    """The record in the gzip member at ``pos``, if the member decompresses whole into one."""
    f.seek(pos)
    member = zlib.decompressobj(16 + zlib.MAX_WBITS)
    head, total, fed = b"", 0, 0
    while not member.eof:
        data = f.read(_CHUNK)
        if not data:
            return None  # the file ends inside the member: torn
        fed += len(data)
        while data and not member.eof:
            try:
                out = member.decompress(data, _CHUNK)  # bounded: a member may hold a large document
            except zlib.error:
                return None
            data = member.unconsumed_tail
            total += len(out)
            if len(head) < _HEADER_MAX:
                head += out[: _HEADER_MAX - len(head)]
    end = pos + fed - len(member.unused_data)  # unused_data: what was read past the member's end
    headers = _headers(head)
    if headers is None:
        return None
    header_length, kind, url, length = headers
    if total < header_length + length:
        return None
    return Record(pos, end, kind, url)


def _plain_record(f: IO[bytes], pos: int) -> Record | None:
    """The plain record at ``pos``, if its block ends where its Content-Length says, with a blank line."""
    f.seek(pos)
    headers = _headers(f.read(_HEADER_MAX))
    if headers is None:
        return None
    header_length, kind, url, length = headers
    f.seek(pos + header_length + length)
    if f.read(4) != b"\r\n\r\n":
        return None
    end = pos + header_length + length + 4
    while f.read(1) in (b"\r", b"\n"):  # more blank lines before the next record
        end += 1
    return Record(pos, end, kind, url)


def _headers(head: bytes) -> tuple[int, str, str | None, int] | None:
    """From the start of a record: its header length (blank line included), WARC-Type, WARC-Target-URI and Content-Length."""
    if not PLAIN_RECORD.match(head):
        return None
    blank = head.find(b"\r\n\r\n")
    if blank < 0:
        return None
    fields: dict[str, str] = {}
    for line in head[:blank].decode("utf-8", "replace").split("\r\n")[1:]:
        name, colon, value = line.partition(":")
        if not colon:
            return None
        fields[name.strip().lower()] = value.strip()
    try:
        length = int(fields.get("content-length", ""))
    except ValueError:
        return None
    if length < 0 or "warc-type" not in fields:
        return None
    return blank + 4, fields["warc-type"], fields.get("warc-target-uri"), length


def _next_candidate(f: IO[bytes], start: int, size: int) -> int:
    """The first offset at or after ``start`` where a record may start (``size`` when none)."""
    if start >= size:
        return size
    with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as view:
        gz = view.find(GZIP_MEMBER, start)
        plain = PLAIN_RECORD.search(view, start, gz if gz >= 0 else size)
    candidates = [c for c in (gz, plain.start() if plain else -1) if c >= 0]
    return min(candidates) if candidates else size


def starts_like_warc(head: bytes) -> bool:
    """``head`` (a file's first bytes) is the start of a WARC file: a plain record, or a gzip member holding one."""
    if PLAIN_RECORD.match(head):
        return True
    if not head.startswith(GZIP_MEMBER):
        return False
    try:
        start = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
    except zlib.error:
        return False
    return start.startswith(b"WARC/")


#: magic numbers → what a file that starts with them is
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (Word, Excel or PowerPoint 97-2003)"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"BZh", "a bzip2 file"),
    (b"\xfd7zXZ\x00", "an xz file"),
    (b"7z\xbc\xaf", "a 7-Zip file"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"#!", "a script"),
    (GZIP_MEMBER, "a gzip file that holds no WARC record"),
)

#: a ZIP file's first entries → which office file it is
_ZIP_KINDS = (
    (b"word/", "a Word file"),
    (b"xl/", "an Excel file"),
    (b"ppt/", "a PowerPoint file"),
    (b"application/vnd.oasis.opendocument", "an OpenDocument file"),
    (b"META-INF/", "a Java or EPUB archive"),
)


def looks_like(head: bytes) -> str:
    """What a file starting with ``head`` seems to be, in words (\"a Word file\", \"a text file\")."""
    if head.startswith(b"PK\x03\x04"):
        return next((kind for marker, kind in _ZIP_KINDS if marker in head), "a ZIP file")
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    try:
        head[:4096].decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < 4092:  # not just a character cut at the end of the sample
            return "binary data"
    return "a text file"

"""Which bytes of a WARC file are readable records, and which are damaged.

:func:`survey` reads a WARC file (gzip'd records or plain) from start to end.  Where a record
cannot be read — a byte flipped on disk, a record torn by an interrupted write — it does not stop:
it looks for the next place a record starts (a gzip member, ``\\x1f\\x8b\\x08``, or a line
``WARC/1.0`` / ``WARC/1.1``) from which a whole record can be read, and goes on from there.  The
result lists every readable record and every damaged stretch between them, so that the archive
can be repaired without losing a readable record (see :class:`whereas.verify.archive.Archive`).

:func:`looks_like` names what a file that is no WARC seems to be, for the error that refuses it.
"""

from __future__ import annotations

import contextlib
import io
import mmap
import re
import zlib
from dataclasses import dataclass, field
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

GZIP_MEMBER = b"\x1f\x8b\x08"  # a gzip member (deflate) starts so
PLAIN_RECORD = re.compile(rb"WARC/1\.[01]\r\n")  # and a plain WARC record so


@dataclass(frozen=True)
class Record:
    """One readable record: ``offset`` to ``end`` (the blank lines after a plain record included)."""

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


def survey(f: BinaryIO, size: int) -> Survey:
    """Every readable record of the open file ``f`` (``size`` bytes long) and the damaged stretches between them.

    warcio reports odd records on stderr while it reads; a damaged file is expected here, so
    that chatter is silenced.
    """
    found = Survey(size)
    damage_start: int | None = None
    pos = 0
    with contextlib.redirect_stderr(io.StringIO()):
        while pos < size:
            end = _read_records(f, pos, found.records)
            if end > pos:  # read on, up to the end or to the first record it could not read
                if damage_start is not None:
                    found.damaged.append((damage_start, pos))
                    damage_start = None
                pos = end
                continue
            if damage_start is None:
                damage_start = pos
            pos = _next_candidate(f, pos + 1, size)
    if damage_start is not None:
        found.damaged.append((damage_start, size))
    return found


def _read_records(f: BinaryIO, pos: int, records: list[Record]) -> int:
    """Read records from ``pos`` while they read whole; append them to ``records``; the end of the last one."""
    f.seek(pos)
    it = ArchiveIterator(f)
    end = pos
    try:
        for record in it:
            kind = record.rec_type
            url = record.rec_headers.get_header("WARC-Target-URI")
            it.read_to_end(record)
            offset = it.get_record_offset()
            end = max(it.offset, offset + it.get_record_length())  # it.offset: after the blank lines
            records.append(Record(offset, end, kind, url))
    except Exception:  # noqa: BLE001 - any failure to read is damage (warcio, zlib and parsing errors alike)
        pass
    return end


def _next_candidate(f: BinaryIO, start: int, size: int) -> int:
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

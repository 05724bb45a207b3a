"""Reading parts out of a zip package (.docx, .odt) without trusting the zip.

Every part is checked against the zip-bomb limits in :mod:`whereas.readers.base`
*before* it is decompressed (declared size, compression ratio, running total of
everything read so far) and then read with a bounded reader, so a member whose
header lies about its size cannot make whereas decompress more than it declared.
XML parts are parsed with the hardened parser of :mod:`whereas.readers.xmlsafe`.
Every problem becomes an :class:`~whereas.errors.InputError` naming the file.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass

from lxml import etree

from whereas.errors import InputError
from whereas.readers.base import MAX_INPUT_BYTES, MAX_UNZIPPED_BYTES, MAX_ZIP_RATIO
from whereas.readers.xmlsafe import parse_xml

#: Members smaller than this are not held to MAX_ZIP_RATIO: tiny, repetitive XML
#: parts legitimately compress very well, and decompressing them costs nothing.
RATIO_FLOOR_BYTES = 1024 * 1024
_CHUNK = 64 * 1024
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError)


class Package:
    """A zip package whose members are read under the zip-bomb limits."""

    def __init__(self, archive: zipfile.ZipFile, path: str | None) -> None:
        self._zip = archive
        self.path = path
        self._budget = MAX_UNZIPPED_BYTES
        self._members = {info.filename.lower(): info for info in archive.infolist() if not info.is_dir()}

    def has(self, name: str) -> bool:
        return name.lstrip("/").lower() in self._members

    def read(self, name: str) -> bytes | None:
        """The bytes of member ``name`` (case-insensitive, as OPC part names are), or None if absent."""
        info = self._members.get(name.lstrip("/").lower())
        if info is None:
            return None
        self._check(info)
        data = self._bounded_read(info)
        self._budget -= len(data)
        return data

    def xml(self, name: str) -> etree._Element | None:
        """Member ``name`` parsed with the hardened XML parser, or None if absent."""
        data = self.read(name)
        if data is None:
            return None
        if _has_doctype(data):
            raise InputError(
                self.path,
                f"{name} has a DOCTYPE declaration, which no Office part needs; refused (possible entity bomb)",
            )
        try:
            return parse_xml(data, self.path)
        except InputError as e:
            raise InputError(self.path, f"{name}: {e.problem}", e.line) from None

    def relationships(self, part: str) -> list[Relationship]:
        """The relationships of ``part`` (from ``<dir>/_rels/<name>.rels``), targets resolved."""
        folder, base = posixpath.split(part.lstrip("/"))
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        if root is None:
            return []
        rels = []
        for el in root.iter(f"{{{_REL_NS}}}Relationship"):
            rels.append(_relationship(el, folder))
        return rels

    def _check(self, info: zipfile.ZipInfo) -> None:
        name = info.filename
        if info.flag_bits & 0x1:
            raise InputError(self.path, f"{name} is encrypted; whereas cannot read password-protected files")
        if info.file_size > self._budget:
            raise InputError(
                self.path,
                f"{name} would unpack to {info.file_size} bytes, more than whereas reads "
                f"from one document ({MAX_UNZIPPED_BYTES} bytes in all); refused as a possible zip bomb",
            )
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
            raise InputError(
                self.path,
                f"{name} is compressed more than {MAX_ZIP_RATIO}:1 "
                f"({info.compress_size} -> {info.file_size} bytes); refused as a possible zip bomb",
            )

    def _bounded_read(self, info: zipfile.ZipInfo) -> bytes:
        limit = info.file_size
        chunks: list[bytes] = []
        total = 0
        try:
            with self._zip.open(info) as member:
                while chunk := member.read(min(_CHUNK, limit - total + 1)):
                    total += len(chunk)
                    if total > limit:
                        raise InputError(self.path, f"{info.filename} is larger than its zip header says; refused")
                    chunks.append(chunk)
        except _ZIP_ERRORS as e:
            raise InputError(self.path, f"corrupt zip member {info.filename}: {e}") from None
        return b"".join(chunks)


@dataclass(frozen=True, slots=True)
class Relationship:
    """One OPC relationship: its id, type (last URI segment, e.g. ``footnotes``) and target."""

    id: str
    type: str
    target: str  # a part name inside the package, or the URL of an external target
    external: bool


def _relationship(el: etree._Element, folder: str) -> Relationship:
    target = el.get("Target", "")
    external = el.get("TargetMode", "") == "External"
    if not external:
        joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        target = posixpath.normpath(joined)
    rel_type = el.get("Type", "").rsplit("/", 1)[-1]
    return Relationship(el.get("Id", ""), rel_type, target, external)


_ROOT_START = re.compile(rb"<[A-Za-z_]")


def _has_doctype(data: bytes) -> bool:
    """Whether a DOCTYPE comes before the root element (UTF-8 and ASCII-compatible encodings).

    Parts in other encodings fall through to the XML parser, which never expands
    entities and refuses entity declarations itself.
    """
    doctype = data.find(b"<!DOCTYPE")
    if doctype == -1:
        return False
    root = _ROOT_START.search(data)
    return root is None or doctype < root.start()


def open_package(data: bytes, path: str | None, kind: str) -> Package:
    """Open ``data`` as a zip package, or raise :class:`InputError` saying it is no ``kind``."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(path, f"file is larger than {MAX_INPUT_BYTES} bytes; refused")
    if not data:
        raise InputError(path, "empty file")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as e:
        raise InputError(path, f"not a {kind}: not a readable zip package ({e})") from None
    return Package(archive, path)

"""What the server does with a document, through the public verbs of ``whereas.api``: store and check
an upload, verify it, export it, and find its evidence.  No linting or verifying logic lives here.

Every answer uses the document's own name (``draft.docx``), never the path it is kept at.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whereas import api
from whereas.errors import InputError, UsageError
from whereas.web.config import ServeConfig
from whereas.web.db import Document, DocumentRow, new_id

#: the files the server reads (the readers' formats)
ACCEPTED = (".docx", ".doc", ".odt", ".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".xml")

#: ``export?to=…``: what each gives, and its media type
EXPORTS = {
    "akn": ("Akoma Ntoso XML", "application/akn+xml", ".akn.xml"),
    "html": ("HTML", "text/html; charset=utf-8", ".html"),
    "md": ("Markdown", "text/markdown; charset=utf-8", ".md"),
    "docx": ("Word (rendered)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    "pdf": ("PDF", "application/pdf", ".pdf"),
    "reviewed": (
        "Word review copy (comments and tracked changes)",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".reviewed.docx",
    ),
    "formatted": ("formatted copy", "", ""),  # the media type and suffix are the document's own
    "warc": ("WARC evidence", "application/warc", ".warc.gz"),
}


#: uploads read and checked at once; the others wait their turn.  Checking is CPU-bound Python (one
#: core at a time), so more at once would not finish sooner, only hold more documents in memory.
CHECKING = threading.BoundedSemaphore(4)


class Refused(Exception):
    """A request the server cannot satisfy: an HTTP status and one line saying why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def safe_name(filename: str) -> str:
    """A file name without folders or characters a file system or a header would mind."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r"[^\w.\- ]+", "_", name).strip(" .") or "document"
    return name[-120:]


def accepted(filename: str) -> bool:
    return filename.lower().endswith(ACCEPTED)


def _public(message: str, path: Path, name: str) -> str:
    """A reader's message about the stored file, told about the document's own name."""
    return message.replace(str(path), name)


def add_upload(config: ServeConfig, filename: str, data: bytes, profile: str | None) -> DocumentRow:
    """Keep an upload and check it: the row to store.  :class:`Refused` (415, 422, 400) when it cannot be."""
    name = safe_name(filename)
    if not accepted(name):
        raise Refused(415, f"{name}: not a file whereas reads; upload one of {', '.join(ACCEPTED)} (or paste the text)")
    if not data:
        raise Refused(422, f"{name}: the file is empty")
    if profile is not None:
        try:
            from whereas.lint.settings import profile_named

            profile_named(profile)
        except UsageError as exc:
            raise Refused(400, str(exc)) from None
    doc_id = new_id()
    folder = config.uploads / doc_id
    folder.mkdir(parents=True)
    path = folder / name
    path.write_bytes(data)
    try:
        with CHECKING:
            resolutions, findings, used, reason, fmt = _check(path, name, profile)
    except Refused:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return DocumentRow(
        id=doc_id,
        filename=name,
        stored=str(path.relative_to(config.data)),
        format=fmt,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        profile_asked=profile,
        profile=used,
        profile_reason=reason,
        resolutions_json=json.dumps(resolutions, ensure_ascii=False),
        findings_json=json.dumps(findings, ensure_ascii=False),
    )


def _check(path: Path, name: str, profile: str | None) -> tuple[list, list, str, str, str]:
    """``whereas parse`` and ``whereas check --format json`` of the file, told about ``name``."""
    from whereas.readers import read_path
    from whereas.reports.json import render_file
    from whereas.serialize import resolution_to_dict

    try:
        result = api.check_paths([path], api.CheckOptions(profile=profile))
    except UsageError as exc:
        raise Refused(400, str(exc)) from None
    errors = [*result.errors, *(f.error for f in result.files if f.error is not None)]
    if errors:
        raise Refused(422, _public(str(errors[0]), path, name))
    checked = result.files[0]
    try:
        view = read_path(path)
        resolutions = [resolution_to_dict(r) for r in api.parse_view(view)]
    except InputError as exc:
        raise Refused(422, _public(str(exc), path, name)) from None
    rows = json.loads(b"[" + render_file(checked) + b"]")
    for row in rows:
        row["path"] = name
    for r in resolutions:
        r["source"]["path"] = name
    return resolutions, rows, checked.profile, checked.profile_reason, view.format


#: the names pasted texts are kept under (never taken for new versions of one another by name)
PASTED = ("pasted.md", "pasted.txt")


def pasted_name(text: str) -> str:
    from whereas.readers.text import is_markdown

    return PASTED[0] if is_markdown(text, None) else PASTED[1]


# --- verification ---------------------------------------------------------------------------------


def verify(config: ServeConfig, doc: Document, progress: Any = None) -> dict[str, Any]:
    """``whereas verify --format json`` of the document, its evidence kept in its archive."""
    from whereas.reports.verify_json import to_json

    path = config.data / doc.stored
    archive = config.archive_for(doc.id)
    result = api.verify(
        [path],
        archive=archive,
        offline=config.offline,
        allow_hosts=config.allow_hosts,
        use_config=False,
        wayback_url=None if config.offline else "https://archive.org/wayback/available",
        progress=progress,
    )
    out = to_json(result)
    for key in ("quotations", "sources"):
        items = out[key]
        assert isinstance(items, list)  # of the reports' dicts (reports/verify_json.py)
        for item in items:
            if item.get("path"):
                item["path"] = doc.filename
    out["archives"] = [Path(a).name for a in result.archives]
    out["errors"] = [
        _public(str(InputError(doc.filename, e.problem, e.line)), path, doc.filename) for e in result.errors
    ]
    return out


def failure(verification: dict[str, Any]) -> str | None:
    """Why a verification failed, as a sentence (None: it did not): the document could not be read."""
    errors = verification.get("errors") or []
    if not errors:
        return None
    reason = "; ".join(str(e) for e in errors)
    return reason if reason.endswith((".", "!", "?")) else reason + "."


# --- exports --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Export:
    data: bytes
    media_type: str
    filename: str


def export(config: ServeConfig, doc: Document, to: str) -> Export:
    if to not in EXPORTS:
        raise Refused(400, f"export: to must be one of {', '.join(EXPORTS)}, not {to!r}")
    path = config.data / doc.stored
    stem = Path(doc.filename).stem
    _, media, suffix = EXPORTS[to]
    try:
        if to == "reviewed":
            return Export(_reviewed(config, doc, path), media, stem + suffix)
        if to == "formatted":
            return _formatted(doc, path)
        if to == "warc":
            archive = config.archive_for(doc.id)
            if doc.verification is None or not archive.is_file():
                raise Refused(404, f"{doc.filename}: no evidence yet; verify the document first")
            return Export(archive.read_bytes(), media, stem + suffix)
        resolutions = api.parse(path)
        if not resolutions:
            raise Refused(422, f"{doc.filename}: no resolution found (no Whereas or Resolved clause)")
        options: dict[str, object] = {}
        if doc.verification is not None and to == "html":
            options["verification"] = doc.verification
        data = api.render(resolutions, to, **options)
    except InputError as exc:
        raise Refused(422, _public(str(exc), path, doc.filename)) from None
    except UsageError as exc:
        raise Refused(501 if to == "pdf" else 400, str(exc)) from None
    return Export(data.encode("utf-8") if isinstance(data, str) else data, media, stem + suffix)


def _reviewed(config: ServeConfig, doc: Document, path: Path) -> bytes:
    """The Word review copy; once verified, with each quotation's verdict, answered from the evidence
    archive alone (no request leaves the server for an export)."""
    if doc.format != "docx":
        raise Refused(
            415, f"{doc.filename}: review copies are made of Word (.docx) files; export ?to=docx for a Word copy"
        )
    archive = config.archive_for(doc.id)
    verified = doc.verification is not None and archive.is_file()
    with tempfile.TemporaryDirectory(prefix="whereas-review-") as tmp:
        out = Path(tmp) / "reviewed.docx"
        api.review(
            path,
            output=out,
            profile=doc.profile_asked,
            verify=verified,
            archive=archive if verified else None,
            offline=verified,
        )
        return out.read_bytes()


def _formatted(doc: Document, path: Path) -> Export:
    from whereas.format import FormatOptions, format_paths

    with tempfile.TemporaryDirectory(prefix="whereas-format-") as tmp:
        suffix = ".docx" if doc.format in ("docx", "doc") else (".md" if doc.format == "markdown" else ".txt")
        out = Path(tmp) / ("formatted" + suffix)
        (item,) = format_paths([str(path)], FormatOptions(profile=doc.profile_asked, output=str(out)))
        if item.error is not None:
            raise Refused(
                415 if "format rewrites" in item.error.problem else 422, _public(str(item.error), path, doc.filename)
            )
        data = out.read_bytes() if out.is_file() else path.read_bytes()  # unchanged text: the file as it is
    media = EXPORTS["docx"][1] if suffix == ".docx" else "text/plain; charset=utf-8"
    return Export(data, media, Path(doc.filename).stem + ".formatted" + suffix)


# --- evidence -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Captured:
    url: str
    status: int
    content_type: str
    fetched_at: str
    sha256: str
    body: bytes
    archive: str


def captured(config: ServeConfig, doc: Document, url: str) -> Captured | None:
    """The copy of ``url`` in the document's evidence archive, as it was captured (None: not archived)."""
    from whereas.verify.archive import Archive

    path = config.archive_for(doc.id)
    if not path.is_file():
        return None
    archive = Archive(path, writable=False, follow_symlinks=True)
    try:
        ex = archive.get(url)
    finally:
        archive.close()
    if ex is None:
        return None
    content_type = ex.header("Content-Type") or "application/octet-stream"
    return Captured(url, ex.status, content_type, ex.fetched_at, ex.sha256, ex.body, path.name)

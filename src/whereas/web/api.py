"""The REST API under ``/api/v1``, in the shapes the command line prints (docs/serve.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response

from whereas.web.auth import visitor_of
from whereas.web.db import Document, Job, User
from whereas.web.documents import EXPORTS, PASTED, Refused, add_upload, captured, export, pasted_name
from whereas.web.security import SANDBOX_CSP

if TYPE_CHECKING:
    from whereas.web.app import Services  # (app.py imports this module)

router = APIRouter(prefix="/api/v1", tags=["documents"])

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"description": what, "content": {"application/json": {"example": {"error": "…"}}}}
    for code, what in (
        (400, "Bad input"),
        (401, "No signed-in user or API token (once the server has users)"),
        (404, "No such document or job"),
        (413, "Too large"),
        (415, "Not a file type whereas reads"),
        (422, "The document could not be read (the reader's message)"),
    )
}


def services(request: Request) -> Services:
    return request.app.state.services


def document_json(doc: Document, job: Job | None, *, full: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": doc.id,
        "filename": doc.filename,
        "format": doc.format,
        "size": doc.size,
        "sha256": doc.sha256,
        "created": doc.created_at.isoformat(),
        "profile": {"name": doc.profile, "reason": doc.profile_reason} if doc.profile else None,
        "uploaded_by": doc.owner_name,
        "version": doc.version,
        "replaces": doc.replaces,
    }
    if full:
        out["resolutions"] = doc.resolutions
        out["findings"] = doc.findings
        out["verification"] = doc.verification
    else:
        out["findings"] = len(doc.findings)
    out["job"] = job_json(job) if job is not None else None
    return out


def job_json(job: Job) -> dict[str, Any]:
    return {
        "id": job.id,
        "document": job.document_id,
        "status": job.status,
        "progress": {"done": job.done, "total": job.total},
        "error": job.error,
    }


def current_user(request: Request) -> User | None:
    """The signed-in user (or the API token's); None when the server has no users (loopback only)."""
    return visitor_of(request).user


def may_see(user: User | None, doc: Document) -> bool:
    """Drafters see their own documents; committee members and admins, and everyone on a server
    without users, see them all."""
    return user is None or user.sees_all or doc.owner_id == user.id


def visible_document(request: Request, doc_id: str) -> Document:
    """The document, if it exists and the one asking may see it; else 404 (the same for both)."""
    doc = services(request).store.document(doc_id)
    if doc is None or not may_see(current_user(request), doc):
        raise Refused(404, f"no document {doc_id}")
    return doc


def visible_documents(request: Request) -> list[Document]:
    """Newest first, those the one asking may see."""
    user = current_user(request)
    store = services(request).store
    return store.documents(owner_id=None if user is None or user.sees_all else user.id)


def store_upload(
    request: Request, filename: str, data: bytes, profile: str | None, replaces: str | None = None
) -> Document:
    """Keep and check an upload.  It is a new version of ``replaces`` (a document the one asking may see),
    or else of their newest document with the same file name (a pasted text is never taken for one)."""
    s = services(request)
    if len(data) > s.config.max_upload:
        raise Refused(413, f"{filename}: too large: uploads are limited to {s.config.max_upload / 1048576:g} MB")
    previous = visible_document(request, replaces) if replaces else None
    row = add_upload(s.config, filename, data, profile or None)
    user = current_user(request)
    if user is not None:
        row.owner_id, row.owner_name = user.id, user.name
    if previous is None and row.filename not in PASTED:
        previous = s.store.latest_named(row.filename, row.owner_id)
    if previous is not None:
        row.replaces, row.version = previous.id, previous.version + 1
    return s.store.add_document(row)


def start_verification(request: Request, doc: Document) -> Job:
    """The document's verification job: the one queued or running, else a new one."""
    s = services(request)
    job = s.store.latest_job(doc.id)
    if job is None or job.status not in ("queued", "running"):
        job = s.store.add_job(doc.id)
        s.runner.wake()
    return job


@router.post("/documents", status_code=201, responses=ERRORS)
def post_document(
    request: Request,
    file: Annotated[UploadFile | None, File(description="The document (.docx .doc .odt .txt .md .html .pdf)")] = None,
    text: Annotated[str | None, Form(description="Or the resolution's text itself")] = None,
    profile: Annotated[str | None, Form(description="ala, ronr, congress, labor, city (default: inferred)")] = None,
    replaces: Annotated[
        str | None,
        Query(description="The id of the document this is a new version of (default: the newest of the same name)"),
    ] = None,
) -> JSONResponse:
    """Upload a document: it is read, parsed and checked at once (``whereas parse`` and ``whereas check``).
    A file named as one uploaded before, or sent with ``?replaces=ID``, is a new version of it: both are kept."""
    if file is not None and file.filename:
        data = file.file.read(services(request).config.max_upload + 1)
        doc = store_upload(request, file.filename, data, profile, replaces)
    elif text and text.strip():
        doc = store_upload(request, pasted_name(text), text.encode("utf-8"), profile, replaces)
    else:
        raise Refused(400, "send a file (multipart field `file`) or the text (field `text`)")
    return JSONResponse(document_json(doc, None), status_code=201, headers={"Location": f"/api/v1/documents/{doc.id}"})


@router.get("/documents")
def list_documents(request: Request) -> list[dict[str, Any]]:
    """Every document, newest first (findings counted; the full shape at ``/documents/{id}``)."""
    store = services(request).store
    return [document_json(d, store.latest_job(d.id), full=False) for d in visible_documents(request)]


@router.get("/documents/{doc_id}", responses=ERRORS)
def get_document(request: Request, doc_id: str) -> dict[str, Any]:
    """One document: its resolutions, findings and (once verified) ``whereas verify --format json``."""
    doc = visible_document(request, doc_id)
    return document_json(doc, services(request).store.latest_job(doc.id))


@router.post("/documents/{doc_id}/verify", status_code=202, responses=ERRORS)
def post_verify(request: Request, doc_id: str) -> JSONResponse:
    """Start verifying the document's quotations and citations in the background; poll the job."""
    job = start_verification(request, visible_document(request, doc_id))
    return JSONResponse({"job": job.id}, status_code=202, headers={"Location": f"/api/v1/jobs/{job.id}"})


@router.get("/jobs/{job_id}", responses=ERRORS, tags=["jobs"])
def get_job(request: Request, job_id: str) -> dict[str, Any]:
    """A verification job: queued, running, done or failed, and how many sources are fetched of how many."""
    store = services(request).store
    job = store.job(job_id)
    doc = store.document(job.document_id) if job is not None else None
    if job is None or doc is None or not may_see(current_user(request), doc):
        raise Refused(404, f"no job {job_id}")
    return job_json(job)


@router.get("/documents/{doc_id}/export", responses=ERRORS)
def get_export(
    request: Request, doc_id: str, to: Annotated[str, Query(description=", ".join(EXPORTS))] = "html"
) -> Response:
    """The document as Akoma Ntoso, HTML, Markdown, Word, PDF, a Word review copy, a formatted copy, or its
    WARC evidence."""
    doc = visible_document(request, doc_id)
    out = export(services(request).config, doc, to)
    disposition = "inline" if to == "html" else "attachment"
    headers = {"Content-Disposition": f'{disposition}; filename="{out.filename}"'}
    if to == "html":
        headers["Content-Security-Policy"] = SANDBOX_CSP  # a rendering of the document: nothing in it runs
    return Response(out.data, media_type=out.media_type, headers=headers)


@router.get("/documents/{doc_id}/captured", responses=ERRORS, tags=["evidence"])
def get_captured(request: Request, doc_id: str, url: Annotated[str, Query()]) -> Response:
    """A cited source as whereas captured it, from the document's WARC evidence (in a sandbox: nothing runs)."""
    doc = visible_document(request, doc_id)
    copy = captured(services(request).config, doc, url)
    if copy is None:
        raise Refused(404, f"{url}: not in this document's evidence")
    return Response(
        copy.body,
        media_type=copy.content_type,
        headers={
            "Content-Security-Policy": SANDBOX_CSP,
            "X-Whereas-Captured": copy.fetched_at,
            "Content-Disposition": "inline",
        },
    )

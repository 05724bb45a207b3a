"""The pages: upload, the documents, a document's review, a source as captured, a rule.  Server-rendered
(Jinja2, every value escaped); forms carry a CSRF token (a cookie and a field that must agree)."""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from whereas.errors import InputError
from whereas.web.api import (
    current_user,
    may_see,
    services,
    start_verification,
    store_upload,
    visible_document,
    visible_documents,
)
from whereas.web.auth import SESSION_COOKIE, SESSION_SECONDS, check_sign_in, session_cookie, visitor_of
from whereas.web.db import Document
from whereas.web.documents import ACCEPTED, EXPORTS, Refused, captured, pasted_name
from whereas.web.versions import word_diff
from whereas.web.view import STATUS_WORDS, VERDICT_WORDS, captured_link, review_page

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=HERE / "templates")
templates.env.autoescape = True  # every template, whatever its name
templates.env.globals.update(
    verdict_words=VERDICT_WORDS, status_words=STATUS_WORDS, captured_link=captured_link, exports=EXPORTS
)

router = APIRouter(include_in_schema=False)
CSRF_COOKIE = "whereas_csrf"
PROFILES = ("ala", "ronr", "congress", "labor", "city")


def _token(request: Request) -> str:
    token = request.cookies.get(CSRF_COOKIE)
    if not token or len(token) != 43:
        token = request.state.__dict__.setdefault("csrf", secrets.token_urlsafe(32))
    return token


def _page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    token = _token(request)
    response = templates.TemplateResponse(
        request,
        name,
        {"csrf": token, "accepted": ACCEPTED, "visitor": visitor_of(request), **context},
        status_code=status,
    )
    if request.cookies.get(CSRF_COOKIE) != token:
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response


def _check_csrf(request: Request, token: str | None) -> None:
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not token or not secrets.compare_digest(cookie, token):
        raise Refused(403, "the form has expired or did not come from this site: reload the page and send it again")


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return _page(request, "error.html", {"status": status, "message": message}, status)


def _upload_page(request: Request, error: str | None = None, status: int = 200) -> HTMLResponse:
    store = services(request).store
    documents = visible_documents(request)
    jobs = {d.id: store.latest_job(d.id) for d in documents}
    return _page(
        request,
        "index.html",
        {
            "documents": documents,
            "jobs": jobs,
            "profiles": PROFILES,
            "error": error,
            "max_mb": f"{services(request).config.max_upload / 1048576:g}",
        },
        status,
    )


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    return _upload_page(request)


@router.post("/documents")
def upload(
    request: Request,
    csrf: Annotated[str | None, Form()] = None,
    file: Annotated[UploadFile | None, File()] = None,
    text: Annotated[str | None, Form()] = None,
    profile: Annotated[str | None, Form()] = None,
    replaces: Annotated[str | None, Form()] = None,
) -> Response:
    _check_csrf(request, csrf)
    profile = profile if profile in PROFILES else None
    replaces = replaces or None
    try:
        if file is not None and file.filename:
            data = file.file.read(services(request).config.max_upload + 1)
            doc = store_upload(request, file.filename, data, profile, replaces)
        elif text and text.strip():
            doc = store_upload(request, pasted_name(text), text.encode("utf-8"), profile, replaces)
        else:
            return _upload_page(request, "Choose a file or paste the resolution's text.", 400)
    except Refused as exc:
        return _upload_page(request, exc.message, exc.status)
    return RedirectResponse(f"/documents/{doc.id}", status_code=303)


@lru_cache(maxsize=64)
def _text(path: str, sha256: str) -> str:  # the key: a new upload is a new text
    from whereas.readers import read_path

    return read_path(path).text


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str) -> HTMLResponse:
    doc = visible_document(request, doc_id)
    s = services(request)
    stored = str(s.config.data / doc.stored)
    unreadable = None
    try:
        text = _text(stored, doc.sha256)
    except InputError as exc:  # the stored file is gone or damaged: the page says so, with what is known
        text, unreadable = "", str(exc).replace(stored, doc.filename)
    page = review_page(doc, text)
    job = s.store.latest_job(doc.id)
    context = {"doc": doc, "page": page, "job": job, "unreadable": unreadable, **_versions(request, doc, text)}
    return _page(request, "document.html", context)


def _versions(request: Request, doc: Document, text: str) -> dict[str, Any]:
    """The version this one replaces and what changed since, word by word; the newer versions."""
    s = services(request)
    user = current_user(request)
    previous = s.store.document(doc.replaces) if doc.replaces else None
    if previous is not None and not may_see(user, previous):
        previous = None
    changes = None
    if previous is not None:
        try:
            changes = word_diff(_text(str(s.config.data / previous.stored), previous.sha256), text)
        except InputError:
            changes = None
    newer = [d for d in s.store.newer_versions(doc.id) if may_see(user, d)]
    return {"previous": previous, "changes": changes, "newer": newer}


@router.post("/documents/{doc_id}/verify")
def verify(request: Request, doc_id: str, csrf: Annotated[str | None, Form()] = None) -> Response:
    _check_csrf(request, csrf)
    start_verification(request, visible_document(request, doc_id))
    return RedirectResponse(f"/documents/{doc_id}#verification", status_code=303)


@router.get("/documents/{doc_id}/evidence", response_class=HTMLResponse)
def evidence(request: Request, doc_id: str, url: str) -> HTMLResponse:
    doc = visible_document(request, doc_id)
    copy = captured(services(request).config, doc, url)
    if copy is None:
        raise Refused(404, f"{url}: not in this document's evidence")
    sources = [s for s in (doc.verification or {}).get("sources", []) if s.get("url") == url]
    quotations = [q for q in (doc.verification or {}).get("quotations", []) if q.get("url") == url]
    text = _extracted(copy.body, copy.content_type)
    return _page(
        request,
        "evidence.html",
        {"doc": doc, "copy": copy, "source": sources[0] if sources else None, "quotations": quotations, "text": text},
    )


def _extracted(body: bytes, content_type: str) -> str | None:
    """The words whereas compared the quotations with (the source's text as extracted)."""
    try:
        from whereas.verify.extract import extract

        return extract(body, content_type).text
    except Exception:  # the captured copy is still linked
        return None


@router.get("/rules/{code}", response_class=HTMLResponse)
def rule(request: Request, code: str) -> HTMLResponse:
    from markdown_it import MarkdownIt

    from whereas.lint.docs import rule_markdown
    from whereas.lint.registry import lookup

    found = lookup(code)
    if found is None:
        raise Refused(404, f"no rule {code}")
    html = MarkdownIt("commonmark", {"html": False}).render(rule_markdown(found))
    return _page(request, "rule.html", {"code": found.code, "html": html})


# --- signing in -----------------------------------------------------------------------------------


def _next(target: str | None) -> str:
    """Where to go once signed in: a path of this site only (never ``//elsewhere`` or a full URL)."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/"


@router.get("/signin", response_class=HTMLResponse)
def signin_page(request: Request, next: str | None = None) -> Response:
    if not visitor_of(request).users_exist:
        return RedirectResponse("/", status_code=303)  # nobody to sign in as: this computer only
    return _page(request, "signin.html", {"next": _next(next), "error": None})


@router.post("/signin")
def signin(
    request: Request,
    csrf: Annotated[str | None, Form()] = None,
    name: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str | None, Form()] = None,
) -> Response:
    _check_csrf(request, csrf)
    user = check_sign_in(services(request).store, name.strip(), password)
    if user is None:
        error = "That name and password do not match a user of this server."
        return _page(request, "signin.html", {"next": _next(next), "error": error, "name": name}, 401)
    response = RedirectResponse(_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session_cookie(services(request).secret, user),
        max_age=SESSION_SECONDS,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
    return response


@router.post("/signout")
def signout(request: Request, csrf: Annotated[str | None, Form()] = None) -> Response:
    _check_csrf(request, csrf)
    response = RedirectResponse("/signin", status_code=303)
    response.delete_cookie(SESSION_COOKIE, httponly=True, samesite="lax")
    return response

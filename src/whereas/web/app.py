"""The application factory: the database brought up to date, the job runner, the guards, the routes."""

from __future__ import annotations

import hashlib
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from whereas import __version__
from whereas.web.auth import RequireUser, session_secret
from whereas.web.config import ServeConfig
from whereas.web.db import Store, database_url, make_engine, migrate
from whereas.web.documents import Refused
from whereas.web.jobs import JobRunner
from whereas.web.security import FORM_OVERHEAD, Guard, TooLarge

HERE = Path(__file__).resolve().parent

#: the settings every uploaded document is checked with (created, commented, on first start)
DATA_CONFIG = """\
# whereas serve checks every uploaded document with these settings (see docs/configuration.md),
# e.g. profile = "ala", or ignore = ["T005"].
"""


class Services:
    """What the routes share: the configuration, the store, the job runner."""

    def __init__(self, config: ServeConfig, store: Store, runner: JobRunner, secret: bytes) -> None:
        self.config = config
        self.store = store
        self.runner = runner
        #: the key session cookies are signed with
        self.secret = secret


def prepare(config: ServeConfig) -> Store:
    """The data folder laid out and the database migrated; the store over it."""
    config.uploads.mkdir(parents=True, exist_ok=True)
    config.evidence.mkdir(parents=True, exist_ok=True)
    settings = config.data / "whereas.toml"
    if not settings.exists():
        settings.write_text(DATA_CONFIG, encoding="utf-8")
    engine = make_engine(database_url(config.database, config.data))
    migrate(engine)
    return Store(engine)


def create_app(config: ServeConfig, *, loopback_only: bool | None = None) -> FastAPI:
    """The application.  ``loopback_only`` (default: when the database has no user yet) answers this
    computer only; once there are users, every request but the sign-in page needs one (``auth.py``)."""
    store = prepare(config)
    if loopback_only is None:
        loopback_only = not store.has_users()
    runner = JobRunner(store, config)
    secret = session_secret(config.data)
    services = Services(config, store, runner, secret)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if config.run_jobs:
            resumed = runner.start()
            if resumed:
                import logging

                logging.getLogger("whereas.serve").warning("resuming %d interrupted verification job(s)", resumed)
        try:
            yield
        finally:
            runner.stop()

    app = FastAPI(
        title="whereas",
        version=__version__,
        description="Lint, verify and publish resolutions: the review desk's REST API (docs/serve.md).",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.services = services
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    from whereas.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    _docs(app)
    _errors(app)
    app.add_middleware(RequireUser, store=store, secret=secret)
    app.add_middleware(Guard, loopback_only=loopback_only, max_body=config.max_upload + FORM_OVERHEAD)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", "")


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=status)
    from whereas.web.pages import error_page

    return error_page(request, status, message)


def _errors(app: FastAPI) -> None:
    @app.exception_handler(Refused)
    async def refused(request: Request, exc: Refused) -> Response:
        return _error(request, exc.status, exc.message)

    @app.exception_handler(TooLarge)
    async def too_large(request: Request, exc: TooLarge) -> Response:
        return _error(request, 413, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        return _error(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def bad_input(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for e in exc.errors():
            where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("body", "query", "path"))
            problems.append(f"{where}: {e.get('msg', 'invalid')}" if where else str(e.get("msg", "invalid")))
        return _error(request, 400, "; ".join(problems) or "bad request")


def _docs(app: FastAPI) -> None:
    """``/docs``: Swagger UI, its one inline script allowed by its hash (no 'unsafe-inline')."""
    from fastapi.openapi.docs import get_swagger_ui_html

    cdn = "https://cdn.jsdelivr.net"

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        page = get_swagger_ui_html(openapi_url="/openapi.json", title="whereas API")
        html = bytes(page.body).decode("utf-8")
        hashes = " ".join(
            "'sha256-" + _b64(hashlib.sha256(s.encode()).digest()) + "'"
            for s in re.findall(r"<script>(.*?)</script>", html, re.S)
        )
        csp = (
            f"default-src 'self'; script-src 'self' {cdn} {hashes}; style-src 'self' {cdn}; "
            f"img-src 'self' data: https://fastapi.tiangolo.com; object-src 'none'; base-uri 'none'; "
            "frame-ancestors 'none'"
        )
        return HTMLResponse(html, headers={"Content-Security-Policy": csp})


def _b64(data: bytes) -> str:
    import base64

    return base64.b64encode(data).decode()

"""Who is asking: users' passwords (argon2id), API tokens (kept as SHA-256 only), sessions in signed
cookies, and the middleware that, once the server has users, lets nobody else past (docs/serve.md).

Without any user nothing here is asked for: the server answers this computer only (``security.Guard``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

from whereas.web.db import Store, User

ROLES = ("drafter", "committee", "admin")
SESSION_COOKIE = "whereas_session"
#: a session lasts this long after signing in (then the user signs in again)
SESSION_SECONDS = 14 * 24 * 3600
#: the environment variable that may hold the key sessions are signed with (else a file in the data folder)
SECRET_ENV = "WHEREAS_SESSION_SECRET"
SECRET_FILE = "session-secret"
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
MIN_PASSWORD = 8
#: paths answered to anyone: the sign-in page and the static files
OPEN_PATHS = ("/signin",)
OPEN_PREFIXES = ("/static/",)


# --- passwords and tokens ---------------------------------------------------------------------------


def hash_password(password: str) -> str:
    from argon2 import PasswordHasher

    return PasswordHasher().hash(password)


def password_matches(password_hash: str, password: str) -> bool:
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return PasswordHasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


#: what an unknown name's password is checked against, so that a wrong name takes as long as a wrong password
_NOBODY: list[str] = []


def check_sign_in(store: Store, name: str, password: str) -> User | None:
    """The user with this name and password, or None (a wrong name costs the same time as a wrong password)."""
    user = store.user_named(name)
    if user is None:
        if not _NOBODY:
            _NOBODY.append(hash_password(secrets.token_urlsafe(16)))
        password_matches(_NOBODY[0], password)
        return None
    return user if password_matches(user.password_hash, password) else None


def new_token() -> str:
    return "wh_" + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """A token has 256 random bits: a plain SHA-256 of it is safe to keep and quick to look up."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def check_name(name: str) -> str | None:
    """Why ``name`` cannot be a user's name (None: it can)."""
    if not NAME.fullmatch(name):
        return f"{name!r} is not a user name: use 1 to 64 letters, digits and . _ @ - (starting with a letter or digit)"
    return None


def check_password(password: str) -> str | None:
    if len(password) < MIN_PASSWORD:
        return f"the password is too short: use at least {MIN_PASSWORD} characters"
    return None


# --- sessions ---------------------------------------------------------------------------------------


def session_secret(data: Path) -> bytes:
    """The key sessions are signed with: ``$WHEREAS_SESSION_SECRET``, else the data folder's
    ``session-secret`` (made on first start, readable by its owner only)."""
    given = os.environ.get(SECRET_ENV)
    if given:
        return given.encode("utf-8")
    path = data / SECRET_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        kept = path.read_bytes().strip()
        if kept:
            return kept
        fd = os.open(path, os.O_WRONLY | os.O_TRUNC)  # left empty by a start that was stopped: made anew
    with os.fdopen(fd, "wb") as out:
        out.write(secrets.token_urlsafe(48).encode("ascii"))
    return path.read_bytes().strip()


def _sign(secret: bytes, payload: str) -> str:
    digest = hmac.new(secret, payload.encode("utf-8"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def session_cookie(secret: bytes, user: User, now: float | None = None) -> str:
    """``USER_ID.EXPIRES.SIGNATURE``: the user's id and when the session ends, signed with the server's key."""
    payload = f"{user.id}.{int((now or time.time()) + SESSION_SECONDS)}"
    return f"{payload}.{_sign(secret, payload)}"


def session_user_id(secret: bytes, cookie: str | None, now: float | None = None) -> str | None:
    """The user id a session cookie names, if the cookie is signed with this key and not expired."""
    if not cookie or cookie.count(".") != 2:
        return None
    user_id, expires, signature = cookie.split(".")
    if not hmac.compare_digest(signature, _sign(secret, f"{user_id}.{expires}")):
        return None
    if not expires.isdigit() or int(expires) < (now or time.time()):
        return None
    return user_id


# --- the middleware -----------------------------------------------------------------------------------


class Visitor:
    """What the middleware found out, for the routes (``request.state.visitor``)."""

    def __init__(self, users_exist: bool, user: User | None) -> None:
        self.users_exist = users_exist
        self.user = user


def visitor_of(request: Any) -> Visitor:
    found = getattr(request.state, "visitor", None)
    return found if isinstance(found, Visitor) else Visitor(False, None)


def _cookie(headers: dict[str, str], name: str) -> str | None:
    from http.cookies import CookieError, SimpleCookie

    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except CookieError:
        return None
    morsel = jar.get(name)
    return morsel.value if morsel is not None else None


class RequireUser:
    """Once the server has a user, every request but the open paths needs a signed-in user or a token:
    the API answers 401 (JSON), a page sends the browser to the sign-in page."""

    def __init__(self, app: Any, *, store: Store, secret: bytes) -> None:
        self.app = app
        self.store = store
        self.secret = secret

    def _who(self, bearer: str | None, cookie: str | None) -> tuple[Visitor, str | None]:
        """(who is asking, why they are refused); run in a worker thread (it reads the database)."""
        if not self.store.has_users():
            return Visitor(False, None), None
        if bearer is not None:
            user = self.store.user_with_token(token_hash(bearer))
            return Visitor(
                True, user
            ), None if user else "the API token is not valid (make a new one: whereas users token NAME)"
        user_id = session_user_id(self.secret, cookie)
        user = self.store.user(user_id) if user_id else None
        return Visitor(True, user), None if user else "sign in first (an API client sends Authorization: Bearer TOKEN)"

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        from starlette.concurrency import run_in_threadpool

        path: str = scope.get("path", "")
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        authorization = headers.get("authorization", "")
        bearer = authorization[7:].strip() if authorization[:7].lower() == "bearer " else None
        visitor, refused = await run_in_threadpool(self._who, bearer, _cookie(headers, SESSION_COOKIE))
        scope.setdefault("state", {})["visitor"] = visitor
        if refused is None or path in OPEN_PATHS or path.startswith(OPEN_PREFIXES):
            await self.app(scope, receive, send)
            return
        wants_page = not path.startswith("/api/") and "text/html" in headers.get("accept", "") and bearer is None
        if wants_page:
            where = "/signin"
            if scope["method"] in ("GET", "HEAD"):  # back to the page asked for, once signed in
                query = scope.get("query_string", b"").decode("latin-1")
                where += "?next=" + quote(path + ("?" + query if query else ""), safe="")
            await _answer(send, 303, b"", [(b"location", where.encode())])
            return
        import json

        body = json.dumps({"error": refused}).encode()
        await _answer(
            send, 401, body, [(b"content-type", b"application/json"), (b"www-authenticate", b'Bearer realm="whereas"')]
        )


async def _answer(send: Any, status: int, body: bytes, headers: list[tuple[bytes, bytes]]) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [*headers, (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})

"""The server's guards, as ASGI middleware: who may ask (loopback only without users), which Host
names are answered (no DNS rebinding), how big a request may be, and the headers every answer carries
(a Content-Security-Policy without inline script; no framing; no sniffing)."""

from __future__ import annotations

import ipaddress
import json
from typing import Any

#: every page: scripts and styles from the server itself only, never inline
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
#: a captured source served as it was: in a sandbox (an opaque origin, no script), loading nothing
SANDBOX_CSP = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'"

#: bytes a multipart request may hold beyond the file itself (its headers and the form's other fields)
FORM_OVERHEAD = 256 * 1024


class TooLarge(Exception):
    pass


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _host_name(header: str) -> str:
    """``127.0.0.1:8000`` → ``127.0.0.1``; ``[::1]:8000`` → ``::1``."""
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def loopback_name(host: str) -> bool:
    name = _host_name(host).lower().rstrip(".")
    return name == "localhost" or name.endswith(".localhost") or is_loopback(name)


class Guard:
    """Refuses what the server must not answer, before the application sees it; adds the headers."""

    def __init__(self, app: Any, *, loopback_only: bool, max_body: int) -> None:
        self.app = app
        self.loopback_only = loopback_only
        self.max_body = max_body

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        client = scope.get("client")
        if self.loopback_only:
            if not is_loopback(client[0] if client else None):
                await _refuse(send, 403, "this server has no users yet and answers only this computer (loopback)")
                return
            if not loopback_name(headers.get("host", "")):
                await _refuse(send, 403, "this server answers only to localhost or a loopback address")
                return
        origin = headers.get("origin")
        if scope["method"] not in ("GET", "HEAD", "OPTIONS") and origin and origin != "null":
            same = origin.split("://", 1)[-1].rstrip("/") == headers.get("host", "")
            if not same:
                await _refuse(send, 403, "requests from other sites' pages are refused")
                return
        length = headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            await _refuse(send, 413, f"too large: uploads are limited to {_mb(self.max_body - FORM_OVERHEAD)}")
            return
        seen = 0
        too_large = f"too large: uploads are limited to {_mb(self.max_body - FORM_OVERHEAD)}"
        exceeded = False  # then whatever the application answers (it may call it a bad form) becomes 413
        replaced = False

        async def limited() -> dict:
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    exceeded = True
                    raise TooLarge(too_large)
            return message

        async def with_headers(message: dict) -> None:
            nonlocal replaced
            if exceeded:
                if not replaced:
                    replaced = True
                    await _refuse(send, 413, too_large)
                return
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                if b"content-security-policy" not in present:
                    extra.append((b"content-security-policy", CSP.encode()))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, limited, with_headers)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB"


async def _refuse(send: Any, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"content-security-policy", CSP.encode()),
                (b"x-content-type-options", b"nosniff"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})

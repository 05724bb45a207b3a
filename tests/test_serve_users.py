"""``whereas serve`` shared by a committee: ``whereas users``, signing in (argon2 passwords, sessions in
signed cookies, CSRF on the sign-in form), API tokens, and who sees what (a drafter their own
documents, committee members all), over real HTTP (uvicorn on 127.0.0.1) and a real database (SQLite,
and PostgreSQL where it is installed)."""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("fastapi", reason="the serve extra is not installed")
pytest.importorskip("argon2", reason="the serve extra is not installed")

from conftest import run_cli  # noqa: E402
from serve_helpers import running  # noqa: E402
from test_serve import database, postgres_server  # noqa: E402,F401 - the fixtures
from whereas.web import ServeConfig  # noqa: E402
from whereas.web.app import prepare  # noqa: E402
from whereas.web.auth import SESSION_COOKIE, hash_password, session_user_id  # noqa: E402

TEXT = "Resolution on Library Hours\n\nWhereas the library closes early;\n\nResolved, that the library opens late.\n"
PASSWORD = "correct horse battery"


def _users(config: ServeConfig, *people: tuple[str, str]) -> None:
    store = prepare(config)
    for name, role in people:
        store.add_user(name, role, hash_password(PASSWORD))
    store.engine.dispose()


def _sign_in(client: httpx.Client, name: str, password: str = PASSWORD) -> httpx.Response:
    page = client.get("/signin")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    return client.post("/signin", data={"csrf": token, "name": name, "password": password, "next": "/"})


def _token(client: httpx.Client) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', client.get("/").text).group(1)


def test_drafters_see_their_own_documents_committee_sees_all(tmp_path: Path, database: str | None) -> None:  # noqa: F811
    config = ServeConfig(data=tmp_path / "data", database=database)
    _users(config, ("ann", "drafter"), ("bob", "drafter"), ("cat", "committee"))
    with running(config) as base:
        ann, bob, cat = (httpx.Client(base_url=base) for _ in range(3))
        for client, name in ((ann, "ann"), (bob, "bob"), (cat, "cat")):
            assert _sign_in(client, name).status_code == 303
        mine = ann.post("/api/v1/documents", data={"text": TEXT})
        assert mine.status_code == 201 and mine.json()["uploaded_by"] == "ann"
        doc = mine.json()["id"]
        job = ann.post(f"/api/v1/documents/{doc}/verify").json()["job"]

        # bob, another drafter: the document is not there for him, whichever way he asks
        for path in (
            f"/api/v1/documents/{doc}",
            f"/api/v1/documents/{doc}/export?to=md",
            f"/api/v1/jobs/{job}",
            f"/documents/{doc}",
        ):
            answer = bob.get(path)
            assert answer.status_code == 404, (path, answer.status_code)
        assert bob.post(f"/api/v1/documents/{doc}/verify").status_code == 404
        assert bob.post("/api/v1/documents", params={"replaces": doc}, data={"text": TEXT}).status_code == 404
        assert bob.get("/api/v1/documents").json() == []
        assert doc not in bob.get("/").text
        # the same file name from two drafters: each their own document, not versions of one another
        theirs = [c.post("/api/v1/documents", files={"file": ("hours.txt", TEXT.encode())}).json() for c in (ann, bob)]
        assert [d["version"] for d in theirs] == [1, 1]
        assert [d["id"] for d in bob.get("/api/v1/documents").json()] == [theirs[1]["id"]]

        # cat, of the committee, sees it and who sent it
        assert cat.get(f"/api/v1/documents/{doc}").status_code == 200
        assert doc in [d["id"] for d in cat.get("/api/v1/documents").json()]
        listing = cat.get("/").text
        assert doc in listing and "ann" in listing
        assert cat.get(f"/api/v1/jobs/{job}").status_code == 200
        assert "Signed in as <strong>cat</strong> (committee)" in listing
        for client in (ann, bob, cat):
            client.close()


def test_without_a_user_or_token_nothing_is_answered(tmp_path: Path) -> None:
    config = ServeConfig(data=tmp_path / "data")
    _users(config, ("ann", "admin"))
    with running(config) as base, httpx.Client(base_url=base) as client:
        for path in ("/api/v1/documents", "/api/v1/jobs/x", "/openapi.json", "/docs"):
            answer = client.get(path)
            assert answer.status_code == 401, path
            assert "sign in" in answer.json()["error"]
        assert client.post("/api/v1/documents", data={"text": TEXT}).status_code == 401
        page = client.get("/documents/abc?x=1", headers={"Accept": "text/html"})
        assert page.status_code == 303 and page.headers["location"] == "/signin?next=%2Fdocuments%2Fabc%3Fx%3D1"
        # the sign-in page and the static files are open
        assert client.get("/signin").status_code == 200
        assert client.get("/static/style.css").status_code == 200
        wrong = client.get("/api/v1/documents", headers={"Authorization": "Bearer wh_not-a-token"})
        assert wrong.status_code == 401 and "token" in wrong.json()["error"]


def test_wrong_password_is_refused_and_sign_out_ends_the_session(tmp_path: Path) -> None:
    config = ServeConfig(data=tmp_path / "data")
    _users(config, ("ann", "drafter"))
    with running(config) as base, httpx.Client(base_url=base) as client:
        for name, password in (("ann", "wrong password"), ("nobody", PASSWORD), ("ann", "")):
            refused = _sign_in(client, name, password)
            assert refused.status_code == 401 and "do not match" in refused.text
            assert SESSION_COOKIE not in client.cookies
        assert client.get("/api/v1/documents").status_code == 401
        signed_in = _sign_in(client, "ann")
        assert signed_in.status_code == 303 and signed_in.headers["location"] == "/"
        cookie = signed_in.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=lax" in cookie
        assert client.get("/api/v1/documents").status_code == 200
        assert client.post("/signout", data={"csrf": _token(client)}).status_code == 303
        assert client.get("/api/v1/documents").status_code == 401


def test_sign_in_form_needs_its_csrf_token(tmp_path: Path) -> None:
    config = ServeConfig(data=tmp_path / "data")
    _users(config, ("ann", "drafter"))
    with running(config) as base, httpx.Client(base_url=base) as client:
        token = re.search(r'name="csrf" value="([^"]+)"', client.get("/signin").text).group(1)
        for sent in ({}, {"csrf": token[::-1]}):
            answer = client.post("/signin", data={"name": "ann", "password": PASSWORD, **sent})
            assert answer.status_code == 403 and SESSION_COOKIE not in client.cookies
        # a form from another site's page is refused before the password is even looked at
        other = client.post(
            "/signin",
            data={"csrf": token, "name": "ann", "password": PASSWORD},
            headers={"Origin": "https://evil.example"},
        )
        assert other.status_code == 403 and SESSION_COOKIE not in client.cookies
        # an open redirect is not: only a path of this site is followed after signing in
        away = client.post(
            "/signin", data={"csrf": token, "name": "ann", "password": PASSWORD, "next": "//evil.example/x"}
        )
        assert away.status_code == 303 and away.headers["location"] == "/"


def test_the_session_cookie_is_signed(tmp_path: Path) -> None:
    config = ServeConfig(data=tmp_path / "data")
    _users(config, ("ann", "drafter"), ("cat", "committee"))
    store = prepare(config)
    ann, cat = store.user_named("ann"), store.user_named("cat")
    with running(config) as base, httpx.Client(base_url=base) as client:
        _sign_in(client, "ann")
        good = client.cookies[SESSION_COOKIE]
        user_id, expires, signature = good.split(".")
        assert user_id == ann.id
        for forged in (
            f"{cat.id}.{expires}.{signature}",  # another user's id under ann's signature
            f"{user_id}.{int(expires) + 10**6}.{signature}",  # a longer session
            f"{user_id}.{expires}.{signature[:-2]}AA",
            f"{cat.id}.{expires}",
        ):
            with httpx.Client(base_url=base, cookies={SESSION_COOKIE: forged}) as other:
                assert other.get("/api/v1/documents").status_code == 401, forged
        with httpx.Client(base_url=base, cookies={SESSION_COOKIE: good}) as same:
            assert same.get("/api/v1/documents").status_code == 200
    # the key: made on first start, readable by its owner only, the same on the next start
    secret = config.data / "session-secret"
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert session_user_id(secret.read_bytes().strip(), good) == ann.id
    assert session_user_id(b"another key", good) is None
    assert session_user_id(secret.read_bytes().strip(), f"{user_id}.1.{signature}") is None  # expired
    store.engine.dispose()


def test_the_secret_may_come_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from whereas.web.auth import session_secret

    monkeypatch.setenv("WHEREAS_SESSION_SECRET", "a key from the environment")
    assert session_secret(tmp_path) == b"a key from the environment"
    assert not (tmp_path / "session-secret").exists()
    monkeypatch.delenv("WHEREAS_SESSION_SECRET")
    (tmp_path / "session-secret").write_bytes(b"")  # an empty key would sign with nothing: made anew
    made = session_secret(tmp_path)
    assert len(made) >= 48 and session_secret(tmp_path) == made


def _whereas(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args, input: str = ""):
    """``whereas ARGS`` in this process, through the command line's own ``main``: (exit code, out, err)."""
    import io

    from whereas.cli import main

    monkeypatch.setattr(sys, "argv", ["whereas", *map(str, args)])
    monkeypatch.setattr(sys, "stdin", io.StringIO(input))
    capsys.readouterr()
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def test_users_command_and_api_tokens(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    env = {"PYTHONPATH": os.pathsep.join(sys.path)}  # the serve extra, wherever this interpreter finds it

    # once as a user runs it, in a process of its own
    added = run_cli("users", "add", "ann", "--role", "drafter", "--password-stdin", "--data", data, env=env,
                    input=PASSWORD + "\n", timeout=120)  # fmt: skip
    assert added.returncode == 0 and "sign in" in added.stderr, added.stderr

    def users(*args: str, input: str = ""):
        return _whereas(capsys, monkeypatch, "users", *args, "--data", data, input=input)

    assert users("add", "cat", "--role", "committee", "--password-stdin", input=PASSWORD + "\n")[0] == 0
    for args, input, words in (
        (("add", "ann", "--role", "drafter", "--password-stdin"), PASSWORD, "already"),
        (("add", "dan", "--role", "king", "--password-stdin"), PASSWORD, "--role"),
        (("add", "dan", "--role", "drafter", "--password-stdin"), "short", "too short"),
        (("add", "no spaces", "--role", "drafter", "--password-stdin"), PASSWORD, "not a user name"),
        (("remove", "nobody"), "", "no user nobody"),
        (("token", "nobody"), "", "no user nobody"),
    ):
        code, _, err = users(*args, input=input)
        assert code == 2 and words in err and "Traceback" not in err, (args, err)
    listed = users("list")[1]
    assert re.search(r"^ann\s+drafter\s+no token", listed, re.M), listed
    code, out, err = users("token", "ann")
    assert code == 0, err
    token = out.strip()
    assert token.startswith("wh_") and "not shown again" in err
    assert re.search(r"^ann\s+drafter\s+token", users("list")[1], re.M)
    store = prepare(ServeConfig(data=data))
    user = store.user_named("ann")
    stored = store.engine.connect().exec_driver_sql("SELECT password_hash, token_hash FROM users WHERE name='ann'")
    password_hash, token_hash = stored.one()
    assert password_hash.startswith("$argon2id$") and PASSWORD not in password_hash
    assert token not in token_hash and len(token_hash) == 64  # only the token's hash is kept
    store.engine.dispose()

    with running(ServeConfig(data=data)) as base, httpx.Client(base_url=base) as client:
        auth = {"Authorization": f"Bearer {token}"}
        made_doc = client.post("/api/v1/documents", data={"text": TEXT}, headers=auth)
        assert made_doc.status_code == 201 and made_doc.json()["uploaded_by"] == "ann"
        assert client.get("/api/v1/documents", headers=auth).json()[0]["id"] == made_doc.json()["id"]
        assert client.get("/api/v1/documents").status_code == 401
        again = users("token", "ann")[1].strip()  # a new token: the old one stops working
        assert client.get("/api/v1/documents", headers=auth).status_code == 401
        assert client.get("/api/v1/documents", headers={"Authorization": f"Bearer {again}"}).status_code == 200
        assert users("remove", "ann")[0] == 0  # removed: the token stops working at once
        assert client.get("/api/v1/documents", headers={"Authorization": f"Bearer {again}"}).status_code == 401
    assert user is not None


def test_without_users_only_loopback_with_users_any_signed_in_client(tmp_path: Path) -> None:
    """nginx on this computer forwards a visitor from elsewhere (X-Forwarded-For, X-Forwarded-Proto):
    without users that visitor is refused, though the connection comes from loopback; with users, the
    forwarded https makes the session cookie Secure.  (Only headers name other addresses: every
    connection is to 127.0.0.1.)"""
    config = ServeConfig(data=tmp_path / "data")
    forwarded = {"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https"}
    with running(config) as base, httpx.Client(base_url=base) as client:
        assert client.get("/api/v1/documents").status_code == 200
        refused = client.get("/api/v1/documents", headers=forwarded)
        assert refused.status_code == 403 and "loopback" in refused.json()["error"]
    _users(config, ("ann", "drafter"))
    with running(config) as base, httpx.Client(base_url=base, headers=forwarded) as client:
        answer = client.get("/api/v1/documents")
        assert answer.status_code == 401, answer.text
        page = client.get("/signin")
        assert "Secure" in page.headers["set-cookie"]  # the CSRF cookie: not sent back over plain http
        token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
        signed_in = client.post(
            "/signin",
            data={"csrf": token, "name": "ann", "password": PASSWORD},
            headers={"Cookie": f"whereas_csrf={token}"},  # as the browser sends it back over https
        )
        assert signed_in.status_code == 303 and "Secure" in signed_in.headers["set-cookie"]
        session = signed_in.headers["set-cookie"].split(";", 1)[0]
        assert client.get("/api/v1/documents", headers={"Cookie": session}).status_code == 200  # from elsewhere

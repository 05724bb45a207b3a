"""``whereas serve``: the REST API and the pages over real HTTP (uvicorn on 127.0.0.1), the database on
SQLite and on a real PostgreSQL (a throwaway cluster; skipped cleanly where PostgreSQL is absent), the
background jobs resumed after a restart, and the guards (loopback only, Host names, other sites' forms,
CSRF, sizes, types, escaping, blocked addresses)."""

from __future__ import annotations

import io
import json
import os
import re
import time
import zipfile
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("fastapi", reason="the serve extra is not installed")
pytest.importorskip("sqlalchemy", reason="the serve extra is not installed")

from conftest import SEED_DOCX, run_cli  # noqa: E402
from serve_helpers import PostgresCluster, fresh_database, running  # noqa: E402
from verify_server import Server  # noqa: E402
from whereas.web import ServeConfig  # noqa: E402

PEN = (
    "https://pen-international.org/news/uk-usa-pen-centres-condemn-decision-to-allow-the-extradition-of-julian-assange"
)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(scope="session")
def postgres_server():
    url = os.environ.get("WHEREAS_TEST_POSTGRES_URL")
    if url:
        yield url
        return
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    try:
        cluster = PostgresCluster()
    except (RuntimeError, OSError) as exc:
        pytest.skip(f"no PostgreSQL to test against: {exc}")
    try:
        yield cluster.url
    finally:
        cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request) -> str | None:
    """None (SQLite in the data folder), or the URL of a new database on a real PostgreSQL."""
    if request.param == "sqlite":
        return None
    return fresh_database(request.getfixturevalue("postgres_server"))


def _seed(tmp_path: Path) -> Path:
    if not SEED_DOCX.is_file():
        pytest.skip("the shared seed is absent")
    return SEED_DOCX


def _archive(tmp_path: Path) -> Path:
    from test_review import _seed_archive

    archive = tmp_path / "evidence.warc.gz"
    _seed_archive(archive)
    return archive


def _wait(client: httpx.Client, job: str, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        state = client.get(f"/api/v1/jobs/{job}").json()
        seen.append(state["status"])
        assert state["status"] in ("queued", "running", "done", "failed")
        assert set(state["progress"]) == {"done", "total"}
        if state["status"] in ("done", "failed"):
            return state
        time.sleep(0.1)
    raise AssertionError(f"the job did not finish: {seen[-5:]}")


def _comments(docx: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        xml = z.read("word/comments.xml").decode("utf-8")
    return re.findall(r"<w:comment\b", xml)


# --- the acceptance flow ------------------------------------------------------------------------------


def test_seed_upload_verify_offline_and_review_copy(tmp_path: Path, database: str | None) -> None:
    seed = _seed(tmp_path)
    archive = _archive(tmp_path)
    before = archive.read_bytes()
    config = ServeConfig(data=tmp_path / "data", database=database, archive=archive, offline=True)
    with running(config) as base, httpx.Client(base_url=base, timeout=60) as client:
        answer = client.post("/api/v1/documents", files={"file": (seed.name, seed.read_bytes(), DOCX)})
        assert answer.status_code == 201, answer.text
        doc = answer.json()
        assert set(doc) >= {"id", "filename", "profile", "resolutions", "findings"}
        assert doc["filename"] == seed.name and doc["profile"]["name"] == "ala"
        codes = {f["code"] for f in doc["findings"]}
        assert {"W006", "C002"} <= codes, codes
        assert all(f["path"] == seed.name for f in doc["findings"])  # never the path it is kept at
        assert len(doc["resolutions"]) == 1 and len(doc["resolutions"][0]["preamble"]) == 7
        assert client.get(f"/api/v1/documents/{doc['id']}").json()["verification"] is None

        started = client.post(f"/api/v1/documents/{doc['id']}/verify")
        assert started.status_code == 202
        state = _wait(client, started.json()["job"])
        assert state["status"] == "done", state
        assert state["progress"]["done"] == state["progress"]["total"] == 5

        shown = client.get(f"/api/v1/documents/{doc['id']}").json()
        quotations = shown["verification"]["quotations"]
        pen = next(q for q in quotations if q["url"] == PEN)
        assert pen["verdict"] == "misquoted"
        assert any(d["quoted"] == "profound" and d["source"] == "serious" for d in pen["differences"]), pen
        assert next(q for q in quotations if q["note"] == "i")["verdict"] == "not_found"  # as Word numbers it
        assert shown["verification"]["archives"] == [archive.name]

        reviewed = client.get(f"/api/v1/documents/{doc['id']}/export", params={"to": "reviewed"})
        assert reviewed.status_code == 200 and reviewed.headers["content-type"] == DOCX
        assert len(_comments(reviewed.content)) >= len(doc["findings"]) + len(quotations)
        assert b"serious" in zipfile.ZipFile(io.BytesIO(reviewed.content)).read("word/comments.xml")

        # the review page: the summary in plain words, the verdict at its clause, the archived copy linked
        page = client.get(f"/documents/{doc['id']}", headers={"Accept": "text/html"}).text
        assert "1 quotation does not match its source" in page
        assert "1 quotation was not found in its source" in page
        assert "<del>profound</del>" in page and "<ins>serious</ins>" in page
        assert 'captured on <time datetime="2024-05-01' in page
        # a note's call-out reads as the note it points to, numbered as Word shows it, never as the text view's "[^v]"
        assert "[^" not in page and "endnoteRef" not in page
        assert '<sup class="callout"><a href="#note-v">note v</a></sup>' in page and 'id="note-v"' in page
        link = re.search(r'href="(/documents/[^"]+/evidence\?url=[^"]+)"', page).group(1)
        evidence = client.get(link.replace("&amp;", "&"))
        assert evidence.status_code == 200 and "2024-05-01T10:00:00" in evidence.text
        raw = re.search(r'href="(/api/v1/documents/[^"]+/captured\?url=[^"]+)"', evidence.text).group(1)
        copy = client.get(raw.replace("&amp;", "&"))
        assert copy.status_code == 200 and copy.headers["content-security-policy"].startswith("sandbox")
    assert archive.read_bytes() == before  # offline: answered from the archive, nothing added


def test_exports(tmp_path: Path) -> None:
    seed = _seed(tmp_path)
    with running(ServeConfig(data=tmp_path / "data", offline=True)) as base, httpx.Client(base_url=base) as client:
        doc = client.post("/api/v1/documents", files={"file": (seed.name, seed.read_bytes())}).json()
        url = f"/api/v1/documents/{doc['id']}/export"
        akn = client.get(url, params={"to": "akn"})
        assert akn.status_code == 200 and b"<akomaNtoso" in akn.content
        md = client.get(url, params={"to": "md"})
        assert md.status_code == 200 and "Whereas" in md.text
        html = client.get(url, params={"to": "html"})
        assert html.headers["content-security-policy"].startswith("sandbox")  # nothing in a rendering runs
        word = client.get(url, params={"to": "docx"})
        assert zipfile.ZipFile(io.BytesIO(word.content)).testzip() is None
        formatted = client.get(url, params={"to": "formatted"})
        assert formatted.status_code == 200 and "formatted" in formatted.headers["content-disposition"]
        # not verified: the review copy has the findings only, and there is no evidence yet
        assert len(_comments(client.get(url, params={"to": "reviewed"}).content)) == len(doc["findings"]) + 1
        assert client.get(url, params={"to": "warc"}).status_code == 404
        bad = client.get(url, params={"to": "exe"})
        assert bad.status_code == 400 and "akn" in bad.json()["error"]


# --- bad input ------------------------------------------------------------------------------------------


def test_too_large_unknown_type_and_unreadable(tmp_path: Path) -> None:
    with running(ServeConfig(data=tmp_path / "data")) as base, httpx.Client(base_url=base, timeout=60) as client:
        big = client.post("/api/v1/documents", files={"file": ("big.txt", b"Whereas " * (25 * 1024 * 1024 // 8))})
        assert big.status_code == 413 and "20 MB" in big.json()["error"]
        exe = client.post("/api/v1/documents", files={"file": ("setup.exe", b"MZ\x90\x00")})
        assert exe.status_code == 415 and "setup.exe" in exe.json()["error"]
        corrupt = client.post("/api/v1/documents", files={"file": ("draft.docx", b"PK\x03\x04 not a zip at all")})
        assert corrupt.status_code == 422
        assert corrupt.json() == {"error": _reader_message(tmp_path, "draft.docx", b"PK\x03\x04 not a zip at all")}
        assert client.post("/api/v1/documents").status_code == 400
        bad_profile = client.post("/api/v1/documents", data={"text": "Resolved, that x.", "profile": "nope"})
        assert bad_profile.status_code == 400 and "nope" in bad_profile.json()["error"]
        assert client.get("/api/v1/documents/nope").status_code == 404
        assert client.get("/api/v1/jobs/nope").json() == {"error": "no job nope"}
        assert client.get("/api/v1/documents").json() == []  # nothing refused was kept
        assert not any((tmp_path / "data" / "uploads").iterdir())


def test_chunked_upload_over_the_limit_is_refused(tmp_path: Path) -> None:
    config = ServeConfig(data=tmp_path / "data", max_upload=100_000)
    with running(config) as base, httpx.Client(base_url=base) as client:

        def body():  # no Content-Length: the limit is counted as the bytes arrive
            yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'
            for _ in range(100):
                yield b"x" * 10_000
            yield b"\r\n--b--\r\n"

        answer = client.post(
            "/api/v1/documents", content=body(), headers={"Content-Type": "multipart/form-data; boundary=b"}
        )
        assert answer.status_code == 413, answer.text


def _reader_message(tmp_path: Path, name: str, data: bytes) -> str:
    """What the reader says about the file, named as the user named it."""
    from whereas.errors import InputError
    from whereas.readers import read_path

    folder = tmp_path / "direct"
    folder.mkdir()
    (folder / name).write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_path(folder / name)
    return str(caught.value).replace(str(folder / name), name)


# --- the guards -----------------------------------------------------------------------------------------


def test_pages_escape_the_document_and_forbid_inline_script(tmp_path: Path) -> None:
    text = (
        "Resolution on Library Hours\n\n"
        "Whereas the <script>alert(1)</script> <img src=x onerror=alert(2)> library funds [javascript:alert(3)](javascript:alert(3));\n\n"
        "Resolved, that the library <b>stays</b> open.\n"
    )
    with running(ServeConfig(data=tmp_path / "data")) as base, httpx.Client(base_url=base) as client:
        doc = client.post("/api/v1/documents", data={"text": text}).json()
        for path in ("/", f"/documents/{doc['id']}", "/rules/W006"):
            page = client.get(path, headers={"Accept": "text/html"})
            assert page.status_code == 200
            csp = page.headers["content-security-policy"]
            assert "script-src 'self'" in csp and "unsafe-inline" not in csp
            assert page.headers["x-frame-options"] == "DENY"
            assert re.search(r"<script(?![^>]*\bsrc=)", page.text) is None  # no inline script at all
            assert "<script>alert" not in page.text and "<img src=x" not in page.text
            assert 'href="javascript:' not in page.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get(f"/documents/{doc['id']}").text


def test_only_loopback_clients_and_names_without_users(tmp_path: Path) -> None:
    with running(ServeConfig(data=tmp_path / "data")) as base, httpx.Client(base_url=base) as client:
        assert client.get("/api/v1/documents").status_code == 200
        assert client.get("/api/v1/documents", headers={"Host": "localhost"}).status_code == 200
        rebound = client.get("/api/v1/documents", headers={"Host": "attacker.example"})  # DNS rebinding
        assert rebound.status_code == 403 and "loopback" in rebound.json()["error"]
        other_site = client.post(
            "/api/v1/documents", data={"text": "Resolved, that x."}, headers={"Origin": "https://evil.example"}
        )
        assert other_site.status_code == 403
    from whereas.web.security import is_loopback, loopback_name

    assert is_loopback("127.0.0.1") and is_loopback("::1") and not is_loopback("192.168.1.2")
    assert not is_loopback("testclient") and not is_loopback(None)
    assert loopback_name("127.0.0.1:8000") and loopback_name("[::1]:8000") and loopback_name("localhost")
    assert not loopback_name("127.0.0.1.nip.io") and not loopback_name("example.org:8000")


def test_forms_need_their_csrf_token(tmp_path: Path) -> None:
    with running(ServeConfig(data=tmp_path / "data")) as base, httpx.Client(base_url=base) as client:
        refused = client.post("/documents", data={"text": "Resolved, that x."}, headers={"Accept": "text/html"})
        assert refused.status_code == 403 and "reload the page" in refused.text
        page = client.get("/")
        token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
        assert client.cookies.get("whereas_csrf") == token
        wrong = client.post("/documents", data={"text": "Resolved, that x.", "csrf": token[::-1]})
        assert wrong.status_code == 403
        sent = client.post("/documents", data={"text": "Resolved, that the library opens.", "csrf": token})
        assert sent.status_code == 303 and sent.headers["location"].startswith("/documents/")
        listed = client.get("/").text
        assert "pasted.txt" in listed


def test_blocked_addresses_are_never_fetched(tmp_path: Path) -> None:
    """A note URL on a loopback server that is not allowed: unavailable, "blocked", and no request reaches
    it; the same server allowed with --allow-host is fetched."""
    source = Server()
    try:
        url = source.page("/report", "The Library Report", "Libraries stay open on Sundays for everyone.")
        text = (
            "Resolution on Sunday hours\n\n"
            'Whereas the report says that "libraries stay open on Sundays"[^1];\n\n'
            "Resolved, that the library opens on Sundays.\n\n"
            f'[^1]: "The Library Report," {url}.\n'
        )
        with running(ServeConfig(data=tmp_path / "data")) as base, httpx.Client(base_url=base) as client:
            doc = client.post("/api/v1/documents", data={"text": text}).json()
            job = client.post(f"/api/v1/documents/{doc['id']}/verify").json()["job"]
            assert _wait(client, job)["status"] == "done"
            v = client.get(f"/api/v1/documents/{doc['id']}").json()["verification"]
            assert v["sources"][0]["status"] == "blocked", v["sources"]
            assert v["quotations"][0]["verdict"] == "unavailable"
            assert "blocked" in (v["quotations"][0]["reason"] or v["sources"][0]["error"] or "")
        assert source.hits["/report"] == 0
        allowed = ServeConfig(data=tmp_path / "data2", allow_hosts=(source.allowed,))
        with running(allowed) as base, httpx.Client(base_url=base) as client:
            doc = client.post("/api/v1/documents", data={"text": text}).json()
            job = client.post(f"/api/v1/documents/{doc['id']}/verify").json()["job"]
            assert _wait(client, job)["status"] == "done"
            v = client.get(f"/api/v1/documents/{doc['id']}").json()["verification"]
            assert v["quotations"][0]["verdict"] == "exact", v["quotations"]
        assert source.hits["/report"] == 1
    finally:
        source.close()


# --- jobs survive a restart -------------------------------------------------------------------------------


def test_a_job_interrupted_by_a_stop_is_resumed_on_start(tmp_path: Path, database: str | None) -> None:
    from whereas.web.app import prepare

    seed = _seed(tmp_path)
    archive = _archive(tmp_path)
    config = ServeConfig(data=tmp_path / "data", database=database, archive=archive, offline=True, run_jobs=False)
    with running(config) as base, httpx.Client(base_url=base) as client:
        doc = client.post("/api/v1/documents", files={"file": (seed.name, seed.read_bytes())}).json()
        job = client.post(f"/api/v1/documents/{doc['id']}/verify").json()["job"]
        assert client.get(f"/api/v1/jobs/{job}").json()["status"] == "queued"
        # a second request while it waits is the same job, not a second one
        assert client.post(f"/api/v1/documents/{doc['id']}/verify").json()["job"] == job
    store = prepare(config)
    claimed = store.claim_next()  # a server takes it ... and stops before finishing it
    assert claimed is not None and claimed.id == job and store.job(job).status == "running"
    store.engine.dispose()
    resumed = ServeConfig(data=config.data, database=database, archive=archive, offline=True)
    with running(resumed) as base, httpx.Client(base_url=base) as client:
        assert _wait(client, job)["status"] == "done"
        v = client.get(f"/api/v1/documents/{doc['id']}").json()["verification"]
        assert {q["verdict"] for q in v["quotations"]} >= {"misquoted", "not_found"}


def test_migrations_bring_an_empty_database_to_the_models(tmp_path: Path, database: str | None) -> None:
    from sqlalchemy import inspect

    from whereas.web.app import prepare
    from whereas.web.db import Base

    store = prepare(ServeConfig(data=tmp_path / "data", database=database))
    prepare(ServeConfig(data=tmp_path / "data", database=database))  # again: nothing to do, no error
    found = inspect(store.engine)
    for table in Base.metadata.sorted_tables:
        assert {c["name"] for c in found.get_columns(table.name)} == {c.name for c in table.columns}
    store.engine.dispose()


def test_openapi_documents_the_routes(tmp_path: Path) -> None:
    with running(ServeConfig(data=tmp_path / "data")) as base, httpx.Client(base_url=base) as client:
        spec = client.get("/openapi.json").json()
        paths = spec["paths"]
        for path in (
            "/api/v1/documents", "/api/v1/documents/{doc_id}", "/api/v1/documents/{doc_id}/verify",
            "/api/v1/jobs/{job_id}", "/api/v1/documents/{doc_id}/export",
        ):  # fmt: skip
            assert path in paths, sorted(paths)
        assert "413" in paths["/api/v1/documents"]["post"]["responses"]
        assert not any(p.startswith("/documents") for p in paths)  # the pages are not API
        docs = client.get("/docs")
        assert docs.status_code == 200 and "/openapi.json" in docs.text
        assert "unsafe-inline" not in docs.headers["content-security-policy"]


def test_serve_command_refuses_bad_options(tmp_path: Path) -> None:
    import sys

    env = {"PYTHONPATH": os.pathsep.join(sys.path)}  # the serve extra, wherever this interpreter finds it
    for args, words in (
        (["--allow-host", "not a host!"], "--allow-host"),
        (["--database", "mysql://x"], "--database"),
        (["--max-upload-mb", "0"], "--max-upload-mb"),
    ):
        proc = run_cli("serve", "--data", tmp_path / "d", *args, env=env, timeout=60)
        assert proc.returncode == 2 and words in proc.stderr and "Traceback" not in proc.stderr, proc.stderr


def test_documents_are_listed_newest_first(tmp_path: Path) -> None:
    with running(ServeConfig(data=tmp_path / "data")) as base, httpx.Client(base_url=base) as client:
        ids = [
            client.post("/api/v1/documents", data={"text": f"Resolved, that item {n} passes."}).json()["id"]
            for n in range(3)
        ]
        listed = client.get("/api/v1/documents").json()
        assert [d["id"] for d in listed] == ids[::-1]
        assert json.loads(json.dumps(listed))[0]["findings"] >= 0
        page = client.get("/").text
        assert page.index(ids[2]) < page.index(ids[1]) < page.index(ids[0])


def test_a_failed_check_says_why_in_a_sentence(tmp_path: Path) -> None:
    """A document that can no longer be read when its sources are checked: the job fails, and its reason
    is the reader's sentence about the document's own name (not a dict, not the path it is kept at), on
    the job and on the page."""
    config = ServeConfig(data=tmp_path / "data")
    with running(config) as base, httpx.Client(base_url=base) as client:
        doc = client.post("/api/v1/documents", data={"text": "Whereas x;\n\nResolved, that y.\n"}).json()
        (config.data / "uploads" / doc["id"] / "pasted.txt").write_bytes(b"\x00\x01\x02\xff" * 64)
        job = client.post(f"/api/v1/documents/{doc['id']}/verify").json()["job"]
        state = _wait(client, job)
        assert state["status"] == "failed", state
        reason = state["error"]
        assert reason.startswith("pasted.txt: ") and reason.endswith("."), reason
        assert "{" not in reason and "'problem'" not in reason and str(tmp_path) not in reason
        page = client.get(f"/documents/{doc['id']}").text
        assert f"The check failed: {reason}".replace("'", "&#39;") in page
        assert client.get(f"/api/v1/documents/{doc['id']}").json()["verification"] is None

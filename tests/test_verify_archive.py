"""The WARC evidence archive: records and digests, offline replay, reuse, refresh, resume."""

from __future__ import annotations

import base64
import hashlib
import io
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

import whereas
from verify_server import Server
from whereas.errors import InputError


@pytest.fixture()
def server():
    s = Server()
    yield s
    s.close()


def own_resolution(server: Server, tmp_path: Path, n: int = 4) -> Path:
    parts = []
    for i in range(1, n + 1):
        url = server.page(
            f"/doc{i}", f"Document {i}", f"Paragraph {i} says the council will review item number {i} soon."
        )
        parts.append(
            f'Whereas document {i} says "the council will review item number {i}"[endnoteRef:{i}]; [{i}:  Council. "Document {i}". {url}]\n\n'
        )
    server.route("/go", status=302, headers={"Location": "/doc1"})
    parts.append(
        f'Whereas "paragraph 1 says"[endnoteRef:{n + 1}]; now, therefore, be it [{n + 1}:  Council. "Document 1". {server.url("/go")}]\n\n'
    )
    path = tmp_path / "own.txt"
    path.write_text("".join(parts) + "RESOLVED, that we act.\n", encoding="utf-8")
    return path


def records(path: Path) -> list:
    with open(path, "rb") as f:
        out = []
        for r in ArchiveIterator(f):
            out.append(
                (
                    r.rec_type,
                    r.rec_headers.get_header("WARC-Target-URI"),
                    dict(r.rec_headers.headers),
                    r.content_stream().read(),
                )
            )
        return out


def test_warc_records_and_digests(server: Server, tmp_path: Path) -> None:
    doc = own_resolution(server, tmp_path, 2)
    archive = tmp_path / "ev.warc.gz"
    result = whereas.verify(doc, archive=archive, wayback_url=None, allow_hosts=[server.allowed])
    recs = records(archive)
    assert recs[0][0] == "warcinfo"
    responses = {url: (headers, body) for kind, url, headers, body in recs if kind == "response"}
    requests = [url for kind, url, _, _ in recs if kind == "request"]
    assert set(responses) == set(requests) == {server.url("/doc1"), server.url("/doc2"), server.url("/go")}
    for s in result.sources:
        headers, body = responses[s.final_url]
        assert hashlib.sha256(body).hexdigest() == s.sha256
        assert headers["WARC-Payload-Digest"] == "sha256:" + base64.b32encode(hashlib.sha256(body).digest()).decode()
        assert headers["WARC-Block-Digest"].startswith("sha256:")
    assert responses[server.url("/go")][1] == b""  # the redirect hop is archived too


def test_offline_matches_online_and_never_touches_the_network(server: Server, tmp_path: Path) -> None:
    doc = own_resolution(server, tmp_path)
    archive = tmp_path / "ev.warc.gz"
    online = whereas.verify(doc, archive=archive, wayback_url=None, allow_hosts=[server.allowed])
    hits = sum(server.hits.values())
    offline = whereas.verify(doc, archive=archive, offline=True)
    assert sum(server.hits.values()) == hits and offline.network_requests == 0
    assert [(q.verdict, q.start, q.end, q.evidence.sha256) for q in offline.quotations] == [
        (q.verdict, q.start, q.end, q.evidence.sha256) for q in online.quotations
    ]
    assert [q.verdict for q in online.quotations] == ["exact"] * 4 + ["exact"]
    assert offline.sources[-1].status == "redirected" and offline.sources[-1].final_url == server.url("/doc1")
    # a URL not in the archive, offline: unavailable, "not in archive"
    (tmp_path / "none.warc.gz").write_bytes(b"")
    empty = whereas.verify(doc, archive=tmp_path / "none.warc.gz", offline=True)
    assert {q.verdict for q in empty.quotations} == {"unavailable"}
    assert "not in archive" in empty.quotations[0].reason and empty.exit_code == 2
    assert empty.nothing_verified and (tmp_path / "none.warc.gz").read_bytes() == b""
    # an archive named that does not exist, offline: an error naming it (a typo is not an empty archive)
    with pytest.raises(InputError, match="missing.warc.gz: no such evidence archive"):
        whereas.verify(doc, archive=tmp_path / "missing.warc.gz", offline=True)
    assert sum(server.hits.values()) == hits


def test_online_run_reuses_the_archive_unless_refresh(server: Server, tmp_path: Path) -> None:
    doc = own_resolution(server, tmp_path, 2)
    whereas.verify(
        doc, wayback_url=None, allow_hosts=[server.allowed]
    )  # default archive: .whereas/evidence.warc.gz beside the file
    assert (tmp_path / ".whereas" / "evidence.warc.gz").is_file()
    hits = sum(server.hits.values())
    again = whereas.verify(doc, wayback_url=None, allow_hosts=[server.allowed])
    assert sum(server.hits.values()) == hits and again.network_requests == 0
    assert all(s.from_archive for s in again.sources)
    whereas.verify(doc, wayback_url=None, refresh=True, allow_hosts=[server.allowed])
    assert sum(server.hits.values()) == 2 * hits


def test_errors_are_asked_again_online(server: Server, tmp_path: Path) -> None:
    url = server.route("/busy", status=503)
    path = tmp_path / "r.txt"
    path.write_text(
        f'Whereas "words here"[endnoteRef:1]; [1:  X. "T". {url}]\n\nRESOLVED, that we act.\n', encoding="utf-8"
    )
    first = whereas.verify(path, wayback_url=None, timeout=1, allow_hosts=[server.allowed])
    assert first.sources[0].status == "unreachable"
    server.page("/busy", "T", "The words here are fine.")
    second = whereas.verify(path, wayback_url=None, allow_hosts=[server.allowed])
    assert second.sources[0].status == "ok" and second.quotations[0].verdict == "exact"


def test_interrupted_run_resumes(server: Server, tmp_path: Path) -> None:
    doc = own_resolution(server, tmp_path, 6)
    archive = tmp_path / "ev.warc.gz"
    whereas.verify(doc, archive=archive, wayback_url=None, allow_hosts=[server.allowed])
    full = archive.read_bytes()
    # keep the warcinfo and the first two exchanges, then a torn half record (killed mid-write)
    with open(archive, "rb") as f:
        it = ArchiveIterator(f)
        ends, kept = [], []
        for r in it:
            uri = r.rec_headers.get_header("WARC-Target-URI")
            it.read_to_end(r)
            ends.append(it.get_record_offset() + it.get_record_length())
            if r.rec_type == "response":
                kept.append(uri)
    cut = ends[4]  # warcinfo, request, response, request, response
    archive.write_bytes(full[:cut] + full[cut : cut + (ends[5] - cut) // 2])
    kept = kept[:2]
    server.hits.clear()
    result = whereas.verify(doc, archive=archive, wayback_url=None, allow_hosts=[server.allowed])
    fetched = {p for p, n in server.hits.items() if n}
    assert all(server.url(p) not in kept for p in fetched)  # the archived ones were not fetched again
    assert len(fetched) == 7 - 2  # 6 documents and the redirect, minus the two archived
    assert all(n == 1 for n in server.hits.values())
    assert [q.verdict for q in result.quotations] == ["exact"] * 7
    recs = records(archive)  # readable from end to end: the torn record was cut off
    assert sum(1 for kind, *_ in recs if kind == "response") == 7


# --- several processes writing one archive ---------------------------------------------------------

WRITERS, EXCHANGES = 4, 25


def _write_many(path: str, who: int) -> None:
    from whereas.verify.archive import Archive, Exchange

    for i in range(EXCHANGES):
        # a fresh Archive now and then: opening looks for a torn tail while others are writing
        with Archive(path) as archive:
            for j in range(3):
                body = (f"writer {who} page {i}.{j} " * (50 + 400 * (j == 2))).encode()  # some over the buffer size
                archive.put(
                    Exchange(
                        f"https://w{who}.example/{i}/{j}",
                        200,
                        "OK",
                        (("Content-Type", "text/plain"),),
                        body,
                        "2026-11-28T00:00:00.000000+00:00",
                    )
                )
            assert archive.get(f"https://w{who}.example/{i}/2").body.startswith(f"writer {who} page {i}.2".encode())


def test_processes_writing_one_archive_never_interleave_or_lose_records(tmp_path: Path) -> None:
    import multiprocessing

    from whereas.verify.archive import Archive

    path = tmp_path / "shared.warc.gz"
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    procs = [context.Process(target=_write_many, args=(str(path), who)) for who in range(WRITERS)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    got = records(path)
    assert got[0][0] == "warcinfo" and sum(1 for r in got if r[0] == "warcinfo") == 1
    pairs = got[1:]
    assert len(pairs) == 2 * WRITERS * EXCHANGES * 3
    for request, response in zip(pairs[::2], pairs[1::2], strict=False):  # each request right before its response
        assert request[0] == "request" and response[0] == "response" and request[1] == response[1]
        assert request[2]["WARC-Concurrent-To"] == response[2]["WARC-Record-ID"]
        who, i, j = request[1].removeprefix("https://w").replace(".example", "").split("/")
        assert response[3].startswith(f"writer {who} page {i}.{j} ".encode())
    reopened = Archive(path, writable=False)
    assert len(reopened.urls) == WRITERS * EXCHANGES * 3
    assert reopened.get("https://w3.example/24/2").body.startswith(b"writer 3 page 24.2 ")


def test_a_cited_fragment_url_finds_the_capture_recorded_without_it(server: Server, tmp_path: Path) -> None:
    """A crawler records a page without its #fragment (the server never sees one): a note that cites
    "…/doc1#section-2" is verified from that capture, offline; whereas records what it fetches the same way."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    url = "http://127.0.0.1:9/report"  # never fetched: the capture below is all there is
    crawled = tmp_path / "crawler.warc.gz"
    with open(crawled, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        body = b"<html><head><title>Report</title></head><body><p>The council will review the budget soon.</p></body></html>"
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    doc = tmp_path / "cites.txt"
    doc.write_text(
        'Resolution on the Budget\n\nWhereas the report says "the council will review the budget"[endnoteRef:1]; '
        f'now, therefore, be it [1:  Council. "Report". {url}#section-2]\n\nRESOLVED, that we act.\n',
        encoding="utf-8",
    )
    result = whereas.verify(doc, archive=crawled, offline=True)
    assert [q.verdict for q in result.quotations] == ["exact"]

    own = own_resolution(server, tmp_path, 1)
    own.write_text(own.read_text(encoding="utf-8").replace(server.url("/doc1"), server.url("/doc1") + "#part"), "utf-8")
    archive = tmp_path / "ev.warc.gz"
    whereas.verify(own, archive=archive, wayback_url=None, allow_hosts=[server.allowed])
    assert server.url("/doc1") in {url for kind, url, _, _ in records(archive) if kind == "response"}
    again = whereas.verify(own, archive=archive, offline=True)
    assert again.quotations[0].verdict == "exact"

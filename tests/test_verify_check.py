"""whereas verify end to end, against pages served on 127.0.0.1: the seed's structure, verdicts,
titles, found_in, Wayback suggestions, the CLI's formats and exit codes."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

import whereas
from conftest import FIXTURES, SEED
from verify_server import Server, html_page
from whereas.verify.titles import titles_match

_spec = importlib.util.spec_from_file_location("pdf_builder", FIXTURES / "pdf_builder.py")
pdf_builder = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(pdf_builder)  # type: ignore[union-attr]


@pytest.fixture()
def server():
    s = Server()
    yield s
    s.close()


def run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    from whereas.cli import main

    old = sys.argv
    sys.argv = ["whereas", *args]
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    finally:
        sys.argv = old
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------------------------------------
# The seed's structure, its URLs pointed at the loopback server


ACLU = (
    "The prosecution of Julian Assange poses a grave threat to press freedom. "
    "Bringing criminal charges against a publisher for the publication of truthful information establishes "
    "a dangerous precedent. It can be used to target all news organizations that hold the government "
    "accountable by publishing its secrets."
)
AMNESTY = (
    "Publishing information that is in the public interest is a cornerstone of media freedom and the public’s "
    "right to information about government wrongdoing. It is protected under international human rights law "
    "and should not be criminalized."
)
PEN = (
    "His prosecution raises profound concerns about freedom of the press under the First Amendment of the US "
    "Constitution and sends a dangerous signal to journalists and publishers worldwide."
)
ALA_LINES = [
    "Code of Ethics of the American Library Association",
    "",
    "The American Library Association opposes any use of governmental prerogative that leads to",
    "intimidation of individuals that prevents them from exercising their rights to hold opinions",
    "without interference, and to seek, receive, and impart information and ideas.",
]


def seed_copy(server: Server, tmp_path: Path) -> Path:
    if not SEED.is_file():
        pytest.skip("../shared/seed is absent")
    text = SEED.read_text(encoding="utf-8")
    text = re.sub(r"https?://[^/\s\]]+", server.url(""), text)
    urls = {n.id: n.url for n in whereas.parse(text)[0].notes}
    path = lambda note: urls[note].split(str(server.port), 1)[1]  # noqa: E731
    server.route(path("1"), body=pdf_builder.build_pdf([ALA_LINES]), content_type="application/pdf")
    server.page(
        path("2"), "ACLU Comment on Julian Assange Extradition Ruling", ACLU, suffix=" | American Civil Liberties Union"
    )
    server.page(
        path("3"),
        "US/UK: ‘Travesty of justice’ as extradition appeal fails to recognise that it would be unsafe for Julian Assange to be sent to the US",
        AMNESTY,
        suffix=" - Amnesty International",
    )
    # the page's own title, as PEN's site prints it; the seed cites it spelled out
    server.page(path("4"), "UK/USA: PEN Centres condemn decision to allow the extradition of Julian Assange", PEN)
    server.page(
        path("5"),
        "RSF condemns the UK High Court’s decision allowing for Julian Assange’s extradition to the US, and calls for his immediate release",
        "The Espionage Act lacks a public interest defense.",
        suffix=" | RSF",
    )
    doc = tmp_path / "assange.txt"
    doc.write_text(text, encoding="utf-8")
    return doc


def test_seed_structure(server: Server, tmp_path: Path) -> None:
    doc = seed_copy(server, tmp_path)
    result = whereas.verify(doc, wayback_url=None, allow_hosts=[server.allowed])
    verdicts = [(q.note, q.text[:12], q.verdict) for q in result.quotations]
    assert verdicts == [
        ("1", "[t]he Americ", "faithful"),
        ("2", "[t]he prosec", "faithful"),
        ("2", "[b]ringing c", "misquoted"),  # two sentences stitched, "that" inserted
        ("3", "[p]ublishing", "faithful"),
        ("3", "protected un", "exact"),
        ("4", "[Assange's] ", "faithful"),
    ]
    stitched = result.quotations[2]
    assert stitched.differences and any("that" in d.quoted or "It" in d.source for d in stitched.differences)
    assert stitched.passage and stitched.passage.startswith("Bringing criminal charges")
    sources = {s.note: s for s in result.sources}
    assert sources["1"].title == "Code of Ethics of the American Library Association"
    assert sources["1"].title_matches is False
    assert sources["1"].content_type == "application/pdf"
    assert all(sources[n].title_matches is True for n in "2345")
    assert all(s.status == "ok" for s in result.sources)
    assert result.exit_code == 1  # the misquotation
    assert (tmp_path / ".whereas" / "evidence.warc.gz").is_file()  # the default archive


def test_seed_offline_equals_online(server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = seed_copy(server, tmp_path)
    archive = tmp_path / "evidence.warc.gz"
    code, out, _ = run_main(
        [
            "verify",
            str(doc),
            "--format",
            "json",
            "--archive",
            str(archive),
            "--no-wayback",
            "--allow-host",
            server.allowed,
        ],
        capsys,
    )
    online = json.loads(out)
    hits = sum(server.hits.values())
    server.close()  # nothing to answer now
    code2, out2, _ = run_main(["verify", str(doc), "--format", "json", "--archive", str(archive), "--offline"], capsys)
    offline = json.loads(out2)
    assert code == code2 == 1 and hits == 5
    strip = lambda qs: [(q["text"], q["verdict"], q["start"], q["end"], q["evidence"]["sha256"]) for q in qs]  # noqa: E731
    assert strip(offline["quotations"]) == strip(online["quotations"])
    assert [(s["status"], s["sha256"], s["title_matches"]) for s in offline["sources"]] == [
        (s["status"], s["sha256"], s["title_matches"]) for s in online["sources"]
    ]


# ---------------------------------------------------------------------------------------------
# A resolution of our own


def resolution(tmp_path: Path, notes: dict[str, str], body: str) -> Path:
    """``body`` holds ``{N}`` where note N's marker and text go."""
    text = body
    for n, (title, url) in notes.items():
        text = text.replace("{" + n + "}", f'[endnoteRef:{n}]; [{n}:  Someone. "{title}". {url}]')
    path = tmp_path / "res.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_verdicts_found_in_wayback_and_formats(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = server.page("/a", "First page", "The committee shall meet every Tuesday at noon in the library.")
    b = server.page("/b", "Second page", "Budgets must be approved by the full council before the end of March.")
    dead = server.url("/dead")
    server.route("/dead", status=410)
    wayback = server.route(
        "/wayback/available",
        body=json.dumps(
            {
                "archived_snapshots": {
                    "closest": {"available": True, "status": "200", "url": "http://web.archive.org/web/2019/x"}
                }
            }
        ).encode(),
        content_type="application/json",
    )
    doc = resolution(
        tmp_path,
        {"1": ("First page", a), "2": ("Second page", b), "3": ("Gone", dead)},
        'Whereas the charter says "the committee shall meet every Tuesday at noon"{1}\n\n'
        'Whereas it says "budgets must be approved by the full council"{1}\n\n'
        'Whereas the council said "the committee shall meet every Friday at noon"{2}\n\n'
        'Whereas "nothing like this" was said{3}\n\n'
        'Whereas someone said "something unsourced"; now, therefore, be it\n\nRESOLVED, that we act.\n',
    )
    code, out, _ = run_main(
        ["verify", str(doc), "--format", "json", "--wayback-url", wayback, "--allow-host", server.allowed], capsys
    )
    data = json.loads(out)
    q = data["quotations"]
    assert [x["verdict"] for x in q] == ["exact", "not_found", "not_found", "unavailable", "no_source"]
    assert q[1]["found_in"] == "2"  # in the other note's source
    assert q[0]["evidence"]["status"] == "ok" and len(q[0]["evidence"]["sha256"]) == 64
    assert set(q[0]) >= {"text", "note", "url", "verdict", "differences", "start", "end", "found_in", "evidence"}
    s = {x["note"]: x for x in data["sources"]}
    assert s["3"]["status"] == "dead" and s["3"]["archived_copy"] == "http://web.archive.org/web/2019/x"
    assert ("/wayback/available", f"url={dead.replace(':', '%3A').replace('/', '%2F')}") in server.queries
    assert set(s["1"]) >= {
        "note",
        "url",
        "status",
        "http_status",
        "final_url",
        "content_type",
        "title",
        "title_matches",
        "archived_copy",
        "fetched_at",
        "sha256",
    }
    assert code == 1

    code, out, _ = run_main(
        ["verify", str(doc), "--format", "text", "--no-wayback", "--allow-host", server.allowed], capsys
    )
    assert code == 1 and "not_found" in out and "found in the source of note 2" in out and "dead" in out
    code, out, _ = run_main(
        ["verify", str(doc), "--format", "github", "--no-wayback", "--allow-host", server.allowed], capsys
    )
    assert "::error file=" in out and "V002" in out and "V005" in out
    code, out, _ = run_main(
        ["verify", str(doc), "--format", "sarif", "--no-wayback", "--allow-host", server.allowed], capsys
    )
    sarif = json.loads(out)
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(sarif, json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text()))
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} >= {"V002", "V003", "V004", "V005", "V007"}


def test_misquotation_word_diff_in_text(server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = server.page("/a", "Minutes", "The board approved 12 new positions for the fiscal year.")
    doc = resolution(
        tmp_path,
        {"1": ("Minutes", a)},
        'Whereas the board "approved 21 new positions"{1} now, therefore, be it\n\nRESOLVED, that we act.\n',
    )
    code, out, _ = run_main(["verify", str(doc), "--no-wayback", "--allow-host", server.allowed], capsys)
    assert code == 1 and "misquoted" in out and "[-12-]" in out and "{+21+}" in out and "number" in out


def test_all_good_exits_0_and_bad_input_exits_2(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    moved = server.route("/old", status=301, headers={"Location": "/new"})
    server.page("/new", "The Title - Site", "We hold these truths to be self-evident.")
    doc = resolution(
        tmp_path,
        {"1": ("The Title", moved)},
        'Whereas they said "we hold these truths"{1} now, therefore, be it\n\nRESOLVED, that we act.\n',
    )
    code, out, _ = run_main(
        ["verify", str(doc), "--format", "json", "--no-wayback", "--allow-host", server.allowed], capsys
    )
    data = json.loads(out)
    assert code == 0 and data["quotations"][0]["verdict"] == "exact"
    src = data["sources"][0]
    assert src["status"] == "redirected" and src["final_url"] == server.url("/new") and src["title_matches"] is True
    code, _, err = run_main(["verify", str(tmp_path / "missing.txt"), "--no-wayback"], capsys)
    assert code == 2
    code, _, err = run_main(["verify", str(doc), "--offline", "--refresh"], capsys)
    assert code == 2 and "--offline" in err
    code, _, err = run_main(["verify", str(doc), "--concurrency", "0"], capsys)
    assert code == 2


def test_main_text_then_whole_page(server: Server, tmp_path: Path) -> None:
    """A passage the main-text extractor drops (navigation, footer) is still found in the page."""
    html = html_page("Page", "A long article paragraph about municipal budgets and their approval by the council.")
    html = html.replace("Copyright notice for this site.", "Footer motto: always read the fine print first.")
    server.route("/p", body=html.encode())
    doc = resolution(
        tmp_path,
        {"1": ("Page", server.url("/p"))},
        'Whereas the site says "always read the fine print first"{1} now, therefore, be it\n\nRESOLVED, that we act.\n',
    )
    result = whereas.verify(doc, wayback_url=None, allow_hosts=[server.allowed])
    assert result.quotations[0].verdict == "exact"


def test_python_api_accepts_resolutions(server: Server, tmp_path: Path) -> None:
    a = server.route("/t", body=b"Plain words stand here as they are.", content_type="text/plain")
    text = f'Whereas it says "plain words stand here"[endnoteRef:1]; [1:  X. "T". {a}]\n\nRESOLVED, that we act.\n'
    result = whereas.verify(whereas.parse(text), archive=False, wayback_url=None, allow_hosts=[server.allowed])
    assert [q.verdict for q in result.quotations] == ["exact"] and result.archives == []
    assert result.sources[0].title == "Plain words stand here as they are."


@pytest.mark.parametrize(
    ("cited", "found", "expected"),
    [
        (
            "ACLU Comment on Julian Assange Extradition Ruling",
            "ACLU Comment on Julian Assange Extradition Ruling | ACLU",
            True,
        ),
        ("Travesty of justice", "Travesty of Justice - Amnesty International", True),
        ("US/UK: 'Travesty of justice' as extradition", "US/UK: “Travesty of justice” as extradition", True),
        (
            "RSF condemns the UK High Court’s decision…",
            "RSF condemns the UK High Court's decision allowing X | RSF",
            True,
        ),
        # an acronym for the words it stands for (the PEN page of the seed's note 4)
        (
            "United Kingdom / USA: PEN Centres Condemn Decision to Allow the Extradition of Julian Assange",
            "UK/USA: PEN Centres condemn decision to allow the extradition of Julian Assange",
            True,
        ),
        ("Report of the United States of America on Libraries", "Report of the USA on Libraries", True),
        # a site that shortened its title without a mark, and a cited title inside a PDF's first lines
        (
            "RSF condemns the UK High Court’s decision allowing for Julian Assange’s extradition to the US",
            "RSF condemns the UK High Court’s decision allowing | RSF",
            True,
        ),
        (
            "A Resolution Supporting Open Data in the City",
            ("RESOLUTION 41425", "RESOLUTION 41425 A RESOLUTION SUPPORTING OPEN DATA IN THE CITY OF TULSA"),
            True,
        ),
        # a "title" that names no document (a file name, a number, a table of contents) is no answer
        ("Resolution Supporting Open Data", ("R2014-641 - R2014-641.pdf", "RESOLUTION 41425"), None),
        ("Resolution Supporting Open Data", "Table of Contents 1", None),
        # different words stay different, however the titles are cut
        ("The Universal Right to Free Expression", "The Universal Right to Free Speech for All", False),
        ("Report of the Committee on Parks", "Report of the Committee on Roads", False),
        ("The Universal Right to Free Expression", "Code of Ethics of the American Library Association", False),
        ("The Universal Right to Free Expression", "The Universal Right to Free Speech", False),
        (None, "Anything", None),
    ],
)
def test_titles(cited: str | None, found: str | tuple[str, ...], expected: bool | None) -> None:
    assert titles_match(cited, found) is expected


def test_loopback_sources_are_refused_without_allow_host(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SSRF: a cited URL on a loopback address is not fetched unless --allow-host names it."""
    a = server.page("/a", "Minutes", "The board approved 12 new positions for the fiscal year.")
    doc = resolution(
        tmp_path,
        {"1": ("Minutes", a)},
        'Whereas the board "approved 12 new positions"{1} now, therefore, be it\n\nRESOLVED, that we act.\n',
    )
    code, out, _ = run_main(["verify", str(doc), "--format", "json", "--no-wayback"], capsys)
    data = json.loads(out)
    q, s = data["quotations"][0], data["sources"][0]
    assert q["verdict"] == "unavailable" and "blocked address" in q["reason"]
    assert s["status"] == "blocked" and s["error"].startswith("blocked address: 127.0.0.1 is a loopback address")
    assert sum(server.hits.values()) == 0 and code == 0  # nothing reached the server
    code, out, _ = run_main(
        ["verify", str(doc), "--format", "json", "--no-wayback", "--allow-host", server.allowed], capsys
    )
    assert code == 0 and json.loads(out)["quotations"][0]["verdict"] == "exact" and server.hits["/a"] == 1
    code, _, err = run_main(["verify", str(doc), "--allow-host", "127.0.0.1:http"], capsys)
    assert code == 2 and "--allow-host" in err and "bad port" in err


def test_the_wayback_query_is_guarded_too(server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    server.route("/gone", status=410)
    other = Server()  # a Wayback API on a loopback port that is not allowed
    try:
        wayback = other.route("/wayback/available", body=b"{}", content_type="application/json")
        doc = resolution(
            tmp_path,
            {"1": ("Gone", server.url("/gone"))},
            'Whereas "it was said"{1} now, therefore, be it\n\nRESOLVED, that we act.\n',
        )
        code, out, _ = run_main(
            ["verify", str(doc), "--format", "json", "--wayback-url", wayback, "--allow-host", server.allowed], capsys
        )
        source = json.loads(out)["sources"][0]
        assert code == 1 and source["status"] == "dead" and source["archived_copy"] is None
        assert server.hits["/gone"] == 1 and sum(other.hits.values()) == 0
    finally:
        other.close()


def test_configured_allow_hosts(server: Server, tmp_path: Path) -> None:
    a = server.route("/t", body=b"Plain words stand here as they are.", content_type="text/plain")
    doc = resolution(
        tmp_path,
        {"1": ("T", a)},
        'Whereas it says "plain words stand here"{1} now, therefore, be it\n\nRESOLVED, that we act.\n',
    )
    (tmp_path / "whereas.toml").write_text(f'[verify]\nallow-hosts = ["{server.allowed}"]\n', encoding="utf-8")
    unconfigured = whereas.verify(doc, archive=False, wayback_url=None, use_config=False)
    assert unconfigured.sources[0].status == "blocked" and server.hits["/t"] == 0
    configured = whereas.verify(doc, archive=False, wayback_url=None)
    assert configured.quotations[0].verdict == "exact" and server.hits["/t"] == 1

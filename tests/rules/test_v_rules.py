"""The verification codes V001-V007 of ``whereas check --verify``: exact findings against a loopback server.

Every case is a resolution whose notes cite pages of one local server (``tests/verify_server.py``); the
cases are checked in one run of the command line, as a user runs it, and each file's findings (``--select V``,
JSON) are compared with the case's exact list. A pass case expects no V finding at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from rulecase import Case, Finding, bad, case_id, doc, ok

from conftest import run_cli
from verify_server import Answer, Server, html_page

PARKS = "Parks give every child a place to play and grow."
BUDGET = "The council will review the budget soon."


def note(n: int, title: str, path: str) -> str:
    """A note citing ``title`` at ``path`` of the server (``{base}`` is its address, filled in at run time)."""
    return f'[^{n}]: City Office. "{title}". {{base}}{path}\n'


def quoting(quote: str, title: str = "Parks Report", path: str = "/parks") -> str:
    """One recital quoting ``quote`` (its words from line 3, column 32) from note 1's source."""
    return doc(f'the report found that "{quote}";[^1] now, therefore, be it', notes=note(1, title, path))


CASES: list[Case] = [
    # --- V001 misquoted ---------------------------------------------------------------------------------------
    ok("V001", "word for word", quoting("parks give every child a place to play")),
    ok("V001", "an alteration in brackets", quoting("[p]arks give every child a place to play")),
    bad("V001", "a word changed", quoting("parks give no child a place to play"), [(3, 32)]),
    bad("V001", "the last word changed", quoting("parks give every child a place to sing"), [(3, 32)]),
    # --- V002 quotation-not-found -----------------------------------------------------------------------------
    ok("V002", "in the source", quoting("every child a place to play and grow")),
    ok(
        "V002", "in the source, another page", quoting("the council will review the budget", "Budget Report", "/budget")
    ),
    bad("V002", "not in the source", quoting("the moon is made of green cheese"), [(3, 32)]),
    bad(
        "V002",
        "not in the other page",
        quoting("the moon is made of green cheese", "Budget Report", "/budget"),
        [(3, 32)],
    ),
    # --- V003 source-unavailable ------------------------------------------------------------------------------
    ok("V003", "a page that answers", quoting("parks give every child a place to play")),
    ok("V003", "another page that answers", quoting("the council will review the budget", "Budget Report", "/budget")),
    bad(
        "V003",
        "a blocked address",
        doc(
            'the report found that "the moon is made of cheese";[^1] now, therefore, be it',
            notes='[^1]: City Office. "Broken". http://127.0.0.1:9/broken\n',
        ),
        [(3, 32)],
    ),
    bad(
        "V003",
        "a content type no reader reads",
        quoting("the moon is made of green cheese", "Binary", "/binary"),
        [(3, 32)],
    ),
    # --- V004 no-source ---------------------------------------------------------------------------------------
    ok("V004", "a note with a URL", quoting("parks give every child a place to play")),
    ok(
        "V004",
        "a short title in quotation marks needs no source",
        doc('the "Freedom to Read" campaign; now, therefore, be it'),
    ),
    bad(
        "V004",
        "no note",
        doc('the report found that "the moon is made of green cheese and more"; now, therefore, be it'),
        [(3, 32)],
    ),
    bad(
        "V004",
        "a note without a URL",
        doc(
            'the report found that "the moon is made of green cheese and more";[^1] now, therefore, be it',
            notes="[^1]: City Office. Parks Report, 2024.\n",
        ),
        [(3, 32)],
    ),
    # --- V005 dead-link ---------------------------------------------------------------------------------------
    ok("V005", "a live link", quoting("parks give every child a place to play")),
    ok(
        "V005",
        "a live link after a redirect",
        quoting("parks give every child a place to play", "Parks Report", "/moved"),
    ),
    # the quotation in a dead source is unchecked too (V003)
    Case(
        "V005", quoting("everyone agrees with us", "Survey", "/gone"), [("V003", 3, 32), ("V005", 10, 1)], about="404"
    ),
    Case(
        "V005",
        quoting("everyone agrees with us", "Survey", "/removed"),
        [("V003", 3, 32), ("V005", 10, 1)],
        about="410",
    ),
    # --- V006 title-mismatch ----------------------------------------------------------------------------------
    ok("V006", "the page's title", quoting("parks give every child a place to play", "Parks Report")),
    ok(
        "V006",
        "no title cited",
        doc(
            'the report found that "parks give every child a place to play";[^1] now, therefore, be it',
            notes="[^1]: City Office, 2024. {base}/parks\n",
        ),
    ),
    bad("V006", "another title", quoting("parks give every child a place to play", "Annual Transit Study"), [(10, 1)]),
    bad(
        "V006",
        "the other page's title",
        quoting("the council will review the budget", "Parks Report", "/budget"),
        [(10, 1)],
    ),
    # --- V007 quoted-from-other-source ------------------------------------------------------------------------
    ok(
        "V007",
        "each quotation from its own note",
        doc(
            'the report found that "the council will review the budget soon";[^1] and',
            'parks "give every child a place to play";[^2] now, therefore, be it',
            notes=note(1, "Budget Report", "/budget") + note(2, "Parks Report", "/parks"),
        ),
    ),
    ok(
        "V007",
        "one note for both",
        doc(
            'the report found that "give every child a place";[^1] and',
            'parks "a place to play and grow";[^1] now, therefore, be it',
            notes=note(1, "Parks Report", "/parks"),
        ),
    ),
    # each quotation is also not found where its note points (V002)
    Case(
        "V007",
        doc(
            'the report found that "the council will review the budget soon";[^1] and',
            'parks "give every child a place to play";[^2] now, therefore, be it',
            notes=note(1, "Parks Report", "/parks") + note(2, "Budget Report", "/budget"),
        ),
        [("V002", 3, 32), ("V007", 3, 32), ("V002", 5, 16), ("V007", 5, 16)],
        about="the notes swapped",
    ),
    Case(
        "V007",
        doc(
            'the report found that "the council will review the budget soon";[^1] and',
            'parks "give every child a place to play";[^1] now, therefore, be it',
            notes=note(1, "Parks Report", "/parks") + '[^2]: City Office. "Budget Report". {base}/budget\n',
        ),
        [("V002", 3, 32), ("V007", 3, 32)],
        about="one quotation from a note it does not cite",
    ),
]


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    s = Server()
    s.route("/parks", body=html_page("Parks Report", PARKS).encode())
    s.route("/budget", body=html_page("Budget Report", BUDGET).encode())
    s.route("/gone", status=404, body=b"gone")
    s.route("/removed", status=410, body=b"removed")
    s.route("/moved", Answer(301, b"", headers={"Location": "/parks"}))
    s.route("/binary", body=bytes(range(256)) * 10, content_type="application/octet-stream")
    yield s
    s.close()


@pytest.fixture(scope="module")
def verified(server: Server, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[str, int, int]]]:
    """Each case's file name → its V findings, from one ``whereas check --verify`` over every case."""
    folder = tmp_path_factory.mktemp("v-cases")
    base = server.url("")
    names = []
    for i, case in enumerate(CASES):
        name = f"{i:02d}-{case.code}.md"
        (folder / name).write_text(case.text.replace("{base}", base), encoding="utf-8")
        names.append(name)
    proc = run_cli(
        "check", *names, "--verify", "--select", "V", "--format", "json", "--allow-host", server.allowed, cwd=folder
    )
    assert proc.returncode in (0, 1), proc.stderr
    found: dict[str, list[tuple[str, int, int]]] = {name: [] for name in names}
    for d in json.loads(proc.stdout):
        found[Path(d["path"]).name].append((d["code"], d["line"], d["column"]))
    return found


@pytest.mark.parametrize("index", range(len(CASES)), ids=[case_id(c) for c in CASES])
def test_rule(index: int, verified: dict[str, list[Finding]]) -> None:
    case = CASES[index]
    assert verified[f"{index:02d}-{case.code}.md"] == case.expected

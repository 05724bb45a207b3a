"""A council journal's OCR that put a space inside a keyword's capitals: "WHERE AS,", "WHEREA S,", "BE IT RE
SOLVED". Read as the keyword (damaged: no fix rewrites it) only in capitals at a paragraph's start, the recital's
comma right after; "WHERE AS A RESULT" or a lower-case "where as" stays prose."""

from __future__ import annotations

from whereas.lint import lint
from whereas.lint.profiles import PROFILES
from whereas.lint.settings import Settings
from whereas.model import Source
from whereas.structure import build
from whereas.structure.keywords import RECITAL, is_resolved_line, keywordish

#: an invented journal page: the LAST recital's keyword split, the connector and "Be It" on lines of their own
LAST_SPLIT = """Resolution on Street Lamps

WHEREAS, The Ward has forty dark corners; and

WHEREAS, Two residents fell there last winter; and

WHERE AS, The lamps cost little;
now, therefore,

Be It
Resolved, That the Commissioner light the corners.
"""

#: another journal: "WHEREA S" and "BE IT RE SOLVED"
RESOLVED_SPLIT = """Resolution on Bridges

WHEREAS, The Elm Street bridge is closed; and

WHEREA S, The detour adds a mile; now, therefore,

BE IT RE SOLVED, That the Department reopen the bridge; and

BE IT FURTHER RE SOLVED, That it report to the Council.
"""


def test_a_split_keyword_on_the_last_recital_keeps_the_recital_and_the_formula() -> None:
    [r] = build(Source(LAST_SPLIT, "text", None))
    assert [c.text[:9] for c in r.preamble] == ["WHEREAS, ", "WHEREAS, ", "WHERE AS,"]
    assert r.preamble[2].keyword.damaged
    assert r.formula is not None and "therefore" in r.formula.text
    assert [c.text[:14] for c in r.resolved] == ["Resolved, That"]
    w006 = [d for d in lint([r], Settings(profile=PROFILES["ronr"])) if d.code == "W006"]
    assert w006 and all(d.span.start > r.preamble[2].span.start for d in w006)  # recital 2 is not the last


def test_a_split_resolved_keyword_is_a_resolving_clause() -> None:
    [r] = build(Source(RESOLVED_SPLIT, "text", None))
    assert len(r.preamble) == 2 and r.preamble[1].text.startswith("WHEREA S, The detour")
    assert len(r.resolved) == 2
    assert all(c.keyword.damaged and c.keyword.form == "resolved" for c in r.resolved)


def test_only_capitals_with_the_comma_read_as_a_split_keyword() -> None:
    assert RECITAL.match("WHERE AS, The District offers lessons;")
    assert RECITAL.match("WHEREA S: the lamps cost little;")
    assert not RECITAL.match("WHERE AS A RESULT OF THE STORM")
    assert not RECITAL.match("Where as, the lamps cost little;")
    assert not RECITAL.match("where as, the lamps cost little;")
    assert keywordish("BE IT RE SOLVED, That") and is_resolved_line("BE IT RE SOLVED, That the Council act")
    assert not is_resolved_line("be it re solved, that the Council act")

"""The long s ("ſ") of an 18th- or 19th-century book, kept by its OCR: "Reſolved", "Whereaſ", "aſſembled".
The structure reads it as "s" (keywords, words, rules), one character for one; the text keeps it as printed:
no fix writes into it."""

from __future__ import annotations

from whereas.lint import lint
from whereas.lint.fix import fix_source
from whereas.lint.profiles import PROFILES
from whereas.lint.settings import Settings
from whereas.model import Source
from whereas.structure import build
from whereas.structure.clean import clean

#: an invented petition of 1838, set in an old face
PETITION = """PETITION OF THE INHABITANTS OF MILLBROOK

Whereaſ, the inhabitants of Millbrook, aſſembled in town meeting, have conſidered the bridge; and

Whereas, the paſſage of the river is unſafe in every ſeaſon; therefore,

*Reſolved, That* the Legiſlature be aſked to build a bridge.

*Reſolved, That* the ſelectmen forward theſe reſolutions.

*Reſolved, That* the clerk keep a copy.

And your petitioners will ever pray, &c.
"""

#: keywords in other cases than the profile's, to be rewritten by a fix: none may rewrite a "ſ"
CASES = """Reſolution on the Canal

WHEREAS the Aſſembly has conſidered the canal.

whereaſ, the toll is paſſed; and

Whereas, the caſe is ſettled, therefore be it

reſolved that the Canal be finiſhed.

Reſolved, That a copy be ſent.
"""


def test_clean_reads_the_long_s_as_s_mapped_one_for_one() -> None:
    text = "the Legiſlature  aſſembled"
    mapped = clean(text, 0, len(text))
    assert mapped.text == "the Legislature assembled"
    at = mapped.text.index("assembled")
    span = mapped.source_span(at, at + len("assembled"))
    assert text[span.start : span.end] == "aſſembled"


def test_resolved_clauses_with_a_long_s_are_read() -> None:
    [r] = build(Source(PETITION, "markdown", None))
    assert len(r.preamble) == 2
    assert r.preamble[0].text.startswith("Whereas, the inhabitants of Millbrook, assembled")
    assert [c.text[:14] for c in r.resolved] == ["Resolved, That"] * 3
    assert r.formula is not None
    codes = {d.code for d in lint([r], Settings(profile=PROFILES["ronr"]))}
    assert "S003" not in codes  # the resolving clauses are there


def test_no_fix_writes_into_a_long_s() -> None:
    for name, profile in PROFILES.items():
        for unsafe in (False, True):
            result = fix_source(Source(CASES, "text", None), Settings(profile=profile), unsafe=unsafe)
            assert result.text.count("ſ") == CASES.count("ſ"), (name, unsafe, result.text)
            for e in result.edits:
                assert "ſ" not in CASES[e.start : e.end], (name, e)

"""Characters written as something else in plain text and Markdown: HTML entities a CMS export left
("&#8217;", "&amp;"), typographic ligatures pasted from a PDF ("nonproﬁt").  The structure reads them as
the characters they stand for; positions stay file positions, and no fix edits inside an entity."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli
from whereas.lint import lint
from whereas.lint.fix import fix_source
from whereas.lint.profiles import PROFILES
from whereas.lint.settings import Settings
from whereas.model import Source
from whereas.structure import build
from whereas.structure.clean import clean, entity_spans

ENTITIES = """Resolution on Planting Trees
Presented by: Trustee Ada Quillfeather &amp; Trustee Bo Marchetti

Whereas, the Library&#8217;s policy states that &#8220;parks matter&#8221;; and

Whereas, parks need trees; now, therefore, be it

Resolved, that the Board affirms the "right to shade"; and be it further

Resolved, that the Board reports in 2027.
"""

#: recital 1 ends with an entity and lacks its "; and": the fix must go after the whole entity
MISSING_AND = """Resolution on Planting Trees

Whereas, the Library&#8217;s policy says &#8220;parks matter&#8221;

Whereas, the parks need trees &amp; shade; now, therefore, be it

Resolved, that the Board plants trees.
"""

LIGATURES = """Resolution on Aﬀordable Shade
Submitted by: Pat Oyelaran

Whereas, the town’s parks lack aﬀordable shade and the nonproﬁt oﬀers trees; and

Whereas, parks need trees; now, therefore, be it

Resolved, that the Council plants trees.
"""


def test_clean_reads_entities_with_offsets_mapped_to_the_entity() -> None:
    text = "the Library&#8217;s  policy &amp; more"
    mapped = clean(text, 0, len(text))
    assert mapped.text == "the Library’s policy & more"
    at = mapped.text.index("’")
    assert mapped.source_offset(at) == text.index("&#8217;")
    assert mapped.source_offset(at + 1) == text.index("s  policy")
    assert text[mapped.source_span(0, len(mapped.text)).start :].startswith("the")


def test_clean_reads_ligatures_as_their_letters_each_mapped_to_the_ligature() -> None:
    text = "a nonproﬁt oﬃce"
    mapped = clean(text, 0, len(text))
    assert mapped.text == "a nonprofit office"
    assert len(mapped.offsets) == len(mapped.text)
    span = mapped.source_span(mapped.text.index("nonprofit"), mapped.text.index("nonprofit") + 9)
    assert text[span.start : span.end] == "nonproﬁt"
    span = mapped.source_span(mapped.text.index("office"), len(mapped.text))
    assert text[span.start : span.end] == "oﬃce"


def test_a_no_break_space_entity_is_a_space_and_unknown_entities_stay() -> None:
    text = "trees&nbsp;and shade &nbsp; &bogus; AT&T &#0;"
    assert clean(text, 0, len(text)).text == "trees and shade &bogus; AT&T &#0;"
    assert entity_spans(text) == [(5, 11), (21, 27)]


def test_entities_are_read_in_clauses_and_sponsors() -> None:
    [r] = build(Source(ENTITIES, "text", None))
    assert r.sponsors.others == ("Trustee Ada Quillfeather & Trustee Bo Marchetti",)
    assert r.preamble[0].text == "Whereas, the Library’s policy states that “parks matter”; and"
    codes = {d.code for d in lint([r], Settings(profile=PROFILES["ala"]))}
    assert "T003" in codes  # the straight marks beside the curly ones the entities write


def test_ligatures_are_read_in_title_and_clauses() -> None:
    [r] = build(Source(LIGATURES, "text", None))
    assert r.title is not None and r.title.text == "Resolution on Affordable Shade"
    assert "affordable shade and the nonprofit offers trees" in r.preamble[0].text


def test_fixes_never_edit_inside_an_entity() -> None:
    for name, profile in PROFILES.items():
        for unsafe in (False, True):
            result = fix_source(Source(MISSING_AND, "text", None), Settings(profile=profile), unsafe=unsafe)
            spans = entity_spans(MISSING_AND)
            for e in result.edits:
                for a, b in spans:
                    assert not a < e.start < b and not a < e.end < b, (name, e)
            for entity in ("&#8217;", "&#8220;", "&#8221;", "&amp;"):
                assert entity in result.text, (name, unsafe, result.text)


def test_a_file_with_entities_is_fixed_after_the_whole_entity(tmp_path: Path) -> None:
    path = tmp_path / "trees.txt"
    path.write_text(MISSING_AND, encoding="utf-8")
    run_cli("check", "--fix", "--profile", "ala", path)
    fixed = path.read_text(encoding="utf-8")
    assert "says &#8220;parks matter&#8221;; and\n" in fixed
    assert "trees &amp; shade; now" in fixed
    assert "Library&#8217;s policy" in fixed

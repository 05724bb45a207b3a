"""whereas on the real corpus in ../shared/corpus (skipped when it is absent).

Every expected number below was counted by reading the document (for the XML files also by
counting its <recital> / <level role="whereas"> elements, which the tests re-count).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import whereas
from conftest import CORPUS, needs_corpus

pytestmark = needs_corpus


def _all_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.rglob("*") if p.is_file())


#: files that must be refused with an InputError, and why
REFUSED = {
    "city-council/1976-Res-#22-PC.pdf": "scanned PDF without a text layer",
    "city-council/1984-Res-#72-Municipal-Services.pdf": "scanned PDF without a text layer",
}


def _rel(p: Path) -> str:
    return p.relative_to(CORPUS).as_posix()


@pytest.mark.parametrize("path", _all_files(), ids=lambda p: _rel(p))
def test_every_file_parses_or_is_refused_cleanly(path: Path):
    rel = _rel(path)
    if rel in REFUSED:
        with pytest.raises(whereas.InputError) as info:
            whereas.parse(path)
        assert str(path) in str(info.value)
        return
    found = whereas.parse(path)
    for r in found:
        text = r.source.text
        assert 0 <= r.span.start <= r.span.end <= len(text)
        for c in r.clauses:
            assert c.text and 0 <= c.span.start < c.span.end <= len(text)
            for i, ch in enumerate(c.mapped.text):
                if not ch.isspace():
                    assert text[c.mapped.offsets[i]] == ch


# -- New York State legislature (Markdown exports) ---------------------------------------------------

NY = {  # file: (recitals, resolving clauses)
    "B1460.md": (3, 3),
    "B1715.md": (8, 3),
    "J130.md": (9, 2),
    "J1538.md": (10, 1),
    "J1657.md": (15, 2),
    "J1856.md": (20, 2),
    "J2257.md": (11, 2),
    "J810.md": (10, 2),
    "K2295.md": (13, 2),
    "K2399.md": (10, 2),
    "K323.md": (8, 2),
    "K562.md": (9, 2),
    "K821.md": (19, 2),
}


@pytest.mark.parametrize("name", sorted(NY))
def test_ny_counts(name: str):
    path = CORPUS / "us-state-ny" / name
    [r] = whereas.parse(path)
    recitals, resolved = NY[name]
    assert (len(r.preamble), len(r.resolved)) == (recitals, resolved)
    # the document itself agrees: one recital per "WHEREAS," at a line start
    source = path.read_text(encoding="utf-8")
    assert len(re.findall(r"^\s*WHEREAS\b", source, re.M)) == recitals
    assert all(c.keyword.text.startswith("WHEREAS") for c in r.preamble)
    assert all(c.keyword.text.startswith("RESOLVED") for c in r.resolved)
    # the page's heading is the title, the Senate/Assembly sponsor is named once
    heading = source.splitlines()[0].lstrip("# ").strip()
    assert r.title and r.title.text == heading
    assert len(r.sponsors.others) == 1
    if name == "K2399.md":
        assert r.formula is None  # the last recital ends "; and" — no "now, therefore, be it" (a drafting slip)
    else:
        assert r.formula is not None and "therefore" in r.formula.text.lower()
    for c in r.clauses:
        assert c.text.rstrip().endswith((";", ".", "and", "further", "York")) or c is r.preamble[-1], c.text[-60:]


def test_ny_clause_wrapped_over_a_blank_line_stays_whole():
    [r] = whereas.parse(CORPUS / "us-state-ny" / "K323.md")
    assert r.resolved[1].text.endswith(
        "Governor of the State of New York; and Cathy Fallon, President of the New York State Library "
        "Assistants' Association."
    )
    [r] = whereas.parse(CORPUS / "us-state-ny" / "B1460.md")
    assert r.preamble[2].text.endswith("not bind future generations without any consideration")
    assert [i.label for i in r.preamble[1].items] == ["a", "b", "c", "d", "e", "f"]
    assert [i.label for i in r.preamble[2].items] == ["a", "b"]  # "(2) Joint Resolution" is not an item
    assert r.formula and r.formula.text == "; now, therefore, be it"


def test_ny_sponsor_and_quotes():
    [r] = whereas.parse(CORPUS / "us-state-ny" / "J810.md")
    assert r.sponsors.others == ("Iwen Chu",)  # "**Sponsor:** Iwen Chu" and "BY: Senator CHU"
    [r] = whereas.parse(CORPUS / "us-state-ny" / "J1657.md")
    roberts = [q for q in r.quotations if q.speaker == "Chief Justice Roberts"]
    assert roberts and roberts[0].text.startswith("Korematsu was gravely wrong the day it was decided")
    [r] = whereas.parse(CORPUS / "us-state-ny" / "J1856.md")
    assert any("We give this town to the Serb nation" in q.text for q in r.quotations)


# -- US Congress (USLM) and Chicago City Council XML -------------------------------------------------

XML_RECITALS = {
    "us-congress/115sconres2enr_good.xml": 0,
    "us-congress/BILLS-113hres378cdh.xml": 0,
    "us-congress/BILLS-116sres100ats.xml": 28,
    "us-congress/HC105_RDS.XML": 0,
    "us-congress/HC32_RFS.XML": 19,
    "us-congress/HR1000_IH.XML": 10,
    "us-congress/HR1033_IH.XML": 9,
    "us-congress/HR498_LTH.XML": 0,
    "us-congress/SC10_IS.XML": 21,
    "us-congress/SC13_ATS.XML": 15,
    "us-congress/SC13_ES.XML": 15,
    "us-congress/SR100_IS.XML": 28,
    "city-council/R2012-1120.xml": 7,  # its OCR'd markup leaves an <inline> open: the reader recovers
    "city-council/R2012-367.xml": 6,
    "city-council/R2012-559.xml": 8,
    "city-council/R2012-903.xml": 10,
    "city-council/R2013-274.xml": 7,
}


@pytest.mark.parametrize("rel", sorted(XML_RECITALS))
def test_xml_recital_counts(rel: str):
    path = CORPUS / rel
    raw = path.read_text(encoding="utf-8")
    pattern = r"<recital[\s>]" if rel.startswith("us-congress") else r"<level[^>]*role=\"whereas\""
    elements = len(re.findall(pattern, raw))
    assert elements == XML_RECITALS[rel]  # the literal agrees with the markup
    [r] = whereas.parse(path)
    assert len(r.preamble) == XML_RECITALS[rel]
    assert len(r.resolved) >= 1


# -- everything else -------------------------------------------------------------------------------


def test_party_platform_44_resolutions_in_details_blocks():
    path = CORPUS / "party-platform" / "2019-resolutions.md"
    found = whereas.parse(path)
    assert len(found) == 44  # resolutions 1–45 (there is no 8); the empty "## 1." templates are not resolutions
    headings = re.findall(r"^## \d+\. (.+?)\s*$", path.read_text(encoding="utf-8"), re.M)
    assert [r.title.text if r.title else None for r in found] == headings[:44]
    assert found[0].title and found[0].title.text == "Police Exclusion for Chapter Bylaws"
    assert found[-1].title and found[-1].title.text == "Remove the A from DSA"
    # every recital and clause of each is checked against tests/golden/corpus/party-platform/2019-resolutions.md.golden
    assert all(r.resolved for r in found)
    # no. 2 ends with "Finally resolved, …"; no. 7 has two "Be it further resolved" inside paragraphs
    assert len(found[1].resolved) == 6 and found[1].resolved[-1].keyword.text.startswith("Finally resolved")
    assert len(found[6].resolved) == 7
    # no. 45 resolves with "THEREFORE, DSA will …" and four numbered items
    assert found[-1].resolved[0].keyword.text == "THEREFORE,"
    assert [i.label for i in found[-1].resolved[0].items] == ["1", "2", "3", "4"]
    assert found[0].sponsors.others == ("Richard L, North Bay DSA, LSC",)
    for r in found:
        for c in r.clauses:
            assert "<details>" not in c.text and "<summary>" not in c.text


def test_union_sample_resolution():
    [r] = whereas.parse(
        CORPUS / "union" / "Article_sample-resolution-for-local-unions-on-the-dakota-access-pipeline.md"
    )
    assert (len(r.preamble), len(r.resolved)) == (15, 5)  # 15 "WHEREAS" (one a stray "## WHEREAS"), 5 "RESOLVED,"
    # the resolution's own name right above its first clause, not the page's headline
    assert r.title and r.title.text == "[Sample] Local Union Resolution Against the Dakota Access Pipeline"
    assert r.preamble[12].text.startswith("WHEREAS, this local union is already on record")
    assert r.resolved[0].text.endswith("issued by the Army Corps of Engineers; and be it further")
    assert "$_____ to the land protectors at the Standing Rock protest camps" in r.resolved[2].text
    assert "Disclaimer" not in r.resolved[-1].text


def test_asf_graduation_resolution():
    [r] = whereas.parse(CORPUS / "other" / "graduation-board-resolution.md")
    assert r.title and r.title.text == "Establish the Apache VCL Project"
    assert (len(r.preamble), len(r.resolved)) == (1, 8)
    assert r.formula and r.formula.text == "NOW, THEREFORE, BE IT"
    members = r.resolved[3].items
    assert len(members) == 9 and members[0].text == "Alan Cabrera <adc@apache.org>"
    assert r.resolved[4].keyword.text == "NOW, THEREFORE, BE IT FURTHER RESOLVED, that"
    assert all(c.text.endswith(("; and be it further", ".")) for c in r.resolved if not c.items)


def test_hypha_board_resolution():
    [r] = whereas.parse(CORPUS / "other" / "resolution-003.md")
    assert [i.label for i in r.preamble[0].items] == ["1", "2", "3"]
    [res] = r.resolved
    assert [i.label for i in res.items] == ["1"]  # the lettered and bulleted lines are inside the quoted articles
    assert [q.text[:40] for q in r.quotations] == [
        "15. Special provisions, if any, are: - T",
        "15. Special provisions, if any, are: A. ",
    ]


def test_rivergrove_resolutions():
    [r] = whereas.parse(CORPUS / "city-council" / "1976-Res-#22-PC.md")
    assert r.title and r.title.text == "RESOLUTION NO. 22 CITIZEN INVOLVEMENT PROGRAM OF THE CITY OF RIVERGROVE"
    assert (len(r.preamble), len(r.resolved)) == (1, 1)
    assert [i.label for i in r.resolved[0].items] == ["1", "2", "3", "4", "5", "6", "7"]
    assert "ADOPTED" not in r.resolved[0].text

    [r] = whereas.parse(CORPUS / "city-council" / "1984-Res-#72-Municipal-Services.md")
    assert (len(r.preamble), len(r.resolved)) == (2, 1)
    [q] = r.quotations
    assert q.block and q.speaker == "ORS 221.760" and q.clause == "preamble[0]"
    assert q.text.startswith("Section 1. The officer responsible for disbursing funds")
    assert q.text.endswith("7. One or more utility services")
    assert r.resolved[0].keyword.text == "BE IT RESOLVED, that"

    # the two agreements in Exhibits 2 and 3 have recitals of their own but resolve nothing: no resolutions
    [first] = whereas.parse(CORPUS / "city-council" / "2018-Res-#259-Planning-Development-Fees.md")
    assert (len(first.preamble), len(first.resolved)) == (9, 5)  # Sections 1-5
    assert first.formula and first.formula.text == "NOW, THEREFORE, BE IT RESOLVED by the City Council of Rivergrove:"
    assert [c.keyword.form for c in first.resolved] == ["section"] * 5
    assert first.title and first.title.text.startswith("RESOLUTION NO. 259-2018 A RESOLUTION MODIFYING THE POLICY")


def test_historical_articles_quoting_resolutions():
    [r] = whereas.parse(CORPUS / "historical" / "16_Southern-Baptist-Convention-Resolution.md")
    [res] = r.resolved
    assert res.keyword.text == "Resolved, That"
    assert res.text.startswith("Resolved, That we fully sympathize with the American Sabbath Union")
    assert res.text.endswith("so far as may be practicable.")
    assert r.quotations == ()

    [r] = whereas.parse(CORPUS / "historical" / "05_A-Clerical-Boycott.md")
    assert (len(r.preamble), len(r.resolved)) == (5, 1)
    assert r.resolved[0].text.startswith("Therefore, We, the undersigned")
    assert "Sunday boycotts" not in r.resolved[0].text

    # the petition's six recitals; the Rhode Island charter's WHEREAS quoted just before it is neither its
    # recital nor a resolution
    [r] = whereas.parse(CORPUS / "historical" / "v08n31_1893-08-03.md")
    assert (len(r.preamble), len(r.resolved)) == (6, 1)


def test_aba_resolved_only_heading_with_bullets():
    [r] = whereas.parse(CORPUS / "professional-assoc" / "american-bar-association_1999.md")
    assert r.preamble == ()
    [res] = r.resolved
    assert res.text.startswith("RESOLVED, That the American Bar Association urges agencies")
    assert len(res.items) == 7  # both lists; "- tables." goes on the fourth item
    # the paragraph after the list and the second list stay in the clause
    assert "agencies should:" in res.text and res.text.endswith("when revising regulations.")


@pytest.mark.parametrize(
    "rel",
    [
        "docx-footnotes/zone_parking_ordinance_template.docx",
        "library-assoc/bib_source_texts.md",
        "library-assoc/alamw19_statements_f1.xml",
    ],
)
def test_documents_without_a_resolution(rel: str):
    assert whereas.parse(CORPUS / rel) == []

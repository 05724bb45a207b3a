"""Akoma Ntoso read back: what ``whereas render --to akn`` publishes reads as the resolution it came from,
and a parliament's or the EU's document reads in its reading order."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, SHARED, needs_corpus
from whereas.api import check, parse, render
from whereas.errors import InputError
from whereas.readers import detect, read_path
from whereas.readers.akn import read_akn

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def _shape(resolution):  # type: ignore[no-untyped-def]
    return (
        resolution.title.text if resolution.title else None,
        [c.text for c in resolution.preamble],
        [c.text for c in resolution.resolved],
        [n.text for n in resolution.notes],
        [q.text for q in resolution.quotations],
    )


def test_what_whereas_publishes_reads_back_as_the_same_resolution(tmp_path: Path) -> None:
    """Title, recitals, resolving clause, notes (their call-outs where they were) and quotations."""
    (original,) = parse(FIXTURES / "text" / "inline_notes.txt")
    published = tmp_path / "published.xml"
    published.write_text(render([original], "akn"))
    assert detect(published.read_bytes(), str(published)) == "akn"
    (again,) = parse(published)
    title, recitals, resolved, notes, quotations = _shape(again)
    assert title == "Resolution on Open Access to Public Research"
    assert len(recitals) == 3 and recitals[0].startswith("Whereas the Northfield Library Council")
    assert resolved == [c.text for c in original.resolved]
    assert [n.startswith(("Northfield Library Council.", "Eastbrook Scholars Union.")) for n in notes] == [True, True]
    assert "https://example.org/nlc/open-research" in notes[0]
    assert quotations == [q.text for q in original.quotations]
    assert [c.notes for c in again.preamble] == [c.notes for c in original.preamble]
    assert again.sponsors.mover == "Dana Whitfield" and again.sponsors.seconder == "Omar Reyes"


def test_a_collection_reads_each_of_its_resolutions(tmp_path: Path) -> None:
    resolutions = parse(FIXTURES / "text" / "several.md")
    assert len(resolutions) > 1
    published = tmp_path / "several.xml"
    published.write_text(render(resolutions, "akn"))
    again = parse(published)
    assert [r.title.text if r.title else None for r in again] == [
        r.title.text if r.title else None for r in resolutions
    ]
    assert [len(r.resolved) for r in again] == [len(r.resolved) for r in resolutions]


@needs_corpus
def test_the_seed_published_and_read_back_keeps_its_shape(tmp_path: Path) -> None:
    (seed,) = parse(SHARED / "seed" / "resolution-on-assange.txt")
    published = tmp_path / "seed.xml"
    published.write_text(render([seed], "akn"))
    (again,) = parse(published)
    assert (len(again.preamble), len(again.resolved), len(again.notes), len(again.quotations)) == (7, 1, 5, 6)
    assert [q.text for q in again.quotations] == [q.text for q in seed.quotations]


@needs_corpus
def test_an_eu_proposal_reads_in_its_reading_order_without_findings() -> None:
    """The schema's real example: a collection whose components are referred to by ``<documentRef>``
    (memorandum, regulation, financial statement), relative AKN links not written out as addresses."""
    path = SHARED / "schemas" / "akn" / "examples" / "eu_COM-2013-0619_EN-8.xml"
    text = read_path(path).text
    assert text.startswith("# Proposal for a REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL on new")
    memorandum, preamble = text.index("# EXPLANATORY MEMORANDUM"), text.index("\n\nWhereas:\n\n(1) New psychoactive")
    assert memorandum < preamble
    assert "</eu/act/" not in text
    assert text.count("\n[^") == 31
    (result,) = check([path]).files
    assert (result.error, list(result.diagnostics)) == (None, [])


def test_a_collection_that_refers_to_itself_ends() -> None:
    """A component whose ``documentRef`` leads back to the collection: read a few levels deep, not for ever."""
    loop = f"""<akomaNtoso xmlns="{AKN_NS}"><documentCollection name="x"><preface><longTitle><p><docTitle>Loop
    </docTitle></p></longTitle></preface><collectionBody><component eId="c1"><documentRef href="#c1"/></component>
    </collectionBody></documentCollection><components><component eId="c1"><documentCollection name="y">
    <collectionBody><component eId="c1"><documentRef href="#c1"/></component></collectionBody></documentCollection>
    </component></components></akomaNtoso>""".encode()
    assert read_akn(loop).text == "# Loop\n"  # without a bound: RecursionError


def test_refusals() -> None:
    with pytest.raises(InputError, match="without a document"):
        read_akn(f'<akomaNtoso xmlns="{AKN_NS}"/>'.encode(), "empty.xml")
    with pytest.raises(InputError, match="entity declarations"):
        read_akn(
            f'<!DOCTYPE akomaNtoso [<!ENTITY a "b">]><akomaNtoso xmlns="{AKN_NS}"><act>&a;</act></akomaNtoso>'.encode()
        )

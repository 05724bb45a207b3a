"""The preambular and operative paragraphs of a resolution in the style of the United Nations (and WHO, the OAS …):
a note's call-out after a paragraph's comma, sub-paragraphs (a), (b) under an operative paragraph."""

from __future__ import annotations

from pathlib import Path

import build_docx as build
import pytest

import whereas
from whereas.model import Resolution


def one(source: str | Path) -> Resolution:
    found = whereas.parse(source)
    assert len(found) == 1, [r.title for r in found]
    return found[0]


def _markdown(callout: str, opening: str) -> str:
    return (
        "The Executive Board,\n\n"
        "*Recalling* its decision EB150(3) of 12 May 2022,\n\n"
        f"*Reaffirming* the Constitution of the Organization and the Declaration of Alma-Ata,{callout}\n\n"
        f"{opening} that a third of rural clinics still lack a reliable water supply,\n\n"
        "*Bearing in mind* the work of the regional committees,\n\n"
        "1. *Welcomes* the report of the Director-General;\n\n"
        "2. *Requests* the Director-General to report on progress at its next session.\n\n"
        "[^7]: Document A/12/3, annex.\n[^8]: Document A/12/4.\n"
    )


@pytest.mark.parametrize(
    ("callout", "opening"),
    [
        ("[^7]", "*Deeply concerned*"),  # Markdown's note call-out after the comma
        ("[^7]", "*Noting*"),  # whatever the paragraph's verb
        (" [^7]", "*Gravely alarmed*"),  # a space before the call-out
        ("[^7][^8]", "*Noting with concern*"),  # two call-outs
        ("[footnoteRef:7]", "*Observing*"),  # a Word export's inline call-out
    ],
)
def test_a_preambular_paragraph_after_a_note_call_out_is_a_recital(callout: str, opening: str) -> None:
    """The paragraph after "…Declaration of Alma-Ata,[^7]" is the next preambular paragraph, not lost."""
    r = one(_markdown(callout, opening))
    words = opening.strip("*")
    assert [c.text.split(" that")[0].split(" its")[0].split(" the")[0] for c in r.preamble] == [
        "Recalling",
        "Reaffirming",
        words,
        "Bearing in mind",
    ]
    assert r.preamble[2].text == f"{words} that a third of rural clinics still lack a reliable water supply,"
    assert len(r.resolved) == 2


def test_a_word_footnote_after_a_preambular_paragraph_keeps_the_next_one(tmp_path: Path) -> None:
    """A Word file: the footnote reference after the comma ends its paragraph as the comma does."""
    data = build.build_docx(
        [
            build.p("The General Assembly,"),
            build.p("Recalling its resolution 70/1 of 25 September 2015,"),
            build.p(
                "Reaffirming the Convention on the Rights of the Child,",
                build.fn(2, "United Nations, Treaty Series, vol. 1577, No. 27531."),
            ),
            build.p("Deeply concerned that, according to the survey, many schools still lack sanitation,"),
            build.p("Noting the report of the Secretary-General,", build.fn(3, "A/80/100.")),
            build.p("Stressing the role of local authorities,"),
            build.p("1. Welcomes the report of the Secretary-General;"),
            build.p("2. Decides to continue its consideration of the question."),
        ]
    )
    path = tmp_path / "draft.docx"
    path.write_bytes(data)
    r = one(path)
    assert [c.text.split()[0] for c in r.preamble] == ["Recalling", "Reaffirming", "Deeply", "Noting", "Stressing"]
    assert r.preamble[2].text.startswith("Deeply concerned that, according to the survey,")
    assert [m.note for m in r.preamble[1].markers] == ["1"]
    assert len(r.resolved) == 2


def _sub_paragraphs(paragraph: str) -> str:
    return (
        "The General Assembly,\n\n"
        "Recalling its resolution 70/1 of 25 September 2015,\n\n"
        "1. Welcomes the report of the Secretary-General;\n\n"
        f"{paragraph}\n\n"
        "(a) To ensure access to basic sanitation for all;\n\n"
        "(b) To pay attention to the needs of women and girls;\n\n"
        "3. Decides to continue its consideration of the question.\n"
    )


@pytest.mark.parametrize(
    "paragraph",
    [
        "2. Calls upon States:",
        "2. Calls upon all Member States:",
        "2. URGES Member States:",  # WHO's verb in capitals
        "2. Encourages the United States:",
    ],
)
def test_lettered_sub_paragraphs_under_states_are_items_not_a_quotation(paragraph: str) -> None:
    """ "States" ending the paragraph over (a), (b) is a noun, not "states:" introducing a quoted text."""
    r = one(_sub_paragraphs(paragraph))
    clause = r.resolved[1]
    assert [(i.label, i.text) for i in clause.items] == [
        ("a", "To ensure access to basic sanitation for all;"),
        ("b", "To pay attention to the needs of women and girls;"),
    ]
    assert r.quotations == ()


def test_indented_sub_paragraphs_in_a_word_file_are_items(tmp_path: Path) -> None:
    """A Word file whose (a), (b) carry a left indent: items of their operative paragraph, no quotation."""
    indent = '<w:ind w:left="720"/>'
    data = build.build_docx(
        [
            build.p("The General Assembly,"),
            build.p("Recalling its resolution 70/1 of 25 September 2015,"),
            build.p("1. Welcomes the report of the Secretary-General;"),
            build.p("2. Calls upon States:"),
            build.p("(a) To ensure access to basic sanitation for all;", ppr=indent),
            build.p("(b) To pay attention to the needs of women and girls;", ppr=indent),
            build.p("3. Decides to continue its consideration of the question."),
        ]
    )
    path = tmp_path / "subparagraphs.docx"
    path.write_bytes(data)
    r = one(path)
    assert [i.label for i in r.resolved[1].items] == ["a", "b"]
    assert r.quotations == ()


@pytest.mark.parametrize("intro", ["Section 4 of the bylaws states:", "SECTION 4 OF THE BYLAWS STATES:"])
def test_a_text_quoted_after_states_is_still_a_block_quotation(intro: str) -> None:
    """The verb in small letters or in capitals still introduces a quoted text."""
    r = one(
        "Whereas the bylaws govern the election of officers;\n\n"
        f"Resolved, that the Board amends the bylaws, because {intro}\n\n"
        "(a) The officers shall be elected for one year;\n\n(b) No officer shall serve more than two terms.\n"
    )
    assert [q.text for q in r.quotations] == [
        "(a) The officers shall be elected for one year; (b) No officer shall serve more than two terms."
    ]


@pytest.mark.parametrize("callout", ["[^5]", "[footnoteRef:5]"])
def test_a_paragraph_after_a_call_out_that_opens_no_recital_is_not_lost(callout: str) -> None:
    """A paragraph the preamble does not recognise ("In view of …,") under "…,[^5]" goes on its paragraph, as it does
    under a bare "…,": its words are the preamble's, never dropped."""
    r = one(
        "The General Assembly,\n\n"
        f"Recalling its resolution 64/292 of 28 July 2010,{callout}\n\n"
        "In view of the report of the Special Rapporteur,\n\n"
        "Recognizing the important role of the Special Rapporteur,\n\n"
        "1. Welcomes the report;\n\n2. Decides to continue its consideration of the question.\n\n[^5]: A/65/254.\n"
    )
    assert [c.text for c in r.preamble] == [
        "Recalling its resolution 64/292 of 28 July 2010, In view of the report of the Special Rapporteur,",
        "Recognizing the important role of the Special Rapporteur,",
    ]

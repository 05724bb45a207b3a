"""A form's labels alone on their lines ("Title:", "Submitted by:") with the value under them: a Word form's
table cells, which the reader gives one paragraph each, or a label and its value in two paragraphs."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

import whereas
from whereas.model import Resolution

BODY = (
    "Whereas students report food insecurity; and\n\n"
    "Whereas the pantry is underfunded; now, therefore, be it\n\n"
    "Resolved, that the Senate funds the pantry.\n"
)


def one(text: str) -> Resolution:
    [r] = whereas.parse(text)
    return r


def test_labels_with_their_values_in_the_next_paragraph() -> None:
    r = one("Title:\n\nResolution on Campus Food Security\n\nSubmitted by:\n\nJane Doe, Senator\n\n" + BODY)
    assert r.title is not None and r.title.text == "Resolution on Campus Food Security"
    assert r.sponsors.submitted_by == "Jane Doe, Senator"
    assert len(r.preamble) == 2


def test_bold_labels_with_their_values_on_the_next_line() -> None:
    r = one(
        "**Title:**\nResolution on Campus Food Security\n**Sponsor(s):**\nSenator Ana Ruiz, Senator Ben Cho\n\n" + BODY
    )
    assert r.title is not None and r.title.text == "Resolution on Campus Food Security"
    assert r.sponsors.others == ("Senator Ana Ruiz", "Senator Ben Cho")


@pytest.mark.parametrize(
    "text",
    [
        # who signs the adopted text attests it: a signature block's "By:" is no sponsor
        "Resolution on Campus Food Security\n\n" + BODY + "\nBy:\n\nJohn Smith, Mayor\n",
        # under a label, a sentence is no name
        "Resolution on Campus Food Security\n\nSponsors:\n\nThe committee met on May 3 and agreed to bring it.\n\n"
        + BODY,
        # nor a keyword line
        "Resolution on Campus Food Security\n\nSubmitted by:\n\n" + BODY,
    ],
)
def test_what_is_no_value_of_a_label_alone(text: str) -> None:
    r = one(text)
    assert r.title is not None and r.title.text == "Resolution on Campus Food Security"
    assert r.sponsors.submitted_by is None and r.sponsors.others == () and r.sponsors.mover is None


def test_a_word_form_in_a_table(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    for row, (label, value) in zip(
        table.rows,
        [
            ("Title:", "Resolution on Campus Food Security"),
            ("Submitted by:", "Jane Doe, Senator"),
            ("Date:", "May 4, 2026"),
        ],
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = label, value
    for paragraph in BODY.strip().split("\n\n"):
        document.add_paragraph(paragraph)
    path = tmp_path / "form.docx"
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    [r] = whereas.parse(path)
    assert r.title is not None and r.title.text == "Resolution on Campus Food Security"
    assert r.sponsors.submitted_by == "Jane Doe, Senator"
    assert [c.text.split()[0] for c in r.clauses] == ["Whereas", "Whereas", "Resolved,"]


@pytest.mark.parametrize(
    "line",
    [
        "**Motion by:** Board Member Ana Ruiz; **Second:** Board Member Ben Cho",
        "Moved by Trustee Ana Ruiz. Seconded by Trustee Ben Cho.",
        "Motion by: Ana Ruiz, Second: Ben Cho",
    ],
)
def test_a_mover_and_a_seconder_on_one_line(line: str) -> None:
    r = one(f"# Resolution on Campus Food Security\n\n{line}\n\n" + BODY)
    assert r.title is not None and r.title.text == "Resolution on Campus Food Security"
    assert (r.sponsors.mover or "").endswith("Ana Ruiz") and (r.sponsors.seconder or "").endswith("Ben Cho")


def test_the_record_of_an_adoption_is_no_recital() -> None:
    """ "Adopted at the regular meeting of …" under the title says what became of it; it argues for nothing."""
    r = one("# Resolution on Campus Food Security\n\n*Adopted at the regular meeting of February 19, 2026.*\n\n" + BODY)
    assert [c.text.split()[0] for c in r.preamble] == ["Whereas", "Whereas"]


def test_the_mover_and_seconder_in_the_connector_and_the_vote_after_a_name() -> None:
    """A housing co-operative's "NOW, THEREFORE, upon motion duly made by Director A and seconded by Director B, it
    is" over "RESOLVED, that …"; minutes' "Proposed: X. Seconded: Y. Carried unanimously." (the vote is no name)."""
    r = one(
        "# Increase in Carrying Charges\n\nWHEREAS, the reserve is underfunded;\n\n"
        "NOW, THEREFORE, upon motion duly made by Director Alvarez and seconded by Director Kim, it is\n\n"
        "RESOLVED, that carrying charges be increased by 6.5%.\n"
    )
    assert r.formula is not None and r.formula.text.endswith("it is")
    assert (r.sponsors.mover, r.sponsors.seconder) == ("Director Alvarez", "Director Kim")
    assert r.resolved[0].text == "RESOLVED, that carrying charges be increased by 6.5%."
    r = one(
        "# Reappointment of the Examiner\n\nProposed: Tom Ashworth. Seconded: Dev Patel. Carried unanimously.\n\n"
        + BODY
    )
    assert (r.sponsors.mover, r.sponsors.seconder) == ("Tom Ashworth", "Dev Patel")


@pytest.mark.parametrize(
    ("line", "who"),
    [
        ("*Submitted to the 2026 State Convention by the League of Women Voters of Cascade County*",
         ("submitted", "the League of Women Voters of Cascade County")),
        ("Sponsored by the Privacy and Technology Committee (Chair: Priya Raman)",
         ("others", "the Privacy and Technology Committee (Chair: Priya Raman)")),
    ],
)  # fmt: skip
def test_who_submitted_it_in_a_sentence_of_its_own(line: str, who: tuple[str, str]) -> None:
    r = one(f"# Resolution on Campus Food Security\n\n{line}\n\n" + BODY)
    role, name = who
    assert (r.sponsors.submitted_by if role == "submitted" else "; ".join(r.sponsors.others)) == name


def test_a_sponsor_name_cut_at_the_lines_end_goes_on_on_the_next() -> None:
    """A PDF's "Introduced by: …; Andrea Koval, MD; Marcus" / "Bell, DO": one name cut by the line's end."""
    r = one(
        "Resolution No. 214\n\nIntroduced by: Franklin County Academy of Medicine; Andrea Koval, MD; Marcus\n"
        "Bell, DO\n\n" + BODY
    )
    assert r.sponsors.others == ("Franklin County Academy of Medicine", "Andrea Koval, MD", "Marcus Bell, DO")

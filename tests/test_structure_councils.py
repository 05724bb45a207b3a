"""Three families of council documents: a resolution whose resolving clause is its unnumbered section 1 and
whose numbered sections follow it ("Sec. 2.", a DC Council resolution's); the codes a drafter or a clerk prints
under the last clause (initials, a file number, a date: a NYC Council resolution's "JEL / LS #19184 / 2/4/2025");
and a bilingual council's "Moved by / Proposée par :" labels and its French resolution after the English one.
The texts are invented."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

import whereas
from whereas.lint import Settings, lint
from whereas.lint.infer import settings_for
from whereas.model import Resolution


def _resolving(r: Resolution) -> list[str]:
    return [" ".join(c.text.split()) for c in r.resolved]


def _codes(text: str) -> list[str]:
    resolutions = whereas.parse(text)
    settings, _ = settings_for(resolutions, "text", Settings())
    return [d.code for d in lint(resolutions, settings)]


# -- numbered sections after a resolving clause that is section 1 --------------------------------------------

SECTIONS = """\
A PROPOSED RESOLUTION

IN THE COUNCIL OF THE BOROUGH OF ELMSTEAD

To declare the sense of the Council that the ferry should run on Sundays.

WHEREAS, the ferry carries 2,300 riders on an average Saturday;

WHEREAS, no bus serves the island on Sundays;

RESOLVED, BY THE COUNCIL OF THE BOROUGH OF ELMSTEAD, That this resolution may be cited as the "Sunday Ferry Resolution of 2026".

{word} 2. It is the sense of the Council that the ferry should run on Sundays.

{word} 3. The Clerk shall send a copy of this resolution to the Ferry Authority.

{word} {last}. This resolution shall take effect upon its adoption.
"""


@pytest.mark.parametrize("word", ["Sec.", "SEC.", "Section", "SECTION"])
def test_numbered_sections_after_a_short_title_clause_are_resolving_clauses(word: str) -> None:
    [r] = whereas.parse(SECTIONS.format(word=word, last=4))
    assert len(r.preamble) == 2
    resolving = _resolving(r)
    assert len(resolving) == 4
    assert resolving[0].endswith('Resolution of 2026".')
    assert [c.split(" ")[:2] for c in resolving[1:]] == [[word, "2."], [word, "3."], [word, "4."]]


def test_a_repeated_section_number_is_told() -> None:
    assert "R006" in _codes(SECTIONS.format(word="Sec.", last=3))
    assert "R006" not in _codes(SECTIONS.format(word="Sec.", last=4))


def test_a_section_after_a_clause_that_hands_on_to_a_text_is_not_one_more_clause() -> None:
    """ "… amended as follows." then "Section 2. Membership. …": the sections of the text it amends, not the
    resolution's own (no rule can be sure which they are: they stay unread)."""
    text = (
        "WHEREAS, the bylaws need an update;\n\n"
        "RESOLVED, That the bylaws be amended as follows.\n\n"
        "Section 2. Membership. Any resident may join.\n\n"
        "Section 3. Dues. Dues are $10.\n"
    )
    [r] = whereas.parse(text)
    assert _resolving(r) == ["RESOLVED, That the bylaws be amended as follows."]


def test_a_section_numbered_other_than_two_does_not_open_the_sections() -> None:
    text = SECTIONS.format(word="Sec.", last=4).replace("Sec. 2.", "Sec. 5.").replace("Sec. 3.", "Sec. 6.")
    text = text.replace("Sec. 4.", "Sec. 7.")
    [r] = whereas.parse(text)
    assert not any(c.startswith("Sec.") for c in _resolving(r))


# -- a drafter's or a clerk's codes under the last clause ----------------------------------------------------

LAST = "Resolved, That the Council of the Town of Brindle calls on the State to fund the library."
TRAILED = """\
Res. No. 77

Resolution calling on the State to fund the library.

By Council Members Ortega and Lind

Whereas, The library lost its state grant; now, therefore, be it

{last}
{codes}
"""


@pytest.mark.parametrize(
    "codes",
    [
        "JEL\nLS #19184\n2/4/2025",
        "LS/jm\nInt. No. 12",
        "js 2/4/25",
        "File #: Res 0482-2025",
        "February 4, 2026",
        "MKT 3/14/26",
    ],
)
def test_a_clerks_codes_under_the_last_clause_are_not_its_text(codes: str) -> None:
    [r] = whereas.parse(TRAILED.format(last=LAST, codes=codes))
    assert _resolving(r) == [LAST]


@pytest.mark.parametrize(
    ("last", "wrapped"),
    [
        ("Resolved, That the increase take effect on", "February 4, 2026."),
        ("Resolved, That the Council thank the staff of", "NASA."),
    ],
)
def test_a_wrapped_line_that_looks_like_a_code_stays_in_its_clause(last: str, wrapped: str) -> None:
    [r] = whereas.parse(TRAILED.format(last=last, codes=wrapped))
    assert _resolving(r) == [f"{last} {wrapped}"]


# -- a bilingual council -------------------------------------------------------------------------------------

MOVER, SECONDER = "Councillor Aline Boudreau", "Councillor Peter Vautour"
BILINGUAL = """\
Council Resolution / Résolution du conseil

Resolution No. / Résolution no : 2026-31
Moved by / Proposée par : Councillor / conseillère Aline Boudreau
Seconded by / Appuyé par : Councillor / conseiller Peter Vautour

WHEREAS the Province plans to close the rink on March 1;

AND WHEREAS the rink is the only one within 40 kilometres;

NOW THEREFORE BE IT RESOLVED THAT Council ask the Minister to keep the rink open;

AND BE IT FURTHER RESOLVED THAT a copy of this resolution be sent to the Minister{end}
{french} la Province prévoit fermer la patinoire le 1er mars;
ET ATTENDU QUE la patinoire est la seule à moins de 40 kilomètres;
IL EST RÉSOLU QUE le conseil demande au ministre de garder la patinoire ouverte;
IL EST DE PLUS RÉSOLU QU'une copie de la présente résolution soit envoyée au ministre.
CARRIED / ADOPTÉE
"""
LAST_EN = "AND BE IT FURTHER RESOLVED THAT a copy of this resolution be sent to the Minister"


def test_bilingual_labels_name_the_mover_and_the_seconder() -> None:
    [r] = whereas.parse(BILINGUAL.format(end=".", french="ATTENDU QUE"))
    assert (r.sponsors.mover, r.sponsors.seconder) == (MOVER, SECONDER)
    assert r.title is None or "Vautour" not in r.title.text


@pytest.mark.parametrize(
    ("end", "french"), [(".", "ATTENDU QUE"), (",", "CONSIDÉRANT QUE"), (";", "IL EST RÉSOLU QUE le conseil, vu que")]
)
def test_the_french_resolution_is_not_glued_onto_the_english_last_clause(end: str, french: str) -> None:
    [r] = whereas.parse(BILINGUAL.format(end=end, french=french))
    assert len(r.preamble) == 2
    assert _resolving(r)[-1] == LAST_EN + end


def test_a_bilingual_label_table_in_word_names_the_sponsors_not_the_title(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Council Resolution / Résolution du conseil")
    table = document.add_table(rows=3, cols=2)
    rows = [
        ("Resolution No. / Résolution no :", "2026-31"),
        ("Moved by / Proposée par :", "Councillor / conseillère Aline Boudreau"),
        ("Seconded by / Appuyé par :", "Councillor / conseiller Peter Vautour"),
    ]
    for row, (label, value) in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    for paragraph in BILINGUAL.format(end=".", french="ATTENDU QUE").splitlines()[6:]:
        if paragraph:
            document.add_paragraph(paragraph)
    path = tmp_path / "bilingual.docx"
    document.save(str(path))
    [r] = whereas.parse(path)
    assert (r.sponsors.mover, r.sponsors.seconder) == (MOVER, SECONDER)
    assert r.title is None or "Vautour" not in r.title.text
    assert _resolving(r)[-1] == LAST_EN + "."

"""T007 keyword-spacing: exact findings over pass and fail cases, and the fix."""

from __future__ import annotations

import pytest

import whereas
from whereas.lint import Settings, lint
from whereas.lint.fix import fix_source
from whereas.model import Source
from whereas.structure import build

SELECT = Settings(select=("T007",))


def found(text: str, fmt: str = "text") -> list[tuple[str, int, int]]:
    resolutions = build(Source(text, fmt, None))
    out = []
    for d in lint(resolutions, SELECT):
        line = text.count("\n", 0, d.span.start) + 1
        column = d.span.start - (text.rfind("\n", 0, d.span.start) + 1) + 1
        out.append((d.code, line, column))
    return out


HEAD = "Resolution on Parks\n\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            HEAD + "Whereas,the parks need care; now, therefore, be it\n\nResolved,That the city acts.\n",
            [("T007", 3, 1), ("T007", 5, 1)],
        ),
        (
            HEAD
            + "WHEREAS,the parks need care; and\n\nWHEREAS, the city can; now, therefore,\n\nBE IT RESOLVED:That the city acts.\n",
            [("T007", 3, 1), ("T007", 7, 7)],
        ),
        (
            HEAD
            + "Whereas the parks need care; now, therefore, be it\n\nResolved, that the city acts; and be it further\n\nResolved,that it pays.\n",
            [("T007", 7, 1)],
        ),
    ],
)
def test_a_keyword_mark_run_into_the_next_word_is_found(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        HEAD + "Whereas, the parks need care; now, therefore, be it\n\nResolved, That the city acts.\n",
        HEAD + "Whereas the parks need care; now, therefore, be it\n\nResolved that the city acts.\n",  # no mark at all
        HEAD
        + "Whereas, the parks need care; now, therefore, be it\n\nResolved,\nThat the city acts.\n",  # a line break
        HEAD + 'Whereas,"the parks" need care; now, therefore, be it\n\nResolved, That the city acts.\n',  # a quotation
        # a text view that lost its spaces in an extraction: not a typing slip
        HEAD + "WHEREAS,thisisatransportation,economicdevelopment,andquality-of-lifeissue; now, therefore,\n\n"
        "RESOLVED, That the city acts.\n",
    ],
)
def test_spaced_or_unsure_keyword_marks_are_left_alone(text: str) -> None:
    assert found(text) == []


def test_a_pdf_text_is_layout_not_typing() -> None:
    assert (
        found(HEAD + "Whereas,the parks need care; now, therefore, be it\n\nResolved,That the city acts.\n", "pdf")
        == []
    )


def test_the_fix_inserts_the_space_and_nothing_else() -> None:
    text = HEAD + "Whereas,the parks need care; now, therefore, be it\n\nRESOLVED,That the city acts.\n"
    result = fix_source(Source(text, "text", None), SELECT)
    assert result.text == text.replace("Whereas,the", "Whereas, the").replace("RESOLVED,That", "RESOLVED, That")
    assert [d.code for d in whereas.lint.lint(whereas.parse(result.text), SELECT)] == []

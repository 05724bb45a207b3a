"""Generated resolutions: render to md/html/docx, parse back, compare."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import whereas
from test_render_formats import reparse, summary
from whereas.render import render

WORDS = st.sampled_from(
    "the council library members public access freedom press rights budget city report data open "
    "records hearing committee union workers safety policy reading science".split()
)


@st.composite
def phrase(draw, lo: int = 2, hi: int = 8) -> str:
    return " ".join(draw(st.lists(WORDS, min_size=lo, max_size=hi)))


@st.composite
def resolution_text(draw) -> str:
    notes: list[str] = []

    def note_ref() -> str:
        if draw(st.booleans()):
            notes.append(f"{draw(phrase(1, 3)).title()}. https://example.org/{len(notes) + 1}")
            return f"[^{len(notes)}]"
        return ""

    def body() -> str:
        text = draw(phrase())
        if draw(st.booleans()):
            text += f' that "{draw(phrase(2, 6))}"{note_ref()}'
        return text

    blocks = []
    if draw(st.booleans()):
        blocks.append(f"# Resolution on {draw(phrase(1, 3)).title()}")
    if draw(st.booleans()):
        blocks.append("Mover: Jane Doe\nSeconder: Sam Roe")
    n_recitals = draw(st.integers(1, 4))
    for i in range(n_recitals):
        kw = draw(st.sampled_from(["Whereas", "WHEREAS,", "Whereas,"]))
        end = "; now, therefore, be it" if i == n_recitals - 1 else ";"
        blocks.append(f"{kw} {body()}{note_ref()}{end}")
    n_resolved = draw(st.integers(1, 3))
    for i in range(n_resolved):
        kw = draw(st.sampled_from(["Resolved, that", "RESOLVED, That", "Resolved, That"]))
        end = "; and be it further" if i < n_resolved - 1 else "."
        if draw(st.booleans()):
            items = [f"({k}) {body()}{note_ref()};" for k in range(1, draw(st.integers(2, 3)) + 1)]
            blocks.append(f"{kw} the council\u2014\n" + "\n".join(items)[:-1] + end)
        else:
            blocks.append(f"{kw} {body()}{note_ref()}{end}")
    text = "\n\n".join(blocks)
    if notes:
        text += "\n\n" + "\n".join(f"[^{i}]: {n}" for i, n in enumerate(notes, 1))
    return text + "\n"


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=resolution_text())
def test_generated_round_trip(fmt: str, text: str) -> None:
    rs = whereas.parse(text)
    assert len(rs) == 1 and rs[0].resolved
    back = reparse(render(rs, fmt), fmt)
    assert [summary(r) for r in back] == [summary(r) for r in rs]

"""A fix that adds "and" after a recital's terminator puts it after the note call-outs that follow the terminator,
never between the mark and its call-out, whichever fix moves what first (format runs the call-out placement and
the terminator fixes together)."""

from __future__ import annotations

import re

import pytest

from whereas.format import format_source
from whereas.lint.fix import fix_source
from whereas.lint.settings import Settings, profile_named
from whereas.model import Source

NOTES = "\n\n[^1]: Survey of members, 2024.\n\n[^2]: Staffing report, 2024.\n"


def _text(third: str) -> str:
    return (
        "# Resolution on Safe Staffing\n\n"
        "Whereas nurses care for eight patients at a time;[^1]\n\n"
        "Whereas members skip meals because of " + third + "\n\n"
        "Whereas the staffing law has no teeth; now, therefore, be it\n\n"
        "Resolved, that the Federation supports enforceable ratios.\n" + NOTES
    )


@pytest.mark.parametrize("third", ["short staffing[^2].", "short staffing.[^2]", "short staffing;[^2]"])
def test_and_goes_after_the_callout(third: str) -> None:
    ala = Settings(profile=profile_named("ala"), profile_source="option")  # "; and" on the next-to-last recital
    result = format_source(Source(_text(third), "markdown", None), ala, unsafe=True)
    assert "short staffing;[^2] and" in result.text
    assert not re.search(r"and\[\^\d\]", result.text)


def test_the_fix_alone_keeps_the_documents_placement() -> None:
    fixed = fix_source(Source(_text("short staffing[^2]"), "markdown", None), unsafe=True)
    assert not re.search(r"and\[\^\d\]", fixed.text)

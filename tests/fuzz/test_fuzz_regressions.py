"""What the fuzz targets found, kept as plain tests.

A finding in code others were changing when it was found (``structure/``, ``readers/doc.py``,
``readers/html.py``, ``verify/extract.py``, ``format.py``) is recorded as a strict xfail: it passes the
day the bug is fixed, and then the marker must go."""

from __future__ import annotations

from fuzzing import seeds

from whereas.api import parse_view
from whereas.readers import read_bytes


def test_repeated_resolutions_keep_their_own_notes() -> None:
    """The fixture with two footnotes, 20 times over: each resolution references two notes and holds two."""
    [one] = [s for s in seeds("markdown") if b"[^2]:" in s and b"Harbor City" in s]
    resolutions = parse_view(read_bytes(one * 20, "repeated.md"))
    assert len(resolutions) == 20
    assert [len(r.notes) for r in resolutions] == [2] * 20

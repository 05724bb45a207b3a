"""The fuzz targets import the fixture builders from ``tests/`` and ``tests/fixtures/``, however pytest is run."""

from __future__ import annotations

import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
for folder in (TESTS, TESTS / "fixtures", Path(__file__).resolve().parent):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

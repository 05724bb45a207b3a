"""Test-wide settings.

Property tests (hypothesis) draw the same examples on every run, so that the suite (and CI) gives the same
answer twice; ``WHEREAS_HYPOTHESIS_RANDOM=1`` draws new ones, as a search for the next bug (a failure found
so is then kept as an explicit example in its test).
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("search")
settings.load_profile("search" if os.environ.get("WHEREAS_HYPOTHESIS_RANDOM") else "repeatable")

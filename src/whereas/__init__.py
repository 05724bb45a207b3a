"""whereas: lint, verify and publish resolutions."""

from __future__ import annotations

from whereas.api import parse, render, verify
from whereas.errors import InputError
from whereas.model import Resolution

__version__ = "0.1.0"
__all__ = ["InputError", "Resolution", "__version__", "check_quote", "parse", "render", "verify"]


def __getattr__(name: str) -> object:
    # check_quote brings in the verification machinery (rapidfuzz…): imported on first use only,
    # so that `whereas check` starts fast.
    if name == "check_quote":
        from whereas.verify.match import check_quote

        return check_quote
    raise AttributeError(f"module 'whereas' has no attribute {name!r}")

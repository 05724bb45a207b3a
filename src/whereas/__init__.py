"""whereas: lint, verify and publish resolutions."""

from __future__ import annotations

from whereas.api import parse, render, verify
from whereas.errors import InputError
from whereas.model import Resolution
from whereas.verify.match import check_quote

__version__ = "0.1.0"
__all__ = ["InputError", "Resolution", "__version__", "check_quote", "parse", "render", "verify"]

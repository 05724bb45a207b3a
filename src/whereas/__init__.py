"""whereas: lint, verify and publish resolutions.

The verbs — ``whereas.parse``, ``whereas.check``, ``whereas.verify``, ``whereas.render`` — are
those of :mod:`whereas.api`.  ``whereas.verify`` and ``whereas.render`` name the verbs, not the
packages of the same names: those are imported first, below, so that importing one of their modules
later (``from whereas.verify.match import check_quote``) does not rebind the name to the package.
Reach a package's modules with ``from whereas.verify import match`` or ``from whereas.verify.match
import …`` (not ``import whereas.verify.match``, whose ``whereas.verify`` is the verb).
"""

from __future__ import annotations

import whereas.render as _render_package  # the packages first (see above) …
import whereas.verify as _verify_package
from whereas.api import check, parse, render, verify  # … then the verbs of the same names
from whereas.errors import InputError, UsageError, WhereasError
from whereas.model import Resolution
from whereas.results import CheckOptions, CheckResult

del _render_package, _verify_package

__version__ = "0.1.0"
__all__ = [
    "CheckOptions",
    "CheckResult",
    "InputError",
    "Resolution",
    "UsageError",
    "WhereasError",
    "__version__",
    "check",
    "check_quote",
    "parse",
    "render",
    "verify",
]


def __getattr__(name: str) -> object:
    # check_quote brings in the verification machinery (rapidfuzz…): imported on first use only,
    # so that `whereas check` starts fast.
    if name == "check_quote":
        from whereas.verify.match import check_quote

        return check_quote
    raise AttributeError(f"module 'whereas' has no attribute {name!r}")

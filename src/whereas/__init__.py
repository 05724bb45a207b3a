"""whereas: lint, verify and publish resolutions.

The verbs — ``whereas.parse``, ``whereas.check``, ``whereas.verify``, ``whereas.render`` — are
those of :mod:`whereas.api`, imported when first used, so that ``whereas --version`` and the
commands that do not check anything start without loading the lint engine.  ``whereas.verify`` and
``whereas.render`` name the verbs, not the packages of the same names: importing one of those
packages' modules (``from whereas.verify.match import check_quote``) does not rebind the name.
Reach a package's modules with ``from whereas.verify import match`` or ``from whereas.verify.match
import …`` (not ``import whereas.verify.match``, whose ``whereas.verify`` is the verb).
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import TYPE_CHECKING

from whereas.errors import InputError, UsageError, WhereasError

if TYPE_CHECKING:
    from whereas.api import check, parse, render, verify
    from whereas.model import Resolution
    from whereas.results import CheckOptions, CheckResult
    from whereas.verify.match import check_quote

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

#: the names imported on first use, and the modules they come from
_LAZY = {
    "check": "whereas.api",
    "parse": "whereas.api",
    "render": "whereas.api",
    "verify": "whereas.api",
    "Resolution": "whereas.model",
    "CheckOptions": "whereas.results",
    "CheckResult": "whereas.results",
    "check_quote": "whereas.verify.match",  # the verification machinery (rapidfuzz…)
}
#: the verbs named like a package of this one
_VERBS = ("verify", "render")


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'whereas' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # found directly from now on
    return value


class _Package(ModuleType):
    """This module's type: importing the package ``whereas.verify`` or ``whereas.render`` (which binds
    the package to its name in its parent) leaves the name to the verb."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in _VERBS and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

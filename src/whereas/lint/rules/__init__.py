"""The lint rules, one module each. ``RULES`` is the immutable tuple of all of them, in code order.

Every code, these and the ones the engine and the verifier report, is looked up in ``whereas.lint.registry``.
"""

from __future__ import annotations

import importlib
import os

from whereas.lint.rule import Rule


def _load() -> tuple[Rule, ...]:
    found = []
    # (the folder listed, not walked with pkgutil.iter_modules: importing pkgutil and its walk were ≈ 0.5 % of a
    # one-file check)
    for name in sorted(os.listdir(__path__[0])):
        if not name.endswith(".py") or name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{name.removesuffix('.py')}")
        rule = getattr(module, "RULE", None)
        if isinstance(rule, Rule):
            found.append(rule)
    return tuple(sorted(found, key=lambda r: r.code))


RULES: tuple[Rule, ...] = _load()

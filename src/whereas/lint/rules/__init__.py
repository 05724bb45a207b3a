"""The lint rules, one module each. ``RULES`` is the immutable tuple of all of them, in code order.

Every code, these and the ones the engine and the verifier report, is looked up in ``whereas.lint.registry``.
"""

from __future__ import annotations

import importlib
import pkgutil

from whereas.lint.rule import Rule


def _load() -> tuple[Rule, ...]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        rule = getattr(module, "RULE", None)
        if isinstance(rule, Rule):
            found.append(rule)
    return tuple(sorted(found, key=lambda r: r.code))


RULES: tuple[Rule, ...] = _load()

"""Every code whereas reports, in one immutable registry built once: the lint rules (``whereas.lint.rules``),
X001 (reported by the lint engine, ``whereas.lint.suppress``) and the verifier's V001–V007
(``whereas.verify.findings``).

``whereas rule``, ``--select`` and the other selectors, the configuration's ``[rules.CODE]`` tables, the docs
generator (``python -m whereas.lint.docs``) and SARIF's rule metadata all read it, so a code is known
everywhere or nowhere.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType

from whereas.lint.rule import Rule


@dataclass(frozen=True)
class Registry:
    """Rules by code, in code order; looked up by code (any case) or name."""

    rules: tuple[Rule, ...]
    by_code: Mapping[str, Rule] = field(init=False, repr=False)
    by_name: Mapping[str, Rule] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        by_code: dict[str, Rule] = {}
        by_name: dict[str, Rule] = {}
        for rule in self.rules:
            for key, seen in ((rule.code, by_code), (rule.name, by_name)):
                if key in seen:
                    raise ValueError(f"two rules are called {key}: {type(seen[key]).__name__}, {type(rule).__name__}")
                seen[key] = rule
        object.__setattr__(self, "rules", tuple(sorted(self.rules, key=lambda r: r.code)))
        object.__setattr__(self, "by_code", MappingProxyType(by_code))
        object.__setattr__(self, "by_name", MappingProxyType(by_name))

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def lookup(self, code_or_name: str) -> Rule | None:
        """The rule with this code (W002, w002) or name (whereas-comma), or None."""
        key = code_or_name.strip()
        return self.by_code.get(key.upper()) or self.by_name.get(key.lower())

    def of_origin(self, origin: str) -> tuple[Rule, ...]:
        """The rules whose findings come from ``origin``: "rule" (the ones the lint engine runs), "engine", "verify"."""
        return tuple(r for r in self.rules if r.origin == origin)


@cache
def registry() -> Registry:
    """The registry, built on first use: the V codes live in ``whereas.verify``, which is not imported while the
    ``whereas`` package itself is (see ``whereas.verify.__init__``)."""
    from whereas.lint.rules import RULES
    from whereas.lint.suppress import UNUSED_SUPPRESSION
    from whereas.verify.findings import V_RULES

    return Registry((*RULES, UNUSED_SUPPRESSION, *V_RULES))


def __getattr__(name: str) -> Registry:
    if name == "REGISTRY":  # ``from whereas.lint.registry import REGISTRY``: the one registry, built once
        return registry()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def lookup(code_or_name: str) -> Rule | None:
    """The rule with this code or name, whatever reports it (``REGISTRY.lookup``)."""
    return registry().lookup(code_or_name)

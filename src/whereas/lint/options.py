"""A rule's options: a small frozen dataclass per rule, with a default and a doc string for each field.

    @dataclass(frozen=True)
    class Options:
        min_overlap: int = option(3, "how many significant words … must share", minimum=1)

``[rules.C003] min_overlap = 4`` in the configuration becomes ``C003.Options(min_overlap=4)``, checked
when the configuration is read (as yamllint's ``validate_rule_conf`` does): an unknown name or a value of
the wrong type is an :class:`OptionError` naming the option, which the configuration reader turns into one
line naming the file and the rule. ``check()`` reads ``ctx.options.min_overlap``; the defaults live here,
never in ``check()``.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple


class OptionError(ValueError):
    """An option that is not the rule's, or whose value is not of the option's type."""


def option(default: Any, doc: str, *, minimum: int | None = None) -> Any:
    """A field of a rule's ``Options``: its default, what it means (shown in the rule's docs) and, for a number,
    the least value it may take."""
    return field(default=default, metadata={"doc": doc, "minimum": minimum})


@dataclass(frozen=True)
class NoOptions:
    """The options of a rule that has none."""


# (a NamedTuple: a frozen dataclass costs five times as much to create at start-up; docs/performance.md)
class OptionDoc(NamedTuple):
    """One option as the docs and ``whereas rule --format json`` show it."""

    name: str
    type: str  # in words: "integer", "list of strings"
    default: Any
    doc: str


def describe(options: type) -> tuple[OptionDoc, ...]:
    """The fields of an ``Options`` class, in order, for the docs."""
    hints = _hints(options)
    return tuple(
        OptionDoc(f.name, _type_name(hints[f.name]), f.default, f.metadata.get("doc", ""))
        for f in dataclasses.fields(options)
    )


def validate(options: type, table: Mapping[str, Any]) -> Any:
    """``options`` (a rule's ``Options`` class) filled from ``table`` (a configuration's ``[rules.CODE]``).

    Raises :class:`OptionError` for an unknown name or a value of the wrong type; a list is taken for a
    ``tuple[str, ...]`` field (TOML has no tuples)."""
    if not isinstance(table, Mapping):
        raise OptionError(f"options must be a table of NAME = value, not {_shown(table)}")
    fields = {f.name: f for f in dataclasses.fields(options)}
    hints = _hints(options)
    values: dict[str, Any] = {}
    for name, value in table.items():
        f = fields.get(name)
        if f is None:
            known = ", ".join(fields) if fields else "none: the rule has no options"
            raise OptionError(f"unknown option {name!r} (known: {known})")
        values[name] = _coerce(name, value, hints[name], f.metadata.get("minimum"))
    return options(**values)


@cache
def _hints(options: type) -> dict[str, Any]:
    return typing.get_type_hints(options)


def _coerce(name: str, value: Any, hint: Any, minimum: int | None) -> Any:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        if value is None and type(None) in args:
            return None
        (hint,) = [a for a in args if a is not type(None)]
        origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple:  # tuple[str, ...]
        item = args[0]
        if isinstance(value, list | tuple) and all(_is(v, item) for v in value):
            return tuple(value)
    elif _is(value, hint):
        if minimum is not None and value < minimum:
            raise OptionError(f"{name} must be at least {minimum}, not {_shown(value)}")
        return float(value) if hint is float else value
    raise OptionError(f"{name} must be {_article(_type_name(hint))}, not {_shown(value)}")


def _is(value: Any, hint: Any) -> bool:
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, hint)


_NAMES = {int: "integer", float: "number", str: "string", bool: "boolean (true or false)"}


def _type_name(hint: Any) -> str:
    args = [a for a in typing.get_args(hint) if a is not type(None) and a is not Ellipsis]
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        return _type_name(args[0])
    if typing.get_origin(hint) is tuple:
        return f"list of {_NAMES[args[0]]}s"
    return _NAMES[hint]


def _article(name: str) -> str:
    return name if name.startswith("list") else ("an " if name[0] in "aeiou" else "a ") + name


def _shown(value: Any) -> str:
    """A value as it is written in TOML, for an error message."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace('"', '\\"') + '"'
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    return repr(value)

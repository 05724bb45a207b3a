"""Which rules run, at which severity, with which options: from the profile, the config file and the CLI."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whereas.errors import UsageError
from whereas.lint.diagnostic import Severity
from whereas.lint.options import OptionError
from whereas.lint.profiles import DEFAULT_PROFILE, PROFILES, Profile
from whereas.lint.rule import Rule
from whereas.lint.suppress import matches


@dataclass(frozen=True)
class Settings:
    profile: Profile = PROFILES[DEFAULT_PROFILE]
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)  # selector → severity
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # code or name → options
    #: where the profile came from: "option" (--profile), "config", or "default" (inferred per document)
    profile_source: str = "default"
    #: ``[verify] allow-hosts``: hosts ``--verify`` fetches whatever their address (see verify/addresses.py)
    allow_hosts: tuple[str, ...] = ()

    def enabled(self, rule: Rule) -> bool:
        if any(matches(s, rule.code, rule.name) for s in self.ignore):
            return False
        if any(matches(s, rule.code, rule.name) for s in self.extend_select):
            return True
        if self.select:
            return any(matches(s, rule.code, rule.name) for s in self.select)
        if self.profile.name not in rule.profiles:
            return False
        return not any(rule.code.startswith(d) for d in self.profile.disabled)

    def severity_of(self, rule: Rule) -> Severity:
        for selector, level in self.severity.items():
            if matches(selector, rule.code, rule.name):
                return level
        return rule.severity

    def options_for(self, rule: Rule) -> Any:
        """The rule's options (an instance of its ``Options``) from the tables set by its code and by its name."""
        table = {**self.options.get(rule.code, {}), **self.options.get(rule.name, {})}
        try:
            return rule.options_from(table)
        except OptionError as exc:
            raise UsageError(f"options: [rules.{rule.code}] {exc}") from None


def known_selectors() -> tuple[dict[str, str], dict[str, str]]:
    """Every code a selector can name (lint rules, X001, the verification V codes) → its name, and the reverse."""
    from whereas.lint.registry import REGISTRY

    codes = {r.code: r.name for r in REGISTRY}
    return codes, {name: code for code, name in codes.items()}


def rule_options(tables: Any, *, source: str) -> dict[str, dict[str, Any]]:
    """The configuration's ``[rules.CODE]`` tables, each checked against the rule's ``Options`` (as yamllint's
    ``validate_rule_conf``): a UsageError names the file, the rule and the option that is unknown or wrong."""
    from whereas.lint.registry import REGISTRY

    if not isinstance(tables, dict):
        raise UsageError(f"{source}: rules must be tables of options, one per rule: [rules.C003]")
    check_selectors(tables, source=f"{source}: [rules]")
    out = {}
    for key, table in tables.items():
        rule = REGISTRY.lookup(key)
        if rule is None:
            raise UsageError(f"{source}: [rules.{key}]: options are set per rule, by code or name, e.g. [rules.C003]")
        try:
            rule.options_from(table)
        except OptionError as exc:
            raise UsageError(f"{source}: [rules.{key}] {exc}") from None
        out[key] = dict(table)
    return out


def check_selectors(selectors: Iterable[str], *, source: str) -> None:
    """Raise a UsageError naming the first selector that matches no code, prefix or name, with the closest one."""
    codes, names = known_selectors()
    for selector in selectors:
        s = selector.strip()
        if s and (s.lower() == "all" or s.lower() in names or any(code.startswith(s.upper()) for code in codes)):
            continue
        import difflib

        close = difflib.get_close_matches(s.upper(), codes, n=1) or difflib.get_close_matches(s.lower(), names, n=1)
        hint = f"; did you mean {close[0]}?" if close else "; `whereas rule --all` lists the rules"
        raise UsageError(f"{source}: unknown rule code or name {s!r}{hint}")


def profile_named(name: str) -> Profile:
    try:
        return PROFILES[name.lower()]
    except KeyError:
        raise UsageError(f"unknown profile {name!r}; choose one of {', '.join(PROFILES)}") from None


def find_config(start: Path) -> Path | None:
    """The closest ``whereas.toml``, or ``pyproject.toml`` with a ``[tool.whereas]`` table, at or above ``start``."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / "whereas.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            import tomllib  # here: most checks never read a configuration file

            try:
                if "whereas" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}):
                    return pyproject
            except (tomllib.TOMLDecodeError, UnicodeDecodeError):
                continue
    return None


def load_config(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("whereas", {})
    return data


def verify_allow_hosts(config: dict[str, Any], *, source: str = "config") -> tuple[str, ...]:
    """The ``[verify]`` table's ``allow-hosts`` (HOST or HOST:PORT strings), checked."""
    table = config.get("verify", {})
    if not isinstance(table, dict):
        raise UsageError(f"{source}: verify must be a table: [verify]")
    unknown = set(table) - {"allow-hosts"}
    if unknown:
        raise UsageError(
            f"{source}: unknown setting(s) {', '.join(f'verify.{k}' for k in sorted(unknown))}; known: verify.allow-hosts"
        )
    hosts = table.get("allow-hosts", [])
    if not isinstance(hosts, list) or not all(isinstance(h, str) for h in hosts):
        raise UsageError(
            f'{source}: verify.allow-hosts must be a list of HOST or HOST:PORT, e.g. allow-hosts = ["127.0.0.1:8080"]'
        )
    from whereas.verify.addresses import parse_allowed

    try:
        parse_allowed(hosts)
    except ValueError as exc:
        raise UsageError(f"{source}: verify.allow-hosts: {exc}") from None
    return tuple(hosts)


def settings_from(config: dict[str, Any], *, source: str = "config", profile_source: str = "config") -> Settings:
    known = {"profile", "select", "extend-select", "ignore", "severity", "rules", "fail-on", "verify"}
    unknown = set(config) - known
    if unknown:
        raise UsageError(
            f"{source}: unknown setting(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}"
        )
    for key in ("select", "extend-select", "ignore"):
        check_selectors(config.get(key, ()), source=f"{source}: {key}")
    check_selectors(config.get("severity", {}), source=f"{source}: [severity]")
    options = rule_options(config.get("rules", {}), source=source)
    severity = {}
    for selector, level in config.get("severity", {}).items():
        try:
            severity[selector] = Severity(level)
        except ValueError:
            raise UsageError(f"{source}: severity for {selector!r} must be error, warning or info") from None
    return Settings(
        profile=profile_named(config.get("profile", DEFAULT_PROFILE)),
        profile_source=profile_source if "profile" in config else "default",
        select=tuple(config.get("select", ())),
        extend_select=tuple(config.get("extend-select", ())),
        ignore=tuple(config.get("ignore", ())),
        severity=severity,
        options=options,
        allow_hosts=verify_allow_hosts(config, source=source),
    )

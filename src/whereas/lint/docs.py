"""Rule and profile documentation, generated from the rules and profiles themselves.

    python -m whereas.lint.docs            # rewrite docs/rules/*.md, the table in docs/profiles.md and
                                           # src/whereas/data/rules.json (what `whereas rule` prints)
    python -m whereas.lint.docs --check    # exit 1 if the committed docs differ from the generated ones

A test runs the check, so the docs never drift from the code.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from whereas.lint.profiles import DEFAULT_PROFILE, PROFILES, Profile
from whereas.lint.registry import REGISTRY
from whereas.lint.rule import Rule
from whereas.lint.settings import Settings
from whereas.model import Resolution
from whereas.readers import read_string
from whereas.structure import build

PROFILES_BEGIN = "<!-- BEGIN GENERATED PROFILE TABLE (python -m whereas.lint.docs) -->"
PROFILES_END = "<!-- END GENERATED PROFILE TABLE -->"


def default_profiles(rule: Rule) -> list[str]:
    """The profiles in which ``rule`` runs when nothing is selected or ignored (X001 and the V codes: all)."""
    if rule.origin != "rule":
        return list(PROFILES)
    return [name for name, p in PROFILES.items() if Settings(profile=p).enabled(rule)]


_SCOPES = {
    "clause": (
        "It edits only the clause it reports on: the clause's text, its note call-outs and inline notes, the "
        "connector that ends it (the last recital) or opens it (the first resolving clause), and the white space "
        "around them on their lines."
    ),
    "element": (
        "It edits only the resolution's own elements (a clause with its call-outs, inline notes and connector, the "
        "connector, the title, the sponsor lines, a note) and the white space between two of them."
    ),
    "notes": "It edits only the note call-outs and the inline notes, and appends the Endnotes section at the end of the file.",
    "finding": "It edits only the span it reports.",
}
_FORMS: dict[tuple[str, ...], str] = {
    ("whereas",): "recitals that open with Whereas",
    ("resolved",): "resolving clauses that open with the word Resolved",
}


def fix_guarantee(rule: Rule) -> str:
    """What the rule's fix may touch and what every fix is held to (see ``whereas.lint.safety``)."""
    text = _SCOPES[rule.fix_scope]
    forms = _FORMS.get(rule.fix_forms) if rule.fix_forms else None
    if forms:
        text += (
            f" Only {forms}"
            + (' ("Resolved, that", not "BE IT RESOLVED")' if rule.fix_plain else "")
            + " are fixed; on others the finding comes without a fix."
        )
    return (
        f"**What the fix may touch.** {text} Like every fix it is verified before it is written: it never edits "
        "quoted material (quotation marks, a quoted or block-quoted resolution), code, tables or Markdown markup, and "
        "it is dropped if the document, linted again, would read differently in another clause or show a finding "
        "that was not there. `whereas check --fix --show-fixes` lists dropped fixes with the reason "
        "(see [Fixes](../../README.md#checking-resolutions-whereas-check))."
    )


def _fence(text: str, info: str = "text") -> str:
    fence = "```"
    while fence in text:
        fence += "`"
    return f"{fence}{info}\n{text.rstrip(chr(10))}\n{fence}"


def _parse(text: str) -> list[Resolution]:
    return build(read_string(text).source())


def _example_findings(rule: Rule) -> list[str]:
    """What the rule says about its own ``bad`` example, in the first profile that runs it (the V codes need the
    cited sources, so they have none)."""
    from whereas.lint import lint

    if rule.origin == "verify":
        return []
    profiles = default_profiles(rule) or [DEFAULT_PROFILE]
    settings = Settings(profile=PROFILES[profiles[0]], select=(rule.code,))
    out = []
    for d in lint(_parse(rule.bad), settings):
        if d.code == rule.code:
            p = d.start
            out.append(f"{p.line}:{p.column}: {d.code} [{d.name}] {d.message}")
    return out


def _profiles_line(rule: Rule) -> str:
    if rule.origin == "verify":
        return "all, with `whereas verify` or `whereas check --verify`"
    profiles = default_profiles(rule)
    return ", ".join(profiles) if profiles else "none (select it explicitly)"


def _default(value: object) -> str:
    if value is None:
        return "unset"
    if isinstance(value, tuple):
        return "`[" + ", ".join(f'"{v}"' for v in value) + "]`"
    return f"`{value}`"


def options_markdown(rule: Rule) -> list[str]:
    """The rule's options, from its ``Options`` dataclass: name, type, default and what it does."""
    docs = rule.option_docs()
    if not docs:
        return ["None."]
    lines = [f"Set in the configuration as `[rules.{rule.code}]` (or `[rules.{rule.name}]`) `NAME = value`:", ""]
    for o in docs:
        lines.append(f"* `{o.name}` ({o.type}, default {_default(o.default)}): {o.doc}.")
    lines += [
        "",
        "An unknown option or a value of the wrong type is an error naming the file, the rule and the option "
        "(exit code 2).",
    ]
    return lines


def rule_markdown(rule: Rule) -> str:
    reported_by = {
        "rule": "",
        "engine": " · **Reported by:** the lint engine",
        "verify": " · **Reported by:** the verifier",
    }[rule.origin]
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        f"**Default severity:** {rule.severity.value} · **Profiles:** {_profiles_line(rule)} · "
        f"**Fix:** {rule.fix.label}{reported_by}",
        "",
        "## What it does",
        "",
        rule.summary,
        "",
        "## Why",
        "",
        rule.why,
        "",
    ]
    if rule.known_problems:
        lines += ["## Known problems", "", rule.known_problems, ""]
    lines += ["## Options", "", *options_markdown(rule), "", "## Example", "", _fence(rule.bad), ""]
    findings = _example_findings(rule)
    if findings:
        lines += [f"`whereas check --select {rule.code}` reports:", "", _fence("\n".join(findings)), ""]
    lines += ["## Use instead", "", _fence(rule.good), "", "## Fix", "", rule.fix_note, ""]
    if rule.fix.fixable:
        lines += [fix_guarantee(rule), ""]
    if rule.origin == "verify":
        off = (
            f'`ignore = ["{rule.code}"]` in the configuration or `--ignore {rule.code}` with `whereas check --verify` '
            "(see [configuration](../configuration.md)). Suppression comments do not reach the V codes."
        )
    else:
        off = (
            f'`ignore = ["{rule.code}"]` in the configuration, `--ignore {rule.code}` on the command line, or '
            f"`<!-- whereas: ignore {rule.name} -->` before a clause "
            "(see [configuration](../configuration.md#suppression-comments))."
        )
    lines += ["## Turning it off", "", off, ""]
    return "\n".join(lines)


def rule_row(rule: Rule) -> dict[str, Any]:
    """The rule in a row of ``whereas rule --all --format json``."""
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.value,
        "profiles": default_profiles(rule),
        "fixable": rule.fix.label,
        "fix_availability": rule.fix.availability.value,
        "fix_applicability": list(rule.fix.applicability),
        "origin": rule.origin,
        "summary": rule.summary,
    }


def rule_json(rule: Rule) -> dict[str, Any]:
    """The rule as ``whereas rule CODE --format json`` prints it."""
    return {
        **rule_row(rule),
        "why": rule.why,
        "known_problems": rule.known_problems,
        "options": {
            o.name: {
                "type": o.type,
                "default": list(o.default) if isinstance(o.default, tuple) else o.default,
                "doc": o.doc,
            }
            for o in rule.option_docs()
        },
        "bad": rule.bad,
        "good": rule.good,
        "fix": rule.fix_note,
    }


def rule_index() -> str:
    """What ``whereas rule`` prints, for every code (JSON: ``{"rules": [rule_json + "markdown"]}``), written
    to ``src/whereas/data/rules.json`` so that the command reads it without importing the lint engine."""
    rules = [{**rule_json(r), "markdown": rule_markdown(r)} for r in REGISTRY]
    return (
        json.dumps({"generated-by": "python -m whereas.lint.docs", "rules": rules}, indent=1, ensure_ascii=False) + "\n"
    )


def index_markdown() -> str:
    lines = [
        "# Rules",
        "",
        "Generated by `python -m whereas.lint.docs` from the rules themselves; do not edit by hand.",
        "`whereas rule CODE` prints the same page, `whereas rule --all` the table. Every code is here: the lint rules,",
        "X001 (reported by the lint engine) and V001–V007 (reported by the verifier, `whereas verify` and",
        "`whereas check --verify`). **Fix** is what the rule declares: `no`, `safe` (every finding has a fix that",
        "`--fix` applies, unless the structure is unsure of the clause), `unsafe` (applied only with",
        "`--unsafe-fixes`), `sometimes …` (some findings have one, others are reported without).",
        "",
        "Each page says what the rule finds and why, its **Known problems** where it is known to be wrong or",
        "silent, its options, an example and what to write instead, and its fix. What no rule sees: text that",
        "belongs to no clause, title, sponsor line or note (a paragraph of narrative between two recitals, text",
        "after the last clause) is not linted (see [structure.md](../structure.md#limits-and-known-gaps)).",
        "",
        "| Code | Name | Severity | Profiles | Fix | What it finds |",
        "|---|---|---|---|---|---|",
    ]
    for r in REGISTRY:
        summary = r.summary.replace("|", "\\|")
        lines.append(
            f"| [{r.code}]({r.code}.md) | {r.name} | {r.severity.value} | {', '.join(default_profiles(r)) or '—'} "
            f"| {r.fix.label} | {summary} |"
        )
    lines += [
        "",
        "## Adding a rule",
        "",
        "A rule is a module in `src/whereas/lint/rules/` that ends with `RULE = TheRule()`; the registry",
        "(`whereas/lint/registry.py`) finds it. The class declares, and the core reads what it declares:",
        "",
        "* `code`, `name`, `severity`, `profiles`, `summary`, `why`, `bad` and `good` (examples its tests run);",
        '* `fix`: `FixAvailability.always("safe")`, `.sometimes("safe", "unsafe")`… or nothing (no fix), held to',
        "  the fixes `check()` makes by `tests/test_rule_registry.py`; `fix_note` says what the fix does;",
        '* `Options`: a frozen dataclass whose fields are `option(default, "what it does")`, checked when the',
        "  configuration is read; `check()` reads `ctx.options.NAME`;",
        "* `known_problems`: where it is known to be wrong or silent, when anything is known.",
        "",
        "Then `python -m whereas.lint.docs` writes its page here.",
    ]
    return "\n".join(lines) + "\n"


def _value(v: object) -> str:
    if isinstance(v, tuple):
        return ", ".join(f"`{x}`" for x in v) if v else "—"
    if isinstance(v, bool):
        return "yes" if v else "no"
    return f"`{v}`"


def profiles_table() -> str:
    fields = [f.name for f in dataclasses.fields(Profile) if f.name not in ("name", "description", "adapted")]
    head = "| Setting | " + " | ".join(PROFILES) + " |"
    lines = [head, "|---|" + "---|" * len(PROFILES)]
    lines.append("| description | " + " | ".join(p.description for p in PROFILES.values()) + " |")
    for name in fields:
        values = [_value(getattr(p, name)).replace("|", "\\|") for p in PROFILES.values()]
        lines.append(f"| `{name}` | " + " | ".join(values) + " |")
    lines.append(
        "| rules on | "
        + " | ".join(
            ", ".join(r.code for r in REGISTRY if r.origin != "verify" and p.name in default_profiles(r))
            for p in PROFILES.values()
        )
        + " |"
    )
    return "\n".join([PROFILES_BEGIN, "", *lines, "", PROFILES_END])


def generated(root: Path) -> dict[Path, str]:
    """Every generated file under ``root`` (the repository), with its content."""
    out = {
        root / "docs" / "rules" / "README.md": index_markdown(),
        root / "src" / "whereas" / "data" / "rules.json": rule_index(),  # read by `whereas rule`
    }
    for r in REGISTRY:
        out[root / "docs" / "rules" / f"{r.code}.md"] = rule_markdown(r)
    profiles = root / "docs" / "profiles.md"
    if profiles.is_file():
        text = profiles.read_text(encoding="utf-8")
        start, end = text.find(PROFILES_BEGIN), text.find(PROFILES_END)
        if start != -1 and end != -1:
            out[profiles] = text[:start] + profiles_table() + text[end + len(PROFILES_END) :]
    return out


def stale(root: Path) -> list[Path]:
    """Generated files that are missing or differ, and rule pages of rules that no longer exist."""
    want = generated(root)
    bad = [p for p, text in want.items() if not p.is_file() or p.read_text(encoding="utf-8") != text]
    rules_dir = root / "docs" / "rules"
    if rules_dir.is_dir():
        bad += [p for p in sorted(rules_dir.glob("*.md")) if p not in want]
    return bad


def write(root: Path) -> list[Path]:
    changed = stale(root)
    want = generated(root)
    for p in changed:
        if p in want:
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(want[p], encoding="utf-8")
        else:
            p.unlink()
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m whereas.lint.docs", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files (exit 1 if any)")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[3], help="repository root")
    args = parser.parse_args(argv)
    if args.check:
        bad = stale(args.root)
        for p in bad:
            print(f"stale: {p}")
        return 1 if bad else 0
    for p in write(args.root):
        print(f"wrote {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

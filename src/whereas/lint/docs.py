"""Rule and profile documentation, generated from the rules and profiles themselves.

    python -m whereas.lint.docs            # rewrite docs/rules/*.md and the table in docs/profiles.md
    python -m whereas.lint.docs --check    # exit 1 if the committed docs differ from the generated ones

A test runs the check, so the docs never drift from the code.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Iterator
from pathlib import Path

from whereas.lint.diagnostic import Severity
from whereas.lint.profiles import DEFAULT_PROFILE, PROFILES, Profile
from whereas.lint.rule import Context, Rule
from whereas.lint.rules import RULES
from whereas.lint.settings import Settings

PROFILES_BEGIN = "<!-- BEGIN GENERATED PROFILE TABLE (python -m whereas.lint.docs) -->"
PROFILES_END = "<!-- END GENERATED PROFILE TABLE -->"


class UnusedSuppression(Rule):
    """X001 is reported by the engine itself (lint/__init__.py), not by a rule module; documented here."""

    code = "X001"
    name = "unused-suppression"
    severity = Severity.warning
    summary = "A suppression comment that suppresses nothing."
    why = (
        "A `whereas: ignore` comment that matches no finding is noise, and it hides the next real finding of "
        'that rule in the clause (like Ruff\'s RUF100 `unused-noqa`). Turn it off with `ignore = ["X001"]`.'
    )
    bad = (
        "Resolution on X\n\n<!-- whereas: ignore W002 -->\nWhereas libraries serve everyone; now, therefore, be it\n\n"
        "Resolved, that ALA supports libraries.\n\nMover: A\nSeconder: B\n"
    )
    good = (
        "Resolution on X\n\nWhereas libraries serve everyone; now, therefore, be it\n\n"
        "Resolved, that ALA supports libraries.\n\nMover: A\nSeconder: B\n"
    )
    fix_note = "Safe fix: remove the suppression comment."
    fix_scope = "finding"

    def check(self, ctx: Context) -> Iterator:  # the engine reports it
        return iter(())


ENGINE_RULES: tuple[Rule, ...] = (UnusedSuppression(),)


def all_rules() -> tuple[Rule, ...]:
    """Every rule a finding can come from: the rule modules and the engine's own, by code."""
    codes = {r.code for r in RULES}
    return tuple(sorted((*RULES, *(r for r in ENGINE_RULES if r.code not in codes)), key=lambda r: r.code))


def lookup(code_or_name: str) -> Rule | None:
    key = code_or_name.strip()
    for r in all_rules():
        if r.code == key.upper() or r.name == key.lower():
            return r
    return None


def default_profiles(rule: Rule) -> list[str]:
    """The profiles in which ``rule`` runs when nothing is selected or ignored."""
    if rule in ENGINE_RULES:
        return list(PROFILES)
    return [name for name, p in PROFILES.items() if Settings(profile=p).enabled(rule)]


def fixable(rule: Rule) -> str:
    """'safe', 'unsafe', 'sometimes' or 'no', read from the rule's fix note."""
    note = rule.fix_note.lower()
    if note.startswith("no automatic fix") or note.startswith("no fix"):
        return "no"
    if "unsafe" in note:
        return "unsafe"
    if "sometimes" in note:
        return "sometimes"
    return "safe"


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
_FORMS = {
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


def _example_findings(rule: Rule) -> list[str]:
    """What the rule says about its own ``bad`` example, in the first profile that runs it."""
    from whereas.lint import lint
    from whereas.readers import read_string
    from whereas.structure import build

    profiles = default_profiles(rule) or [DEFAULT_PROFILE]
    settings = Settings(profile=PROFILES[profiles[0]], select=(rule.code,))
    out = []
    for d in lint(build(read_string(rule.bad).source()), settings):
        if d.code == rule.code:
            p = d.start
            out.append(f"{p.line}:{p.column}: {d.code} [{d.name}] {d.message}")
    return out


def rule_markdown(rule: Rule) -> str:
    profiles = default_profiles(rule)
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        f"**Default severity:** {rule.severity.value} · "
        f"**Profiles:** {', '.join(profiles) if profiles else 'none (select it explicitly)'} · "
        f"**Fix:** {fixable(rule)}",
        "",
        "## What it does",
        "",
        rule.summary,
        "",
        "## Why",
        "",
        rule.why,
        "",
        "## Options",
        "",
    ]
    if rule.options:
        for name, text in rule.options.items():
            lines.append(f"* `{name}`: {text}. Set it as `[rules.{rule.code}] {name} = …` in `whereas.toml`.")
    else:
        lines.append("None.")
    lines += ["", "## Example", "", _fence(rule.bad), ""]
    findings = _example_findings(rule)
    if findings:
        lines += [f"`whereas check --select {rule.code}` reports:", "", _fence("\n".join(findings)), ""]
    lines += ["## Use instead", "", _fence(rule.good), "", "## Fix", "", rule.fix_note, ""]
    if fixable(rule) != "no":
        lines += [fix_guarantee(rule), ""]
    lines += [
        "## Turning it off",
        "",
        f'`ignore = ["{rule.code}"]` in the configuration, `--ignore {rule.code}` on the command line, or '
        f"`<!-- whereas: ignore {rule.name} -->` before a clause "
        "(see [configuration](../configuration.md#suppression-comments)).",
        "",
    ]
    return "\n".join(lines)


def index_markdown() -> str:
    lines = [
        "# Rules",
        "",
        "Generated by `python -m whereas.lint.docs` from the rules themselves; do not edit by hand.",
        "`whereas rule CODE` prints the same page, `whereas rule --all` the table.",
        "",
        "| Code | Name | Severity | Profiles | Fix | What it finds |",
        "|---|---|---|---|---|---|",
    ]
    for r in all_rules():
        summary = r.summary.replace("|", "\\|")
        lines.append(
            f"| [{r.code}]({r.code}.md) | {r.name} | {r.severity.value} | {', '.join(default_profiles(r)) or '—'} "
            f"| {fixable(r)} | {summary} |"
        )
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
        + " | ".join(", ".join(r.code for r in all_rules() if p.name in default_profiles(r)) for p in PROFILES.values())
        + " |"
    )
    return "\n".join([PROFILES_BEGIN, "", *lines, "", PROFILES_END])


def generated(root: Path) -> dict[Path, str]:
    """Every generated file under ``root`` (the repository), with its content."""
    out = {root / "docs" / "rules" / "README.md": index_markdown()}
    for r in all_rules():
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

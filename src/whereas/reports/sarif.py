"""``--format sarif``: SARIF 2.1.0, the shape GitHub code scanning accepts.

Every rule a finding can come from is described in ``tool.driver.rules`` (from the rule's own
documentation, with ``helpUri`` pointing at ``docs/rules/CODE.md``); every finding is a result with a
relative ``artifactLocation.uri``, a 1-based region (``endColumn`` is the column after the last
character; columns count Unicode code points, declared in ``columnKind``) and a fingerprint that does
not change when lines move. Files that could not be read are tool execution notifications.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path, PurePath
from typing import TextIO

from whereas import __version__
from whereas.lint.diagnostic import Diagnostic
from whereas.lint.registry import REGISTRY
from whereas.lint.rule import Rule
from whereas.results import CheckResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
#: used when the installed package declares no Homepage/Repository URL
FALLBACK_HOME = "https://github.com/whereas/whereas"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def home() -> str:
    from importlib import metadata  # not at start-up: it costs more than the rest of this module

    try:
        for entry in metadata.metadata("whereas").get_all("Project-URL") or ():
            label, _, url = entry.partition(",")
            if label.strip().lower() in ("homepage", "repository", "source"):
                return url.strip().rstrip("/")
    except metadata.PackageNotFoundError:
        pass
    return FALLBACK_HOME


def uri(path: str) -> str:
    """The path relative to the working directory (the repository root in CI), with forward slashes."""
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_uri()
    return PurePath(os.path.normpath(p)).as_posix()


def _clip(text: str, limit: int = 1024) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def descriptor(rule: Rule, base: str) -> dict[str, object]:
    help_text = f"{rule.why}\n\n{rule.fix_note}"
    if rule.known_problems:
        help_text += f"\n\nKnown problems: {rule.known_problems}"
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _clip(rule.summary)},
        "fullDescription": {"text": _clip(rule.why)},
        "help": {"text": _clip(help_text), "markdown": help_text},
        "helpUri": f"{base}/blob/main/docs/rules/{rule.code}.md",
        "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
        "properties": {"tags": ["resolution", rule.code[0]], "precision": "very-high", "fix": rule.fix.label},
    }


def _place(d: Diagnostic) -> str:
    """``"Whereas clause 5, “…”: "`` for a Word, OpenDocument or PDF file (its regions point into whereas's view)."""
    from whereas.structure.places import has_places, location

    return f"{location(d.source, d.span, d.clause)}: " if has_places(d.source) else ""


def fingerprint(d: Diagnostic, occurrence: int, path_uri: str | None = None) -> str:
    """Stable across runs: the rule, the file and the text of the flagged line, not its number."""
    return f"{_digest(d, path_uri or uri(d.path))}:{occurrence}"


def _digest(d: Diagnostic, path_uri: str) -> str:
    line = d.source.line_text(d.start.line).strip()
    return hashlib.sha256(f"{d.code}\0{path_uri}\0{line}".encode()).hexdigest()[:32]


def result_object(
    d: Diagnostic,
    index: dict[str, int],
    occurrence: int,
    path_uri: str | None = None,
    digest: str | None = None,
    profile: tuple[str, str] | None = None,
) -> dict[str, object]:
    start, end = d.start, d.end
    path_uri = path_uri or uri(d.path)
    out: dict[str, object] = {
        "ruleId": d.code,
        "level": LEVELS[d.severity.value],
        "message": {"text": f"{_place(d)}{d.message} ({d.code} {d.name})"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": path_uri},
                    "region": {
                        "startLine": start.line,
                        "startColumn": start.column,
                        "endLine": end.line,
                        "endColumn": end.column,
                    },
                }
            }
        ],
        "partialFingerprints": {
            "whereasFindingHash/v1": f"{digest}:{occurrence}" if digest else fingerprint(d, occurrence, path_uri)
        },
    }
    if d.code in index:
        out["ruleIndex"] = index[d.code]
    properties: dict[str, str] = {}
    if d.fix is not None:
        properties.update(fix=d.fix.message, fixApplicability=d.fix.applicability)
    if profile is not None and profile[0]:
        properties.update(profile=profile[0], profileReason=profile[1])
    if properties:
        out["properties"] = properties
    return out


def document(result: CheckResult) -> dict[str, object]:
    base = home()
    rules: list[Rule] = list(REGISTRY)
    index = {r.code: i for i, r in enumerate(rules)}
    seen: Counter[str] = Counter()
    uris: dict[str, str] = {}  # each file's URI, worked out once
    results = []
    for f in result.files:
        for d in f.diagnostics:
            path_uri = uris.get(d.path) or uris.setdefault(d.path, uri(d.path))
            digest = _digest(d, path_uri)
            seen[digest] += 1
            results.append(result_object(d, index, seen[digest], path_uri, digest, (f.profile, f.profile_reason)))
    invocation: dict[str, object] = {"executionSuccessful": not result.errors}
    if result.errors:
        invocation["toolExecutionNotifications"] = [
            {
                "level": "error",
                "message": {"text": e.problem},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(e.path or "<input>")}}}],
            }
            for e in result.errors
        ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "whereas",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": base,
                        "rules": [descriptor(r, base) for r in rules],
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(result: CheckResult) -> str:
    """The SARIF log, indented, with each result on a line of its own.

    (json's indenting encoder is pure Python: tens of thousands of indented results take seconds,
    one line each takes its C encoder a fraction of that.)"""
    doc = document(result)
    runs = doc["runs"]
    assert isinstance(runs, list)  # document() writes one run
    run = runs[0]
    results = run["results"]
    run["results"] = []
    head = json.dumps(doc, ensure_ascii=False, indent=2)
    if not results:
        return head + "\n"
    empty = '"results": []'
    at = head.rindex(empty)  # "results" is the run's last key: its last occurrence
    indent = head[head.rindex("\n", 0, at) + 1 : at]
    rows = ",\n".join(f"{indent}  {json.dumps(r, ensure_ascii=False)}" for r in results)
    return f'{head[:at]}"results": [\n{rows}\n{indent}]{head[at + len(empty) :]}\n'


def write(result: CheckResult, out: TextIO) -> None:
    out.write(render(result))

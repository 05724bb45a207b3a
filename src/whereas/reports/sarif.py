"""``--format sarif``: SARIF 2.1.0, the shape GitHub code scanning accepts.

Every rule a finding can come from is described in ``tool.driver.rules`` (from the rule's own
documentation, with ``helpUri`` pointing at ``docs/rules/CODE.md``); every finding is a result with a
relative ``artifactLocation.uri``, a 1-based region (``endColumn`` is the column after the last
character; columns count Unicode code points, declared in ``columnKind``) and a fingerprint that does
not change when lines move. Files that could not be read are tool execution notifications.

The log is written as the files are checked (:class:`Stream`): the tool and its rules first, then each
file's results as soon as they come, then the invocation (last, once it is known which files could
not be read).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path, PurePath
from typing import BinaryIO, TextIO

from whereas import __version__
from whereas.errors import InputError
from whereas.lint.diagnostic import Diagnostic
from whereas.lint.registry import REGISTRY
from whereas.lint.rule import Rule
from whereas.results import CheckResult, FileResult

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
    """The SARIF log as a dict (what :func:`render` writes, built whole)."""
    base = home()
    rules: list[Rule] = list(REGISTRY)
    index = _rule_index()
    results: list[dict[str, object]] = [r for f in result.files for r in _results(f, index)]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": _tool(rules, base),
                "invocations": [_invocation(result.errors)],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


@cache
def _rule_index() -> dict[str, int]:
    """Each code's place in ``tool.driver.rules``."""
    rules: list[Rule] = list(REGISTRY)
    return {r.code: i for i, r in enumerate(rules)}


def _results(f: FileResult, index: dict[str, int]) -> list[dict[str, object]]:
    """One file's results.  A fingerprint's occurrence counts the same flagged line in the same file:
    it is counted file by file."""
    seen: Counter[str] = Counter()
    uris: dict[str, str] = {}  # each file's URI, worked out once
    out = []
    for d in f.diagnostics:
        path_uri = uris.get(d.path) or uris.setdefault(d.path, uri(d.path))
        digest = _digest(d, path_uri)
        seen[digest] += 1
        out.append(result_object(d, index, seen[digest], path_uri, digest, (f.profile, f.profile_reason)))
    return out


def _tool(rules: list[Rule], base: str) -> dict[str, object]:
    return {
        "driver": {
            "name": "whereas",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": base,
            "rules": [descriptor(r, base) for r in rules],
        }
    }


def _invocation(errors: list[InputError]) -> dict[str, object]:
    invocation: dict[str, object] = {"executionSuccessful": not errors}
    if errors:
        invocation["toolExecutionNotifications"] = [
            {
                "level": "error",
                "message": {"text": e.problem},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(e.path or "<input>")}}}],
            }
            for e in errors
        ]
    return invocation


#: the indentation of a result in the log (each result on a line of its own)
_ROW_INDENT = " " * 8


def render_file(result: FileResult) -> bytes:
    """One file's results as UTF-8, each on a line of its own, comma-separated, as :class:`Stream` writes them.

    ``check_paths(render_file=…)`` calls it where each file is checked, on every core.

    (json's indenting encoder is pure Python: tens of thousands of indented results take seconds,
    one line each takes its C encoder a fraction of that.)"""
    rows = [_ROW_INDENT + json.dumps(r, ensure_ascii=False) for r in _results(result, _rule_index())]
    return ",\n".join(rows).encode("utf-8")


class Stream:
    """The SARIF log written to ``out`` file by file (:meth:`add`), closed by :meth:`close` with the
    invocation (which files could not be read); nothing is kept."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.empty = True
        _rule_index()  # now: worker processes forked later inherit it
        base = home()
        run: dict[str, object] = {
            "tool": _tool(list(REGISTRY), base),
            "columnKind": "unicodeCodePoints",
            "results": [],
        }
        head = json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2)
        empty = '"results": []'
        at = head.rindex(empty)  # "results" is the run's last key: its last occurrence
        self.indent = head[head.rindex("\n", 0, at) + 1 : at]
        self.head = head[:at] + '"results": ['
        self.tail = head[at + len(empty) :]
        out.write(self.head.encode("utf-8"))

    def add(self, result: FileResult) -> None:
        part = result.rendered if result.rendered is not None else render_file(result)
        if part:
            self.out.write(b"\n" if self.empty else b",\n")
            self.out.write(part)
            self.empty = False

    def close(self, errors: list[InputError]) -> None:
        invocations = json.dumps([_invocation(errors)], ensure_ascii=False, indent=2).replace("\n", "\n" + self.indent)
        end = "]" if self.empty else f"\n{self.indent}]"
        self.out.write(f'{end},\n{self.indent}"invocations": {invocations}{self.tail}\n'.encode())


def write_each(files: Iterable[FileResult], out: BinaryIO, errors: list[InputError]) -> None:
    """The log of ``files`` (taken one at a time) written to ``out``, and then of ``errors``."""
    stream = Stream(out)
    for f in files:
        stream.add(f)
    stream.close(errors)


def render(result: CheckResult) -> str:
    """The SARIF log, indented, with each result on a line of its own."""
    import io

    out = io.BytesIO()
    write_each(result.files, out, result.errors)
    return out.getvalue().decode("utf-8")


def write(result: CheckResult, out: TextIO) -> None:
    out.write(render(result))

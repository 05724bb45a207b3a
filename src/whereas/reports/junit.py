"""``--format junit``: JUnit XML as CI dashboards read it (the Ant/Jenkins shape).

One ``<testsuite>`` per file; in it one ``<testcase>`` per rule that has findings in that file,
its ``<failure>`` listing them, or a single passing ``<testcase>`` when the file is clean. A file
that could not be read gets a ``<testcase>`` with an ``<error>``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TextIO

from whereas.lint.diagnostic import Diagnostic
from whereas.results import CheckResult


def render(result: CheckResult) -> str:
    root = ET.Element("testsuites", name="whereas")
    total = failures = errors = 0
    seen_paths = set()
    suites: list[tuple[str, list[Diagnostic] | None, str | None]] = []
    for f in result.files:
        seen_paths.add(f.path)
        suites.append((f.path, None if f.error else f.diagnostics, f.error.problem if f.error else None))
    for e in result.errors:
        if e.path not in seen_paths:
            suites.append((e.path or "<input>", None, e.problem))
    for path, diagnostics, problem in suites:
        suite = ET.SubElement(root, "testsuite", name=path)
        tests = fails = errs = 0
        if diagnostics is None:
            case = ET.SubElement(suite, "testcase", name="read", classname=path)
            ET.SubElement(case, "error", message=problem or "unreadable", type="InputError").text = problem
            tests, errs = 1, 1
        else:
            by_rule: dict[tuple[str, str], list[Diagnostic]] = defaultdict(list)
            for d in diagnostics:
                by_rule[(d.code, d.name)].append(d)
            for (code, name), found in sorted(by_rule.items()):
                first = found[0].start
                case = ET.SubElement(
                    suite,
                    "testcase",
                    name=f"{code} {name}",
                    classname=path,
                    line=str(first.line),
                    column=str(first.column),
                )
                noun = "finding" if len(found) == 1 else "findings"
                failure = ET.SubElement(case, "failure", message=f"{len(found)} {noun}: {found[0].message}", type=code)
                failure.text = "\n".join(
                    f"{d.path}:{d.start.line}:{d.start.column}: {d.severity.value}: {d.message}" for d in found
                )
                tests += 1
                fails += 1
            if not by_rule:
                ET.SubElement(suite, "testcase", name="whereas check", classname=path)
                tests = 1
        suite.set("tests", str(tests))
        suite.set("failures", str(fails))
        suite.set("errors", str(errs))
        suite.set("skipped", "0")
        total, failures, errors = total + tests, failures + fails, errors + errs
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write(result: CheckResult, out: TextIO) -> None:
    out.write(render(result))

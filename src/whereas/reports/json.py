"""``--format json``: a JSON array of findings, one object per finding (``Diagnostic.as_dict``).

The array is written as the files are checked (:class:`Stream`): each file's rows as soon as they come.
``--format jsonl`` (``whereas.reports.jsonl``) writes the same rows, one per line, without the array.
"""

from __future__ import annotations

import json
import json.encoder
from collections.abc import Iterable
from typing import BinaryIO, TextIO

from whereas.lint.diagnostic import Diagnostic
from whereas.results import CheckResult, FileResult
from whereas.structure.places import has_places, location


def render(result: CheckResult) -> str:
    return render_bytes(result).decode("utf-8")


def render_bytes(result: CheckResult) -> bytes:
    """The report as UTF-8: one finding per line, readable and diff-friendly (see :func:`row`)."""
    import io

    out = io.BytesIO()
    write_each(result.files, out)
    return out.getvalue()


class Stream:
    """The JSON array written to ``out`` file by file (:meth:`add`), each file's rows as soon as they come,
    closed by :meth:`close`; nothing is kept."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.empty = True

    def add(self, result: FileResult) -> None:
        part = result.rendered if result.rendered is not None else render_file(result)
        if part:
            self.out.write(b"[\n" if self.empty else b",\n")
            self.out.write(part)
            self.empty = False

    def close(self) -> None:
        self.out.write(b"[]\n" if self.empty else b"\n]\n")


def write_each(files: Iterable[FileResult], out: BinaryIO) -> None:
    """The report of ``files`` (taken one at a time) written to ``out``."""
    stream = Stream(out)
    for f in files:
        stream.add(f)
    stream.close()


def render_file(result: FileResult) -> bytes:
    """One file's findings as UTF-8: its rows of the array, without the brackets.

    ``check_paths(render_file=…)`` calls it where each file is checked, so that the encoding happens
    on every core too and the parent only joins bytes."""
    profile = profile_json(result)
    return ",\n".join([row(d, profile) for d in result.diagnostics]).encode("utf-8")


def profile_json(result: FileResult) -> str:
    """The JSON of the profile a file was checked with: ``{"name": …, "reason": …}`` (null before a check)."""
    if not result.profile:
        return "null"
    return f'{{"name": {_string(result.profile)}, "reason": {_string(result.profile_reason)}}}'


_string = json.encoder.encode_basestring  # json's own string encoder (the C one), non-ASCII kept


def row(d: Diagnostic, profile: str = "null") -> str:
    """``json.dumps(d.as_dict(), ensure_ascii=False)``, written out directly (no dicts built): a large
    check renders tens of thousands of these.  Tests hold it to the json module's output."""
    source = d.source
    line_column = source.line_column
    start, end = d.span.start, d.span.end
    line, column = line_column(start)
    end_line, end_column = line_column(end) if end != start else (line, column)
    clause = d.clause
    fix = d.fix
    if fix is None:
        fix_json = "null"
    else:
        edits = []
        for e in fix.edits:
            # most fixes edit the finding's own span: its positions are known
            sl, sc = (
                (line, column)
                if e.start == start
                else (end_line, end_column)
                if e.start == end
                else line_column(e.start)
            )
            el, ec = (
                (end_line, end_column) if e.end == end else (line, column) if e.end == start else line_column(e.end)
            )
            edits.append(
                f'{{"start": {{"line": {sl}, "column": {sc}, "offset": {e.start}}}, '
                f'"end": {{"line": {el}, "column": {ec}, "offset": {e.end}}}, '
                f'"replacement": {_string(e.replacement)}}}'
            )
        fix_json = (
            f'{{"message": {_string(fix.message)}, "applicability": {_string(fix.applicability)}, '
            f'"edits": [{", ".join(edits)}]}}'
        )
    return (
        f'{{"code": {_string(d.code)}, "name": {_string(d.name)}, "severity": {_string(d.severity.value)}, '
        f'"message": {_string(d.message)}, "path": {_string(source.path or "<text>")}, '
        f'"line": {line}, "column": {column}, "end_line": {end_line}, "end_column": {end_column}, '
        f'"clause": {"null" if clause is None else _string(clause)}, "fix": {fix_json}, "profile": {profile}'
        f"{_location(d)}}}"
    )


def _location(d: Diagnostic) -> str:
    """``, "location": "Whereas clause 5, “…”"`` for a Word, OpenDocument or PDF file (else nothing)."""
    if not has_places(d.source):
        return ""
    return f', "location": {_string(location(d.source, d.span, d.clause))}'


def write(result: CheckResult, out: TextIO) -> None:
    """Write the report to a text stream (through its byte buffer when it has one)."""
    buffer: BinaryIO | None = getattr(out, "buffer", None)
    if buffer is None:
        out.write(render(result))
        return
    out.flush()
    buffer.write(render_bytes(result))
    buffer.flush()

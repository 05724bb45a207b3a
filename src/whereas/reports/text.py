"""``--format text``: findings as Ruff shows them, with the source line and the span underlined.

    res.md:3:8: W002 [whereas-comma] No comma after "Whereas" in this profile
      |
    3 | Whereas, libraries serve everyone; now, therefore, be it
      |        ^ error
      = help: Remove the comma

    Found 1 finding (1 fixable with `--fix`).

Colours come from rich, and only on a terminal; off one (a file, a pipe, CI), the report is written
without importing rich (``summary(markup=False)``, ``render_file``).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from whereas.lint.diagnostic import Diagnostic
from whereas.lint.rule import fix_applies
from whereas.results import CheckResult, FileResult, Totals

if TYPE_CHECKING:
    from rich.console import Console

STYLES = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}


def _plural(n: int, word: str) -> str:
    if n == 1:
        return f"{n} {word}"
    return f"{n} {word}es" if word.endswith(("x", "s", "ch", "sh")) else f"{n} {word}s"


class _Marks:
    """Rich markup on a terminal; plain text elsewhere (written straight out, which is much faster)."""

    def __init__(self, markup: bool) -> None:
        self.markup = markup

    def style(self, text: str, style: str) -> str:
        return f"[{style}]{text}[/]" if self.markup else text

    def esc(self, text: str) -> str:
        return escape(text) if self.markup else text


def escape(text: str) -> str:
    """``text`` shown as it is in rich markup."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def _snippet(d: Diagnostic, m: _Marks) -> list[str]:
    """The flagged line(s) with a gutter and a caret line under the span."""
    start, end = d.start, d.end
    line_text = d.source.line_text(start.line).expandtabs(1)
    width = len(str(start.line))
    pad = " " * width
    caret_start = start.column - 1
    if end.line == start.line:
        length = max(end.column - start.column, 1)
    else:
        length = max(len(line_text) - caret_start, 1)
    line_text, caret_start, length = _window(line_text, caret_start, length)
    style = STYLES[d.severity.value].split()[-1]
    rows = [
        m.style(f"{pad} |", "blue"),
        f"{m.style(f'{start.line} |', 'blue')} {m.esc(line_text)}",
        f"{m.style(f'{pad} |', 'blue')} {' ' * caret_start}{m.style('^' * length + ' ' + d.severity.value, style)}",
    ]
    if d.fix is not None:
        unsafe = " (unsafe fix: `--unsafe-fixes`)" if d.fix.applicability == "unsafe" else ""
        rows.append(f"{m.style(f'{pad} =', 'blue')} {m.style('help', 'cyan')}: {m.esc(d.fix.message)}{m.esc(unsafe)}")
    return rows


#: source lines longer than this are shown as a window around the span
WIDTH = 110
CONTEXT = 40


def _window(line: str, start: int, length: int) -> tuple[str, int, int]:
    """A long line cut to the stretch around ``[start, start + length)``, with "…" where cut."""
    if len(line) <= WIDTH:
        return line, start, length
    length = min(length, WIDTH - 2 * CONTEXT) if length > WIDTH else length
    lo = max(0, start - CONTEXT)
    hi = min(len(line), max(start + length + CONTEXT, lo + WIDTH))
    lo = max(0, min(lo, hi - WIDTH))
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    return prefix + line[lo:hi] + suffix, start - lo + len(prefix), length


def header(d: Diagnostic, m: _Marks | None = None) -> str:
    m = m or _Marks(True)
    start = d.start
    fixable = " " + m.style("\\[*]" if m.markup else "[*]", "cyan") if fix_applies(d.fix) else ""
    name = f"\\[{d.name}]" if m.markup else f"[{d.name}]"
    from whereas.structure.places import has_places, location

    # a Word, OpenDocument or PDF file: the place as its reader sees it leads (line:column point into
    # whereas's text view of it, shown below)
    where = f"{start.line}:{start.column}" if not has_places(d.source) else m.esc(location(d.source, d.span, d.clause))
    return (
        f"{m.style(m.esc(d.path), 'bold')}:{where}: "
        f"{m.style(d.code, STYLES[d.severity.value])}{fixable} {name} {m.esc(d.message)}"
    )


def render_file(result: FileResult) -> bytes:
    """One file's findings as plain text (UTF-8), as :func:`print_findings` writes them off a terminal.

    ``check_paths(render_file=…)`` calls it where each file is checked, on every core."""
    m = _Marks(False)
    rows: list[str] = []
    for d in result.diagnostics:
        rows.append(header(d, m))
        rows.extend(_snippet(d, m))
        rows.append("")
    return "".join([f"{row}\n" for row in rows]).encode("utf-8")


def print_findings(console: Console, result: CheckResult, *, show_source: bool = True) -> None:
    m = _Marks(console.is_terminal)
    if not m.markup and show_source and all(f.rendered is not None for f in result.files if f.error is None):
        # rendered where each file was checked (render_file): join and write the bytes
        data = b"".join([f.rendered for f in result.files if f.rendered])
        buffer = getattr(console.file, "buffer", None)
        if buffer is None:
            console.file.write(data.decode("utf-8"))
        else:
            console.file.flush()
            buffer.write(data)
            buffer.flush()
        return
    rows: list[str] = []
    for d in result.diagnostics:
        rows.append(header(d, m))
        if show_source:
            rows.extend(_snippet(d, m))
            rows.append("")
    if not rows:
        return
    if m.markup:
        console.print("\n".join(rows))
    else:
        console.file.write("\n".join(rows) + "\n")


def _profiles(totals: Totals) -> str:
    """One line on the profiles the files were checked with, and why."""
    distinct = totals.profiles
    if not distinct:
        return ""
    if len(distinct) == 1:
        (name, reason), _ = distinct.most_common(1)[0]
        return f"Profile: {name} ({reason})."
    names: Counter[str] = Counter()
    for (name, _), n in distinct.items():
        names[name] += n
    listed = ", ".join(f"{name} for {_plural(n, 'file')}" for name, n in names.most_common())
    return f"Profiles: {listed} (`--format json` says why for each file; `--profile` chooses one)."


#: what ``--fix`` does with a Word file, said wherever a fix of one is counted
WORD_FILES = (
    "which are never rewritten in place: `whereas review FILE` shows the fixes as tracked changes (.docx), "
    "`whereas format FILE` writes a clean copy"
)
#: and with a PDF, an OpenDocument file, a web page or an XML file
READ_ONLY_FILES = "which --fix cannot write into: `whereas render --to md FILE` writes a copy to edit"


def summary(
    result: CheckResult | Totals, *, unsafe_fixes: bool = False, fixing: bool = False, markup: bool = True
) -> list[str]:
    """The lines after the findings, from a whole result or from the totals counted while writing them: rich
    markup, or (``markup`` False) the plain text rich prints of it off a terminal."""
    m = _Marks(markup)
    totals = result if isinstance(result, Totals) else Totals.of(result)
    findings = totals.findings
    lines: list[str] = []
    if totals.fixes_applied:
        lines.append(f"Fixed {_plural(totals.fixes_applied, 'finding')}.")
    if not findings:
        if not totals.errors:
            lines.append(
                m.style("All checks passed!", "bold green") if not totals.fixes_applied else "No findings remain."
            )
        profiles = _profiles(totals)
        if profiles:
            lines.append(m.esc(profiles))
        return lines
    safe, unsafe = totals.safe_fixes, totals.unsafe_fixes
    fixable = safe + (unsafe if unsafe_fixes else 0)
    in_word = totals.word_safe_fixes + (totals.word_unsafe_fixes if unsafe_fixes else 0)
    read_only = totals.read_only_safe_fixes + (totals.read_only_unsafe_fixes if unsafe_fixes else 0)
    remaining = "remaining " if fixing else ""
    line = f"Found {_plural(findings, remaining + 'finding')}"
    said = []
    if fixable and not fixing:
        said.append(f"{fixable} fixable with `--fix`{' --unsafe-fixes' if unsafe_fixes and unsafe else ''}")
    if in_word:
        said.append(f"{in_word} with a fix in Word files, {WORD_FILES}")
    if read_only:
        said.append(f"{read_only} with a fix in PDF, OpenDocument, HTML or XML files, {READ_ONLY_FILES}")
    if said:
        line += f" ({'; '.join(said)})"
    lines.append(m.esc(line + "."))
    if unsafe and not unsafe_fixes and not fixing:
        lines.append(m.esc(f"({_plural(unsafe, 'hidden fix')} can be enabled with the `--unsafe-fixes` option.)"))
    profiles = _profiles(totals)
    if profiles:
        lines.append(m.esc(profiles))
    if totals.failing < findings:
        lines.append(f"{totals.failing} of them reach the fail level (--fail-on).")
    return lines


class RuleCounts:
    """``--statistics``: the findings counted per rule, file by file (:meth:`add`); the files are not kept."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, str, str]] = Counter()  # (code, name, severity)
        self.fixable: set[str] = set()

    def add(self, result: FileResult) -> None:
        for d in result.diagnostics:
            self.counts[d.code, d.name, d.severity.value] += 1
            if fix_applies(d.fix):
                self.fixable.add(d.code)

    @classmethod
    def of(cls, result: CheckResult) -> RuleCounts:
        counts = cls()
        for f in result.files:
            counts.add(f)
        return counts


def statistics(console: Console, result: CheckResult | RuleCounts) -> None:
    """Counts per rule, most frequent first: ``count  code  [*]  name  severity`` (``[*]``: fixable)."""
    tally = result if isinstance(result, RuleCounts) else RuleCounts.of(result)
    counts, fixable = tally.counts, tally.fixable
    if not counts:
        return
    width = max(len(str(n)) for n in counts.values())
    name_width = max(len(name) for _, name, _ in counts)
    for (code, name, severity), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        mark = "[*]" if code in fixable else "   "
        console.print(
            f"{n:>{width}}  [{STYLES[severity]}]{code:<5}[/] {escape(mark)} {name:<{name_width}}  {severity}",
            highlight=False,
        )


def print_errors(console: Console, result: CheckResult) -> None:
    for e in result.errors:
        console.print(f"[bold red]error[/]: {escape(str(e))}")

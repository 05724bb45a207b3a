"""``whereas render FILE… [--to akn|html|md|docx|json|pdf] [-o OUT]``"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from whereas.cli import Command, root
from whereas.errors import InputError, UsageError, about_file
from whereas.files import write_atomically
from whereas.readers import read_path
from whereas.readers.formats import formats_help

if TYPE_CHECKING:
    from whereas.model import Resolution
    from whereas.render import RenderOptions


class RenderFormat(str, Enum):
    akn = "akn"
    html = "html"
    md = "md"
    docx = "docx"
    json = "json"
    pdf = "pdf"


#: the formats that show verification results and findings (the PDF is made from the HTML page)
REVIEW_FORMATS = ("html", "pdf")


def _is_directory(raw: str) -> bool:
    """``-o`` names a directory: an existing one, or a path ending in a slash (Path() would drop it)."""
    return raw != "-" and (raw.endswith(("/", os.sep)) or Path(raw).is_dir())


def output_names(source: Path, count: int, to: str) -> list[str]:
    """``<stem>.<ext>`` for one resolution, ``<stem>-1.<ext>`` … ``<stem>-N.<ext>`` for several."""
    from whereas.render import EXTENSIONS, normalise_format

    ext = EXTENSIONS[normalise_format(to)]
    stem = source.stem
    if count == 1:
        return [f"{stem}{ext}"]
    return [f"{stem}-{i}{ext}" for i in range(1, count + 1)]


def write_each(source: Path, directory: Path, resolutions: list[Resolution], to: str, options: RenderOptions) -> None:
    """One file per resolution in ``directory`` (created if needed); every file rendered before any is written."""
    from whereas.render import render as do_render

    if directory.exists() and not directory.is_dir():
        raise UsageError(f"-o: {directory}: not a directory")
    rendered = []
    for name, resolution in zip(output_names(source, len(resolutions), to), resolutions, strict=True):
        path = directory / name
        page_options = _with_evidence(options, path, to)
        with about_file(str(source)):
            result = do_render([resolution], to, page_options)
        rendered.append((path, result.encode("utf-8") if isinstance(result, str) else result, page_options))
    directory.mkdir(parents=True, exist_ok=True)
    for path, data, page_options in rendered:
        write_atomically(path, data)
        _write_evidence(page_options, path)
        typer.secho(f"wrote {path}", err=True)


def format_for(to: RenderFormat | None, output_arg: str | None) -> str:
    """The output format: ``--to``, else the suffix of ``-o FILE`` (``x.docx``, ``x.akn.xml``)."""
    from whereas.render import normalise_format

    if to is not None:
        return to.value
    if output_arg is None or output_arg == "-" or _is_directory(output_arg):
        raise UsageError("give --to FORMAT (akn, html, md, docx, json, pdf), or -o FILE with one of their suffixes")
    suffix = Path(output_arg).suffix
    try:
        if not suffix:
            raise UsageError(suffix)
        return normalise_format(suffix)
    except UsageError:
        raise UsageError(
            f"-o {output_arg}: no format has the suffix {suffix!r}; give --to FORMAT (akn, html, md, docx, json, pdf)"
        ) from None


@root.command(cls=Command)
def render(
    files: list[Path] = typer.Argument(
        ..., metavar="FILE...", help=f"Resolution files ({formats_help()}); one output for each."
    ),
    to: RenderFormat | None = typer.Option(
        None, "--to", "-t", help="Output format (default: from the suffix of -o FILE)."
    ),
    output_arg: str | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Output file (required for docx and pdf); or a directory (existing, or ending in /): one file per resolution, and the place for several input files.",
    ),  # fmt: skip
    body: str | None = typer.Option(None, "--body", help="The adopting body (AKN author)."),
    date: str | None = typer.Option(None, "--date", help="Adoption date, YYYY-MM-DD (AKN)."),
    number: str | None = typer.Option(None, "--number", help="The resolution's number (AKN)."),
    country: str = typer.Option("us", "--country", help="Country code for the AKN identifiers."),
    lang: str = typer.Option("en", "--lang", help="Language of the text (BCP 47), for HTML and AKN."),
    notes: str = typer.Option("endnotes", "--notes", help="Word notes: endnotes or footnotes."),
    keyword_style: str = typer.Option("italic", "--keyword-style", help="italic, bold or plain 'Resolved'/'Whereas'."),
    verify_json: Path | None = typer.Option(
        None, "--verify-json", help="Results of `whereas verify --format json` to show (HTML and PDF: a review page)."
    ),
    check: bool = typer.Option(
        False, "--check", help="Run the checks of `whereas check` and show the findings (HTML and PDF: a review page)."
    ),
    archive: list[Path] | None = typer.Option(
        None,
        "--archive",
        help="With --verify-json: the WARC evidence archive to show the archived copies from (default: those the results name).",
    ),  # fmt: skip
) -> None:
    """Publish resolutions as Akoma Ntoso, HTML, Markdown, Word, JSON (or PDF); with --verify-json or --check, HTML is a review report."""
    from whereas.render import RenderOptions, is_binary, load_verification

    fmt = format_for(to, output_arg)
    if (verify_json is not None or check) and fmt not in REVIEW_FORMATS:
        shown = "--verify-json" if verify_json is not None else "--check"
        raise UsageError(
            f"{shown} is shown in HTML and PDF only, not in --to {fmt}: render --to html (or pdf) for the review page"
        )
    if archive and verify_json is None:
        raise UsageError("--archive goes with --verify-json")
    if len(files) > 1 and (output_arg is None or not _is_directory(output_arg)):
        raise UsageError(f"{len(files)} files: give -o DIR, the directory to write one output for each")
    output = Path(output_arg) if output_arg is not None else None
    if is_binary(fmt) and output is None:
        raise UsageError(f"--to {fmt} writes a binary file: give -o FILE")
    verification = load_verification(verify_json) if verify_json is not None else None
    if verification is not None:
        verification["archives"] = _archives(verification, verify_json, archive)  # type: ignore[arg-type]
    # notes and keyword_style are plain strings here: render() checks them (a UsageError naming the choices)
    options = RenderOptions(
        body=body, date=date, number=number, country=country, lang=lang,
        notes=notes, keyword_style=keyword_style,  # type: ignore[arg-type]
        verification=verification,
    )  # fmt: skip
    failed = 0
    for file in files:
        try:
            _render_one(file, fmt, output_arg, options, check=check, several=len(files) > 1)
        except InputError as exc:
            if len(files) == 1:
                raise
            typer.secho(f"error: {exc}", err=True, fg="red")
            failed += 1
        except typer.Exit as exc:
            if len(files) == 1:
                raise
            failed += bool(exc.exit_code)
    if failed:
        sys.exit(2)


def _render_one(
    file: Path, fmt: str, output_arg: str | None, options: RenderOptions, *, check: bool, several: bool
) -> None:
    from dataclasses import replace

    from whereas.api import parse_view  # here: registering the command imports no engine
    from whereas.render import render as do_render

    with about_file(str(file)):
        resolutions = parse_view(read_path(file))
    if not resolutions:
        typer.secho(f"warning: {file}: no resolution found (no Whereas or Resolved clause)", err=True, fg="yellow")
        if fmt != "json":
            raise typer.Exit(1)
    if check:
        options = replace(options, findings=_findings(file))
    output = Path(output_arg) if output_arg is not None else None
    if output is not None and output_arg is not None and _is_directory(output_arg):
        write_each(file, output, resolutions, fmt, options)
        return
    if output is not None and str(output) != "-":
        options = _with_evidence(options, output, fmt)
    with about_file(str(file)):
        result = do_render(resolutions, fmt, options)
    data = result.encode("utf-8") if isinstance(result, str) else result
    if output is None or str(output) == "-":
        if isinstance(result, bytes):
            raise UsageError(f"--to {fmt} writes a binary file: give -o FILE")
        sys.stdout.write(result)
        return
    write_atomically(output, data)
    _write_evidence(options, output)
    typer.secho(f"wrote {output} ({len(resolutions)} resolution{'s' if len(resolutions) != 1 else ''})", err=True)


def _findings(file: Path) -> tuple[dict[str, Any], ...]:
    """The findings of ``whereas check FILE`` (its configuration, its profile), as the page shows them."""
    from whereas.api import check_paths

    result = check_paths([file])
    if result.errors:
        raise result.errors[0]
    return tuple(
        {
            "code": d.code,
            "name": d.name,
            "severity": d.severity.value,
            "message": d.message,
            "start": d.span.start,
            "line": d.start.line,
            "column": d.start.column,
        }
        for d in result.diagnostics
    )


def _archives(verification: dict[str, Any], verify_json: Path, given: list[Path] | None) -> list[str]:
    """The evidence archives to read the archived copies from: those given, else those the results name
    (a relative one found from the current directory or from the results' own directory)."""
    if given:
        for a in given:
            if not a.is_file():
                raise UsageError(f"--archive: {a}: no such file")
        return [str(a) for a in given]
    found = []
    for name in verification.get("archives") or []:
        p = Path(str(name))
        for candidate in (p, verify_json.parent / p):
            if candidate.is_file():
                found.append(str(candidate))
                break
    return found


def _evidence_dir(page: Path) -> Path:
    """Where a review page's archived copies go: ``NAME.evidence/`` beside ``NAME.html``."""
    return page.with_name(page.name.split(".")[0] + ".evidence")


def _with_evidence(options: RenderOptions, page: Path, fmt: str) -> RenderOptions:
    """``options`` with the links to the archived copies, when the HTML page ``page`` shows verification."""
    from dataclasses import replace

    from whereas.verify.copies import archived_copies

    if fmt != "html" or options.verification is None:
        return options
    copies = archived_copies(options.verification, options.verification.get("archives") or [])
    if not copies:
        return options
    folder = _evidence_dir(page).name
    links = {i: f"{folder}/quotation-{i + 1}.html#passage" for i in copies}
    return replace(options, evidence_links=links)


def _write_evidence(options: RenderOptions, page: Path) -> None:
    """The archived copies the page ``page`` links to, written beside it."""
    if not options.evidence_links or options.verification is None:
        return
    from whereas.render.evidence import copy_page
    from whereas.verify.copies import archived_copies

    copies = archived_copies(options.verification, options.verification.get("archives") or [])
    folder = _evidence_dir(page)
    folder.mkdir(exist_ok=True)
    for i, copy in copies.items():
        if i in options.evidence_links:
            text = copy_page(copy, f"../{page.name}", options.lang)
            write_atomically(folder / f"quotation-{i + 1}.html", text.encode("utf-8"))

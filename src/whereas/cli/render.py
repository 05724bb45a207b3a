"""``whereas render FILE --to akn|html|md|docx|json|pdf [-o OUT]``"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from whereas.api import parse_view
from whereas.cli import app
from whereas.errors import UsageError, about_file
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
        with about_file(str(source)):
            result = do_render([resolution], to, options)
        rendered.append((directory / name, result.encode("utf-8") if isinstance(result, str) else result))
    directory.mkdir(parents=True, exist_ok=True)
    for path, data in rendered:
        write_atomically(path, data)
        typer.secho(f"wrote {path}", err=True)


@app.command()
def render(
    file: Path = typer.Argument(..., help=f"A resolution file ({formats_help()})."),
    to: RenderFormat = typer.Option(..., "--to", "-t", help="Output format."),
    output_arg: str | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Output file (required for docx and pdf); or a directory (existing, or ending in /): one file per resolution.",
    ),  # fmt: skip
    body: str | None = typer.Option(None, "--body", help="The adopting body (AKN author)."),
    date: str | None = typer.Option(None, "--date", help="Adoption date, YYYY-MM-DD (AKN)."),
    number: str | None = typer.Option(None, "--number", help="The resolution's number (AKN)."),
    country: str = typer.Option("us", "--country", help="Country code for the AKN identifiers."),
    lang: str = typer.Option("en", "--lang", help="Language of the text (BCP 47), for HTML and AKN."),
    notes: str = typer.Option("endnotes", "--notes", help="Word notes: endnotes or footnotes."),
    keyword_style: str = typer.Option("italic", "--keyword-style", help="italic, bold or plain 'Resolved'/'Whereas'."),
    verify_json: Path | None = typer.Option(
        None, "--verify-json", help="Results of `whereas verify --format json` to show in HTML."
    ),
) -> None:
    """Publish resolutions as Akoma Ntoso, HTML, Markdown, Word, JSON (or PDF)."""
    from whereas.render import RenderOptions, is_binary, load_verification
    from whereas.render import render as do_render

    output = Path(output_arg) if output_arg is not None else None
    if is_binary(to.value) and output is None:
        raise UsageError(f"--to {to.value} writes a binary file: give -o FILE")
    verification = load_verification(verify_json) if verify_json is not None else None
    # notes and keyword_style are plain strings here: render() checks them (a UsageError naming the choices)
    options = RenderOptions(
        body=body, date=date, number=number, country=country, lang=lang,
        notes=notes, keyword_style=keyword_style,  # type: ignore[arg-type]
        verification=verification,
    )  # fmt: skip
    with about_file(str(file)):
        resolutions = parse_view(read_path(file))
    if not resolutions:
        typer.secho(f"warning: {file}: no resolution found (no Whereas or Resolved clause)", err=True, fg="yellow")
        if to is not RenderFormat.json:
            raise typer.Exit(1)
    if output is not None and output_arg is not None and _is_directory(output_arg):
        write_each(file, output, resolutions, to.value, options)
        return
    with about_file(str(file)):
        result = do_render(resolutions, to.value, options)
    data = result.encode("utf-8") if isinstance(result, str) else result
    if output is None or str(output) == "-":
        if isinstance(result, bytes):
            raise UsageError(f"--to {to.value} writes a binary file: give -o FILE")
        sys.stdout.write(result)
        return
    write_atomically(output, data)
    typer.secho(f"wrote {output} ({len(resolutions)} resolution{'s' if len(resolutions) != 1 else ''})", err=True)

"""``whereas review FILE.docx``: a review copy with findings as comments and fixes as tracked changes."""

from __future__ import annotations

from pathlib import Path

import typer

from whereas.cli import Command, root


@root.command("review", cls=Command)
def review_command(
    path: Path = typer.Argument(..., metavar="FILE", help="The Word file (.docx) to review."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Where to write the review copy (default: FILE.reviewed.docx)."
    ),
    profile: str | None = typer.Option(
        None, "--profile", "-p", help="Drafting profile: ala, ronr, congress, labor, city."
    ),
    config: Path | None = typer.Option(None, "--config", help="Use this whereas.toml or pyproject.toml."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="Show unsafe fixes as tracked changes too."),
    verify: bool = typer.Option(
        False, "--verify", help="Check every quotation against its source; verdicts as comments."
    ),
    archive: Path | None = typer.Option(None, "--archive", help="The WARC evidence archive (with --verify)."),
    offline: bool = typer.Option(False, "--offline", help="Answer only from the archive (with --verify)."),
    allow_host: list[str] = typer.Option([], "--allow-host", help="Fetch from this private host[:port] too."),
    note_comments: str = typer.Option(
        "call-out",
        "--note-comments",
        help="Comments on a note's words: on its call-out in the text (call-out, the default: opens in Word and "
        "LibreOffice), or inside the note (note: Word only).",
    ),
) -> None:
    """Write FILE.reviewed.docx: each finding a Word comment, each fix a tracked change. Exit 0, or 2 (bad input)."""
    from whereas.errors import UsageError
    from whereas.review import ReviewOptions, review_path

    if note_comments not in ("note", "call-out"):
        raise UsageError(f"--note-comments: {note_comments!r} is neither note nor call-out")
    if (archive is not None or offline or allow_host) and not verify:
        raise UsageError("--archive, --offline and --allow-host need --verify")
    result = review_path(
        path,
        ReviewOptions(
            profile=profile,
            config=config,
            unsafe_fixes=unsafe_fixes,
            verify=verify,
            archive=archive,
            offline=offline,
            allow_hosts=tuple(allow_host),
            output=output,
            note_comments=note_comments,
        ),
    )
    verdicts = ""
    if result.verdicts:
        verdicts = "; quotations: " + ", ".join(
            f"{n} {v.replace('_', ' ')}" for v, n in sorted(result.verdicts.items())
        )
    findings, changes = len(result.findings), len(result.changes.deletions) + len(result.changes.insertions)
    typer.echo(
        f"reviewed {result.path} -> {result.written}: {findings} finding{'' if findings == 1 else 's'} as comments, "
        f"{changes} tracked change{'' if changes == 1 else 's'}{verdicts}",
        err=True,
    )
    if result.untracked:
        typer.echo(
            f"{len(result.untracked)} {'fix' if len(result.untracked) == 1 else 'fixes'} could not be shown as tracked "
            "changes; their comments say so",
            err=True,
        )

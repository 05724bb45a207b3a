"""whereas format and check --fix on the seed and on files of our own: canonical layout, verified, idempotent."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import whereas
from conftest import SEED, SEED_DOCX, run_cli
from whereas.format import FormatOptions, format_paths, format_source
from whereas.lint import lint
from whereas.model import Source

needs_seed = pytest.mark.skipif(not SEED.is_file(), reason="../shared is absent")


def shape(path_or_text):  # type: ignore[no-untyped-def]
    [r] = whereas.parse(path_or_text)
    return len(r.preamble), len(r.resolved), len(r.notes), [q.text for q in r.quotations]


@needs_seed
def test_seed_default_profile_findings_are_the_committee_s() -> None:
    found = lint(whereas.parse(SEED))
    codes = {d.code for d in found}
    assert {"S001", "S002", "W006", "R001", "N001", "T001", "T002", "C002", "C003"} <= codes
    assert not codes & {"W001", "W002", "W005", "N002", "N003", "Q001"}
    where = {(d.code, d.start.line) for d in found}
    assert ("W006", 18) in where and ("R001", 20) in where and ("T002", 3) in where and ("C003", 3) in where
    assert {line for code, line in where if code == "N001"} == {3, 6, 9, 12, 15}


@needs_seed
def test_check_fix_on_the_seed_removes_the_fixable_findings_and_keeps_every_word(tmp_path: Path) -> None:
    seed = tmp_path / SEED.name
    shutil.copy(SEED, seed)
    before = shape(seed)
    proc = run_cli("check", "--fix", seed.name, cwd=tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr  # S001, S002, C002, C003 remain
    codes = {d.code for d in lint(whereas.parse(seed))}
    assert not codes & {"W006", "R001", "N001", "T001", "T002"}
    assert shape(seed) == before == (7, 1, 5, before[3])
    again = seed.read_text(encoding="utf-8")
    run_cli("check", "--fix", seed.name, cwd=tmp_path)
    assert seed.read_text(encoding="utf-8") == again, "fixing twice changed more"


@needs_seed
def test_format_text_in_place_and_docx_to_a_new_file(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / SEED.name)
    shutil.copy(SEED_DOCX, tmp_path / SEED_DOCX.name)
    original_docx = (tmp_path / SEED_DOCX.name).read_bytes()
    assert run_cli("format", "--check", ".", cwd=tmp_path).returncode == 1
    proc = run_cli("format", ".", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    text = (tmp_path / SEED.name).read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.startswith(("Whereas", "Resolved"))]
    assert len(paragraphs) == 8 and all("\n" not in p for p in paragraphs)  # one clause per paragraph
    assert "[endnoteRef:" not in text and "\nEndnotes\n" in text and "[^5]: RSF" in text
    assert "; now, therefore, be it\n" in text and "\nResolved, that" in text
    assert (tmp_path / SEED_DOCX.name).read_bytes() == original_docx, "the original .docx is never touched"
    new_docx = tmp_path / "resolution-on-assange.formatted.docx"
    assert shape(new_docx)[:3] == (7, 1, 5)
    assert shape(tmp_path / SEED.name) == shape(SEED)
    assert shape(new_docx) == shape(SEED_DOCX)  # (the Word seed has straight apostrophes where the text has curly)
    # formatting again changes nothing, and the walk does not format its own output
    snapshot = text
    run_cli("format", ".", cwd=tmp_path)
    assert (tmp_path / SEED.name).read_text(encoding="utf-8") == snapshot
    assert not (tmp_path / "resolution-on-assange.formatted.formatted.docx").exists()


def test_format_keeps_text_around_the_resolution_and_reflows_clauses() -> None:
    text = (
        "# Minutes\n\nThe board met at noon.\n\nResolution on Parks\n\n"
        "Whereas the city\nneeds parks;  and\n\nWhereas land is cheap; now, therefore, be it\n"
        "RESOLVED, that the council\nbuys land.\n\nThe meeting ended at one.\n"
    )
    result = format_source(Source(text, "markdown"))
    assert result.text.startswith("# Minutes\n\nThe board met at noon.\n\nResolution on Parks\n\n")
    assert (
        "Whereas the city needs parks; and\n\nWhereas land is cheap; now, therefore, be it\n\nRESOLVED, that the council buys land."
        in result.text  # its keyword's capitals are its own choice: no profile says otherwise
    )
    assert result.text.endswith("The meeting ended at one.\n")
    assert format_source(Source(result.text, "markdown")).text == result.text


def test_format_keeps_a_tight_list_of_clauses_tight() -> None:
    """Clauses that are the items of a tight list (a motion's "1. That …", Word's numbered "1. WHEREAS …") stay
    one under the other: a blank line between them would make a loose list, each item a paragraph. A wrapped
    item is still joined into one line."""
    text = (
        "# Motion 14: Fair Pay for Library Workers\n\n**Conference notes:**\n\n"
        "1. That library funding in England has fallen\n   by a third since 2010.\n2. That over 800 libraries have closed.\n\n"
        "**Conference resolves:**\n\n- To campaign for a national pay rise.\n- To support branches taking action.\n"
    )
    result = format_source(Source(text, "markdown"))
    assert "1. That library funding in England has fallen by a third since 2010.\n2. That over 800" in result.text
    assert "- To campaign for a national pay rise.\n- To support branches taking action.\n" in result.text
    assert format_source(Source(result.text, "markdown")).text == result.text


def test_a_clause_keeps_its_first_lines_indentation() -> None:
    """A board's minutes set every line of a resolution seven spaces in: a clause whose lines are kept as written (its
    wrapped lines are indented text) lost only its first line's indentation, the others keeping theirs, and a clause
    joined into one line went to the margin (trial 20, an Apache board's minutes). Each keeps its first line's
    indentation; clauses a blank line too many apart still close up."""
    text = (
        "Board minutes\n\n"
        "       WHEREAS, the Board finds it in the best interests of the\n"
        "       Foundation to establish a committee; and\n\n\n"
        "       WHEREAS, the committee will report to the Board; now,\n"
        "       therefore, be it\n\n"
        "       RESOLVED, that a committee be and hereby is established.\n"
    )
    result = format_source(Source(text, "text"))
    assert "\n\n       WHEREAS, the committee will report to the Board; now,\n       therefore, be it\n" in result.text
    assert "establish a committee; and\n\n       WHEREAS" in result.text  # (the extra blank line went)
    assert "\n\n       RESOLVED, that a committee" in result.text


def test_format_leaves_block_quotations_as_written() -> None:
    text = (
        "Resolution on the Statute\n\nWhereas ORS 1.1 provides as follows:\n\n"
        "> Section 1. Cities shall\n> provide services.\n\nand\n\nWhereas this matters; now, therefore, be it\n\n"
        "Resolved, that the city complies.\n"
    )
    result = format_source(Source(text, "markdown"))
    assert "> Section 1. Cities shall\n> provide services." in result.text


def test_format_leaves_a_resolution_printed_in_a_code_fence_as_printed() -> None:
    # (board minutes print each resolution in a fence: preformatted text, its line breaks its own)
    fenced = (
        "```\nWHEREAS, the Board of Directors appointed Ola Svensson to the\noffice of Vice President; and\n\n"
        "WHEREAS, Ola Svensson has resigned.\n\nNOW, THEREFORE, BE IT RESOLVED, that Ola Svensson is\n"
        "relieved of the office.\n```\n"
    )
    text = "# Board minutes\n\n### A. Change the Chair\n\n" + fenced
    (r,) = whereas.parse(text)
    assert (len(r.preamble), len(r.resolved)) == (2, 1)  # read as the resolution it is
    assert format_source(Source(text, "markdown")).text == text


def test_format_keeps_a_table_inside_a_clause_as_written() -> None:
    text = (
        "Resolution on the Budget\n\nWHEREAS, the program served 3,400 patrons;\n\n"
        "RESOLVED, that the Association fund the program as follows:\n\n"
        "| Item | Amount |\n|---|---:|\n| Trainers | $42,000 |\n\nRESOLVED, that the Treasurer report.\n"
    )
    (r,) = whereas.parse(text)
    assert r.resolved[0].text.endswith("| Trainers | $42,000 |")  # the table is the clause's
    assert "| Item | Amount |\n|---|---:|\n| Trainers | $42,000 |\n" in format_source(Source(text, "markdown")).text


def test_format_refuses_formats_it_cannot_rewrite(tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    page.write_text("<html><body><p>Whereas a;</p><p>Resolved, that b.</p></body></html>", encoding="utf-8")
    proc = run_cli("format", page.name, cwd=tmp_path)
    assert proc.returncode == 2 and "format rewrites .txt, .md, .docx and .doc" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_format_collects_garbage_less_often_and_restores_the_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    """While formatting (and the builds inside it), the collector's first threshold is at least GC_THRESHOLD;
    afterwards, and after an error, it is what it was."""
    import gc

    import whereas.format as formatting
    from whereas.structure import GC_THRESHOLD

    seen: list[int] = []
    real = formatting._format_source

    def recording(*args, **kwargs):
        seen.append(gc.get_threshold()[0])
        result = real(*args, **kwargs)  # builds the text three times, each build raising and restoring it
        seen.append(gc.get_threshold()[0])
        return result

    monkeypatch.setattr(formatting, "_format_source", recording)
    before = gc.get_threshold()
    text = "Whereas the  city needs parks;\n\nResolved, that the city build parks.\n"
    formatting.format_source(Source(text, "markdown"))
    assert seen == [max(before[0], GC_THRESHOLD)] * 2 and gc.get_threshold() == before
    monkeypatch.setattr(formatting, "_format_source", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        formatting.format_source(Source(text, "markdown"))
    assert gc.get_threshold() == before


def test_format_lays_out_in_the_profile_check_infers_not_the_default_house_style(tmp_path: Path) -> None:
    """Without a profile given or configured, format used the default (ALA) and rewrote a club's consistent
    "Whereas, The …", "therefore be it" and "Resolved, That" that check, inferring its profile, called clean."""
    text = (
        "Resolution Honoring the Harbor Volunteers\n\n"
        "Whereas, The volunteers of the Harbor Committee give 9,000 hours a year; and\n\n"
        "Whereas, The harbor light turns 150 this year; therefore be it\n\n"
        "Resolved, That the Club commends the volunteers; and be it further\n\n"
        "Resolved, That a copy of this resolution be sent to the Committee.\n"
    )
    path = tmp_path / "club.txt"
    path.write_text(text)
    (item,) = format_paths([str(path)], FormatOptions(write=False))
    assert item.error is None and item.result is not None and not item.result.changed
    (ala,) = format_paths([str(path)], FormatOptions(write=False, profile="ala"))  # a house style asked for
    assert ala.result is not None and "Resolved, that the Club" in ala.result.text

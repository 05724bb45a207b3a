"""The review page (``render --verify-json V --check``), render's command line (several files, the
format from -o's suffix), ``check -`` (standard input), the progress line, and the help texts."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, SEED, run_cli

SRC = str(ROOT / "src")


def reviewed_seed(tmp_path: Path) -> Path:
    """The seed, its sources in an evidence archive (test_review's pages: PEN says "serious" where the draft
    says "profound"; note 1's page lacks its quotation), and ``verify --offline -f json`` of it in v.json."""
    from test_review import _seed_archive

    if not SEED.is_file():
        pytest.skip("../shared/seed is absent")
    (tmp_path / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    _seed_archive(tmp_path / "evidence.warc.gz")
    proc = run_cli("verify", "seed.txt", "--offline", "--archive", "evidence.warc.gz", "-f", "json", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr  # PEN misquoted, ALA not found
    (tmp_path / "v.json").write_text(proc.stdout, encoding="utf-8")
    return tmp_path / "v.json"


def test_the_review_page_of_the_seed(tmp_path: Path) -> None:
    reviewed_seed(tmp_path)
    (tmp_path / "page").mkdir()
    proc = run_cli("render", "seed.txt", "--verify-json", "v.json", "--check", "-o", "page/seed.html", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "page" / "seed.html").read_text(encoding="utf-8")
    # the summary comes first, in plain words, with a legend
    summary = page.index('class="review-summary"')
    assert summary < page.index("<article")
    head = page[summary : page.index("<article")]
    assert "6 quotations checked against their sources" in head and "1 misquoted" in head and "1 not found" in head
    assert "no dead links" in head and "1 title differs" in head and re.search(r"Checks: \d+ errors?", head)
    assert "What the marks mean" in head and "badge-misquoted" in head
    # the PEN verdict at its words, linked both ways, with its difference in words
    pen = re.search(r'<q class="quotation verdict verdict-misquoted" id="(verify\d+)-text"[^>]*>\[Assange', page)
    assert pen, page
    vid = pen.group(1)
    after = page[pen.end() : pen.end() + 600]
    assert f'<a class="badge badge-misquoted" href="#{vid}"' in after
    entry = page[page.index(f'<li id="{vid}">') :]
    entry = entry[: entry.index("</li>\n")]
    assert f'href="#{vid}-text"' in entry
    assert "words: the draft says <del>profound</del>, the source <ins>serious</ins>" in entry
    # its archived copy: a file beside the page, the passage highlighted, with its capture date
    link = re.search(
        r'<a href="(seed\.evidence/quotation-\d+\.html)#passage">archived copy, captured 2024-05-01</a>', entry
    )
    assert link, entry
    copy = (tmp_path / "page" / link.group(1)).read_text(encoding="utf-8")
    assert "captured 2024-05-01" in copy and "evidence.warc.gz" in copy
    assert re.search(r'<mark id="passage">prosecution raises serious concerns.*?worldwide</mark>', copy)
    assert "pen-international.org" not in entry.split("live page")[0].split("archived copy")[0]
    # not found says why; the title that differs is shown at its note
    ala = page[re.search(r'<li id="verify\d+"><span class="badge badge-not_found">', page).start() :]
    assert "Why: no passage of the source comes close enough" in ala[:2000]
    assert "title differs</span> the note cites “The Universal Right to Free Expression" in page
    # the findings: flagged at their words, listed, linked both ways
    assert '<section class="findings"' in page
    flagged = re.findall(r'<a class="flag flag-\w+" id="at-finding(\d+)" href="#finding\1"', page)
    assert len(flagged) >= 10
    n = flagged[0]
    assert f'<li id="finding{n}">' in page and f'href="#at-finding{n}"' in page
    assert "<title>Review: " in page


def test_without_results_the_page_is_the_plain_publication(tmp_path: Path) -> None:
    if not SEED.is_file():
        pytest.skip("../shared/seed is absent")
    (tmp_path / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    page = run_cli("render", "seed.txt", "--to", "html", cwd=tmp_path).stdout
    body = page[page.index("<body>") :]
    assert "review-summary" not in body and "flag" not in body and "<title>Resolution" in page


def test_results_are_never_silently_dropped(tmp_path: Path) -> None:
    reviewed_seed(tmp_path)
    for fmt in ("docx", "md", "akn", "json"):
        proc = run_cli("render", "seed.txt", "--to", fmt, "--verify-json", "v.json", "-o", f"x.{fmt}", cwd=tmp_path)
        assert proc.returncode == 2 and "--verify-json is shown in HTML and PDF only" in proc.stderr, proc.stderr
        assert not (tmp_path / f"x.{fmt}").exists()
    proc = run_cli("render", "seed.txt", "--check", "-o", "x.docx", cwd=tmp_path)
    assert proc.returncode == 2 and "--check is shown in HTML and PDF only" in proc.stderr


def test_render_several_files_and_the_format_from_the_suffix(tmp_path: Path) -> None:
    if not SEED.is_file():
        pytest.skip("../shared/seed is absent")
    (tmp_path / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.md").write_text("# On tea\n\nWhereas tea is good; therefore, be it\n\nResolved, that we drink it.\n")
    proc = run_cli("render", "a.txt", "-o", "a.docx", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "a.docx").read_bytes()[:2] == b"PK"
    proc = run_cli("render", "a.txt", "-o", "a.akn.xml", cwd=tmp_path)
    assert proc.returncode == 0 and "<akomaNtoso" in (tmp_path / "a.akn.xml").read_text(encoding="utf-8")
    proc = run_cli("render", "a.txt", "b.md", "--to", "html", "-o", "out/", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.html", "b.html"]
    assert "On tea" in (tmp_path / "out" / "b.html").read_text(encoding="utf-8")
    # one that fails does not stop the others; the run then exits 2
    proc = run_cli("render", "missing.txt", "b.md", "-o", "out2/", "--to", "md", cwd=tmp_path)
    assert proc.returncode == 2 and "missing.txt" in proc.stderr and (tmp_path / "out2" / "b.md").is_file()
    # usage errors: several files need a directory; no format to be had
    for args, says in (
        (["a.txt", "b.md", "--to", "html"], "give -o DIR"),
        (["a.txt", "-o", "a.weird"], "no format has the suffix '.weird'"),
        (["a.txt"], "give --to FORMAT"),
    ):
        proc = run_cli("render", *args, cwd=tmp_path)
        assert proc.returncode == 2 and says in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr


def test_check_reads_standard_input(tmp_path: Path) -> None:
    text = "# On tea\n\nWHEREAS,tea is good; therefore, be it\n\nRESOLVED,That we drink it.\n"
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "whereas.toml").write_text('ignore = ["S"]\n')
    proc = run_cli("check", "-", "--stdin-filename", "sub/tea.md", "--select", "T007", cwd=tmp_path, input=text)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("sub/tea.md:3:1: T007"), proc.stdout
    # the configuration found from the name: S (title rules) ignored there, not here
    here = run_cli(
        "check", "-", "--stdin-filename", "tea.md", "-f", "json", cwd=tmp_path, input=text.replace("# On tea\n\n", "")
    )
    there = run_cli(
        "check",
        "-",
        "--stdin-filename",
        "sub/tea.md",
        "-f",
        "json",
        cwd=tmp_path,
        input=text.replace("# On tea\n\n", ""),
    )
    assert "S001" in {d["code"] for d in json.loads(here.stdout)}
    assert "S001" not in {d["code"] for d in json.loads(there.stdout)}
    assert {d["path"] for d in json.loads(there.stdout)} == {"sub/tea.md"}
    # --fix: the fixed text on standard output, the report on standard error; nothing written
    proc = run_cli("check", "-", "--stdin-filename", "tea.md", "--fix", cwd=tmp_path, input=text)
    assert proc.stdout == "# On tea\n\nWHEREAS, tea is good; therefore, be it\n\nRESOLVED, That we drink it.\n"
    assert "Fixed 2 findings" in proc.stderr and not (tmp_path / "tea.md").exists()
    # without a name: "-"
    proc = run_cli("check", "-", "--select", "T007", cwd=tmp_path, input=text)
    assert proc.stdout.startswith("-:3:1: T007")
    proc = run_cli("check", "-", "sub", cwd=tmp_path, input=text)
    assert proc.returncode == 2 and "cannot be checked together" in proc.stderr


def test_check_shows_progress_on_a_terminal_only(tmp_path: Path) -> None:
    import pty

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10):
        (folder / f"r{i}.md").write_text(
            f"# R{i}\n\nWhereas {i} is a number; therefore, be it\n\nResolved, that we count.\n"
        )
    env = {**os.environ, "PYTHONPATH": SRC, "TERM": "xterm", "COLUMNS": "100"}
    env.pop("CI", None)
    env.pop("GITHUB_ACTIONS", None)
    primary, secondary = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "whereas", "check", str(folder)],
            stdout=subprocess.PIPE, stderr=secondary, env=env, timeout=120,
        )  # fmt: skip
        os.close(secondary)
        seen = b""
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(primary)
    assert b"checking 10 files" in seen, seen
    assert b"checking" not in proc.stdout
    piped = run_cli("check", str(folder), cwd=tmp_path)
    assert "checking" not in piped.stderr and "checking" not in piped.stdout


COMMANDS = ["", "check", "verify", "render", "format", "parse", "review", "rule"]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_no_stray_spaces_or_placeholders(command: str, tmp_path: Path) -> None:
    env_cols = {"COLUMNS": "200"}
    proc = run_cli(*([command] if command else []), "--help", env=env_cols, timeout=60)
    assert proc.returncode == 0
    text = proc.stdout
    assert not re.search(r"\w \.(\s|$)", text), text  # "exit code 1 ." : rich ate a [default: …]
    assert "{" not in text.split("Options")[0], text  # usage: FILE..., not {file}


def test_messages_count_in_words(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text("Whereas tea is good; therefore, be it\n\nResolved, that we drink it.\n")
    outline = run_cli("parse", "r.txt", "-f", "text", cwd=tmp_path).stdout
    assert "(1 clause)" in outline and "(1 recital)" in outline
    proc = run_cli("format", "--check", "r.txt", cwd=tmp_path)
    assert (
        "file(s)" not in proc.stderr
        and re.search(r"\b1 file (would be reformatted|)", proc.stderr)
        or ("0 files" in proc.stderr)
    ), proc.stderr


@pytest.mark.skipif(not (CORPUS / "us-congress" / "BILLS-116sres100ats.xml").is_file(), reason="corpus absent")
def test_congress_recital_items_are_set_under_their_recital(tmp_path: Path) -> None:
    """The stylesheet indents an item (1), (2) … further than its recital's first line: its margin and
    padding outweigh its negative text indent."""
    from whereas.render.html import CSS

    rule = re.search(r"\.item \{([^}]*)\}", CSS).group(1)
    lengths = {k.strip(): v.strip() for k, v in (d.split(":") for d in rule.split(";") if ":" in d)}
    margin_left = float(lengths["margin"].split()[3].removesuffix("em"))
    padding = float(lengths.get("padding-left", "0").removesuffix("em"))
    indent = float(lengths["text-indent"].removesuffix("em"))
    assert margin_left + padding + indent > 0
    page = run_cli(
        "render", str(CORPUS / "us-congress" / "BILLS-116sres100ats.xml"), "--to", "html", cwd=tmp_path
    ).stdout
    assert '<p class="item"><span class="num">(1)</span> served as the treasurer of her Tribe;</p>' in page


def test_the_review_page_reads_back_as_the_resolution(tmp_path: Path) -> None:
    """The marks of a review page (summary, flags, badges, source statuses, findings) are not the
    resolution's words: read back, the page gives the clauses and notes the plain page gives."""
    import whereas

    reviewed_seed(tmp_path)
    run_cli("render", "seed.txt", "--verify-json", "v.json", "--check", "-o", "review.html", cwd=tmp_path)
    run_cli("render", "seed.txt", "-o", "plain.html", cwd=tmp_path)

    def shape(path: Path) -> list[object]:
        return [([c.text for c in r.clauses], [n.text for n in r.notes]) for r in whereas.parse(path)]

    assert shape(tmp_path / "review.html") == shape(tmp_path / "plain.html")

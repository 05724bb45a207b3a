"""whereas review FILE.docx: findings as Word comments, fixes as tracked changes, verdicts as comments.

Every review copy is checked the way Word would read it: the comments are anchored on the findings'
words; accepting whereas's tracked changes (the XML transform Word applies: drop ``w:del``, unwrap
``w:ins``) gives the fixed document, which parses as ``whereas format``'s copy does and has no finding
a safe fix removes; rejecting them gives the original text back, exactly; every part of the package
that holds no story is byte-identical.  Inputs: Word files built here (they need nothing beside the
repository), the seed, and every .docx of ../shared/corpus and ../shared/corpus-2 (skipped without
../shared).  LibreOffice, where installed, converts a review copy to PDF.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import build_docx as build_fixture
import pytest
from lxml import etree

from conftest import SEED_DOCX, SHARED, run_cli
from whereas.format import _shape
from whereas.lint import lint
from whereas.model import Source, Span
from whereas.readers.docx import read_docx
from whereas.review import ReviewOptions, ReviewResult, review_path
from whereas.structure import build

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LIBREOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
STORY_PARTS = re.compile(r"^word/(document|footnotes|endnotes|comments)\.xml$|_rels/(document|comments)\.xml\.rels$")


def w(name: str) -> str:
    return f"{{{W}}}{name}"


# --- what Word does with a review copy ----------------------------------------------------------


def _transform(data: bytes, accept: bool, author: str = "whereas") -> bytes:
    """Accept (or reject) every tracked change by ``author``: the XML transform Word applies."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info)
            if STORY_PARTS.match(info.filename) and info.filename.endswith(".xml"):
                root = etree.fromstring(body)
                drop, keep = (w("del"), w("ins")) if accept else (w("ins"), w("del"))
                for el in list(root.iter(drop)):
                    if el.get(w("author")) == author and el.getparent().tag != w("rPr"):
                        el.getparent().remove(el)
                for el in list(root.iter(keep)):
                    if el.get(w("author")) == author and el.getparent().tag != w("rPr"):
                        if not accept:
                            for t in el.iter(w("delText")):
                                t.tag = w("t")
                        parent, at = el.getparent(), el.getparent().index(el)
                        for child in list(el):
                            parent.insert(at, child)
                            at += 1
                        parent.remove(el)
                body = etree.tostring(root)
            target.writestr(info, body)
    return out.getvalue()


def accept_all(data: bytes) -> bytes:
    return _transform(data, accept=True)


def reject_all(data: bytes) -> bytes:
    return _transform(data, accept=False)


def _parts(data: bytes) -> dict[str, bytes]:
    z = zipfile.ZipFile(io.BytesIO(data))
    return {i.filename: z.read(i) for i in z.infolist()}


def anchored_texts(data: bytes) -> dict[int, str]:
    """The text each comment is anchored on, in the original's words (tracked insertions left out,
    deletions read), note call-outs as ``[^]``, tabs and breaks as spaces."""
    out: dict[int, str] = {}
    for name, body in _parts(reject_all(data)).items():
        if not re.match(r"word/(document|footnotes|endnotes)\.xml$", name):
            continue
        open_: dict[int, list[str]] = {}
        for el in etree.fromstring(body).iter():
            tag = el.tag
            if tag == w("commentRangeStart"):
                open_[int(el.get(w("id")))] = []
            elif tag == w("commentRangeEnd"):
                cid = int(el.get(w("id")))
                out[cid] = "".join(open_.pop(cid))
            elif tag == w("p"):
                for parts in open_.values():
                    parts.append("\n")
            else:
                piece = {w("t"): el.text or "", w("tab"): " ", w("br"): " ", w("noBreakHyphen"): "-"}.get(tag)
                if tag in (w("footnoteReference"), w("endnoteReference")):
                    piece = "[^]"
                if piece is not None and etree.QName(el.getparent()).localname == "r":
                    for parts in open_.values():
                        parts.append(piece)
        assert not open_, f"comments {sorted(open_)} of {name} never end"
    return out


def whereas_comments(data: bytes) -> dict[int, str]:
    parts = _parts(data)
    root = etree.fromstring(parts["word/comments.xml"])
    return {
        int(c.get(w("id"))): "\n".join("".join(t.text or "" for t in p.iter(w("t"))) for p in c.iter(w("p")))
        for c in root.iter(w("comment"))
        if c.get(w("author")) == "whereas"
    }


def _without_markers(text: str) -> str:
    return re.sub(r"\[\^[^\]\s]+\]", "[^]", text)


# --- the inputs ---------------------------------------------------------------------------------


def _built() -> dict[str, bytes]:
    return {
        "endnotes": build_fixture.endnotes_docx(),
        "footnotes": build_fixture.footnotes_docx(),
        "both-notes": build_fixture.both_notes_docx(),
        "tracked": build_fixture.tracked_docx(),
        "fields": build_fixture.fields_docx(),
        "defects": build_fixture.build_docx(
            [
                build_fixture.p(
                    "WHEREAS the board meets in public ;",
                    build_fixture.en(4, 'Board of Trustees. "Bylaws". https://example.org/bylaws'),
                ),
                build_fixture.p(
                    "Whereas the minutes are ",
                    build_fixture.Raw('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">late</w:t></w:r>'),
                    " , now, therefore be it",
                ),
                build_fixture.p("RESOLVED, that the board publishes its minutes."),
            ],
            title="Resolution on Minutes",
        ),
    }


def _shared() -> list[Path]:
    found = [SEED_DOCX] if SEED_DOCX.is_file() else []
    for corpus in ("corpus", "corpus-2"):
        found += sorted((SHARED / corpus).rglob("*.docx")) if (SHARED / corpus).is_dir() else []
    return found


BUILT = _built()
SHARED_DOCX = _shared()
SEED_PROFILE = "ala"


def _review(tmp_path: Path, name: str, data: bytes, **options: object) -> tuple[Path, Path, ReviewResult]:
    src = tmp_path / f"{name}.docx"
    src.write_bytes(data)
    options.setdefault("note_comments", "note")  # the comments on a note's own words, as Word shows them
    result = review_path(src, ReviewOptions(date="2024-06-01T12:00:00Z", **options))  # type: ignore[arg-type]
    return src, Path(result.written), result


# --- the properties every review copy has -------------------------------------------------------


def check_review_copy(src: Path, out: Path, result: ReviewResult) -> None:
    original, reviewed = src.read_bytes(), out.read_bytes()
    import docx

    docx.Document(io.BytesIO(reviewed))  # python-docx opens it
    view = read_docx(original).text
    # reject all: the original text, exactly; accept all: the fixed text
    assert read_docx(reject_all(reviewed)).text == view
    accepted = read_docx(accept_all(reviewed)).text
    assert accepted == result.fixed
    # one comment per finding (and one summary), each anchored on the finding's words
    comments = whereas_comments(reviewed)
    anchored = anchored_texts(reviewed)
    assert len(comments) == len(result.comments) == len(result.findings) + sum(result.verdicts.values()) + 1
    assert [c.about for c in result.comments if c.about not in ("quotation", "summary")] == [
        d.code for d in result.findings
    ]
    for comment, d in zip(result.comments, result.findings, strict=False):
        assert comment.comment_id in anchored, comment
        words = anchored[comment.comment_id]
        assert words, (comment, d)
        assert _without_markers(words) == _without_markers(view[comment.start : comment.end]), (comment, d)
        if d.span.end > d.span.start and view[d.span.start : d.span.end].strip("\n#[^]: "):
            assert d.span.start <= comment.start and comment.end <= d.span.end, (comment, d)
        assert d.message in comments[comment.comment_id] and d.code in comments[comment.comment_id]
    # every part that holds no story is byte-identical; relationships are only added (or a type repaired)
    before, after = _parts(original), _parts(reviewed)
    assert set(before) <= set(after)
    for name, body in before.items():
        if name == "[Content_Types].xml" or STORY_PARTS.search(name):
            continue
        assert after[name] == body, name
    for name in ("word/_rels/document.xml.rels",):
        if name in before:
            ids = lambda b: {(r.get("Id"), r.get("Target")) for r in etree.fromstring(b)}  # noqa: E731
            assert ids(before[name]) <= ids(after[name])
    # accepted, no finding a safe fix removes is left (but those the review said to fix by hand)
    resolutions = build(Source(accepted, "docx", str(src)))
    if resolutions:
        from whereas.lint.infer import settings_for
        from whereas.lint.settings import Settings

        settings, _ = settings_for(build(Source(view, "docx", str(src))), "docx", Settings())
        left = [d for d in lint(resolutions, settings) if d.fix is not None and d.fix.applicability == "safe"]
        by_hand = {d.code for d in result.untracked}
        assert [d for d in left if d.code not in by_hand] == [], [d.message for d in left]


@pytest.mark.parametrize("name", sorted(BUILT))
def test_review_copy_of_built_documents(tmp_path: Path, name: str) -> None:
    src, out, result = _review(tmp_path, name, BUILT[name])
    assert out == tmp_path / f"{name}.reviewed.docx"
    check_review_copy(src, out, result)


@pytest.mark.parametrize("path", SHARED_DOCX, ids=[p.name for p in SHARED_DOCX])
def test_review_copy_of_shared_documents(tmp_path: Path, path: Path) -> None:
    src, out, result = _review(tmp_path, path.stem, path.read_bytes())
    check_review_copy(src, out, result)


def test_shared_documents_are_there_or_skipped() -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    assert SEED_DOCX in SHARED_DOCX and len(SHARED_DOCX) >= 5


def test_defects_are_fixed_as_tracked_changes_keeping_formatting(tmp_path: Path) -> None:
    src, out, result = _review(tmp_path, "defects", BUILT["defects"], profile="ala")
    accepted = read_docx(accept_all(out.read_bytes())).text
    assert "Resolved, that the board" in accepted and "RESOLVED" in result.view
    assert "meets in public;" in accepted
    document = _parts(out.read_bytes())["word/document.xml"]
    root = etree.fromstring(document)
    # the bold word is still bold, in a run of its own
    bold = [r for r in root.iter(w("r")) if r.find(f"{w('rPr')}/{w('b')}") is not None]
    assert ["".join(t.text or "" for t in r.iter(w("t"))) for r in bold] == ["late"]
    # tracked changes by whereas, with a date, and unique ids across changes and comments
    changes = list(root.iter(w("ins"))) + list(root.iter(w("del")))
    assert changes and all(c.get(w("author")) == "whereas" and c.get(w("date")) for c in changes)
    ids = [c.get(w("id")) for c in changes] + [str(i) for i in whereas_comments(out.read_bytes())]
    assert len(ids) == len(set(ids))
    comment = next(c for c in result.comments if c.about == "R001")
    text = whereas_comments(out.read_bytes())[comment.comment_id]
    assert "Suggested fix" in text and "tracked change" in text and "docs/rules/R001.md" in text


def test_existing_comments_and_other_authors_changes_are_kept(tmp_path: Path) -> None:
    src, out, _ = _review(tmp_path, "tracked", BUILT["tracked"])
    before, after = _parts(src.read_bytes()), _parts(out.read_bytes())
    old = etree.fromstring(before["word/comments.xml"])
    new = etree.fromstring(after["word/comments.xml"])
    assert [etree.tostring(c) for c in old] == [etree.tostring(c) for c in new][: len(old)]
    doc = etree.fromstring(after["word/document.xml"])
    editor = [el for el in doc.iter() if el.get(w("author")) == "Editor"]
    assert len(editor) == len(
        [el for el in etree.fromstring(before["word/document.xml"]).iter() if el.get(w("author")) == "Editor"]
    )


def test_summary_comment_on_the_first_paragraph(tmp_path: Path) -> None:
    src, out, result = _review(tmp_path, "endnotes", BUILT["endnotes"])
    summary = next(c for c in result.comments if c.about == "summary")
    assert summary.start == result.view.index("Resolution on Evening Hours")
    text = whereas_comments(out.read_bytes())[summary.comment_id]
    assert f"{len(result.findings)} finding" in text and "profile" in text


def test_note_findings_are_anchored_in_the_note_or_on_its_call_out(tmp_path: Path) -> None:
    src, out, result = _review(tmp_path, "defects", BUILT["defects"], profile="ala")
    notes_start = result.view.index("\n[^i]: ")
    in_note = [c for c in result.comments if c.start > notes_start]
    assert in_note, "the fixture has a finding in its endnote"
    endnotes = _parts(out.read_bytes())["word/endnotes.xml"]
    assert b"commentReference" in endnotes
    _, out2, result2 = _review(tmp_path, "defects", BUILT["defects"], profile="ala", note_comments="call-out")
    assert b"commentReference" not in _parts(out2.read_bytes())["word/endnotes.xml"]
    moved = [c for c in result2.comments if c.text.startswith("In endnote i, on")]
    assert len(moved) == len(in_note)
    assert all(result2.view[c.start : c.end] == "[^i]" for c in moved)


def test_review_refuses_other_formats_and_never_overwrites(tmp_path: Path) -> None:
    odt = tmp_path / "r.odt"
    odt.write_bytes(build_fixture.odt_bytes())
    proc = run_cli("review", str(odt), cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "not odt" in proc.stderr, proc.stderr
    src = tmp_path / "a.docx"
    src.write_bytes(BUILT["endnotes"])
    proc = run_cli("review", str(src), "-o", str(src), cwd=tmp_path)
    assert proc.returncode == 2 and "never overwrites" in proc.stderr
    assert src.read_bytes() == BUILT["endnotes"]
    proc = run_cli("review", str(src), "--offline", cwd=tmp_path)
    assert proc.returncode == 2 and "need --verify" in proc.stderr


def test_review_cli_writes_the_copy_and_says_what_it_did(tmp_path: Path) -> None:
    src = tmp_path / "a.docx"
    src.write_bytes(BUILT["defects"])
    proc = run_cli("review", "a.docx", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "a.reviewed.docx" in proc.stderr and "as comments" in proc.stderr
    assert (tmp_path / "a.reviewed.docx").is_file() and src.read_bytes() == BUILT["defects"]


# --- the seed: the same structure as whereas format's copy; LibreOffice; verification --------------


def _seed(tmp_path: Path) -> Path:
    if not SEED_DOCX.is_file():
        pytest.skip("../shared/seed is absent")
    src = tmp_path / "seed.docx"
    src.write_bytes(SEED_DOCX.read_bytes())
    return src


def test_seed_accepted_parses_as_the_formatted_copy(tmp_path: Path) -> None:
    src = _seed(tmp_path)
    result = review_path(src, ReviewOptions(profile=SEED_PROFILE, note_comments="note"))
    formatted = tmp_path / "formatted.docx"
    proc = run_cli("format", str(src), "--profile", SEED_PROFILE, "-o", str(formatted), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    accepted = accept_all(Path(result.written).read_bytes())
    shape = lambda data: _shape(build(Source(read_docx(data).text, "docx", None)))  # noqa: E731
    assert shape(accepted) == shape(formatted.read_bytes())
    assert result.changes.deletions and result.changes.insertions and not result.untracked


def _libreoffice_pdf(docx: str | Path, tmp_path: Path) -> Path:
    """``docx`` converted to PDF by LibreOffice headless, comments exported as PDF notes."""
    out = tmp_path / "pdf"
    done = subprocess.run(
        [
            str(LIBREOFFICE),
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--convert-to",
            'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',  # comments as PDF notes
            "--outdir",
            str(out),
            str(docx),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    pdf = out / (Path(docx).stem + ".pdf")
    assert pdf.is_file(), done.stdout + done.stderr
    return pdf


@pytest.mark.skipif(LIBREOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_seed_review_copy_to_pdf(tmp_path: Path) -> None:
    """With the default options (comments on a note's words anchored on its call-out), LibreOffice opens it."""
    src = _seed(tmp_path)
    result = review_path(src, ReviewOptions())
    from pypdf import PdfReader

    reader = PdfReader(str(_libreoffice_pdf(result.written, tmp_path)))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "RESOLVED" in text and "Resolved" in text  # the tracked change, shown
    annotations = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])]
    assert sum(1 for a in annotations if a.get("/Subtype") == "/Text") >= len(result.findings)


@pytest.mark.skipif(LIBREOFFICE is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("path", SHARED_DOCX, ids=[p.name for p in SHARED_DOCX])
def test_libreoffice_opens_the_review_copy_of_every_shared_word_file(path: Path, tmp_path: Path) -> None:
    src = tmp_path / path.name
    src.write_bytes(path.read_bytes())
    result = review_path(src, ReviewOptions())
    from pypdf import PdfReader

    assert len(PdfReader(str(_libreoffice_pdf(result.written, tmp_path))).pages) >= 1


def _seed_archive(path: Path) -> None:
    """An evidence archive of the seed's five sources, as pages whose words the test chooses: note 1's
    URL (the ALA Code of Ethics) lacks the quotation; PEN's page says "serious" where the draft says
    "profound"."""
    from datetime import UTC, datetime

    from verify_server import html_page
    from whereas.verify.archive import Archive, Exchange

    pages = {
        "https://www.ala.org/united/sites/ala.org.united/files/content/trustees/orgtools/policies/ALA-code-of-ethics.pdf": html_page(
            "Code of Ethics of the American Library Association",
            "We provide the highest level of service to all library users.",
        ),
        "https://www.aclu.org/press-releases/aclu-comment-julian-assange-extradition-ruling": html_page(
            "ACLU Comment on Julian Assange Extradition Ruling",
            "The prosecution of Julian Assange poses a grave threat to press freedom. Bringing criminal charges "
            "against a publisher for the publication of truthful information establishes a dangerous precedent "
            "that can be used to target all news organizations that hold the government accountable by "
            "publishing its secrets.",
        ),
        "https://www.amnesty.org/en/latest/news/2021/12/us-uk-travesty-of-justice-as-extradition-appeal-fails-to-recognise-that-it-would-be-unsafe-for-julian-assange-to-be-sent-to-the-us/": html_page(
            "US/UK: 'Travesty of justice' as extradition appeal fails to recognise that it would be unsafe for "
            "Julian Assange to be sent to the US",
            "Publishing information that is in the public interest is a cornerstone of media freedom and the "
            "public's right to information about government wrongdoing. It is protected under international "
            "human rights law and should not be criminalized.",
        ),
        "https://pen-international.org/news/uk-usa-pen-centres-condemn-decision-to-allow-the-extradition-of-julian-assange": html_page(
            "United Kingdom / USA: PEN Centres Condemn Decision to Allow the Extradition of Julian Assange",
            "His prosecution raises serious concerns about freedom of the press under the First Amendment of "
            "the US Constitution and sends a dangerous signal to journalists and publishers worldwide.",
        ),
        "https://rsf.org/en/news/rsf-condemns-uk-high-courts-decision-allowing-julian-assanges-extradition-us-and-calls-his-immediate": html_page(
            "RSF condemns the UK High Court's decision allowing for Julian Assange's extradition to the US, and "
            "calls for his immediate release",
            "The Espionage Act lacks a public interest defense.",
        ),
    }
    when = datetime(2024, 5, 1, 10, 0, tzinfo=UTC).isoformat()
    with Archive(path) as archive:
        for url, page in pages.items():
            headers = (("Content-Type", "text/html; charset=utf-8"),)
            archive.put(Exchange(url, 200, "OK", headers, page.encode(), when))


def test_seed_verify_offline_verdicts_are_comments_on_the_quotations(tmp_path: Path) -> None:
    _seed(tmp_path)
    archive = tmp_path / "evidence.warc.gz"
    _seed_archive(archive)
    proc = run_cli(
        "review", "seed.docx", "--verify", "--offline", "--archive", str(archive),
        cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "seed.reviewed.docx"
    comments = whereas_comments(out.read_bytes())
    anchored = anchored_texts(out.read_bytes())
    by_words = {anchored[cid]: text for cid, text in comments.items()}
    pen = next(text for words, text in by_words.items() if words.startswith("[Assange's] prosecution raises"))
    assert pen.startswith("Misquoted") and "serious" in pen and "profound" in pen, pen
    assert "2024-05-01" in pen and "evidence.warc.gz" in pen
    ala = next(text for words, text in by_words.items() if words.startswith("[t]he American Library Association"))
    assert ala.startswith("Not found"), ala
    summary = next(text for text in comments.values() if text.startswith("whereas review"))
    assert "1 misquoted" in summary and "1 not found" in summary


# --- Word-native places, honest --fix, format's own output, note numbers ----------------------------


def test_word_findings_name_their_place(tmp_path: Path) -> None:
    src = tmp_path / "defects.docx"
    src.write_bytes(BUILT["defects"])
    rows = json.loads(run_cli("check", "defects.docx", "--profile", "ala", "--format", "json", cwd=tmp_path).stdout)
    places = {row["code"]: row["location"] for row in rows}
    assert places["W001"] == "Whereas clause 1, “WHEREAS”"
    assert places["R001"] == "Resolved clause 1, “RESOLVED”"
    assert places["C005"].startswith("endnote i, ")  # the note's kind and number, as Word shows them
    assert all(isinstance(row["line"], int) for row in rows)  # kept for tools
    text = run_cli("check", "defects.docx", "--profile", "ala", "--format=text", cwd=tmp_path)
    assert "defects.docx:Resolved clause 1, “RESOLVED”: R001" in text.stdout
    sarif = json.loads(run_cli("check", "defects.docx", "--profile", "ala", "--format", "sarif", cwd=tmp_path).stdout)
    messages = [r["message"]["text"] for r in sarif["runs"][0]["results"]]
    assert any(m.startswith("Resolved clause 1, “RESOLVED”: ") for m in messages)
    md = tmp_path / "r.md"
    md.write_text("# Resolution on X\n\nWHEREAS the board meets;\n\nResolved, that it meets.\n", encoding="utf-8")
    rows = json.loads(run_cli("check", "r.md", "--format", "json", cwd=tmp_path).stdout)
    assert rows and all("location" not in row for row in rows)


def test_word_note_places_name_the_kind_of_note(tmp_path: Path) -> None:
    """ "footnote 1" and "endnote i" (as Word numbers them beside footnotes), in every report; a text
    file's notes stay "note 1"."""
    from whereas.structure.places import place

    view = read_docx(BUILT["both-notes"])
    source = view.source()
    places = {
        place(source, Span(view.text.index(f"[^{label}]: "), view.text.index(f"[^{label}]: ") + 3))
        for label in ("1", "ii")
    }
    assert places == {"footnote 1", "endnote ii"}
    text_source = Source(view.text, "markdown", None)
    assert place(text_source, Span(view.text.index("[^1]: "), view.text.index("[^1]: ") + 3)) == "note 1"
    src = tmp_path / "defects.docx"
    src.write_bytes(BUILT["defects"])
    text = run_cli("check", "defects.docx", "--profile", "ala", "--format=text", cwd=tmp_path).stdout
    assert "defects.docx:endnote i, " in text, text
    sarif = json.loads(run_cli("check", "defects.docx", "--profile", "ala", "--format", "sarif", cwd=tmp_path).stdout)
    assert any(r["message"]["text"].startswith("endnote i, ") for r in sarif["runs"][0]["results"])
    _, out, result = _review(tmp_path, "defects", BUILT["defects"], profile="ala", note_comments="call-out")
    assert any(c.text.startswith("In endnote i, on") for c in result.comments)


def test_fix_and_diff_on_a_word_file_point_to_review_and_format(tmp_path: Path) -> None:
    src = tmp_path / "defects.docx"
    src.write_bytes(BUILT["defects"])
    for flag in ("--fix", "--diff"):
        proc = run_cli("check", "defects.docx", "--profile", "ala", flag, cwd=tmp_path)
        said = [line for line in proc.stderr.splitlines() if "never rewritten in place" in line]
        assert len(said) == 1 and "whereas review defects.docx" in said[0] and "whereas format" in said[0]
        assert src.read_bytes() == BUILT["defects"]
    proc = run_cli("check", "defects.docx", "--profile", "ala", cwd=tmp_path)
    summary = next(line for line in proc.stdout.splitlines() if line.startswith("Found"))
    assert "fixable with `--fix`" not in summary and "never rewritten in place" in summary


def test_format_on_its_own_output_writes_it_again(tmp_path: Path) -> None:
    src = tmp_path / "defects.docx"
    src.write_bytes(BUILT["defects"])
    assert run_cli("format", "defects.docx", "--profile", "ala", cwd=tmp_path).returncode == 0
    formatted = tmp_path / "defects.formatted.docx"
    before = formatted.read_bytes()
    proc = run_cli("format", "defects.formatted.docx", "--profile", "ala", cwd=tmp_path)
    assert proc.returncode == 0 and "0 files reformatted, 1 unchanged" in proc.stderr, proc.stderr
    assert not (tmp_path / "defects.formatted.formatted.docx").exists() and formatted.read_bytes() == before


def test_formatted_word_files_number_endnotes_in_decimal(tmp_path: Path) -> None:
    src = tmp_path / "defects.docx"
    src.write_bytes(BUILT["both-notes"])
    assert run_cli("format", "defects.docx", cwd=tmp_path).returncode == 0
    parts = _parts((tmp_path / "defects.formatted.docx").read_bytes())
    for name in ("word/settings.xml", "word/document.xml"):
        formats = [el.get(w("val")) for el in etree.fromstring(parts[name]).iter(w("numFmt"))]
        assert "decimal" in formats and "lowerRoman" not in formats, name

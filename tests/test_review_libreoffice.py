"""LibreOffice's own Accept All and Reject All on a review copy give the fixed document and the original.

test_review.py checks the review copies with the XML transform Word applies; here the office suite does
it. A StarBasic macro, installed in a throwaway LibreOffice profile, opens the review copy hidden,
dispatches ``.uno:AcceptAllTrackedChanges`` (then, on a fresh load, ``.uno:RejectAllTrackedChanges``),
and saves each result as a Word file. Both are read back with whereas's Word reader and compared, paragraph
by paragraph and note by note, with

* accepted: the text ``whereas check --fix`` makes of the input (its fixes, with the settings ``check``
  chooses for the file; a Word file is never rewritten in place, so the fixed text is computed the way
  ``check --fix`` computes it for any file);
* rejected: the input's own text.

Nothing beyond the Debian package ``libreoffice-writer-nogui`` (which CI installs) is needed: the macro
is StarBasic, which the core package runs, not Python-UNO. Without LibreOffice every test here skips.
Inputs: Word files built by the tests, the seed, and a few .docx of ../shared/corpus and corpus-2.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
from pathlib import Path

import pytest

from conftest import SEED_DOCX, SHARED
from test_review import BUILT, LIBREOFFICE
from whereas.lint.fix import fix_source
from whereas.lint.infer import settings_for
from whereas.lint.settings import Configs, Overrides
from whereas.model import Source
from whereas.readers.docx import read_docx
from whereas.review import ReviewOptions, review_path
from whereas.structure import build

pytestmark = pytest.mark.skipif(LIBREOFFICE is None, reason="LibreOffice is not installed")

#: Loads ``source`` hidden, runs the dispatch command on it, saves it as a Word file; then quits, whatever
#: happened (a LibreOffice left running would hang the test until its timeout).
MACRO = """Sub Settle(source As String, target As String, command As String)
  On Error GoTo Done
  SaveSettled(source, target, command)
Done:
  StarDesktop.terminate()
End Sub

Sub SaveSettled(source As String, target As String, command As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden"
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(source), "_blank", 0, load())
  Dim none() As New com.sun.star.beans.PropertyValue
  helper = createUnoService("com.sun.star.frame.DispatchHelper")
  helper.executeDispatch(doc.CurrentController.Frame, ".uno:" &amp; command, "", 0, none())
  Dim store(0) As New com.sun.star.beans.PropertyValue
  store(0).Name = "FilterName"
  store(0).Value = "MS Word 2007 XML"
  doc.storeToURL(ConvertToURL(target), store())
  doc.close(True)
End Sub
"""

_MODULE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
    '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" '
    'script:language="StarBasic">{}</script:module>\n'
)


def _run_libreoffice(profile: Path, *arguments: str) -> str:
    """Run LibreOffice headless with ``profile``; what it said. Killed (with what it started) after 4 minutes."""
    command = [str(LIBREOFFICE), "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}", *arguments]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        said, _ = proc.communicate(timeout=240)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # soffice and the soffice.bin it started: the group made here
        said, _ = proc.communicate()
    return said.decode(errors="replace")


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A LibreOffice user profile whose "My Macros" hold the macro (trusted: macros there always run).

    LibreOffice makes the profile on its first start (which would overwrite a library written before), then
    the macro replaces the empty Standard.Module1 it made."""
    root = tmp_path_factory.mktemp("lo-profile")
    said = _run_libreoffice(root, "--terminate_after_init")
    module = root / "user" / "basic" / "Standard" / "Module1.xba"
    assert module.is_file(), f"LibreOffice made no profile in {root}: {said}"
    module.write_text(_MODULE.format(MACRO.replace('"', "&quot;")), encoding="utf-8")  # (& is written &amp;)
    return root


def libreoffice_settles(reviewed: Path, profile: Path, out: Path) -> tuple[str, str]:
    """The text views of ``reviewed`` after LibreOffice's Accept All, and after its Reject All."""
    accepted, rejected = out / "accepted.docx", out / "rejected.docx"
    for path, command in ((accepted, "AcceptAllTrackedChanges"), (rejected, "RejectAllTrackedChanges")):
        # one document per run: LibreOffice 7.4 without a GUI aborts when it loads a second document with
        # comments in the same run (it cannot build the first one's comment windows)
        said = _run_libreoffice(profile, f'macro:///Standard.Module1.Settle("{reviewed}","{path}","{command}")')
        assert path.is_file(), f"LibreOffice wrote no {path.name}: {said}"
    return read_docx(accepted.read_bytes()).text, read_docx(rejected.read_bytes()).text


def check_fix_text(path: Path) -> str:
    """The text ``whereas check --fix`` makes of ``path``: its safe fixes, with check's settings for it."""
    view = read_docx(path.read_bytes()).text
    source = Source(view, "docx", str(path))
    _, settings, _ = Configs(Overrides(), None).for_file(path)
    resolutions = build(source)
    if settings.profile_source == "default" and resolutions:
        settings, _ = settings_for(resolutions, "docx", settings)
    return fix_source(source, settings).text if resolutions else view


def assert_same_paragraphs(got: str, want: str, what: str) -> None:
    """Paragraph by paragraph (the notes are paragraphs of the text view too), naming the first that differs."""
    got_lines, want_lines = got.split("\n"), want.split("\n")
    for number, (g, w) in enumerate(zip(got_lines, want_lines, strict=False), 1):
        assert g == w, f"{what}, paragraph {number}:\n  LibreOffice: {g!r}\n  expected:    {w!r}"
    assert len(got_lines) == len(want_lines), f"{what}: {len(got_lines)} paragraphs, expected {len(want_lines)}"


def _shared() -> list[Path]:
    """The seed and a few Word files of the corpora: one with footnotes, one with many findings, one with a fix."""
    names = [
        SHARED / "corpus" / "docx-footnotes" / "pandoc_notes.docx",
        SHARED / "corpus-2" / "faculty-senate" / "csi-faculty-senate--rc-resolutions-may-2020.docx",
        SHARED / "corpus-2" / "faculty-senate" / "csi-faculty-senate--vote-of-no-confidence.docx",
    ]
    return [SEED_DOCX, *names]


def _settle_and_compare(tmp_path: Path, name: str, data: bytes, profile: Path, *, as_libreoffice_reads: bool) -> None:
    src = tmp_path / f"{name}.docx"
    src.write_bytes(data)
    result = review_path(src, ReviewOptions(date="2024-06-01T12:00:00Z"))
    accepted, rejected = libreoffice_settles(Path(result.written), profile, tmp_path)
    if as_libreoffice_reads:  # the input as LibreOffice reads it: its own load and save of the input
        copy = tmp_path / "as-read" / src.name
        copy.parent.mkdir()
        copy.write_bytes(_libreoffice_saves(src, profile, tmp_path / "as-read"))
        original, fixed = read_docx(copy.read_bytes()).text, check_fix_text(copy)
    else:
        original, fixed = read_docx(data).text, check_fix_text(src)
    assert_same_paragraphs(rejected, original, f"{name}: Reject All")
    assert_same_paragraphs(accepted, fixed, f"{name}: Accept All")
    if result.changes.deletions or result.changes.insertions:
        assert accepted != rejected  # (the comparisons above compared something)


def _libreoffice_saves(src: Path, profile: Path, out: Path) -> bytes:
    """``src`` loaded and saved by LibreOffice (Accept All on a file without tracked changes changes nothing)."""
    target = out / "saved.docx"
    said = _run_libreoffice(profile, f'macro:///Standard.Module1.Settle("{src}","{target}","AcceptAllTrackedChanges")')
    assert target.is_file(), f"LibreOffice wrote no {target.name}: {said}"
    return target.read_bytes()


def test_libreoffice_accept_all_and_reject_all_on_my_fixture(tmp_path: Path, profile: Path) -> None:
    """Fixes in the text and in an endnote, one of them next to a bold word (runs split, formatting kept)."""
    _settle_and_compare(tmp_path, "defects", BUILT["defects"], profile, as_libreoffice_reads=False)


# These fixtures of the Word reader's tests number their notes out of order (footnote 7 called before
# footnote 5; a note of two paragraphs): LibreOffice 7.4 itself reads them otherwise than Word (it attaches
# the notes to the calls in the order of their ids, and joins a note's paragraphs without a space), so the
# expected texts are those of LibreOffice's own load and save of the input. "tracked" is left out: it
# holds another author's tracked changes, which LibreOffice's Accept All and Reject All settle too.
@pytest.mark.parametrize("name", ["endnotes", "footnotes", "both-notes"])
def test_libreoffice_accept_all_and_reject_all_on_built_documents(tmp_path: Path, name: str, profile: Path) -> None:
    _settle_and_compare(tmp_path, name, BUILT[name], profile, as_libreoffice_reads=True)


@pytest.mark.parametrize("path", _shared(), ids=[p.name for p in _shared()])
def test_libreoffice_accept_all_and_reject_all_on_shared_documents(tmp_path: Path, path: Path, profile: Path) -> None:
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    _settle_and_compare(tmp_path, path.stem, path.read_bytes(), profile, as_libreoffice_reads=False)


def test_the_built_fixture_has_tracked_changes_for_libreoffice_to_settle(tmp_path: Path) -> None:
    """The "defects" document is there to exercise Accept All: its review copy has deletions and insertions,
    in the text and in its endnote."""
    src = tmp_path / "defects.docx"
    src.write_bytes(BUILT["defects"])
    result = review_path(src, ReviewOptions())
    assert len(result.changes.deletions) >= 2 and result.changes.insertions
    assert check_fix_text(src) == result.fixed != result.view


# --- a picture of a reviewed page, its comments in the margin --------------------------------------------

#: where the picture of docs/review.md is written when WHEREAS_DOCS_PICTURES=1 (else only under the test's tmp)
DOCS_PICTURE = Path(__file__).resolve().parent.parent / "docs" / "images" / "review-seed-page1.png"
_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def comments_in_the_margin(pdf: Path, png: Path, page: int = 0, scale: float = 1.25) -> int:
    """Page ``page`` of ``pdf`` (LibreOffice's export, comments as PDF text notes) as a PNG with each
    comment's words in a margin on the right, joined to its marker by a line, as Word and LibreOffice show
    comments on screen; the number of comments drawn.  (LibreOffice 7.4 cannot export the margin itself:
    its PDF export ignores ExportNotesInMargin, which later versions have.)"""
    import textwrap

    import pypdfium2
    from PIL import Image, ImageDraw, ImageFont
    from pypdf import PdfReader

    notes = []
    height_pt = float(PdfReader(str(pdf)).pages[page].mediabox.height)
    for annotation in PdfReader(str(pdf)).pages[page].get("/Annots", []):
        a = annotation.get_object()
        if a.get("/Subtype") == "/Text":
            left, _, _, top = (float(x) for x in a["/Rect"])
            notes.append(((height_pt - top) * scale, left * scale, str(a.get("/Contents", ""))))
    image = pypdfium2.PdfDocument(str(pdf))[page].render(scale=scale).to_pil().convert("RGB")
    font = ImageFont.truetype(str(_FONT), 11) if _FONT.is_file() else ImageFont.load_default()
    small = ImageFont.truetype(str(_FONT), 9) if _FONT.is_file() else font
    margin, boxes, y = 480, [], 8.0
    for top, left, text in sorted(notes):  # laid out top down, each box below the one before
        lines = text.split("\n")
        said = " ".join(lines[:2]) if lines[0].startswith("In ") and len(lines) > 1 else lines[0]  # "In endnote 1, …"
        body = textwrap.wrap(said, 72)[:3]
        code = next((line.split(". Rule:")[0] for line in lines if " Rule:" in line), "")
        box_top = max(top - 6, y)
        box_height = 14 * len(body) + (12 if code else 0) + 8
        boxes.append((top, left, box_top, box_height, body, code))
        y = box_top + box_height + 4
    out = Image.new("RGB", (image.width + margin, max(image.height, int(y) + 8)), "white")
    out.paste(image, (0, 0))
    draw = ImageDraw.Draw(out)
    draw.rectangle([image.width, 0, out.width, out.height], fill=(243, 243, 243))
    for top, left, box_top, box_height, body, code in boxes:
        box = (image.width + 10, box_top, out.width - 10, box_top + box_height)
        draw.line([(left + 6, top + 6), (image.width, top + 6), (box[0], box_top + 8)], fill=(232, 200, 120), width=1)
        draw.rectangle(box, fill=(255, 249, 214), outline=(214, 160, 0))
        for k, line in enumerate(body):
            draw.text((box[0] + 6, box_top + 4 + 14 * k), line, fill="black", font=font)
        if code:
            draw.text((box[0] + 6, box_top + 4 + 14 * len(body)), code, fill=(90, 90, 90), font=small)
    out.quantize(colors=64).save(png, optimize=True)
    return len(notes)


def test_picture_of_a_reviewed_page_with_comments_in_the_margin(tmp_path: Path) -> None:
    """The seed reviewed (with its quotations verified against an evidence archive), exported to PDF by
    LibreOffice, page 1 drawn with every comment in the margin; small enough for the docs."""
    from test_review import _libreoffice_pdf, _seed, _seed_archive

    src = _seed(tmp_path)
    archive = tmp_path / "evidence.warc.gz"
    _seed_archive(archive)
    options = ReviewOptions(verify=True, offline=True, archive=archive, date="2024-06-01T12:00:00Z")
    result = review_path(src, options)
    picture = tmp_path / "review-seed-page1.png"
    drawn = comments_in_the_margin(_libreoffice_pdf(result.written, tmp_path), picture)
    assert drawn >= 15 and picture.stat().st_size < 300_000
    if os.environ.get("WHEREAS_DOCS_PICTURES") == "1":
        DOCS_PICTURE.write_bytes(picture.read_bytes())


# --- OpenDocument: review through a Word copy, as docs/review.md says ----------------------------------


def test_an_odt_is_reviewed_through_a_word_copy_that_libreoffice_saves_back(tmp_path: Path, profile: Path) -> None:
    """``whereas review`` refuses .odt (docs/review.md says why); the way around it that the docs give —
    LibreOffice converts the .odt to .docx, whereas reviews that, LibreOffice saves the review copy as .odt —
    keeps every comment as an office:annotation on its words and every fix as a tracked change
    (text:changed-region, insertion or deletion, with its text:change-start / text:change marks)."""
    import zipfile

    from build_docx import odt_bytes

    odt = tmp_path / "r.odt"
    odt.write_bytes(odt_bytes())
    docx = _libreoffice_convert(odt, "docx", tmp_path / "as-docx", profile)
    result = review_path(docx, ReviewOptions(profile="ala"))
    assert result.changes.deletions or result.changes.insertions, "the fixture needs a fix to track"
    back = _libreoffice_convert(Path(result.written), "odt", tmp_path / "back", profile)
    content = zipfile.ZipFile(back).read("content.xml").decode()
    # (the fixture's own comment, by "R", is kept too: a comment on a point, without an end)
    assert len(re.findall(r"<office:annotation [^>]*><dc:creator>whereas<", content)) == len(result.comments)
    assert content.count("<office:annotation-end ") == len(result.comments)
    changes = len(result.changes.deletions) + len(result.changes.insertions)
    assert content.count("<text:changed-region ") == changes
    assert content.count("<text:change ") + content.count("<text:change-start ") == changes


def _libreoffice_convert(path: Path, to: str, out: Path, profile: Path) -> Path:
    said = _run_libreoffice(profile, "--convert-to", to, "--outdir", str(out), str(path))
    converted = out / f"{path.stem}.{to}"
    assert converted.is_file(), f"LibreOffice did not convert {path.name} to {to}: {said}"
    return converted

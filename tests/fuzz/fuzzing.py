"""What the fuzz targets share: their settings, their seeds, the mutations and the property.

The property: whatever the input, whereas reads, parses and lints it, or refuses it with an
:class:`~whereas.errors.InputError` (a clear, one-line error): never another exception, never an
:class:`~whereas.errors.InternalError` (a bug reported as one), and never a hang.

The seeds are the project's own fixtures (``tests/fixtures/**``, the bundled example, and the Word,
OpenDocument and PDF files the fixture builders write), plus ``seeds/notes.doc``: a resolution with
footnotes and an endnote that LibreOffice saved as a legacy Word .doc (no builder writes one).

Two modes, chosen by the environment:

* **short** (the default, in the normal test suite): a few dozen examples per target, the same
  ones every run (``derandomize``), so CI is never flaky;
* **long**: ``WHEREAS_FUZZ_EXAMPLES=20000`` (examples per target), random and saved in
  ``.hypothesis/`` so that a failure found once is replayed first next time.
  ``WHEREAS_FUZZ_DEADLINE`` (seconds, default 2) is the time one example may take.
"""

from __future__ import annotations

import io
import os
import re
import signal
import struct
import threading
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from whereas.api import parse_view
from whereas.errors import InputError
from whereas.lint import lint
from whereas.lint.fix import FIXABLE_FORMATS, fix_source
from whereas.lint.infer import settings_for
from whereas.lint.settings import Settings
from whereas.model import Source
from whereas.readers import read_bytes
from whereas.structure import build

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
ROOT = TESTS.parent

# --- settings ------------------------------------------------------------------------------------

LONG_EXAMPLES = int(os.environ.get("WHEREAS_FUZZ_EXAMPLES", "0") or 0)
LONG = LONG_EXAMPLES > 0
#: what one example may take: generous in the short run (a shared CI machine), strict in the long one
DEADLINE_SECONDS = float(os.environ.get("WHEREAS_FUZZ_DEADLINE", "2")) if LONG else 15.0
#: past this, an example is stopped and fails as a hang (hypothesis's deadline only speaks once it returns)
HANG_SECONDS = max(30.0, 4 * DEADLINE_SECONDS)


def fuzz_settings(examples: int = 30) -> settings:
    """The settings of one target: ``examples`` in the short run, ``WHEREAS_FUZZ_EXAMPLES`` in the long one."""
    common = {
        "deadline": timedelta(seconds=DEADLINE_SECONDS),
        "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
        "print_blob": True,
    }
    if LONG:
        return settings(max_examples=LONG_EXAMPLES, **common)
    return settings(max_examples=examples, derandomize=True, database=None, **common)


# --- the property ----------------------------------------------------------------------------------


class Hang(Exception):
    """An example still running after ``HANG_SECONDS``."""


@contextmanager
def time_limit(seconds: float = HANG_SECONDS) -> Iterator[None]:
    """Raise :class:`Hang` in the code running after ``seconds`` (POSIX, main thread; elsewhere no limit)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise Hang(f"still running after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def refused(exc: BaseException) -> bool:
    """Whether ``exc`` is a clear refusal (a plain InputError, not an internal error in disguise)."""
    return type(exc) is InputError


def lint_text(source: Source) -> None:
    """Lint ``source`` as ``whereas check --fix --diff`` does: infer the profile, lint, compute the fixes."""
    resolutions = build(source)
    settings = Settings()
    if resolutions:
        settings, _ = settings_for(resolutions, source.format, settings)
    lint(resolutions, settings)
    if source.format in FIXABLE_FORMATS:
        fix_source(source, settings)


def read_parse_lint(data: bytes, name: str) -> None:
    """The whole of ``whereas check`` on one file's bytes; a refusal (InputError) is fine, nothing else is."""
    with time_limit():
        try:
            view = read_bytes(data, name)
            resolutions = parse_view(view)
        except InputError as exc:
            if refused(exc):
                return
            raise
        source = Source(view.text, view.format, view.path)
        settings = Settings()
        if resolutions:
            settings, _ = settings_for(resolutions, view.format, settings)
        lint(resolutions, settings)
        if view.format in FIXABLE_FORMATS:
            fix_source(source, settings)


# --- seeds -------------------------------------------------------------------------------------------


def _files(pattern: str) -> list[bytes]:
    return [p.read_bytes() for p in sorted(TESTS.glob(pattern))]


@cache
def seeds(fmt: str) -> tuple[bytes, ...]:
    """The fixtures of one format, built once per session."""
    if fmt == "text":
        return tuple(
            _files("fixtures/text/*.txt") + [p.read_bytes() for p in sorted((ROOT / "examples").glob("*.txt"))]
        )
    if fmt == "markdown":
        return tuple(_files("fixtures/text/*.md"))
    if fmt == "quoted-printable":
        return tuple(_files("fixtures/quoted_printable/*.txt"))
    if fmt == "html":
        return tuple(_files("fixtures/**/*.html"))
    if fmt == "chicago-xml":
        return tuple(_files("fixtures/xml_chicago*.xml"))
    if fmt == "uslm":
        return tuple(_files("fixtures/xml_uslm*.xml"))
    if fmt == "akn":
        return tuple(_files("fixtures/xml_akn_*.xml"))
    if fmt == "bill-xml":
        return tuple(_files("fixtures/xml_billxml_*.xml"))
    if fmt == "doc":
        return tuple(p.read_bytes() for p in sorted(HERE.glob("seeds/*.doc")))
    import build_docx as build

    if fmt == "docx":
        return (
            build.endnotes_docx(),
            build.footnotes_docx(),
            build.both_notes_docx(),
            build.tracked_docx(),
            build.fields_docx(),
            build.build_docx(
                [build.p("Whereas libraries serve everyone; now, therefore, be it"),
                 build.p("Resolved, that we fund:"),
                 build.p("books;", ppr=build.num_pr(1)), build.p("staff.", ppr=build.num_pr(1, 1))],
                title="Resolution on Lists", numbering=True,
            ),
        )  # fmt: skip
    if fmt == "odt":
        return (build.odt_bytes(),)
    if fmt == "pdf":
        from pdf_builder import build_pdf

        lines = seeds("text")[0].decode("utf-8").splitlines()
        half = len(lines) // 2
        return (build_pdf([lines[:half], lines[half:]]), build_pdf([lines[:3], None]))
    raise ValueError(fmt)


# --- mutations of bytes ------------------------------------------------------------------------------

#: tokens that broke (or could break) a reader, the structure builder or a rule
HOSTILE_TEXT = [
    # notes and their markers
    "[^¹]", "[^1]", "[^99999999999999999999]", "[^]", "[^1]: ", "\n[^1]: note\n", "\n[^¹]: ¹\n",
    "[endnoteRef:99999999]", "[footnoteRef:0]", "[endnoteRef:-1]", "[1: Org. \"T\". https://example.org/a]", "[2: ",
    "¹", "²³", "\n1. Note. https://example.org/n\n", "\nNotes\n", "\nReferences\n",
    # list numbers and clause words
    "99999999999999999999999. ", "0. ", "-1. ", "(zzzzzzzzzzzz) ", "(mmmmmmmmmmmmmmmmmmmm) ", "(iiiiiiiiiii) ",
    "\n(a) ", "\n1. ", "\ni. ", "\nA. ", "Whereas ", "WHEREAS, ", "\nWhereas, ", "Resolved, that ", "\nRESOLVED, That ",
    "BE IT FURTHER RESOLVED, ", "; now, therefore, be it", "; and", "Therefore, ", "as follows:",
    # headings, quotes, Markdown
    "# ", "\n# Resolution on X\n", "\n## 2. Next\n", "\n\n", "\r", "\r\n", "\t", "> > > > > > ", "\n* ", "**", "__",
    "“", "”", "\"", "'", "«", "»", "„", "‘", "’", "```\n", "<details>", "|a|b|\n|-|-|\n",
    # characters
    "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\u200b", "\u202e",
    "\u00ad", "\u0301" * 40, "\ufffd", "\U0001f600", "ǅ", "ﬁ", "İ", "ß",
    "https://" + "a" * 2000 + ".org/", "<https://example.org/a>", "[link](https://example.org/(a)", "http://[::1",
    # markup
    "&#xD800;", "&#0;", "&#1114112;", "&#99999999999;", "&amp", "&nosuch;", "<![CDATA[x", "]]>", "<!--", "-->",
    "<?x y?>", "<!DOCTYPE x [<!ENTITY e 'Whereas'>]>", "&e;", "<b>", "</b>", "<p>", "</p>", "<div>", "<sup>1</sup>",
    "<a href='#fn1'>1</a>", '<li id="fn1">', "<table><tr><td>", "<br/>", "<h1>", "<ol start='99999999999999999999'>",
    '<level role="whereas">', '<level role="resolved">', "</level>", "<heading>", "<recital>", "<num value='9999999999'>",
    "<w:t>", "</w:t>", '<w:footnoteReference w:id="99999999"/>', '<w:endnoteReference w:id="-1"/>',
    '<w:start w:val="99999999999999999999"/>', '<w:numFmt w:val="upperRoman"/>', '<w:ilvl w:val="99"/>',
    '<w:numPr><w:ilvl w:val="8"/><w:numId w:val="99999"/></w:numPr>', '<w:fldChar w:fldCharType="begin"/>',
    '<w:instrText>HYPERLINK "x"</w:instrText>', '<text:note text:note-class="footnote"><text:note-body>',
    'text:start-value="-5"', 'style:num-format="I"', '<text:s text:c="999999999"/>', "<text:list>", "<text:h>",
    "(", ")", "[", "]", "{", "}", "<", ">", "&", ";", ":", ".",
]  # fmt: skip
HOSTILE_BYTES = [t.encode("utf-8") for t in HOSTILE_TEXT] + [
    b"\xed\xa0\x80",  # a lone surrogate, as UTF-8 would write it
    b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\xff", b"\xc3", b"\x00\xd8", b"\x80\x81\x82", b"\x00" * 7,
    # PDF
    b"/Length 999999999", b"<< /Type /Page", b"0 0 R", b"/Kids [2 0 R]", b"/Encrypt", b"stream\n", b"endobj",
    b"/Filter /FlateDecode", b"(" * 200, b"[" * 200, b"<<" * 200, b"999999999999999999999", b"-1",
    b"/Contents [4 0 R 4 0 R]", b"Tj T*", b"BT", b"ET", b"/Type /Pages /Count 99999999",
]  # fmt: skip
#: openers (and their closers) nested deep
NESTING = [
    (b"<div>", b"</div>"), (b"<b>", b"</b>"), (b"<blockquote>", b""), (b"> ", b""), (b"(", b")"), (b"[", b"]"),
    (b"<level>", b"</level>"), (b"<w:p><w:r>", b""), (b"<text:list><text:list-item>", b"</text:list-item></text:list>"),
    (b"<ol><li>", b"</li></ol>"), (b"  * ", b""), (b"[^", b"]"), (b"\xe2\x80\x9c", b"\xe2\x80\x9d"),
]  # fmt: skip
NUMBERS = [b"0", b"-1", b"99999999999999999999999999", b"4294967296", b"2147483648", b"65536", b"1e999", b"NaN", b""]
DELIMITERS = b'>\n ;.,:"('


def _position(draw: st.DrawFn, data: bytearray) -> int:
    """Anywhere, or just after a delimiter (inside XML content, at a line's start, after a word)."""
    if data and draw(st.booleans()):
        delimiter = draw(st.sampled_from(DELIMITERS))
        found = [m.start() + 1 for m in re.finditer(re.escape(bytes([delimiter])), data)]
        if found:
            return found[draw(st.integers(0, len(found) - 1))]
    return draw(st.integers(0, len(data)))


@st.composite
def mutated(draw: st.DrawFn, data: bytes, max_ops: int = 4) -> bytes:
    """``data`` after up to ``max_ops`` mutations: flips, cuts, hostile tokens, deep nesting, odd numbers."""
    out = bytearray(data)
    for _ in range(draw(st.integers(0, max_ops))):
        op = draw(st.sampled_from(("insert", "insert", "nest", "number", "flip", "delete", "truncate", "duplicate")))
        at = _position(draw, out)
        if op == "insert":
            token = draw(st.sampled_from(HOSTILE_BYTES) | st.binary(min_size=1, max_size=8))
            out[at:at] = token * draw(st.sampled_from((1, 1, 1, 2, 50, 2000)))
        elif op == "nest":
            opener, closer = draw(st.sampled_from(NESTING))
            depth = draw(st.sampled_from((3, 100, 1000, 5000)))
            out[at:at] = opener * depth + b"Whereas x;" + closer * depth
        elif op == "number":
            runs = list(re.finditer(rb"\d+", out))
            if runs:
                run = runs[draw(st.integers(0, len(runs) - 1))]
                out[run.start() : run.end()] = draw(st.sampled_from(NUMBERS))
        elif op == "flip" and out:
            at = min(at, len(out) - 1)
            out[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "delete":
            del out[at : at + draw(st.integers(1, 64))]
        elif op == "truncate":
            del out[at:]
        elif op == "duplicate":
            out[at:at] = out[at : at + draw(st.integers(1, 256))] * draw(st.sampled_from((2, 100)))
    return bytes(out)


def mutated_seed(fmt: str, max_ops: int = 4) -> st.SearchStrategy[bytes]:
    return st.sampled_from(seeds(fmt)).flatmap(lambda data: mutated(data, max_ops))


# --- mutations of zip packages (.docx, .odt) ------------------------------------------------------------

ODD_MEMBER_NAMES = [
    "../../evil.xml", "/absolute.xml", "word/../word/document.xml", "WORD/DOCUMENT.XML", "word\\document.xml",
    "é/ü.xml", "a" * 1000, "word/", "content.xml/", "nul\x00.xml", "word/document.xml", "content.xml",
    "word/footnotes.xml", "word/endnotes.xml", "word/numbering.xml", "word/_rels/document.xml.rels", "mimetype",
    "styles.xml", "[Content_Types].xml", " ", "word/document.xml ", "Word/document.xml",
]  # fmt: skip


def _unzip(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(info.filename, z.read(info)) for info in z.infolist()]


def _zip(members: list[tuple[str, bytes]], compression: int) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are the point
        with zipfile.ZipFile(out, "w", compression) as z:
            for name, content in members:
                z.writestr(zipfile.ZipInfo(name), content, compress_type=compression)
    return out.getvalue()


@st.composite
def mutated_package(draw: st.DrawFn, fmt: str) -> bytes:
    """A seed package whose members are mutated, renamed, added or dropped, and zipped again (valid CRCs)."""
    members = _unzip(draw(st.sampled_from(seeds(fmt))))
    for _ in range(draw(st.integers(0, 3))):
        op = draw(st.sampled_from(("content", "content", "content", "content", "rename", "add", "drop", "duplicate")))
        i = draw(st.integers(0, len(members) - 1)) if members else None
        if op == "content" and i is not None:
            name, content = members[i]
            members[i] = (name, draw(mutated(content)))
        elif op == "rename" and i is not None:
            members[i] = (draw(st.sampled_from(ODD_MEMBER_NAMES)), members[i][1])
        elif op == "add":
            content = draw(st.sampled_from([b"", b"<x/>", b"<", *(c for _, c in members)]))
            members.append((draw(st.sampled_from(ODD_MEMBER_NAMES)), content))
        elif op == "drop" and i is not None:
            del members[i]
        elif op == "duplicate" and i is not None:
            members.append(members[i])
    data = _zip(members, draw(st.sampled_from((zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED))))
    if draw(st.integers(0, 9)) == 0:  # now and then, the container itself
        data = draw(mutated(data, max_ops=2))
    return data


# --- mutations of a legacy Word .doc (inside its OLE streams) -------------------------------------------

#: FIB fields the .doc reader reads (flags, ccpText…, fcClx/lcbClx, the note PLCs' fc/lcb)
FIB_OFFSETS = [
    0x0A,
    0x4C,
    0x50,
    0x54,
    0x58,
    0x5C,
    0x60,
    0x64,
    0x1A2,
    0x1A6,
    0xAA,
    0xAE,
    0xB2,
    0xB6,
    0x20A,
    0x20E,
    0x212,
    0x216,
]
WORDS = [0, 1, 2, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFF, 0x10000, 25_000_001]


@st.composite
def mutated_doc(draw: st.DrawFn) -> bytes:
    """A seed .doc whose WordDocument and table streams are changed in place (same sizes), so the OLE
    container stays readable and the damage reaches the FIB, the piece table and the notes."""
    import olefile

    buf = io.BytesIO(draw(st.sampled_from(seeds("doc"))))
    ole = olefile.OleFileIO(buf, write_mode=True)
    try:
        streams = {
            name: bytearray(ole.openstream(name).read())
            for name in ("WordDocument", "1Table", "0Table")
            if ole.exists(name)
        }
        word = streams["WordDocument"]
        for _ in range(draw(st.integers(1, 4))):
            name = draw(st.sampled_from(sorted(streams)))
            stream = streams[name]
            op = draw(st.sampled_from(("word", "word", "flip", "overwrite")))
            if op == "word":
                if name == "WordDocument" and draw(st.booleans()):
                    at = draw(st.sampled_from(FIB_OFFSETS))
                else:  # somewhere in the piece table (the Clx), or anywhere
                    fc, lcb = struct.unpack_from("<II", word, 0x1A2)
                    low, high = (
                        (fc, fc + lcb) if fc + lcb <= len(stream) - 4 and draw(st.booleans()) else (0, len(stream) - 4)
                    )
                    at = draw(st.integers(low, max(low, high)))
                value = draw(st.sampled_from(WORDS) | st.integers(0, 0xFFFFFFFF))
                if draw(st.booleans()):
                    stream[at : at + 4] = struct.pack("<I", value)
                else:
                    stream[at : at + 2] = struct.pack("<H", value & 0xFFFF)
            elif op == "flip":
                at = draw(st.integers(0, len(stream) - 1))
                stream[at] ^= 1 << draw(st.integers(0, 7))
            else:
                token = draw(st.sampled_from(HOSTILE_BYTES))
                at = draw(st.integers(0, max(0, len(stream) - len(token))))
                stream[at : at + len(token)] = token[: len(stream) - at]
        for name, stream in streams.items():
            ole.write_stream(name, bytes(stream))
    finally:
        ole.close()
    data = buf.getvalue()
    if draw(st.integers(0, 9)) == 0:
        data = draw(mutated(data, max_ops=2))
    return data


# --- generated resolutions ------------------------------------------------------------------------------

WORDS_OF_TEXT = st.sampled_from(
    "the library board city council members association public funds state aid of to and for in that "
    "ACLU (ACLU) U.S. S. 1234 H.R. 99 § 12 Act 2024 “report” 'said' e.g. i.e. etc.".split()
)
OPENERS = ["Whereas ", "WHEREAS, ", "**WHEREAS**, ", "Whereas, ", "WHEREAS ", "whereas ", "Whereas: "]
RESOLVERS = [
    "Resolved, that ", "RESOLVED, That ", "BE IT RESOLVED, that ", "Be it further resolved, that ", "Now, therefore, be it resolved that ",
    "RESOLVED FURTHER, ", "Resolved: ", "Finally resolved, ", "That ", "BE IT FURTHER RESOLVED: ",
]  # fmt: skip
ENDINGS = [";", "; and", "; now, therefore, be it", "; now, therefore,", ":", ".", ",", "", " and"]
TITLES = [
    "# Resolution on Library Funding", "RESOLUTION NO. 2024-17", "A RESOLUTION HONORING THE LAKE PATROL",
    "Resolution 99999999999999999999", "## 2. Next", "Resolution on “Quotes”[^1]", "TITLE", "Resolution on X",
]  # fmt: skip
LIST_LABELS = [
    "1.",
    "2.",
    "(a)",
    "(b)",
    "i.",
    "ii.",
    "A.",
    "(1)",
    "99999999999999999999.",
    "0.",
    "a)",
    "*",
    "-",
    "•",
    "(zz)",
]
NOTE_MARKERS = [
    "[^1]",
    "[^2]",
    "[^¹]",
    "¹",
    "[1]",
    "[endnoteRef:1]",
    "[footnoteRef:2]",
    "[endnoteRef:99999999]",
    "*",
    "†",
]
NOTE_LINES = [
    "[^1]: See https://example.org/report.", "[^2]: Org. “Title.” 2024.", "[^¹]: ¹", "1. A note.", "Notes", "Endnotes",
    "[1: Org. \"Title\". https://example.org/a]", "[^99999999999999999999]: huge", "[^1]:", "References",
]  # fmt: skip


@st.composite
def phrase(draw: st.DrawFn) -> str:
    """Words, with now and then a quotation, a note marker or a hostile token among them."""
    parts = []
    for _ in range(draw(st.integers(1, 14))):
        kind = draw(st.integers(0, 9))
        if kind == 0:
            q = draw(st.sampled_from(['"%s"', "“%s”", "«%s»", "'%s'", "“%s", '"%s', "„%s“", "> %s\n"]))
            parts.append(q % draw(WORDS_OF_TEXT))
        elif kind == 1:
            parts.append(draw(st.sampled_from(NOTE_MARKERS)))
        elif kind == 2:
            parts.append(draw(st.sampled_from(HOSTILE_TEXT)))
        else:
            parts.append(draw(WORDS_OF_TEXT))
    return " ".join(parts)


@st.composite
def resolution_blocks(draw: st.DrawFn) -> list[tuple[str, str]]:
    """A resolution as (kind, text) blocks: a title, recitals, resolved clauses with lists, notes —
    in a plausible order, or shuffled."""
    blocks: list[tuple[str, str]] = []
    if draw(st.booleans()):
        blocks.append(("title", draw(st.sampled_from(TITLES))))
    for _ in range(draw(st.integers(0, 5))):
        blocks.append(("clause", draw(st.sampled_from(OPENERS)) + draw(phrase()) + draw(st.sampled_from(ENDINGS))))
    for _ in range(draw(st.integers(0, 4))):
        blocks.append(("clause", draw(st.sampled_from(RESOLVERS)) + draw(phrase()) + draw(st.sampled_from(ENDINGS))))
        for _ in range(draw(st.integers(0, 3))):
            blocks.append(
                ("item", draw(st.sampled_from(LIST_LABELS)) + " " + draw(phrase()) + draw(st.sampled_from(ENDINGS)))
            )
    for _ in range(draw(st.integers(0, 3))):
        blocks.append(("note", draw(st.sampled_from(NOTE_LINES))))
    if draw(st.integers(0, 4)) == 0:
        blocks = draw(st.permutations(blocks))
    return blocks


def as_text(blocks: list[tuple[str, str]], separator: str = "\n\n") -> str:
    return separator.join(text for _, text in blocks) + "\n"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def as_html(blocks: list[tuple[str, str]]) -> str:
    tags = {"title": "h1", "clause": "p", "item": "li", "note": "p"}
    body = "".join(f"<{tags[kind]}>{_escape(text)}</{tags[kind]}>" for kind, text in blocks)
    return f"<!DOCTYPE html><html><head><title>t</title></head><body><main>{body}</main></body></html>"


def as_chicago(blocks: list[tuple[str, str]]) -> str:
    title = next((text for kind, text in blocks if kind == "title"), "Untitled")
    levels = "".join(
        f'<level role="{"whereas" if text.lower().startswith("whereas") else "resolved"}">{_escape(text)}</level>'
        for kind, text in blocks
        if kind != "title"
    )
    return (
        '<?xml version="1.0"?><resolution><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dublinCore>'
        f"<dc:title>{_escape(title)}</dc:title></dublinCore></metadata><main>{levels}</main></resolution>"
    )


def safe_xml(text: str) -> str:
    """``text`` without what XML 1.0 cannot hold (the generated documents must stay well-formed)."""
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", "", text)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def as_docx(blocks: list[tuple[str, str]], start: str = "1", fmt: str = "decimal") -> bytes:
    """A bare Word package: one paragraph a block, items in a numbered list starting at ``start`` in ``fmt``."""
    numbered = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    body = "".join(
        f'<w:p>{numbered if kind == "item" else ""}<w:r><w:t xml:space="preserve">{_escape(safe_xml(text))}</w:t></w:r></w:p>'
        for kind, text in blocks
    )
    numbering = (
        f'<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    return _zip(
        [
            ("[Content_Types].xml", b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
            ("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>".encode()),
            ("word/numbering.xml", numbering.encode()),
        ],
        zipfile.ZIP_DEFLATED,
    )


def run_target(target: Callable[[], None]) -> None:
    """``target()`` under the hang limit (for targets that do not go through :func:`read_parse_lint`)."""
    with time_limit():
        target()

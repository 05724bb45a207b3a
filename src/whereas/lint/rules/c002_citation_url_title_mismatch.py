"""C002: the cited title and the URL plainly name different documents."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from whereas.lint.diagnostic import Severity
from whereas.lint.options import option
from whereas.lint.rule import Context, Rule
from whereas.model import Note, Span
from whereas.patterns import lazy_compile

_STOP = frozenset(
    "a an and are as at be by for from has have in into is it its of on or that the this to was were with "
    "about after against all also among any but can de des du el en et la le les los not our out over per "
    "than their them they under upon via what when which who will".split()
)
# Words that name the web site's machinery, not a document.
_GENERIC = frozenset(
    "www http https html htm php asp aspx cfm jsp shtml pdf doc docx index default home page pages site sites "
    "files file content contents uploads upload upload wp media assets static download downloads view document "
    "documents item items news article articles post posts latest press release releases blog resource resources "
    "publication publications report reports detail details story stories org com net gov edu int amp print "
    "public storage images img",
).union({"pdf"})
_EXTENSION = lazy_compile(r"\.(?:pdf|html?|php|aspx?|cfm|jsp|shtml|docx?|txt|xml)$", re.I)
_WORD = lazy_compile(r"[^\W\d_]+", re.U)


def words(text: str) -> list[str]:
    """Significant words: three letters or more, no stop words, lower case."""
    return [w for w in (w.lower() for w in _WORD.findall(text)) if len(w) >= 3 and w not in _STOP]


def same_word(a: str, b: str) -> bool:
    if a == b or a.rstrip("s") == b.rstrip("s"):
        return True
    return len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5]


def slug_words(url: str, exclude: set[str]) -> list[str]:
    """Meaningful words of the URL's last path segment (or the one before, when the last is an id)."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return []
    segments = [unquote(s) for s in path.split("/") if s]
    for segment in reversed(segments[-2:]):
        segment = _EXTENSION.sub("", segment)
        found = [w for w in words(re.sub(r"[-_/.+]", " ", segment)) if w not in _GENERIC and w not in exclude]
        if found:
            return found
    return []


def _author_words(note: Note) -> set[str]:
    author = note.citation.author or ""
    found = set(words(author))
    initials = "".join(w[0] for w in author.split() if w[:1].isupper()).lower()
    if len(initials) >= 2:
        found.add(initials)
    found |= {w.lower() for w in re.findall(r"\b[A-Z]{2,}\b", author)}
    return found


class CitationUrlTitleMismatch(Rule):
    code = "C002"
    name = "citation-url-title-mismatch"
    severity = Severity.warning
    summary = "A note's URL names a different document from the title the note cites."
    why = (
        "The URL must point to the document named in the note (CT-06). In the model draft the note for "
        '"The Universal Right to Free Expression" links to …/ALA-code-of-ethics.pdf, a different policy. '
        "whereas compares the title's words with the URL's slug and flags only a plain mismatch."
    )
    bad = (
        "Resolution on Free Expression\n\n"
        "Whereas the American Library Association (ALA) opposes the intimidation of individuals "
        "for their opinions;[^1] now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) reaffirms the Library Bill of Rights.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n\n"
        '[^1]: American Library Association. "The Universal Right to Free Expression: An Interpretation of the '
        'Library Bill of Rights," https://www.ala.org/sites/default/files/content/ALA-code-of-ethics.pdf\n'
    )
    good = (
        "Resolution on Free Expression\n\n"
        "Whereas the American Library Association (ALA) opposes the intimidation of individuals "
        "for their opinions;[^1] now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) reaffirms the Library Bill of Rights.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n\n"
        '[^1]: American Library Association. "The Universal Right to Free Expression: An Interpretation of the '
        'Library Bill of Rights," https://www.ala.org/advocacy/intfreedom/librarybill/interpretations/'
        "universalright\n"
    )
    fix_note = "No automatic fix: find the right URL (or the right title) by hand."

    @dataclass(frozen=True)
    class Options:
        """C002's options (``[rules.C002]`` in a configuration file)."""

        min_slug_words: int = option(
            2, "how many meaningful words the URL's last path segment needs before it is compared", minimum=1
        )

    def check(self, ctx: Context):
        need = ctx.options.min_slug_words
        text = ctx.text
        for note in ctx.resolution.notes:
            title = note.citation.title
            if not title or not note.urls:
                continue
            title_words = words(title)
            if len(title_words) < 2:
                continue
            exclude = _author_words(note)
            checked = mismatched = 0
            first_bad = None
            for url in note.urls:
                slug = slug_words(url, exclude)
                if len(set(slug)) < need:
                    continue
                checked += 1
                shared = {s for s in set(slug) if any(same_word(s, t) for t in title_words)}
                if not shared or (len(shared) == 1 and len(set(slug)) >= 6):
                    mismatched += 1
                    first_bad = first_bad or (url, slug)
            if checked and mismatched == checked and first_bad:
                url, slug = first_bad
                span = _url_span(text, note, url)
                yield self.diagnostic(
                    ctx,
                    span,
                    f'Note {note.id} cites "{_short(title)}" but its URL names something else ({"-".join(slug[:6])})',
                )


def _url_span(text: str, note: Note, url: str) -> Span:
    body = text[note.span.start : note.span.end]
    for candidate in (url, url.removeprefix("https://")):
        at = body.find(candidate)
        if at != -1:
            return Span(note.span.start + at, note.span.start + at + len(candidate))
    return note.span


def _short(title: str) -> str:
    return title if len(title) <= 60 else title[:57].rstrip() + "…"


RULE = CitationUrlTitleMismatch()

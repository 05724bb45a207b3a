"""Clean a stretch of source text into a MappedText: what a clause says, and where each character came from."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from operator import itemgetter

from whereas.model import MappedText, Span
from whereas.patterns import lazy_compile

#: pandoc's attributes after a bracketed span or a link: "{.underline}", "{#id}", "{lang=fr}"
_ATTRIBUTES = r"\{(?:[.#]|[A-Za-z][\w-]*=)[^{}\n]{0,200}\}"
#: what a backslash escapes in CommonMark: ASCII punctuation
_ESCAPABLE = r"[!-/:-@\[-`{-~]"

# Markup that is not the drafter's words: Markdown emphasis, a few inline HTML tags and
# comments, block-quote prefixes, Markdown hard-break backslashes.
_MARKUP = lazy_compile(
    # a transcription's placeholders: "{{filled:72}}" keeps what was filled in, "{{signature}}" goes
    r"\{\{filled:(?!\}\})|(?<=[^{}\n])\}\}|\{\{(?:signature|br|page:\d+|filled:)\}\}|"
    r"<!--.*?-->"
    # a fence line ("```", "~~~text") around quoted text, and a Markdown link's syntax: "[here](https://…)" → "here"
    # (also around pandoc's underlined link text: "[[https://…]{.underline}](https://…)")
    r"|^[ \t]{0,8}(?:```|~~~)[^\n]*$"
    r"|(?<![!\\])\[(?=[^\]\n]{1,300}\]\([^)\s]{1,2000}\)|\[[^\[\]\n]{1,300}\]" + _ATTRIBUTES + r"\]\([^)\s]{1,2000}\))"
    r"|(?<!\\)\]\([^)\s]{1,2000}\)"
    # pandoc's bracketed span, read as its text: "[Senate Bill 5142]{.underline}" → "Senate Bill 5142"
    r"|(?<![!\\])\[(?=[^\[\]\n]{1,300}\]" + _ATTRIBUTES + r")|(?<!\\)\]" + _ATTRIBUTES + r""
    # a CommonMark backslash escape: the backslash goes, the punctuation stays ("\$2.4", "\[sic\]", "\*")
    r"|(?<!\\)\\(?=" + _ESCAPABLE + r")"
    # inline code and reStructuredText roles: "``quantum``", "`transfer process`", ":repo:`openstack/tempest`"
    r"|[ \t\n]*<(?:https?://|/|mailto:)[^<>\s`]*>(?=`)|(?<=[^`\s])``?_{0,2}(?![`\w])|(?::[a-z][\w-]*:)?``?(?=[^`]{1,300}`)"
    r"|</?(?:details|summary|div|span|p|br|sup|sub|em|strong|i|b|u|small|font|ul|ol|li|a|blockquote|h[1-6])\b[^>\n]*>"
    r"|^[ \t]{0,3}#{1,6}[ \t]+"
    r"|\*\*|(?<![\w_])__(?=[^\s_])|(?<=[^\s_])__(?![\w_])"
    r"|(?<![\w*\\])\*(?=[^\s*])|(?<=[^\s*\\])\*(?![\w*])"
    r"|(?<![\w_\\])_(?=[^\s_])|(?<=[^\s_\\])_(?![\w_])"
    r"|^[ \t]*>[ \t]?"
    r"|\\$",
    re.M | re.S,
)


# _MARKUP_SCAN: _MARKUP behind a look-ahead for the characters its branches can start with (a brace, "<",
# a bracket, "`", "~", ":", "*", "_", ">", "#", a backslash), white space before a "<", or a line's start.
# It finds the same matches (every branch starts with one of these), but the regex engine drops a position
# that starts none at once instead of trying the 21 branches there: 7× faster on a clause with a note
# call-out (60 → 8 µs), measured on the ``format`` shape of benchmarks/hostile.py.
_MARKUP_SCAN = lazy_compile(r"(?=[{}<\[\]`~:*_>#\\]|[ \t\n]*<|^)(?:" + _MARKUP.pattern + ")", re.M | re.S)

# a stretch without these has no markup (` for code and RST roles, } for the end of a "{{filled:…}}", ^ for a block's id)
_MARKUP_CHARS = lazy_compile(r"[*_<>#\\{}`~\[^]")

# _MARKUP for a stretch without "<", ">", "#", braces, "`", "~" and "](", where only its emphasis and
# hard-break branches can match (a bracket alone, a note's "[^1]", starts no link: a link needs its "]("): the same branches in the same order, each look-behind moved after the
# character it guards ("(?<![\w_])__" is "_(?<![\w_]_)_"), so that every branch starts with a character and
# the regex engine scans for those characters instead of trying the whole pattern at every position.
_EMPHASIS = lazy_compile(
    r"\*\*|_(?<![\w_]_)_(?=[^\s_])|_(?<=[^\s_]_)_(?![\w_])"
    r"|\*(?<![\w*\\]\*)(?=[^\s*])|\*(?<=[^\s*\\]\*)(?![\w*])"
    r"|_(?<![\w_\\]_)(?=[^\s_])|_(?<=[^\s_\\]_)(?![\w_])"
    r"|\\$"
    r"|\\(?<!\\\\)(?=" + _ESCAPABLE + r")",
    re.M | re.S,
)


_PLACEHOLDER = lazy_compile(r"\{\{filled:([^{}\n]*)\}\}|\{\{(?:signature|br|page:\d+)\}\}")


def strip_placeholders(text: str) -> str:
    """``text`` with a transcription's placeholders read: "{{filled:72}}" → "72", "{{signature}}" → "";
    and its wiki links (read_wiki_links) and characters (read_characters_of)."""
    text = read_wiki_links(read_characters_of(text))
    return _PLACEHOLDER.sub(lambda m: m.group(1) or "", text) if "{{" in text else text


#: an Obsidian (or Notion, Roam, a wiki) link: "[[Page name]]", "[[Page|shown text]]", "[[Page#Heading]]"; an
#: embedded file or note, "![[plan.png]]", is no word of the text
_WIKI_LINK = lazy_compile(r"(?<!\\)(?P<embed>!?)\[\[(?:[^\[\]|\n]{1,300}\|)?(?P<shown>[^\[\]|\n]{1,300})\]\]")
#: an Obsidian block's id at the end of its line ("… before the vote. ^budget-check"): an anchor, not a word
_BLOCK_ID = lazy_compile(r"[ \t]+\^(?=[\w-]*[A-Za-z])[A-Za-z0-9][\w-]{0,63}(?=[ \t]*\r?$)", re.M)


def read_wiki_links(text: str) -> str:
    """``text`` with each wiki link read as the text it shows: "[[Hana Okafor]]" → "Hana Okafor", "[[Luis
    Fernández|Luis Fernandez]]" → "Luis Fernandez"; an embed ("![[plan.png]]") → ""."""
    if "[[" not in text:
        return text
    return _WIKI_LINK.sub(lambda m: "" if m.group("embed") else m.group("shown"), text)


#: a Markdown link, not an image's: "[@mgarcia](https://github.com/mgarcia)", "[Ana Ruiz](/people/ana "Ana")"
_MARKDOWN_LINK = lazy_compile(
    r"(?<![!\\\]])\[(?P<shown>[^\[\]\n]{1,300})\]\([^()\s]{1,2000}(?:[ \t]+\"[^\"\n]{0,300}\")?\)"
)


def read_links(text: str) -> str:
    """``text`` with each wiki link and Markdown link read as the text it shows: "[[Hana Okafor]]" → "Hana
    Okafor", "[@mgarcia](https://github.com/mgarcia)" → "@mgarcia"; and its characters (read_characters_of)."""
    text = read_wiki_links(read_characters_of(text))
    if "](" not in text:
        return text
    return _MARKDOWN_LINK.sub(lambda m: m.group("shown"), text)


def _wiki_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """What a wiki link's syntax and a block's id add to ``text[start:end]``: "[[", "Page|" and "]]" of
    "[[Page|shown]]", a whole embed, a line's " ^block-id"."""
    ranges: list[tuple[int, int]] = []
    if text.find("[[", start, end) != -1:
        for m in _WIKI_LINK.finditer(text, start, end):
            if m.group("embed"):
                ranges.append(m.span())
            else:
                ranges += [(m.start(), m.start("shown")), (m.end("shown"), m.end())]
    if text.find("^", start, end) != -1:
        ranges += [m.span() for m in _BLOCK_ID.finditer(text, start, end)]
    return ranges


def markup_spans(text: str, start: int, end: int) -> list[Span]:
    return [Span(lo, hi) for lo, hi in _markup_ranges(text, start, end)]


def _markup_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """markup_spans as (start, end) pairs (no Span objects to build and validate)."""
    if not _MARKUP_CHARS.search(text, start, end):
        return []
    pattern = _MARKUP_SCAN if _HTML_OR_BLOCK.search(text, start, end) else _EMPHASIS
    found = [m.span() for m in pattern.finditer(text, start, end) if m.end() > m.start()]
    return found + _wiki_ranges(text, start, end)


#: what a branch of _MARKUP other than _EMPHASIS's needs in a stretch: a character one starts with, or a link's "]("
#: (a clause with a note's call-out, "[^1]", and no link is scanned with _EMPHASIS: 12 µs a clause less)
_HTML_OR_BLOCK = lazy_compile(r"[<>#{}`~]|\]\(")


# White space that does not map one character to one space: runs of two or more, soft hyphens,
# and a line break right before punctuation (which is dropped, not folded).
# (Written as "a soft hyphen, or white space followed by white space, a soft hyphen or punctuation": the
# same start positions as "[\s\u00ad]{2,}|\u00ad|\s(?=[,;.:])", found faster; only m.start() is used.)
_SPECIAL_SPACE = lazy_compile(r"\u00ad|\s(?=[\s\u00ad,;.:])")
_ONE_SPACE_CHARS = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_ONE_SPACE = str.maketrans({c: " " for c in _ONE_SPACE_CHARS})

# the characters of _ONE_SPACE but the line break (replaced on its own, faster than translate)
_OTHER_SPACE = lazy_compile("[" + "".join(c for c in _ONE_SPACE_CHARS if c != "\n") + "]")


def _kept(start: int, end: int, removed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of ``[start, end)`` outside every removed (start, end) pair."""
    if not removed:
        return [(start, end)] if start < end else []
    segments = []
    pos = start
    for span_start, span_end in sorted(removed, key=_first):
        lo, hi = max(span_start, start), min(span_end, end)
        if hi <= lo:
            continue
        if lo > pos:
            segments.append((pos, lo))
        pos = max(pos, hi)
    if pos < end:
        segments.append((pos, end))
    return segments


def clean(text: str, start: int, end: int, removed: Iterable[Span] = ()) -> MappedText:
    """Fold white space and drop ``removed`` spans and markup in ``text[start:end]``.

    Every run of white space becomes one space, except that the clean text neither starts nor ends
    with one, and a space that only a line break or a removed marker put before punctuation
    ("WHEREAS\n\n, this", "residents [1]; and") is dropped.  Single white-space characters map one
    to one, so the work is done per stretch between the special cases, not per character.
    """
    cut = [(s.start, s.end) for s in removed] + _markup_ranges(text, start, end)
    if not cut:
        fast = _clean_plain(text, start, end)
        if fast is not None:
            return read_characters(fast)
    pieces: list[str] = []
    # the offsets as runs (MappedText.from_runs): clean index n starts a run at source offset pos
    starts: list[int] = []
    sources: list[int] = []
    n = 0
    run_end = -1  # source offset right after the last run: a piece that starts there extends it
    pending: int | None = None  # source offset of white space waiting to become one space
    pending_newline = False
    dropped = False  # a removed span sits in the pending white space
    soft = False  # a soft hyphen ended the last stretch: the white space after the markup goes with it
    for seg_start, seg_end in _kept(start, end, cut):
        if pending is not None:
            dropped = True
        pos = seg_start
        if soft:
            space = _SPACE_OR_SOFT.match(text, pos, seg_end)
            assert space is not None  # the pattern matches the empty string
            pos = space.end()
            soft = pos == seg_end
        while pos < seg_end:
            ch = text[pos]
            if ch == "\u00ad" and pending is None:
                # a soft hyphen marks where a word may break: it and the line break after it are nothing
                # ("INTER\u00adPOL", "inter\u00ad\nnational")
                m = _SOFT_HYPHEN_BREAK.match(text, pos, seg_end)
                assert m is not None
                pos = m.end()
                soft = pos == seg_end  # ("inter\u00ad<br>\nnational": the break after the markup too)
                continue
            if ch.isspace() or ch == "\u00ad":
                # white space at the edge of a stretch, or a special run: handle it by hand
                m = _SPACE_RUN.match(text, pos, seg_end)
                assert m is not None
                if pending is None:
                    pending, dropped, pending_newline = pos, False, False
                pending_newline = pending_newline or "\n" in m.group()
                pos = m.end()
                continue
            if pending is not None:
                if n and not (ch in ",;.:" and (dropped or pending_newline)):
                    pieces.append(" ")
                    if pending != run_end:
                        starts.append(n)
                        sources.append(pending)
                    n += 1
                    run_end = pending + 1
                pending = None
                dropped = pending_newline = False
            # an ordinary stretch: up to the next special white space, or to trailing white space
            m = _SPECIAL_SPACE.search(text, pos, seg_end)
            stop = m.start() if m else seg_end
            while stop > pos and (text[stop - 1].isspace()):
                stop -= 1
            piece = text[pos:stop]
            if "\n" in piece:
                piece = piece.replace("\n", " ")
            if _OTHER_SPACE.search(piece):
                piece = piece.translate(_ONE_SPACE)
            pieces.append(piece)
            if stop > pos:
                if pos != run_end:
                    starts.append(n)
                    sources.append(pos)
                n += stop - pos
                run_end = stop
            pos = stop
    return read_characters(MappedText.from_runs("".join(pieces), starts, sources))


_SPACE_RUN = lazy_compile(r"[\s\u00ad]+")
_SOFT_HYPHEN_BREAK = lazy_compile(r"\u00ad+\s*")
_SPACE_OR_SOFT = lazy_compile(r"[\s\u00ad]*")


def _clean_plain(text: str, start: int, end: int) -> MappedText | None:
    """clean() of a stretch with nothing to remove, done with str.split: every run of white space is
    one space, and after a run of two or more a new run of offsets starts.  None when a soft hyphen
    or a line break before punctuation needs the general loop."""
    s = text[start:end]
    body = s.strip()
    if not body:
        return MappedText.from_runs("", [], [])
    if "\u00ad" in body or ("\n" in body and _BREAK_BEFORE_PUNCTUATION.search(body)):
        return None
    base = start + len(s) - len(s.lstrip())
    folded_text = " ".join(body.split())
    starts = [0]
    sources = [base]
    if len(folded_text) < len(body):  # some run of white space is longer than one character
        folded = 0  # white-space characters folded away so far
        for m in _MULTI_SPACE.finditer(body):
            folded += m.end() - m.start() - 1
            starts.append(m.end() - folded)
            sources.append(base + m.end())
    return MappedText.from_runs(folded_text, starts, sources)


_MULTI_SPACE = lazy_compile(r"\s{2,}")
_BREAK_BEFORE_PUNCTUATION = lazy_compile(r"\n\s*[,;.:]")
_first = itemgetter(0)


# Characters written as something else in pasted text: an HTML entity a CMS export left ("&#8217;",
# "&amp;", "&nbsp;"), read as the character it stands for (html.unescape), and a typographic ligature
# ("ﬁ" in "nonproﬁt"), read as its letters, as the PDF reader reads them; and the long s of an old book's print
# or its OCR ("Reſolved", "Whereaſ"), read as "s", one character for one.  Only an entity with its closing ";" is
# read: "&amp" alone, or "AT&T;", stays as written.
_ENTITY_OR_LIGATURE = lazy_compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|[\ufb00-\ufb06\u017f]"
)
_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u017f": "s",
}
#: what an entity may stand for and still be read: a character that is no control and no surrogate
_UNREADABLE = lazy_compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffd]")


def _stands_for(written: str) -> str | None:
    """What an entity or a ligature stands for (None: keep it as written, an unknown or unreadable entity)."""
    if written in _LIGATURES:
        return _LIGATURES[written]
    read = html.unescape(written)
    if read == written or not read or _UNREADABLE.search(read):
        return None
    # a no-break space or any other white space is a space (clean folds white space into one space)
    return " " if read.isspace() else read


def read_characters_of(text: str) -> str:
    """``text`` with its HTML entities and ligatures read (see read_characters), positions not kept."""
    if "&" not in text and not _LIGATURE.search(text):
        return text
    return _ENTITY_OR_LIGATURE.sub(lambda m: _stands_for(m.group()) or m.group(), text)


_LIGATURE = lazy_compile(r"[\ufb00-\ufb06\u017f]")


def read_long_s(text: str) -> str:
    """``text`` with each long s ("ſ", an 18th- or 19th-century book's "Reſolved") read as "s": one character
    for one, so every offset stays where it was (the lines are read from it; a fix edits the text as written)."""
    return text.replace("\u017f", "s") if "\u017f" in text else text


def entity_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds an HTML entity that read_characters reads: a fix may not cut into one."""
    if "&" not in text:
        return []
    return [m.span() for m in _ENTITY.finditer(text) if _stands_for(m.group()) is not None]


_ENTITY = lazy_compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def read_characters(mapped: MappedText) -> MappedText:
    """``mapped`` with each HTML entity read as the character it stands for and each ligature as its
    letters.  The character an entity stands for maps to the entity's "&" (a fix that edits it edits
    from there; ``whereas.lint.safety`` keeps edits from cutting into an entity), each letter of a
    ligature to the ligature.  A space an entity stands for next to a space is folded into it."""
    text = mapped.text
    if "&" not in text and not _LIGATURE.search(text):
        return mapped
    found = [(m, read) for m in _ENTITY_OR_LIGATURE.finditer(text) if (read := _stands_for(m.group())) is not None]
    if not found:
        return mapped
    offsets = mapped.offsets
    out: list[str] = []
    kept: list[int] = []
    pos = 0
    last = ""  # the last character written
    for m, read in found:
        out.append(text[pos : m.start()])
        kept.extend(offsets[pos : m.start()])
        last = text[m.start() - 1] if m.start() > pos else last
        at = offsets[m.start()]
        if read == " ":
            # a no-break space beside a space or at an end: one space or none, as clean folds white space
            before = last in ("", " ")
            after = text[m.end() : m.end() + 1]
            if before or after in ("", " "):
                pos = m.end() + (before and after == " ")
                continue
        out.append(read)
        kept.extend([at] * len(read))
        last = read[-1]
        pos = m.end()
    out.append(text[pos:])
    kept.extend(offsets[pos:])
    return MappedText("".join(out), kept)

"""One self-contained, accessible HTML page (inline CSS, print stylesheet, DPUB-ARIA endnotes).

Quotations keep their marks in the text and sit in ``<q>`` (whose own marks are
switched off by the stylesheet), so the page reads back as it was drafted.  With
verification results, each quotation carries a verdict class (shown by CSS) and an
``aria-describedby`` pointing at its entry in the "Verification" ``<aside>``,
which lists the verdict, the differences and a link to the archived copy.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from whereas.model import Resolution
from whereas.render import RenderOptions
from whereas.render._inline import (
    ClauseLayout,
    Keyword,
    Layout,
    Quote,
    Ref,
    Text,
    Token,
    item_label,
    layout,
    note_labels,
    split_urls,
    sponsor_lines,
)

CSS = """
:root { color-scheme: light; }
body { font: 1.05rem/1.6 Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fff;
  max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
.sponsor { margin: 0; color: #333; }
.sponsors { margin-bottom: 1.5rem; }
.recital { padding-left: 2em; text-indent: -2em; margin: 0 0 .8rem; }
.formula { margin: 0 0 .8rem; }
.resolved { margin: 1.2rem 0 .8rem; }
.item { margin: 0 0 .5rem 2.5em; text-indent: -2.5em; padding-left: 0; }
.kw-italic { font-style: italic; }
.kw-bold { font-weight: bold; font-style: normal; }
.kw-plain { font-style: normal; }
q { quotes: none; }
q::before, q::after { content: none; }
a { color: #0b4f9c; }
a:focus { outline: 2px solid #0b4f9c; outline-offset: 2px; }
sup a { padding: 0 .1em; }
:target { background: #fff3b0; }
.endnotes { border-top: 1px solid #999; margin-top: 2rem; font-size: .92rem; }
.endnotes li { margin-bottom: .4rem; overflow-wrap: anywhere; }
.backref { margin-left: .3em; }
q.verdict { border-bottom: 2px solid #555; }
q.verdict-verified, q.verdict-match, q.verdict-exact { border-bottom-color: #1b6e2a; }
q.verdict-mismatch, q.verdict-not_found, q.verdict-misquoted, q.verdict-altered { border-bottom-color: #a3131b; }
.badge { display: inline-block; font: bold .78rem/1.4 system-ui, sans-serif; padding: 0 .45em; border-radius: .3em;
  border: 1px solid currentColor; background: #f2f2f2; color: #333; }
.badge-verified, .badge-match, .badge-exact { color: #1b5e20; background: #e8f5e9; }
.badge-mismatch, .badge-not_found, .badge-misquoted, .badge-altered { color: #8e0e14; background: #fdecea; }
.badge-unverified, .badge-unreachable, .badge-error, .badge-partial { color: #6b4400; background: #fff4e0; }
.verification { border-top: 1px solid #999; margin-top: 2rem; font-size: .92rem; }
.verification li { margin-bottom: .8rem; }
.verification blockquote { margin: .2rem 0 .2rem 1rem; font-style: italic; }
.diff del { color: #8e0e14; background: #fdecea; }
.diff ins { color: #1b5e20; background: #e8f5e9; text-decoration: none; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; color: #000; }
  a { color: #000; text-decoration: none; }
  .endnotes a[href^="http"]:not(.url)::after, .verification a[href^="http"]:not(.url)::after { content: " <" attr(href) ">"; font-size: 9pt; }
  .backref { display: none; }
  .endnotes, .verification { break-before: auto; }
  .recital, .resolved, .item, .endnotes li { break-inside: avoid; }
  h1 { break-after: avoid; }
  :target { background: none; }
}
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


#: a URL a link may point at: http(s), nothing a browser would strip or read another way
_LINKABLE = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f<>\"'`\\]+", re.IGNORECASE)


def _link(url: object, text: str) -> str:
    """``<a href=url>text</a>`` for an http(s) URL; anything else (``javascript:``, ``data:``, a
    relative path from a hand-edited verify JSON) is written out as text beside ``text``, not linked."""
    url = str(url)
    if _LINKABLE.fullmatch(url):
        return f'<a href="{_attr(url)}">{_esc(text)}</a>'
    return f'{_esc(text)} <span class="unlinked-url">{_esc(url)}</span>'


class _Page:
    def __init__(
        self, options: RenderOptions, verification: Mapping[str, Any] | None, multi: bool, for_print: bool = False
    ) -> None:
        self.options = options
        self.for_print = for_print
        self.multi = multi
        self.refs_seen: dict[str, int] = {}
        self.verdicts = _index_verification(verification)
        self.used_verdicts: list[tuple[str, Quote, dict[str, Any]]] = []

    def inline(self, tokens: list[Token], prefix: str) -> str:
        out = []
        for t in tokens:
            if isinstance(t, Keyword):
                style = self.options.keyword_style
                tag = {"italic": "em", "bold": "strong"}.get(style)
                out.append(f'<{tag} class="kw kw-{style}">{_esc(t.text)}</{tag}>' if tag else _esc(t.text))
            elif isinstance(t, Text):
                out.append(_esc(t.text))
            elif isinstance(t, Ref):
                out.append(self.ref(t, prefix))
            elif isinstance(t, Quote):
                out.append(self.quote(t, prefix))
        return "".join(out)

    def ref(self, t: Ref, prefix: str) -> str:
        n = self.refs_seen.get(prefix + t.label, 0) + 1
        self.refs_seen[prefix + t.label] = n
        ref_id = f"{prefix}fnref{t.label}" + (f"-{n}" if n > 1 else "")
        mark = f"<sup>{_esc(t.label)}</sup>"
        if self.for_print and t.label.isdigit():
            # superscript characters, not raised digits: in a PDF's text layer a raised "1" is just a "1"
            mark = f'<span class="sup">{t.label.translate(_SUPERSCRIPT)}</span>'
        return (
            f'<a href="#{prefix}fn{t.label}" id="{ref_id}" role="doc-noteref" class="noteref" '
            f'aria-label="Note {_attr(t.label)}">{mark}</a>'
        )

    def quote(self, q: Quote, prefix: str) -> str:
        inner = "".join(_esc(c.text) if isinstance(c, Text) else self.ref(c, prefix) for c in q.children)
        attrs = ' class="quotation"'
        result = self.verdicts.get(_key(q.quotation.text)) if self.verdicts else None
        if result is not None:
            vid = f"{prefix}verify{len(self.used_verdicts) + 1}"
            verdict = _slug(str(result.get("verdict") or "unknown"))
            attrs = f' class="quotation verdict verdict-{verdict}" aria-describedby="{vid}"'
            self.used_verdicts.append((vid, q, result))
        cite = ""
        note = None
        if q.quotation.note is not None:
            note = self.layout.resolution.note(q.quotation.note)
        if note is not None and note.url and _LINKABLE.fullmatch(note.url):
            cite = f' cite="{_attr(note.url)}"'
        return f"{_esc(q.open)}<q{attrs}{cite}>{inner}</q>{_esc(q.close)}"

    def clause(self, cl: ClauseLayout, css: str, prefix: str, suffix: str = "") -> str:
        parts = [f'<p class="{css}">{self.inline(cl.intro.tokens, prefix)}{_esc(suffix) if not cl.items else ""}</p>']
        for k, seg in enumerate(cl.items):
            tail = _esc(suffix) if suffix and k == len(cl.items) - 1 else ""
            parts.append(
                f'<p class="item"><span class="num">{_esc(item_label(seg.label))}</span> {self.inline(seg.tokens, prefix)}{tail}</p>'
            )
        return "\n".join(parts)

    def article(self, lay: Layout, n: int) -> str:
        self.layout = lay
        r = lay.resolution
        prefix = f"r{n}-" if self.multi else ""
        title_id = f"{prefix}title"
        out = [f'<article class="resolution" aria-labelledby="{title_id}">']
        title = " ".join(r.title.text.split()) if r.title else "Resolution"
        out.append(f'<h1 id="{title_id}">{_esc(title)}</h1>')
        sponsors = sponsor_lines(r)
        if sponsors:
            out.append('<div class="sponsors">')
            out += [f'<p class="sponsor"><span class="label">{_esc(k)}:</span> {_esc(v)}</p>' for k, v in sponsors]
            out.append("</div>")
        if lay.preamble or lay.formula:
            out.append('<section class="preamble" aria-label="Preamble">')
            for i, cl in enumerate(lay.preamble):
                last = i == len(lay.preamble) - 1
                suffix = lay.formula if last and lay.formula and lay.formula_inline else ""
                out.append(self.clause(cl, "recital", prefix, " ".join(suffix.split()) if suffix else ""))
            if lay.formula and not lay.formula_inline:
                out.append(f'<p class="formula">{_esc(" ".join(lay.formula.split()))}</p>')
            out.append("</section>")
        if lay.resolved:
            out.append('<section class="operative" aria-label="Resolving clauses">')
            out += [self.clause(cl, "resolved", prefix) for cl in lay.resolved]
            out.append("</section>")
        if lay.notes:
            out.append(f'<section class="endnotes" role="doc-endnotes" aria-labelledby="{prefix}notes-title">')
            out.append(f'<h2 id="{prefix}notes-title">Notes</h2>')
            out.append("<ol>")
            for label, note in lay.notes:
                body = "".join(
                    f'<a href="{_attr(url)}" class="url">{_esc(piece)}</a>' if url else _esc(piece)
                    for piece, url in split_urls(" ".join(note.text.split()))
                )
                back = ""
                if prefix + label in self.refs_seen:
                    back = (
                        f' <a href="#{prefix}fnref{label}" class="backref" role="doc-backlink" '
                        f'aria-label="Back to reference {_attr(label)}">↩</a>'
                    )
                value = f' value="{_attr(label)}"' if label.isdecimal() else ""
                out.append(f'<li id="{prefix}fn{label}"{value}><p>{body}{back}</p></li>')
            out.append("</ol>")
            out.append("</section>")
        out.append("</article>")
        if self.used_verdicts:
            out.append(self.verification_aside(prefix))
        return "\n".join(out)

    def verification_aside(self, prefix: str) -> str:
        out = [f'<aside class="verification" aria-labelledby="{prefix}verification-title">']
        out.append(f'<h2 id="{prefix}verification-title">Verification of quotations</h2>')
        out.append("<ol>")
        for vid, q, result in self.used_verdicts:
            verdict = str(result.get("verdict") or "unknown")
            vslug = _slug(verdict)
            li = [f'<li id="{vid}"><span class="badge badge-{vslug}">{_esc(verdict.replace("_", " "))}</span> ']
            li.append(f"<blockquote><p>{_esc(q.text)}</p></blockquote>")
            diffs = [d for d in result.get("differences") or [] if isinstance(d, Mapping)]
            if diffs:
                li.append('<ul class="diff">')
                for d in diffs:
                    kind = _esc(str(d.get("kind") or "difference"))
                    quoted = d.get("quoted")
                    source = d.get("source")
                    li.append(
                        f"<li>{kind}: quoted <del>{_esc(str(quoted or '—'))}</del>, "
                        f"source <ins>{_esc(str(source or '—'))}</ins></li>"
                    )
                li.append("</ul>")
            links = []
            url = result.get("url")
            if url:
                links.append(_link(url, "source"))
            evidence = result.get("evidence") if isinstance(result.get("evidence"), Mapping) else None
            if evidence and evidence.get("url"):
                when = f", fetched {_esc(str(evidence['fetched_at']))}" if evidence.get("fetched_at") else ""
                digest = (
                    f' <span class="sha">sha256 {_esc(str(evidence["sha256"])[:12])}…</span>'
                    if evidence.get("sha256")
                    else ""
                )
                links.append(f"{_link(evidence['url'], 'archived copy')}{when}{digest}")
            if links:
                li.append(f"<p>{' · '.join(links)}</p>")
            li.append("</li>")
            out.append("".join(li))
        out.append("</ol></aside>")
        self.used_verdicts = []
        return "\n".join(out)


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").split()).casefold()


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in text.lower())


def _index_verification(data: Mapping[str, Any] | None) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for q in (data or {}).get("quotations") or []:
        if isinstance(q, Mapping) and q.get("text"):
            out.setdefault(_key(str(q["text"])), dict(q))
    return out


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def render_html(
    resolutions: list[Resolution], options: RenderOptions, *, for_print: bool = False, css: str = ""
) -> str:
    """The page; ``for_print`` (the PDF) writes call-outs as superscript characters, ``css`` is appended."""
    labels = note_labels(resolutions)
    multi = len(resolutions) > 1
    page = _Page(options, options.verification, multi, for_print)
    lays = [layout(r, lab) for r, lab in zip(resolutions, labels, strict=True)]
    articles = [page.article(lay, i) for i, lay in enumerate(lays, 1)]
    if len(lays) == 1 and lays[0].resolution.title:
        title = " ".join(lays[0].resolution.title.text.split())
    else:
        title = "Resolutions" if multi else "Resolution"
    lang = _attr(options.lang or "en")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="whereas">\n'
        f"<title>{_esc(title)}</title>\n<style>{CSS}{css}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(articles)
        + "\n</main>\n</body>\n</html>\n"
    )

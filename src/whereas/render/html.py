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
    Flag,
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
.item { margin: 0 0 .5rem 2em; padding-left: 2.5em; text-indent: -2.5em; }
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
.badge { display: inline-block; text-indent: 0; font: bold .78rem/1.4 system-ui, sans-serif; padding: 0 .45em; border-radius: .3em;
  border: 1px solid currentColor; background: #f2f2f2; color: #333; }
.badge-verified, .badge-match, .badge-exact { color: #1b5e20; background: #e8f5e9; }
.badge-mismatch, .badge-not_found, .badge-misquoted, .badge-altered { color: #8e0e14; background: #fdecea; }
.badge-unverified, .badge-unreachable, .badge-error, .badge-partial { color: #6b4400; background: #fff4e0; }
.verification { border-top: 1px solid #999; margin-top: 2rem; font-size: .92rem; }
.verification li { margin-bottom: .8rem; }
.verification blockquote { margin: .2rem 0 .2rem 1rem; font-style: italic; }
.diff del { color: #8e0e14; background: #fdecea; }
.review-summary { border: 1px solid #999; border-radius: .4em; padding: .2rem 1rem .6rem; margin-bottom: 2rem;
  font: .95rem/1.5 system-ui, sans-serif; }
.review-summary h2 { margin-top: .6rem; }
.review-summary ul { padding-left: 1.2rem; }
.legend { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .8rem; margin: .4rem 0 0; }
.legend dt { margin: 0; }
.legend dd { margin: 0; }
a.badge { text-decoration: none; margin-left: .2em; }
.flag { display: inline-block; font: bold .75rem/1.3 system-ui, sans-serif; padding: 0 .3em; border-radius: .3em; text-decoration: none;
  border: 1px solid currentColor; margin-right: .2em; white-space: nowrap; text-indent: 0; }
.flag-error { color: #8e0e14; background: #fdecea; }
.flag-warning { color: #6b4400; background: #fff4e0; }
.flag-info { color: #0b3d73; background: #e8f0fb; }
.findings { border-top: 1px solid #999; margin-top: 2rem; font-size: .92rem; }
.findings li { margin-bottom: .6rem; }
.source-status { font: .85rem/1.4 system-ui, sans-serif; }
.why { margin: .2rem 0; }
.diff ins { color: #1b5e20; background: #e8f5e9; text-decoration: none; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; color: #000; }
  a { color: #000; text-decoration: none; }
  .endnotes a[href^="http"]:not(.url)::after, .verification a[href^="http"]:not(.url)::after { content: " <" attr(href) ">"; font-size: 9pt; }
  .backref { display: none; }
  .endnotes, .verification { break-before: auto; }
  .flag, a.badge { border: 1px solid #000; color: #000; background: none; }
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
        self.verification = verification
        self.verdicts = _index_verification(verification)
        self.used_verdicts: list[tuple[str, Quote, int, dict[str, Any]]] = []
        self.sources = _index_sources(verification)
        #: lint findings, numbered from 1 in the page; those set in the text have an anchor there
        self.findings: list[Mapping[str, Any]] = list(options.findings or ())
        self.placed: set[int] = set()

    @property
    def reviewing(self) -> bool:
        return self.verification is not None or self.options.findings is not None

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
            elif isinstance(t, Flag):
                out.append(self.flag(t.key))  # type: ignore[arg-type]
        return "".join(out)

    def flag(self, n: int) -> str:
        """The mark of finding ``n`` at its words: its code, linked to the finding in the list."""
        f = self.findings[n - 1]
        self.placed.add(n)
        severity = _slug(str(f.get("severity") or "info"))
        code = _esc(str(f.get("code") or "?"))
        label = _attr(f"Finding {n}, {severity}: {f.get('code')} {f.get('message') or ''}".strip())
        return f'<a class="flag flag-{severity}" id="at-finding{n}" href="#finding{n}" aria-label="{label}" data-whereas="review">⚑ {code}</a>'

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
        inner = "".join(
            _esc(c.text) if isinstance(c, Text) else self.ref(c, prefix) if isinstance(c, Ref) else self.flag(c.key)
            for c in q.children
        )
        attrs = ' class="quotation"'
        found = self.verdicts.get(_key(q.quotation.text)) if self.verdicts else None
        badge = ""
        if found is not None:
            index, result = found
            vid = f"{prefix}verify{len(self.used_verdicts) + 1}"
            verdict = str(result.get("verdict") or "unknown")
            vslug = _slug(verdict)
            attrs = f' class="quotation verdict verdict-{vslug}" id="{vid}-text" aria-describedby="{vid}"'
            self.used_verdicts.append((vid, q, index, result))
            if self.reviewing:
                badge = (
                    f'<a class="badge badge-{vslug}" href="#{vid}" aria-label="Verdict: {_attr(_words(verdict))}" data-whereas="review">'
                    f"{_esc(_words(verdict))}</a>"
                )
        cite = ""
        note = None
        if q.quotation.note is not None:
            note = self.layout.resolution.note(q.quotation.note)
        if note is not None and note.url and _LINKABLE.fullmatch(note.url):
            cite = f' cite="{_attr(note.url)}"'
        return f"{_esc(q.open)}<q{attrs}{cite}>{inner}</q>{_esc(q.close)}{badge}"

    def clause(self, cl: ClauseLayout, css: str, prefix: str, suffix: str = "") -> str:
        parts = [f'<p class="{css}">{self.inline(cl.intro.tokens, prefix)}{_esc(suffix) if not cl.items else ""}</p>']
        for k, seg in enumerate(cl.items):
            tail = _esc(suffix) if suffix and k == len(cl.items) - 1 else ""
            parts.append(
                f'<p class="item"><span class="num">{_esc(item_label(seg.label))}</span> {self.inline(seg.tokens, prefix)}{tail}</p>'
            )
        return "\n".join(parts)

    def flags_in(self, span: Any) -> str:
        """The marks of the findings (not yet placed) that start inside ``span`` (a title, a note)."""
        return "".join(
            " " + self.flag(n)
            for n, f in enumerate(self.findings, 1)
            if n not in self.placed and isinstance(f.get("start"), int) and span.start <= f["start"] < span.end
        )

    def article(self, lay: Layout, n: int) -> str:
        self.layout = lay
        r = lay.resolution
        prefix = f"r{n}-" if self.multi else ""
        title_id = f"{prefix}title"
        out = [f'<article class="resolution" aria-labelledby="{title_id}">']
        title = " ".join(r.title.text.split()) if r.title else "Resolution"
        title_flags = self.flags_in(r.title.span) if r.title and self.findings else ""
        out.append(f'<h1 id="{title_id}">{_esc(title)}{title_flags}</h1>')
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
                status = self.source_status(note) if self.reviewing else ""
                flags = self.flags_in(note.span) if self.findings else ""
                out.append(f'<li id="{prefix}fn{label}"{value}><p>{body}{back}{flags}</p>{status}</li>')
            out.append("</ol>")
            out.append("</section>")
        out.append("</article>")
        if self.used_verdicts:
            out.append(self.verification_aside(prefix))
        return "\n".join(out)

    def source_status(self, note: Any) -> str:
        """What verify found at the note's URLs: dead link, unreachable, a title that differs."""
        lines = []
        for url in note.urls:
            s = self.sources.get((note.id, url)) or self.sources.get((None, url))
            if s is None:
                continue
            status = str(s.get("status") or "")
            if status in ("dead", "unreachable", "blocked", "unsupported", "not_archived"):
                why = f" ({_esc(str(s['error']))})" if s.get("error") else ""
                http = f" HTTP {_esc(str(s['http_status']))}" if s.get("http_status") else ""
                badge = "dead link" if status == "dead" else _words(status)
                lines.append(f'<span class="badge badge-{_slug(status)}">{_esc(badge)}</span>{http}{why}')
                if s.get("archived_copy"):
                    lines.append(_link(s["archived_copy"], "a copy in the Wayback Machine"))
            if s.get("title_matches") is False:
                lines.append(
                    '<span class="badge badge-mismatch">title differs</span> the note cites '
                    f"“{_esc(str(s.get('cited_title') or ''))}”; the page is titled “{_esc(str(s.get('title') or ''))}”"
                )
            elif s.get("title_matches") is True:
                lines.append('<span class="badge badge-verified">title matches</span>')
        if not lines:
            return ""
        return '<p class="source-status" data-whereas="review">' + "<br>".join(lines) + "</p>"

    def verification_aside(self, prefix: str) -> str:
        out = [f'<aside class="verification" aria-labelledby="{prefix}verification-title">']
        out.append(f'<h2 id="{prefix}verification-title">Verification of quotations</h2>')
        out.append("<ol>")
        links = self.options.evidence_links or {}
        for vid, q, index, result in self.used_verdicts:
            verdict = str(result.get("verdict") or "unknown")
            vslug = _slug(verdict)
            li = [f'<li id="{vid}"><span class="badge badge-{vslug}">{_esc(_words(verdict))}</span> ']
            if self.reviewing:
                li.append(f'<a href="#{vid}-text" class="backref-text">at its words in the text ↑</a>')
            li.append(f"<blockquote><p>{_esc(q.text)}</p></blockquote>")
            diffs = [d for d in result.get("differences") or [] if isinstance(d, Mapping)]
            if diffs:
                li.append('<ul class="diff">')
                for d in diffs:
                    li.append(f"<li>{_difference(d)}</li>")
                li.append("</ul>")
            why = _why(result)
            if why:
                li.append(f'<p class="why">{why}</p>')
            if result.get("passage") and verdict == "misquoted":
                li.append(f"<p>The source says: “{_esc(str(result['passage']))}”</p>")
            out_links = []
            evidence = result.get("evidence") if isinstance(result.get("evidence"), Mapping) else None
            when = ""
            if evidence and evidence.get("fetched_at"):
                when = str(evidence["fetched_at"])[:10]
            if index in links:
                label = f"archived copy, captured {when}" if when else "archived copy"
                out_links.append(f'<a href="{_attr(links[index])}">{_esc(label)}</a> (the passage highlighted)')
            elif evidence and evidence.get("sha256"):
                out_links.append(
                    f"archived{f' {_esc(when)}' if when else ''} in the evidence archive "
                    f'(<span class="sha">sha256 {_esc(str(evidence["sha256"])[:12])}…</span>)'
                )
            url = result.get("url")
            if url:
                out_links.append(_link(url, "live page"))
            if evidence and evidence.get("url") and evidence["url"] != url:
                out_links.append(_link(evidence["url"], "address archived (after redirects)"))
            if out_links:
                li.append(f"<p>{' · '.join(out_links)}</p>")
            li.append("</li>")
            out.append("".join(li))
        out.append("</ol></aside>")
        self.used_verdicts = []
        return "\n".join(out)

    def findings_section(self) -> str:
        out = ['<section class="findings" aria-labelledby="findings-title" data-whereas="review">']
        out.append('<h2 id="findings-title">Findings</h2>')
        if not self.findings:
            out.append("<p>No findings: the checks found nothing to change.</p></section>")
            return "\n".join(out)
        out.append("<ol>")
        for n, f in enumerate(self.findings, 1):
            severity = _slug(str(f.get("severity") or "info"))
            where = f"line {f.get('line')}, column {f.get('column')}" if f.get("line") else ""
            where = f' <span class="where">({_esc(where)})</span>' if where else ""
            back = (
                f' <a href="#at-finding{n}" class="backref-text">at its words in the text ↑</a>'
                if n in self.placed
                else ""
            )
            out.append(
                f'<li id="finding{n}"><span class="flag flag-{severity}">{_esc(severity)}</span> '
                f"<strong>{_esc(str(f.get('code') or ''))}</strong> [{_esc(str(f.get('name') or ''))}] "
                f"{_esc(str(f.get('message') or ''))}"
                f"{where}{back}</li>"
            )
        out.append("</ol></section>")
        return "\n".join(out)

    def summary(self) -> str:
        """The review at a glance, in plain words, and what the marks mean."""
        items = []
        if self.options.findings is not None:
            counts = {k: 0 for k in ("error", "warning", "info")}
            for f in self.findings:
                counts[str(f.get("severity") or "info")] = counts.get(str(f.get("severity") or "info"), 0) + 1
            if self.findings:
                told = ", ".join(f"{n} info" if k == "info" else _count(n, k) for k, n in counts.items() if n)
                items.append(
                    f'Checks: {_esc(told)} — each flagged ⚑ at its words and listed under <a href="#findings-title">Findings</a>.'
                )
            else:
                items.append("Checks: no findings.")
        if self.verification is not None:
            quotations = [q for q in self.verification.get("quotations") or [] if isinstance(q, Mapping)]
            verdicts: dict[str, int] = {}
            for q in quotations:
                v = str(q.get("verdict") or "unknown")
                verdicts[v] = verdicts.get(v, 0) + 1
            if quotations:
                told = ", ".join(f"{n} {_words(v)}" for v, n in verdicts.items())
                items.append(
                    f"Quotations: {_esc(_count(len(quotations), 'quotation'))} checked against their sources: "
                    f"{_esc(told)}."
                )
            sources = [s for s in self.verification.get("sources") or [] if isinstance(s, Mapping)]
            if sources:
                dead = [s for s in sources if s.get("status") == "dead"]
                lost = [s for s in sources if s.get("status") in ("unreachable", "blocked", "not_archived")]
                titles = [s for s in sources if s.get("title_matches") is False]
                parts = [_count(len(dead), "dead link") if dead else "no dead links"]
                if lost:
                    parts.append(f"{len(lost)} not reached")
                if titles:
                    parts.append(
                        _count(len(titles), "title")
                        + (" differs" if len(titles) == 1 else " differ")
                        + " from the page's"
                    )
                items.append(f"Sources: {_esc(_count(len(sources), 'cited source'))}; {_esc(', '.join(parts))}.")
            dates = sorted(
                str(q["evidence"]["fetched_at"])[:10]
                for q in quotations
                if isinstance(q.get("evidence"), Mapping) and q["evidence"].get("fetched_at")
            )
            if dates:
                span = dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"
                items.append(f"Sources captured {_esc(span)}; each verdict links to the archived copy it was given on.")
        legend = "".join(
            f'<dt><span class="badge badge-{_slug(v)}">{_esc(_words(v))}</span></dt><dd>{_esc(meaning)}</dd>'
            for v, meaning in _VERDICT_MEANINGS.items()
        )
        if self.options.findings is not None:
            legend += "".join(
                f'<dt><span class="flag flag-{k}">⚑ {_esc(k)}</span></dt><dd>{_esc(meaning)}</dd>'
                for k, meaning in _SEVERITY_MEANINGS.items()
            )
        return (
            '<section class="review-summary" aria-labelledby="review-title" data-whereas="review">\n<h2 id="review-title">Review</h2>\n<ul>'
            + "".join(f"<li>{i}</li>" for i in items)
            + '</ul>\n<h3 id="legend-title">What the marks mean</h3>\n<dl class="legend" aria-labelledby="legend-title">'
            + legend
            + "</dl>\n</section>"
        )


_VERDICT_MEANINGS = {
    "exact": "the source has these very words",
    "faithful": "the source has these words; what differs is marked ([t]he, …) or only typography",
    "misquoted": "the source says something else: the differences are listed",
    "not_found": "no passage of the source is close to these words",
    "unavailable": "the source could not be read: the reason is given",
    "no_source": "the quotation cites no note with an address",
}
_SEVERITY_MEANINGS = {
    "error": "a check that fails: the resolution should be changed",
    "warning": "a check that fails by default: probably worth changing",
    "info": "a remark",
}


def _words(verdict: str) -> str:
    return verdict.replace("_", " ")


def _count(n: int, what: str) -> str:
    return f"{n} {what}" if n == 1 else f"{n} {what}s" if not what.endswith("s") else f"{n} {what}"


def _difference(d: Mapping[str, Any]) -> str:
    """One difference in plain words, the draft's words struck and the source's inserted."""
    kind = str(d.get("kind") or "difference")
    quoted, source = str(d.get("quoted") or ""), str(d.get("source") or "")
    if kind == "stitched":  # as verify's text report says it (DifferenceReport.plain)
        apart = int(d.get("apart") or 0)
        return _esc(f"stitched: two passages {apart} words apart in the source, joined without an ellipsis")
    what = {"word": "words", "number": "a number", "case": "capitals", "spelling": "spelling"}.get(kind, kind)
    if kind == "omission":
        return f"left out without an ellipsis: <ins>{_esc(source)}</ins>"
    if kind == "insertion":
        return f"not in the source: <del>{_esc(quoted)}</del>"
    return f"{_esc(what)}: the draft says <del>{_esc(quoted or '—')}</del>, the source <ins>{_esc(source or '—')}</ins>"


def _why(result: Mapping[str, Any]) -> str:
    """Why a quotation could not be confirmed, in plain words (unavailable, not found, no source)."""
    verdict = str(result.get("verdict") or "")
    reason = str(result.get("reason") or "")
    found_in = result.get("found_in")
    parts = []
    if verdict in ("unavailable", "no_source"):
        parts.append(f"Why: {_esc(reason)}." if reason else "Why: the source could not be read.")
    elif verdict == "not_found":
        parts.append(
            f"Why: {_esc(reason)}."
            if reason
            else "Why: no passage of the source comes close enough to these words (a paraphrase, another "
            "page of the site, or a source that has changed)."
        )
    if found_in:
        parts.append(f"These words are in the source of note {_esc(str(found_in))} instead.")
    return " ".join(parts)


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").split()).casefold()


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in text.lower())


def _index_verification(data: Mapping[str, Any] | None) -> dict[str, tuple[int, dict[str, Any]]]:
    out: dict[str, tuple[int, dict[str, Any]]] = {}
    for i, q in enumerate((data or {}).get("quotations") or []):
        if isinstance(q, Mapping) and q.get("text"):
            out.setdefault(_key(str(q["text"])), (i, dict(q)))
    return out


def _index_sources(data: Mapping[str, Any] | None) -> dict[tuple[str | None, str], Mapping[str, Any]]:
    out: dict[tuple[str | None, str], Mapping[str, Any]] = {}
    for s in (data or {}).get("sources") or []:
        if isinstance(s, Mapping) and s.get("url"):
            out.setdefault((str(s.get("note")) if s.get("note") is not None else None, str(s["url"])), s)
            out.setdefault((None, str(s["url"])), s)
    return out


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def render_html(
    resolutions: list[Resolution], options: RenderOptions, *, for_print: bool = False, css: str = ""
) -> str:
    """The page; ``for_print`` (the PDF) writes call-outs as superscript characters, ``css`` is appended.

    With lint findings or verification results (``options.findings``, ``options.verification``) the page
    is a review report: a summary and a legend at the top, each finding flagged at its words and each
    verdict beside its quotation, linked both ways to their entries below.
    """
    labels = note_labels(resolutions)
    multi = len(resolutions) > 1
    page = _Page(options, options.verification, multi, for_print)
    flags: list[tuple[int, object]] = [
        (f["start"], n) for n, f in enumerate(page.findings, 1) if isinstance(f.get("start"), int)
    ]
    lays = [layout(r, lab, flags) for r, lab in zip(resolutions, labels, strict=True)]
    articles = [page.article(lay, i) for i, lay in enumerate(lays, 1)]
    if page.options.findings is not None:
        articles.append(page.findings_section())
    head = page.summary() + "\n" if page.reviewing else ""
    if len(lays) == 1 and lays[0].resolution.title:
        title = " ".join(lays[0].resolution.title.text.split())
    else:
        title = "Resolutions" if multi else "Resolution"
    if page.reviewing:
        title = f"Review: {title}"
    lang = _attr(options.lang or "en")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="whereas">\n'
        f"<title>{_esc(title)}</title>\n<style>{CSS}{css}</style>\n</head>\n<body>\n<main>\n"
        + head
        + "\n".join(articles)
        + "\n</main>\n</body>\n</html>\n"
    )

"""Akoma Ntoso 3.0: ``<akomaNtoso><statement name="resolution">`` (mapping in docs/render.md).

Valid against the OASIS AKN 3.0 schema (``akomantoso30.xsd``).  One resolution is one
``statement``; several become a ``documentCollection`` with one ``component`` per
resolution, each component's identifiers prefixed (``cmp_2__…``) so they stay unique.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Mapping

from lxml import etree

from whereas.model import Resolution
from whereas.render import RenderOptions
from whereas.render._inline import (
    ClauseLayout,
    Keyword,
    Layout,
    Quote,
    Ref,
    Segment,
    Text,
    Token,
    item_label,
    layout,
    note_labels,
    split_urls,
    sponsor_lines,
    xml_text,
)

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
SOURCE_ID = "whereas"
_LANG3 = {"en": "eng", "fr": "fra", "de": "deu", "es": "spa", "it": "ita", "pt": "por", "nl": "nld", "sv": "swe"}


def _e(tag: str, attrib: Mapping[str, str | None] | None = None, text: str | None = None) -> etree._Element:
    el = etree.Element(
        f"{{{AKN_NS}}}{tag}", attrib={k: xml_text(v) for k, v in (attrib or {}).items() if v is not None}
    )
    if text:
        el.text = xml_text(text)
    return el


def _sub(
    parent: etree._Element, tag: str, attrib: Mapping[str, str | None] | None = None, text: str | None = None
) -> etree._Element:
    el = _e(tag, attrib, text)
    parent.append(el)
    return el


def slug(text: str, default: str = "unknown", *, digits: bool = False) -> str:
    """An identifier-safe slug: ``American Library Association`` -> ``american-library-association``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
    if not s or not (s[0].isalpha() or (digits and s[0].isdigit())):
        s = f"x-{s}" if s else default
    return s


def _append_text(el: etree._Element, text: str) -> None:
    if not text:
        return
    text = xml_text(text)
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


class _Doc:
    """One statement being built: its identifier prefix and its references."""

    def __init__(self, lay: Layout, options: RenderOptions, prefix: str, keyword_tag: str | None) -> None:
        self.lay = lay
        self.options = options
        self.prefix = prefix
        self.keyword_tag = keyword_tag
        self.orgs: dict[str, str] = {}  # eId -> showAs
        self.persons: dict[str, str] = {}

    def eid(self, local: str) -> str:
        return f"{self.prefix}{local}"

    def org(self, name: str) -> str:
        eid = self.eid(slug(name))
        self.orgs.setdefault(eid, name)
        return eid

    def person(self, name: str) -> str:
        eid = self.eid("person-" + slug(name))
        self.persons.setdefault(eid, name)
        return eid

    # --- inline content -----------------------------------------------------------------------

    def inline(self, p: etree._Element, tokens: list[Token], owner: str, counter: list[int]) -> None:
        for t in tokens:
            if isinstance(t, Keyword):
                if self.keyword_tag:
                    _sub(p, self.keyword_tag, text=t.text)
                else:
                    _append_text(p, t.text)
            elif isinstance(t, Text):
                self.text_with_speakers(p, t.text, owner)
            elif isinstance(t, Ref):
                self.note(p, t, owner, counter)
            elif isinstance(t, Quote):
                self.quote(p, t, owner, counter)

    def text_with_speakers(self, p: etree._Element, text: str, owner: str) -> None:
        """Text, with the names of the clause's quoted speakers marked as ``organization``."""
        speakers = self.speakers.get(owner, [])
        pattern = "|".join(re.escape(s) for s in sorted(speakers, key=len, reverse=True))
        if not pattern:
            _append_text(p, text)
            return
        pos = 0
        for m in re.finditer(rf"\b(?:{pattern})\b", text):
            _append_text(p, text[pos : m.start()])
            _sub(p, "organization", {"refersTo": f"#{self.org(m.group())}"}, m.group())
            pos = m.end()
        _append_text(p, text[pos:])

    def quote(self, p: etree._Element, q: Quote, owner: str, counter: list[int]) -> None:
        note = self.lay.resolution.note(q.quotation.note) if q.quotation.note else None
        attrib = {
            "eId": self.eid(f"{owner}__embeddedText_{q.index + 1}"),
            "startQuote": q.open or None,
            "endQuote": q.close or None,
            "href": note.url if note is not None and note.url else None,
        }
        if q.quotation.speaker:
            attrib["refersTo"] = f"#{self.org(q.quotation.speaker)}"
        el = _sub(p, "embeddedText", attrib)
        for child in q.children:
            if isinstance(child, Text):
                _append_text(el, child.text)
            else:
                self.note(el, child, owner, counter)

    def note(self, p: etree._Element, ref: Ref, owner: str, counter: list[int]) -> None:
        note = self.lay.resolution.note(ref.note)
        if note is None:  # a call-out without its note: keep the marker visible
            _sub(p, "sup", text=ref.label)
            return
        counter[0] += 1
        sup = _sub(p, "sup")
        an = _sub(
            sup,
            "authorialNote",
            {
                "eId": self.eid(f"{owner}__authorialNote_{counter[0]}"),
                "marker": ref.label,
                "placement": "bottom",
                "class": "endnote" if note.kind != "footnote" else "footnote",
            },
        )
        np = _sub(an, "p")
        for piece, url in split_urls(" ".join(note.text.split())):
            if url:
                _sub(np, "a", {"href": url}, piece)
            else:
                _append_text(np, piece)

    # --- blocks -------------------------------------------------------------------------------

    def paragraph_p(
        self, parent: etree._Element, seg: Segment, owner: str, counter: list[int], suffix: str = ""
    ) -> None:
        p = _sub(parent, "p")
        self.inline(p, seg.tokens, owner, counter)
        _append_text(p, suffix)

    def build(self) -> etree._Element:
        lay, o = self.lay, self.options
        r = lay.resolution
        self.speakers: dict[str, list[str]] = {}
        for q in r.quotations:
            if q.speaker:
                self.speakers.setdefault(self._owner_of(q.clause), []).append(q.speaker)
        st = _e("statement", {"name": "resolution", "contains": "originalVersion"})
        meta = _sub(st, "meta")
        # body first, so references know every organisation named
        preface = _e("preface")
        title = " ".join(r.title.text.split()) if r.title else "Resolution"
        lt = _sub(preface, "longTitle", {"eId": self.eid("longTitle_1")})
        ltp = _sub(lt, "p")
        _sub(ltp, "docType", text="Resolution")
        if o.number:
            _append_text(ltp, " ")
            _sub(ltp, "docNumber", text=o.number)
        _append_text(ltp, ": ")
        _sub(ltp, "docTitle", text=title)
        for label, value in sponsor_lines(r):
            sp = _sub(preface, "p", {"class": "sponsor"})
            _append_text(sp, f"{label}: ")
            if label == "Submitted by":
                _sub(sp, "organization", {"refersTo": f"#{self.org(value)}"}, value)
            elif label == "Sponsors":
                _append_text(sp, value)
            else:
                _sub(sp, "person", {"refersTo": f"#{self.person(value)}", "as": f"#{label.lower()}"}, value)
        st.append(preface)
        if lay.preamble or lay.formula:
            pre = _sub(st, "preamble")
            if lay.preamble:
                recs = _sub(pre, "recitals", {"eId": self.eid("recs_1")})
                for i, cl in enumerate(lay.preamble, 1):
                    local = f"recs_1__rec_{i}"
                    rec = _sub(recs, "recital", {"eId": self.eid(local)})
                    self.clause_blocks(rec, cl, local)
            if lay.formula:
                f = _sub(pre, "formula", {"name": "enactingFormula", "eId": self.eid("formula_1")})
                _sub(f, "p", text=lay.formula.strip().lstrip(";:,.").strip())
        body = _sub(st, "mainBody")
        for i, cl in enumerate(lay.resolved, 1):
            local = f"para_{i}"
            para = _sub(body, "paragraph", {"eId": self.eid(local)})
            counter = [0]
            if cl.items:
                intro = _sub(para, "intro")
                self.paragraph_p(intro, cl.intro, local, counter)
                for k, seg in enumerate(cl.items, 1):
                    point = _sub(para, "point", {"eId": self.eid(f"{local}__point_{k}")})
                    _sub(point, "num", text=item_label(seg.label))
                    content = _sub(point, "content")
                    self.paragraph_p(content, seg, f"{local}__point_{k}", counter)
            else:
                content = _sub(para, "content")
                self.paragraph_p(content, cl.intro, local, counter)
        if not lay.resolved:
            para = _sub(body, "paragraph", {"eId": self.eid("para_1")})
            _sub(_sub(para, "content"), "p")
        meta.append(self.identification(title))
        if self.orgs or self.persons or True:
            refs = _sub(meta, "references", {"source": f"#{SOURCE_ID}"})
            _sub(
                refs,
                "TLCOrganization",
                {
                    "eId": SOURCE_ID if not self.prefix else self.eid(SOURCE_ID),
                    "href": "/akn/ontology/organization/whereas",
                    "showAs": "whereas",
                },
            )
            if self._author_eid not in self.orgs:
                self.orgs[self._author_eid] = self._author
            for eid, name in self.orgs.items():
                _sub(
                    refs,
                    "TLCOrganization",
                    {"eId": eid, "href": f"/akn/ontology/organization/{slug(name)}", "showAs": name},
                )
            for eid, name in self.persons.items():
                _sub(refs, "TLCPerson", {"eId": eid, "href": f"/akn/ontology/person/{slug(name)}", "showAs": name})
            for role in sorted({label.lower() for label, _ in sponsor_lines(r) if label in ("Mover", "Seconder")}):
                _sub(
                    refs,
                    "TLCRole",
                    {"eId": self.eid(role), "href": f"/akn/ontology/role/{role}", "showAs": role.title()},
                )
        return st

    def _owner_of(self, clause_ref: str) -> str:
        kind, _, rest = clause_ref.partition("[")
        n = int(rest.rstrip("]")) + 1
        return f"recs_1__rec_{n}" if kind == "preamble" else f"para_{n}"

    def clause_blocks(self, parent: etree._Element, cl: ClauseLayout, owner: str) -> None:
        counter = [0]
        self.paragraph_p(parent, cl.intro, owner, counter)
        for seg in cl.items:
            p = _sub(parent, "p", {"class": "item"})
            _append_text(p, item_label(seg.label) + " ")
            self.inline(p, seg.tokens, owner, counter)

    def identification(self, title: str) -> etree._Element:
        o, r = self.options, self.lay.resolution
        self._author = o.body or r.sponsors.submitted_by or "unknown"
        actor = slug(self._author)
        self._author_eid = self.eid(actor)
        date = o.date or datetime.date.today().isoformat()
        date_name = "adoption" if o.date else "generation"
        number = slug(o.number, "1", digits=True) if o.number else self.number
        country = (o.country or "us").lower()
        work = f"/akn/{country}/statement/resolution/{actor}/{date}/{number}"
        lang3 = _LANG3.get(o.lang.split("-")[0].lower(), "eng")
        expr = f"{work}/{lang3}@{date}"
        ident = _e("identification", {"source": f"#{SOURCE_ID}" if not self.prefix else f"#{self.eid(SOURCE_ID)}"})
        fw = _sub(ident, "FRBRWork")
        _sub(fw, "FRBRthis", {"value": f"{work}/!main"})
        _sub(fw, "FRBRuri", {"value": work})
        _sub(fw, "FRBRalias", {"value": title, "name": "title"})
        _sub(fw, "FRBRdate", {"date": date, "name": date_name})
        _sub(fw, "FRBRauthor", {"href": f"#{self._author_eid}"})
        _sub(fw, "FRBRcountry", {"value": country})
        _sub(fw, "FRBRsubtype", {"value": "resolution"})
        _sub(fw, "FRBRnumber", {"value": number})
        fe = _sub(ident, "FRBRExpression")
        _sub(fe, "FRBRthis", {"value": f"{expr}/!main"})
        _sub(fe, "FRBRuri", {"value": expr})
        _sub(fe, "FRBRdate", {"date": date, "name": date_name})
        _sub(fe, "FRBRauthor", {"href": f"#{self._author_eid}"})
        _sub(fe, "FRBRlanguage", {"language": lang3})
        fm = _sub(ident, "FRBRManifestation")
        _sub(fm, "FRBRthis", {"value": f"{expr}/!main.akn"})
        _sub(fm, "FRBRuri", {"value": f"{expr}.akn"})
        _sub(fm, "FRBRdate", {"date": datetime.date.today().isoformat(), "name": "transform"})
        _sub(fm, "FRBRauthor", {"href": f"#{SOURCE_ID}" if not self.prefix else f"#{self.eid(SOURCE_ID)}"})
        return ident

    number = "1"


def _keyword_tag(options: RenderOptions) -> str | None:
    return {"italic": "i", "bold": "b"}.get(options.keyword_style)


def build_akn(resolutions: list[Resolution], options: RenderOptions) -> etree._Element:
    root = _e("akomaNtoso")
    root = etree.Element(f"{{{AKN_NS}}}akomaNtoso", nsmap={None: AKN_NS})
    labels = note_labels(resolutions)
    if len(resolutions) == 1:
        doc = _Doc(layout(resolutions[0], labels[0]), options, "", _keyword_tag(options))
        root.append(doc.build())
        return root
    coll = _sub(root, "documentCollection", {"name": "resolutions", "contains": "originalVersion"})
    meta = _sub(coll, "meta")
    body = _e("collectionBody")
    for i, (r, lab) in enumerate(zip(resolutions, labels, strict=True), 1):
        doc = _Doc(layout(r, lab), options, f"cmp_{i}__", _keyword_tag(options))
        doc.number = str(i) if not options.number else f"{slug(options.number, '1', digits=True)}-{i}"
        comp = _sub(body, "component", {"eId": f"cmp_{i}"})
        comp.append(doc.build())
    whole = _Doc(layout(resolutions[0], labels[0]), options, "", None)
    whole.number = slug(options.number, "collection", digits=True) if options.number else "collection"
    meta.append(whole.identification("Resolutions"))
    refs = _sub(meta, "references", {"source": f"#{SOURCE_ID}"})
    _sub(refs, "TLCOrganization", {"eId": SOURCE_ID, "href": "/akn/ontology/organization/whereas", "showAs": "whereas"})
    _sub(
        refs,
        "TLCOrganization",
        {
            "eId": whole._author_eid,
            "href": f"/akn/ontology/organization/{slug(whole._author)}",
            "showAs": whole._author,
        },
    )
    coll.append(body)
    return root


def render_akn(resolutions: list[Resolution], options: RenderOptions) -> str:
    root = build_akn(resolutions, options)
    return etree.tostring(root, encoding="unicode", pretty_print=True).join(
        ['<?xml version="1.0" encoding="UTF-8"?>\n', ""]
    )

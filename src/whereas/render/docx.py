"""Word .docx with real endnotes (or footnotes): python-docx for the body, lxml for the notes part.

Styles: ``Title`` for the title, ``Sponsor`` lines, ``Recital`` (hanging indent),
``Formula``, ``Resolved Clause`` (one paragraph per clause), ``Resolution Item``
(numbered items, the label written in the text), and ``Endnote Text`` /
``Endnote Reference`` (``Footnote …`` with ``notes="footnotes"``).  The keyword
word ("Resolved", "Whereas") is a separate run set per ``keyword_style``.
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from lxml import etree

from whereas.model import Resolution
from whereas.render import RenderOptions
from whereas.render._inline import (
    ClauseLayout,
    Keyword,
    Quote,
    Ref,
    Text,
    Token,
    item_label,
    layout,
    note_labels,
    split_urls,
    sponsor_lines,
    xml_text,
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml"


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


class _Notes:
    """The endnotes.xml (or footnotes.xml) part being written."""

    def __init__(self, kind: str) -> None:
        self.kind = kind  # "endnote" | "footnote"
        self.cap = kind.capitalize()
        self.root = etree.Element(_w(f"{kind}s"), nsmap={"w": W_NS, "r": R_NS})
        for nid, sep in (("-1", "separator"), ("0", "continuationSeparator")):
            note = etree.SubElement(self.root, _w(kind), {_w("type"): sep, _w("id"): nid})
            p = etree.SubElement(note, _w("p"))
            ppr = etree.SubElement(p, _w("pPr"))
            etree.SubElement(ppr, _w("spacing"), {_w("after"): "0", _w("line"): "240", _w("lineRule"): "auto"})
            etree.SubElement(etree.SubElement(p, _w("r")), _w(sep))
        self.next_id = 1
        self.part: Part | None = None
        self.links: list[tuple[etree._Element, str]] = []

    def add(self, text: str) -> int:
        nid = self.next_id
        self.next_id += 1
        note = etree.SubElement(self.root, _w(self.kind), {_w("id"): str(nid)})
        p = etree.SubElement(note, _w("p"))
        ppr = etree.SubElement(p, _w("pPr"))
        etree.SubElement(ppr, _w("pStyle"), {_w("val"): f"{self.cap}Text"})
        r = etree.SubElement(p, _w("r"))
        rpr = etree.SubElement(r, _w("rPr"))
        etree.SubElement(rpr, _w("rStyle"), {_w("val"): f"{self.cap}Reference"})
        etree.SubElement(r, _w(f"{self.kind}Ref"))
        self._run(p, " ")
        for piece, url in split_urls(" ".join(xml_text(text).split())):
            if url:
                link = etree.SubElement(p, _w("hyperlink"))
                self.links.append((link, url))
                run = self._run(link, piece)
                rpr = etree.Element(_w("rPr"))
                etree.SubElement(rpr, _w("rStyle"), {_w("val"): "Hyperlink"})
                run.insert(0, rpr)
            else:
                self._run(p, piece)
        return nid

    @staticmethod
    def _run(parent: etree._Element, text: str) -> etree._Element:
        r = etree.SubElement(parent, _w("r"))
        t = etree.SubElement(r, _w("t"))
        t.text = xml_text(text)
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return r

    def attach(self, document: DocxDocument) -> None:
        package = document.part.package
        name = f"/word/{self.kind}s.xml"
        self.part = Part(PackURI(name), _CT.format(f"{self.kind}s"), b"", package)
        rel_type = RT.ENDNOTES if self.kind == "endnote" else RT.FOOTNOTES
        document.part.relate_to(self.part, rel_type)
        for link, url in self.links:
            rid = self.part.relate_to(url, RT.HYPERLINK, is_external=True)
            link.set(f"{{{R_NS}}}id", rid)
        self.part._blob = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)
        # settings: the separators, as Word writes them
        settings = document.settings.element
        pr = OxmlElement(f"w:{self.kind}Pr")
        # numbered 1, 2, 3 as every message of whereas says (Word's default for endnotes is i, ii, iii);
        # the section says it too, which is where LibreOffice looks
        fmt = OxmlElement("w:numFmt")
        fmt.set(qn("w:val"), "decimal")
        pr.append(fmt)
        sect = document.sections[-1]._sectPr
        sect_pr = OxmlElement(f"w:{self.kind}Pr")
        sect_fmt = OxmlElement("w:numFmt")
        sect_fmt.set(qn("w:val"), "decimal")
        sect_pr.append(sect_fmt)
        refs = [c for c in sect if etree.QName(c).localname in ("headerReference", "footerReference", "footnotePr")]
        (refs[-1].addnext if refs else lambda el: sect.insert(0, el))(sect_pr)
        for nid in ("-1", "0"):
            el = OxmlElement(f"w:{self.kind}")
            el.set(qn("w:id"), nid)
            pr.append(el)
        settings.append(pr)
        _sort_settings(settings)


_SETTINGS_ORDER = [
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime", "doNotDisplayPageBoundaries",
    "displayBackgroundShape", "printPostScriptOverText", "printFractionalCharacterWidth", "printFormsData",
    "embedTrueTypeFonts", "embedSystemFonts", "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
    "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors",
    "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
    "stylePaneSortMethod", "documentType", "mailMerge", "revisionView", "trackRevisions", "doNotTrackMoves",
    "doNotTrackFormatting", "documentProtection", "autoFormatOverride", "styleLockTheme", "styleLockQFSet",
    "defaultTabStop", "autoHyphenation", "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps",
    "showEnvelope", "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
    "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets", "drawingGridHorizontalSpacing",
    "drawingGridVerticalSpacing", "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin",
    "doNotShadeFormData", "noPunctuationKerning", "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars",
    "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema", "saveInvalidXml",
    "ignoreMixedContent", "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml", "saveXmlDataOnly",
    "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags", "alwaysMergeEmptyNamespace", "updateFields",
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
]  # fmt: skip


def _sort_settings(settings: etree._Element) -> None:
    """CT_Settings is a sequence: keep its children in schema order (unknown ones last)."""
    rank = {name: i for i, name in enumerate(_SETTINGS_ORDER)}
    children = list(settings)
    children.sort(key=lambda el: rank.get(etree.QName(el).localname, len(rank)))
    for el in children:
        settings.append(el)


def _styles(document: DocxDocument, kind: str, keyword_style: str) -> None:
    styles = document.styles
    names = {s.name for s in styles}

    def para(name: str, base: str = "Normal") -> ParagraphStyle:
        st = styles[name] if name in names else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = styles[base]
        st.quick_style = True
        return st

    normal = styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    st = para("Sponsor")
    st.paragraph_format.space_after = Pt(0)
    st = para("Recital")
    st.paragraph_format.left_indent = Inches(0.5)
    st.paragraph_format.first_line_indent = Inches(-0.5)
    st.paragraph_format.space_after = Pt(8)
    st = para("Formula")
    st.paragraph_format.space_after = Pt(8)
    st = para("Resolved Clause")
    st.paragraph_format.space_before = Pt(6)
    st.paragraph_format.space_after = Pt(8)
    st = para("Resolution Item")
    st.paragraph_format.left_indent = Inches(1.0)
    st.paragraph_format.first_line_indent = Inches(-0.5)
    st.paragraph_format.space_after = Pt(6)
    cap = kind.capitalize()
    st = para(f"{cap} Text")
    st.font.size = Pt(10)
    st.paragraph_format.space_after = Pt(0)
    if f"{cap} Reference" not in names:
        cs = styles.add_style(f"{cap} Reference", WD_STYLE_TYPE.CHARACTER)
        cs.font.superscript = True
    if "Hyperlink" not in names:
        hs = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        hs.font.underline = True


class _Writer:
    def __init__(self, document: DocxDocument, notes: _Notes, options: RenderOptions) -> None:
        self.document = document
        self.notes = notes
        self.options = options
        self.note_ids: dict[tuple[int, str], int] = {}

    def runs(self, p: Paragraph, tokens: list[Token], r: Resolution, rn: int) -> None:
        for t in tokens:
            if isinstance(t, Keyword):
                run = p.add_run(xml_text(t.text))
                if self.options.keyword_style == "italic":
                    run.italic = True
                elif self.options.keyword_style == "bold":
                    run.bold = True
            elif isinstance(t, Text):
                p.add_run(xml_text(t.text))
            elif isinstance(t, Ref):
                self.ref(p, t, r, rn)
            elif isinstance(t, Quote):
                p.add_run(xml_text(t.open))
                for c in t.children:
                    if isinstance(c, Text):
                        p.add_run(xml_text(c.text))
                    else:
                        self.ref(p, c, r, rn)
                p.add_run(xml_text(t.close))

    def ref(self, p: Paragraph, t: Ref, r: Resolution, rn: int) -> None:
        note = r.note(t.note)
        if note is None:
            p.add_run(xml_text(f"[{t.label}]"))
            return
        key = (rn, t.note)
        if key not in self.note_ids:
            self.note_ids[key] = self.notes.add(note.text)
        kind = self.notes.kind
        run = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        rs = OxmlElement("w:rStyle")
        rs.set(qn("w:val"), f"{kind.capitalize()}Reference")
        rpr.append(rs)
        run.append(rpr)
        ref = OxmlElement(f"w:{kind}Reference")
        ref.set(qn("w:id"), str(self.note_ids[key]))
        run.append(ref)
        p._p.append(run)

    def clause(self, cl: ClauseLayout, style: str, r: Resolution, rn: int, suffix: str = "") -> None:
        p = self.document.add_paragraph(style=style)
        self.runs(p, cl.intro.tokens, r, rn)
        for seg in cl.items:
            p = self.document.add_paragraph(style="Resolution Item")
            p.add_run(xml_text(item_label(seg.label)) + "\t")
            self.runs(p, seg.tokens, r, rn)
        if suffix:
            p.add_run(xml_text(suffix))


def render_docx(resolutions: list[Resolution], options: RenderOptions) -> bytes:
    document = Document()
    kind = "footnote" if options.notes == "footnotes" else "endnote"
    _styles(document, kind, options.keyword_style)
    notes = _Notes(kind)
    writer = _Writer(document, notes, options)
    document.core_properties.author = xml_text(options.body or "whereas")
    labels = note_labels(resolutions)
    for rn, (r, lab) in enumerate(zip(resolutions, labels, strict=True)):
        lay = layout(r, lab)
        if rn:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        if r.title:
            title = xml_text(" ".join(r.title.text.split()))
            document.add_paragraph(title, style="Title")
            if rn == 0:
                document.core_properties.title = title
        for label, value in sponsor_lines(r):
            document.add_paragraph(xml_text(f"{label}: {value}"), style="Sponsor")
        for i, cl in enumerate(lay.preamble):
            last = i == len(lay.preamble) - 1
            suffix = " ".join(lay.formula.split()) if last and lay.formula and lay.formula_inline else ""
            writer.clause(cl, "Recital", r, rn, suffix)
        if lay.formula and not lay.formula_inline:
            document.add_paragraph(xml_text(" ".join(lay.formula.split())), style="Formula")
        for cl in lay.resolved:
            writer.clause(cl, "Resolved Clause", r, rn)
    if notes.next_id > 1:
        notes.attach(document)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()

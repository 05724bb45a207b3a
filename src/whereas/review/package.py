"""A Word package opened for review: its story parts as trees the review changes, written back with
every other part as it was.

Only the main document part, the footnote and endnote parts and the comments part (with the
relationship and content type a new comments part needs) are rewritten; every other member of the
zip is copied with the same bytes, name, order and date.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from whereas.errors import InputError
from whereas.readers.docx import (
    R_NS,
    W_NS,
    locate_body,
    locate_notes,
    main_part,
    note_formats,
    note_parts,
    superscript_styles,
)
from whereas.readers.package import Package, open_package
from whereas.readers.textview import NoteRef, Segment
from whereas.review.located import LocatedView, lay_out

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
HYPERLINK_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
COMMENTS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
CONTENT_TYPES = "[Content_Types].xml"


def _parser() -> etree.XMLParser:
    # as whereas.readers.xmlsafe's, but keeping comments and processing instructions: the part is
    # written back, and nothing in it may be lost (the reader has refused DOCTYPEs already)
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@dataclass
class ReviewPackage:
    """The parts of a .docx that a review changes, parsed, and the view located in them."""

    data: bytes
    path: str | None
    package: Package
    names: dict[str, str]  # lower-case part name -> the member's name as stored
    main: str
    trees: dict[str, etree._Element] = field(default_factory=dict)  # lower-case part name -> its tree
    view: LocatedView | None = None
    comments_part: str | None = None
    extra: dict[str, bytes] = field(default_factory=dict)  # parts written anew (stored name -> bytes)

    @classmethod
    def open(cls, data: bytes, path: str | None) -> ReviewPackage:
        package = open_package(data, path, "Word document (.docx)")
        names = {n.lower(): n for n in zipfile.ZipFile(io.BytesIO(data)).namelist()}
        main = main_part(package).lower()
        pkg = cls(data, path, package, names, main)
        body = pkg.tree(main).find(f"{{{W_NS}}}body")
        if body is None:
            raise InputError(path, f"not a Word document: {main} has no w:body")
        blocks, wheres = locate_body(package, main, body)
        notes: dict[NoteRef, list[tuple[list[Segment], list]]] = {}
        superscripts = superscript_styles(package, main)
        for part in note_parts(package, main):
            links = {r.id: r.target for r in package.relationships(part) if r.external}
            notes.update(locate_notes(pkg.tree(part), links, superscripts))
        pkg.view = lay_out(blocks, wheres, notes, note_formats(package, main, body))
        return pkg

    def repair_note_relationships(self) -> list[str]:
        """Correct a notes relationship whose type names the other kind of notes (a footnotes relationship
        to an endnotes part): Word reads such a file, LibreOffice refuses to open it.  Returns what was
        corrected."""
        repaired: list[str] = []
        rels_name = _rels_name(self.main).lower()
        if rels_name not in self.names:
            return repaired
        root = self.tree(rels_name)
        folder = posixpath.dirname(self.main)
        for el in root.iter(f"{{{REL_NS}}}Relationship"):
            kind = el.get("Type", "").rsplit("/", 1)[-1]
            if kind not in ("footnotes", "endnotes") or el.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(folder, el.get("Target", ""))).lower()
            if not self.package.has(target):
                continue
            actual = etree.QName(self.tree(target)).localname
            if actual in ("footnotes", "endnotes") and actual != kind:
                el.set("Type", el.get("Type", "").rsplit("/", 1)[0] + "/" + actual)
                repaired.append(f"the relationship to {target} said {kind}; it holds {actual}")
        return repaired

    def tree(self, part: str) -> etree._Element:
        part = part.lower()
        if part not in self.trees:
            data = self.package.read(part)
            if data is None:
                raise InputError(self.path, f"not a Word document: {part} is missing")
            self.trees[part] = etree.fromstring(data, _parser())
        return self.trees[part]

    def ids_in_use(self) -> int:
        """The largest numeric ``w:id`` of the story parts and the comments part (0 if none)."""
        best = 0
        for root in self.trees.values():
            for el in root.iter():
                value = el.get(f"{{{W_NS}}}id") if isinstance(el.tag, str) else None
                if value is not None and value.lstrip("-").isdigit():
                    best = max(best, int(value))
        return best

    def comments(self) -> etree._Element:
        """The comments part's root, made (with its relationship and content type) when there is none."""
        if self.comments_part is not None:
            return self.tree(self.comments_part)
        for rel in self.package.relationships(self.main):
            if rel.type == "comments" and not rel.external and self.package.has(rel.target):
                self.comments_part = rel.target.lower()
                return self.tree(self.comments_part)
        self.comments_part = posixpath.join(posixpath.dirname(self.main), "comments.xml")
        if self.comments_part in self.names:
            raise InputError(self.path, f"{self.comments_part} exists but the document does not use it")
        root = etree.Element(f"{{{W_NS}}}comments", nsmap={"w": W_NS, "r": R_NS})
        self.trees[self.comments_part] = root
        self.names[self.comments_part] = self.comments_part
        self._add_relationship(self.main, COMMENTS_TYPE, posixpath.basename(self.comments_part))
        self._add_content_type("/" + self.comments_part, COMMENTS_CONTENT_TYPE)
        return root

    def link(self, part: str, url: str) -> str:
        """The id of a new external hyperlink relationship of ``part``."""
        return self._add_relationship(part, HYPERLINK_TYPE, url, external=True)

    def _rels_tree(self, part: str) -> etree._Element:
        name = _rels_name(part).lower()
        if name not in self.trees:
            if name in self.names:
                self.tree(name)
            else:
                self.trees[name] = etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
                self.names[name] = _rels_name(part)
        return self.trees[name]

    def _add_relationship(self, part: str, rel_type: str, target: str, *, external: bool = False) -> str:
        root = self._rels_tree(part)
        taken = {el.get("Id") for el in root}
        n = len(taken) + 1
        while f"rId{n}" in taken:
            n += 1
        attrib = {"Id": f"rId{n}", "Type": rel_type, "Target": target}
        if external:
            attrib["TargetMode"] = "External"
        etree.SubElement(root, f"{{{REL_NS}}}Relationship", attrib=attrib)
        return f"rId{n}"

    def _add_content_type(self, part_name: str, content_type: str) -> None:
        root = self.tree(CONTENT_TYPES)
        for el in root.iter(f"{{{CT_NS}}}Override"):
            if el.get("PartName", "").lower() == part_name.lower():
                return
        etree.SubElement(root, f"{{{CT_NS}}}Override", PartName=part_name, ContentType=content_type)

    def write(self) -> bytes:
        """The package with the changed parts rewritten and every other member copied as it was."""
        out = io.BytesIO()
        source = zipfile.ZipFile(io.BytesIO(self.data))
        written: set[str] = set()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                key = info.filename.lower()
                data = self.package.read(key)
                if key in self.trees and data is not None:
                    changed = _serialize(self.trees[key])
                    if changed != _serialize(etree.fromstring(data, _parser())):
                        data = changed  # (a part read but left alone keeps its own bytes)
                if data is None:  # a directory entry
                    target.writestr(info, b"")
                    continue
                target.writestr(info, data, compress_type=info.compress_type)
                written.add(key)
            for key, root in self.trees.items():
                if key not in written:
                    target.writestr(self.names[key], _serialize(root), compress_type=zipfile.ZIP_DEFLATED)
        return out.getvalue()

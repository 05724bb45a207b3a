"""HTML pages: a faithful text view of the page's main content, footnotes at the end.

Blocks (``p``, ``li``, headings, ``blockquote``, ``div`` with direct text, table
cells …) become paragraphs; ``h1``–``h3`` become ``#``/``##``/``###`` headings;
``<br>`` becomes a line break inside its paragraph.  Navigation, headers,
footers, sidebars, scripts and styles are dropped (pandoc's and Quarto's title block
is read: :mod:`whereas.readers.htmltitle`).  Footnote references
(``<sup><a href="#fn1">1</a></sup>``, pandoc's ``a.footnote-ref``, markdown-it's
``sup.footnote-ref``) become ``[^N]``; the notes they point at are taken out of
the body and written at the end as ``[^N]: text <URL>`` lines, backlinks
dropped.  The reader does not look for the resolution: the structure builder
finds the Whereas/Resolved blocks among the rest of the text.
"""

from __future__ import annotations

import re
from collections.abc import Set
from copy import deepcopy as copy_element
from dataclasses import dataclass, field
from urllib.parse import unquote

import lxml.html
from lxml import etree

from whereas.errors import InputError
from whereas.readers.base import View
from whereas.readers.htmltitle import author_line, title_block, title_block_parts
from whereas.readers.tables import label_text, metadata_pairs
from whereas.readers.textview import number_label, raised

_DROP = frozenset(
    {
        "script",
        "style",
        "nav",
        "header",
        "footer",
        "aside",
        "noscript",
        "template",
        "svg",
        "math",
        "button",
        "textarea",
        "label",
        "input",
        "select",
        "iframe",
        "object",
        "embed",
        "canvas",
        "head",
        "title",
        "meta",
        "link",
    }
)
#: a ``<form>`` holding at least this many characters of text outside its controls is the page itself (ASP.NET
#: sites such as Legistar and Granicus wrap the whole page in one ``<form>``), not a search or comment box
_PAGE_FORM_CHARS = 300
#: the page header and footer LibreOffice's HTML export writes (``<div title="header">``): running heads
_RUNNING_TITLES = frozenset({"header", "footer"})
#: a blog's reader comments and reply form (WordPress ``#comments.comments-area``, Drupal ``section.comments``,
#: Disqus ``#disqus_thread``): other people's words below the post, never the resolution
_COMMENT_IDS = frozenset({"comments", "respond", "disqus_thread"})
_COMMENT_CLASSES = frozenset({"comments-area", "comment-list", "commentlist", "comment-respond", "comments"})
_DROP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "doc-backlink"})
_BLOCKS = frozenset(
    {
        "p",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "div",
        "section",
        "article",
        "main",
        "body",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "pre",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "figure",
        "figcaption",
        "address",
        "details",
        "summary",
        "center",
        "fieldset",
        "hr",
    }
)
_HEADINGS = {"h1": "# ", "h2": "## ", "h3": "### "}
_BACKLINK_CHARS = "↩↑⤴︎\ufe0e"
_LABEL = re.compile(r"^\[?\(?(\w{1,8})\)?\]?$")
_SNIFF = re.compile(rb"<!doctype\s+html|<html[\s>]|<body[\s>]|<p[\s>]", re.IGNORECASE)


def sniff_html(head: bytes) -> bool:
    """True if the first bytes look like an HTML page or fragment."""
    return _SNIFF.search(head[:4096]) is not None


def read_html(data: bytes, path: str | None = None) -> View:
    """Read an HTML page into a text view with its footnotes at the end."""
    root = _parse(data, path)
    notes = _find_notes(root)
    body = root.find("body")
    start = body if body is not None else root
    mains = start.findall(".//main")
    walker = _Walker(notes)
    walker.walk(mains[0] if len(mains) == 1 else start)
    paragraphs = walker.finish()
    note_lines = [
        f"[^{label}]: {_note_text(notes.targets[target], label, notes.ref_ids)}"
        for target, label in notes.labels.items()
        if target in walker.cited
    ]
    if not paragraphs and not note_lines:
        raise InputError(path, "no text in the HTML page")
    text = "\n\n".join(paragraphs)
    if note_lines:
        text += "\n\n" + "\n".join(note_lines)
    return View(text=text + "\n", format="html", path=path)


#: inline formatting tags, which say nothing the text view keeps: taken out of a page nested
#: deeper than the parser's limit (unclosed ``<font>`` or ``<b>`` tags pile up level on level)
_INLINE = r"</?(?:font|b|i|u|s|em|strong|span|small|big|strike|tt|nobr|mark|ins|del|o:p)(?:\s[^>]*)?>"
_INLINE_TAGS = re.compile(_INLINE, re.IGNORECASE)
_INLINE_TAGS_BYTES = re.compile(_INLINE.encode(), re.IGNORECASE)


def _parse(data: bytes, path: str | None) -> etree._Element:
    """The page's tree; an :class:`InputError` when it cannot be read whole.

    libxml2 stops at 255 levels of nesting (and at a text over 10,000,000 bytes) and silently drops
    the rest.  A page that deep is parsed again without its inline formatting tags; if it is still
    too deep, or a limit is met for another reason, the error says so rather than reading part of it.
    """
    if not data.strip():
        raise InputError(path, "empty file")
    if b"\x00" in data[:4096]:
        raise InputError(path, "binary data, not an HTML page")
    source: str | bytes
    try:
        decoded = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        source = data  # let lxml follow the page's <meta charset>
    else:
        source = re.sub(r"^\s*<\?xml[^>]*>", "", decoded)
    root, limit = _parse_once(source, path)
    if limit and "depth" in limit:
        flat = _INLINE_TAGS.sub("", source) if isinstance(source, str) else _INLINE_TAGS_BYTES.sub(b"", source)
        root, limit = _parse_once(flat, path)
        if limit and "depth" in limit:
            raise InputError(
                path,
                "the HTML is nested more than 255 elements deep, even without its inline formatting tags "
                "(the parser's limit: what lies deeper would be lost)",
            )
    if limit:
        what = "a text or attribute over 10,000,000 bytes" if "Buffer size" in limit else limit.rstrip(".")
        raise InputError(path, f"the HTML cannot be read whole: {what} (the parser's limit)")
    return root


def _parse_once(source: str | bytes, path: str | None) -> tuple[etree._Element, str | None]:
    """(the tree, None), or (the partial tree, the libxml2 limit it ran into)."""
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(source, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as e:
        raise InputError(path, f"not a readable HTML page: {e}", line=getattr(e, "lineno", None)) from None
    limits = [e.message.strip() for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"]
    return root, limits[0] if limits else None


@dataclass
class _Notes:
    """Footnote targets by id, the label each one is cited with, and their containers."""

    targets: dict[str, etree._Element] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    containers: set[etree._Element] = field(default_factory=set)
    #: the ids of the references (and of the ``<sup>`` around them): a link in a note to one of them leads back
    ref_ids: set[str] = field(default_factory=set)

    def ref_target(self, el: etree._Element) -> str | None:
        """The note id a link cites, if ``el`` is a footnote reference."""
        if el.tag != "a":
            return None
        target = (el.get("href") or "").removeprefix("#") if (el.get("href") or "").startswith("#") else ""
        return target if target in self.labels else None


def _find_notes(root: etree._Element) -> _Notes:
    notes = _Notes()
    ids = {el.get("id"): el for el in root.iter() if isinstance(el.tag, str) and el.get("id")}
    # the older anchors Word's "Save as HTML" writes (<a name="_ftn1">) are link targets too
    for a in root.iter("a"):
        if a.get("name"):
            ids.setdefault(a.get("name"), a)
    for a in root.iter("a"):
        href = a.get("href") or ""
        target = ids.get(href[1:]) if href.startswith("#") and len(href) > 1 else None
        if target is not None and _is_anchor(target):
            target = _anchor_block(target)
        if target is None or _is_backlink(a) or not _is_note_ref(a) or _contains(target, a):
            continue
        notes.ref_ids.update(
            ident for el in (a, a.getparent()) if el is not None for ident in (el.get("id"), el.get("name")) if ident
        )
        if href[1:] not in notes.labels:
            notes.labels[href[1:]] = _label(a, notes)
            notes.targets[href[1:]] = target
            notes.containers.add(_container(target))
    return notes


def _is_anchor(el: etree._Element) -> bool:
    """Whether a link's target is only the note's number at the head of the note (Google Docs' ``<a id="ftnt1"
    href="#ftnt_ref1">[1]</a>``, Word's ``<a name="_ftn1" href="#_ftnref1">``, LibreOffice's
    ``<a class="sdfootnotesym">``), not the note itself: the note is the paragraph it opens."""
    return el.tag in ("a", "span", "sup") and len(el.text_content().strip()) <= 6


def _anchor_block(el: etree._Element) -> etree._Element | None:
    """The paragraph (or list item, or block) a note's number anchor opens."""
    for anc in el.iterancestors():
        if anc.tag in ("p", "div", "li", "section", "aside", "td", "dd"):
            return anc
        if anc.tag in ("body", "html"):
            break
    return None


def _is_note_ref(a: etree._Element) -> bool:
    classes = f"{a.get('class', '')} {a.get('role', '')}"
    parent = a.getparent()
    parent_classes = parent.get("class", "") if parent is not None else ""
    return (
        "footnote-ref" in classes
        or "noteref" in classes
        # Word's "Save as HTML": <a style="mso-footnote-id:ftn1" href="#_ftn1" name="_ftnref1">
        or "mso-footnote-id" in a.get("style", "")
        or "mso-endnote-id" in a.get("style", "")
        or "footnote-ref" in parent_classes
        or (parent is not None and parent.tag == "sup")
        or a.find("sup") is not None
    )


def _label(a: etree._Element, notes: _Notes) -> str:
    match = _LABEL.match(a.text_content().strip())
    label = match.group(1) if match else ""
    if not label or label in notes.labels.values():
        label = str(len(notes.labels) + 1)
    return label


def _contains(ancestor: etree._Element, el: etree._Element) -> bool:
    return any(a is ancestor for a in el.iterancestors()) or ancestor is el


def _container(target: etree._Element) -> etree._Element:
    """The element to drop from the body for a note: its footnotes section, else the note itself."""
    for anc in target.iterancestors():
        marks = f"{anc.get('class', '')} {anc.get('role', '')} {anc.get('id', '')}".lower()
        if "footnote" in marks or "endnote" in marks or anc.tag == "aside":
            return anc
        if anc.tag in {"body", "main", "article"}:
            break
    return target


class _Walker:
    """Walks the DOM, collecting paragraphs; inline text accumulates until a block ends."""

    def __init__(self, notes: _Notes) -> None:
        self.notes = notes
        self.paragraphs: list[str] = []
        self.buffer: list[str] = []
        self.cited: set[str] = set()
        self.pre = 0
        self.sup = 0  # inside a <sup>: its digits are written as superscript digits (a typed call-out, "times¹")
        #: the number of the list item being read, written before its first paragraph: an item's text
        #: may stand in a ``<p>`` of its own (``<li><p>…</p></li>``, as LibreOffice and loose lists write it)
        self.marker = ""
        self.joined = 0  # inside a title block's title: a line break is a space

    def walk(self, el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or self._dropped(el):
            return
        target = self.notes.ref_target(el)
        if target is not None:
            self.cited.add(target)
            self.buffer.append(f"[^{self.notes.labels[target]}]")
            return
        if title_block(el):
            self.flush()
            self._title_block_lines(el)
            return
        if _post_header(el):
            self.flush()
            self._post_header_lines(el)
            return
        if tag == "br":
            # (a line break in a title is a space: LaTeX's "\\" in pandoc's h1.title)
            self.buffer.append(" " if self.joined else "\n")
            return
        block = tag in _BLOCKS
        if block:
            self.flush()
        if tag == "table" and (pairs := _metadata_table(el)):
            # a table of labelled metadata ("Title | Sponsor | Date" over its values, or "Title | …" rows): one
            # "Label: value" line each, as a Word table of them reads (whereas.readers.tables)
            self.paragraphs.extend(f"{label}: {value}" for label, value in pairs)
            return
        if tag == "tr" and (pairs := _label_value_pairs(el)):
            # a form's row of labels and values ("Title:" | "A Resolution authorizing …", as Legistar and
            # Granicus pages print a file's metadata): one "Label: value" line each, as a text file writes it
            self.paragraphs.extend(f"{label} {value}" for label, value in pairs if value)
            return
        if tag == "div" and (field := _cms_field(el)) is not None:
            # a CMS's labelled field (Drupal: "Sponsored by" / "ASG Vice President Lily Tran"): "Label: value"
            self.paragraphs.append(f"{field[0]}: {field[1]}")
            return
        if tag == "dl" and (terms := _term_pairs(el)):
            # a description list of a page's metadata ("Submitted by" / "Mark Ruskell, …", as a parliament's or a
            # CMS's motion page prints it): one "Term: description" line each, as a labelled line in a text file
            self.paragraphs.extend(f"{term}: {text}" for term, text in terms)
            return
        if tag == "li":
            # (a numbered item's number is its text's; a bullet before an item's own paragraph is left out, as
            # before, so that a page's loose list of links or statements stays paragraphs)
            parent = el.getparent()
            self.marker = _list_marker(el) if parent is not None and parent.tag == "ol" else ""
        self.pre += tag == "pre"
        self.sup += tag == "sup"
        self._text(el.text)
        for child in el:
            self.walk(child)
            self._text(child.tail)
        self.sup -= tag == "sup"
        self.pre -= tag == "pre"
        if block:
            self.flush(_HEADINGS.get(tag, "") or (_list_marker(el) if tag == "li" else ""))
        if tag == "li":
            self.marker = ""  # an empty item's number is not given to what follows it

    def _post_header_lines(self, el: etree._Element) -> None:
        """What a post's header holds of the resolution: its headings (the headline, the post's title) and its
        labelled lines ("Submitted by: Georgia State Conference"), read where they stand; its byline and date
        ("By Jane Reporter", "Posted by admin on 1 May", the theme's author and date markup) are not."""
        for child in el:
            if not isinstance(child.tag, str) or self._dropped(child) or _byline_markup(child):
                continue
            if child.tag in _HEADLINES or _labelled_line(child):
                self.walk(child)
                self.flush()
            else:
                self._post_header_lines(child)

    def _title_block_lines(self, el: etree._Element) -> None:
        """pandoc's or Quarto's title block (:mod:`whereas.readers.htmltitle`): its title as a heading, its
        subtitle, its authors as a sponsor line, its date as a "Date:" line, its abstract; its other metadata
        (affiliations, categories, the labels of Quarto's fields) is not read."""
        for kind, part in title_block_parts(el):
            if isinstance(part, etree._Element):
                self.joined += kind in ("title", "subtitle")
                self.walk(part)
                self.flush()
                self.joined -= kind in ("title", "subtitle")
            elif isinstance(part, list):
                self.paragraphs.append(author_line(part))
            else:
                self.paragraphs.append(f"Date: {part}")

    def _dropped(self, el: etree._Element) -> bool:
        return (
            el.tag in _DROP
            # (a <header> right inside the <main> is the page's own, over its title: MediaWiki's "<main><header><h1>
            # Resolution:Approval of …</h1></header>"; the site's banner is dropped; of a blog post's header in its
            # <article>, its headline and labelled lines are read: _post_header_lines)
            and not (el.tag == "header" and (_in_main(el) or _post_header(el) or title_block(el)))
            or (el.tag == "form" and not _holds_page(el))
            or (el.tag == "div" and el.get("title", "").lower() in _RUNNING_TITLES)
            or el.get("id", "") in _COMMENT_IDS
            or not _COMMENT_CLASSES.isdisjoint(el.get("class", "").split())
            or el in self.notes.containers
            or el.get("role", "") in _DROP_ROLES
            or el.get("hidden") is not None
            or el.get("aria-hidden") == "true"
            or el.get("data-whereas") == "review"  # a review page's marks: not the resolution's words
        )

    def _text(self, text: str | None) -> None:
        if text:
            text = raised(text) if self.sup else text
            self.buffer.append(text if self.pre else text.replace("\n", " "))

    def flush(self, prefix: str = "") -> None:
        lines = [" ".join(line.split()) for line in "".join(self.buffer).split("\n")]
        self.buffer = []
        text = "\n".join(line for line in lines if line)
        if text:
            self.paragraphs.append((prefix or self.marker) + text)
            self.marker = ""

    def finish(self) -> list[str]:
        self.flush()
        return self.paragraphs


_NESTED = frozenset({"ul", "ol", "table", "dl"})
#: the classes of a CMS field's label and its items (Drupal 8+ and Drupal 7)
_FIELD_LABEL = frozenset({"field__label", "field-label"})
_FIELD_ITEM = frozenset({"field__item", "field-item"})


def _cms_field(div: etree._Element) -> tuple[str, str] | None:
    """A CMS field's short label and its items' plain text ("Sponsored by" / "ASG Vice President Lily Tran"), or
    None: the label and each item a ``div`` of the field (or of its items' wrapper) with plain text in it."""
    if "field" not in div.get("class", "").split() and not div.get("class", "").startswith("field "):
        return None
    label = next((c for c in div if isinstance(c.tag, str) and _FIELD_LABEL & set(c.get("class", "").split())), None)
    if label is None:
        return None
    items = [
        e
        for e in div.iter("div")
        if _FIELD_ITEM & set(e.get("class", "").split()) and not any(d.tag in _NESTED or d.tag == "p" for d in e.iter())
    ]
    name = " ".join(label.text_content().split()).rstrip(":")
    values = [" ".join(e.text_content().split()) for e in items]
    if not items or not name or len(name) > _ROW_LABEL_CHARS or not all(values):
        return None
    return name, "; ".join(values)


def _term_pairs(dl: etree._Element) -> list[tuple[str, str]]:
    """A ``<dl>``'s terms and descriptions, when each ``<dt>`` is a short label followed by one ``<dd>`` of plain
    text (no list, table or further description list in it); otherwise none."""
    children = [c for c in dl if isinstance(c.tag, str)]
    if not children or len(children) % 2 or len(children) > 200:
        return []
    pairs = []
    for term, description in zip(children[::2], children[1::2], strict=True):
        if term.tag != "dt" or description.tag != "dd" or any(d.tag in _NESTED for d in description.iter()):
            return []
        label = " ".join(term.text_content().split()).rstrip(":")
        text = " ".join(description.text_content().split())
        if not label or len(label) > _ROW_LABEL_CHARS:
            return []
        pairs.append((label, text))
    return pairs


#: the longest label of a form's row ("Title:", "Sponsors:", "File created:", "In control:")
_ROW_LABEL_CHARS = 40


def _label_value_pairs(row: etree._Element) -> list[tuple[str, str]] | None:
    """A table row of labels and their values ("File #:" | "R-26-0193" | "Version:" | "1"), as pairs; None for
    any other row."""
    cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
    if len(cells) < 2 or len(cells) % 2:
        return None
    pairs = []
    for label_cell, value_cell in zip(cells[::2], cells[1::2], strict=True):
        label = " ".join(label_cell.text_content().split())
        if not (label.endswith(":") and 1 < len(label) <= _ROW_LABEL_CHARS) or value_cell.find(".//table") is not None:
            return None
        pairs.append((label, " ".join(value_cell.text_content().split())))
    return pairs


def _metadata_table(table: etree._Element) -> list[tuple[str, str]] | None:
    """A table of labelled metadata (:mod:`whereas.readers.tables`) as its (label, value) pairs; None for any other
    table, or one with a table in it or merged cells."""
    cells = list(table.iter("td", "th"))
    if table.find(".//table") is not None or any(
        c.get("colspan", "1") != "1" or c.get("rowspan", "1") != "1" for c in cells
    ):
        return None
    rows = [[c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")] for row in table.iter("tr")]
    texts = [[" ".join(c.text_content().split()) for c in row] for row in rows]
    pairs = metadata_pairs(texts)
    if not pairs:
        return None
    return [(label_text(texts[li][lj]), texts[vi][vj]) for (li, lj), (vi, vj) in pairs]


#: a post's headline: a heading of any level
_HEADLINES = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _post_header(el: etree._Element | None) -> bool:
    """Whether ``el`` is a post's ``<header>`` inside its ``<article>`` (WordPress's "entry-header", a
    convention's resolution page): its headline, a heading of any level, is the post's title, which is the
    resolution's when the post is one; the byline beside it is not."""
    return (
        el is not None
        and el.tag == "header"
        and any(a.tag == "article" for a in el.iterancestors())
        and next(el.iterdescendants(*_HEADLINES), None) is not None
    )


#: the marks of a blog theme's byline and date (WordPress's "entry-meta", "posted-on", "byline", "author vcard",
#: "entry-date"; schema.org's itemprop "author", "datePublished"; rel="author"), as words of its class, id,
#: rel or itemprop
_BYLINE_WORDS = frozenset({"byline", "author", "meta", "vcard", "date", "posted", "published", "updated", "time"})
_WORDS = re.compile(r"[a-z]+")
#: a labelled line: a short label without digits (a time, "10:30", is none), a colon, and its value
_LABELLED = re.compile(r"\s*([^\W\d][^:\d]{0,39}):\s*[^\s/]")
#: a labelled line that is a byline or a date: "By: …", "Posted by: …", "Published on: …", "Date: …"
_BYLINE_LABEL = re.compile(
    r"(?:by|(?:posted|published|written|updated|last\s+updated|modified)(?:\s+(?:by|on|in|at))?|dated?|"
    r"filed\s+under|categor(?:y|ies)|tags?)",
    re.IGNORECASE,
)


def _byline_markup(el: etree._Element) -> bool:
    """Whether ``el`` is marked as a post's byline or date (by its tag, ``<time>``, ``<address>``, or its
    class, id, rel or itemprop)."""
    marks = " ".join(el.get(a, "") for a in ("class", "id", "rel", "itemprop")).lower()
    return el.tag in ("time", "address") or not _BYLINE_WORDS.isdisjoint(_WORDS.findall(marks))


def _labelled_line(el: etree._Element) -> bool:
    """Whether ``el`` is one labelled line ("Submitted by: Georgia State Conference of Branches",
    "Committee: Resolutions"), a byline's label apart: the form a resolution's metadata takes, which the structure
    builder reads (its sponsors)."""
    if any(d.tag in _BLOCKS for d in el.iterdescendants() if isinstance(d.tag, str)):
        return False
    m = _LABELLED.match(el.text_content())
    return m is not None and _BYLINE_LABEL.fullmatch(" ".join(m.group(1).split())) is None


def _in_main(el: etree._Element) -> bool:
    """Whether ``el`` stands in the page's ``<main>``, not inside an ``<article>`` or a ``<section>`` of it."""
    for ancestor in el.iterancestors():
        if ancestor.tag in ("article", "section"):
            return False
        if ancestor.tag == "main":
            return True
    return False


def _holds_page(form: etree._Element) -> bool:
    """Whether a ``<form>`` wraps the page's content rather than being a search, login or comment form."""
    if form.find(".//input[@name='__VIEWSTATE']") is not None:
        return True
    return _text_chars(form, _PAGE_FORM_CHARS) >= _PAGE_FORM_CHARS


def _text_chars(el: etree._Element, enough: int) -> int:
    """How many characters of text ``el`` shows outside dropped elements (scripts, controls, lists of
    options …), counted up to ``enough``."""
    chars = len((el.text or "").strip())
    for child in el:
        if chars >= enough:
            break
        if isinstance(child.tag, str) and child.tag not in _DROP and child.tag not in ("option", "optgroup"):
            chars += _text_chars(child, enough - chars)
        chars += len((child.tail or "").strip())
    return chars


def _list_marker(el: etree._Element) -> str:
    """``"3. "`` for the third item of an ordered list, ``"- "`` for a bulleted item."""
    parent = el.getparent()
    if el.tag != "li" or parent is None:
        return ""
    if parent.tag != "ol":
        return "- "
    try:
        start = int(parent.get("start", "1"))
    except ValueError:
        start = 1
    position = sum(1 for sibling in el.itersiblings(preceding=True) if sibling.tag == "li")
    return f"{number_label(start + position, _OL_TYPES.get(parent.get('type', '1'), 'decimal'))}. "


#: ``<ol type=…>``: the list's numbering as Word names it
_OL_TYPES = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


def _note_text(target: etree._Element, label: str = "", ref_ids: Set[str] = frozenset()) -> str:
    """The note's text, links written out as ``text <URL>``, backlinks dropped (also a link to the reference's
    id, ``ref_ids``, whatever its class: Drupal's ``<a class="footnote-label" href="#footnoteref1_x">1.</a>``),
    and the note's own number dropped when the note opens with it in an element of its own (``<p id="fn1"><sup>1</sup> Text``)."""
    parts: list[str] = []
    first = target[0] if len(target) and isinstance(target[0].tag, str) else None
    if label and first is not None and not (target.text or "").strip() and first.tag in _NUMBER_TAGS:
        match = _LABEL.match(first.text_content().strip())
        if match and match.group(1) == label:
            target = _without_first(target)
    _note_parts(target, parts, ref_ids)
    text = " ".join("".join(parts).split())
    return text.strip(" " + _BACKLINK_CHARS)


_NUMBER_TAGS = frozenset({"sup", "span", "b", "strong", "a"})


def _without_first(el: etree._Element) -> etree._Element:
    """A copy of ``el`` without its first child (whose tail is kept)."""
    copy = copy_element(el)
    first = copy[0]
    copy.text = (copy.text or "") + (first.tail or "")
    copy.remove(first)
    return copy


def _note_parts(el: etree._Element, parts: list[str], ref_ids: Set[str] = frozenset()) -> None:
    if el.text:
        parts.append(el.text)
    for child in el:
        back = child.tag == "a" and (child.get("href") or "").removeprefix("#") in ref_ids
        if (
            isinstance(child.tag, str)
            and not back
            and not _is_backlink(child)
            and child.get("data-whereas") != "review"
        ):
            if child.tag in _BLOCKS:
                parts.append(" ")
            href = (child.get("href") or "").strip() if child.tag == "a" else ""
            if href and not href.startswith("#"):
                parts.append(_link_text(child, href))
            else:
                _note_parts(child, parts, ref_ids)
        if child.tail:
            parts.append(child.tail)


def _link_text(a: etree._Element, href: str) -> str:
    """``text <URL>``, or just ``<URL>`` when the link's text is the URL itself."""
    text = " ".join(a.text_content().split())
    if text.startswith(("http://", "https://")) and text != href and text in unquote(href):
        # a redirector's link around the address it shows (Google Docs' "https://www.google.com/url?q=…",
        # Outlook's safe links): the address the reader sees is the source
        return f"<{text}>"
    return f"<{href}>" if text in {"", href} else f"{text} <{href}>"


def _is_backlink(el: etree._Element) -> bool:
    marks = f"{el.get('class', '')} {el.get('role', '')}"
    href = el.get("href") or ""
    text = el.text_content().strip()
    return (
        "backref" in marks
        or "footnote-back" in marks
        # the number at the head of a note that links back to where it is cited (Google Docs' "#ftnt_ref1",
        # Word's "#_ftnref1", LibreOffice's "sdfootnoteanc")
        or bool(re.match(r"#(?:ftnt_ref|_ftnref|_ednref|sdfootnote\d+anc|sdendnote\d+anc)", href))
        or "doc-backlink" in marks
        or (href.startswith("#") and bool(text) and all(c in _BACKLINK_CHARS for c in text))
        or (href.startswith("#fnref") or href.startswith("#ref"))
    )

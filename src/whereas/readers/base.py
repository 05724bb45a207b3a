"""What every reader hands to the structure builder: a *text view* of the document.

A reader turns its format into one string in whereas's text dialect (plain text
with a little Markdown), which ``whereas.structure`` then reads into resolutions.
For plain text and Markdown the view is the file's exact content, so positions
are positions in the file.  The dialect, as the other readers write it:

* one paragraph per block, blocks separated by a blank line;
* a title as a Markdown heading line (``# Title``);
* a numbered item inside a clause on its own line (``(1) text`` or ``1. text``);
* a note call-out as ``[^N]`` where the note is referenced;
* the notes at the end, one per line: ``[^N]: note text`` (URLs written out);
* sponsor lines such as ``Mover: Name``, ``Seconder: Name``, ``Sponsors: A; B``.

Limits that apply to every reader live here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from whereas.model import Source

#: Largest input file whereas reads (bytes).  Bigger files are refused with a clear error.
MAX_INPUT_BYTES = 50 * 1024 * 1024
#: Largest total uncompressed size of the parts read from a .docx/.odt (zip-bomb guard).
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
#: Largest compression ratio accepted for one zip member (zip-bomb guard).
MAX_ZIP_RATIO = 200
#: Most pages read from a PDF.
MAX_PDF_PAGES = 2000


@dataclass(frozen=True)
class View:
    """A document as text in whereas's dialect."""

    text: str
    format: str  # a format's name (whereas.readers.formats): "text", "markdown", "docx", "pdf", …
    path: str | None = None
    note_kinds: tuple[tuple[str, str], ...] = field(default=(), compare=False)  # as Source.note_kinds

    def source(self) -> Source:
        """The view as the structure builder and the rules read it."""
        return Source(self.text, self.format, self.path, self.note_kinds)

"""The archived copies a review page links to: each verified quotation's source, as the evidence archive
holds it, with the quoted passage highlighted and the date it was captured.

``whereas.verify.copies.archived_copies(verification, archives)`` reads every quotation's source from
the WARC files named in ``whereas verify --format json``'s ``archives`` (or given with ``render
--archive``) as :class:`ArchivedCopy` values; :func:`copy_page` makes each a small self-contained HTML
page.  The review page (``render/html.py``) links each verdict to its page,
written beside it: the reader sees the words the verdict was given on, not today's live page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ArchivedCopy:
    url: str
    fetched_at: str
    archive: str
    text: str  # the source's text as verify read it
    start: int | None  # the passage quoted, in ``text`` (None: not located)
    end: int | None


_CSS = """
body { font: 1rem/1.6 Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fff;
  max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.3rem; }
.meta { font: .9rem/1.5 system-ui, sans-serif; color: #333; }
.source { white-space: pre-wrap; border-top: 1px solid #999; padding-top: 1rem; }
mark { background: #fff3b0; color: #1a1a1a; outline: 2px solid #8a6d00; }
a { color: #0b4f9c; }
"""


def copy_page(copy: ArchivedCopy, back: str, lang: str = "en") -> str:
    """One archived copy as a page: where and when it was captured, the text, the passage marked."""
    esc = html.escape
    date = copy.fetched_at[:10]
    if copy.start is not None and copy.end is not None:
        body = (
            f'{esc(copy.text[: copy.start])}<mark id="passage">{esc(copy.text[copy.start : copy.end])}</mark>'
            f"{esc(copy.text[copy.end :])}"
        )
        found = '<a href="#passage">Go to the quoted passage</a> (highlighted).'
    else:
        body = esc(copy.text)
        found = "The quoted words were not found in this text."
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Archived copy of {esc(copy.url)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>Archived copy, captured {esc(date)}</h1>\n"
        f'<p class="meta">Source: {esc(copy.url)}<br>Captured {esc(copy.fetched_at)} (UTC), kept in the '
        f"evidence archive {esc(Path(copy.archive).name)}. The text below is the source's text as "
        f'<code>whereas verify</code> read it. {found}</p>\n<p class="meta"><a href="{esc(back)}">Back to the '
        "resolution</a></p>\n"
        f'<div class="source">{body}</div>\n</main>\n</body>\n</html>\n'
    )

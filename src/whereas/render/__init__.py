"""Publishing: a parsed resolution written out as Akoma Ntoso, HTML, Markdown, Word or JSON.

``render(resolutions, to=…)`` returns ``str`` for the text formats (akn, html, md,
json) and ``bytes`` for the binary ones (docx, pdf).  Every format renders every
resolution it is given (see ``docs/render.md`` for how several share one file).
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from whereas.errors import UsageError
from whereas.model import Resolution

#: format name -> (module, function, binary?)
FORMATS: dict[str, tuple[str, str, bool]] = {
    "akn": ("whereas.render.akn", "render_akn", False),
    "html": ("whereas.render.html", "render_html", False),
    "md": ("whereas.render.markdown", "render_markdown", False),
    "docx": ("whereas.render.docx", "render_docx", True),
    "json": ("whereas.render.jsonout", "render_json", False),
    "pdf": ("whereas.render.pdf", "render_pdf", True),
}
ALIASES = {"markdown": "md", "xml": "akn", "akomantoso": "akn", "word": "docx", "htm": "html"}
EXTENSIONS = {"akn": ".akn.xml", "html": ".html", "md": ".md", "docx": ".docx", "json": ".json", "pdf": ".pdf"}


@dataclass(frozen=True)
class RenderOptions:
    """What the document does not say and a publisher may (all optional).

    ``body``: the body that adopts the resolution (AKN author; default: the submitting unit, else "unknown");
    ``date``: ISO date of adoption (default: today, recorded as the generation date);
    ``number``: the resolution's number; ``country``: AKN country code (default ``us``);
    ``lang``: BCP 47 language of the text (default ``en``);
    ``notes``: ``endnotes`` or ``footnotes`` (Word);
    ``keyword_style``: how the keyword word ("Resolved", "Whereas") is set in HTML/Word/AKN:
    ``italic`` (default), ``bold`` or ``plain``;
    ``verification``: the ``whereas verify --format json`` result to show in HTML;
    ``findings``: lint findings to show in HTML (``whereas render --check``), each a mapping with
    ``code``, ``name``, ``severity``, ``message``, ``start`` (offset in the source text), ``line``, ``column``;
    ``evidence_links``: by index in ``verification["quotations"]``, the address of the page showing that
    quotation's archived source (``whereas.render.evidence``), written beside the HTML page.
    With either, the HTML page is a review report (docs/render.md).
    """

    body: str | None = None
    date: str | None = None
    number: str | None = None
    country: str = "us"
    lang: str = "en"
    notes: Literal["endnotes", "footnotes"] = "endnotes"
    keyword_style: Literal["italic", "bold", "plain"] = "italic"
    verification: Mapping[str, Any] | None = field(default=None, hash=False, compare=False)
    findings: tuple[Mapping[str, Any], ...] | None = field(default=None, hash=False, compare=False)
    evidence_links: Mapping[int, str] | None = field(default=None, hash=False, compare=False)


def normalise_format(to: str) -> str:
    key = ALIASES.get(to.lower().lstrip("."), to.lower().lstrip("."))
    if key not in FORMATS:
        raise UsageError(f"unknown output format {to!r}: choose one of {', '.join(FORMATS)}")
    return key


def render(
    resolutions: Resolution | Iterable[Resolution],
    to: str = "html",
    options: RenderOptions | None = None,
    **kwargs: Any,
) -> str | bytes:
    """Render one resolution or several (one output) as ``to``: akn, html, md, docx, json or pdf.

    Keyword arguments are :class:`RenderOptions` fields (``body=``, ``date=``, ``notes=``…).
    """
    fmt = normalise_format(to)
    items = [resolutions] if isinstance(resolutions, Resolution) else list(resolutions)
    if options is None:
        options = RenderOptions(**kwargs)
    elif kwargs:
        from dataclasses import replace

        options = replace(options, **kwargs)
    _check(options)
    module, func, _binary = FORMATS[fmt]
    return getattr(importlib.import_module(module), func)(items, options)


def is_binary(to: str) -> bool:
    return FORMATS[normalise_format(to)][2]


def _check(o: RenderOptions) -> None:
    import datetime

    if o.date is not None:
        try:
            datetime.date.fromisoformat(o.date)
        except ValueError:
            raise UsageError(f"--date must be an ISO date (YYYY-MM-DD), not {o.date!r}") from None
    if o.notes not in ("endnotes", "footnotes"):
        raise UsageError(f"--notes must be endnotes or footnotes, not {o.notes!r}")
    if o.keyword_style not in ("italic", "bold", "plain"):
        raise UsageError(f"--keyword-style must be italic, bold or plain, not {o.keyword_style!r}")


def load_verification(path: str | Path) -> dict[str, Any]:
    """Read ``whereas verify --format json`` output (an object, or an array of them)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"--verify-json: {path}: no such file") from None
    except (OSError, ValueError) as exc:
        raise UsageError(f"--verify-json: {path}: not readable JSON ({exc})") from None
    if isinstance(data, list):  # one report per file: merge
        merged: dict[str, Any] = {"quotations": [], "sources": [], "archives": []}
        for part in data:
            if isinstance(part, dict):
                merged["quotations"] += list(part.get("quotations") or [])
                merged["sources"] += list(part.get("sources") or [])
                merged["archives"] += list(part.get("archives") or [])
        data = merged
    if not isinstance(data, dict) or not isinstance(data.get("quotations", []), list):
        raise UsageError(f'--verify-json: {path}: expected an object with a "quotations" list')
    return data


__all__ = ["FORMATS", "RenderOptions", "is_binary", "load_verification", "normalise_format", "render"]

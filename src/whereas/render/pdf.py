"""PDF from the HTML page through WeasyPrint: an optional extra (``pip install 'whereas[pdf]'``).

The page is the ``--to html`` one with its print stylesheet, plus page margins and page numbers.
Note call-outs are written as superscript characters (¹ ² ³), so the PDF's text layer keeps them as
call-outs and ``whereas`` reads the PDF back to the same clauses and notes. Nothing is fetched while
rendering: the page is self-contained and any other URL WeasyPrint asks for is refused.
"""

from __future__ import annotations

from typing import Any, NoReturn

from whereas.errors import UsageError
from whereas.model import Resolution
from whereas.render import RenderOptions

INSTALL_HINT = "pip install 'whereas[pdf]'"

PAGE_CSS = """
@page { size: letter; margin: 2.2cm 2cm 2.4cm;
  @bottom-center { content: counter(page) " / " counter(pages); font: 9pt Georgia, "DejaVu Serif", serif; color: #444; } }
body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
.noteref .sup { font-size: 1em; }
.endnotes li, .verification li { overflow-wrap: anywhere; }
"""


def _missing(reason: str) -> NoReturn:
    raise UsageError(
        f"--to pdf needs WeasyPrint, an optional extra: {INSTALL_HINT} ({reason}); "
        "or render --to html and print it, or --to docx and convert it with LibreOffice"
    )


def _load_weasyprint() -> Any:
    try:
        import weasyprint
    except ImportError:
        _missing("WeasyPrint is not installed")
    except OSError as exc:  # installed, but Pango & co. are not on the system
        _missing(
            f"WeasyPrint could not load its system libraries, e.g. Debian's libpango-1.0-0 libpangoft2-1.0-0: {exc}"
        )
    return weasyprint


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> NoReturn:
    raise ValueError(f"whereas renders PDFs offline; not fetching {url}")


def render_pdf(resolutions: list[Resolution], options: RenderOptions) -> bytes:
    weasyprint = _load_weasyprint()
    from whereas.render.html import render_html

    page = render_html(resolutions, options, for_print=True, css=PAGE_CSS)
    document = weasyprint.HTML(string=page, url_fetcher=_no_fetch, media_type="print")
    data: bytes = document.write_pdf()
    return data

"""PDF from the HTML page through WeasyPrint: an optional extra (``pip install 'whereas[pdf]'``)."""

from __future__ import annotations

from whereas.errors import UsageError
from whereas.model import Resolution
from whereas.render import RenderOptions


def render_pdf(resolutions: list[Resolution], options: RenderOptions) -> bytes:
    try:
        import weasyprint  # type: ignore[import-not-found]
    except ImportError:
        raise UsageError(
            "--to pdf needs WeasyPrint, an optional extra: pip install 'whereas[pdf]' (or pip install weasyprint); "
            "or render --to html and print it, or --to docx and convert it with LibreOffice"
        ) from None
    from whereas.render.html import render_html

    return weasyprint.HTML(string=render_html(resolutions, options)).write_pdf()

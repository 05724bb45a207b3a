"""Markdown with ``[^n]`` footnotes: whereas's own text dialect, so it reads back as it was."""

from __future__ import annotations

from whereas.model import Resolution
from whereas.render import RenderOptions
from whereas.render._inline import Layout, Ref, Segment, item_label, layout, note_labels, plain_text, sponsor_lines


def _ref(r: Ref) -> str:
    return f"[^{r.label}]"


def _segment(seg: Segment) -> str:
    return " ".join(plain_text(seg.tokens, _ref).split())


def _resolution(lay: Layout) -> str:
    r = lay.resolution
    blocks: list[str] = []
    if r.title:
        blocks.append(f"# {' '.join(r.title.text.split())}")
    sponsors = sponsor_lines(r)
    if sponsors:
        blocks.append("\n".join(f"{k}: {v}" for k, v in sponsors))
    for i, cl in enumerate(lay.preamble):
        lines = [_segment(cl.intro)] + [f"{item_label(s.label)} {_segment(s)}" for s in cl.items]
        if i == len(lay.preamble) - 1 and lay.formula and lay.formula_inline:
            lines[-1] += " ".join(lay.formula.split()) if lay.formula[:1] != " " else lay.formula
        blocks.append("\n".join(lines))
    if lay.formula and not lay.formula_inline:
        blocks.append(" ".join(lay.formula.split()))
    for cl in lay.resolved:
        lines = [_segment(cl.intro)] + [f"{item_label(s.label)} {_segment(s)}" for s in cl.items]
        blocks.append("\n".join(lines))
    if lay.notes:
        blocks.append("\n".join(f"[^{label}]: {' '.join(n.text.split())}" for label, n in lay.notes))
    return "\n\n".join(blocks) + "\n"


def render_markdown(resolutions: list[Resolution], options: RenderOptions) -> str:
    labels = note_labels(resolutions)
    return "\n---\n\n".join(_resolution(layout(r, lab)) for r, lab in zip(resolutions, labels, strict=True))

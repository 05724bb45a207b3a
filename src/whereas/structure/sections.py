"""How the sections of a resolving part open: a line of their own ("Section 1.", "SECTION 2. TITLE.", "**Section
3:**", "Sec. 4."), or inside a line that a text which lost its line breaks ran on ("… measure. Section 4. Effective
Date …").  ``lines`` classifies and cuts the lines with these; ``grouping`` reads a section's number with them."""

from __future__ import annotations

from whereas.patterns import lazy_compile

__all__ = ["RUN_IN_SECTION", "SECTION_LINE"]

# a section's heading in capitals that ends its line: "Amendment or Repeal.", "Effective Date, Duration; Renewal."
_HEADING = r"(?:[A-Z][\w'’-]*[,;]?[ \t]+(?:(?:and|or|of|the|for|to|in|on)[ \t]+)*){0,5}[A-Z][\w'’-]*\."

# A section of a resolving part: "Section 1.", "SECTION 2. TITLE.", "**Section 3:**", "Sec. 4."; and one whose
# number lost its period before the heading that ends the line ("Section 5 Amendment or Repeal.", a wiki dump)
SECTION_LINE = lazy_compile(
    r"^[ \t]*(?:\*\*|__)?(?:Section|SECTION|Sec\.|SEC\.)[ \t]+(?P<n>\d{1,3})[A-Za-z]?(?:\*\*|__)?"
    r"(?:[ \t]*[.:](?!\d)|(?=[ \t]+" + _HEADING + r"[ \t]*$))"
)

# A section that starts inside a line, after a sentence's end: "… measure. Section 4. Effective Date …", "…
# repeal. Section 5 Amendment or Repeal."
RUN_IN_SECTION = lazy_compile(r"(?<=[.;:)])[ \t]+(?P<start>(?:Section|SECTION)[ \t]+(?P<n>\d{1,3})\.?[ \t]+[A-Z])")

"""The page furniture the US Government Publishing Office prints on every page of a bill or resolution.

A GPO print of an H.Res., S.Res. or concurrent resolution (and its text exported from the PDF or pasted from it)
carries, besides the text:

* **the VerDate line** at each page's foot, the typesetting system's stamp: "VerDate Sep 11 2014  18:22 May 16,
  2025  Jkt 059200  PO 00000  Frm 00001  Fmt 6652  Sfmt 6300  E:\\BILLS\\SR214.IS".  A PDF's text often breaks it in
  two ("… Frm" / "00001 Fmt 6652 Sfmt 6300 E:\\BILLS\\SR214.IS"): the line that runs on holds only its codes;
* **the running mark** atop each page after the first (and the cover's): a bullet, the bill's type and number and
  its version ("•HCON 33 IH", "•SRES 214 IS", "•S 214 IS", "•HR 1 EH"), the page's number beside it or not.

Both have a shape no clause has, so they are furniture wherever they stand, page boundaries or none; a page's lone
number right above or under one of them is furniture too (see structure/furniture.py).
"""

from __future__ import annotations

from whereas.patterns import lazy_compile

__all__ = ["GPO_HINT", "gpo_furniture"]

#: a cheap first look: a text without either word has no GPO furniture
GPO_HINT = lazy_compile(r"VerDate|•")

#: the VerDate stamp: "VerDate", the system's date ("Sep 11 2014"), the time and date of the typesetting, and then the
#: job's codes; the codes may run on to the next line
_VERDATE = lazy_compile(r"^[ \t\f]*VerDate[ \t]+[A-Z][a-z]{2}[ \t]+\d{1,2},?[ \t]+\d{4}[ \t]+\d{1,2}:\d{2}(?=\s|$)")
#: a word of the typesetting's date after the time ("May", "16,", "2025")
_DATE_WORD = lazy_compile(r"[A-Z][a-z]{2}|\d{1,2},|\d{4}")
#: a word of a VerDate stamp's codes, and one only such a stamp has ("Jkt", "Sfmt", a path "E:\\BILLS\\SR214.IS")
_CODE = lazy_compile(r"(?:Jkt|PO|Frm|Fmt|Sfmt|PsN:|\d+|[A-Z]:\\\S*|[A-Z0-9]{2,14})")
_STAMP_WORD = lazy_compile(r"(?:Jkt|Frm|Fmt|Sfmt|PsN:|[A-Z]:\\\S*)")
#: the running mark: a bullet, the bill's type, its number and the version's code ("•HCON 33 IH"), a page's number
#: before or after it
_MARK = lazy_compile(
    r"^[ \t\f]*(?:\d{1,4}[ \t]+)?[•·][ \t]*(?:H|S|HR|HRES|SRES|HCON|SCON|HJ|SJ|HJRES|SJRES|HCONRES|SCONRES)[ \t]*"
    r"\d{1,5}[ \t]+[A-Z]{2,4}(?:[ \t]+\d{1,4})?[ \t\f]*$"
)
#: a page's lone number
_LONE_NUMBER = lazy_compile(r"^[ \t\f]*\d{1,4}[ \t\f]*$")


def gpo_furniture(lines: list[tuple[int, str]]) -> list[int]:
    """Indices of the GPO's furniture among ``lines`` (start, text): VerDate lines and the codes they run on to,
    running marks, and a lone page number next to either (blank lines between them allowed)."""
    found: list[int] = []
    for i, (_, raw) in enumerate(lines):
        if "VerDate" in raw and (m := _VERDATE.match(raw)) and _codes_only(raw[m.end() :]):
            found.append(i)
            j = _next_text(lines, i, 1)
            if j is not None and _is_tail(lines[j][1]):
                found.append(j)
        elif "•" in raw or "·" in raw:
            if _MARK.match(raw):
                found.append(i)
    for i in list(found):
        for step in (1, -1):
            j = _next_text(lines, i, step)
            if j is not None and _LONE_NUMBER.match(lines[j][1]):
                found.append(j)
    return sorted(set(found))


def _is_tail(raw: str) -> bool:
    """Whether ``raw`` holds only a VerDate stamp's codes, one of them a stamp's own ("00001 Fmt 6652 Sfmt 6300
    E:\\BILLS\\SR214.IS")."""
    words = raw.split()
    return bool(words) and all(_CODE.fullmatch(w) for w in words) and any(_STAMP_WORD.fullmatch(w) for w in words)


def _codes_only(rest: str) -> bool:
    """Whether the rest of a VerDate line holds only the typesetting's date and the job's codes."""
    return all(_CODE.fullmatch(w) or _DATE_WORD.fullmatch(w) for w in rest.split())


def _next_text(lines: list[tuple[int, str]], i: int, step: int) -> int | None:
    """The index of the next line with text from ``i`` in direction ``step`` (past at most two blank lines)."""
    j = i + step
    blanks = 0
    while 0 <= j < len(lines):
        if lines[j][1].strip(" \t\f"):
            return j
        blanks += 1
        if blanks > 2:
            return None
        j += step
    return None

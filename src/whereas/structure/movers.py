"""A council's minutes that name who moved and who seconded a resolution without a colon or "by", the member named
by office right after the verb: Australian and New Zealand minutes' "Moved Cr Harrington" / "Seconded Cr Nguyen",
"Moved Councillor Singh", one line for both ("Moved Cr Smith / Seconded Cr Jones"). Such a line names the mover and
the seconder (``sponsors``) and is no part of the title above it (``titles``)."""

from __future__ import annotations

from whereas.patterns import lazy_compile

__all__ = ["MOVED_LINE", "moved_and_seconded"]

#: the office a council's minutes name a member by: "Cr", "Crs", "Cllr", "Councillor", "Deputy Mayor", "Mayor"
_OFFICE = (
    r"(?:Cr|Cllr|Councill?or|Deputy[ \t]+Mayor|Mayor|Alderman|Alderwoman|Ald|Trustee|Commissioner|Director|"
    r"Member|President|Hon)\.?"
)
#: the vote's outcome after the names: "Moved Cr A / Seconded Cr B. CARRIED"
_OUTCOME = r"(?i:carried|agreed|approved|adopted|passed|lost|defeated|unanimously|motion)\b"
#: the member: the office, then one to four capitalised words or initials ("Cr Harrington", "Cr J. Nguyen")
_MEMBER = _OFFICE + r"[ \t]+[A-Z][\w.'’-]*(?:[ \t]+(?!" + _OUTCOME + r")[A-Z][\w.'’-]*){0,3}"


def _role(role: str, name: str) -> str:
    """The verb and the member: "Moved Cr Harrington", "SECONDED: Cllr Osei" (its colon optional), bold or not."""
    return (
        r"(?:\*\*|__)?(?P<" + role + r">(?-i:Moved|MOVED|Seconded|SECONDED|seconded|Proposed|PROPOSED))(?:\*\*|__)?"
        r"[ \t]*:?[ \t]*(?:\*\*|__)?(?P<" + name + r">" + _MEMBER + r")(?:\*\*|__)?"
    )


#: the line (its pattern, which ``nontitles.NEVER_TITLE`` holds too)
MOVED_LINE = (
    r"^[ \t]*"
    + _role("role", "name")
    # the seconder on the same line after a slash, a bar, a comma or a semicolon: "Moved Cr A / Seconded Cr B"
    + r"(?:[ \t]*[/|,;][ \t]*"
    + _role("role2", "name2")
    + r")?[ \t.]*(?:"
    + _OUTCOME
    + r"[^:;]{0,60})?$"
)
_MOVED_LINE = lazy_compile(MOVED_LINE)
#: the full stop after a name, not an initial's ("Cr J. Okafor." → "Cr J. Okafor")
_END = lazy_compile(r"(?<=\w\w)\.?[ \t]*$")


def moved_and_seconded(text: str) -> list[tuple[str, str]] | None:
    """The roles ("mover", "seconder") and the members a minutes' line names ("Moved Cr Harrington" → mover
    "Cr Harrington"), or None: no such line."""
    head = text[:40].lower()
    if "moved" not in head and "seconded" not in head and "proposed" not in head:
        return None
    m = _MOVED_LINE.match(text)
    if m is None:
        return None
    found: list[tuple[str, str]] = []
    for role, name in (("role", "name"), ("role2", "name2")):
        if m.group(role):
            found.append(
                ("seconder" if m.group(role).lower().startswith("second") else "mover", _END.sub("", m.group(name)))
            )
    return found

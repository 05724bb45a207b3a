"""A council's minutes that name who moved and who seconded a resolution without a colon or "by", the member named
by office right after the verb: Australian and New Zealand minutes' "Moved Cr Harrington" / "Seconded Cr Nguyen",
"Moved Councillor Singh", one line for both ("Moved Cr Smith / Seconded Cr Jones"). Such a line names the mover and
the seconder (``sponsors``) and is no part of the title above it (``titles``)."""

from __future__ import annotations

import re

from whereas.patterns import lazy_compile

__all__ = ["MOVED_LINE", "members_named", "moved_and_seconded", "movers_in_sentence", "movers_line"]

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


# -- minutes that record the mover and the seconder in a sentence ------------------------------------------------
#: a member as minutes name them in a sentence: their office, one to four capitalised words, and what the parentheses
#: after them hold ("Senator Okonkwo (Chemistry)", "Hon. Tunde Oyeleye (Akure South I)")
_SPEAKER = (
    r"(?:Senator|Sen\.|Representative|Rep\.|Hon\.|Honou?rable|Dr\.|Prof\.|Professor|Mr\.|Mrs\.|Ms\.|Cr|Cllr\.?|"
    r"Councill?or|Councilmember|Council[ \t]+Member|Alderman|Alderwoman|Trustee|Commissioner|Supervisor|Director|"
    r"Delegate|Member|Regent|Dean)[ \t]+[A-Z][\w.'’-]*(?:[ \t]+(?!(?i:moved|seconded)\b)[A-Z][\w.'’-]*){0,3}"
    r"(?:[ \t]*\([^()\n]{1,60}\))?"
)
#: where a member's name starts in a sentence: at its start, after a stop, a comma or "and"
_AT = r"(?:^|(?<=[.;:,])[ \t]+|(?<=\band)[ \t]+)"
_MOVED_SENTENCE = lazy_compile(_AT + r"(?P<name>" + _SPEAKER + r")[ \t]+moved\b")
_SECONDED_SENTENCE = lazy_compile(_AT + r"(?P<name>" + _SPEAKER + r")[ \t]+seconded\b")
#: "moved by Senator A and seconded by Senator B", "…, seconded by Senator B"
_MOVED_BY = lazy_compile(r"\bmoved[ \t]+by[ \t]+(?P<name>" + _SPEAKER + r")")
_SECONDED_BY = lazy_compile(r"\bseconded[ \t]+by[ \t]+(?P<name>" + _SPEAKER + r")")
#: a line of minutes that only records the vote's movers: "Hon. Tunde Oyeleye (Akure South I) seconded.",
#: "Senator A moved, Senator B seconded. Carried."
_MOVERS_LINE = lazy_compile(
    r"^[ \t]*(?:"
    + _SPEAKER
    + r"[ \t]+moved(?:[ \t]+the[ \t]+motion)?[ \t]*[,;.]?[ \t]*(?:and[ \t]+)?)?"
    + _SPEAKER
    + r"[ \t]+seconded(?:[ \t]+the[ \t]+motion)?[ \t]*\.?(?:[ \t]+(?:the[ \t]+)?(?:motion[ \t]+|resolution[ \t]+)?"
    + _OUTCOME
    + r"[^:;]{0,60})?[ \t]*$"
)


def movers_in_sentence(sentence: str, *, introduces: bool) -> list[tuple[str, str]]:
    """The mover and the seconder minutes record in a sentence ("Senator Okonkwo (Chemistry) moved, on behalf of the
    Academic Affairs Committee, the following resolution; Senator Patel (History) seconded.", "… moved by Trustee Lee
    and seconded by Trustee Park"), as (role, member) pairs.  A member who "moved" is the mover only where the sentence
    ``introduces`` the resolution or names its seconder too."""
    if "moved" not in sentence and "seconded" not in sentence:
        return []
    seconder = _SECONDED_SENTENCE.search(sentence) or _SECONDED_BY.search(sentence)
    mover = _MOVED_SENTENCE.search(sentence) or _MOVED_BY.search(sentence)
    found = []
    if mover is not None and (introduces or seconder is not None):
        found.append(("mover", mover.group("name")))
    if seconder is not None:
        found.append(("seconder", seconder.group("name")))
    return found


def movers_line(text: str) -> list[tuple[str, str]]:
    """The mover and the seconder on a line of minutes that records only them ("Hon. Tunde Oyeleye (Akure South I)
    seconded."), or nothing."""
    if "seconded" not in text or _MOVERS_LINE.match(text) is None:
        return []
    return movers_in_sentence(text, introduces=True)


#: the members a co-op's or a club's resolution is submitted by, named after what they are: "member-owners Dana
#: Kowalski (#4471), Ibrahim Sesay (#10982), and 61 additional member-owners (petition on file …)"
_MEMBERS = lazy_compile(r"^(?:member-owners?|owner-members?|members?|shareholders?)[ \t]+(?=[A-Z])")
_MEMBER_NUMBER = lazy_compile(r"[ \t]*\((?:#|no\.?[ \t]*)?\d[\d-]*\)", re.I)
_MORE_MEMBERS = lazy_compile(r",?[ \t]*(?:and[ \t]+)?\d+[ \t]+(?:additional|other|more)\b.*$", re.I)


def members_named(value: str) -> list[str] | None:
    """The members named in a value that opens with what they are ("member-owners Dana Kowalski (#4471), Ibrahim Sesay
    (#10982), and 61 additional member-owners"): their names, without their member numbers and the others counted
    after them; None for any other value."""
    if not _MEMBERS.match(value):
        return None
    names = _MORE_MEMBERS.sub("", _MEMBER_NUMBER.sub("", _MEMBERS.sub("", value)))
    parts = [p.strip(" ,.;") for p in re.split(r",[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+", names)]
    return [p for p in parts if p] or None

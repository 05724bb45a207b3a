"""Lines that end a resolution's last clause without being its text and without a label of their own: the codes a
drafter or a clerk prints under it, and the French resolution a bilingual council prints after the English one.
``grouping`` ends the clause at them; they are read as nothing else."""

from __future__ import annotations

from whereas.patterns import lazy_compile

__all__ = ["CLERK_CODE", "FRENCH_HALF"]

# The codes a drafter or clerk prints under the last resolving clause, a line of their own: initials ("JEL",
# "LS/jm", "js 2/4/25"), a file or request number ("LS #19184", "Int. No. 12", "File #: Res 0482-2025"), a bare
# date ("2/4/2025", "February 4, 2025") — every NYC Council resolution ends "JEL / LS #19184 / 2/4/2025"
_DATE = (
    r"\d{1,2}/\d{1,2}/\d{2,4}"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}"
)
CLERK_CODE = lazy_compile(
    # (initials, never a word of the text: "AND" / "BE IT FURTHER RESOLVED" is the next clause's connector)
    r"^(?:(?!(?:AND|OR|NOR|BUT|THE|BE|IT|NOW|SO|THAT|THEN)\b)[A-Z]{2,4}(?:/[A-Za-z]{2,4})?(?:[ \t]+(?:" + _DATE + r"))?"
    r"|[a-z]{2,3}(?:/[a-z]{2,3})?[ \t]+(?:" + _DATE + r")"
    r"|LS[ \t]*#[ \t]*\d[\d/-]*"
    r"|Int\.?[ \t]*No\.[ \t]*\d{1,4}(?:-[A-Z])?(?:-\d{4})?"
    r"|File[ \t]*#[ \t]*:[ \t]*[A-Z][A-Za-z.]{0,4}[ \t]*\d[\d-]*"
    r"|" + _DATE + r")[ \t]*$"
)

# The French resolution a bilingual council prints after the English one (New Brunswick, Ottawa, Ontario's
# francophone municipalities): its first recital or resolving clause, in capitals or not
FRENCH_HALF = lazy_compile(
    r"^[*_\s]*(?:(?:ET|Et)\s+)?(?:ATTENDU|Attendu|CONSIDÉRANT|Considérant)\s+(?:QU|qu)"
    r"|^[*_\s]*(?:IL\s+EST|Il\s+est|QU['’]IL\s+SOIT|Qu['’]il\s+soit)\s+(?:(?:DE\s+PLUS|de\s+plus|EN\s+OUTRE|en\s+outre)\s+)?"
    r"(?:RÉSOLU|résolu)\b"
)

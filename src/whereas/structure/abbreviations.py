"""Words written with a period that ends no sentence and no field of a citation ("Dec. 3", "pp. 14–18",
"Ky. Rev. Stat.", "Acme Co.", "No. 5").

Shared by the lint rule W007 (a period inside the preamble) and the citation reader
(:mod:`whereas.structure.citation`), which splits a note's plain text into its fields at a sentence's end.
Case matters: "Art." is an abbreviation, "art." may end a sentence ("… funds public art."); the lower-case
words that stand abbreviated only in a citation's locator ("vol.", "no.", "ed.", "ch.") are the citation's only.
"""

from __future__ import annotations

from whereas.patterns import lazy_compile

#: titles of people, firms' and bodies' forms, Latin and clock abbreviations, the US Code's and the Congress's
#: document kinds, courts, reporters, months, and the parts of a document (volumes, pages, chapters, sections);
#: a Commonwealth statute's chapter, section and paragraph: "R.S.C. 1985, c. I-5", "S.O. 2001, c. 25, s. 8"
WORDS = (
    "Mr|Mrs|Ms|Dr|Jr|Sr|St|No|Nos|Inc|Ltd|Co|Corp|Gov|Sen|Rep|Hon|Rev|Gen|Col|Lt|Sgt|Prof|vs|v|etc|al|"
    "e\\.g|i\\.e|a\\.m|p\\.m|U\\.S|U\\.N|Con|Res|Rept|Doc|Stat|Amdt|Cong|Sess|Ct|Cir|Supp|Fed|Reg|Dept|Assn|"
    "Ave|Blvd|Mt|Ft|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Art|Sec|Ch|Vol|pp|p|cf|approx|est|Pub|L|"
    "c|cc|s|ss|para|paras|Sch|"
    # further parts of a citation: volume, number, edition, editor, translator, annotated code, administrative
    # rules, ordinances, districts, counties, townships, universities, associations, committees
    "Vols|Ed|Eds|Ann|Admin|Comp|Regs|Ord|Mun|Dist|Cnty|Twp|Univ|Assoc|Natl|Intl|Comm|Cmte|Educ|Bros|Mfg|Pt|Ibid|Id|"
    # US states as the Bluebook and the Government Printing Office abbreviate them ("Ky. Rev. Stat.", "Cal.")
    "Ala|Ariz|Ark|Cal|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|"
    "Nebr|Nev|Okla|Ore|Oreg|Pa|Penn|Tenn|Tex|Vt|Va|Wash|Wis|Wisc|Wyo"
)

#: lower-case words abbreviated in a citation's locator ("vol. 3", "no. 5", "2nd ed.", "ch. 4", "art. 2"), which
#: in a recital's prose may be a word that ends a sentence ("… funds public art."): a citation's only
CITATION_WORDS = "vol|vols|no|nos|ed|eds|trans|pt|ch|art|sec|ff|ibid|op|cit|n|nn"

#: the end of a note's text that is an abbreviation's period: a listed word, a single capital (an initial,
#: "J."), or letters each with its period ("U.S.", "N.Y.", "D.C.")
CITATION_ABBREVIATION_END = lazy_compile(rf"(?:\b(?:{WORDS}|{CITATION_WORDS}|[A-Z])|\b(?:[A-Z]\.){{2,}})\.$")


def ends_citation_abbreviation(text: str, period: int) -> bool:
    """Whether the period at ``text[period]`` of a note ends an abbreviation (the few characters before it read)."""
    return bool(CITATION_ABBREVIATION_END.search(text[max(0, period - 12) : period + 1]))

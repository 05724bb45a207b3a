"""Drafting profiles: data that selects rules and sets their options.

A profile is what a body's drafting guidelines say, as a small table of tokens. Sources for each
choice are in docs/profiles.md (from the ALA, Robert's Rules, GPO, AFL-CIO and city guides).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

NotePlacement = Literal["chicago", "ama", "before"]


@dataclass(frozen=True)
class Profile:
    """A drafting profile: what one body's guidelines say, as the rules read it."""

    name: str
    description: str
    whereas_keyword: str = "Whereas"  # how the keyword is written
    whereas_comma: bool = False  # "Whereas, the …" or "Whereas the …"
    next_word_case: Literal["lower", "upper", "any"] = "lower"
    #: accepted connectors at the end of the last recital; the first is the canonical one.
    connectors: tuple[str, ...] = ("; now, therefore, be it",)
    #: the connector may instead open the resolving paragraph ("NOW, THEREFORE, BE IT RESOLVED")
    connector_in_resolved: bool = False
    #: where "; and" goes: after the next-to-last recital, after every one but the last, either of these,
    #: or (an inferred profile) whatever the resolution does consistently, the odd ones out reported
    and_policy: Literal["penultimate", "every", "either", "consistent"] = "penultimate"
    #: how a recital ends (but the last): ";" (every guide); an inferred profile takes the resolution's own
    #: consistent ending ("," in a UN-style preamble, "." where each recital is a sentence)
    recital_end: str = ";"
    resolved_keyword: str = "Resolved"
    that_case: Literal["that", "That", "any"] = "that"
    #: where a note reference goes: after the punctuation (chicago), after periods and commas but before colons and
    #: semicolons (ama), or before any punctuation ("before": an inferred profile's, for a document that does so)
    note_placement: NotePlacement = "chicago"
    us_form: Literal["US", "U.S.", "any"] = "any"
    sponsor_block: Literal["mover-seconder", "sponsor", "submitted-by", "none"] = "none"
    max_recitals: int = 10
    #: numbered items may be whole sentences, each capitalised and ending with a period (R003 accepts them)
    sentence_items: bool = True
    #: white space at a line's start or end is a defect (ALA's sample, rule 3: "no leading or trailing
    #: white space"); elsewhere it is the editor's or the export's, invisible on the page
    line_edge_whitespace: bool = False
    #: rule codes (or prefixes) this profile leaves out; everything else is on.
    disabled: tuple[str, ...] = ()
    common_acronyms: tuple[str, ...] = field(default_factory=tuple)
    #: the choices the profile leaves open were set to what the document itself does most
    adapted: bool = False

    @property
    def voice(self) -> str:
        """Who wants the style a finding asks for: "the ala profile", or "the rest of this document"."""
        return "the rest of this document" if self.adapted else f"the {self.name} profile"


_COMMON = ("US", "U.S.", "USA", "UK", "UN", "EU", "NATO", "FBI", "CIA", "DC", "PDF", "URL", "ID", "TV", "AM", "PM")

PROFILES = MappingProxyType(
    {
        "ala": Profile(
            name="ala",
            description="American Library Association Council (the default)",
            sponsor_block="mover-seconder",
            max_recitals=7,
            line_edge_whitespace=True,
            sentence_items=False,  # each item continues the Resolved sentence (RS-06)
            common_acronyms=_COMMON + ("ALA",),
        ),
        "ronr": Profile(
            name="ronr",
            description="Robert's Rules of Order style (clubs, most state associations)",
            whereas_comma=True,
            next_word_case="upper",
            connectors=("; therefore, be it", "; now, therefore, be it", "; therefore,"),
            and_policy="either",
            that_case="That",
            common_acronyms=_COMMON,
        ),
        "congress": Profile(
            name="congress",
            description="US Congress, GPO style",
            connectors=(": Now, therefore, be it", ": Therefore be it", ": Now, therefore,", ": Therefore, be it"),
            # GPO's manual writes "Resolved, That", but enrolled House texts also print "Resolved, that"
            # (H.Res. 498, 116th): both are accepted.
            that_case="any",
            us_form="U.S.",
            max_recitals=100,
            # S001: an enrolled resolution's only title is its type ("Concurrent Resolution"); GPO prints no other
            disabled=("S001", "S002", "N", "C001", "C002", "C003", "C004", "C005", "T005", "S004"),
            common_acronyms=_COMMON,
        ),
        "labor": Profile(
            name="labor",
            description="Labor unions and councils (AFL-CIO practice)",
            whereas_keyword="WHEREAS",
            whereas_comma=True,
            connectors=(";",),
            connector_in_resolved=True,
            and_policy="every",
            resolved_keyword="RESOLVED",
            sponsor_block="submitted-by",
            max_recitals=20,
            common_acronyms=_COMMON + ("AFL-CIO", "CIO", "AFL", "NLRB", "OSHA"),
        ),
        "city": Profile(
            name="city",
            description="City and county councils",
            whereas_keyword="WHEREAS",
            whereas_comma=True,
            next_word_case="any",
            connectors=("; now, therefore,", "; now, therefore, be it", ";"),
            connector_in_resolved=True,
            and_policy="every",
            resolved_keyword="RESOLVED",
            that_case="any",
            sponsor_block="sponsor",
            max_recitals=30,
            common_acronyms=_COMMON,
        ),
    }
)

DEFAULT_PROFILE = "ala"

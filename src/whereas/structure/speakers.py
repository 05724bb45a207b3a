"""Who a clause says is speaking a quotation: a name before a verb of saying, writing, requiring or
defining ("Amnesty International has stated that “…”"), "according to X", or a parenthesis after it."""

from __future__ import annotations

import re

from whereas.patterns import lazy_compile

__all__ = ["SPEAKER_WINDOW", "quoted_term", "speaker_after", "speaker_before"]

_SPEECH_VERB = (
    r"(?:has\s+|have\s+|had\s+|also\s+|further\s+|rightly\s+|recently\s+|repeatedly\s+)*"
    r"(?:stated|states|state|noted|notes|note|said|says|say|declared|declares|written|writes|wrote|argued|argues|"
    r"warned|warns|warn|observed|observes|affirmed|affirms|affirm|asserted|asserts|explained|explains|concluded|concludes|"
    r"found|finds|recognized|recognizes|recognised|maintained|maintains|called|calls|described|describes|"
    r"proclaimed|proclaims|emphasized|emphasizes|stressed|stresses|reported|reports|announced|announces|"
    r"urged|urges|insisted|insists|added|adds|commented|comments|remarked|remarks|testified|held|holds|ruled|"
    r"provides|provided|provide|reads|read|called\s+for|requires|required|require|mandates|mandated|specifies|specified|"
    r"defines|defined|declare|recognize|recognise|"
    r"directs|directed|orders|ordered|prohibits|prohibited|bars|barred|stipulates|stipulated|commits|committed|"
    r"promises|promised|pledges|pledged|acknowledges|acknowledged|admits|admitted|apologized|apologised|"
    r"stating|saying|declaring|noting|providing|requiring|reading|warning|calling\s+for|expressed|expresses|"
    r"expressing|issued\s+(?:an?\s+)?(?:apology|statement|declaration|proclamation|warning))"
)
# A name: capitalised words, with small joining words and a parenthesised acronym allowed; a legal
# reference may open it in lower case ("section 21060.3 of the Public Resources Code"), go on after a comma
# with the next part of the citation ("the Education Law, Section 6206, 7(a)", "…, 14 California Code of
# Regulations") and name a part by a lower-case noun and its number ("the Underwriting Notes with respect to
# MTK-239 on page 2 of quote MTK017C0658"), not a part "of which" ("the Law, article 28 of which requires"); a document's lower-case noun may end it when the verb follows
# ("Article V of the United States constitution provides"); an office or a people of a named body or place
# is named in lower case ("the government of the Republika Srpska").
_CITATION_GOES_ON = (
    r",\s+(?![^,;\"“]{0,40}\bof\s+which\b)(?=(?:(?:[Ss]ection|[Ss]ubdivision|[Aa]rticle|[Tt]itle|[Cc]hapter|[Pp]art|[Pp]aragraph)\s+§?\d|§\s*\d"
    r"|\d[\d.]*\([a-z0-9]{1,4}\)|\d+\s+[A-Z]))"
)
_NAME_WORDS = (
    r"(?:(?:government|people|president|governor|mayor|minister|secretary|parliament|legislature)\s+of\s+(?:the\s+)?"
    r"(?=[A-Z]))?"
    r"(?:[A-Z][\w.&'’/-]*|[A-Z]{2,}|(?:sub)?(?:section|subdivision|article|paragraph)\s+§?\d[\w.:§()-]*)"
    rf"(?:(?:\s+|{_CITATION_GOES_ON})"
    r"(?:of|for|the|and|on|to|de|du|la|with\s+respect\s+to|[A-Z][\w.&'’/-]*|\([A-Z][A-Za-z.&/-]+\)|\([a-z0-9]{1,4}\)"
    r"|§?\d[\w.:§()-]*|(?:sub)?(?:section|division|paragraph|article|clause)s?"
    r"|(?:page|quote|rule|line|item|chapter|title|part|schedule|version)(?=\s+[A-Z]{0,6}\d))){0,20}"
)
_DOCUMENT_NOUN = r"(?:constitution|charter|code|bylaws|statutes?|law|act|rules|regulations|ordinance|policy|guidelines)"
#: the name ending in a document's lower-case noun right before the verb ("the United States constitution provides")
_NAME_DOCUMENT = rf"(?:\s+{_DOCUMENT_NOUN}(?=,?\s+{_SPEECH_VERB}\b))?"
_NAME = _NAME_WORDS + _NAME_DOCUMENT
# What may stand between a name and its verb: a parenthesis ("(Public Law 115–135)"), an apposition
# with "who" or "which" ("Dr. Robitzek, who oversaw the trials said"), "article 28 of which".
_BETWEEN_APPOSITION = (
    r"(?:\s*\([^()\"“]{1,80}\))?"
    r"(?:,?\s+(?:(?:article|section|paragraph)\s+\d+\s+of\s+)?(?:which|who)\b[^\"“;]{0,120}?(?:,?\s+and\s+(?:which|who))?)?"
    # an apposition with an article, a place in it ("Parker, a formerly enslaved iron founder in Ripley, Ohio, wrote")
    r"(?:,\s+(?:a|an|the)\s+[^\"“;,]{1,100}(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?(?=,))?"
)
# a relative "that" right before the verb ("a Worldwide Threat Assessment that describes"), not a verb that
# is also a plural noun ("told Congress that states require")
_BETWEEN_THAT = (
    rf"(?:\s+that(?=\s+(?!(?:states|notes|calls|reports|reads|remarks|comments|orders|bars|holds|rules|commits|"
    rf"promises|pledges|finds)\b){_SPEECH_VERB}\b))?"
)
_BETWEEN = _BETWEEN_APPOSITION + _BETWEEN_THAT
# Words between a name and its verb ("has repeatedly stated"): not a conjunction or an article, after which
# the verb is another subject's or "said" is the drafting adjective ("Hong Kong, and said national security law").
_FILLER = r"(?!(?:and|or|but|nor|the|a|an|of|to|in|that|this|these)\s)[a-z]+"
_ACCORDING_TO = r"(?:[Aa]ccording\s+to|[Ii]n\s+the\s+words\s+of|the\s+words\s+of|as\s+(?:stated|set\s+forth|provided|described|noted)\s+in)\s+"


def _speaker_before_pattern(*, according: bool = True, document: bool = True, that: bool = True) -> str:
    """The pattern of a speaker before a quotation: "according to X" (``acc``), or a name (``sp``), what stands
    between it and its verb (``between``), the verb (``verb``) and a far that-clause (``far``). Each flag set to
    False leaves out one part: the "according to" branch (its group kept, never matching), the name's document
    noun (``_NAME_DOCUMENT``), the relative "that" before the verb (``_BETWEEN_THAT``)."""
    name = _NAME_WORDS + (_NAME_DOCUMENT if document else "")
    between = _BETWEEN_APPOSITION + (_BETWEEN_THAT if that else "")
    acc = rf"{_ACCORDING_TO}(?:the\s+)?(?P<acc>{name})[^\"“]{{0,40}}$" if according else r"(?!)(?P<acc>)"
    return (
        rf"(?:{acc})"
        rf"|(?:(?:the\s+)?(?P<sp>{name})(?P<between>{between}),?\s+(?:{_FILLER}\s+){{0,3}}?(?P<verb>{_SPEECH_VERB})\b"
        # at most 80 characters after the verb, or a that-clause of reported speech ("expressed concern that …")
        rf"(?:[^\"“]{{0,80}}|(?P<far>(?:\s+[a-z]+){{0,2}}\s+that\s[^\"“;.]{{0,220}}))$)"
    )


# Fast path (compiling _SPEAKER_BEFORE, ≈ 6,700 characters, took ≈ 20 ms of a one-file check): the same pattern
# without the parts that cannot match in a given text (_speaker_pattern), each compiled when first used; keyed by
# the parts kept (according, document, that). Two thirds of the pattern are those three parts and their verb
# look-aheads; a plain resolution needs none of them (2,200 characters: ≈ 2.6 times quicker to compile).
_SPEAKER_BEFORE_VARIANTS = {
    (according, document, that): lazy_compile(
        _speaker_before_pattern(according=according, document=document, that=that)
    )
    for according in (False, True)
    for document in (False, True)
    for that in (False, True)
}
_SPEAKER_BEFORE = _SPEAKER_BEFORE_VARIANTS[True, True, True]  # the whole pattern
# In a far that-clause: another speaker's words ("found that the company's claim that …"): not read.
_FAR_OTHER = lazy_compile(r"\b(?:that|claim\w*|argu\w*|alleg\w*|contend\w*|insist\w*|assert\w*)\b")
# "X directed his forces to “…”", "urged Congress to “…”": an order's or a plea's words, not recorded
_ORDER_TO = lazy_compile(
    r"(?:directed|directs|ordered|orders|urged|urges|instructed|instructs|called\s+on|asked)"
    r"\s+(?:[\w’'-]+\s+){1,4}to\s*$"
)
# The subject of a clause whose second verb, after "and", is one of saying ("Ratko Mladic strolled through
# the town and, in a statement recorded on film, said"): a name right before a past tense.
_AND_SAID_END = (
    r"\s+and(?:,[^\"“;,]{1,100},)?\s+(?:also\s+)?(?:said|stated|declared|wrote|added|announced|warned)\b[,:]?\s*$"
)
_AND_SAID = lazy_compile(
    rf"(?P<sp>{_NAME})\s+(?!(?:United|Limited|Incorporated)\b)[a-z]+ed\b[^\"“;.]{{0,150}}?{_AND_SAID_END}"
)
# Fast path: _AND_SAID (≈ 2,000 characters, ≈ 6 ms to compile) is searched only where its end is found.
_AND_SAID_ENDING = lazy_compile(_AND_SAID_END)
# The subject of a clause whose participle of saying comes after its verb and object ("a federal district
# court in California vacated the conviction, finding “…”"): a noun phrase with an article and a name in it.
_PARTICIPLES = ("finding", "stating", "holding", "ruling", "concluding", "noting", "declaring", "saying", "writing", "warning", "adding")  # fmt: skip
_SUBJECT_FINDING = lazy_compile(
    r"(?:^|[,;]\s+)(?P<sp>(?:a|an|the)\s+[^,;\"“]{3,80}?)\s+[a-z]+ed\b[^;\"“]{0,120},\s+"
    rf"(?:{'|'.join(_PARTICIPLES)})\s+[^\"“;,]{{0,40}}$"
)
# The subject of a clause, a document named in lower case, with its "which" clause ("That the first section of
# the joint resolution for …, which reads as follows:"): the noun phrase names a document's part.
_DOCUMENT_WHICH = lazy_compile(
    r"(?:^|\b(?:That|that|Whereas|WHEREAS),?\s+|;\s+)the\s+(?P<sp>(?:[a-z]+\s+){0,2}"
    r"(?:section|article|clause|paragraph|resolution|act|law|bill|constitution|statute|code|charter|amendment|"
    r"declaration|treaty)\s+(?:of|for)\s[^,;\"“]{3,200}?),\s+which\s+(?:reads|states|provides|says|declares)\b"
    r"[^\"“]{0,40}$"
)
_PAREN_AFTER = lazy_compile(r"\s*[,;]?\s*\(([^()]{2,200})\)")  # (matched where the quotation ends)
_LEADING_ACRONYM = lazy_compile(r"^([A-Z]{2,}[A-Za-z/&]*)\b")
_SMALL_LEAD = lazy_compile(r"^(?:the|as|that|and|while|with|where|when|since|because|which)\s+", re.I)


def _tidy(name: str, known: dict[str, str]) -> str:
    name = re.sub(r"\s*\([A-Z][A-Za-z.&/-]+\)$", "", name.strip())
    name = _SMALL_LEAD.sub("", name).strip(" ,")
    return known.get(name, name)


# The verbs of _SPEECH_VERB without the auxiliaries before them, and the longest of them but "called for".
_VERBS = _SPEECH_VERB[_SPEECH_VERB.index("(?:stated") :]
_VERB = lazy_compile(_VERBS)
_VERB_LONGEST = max(len(v) for v in _VERBS[3:-1].split("|") if "\\" not in v)
# The first word of each verb ("called" of "called for", "issued" of "issued a statement"; the split also takes the
# nouns after "issued", which only lets more through), and the auxiliaries _SPEECH_VERB allows before a verb.
_VERB_FIRST_WORDS = frozenset(v.split("\\")[0].strip("()?:") for v in _VERBS[3:-1].split("|"))  # (no re: at import)
_AUXILIARIES = _SPEECH_VERB[: _SPEECH_VERB.index("(?:stated")]

# What a text must hold for a part of _SPEAKER_BEFORE to match in it, each tested by a short pattern and a look-up
# in _VERB_FIRST_WORDS (a verb of _SPEECH_VERB followed by "\b" after white space is the first word of one of them
# after white space, and after its auxiliaries: none of them is such a first word):
# a verb's first word after white space (the "sp" branch: the verb follows "\s+");
_WORD_AFTER_SPACE = lazy_compile(r"\s(\w+)")
# "according to …" (the "acc" branch);
_ACCORDING_TO_SEEN = lazy_compile(_ACCORDING_TO)
# a document's noun, then a verb's first word (_NAME_DOCUMENT);
_DOCUMENT_THEN_WORD = lazy_compile(rf"\s{_DOCUMENT_NOUN}(?=,?\s+{_AUXILIARIES}(\w+))")
# "that", then a verb's first word (_BETWEEN_THAT).
_THAT_THEN_WORD = lazy_compile(rf"\sthat(?=\s+{_AUXILIARIES}(\w+))")


def _verb_follows(pattern: re.Pattern[str], text: str) -> bool:
    """Whether a match of ``pattern`` in ``text`` captures a verb's first word (see _VERB_FIRST_WORDS)."""
    return any(word in _VERB_FIRST_WORDS for word in pattern.findall(text))


def _speaker_pattern(tail: str) -> re.Pattern[str] | None:
    """_SPEAKER_BEFORE without the parts that match nowhere in ``tail`` (the same matches, at every start, as
    _SPEAKER_BEFORE's: tests/test_fast_paths.py), or None when no part of it can match (no verb, no "according to")."""
    according = _ACCORDING_TO_SEEN.search(tail) is not None
    if not according and not _verb_follows(_WORD_AFTER_SPACE, tail):
        return None
    document = _verb_follows(_DOCUMENT_THEN_WORD, tail)
    that = _verb_follows(_THAT_THEN_WORD, tail)
    return _SPEAKER_BEFORE_VARIANTS[according, document, that]


_PRONOUN_SAYS = lazy_compile(
    r"\b(?:he|she|they|it|we)\s+(?:has\s+|had\s+|also\s+)?(?:said|says|stated|states|declared|wrote|added)\b"
)
_AMENDED_TO_READ = lazy_compile(r"\bto\s+(?:read|state|provide)\b[^\"“]{0,40}$", re.I)


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her"})


#: how much of the text before a quotation speaker_before reads
SPEAKER_WINDOW = 300


# the word that opens an intergovernmental body's preambular paragraph, before the name it recalls
_PREAMBULAR_WORD = lazy_compile(
    r"^(?:(?:Further|Also|Deeply|Gravely|Seriously)\s+)?(?:Recalling|Reaffirming|Reiterating|Noting|Recogni[sz]ing|"
    r"Acknowledging|Welcoming|Emphasi[sz]ing|Stressing|Underlining|Affirming|Considering|Expressing|Concerned|"
    r"Alarmed|Mindful\s+of|Aware\s+of|Bearing\s+in\s+mind|Taking\s+note\s+of|Guided\s+by)\s+(?:also\s+)?(?:that\s+)?"
)


def speaker_before(prefix: str, known: dict[str, str]) -> str | None:
    """The speaker named just before a quotation ("Amnesty International has stated that"), read from the
    last ``SPEAKER_WINDOW`` characters of ``prefix``."""
    tail = prefix[-SPEAKER_WINDOW:]
    if _AMENDED_TO_READ.search(tail):
        return None  # "… is amended to read as follows:": the new text, nobody's words
    name = _named(tail)
    if name is None:
        return None
    document = False
    if name == "":
        # a subject far from the quotation: named (a capitalised word in it), or a document's part in lower case
        name = _subject_far_off(tail)
        if not any(w[:1].isupper() for w in name.split() if w.lower() not in _DETERMINERS | {"whereas", "that"}):
            m = _DOCUMENT_WHICH.search(tail) if "which" in tail else None  # (fast path: no "which", no match)
            name, document = (m.group("sp"), True) if m else ("", False)
        if not name:
            return None
    # The match may begin at a sentence's first word ("Whereas", "With regard to…").
    name = re.sub(r"^(?:Whereas|WHEREAS|Resolved|RESOLVED|That|Further|And|As)\b[,]?\s*", "", name)
    name = _PREAMBULAR_WORD.sub("", name)  # "Reaffirming Sustainable Development Goal 4, which calls …"
    name = _tidy(name, known)
    name = re.sub(r"^(?:a|an|the)\s+", "", name)
    significant = [w for w in name.split() if w.lower() not in _DETERMINERS]
    if not any(w[0].isupper() or w[0].isdigit() for w in significant) and not document:
        return None  # what was left is no name ("the", "The stated shared vision")
    if re.search(r"['’]s?$", name):
        return None  # a possessive ("Wilson's statement said")
    return name or None


def _subject_far_off(tail: str) -> str:
    """The subject of _AND_SAID or _SUBJECT_FINDING, or "". Fast path: each is searched only where what it ends
    with is (its end, or one of its participles): compiling _AND_SAID alone took ≈ 6 ms."""
    if _AND_SAID_ENDING.search(tail) and (m := _AND_SAID.search(tail)):
        return m.group("sp")
    if any(word in tail for word in _PARTICIPLES) and (m := _SUBJECT_FINDING.search(tail)):
        return m.group("sp")
    return ""


def _named(tail: str) -> str | None:
    """The name before a verb of saying (or after "according to") nearest the quotation; "" when there is
    none, None when there is one but whose words they are is not read (a pronoun, an order's words)."""
    pattern = _speaker_pattern(tail)  # (first: it compiles no long pattern)
    # _SPEAKER_BEFORE needs "according to", or a verb followed by at most 80 characters (or a that-clause): a
    # verb starting in the last 80 + _VERB_LONGEST characters ("called for" may start earlier: then the full search).
    if pattern is None or (
        "according" not in tail
        and "words of" not in tail
        and " in " not in tail
        and "called" not in tail
        and " that " not in tail
        and not _VERB.search(tail, max(0, len(tail) - 80 - _VERB_LONGEST))
    ):
        return ""
    m = pattern.search(tail)
    if not m:
        return ""
    if _PRONOUN_SAYS.search(tail, m.end("acc") if m.group("acc") else m.end("sp")):
        return None  # "X urged …; he said, '…'": whose words a pronoun points to is not read
    # the nearest speaker: "Grant said, '…,' and Garfield said, '" is Garfield's
    while (later := pattern.search(tail, m.start() + 1)) is not None and later.start() < len(tail):
        if (later.group("acc") or later.group("sp")) == (m.group("acc") or m.group("sp"))[
            -len(later.group("acc") or later.group("sp")) :
        ]:
            break  # the same name, shortened from the left: not a nearer speaker
        if m.group("sp") and m.group("between") and later.start() < m.end("between"):
            break  # a name inside the speaker's apposition ("…, an iron founder in Ripley, Ohio, wrote"): not the speaker
        m = later
    if m.group("sp"):
        far = m.group("far")
        if far and len(far) > 80 and (_VERB.search(far) or _FAR_OTHER.search(far, far.index("that") + 4)):
            return None
        # (an order ends in "to": the pattern is asked, and compiled, only then)
        if tail.rstrip().endswith("to") and _ORDER_TO.match(tail, m.start("verb")):
            return None
    return m.group("acc") or m.group("sp")


def quoted_term(body: str, start: int, end: int) -> bool:
    """Whether the quotation ``body[start:end]`` (its marks around it) is a term set in quotation marks inside the
    sentence ("support state legislation prohibiting “step therapy” protocols"): one to three words, a word of the
    sentence on either side of it, and no verb of saying before it in its sentence (but a word that is also a noun
    or an adjective, "state legislation", "the notes"). Such a term is nobody's quotation: it has no speaker."""
    words = body[start:end].split()
    if not 1 <= len(words) <= 3 or re.search(r"[.!?,;:]$", body[start:end].rstrip()):
        return False
    prefix = body[: max(start - 1, 0)]
    before = re.search(r"([A-Za-z][\w'’-]*)[ \t]*$", prefix)
    if before is None or not re.match(r"[ \t]+[a-z]", body[end + 1 :]):
        return False  # a colon or a comma before it ("X said:"), or its sentence ending with it
    if before.group(1).lower() in _INTRODUCERS:
        return False  # "called it “a disgrace”", "described the policy as “unlawful”"
    sentence = prefix[max((m.end() for m in _SENTENCE_END.finditer(prefix)), default=0) :]
    return not any(m.group(0).split()[-1].lower() not in _NOUN_TOO for m in _SPEECH_WORD.finditer(sentence.lower()))


#: the end of a sentence or of a clause's part before a quotation
_SENTENCE_END = lazy_compile(r"[.;:!?][\"”’)]*\s+")
_SPEECH_WORD = lazy_compile(rf"\b{_SPEECH_VERB}\b")
#: the verbs of saying that are also nouns or adjectives ("state legislation", "the notes", "court rules")
_NOUN_TOO = frozenset(
    "state states note notes say read reads call calls report reports remarks comments order orders bars holds rule "
    "rules commits promises pledges finds found held".split()
)
#: the words right before a short quotation that make it someone's words ("called it “a disgrace”")
_INTRODUCERS = frozenset(
    "that as it them this him her us called termed dubbed named words phrase term motto slogan".split()
    + list(_PARTICIPLES)
)


def speaker_after(suffix: str, known: dict[str, str], *, start: int = 0) -> str | None:
    """The speaker named in a parenthetical right after a quotation: ``"…" (ALA Universal Right…)``, read
    from ``suffix[start:]`` (without slicing a long clause at each quotation)."""
    m = _PAREN_AFTER.match(suffix, start)
    if not m:
        return None
    inner = m.group(1).strip()
    acro = _LEADING_ACRONYM.match(inner)
    if acro and acro.group(1) in known:
        return known[acro.group(1)]
    if acro:
        return acro.group(1)
    # (fast path: the name without its document noun, unless a verb follows one)
    lead = re.match(_NAME if _verb_follows(_DOCUMENT_THEN_WORD, inner) else _NAME_WORDS, inner)
    return _tidy(lead.group(0), known) if lead else None

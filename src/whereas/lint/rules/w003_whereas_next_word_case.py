import re

from whereas.lint.diagnostic import Fix
from whereas.lint.rule import Context, FixAvailability, Rule, replace_fix
from whereas.lint.rules._keywords import recital_head, set_in_capitals, source_span
from whereas.patterns import lazy_compile

_PROPER = {
    "congress",
    "i",
    "american",
    "united",
    "national",
    "federal",
    "state",
    "senate",
    "house",
    "god",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}


_FUNCTION = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "as",
    "our",
    "we",
    "there",
    "their",
    "many",
    "all",
    "every",
    "each",
    "some",
    "no",
    "not",
    "since",
    "while",
    "although",
}


#: common words a recital opens with that are never a name, though a short resolution may write them in
#: lowercase nowhere else ("Whereas Members’ dues …", "Whereas Today …")
_COMMON = frozenset(
    "members member today people citizens residents workers employees students teachers children families women "
    "men communities libraries library research studies data recent recently currently historically over during "
    "after before despite because such more most both other new public local our your his her they he she one "
    "two three several numerous whereas said same current former".split()
)

#: what follows the first word of a name of several capitalised words ("Women| of Aviation Worldwide Week"):
#: "of", "for" or "the", then two capitalised words or more ("Members of Congress" is a common word's phrase,
#: "Iran and Russia" two names)
_NAME_GOES_ON = lazy_compile(r"\s+(?:(?:of|for|the)\s+)+[A-Z][a-z]+\s+(?:(?:of|for|and|the)\s+)*[A-Z]")
_HEAD = lazy_compile(r"^\W*whereas\W*\S+", re.I)
_NOT_WORD = lazy_compile(r"[^\w'’-]")
_POSSESSIVE = lazy_compile(r"['’]s?$")


def _is_proper(word: str, text: str) -> bool:
    word = _NOT_WORD.sub("", word)
    bare = _POSSESSIVE.sub("", word)  # "DSA’s" is about DSA
    if not bare:
        return True
    if bare.lower() in _FUNCTION or bare.lower() in _COMMON:
        return False
    if word.endswith(("'s", "’s")) and bare[:1].isupper():
        return True  # a capitalised possessive is a name's: "Whereas Exxon’s own research"
    if bare.isupper() and len(bare) > 1 or any(ch.isdigit() for ch in bare) or bare.lower() in _PROPER:
        return True
    if any(ch.isupper() for ch in bare[1:]):
        return True  # a capital inside the word: a name ("HuffPost", "McDonald")
    if _capitalised_mid_sentence(bare, text):
        return True  # capitalised elsewhere in mid-sentence: a name
    # never written in lowercase in the clauses: as likely a name ("Whereas Iran and Russia …") as not, and a
    # rule unsure of a word says nothing about it
    return not re.search(rf"\b{re.escape(bare.lower())}\b", text)


def _capitalised_mid_sentence(word: str, text: str) -> bool:
    """Whether ``word`` stands in ``text`` after a lowercase letter or a comma and a space (hence not at the
    start, not after a sentence's end), ending there."""
    # the word first and the look-behind after it lets the regex engine scan for the word itself
    # (tests/test_fast_paths.py holds it to a plain scan)
    escaped = re.escape(word)
    return bool(re.search(rf"{escaped}(?<=[a-z,]\s{escaped})\b", text))


class WhereasNextWordCase(Rule):
    code = "W003"
    name = "whereas-next-word-case"
    fix_forms = ("whereas",)
    summary = "The word after Whereas is capitalised against the profile (proper nouns excepted)."
    why = (
        "ALA's sample rule 4 and GPO: the word after Whereas is lowercase unless it is normally capitalised; "
        'Robert\'s Rules capitalises it ("Whereas, There …") (WH-04).'
    )
    bad = "Resolution on X\n\nWhereas The library serves everyone; now, therefore, be it\n\nResolved, that ALA supports libraries.\n"
    good = "Resolution on X\n\nWhereas the library serves everyone; now, therefore, be it\n\nResolved, that ALA supports libraries.\n"
    known_problems = (
        "Whether the word is a proper noun is guessed (all capitals, a capital inside it, a possessive, a "
        "digit, the word written with a capital elsewhere in the middle of a sentence, the first word of a "
        'name of several capitalised words: "Women of Aviation Worldwide Week"); a capitalised word the '
        'clauses never write in lowercase is left alone unless it is a common word ("The", "Members"), so a '
        'name the text also writes in lowercase as a common word ("Whereas Bush …" in a text about a bush) is reported. That is why lowercasing is an unsafe fix.'
    )
    fix = FixAvailability.always("safe", "unsafe")
    fix_note = (
        'Change the case of the word\'s first letter (of the whole word when it is in capitals: "THE" → "the"): '
        "lowercasing is an unsafe fix (the word may be a proper noun), capitalising a safe one. A recital or "
        "resolution set in capitals is left alone."
    )

    def check(self, ctx: Context):
        want = ctx.profile.next_word_case
        if want == "any":
            return
        bodies: list[str] = []

        def body() -> str:  # the clauses without their first words, built only when a word needs it
            if not bodies:
                bodies.append(" ".join(_HEAD.sub("", c.text) for c in ctx.resolution.clauses))
            return bodies[0]

        for c in ctx.resolution.preamble:
            m = recital_head(c)
            if not m or not m.group("next"):
                continue
            word = m.group("next")
            first = word[0]
            if not first.isalpha():
                continue  # a quotation or bracket: "[t]he" is the quotation's business
            if set_in_capitals(ctx.resolution, c):
                continue  # "WHEREAS, THE CITY HAS …": set in capitals, the case of the word says nothing
            span = source_span(c, m, "next")
            following = c.text[m.end("next") :].split(maxsplit=1)
            name_phrase = bool(following) and (following[0][:1].isupper() or following[0][:1].isdigit())
            name_phrase = name_phrase or bool(_NAME_GOES_ON.match(c.text, m.end("next")))
            if want == "lower" and name_phrase and word.lower() not in _FUNCTION:
                # "Yugoslav President Slobodan Milosevic", "Chapter I of …", "Women of Aviation Worldwide Week": a name
                continue
            if want == "lower" and first.isupper() and not _is_proper(word, body()):
                yield self.diagnostic(
                    ctx,
                    span,
                    f'"{word}" after Whereas is lowercase in this profile (unless a proper noun)',
                    _lowercase(word, span.start),
                    c,
                )
            elif want == "upper" and first.islower():
                yield self.diagnostic(
                    ctx,
                    span,
                    f'"{word}" after Whereas is capitalised in this profile',
                    replace_fix("Capitalise it", span.start, span.start + 1, first.upper()),
                    c,
                )


def _lowercase(word: str, start: int) -> Fix:
    """The word in lowercase: its first letter, or the whole word when it is in capitals ("THE" → "the", never
    "tHE")."""
    if word.isupper():
        return replace_fix("Lowercase it", start, start + len(word), word.lower(), safe=False)
    return replace_fix("Lowercase it", start, start + 1, word[0].lower(), safe=False)


RULE = WhereasNextWordCase()

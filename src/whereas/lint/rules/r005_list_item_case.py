from whereas.lint.diagnostic import Severity
from whereas.lint.rule import Context, FixAvailability, Rule, replace_fix
from whereas.patterns import lazy_compile
from whereas.structure.keywords import BULLETS
from whereas.structure.rosters import is_roster

#: words that open a sentence with its own subject, not a verb that continues the Resolved sentence: a city's
#: numbered sections after "… RESOLVES AS FOLLOWS:" ("1. The agreement is approved.", "3. This resolution takes
#: effect immediately.")
_SUBJECT_WORDS = frozenset("the this that these those each every all a an any such its our their it we they no".split())
#: words that open a phrase put before a sentence's subject, and are never a verb continuing the Resolved
#: sentence: "During the emergency, the powers … shall be …", "Between April 15 and October 15, no dog shall …"
_FRONTED = frozenset(
    "during between after before upon within until unless if when whenever while notwithstanding "
    "beginning effective pursuant".split()
)
#: pronouns that are a sentence's subject: "Whoever violates this order shall be fined …"
_PRONOUN_SUBJECTS = frozenset("whoever anyone everyone nobody nothing".split())
#: a finite verb, as an auxiliary or a form of "be"/"have": what makes a sentence of the words around it
_FINITE = lazy_compile(r"\b(?:shall|will|may|must|should|can|is|are|was|were|has|have)\b")
#: a fronted phrase's comma, then the sentence's subject: a determiner or a capitalised word
_SUBJECT_AFTER_COMMA = lazy_compile(rf",\s+(?:(?:{'|'.join(sorted(_SUBJECT_WORDS))})\b|[A-Z])")


class ListItemCase(Rule):
    code = "R005"
    name = "list-item-case"
    severity = Severity.warning
    profiles = ("ala",)
    summary = 'A numbered action item does not begin with a lowercase verb ("1. urges …").'
    why = 'ALA\'s Resolutions Committee changes "1. Opposes" to "1. opposes": each item continues the Resolved sentence (RS-06).'
    bad = (
        "Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved, that ALA:\n\n1. Urges A; and\n\n2. urges B.\n"
    )
    good = (
        "Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved, that ALA:\n\n1. urges A; and\n\n2. urges B.\n"
    )
    fix = FixAvailability.always("unsafe")
    fix_note = (
        "Unsafe fix (the word may be a name): lowercase its first letter. An item that opens with its own "
        'subject ("1. The City Manager is authorized …", "2. This resolution takes effect …") is a sentence, '
        'not a verb continuing the Resolved sentence: not reported; nor are the entries of a roster (names: "1. Jane Roe, Chair"); nor is one that is a whole sentence ending with '
        'a period after a phrase put before its subject ("2. During the emergency, the powers … shall be …"), '
        'with a pronoun for its subject ("3. Whoever violates … shall be fined …") or with a noun of one or two '
        'words and its verb ("1. City shall mean the City of Davis.", "2. Executive Director is authorized …").'
    )

    def check(self, ctx: Context):
        for c in ctx.resolution.resolved:
            if len(c.items) < 2 or c.items[0].label in BULLETS or is_roster(c.items):
                continue  # (a roster's entries are names: "1. Jane Roe, Chair" begins with no verb)
            for item in c.items:
                word = item.text.split(" ", 1)[0]
                if not word[:1].isupper() or word.isupper() or not word.isalpha():
                    continue
                if word.lower() in _SUBJECT_WORDS:
                    continue  # a sentence with its own subject ("1. The City Manager is authorized …"): no verb
                if _fronted_sentence(word.lower(), item.text) or _noun_subject_sentence(item.text):
                    continue  # "2. During the emergency, the powers … shall be …": a whole sentence, no verb
                at = item.span.start + ctx.text[item.span.start : item.span.end].find(word)
                yield self.diagnostic(
                    ctx,
                    type(item.span)(at, at + len(word)),
                    f'Item {item.label} begins with "{word}"; items begin with a lowercase verb',
                    replace_fix("Lowercase it", at, at + 1, word[0].lower(), safe=False),
                    c,
                )


def _fronted_sentence(first: str, text: str) -> bool:
    """Whether an item is a whole sentence that opens with a phrase put before its subject ("During the
    emergency, the powers … shall be …") or with a pronoun for its subject ("Whoever violates … shall be …"):
    it ends with a period and has a finite verb after the subject."""
    body = text.strip().rstrip("”\"')")
    if not body.endswith("."):
        return False
    if first in _PRONOUN_SUBJECTS:
        return bool(_FINITE.search(body))
    if first not in _FRONTED:
        return False
    m = _SUBJECT_AFTER_COMMA.search(body)
    return m is not None and bool(_FINITE.search(body, m.end()))


#: a noun of one or two words for the subject, then its finite verb: "City shall mean …", "Executive Director is
#: authorized …", "Staff will report …"
_NOUN_SUBJECT = lazy_compile(r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?[ \t]+(?:shall|will|must|may|is|are|means)\b")


def _noun_subject_sentence(text: str) -> bool:
    """Whether an item is a whole sentence with a plain noun for its subject, ending with a period: a definition
    ("City shall mean the City of Davis.") or a section's rule ("Staff will report quarterly."), no verb that
    continues the Resolved sentence."""
    body = text.strip().rstrip("”\"')")
    return body.endswith(".") and _NOUN_SUBJECT.match(body) is not None


RULE = ListItemCase()

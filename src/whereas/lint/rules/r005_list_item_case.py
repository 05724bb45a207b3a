from whereas.lint.diagnostic import Severity
from whereas.lint.rule import Context, FixAvailability, Rule, replace_fix
from whereas.structure.keywords import BULLETS

#: words that open a sentence with its own subject, not a verb that continues the Resolved sentence: a city's
#: numbered sections after "… RESOLVES AS FOLLOWS:" ("1. The agreement is approved.", "3. This resolution takes
#: effect immediately.")
_SUBJECT_WORDS = frozenset("the this that these those each every all a an any such its our their it we they no".split())


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
        "not a verb continuing the Resolved sentence: not reported."
    )

    def check(self, ctx: Context):
        for c in ctx.resolution.resolved:
            if len(c.items) < 2 or c.items[0].label in BULLETS:
                continue
            for item in c.items:
                word = item.text.split(" ", 1)[0]
                if not word[:1].isupper() or word.isupper() or not word.isalpha():
                    continue
                if word.lower() in _SUBJECT_WORDS:
                    continue  # a sentence with its own subject ("1. The City Manager is authorized …"): no verb
                at = item.span.start + ctx.text[item.span.start : item.span.end].find(word)
                yield self.diagnostic(
                    ctx,
                    type(item.span)(at, at + len(word)),
                    f'Item {item.label} begins with "{word}"; items begin with a lowercase verb',
                    replace_fix("Lowercase it", at, at + 1, word[0].lower(), safe=False),
                    c,
                )


RULE = ListItemCase()

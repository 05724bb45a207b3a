import re

from whereas.lint.rule import Context, Rule, replace_fix
from whereas.lint.rules._keywords import ends_with_and


class ResolvedListPunctuation(Rule):
    code = "R003"
    name = "resolved-list-punctuation"
    summary = "Numbered action items not punctuated \"…;\", \"…; and\", \"….\"."
    why = (
        "List items are separated by \";\", \"; and\" follows the next-to-last item and a period ends the last "
        "(ALA, GPO; RS-07). Where the profile allows it (`sentence_items`: every profile but ala), a list whose "
        "items are all whole sentences, each capitalised and ending with a period, is accepted as it is "
        "(Chicago 6.130; council resolutions number their sections so)."
    )
    bad = "Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved, that ALA:\n\n1. urges A.\n\n2. urges B.\n\n3. urges C\n"
    good = "Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved, that ALA:\n\n1. urges A;\n\n2. urges B; and\n\n3. urges C.\n"
    fix_note = "Safe fix: replace or add the item's closing punctuation."

    def check(self, ctx: Context):
        resolved = ctx.resolution.resolved
        for ci, c in enumerate(resolved):
            items = c.items
            if len(items) < 2:
                continue
            if ctx.profile.sentence_items and all(_sentence(item.text) for item in items):
                continue  # "1. The Commission shall …. 2. All actions …." : a list of sentences
            last_clause = ci == len(resolved) - 1
            for i, item in enumerate(items):
                text = item.text.rstrip()
                if i == len(items) - 1:
                    want = "." if last_clause else ";"
                    ok = text.endswith((".", ".”", '."')) if last_clause else text.endswith(";") or text.endswith("; and")
                    if not last_clause and _AND_FURTHER.search(text):
                        ok = True
                elif i == len(items) - 2:
                    want, ok = "; and", ends_with_and(text)
                else:
                    want, ok = ";", text.endswith(";")
                if ok:
                    continue
                end = item.span.end
                body = _TERMINAL.sub("", text)
                cut = end - (len(text) - len(body))
                yield self.diagnostic(ctx, type(item.span)(max(cut - 1, item.span.start), end),
                                      f"Item {item.label} should end with \"{want}\"",
                                      replace_fix(f"End it with \"{want}\"", cut, end, want), c)


def _sentence(text: str) -> bool:
    text = text.strip()
    return text[:1].isupper() and text.endswith((".", ".”", '."', ".)"))


_AND_FURTHER = re.compile(r";\s*and(\s+be\s+it\s+further)?$")
_TERMINAL = re.compile(r"(?:[;,.]\s*(?:and|or)?|\s+and)$")

RULE = ResolvedListPunctuation()

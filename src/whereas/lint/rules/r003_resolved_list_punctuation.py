import re

from whereas.lint.rule import Context, FixAvailability, Rule, replace_fix
from whereas.lint.rules._keywords import CONNECTOR_LIKE, ends_with_and, is_motion
from whereas.lint.rules.q001_unbalanced_quotation_marks import unbalanced
from whereas.model import Clause, Item
from whereas.patterns import lazy_compile
from whereas.structure.keywords import keywordish
from whereas.structure.lines import ITEM, SECTION_LINE, follows_label
from whereas.structure.rosters import is_roster


def _starts_line(text: str, at: int) -> bool:
    """Whether only white space (or a bullet) stands before ``at`` on its line."""
    line_start = text.rfind("\n", 0, at) + 1
    return not text[line_start:at].strip(" \t*-•>")


class ResolvedListPunctuation(Rule):
    code = "R003"
    name = "resolved-list-punctuation"
    summary = 'Numbered action items not punctuated "…;", "…; and", "….".'
    why = (
        'List items are separated by ";", "; and" follows the next-to-last item and a period ends the last '
        "(ALA, GPO; RS-07). Where the profile allows it (`sentence_items`: every profile but ala), a list whose "
        "items are all whole sentences, each capitalised and ending with a period, is accepted as it is "
        "(Chicago 6.130; council resolutions number their sections so)."
    )
    bad = "Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved, that ALA:\n\n1. urges A.\n\n2. urges B.\n\n3. urges C\n"
    good = "Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved, that ALA:\n\n1. urges A;\n\n2. urges B; and\n\n3. urges C.\n"
    fix = FixAvailability.sometimes("safe")
    fix_note = (
        "Under an inferred profile a list whose items all end the same way (names without punctuation, entries "
        'ending in ","; the last may end with ".") is the document\'s own style and left alone (in a clause another follows, the last may end with the clause\'s ";"). '
        'A list run into a sentence ("… for (a) travel, (b) fellowships, and (c) library resources") takes '
        "the sentence's punctuation and is not judged; nor is a roster, a list whose items are all names (with their "
        'e-mail addresses, "* Ana Folau <afolau@apache.org>", or of two words or more with at most a short role, '
        '"1. Jane Roe, Chair"): the members a resolution appoints are no actions to punctuate. '
        "Safe fix: replace or add the item's closing punctuation. A list that goes on after the clause (past a "
        "page break or page number the structure did not join) is not judged; no fix for a list of whole sentences "
        '(reported under ala, whose items continue the Resolved sentence: ";" in place of their periods would not '
        "make fragments of them), for a list whose labels do "
        'not follow one another from the first ("1", "a"), for an item that crosses a page break or ends '
        "with a colon (it introduces what follows). A clause whose quotation marks do not balance (Q001) is not "
        "judged: its list may be the quoted text's (a bylaw section quoted into the vote)."
    )

    def check(self, ctx: Context):
        resolved = ctx.resolution.resolved
        for ci, c in enumerate(resolved):
            items = c.items
            if len(items) < 2:
                continue
            if is_roster(items):
                continue  # the members it appoints ("* Ana Folau  <afolau@apache.org>"): names, not actions to punctuate
            if any(ctx.in_quotation(max(item.span.start, item.span.end - 2), item.span.end) for item in items):
                continue  # an item that ends in the text it quotes (a bylaw's wording in a fence): not its own ending
            if unbalanced(c):
                # a quotation that never closes (Q001): whether the list is the clause's or the quoted text's
                # (a bylaw section quoted into the vote) is unsure, and a fix could edit quoted words
                continue
            if "\n" not in ctx.text[c.span.start : items[-1].span.start] or not any(
                _starts_line(ctx.text, item.span.start) for item in items
            ):
                # "… for (a) travel, (b) fellowships, and (c) …": an enumeration run into a sentence, on one line or
                # hard-wrapped over several (no item opens a line of its own)
                continue
            if "_____" in items[-1].text:
                continue  # the last item runs into a signature block ("PASSED AND APPROVED …, 2015. ______ Mayor"): unsure
            # an item that holds a list of its own ("… including: 1. How to …, 9. An organizational chart")
            # ends as its inner list does: it is neither a sentence nor the odd one out
            nested = [bool(_NESTED.search(item.text)) for item in items]
            sentences = [_sentence(item.text) for item in items]
            judged = len(items) - sum(nested)
            if ctx.profile.sentence_items and all(s or n for s, n in zip(sentences, nested, strict=False)):
                continue  # "1. The Commission shall …. 2. All actions …." : a list of sentences
            if ctx.profile.sentence_items and sum(sentences) >= 2 and sum(sentences) * 3 >= judged * 2:
                # a list of sentences with an odd one out: only that one is told, to end like the others
                for item, sentence, inner in zip(items, sentences, nested, strict=False):
                    # (an item that ends ";" is punctuated as a list's item: which way is odd is unsure)
                    if (
                        not sentence
                        and not inner
                        and item.text.strip()[:1].isupper()
                        and item.text.rstrip()[-1:] not in ";,:"
                    ):
                        end = item.span.end
                        yield self.diagnostic(
                            ctx,
                            type(item.span)(max(end - 1, item.span.start), end),
                            f'Item {item.label} should end with "." as the list\'s other sentences do',
                            None,
                            c,
                        )
                continue
            if _continues_after(ctx.text, c, items[-1].label):
                continue  # the list goes on past the clause (a page break): its last items are not here
            if _interrupted(ctx.text, items):
                continue  # a paragraph between two items: two lists, or a list the structure is unsure of
            # a section ("SECTION 2. That …") is a sentence of its own: its list ends with a period too
            # … and so is a motion's numbered clause ("1. To mandate the President to: (a) …; and (b) ….")
            # … but not a motion's lettered part that ends as a list's item and another follows ("(a) notes that:
            # (i) …, (ii) …; (b) recognises …"): its last item ends the part
            chained_part = ci < len(resolved) - 1 and c.text.rstrip().endswith((";", "; and", "; or"))
            last_clause = (
                ci == len(resolved) - 1 or bool(SECTION_LINE.match(c.text)) or is_motion(c) and not chained_part
            )
            if (ctx.profile.adapted or is_motion(c)) and _own_way(items, chained=not last_clause):
                # an inferred profile, or a motion (a conference's house style, no "Resolved" form): the list's items
                # all end the same way ("Jane Roe <jane@…>", "Police protection", "a) campaign for …" / "b) press ….")
                continue
            labels = [item.label for item in items]
            whole = follows_label(None, labels[0]) and all(
                follows_label(a, b) for a, b in zip(labels, labels[1:], strict=False)
            )
            for i, item in enumerate(items):
                text = item.text.rstrip()
                if i == len(items) - 1:
                    want = "." if last_clause else ";"
                    ok = (
                        text.endswith((".", ".”", '."'))
                        if last_clause
                        else text.endswith(";") or text.endswith("; and")
                    )
                    if not last_clause and (_AND_FURTHER.search(text) or CONNECTOR_LIKE.search(text)):
                        ok = True  # "…; and be it" / "…; and be it further": the clause's connector ends it
                elif i == len(items) - 2:
                    want, ok = "; and", ends_with_and(text) or text.endswith("; or")
                else:
                    want, ok = ";", text.endswith(";")
                if ok:
                    continue
                end = item.span.end
                body = _TERMINAL.sub("", text)
                cut = end - (len(text) - len(body))
                sure = (
                    whole
                    # a list of whole sentences ("(1) Community health workers are frontline public health workers."):
                    # a profile whose items continue the Resolved sentence reports it, but ";" in place of each
                    # sentence's period would not make fragments of them: only the drafter can
                    and not all(s or n for s, n in zip(sentences, nested, strict=False))
                    and "\f" not in ctx.text[item.span.start : end]
                    and not body.endswith(":")
                    and not CONNECTOR_LIKE.search(body)
                )
                yield self.diagnostic(
                    ctx,
                    type(item.span)(max(cut - 1, item.span.start), end),
                    f'Item {item.label} should end with "{want}"',
                    replace_fix(f'End it with "{want}"', cut, end, want) if sure else None,
                    c,
                )


def _interrupted(text: str, items: tuple[Item, ...]) -> bool:
    """Whether words stand between two items of the list (a paragraph that introduces a second list)."""
    return any(
        re.search(r"[A-Za-z]{2}", text[a.span.end : b.span.start]) for a, b in zip(items, items[1:], strict=False)
    )


def _own_way(items: tuple[Item, ...], *, chained: bool) -> bool:
    """Whether every item but the last ends the same way, and the last either so or with a period: a list
    consistent in its own style (names without punctuation, ","-separated entries).  In a clause that another
    follows (``chained``), the last item may end with the clause's own connector instead ("… 2020, and"
    before the next "Therefore, be it resolved"): that "and" joins the clauses, not the items."""
    ends = [_ending(_CONNECTOR_END.sub("", item.text.rstrip())) for item in items]
    last = "connector" if chained and _CLAUSE_AND.search(items[-1].text.rstrip()) else ends[-1]
    # (… or with the ";" that ends the clause: a motion's part "(a) notes that: (i) …, (ii) …;" before "(b) …")
    return len(set(ends[:-1])) == 1 and last in (ends[0], ".", "connector", ";" if chained else "connector")


def _ending(text: str) -> str:
    """The punctuation an item ends with, before a final "and"/"or" ("A; and" → ";", "A and" → "")."""
    body = text.rstrip()
    m = re.search(r"([;,.:])?\s*\b(?:and|or)$", body)
    if m is not None:
        return m.group(1) or ""
    return body[-1:] if body[-1:] in ";,.:" else ""


def _continues_after(text: str, clause: Clause, last: str) -> bool:
    """Whether an item that follows ``last`` comes after the clause, before any other clause or keyword
    line: the list went on past a page break (or a page number, a rule) that ended the clause."""
    pos = clause.span.end
    for _ in range(_LOOK_AHEAD):
        nl = text.find("\n", pos)
        if nl == -1:
            return False
        pos = nl + 1
        stop = text.find("\n", pos)
        line = text[pos : len(text) if stop == -1 else stop]
        if keywordish(line):
            return False
        m = ITEM.match(line.lstrip("\f"))
        if m:
            return follows_label(last, m.group(1) or m.group(2) or m.group(3))
    return False


_LOOK_AHEAD = 12  # lines


def _sentence(text: str) -> bool:
    text = _CONNECTOR_END.sub(".", text.strip()) if _CONNECTOR_END.search(text.strip()) else text.strip()
    return text[:1].isupper() and text.endswith((".", ".”", '."', ".)"))


#: a list inside an item: a colon, then a label and a capitalised word ("including: 1. How to submit …")
_NESTED = lazy_compile(r":\s+(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+[A-Z]")

#: the clause's connector at the end of its last item: "…; and be it", "…, and be it further", "…; and"
_CONNECTOR_END = lazy_compile(r"[;,.]?\s*and\s+be\s+it(?:\s+(?:further|finally))?\s*[,:]?$", re.I)
#: the connector that joins a clause to the next at the end of its last item: "…, and", "…; and"
_CLAUSE_AND = lazy_compile(r"[,;]\s*and$")
_AND_FURTHER = lazy_compile(r";\s*and(\s+be\s+it\s+further)?$")
_TERMINAL = lazy_compile(r"(?:[;,.]\s*(?:and|or)?|\s+and)$")

RULE = ResolvedListPunctuation()

import re

from whereas.lint.diagnostic import Severity
from whereas.lint.rule import Context, Rule
from whereas.model import Clause, Span
from whereas.structure.lines import ROMAN


class ItemNumbering(Rule):
    code = "R006"
    name = "item-numbering"
    severity = Severity.warning
    summary = "A numbered or lettered list, or the numbered clauses, repeat, skip or swap a number or a letter."
    why = (
        "A committee amends, debates and votes a resolution item by item, by its number; a list numbered 1, 2, 2, "
        "4 leaves members unsure which item an amendment or a division refers to. Every style numbers a list's "
        "items one after another (ALA, RONR, GPO)."
    )
    bad = (
        "Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved, that ALA:\n\n1. urges A;\n\n2. urges B;"
        " and\n\n2. urges C.\n"
    )
    good = (
        "Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved, that ALA:\n\n1. urges A;\n\n2. urges B;"
        " and\n\n3. urges C.\n"
    )
    fix_note = (
        "No automatic fix: another clause, a note or a speaker may refer to an item by its number. Only a "
        'numbered or lettered list\'s item that repeats the number before it, skips one ("4." after "2.", "d)" after "b)", "(iv)" after "(ii)") or comes one before it '
        "(two items swapped) is read as the list's next item and told here; a number further off is no item "
        "of the list (a wrapped line that begins with a number), and is not reported. Clauses that open with "
        'their number ("1. To …", "Section 3.") are checked the same way when three or more stand together; a '
        'list that starts again at 1 (the next heading\'s "This Union resolves: 1. …") is a new list. A Markdown ordered list '
        'whose items are all numbered alike ("1. / 1. / 1.") is not reported: Markdown numbers it itself, 1, 2, 3.'
    )

    def check(self, ctx: Context):
        markdown = ctx.resolution.source.format == "markdown"
        for c in (*ctx.resolution.preamble, *ctx.resolution.resolved):
            labelled = [(item.label, item.span) for item in c.items]
            if not (markdown and _lazy_markdown_list(ctx.text, [span for _, span in labelled])):
                yield from self._numbering(ctx, labelled, "Item", c)
        for part in (ctx.resolution.preamble, ctx.resolution.resolved):
            # the clauses themselves, numbered: "This Union resolves: 1. … 2. … 4. …", "Section 1. … Section 5. …"
            for run in _numbered_runs(part):
                if len(run) >= 3 and not (markdown and _lazy_markdown_list(ctx.text, [c.span for c, _ in run])):
                    labelled = [
                        (m.group("label"), c.mapped.source_span(m.start("label"), m.end("label"))) for c, m in run
                    ]
                    yield from self._numbering(ctx, labelled, "Clause", None)

    def _numbering(self, ctx: Context, labelled: list[tuple[str, Span]], what: str, clause: Clause | None):
        """A finding for each of the ``labelled`` (label, span) entries numbered out of turn."""
        numbers = _numbers([label for label, _ in labelled])
        if numbers is None:
            return
        for k, ((was_label, _), (label, span)) in enumerate(zip(labelled, labelled[1:], strict=False), start=1):
            was, now, expected = numbers[k - 1], numbers[k], numbers[0] + k
            if now in (was + 1, expected):
                continue  # (the one after a wrong number, numbered where it belongs, is right)
            want = _label(expected, labelled[0][0])
            message = (
                f"{what} {label} repeats the number of the {what.lower()} before it: number it {want}"
                if now == was
                else f"{what} {label} follows {what.lower()} {was_label}: number it {want}"
            )
            text = ctx.text[span.start : span.end]
            at = span.start + len(text) - len(text.lstrip())
            yield self.diagnostic(ctx, type(span)(at, at + len(label)), message, None, clause)


def _numbered_runs(part: tuple[Clause, ...]) -> list[list[tuple[Clause, re.Match[str]]]]:
    """The runs of clauses next to each other that open with a number, each run cut where a list starts again
    at 1 (the motion's "This Union notes: 1. … 2. …" then "This Union believes: 1. …")."""
    runs: list[list[tuple[Clause, re.Match[str]]]] = []
    current: list[tuple[Clause, re.Match[str]]] = []
    for c in part:
        m = _CLAUSE_NUMBER.match(c.text)
        if m is None or m.group("label") == "1":
            if current:
                runs.append(current)
            current = []
        if m is not None:
            current.append((c, m))
    if current:
        runs.append(current)
    return runs


#: a clause that opens with its number: "1. To …", "2) Calls …", "Section 3.", "SEC. 4.", "Article 5"
_CLAUSE_NUMBER = re.compile(
    r"[ \t*_]*(?:(?:section|sec\.|article|art\.)[ \t]*)?(?P<label>\d{1,3})(?=[.):]?[ \t])", re.I
)


def _lazy_markdown_list(text: str, spans: list[Span]) -> bool:
    """Whether the entries at ``spans`` are a Markdown ordered list ("1." or "1)" opening each line) with every
    entry numbered alike, which Markdown numbers itself from its first on: "1. … / 1. … / 1. …" reads 1, 2, 3."""
    heads = [_MARKDOWN_ORDERED.match(text, text.rfind("\n", 0, span.start) + 1) for span in spans]
    return all(heads) and len({m.group("number") for m in heads if m}) == 1


_MARKDOWN_ORDERED = re.compile(r"[ \t]*(?:>[ \t]*)*(?P<number>\d{1,9})[.)](?:[ \t]|$)")


def _numbers(labels: list[str]) -> list[int] | None:
    """The list's labels as numbers ("1", "2" → 1, 2; "a", "b" → 1, 2; "i", "ii" → 1, 2), or None for a list of other
    labels (bullets, "5.1")."""
    if all(label.isdecimal() for label in labels):
        return [int(label) for label in labels]
    if all(len(label) == 1 and label.isalpha() for label in labels) and len({label.islower() for label in labels}) == 1:
        if labels[0].lower() in "ivx" and len(labels) > 1 and labels[1].lower() in "ivx":
            return None  # "i", "ii" … or "v", "x": roman numerals
        return [ord(label.lower()) - ord("a") + 1 for label in labels]
    lows = [label.lower() for label in labels]
    if all(low in ROMAN for low in lows) and len({label.islower() for label in labels}) == 1:
        return [ROMAN.index(low) + 1 for low in lows]  # "i", "ii", "iv": roman numerals
    return None


def _label(number: int, like: str) -> str:
    """``number`` written as the list writes its labels: "3", or "c" / "C"."""
    if like.isdecimal():
        return str(number)
    if len(like) > 1 or like.lower() == "i":  # a roman numeral ("i", "ii", "iv")
        roman = ROMAN[number - 1] if number <= len(ROMAN) else str(number)
        return roman.upper() if like.isupper() else roman
    letter = chr(ord("a") + number - 1)
    return letter.upper() if like.isupper() else letter


RULE = ItemNumbering()

import re

from whereas.lint.diagnostic import Severity
from whereas.lint.rule import Context, Rule
from whereas.model import Clause


class ItemNumbering(Rule):
    code = "R006"
    name = "item-numbering"
    severity = Severity.warning
    summary = "A numbered or lettered list repeats, skips or swaps a number or a letter."
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
        'numbered or lettered list\'s item that repeats the number before it, skips one ("4." after "2.", "d)" after "b)") or comes one before it '
        "(two items swapped) is read as the list's next item and told here; a number further off is no item "
        "of the list (a wrapped line that begins with a number), and is not reported. A Markdown ordered list "
        'whose items are all numbered alike ("1. / 1. / 1.") is not reported: Markdown numbers it itself, 1, 2, 3.'
    )

    def check(self, ctx: Context):
        for c in (*ctx.resolution.preamble, *ctx.resolution.resolved):
            numbers = _numbers([item.label for item in c.items])
            if (
                numbers is None
                or ctx.resolution.source.format == "markdown"
                and _lazy_markdown_list(ctx.text, c, numbers)
            ):
                continue
            for k, (before, item) in enumerate(zip(c.items, c.items[1:], strict=False), start=1):
                was, now, expected = numbers[k - 1], numbers[k], numbers[0] + k
                if now in (was + 1, expected):
                    continue  # (the item after a wrong number, numbered where it belongs, is right)
                want = _label(expected, c.items[0].label)
                message = (
                    f"Item {item.label} repeats the number of the item before it: number it {want}"
                    if now == was
                    else f"Item {item.label} follows item {before.label}: number it {want}"
                )
                text = ctx.text[item.span.start : item.span.end]
                at = item.span.start + len(text) - len(text.lstrip())
                yield self.diagnostic(ctx, type(item.span)(at, at + len(item.label)), message, None, c)


def _lazy_markdown_list(text: str, c: Clause, numbers: list[int]) -> bool:
    """Whether the clause's items are a Markdown ordered list ("1." or "1)" opening each line) with every item
    numbered alike, which Markdown numbers itself from its first item on: "1. … / 1. … / 1. …" reads 1, 2, 3."""
    return len(set(numbers)) == 1 and all(
        _MARKDOWN_ORDERED.match(text, text.rfind("\n", 0, item.span.start) + 1) for item in c.items
    )


_MARKDOWN_ORDERED = re.compile(r"[ \t]*(?:>[ \t]*)*\d{1,9}[.)](?:[ \t]|$)")


def _numbers(labels: list[str]) -> list[int] | None:
    """The list's labels as numbers ("1", "2" → 1, 2; "a", "b" → 1, 2), or None for a list of other labels (bullets,
    roman numerals, "5.1")."""
    if all(label.isdecimal() for label in labels):
        return [int(label) for label in labels]
    if all(len(label) == 1 and label.isalpha() for label in labels) and len({label.islower() for label in labels}) == 1:
        if labels[0].lower() in "ivx" and len(labels) > 1 and labels[1].lower() in "ivx":
            return None  # "i", "ii" … or "v", "x": roman numerals
        return [ord(label.lower()) - ord("a") + 1 for label in labels]
    return None


def _label(number: int, like: str) -> str:
    """``number`` written as the list writes its labels: "3", or "c" / "C"."""
    if like.isdecimal():
        return str(number)
    letter = chr(ord("a") + number - 1)
    return letter.upper() if like.isupper() else letter


RULE = ItemNumbering()

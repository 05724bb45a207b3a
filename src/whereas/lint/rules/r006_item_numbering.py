from whereas.lint.diagnostic import Severity
from whereas.lint.rule import Context, Rule


class ItemNumbering(Rule):
    code = "R006"
    name = "item-numbering"
    severity = Severity.warning
    summary = "A numbered list repeats, skips or swaps a number."
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
        "numbered list's item that repeats the number before it, skips one number or comes one before it "
        "(two items swapped) is read as the list's next item and told here; a number further off is no item "
        "of the list (a wrapped line that begins with a number), and is not reported."
    )

    def check(self, ctx: Context):
        for c in (*ctx.resolution.preamble, *ctx.resolution.resolved):
            if not all(item.label.isdecimal() for item in c.items):
                continue
            for k, (before, item) in enumerate(zip(c.items, c.items[1:], strict=False), start=1):
                was, now, expected = int(before.label), int(item.label), int(c.items[0].label) + k
                if now in (was + 1, expected):
                    continue  # (the item after a wrong number, numbered where it belongs, is right)
                message = (
                    f"Item {now} repeats the number of the item before it: number it {expected}"
                    if now == was
                    else f"Item {now} follows item {was}: number it {expected}"
                )
                text = ctx.text[item.span.start : item.span.end]
                at = item.span.start + len(text) - len(text.lstrip())
                yield self.diagnostic(ctx, type(item.span)(at, at + len(item.label)), message, None, c)


RULE = ItemNumbering()

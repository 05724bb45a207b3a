"""Notes and quotations written in forms that once gave wrong verify findings, checked end to end against
pages served on 127.0.0.1: a note's title not in italics, with abbreviations' periods in it ("Dec. 3",
"pp. 14–18", "Ky. Rev. Stat."), read as its fields, or not at all when it cannot be told (V006 silent); pandoc's
Markdown escapes ("\\$", "\\[ \\]", "\\*") and bracketed spans ("[text]{.underline}") read as their text (no V001)."""

from __future__ import annotations

from pathlib import Path

import pytest

import whereas
from verify_server import Server
from whereas.structure.citation import parse_citation
from whereas.verify.findings import findings


@pytest.fixture()
def server():
    s = Server()
    yield s
    s.close()


RECITALS = (
    "# Resolution on Same-Day Registration\n\nMoved by: Dana Whitfield\n\n"
    "Whereas 3,400 residents were turned away[^1]; and\n\n"
    "Whereas the plan ranks the farm in its top tier[^2]; now, therefore, be it\n\n"
    "Resolved, that the Committee endorses Senate Bill 5142.\n\n"
)


def _notes_resolution(tmp_path: Path, note1: str, note2: str) -> Path:
    path = tmp_path / "notes.md"
    path.write_text(f"{RECITALS}[^1]: {note1}\n[^2]: {note2}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("emphasis", ["", "*"])
def test_abbreviation_periods_in_a_note_give_no_wrong_title(server: Server, tmp_path: Path, emphasis: str) -> None:
    """A note written "Org, Title, Table 6 (Dec. 3, 2024), <url>" (the title in italics or not, as Word, ODT and
    PDF notes always come): the abbreviations' periods are no field's end, and the matching titles give no V006."""
    canvass = server.page("/canvass", "2024 General Election Canvass Report", "Table 6. Voters turned away: 3,400.")
    plan = server.page("/plan", "Strategic Conservation Plan 2022–2032", "The farm is in the top tier of the plan.")
    e = emphasis
    doc = _notes_resolution(
        tmp_path,
        f"Tamarack County Auditor, {e}2024 General Election Canvass Report{e}, Table 6 (Dec. 3, 2024), <{canvass}>.",
        f"Cedar Run Land Trust, {e}Strategic Conservation Plan 2022–2032{e}, pp. 14–18, <{plan}>.",
    )
    result = whereas.verify(doc, wayback_url=None, allow_hosts=[server.allowed])
    assert [s.status for s in result.sources] == ["ok", "ok"]
    assert [s.title_matches for s in result.sources] == ([True, True] if emphasis else [None, None])
    assert "V006" not in [f.rule.code for f in findings(result)]


def test_plain_note_in_sentences_still_gives_its_title(server: Server, tmp_path: Path) -> None:
    """The sentences of a plain note ("Org. Title, pp. 14–18. <url>") are its fields: its title is still
    compared, past the abbreviations' periods, and a different document's title is still a V006."""
    plan = server.page("/plan", "Strategic Conservation Plan 2022–2032", "The farm is in the top tier of the plan.")
    other = server.page("/other", "Annual Financial Statements 2023", "Revenue rose.")
    doc = _notes_resolution(
        tmp_path,
        f"Cedar Run Land Trust. Strategic Conservation Plan 2022–2032, pp. 14–18. <{plan}>.",
        f"Cedar Run Land Trust. Strategic Conservation Plan 2022–2032, Dec. 3, 2024. <{other}>.",
    )
    result = whereas.verify(doc, wayback_url=None, allow_hosts=[server.allowed])
    assert [s.cited_title for s in result.sources] == ["Strategic Conservation Plan 2022–2032"] * 2
    assert [s.title_matches for s in result.sources] == [True, False]
    assert [f.rule.code for f in findings(result)] == ["V006"]


@pytest.mark.parametrize(
    ("note", "author", "title"),
    [
        # the fields of a note in sentences, past abbreviations' periods
        ("Tamarack County Auditor. 2024 Canvass Report, Table 6 (Dec. 3, 2024). https://x.org/a",
         "Tamarack County Auditor", "2024 Canvass Report"),
        ("U.S. Dept. of Labor. Employment Situation Summary. https://x.org/a", "U.S. Dept. of Labor",
         "Employment Situation Summary"),
        ("John Q. Public. Open Access Now. https://x.org/a", "John Q. Public", "Open Access Now"),
        # an author surname first: the last initial's period ends the author; an APA date in parentheses is skipped
        ("Smith, J. Open Access Now. Library Press, 2019. https://x.org/a", "Smith, J", "Open Access Now"),
        ("Okafor, A. B. (2019). Open access now. Library Press. https://x.org/a", "Okafor, A. B", "Open access now"),
        # no title that can be told: none (a comma-separated note without italics, a date, a statute)
        ("Tamarack County Auditor, 2024 Canvass Report, Table 6 (Dec. 3, 2024), <https://x.org/a>.", None, None),
        ("Cedar Run Land Trust, Strategic Conservation Plan, pp. 14–18, https://x.org/a.", None, None),
        ("Acme Co. Annual Report. 2020. https://x.org/a", "Acme Co. Annual Report", None),
        ("Ky. Rev. Stat. § 164.605 (county extension district boards). https://x.org/a", None, None),
    ],
)  # fmt: skip
def test_plain_note_fields(note: str, author: str | None, title: str | None) -> None:
    c = parse_citation(note)
    assert (c.author, c.title, c.url) == (author, title, "https://x.org/a")


PANDOC = (
    "**RESOLUTION ON SAME-DAY REGISTRATION**\n\n"
    '**WHEREAS**, the Platform supports "funding of \\$2.4 million for county\n'
    'election offices \\[to be distributed by formula\\]"[^1]; and\n\n'
    '**WHEREAS**, the Platform calls registration deadlines "\\*a barrier\\* to\n'
    '[every eligible voter]{.underline}"[^2]; now, therefore, be it\n\n'
    "**RESOLVED**, that the Committee endorses [Senate Bill 5142]{.underline}.\n\n"
    "[^1]: State Democratic Party, *2024 Platform, Article II: Democracy*,\n"
    "    [[URL]{.underline}](URL).\n\n"
    "[^2]: State Democratic Party, *2024 Platform, Article II: Democracy*, <URL>.\n"
)


def test_pandoc_escapes_and_spans_read_as_their_text(tmp_path: Path) -> None:
    """A CommonMark backslash escape is the character it escapes and a pandoc span its text, in the clause and
    its quotations; each character still maps to its place in the file."""
    path = tmp_path / "pandoc.md"
    path.write_text(PANDOC.replace("URL", "https://example.org/platform"), encoding="utf-8")
    [r] = whereas.parse(path)
    assert [c.text for c in r.preamble] == [
        'WHEREAS, the Platform supports "funding of $2.4 million for county election offices [to be distributed by '
        'formula]"; and',
        'WHEREAS, the Platform calls registration deadlines "*a barrier* to every eligible voter"',
    ]
    assert r.resolved[0].text == "RESOLVED, that the Committee endorses Senate Bill 5142."
    assert [q.text for q in r.quotations] == [
        "funding of $2.4 million for county election offices [to be distributed by formula]",
        "*a barrier* to every eligible voter",
    ]
    for c in (*r.preamble, *r.resolved):
        for i, ch in enumerate(c.mapped.text):
            assert ch.isspace() or r.source.text[c.mapped.offsets[i]] == ch
    assert [(n.url, n.citation.title) for n in r.notes] == [
        ("https://example.org/platform", "2024 Platform, Article II: Democracy")
    ] * 2


def test_pandoc_escaped_quotations_match_their_source(server: Server, tmp_path: Path) -> None:
    """The escaped quotations are the source's words: no V001; a quotation whose words differ still is one."""
    url = server.page(
        "/platform",
        "2024 Platform, Article II: Democracy",
        "Section 5. The party supports funding of $2.4 million for county election offices [to be distributed "
        "by formula].",
        "Section 6. Registration deadlines are *a barrier* to every eligible voter.",
    )
    path = tmp_path / "pandoc.md"
    path.write_text(PANDOC.replace("URL", url), encoding="utf-8")
    result = whereas.verify(path, wayback_url=None, allow_hosts=[server.allowed])
    assert [q.verdict for q in result.quotations] == ["faithful", "exact"] and not findings(result)
    path.write_text(PANDOC.replace("URL", url).replace("\\$2.4", "\\$4.2"), encoding="utf-8")
    result = whereas.verify(path, wayback_url=None, allow_hosts=[server.allowed])
    assert [f.rule.code for f in findings(result)] == ["V001"]


def test_pandoc_markup_in_a_note_is_read_as_its_text() -> None:
    c = parse_citation(r"Cedar Run Land Trust. [Strategic Plan]{.underline} \[draft\]. https://x.org/strategic\_plan")
    assert (c.author, c.title, c.url) == (
        "Cedar Run Land Trust",
        "Strategic Plan [draft]",
        "https://x.org/strategic_plan",
    )

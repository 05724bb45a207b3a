"""The preamble (W) and resolving-clause (R) rules, the S rules, profiles, suppressions and the fixer."""

from __future__ import annotations

from pathlib import Path

import pytest

import whereas
from whereas.lint import lint
from whereas.lint.fix import fix_source
from whereas.lint.profiles import PROFILES
from whereas.lint.settings import Settings
from whereas.model import Source

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "resolution-on-assange.txt"
needs_shared = pytest.mark.skipif(not SEED.exists(), reason="../shared is absent")


def codes(text: str, profile: str = "ala", **kw) -> list[tuple[str, int, int]]:  # type: ignore[no-untyped-def]
    found = lint(whereas.parse(text), Settings(profile=PROFILES[profile], **kw))
    return [(d.code, d.start.line, d.start.column) for d in found]


ALA_CLEAN = """Resolution on Library Funding

Whereas libraries serve every community;

Whereas the American Library Association (ALA) supports public funding; and

Whereas funding has fallen; now, therefore, be it

Resolved, that the American Library Association (ALA), on behalf of its members:

1. urges Congress to restore funding;

2. encourages states to match it; and

3. thanks the libraries that kept their doors open.

Mover: Jane Doe, Councilor-at-Large
Seconder: John Roe, Chapter Councilor
"""


def test_a_clean_ala_resolution_has_no_findings() -> None:
    assert codes(ALA_CLEAN) == []


def test_keyword_rules_point_at_the_keyword() -> None:
    text = ALA_CLEAN.replace("Whereas libraries", "WHEREAS, Libraries")
    found = codes(text)
    assert ("W001", 3, 1) in found
    assert ("W002", 3, 8) in found
    assert ("W003", 3, 10) in found


def test_and_placement_and_terminator() -> None:
    text = ALA_CLEAN.replace("every community;", "every community; and").replace(
        "public funding; and", "public funding."
    )
    found = {c for c, _, _ in codes(text)}
    assert {"W005", "W004"} <= found


def test_connector_forms() -> None:
    assert ("W006", 7, 27) in codes(ALA_CLEAN.replace("; now, therefore, be it", ", now, therefore be it"))
    missing = codes(ALA_CLEAN.replace("; now, therefore, be it", ";"))
    assert any(c == "W006" for c, _, _ in missing)


def test_resolved_rules() -> None:
    text = (
        ALA_CLEAN.replace("Resolved, that", "RESOLVED That")
        .replace("1. urges", "1. Urges")
        .replace("match it; and", "match it;")
    )
    found = {c for c, _, _ in codes(text)}
    assert {"R001", "R004", "R005", "R003"} <= found
    assert ("R002", 9, 11) in codes(ALA_CLEAN.replace("Resolved, that", "Resolved, That"))


def test_period_in_preamble_skips_abbreviations_and_quotations() -> None:
    text = ALA_CLEAN.replace(
        "has fallen;", 'has fallen since the U.S. Dept. of Education said "Cuts come. More follow.";'
    )
    assert not any(c == "W007" for c, _, _ in codes(text))
    assert any(c == "W007" for c, _, _ in codes(ALA_CLEAN.replace("has fallen;", "has fallen. It fell again;")))


RONR = """Resolution on the Annual Picnic

Whereas, The club has held a picnic every year; and

Whereas, The park is available; therefore, be it

Resolved, That the club hold its picnic on June 1.
"""


@pytest.mark.parametrize(
    "profile, text, expected",
    [
        ("ronr", RONR, set()),
        ("ala", RONR, {"W002", "W003", "W006", "R002", "S002"}),
        # S001 is off in congress: an enrolled resolution's only title is its type
        (
            "congress",
            "Whereas the Senate met; and\n\nWhereas the House met: Now, therefore, be it\n\nResolved, That the Congress adjourn.\n",
            set(),
        ),
        (
            "labor",
            "Resolution on Safety\n\nWHEREAS, workers deserve safety; and\n\nWHEREAS, the law is weak;\n\nTHEREFORE, BE IT RESOLVED, that Local 12 supports the bill.\n\nSubmitted by: Local 12\n",
            set(),
        ),
        (
            "city",
            "Resolution No. 5\n\nWHEREAS, the city needs parks; and\n\nWHEREAS, land is available; now, therefore,\n\nBE IT RESOLVED, That the council buys land.\n\nSponsor: Alderman Smith\n",
            set(),
        ),
    ],
)
def test_profiles(profile: str, text: str, expected: set[str]) -> None:
    assert {c for c, _, _ in codes(text, profile)} == expected


def test_selection_by_code_name_and_prefix() -> None:
    text = ALA_CLEAN.replace("Whereas libraries", "WHEREAS, Libraries")
    assert {c for c, _, _ in codes(text, select=("W001",))} == {"W001"}
    assert {c for c, _, _ in codes(text, select=("whereas-comma",))} == {"W002"}
    assert {c for c, _, _ in codes(text, select=("W",), ignore=("W003",))} == {"W001", "W002"}
    assert "R001" in {
        c for c, _, _ in codes(ALA_CLEAN.replace("Resolved,", "RESOLVED,"), select=("S",), extend_select=("R001",))
    }


def test_suppressions_for_a_clause_for_the_file_and_unused_ones() -> None:
    text = ALA_CLEAN.replace("Whereas libraries", "<!-- whereas: ignore W001, whereas-comma -->\nWHEREAS, libraries")
    assert {c for c, _, _ in codes(text)} == set()
    text2 = "<!-- whereas: ignore-file R001 -->\n" + ALA_CLEAN.replace("Resolved,", "RESOLVED,")
    assert {c for c, _, _ in codes(text2)} == set()
    unused = "whereas: ignore W007\n\n" + ALA_CLEAN
    assert [c for c, _, _ in codes(unused)] == ["X001"]


def test_fixer_applies_safe_fixes_only_and_is_idempotent() -> None:
    text = ALA_CLEAN.replace("Whereas libraries", "WHEREAS, Libraries").replace("Resolved,", "RESOLVED,")
    result = fix_source(Source(text, "text"))
    assert "Whereas Libraries" in result.text and "Resolved, that" in result.text  # W003's fix is unsafe
    assert {d.code for d in result.remaining} == {"W003"}
    unsafe = fix_source(Source(text, "text"), unsafe=True)
    assert unsafe.text == ALA_CLEAN
    assert fix_source(Source(unsafe.text, "text"), unsafe=True).text == unsafe.text


def test_fixer_never_changes_quoted_words() -> None:
    text = ALA_CLEAN.replace("has fallen;", 'has fallen, as the Board said: "RESOLVED , we cut";')
    result = fix_source(Source(text, "text"), unsafe=True)
    assert '"RESOLVED , we cut"' in result.text


@needs_shared
def test_congress_corpus_gets_no_w_or_r_finding() -> None:
    files = sorted((SHARED / "corpus" / "us-congress").iterdir())
    found = [
        (f.name, d.code, d.start.line)
        for f in files
        for d in lint(whereas.parse(f), Settings(profile=PROFILES["congress"]))
        if d.code[0] in "WR"
    ]
    assert found == []


@needs_shared
def test_whole_corpus_is_checked_without_a_crash_under_every_profile() -> None:
    for f in sorted((SHARED / "corpus").rglob("*")):
        if not f.is_file() or f.suffix.lower() == ".tsv":
            continue
        try:
            resolutions = whereas.parse(f)
        except whereas.InputError:
            continue
        for profile in PROFILES.values():
            lint(resolutions, Settings(profile=profile))


@pytest.mark.parametrize("profile", ["ronr", "labor", "city"])
def test_w002_a_comma_profile_takes_a_comma_that_also_opens_a_phrase(profile: str) -> None:
    """ "WHEREAS, From May 15 to 18, 1803, the congress met" has its comma: no finding, and no ",," fix."""
    text = (
        "Resolution on Flag Day\n\n"
        "WHEREAS, From May 15 to 18, 1803, the congress met at Arcahaie; and\n\n"
        "WHEREAS, In the words of the historian, the flag unites a nation; now, therefore, be it\n\n"
        "RESOLVED, That the Council proclaims May 18 Flag Day.\n"
    )
    assert "W002" not in {c for c, _, _ in codes(text, profile)}
    fixed = fix_source(Source(text, "text", None), Settings(profile=PROFILES[profile]), unsafe=True)
    assert ",," not in fixed.text


def test_w002_a_no_comma_profile_lets_a_comma_open_a_phrase() -> None:
    text = "Resolution on X\n\nWhereas, in 2012, the library opened; now, therefore, be it\n\nResolved, that ALA celebrates.\n"
    assert "W002" not in {c for c, _, _ in codes(text, "ala")}
    assert ("W002", 3, 8) in codes(text.replace(", in 2012,", ", the library"), "ala")


def test_w004_reads_a_semicolon_and_without_a_space_as_the_connector() -> None:
    text = (
        "Resolution on X\n\nWhereas one;and\n\nWhereas two;and\n\nWhereas three; now, therefore, be it\n\n"
        "Resolved, that ALA acts.\n"
    )
    assert "W004" not in {c for c, _, _ in codes(text)}
    fixed = fix_source(Source(text, "text", None), Settings(profile=PROFILES["ala"]), unsafe=True)
    assert ";;" not in fixed.text


@needs_shared
@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_fixes_on_the_corpus_never_double_punctuation(profile: str) -> None:
    """Every fix applied to the shared corpus's text files (unsafe ones too) leaves no ",," ";;" or ";," behind
    that was not there before (two rules' fixes meeting at one place)."""
    from whereas.readers import read_path

    corpus = SHARED / "corpus"
    checked = 0
    for path in sorted(corpus.rglob("*")):
        if path.suffix not in (".md", ".txt"):
            continue
        view = read_path(path)
        fixed = fix_source(Source(view.text, view.format, str(path)), Settings(profile=PROFILES[profile]), unsafe=True)
        for pair in (",,", ";;", ";,", ",;"):
            assert fixed.text.count(pair) <= view.text.count(pair), f"{path.name}: {pair!r} after fixing"
        checked += 1
    assert checked > 20


def test_w007_a_case_name_is_no_sentence_end() -> None:
    text = (
        "Resolution on X\n\nWhereas the Court in Korematsu v. United States upheld the order; "
        "now, therefore, be it\n\nResolved, that ALA remembers.\n"
    )
    assert "W007" not in {c for c, _, _ in codes(text)}
    assert "W007" in {c for c, _, _ in codes(text.replace(" v. United", ". United"))}


@pytest.mark.parametrize("name", ["DSA’s", "HuffPost", "Exxon’s", "McDonald"])
def test_w003_names_after_whereas_are_left_alone(name: str) -> None:
    text = f"Resolution on X\n\nWhereas {name} research shows harm; now, therefore, be it\n\nResolved, that ALA acts.\n"
    assert "W003" not in {c for c, _, _ in codes(text)}


@pytest.mark.parametrize("word", ["The", "Members’", "It’s", "Today"])
def test_w003_common_words_after_whereas_are_still_found(word: str) -> None:
    text = f"Resolution on X\n\nWhereas {word} research shows harm; now, therefore, be it\n\nResolved, that ALA acts.\n"
    assert "W003" in {c for c, _, _ in codes(text)}


SENTENCE_LIST = (
    "Resolution on Citizen Involvement\n\nWHEREAS, the city must involve its citizens; now, therefore,\n\n"
    "RESOLVED, That the Council adopts this program:\n\n"
    "1. The Planning Commission shall serve as the Committee for Citizen Involvement.\n\n"
    "2. All meetings of the Committee shall be open to every citizen.\n"
)


@pytest.mark.parametrize("profile", ["ronr", "congress", "labor", "city"])
def test_r003_a_list_of_whole_sentences_is_accepted_where_the_profile_allows(profile: str) -> None:
    assert "R003" not in {c for c, _, _ in codes(SENTENCE_LIST, profile)}
    half = SENTENCE_LIST.replace("every citizen.", "every citizen")  # one item no longer a sentence
    assert "R003" in {c for c, _, _ in codes(half, profile)}


def test_r003_ala_items_continue_the_resolved_sentence() -> None:
    assert "R003" in {c for c, _, _ in codes(SENTENCE_LIST, "ala")}


@pytest.mark.parametrize(
    "clause",
    [
        "RESOLVED FURTHER, that the Treasurer pays the premium.",  # the comma after FURTHER
        "RESOLVED (if the House concur), That the Senate agrees.",  # the comma after the parenthesis
    ],
)
def test_the_comma_after_resolved_further_or_a_parenthesis(clause: str) -> None:
    text = f"Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved, that we act.\n\n{clause}\n"
    assert [d for d in lint(whereas.parse(text), Settings(select=("R004",)))] == []


def test_a_list_ended_by_the_clauses_connector_and_one_of_alternatives() -> None:
    text = (
        "Resolution on X\n\nWhereas a; now, therefore, be it\n\n"
        "Resolved, that the board shall: 1) meet; 2) vote; and 3) report; and be it further\n\n"
        "Resolved, that funds come from: (a) dues; (b) gifts; or (c) grants.\n"
    )
    assert [d.message for d in lint(whereas.parse(text), Settings(select=("R003",)))] == []

"""Rules declare, the core decides: one registry of every code, each rule's declared fix availability held to
the fixes it really makes, typed options checked when the configuration is read, and ``whereas rule`` for
every code."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

import whereas
from conftest import ROOT, run_cli
from whereas.errors import UsageError
from whereas.lint import lint
from whereas.lint.diagnostic import Diagnostic, Edit, Fix
from whereas.lint.docs import generated
from whereas.lint.options import OptionError
from whereas.lint.profiles import PROFILES
from whereas.lint.registry import REGISTRY, Registry, lookup
from whereas.lint.rule import Availability, FixAvailability, fix_applies
from whereas.lint.rules import RULES
from whereas.lint.settings import Settings, known_selectors
from whereas.model import Resolution

V_CODES = [f"V00{i}" for i in range(1, 8)]


# --- one registry ------------------------------------------------------------------------------------


def test_the_registry_holds_every_code_once() -> None:
    codes = [r.code for r in REGISTRY]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    assert len({r.name for r in REGISTRY}) == len(codes)
    assert {r.code for r in RULES} | {"X001", *V_CODES} == set(codes)
    assert {r.code for r in REGISTRY.of_origin("rule")} == {r.code for r in RULES}
    assert [r.code for r in REGISTRY.of_origin("engine")] == ["X001"]
    assert [r.code for r in REGISTRY.of_origin("verify")] == V_CODES


def test_lookup_finds_every_code_by_code_and_name_in_any_case() -> None:
    for rule in REGISTRY:
        assert lookup(rule.code) is rule and lookup(rule.code.lower()) is rule
        assert lookup(rule.name) is rule and lookup(f" {rule.name.upper()} ") is rule
    assert lookup("Z999") is None


def test_the_registry_is_immutable_and_refuses_a_code_twice() -> None:
    with pytest.raises(TypeError):
        REGISTRY.by_code["Z999"] = REGISTRY.rules[0]  # type: ignore[index]
    with pytest.raises(ValueError, match="two rules are called W001"):
        Registry((lookup("W001"), lookup("W001")))  # type: ignore[arg-type]


def test_selectors_docs_and_sarif_read_the_registry() -> None:
    from whereas.api import CheckResult
    from whereas.reports.sarif import document

    codes = {r.code for r in REGISTRY}
    assert set(known_selectors()[0]) == codes
    pages = {p.stem for p in generated(ROOT) if p.parent.name == "rules" and p.stem != "README"}
    assert pages == codes
    sarif_rules = document(CheckResult(files=[], errors=[]))["runs"][0]["tool"]["driver"]["rules"]  # type: ignore[index]
    assert [r["id"] for r in sarif_rules] == [r.code for r in REGISTRY]
    assert {r["id"]: r["properties"]["fix"] for r in sarif_rules} == {r.code: r.fix.label for r in REGISTRY}


def test_the_verify_sarif_describes_the_v_codes_from_the_registry() -> None:
    from whereas.reports.verify_sarif import to_sarif
    from whereas.verify.result import VerifyResult

    rules = to_sarif(VerifyResult(documents=[]))["runs"][0]["tool"]["driver"]["rules"]  # type: ignore[index]
    assert [(r["id"], r["shortDescription"]["text"]) for r in rules] == [
        (r.code, r.summary) for r in REGISTRY.of_origin("verify")
    ]


# --- fix availability: declared, and held to the fixes made ------------------------------------------


def test_fix_availability_says_what_it_means() -> None:
    assert FixAvailability().label == "no" and not FixAvailability().fixable
    assert FixAvailability.always("safe").label == "safe"
    assert FixAvailability.sometimes("safe", "unsafe").label == "sometimes safe or unsafe"
    with pytest.raises(ValueError):
        FixAvailability(Availability.ALWAYS, ())
    with pytest.raises(ValueError):
        FixAvailability(Availability.NONE, ("safe",))


def test_fix_applies_is_the_one_decision_for_fix_and_the_marks() -> None:
    safe, unsafe = Fix("s", (Edit(0, 0, "x"),), "safe"), Fix("u", (Edit(0, 0, "x"),), "unsafe")
    assert fix_applies(safe) and not fix_applies(unsafe) and not fix_applies(None)
    assert fix_applies(unsafe, unsafe_fixes=True)


_TITLE, _SPONSORS = "Resolution on X\n\n", "\n\nMover: A\nSeconder: B\n"
_ACTS = "\n\nResolved, that ALA acts."
#: a finding each "sometimes" rule reports without a fix, as its fix note says (its bad example's have one)
WITHOUT_FIX = {
    "N001": (  # no fix when the file already defines a Markdown note with the same id
        "Whereas a[endnoteRef:1] [1: A. https://a.example/a] holds; now, therefore, be it"
        + _ACTS
        + "\n[^1]: Another note.\n"
    ),
    "T006": 'Whereas the report says "censorship of publications[RA1] grows"; now, therefore, be it' + _ACTS,
    "R001": "Whereas libraries serve everyone; now, therefore,\n\nBE IT RESOLVED, that ALA acts.",  # in a phrase
    "R002": "Whereas libraries serve everyone; now, therefore,\n\nBE IT RESOLVED, That ALA acts.",
    "R003": (  # an item that ends with a colon introduces what follows
        "Whereas libraries serve everyone; now, therefore, be it\n\n"
        "Resolved, that ALA:\n\n1. funds libraries;\n2. staffs them as follows:\n3. opens them."
    ),
    "R004": "Whereas libraries serve everyone; now, therefore,\n\nBE IT RESOLVED THAT ALA acts.",
    "W002": "Whereas,libraries serve everyone; now, therefore, be it" + _ACTS,  # the words would run together
    "W004": (  # a recital that ends with a connector, another recital after it
        "Whereas a serves; now, therefore, be it\n\nWhereas b serves everyone; now, therefore, be it" + _ACTS
    ),
    "W005": (  # the "; and" is not the recital's own: its ";" is inside the quotation
        "Whereas the code defines an emergency as “a sudden danger;” and\n\nWhereas b serves; and\n\n"
        "Whereas c serves; now, therefore, be it" + _ACTS
    ),
    "W006": "Whereas libraries serve everyone;\n\nNOW, THEREFORE, BE IT RESOLVED, that ALA acts.",  # it opens the clause
}
#: a safe fix of W004 (its bad example's is unsafe)
W004_SAFE = "Whereas libraries serve everyone\n\nWhereas last; now, therefore, be it" + _ACTS


def _findings() -> list[tuple[Diagnostic, Resolution]]:
    """Every finding of every rule on its own examples (in every profile) and on the cases above."""
    texts = [r.bad for r in REGISTRY if r.origin != "verify"]
    texts += [r.good for r in REGISTRY if r.origin != "verify"]
    texts += [_TITLE + text + _SPONSORS for text in (*WITHOUT_FIX.values(), W004_SAFE)]
    out = []
    for text in texts:
        for resolution in whereas.parse(text):
            for profile in PROFILES.values():
                for d in lint([resolution], Settings(profile=profile, select=("all",))):
                    out.append((d, resolution))
    return out


@pytest.fixture(scope="module")
def made() -> dict[str, list[tuple[Diagnostic, Resolution]]]:
    by_code: dict[str, list[tuple[Diagnostic, Resolution]]] = defaultdict(list)
    for d, r in _findings():
        by_code[d.code].append((d, r))
    return by_code


@pytest.mark.parametrize("rule", [r for r in REGISTRY if r.origin != "verify"], ids=lambda r: r.code)
def test_declared_fix_availability_matches_the_fixes_made(rule, made) -> None:  # type: ignore[no-untyped-def]
    found = made[rule.code]
    assert found, f"{rule.code} reports nothing on its examples"
    kinds = {d.fix.applicability for d, _ in found if d.fix is not None}
    declared = rule.fix
    if declared.availability is Availability.NONE:
        assert not kinds, f"{rule.code} declares no fix but makes {kinds}"
        return
    assert kinds == set(declared.applicability), f"{rule.code} declares {declared.label}, makes {kinds}"
    unfixed = [(d, r) for d, r in found if d.fix is None]
    if declared.availability is Availability.ALWAYS:
        # only where the core withholds the fix: a clause the structure is unsure of
        clauses = {c.ref: c for _, r in unfixed for c in r.clauses}
        assert all(d.clause in clauses and not rule.may_fix(clauses[d.clause]) for d, _ in unfixed), (
            f"{rule.code} declares a fix always, yet reports {[d.message for d, _ in unfixed]} without one"
        )
    else:
        assert unfixed, f"{rule.code} declares a fix sometimes, yet every finding on its examples has one"


@pytest.mark.parametrize("rule", REGISTRY.of_origin("verify"), ids=lambda r: r.code)
def test_the_v_codes_declare_no_fix(rule) -> None:  # type: ignore[no-untyped-def]
    assert rule.fix.availability is Availability.NONE and rule.fix_note.startswith("No automatic fix")


# --- options: typed, with defaults, checked when read -------------------------------------------------


def test_options_have_types_defaults_and_docs() -> None:
    documented = {r.code: {o.name: (o.type, o.default) for o in r.option_docs()} for r in REGISTRY if r.option_docs()}
    assert documented == {
        "C002": {"min_slug_words": ("integer", 2)},
        "C003": {"min_overlap": ("integer", 3)},
        "C004": {"short": ("integer", 3)},
        "S004": {"max": ("integer", None)},
        "T005": {"allow": ("list of strings", ())},
    }
    assert all(o.doc for r in REGISTRY for o in r.option_docs())


def test_options_are_read_into_the_rules_typed_object() -> None:
    c003 = lookup("C003")
    assert c003 is not None and c003.options_from({}).min_overlap == 3
    assert c003.options_from({"min_overlap": 5}).min_overlap == 5
    t005 = lookup("T005")
    assert t005 is not None and t005.options_from({"allow": ["NEA", "AFT"]}).allow == ("NEA", "AFT")
    for table, message in [
        ({"min_overlap": "abc"}, 'min_overlap must be an integer, not "abc"'),
        ({"min_overlap": True}, "min_overlap must be an integer, not true"),
        ({"min_overlap": 0}, "min_overlap must be at least 1, not 0"),
        ({"bogus": 1}, "unknown option 'bogus' (known: min_overlap)"),
    ]:
        with pytest.raises(OptionError) as err:
            c003.options_from(table)
        assert str(err.value) == message
    with pytest.raises(OptionError, match="allow must be list of strings"):
        t005.options_from({"allow": "NEA"})


def test_an_option_changes_what_the_rule_finds() -> None:
    s004 = lookup("S004")
    assert s004 is not None
    bad = whereas.parse(s004.bad)
    assert [d.code for d in lint(bad, Settings(select=("S004",)))] == ["S004"]
    assert lint(bad, Settings(select=("S004",), options={"S004": {"max": 20}})) == []
    assert lint(bad, Settings(select=("S004",), options={"too-many-recitals": {"max": 20}})) == []


def test_a_bad_option_given_from_python_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match=r"options: \[rules.C003\] unknown option 'bogus'"):
        lint(whereas.parse(lookup("C003").bad), Settings(select=("C003",), options={"C003": {"bogus": 1}}))  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("config", "problem"),
    [
        ('[rules.C003]\nmin_overlap = "abc"\n', 'whereas.toml: [rules.C003] min_overlap must be an integer, not "abc"'),
        ("[rules.C003]\nbogus = 1\n", "whereas.toml: [rules.C003] unknown option 'bogus' (known: min_overlap)"),
        ("[rules.double-citation]\nmin_overlap = 0\n", "[rules.double-citation] min_overlap must be at least 1, not 0"),
        ('[rules.T005]\nallow = "NEA"\n', 'whereas.toml: [rules.T005] allow must be list of strings, not "NEA"'),
        (
            "[rules.C001]\nmax = 3\n",
            "whereas.toml: [rules.C001] unknown option 'max' (known: none: the rule has no options)",
        ),
        ("[rules.C]\nmin_overlap = 3\n", "whereas.toml: [rules.C]: options are set per rule, by code or name"),
        ("[rules]\nC003 = 3\n", "whereas.toml: [rules.C003] options must be a table of NAME = value, not 3"),
    ],
)
def test_a_bad_option_in_the_configuration_is_one_line_and_exit_2(tmp_path: Path, config: str, problem: str) -> None:
    (tmp_path / "whereas.toml").write_text(config, encoding="utf-8")
    (tmp_path / "r.md").write_text(lookup("C003").bad, encoding="utf-8")  # type: ignore[union-attr]
    proc = run_cli("check", "r.md", cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.startswith("error: ") and problem in proc.stderr, proc.stderr
    assert proc.stdout == ""


def test_a_bad_option_in_pyproject_names_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.whereas.rules.C003]\nmin_overlap = "abc"\n', encoding="utf-8")
    (tmp_path / "r.md").write_text(lookup("C003").bad, encoding="utf-8")  # type: ignore[union-attr]
    proc = run_cli("check", "r.md", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert 'pyproject.toml: [rules.C003] min_overlap must be an integer, not "abc"' in proc.stderr


def test_a_good_option_in_the_configuration_is_used(tmp_path: Path) -> None:
    s004 = lookup("S004")
    (tmp_path / "r.md").write_text(s004.bad, encoding="utf-8")  # type: ignore[union-attr]
    (tmp_path / "whereas.toml").write_text('select = ["S004"]\n[rules.S004]\nmax = 20\n', encoding="utf-8")
    assert run_cli("check", "r.md", cwd=tmp_path).returncode == 0
    (tmp_path / "whereas.toml").write_text('select = ["S004"]\nfail-on = "info"\n', encoding="utf-8")
    assert run_cli("check", "r.md", cwd=tmp_path).returncode == 1


# --- whereas rule, for every code ----------------------------------------------------------------------


@pytest.mark.parametrize("code", ["V001", "misquoted", "X001", "unused-suppression", "W002"])
def test_whereas_rule_explains_every_code(tmp_path: Path, code: str) -> None:
    proc = run_cli("rule", code, cwd=tmp_path)
    rule = lookup(code)
    assert proc.returncode == 0, proc.stderr
    assert rule is not None and proc.stdout.startswith(f"# {rule.code} {rule.name}\n")
    data = json.loads(run_cli("rule", code, "--format", "json", cwd=tmp_path).stdout)
    assert data["code"] == rule.code and data["fixable"] == rule.fix.label and data["origin"] == rule.origin


def test_whereas_rule_v001_has_known_problems_and_no_fix(tmp_path: Path) -> None:
    data = json.loads(run_cli("rule", "V001", "-f", "json", cwd=tmp_path).stdout)
    assert data["origin"] == "verify" and data["fix_availability"] == "none" and data["known_problems"]
    assert "## Known problems" in run_cli("rule", "V001", cwd=tmp_path).stdout


def test_whereas_rule_all_lists_every_code_as_json(tmp_path: Path) -> None:
    proc = run_cli("rule", "--all", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert [row["code"] for row in rows] == [r.code for r in REGISTRY]
    w004 = next(row for row in rows if row["code"] == "W004")
    assert w004["fix_availability"] == "sometimes" and w004["fix_applicability"] == ["safe", "unsafe"]
    assert {row["origin"] for row in rows} == {"rule", "engine", "verify"}


def test_whereas_rule_keeps_output_format_as_a_deprecated_alias(tmp_path: Path) -> None:
    proc = run_cli("rule", "--all", "--output-format", "json", cwd=tmp_path)
    assert proc.returncode == 0 and json.loads(proc.stdout)
    assert "--output-format is deprecated; use --format" in proc.stderr
    assert "--output-format" not in run_cli("rule", "--help", cwd=tmp_path).stdout


def test_whereas_rule_rejects_an_unknown_format(tmp_path: Path) -> None:
    proc = run_cli("rule", "--all", "--format", "xml", cwd=tmp_path)
    assert proc.returncode == 2 and "xml" in proc.stderr


def test_the_configuration_docs_list_every_option() -> None:
    text = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    for rule in REGISTRY:
        for o in rule.option_docs():
            assert f"| [{rule.code}](rules/{rule.code}.md) | `{o.name}` |" in text, (rule.code, o.name)

"""Every rule code has its cases: at least two that pass and two that fail, with exact findings.

The codes are the ones a selector can name (``whereas rule --all`` and the verification codes); the cases are
the ``CASES`` tables of the family modules beside this file.
"""

from __future__ import annotations

import importlib
from collections import Counter

import pytest
from rulecase import Case

from whereas.lint.settings import known_selectors

FAMILIES = ("test_c_rules", "test_n_rules", "test_q_rules", "test_r_rules", "test_s_rules", "test_t_rules")
FAMILIES += ("test_v_rules", "test_w_rules", "test_x_rules")
CASES: list[Case] = [case for name in FAMILIES for case in importlib.import_module(name).CASES]
CODES = sorted(known_selectors()[0])


def test_every_code_is_known() -> None:
    assert {c.code for c in CASES} == set(CODES)


@pytest.mark.parametrize("code", CODES)
def test_every_code_has_two_pass_and_two_fail_cases(code: str) -> None:
    kinds = Counter("pass" if c.passes else "fail" for c in CASES if c.code == code)
    assert kinds["pass"] >= 2 and kinds["fail"] >= 2, kinds


def test_every_fail_case_expects_its_own_code() -> None:
    assert [c for c in CASES if not c.passes and c.code not in {code for code, _, _ in c.expected}] == []


def test_case_names_are_unique_within_a_code() -> None:
    names = Counter((c.code, c.passes, c.about) for c in CASES)
    assert [name for name, n in names.items() if n > 1] == []

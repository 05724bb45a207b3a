"""Precision on real resolutions (benchmarks/precision.py): a finding judged FALSE must not come back.

Each FALSE line of benchmarks/precision-labels.tsv is a finding a person read against its document and
found wrong; the fix that removed it is held here.  A FALSE label whose reason starts "open:" is a wrong
finding that no fix removes yet: it counts in the table and is listed in docs/precision.md.  The targets of the precision benchmark are held too.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import CORPUS_2, ROOT

pytestmark = pytest.mark.skipif(not CORPUS_2.is_dir(), reason="../shared/corpus-2 is absent")


def _benchmark():  # the benchmark module
    spec = importlib.util.spec_from_file_location("precision", ROOT / "benchmarks" / "precision.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["precision"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def measured():
    precision = _benchmark()
    return precision, precision.findings(), precision.labels()


def test_no_finding_judged_false_comes_back(measured) -> None:
    _, found, labelled = measured
    # "open: …": a wrong finding no fix removes yet (counted in the table, listed in docs/precision.md)
    false = {
        key for key, (verdict, reason) in labelled.items() if verdict == "FALSE" and not reason.startswith("open:")
    }
    back = sorted(f.key for f in found if f.key in false)
    assert not back, "findings judged FALSE are reported again:\n" + "\n".join(
        f"{key}: {labelled[key][1]}" for key in back
    )


def test_precision_targets_hold(measured) -> None:
    precision, found, labelled = measured
    _, overall, rates = precision.table(found, labelled)
    assert overall <= precision.TARGET_OVERALL
    assert not {code: rate for code, rate in rates.items() if rate > precision.TARGET_RULE}


def test_every_label_is_well_formed(measured) -> None:
    _, _, labelled = measured
    assert all(reason.strip() for _, reason in labelled.values()), "every label says why in one line"

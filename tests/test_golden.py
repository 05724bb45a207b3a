"""Every shared document parses to the structure a person who read it wrote down (tests/golden/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SHARED, needs_corpus
from golden_outline import GOLDEN, documents, expected, golden_path, outline

pytestmark = needs_corpus

#: documents whose golden file the parser does not meet yet, with what differs (each must fail: strict xfail)
PENDING = (
    dict(
        (line.split("\t", 1) + [""])[:2]
        for line in (GOLDEN / "pending.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    if (GOLDEN / "pending.txt").exists()
    else {}
)


def _rel(p: Path) -> str:
    return p.relative_to(SHARED).as_posix()


@pytest.mark.parametrize("document", documents(), ids=_rel)
def test_parse_matches_golden(document: Path, request: pytest.FixtureRequest):
    golden = golden_path(document)
    assert golden.exists(), f"no golden file for {_rel(document)}: read it and write {golden}"
    if _rel(document) in PENDING:
        request.applymarker(pytest.mark.xfail(reason=f"pending: {PENDING[_rel(document)]}", strict=True))
    assert outline(document) == expected(golden)


def test_every_golden_file_has_its_document():
    known = {golden_path(d) for d in documents()}
    stray = [p for p in GOLDEN.rglob("*.golden") if p not in known]
    assert not stray, f"golden files without a document: {stray}"


def test_every_golden_file_says_it_was_read():
    unread = [p for p in GOLDEN.rglob("*.golden") if "# read:" not in p.read_text(encoding="utf-8")]
    assert not unread, f"golden files without a '# read:' line: {unread}"


def test_every_pending_document_exists_and_says_why():
    known = {_rel(d) for d in documents()}
    assert not [p for p in PENDING if p not in known], "tests/golden/pending.txt names documents that are not there"
    assert all(reason.strip() for reason in PENDING.values()), "each pending document says, after a tab, what differs"

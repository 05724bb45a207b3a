"""Every shared document parses to the structure a person who read it wrote down (tests/golden/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from golden_outline import GOLDEN, documents, golden_path, outline, expected
from shared_paths import SHARED

pytestmark = pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="shared corpus not present (../shared)")

#: documents whose golden file the parser does not meet yet (each must fail: strict xfail)
PENDING = {
    line.strip()
    for line in (GOLDEN / "pending.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
} if (GOLDEN / "pending.txt").exists() else set()


def _rel(p: Path) -> str:
    return p.relative_to(SHARED).as_posix()


@pytest.mark.parametrize("document", documents(), ids=_rel)
def test_parse_matches_golden(document: Path, request: pytest.FixtureRequest):
    golden = golden_path(document)
    assert golden.exists(), f"no golden file for {_rel(document)}: read it and write {golden}"
    if _rel(document) in PENDING:
        request.applymarker(pytest.mark.xfail(reason="listed in tests/golden/pending.txt", strict=True))
    assert outline(document) == expected(golden)


def test_every_golden_file_has_its_document():
    known = {golden_path(d) for d in documents()}
    stray = [p for p in GOLDEN.rglob("*.golden") if p not in known]
    assert not stray, f"golden files without a document: {stray}"


def test_every_golden_file_says_it_was_read():
    unread = [p for p in GOLDEN.rglob("*.golden") if "# read:" not in p.read_text(encoding="utf-8")]
    assert not unread, f"golden files without a '# read:' line: {unread}"

"""A text file that is an e-mail body still in quoted-printable ("Co=\nlorado=E2=80=99s"): read decoded, as a
view of its own that is never written back (``whereas format`` used to join its soft breaks into "Co= lorado")."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import run_cli
from whereas.readers import read_bytes
from whereas.readers.formats import BY_NAME, FIX_IN_PLACE
from whereas.readers.text import is_quoted_printable

FIXTURES = Path(__file__).parent / "fixtures" / "quoted_printable"
MEADOW = FIXTURES / "meadow_bees.txt"


def test_a_quoted_printable_text_is_read_decoded() -> None:
    view = read_bytes(MEADOW.read_bytes(), str(MEADOW))
    assert view.format == "quoted-printable"
    assert "Lindenau’s meadows and gardens" in view.text
    assert "turf to native habitat" in view.text
    assert "=" not in view.text.split("Resolution on Meadow Bees", 1)[1]
    assert "quoted-printable" not in FIX_IN_PLACE and BY_NAME["quoted-printable"].has_name("x.txt")


def test_text_with_a_few_equals_signs_is_not_quoted_printable() -> None:
    assert not is_quoted_printable("Whereas E=mc2 and 2+2=4; and\n\nWhereas the sum is =\n")
    assert not is_quoted_printable("Whereas the total =\n42 units; and\n\nWhereas x=1; now, therefore, be it\n")
    data = b"Resolution on Sums\n\nWhereas 2+2=4; now, therefore, be it\n\nResolved, that a=b.\n"
    assert read_bytes(data, "sums.txt").format == "text"


def test_format_refuses_a_quoted_printable_text_and_leaves_it_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "meadow.txt"
    shutil.copy(MEADOW, path)
    done = run_cli("format", "--profile", "city", path)
    assert done.returncode == 2
    assert "quoted-printable" in done.stderr and "never rewrites" in done.stderr
    assert path.read_bytes() == MEADOW.read_bytes()
    assert "Co= " not in path.read_text(encoding="utf-8")


def test_check_fix_says_it_cannot_write_into_it_and_does_not(tmp_path: Path) -> None:
    path = tmp_path / "meadow.txt"
    shutil.copy(MEADOW, path)
    done = run_cli("check", "--fix", "--profile", "city", path)
    assert "W004" in done.stdout  # the finding is reported, on the decoded text
    assert "--fix cannot write into it" in done.stderr and "quoted-printable" in done.stderr
    assert path.read_bytes() == MEADOW.read_bytes()

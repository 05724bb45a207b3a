"""Fuzz the structure builder (``whereas.parse``) and the linter (``whereas check``) with generated resolutions:
random mixes of titles, Whereas and Resolved clauses, lists, quotations, notes and hostile tokens.

See ``fuzzing.py`` for the property and how to run long."""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzzing import (
    LIST_LABELS,
    as_chicago,
    as_docx,
    as_html,
    as_text,
    fuzz_settings,
    lint_text,
    read_parse_lint,
    refused,
    resolution_blocks,
    run_target,
)
from hypothesis import given
from hypothesis import strategies as st

import whereas
from whereas.api import CheckOptions, check_paths
from whereas.errors import InputError, InternalError
from whereas.lint.profiles import PROFILES
from whereas.model import Source

SEPARATORS = st.sampled_from(["\n\n", "\n", " ", "\r\n\r\n", "\n\n\n\n", "\n \n"])


def parse_or_refuse(text: str) -> None:
    try:
        whereas.parse(text)
    except InputError as exc:
        if not refused(exc):
            raise


@fuzz_settings(examples=50)
@given(blocks=resolution_blocks(), separator=SEPARATORS)
def test_parse_generated_resolutions(blocks: list[tuple[str, str]], separator: str) -> None:
    run_target(lambda: parse_or_refuse(as_text(blocks, separator)))


@fuzz_settings(examples=50)
@given(text=st.text(max_size=400))
def test_parse_any_text(text: str) -> None:
    run_target(lambda: parse_or_refuse(text + "\n"))


@fuzz_settings(examples=40)
@given(blocks=resolution_blocks(), separator=SEPARATORS, fmt=st.sampled_from(["text", "markdown"]))
def test_lint_and_fix_generated_resolutions(blocks: list[tuple[str, str]], separator: str, fmt: str) -> None:
    run_target(lambda: lint_text(Source(as_text(blocks, separator), fmt, None)))


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with an empty whereas.toml: no configuration above it applies."""
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "whereas.toml").write_text("")
    return folder


@fuzz_settings(examples=25)
@given(
    blocks=resolution_blocks(),
    separator=SEPARATORS,
    name=st.sampled_from(["gen.txt", "gen.md"]),
    profile=st.sampled_from([None, *PROFILES]),
)
def test_check_generated_files(
    scratch: Path, blocks: list[tuple[str, str]], separator: str, name: str, profile: str | None
) -> None:
    """``whereas check --fix --diff`` on a generated file: findings, or one clear error."""
    path = scratch / name
    path.write_text(as_text(blocks, separator), encoding="utf-8")

    def check() -> None:
        result = check_paths([path], CheckOptions(profile=profile, fix=True, write=False))
        for error in result.errors:
            if isinstance(error, InternalError):  # the bug itself, with its own traceback
                raise error.__cause__ or error

    run_target(check)


@fuzz_settings()
@given(blocks=resolution_blocks())
def test_generated_html(blocks: list[tuple[str, str]]) -> None:
    read_parse_lint(as_html(blocks).encode("utf-8", "surrogatepass"), "gen.html")


@fuzz_settings()
@given(blocks=resolution_blocks())
def test_generated_chicago_xml(blocks: list[tuple[str, str]]) -> None:
    read_parse_lint(as_chicago(blocks).encode("utf-8", "surrogatepass"), "gen.xml")


@fuzz_settings()
@given(
    blocks=resolution_blocks(),
    start=st.sampled_from(["1", "0", "-1", "28", "3000000000000", "1" + "0" * 30, "x", ""]),
    fmt=st.sampled_from(
        ["decimal", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "bullet", "none", "bogus"]
    ),
)
def test_generated_docx(blocks: list[tuple[str, str]], start: str, fmt: str) -> None:
    read_parse_lint(as_docx(blocks, start, fmt), "gen.docx")


def test_the_list_labels_include_a_huge_number() -> None:
    assert any(len(label) > 15 for label in LIST_LABELS)

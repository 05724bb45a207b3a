"""Fuzz every reader through ``read_bytes`` (then parse and lint what it reads), seeded with the fixtures.

See ``fuzzing.py`` for the property, the seeds, the mutations and how to run long."""

from __future__ import annotations

from fuzzing import fuzz_settings, mutated, mutated_doc, mutated_package, mutated_seed, read_parse_lint, seeds
from hypothesis import given
from hypothesis import strategies as st


@fuzz_settings()
@given(data=mutated_seed("text"), name=st.sampled_from(["fuzz.txt", None, "fuzz.pdf", "fuzz.html"]))
def test_text(data: bytes, name: str | None) -> None:
    read_parse_lint(data, name)


@fuzz_settings()
@given(data=mutated_seed("markdown"))
def test_markdown(data: bytes) -> None:
    read_parse_lint(data, "fuzz.md")


@fuzz_settings()
@given(data=mutated_seed("quoted-printable"))
def test_quoted_printable(data: bytes) -> None:
    read_parse_lint(data, "fuzz.txt")


@fuzz_settings()
@given(
    data=st.tuples(
        st.sampled_from(seeds("text") + seeds("markdown")), st.sampled_from(["utf-16", "utf-16-be", "utf-32", "cp1252"])
    )
    .map(lambda pair: pair[0].decode("utf-8").encode(pair[1], errors="replace"))
    .flatmap(mutated)
)
def test_text_in_other_encodings(data: bytes) -> None:
    read_parse_lint(data, "fuzz.txt")


@fuzz_settings()
@given(data=mutated_seed("html"))
def test_html(data: bytes) -> None:
    read_parse_lint(data, "fuzz.html")


@fuzz_settings()
@given(data=mutated_seed("chicago-xml"))
def test_chicago_xml(data: bytes) -> None:
    read_parse_lint(data, "fuzz.xml")


@fuzz_settings()
@given(data=mutated_seed("uslm"))
def test_uslm_xml(data: bytes) -> None:
    read_parse_lint(data, "fuzz.xml")


@fuzz_settings()
@given(data=mutated_seed("bill-xml"))
def test_bill_xml(data: bytes) -> None:
    read_parse_lint(data, "fuzz.xml")


@fuzz_settings()
@given(data=mutated_seed("akn"))
def test_akoma_ntoso(data: bytes) -> None:
    read_parse_lint(data, "fuzz.xml")


@fuzz_settings()
@given(data=mutated_package("docx"))
def test_docx(data: bytes) -> None:
    read_parse_lint(data, "fuzz.docx")


@fuzz_settings()
@given(data=mutated_package("odt"))
def test_odt(data: bytes) -> None:
    read_parse_lint(data, "fuzz.odt")


@fuzz_settings()
@given(data=mutated_doc())
def test_doc(data: bytes) -> None:
    read_parse_lint(data, "fuzz.doc")


@fuzz_settings(examples=20)  # a PDF is the slowest to read
@given(data=mutated_seed("pdf"))
def test_pdf(data: bytes) -> None:
    read_parse_lint(data, "fuzz.pdf")

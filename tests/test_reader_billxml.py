"""GPO bill XML (``bill.dtd``/``res.dtd``): the printed page's words put back, read and checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, run_cli
from whereas.api import check, parse
from whereas.errors import InputError
from whereas.readers import detect, read_path
from whereas.readers.billxml import read_billxml

HRES_VIEW = """\
# Honoring the lighthouse keepers of the Great Lakes.

Sponsors: Ms. Fennick; Mr. Osei of Michigan; Ms. Lindqvist

Whereas the keepers of the Great Lakes lights kept more than 120 stations lit through the storms of 1913; and

Whereas the keepers, in the words of the service’s own report, “never let a lamp go dark”, including—
(1) at the Split Rock station; and
(2) at the Point Betsie station: Now, therefore, be it

Resolved, That the House of Representatives—
(1) honors the lighthouse keepers of the Great Lakes; and
(2) encourages the preservation of their stations.
"""

SJRES_VIEW = """\
# Designating the week of May 4 as “National Lighthouse Week”.

Sponsors: Mr. Halvorsen

Resolved by the Senate and House of Representatives of the United States of America in Congress assembled,

SECTION 1. Designation. The week of May 4, 2025, is designated as “National Lighthouse Week”.

SEC. 2. Amendment. Section 12 of the Lighthouse Act is amended to read as follows:
“SEC. 12. Keepers. The Secretary shall honor the keepers.”.
"""


def test_a_house_resolution_reads_as_printed() -> None:
    """The resolving clause, the quotation marks and the sponsors the printer adds are in the view; a
    footnote is not."""
    view = read_path(FIXTURES / "xml_billxml_hres.xml")
    assert (view.format, view.text) == ("bill-xml", HRES_VIEW)


def test_a_reported_joint_resolution_leaves_out_what_the_committee_struck() -> None:
    """Numbered sections after their own clause, a quoted block closed after its last line, struck
    phrases and sections left out, the member who reported it no sponsor."""
    assert read_path(FIXTURES / "xml_billxml_sjres.xml").text == SJRES_VIEW


def test_each_kind_of_resolution_gets_its_own_clause() -> None:
    text = read_path(FIXTURES / "xml_billxml_hconres.xml").text
    assert "\n\nResolved by the House of Representatives (the Senate concurring), That it is the sense" in text
    senate = (FIXTURES / "xml_billxml_hconres.xml").read_bytes().replace(b"house-concurrent", b"senate-concurrent")
    assert "Resolved by the Senate (the House of Representatives concurring), That" in read_billxml(senate).text
    order = senate.replace(b"senate-concurrent", b"house-order")
    assert "\n\nOrdered, That it is the sense" in read_billxml(order).text
    hidden = order.replace(b'style="OLC"', b'display-resolving-clause="no-display-resolving-clause"')
    assert "\n\nThat it is the sense" in read_billxml(hidden).text


def test_a_bill_gets_its_enacting_clause() -> None:
    data = b"""<?xml version="1.0"?>
<!DOCTYPE bill PUBLIC "-//US Congress//DTDs/bill.dtd//EN" "bill.dtd">
<bill bill-stage="Introduced-in-Senate" public-private="public"><form><official-title>To keep lights.</official-title></form>
<legis-body><section section-type="section-one"><enum>1.</enum><header>Short title</header>
<text>This Act may be cited as the <quote>Lights Act</quote>.</text></section></legis-body></bill>"""
    assert read_billxml(data).text == (
        "# To keep lights.\n\nBe it enacted by the Senate and House of Representatives of the United States of America"
        " in Congress assembled,\n\nSECTION 1. Short title. This Act may be cited as the “Lights Act”.\n"
    )


def test_detected_by_content_beside_the_other_xml_formats() -> None:
    for name, fmt in [
        ("xml_billxml_hres.xml", "bill-xml"),
        ("xml_billxml_sjres.xml", "bill-xml"),
        ("xml_billxml_hconres.xml", "bill-xml"),  # no DOCTYPE: its root's resolution-stage tells
        ("xml_uslm_small.xml", "uslm"),
        ("xml_chicago_small.xml", "chicago-xml"),
    ]:
        assert detect((FIXTURES / name).read_bytes(), name) == fmt, name


def test_checked_as_a_congress_resolution_without_false_findings() -> None:
    """Read as text with its tags, the same file gave S003 (no resolving clause: the XML has only
    "That …") and recitals full of tags."""
    (resolution,) = parse(FIXTURES / "xml_billxml_hres.xml")
    assert len(resolution.preamble) == 2 and len(resolution.resolved) == 1
    assert (
        resolution.title is not None and resolution.title.text == "Honoring the lighthouse keepers of the Great Lakes."
    )
    assert [q.text for q in resolution.quotations] == ["never let a lamp go dark"]
    (result,) = check([FIXTURES / "xml_billxml_hres.xml"]).files
    assert (result.error, result.profile, list(result.diagnostics)) == (None, "congress", [])


def test_entity_declarations_and_broken_files_are_refused() -> None:
    bomb = b"""<?xml version="1.0"?><!DOCTYPE resolution [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>
<resolution resolution-type="house-resolution"><resolution-body><section><text>&b;</text></section></resolution-body></resolution>"""
    with pytest.raises(InputError, match="entity declarations"):
        read_billxml(bomb, "bomb.xml")
    with pytest.raises(InputError, match="without <resolution-body> or <legis-body>"):
        read_billxml(b'<resolution resolution-type="house-resolution"><form/></resolution>', "empty.xml")
    broken = (FIXTURES / "xml_billxml_hconres.xml").read_bytes().replace(b"</section>", b"</sect>")
    with pytest.raises(InputError) as info:
        read_billxml(broken, "broken.xml")
    assert info.value.line == 12 and "not well-formed XML" in str(info.value)


def test_a_fix_in_xml_is_not_counted_as_one_fix_writes(tmp_path: Path) -> None:
    """check said "1 fixable with `--fix`", and --fix left the file as it was without a word (trial 14)."""
    xml = tmp_path / "hres.xml"
    xml.write_bytes((FIXTURES / "xml_billxml_hres.xml").read_bytes().replace(b"1913; and", b"1913 and"))
    before = xml.read_bytes()
    checked = run_cli("check", str(xml))
    assert "fixable with `--fix`" not in checked.stdout
    assert "1 with a fix in PDF, OpenDocument, HTML or XML files, which --fix cannot write into" in checked.stdout
    fixed = run_cli("check", "--fix", str(xml))
    assert (
        f"{xml}: --fix cannot write into a PDF, OpenDocument, HTML or XML file; `whereas render --to md" in fixed.stderr
    )
    assert xml.read_bytes() == before

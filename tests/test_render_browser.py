"""The rendered HTML in a real browser: headless Chromium + Selenium, with an axe-core audit.

Needs Debian's ``chromium`` and ``chromium-driver``, ``selenium`` in the environment and
axe-core (``npm pack axe-core``, cached outside the repository); skipped cleanly otherwise.
The axe cache directory is ``$WHEREAS_AXE_DIR`` or ``~/.cache/whereas-tests/axe``.

Two pages are audited: the seed as published, and the seed with the results of a real
``whereas verify --format json`` run (against the seed's sources served on 127.0.0.1, as in
test_verify_check.py) shown on the page: verdict underlines, the verification aside, differences.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

import whereas
from conftest import CORPUS, SEED, needs_seed, run_cli
from whereas.render import render

AXE_DIR = Path(os.environ.get("WHEREAS_AXE_DIR", Path.home() / ".cache" / "whereas-tests" / "axe"))

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed")


def _chromium() -> tuple[str, str]:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not browser or not driver:
        pytest.skip("chromium / chromedriver absent")
    return browser, driver


_AXE: dict[str, str] = {}  # "source" or "skip": fetched (or failed) once per session


def _axe_source() -> str:
    if "skip" in _AXE:
        pytest.skip(_AXE["skip"])
    if "source" not in _AXE:
        try:
            _AXE["source"] = _fetch_axe()
        except _NoAxe as exc:
            _AXE["skip"] = str(exc)
            pytest.skip(str(exc))
    return _AXE["source"]


class _NoAxe(Exception):
    pass


def _fetch_axe() -> str:
    target = AXE_DIR / "axe.min.js"
    if target.is_file():
        return target.read_text(encoding="utf-8")
    npm = shutil.which("npm")
    if npm is None:
        raise _NoAxe("axe-core absent and npm not available")
    AXE_DIR.mkdir(parents=True, exist_ok=True)
    # few, short retries: without a network the test skips in seconds, not minutes
    cmd = [npm, "pack", "axe-core", "--silent", "--fetch-retries=1", "--fetch-retry-mintimeout=1000",
           "--fetch-retry-maxtimeout=5000", "--fetch-timeout=30000"]  # fmt: skip
    try:
        subprocess.run(cmd, cwd=AXE_DIR, check=True, timeout=120, capture_output=True, stdin=subprocess.DEVNULL)
    except (subprocess.SubprocessError, OSError) as exc:
        raise _NoAxe(f"could not fetch axe-core from the npm registry ({type(exc).__name__})") from None
    tarballs = sorted(AXE_DIR.glob("axe-core-*.tgz"), key=lambda p: p.stat().st_mtime)
    if not tarballs:
        raise _NoAxe("npm pack axe-core produced nothing")
    try:
        with tarfile.open(tarballs[-1]) as tar:
            data = tar.extractfile(tar.getmember("package/axe.min.js")).read()  # type: ignore[union-attr]
    except (tarfile.TarError, KeyError, OSError) as exc:
        raise _NoAxe(f"npm pack axe-core gave an unreadable tarball: {exc}") from None
    tmp = target.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(target)  # a half-written cache never passes for axe
    return data.decode("utf-8")


@pytest.fixture
def browser(tmp_path: Path):
    binary, driver_path = _chromium()
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = binary
    for flag in (
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
        "--disable-component-update", "--disable-sync", "--window-size=1200,1600",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):  # fmt: skip
        options.add_argument(flag)
    try:
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
    except Exception as exc:  # a browser that cannot start is an environment problem
        pytest.skip(f"chromium could not start: {exc}")
    try:
        yield driver
    finally:
        driver.quit()


@needs_seed
def test_seed_html_in_chromium(browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    page = tmp_path / "seed.html"
    page.write_text(render(whereas.parse(SEED), "html"), encoding="utf-8")
    browser.get(page.as_uri())
    browser.save_screenshot(str(tmp_path / "seed.png"))
    assert (tmp_path / "seed.png").stat().st_size > 1000

    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    recitals = browser.find_elements(By.CSS_SELECTOR, 'section[aria-label="Preamble"] p.recital')
    assert len(recitals) == 7 and all(r.is_displayed() for r in recitals)

    refs = browser.find_elements(By.CSS_SELECTOR, 'a[role="doc-noteref"]')
    assert len(refs) == 5
    for n in range(1, 6):
        ref = browser.find_element(By.ID, f"fnref{n}")
        browser.execute_script("arguments[0].click();", ref)
        assert browser.execute_script("return location.hash") == f"#fn{n}"
        note = browser.find_element(By.ID, f"fn{n}")
        assert note.is_displayed()
        back = note.find_element(By.CSS_SELECTOR, 'a[role="doc-backlink"]')
        browser.execute_script("arguments[0].click();", back)
        assert browser.execute_script("return location.hash") == f"#fnref{n}"

    assert_no_serious_axe_violations(browser)


def assert_no_serious_axe_violations(browser) -> None:
    browser.execute_script(_axe_source())
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations)).catch(e => done(String(e)));"
    )
    assert isinstance(result, list), result
    serious = [(v["id"], v["impact"], len(v["nodes"])) for v in result if v.get("impact") in ("serious", "critical")]
    assert serious == []


@pytest.fixture
def verified_seed(tmp_path: Path):
    """The seed with its URLs on a loopback server, and ``whereas verify --format json`` of it (for real)."""
    from test_verify_check import seed_copy
    from verify_server import Server
    from whereas.reports.verify_json import render as verify_json

    server = Server()
    try:
        doc = seed_copy(server, tmp_path)
        result = whereas.verify(
            doc, wayback_url=None, archive=tmp_path / "evidence.warc.gz", allow_hosts=[server.allowed]
        )
        report = tmp_path / "verify.json"
        report.write_text(verify_json(result), encoding="utf-8")
    finally:
        server.close()
    yield doc, report


@needs_seed
def test_seed_verify_page_in_chromium(browser, verified_seed, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    from whereas.render import load_verification

    doc, report = verified_seed
    verdicts = [q["verdict"] for q in json.loads(report.read_text())["quotations"]]
    assert len(verdicts) == 6 and "misquoted" in verdicts  # a page with differences to show

    page = tmp_path / "seed-verified.html"
    page.write_text(render(whereas.parse(doc), "html", verification=load_verification(report)), encoding="utf-8")
    browser.get(page.as_uri())
    browser.save_screenshot(str(tmp_path / "seed-verified.png"))

    quotes = browser.find_elements(By.CSS_SELECTOR, "q.verdict")
    assert len(quotes) == 6
    entries = browser.find_elements(By.CSS_SELECTOR, "aside.verification li[id^=verify]")
    assert len(entries) == 6 and all(e.is_displayed() for e in entries)
    for q in quotes:  # every underlined quotation is described by its entry
        entry = browser.find_element(By.ID, q.get_attribute("aria-describedby"))
        assert entry.find_element(By.CSS_SELECTOR, ".badge").text
    assert browser.find_elements(By.CSS_SELECTOR, "aside.verification .diff del")
    assert_no_serious_axe_violations(browser)


@pytest.mark.skipif(not SEED.is_file(), reason="shared seed absent")
def test_seed_review_page_in_chromium(browser, tmp_path: Path) -> None:
    """``render --verify-json V --check`` of the seed: the review page and an archived copy pass axe; the
    PEN verdict's badge leads to its entry, the entry back to the words, and on to the archived copy."""
    from selenium.webdriver.common.by import By

    from test_render_review import reviewed_seed

    reviewed_seed(tmp_path)
    proc = run_cli("render", "seed.txt", "--verify-json", "v.json", "--check", "-o", "seed.html", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    browser.get((tmp_path / "seed.html").as_uri())
    summary = browser.find_element(By.CSS_SELECTOR, "section.review-summary")
    assert summary.location["y"] < browser.find_element(By.TAG_NAME, "article").location["y"]
    badge = browser.find_element(By.CSS_SELECTOR, "q.verdict-misquoted + a.badge")
    browser.execute_script("arguments[0].click();", badge)
    entry = browser.find_element(By.ID, browser.execute_script("return location.hash").lstrip("#"))
    assert entry.is_displayed() and "profound" in entry.text
    back = entry.find_element(By.CSS_SELECTOR, "a.backref-text")
    browser.execute_script("arguments[0].click();", back)
    assert browser.execute_script("return location.hash").endswith("-text")
    assert_no_serious_axe_violations(browser)
    copy = entry.find_element(By.PARTIAL_LINK_TEXT, "archived copy").get_attribute("href")
    browser.get(copy)
    assert browser.find_element(By.ID, "passage").text.startswith("prosecution raises serious concerns")
    assert_no_serious_axe_violations(browser)


def test_congress_items_sit_under_their_recital_in_chromium(browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    source = CORPUS / "us-congress" / "BILLS-116sres100ats.xml"
    if not source.is_file():
        pytest.skip("../shared/corpus is absent")
    page = tmp_path / "sres100.html"
    page.write_text(render(whereas.parse(source), "html"), encoding="utf-8")
    browser.get(page.as_uri())
    recital = browser.find_element(By.CSS_SELECTOR, "p.recital")
    left = recital.location["x"]
    numbers = browser.find_elements(By.CSS_SELECTOR, "section.preamble p.item span.num")
    assert numbers and all(n.location["x"] > left + 10 for n in numbers)

"""``whereas serve`` in a real browser (headless Chromium + Selenium, as tests/test_render_browser.py):
upload the seed's Word file through the page, check its sources (offline, from an evidence archive),
see the misquoted PEN quotation with its differing words, follow the link to the captured copy, and
audit every page with axe-core, at 390 px wide as on a phone.  The review page's screenshots are kept
with the test's files; ``WHEREAS_DOCS_PICTURES=1`` also writes the one in docs/images/serve-review.png
(a test run leaves the checkout as it was)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed")
pytest.importorskip("selenium.webdriver", reason="selenium not installed")

from conftest import ROOT, SEED_DOCX, needs_seed
from serve_helpers import running
from test_render_browser import assert_no_serious_axe_violations, browser  # noqa: F401 - the fixture
from whereas.web import ServeConfig

IMAGES = ROOT / "docs" / "images"


@needs_seed
def test_upload_the_seed_and_see_the_misquotation(browser, tmp_path: Path) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    from test_review import _seed_archive

    archive = tmp_path / "evidence.warc.gz"
    _seed_archive(archive)
    config = ServeConfig(data=tmp_path / "data", archive=archive, offline=True)
    browser.set_window_size(390, 900)
    with running(config) as base:
        browser.get(base + "/")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
        assert_no_serious_axe_violations(browser)
        browser.find_element(By.ID, "file").send_keys(str(SEED_DOCX))
        browser.find_element(By.CSS_SELECTOR, "form.upload button[type=submit]").click()
        WebDriverWait(browser, 60).until(ready.presence_of_element_located((By.ID, "verification-h")))
        assert "/documents/" in browser.current_url
        summary = browser.find_element(By.CSS_SELECTOR, ".summary").text
        assert "to fix" in summary and "not been checked" in summary
        codes = {a.text.split()[0] for a in browser.find_elements(By.CSS_SELECTOR, "a.rule")}
        assert {"W006", "C002"} <= codes
        browser.find_element(By.CSS_SELECTOR, "#verification button[type=submit]").click()
        # the page polls the job (a script of the site's own) and reloads when it is done
        WebDriverWait(browser, 120).until(ready.presence_of_element_located((By.CSS_SELECTOR, ".verdict-misquoted")))
        pen = browser.find_element(By.CSS_SELECTOR, ".verdict-misquoted")
        assert "profound" in pen.find_element(By.CSS_SELECTOR, "del").text
        assert "serious" in pen.find_element(By.CSS_SELECTOR, "ins").text
        assert "1 quotation does not match its source" in browser.find_element(By.CSS_SELECTOR, ".summary").text
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
        assert_no_serious_axe_violations(browser)
        browser.execute_script("arguments[0].scrollIntoView()", pen)
        browser.save_screenshot(str(tmp_path / "review.png"))
        browser.set_window_size(1000, 1400)
        browser.execute_script("arguments[0].scrollIntoView()", pen)
        browser.save_screenshot(str(tmp_path / "serve-review.png"))
        if os.environ.get("WHEREAS_DOCS_PICTURES") == "1":
            IMAGES.mkdir(parents=True, exist_ok=True)
            (IMAGES / "serve-review.png").write_bytes((tmp_path / "serve-review.png").read_bytes())
        pen.find_element(By.CSS_SELECTOR, ".evidence a").click()
        WebDriverWait(browser, 30).until(ready.presence_of_element_located((By.CSS_SELECTOR, "dl.facts")))
        assert "2024-05-01" in browser.find_element(By.CSS_SELECTOR, "dl.facts").text
        assert_no_serious_axe_violations(browser)
        browser.get(base + "/rules/W006")
        assert_no_serious_axe_violations(browser)


def test_sign_in_and_a_new_version_in_the_browser(browser, tmp_path: Path) -> None:  # noqa: F811
    """A shared server: the browser is sent to the sign-in page, signs in, uploads two versions of a
    draft, and sees what changed word by word; each page passes axe-core at 390 px."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    from whereas.web.app import prepare
    from whereas.web.auth import hash_password

    config = ServeConfig(data=tmp_path / "data")
    store = prepare(config)
    store.add_user("ann", "drafter", hash_password("correct horse battery"))
    store.engine.dispose()
    drafts = []
    for n, hour in enumerate(("noon", "five in the evening"), 1):
        draft = tmp_path / f"v{n}" / "hours.txt"
        draft.parent.mkdir()
        draft.write_text(
            f"Resolution on Library Hours\n\nWhereas the library closes at {hour};\n\n"
            "Resolved, that the library opens late.\n"
        )
        drafts.append(draft)
    browser.set_window_size(390, 900)
    with running(config) as base:
        browser.get(base + "/")
        WebDriverWait(browser, 30).until(ready.presence_of_element_located((By.ID, "password")))
        assert "/signin" in browser.current_url
        assert_no_serious_axe_violations(browser)
        browser.find_element(By.ID, "name").send_keys("ann")
        browser.find_element(By.ID, "password").send_keys("correct horse battery")
        browser.find_element(By.CSS_SELECTOR, "form.signin button[type=submit]").click()
        WebDriverWait(browser, 30).until(ready.presence_of_element_located((By.ID, "file")))
        assert "Signed in as ann" in browser.find_element(By.CSS_SELECTOR, "form.signout").text
        for draft in drafts:
            browser.get(base + "/")
            browser.find_element(By.ID, "file").send_keys(str(draft))
            browser.find_element(By.CSS_SELECTOR, "form.upload button[type=submit]").click()
            WebDriverWait(browser, 60).until(ready.presence_of_element_located((By.ID, "verification-h")))
        versions = browser.find_element(By.ID, "versions")
        assert "version 2" in versions.text
        assert versions.find_element(By.CSS_SELECTOR, ".diff del").text.strip() == "noon;"
        assert versions.find_element(By.CSS_SELECTOR, ".diff ins").text.strip() == "five in the evening;"
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
        assert_no_serious_axe_violations(browser)
        browser.save_screenshot(str(tmp_path / "versions.png"))
        browser.get(base + "/")
        assert_no_serious_axe_violations(browser)  # the list, and the form's "a new version of"
        browser.find_element(By.CSS_SELECTOR, "form.signout button[type=submit]").click()
        WebDriverWait(browser, 30).until(ready.presence_of_element_located((By.ID, "password")))

"""The rendered HTML in a real browser: headless Chromium + Selenium, with an axe-core audit.

Needs Debian's ``chromium`` and ``chromium-driver``, ``selenium`` in the environment and
axe-core (``npm pack axe-core``, cached outside the repository); skipped cleanly otherwise.
The axe cache directory is ``$WHEREAS_AXE_DIR`` or ``~/.cache/whereas-tests/axe``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

import whereas
from whereas.render import render

SEED = Path("/work/shared/seed/resolution-on-assange.txt")
AXE_DIR = Path(os.environ.get("WHEREAS_AXE_DIR", Path.home() / ".cache" / "whereas-tests" / "axe"))

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed")


def _chromium() -> tuple[str, str]:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not browser or not driver:
        pytest.skip("chromium / chromedriver absent")
    return browser, driver


def _axe_source() -> str:
    target = AXE_DIR / "axe.min.js"
    if target.is_file():
        return target.read_text(encoding="utf-8")
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("axe-core absent and npm not available")
    AXE_DIR.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run([npm, "pack", "axe-core", "--silent"], cwd=AXE_DIR, check=True, timeout=120, capture_output=True)
    except (subprocess.SubprocessError, OSError):
        pytest.skip("could not fetch axe-core from the npm registry")
    tarballs = sorted(AXE_DIR.glob("axe-core-*.tgz"))
    if not tarballs:
        pytest.skip("npm pack axe-core produced nothing")
    with tarfile.open(tarballs[-1]) as tar:
        member = tar.getmember("package/axe.min.js")
        data = tar.extractfile(member).read()  # type: ignore[union-attr]
    target.write_bytes(data)
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
    except Exception as exc:  # noqa: BLE001 - a browser that cannot start is an environment problem
        pytest.skip(f"chromium could not start: {exc}")
    try:
        yield driver
    finally:
        driver.quit()


@pytest.mark.skipif(not SEED.is_file(), reason="shared seed absent")
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

    browser.execute_script(_axe_source())
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations)).catch(e => done(String(e)));"
    )
    assert isinstance(result, list), result
    serious = [(v["id"], v["impact"], len(v["nodes"])) for v in result if v.get("impact") in ("serious", "critical")]
    assert serious == []

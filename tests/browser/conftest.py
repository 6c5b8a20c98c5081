"""A real headless Chromium — Debian's, driven through Debian's chromedriver — against
pytest-django's live server with the bilingual demo site."""

import io
import os
import threading
from pathlib import Path

import pytest
from django.core.management import call_command
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from wagtail.search.backends import get_search_backend

from search.query import ElasticsearchHealth

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_ARGUMENTS = [
    "--headless=new",
    "--no-sandbox",  # tests run as root in CI containers
    "--disable-gpu",
    "--disable-dev-shm-usage",
    # The machines have no internet: without these Chromium keeps trying to phone home.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser(live_server, tmp_path_factory):
    """One Chromium for the session, quit before the live server it talks to stops."""
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not os.access(path, os.X_OK)]
    if missing:
        pytest.fail(
            f"{' and '.join(missing)} not found: browser tests need Debian's packages "
            "(apt-get install chromium chromium-driver; `make test` installs them as root)."
        )
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in CHROMIUM_ARGUMENTS:
        options.add_argument(argument)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # the console, where CSP violations go
    # A driver path given here means Selenium Manager never looks for (or downloads) one.
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(15)
    yield driver
    driver.quit()
    # Chromium's keep-alive connections close with it. On SQLite the server's request threads
    # then close the in-memory database they share with the tests; let them finish before
    # pytest-django stops that sharing, or they fail with "objects created in a thread".
    for thread in threading.enumerate():
        if thread.name.endswith("(process_request_thread)"):
            thread.join(timeout=5)


@pytest.fixture(scope="session")
def csp_violations(browser):
    """csp_violations() → the Content-Security-Policy violations Chromium reported since the last
    call, on whatever pages it showed: each is a console error naming the page and what was refused."""

    def read():
        return [entry["message"] for entry in browser.get_log("browser") if CSP_VIOLATION in entry["message"]]

    return read


CSP_VIOLATION = "violates the following Content Security Policy directive"


@pytest.fixture(autouse=True)
def no_csp_violation(csp_violations):
    """Every browser test fails if any page it visited broke its Content-Security-Policy: an inline
    script or style the policy refuses is a feature that silently does not work for readers."""
    csp_violations()  # an earlier test's are its own
    yield
    if violations := csp_violations():
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(violations))


@pytest.fixture
def portal_url(live_server, transactional_db, browser, monkeypatch):
    """The live server's address, serving the demo site (searchable on Elasticsearch too)."""
    call_command("load_demo_content", without_admin=True, stdout=io.StringIO())
    if isinstance(get_search_backend(), ElasticsearchBaseSearchBackend):
        # A fresh index: the live server shares this process, so it searches what we build.
        monkeypatch.setattr(ElasticsearchHealth, "failed_at", None)
        call_command("update_index", stdout=io.StringIO())
    browser.set_window_size(1280, 900)
    # Pages are public for PAGE_MAX_AGE: a page another test saw at this same address (the live
    # server outlives the tests) would come from Chromium's cache, with that test's content.
    browser.execute_cdp_cmd("Network.clearBrowserCache", {})
    yield live_server.url
    browser.delete_all_cookies()


AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.1 A and AA, plus axe's best practices (landmarks, headings) — only serious and critical
# findings fail a test; the rest are printed for review.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING_IMPACTS = {"serious", "critical"}
ARTEFACTS = Path(os.environ.get("BROWSER_ARTEFACTS", Path(__file__).resolve().parents[2] / "artefacts"))


@pytest.fixture(scope="session")
def axe_source():
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} not found: run `npm ci` (`make test` does) to install axe-core.")
    return AXE_SCRIPT.read_text()


@pytest.fixture
def axe_findings(browser, axe_source):
    """axe-core run on the page the browser shows: [(impact, rule, how many elements, first element)]."""

    def run():
        browser.execute_script(axe_source)
        return browser.execute_async_script(
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: "tag", values: arguments[0]}, resultTypes: ["violations"]})
               .then(results => done(results.violations.map(v => [v.impact, v.id, v.nodes.length,
                                                                  v.nodes[0].target.join(" ")])))
               .catch(error => done([["critical", "axe-error", 0, String(error)]]));
            """,
            AXE_TAGS,
        )

    return run


@pytest.fixture
def screen_width(browser):
    """Emulate a screen `width` CSS pixels wide (a phone below 600: touch, mobile viewport);
    the browser is shared, so the emulation ends with the test."""

    def emulate(width):
        browser.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600},
        )

    yield emulate
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.fixture(scope="session")
def artefacts():
    """Where screenshots and printouts go for people to review (git-ignored; CI can keep them)."""
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    return ARTEFACTS

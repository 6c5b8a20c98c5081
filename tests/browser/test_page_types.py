"""Every page type, in both languages, in real Chromium: no serious or critical axe-core finding,
nothing wider than a 360 px phone, and screenshots at 360 and 1280 px for people to review.
Then the reader's display options (high contrast, larger text) and the printed page."""

import base64

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.wait import WebDriverWait

from tests.browser.conftest import FAILING_IMPACTS
from tests.page_types import page_type_paths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE, DESKTOP = 360, 1280


def save_screenshot(browser, path):
    """The whole page, not only the window: Chromium's own capture beyond the viewport."""
    size = browser.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    shot = browser.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
        },
    )
    path.write_bytes(base64.b64decode(shot["data"]))


def horizontal_overflow(browser):
    """How many CSS pixels the page is wider than the screen (a reader would have to scroll sideways)."""
    return browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")


def failing(findings):
    return [finding for finding in findings if finding[0] in FAILING_IMPACTS]


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_page_type_passes_axe_and_fits_a_phone(
    browser, portal_url, screen_width, axe_findings, artefacts, language
):
    paths = page_type_paths(language)
    problems, review = [], []
    screenshots = artefacts / "screenshots"
    screenshots.mkdir(exist_ok=True)
    for width in (DESKTOP, PHONE):
        screen_width(width)
        for name, path in paths.items():
            browser.get(portal_url + path)
            assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == language, path
            save_screenshot(browser, screenshots / f"{name}-{language}-{width}.png")
            findings = axe_findings()
            problems += [f"{path} at {width}px: {finding}" for finding in failing(findings)]
            review += [f"{path} at {width}px: {finding}" for finding in findings if finding not in failing(findings)]
            if width == PHONE and (overflow := horizontal_overflow(browser)) > 0:
                problems.append(f"{path} is {overflow}px wider than a {PHONE}px screen")
    if review:
        print("axe-core findings below 'serious', for review:", *review, sep="\n  ")
    assert not problems, "\n".join(problems)
    assert len(list(screenshots.glob(f"*-{language}-*.png"))) >= 2 * len(paths)


def test_high_contrast_and_larger_text_are_remembered_and_stay_accessible(
    browser, portal_url, screen_width, axe_findings
):
    paths = page_type_paths("es")
    browser.get(portal_url + paths["dataset"])
    base_size = browser.execute_script("return parseFloat(getComputedStyle(document.body).fontSize)")
    for label in ("Alto contraste", "Texto más grande"):
        button = WebDriverWait(browser, 5).until(
            EC.element_to_be_clickable((By.XPATH, f"//button[normalize-space()='{label}']"))
        )
        assert button.get_attribute("aria-pressed") == "false"
        button.click()
        assert button.get_attribute("aria-pressed") == "true"

    # Remembered on the next page, applied before it is drawn.
    browser.get(portal_url + paths["question"])
    classes = browser.find_element(By.TAG_NAME, "html").get_attribute("class").split()
    assert {"high-contrast", "large-text"} <= set(classes)
    assert browser.execute_script("return getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    larger = browser.execute_script("return parseFloat(getComputedStyle(document.body).fontSize)")
    assert larger == pytest.approx(base_size * 1.25)

    problems = []
    for name in ("home", "dataset", "regulation-comparison", "question", "search-results"):
        browser.get(portal_url + paths[name])
        problems += [f"{name}: {finding}" for finding in failing(axe_findings())]
    screen_width(PHONE)
    browser.get(portal_url + paths["dataset"])
    assert horizontal_overflow(browser) <= 0, "larger text on a phone makes the dataset page scroll sideways"
    assert not problems, "\n".join(problems)

    # And back: the default look again.
    screen_width(DESKTOP)
    browser.get(portal_url + paths["home"])
    browser.find_element(By.XPATH, "//button[normalize-space()='Alto contraste']").click()
    browser.get(portal_url + paths["home"])
    assert "high-contrast" not in browser.find_element(By.TAG_NAME, "html").get_attribute("class").split()


def test_print_shows_the_content_with_every_answer_open(browser, portal_url, artefacts):
    paths = page_type_paths("es")
    browser.get(portal_url + paths["faq-category"])
    answers = browser.find_elements(By.CSS_SELECTOR, "main details")
    assert answers and not any(answer.get_attribute("open") for answer in answers)

    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        hidden = browser.execute_script(
            "return ['.state-bar', '.site-header', '.main-nav', '.site-footer', '.breadcrumbs']"
            ".map(s => [...document.querySelectorAll(s)].every(e => e.getClientRects().length === 0))"
        )
        assert all(hidden), "the header, menus and footer are not left off the printout"
        browser.execute_script("window.dispatchEvent(new Event('beforeprint'))")
        assert all(answer.get_attribute("open") for answer in answers)
        browser.execute_script("window.dispatchEvent(new Event('afterprint'))")
        assert not any(answer.get_attribute("open") for answer in answers)

        for name in ("faq-category", "regulation"):
            browser.get(portal_url + paths[name])
            pdf = browser.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})
            (artefacts / f"print-{name}-es.pdf").write_bytes(base64.b64decode(pdf["data"]))
        asides_drawn = browser.execute_script(
            "return [...document.querySelectorAll('.toc, .regulation-aside')].map(e => e.getClientRects().length)"
        )
        assert asides_drawn and not any(asides_drawn), "the regulation's contents and versions list are printed"
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

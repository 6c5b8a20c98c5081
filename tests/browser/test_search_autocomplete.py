"""The search box's suggestions in a real browser, used by keyboard and by mouse."""

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.wait import WebDriverWait

# serialized_rollback: the flush after each test also removes what migrations created (locales, root page).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BOX_ID = "site-search-q"  # the header's search box, on every page
LISTBOX_ID = "site-search-suggestions"
TWO_MATCHES = "accessibility stat"  # in the demo: the statement and a monthly note


def wait(browser):
    return WebDriverWait(browser, 5)


def press(browser, *keys):
    """Keys go wherever the focus is, as a keyboard user's would."""
    ActionChains(browser).send_keys(*keys).perform()


def focused_id(browser):
    return browser.switch_to.active_element.get_attribute("id")


def tab_to(browser, element_id, limit=10):
    """Tab through the page from its top until `element_id` has the focus; returns the stops."""
    stops = []
    while focused_id(browser) != element_id:
        assert len(stops) < limit, f"{element_id} not reached with Tab; focus went to {stops}"
        press(browser, Keys.TAB)
        active = browser.switch_to.active_element
        stops.append(active.get_attribute("id") or active.get_attribute("class") or active.tag_name)
    return stops


def suggestions(browser):
    listbox = wait(browser).until(EC.visibility_of_element_located((By.ID, LISTBOX_ID)))
    return listbox.find_elements(By.CSS_SELECTOR, "[role=option]")


def announcement(browser):
    # The live region is visually hidden, so read its text content rather than rendered text.
    return browser.find_element(By.ID, "site-search-status").get_attribute("textContent")


def test_keyboard_user_chooses_a_suggestion(browser, portal_url):
    browser.get(f"{portal_url}/en/")
    stops = tab_to(browser, BOX_ID)
    assert stops[0] == "skip-link"
    box = browser.switch_to.active_element
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-autocomplete") == "list"
    assert box.get_attribute("aria-controls") == LISTBOX_ID
    assert box.get_attribute("aria-expanded") == "false"

    press(browser, "statem")
    options = suggestions(browser)

    assert box.get_attribute("aria-expanded") == "true"
    assert [option.text for option in options] == ["Accessibility statement"]
    assert announcement(browser) == "1 suggestion available"
    assert box.get_attribute("aria-activedescendant") is None

    press(browser, Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == options[0].get_attribute("id")
    assert options[0].get_attribute("aria-selected") == "true"
    assert focused_id(browser) == BOX_ID  # focus stays in the box; only the active option moves

    press(browser, Keys.ARROW_DOWN)  # past the last option: wraps to the first
    assert box.get_attribute("aria-activedescendant") == options[0].get_attribute("id")

    press(browser, Keys.ENTER)
    wait(browser).until(EC.url_to_be(f"{portal_url}/en/accessibility/"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Accessibility statement"


def test_escape_closes_then_clears_on_a_narrow_screen(browser, portal_url):
    browser.set_window_size(360, 740)
    browser.get(f"{portal_url}/en/")
    label = browser.find_element(By.XPATH, "//label[normalize-space()='Search the portal']")
    box = browser.find_element(By.ID, label.get_attribute("for"))
    box.send_keys(TWO_MATCHES)  # focuses the box first, as Tab would
    options = suggestions(browser)
    assert [option.text for option in options] == ["Accessibility statement", "We audited the site's accessibility with users"]
    assert announcement(browser) == "2 suggestions available"

    listbox = browser.find_element(By.ID, LISTBOX_ID)
    viewport = browser.execute_script("return document.documentElement.clientWidth")
    assert 0 <= listbox.rect["x"] and listbox.rect["x"] + listbox.rect["width"] <= viewport

    press(browser, Keys.ARROW_UP)  # from the box, Up goes to the last option
    assert box.get_attribute("aria-activedescendant") == options[-1].get_attribute("id")

    press(browser, Keys.ESCAPE)
    assert box.get_attribute("aria-expanded") == "false"
    assert not listbox.is_displayed()
    assert box.get_attribute("aria-activedescendant") is None
    assert box.get_attribute("value") == TWO_MATCHES  # the first Escape keeps the text

    press(browser, Keys.ARROW_DOWN)  # the same suggestions come back, first one active
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-activedescendant") == options[0].get_attribute("id")

    press(browser, Keys.ESCAPE, Keys.ESCAPE)
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("value") == ""

    press(browser, TWO_MATCHES)
    suggestions(browser)
    press(browser, Keys.TAB)  # leaving the box closes the list; focus goes on as usual
    assert box.get_attribute("aria-expanded") == "false"
    assert focused_id(browser) != BOX_ID


def test_no_match_is_announced_and_enter_submits_the_search(browser, portal_url):
    browser.get(f"{portal_url}/en/")
    box = browser.find_element(By.ID, BOX_ID)
    box.send_keys("qwxz")

    wait(browser).until(lambda _: announcement(browser) == "No suggestions")
    assert box.get_attribute("aria-expanded") == "false"

    press(browser, Keys.ENTER)  # no suggestion chosen: the form submits as it does without JavaScript
    wait(browser).until(EC.url_to_be(f"{portal_url}/en/search/?q=qwxz"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Search"
    # The search page has a second box; each combobox drives its own list.
    controls = browser.execute_script(
        "return [...document.querySelectorAll('[role=combobox]')].map(box => box.getAttribute('aria-controls'))"
    )
    assert controls == [LISTBOX_ID, "search-page-suggestions"]


def test_mouse_user_clicks_a_suggestion(browser, portal_url):
    browser.get(f"{portal_url}/en/")
    browser.find_element(By.ID, BOX_ID).click()
    press(browser, "about")
    options = {option.text: option for option in suggestions(browser)}

    assert "About us" in options  # beside questions "about" other things
    options["About us"].click()
    wait(browser).until(EC.url_to_be(f"{portal_url}/en/about-us/"))

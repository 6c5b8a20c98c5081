"""One monthly note's whole editorial journey in a real browser: an editor submits the draft, a
reviewer approves it from the dashboard, a translator translates it in wagtail-localize's editor
and submits the translation, a reviewer approves the English page. Nothing goes live before a
reviewer's approval."""

import datetime

import pytest
from django.contrib.auth.models import Group
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.wait import WebDriverWait
from wagtail.images.models import Image
from wagtail.models import Locale

from editorial import roles
from editorial.workflow import WORKFLOW_NAME
from notes.models import NotePage, NotesIndexPage
from tests.conftest import in_english, load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE_ES = "Firmamos los oficios con firma electrónica avanzada"
TITLE_EN = "We sign official letters with an advanced electronic signature"
NEW_SUMMARY = "Desde diciembre, todos los oficios del Senado se firman y envían sin papel."


def wait(browser, seconds=10):
    return WebDriverWait(browser, seconds)


@pytest.fixture
def site_url(live_server, transactional_db, browser):
    """The live server with the demo's notes only: the journey needs neither the other sections nor search
    (`portal_url` loads and indexes everything, three times slower)."""
    load_demo("notes")
    browser.set_window_size(1280, 900)
    yield live_server.url
    browser.delete_all_cookies()


@pytest.fixture
def draft_note(site_url, django_user_model):
    """December 2026 (after the demo's last edition), never published, prepared by an editor."""
    users = {}
    for role in (roles.EDITORS, roles.REVIEWERS, roles.TRANSLATORS):
        user = django_user_model.objects.create_user(username=role.lower(), password="password")
        user.groups.add(Group.objects.get(name=role))
        users[role] = in_english(user)
    index = NotesIndexPage.objects.get(locale__language_code="es")
    note = NotePage(
        title=TITLE_ES,
        slug="firma-electronica-avanzada",
        edition_number=16,
        edition_month=datetime.date(2026, 12, 1),
        summary="Borrador del resumen.",
        hero_image=Image.objects.first(),
        hero_alt="Hojas de papel con una marca de verificación roja.",
        body=[("paragraph", "<p>Los oficios ya no se imprimen.</p>")],
        live=False,
        owner=users[roles.EDITORS],
    )
    index.add_child(instance=note)
    note.save_revision(user=users[roles.EDITORS])
    return note, users


def log_in(browser, site_url, user):
    browser.delete_all_cookies()
    browser.get(f"{site_url}/admin/login/")
    browser.find_element(By.ID, "id_username").send_keys(user.username)
    browser.find_element(By.ID, "id_password").send_keys("password")
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait(browser).until(EC.url_to_be(f"{site_url}/admin/"))


def shows_message(browser, text):
    """Wait for the admin's message: its (empty) message area is on every admin page, the one being
    left included, so wait for the text rather than for the area."""
    wait(browser).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".messages"), text))


def heading_of(browser, url):
    """What a reader sees at a public address: the page's main heading (the 404 page has one too)."""
    browser.get(url)
    return browser.find_element(By.TAG_NAME, "h1").text


def choose_from_menu(browser, scope, item_text):
    """Open the dropdown menu in `scope` (a toolbar, a listing row) and click one of its items."""
    scope.find_element(By.CSS_SELECTOR, ".w-dropdown__toggle").click()
    item = wait(browser).until(
        EC.element_to_be_clickable((By.XPATH, f"//*[self::a or self::button][normalize-space()='{item_text}']"))
    )
    item.click()


def approve_from_dashboard(browser, site_url, reviewer, title, comment):
    """The reviewer's dashboard lists the page awaiting review; approve it with a comment."""
    log_in(browser, site_url, reviewer)
    panel = browser.find_element(By.ID, "awaiting-review-section")
    row = panel.find_element(By.XPATH, f".//tr[.//a[normalize-space()='{title}']]")
    choose_from_menu(browser, row, "Approve with comment")
    modal = wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".modal-dialog form")))
    modal.find_element(By.NAME, "comment").send_keys(comment)
    modal.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(browser).until(EC.staleness_of(panel))


def test_a_note_goes_from_draft_to_review_to_published_to_translated(browser, site_url, draft_note):
    note, users = draft_note
    public_es = f"{site_url}/es/notas/firma-electronica-avanzada/"

    # The editor changes the summary and submits the draft for review.
    log_in(browser, site_url, users[roles.EDITORS])
    browser.get(f"{site_url}/admin/pages/{note.pk}/edit/")
    summary = browser.find_element(By.ID, "id_summary")
    summary.clear()
    summary.send_keys(NEW_SUMMARY)
    choose_from_menu(browser, browser.find_element(By.CSS_SELECTOR, "footer"), f"Submit to {WORKFLOW_NAME}")
    shows_message(browser, "has been submitted for moderation")
    assert heading_of(browser, public_es) != TITLE_ES

    # The reviewer approves it from the dashboard: the note is public, with the new summary.
    approve_from_dashboard(browser, site_url, users[roles.REVIEWERS], TITLE_ES, "Bien contado, publicado.")
    assert heading_of(browser, public_es) == TITLE_ES
    assert NEW_SUMMARY in browser.find_element(By.TAG_NAME, "main").text

    # The translator starts the English version from the dashboard (the Spanish page is not theirs to edit).
    log_in(browser, site_url, users[roles.TRANSLATORS])
    missing = browser.find_element(By.ID, "missing-translations-section")
    missing.find_element(By.XPATH, f".//tr[contains(., '{TITLE_ES}')]//a[normalize-space()='Translate']").click()
    english = Locale.objects.get(language_code="en")
    wait(browser).until(EC.element_to_be_clickable((By.CSS_SELECTOR, f"input[name=locales][value='{english.pk}']"))).click()
    browser.find_element(By.CSS_SELECTOR, "form input[type=submit]").click()
    wait(browser).until(EC.url_contains("/edit/"))

    # In wagtail-localize's editor: translate the title segment, save it, submit for review.
    title_segment = wait(browser).until(
        EC.element_to_be_clickable((By.XPATH, "//li[h3[normalize-space()='Title']]//li[contains(@class, 'incomplete')]"))
    )
    title_segment.find_element(By.XPATH, ".//button[normalize-space()='Translate']").click()
    title_segment.find_element(By.TAG_NAME, "textarea").send_keys(TITLE_EN)
    title_segment.find_element(By.XPATH, ".//button[normalize-space()='Save']").click()
    wait(browser).until(lambda _: "incomplete" not in title_segment.get_attribute("class"))
    assert TITLE_EN in title_segment.text
    submit = browser.find_element(By.XPATH, "//button[normalize-space()='Submit translation for review']")
    # To the middle of the screen, as a reader scrolls, not to its bottom edge behind Wagtail's floating
    # footer (where WebDriver's own scrolling leaves it); "instant" because the admin scrolls smoothly.
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", submit)
    submit.click()
    shows_message(browser, "is saved as a draft and submitted for review")
    public_en = f"{site_url}/en/notes/firma-electronica-avanzada/"
    assert heading_of(browser, public_en) != TITLE_EN

    # A reviewer approves the English page: it is public, with the translated title.
    approve_from_dashboard(browser, site_url, users[roles.REVIEWERS], TITLE_EN, "Translation checked.")
    assert heading_of(browser, public_en) == TITLE_EN

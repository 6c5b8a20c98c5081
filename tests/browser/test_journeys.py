"""What citizens come to the portal for, done end to end in a real browser on the bilingual demo:
download a transparency table, search without accents, read and compare a regulation, switch
language, tell us whether an answer helped, and all of it by keyboard alone.

Elements are found as a reader finds them: by their visible text, labels and landmarks."""

import csv

import pytest
from django.core.cache import cache
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

from faq.models import AnswerFeedback

# serialized_rollback: the flush after each test also removes what migrations created (locales, root page).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MAIN_MENU = "//nav[@aria-label='Menú principal']"
NOTE_ES = "Cero Papel: el expediente electrónico llega a las compras"
NOTE_EN = "Paperless: electronic records reach procurement"
QUESTION_URL = "/es/preguntas-frecuentes/compras-y-proveedores/reclamar-por-una-licitacion/"

# Screen-reader-only text (a sort hint, "[eliminado: …]") is clipped to a 1px box; a sighted reader sees the rest.
SEEN_TEXT = """
const walker = document.createTreeWalker(arguments[0], NodeFilter.SHOW_TEXT);
let text = "";
while (walker.nextNode()) {
    if (walker.currentNode.parentElement.getBoundingClientRect().width > 1) text += walker.currentNode.data;
}
return text.replace(/\\s+/g, " ").trim();
"""
FOCUS_INDICATOR = """
const style = getComputedStyle(arguments[0]);
const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
return outlined || style.boxShadow !== "none";
"""


def wait(browser, seconds=10):
    return WebDriverWait(browser, seconds)


def seen_text(browser, element):
    return browser.execute_script(SEEN_TEXT, element)


def heading(browser):
    return browser.find_element(By.TAG_NAME, "h1").text


def follow(browser, link):
    """Click a link to another page and wait until that page has replaced this one."""
    page = browser.find_element(By.TAG_NAME, "html")
    link.click()
    wait(browser).until(EC.staleness_of(page))


def link_in(browser, container_xpath, text):
    return browser.find_element(By.XPATH, f"{container_xpath}//a[contains(normalize-space(), '{text}')]")


def field_labelled(browser, label_text):
    label = browser.find_element(By.XPATH, f"//label[normalize-space()='{label_text}']")
    return browser.find_element(By.ID, label.get_attribute("for"))


def press(browser, *keys):
    """Keys go wherever the focus is, as a keyboard user's would."""
    ActionChains(browser).send_keys(*keys).perform()


def shift_tab(browser):
    ActionChains(browser).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()


def next_stop(browser, backwards=False):
    """Tab (or Shift+Tab) once; wherever the focus lands, the reader must see it."""
    if backwards:
        shift_tab(browser)
    else:
        press(browser, Keys.TAB)
    focused = browser.switch_to.active_element
    shown = browser.execute_script(FOCUS_INDICATOR, focused)
    assert shown, f"no visible focus on {focused.get_attribute('outerHTML')[:120]}"
    return focused


def focus_until(browser, target, backwards=False, limit=40):
    """Tab (or Shift+Tab) until `target` has the focus, however many stops the header has before it."""
    for _ in range(limit):
        if next_stop(browser, backwards) == target:
            return
    pytest.fail(f"{target.get_attribute('outerHTML')[:120]} not reached in {limit} presses of Tab")


def downloaded_file(directory):
    """The finished download, once Chromium has renamed it from its .crdownload name."""
    finished = [path for path in directory.iterdir() if path.suffix != ".crdownload"]
    return finished[0] if finished else None


@pytest.fixture
def downloads(browser, tmp_path):
    """Chromium saves downloads in a directory of this test, without asking."""
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    yield tmp_path
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "default"})


def test_citizen_downloads_a_transparency_dataset_as_csv(browser, portal_url, downloads):
    browser.get(f"{portal_url}/es/")
    follow(browser, link_in(browser, MAIN_MENU, "Transparencia"))
    assert heading(browser) == "Transparencia Activa"
    follow(browser, link_in(browser, "//main", "Compras y contrataciones"))
    assert heading(browser) == "Compras y contrataciones"
    follow(browser, link_in(browser, "//main", "Contrataciones de bienes y servicios"))
    assert heading(browser) == "Contrataciones de bienes y servicios"

    table = browser.find_element(By.XPATH, "//main//table")
    columns = [seen_text(browser, header) for header in table.find_elements(By.XPATH, "./thead//th")]
    rows_on_page = table.find_elements(By.XPATH, "./tbody/tr")
    link_in(browser, "//main", "en CSV").click()
    csv_file = wait(browser).until(lambda _: downloaded_file(downloads))

    assert csv_file.name.endswith(".csv")
    with csv_file.open(encoding="utf-8-sig", newline="") as downloaded:  # a BOM, for spreadsheet programs
        header, *rows = csv.reader(downloaded)
    assert header == columns
    assert len(rows) == len(rows_on_page) > 0


def test_search_without_accents_finds_accented_words(browser, portal_url):
    browser.get(f"{portal_url}/es/")
    field_labelled(browser, "Buscar en el portal").send_keys("licitacion", Keys.ENTER)

    wait(browser).until(EC.url_contains("/es/buscar/?q=licitacion"))
    count = browser.find_element(By.XPATH, "//main//h2[contains(., '«licitacion»')]")
    results = browser.find_elements(By.XPATH, f"//section[@aria-labelledby='{count.get_attribute('id')}']//ol/li")
    assert any("licitación" in result.text.lower() for result in results)

    chosen = next(
        link for link in (result.find_element(By.TAG_NAME, "a") for result in results) if "licitación" in link.text
    )
    title = chosen.text
    follow(browser, chosen)
    assert heading(browser) == title
    assert browser.title.startswith(title)


def test_reader_opens_an_article_and_compares_two_versions(browser, portal_url):
    browser.get(f"{portal_url}/es/")
    follow(browser, link_in(browser, MAIN_MENU, "Reglamentos"))
    follow(browser, link_in(browser, "//main", "Reglamento de compras y contrataciones"))

    table_of_contents = "//nav[@aria-labelledby=//h2[normalize-space()='Índice']/@id]"
    link_in(browser, table_of_contents, "Artículo 12.").click()
    wait(browser).until(EC.url_contains("#art-12"))
    article = browser.find_element(By.XPATH, "//*[@id='art-12']")
    follow(browser, article.find_element(By.XPATH, ".//a[normalize-space()='Artículo 12']"))
    assert heading(browser) == "Artículo 12"
    assert "Reglamento de compras y contrataciones" in browser.find_element(By.TAG_NAME, "main").text

    Select(field_labelled(browser, "Versión anterior")).select_by_visible_text("Vigente desde el 1 de abril de 2023")
    Select(field_labelled(browser, "Versión posterior")).select_by_visible_text("Vigente desde el 1 de julio de 2024")
    follow(browser, browser.find_element(By.XPATH, "//form//button[normalize-space()='Comparar']"))

    assert heading(browser) == (
        "Qué cambió entre la versión vigente desde el 1 de abril de 2023 "
        "y la versión vigente desde el 1 de julio de 2024"
    )
    article_changes = "//section[@aria-labelledby=//h3[normalize-space()='Artículo 12']/@id]"
    changes = browser.find_element(By.XPATH, article_changes)
    deleted = changes.find_elements(By.TAG_NAME, "del")
    inserted = changes.find_elements(By.TAG_NAME, "ins")
    assert "30" in [seen_text(browser, words) for words in deleted]  # the old threshold of 30 UTM…
    assert "100" in [seen_text(browser, words) for words in inserted]  # …raised to 100
    assert "[eliminado:" in deleted[0].get_attribute("textContent")  # said in words to screen readers
    decoration = "return getComputedStyle(arguments[0]).textDecorationLine"
    assert browser.execute_script(decoration, deleted[0]) == "line-through"
    assert browser.execute_script(decoration, inserted[0]) == "underline"


def test_reader_switches_a_note_to_english_and_back(browser, portal_url):
    browser.get(f"{portal_url}/es/notas/cero-papel-expediente-electronico/")
    assert heading(browser) == NOTE_ES

    follow(browser, link_in(browser, "//nav[@aria-label='Idioma']", "English"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert heading(browser) == NOTE_EN
    assert browser.title.startswith(NOTE_EN)

    follow(browser, link_in(browser, "//nav[@aria-label='Language']", "Español"))
    assert browser.current_url == f"{portal_url}/es/notas/cero-papel-expediente-electronico/"
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es"
    assert heading(browser) == NOTE_ES


def test_reader_says_an_answer_did_not_help(browser, portal_url):
    cache.clear()  # the vote limit counts per address, and every test browses from 127.0.0.1
    browser.get(f"{portal_url}{QUESTION_URL}")
    question = heading(browser)
    votes = AnswerFeedback.objects.filter(question__title=question, question__locale__language_code="es")
    earlier_votes = set(votes.values_list("pk", flat=True))  # the demo has some
    send = browser.find_element(By.XPATH, "//form//button[normalize-space()='Enviar']")

    send.click()  # nothing chosen: the browser itself stops the form and says why
    focused = browser.switch_to.active_element
    assert focused == field_labelled(browser, "Sí")
    assert focused.get_attribute("validationMessage")
    assert browser.current_url == f"{portal_url}{QUESTION_URL}"
    assert set(votes.values_list("pk", flat=True)) == earlier_votes

    fieldset = "//fieldset[legend[normalize-space()='¿Le fue útil esta respuesta?']]"
    browser.find_element(By.XPATH, f"{fieldset}//label[normalize-space()='No']").click()
    field_labelled(browser, "Comentario (opcional):").send_keys("No dice dónde está la ficha del procedimiento.")
    follow(browser, send)

    thanks = wait(browser).until(EC.visibility_of_element_located((By.XPATH, "//main//*[@role='status']")))
    assert thanks.text == "Gracias por su opinión: nos ayuda a mejorar nuestras respuestas."
    vote = votes.exclude(pk__in=earlier_votes).get()
    assert vote.useful is False
    assert vote.comment == "No dice dónde está la ficha del procedimiento."


def test_keyboard_only_reader(browser, portal_url):
    browser.get(f"{portal_url}/es/")
    skip_link = next_stop(browser)
    assert skip_link.text == "Saltar al contenido principal"
    assert skip_link.rect["x"] >= 0 and skip_link.rect["y"] >= 0  # on screen once focused

    press(browser, Keys.ENTER)
    main = browser.find_element(By.TAG_NAME, "main")
    wait(browser).until(lambda _: browser.switch_to.active_element == main)
    first_in_main = next_stop(browser)
    assert browser.execute_script("return arguments[0].closest('main') !== null", first_in_main)  # past the header

    faq_link = link_in(browser, MAIN_MENU, "Preguntas frecuentes")
    focus_until(browser, faq_link, backwards=True)
    press(browser, Keys.ENTER)
    wait(browser).until(EC.url_to_be(f"{portal_url}/es/preguntas-frecuentes/"))

    category = link_in(browser, "//main", "Compras públicas y proveedores")
    focus_until(browser, category)
    press(browser, Keys.ENTER)
    wait(browser).until(EC.url_to_be(f"{portal_url}/es/preguntas-frecuentes/compras-y-proveedores/"))

    for question, key, answer in [
        ("¿Cómo puedo venderle al Senado?", Keys.ENTER, "Regístrese gratis como proveedor"),
        ("¿Qué es la compra ágil y hasta qué monto se usa?", Keys.SPACE, "100 UTM"),
    ]:
        summary = browser.find_element(By.XPATH, f"//main//details/summary[normalize-space()='{question}']")
        focus_until(browser, summary)
        press(browser, key)
        details = summary.find_element(By.XPATH, "..")
        wait(browser).until(lambda _: details.get_attribute("open") is not None)
        assert answer in details.text

    search_box = field_labelled(browser, "Buscar en el portal")
    focus_until(browser, search_box, backwards=True)
    press(browser, "compra agil", Keys.ENTER)
    wait(browser).until(EC.url_contains("/es/buscar/?q=compra+agil"))
    assert "compra ágil" in browser.find_element(By.TAG_NAME, "main").text.lower()

"""Spanish and English content is analysed in its own language (acceptance of the search issue)."""

import pytest
from django.utils import translation
from wagtail.models import Locale, Page

from portal.models import StandardPage
from tests.conftest import publish

pytestmark = pytest.mark.elasticsearch


def add_page(parent, title, text, slug):
    page = StandardPage(title=title, slug=slug, body=[("paragraph", f"<p>{text}</p>")])
    parent.add_child(instance=page)
    return publish(page)


@pytest.fixture
def corpus(elasticsearch, home_es, home_en):
    pages = {
        "licitaciones": add_page(home_es, "Bases de licitaciones", "Calendario de licitaciones públicas del año.", "bases"),
        "contratacion": add_page(home_es, "Reglamento interno", "Normas de contratación de servicios.", "reglamento-interno"),
        "compra": add_page(home_es, "Convenio marco", "Cada compra se informa en Mercado Público.", "convenio"),
        "regulation": add_page(home_en, "Procurement rules", "The procurement regulation in force.", "rules"),
        "tenders_en": add_page(home_en, "Calls", "Public licitaciones announced in English.", "calls"),
    }
    elasticsearch.refresh_indexes()
    return pages


def search(language, query):
    with translation.override(language):
        pages = Page.objects.live().filter(locale=Locale.objects.get(language_code=language))
        return {page.pk for page in pages.search(query)}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("licitacion", "licitaciones"),  # no accent, singular → plural
        ("contratacion", "contratacion"),  # no accent → "contratación"
        ("compras", "compra"),  # plural → singular
    ],
)
def test_spanish_finds_other_word_forms_without_accents(corpus, query, expected):
    assert corpus[expected].pk in search("es", query)


def test_english_finds_the_singular(corpus):
    assert corpus["regulation"].pk in search("en", "regulations")


def test_a_query_stays_in_its_language(corpus):
    spanish_results = search("es", "licitaciones")
    english_results = search("en", "licitaciones")
    assert corpus["licitaciones"].pk in spanish_results
    assert corpus["tenders_en"].pk not in spanish_results
    assert english_results == {corpus["tenders_en"].pk}


def test_spanish_stop_words_do_not_match_everything(corpus):
    assert search("es", "de las") == set()

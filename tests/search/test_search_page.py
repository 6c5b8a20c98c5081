"""The search page against the real Elasticsearch: facets, hostile input, publishing states."""

import re

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from portal.models import StandardPage
from tests.conftest import publish

pytestmark = pytest.mark.elasticsearch


def add_page(parent, slug, title, text, live=True):
    page = StandardPage(title=title, slug=slug, summary=text, live=live)  # as the admin creates drafts
    parent.add_child(instance=page)
    if live:
        return publish(page)
    page.save_revision()
    return page


def result_titles(html):
    return re.findall(r'<h3 class="result__title"><a href="[^"]+">([^<]+)</a>', html)


def facet_counts(html, facet):
    section = re.search(rf'<section class="facet" aria-labelledby="facet-{facet}">(.*?)</section>', html, re.S)
    if not section:
        return {}
    return {
        label.strip(): int(count)
        for label, count in re.findall(r'(?:</span> )?([^<>✓]+?) <span class="facet__count">\((\d+)\)', section.group(1))
    }


@pytest.fixture
def procurement_pages(elasticsearch, home_es, home_en):
    section = add_page(home_es, "compras", "Compras públicas", "Licitaciones y compras del Senado.")
    for number in range(12):
        add_page(section, f"licitacion-{number}", f"Licitación {number}", "Bases de la licitación pública.")
    add_page(home_en, "tenders", "Tenders", "Public licitaciones explained in English.")
    elasticsearch.refresh_indexes()
    return section


def test_facet_counts_match_results_and_narrow_them(client, procurement_pages):
    html = client.get("/es/buscar/", {"q": "licitaciones"}).content.decode()
    types = facet_counts(html, "type")
    total = int(re.search(r"(\d+) resultados?", html).group(1))
    assert sum(types.values()) == total == 13  # 12 tenders and their section, all standard pages
    assert facet_counts(html, "section") == {"Compras públicas": 13}

    narrowed = client.get(
        "/es/buscar/", {"q": "licitaciones", "section": procurement_pages.path[:12], "page": 2}
    ).content.decode()
    assert "13 resultados" in narrowed
    assert len(result_titles(narrowed)) == 3  # page 2 of 10 per page
    assert 'aria-current="true"' in narrowed


def test_results_stay_in_the_visitors_language_and_are_highlighted(client, procurement_pages):
    spanish = client.get("/es/buscar/", {"q": "licitacion"}).content.decode()
    assert "Tenders" not in result_titles(spanish)
    assert re.search(r'<p class="result__snippet">[^<]*<mark>licitación</mark>', spanish)
    english = client.get("/en/search/", {"q": "licitaciones"}).content.decode()
    assert result_titles(english) == ["Tenders"]


HOSTILE_QUERIES = [
    '"licitación',
    "compras (2025",
    "[transparencia]",
    "{}",
    "licitacion AND OR NOT",
    "NOT",
    "*",
    "lici*",
    "\\",
    "a\\b/c",
    "🏛️ presupuesto 📊",
    "~!@#$%^&*()_+=-`",
    "x" * 10_000,
    "licitación " * 1_000,
]


HOSTILE_PARAMETERS = HOSTILE_QUERIES + ["²", "٢٠٢٤", "99999999999", "-1", "0", "99999", "1e9"]


def answer(client, params):
    response = client.get("/es/buscar/", params)
    degraded = "modo reducido" in response.content.decode()
    return response.status_code, degraded


def test_hostile_queries_answer_200_without_degrading_search(client, procurement_pages):
    """Bad input is this visitor's problem: never a 500, and never search in reduced mode for all."""
    statuses = {
        value[:30]: (
            answer(client, {"q": value}),
            client.get("/es/buscar/autocompletar/", {"q": value}).status_code,
            answer(client, {"q": "licitacion", "type": value, "section": value, "year": value, "page": value}),
        )
        for value in HOSTILE_PARAMETERS
    }
    assert statuses == {value: ((200, False), 200, (200, False)) for value in statuses}


def test_long_query_is_shortened_with_a_notice(client, procurement_pages):
    html = client.get("/es/buscar/", {"q": "licitación " * 1_000}).content.decode()
    assert "200" in re.search(r'<div class="notice" role="status">(.*?)</div>', html, re.S).group(1)


def test_unpublished_and_draft_pages_never_appear(client, elasticsearch, home_es):
    published = add_page(home_es, "auditoria", "Auditoría externa", "Resultados de la auditoría anual.")
    add_page(home_es, "borrador", "Auditoría borrador", "Auditoría en preparación.", live=False)
    elasticsearch.refresh_indexes()
    assert result_titles(client.get("/es/buscar/", {"q": "auditoria"}).content.decode()) == ["Auditoría externa"]

    published.unpublish()
    elasticsearch.refresh_indexes()
    assert result_titles(client.get("/es/buscar/", {"q": "auditoria"}).content.decode()) == []


def test_did_you_mean_when_nothing_matches(client, procurement_pages):
    html = client.get("/es/buscar/", {"q": "licitasiones"}).content.decode()
    assert "0 resultados" in html
    assert re.search(r'¿Quiso decir <a href="\?q=licitaciones">licitaciones</a>\?', html)


def test_did_you_mean_never_reveals_drafts(client, elasticsearch, home_es):
    add_page(home_es, "borrador", "Proyecto zanahoriazo", "Texto sin publicar.", live=False)
    elasticsearch.refresh_indexes()
    html = client.get("/es/buscar/", {"q": "zanahoriaso"}).content.decode()
    assert "0 resultados" in html
    assert "zanahoriazo" not in html


def test_editors_promotions_come_first_in_their_language(client, procurement_pages, home_en):
    english_page = home_en.get_children().get(slug="tenders")
    query = Query.get("licitaciones")
    SearchPromotion.objects.create(query=query, page=procurement_pages, description="Todo sobre compras.", sort_order=0)
    SearchPromotion.objects.create(query=query, page=english_page, sort_order=1)

    html = client.get("/es/buscar/", {"q": "Licitaciones"}).content.decode()
    promotions = re.search(r'<section class="promotions".*?</section>', html, re.S).group(0)
    assert "Compras públicas" in promotions and "Todo sobre compras." in promotions
    assert "Tenders" not in promotions


def test_empty_search_explains_what_to_do(client, demo_site):
    html = client.get("/es/buscar/").content.decode()
    assert 'aria-labelledby="search-page-label"' in html  # the page's own, named search form
    assert "«licitacion» también encuentra «licitaciones»" in html

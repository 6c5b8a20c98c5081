"""Without Elasticsearch configured, the search page works with what the database backend can do."""

import pytest
from django.core.management import call_command

from tests.search.test_search_page import HOSTILE_QUERIES, result_titles

@pytest.fixture
def database_search(settings, demo_site):
    settings.WAGTAILSEARCH_BACKENDS = {"default": settings.DATABASE_SEARCH}
    call_command("update_index", verbosity=0)


def test_database_backend_finds_pages_in_the_visitors_language(client, database_search):
    spanish = client.get("/es/buscar/", {"q": "información"}).content.decode()
    assert "Cómo solicitar información pública" in result_titles(spanish)
    assert "How to request public information" not in result_titles(spanish)
    assert "modo reducido" not in spanish  # nothing is degraded: this is the configured backend

    english = result_titles(client.get("/en/search/", {"q": "accessibility"}).content.decode())
    assert "Accessibility statement" in english  # PostgreSQL's stemmer also finds "access"
    assert "Declaración de accesibilidad" not in english


def test_database_backend_answers_hostile_queries(client, database_search):
    statuses = {
        query[:30]: (
            client.get("/es/buscar/", {"q": query}).status_code,
            client.get("/es/buscar/autocompletar/", {"q": query}).status_code,
        )
        for query in HOSTILE_QUERIES + ['"', 'acc"', "a\x00b"]
    }
    assert statuses == {query: (200, 200) for query in statuses}

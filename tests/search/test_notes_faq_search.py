"""Citizens find a monthly note and an FAQ answer as they type them: without accents, in another
word form, by a team's name; and the type facet names both kinds in the visitor's language."""

import pytest
from django.core.management import call_command

from tests.faq.conftest import english_faq, english_question, faq_index, question, transparency  # noqa: F401  (fixtures)
from tests.notes.conftest import data_unit, digital_government, notes, notes_index  # noqa: F401  (fixtures)
from tests.search.test_search_page import facet_counts, result_titles


def found(client, path, query):
    return result_titles(client.get(path, {"q": query}).content.decode())


@pytest.mark.elasticsearch
def test_elasticsearch_finds_notes_and_answers_however_they_are_typed(client, elasticsearch, notes, english_question):
    elasticsearch.refresh_indexes()
    assert "Firma electrónica para todos" in found(client, "/es/buscar/", "firma electronica")
    assert "Datos abiertos del Senado" in found(client, "/es/buscar/", "dato abierto")  # Spanish stemming
    assert {"Datos abiertos del Senado", "Inteligencia artificial responsable"} <= set(
        found(client, "/es/buscar/", "unidad de datos")  # an authoring team
    )
    assert "¿Cuánto demora la respuesta a una solicitud?" in found(client, "/es/buscar/", "dias habiles prorrogables")
    assert "How long does an answer to a request take?" in found(client, "/en/search/", "working days")

    html = client.get("/es/buscar/", {"q": "senado solicitud"}).content.decode()
    assert {"Nota mensual", "Pregunta frecuente"} <= set(facet_counts(html, "type"))


def test_the_database_backend_finds_them_too(client, settings, notes, question):
    settings.WAGTAILSEARCH_BACKENDS = {"default": settings.DATABASE_SEARCH}
    call_command("update_index", verbosity=0)
    assert "Firma electrónica para todos" in found(client, "/es/buscar/", "firma")
    assert "¿Cuánto demora la respuesta a una solicitud?" in found(client, "/es/buscar/", "hábiles")

"""Citizens find a transparency dataset by its title, description or column names, in their language."""

import pytest

from tests.transparency.conftest import (  # noqa: F401  (fixtures)
    category_page,
    dataset,
    dataset_page,
    pay_schema,
    spanish_home,
    transparency_index,
)

pytestmark = pytest.mark.elasticsearch


def result_titles(client, path, query):
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    return [hit.page.title for hit in response.context["outcome"].hits]


def test_dataset_is_found_by_a_column_header_typed_without_accents(client, elasticsearch, dataset_page):
    elasticsearch.refresh_indexes()
    assert "Personal de planta" in result_titles(client, "/es/buscar/", "remuneracion bruta")
    assert "Personal de planta" in result_titles(client, "/es/buscar/", "funcionarios")  # the description


def test_the_english_translation_is_found_by_its_english_headers(client, elasticsearch, dataset_page, english):
    english_page = dataset_page.copy_for_translation(english, copy_parents=True)
    english_page.title = "Permanent staff"
    english_page.description = "Permanent civil servants and their monthly gross pay."
    english_page.save_revision().publish()
    elasticsearch.refresh_indexes()
    assert result_titles(client, "/en/search/", "gross pay") == ["Permanent staff"]
    assert "Personal de planta" not in result_titles(client, "/en/search/", "remuneracion")

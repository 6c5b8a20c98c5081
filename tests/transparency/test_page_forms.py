"""Editors cannot file a dataset under the wrong art. 7 letter, nor give a letter two pages."""

import datetime

import pytest

from transparency.models import Dataset, DatasetPage, TransparencyCategoryPage


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@example.cl", "x"))
    return client


def add_page(client, model, parent, data):
    url = f"/admin/pages/add/transparency/{model._meta.model_name}/{parent.pk}/"
    return client.post(url, {"slug": data.pop("slug"), **data, "action-publish": "publish"})


def test_a_dataset_of_another_letter_is_refused(editor_client, category_page, pay_schema):
    procurement = Dataset.objects.create(
        name="Compras", slug="compras", category="e", schema=pay_schema, reporting_since=datetime.date(2026, 1, 1)
    )
    response = add_page(
        editor_client, DatasetPage, category_page,
        {"title": "Compras", "slug": "compras", "dataset": procurement.pk, "description": "Compras del mes."},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["dataset"] == ["Este conjunto de datos pertenece a la letra e) del art. 7."]
    assert not DatasetPage.objects.filter(slug="compras").exists()


def test_a_dataset_of_the_same_letter_is_accepted(editor_client, category_page, dataset):
    response = add_page(
        editor_client, DatasetPage, category_page,
        {"title": "Planta", "slug": "planta", "dataset": dataset.pk, "description": "Funcionarios."},
    )
    assert response.status_code == 302
    assert DatasetPage.objects.get(slug="planta").live


def test_a_letter_gets_one_page_under_an_index(editor_client, transparency_index, category_page):
    response = add_page(
        editor_client, TransparencyCategoryPage, transparency_index,
        {"title": "Otra vez d", "slug": "otra-d", "letter": "d"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["letter"] == ["Esta letra ya tiene una página aquí."]
    assert add_page(
        editor_client, TransparencyCategoryPage, transparency_index,
        {"title": "Estructura orgánica", "slug": "estructura", "letter": "a"},
    ).status_code == 302

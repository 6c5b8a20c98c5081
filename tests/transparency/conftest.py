import datetime

import pytest
from wagtail.models import Site

from tests.conftest import publish
from transparency.models import Dataset, DatasetPage, DatasetSchema, SchemaColumn, TransparencyCategoryPage, TransparencyIndexPage


@pytest.fixture
def pay_schema(db):
    """A small staff-and-pay table with one column of each kind that matters for parsing."""
    schema = DatasetSchema.objects.create(name="Prueba: personal")
    columns = [
        ("nombre", "Nombre completo", "Full name", "text", True),
        ("grado", "Grado", "Grade", "integer", False),
        ("remuneracion_bruta", "Remuneración bruta", "Gross pay", "money", True),
        ("fecha_inicio", "Fecha de inicio", "Start date", "date", False),
        ("enlace", "Enlace", "Link", "url", False),
        ("correo", "Correo", "E-mail", "email", False),
    ]
    for order, (key, header_es, header_en, column_type, required) in enumerate(columns):
        SchemaColumn.objects.create(
            schema=schema, sort_order=order, key=key, header_es=header_es, header_en=header_en,
            type=column_type, required=required,
        )
    return schema


@pytest.fixture
def dataset(pay_schema):
    return Dataset.objects.create(
        name="Personal de planta (prueba)", slug="planta-prueba", category="d",
        schema=pay_schema, reporting_since=datetime.date(2026, 1, 1),
    )


@pytest.fixture
def spanish_home(db):
    """The Spanish home the migrations create, without the demo's pages: these tests build their own."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def transparency_index(spanish_home):
    index = spanish_home.add_child(instance=TransparencyIndexPage(title="Transparencia Activa", slug="transparencia"))
    return publish(index)


@pytest.fixture
def category_page(transparency_index):
    page = transparency_index.add_child(
        instance=TransparencyCategoryPage(title="Personal y remuneraciones", slug="personal", letter="d")
    )
    return publish(page)


@pytest.fixture
def dataset_page(category_page, dataset):
    page = category_page.add_child(
        instance=DatasetPage(
            title="Personal de planta", slug="planta", dataset=dataset,
            description="Funcionarios de planta y su remuneración bruta mensual.",
        )
    )
    return publish(page)

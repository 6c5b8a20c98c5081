"""A small regulation in three published versions, and its pages in Spanish and English.

Version 1 (in force from 2023-04-01) has articles 1–4, a transitory article and an annex;
version 2 (2024-07-01) changes article 3, adds 3 bis, removes 4; version 3 (2027-03-01, a
future version while today is 2026-11-23) changes article 1.
"""

import datetime

import pytest
import time_machine

from regulations import versions as version_actions
from regulations.models import Regulation, RegulationIndexPage, RegulationPage
from tests.conftest import publish

TODAY = datetime.date(2026, 11, 23)
FIRST, SECOND, FUTURE = datetime.date(2023, 4, 1), datetime.date(2024, 7, 1), datetime.date(2027, 3, 1)

TEXT_V1 = """\
REGLAMENTO DE COMPRAS (PRUEBA)
VISTOS: la Ley N° 19.886.

TÍTULO I
DE LAS DISPOSICIONES GENERALES

Artículo 1°.- Objeto. El presente reglamento regula las compras de la institución.

Artículo 2°.- Principios. Las compras se rigen por la probidad y la transparencia.
Todo proceso se publica en www.mercadopublico.cl.

TÍTULO II
DE LOS PROCEDIMIENTOS

Párrafo 1°
De la compra ágil

Artículo 3°.- Compra ágil. Las compras de hasta 30 UTM se harán por compra ágil.

Artículo 4°.- Registro en papel. La Unidad de Compras llevará un registro en papel.

DISPOSICIONES TRANSITORIAS

Artículo primero transitorio.- Este reglamento rige desde su publicación.

ANEXO N° 1
FORMULARIO DE DECLARACIÓN JURADA
Declaro no tener conflictos de interés.
"""

TEXT_V2 = (
    TEXT_V1.replace(
        "hasta 30 UTM se harán por compra ágil.",
        "hasta 100 UTM podrán hacerse por compra ágil.\nLa Unidad de Compras publicará cada solicitud.",
    )
    .replace(
        "Artículo 4°.- Registro en papel. La Unidad de Compras llevará un registro en papel.",
        "Artículo 3 bis.- Cotizaciones. Toda compra ágil requiere tres cotizaciones.",
    )
)
TEXT_V3 = TEXT_V2.replace("regula las compras de la institución.", "regula las compras y contrataciones de la institución.")


@pytest.fixture
def today():
    """2026-11-23: version 2 in force, version 3 future."""
    with time_machine.travel(datetime.datetime(2026, 11, 23, 12, 0), tick=False):
        yield TODAY


@pytest.fixture
def regulation(db):
    return Regulation.objects.create(name="Reglamento de compras (prueba)")


@pytest.fixture
def versions(regulation):
    """The three versions, published, oldest first."""
    result = []
    for text, effective_from, number in ((TEXT_V1, FIRST, "1.245"), (TEXT_V2, SECOND, "412"), (TEXT_V3, FUTURE, "2.087")):
        draft = version_actions.create_draft(
            regulation, text, effective_from=effective_from, act_number=number, act_date=effective_from - datetime.timedelta(days=20)
        )
        result.append(version_actions.publish(draft))
    return [version.__class__.objects.get(pk=version.pk) for version in result]  # with every effective_to


@pytest.fixture
def spanish_home(db):
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def regulation_index(spanish_home):
    return publish(spanish_home.add_child(instance=RegulationIndexPage(title="Reglamentos", slug="reglamentos")))


@pytest.fixture
def regulation_page(regulation_index, regulation):
    page = regulation_index.add_child(
        instance=RegulationPage(title="Reglamento de compras", slug="compras", regulation=regulation)
    )
    return publish(page)


@pytest.fixture
def english_regulation_page(regulation_page, spanish_home):
    """The English translation of the regulation page (and of its parents), published."""
    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en")
    for page in (spanish_home, regulation_page.get_parent().specific, regulation_page):
        if not page.has_translation(english):
            publish(page.copy_for_translation(english))
    return regulation_page.get_translation(english).specific

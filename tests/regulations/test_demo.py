"""The demo Reglamentos section, as `make run` shows it."""

import pytest
from django.utils import translation

from regulations.models import Regulation, RegulationPage, Version
from tests.conftest import load_demo


@pytest.fixture
def regulations_demo(db):
    load_demo("regulations")


def test_the_demo_publishes_the_regulation_in_three_versions_and_the_manual(regulations_demo, client, today):
    regulation = Regulation.objects.get(kind=Regulation.Kind.REGULATION)
    statuses = [version.status() for version in regulation.versions.order_by("effective_from")]
    articles = regulation.in_force_on(today).provisions.filter(kind="article")

    assert statuses == [Version.Status.SUPERSEDED, Version.Status.IN_FORCE, Version.Status.FUTURE]
    assert 38 <= articles.filter(transitory=False).count() <= 45 and articles.filter(transitory=True).exists()
    assert Regulation.objects.filter(kind=Regulation.Kind.MANUAL).get().versions.published().count() == 1
    assert RegulationPage.objects.live().count() == 4  # two regulations, two languages
    in_force = regulation.in_force_on(today)
    assert in_force.official_pdf.file.read(8) == b"%PDF-1.4"
    with translation.override("es"):
        assert client.get("/es/reglamentos/reglamento-de-compras/compare/2023-04-01/2024-07-01/").status_code == 200
        assert in_force.official_pdf.url in client.get("/es/reglamentos/reglamento-de-compras/").content.decode()
    with translation.override("en"):
        assert client.get("/en/regulations/procurement-regulation/2024-07-01/art-12-bis/").status_code == 200


def test_running_the_demo_again_changes_nothing(regulations_demo):
    counts = Version.objects.count(), RegulationPage.objects.count()

    load_demo("regulations")

    assert (Version.objects.count(), RegulationPage.objects.count()) == counts

"""Pages are indexed in, and found through, the real Elasticsearch server."""

import pytest

from portal.models import StandardPage
from tests.conftest import publish

pytestmark = pytest.mark.elasticsearch


def test_published_page_is_found_by_a_word_in_its_body(elasticsearch, home_es):
    page = StandardPage(
        title="Cuenta pública",
        slug="cuenta-publica",
        body=[("paragraph", "<p>El informe detalla la ejecución del presupuesto de hemiciclo.</p>")],
    )
    home_es.add_child(instance=page)
    publish(page)  # indexed by Wagtail's signal handlers, through the configured backend
    elasticsearch.refresh_indexes()

    results = list(StandardPage.objects.live().search("hemiciclo", backend="default"))

    assert [result.pk for result in results] == [page.pk]
    assert elasticsearch.es.count(index=f"{elasticsearch.index_prefix}*", q="hemiciclo")["count"] >= 1

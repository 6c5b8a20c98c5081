"""Pages are indexed in, and found through, the real Elasticsearch server."""

import io
import os

import pytest
from django.core.management import call_command
from wagtail.search.backends import get_search_backend
from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend

from portal.models import StandardPage
from tests.conftest import publish

pytestmark = pytest.mark.elasticsearch


@pytest.fixture
def elasticsearch(demo_site):
    """The configured Elasticsearch backend with a freshly built index of the demo site.

    The session fixture in conftest drops this run's indices at the end.
    """
    if not os.environ.get("ELASTICSEARCH_URL"):
        pytest.fail("ELASTICSEARCH_URL is not set: run the suite with `make test`, which starts Elasticsearch.")
    backend = get_search_backend()
    assert isinstance(backend, Elasticsearch8SearchBackend)
    call_command("update_index", stdout=io.StringIO())  # the same full rebuild operators run
    return backend


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

import io
import logging
import os

import pytest
from django.core.management import call_command
from wagtail.search.backends import get_search_backend

from search.backends import LocalisedElasticsearchBackend
from search.logging import OncePerInterval
from search.query import ElasticsearchHealth


@pytest.fixture
def elasticsearch(demo_site):
    """The configured Elasticsearch backend with a freshly built index of the demo site.

    The session fixture in tests/conftest.py drops this run's indices at the end.
    """
    if not os.environ.get("ELASTICSEARCH_URL"):
        pytest.fail("ELASTICSEARCH_URL is not set: run the suite with `make test`, which starts Elasticsearch.")
    backend = get_search_backend()
    assert isinstance(backend, LocalisedElasticsearchBackend)
    call_command("update_index", stdout=io.StringIO())  # the same full rebuild operators run
    return backend


@pytest.fixture(autouse=True)
def no_memory_of_earlier_outages():
    """Each test starts without an earlier test's outage: search retries Elasticsearch at
    once, and the first indexing error is logged again."""
    throttles = [f for f in logging.getLogger("modelsearch.index").filters if isinstance(f, OncePerInterval)]
    for throttle in throttles:
        throttle.last_passed.clear()
    ElasticsearchHealth.failed_at = None
    yield
    ElasticsearchHealth.failed_at = None

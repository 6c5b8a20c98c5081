"""Elasticsearch stopped while readers search, browse and call the API and an editor publishes a
page: every request succeeds, search says it is working in a reduced mode (and already finds the
new page in the database), and once Elasticsearch is back the repair command indexes what was
published meanwhile, so Elasticsearch finds it and nothing is missing from the index."""

import json
import subprocess
import sys
import time
import uuid

import pytest
import requests

from tests.faults.conftest import PROJECT_DIR, Gunicorn, Load, get, manage, portal_environment, script

pytestmark = [pytest.mark.slow, pytest.mark.elasticsearch]

ES_PORT = "9201"  # a server of its own: the suite's (ELASTICSEARCH_URL, 9200) is never stopped
DEGRADED = {"es": "La búsqueda funciona en modo reducido", "en": "Search is working in a reduced mode"}
NEW_TITLE = "Racionamiento hídrico de emergencia"
PUBLISH_NEW_PAGE = f"""
from portal.models import HomePage, StandardPage
home = HomePage.objects.get(locale__language_code="es")
page = home.add_child(instance=StandardPage(title="{NEW_TITLE}", slug="racionamiento", summary="Cortes programados."))
page.save_revision().publish()
"""
SEARCH_ON_ELASTICSEARCH = """
import json
from wagtail.models import Locale
from search.query import search
outcome = search("racionamientos hidricos", Locale.objects.get(language_code="es"))
print(json.dumps({"degraded": outcome.degraded, "titles": [hit.title for hit in outcome.hits]}))
"""


@pytest.fixture(scope="module")
def elasticsearch_url():
    script("elasticsearch.sh", "start", ES_PORT=ES_PORT)
    yield f"http://127.0.0.1:{ES_PORT}"
    script("elasticsearch.sh", "stop", ES_PORT=ES_PORT)


@pytest.fixture(scope="module")
def portal(demo_cluster, elasticsearch_url, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("elasticsearch-outage")
    prefix = f"faults_{uuid.uuid4().hex[:8]}_"
    env = portal_environment(
        demo_cluster.copy("elasticsearch_outage"),
        tmp_path / "media",
        ELASTICSEARCH_URL=elasticsearch_url,
        ELASTICSEARCH_INDEX_PREFIX=prefix,
    )
    manage(env, "update_index")
    server = Gunicorn(env, tmp_path / "gunicorn.log")
    yield server, env
    server.stop()
    script("elasticsearch.sh", "start", ES_PORT=ES_PORT)  # a no-op unless the test failed during the outage
    requests.delete(f"{elasticsearch_url}/{prefix}*", timeout=60)  # its data directory outlives the run


def repair_dry_run(env):
    return subprocess.run(
        [sys.executable, "manage.py", "repair_search_index", "--dry-run"], cwd=PROJECT_DIR, env=env, capture_output=True
    ).returncode


def test_outage_degrades_search_fails_no_request_and_the_repair_restores_the_index(portal):
    server, env = portal
    searches = {"search-es": "es", "search-en": "en", "search-new": "es"}
    load = Load(
        server.base_url,
        [
            get("search-es", "/es/buscar/", q="solicitud"),
            get("search-en", "/en/search/", q="request"),
            get("search-new", "/es/buscar/", q="racionamiento"),
            get("autocomplete", "/es/buscar/autocompletar/", q="soli"),
            get("page", "/es/"),
            get("api", "/api/v1/content", limit=5),
        ],
    )
    for path, language in (("/es/buscar/", "es"), ("/en/search/", "en")):
        assert DEGRADED[language] not in requests.get(server.base_url + path, params={"q": "solicitud"}, timeout=60).text
    with load:
        time.sleep(1)
        script("elasticsearch.sh", "stop", ES_PORT=ES_PORT)
        stopped = time.monotonic()
        manage(env, "shell", "-c", PUBLISH_NEW_PAGE)  # an editor publishes meanwhile: it must not fail
        published = time.monotonic()
        time.sleep(1.5)

    assert not load.errors, f"requests left without an answer: {load.errors[:3]}"
    assert {answer.status for answer in load.answers} == {200}  # degraded, never failed
    for answer in load.answers:
        if answer.kind in searches:
            if answer.started > stopped:
                assert DEGRADED[searches[answer.kind]] in answer.body
    # The database backend answered with the page published during the outage.
    assert any(NEW_TITLE in answer.body for answer in load.since(published) if answer.kind == "search-new")

    script("elasticsearch.sh", "start", ES_PORT=ES_PORT)
    assert repair_dry_run(env) == 1  # the new page is missing from Elasticsearch
    manage(env, "repair_search_index")
    assert repair_dry_run(env) == 0  # nothing missing, stale or left over any more

    # A new process (no memory of the outage) searches Elasticsearch: stemming finds the plural forms.
    found = json.loads(manage(env, "shell", "--no-imports", "-c", SEARCH_ON_ELASTICSEARCH))
    assert found == {"degraded": False, "titles": [NEW_TITLE]}

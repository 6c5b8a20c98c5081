"""Elasticsearch really stopped mid-test: search degrades, publishing works, the index is repaired."""

import io
import logging
import os
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.core.management import call_command
from django.utils import translation

from portal.models import StandardPage
from search.query import ElasticsearchHealth
from tests.conftest import publish

PROJECT_DIR = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.elasticsearch, pytest.mark.slow]
DEGRADED_NOTICE = "La búsqueda funciona en modo reducido"


def elasticsearch_script(action):
    env = {**os.environ, "ES_PORT": str(urlparse(os.environ["ELASTICSEARCH_URL"]).port or 9200)}
    subprocess.run(["scripts/elasticsearch.sh", action], cwd=PROJECT_DIR, env=env, check=True, timeout=180)


def test_outage_degrades_search_keeps_publishing_and_is_repaired(client, elasticsearch, home_es, caplog):
    elasticsearch_script("stop")
    try:
        with caplog.at_level(logging.ERROR, logger="search.query"):
            first = client.get("/es/buscar/", {"q": "informacion"})
            second = client.get("/es/buscar/", {"q": "quienes"})
        assert first.status_code == second.status_code == 200
        assert DEGRADED_NOTICE in first.content.decode()
        assert "Cómo solicitar información pública" in first.content.decode()  # database results
        assert len([r for r in caplog.records if "not answering" in r.getMessage()]) == 1

        with caplog.at_level(logging.ERROR, logger="modelsearch.index"):
            for slug, title in (("emergencia", "Licitación de emergencia"), ("otra", "Otra compra")):
                page = StandardPage(title=title, slug=slug, summary="Compra urgente de equipos.")
                home_es.add_child(instance=page)
                page = publish(page)  # must not fail because the index is unreachable
                assert page.live
        indexing_errors = [r for r in caplog.records if r.name == "modelsearch.index"]
        assert len(indexing_errors) == 1  # two pages not indexed, one line in the log
        found = client.get("/es/buscar/", {"q": "emergencia"}).content.decode()
        assert "Licitación de emergencia" in found and DEGRADED_NOTICE in found
    finally:
        elasticsearch_script("start")

    out = io.StringIO()
    with translation.override("en"):
        call_command("repair_search_index", stdout=out)
    assert "2 missing" in out.getvalue()

    ElasticsearchHealth.failed_at = None  # as after the 30 s pause
    html = client.get("/es/buscar/", {"q": "emergencias"}).content.decode()  # stemmed: only Elasticsearch
    assert DEGRADED_NOTICE not in html
    assert "Licitación de emergencia" in html

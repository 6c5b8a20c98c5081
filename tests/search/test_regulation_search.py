"""Each article of the version in force today is a search result of its own, linking to its dated permalink.

The regulation (tests/regulations/conftest.py): version 1 from 2023-04-01 has "Registro en
papel" (article 4), version 2 from 2024-07-01 adds "cotizaciones" (article 3 bis) and is in
force on 2026-11-23, version 3 from 2027-03-01 adds "contrataciones" to article 1.
"""

import datetime
import io
import re

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import translation
from django.utils.text import capfirst

from regulations import versions as version_actions
from regulations.models import Provision
from search.query import ElasticsearchHealth
from tests.regulations.conftest import TEXT_V2
from tests.regulations.conftest import (  # noqa: F401  (fixtures)
    english_regulation_page,
    regulation,
    regulation_index,
    regulation_page,
    spanish_home,
    today,
    versions,
)
from tests.search.test_search_page import facet_counts


def get(client, path, query, **params):
    response = client.get(path, {"q": query, **params})
    assert response.status_code == 200
    return response


def article_links(response):
    return [f"{hit.page.url}{hit.subpath}" for hit in response.context["outcome"].hits if hit.subpath]


def permalink(page, version, label):
    return page.url + page.reverse_subpage("provision", kwargs={"day": version.date_slug, "label": label})


@pytest.fixture
def indexed(elasticsearch, today, versions, regulation_page):
    """The demo site indexed first, then the versions published: their articles are indexed by publishing."""
    elasticsearch.refresh_indexes()
    return elasticsearch


@pytest.mark.elasticsearch
def test_an_article_in_force_is_found_and_links_to_its_dated_permalink(client, indexed, versions, regulation_page):
    response = get(client, "/es/buscar/", "cotizaciones")
    expected = permalink(regulation_page, versions[1], "art-3-bis")
    assert article_links(response) == [expected]
    html = response.content.decode()
    with translation.override("es"):
        citation = Provision.objects.get(version=versions[1], label="art-3-bis").citation
    assert f'<a href="{expected}">{citation} · Reglamento de compras</a>' in html
    assert re.search(r'<p class="result__snippet" lang="es">[^<]*<mark>[Cc]otizaciones</mark>', html)


@pytest.mark.elasticsearch
def test_spanish_text_matches_a_query_without_accents(client, indexed, versions, regulation_page):
    response = get(client, "/es/buscar/", "interes")  # the annex: "Declaro no tener conflictos de interés."
    assert article_links(response) == [permalink(regulation_page, versions[1], "anexo-1")]
    assert "<mark>interés</mark>" in response.content.decode()


@pytest.mark.elasticsearch
def test_superseded_draft_and_future_articles_are_not_found_until_their_day(
    client, indexed, regulation, versions, regulation_page
):
    draft = version_actions.create_draft(regulation, TEXT_V2, effective_from=datetime.date(2025, 1, 1))
    version_actions.replace_text(draft, TEXT_V2.replace("tres cotizaciones", "tres cotizaciones y una quimera"))
    indexed.refresh_indexes()
    assert article_links(get(client, "/es/buscar/", "papel")) == []  # only in version 1, superseded
    assert article_links(get(client, "/es/buscar/", "quimera")) == []  # only in the draft
    assert article_links(get(client, "/es/buscar/", "contrataciones")) == []  # only in version 3, future

    with time_machine.travel(datetime.datetime(2027, 3, 1, 12, 0), tick=False):  # no reindexing in between
        assert article_links(get(client, "/es/buscar/", "contrataciones")) == [
            permalink(regulation_page, versions[2], "art-1")
        ]
        assert article_links(get(client, "/es/buscar/", "cotizaciones")) == [
            permalink(regulation_page, versions[2], "art-3-bis")
        ]
    version_actions.discard(draft)


@pytest.mark.elasticsearch
def test_a_withdrawn_versions_articles_disappear(client, indexed, versions, regulation_page):
    version_actions.withdraw(versions[1])
    indexed.refresh_indexes()
    assert article_links(get(client, "/es/buscar/", "cotizaciones")) == []
    # Gone from the index, not just filtered out.
    assert indexed.search("cotizaciones", Provision.objects.filter(version=versions[1])).count() == 0
    # Version 1 is in force again until version 3 takes effect.
    assert article_links(get(client, "/es/buscar/", "papel")) == [permalink(regulation_page, versions[0], "art-4")]


@pytest.mark.elasticsearch
def test_publishing_and_withdrawing_leave_the_index_as_update_index_would(indexed, versions):
    version_actions.withdraw(versions[2])
    version_actions.publish(versions[2])
    out = io.StringIO()
    with translation.override("en"):
        call_command("repair_search_index", "--dry-run", stdout=out)  # raises when it finds drift
    index = indexed.get_index_for_model(Provision).name
    assert f"{index}: 0 missing, 0 stale, 0 deleted — in sync" in out.getvalue()


@pytest.mark.elasticsearch
def test_the_english_site_lists_the_spanish_article_on_the_english_page(
    client, indexed, versions, english_regulation_page
):
    indexed.refresh_indexes()
    response = get(client, "/en/search/", "cotizaciones")
    assert article_links(response) == [permalink(english_regulation_page, versions[1], "art-3-bis")]
    assert english_regulation_page.url.startswith("/en/")
    assert 'lang="es"' in response.content.decode()  # the snippet is in Spanish


@pytest.mark.elasticsearch
def test_the_type_facet_counts_articles_and_narrows_to_them(client, indexed):
    html = get(client, "/es/buscar/", "compras").content.decode()
    total = int(re.search(r"(\d+) resultados?", html).group(1))
    types = facet_counts(html, "type")
    with translation.override("es"):
        label = str(capfirst(Provision._meta.verbose_name))
    assert types[label] >= 3 and sum(types.values()) == total

    narrowed = get(client, "/es/buscar/", "compras", type="regulations.Provision").context["outcome"]
    assert narrowed.total == types[label] == len(narrowed.hits)
    assert all(hit.subpath for hit in narrowed.hits)


@pytest.mark.elasticsearch
def test_the_fallback_finds_articles_while_elasticsearch_is_down(
    client, indexed, versions, regulation_page, monkeypatch
):
    monkeypatch.setattr(ElasticsearchHealth, "available", classmethod(lambda cls: False))
    response = get(client, "/es/buscar/", "cotizaciones")
    assert response.context["outcome"].degraded
    assert article_links(response) == [permalink(regulation_page, versions[1], "art-3-bis")]


def test_the_database_backend_finds_articles(client, settings, demo_site, today, versions, regulation_page):
    settings.WAGTAILSEARCH_BACKENDS = {"default": settings.DATABASE_SEARCH}
    call_command("update_index", verbosity=0)
    response = get(client, "/es/buscar/", "cotizaciones")
    assert article_links(response) == [permalink(regulation_page, versions[1], "art-3-bis")]
    snippet = "Cotizaciones. Toda compra ágil requiere tres cotizaciones."  # the start of the text
    assert snippet in response.content.decode()


def test_withdrawing_a_version_removes_its_database_entries(settings, today, versions):
    settings.WAGTAILSEARCH_BACKENDS = {"default": settings.DATABASE_SEARCH}
    version_actions.withdraw(versions[2])
    version_actions.publish(versions[2])
    entries = Provision._meta.get_field("index_entries").related_model.objects.filter(
        content_type=ContentType.objects.get_for_model(Provision)
    )
    of_version = entries.filter(object_id__in=[str(pk) for pk in versions[2].provisions.values_list("pk", flat=True)])
    assert of_version.exists()

    version_actions.withdraw(versions[2])

    assert not of_version.exists()
    assert entries.exists()  # the other versions' entries stay

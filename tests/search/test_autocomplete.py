"""The autocomplete endpoint: titles of live, public pages in the visitor's language, as JSON.

Fast on the database backend; with ELASTICSEARCH_URL set (CI) the same tests run against
the real server, on an index rebuilt for each test.
"""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

from portal.models import StandardPage
from search.query import ElasticsearchHealth
from search.views import AUTOCOMPLETE_LIMIT, AUTOCOMPLETE_MAX_LENGTH
from tests.conftest import publish


@pytest.fixture
def suggestions_index(demo_site, monkeypatch):
    """The demo site, searchable: on Elasticsearch a fresh index, with no other test's pages."""
    # Forget an earlier test's Elasticsearch failure, so this test really queries the server.
    monkeypatch.setattr(ElasticsearchHealth, "failed_at", None)
    backend = get_search_backend()
    if isinstance(backend, ElasticsearchBaseSearchBackend):
        call_command("update_index", stdout=io.StringIO())
    return backend


def refresh(backend):
    """Make pages indexed by the publishing signals visible to Elasticsearch's next search."""
    if isinstance(backend, ElasticsearchBaseSearchBackend):
        backend.refresh_indexes()


def suggest(client, language, query):
    with translation.override(language):
        url = reverse("search_autocomplete")
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def titles(data):
    return [result["title"] for result in data["results"]]


def test_suggestions_are_titles_with_links(client, suggestions_index):
    assert suggest(client, "en", "acc") == {
        "query": "acc",
        "results": [{"title": "Accessibility statement", "url": "/en/accessibility/"}],
    }


def test_english_prefix_suggests_only_english_pages(client, suggestions_index):
    english = suggest(client, "en", "acc")["results"]
    spanish = suggest(client, "es", "acc")["results"]

    assert english == [{"title": "Accessibility statement", "url": "/en/accessibility/"}]
    assert spanish == [{"title": "Declaración de accesibilidad", "url": "/es/accesibilidad/"}]
    # Words only the Spanish pages have find nothing from the English site, and vice versa.
    assert suggest(client, "en", "declaraci")["results"] == []
    assert suggest(client, "es", "statem")["results"] == []


def test_suggestions_are_capped(client, suggestions_index, home_en):
    for number in range(AUTOCOMPLETE_LIMIT + 2):
        page = StandardPage(title=f"Quarterly report {number}", slug=f"quarterly-report-{number}")
        home_en.add_child(instance=page)
        publish(page)
    refresh(suggestions_index)

    data = suggest(client, "en", "quarterly")

    assert len(data["results"]) == AUTOCOMPLETE_LIMIT
    assert all(title.startswith("Quarterly report ") for title in titles(data))
    assert all(result["url"].startswith("/en/quarterly-report-") for result in data["results"])


def test_fewer_than_two_characters_suggest_nothing(client, demo_site, subtests):
    for query in ["", "a", "  a  ", "é", "\t\n"]:
        with subtests.test(query=query):
            assert suggest(client, "en", query) == {"query": query.strip(), "results": []}


def test_missing_query_suggests_nothing(client, demo_site):
    with translation.override("en"):
        response = client.get(reverse("search_autocomplete"))
    assert response.status_code == 200
    assert response.json() == {"query": "", "results": []}


HOSTILE_QUERIES = [
    '"accessibility',
    '"accessibility statement"',
    "acc)",
    "(acc",
    "[acc]",
    "{acc}",
    "acc AND OR NOT",
    "AND",
    "NOT acc",
    "acc*",
    "*",
    "acc\\",
    "\\\\",
    "acc~2 ^3 title:acc",
    "acc 🙂",
    "🙂🙂",
    "<script>alert(1)</script>",
    "acc\x00",
    "a" * 10_000,
    "acc " * 2_500,
]


def test_hostile_input_gets_a_json_answer(client, suggestions_index, subtests, caplog):
    for query in HOSTILE_QUERIES:
        with subtests.test(query=query[:40]):
            data = suggest(client, "en", query)

            assert len(data["query"]) <= AUTOCOMPLETE_MAX_LENGTH
            assert isinstance(data["results"], list)
            assert all(result["url"].startswith("/en/") for result in data["results"])
    # Answered by the configured backend itself, not rescued by the database fallback.
    assert not [record for record in caplog.records if record.name == "search.query"]


def test_drafts_unpublished_and_private_pages_are_never_suggested(client, suggestions_index, home_en):
    def page(title, slug):
        instance = StandardPage(title=title, slug=slug, live=False)  # as the admin creates them
        home_en.add_child(instance=instance)
        return instance

    published = publish(page("Zephyr timetable", "zephyr-timetable"))
    page("Zephyrine draft", "zephyrine-draft").save_revision()  # never published

    withdrawn = publish(page("Zephyrus withdrawn", "zephyrus-withdrawn"))
    withdrawn.unpublish()

    renamed = publish(page("Budget", "budget"))
    renamed.title = "Zephyranthes budget"  # only in a draft revision, not live yet
    renamed.save_revision()

    private = publish(page("Zephyrean minutes", "zephyrean-minutes"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    refresh(suggestions_index)

    assert suggest(client, "en", "zephyr") == {
        "query": "zephyr",
        "results": [{"title": "Zephyr timetable", "url": published.get_url()}],
    }

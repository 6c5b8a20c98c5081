"""Whatever a visitor or a bot puts in the search URL, the search page and its autocomplete
answer normally, against the real Elasticsearch and during an outage (the database fallback):
never a server error, and never "reduced mode" because the input made Elasticsearch refuse
the request."""

import time

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from search.query import FACETS, FILTER_FORMATS, MAX_QUERY_LENGTH, ElasticsearchHealth, clean_query
from search.views import AUTOCOMPLETE_MAX_LENGTH

from .strategies import hostile_text

pytestmark = pytest.mark.elasticsearch

# The same Elasticsearch index serves every example: searching changes nothing in it.
FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SEARCH_PATHS = st.sampled_from(["/es/buscar/", "/en/search/"])
REAL_VALUES = {
    "type": ["portal.StandardPage", "regulations.Provision", "faq.QuestionPage", "wagtailcore.Page", "auth.User"],
    "section": ["000100010001", "000100020001"],
    "year": ["2025", "0000", "0001", "9999"],
}
facet_values = {
    name: st.one_of(st.none(), hostile_text, st.from_regex(FILTER_FORMATS[name], fullmatch=True), st.sampled_from(values))
    for name, values in REAL_VALUES.items()
}
page_values = st.one_of(st.none(), st.integers().map(str), hostile_text)


def without_none(params):
    return {name: value for name, value in params.items() if value is not None}


def start(backend):
    """Each example asks Elasticsearch afresh, or finds it down (as after a failure) and uses the database."""
    ElasticsearchHealth.failed_at = None if backend == "elasticsearch" else time.monotonic()


def check_degraded(backend, degraded):
    """Only an outage degrades search. On Elasticsearch, a refused request (a 4xx: the input's fault)
    degrades this one search without recording an outage; a timeout on this shared, loaded
    machine records one and is not the input's fault."""
    if backend == "elasticsearch":
        assert not degraded or ElasticsearchHealth.failed_at is not None
        event("Elasticsearch did not answer in time" if degraded else "answered by Elasticsearch")
    else:
        assert degraded


BACKENDS = pytest.mark.parametrize("backend", ["elasticsearch", "outage"])


@given(
    path=SEARCH_PATHS,
    q=hostile_text,
    page=page_values,
    facets=st.fixed_dictionaries({name: facet_values[name] for name in FACETS}),
)
@example(path="/es/buscar/", q="x" * 10_000, page="99999999999999999999", facets={})
@example(path="/es/buscar/", q='"licitación (2025 [ley] {} AND OR NOT \\ ~ * ? 🏛️', page="-1", facets={})
@example(path="/en/search/", q="ley\x00\x00", page="1e9", facets={"type": "auth.User", "section": "\x00", "year": "٢٠٢٤"})
@example(path="/es/buscar/", q="ley", page="2", facets={"type": "faq.QuestionPage", "section": "000100010001", "year": "0000"})
@FUZZ
@BACKENDS
def test_the_search_page_answers_any_parameters(client, elasticsearch, backend, path, q, page, facets):
    start(backend)
    response = client.get(path, without_none({"q": q, "page": page, **facets}))

    assert response.status_code == 200
    outcome = response.context["outcome"]
    if outcome.query:  # an empty search shows help, without asking any backend
        check_degraded(backend, outcome.degraded)
    assert outcome.query == clean_query(q)[:MAX_QUERY_LENGTH]  # what the visitor sees they searched for
    assert outcome.truncated == (len(clean_query(q)) > MAX_QUERY_LENGTH)
    assert len(outcome.hits) <= 10 and outcome.total >= len(outcome.hits)


@given(language=st.sampled_from(["es", "en"]), q=hostile_text)
@example(language="es", q="x" * 10_000)
@example(language="en", q='acc" OR (*')
@FUZZ
@BACKENDS
def test_autocomplete_answers_any_text_with_json(client, elasticsearch, backend, language, q):
    start(backend)
    path = {"es": "/es/buscar/autocompletar/", "en": "/en/search/autocomplete/"}[language]
    response = client.get(path, {"q": q})

    assert response.status_code == 200
    data = response.json()
    assert data["query"] == clean_query(q)[:AUTOCOMPLETE_MAX_LENGTH]
    assert all(result["url"].startswith(f"/{language}/") for result in data["results"])

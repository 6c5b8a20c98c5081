"""The portal's search: one visitor's query, in one locale, with facets and snippets.

Results are pages, and the articles of the regulations in force today (each its own result,
linking to its permalink on the regulation's page). Wagtail compiles the queries (so locale,
live and privacy filters are Wagtail's own); on Elasticsearch we send them together in one
request and add what Wagtail's results lack — highlighted snippets, facet counts from
aggregations in the same request, and a "did you mean" — and when Elasticsearch is not
configured or not answering, the database backend answers with what it can do.
"""

import logging
import re
import time
from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.core.paginator import Paginator
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from elastic_transport import TransportError
from elasticsearch import ApiError
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from portal.models import StandardPage
from regulations.models import Provision, RegulationPage
from regulations.search import ArticlesInForce

from .backends import is_catch_all

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200  # longer input is cut (and the visitor told): nobody types more
FACETS = ("type", "section", "year")
MAX_PAGE = 10_000 // RESULTS_PER_PAGE  # Elasticsearch pages through 10,000 hits at most
# After a failure, skip Elasticsearch for this long instead of making every visitor wait.
RETRY_AFTER_SECONDS = 30
SEARCH_TIMEOUT_SECONDS = 3


@dataclass
class Bucket:
    value: str
    label: str
    count: int
    selected: bool = False
    url: str = ""  # the results with this value chosen, or with it removed when selected


@dataclass
class Facet:
    name: str
    label: str
    buckets: list


def type_label(model):
    return capfirst(model._meta.verbose_name)


@dataclass
class Hit:
    """One result: a page, or a place in one (a regulation's article, at `subpath` below the page's URL)."""

    page: Page
    title: str
    type_label: str
    snippet: str = ""
    subpath: str = ""
    date: datetime | None = None
    language: str = ""  # the snippet's language, when it is not necessarily the visitor's

    @classmethod
    def for_page(cls, page, snippet):
        return cls(page, page.title, type_label(page.specific_class), snippet, date=page.last_published_at)

    @classmethod
    def for_article(cls, provision, articles, snippet):
        return cls(
            articles.page(provision),
            articles.title(provision),
            type_label(Provision),
            snippet,
            subpath=articles.subpath(provision),
            language=articles.text_language(provision),
        )


@dataclass
class Outcome:
    query: str
    hits: list = field(default_factory=list)
    total: int = 0
    page_number: int = 1
    facets: list = field(default_factory=list)
    suggestion: str = ""
    promotions: list = field(default_factory=list)
    degraded: bool = False  # Elasticsearch failed: these are database results
    truncated: bool = False

    @property
    def paginator_page(self):
        paginator = Paginator(range(self.total), RESULTS_PER_PAGE)
        return paginator.get_page(self.page_number)


class ElasticsearchHealth:
    """Per-process memory of a recent failure, so one outage is logged once, not per request."""

    failed_at = None

    @classmethod
    def available(cls):
        return cls.failed_at is None or time.monotonic() - cls.failed_at > RETRY_AFTER_SECONDS

    @classmethod
    def record_failure(cls, error):
        if cls.failed_at is None:
            logger.error("Elasticsearch is not answering (%s); searching the database instead", error)
        cls.failed_at = time.monotonic()

    @classmethod
    def record_success(cls):
        if cls.failed_at is not None:
            logger.warning("Elasticsearch is answering again")
        cls.failed_at = None


def searchable_pages(locale):
    return Page.objects.live().public().filter(locale=locale)


def searchable_articles(locale):
    """Computed per search, so a version is found from the day it takes effect, without reindexing."""
    pages = RegulationPage.objects.filter(pk__in=searchable_pages(locale).values("pk"))
    return ArticlesInForce.on(timezone.localdate(), pages)


def promotions_for(query, locale):
    """Editors' picks for this query: pages in the visitor's language and external links."""
    picks = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order")
    )
    page_ids = [pick.page_id for pick in picks if pick.page_id]
    shown = set(
        searchable_pages(locale).filter(pk__in=page_ids).values_list("pk", flat=True)
        if page_ids
        else []
    )
    return [pick for pick in picks if pick.page_id is None or pick.page_id in shown]


def clean_query(text):
    """Words only: no control characters (PostgreSQL refuses NUL), single spaces."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def database_query(query):
    """The database backends wrap each word in double quotes for full-text MATCH: drop them."""
    return " ".join(query.replace('"', " ").split())


def run_with_fallback(operation, query):
    """(result, degraded): `operation(backend, query)` on Elasticsearch, else on the database."""
    backend = get_search_backend()
    if not isinstance(backend, ElasticsearchBaseSearchBackend):
        return operation(backend, database_query(query)), False
    if ElasticsearchHealth.available():
        try:
            result = operation(backend, query)
            ElasticsearchHealth.record_success()
            return result, False
        except TransportError as error:  # refused, timed out: an outage
            ElasticsearchHealth.record_failure(error)
        except ApiError as error:
            if error.meta.status >= 500:
                ElasticsearchHealth.record_failure(error)
            else:  # a request we built wrongly: this visitor gets database results, nobody else
                logger.warning("Elasticsearch refused a search request: %s", error)
    return operation(get_search_backend("fallback"), database_query(query)), True


FILTER_FORMATS = {
    "type": re.compile(r"[a-z_]+\.[A-Za-z]+"),  # a model label, e.g. portal.StandardPage
    "section": re.compile(r"(?:[0-9A-Z]{4}){3}"),  # a tree path at section depth
    "year": re.compile(r"(?!9999)[1-9][0-9]{3}"),  # 1000–9998: a date holds the year and the next one
}


def valid_filters(filters):
    """The chosen facet values that can mean something; anything else is ignored."""
    return {
        name: value
        for name, value in (filters or {}).items()
        if name in FILTER_FORMATS
        and FILTER_FORMATS[name].fullmatch(value)
        and (name != "type" or content_model(value))
    }


def search(query, locale, filters=None, page_number=1):
    """Search the visitor's locale. `filters` maps a facet name to its chosen value."""
    query = clean_query(query)
    outcome = Outcome(query=query[:MAX_QUERY_LENGTH], truncated=len(query) > MAX_QUERY_LENGTH)
    outcome.page_number = min(max(1, page_number), MAX_PAGE)
    if not outcome.query:
        return outcome
    filters = valid_filters(filters)
    outcome.promotions = promotions_for(outcome.query, locale)

    articles = searchable_articles(locale)

    def run(backend, query):
        if isinstance(backend, ElasticsearchBaseSearchBackend):
            ElasticsearchSearch(backend, locale, articles, outcome, filters).run()
        else:
            database_search(backend, query, locale, articles, outcome, filters)

    _, outcome.degraded = run_with_fallback(run, outcome.query)
    return outcome


def content_model(content_type):
    """The concrete model (a page type, or Provision) a `_django_content_type` value names, or None.

    Page documents list every indexed ancestor: the abstract PortalPage and Page itself too.
    """
    try:
        model = apps.get_model(content_type)
    except (LookupError, ValueError):
        return None
    return model if model is not Page else None


def database_search(backend, query, locale, articles, outcome, filters):
    """What the database backend can do: matching pages, then matching articles, paginated as one
    list; no facet counts or snippets.

    Filters chosen before Elasticsearch failed still narrow the results; articles have no
    section or year, so choosing one leaves only pages (as on Elasticsearch).
    """
    outcome.hits, outcome.facets, outcome.suggestion, outcome.total = [], [], "", 0
    if not query:  # nothing left once made safe for the database: nothing matches
        return
    chosen_type = content_model(filters["type"]) if "type" in filters else None
    result_sets = []
    if chosen_type is None or issubclass(chosen_type, Page):
        queryset = searchable_pages(locale)
        if chosen_type is not None:
            queryset = queryset.type(chosen_type)
        if "section" in filters:
            queryset = queryset.filter(path__startswith=filters["section"])
        if "year" in filters:
            queryset = queryset.filter(first_published_at__year=int(filters["year"]))
        result_sets.append(backend.search(query, queryset))
    if chosen_type in (None, Provision) and articles.versions and not {"section", "year"} & filters.keys():
        result_sets.append(backend.search(query, articles.provisions()))
    counts = [results.count() for results in result_sets]
    outcome.total = sum(counts)
    start = (outcome.paginator_page.number - 1) * RESULTS_PER_PAGE
    found = []
    for results, count in zip(result_sets, counts):
        wanted = RESULTS_PER_PAGE - len(found)
        if wanted and start < count:
            found.extend(results[start : start + wanted])
        start = max(0, start - count)
    specific = Page.objects.filter(pk__in=[obj.pk for obj in found if isinstance(obj, Page)]).specific().in_bulk()
    outcome.hits = [
        Hit.for_page(specific[obj.pk], summary_of(specific[obj.pk]))
        if isinstance(obj, Page)
        else Hit.for_article(obj, articles, opening_of(obj))
        for obj in found
    ]


def summary_of(page):
    """What a result shows when nothing is highlighted: the page type's own summary or description."""
    return getattr(page, "summary", "") or getattr(page, "description", "") or page.search_description


def opening_of(provision):
    """An article's snippet when nothing is highlighted: the start of its text."""
    return Truncator(provision.text).words(30)


def highlighted_in(hit, wanted):
    """The first two distinct highlighted fragments of the fields `wanted(name)` accepts, or ""."""
    fragments = list(
        dict.fromkeys(
            fragment
            for field_name, field_fragments in hit.get("highlight", {}).items()
            if wanted(field_name)
            for fragment in field_fragments
        )
    )
    # Elasticsearch escaped the text (encoder "html") and added only <mark> tags.
    return mark_safe(" … ".join(fragments[:2])) if fragments else ""  # nosec B308, B703


def scoped(index, query, name):
    """`query` applied to one index's documents only, named so each hit says which query found it."""
    return {"bool": {"must": query, "filter": {"term": {"_index": index}}, "_name": name}}


class ElasticsearchSearch:
    """One request to Elasticsearch over pages and articles: hits, snippets, facet counts; a second
    only for "did you mean"."""

    def __init__(self, backend, locale, articles, outcome, filters):
        self.backend = backend
        self.locale = locale
        self.articles = articles
        self.outcome = outcome
        self.filters = filters
        self.mapping = backend.mapping_class(StandardPage)
        self.section_field = self.column("search_section")
        self.year_field = self.column("first_published_at")
        self.page_index = backend.get_index_for_model(Page).name
        self.article_index = backend.get_index_for_model(Provision).name
        text_field = next(f for f in Provision.get_searchable_search_fields() if f.field_name == "text")
        self.article_text = backend.mapping_class(Provision).get_field_column_name(text_field)
        self.client = backend.es.options(request_timeout=SEARCH_TIMEOUT_SECONDS)

    def column(self, field_name):
        search_field = next(
            f for f in StandardPage.get_filterable_search_fields() if f.field_name == field_name
        )
        return self.mapping.get_field_column_name(search_field)

    def compiled(self, text):
        """Pages as Wagtail compiles the query, or articles in force: each query on its own index.

        An article is matched with the analysis of the language it is written in, so an English
        visitor's "de la compra" drops the Spanish stop words as a Spanish visitor's does.
        """
        pages = self.backend.search(text, searchable_pages(self.locale)).query_compiler.get_query()
        clauses = [scoped(self.page_index, pages, "page")]
        for language, version_ids in self.articles.by_text_language().items():
            with translation.override(language):
                query = self.backend.search(text, self.articles.provisions(version_ids)).query_compiler.get_query()
            clauses.append(scoped(self.article_index, query, "article"))
        return {"bool": {"should": clauses, "minimum_should_match": 1}}

    def request(self, operation, **kwargs):
        """`search` or `count` on both indices; the articles' one may not exist before `update_index` builds it."""
        return getattr(self.client, operation)(
            index=[self.page_index, self.article_index], ignore_unavailable=True, **kwargs
        )

    def facet_filters(self):
        clauses = {}
        if "type" in self.filters:
            clauses["type"] = {"term": {"_django_content_type": self.filters["type"]}}
        if "section" in self.filters:
            clauses["section"] = {"term": {self.section_field: self.filters["section"]}}
        if "year" in self.filters:
            year = int(self.filters["year"])
            clauses["year"] = {
                "range": {
                    self.year_field: {
                        "gte": f"{year}-01-01",
                        "lt": f"{year + 1}-01-01",
                        "time_zone": settings.TIME_ZONE,
                    }
                }
            }
        return clauses

    def aggregations(self, clauses):
        """Each facet counted with the other facets' choices applied (multi-select faceting)."""
        definitions = {
            "type": {"terms": {"field": "_django_content_type", "size": 50}},
            "section": {"terms": {"field": self.section_field, "size": 50}},
            "year": {
                "date_histogram": {
                    "field": self.year_field,
                    "calendar_interval": "year",
                    "time_zone": settings.TIME_ZONE,  # a page published on 31 December stays in its year
                    "format": "yyyy",
                    "min_doc_count": 1,
                    "order": {"_key": "desc"},
                }
            },
        }
        return {
            name: {
                "filter": {"bool": {"filter": [c for other, c in clauses.items() if other != name]}},
                "aggs": {"values": definition},
            }
            for name, definition in definitions.items()
        }

    def run(self):
        outcome = self.outcome
        clauses = self.facet_filters()
        highlighted = [f"*.{self.locale.language_code}"] + [
            f"{self.article_text}.{language}" for language in self.articles.by_text_language()
        ]
        start = (max(outcome.page_number, 1) - 1) * RESULTS_PER_PAGE
        response = self.request(
            "search",
            query=self.compiled(outcome.query),
            post_filter={"bool": {"filter": list(clauses.values())}},
            aggs=self.aggregations(clauses),
            highlight={
                "fields": dict.fromkeys(highlighted, {}),
                "require_field_match": False,
                "encoder": "html",
                "pre_tags": ["<mark>"],
                "post_tags": ["</mark>"],
                "fragment_size": 160,
                "number_of_fragments": 2,
            },
            from_=start,
            size=RESULTS_PER_PAGE,
            source=False,
            stored_fields=["pk"],
            track_total_hits=True,
        )
        outcome.total = response["hits"]["total"]["value"]
        if start and start >= outcome.total:  # a page past the end: show the last one
            outcome.page_number = outcome.paginator_page.number
            return self.run()
        self.collect_hits(response["hits"]["hits"])
        outcome.facets = self.collect_facets(response["aggregations"])
        if outcome.total == 0:
            outcome.suggestion = self.suggest()

    def collect_hits(self, raw_hits):
        found = [
            ("article" if "article" in hit.get("matched_queries", ()) else "page", int(hit["fields"]["pk"][0]), hit)
            for hit in raw_hits
        ]
        # Checked again against the database: the index may lag behind an unpublish or a deletion.
        pages = searchable_pages(self.locale).filter(pk__in=[pk for kind, pk, _ in found if kind == "page"])
        pages = pages.specific().in_bulk()
        provisions = self.articles.provisions().filter(pk__in=[pk for kind, pk, _ in found if kind == "article"])
        provisions = provisions.in_bulk()
        for kind, pk, hit in found:
            if kind == "page" and (page := pages.get(pk)):
                snippet = highlighted_in(
                    hit, lambda name: not name.startswith("title") and not is_catch_all(name.split(".")[0])
                )
                self.outcome.hits.append(Hit.for_page(page, snippet or summary_of(page)))
            elif kind == "article" and (provision := provisions.get(pk)):
                text_field = f"{self.article_text}.{self.articles.text_language(provision)}"
                snippet = highlighted_in(hit, text_field.__eq__)
                self.outcome.hits.append(Hit.for_article(provision, self.articles, snippet or opening_of(provision)))

    def collect_facets(self, aggregations):
        chosen = self.filters
        types = [
            Bucket(b["key"], type_label(model), b["doc_count"], chosen.get("type") == b["key"])
            for b in aggregations["type"]["values"]["buckets"]
            if (model := content_model(b["key"]))
        ]
        section_buckets = [b for b in aggregations["section"]["values"]["buckets"] if b["key"]]
        titles = dict(
            Page.objects.filter(path__in=[b["key"] for b in section_buckets]).values_list("path", "title")
        )
        sections = [
            Bucket(b["key"], titles.get(b["key"], b["key"]), b["doc_count"], chosen.get("section") == b["key"])
            for b in section_buckets
        ]
        years = [
            Bucket(b["key_as_string"], b["key_as_string"], b["doc_count"], chosen.get("year") == b["key_as_string"])
            for b in aggregations["year"]["values"]["buckets"]
        ]
        return [
            facet
            for facet in (
                Facet("type", _("Content type"), types),
                Facet("section", _("Section"), sections),
                Facet("year", _("Year"), years),
            )
            if facet.buckets
        ]

    def suggest(self):
        """A respelling of the query from words in the index, or "" when none is better."""
        response = self.request(
            "search",
            size=0,
            suggest={
                "text": self.outcome.query,
                "did_you_mean": {
                    "term": {"field": "_all_text", "suggest_mode": "popular", "min_word_length": 3}
                },
            },
        )
        words, changed = [], False
        for token in response["suggest"]["did_you_mean"]:
            if token["options"]:
                words.append(token["options"][0]["text"])
                changed = True
            else:
                words.append(token["text"])
        if not changed:
            return ""
        # The suggester reads every document (drafts, the other language, superseded articles):
        # offer the new spelling only if it finds results this visitor can see.
        suggestion = " ".join(words)
        return suggestion if self.request("count", query=self.compiled(suggestion))["count"] else ""

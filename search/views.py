"""The search page and its autocomplete, in the visitor's language."""

from django.conf import settings
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from .analytics import record_search
from .query import FACETS, MAX_QUERY_LENGTH, clean_query, run_with_fallback, search, searchable_pages

AUTOCOMPLETE_LIMIT = 8
AUTOCOMPLETE_MIN_LENGTH = 2
AUTOCOMPLETE_MAX_LENGTH = 100


def page_number(value):
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def url_with(request, name, value):
    """The current search with one parameter set (or removed when None), from the first page."""
    params = request.GET.copy()
    params.pop("page", None)
    params.pop(name, None)
    if value is not None:
        params[name] = value
    return f"?{params.urlencode()}"


@require_GET
def search_page(request):
    locale = Locale.get_active()
    filters = {name: request.GET.get(name, "")[:100] for name in FACETS}
    outcome = search(request.GET.get("q", ""), locale, filters, page_number(request.GET.get("page")))
    if outcome.page_number == 1 and not any(filters.values()):  # a new search, not browsing one
        record_search(locale, outcome.query, outcome.total)
    for facet in outcome.facets:
        for bucket in facet.buckets:
            bucket.url = url_with(request, facet.name, None if bucket.selected else bucket.value)
    response = TemplateResponse(
        request,
        "search/search.html",
        {
            "outcome": outcome,
            "filters": filters,
            "has_filters": any(filters.values()),
            "max_query_length": MAX_QUERY_LENGTH,
        },
    )
    # The reader's browser may keep it, but no shared cache (nor portal/cache.py): each search is
    # counted, and a result page from before an outage of Elasticsearch should not outlive it.
    patch_cache_control(response, private=True, max_age=settings.PAGE_MAX_AGE)
    return response


@require_GET
def autocomplete(request):
    """Titles of pages in the visitor's language that start like the typed words."""
    query = clean_query(request.GET.get("q", ""))[:AUTOCOMPLETE_MAX_LENGTH]
    if len(query) < AUTOCOMPLETE_MIN_LENGTH:
        return JsonResponse({"query": query, "results": []})
    pages = searchable_pages(Locale.get_active())

    def suggest(backend, query):
        return list(backend.autocomplete(query, pages)[:AUTOCOMPLETE_LIMIT]) if query else []

    results, _degraded = run_with_fallback(suggest, query)
    return JsonResponse(
        {
            "query": query,
            "results": [{"title": page.title, "url": page.get_url(request)} for page in results],
        }
    )

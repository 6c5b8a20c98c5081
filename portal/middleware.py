"""How long browsers and shared caches (a CDN, a proxy) may keep the portal's pages, and what
readers get while the database is not answering."""

import logging
import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

from portal.api.middleware import API_PREFIX

# Answers that are the same for every reader of the address: a page and a page that is not there.
SHAREABLE_STATUSES = {200, 404}


class PageCacheControlMiddleware:
    """`Cache-Control` on every page that does not set its own.

    A citizen's page is the same for everyone, so any cache may keep it for PAGE_MAX_AGE seconds
    (then revalidate it with the ETag). Anything personal is `private, no-cache`: a signed-in
    editor's page (it has the userbar), a page that sets a cookie or carries a CSRF token (a form).
    Responses that already say how to cache — the API, static files, Wagtail's restricted pages —
    are left alone. Placed inside ConditionalGetMiddleware, so a 304 repeats these headers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or response.has_header("Cache-Control"):
            return response
        user = getattr(request, "user", None)
        personal = (
            (user is not None and user.is_authenticated)
            or response.cookies
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        )
        if personal:
            patch_cache_control(response, private=True, no_cache=True)
        elif response.status_code in SHAREABLE_STATUSES:
            patch_cache_control(response, public=True, max_age=settings.PAGE_MAX_AGE)
        return response


# While the database is unavailable (a restart, a failover, too many connections): how long
# readers and API clients are asked to wait before trying again.
DATABASE_RETRY_AFTER_SECONDS = 30
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)

logger = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    """A 503 with Retry-After instead of a 500 while the database is not answering: a page in the
    reader's language (/es/, /en/), or JSON for the API. Nothing is kept by a cache (the page
    would outlive the outage), and the next request uses a fresh connection (CONN_HEALTH_CHECKS),
    so the portal recovers by itself when the database is back.

    Views run nearly every query: `process_exception` answers for them (and for the templates
    they render). A few middlewares also query — loading a signed-in editor's session and user,
    saving a session — and Django turns their exceptions into a 500 where they occur, before any
    outer middleware sees them; `got_request_exception` marks the request then, and `__call__`
    replaces that 500. So this middleware sits outside every middleware that may query (sessions,
    authentication, the page cache, redirects) and inside those that never do.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        exception = getattr(request, "database_unavailable", None)
        if response.status_code == 500 and exception is not None:
            return database_unavailable(request, exception)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return database_unavailable(request, exception)
        return None


@receiver(got_request_exception, dispatch_uid="portal.middleware.database_unavailable")
def note_database_unavailable(sender, request=None, **kwargs):
    """Django is about to answer this request with a 500: note whether the database was the cause."""
    exception = sys.exc_info()[1]
    if request is not None and isinstance(exception, DATABASE_UNAVAILABLE):
        request.database_unavailable = exception


def database_unavailable(request, exception):
    """The 503 itself, built without a query: the language comes from the address (the API's from
    Accept-Language), the template extends none that reads menus or settings."""
    logger.error("The database is not answering (%s): %s %s answered 503", exception, request.method, request.path)
    language = translation.get_language_from_path(request.path_info) or translation.get_language_from_request(request)
    with translation.override(language):
        if request.path_info.startswith(API_PREFIX):
            response = JsonResponse(
                {
                    "error": "service_unavailable",
                    "detail": _("The service is temporarily unavailable: please try again in %(seconds)s seconds.")
                    % {"seconds": DATABASE_RETRY_AFTER_SECONDS},
                },
                status=503,
            )
        else:
            html = loader.render_to_string("503.html", {"request_was_sent": request.method == "POST"})
            response = HttpResponse(html, status=503)
            response["Content-Language"] = language
    response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)  # private, no-store: no cache keeps it
    return response

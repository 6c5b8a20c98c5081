"""HTTP behaviour of every /api/ response that endpoints should not each repeat: a generous rate
limit per client address (429 with Retry-After) and shared caching for successful GETs.

ETag and 304 come from Django's ConditionalGetMiddleware, CORS from django-cors-headers and
`Vary: Accept-Language` from the locale middleware (error details follow the client's language).
"""

from django.conf import settings
from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

from portal.ratelimits import client_address

API_PREFIX = "/api/"


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's, except that API addresses, which have no language prefix, are never redirected to
    one: Django would answer an API 404 with a redirect to /es/api/…, a page that does not exist.
    Nor do they get a Content-Language: a list holds items in both languages."""

    def process_response(self, request, response):
        if not request.path_info.startswith(API_PREFIX):
            return super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Language",))  # error details are in the client's language
        return response


def api_rate(group, request):
    """Read per request, so deployments and tests can change it."""
    return settings.API_RATE


API_LIMIT = {"group": "api", "key": client_address, "rate": api_rate, "method": ["GET", "HEAD"]}


class ApiHttpMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        usage = get_usage(request, increment=True, **API_LIMIT)
        if usage and usage["should_limit"]:
            return too_many_requests(usage["time_left"])
        head = request.method == "HEAD"
        if head:  # operations are declared for GET: a HEAD runs as one and answers with its headers only
            request.method = "GET"
        response = self.get_response(request)
        if head:
            request.method = "HEAD"
            if not response.streaming:  # the GET's ETag and Content-Length, without the body
                set_response_etag(response)
                response.content = b""
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            patch_cache_control(response, public=True, max_age=settings.API_MAX_AGE)
        return response


def too_many_requests(seconds):
    response = JsonResponse(
        {
            "error": "too_many_requests",
            "detail": _("Too many requests from your address: please wait %(seconds)s seconds.") % {"seconds": seconds},
        },
        status=429,
    )
    response["Retry-After"] = str(max(seconds, 1))
    return response

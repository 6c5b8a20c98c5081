"""How long browsers and shared caches (a CDN, a proxy) may keep the portal's pages."""

from django.conf import settings
from django.utils.cache import patch_cache_control

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

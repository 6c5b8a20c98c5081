"""/api/v1/: the public JSON API (django-ninja: typed schemas and OpenAPI 3.1 at /api/v1/openapi.json,
browsable docs at /api/v1/docs) and the feeds; every error is `{"error": …, "detail": …}`."""

from django.http import Http404
from django.urls import include, path, re_path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from .common import error_response

API_DESCRIPTION = gettext_lazy(
    "Everything the portal publishes, in Spanish and English, as JSON: pages, monthly notes, FAQ, "
    "Transparencia Activa datasets and their monthly tables, regulations and their versions. "
    "The guide for journalists, with examples, is linked from the footer of every page of the portal."
)

api = NinjaAPI(
    title="Portal de información pública API",
    version="1",
    description=API_DESCRIPTION,
    urls_namespace="api_v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
api.add_router("/", "portal.api.content.router")
api.add_router("/", "portal.api.details.router")
api.add_router("/transparency", "transparency.api.router")
api.add_router("/regulations", "regulations.api.router")

@api.exception_handler(ValidationError)
def bad_parameters(request, exc):
    """Ninja's 422 for a parameter it cannot read becomes a 400 that names the parameter."""
    problems = {}
    for error in exc.errors:
        # ("query", "filters", "published_after", "date") → published_after; one message per parameter
        names = [str(part) for part in error.get("loc", ())[1:] if part != "filters"]
        problems.setdefault(names[0] if names else "?", error.get("msg", ""))
    problems = [f"{name}: {message}" for name, message in problems.items()]
    return error_response(400, _("Bad parameters. %(problems)s") % {"problems": "; ".join(problems)})


@api.exception_handler(HttpError)
def http_error(request, exc):
    return error_response(exc.status_code, exc.message)


@api.exception_handler(Http404)
def not_found(request, exc):
    return error_response(404, _("There is no published item at this address."))


def unknown_address(request, rest):
    return error_response(404, _("The API has no such address: see /api/v1/docs for the ones it has."))


urlpatterns = [
    path("feeds/", include("portal.api.feeds")),
    path("", api.urls),
    re_path(r"^(?P<rest>[\s\S]*)$", unknown_address),  # after the API's own: a JSON 404, not the site's HTML one
]

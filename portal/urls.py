from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal.api.guide import api_guide
from search import views as search_views

urlpatterns = [
    path("api/v1/", include("portal.api.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under its language prefix; "/" is redirected by
# LocaleMiddleware to /es/ or /en/ according to Accept-Language (Spanish otherwise).
urlpatterns += i18n_patterns(
    # Translators: URL of the search page, with its trailing slash ("buscar/").
    path(_("search/"), search_views.search_page, name="search"),
    path(_("search/autocomplete/"), search_views.autocomplete, name="search_autocomplete"),
    # Translators: URL of the API guide for journalists, with its trailing slash ("guia-api/").
    path(_("api-guide/"), api_guide, name="api_guide"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

"""The editorial workflow in the admin: each role's dashboard panels and the missing-translation report."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import reports
from .panels import PANELS
from .reports import MissingTranslationsView

report_urls = [
    path("missing-translations/", MissingTranslationsView.as_view(), name="missing_translations"),
    path(
        "missing-translations/results/",
        MissingTranslationsView.as_view(results_only=True),
        name="missing_translations_results",
    ),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    namespace = reports.URL_NAMESPACE
    return [path("reports/editorial/", include((report_urls, namespace), namespace=namespace))]


class MissingTranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        return reports.can_translate(request.user)


@hooks.register("register_reports_menu_item")
def register_missing_translations_menu_item():
    return MissingTranslationsMenuItem(
        MissingTranslationsView.page_title,
        reverse(MissingTranslationsView.index_url_name),
        name="missing-translations",
        icon_name="wagtail-localize-language",
        order=1600,
    )


@hooks.register("construct_homepage_panels")
def add_role_panels(request, panels):
    panels.extend(panel() for panel in PANELS if panel.shown_to(request.user))

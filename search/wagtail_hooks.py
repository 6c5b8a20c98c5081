"""The search reports in the admin's Reports menu, for users allowed to view search statistics."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import NoResultSearchesView, PopularSearchesView

VIEW_PERMISSION = "search.view_searchquerystat"

report_urls = [
    path("popular/", PopularSearchesView.as_view(), name="popular_searches"),
    path("popular/results/", PopularSearchesView.as_view(results_only=True), name="popular_searches_results"),
    path("no-results/", NoResultSearchesView.as_view(), name="no_result_searches"),
    path("no-results/results/", NoResultSearchesView.as_view(results_only=True), name="no_result_searches_results"),
]


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [path("reports/searches/", include((report_urls, "search_reports"), namespace="search_reports"))]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


def report_menu_item(label, url_name, name, order):
    """A hook that adds one search report to the Reports menu."""
    return lambda: SearchReportMenuItem(label, reverse(url_name), name=name, icon_name="search", order=order)


hooks.register(
    "register_reports_menu_item",
    report_menu_item(_("Popular searches"), "search_reports:popular_searches", "popular-searches", 1400),
)
hooks.register(
    "register_reports_menu_item",
    report_menu_item(
        _("Searches with no results"),
        "search_reports:no_result_searches",
        "searches-with-no-results",
        1410,
    ),
)


@hooks.register("register_permissions")
def register_view_permission():
    """Offered in the group editor, so administrators can give editors' groups the reports."""
    return Permission.objects.filter(content_type__app_label="search", codename="view_searchquerystat")

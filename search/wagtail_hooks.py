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


@hooks.register("register_reports_menu_item")
def register_popular_searches_menu_item():
    return SearchReportMenuItem(
        _("Popular searches"),
        reverse("search_reports:popular_searches"),
        name="popular-searches",
        icon_name="search",
        order=1400,
    )


@hooks.register("register_reports_menu_item")
def register_no_result_searches_menu_item():
    return SearchReportMenuItem(
        _("Searches with no results"),
        reverse("search_reports:no_result_searches"),
        name="searches-with-no-results",
        icon_name="search",
        order=1410,
    )


@hooks.register("register_permissions")
def register_view_permission():
    """Offered in the group editor, so administrators can give editors' groups the reports."""
    return Permission.objects.filter(content_type__app_label="search", codename="view_searchquerystat")

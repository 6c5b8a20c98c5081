"""The FAQ reports under /admin/reports/faq/, in the Reports menu of editors who may edit questions."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .admin_views import CommentsView, ReviewDueView, UsefulnessView

report_urls = [
    path("usefulness/", UsefulnessView.as_view(), name="usefulness"),
    path("usefulness/results/", UsefulnessView.as_view(results_only=True), name="usefulness_results"),
    path("usefulness/<int:question_id>/comments/", CommentsView.as_view(), name="comments"),
    path(
        "usefulness/<int:question_id>/comments/results/",
        CommentsView.as_view(results_only=True),
        name="comments_results",
    ),
    path("review/", ReviewDueView.as_view(), name="review"),
    path("review/results/", ReviewDueView.as_view(results_only=True), name="review_results"),
]


@hooks.register("register_admin_urls")
def register_faq_report_urls():
    namespace = admin_views.URL_NAMESPACE
    return [path("reports/faq/", include((report_urls, namespace), namespace=namespace))]


class FAQReportMenuItem(MenuItem):
    def is_shown(self, request):
        """Asked once per admin page for both reports: the menu is built on every one."""
        if not hasattr(request, "can_see_faq_reports"):
            request.can_see_faq_reports = admin_views.can_see_reports(request.user)
        return request.can_see_faq_reports


def report_menu_item(view, name, order):
    """A hook that adds one FAQ report to the Reports menu, under the report's own title."""
    return lambda: FAQReportMenuItem(view.page_title, reverse(view.index_url_name), name=name, icon_name="help", order=order)


hooks.register("register_reports_menu_item", report_menu_item(UsefulnessView, "faq-answer-usefulness", 1500))
hooks.register("register_reports_menu_item", report_menu_item(ReviewDueView, "faq-answers-to-review", 1510))

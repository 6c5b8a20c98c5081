"""The admin dashboard's panels for each role's work: my drafts, translations to do, the answers
readers find least useful and the searches that found nothing.

Each panel is added only for users who may act on it (see `shown_to`), shows nothing when it
has nothing to list, and costs a fixed number of queries. The report panels read their rows from
the report views themselves, so a panel always agrees with the report it links to. Wagtail's own
panels already list what awaits the user's review and the user's pages in review; the
Transparencia Activa obligations panel is transparency's.
"""

import copy

from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.http import QueryDict
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState, get_default_page_content_type
from wagtail.permissions import policy_registry

from faq.admin_views import UsefulnessView
from faq.admin_views import can_see_reports as can_see_faq_reports
from search.admin_views import DEFAULT_PERIOD, NoResultSearchesView

from . import reports

DRAFTS_LIMIT = 10
REPORT_ROWS = 5


def report_rows(view_class, request):
    """A report's rows as its view lists them when opened without parameters: default filters
    and ordering, for this user."""
    report_request = copy.copy(request)
    report_request.GET = QueryDict()
    view = view_class()
    view.setup(report_request)
    return view, view.get_filtered_queryset()


class MyDraftsPanel(Component):
    """Pages whose latest revision is the user's and is not live yet, newest first.

    Pages in the review workflow are left out: Wagtail's "Your pages in a workflow" lists them.
    """

    name = "my_drafts"
    template_name = "editorial/panels/my_drafts.html"
    order = 230

    @staticmethod
    def shown_to(user):
        return policy_registry.get_by_type(Page).user_has_any_permission(user, {"add", "change"})

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        in_review = WorkflowState.objects.active().filter(
            base_content_type=get_default_page_content_type(), object_id=Cast(OuterRef("pk"), CharField())
        )
        drafts = (
            Page.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
            .exclude(Exists(in_review))
            .select_related("locale")
            .order_by("-latest_revision_created_at", "-pk")
        )
        return {"rows": list(drafts[:DRAFTS_LIMIT])}


class ReportPanel(Component):
    """The first rows of an admin report, and a link to the whole report."""

    report_view = None

    def get_context_data(self, parent_context):
        view, queryset = report_rows(self.report_view, parent_context["request"])
        return {"report_url": reverse(view.index_url_name), **self.get_rows(view, queryset)}

    def get_rows(self, view, queryset):
        return {"rows": list(queryset[:REPORT_ROWS])}


class MissingTranslationsPanel(ReportPanel):
    """How many pages the user would translate, the first of them, and what to do about each."""

    name = "missing_translations"
    template_name = "editorial/panels/missing_translations.html"
    order = 260
    report_view = reports.MissingTranslationsView

    @staticmethod
    def shown_to(user):
        return reports.can_translate(user)

    def get_rows(self, view, queryset):
        pages = list(queryset[:REPORT_ROWS])
        rows = [
            {
                "title": page.get_admin_display_title(),
                "status": reports.status_label(page.translation_status),
                "action": reports.action_label(page),
                "action_url": reports.action_url(page),
            }
            for page in pages
        ]
        return {"rows": rows, "count": len(rows) if len(rows) < REPORT_ROWS else queryset.count()}


class LeastUsefulAnswersPanel(ReportPanel):
    """For editors of FAQ answers allowed to read readers' feedback."""

    name = "least_useful_answers"
    template_name = "editorial/panels/least_useful_answers.html"
    order = 270
    report_view = UsefulnessView

    @staticmethod
    def shown_to(user):
        return user.has_perm("faq.view_answerfeedback") and can_see_faq_reports(user)


class NoResultSearchesPanel(ReportPanel):
    """For users allowed to read search statistics, as the search report itself asks."""

    name = "no_result_searches"
    template_name = "editorial/panels/no_result_searches.html"
    order = 280
    report_view = NoResultSearchesView

    @staticmethod
    def shown_to(user):
        return policy_registry.get_by_type(NoResultSearchesView.model).user_has_permission(
            user, NoResultSearchesView.permission_required
        )

    def get_rows(self, view, queryset):
        return {"rows": view.decorate_paginated_queryset(list(queryset[:REPORT_ROWS])), "days": int(DEFAULT_PERIOD)}


PANELS = (MyDraftsPanel, MissingTranslationsPanel, LeastUsefulAnswersPanel, NoResultSearchesPanel)

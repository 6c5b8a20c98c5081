"""Editors' FAQ reports: the answers readers find least useful (and what they wrote), and answers due a review.

Who sees them follows Wagtail's page permissions: an editor who may edit questions (anywhere in
the FAQ section they were given) sees the reports, listing only those questions. Each report
costs a fixed number of queries however many questions and votes there are.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, FloatField, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Length, Substr
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.tables import Column, LocaleColumn, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.admin_reports import ExportInEditorsLanguage

from .models import QuestionPage

URL_NAMESPACE = "faq_reports"

question_permissions = PagePermissionPolicy(QuestionPage)


def editable_questions(user):
    return question_permissions.instances_user_has_permission_for(user, "change")


def can_see_reports(user):
    """Editors of at least one question; everyone else is refused the reports and not shown them in the menu."""
    return editable_questions(user).exists()


def with_category(questions):
    """Each question with its locale and its category's title (its parent page), in the same query."""
    parent = Page.objects.filter(path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen))
    return questions.select_related("locale").annotate(category_title=Subquery(parent.values("title")[:1]))


def a_year_before(day):
    """The same day a year earlier (28 February for a 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def yes_or_no(useful):
    return gettext("Yes") if useful else gettext("No")


def share_of_useful(question):
    return f"{question.share_useful:.0f} %"


def comments_link_text(question):
    return ngettext("%(count)s comment", "%(count)s comments", question.comment_count) % {
        "count": question.comment_count
    }


def comments_url(question):
    return reverse(f"{URL_NAMESPACE}:comments", args=[question.pk]) if question.comment_count else None


QUESTION_COLUMN = TitleColumn("title", label=_("Question"), url_name="wagtailadmin_pages:edit", sort_key="title")
LOCALE_COLUMN = LocaleColumn(label=_("Locale"))
CATEGORY_COLUMN = Column("category_title", label=_("Category"), sort_key="category_title")


class FAQReportView(ExportInEditorsLanguage, ReportView):
    header_icon = "help"
    then_by = ()  # after the column the editor sorts by, so equal values keep a stable order

    def dispatch(self, request, *args, **kwargs):
        if not can_see_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"

    def order_queryset(self, queryset):
        return queryset.order_by(self.ordering, *self.then_by)


class UsefulnessView(FAQReportView):
    """One row per question that has votes, the least useful first: lowest share of "yes", then most "no"."""

    page_title = _("FAQ answer usefulness")
    index_url_name = f"{URL_NAMESPACE}:usefulness"
    index_results_url_name = f"{URL_NAMESPACE}:usefulness_results"
    verbose_name_plural = _("answers with votes")  # "There are no answers with votes to display."
    default_ordering = "share_useful"
    then_by = ("share_useful", "-no_votes", "path")
    columns = [
        QUESTION_COLUMN,
        LOCALE_COLUMN,
        CATEGORY_COLUMN,
        NumberColumn("yes_votes", label=_("Yes"), sort_key="yes_votes"),
        NumberColumn("no_votes", label=_("No"), sort_key="no_votes"),
        Column("share_useful", label=_("Useful"), accessor=share_of_useful, sort_key="share_useful"),
        TitleColumn(
            "comment_count",
            label=_("Comments"),
            accessor=comments_link_text,
            get_url=comments_url,
            sort_key="comment_count",
        ),
    ]
    list_export = ["title", "locale", "category_title", "yes_votes", "no_votes", "share_useful", "comment_count"]
    export_headings = {
        "title": _("Question"),
        "locale": _("Locale"),
        "category_title": _("Category"),
        "yes_votes": _("Yes"),
        "no_votes": _("No"),
        "share_useful": _("Useful (%)"),
        "comment_count": _("Comments"),
    }
    custom_field_preprocess = {
        "share_useful": {fmt: lambda share: round(share, 1) for fmt in ReportView.FORMATS},
    }
    export_filename = "faq-answer-usefulness"

    def get_base_queryset(self):
        counted = editable_questions(self.request.user).annotate(
            votes=Count("feedback"),
            yes_votes=Count("feedback", filter=Q(feedback__useful=True)),
            no_votes=Count("feedback", filter=Q(feedback__useful=False)),
            comment_count=Count("feedback", filter=~Q(feedback__comment="")),
        )
        return with_category(
            counted.filter(votes__gt=0).annotate(share_useful=Cast("yes_votes", FloatField()) * 100 / F("votes"))
        )


class CommentsView(FAQReportView):
    """What readers wrote about one answer, newest first."""

    page_title = _("Reader comments")
    index_url_name = f"{URL_NAMESPACE}:comments"
    index_results_url_name = f"{URL_NAMESPACE}:comments_results"
    verbose_name_plural = _("comments")
    default_ordering = "-submitted_on"
    then_by = ("-pk",)
    columns = [
        Column("submitted_on", label=_("Submitted on"), sort_key="submitted_on"),
        Column("useful", label=_("Useful"), accessor=lambda feedback: yes_or_no(feedback.useful), sort_key="useful"),
        Column("comment", label=_("Comment")),
    ]
    list_export = ["submitted_on", "useful", "comment"]
    export_headings = {"submitted_on": _("Submitted on"), "useful": _("Useful"), "comment": _("Comment")}
    custom_field_preprocess = {"useful": {fmt: yes_or_no for fmt in ReportView.FORMATS}}
    export_filename = "faq-answer-comments"

    @cached_property
    def question(self):
        return get_object_or_404(editable_questions(self.request.user), pk=self.kwargs["question_id"])

    def get_page_subtitle(self):
        return self.question.title

    def get_breadcrumbs_items(self):
        usefulness = {"url": reverse(UsefulnessView.index_url_name), "label": UsefulnessView.page_title}
        return self.breadcrumbs_items + [usefulness, {"url": "", "label": self.question.title}]

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.question.pk])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.question.pk])

    def get_base_queryset(self):
        return self.question.feedback.exclude(comment="")


class ReviewDueView(FAQReportView):
    """Published answers last reviewed more than 12 months ago, the oldest first."""

    page_title = _("FAQ answers to review")
    index_url_name = f"{URL_NAMESPACE}:review"
    index_results_url_name = f"{URL_NAMESPACE}:review_results"
    verbose_name_plural = _("answers to review")
    default_ordering = "last_reviewed"
    then_by = ("last_reviewed", "path")
    columns = [
        QUESTION_COLUMN,
        LOCALE_COLUMN,
        CATEGORY_COLUMN,
        Column("last_reviewed", label=_("Last reviewed"), sort_key="last_reviewed"),
    ]
    list_export = ["title", "locale", "category_title", "last_reviewed"]
    export_headings = {
        "title": _("Question"),
        "locale": _("Locale"),
        "category_title": _("Category"),
        "last_reviewed": _("Last reviewed"),
    }
    export_filename = "faq-answers-to-review"

    def get_base_queryset(self):
        year_ago = a_year_before(timezone.localdate())
        return with_category(editable_questions(self.request.user).live().filter(last_reviewed__lt=year_ago))

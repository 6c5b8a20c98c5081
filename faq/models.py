"""Preguntas frecuentes: categories and questions as pages, and what readers say about the answers."""

import html

from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.blocks import PageChooserBlock
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from portal.models import PortalPage

from .blocks import RegulationArticleBlock

ANSWER_FEATURES = ["h3", "bold", "italic", "link", "document-link", "ol", "ul"]
COMMENT_MAX_LENGTH = 1000
SUMMARY_WORDS = 30


class FAQIndexPage(PortalPage):
    """Every category and its questions in one language."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = PortalPage.content_panels + [FieldPanel("intro")]
    search_fields = PortalPage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["faq.FAQCategoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("FAQ index")
        verbose_name_plural = _("FAQ indexes")

    def get_context(self, request, *args, **kwargs):
        from . import views

        context = super().get_context(request, *args, **kwargs)
        context.update(views.index_context(request, self))
        return context


class FAQCategoryPage(PortalPage):
    """A theme (transparency, procurement, digital services…) and its questions, in order."""

    description = models.TextField(
        _("description"), blank=True, max_length=400, help_text=_("Shown under the category's name in the FAQ index.")
    )

    content_panels = PortalPage.content_panels + [FieldPanel("description")]
    search_fields = PortalPage.search_fields + [index.SearchField("description")]
    parent_page_types = ["faq.FAQIndexPage"]
    subpage_types = ["faq.QuestionPage"]

    class Meta:
        verbose_name = _("FAQ category")
        verbose_name_plural = _("FAQ categories")

    def get_context(self, request, *args, **kwargs):
        from . import views

        context = super().get_context(request, *args, **kwargs)
        context.update(views.category_context(request, self))
        return context


class QuestionPage(RoutablePageMixin, PortalPage):
    """One question (the page title) and its answer; its category is the page it sits under."""

    answer = RichTextField(_("answer"), features=ANSWER_FEATURES)
    last_reviewed = models.DateField(
        _("last reviewed"),
        default=timezone.localdate,
        help_text=_("When someone last checked that the answer is still right. Answers older than 12 months are "
                    "listed in the “FAQ answers to review” report."),
    )
    related_questions = StreamField(
        [("question", PageChooserBlock(page_type="faq.QuestionPage", label=_("Question")))],
        verbose_name=_("related questions"),
        blank=True,
        max_num=5,
    )
    links = StreamField(
        [
            ("dataset", PageChooserBlock(page_type="transparency.DatasetPage", label=_("Transparency dataset"))),
            ("regulation_article", RegulationArticleBlock()),
            ("note", PageChooserBlock(page_type="notes.NotePage", label=_("Monthly note"))),
        ],
        verbose_name=_("see also"),
        blank=True,
        help_text=_("Datasets, regulation articles or notes that back up the answer."),
    )

    content_panels = PortalPage.content_panels + [
        FieldPanel("answer"),
        FieldPanel("last_reviewed"),
        FieldPanel("related_questions"),
        FieldPanel("links"),
    ]
    search_fields = PortalPage.search_fields + [
        index.SearchField("answer"),
        index.FilterField("last_reviewed"),
    ]
    parent_page_types = ["faq.FAQCategoryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("frequently asked question")
        verbose_name_plural = _("frequently asked questions")

    @property
    def summary(self):
        """The opening of the answer as plain text, for search results and feeds (questions have no summary field)."""
        return Truncator(html.unescape(strip_tags(self.answer))).words(SUMMARY_WORDS)

    def get_context(self, request, *args, **kwargs):
        from . import views

        context = super().get_context(request, *args, **kwargs)
        context.update(views.question_context(request, self))
        return context

    @path("feedback/", name="feedback")
    def feedback_route(self, request):  # not `feedback`: that name is the related manager of AnswerFeedback
        from . import views

        return views.feedback(request, self)


class AnswerFeedback(models.Model):
    """One reader's "was this useful?" on one answer.

    No IP address, user, session or time of day is kept: only the answer, the vote, the
    optional comment and the day, so the table holds no personal data.
    """

    question = models.ForeignKey(
        QuestionPage, verbose_name=_("question"), on_delete=models.CASCADE, related_name="feedback"
    )
    useful = models.BooleanField(_("useful"))
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH, blank=True)
    submitted_on = models.DateField(_("submitted on"), default=timezone.localdate)

    class Meta:
        verbose_name = _("answer feedback")
        verbose_name_plural = _("answer feedback")
        ordering = ["-submitted_on", "-pk"]
        indexes = [models.Index(fields=["question", "useful"], name="faq_feedback_question_useful")]

    def __str__(self):
        return f"{self.question_id}: {'+' if self.useful else '-'}"

"""The missing-translation report: every live page of the source language (Spanish, the site's
default) whose English version is missing, only a draft, or older than the Spanish page's last
publication, with a link to do what is due (translate, or edit the English page).

Each row is one Spanish page; its English version (same translation_key, English locale) is read
in subqueries, so a page of the report costs the same few queries however many pages there are.
"""

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Case, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Length, Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.ui.tables import DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.ui.tables.pages import PageTypeColumn
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_type_label, get_supported_content_language_variant
from wagtail.models import Page, get_page_content_types
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.admin_reports import ExportInEditorsLanguage

URL_NAMESPACE = "editorial_reports"
TARGET_LANGUAGE = "en"
TRANSLATE_PERMISSION = "wagtail_localize.submit_translation"

page_permissions = PagePermissionPolicy()


class TranslationStatus(models.TextChoices):
    MISSING = "missing", pgettext_lazy("translation status", "Missing")
    DRAFT = "draft", pgettext_lazy("translation status", "Draft only")
    OUTDATED = "outdated", pgettext_lazy("translation status", "Out of date")


def can_translate(user):
    return user.has_perm(TRANSLATE_PERMISSION)


def pages_to_translate(user):
    """Live source-language pages whose English version is missing, not live, or out of date.

    "Draft only" is an English page that is not live: never published, or withdrawn since.
    "Out of date" is an English page last published before its Spanish source's last publication.

    A page is listed to a user who can see it in the admin's page explorer, or who may work where
    its English version is (or, when missing, where it would be created: under the English
    version of its parent). Translators hold grants on the English tree only.
    """
    source_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    english = Page.objects.filter(translation_key=OuterRef("translation_key"), locale__language_code=TARGET_LANGUAGE)
    parent = Page.objects.filter(path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen))
    english_parent = Page.objects.filter(
        translation_key=OuterRef("parent_translation_key"), locale__language_code=TARGET_LANGUAGE
    )
    pages = (
        Page.objects.filter(depth__gt=1, live=True, locale__language_code=source_language)
        .select_related("content_type")
        .annotate(
            english_id=Subquery(english.values("pk")[:1]),
            english_live=Subquery(english.values("live")[:1]),
            english_last_published_at=Subquery(english.values("last_published_at")[:1]),
            parent_translation_key=Subquery(parent.values("translation_key")[:1]),
            english_parent_id=Subquery(english_parent.values("pk")[:1]),
        )
        .annotate(
            translation_status=Case(
                When(english_id__isnull=True, then=Value(TranslationStatus.MISSING)),
                When(english_live=False, then=Value(TranslationStatus.DRAFT)),
                When(last_published_at__gt=F("english_last_published_at"), then=Value(TranslationStatus.OUTDATED)),
                default=None,
                output_field=models.CharField(),
            )
        )
        .filter(translation_status__isnull=False)
    )
    workable = page_permissions.instances_user_has_any_permission_for(user, {"add", "change", "publish"})
    return pages.filter(
        Q(pk__in=page_permissions.explorable_instances(user).values("pk"))
        | Q(english_id__in=workable.values("pk"))
        | Q(english_id__isnull=True, english_parent_id__in=workable.values("pk"))
    )


def status_label(status):
    return str(TranslationStatus(status).label)


def action_label(page):
    return _("Translate") if page.english_id is None else _("Edit English page")


def action_url(page):
    if page.english_id is None:
        return reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    return reverse("wagtailadmin_pages:edit", args=[page.english_id])


class MissingTranslationsFilterSet(WagtailFilterSet):
    """Without a model Wagtail adds no locale filter (every row is a Spanish page); the view gives the queryset."""

    translation_status = django_filters.ChoiceFilter(
        label=_("Status"), choices=TranslationStatus.choices, widget=forms.RadioSelect, empty_label=_("All")
    )
    content_type = ContentTypeFilter(
        label=_("Type"), queryset=lambda request: get_page_content_types(include_base_page_type=False)
    )


class MissingTranslationsView(ExportInEditorsLanguage, ReportView):
    """Reports → Missing translations, for users who may submit translations."""

    page_title = _("Missing translations")
    header_icon = "wagtail-localize-language"
    index_url_name = f"{URL_NAMESPACE}:missing_translations"
    index_results_url_name = f"{URL_NAMESPACE}:missing_translations_results"
    filterset_class = MissingTranslationsFilterSet
    verbose_name_plural = _("pages to translate")  # "There are no pages to translate to display."
    default_ordering = "-last_published_at"
    list_export = ["title", "content_type", "translation_status", "last_published_at", "english_last_published_at"]
    export_headings = {
        "title": _("Page"),
        "content_type": _("Type"),
        "translation_status": _("Status"),
        "last_published_at": _("Spanish last published"),
        "english_last_published_at": _("English last published"),
    }
    custom_field_preprocess = {
        "content_type": {fmt: get_content_type_label for fmt in ReportView.FORMATS},
        "translation_status": {fmt: status_label for fmt in ReportView.FORMATS},
    }
    export_filename = "missing-translations"

    @cached_property
    def columns(self):
        return [
            TitleColumn("title", label=_("Page"), get_url=lambda page: page.get_url(self.request), sort_key="title"),
            PageTypeColumn("content_type", label=_("Type"), accessor="page_type_display_name"),
            StatusTagColumn(
                "translation_status",
                label=_("Status"),
                accessor=lambda page: status_label(page.translation_status),
                primary=lambda page: page.translation_status == TranslationStatus.MISSING,
                sort_key="translation_status",
            ),
            DateColumn("last_published_at", label=_("Spanish last published"), sort_key="last_published_at"),
            DateColumn(
                "english_last_published_at", label=_("English last published"), sort_key="english_last_published_at"
            ),
            TitleColumn("action", label=_("Action"), accessor=action_label, get_url=action_url),
        ]

    def dispatch(self, request, *args, **kwargs):
        if not can_translate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"

    @cached_property
    def pages(self):
        return pages_to_translate(self.request.user)

    def get_base_queryset(self):
        return self.pages

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "queryset": self.pages}

    def order_queryset(self, queryset):
        """The chosen column, then tree order, so equal values keep a stable order."""
        return queryset.order_by(self.ordering, "path")

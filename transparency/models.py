"""Transparencia Activa: art. 7 categories as pages, datasets with a declared schema, monthly snapshots.

A dataset's data is the same in every language: `Dataset`, its schema and its snapshots are
not translated, while the pages that show them (`DatasetPage` and its category and index) are
translated with wagtail-localize like any other page. Column headers are kept in both
languages on the schema, because the data must read the same in both.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from portal.models import PortalPage

from . import categories
from .columns import ColumnType
from .holidays import CHILEAN_HOLIDAYS, parse_holidays
from .page_forms import CategoryPageForm, DatasetPageForm


def first_of_month(day):
    return day.replace(day=1)


@register_setting(icon="date")
class TransparencySettings(BaseGenericSetting):
    """The publication deadline: so many working days into each month, holidays excluded."""

    working_days_to_publish = models.PositiveSmallIntegerField(
        _("working days to publish"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("Each month's information is due within this many working days of the next month."),
    )
    public_holidays = models.TextField(
        _("public holidays"),
        blank=True,
        default=CHILEAN_HOLIDAYS,
        help_text=_("One date per line as YYYY-MM-DD, optionally followed by its name."),
    )

    panels = [FieldPanel("working_days_to_publish"), FieldPanel("public_holidays")]

    class Meta:
        verbose_name = _("transparency settings")

    def clean(self):
        try:
            parse_holidays(self.public_holidays)
        except ValueError as error:
            raise ValidationError({"public_holidays": str(error)}) from None

    @cached_property
    def holidays(self):
        return parse_holidays(self.public_holidays)


class DatasetSchema(ClusterableModel):
    """The columns of a kind of table (e.g. the Consejo para la Transparencia's staff format)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description"), InlinePanel("columns", label=_("Columns"), min_num=1)]

    class Meta:
        ordering = ["name"]
        verbose_name = _("dataset schema")
        verbose_name_plural = _("dataset schemas")

    def __str__(self):
        return self.name

    def frozen_columns(self):
        """The columns as a snapshot keeps them, so later schema edits leave published months alone."""
        return [column.as_dict() for column in self.columns.all()]


class SchemaColumn(Orderable):
    schema = ParentalKey(DatasetSchema, on_delete=models.CASCADE, related_name="columns")
    key = models.SlugField(
        _("key"),
        max_length=50,
        help_text=_("A short identifier used in JSON downloads, e.g. gross_pay. Do not change it once published."),
    )
    header_es = models.CharField(_("header in Spanish"), max_length=100)
    header_en = models.CharField(_("header in English"), max_length=100)
    type = models.CharField(_("type"), max_length=10, choices=ColumnType.choices, default=ColumnType.TEXT)
    required = models.BooleanField(_("required"), default=False)

    panels = [
        FieldRowPanel([FieldPanel("header_es"), FieldPanel("header_en")]),
        FieldRowPanel([FieldPanel("key"), FieldPanel("type"), FieldPanel("required")]),
    ]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["schema", "key"], name="unique_column_key_per_schema")]
        verbose_name = _("column")
        verbose_name_plural = _("columns")

    def as_dict(self):
        return {
            "key": self.key,
            "type": self.type,
            "required": self.required,
            "header": {"es": self.header_es, "en": self.header_en},
        }


class Dataset(models.Model):
    """One table an institution must keep current every month, e.g. "Personal de planta"."""

    name = models.CharField(_("name"), max_length=200, help_text=_("The name officers know it by."))
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    category = models.CharField(_("art. 7 category"), max_length=1, choices=categories.CHOICES)
    schema = models.ForeignKey(
        DatasetSchema, verbose_name=_("schema"), on_delete=models.PROTECT, related_name="datasets"
    )
    reporting_since = models.DateField(
        _("reporting since"),
        help_text=_("The first month this dataset must be published for."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("schema")]),
        FieldPanel("reporting_since"),
    ]

    class Meta:
        ordering = ["category", "name"]
        verbose_name = _("dataset")
        verbose_name_plural = _("datasets")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.reporting_since = first_of_month(self.reporting_since)
        super().save(*args, **kwargs)

    def published_snapshots(self):
        """Every published version of every month, newest month first, current version first."""
        return self.snapshots.filter(published_at__isnull=False).order_by("-period", "-version")

    def current_snapshots(self):
        """What the public sees: one snapshot per month, the latest published version."""
        return self.snapshots.filter(published_at__isnull=False, superseded_at__isnull=True)


class SnapshotQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def drafts(self):
        return self.filter(published_at__isnull=True)


class Snapshot(models.Model):
    """One month of a dataset, in one version. Published versions are never edited in place.

    A correction is a new version of the same month; publishing it sets `superseded_at` on the
    one it replaces, which stays public as "corrected on <date>" with the correction's note.
    """

    dataset = models.ForeignKey(Dataset, on_delete=models.PROTECT, related_name="snapshots")
    period = models.DateField(_("month"), help_text=_("The month the information is about."))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    columns = models.JSONField(_("columns"), help_text=_("The schema's columns when this version was made."))
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    no_movements = models.BooleanField(_("no movements this month"), default=False)
    correction_note = models.TextField(_("what was corrected"), blank=True)
    source_name = models.CharField(_("imported from"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    superseded_at = models.DateTimeField(_("corrected on"), null=True, blank=True)

    objects = SnapshotQuerySet.as_manager()

    class Meta:
        ordering = ["dataset", "-period", "-version"]
        verbose_name = _("monthly snapshot")
        verbose_name_plural = _("monthly snapshots")
        # Importing and editing a month is the officers' work; publishing it is a reviewer's.
        permissions = [("publish_snapshot", _("Can publish monthly snapshots and their corrections"))]
        constraints = [
            models.UniqueConstraint(fields=["dataset", "period", "version"], name="unique_snapshot_version"),
            models.UniqueConstraint(
                fields=["dataset", "period"],
                condition=Q(published_at__isnull=True),
                name="one_draft_per_month",
            ),
            models.UniqueConstraint(
                fields=["dataset", "period"],
                condition=Q(published_at__isnull=False, superseded_at__isnull=True),
                name="one_current_version_per_month",
            ),
        ]
        indexes = [models.Index(fields=["dataset", "period"], name="snapshot_dataset_period")]

    def __str__(self):
        return f"{self.dataset} {self.period:%Y-%m} v{self.version}"

    @property
    def is_published(self):
        return self.published_at is not None

    @property
    def month(self):
        """The month as it appears in URLs and file names: 2026-03."""
        return f"{self.period:%Y-%m}"

    def headers(self, language=None):
        language = (language or get_language() or "es")[:2]
        return [column["header"].get(language) or column["header"]["es"] for column in self.columns]


class SnapshotRow(models.Model):
    """One row of a snapshot: cell values keyed by column key (see columns.py for their types)."""

    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="rows")
    position = models.PositiveIntegerField()
    values = models.JSONField(default=dict)

    class Meta:
        ordering = ["snapshot", "position"]
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "position"], name="unique_row_position"),
        ]


class TransparencyIndexPage(PortalPage):
    """Transparencia Activa: every art. 7 category in legal order, with its status and last update."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = PortalPage.content_panels + [FieldPanel("intro")]
    search_fields = PortalPage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["portal.HomePage"]
    has_own_editors = True
    subpage_types = ["transparency.TransparencyCategoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Transparencia Activa index")

    def get_context(self, request, *args, **kwargs):
        from .listings import category_rows

        context = super().get_context(request, *args, **kwargs)
        context["categories"] = category_rows(self)
        return context


class TransparencyCategoryPage(PortalPage):
    """One letter of art. 7 (e.g. d: staff and remuneration) and the datasets it publishes."""

    letter = models.CharField(_("art. 7 letter"), max_length=1, choices=categories.CHOICES)
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    legal_basis = RichTextField(
        _("legal basis"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Leave empty to cite Ley 20.285, art. 7 and this letter."),
    )

    content_panels = PortalPage.content_panels + [FieldPanel("letter"), FieldPanel("intro"), FieldPanel("legal_basis")]
    search_fields = PortalPage.search_fields + [index.SearchField("intro"), index.SearchField("legal_basis")]
    parent_page_types = ["transparency.TransparencyIndexPage"]
    has_own_editors = True
    subpage_types = ["transparency.DatasetPage"]
    base_form_class = CategoryPageForm

    class Meta:
        verbose_name = _("Transparencia Activa category")
        verbose_name_plural = _("Transparencia Activa categories")

    @property
    def category(self):
        return categories.BY_LETTER[self.letter]

    def get_context(self, request, *args, **kwargs):
        from .listings import dataset_rows

        context = super().get_context(request, *args, **kwargs)
        context["datasets"] = dataset_rows(self)
        return context


class DatasetPage(RoutablePageMixin, PortalPage):
    """The public face of a dataset in one language: its table month by month, and downloads."""

    dataset = models.ForeignKey(Dataset, verbose_name=_("dataset"), on_delete=models.PROTECT, related_name="pages")
    description = models.TextField(
        _("description"),
        max_length=600,
        help_text=_("What the table lists and for whom: shown above the table and in search results."),
    )
    notes = RichTextField(
        _("methodology notes"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Sources, definitions, what is left out and why."),
    )

    content_panels = PortalPage.content_panels + [FieldPanel("dataset"), FieldPanel("description"), FieldPanel("notes")]
    search_fields = PortalPage.search_fields + [
        index.SearchField("description"),
        index.SearchField("column_headers"),
        index.SearchField("notes"),
    ]
    parent_page_types = ["transparency.TransparencyCategoryPage"]
    has_own_editors = True
    subpage_types = []
    base_form_class = DatasetPageForm

    class Meta:
        verbose_name = _("transparency dataset")
        verbose_name_plural = _("transparency datasets")

    def column_headers(self):
        """The headers in this page's language, for search: "remuneración bruta" finds the table."""
        language = "en" if self.locale.language_code.startswith("en") else "es"
        return " · ".join(getattr(column, f"header_{language}") for column in self.dataset.schema.columns.all())

    @path("")
    def latest(self, request):
        from . import views

        return views.dataset_month(request, self)

    @re_path(r"^(?P<month>\d{4}-\d{2})/(?:v(?P<version>\d+)/)?$")
    def month(self, request, month, version=None):
        from . import views

        return views.dataset_month(request, self, month, version)

    @re_path(r"^(?P<month>\d{4}-\d{2})/(?:v(?P<version>\d+)/)?(?P<file_format>csv|json)/$")
    def download(self, request, month, file_format, version=None):
        from . import views

        return views.download(request, self, month, version, file_format)

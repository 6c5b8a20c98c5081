"""Procurement regulations: a norm, its versions over time, and each version's tree of provisions.

Like a transparency dataset, a regulation's text is the same in every language: `Regulation`,
`Version` and `Provision` are not translated, while the pages that show them
(`RegulationIndexPage`, `RegulationPage`) are translated with wagtail-localize. When the
text exists only in Spanish, the English page says so and shows it with `lang="es"`.

A version's status is not stored, because it changes with the calendar: a published version
is *future* until its effective date, *in force* until the next one takes effect, then
*superseded*. `effective_to` is kept by `versions.publish` (the day before the next published
version takes effect) so that "in force on D" is one indexed query.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.search import index

from portal.models import PortalPage

from . import parsing

DATE_PATTERN = r"\d{4}-\d{2}-\d{2}"
LABEL_PATTERN = r"(?:art|anexo)(?:-[a-z0-9]+)*"


class Regulation(models.Model):
    """A norm the institution publishes and amends, e.g. its Reglamento de compras y contrataciones."""

    class Kind(models.TextChoices):
        REGULATION = "regulation", _("regulation")
        MANUAL = "manual", _("manual of procedures")
        OTHER = "other", _("other norm")

    name = models.CharField(_("name"), max_length=255, help_text=_("The official name, as the text calls itself."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.REGULATION)
    text_language = models.CharField(
        _("language of the text"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="es",
        help_text=_("Pages in other languages say the text exists only in this language."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("regulation")
        verbose_name_plural = _("regulations")

    def __str__(self):
        return self.name

    def in_force_on(self, day):
        """The published version in force on `day`, or None before the first one took effect."""
        return self.versions.in_force_on(day).first()

    def version_amended_by(self, day):
        """The published version a new version taking effect on `day` amends: the last one before it."""
        return self.versions.published().filter(effective_from__lt=day).order_by("-effective_from").first()


class VersionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def drafts(self):
        return self.filter(published_at__isnull=True)

    def in_force_on(self, day):
        """At most one version per regulation: `effective_to` is kept by versions.publish."""
        return self.published().filter(effective_from__lte=day).filter(Q(effective_to__isnull=True) | Q(effective_to__gte=day))


class Version(models.Model):
    """The whole text of a regulation as in force from one date, with the act that made it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        FUTURE = "future", _("future")
        IN_FORCE = "in_force", _("in force")
        SUPERSEDED = "superseded", _("superseded")

    class ActType(models.TextChoices):
        LAW = "ley", _("Law")
        DECREE = "decreto", _("Decree")
        EXEMPT_DECREE = "decreto_exento", _("Exempt decree")
        RESOLUTION = "resolucion", _("Resolution")
        EXEMPT_RESOLUTION = "resolucion_exenta", _("Exempt resolution")
        AGREEMENT = "acuerdo", _("Agreement")
        OTHER = "otro", _("Other act")

    regulation = models.ForeignKey(Regulation, on_delete=models.CASCADE, related_name="versions")
    effective_from = models.DateField(_("in force from"))
    effective_to = models.DateField(
        _("in force until"), null=True, blank=True, editable=False, help_text=_("Set when a later version is published.")
    )
    act_type = models.CharField(_("type of act"), max_length=30, choices=ActType.choices, default=ActType.EXEMPT_RESOLUTION)
    act_number = models.CharField(_("act number"), max_length=50, blank=True, help_text=_("For example 1.245"))
    act_date = models.DateField(_("act date"), null=True, blank=True)
    act_url = models.URLField(_("link to the act"), blank=True, help_text=_("E.g. its page in the Diario Oficial or the institution's repository."))
    summary = models.TextField(
        _("what changed"), blank=True, help_text=_("One or two sentences for the version list: what this amendment changed.")
    )
    official_pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("official PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    preamble = models.TextField(_("preamble"), blank=True)
    source_text = models.TextField(_("text"), help_text=_("The plain text the tree was read from."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects = VersionQuerySet.as_manager()

    class Meta:
        ordering = ["regulation", "effective_from"]
        verbose_name = _("regulation version")
        verbose_name_plural = _("regulation versions")
        permissions = [("publish_version", _("Can publish and withdraw regulation versions"))]
        constraints = [
            models.UniqueConstraint(
                fields=["regulation", "effective_from"],
                condition=Q(published_at__isnull=False),
                name="one_published_version_per_date",
            ),
        ]

    def __str__(self):
        return f"{self.regulation} ({self.effective_from:%Y-%m-%d})"

    @property
    def is_published(self):
        return self.published_at is not None

    @property
    def date_slug(self):
        """The date as URLs use it: 2024-07-01."""
        return self.effective_from.isoformat()

    def status(self, today=None):
        if not self.is_published:
            return self.Status.DRAFT
        today = today or timezone.localdate()
        if self.effective_from > today:
            return self.Status.FUTURE
        if self.effective_to is not None and self.effective_to < today:
            return self.Status.SUPERSEDED
        return self.Status.IN_FORCE

    def status_label(self):
        return self.Status(self.status()).label

    @property
    def act(self):
        """"Resolución exenta N° 412 de 20 de junio de 2024", as citations name it (empty when not given)."""
        if not self.act_number and not self.act_date:
            return ""
        parts = [self.get_act_type_display()]
        if self.act_number:
            parts.append(_("No. %(number)s") % {"number": self.act_number})
        if self.act_date:
            parts.append(_("of %(date)s") % {"date": date_format(self.act_date)})
        return " ".join(str(part) for part in parts)


class Provision(index.Indexed, models.Model):
    """One node of a version's tree: a título, capítulo, párrafo, article or annex.

    `label` is stable across versions (`art-12` is article 12 in every version that has it),
    so permalinks and comparisons match provisions by label. An article's incisos are the
    lines of its `text`; letras and numbered items are lines starting "a)" or "1.".
    """

    class Kind(models.TextChoices):
        TITLE = parsing.TITLE, _("title")
        CHAPTER = parsing.CHAPTER, _("chapter")
        PARAGRAPH = parsing.PARAGRAPH, _("paragraph")
        TRANSITORY = parsing.TRANSITORY, _("transitory provisions")
        ARTICLE = parsing.ARTICLE, _("article")
        ANNEX = parsing.ANNEX, _("annex")

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="provisions")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    number = models.CharField(max_length=30, blank=True)
    label = models.SlugField(max_length=80)
    transitory = models.BooleanField(default=False)
    heading = models.TextField(blank=True)
    text = models.TextField(blank=True)

    # versions.py indexes and unindexes a version's provisions in bulk; per-row signals would send
    # one request per provision when a draft's tree is replaced or deleted.
    search_auto_update = False
    search_fields = [
        index.SearchField("heading"),
        index.SearchField("text"),
        index.AutocompleteField("heading"),
        index.FilterField("kind"),
        index.FilterField("version_id"),
    ]

    class Meta:
        ordering = ["version", "position"]
        verbose_name = _("regulation article")
        verbose_name_plural = _("regulation articles")
        constraints = [
            models.UniqueConstraint(fields=["version", "label"], name="unique_provision_label"),
            models.UniqueConstraint(fields=["version", "position"], name="unique_provision_position"),
        ]
        indexes = [models.Index(fields=["label", "version"], name="provision_label_version")]

    def __str__(self):
        return self.citation

    @classmethod
    def get_indexed_objects(cls):
        """Articles and annexes of published versions: searches then keep those of the versions in force."""
        return cls.objects.filter(kind__in=[cls.Kind.ARTICLE, cls.Kind.ANNEX], version__published_at__isnull=False)

    def incisos(self):
        """[{"id", "text", "items": [{"id", "text"}]}]: the text's lines as incisos, with the letras and
        numbered items under each; ids like art-12-inciso-2 and art-12-inciso-2-b are anchors for citing."""
        result, used, number = [], set(), ""
        for line in self.text.splitlines():
            marker = parsing.LIST_ITEM.match(line)
            if marker and result:
                inciso = result[-1]
                key = marker.group(0).strip(" ).").lower()
                if key.isdigit():
                    number = key
                elif not key.isalnum():  # a bullet: number it
                    key = str(len(inciso["items"]) + 1)
                elif number:  # a letra under a numbered item: art-12-inciso-1-2-a
                    key = f"{number}-{key}"
                item_id = unique(f"{inciso['id']}-{key}", used)
                inciso["items"].append({"id": item_id, "text": line})
            else:
                number = ""
                result.append({"id": unique(f"{self.label}-inciso-{len(result) + 1}", used), "text": line, "items": []})
        return result

    @property
    def display_number(self):
        """Chilean style: 1° to 9° with the ordinal sign, 10 onwards without; roman títulos and capítulos."""
        if not self.number.isdigit():
            return self.number
        value = int(self.number)
        if self.kind in (self.Kind.TITLE, self.Kind.CHAPTER):
            return parsing.int_to_roman(value)
        return f"{value}°" if value < 10 and self.kind != self.Kind.ANNEX else str(value)

    @property
    def citation(self):
        """How the reader's language names it: "Artículo 12 bis", "Transitory article 1°", "Anexo 1"."""
        values = {"number": self.display_number}
        if self.kind == self.Kind.ARTICLE and self.transitory:
            return gettext("Transitory article %(number)s") % values
        names = {
            self.Kind.TITLE: gettext("Title %(number)s"),
            self.Kind.CHAPTER: gettext("Chapter %(number)s"),
            self.Kind.PARAGRAPH: gettext("Paragraph %(number)s"),
            self.Kind.ARTICLE: gettext("Article %(number)s"),
            self.Kind.ANNEX: gettext("Annex %(number)s") if self.number else gettext("Annex"),
        }
        return names[self.kind] % values if self.kind in names else self.heading


def unique(anchor, used):
    """`anchor`, or `anchor-2`, `anchor-3`… if the text repeats a marker: ids must not repeat on a page."""
    candidate, count = anchor, 1
    while candidate in used:
        count += 1
        candidate = f"{anchor}-{count}"
    used.add(candidate)
    return candidate


class RegulationIndexPage(PortalPage):
    """Reglamentos: every regulation the institution publishes, with the version in force today."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = PortalPage.content_panels + [FieldPanel("intro")]
    search_fields = PortalPage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["portal.HomePage"]
    has_own_editors = True
    subpage_types = ["regulations.RegulationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("regulations index")

    def get_context(self, request, *args, **kwargs):
        from .views import regulation_rows

        context = super().get_context(request, *args, **kwargs)
        context["regulations"] = regulation_rows(self)
        return context


class RegulationPage(RoutablePageMixin, PortalPage):
    """The public face of a regulation in one language: its versions, articles and comparisons.

        …/                          the version in force today
        …/2024-07-01/               the version in force on that date
        …/2024-07-01/art-12/        one article as in force on that date
        …/art-12/                   → the article in the version in force today
        …/compare/2023-04-01/2024-07-01/  what changed between the versions in force on two dates
        …/compare/?from=…&to=…      the comparison form's target → the URL above
        …/2024-07-01/json/, …/2024-07-01/art-12/json/, …/compare/…/…/json/   the same as JSON
        …/draft/<id>/               a draft, for editors only
    """

    regulation = models.ForeignKey(
        Regulation, verbose_name=_("regulation"), on_delete=models.PROTECT, related_name="pages"
    )
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("What the regulation governs and whom it concerns: shown above the text and in search results."),
    )

    content_panels = PortalPage.content_panels + [FieldPanel("regulation"), FieldPanel("intro")]
    search_fields = PortalPage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["regulations.RegulationIndexPage"]
    has_own_editors = True
    subpage_types = []

    class Meta:
        verbose_name = _("regulation page")
        verbose_name_plural = _("regulation pages")

    @path("")
    def in_force_today(self, request):
        from . import views

        return views.version_page(request, self, None)

    @re_path(rf"^(?P<day>{DATE_PATTERN})/$")
    def in_force_on(self, request, day):
        from . import views

        return views.version_page(request, self, day)

    @re_path(rf"^(?P<day>{DATE_PATTERN})/json/$")
    def in_force_on_json(self, request, day):
        from . import views

        return views.json_twin(views.version_page, request, self, day)

    @re_path(rf"^(?P<day>{DATE_PATTERN})/(?P<label>{LABEL_PATTERN})/$")
    def provision(self, request, day, label):
        from . import views

        return views.provision_page(request, self, day, label)

    @re_path(rf"^(?P<day>{DATE_PATTERN})/(?P<label>{LABEL_PATTERN})/json/$")
    def provision_json(self, request, day, label):
        from . import views

        return views.json_twin(views.provision_page, request, self, day, label)

    @re_path(rf"^(?P<label>{LABEL_PATTERN})/$")
    def provision_today(self, request, label):
        from . import views

        return views.provision_today(request, self, label)

    @re_path(rf"^compare/(?P<older>{DATE_PATTERN})/(?P<newer>{DATE_PATTERN})/$")
    def comparison(self, request, older, newer):
        from . import views

        return views.comparison_page(request, self, older, newer)

    @re_path(rf"^compare/(?P<older>{DATE_PATTERN})/(?P<newer>{DATE_PATTERN})/json/$")
    def comparison_json(self, request, older, newer):
        from . import views

        return views.json_twin(views.comparison_page, request, self, older, newer)

    @path("compare/")
    def compare_form(self, request):
        from . import views

        return views.compare_form(request, self)

    @path("draft/<int:version_id>/")
    def draft(self, request, version_id):
        from . import views

        return views.draft_page(request, self, version_id)


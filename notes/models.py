"""Notas de Transformación Digital: one edition a month per language, its archive and its feeds."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.blocks import PageChooserBlock
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.models import PortalPage

from .forms import NoteCopyForm, NotePageForm


class Team(TranslatableMixin, models.Model):
    """An authoring team, named once and translated, so every note spells it the same way."""

    name = models.CharField(_("name"), max_length=150)

    panels = [FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("authoring team")
        verbose_name_plural = _("authoring teams")
        ordering = ["name"]

    def __str__(self):
        return self.name


class NoteTag(TaggedItemBase):
    content_object = ParentalKey("notes.NotePage", on_delete=models.CASCADE, related_name="tagged_items")


class NotesIndexPage(RoutablePageMixin, PortalPage):
    """The archive of every edition in one language: by year and month, by tag, and as feeds."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = PortalPage.content_panels + [FieldPanel("intro")]
    search_fields = PortalPage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["notes.NotePage"]
    max_count_per_parent = 1
    copy_form_class = NoteCopyForm

    class Meta:
        verbose_name = _("notes index")
        verbose_name_plural = _("notes indexes")

    def notes(self):
        """The published editions under this index, newest first."""
        return NotePage.objects.child_of(self).live().order_by("-edition_month")

    @path("")
    def archive(self, request):
        from . import views

        return views.archive(request, self)

    @path("<int:year>/")
    def archive_year(self, request, year):
        from . import views

        return views.archive(request, self, year=year)

    @re_path(r"^(?P<year>\d{4})/(?P<month>0[1-9]|1[0-2])/$")
    def archive_month(self, request, year, month):
        from . import views

        return views.archive(request, self, year=int(year), month=int(month))

    @path("feed/", name="atom_feed")
    def atom_feed(self, request):
        from .feeds import NotesAtomFeed

        return NotesAtomFeed()(request, index_page=self)

    @path("feed/json/", name="json_feed")
    def json_feed(self, request):
        from .feeds import NotesJSONFeed

        return NotesJSONFeed()(request, index_page=self)


class NotePage(PortalPage):
    """One monthly edition in one language: its English translation shares its translation key."""

    edition_number = models.PositiveIntegerField(_("edition number"))
    edition_month = models.DateField(
        _("month"),
        help_text=_("The month this edition covers, for example 2026-11. Only one edition per month in each language."),
    )
    teams = ParentalManyToManyField(Team, verbose_name=_("authoring teams"), blank=True, related_name="notes")
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences shown in the archive, feeds, search results and link previews."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = models.CharField(
        _("hero image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=NoteTag, verbose_name=_("tags"), blank=True)
    related_notes = StreamField(
        [("note", PageChooserBlock(page_type="notes.NotePage", label=_("Note")))],
        verbose_name=_("related notes"),
        blank=True,
        max_num=4,
        help_text=_("Leave empty to show the notes that share the most tags with this one."),
    )

    content_panels = PortalPage.content_panels + [
        FieldRowPanel([FieldPanel("edition_number"), FieldPanel("edition_month")], heading=_("Edition")),
        FieldPanel("teams", widget=forms.CheckboxSelectMultiple),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt")], heading=_("Hero image")),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("related_notes"),
    ]
    search_fields = PortalPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("teams", [index.SearchField("name")]),
        index.FilterField("edition_month"),
    ]
    parent_page_types = ["notes.NotesIndexPage"]
    subpage_types = []
    base_form_class = NotePageForm
    copy_form_class = NoteCopyForm

    class Meta:
        verbose_name = _("monthly note")
        verbose_name_plural = _("monthly notes")

    def clean(self):
        super().clean()
        errors = {}
        if self.edition_month:
            self.edition_month = self.edition_month.replace(day=1)
            same_month = self.same_locale_editions().filter(edition_month=self.edition_month).first()
            if same_month:
                errors["edition_month"] = _(
                    "There is already an edition for %(month)s in this language: “%(title)s”. "
                    "Edit that edition, or choose another month."
                ) % {"month": formats.date_format(self.edition_month, "YEAR_MONTH_FORMAT"), "title": same_month.title}
        if self.edition_number:
            same_number = self.same_locale_editions().filter(edition_number=self.edition_number).first()
            if same_number:
                errors["edition_number"] = _("Edition %(number)s in this language is already “%(title)s”.") % {
                    "number": self.edition_number,
                    "title": same_number.title,
                }
        if self.hero_image_id and not self.hero_alt.strip():
            errors["hero_alt"] = _("Describe the hero image for people who cannot see it.")
        if errors:
            raise ValidationError(errors)

    def same_locale_editions(self):
        """The other editions, drafts included, in this page's language (a translation is not one)."""
        return NotePage.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)

    def get_context(self, request, *args, **kwargs):
        from . import views

        context = super().get_context(request, *args, **kwargs)
        context.update(views.note_context(request, self))
        return context

"""The portal's home and standard pages, and the site-wide settings shown on every page."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock, SocialLinkBlock
from .forms import PortalPageForm


class PortalPage(Page):
    """What every public page type shares: the section it belongs to (for search facets and
    for who may edit it) and the public change note of the edition being prepared."""

    major_change = models.BooleanField(
        _("major change"),
        default=False,
        help_text=_(
            "Tick it when readers should know what changed: the page then shows this publication's "
            "date as “last updated”, with the note below in its change history."
        ),
    )
    change_note = models.TextField(
        _("public change note"),
        blank=True,
        max_length=500,
        help_text=_("What changed, in one or two sentences for readers, e.g. “Updated the response times.”"),
    )

    base_form_class = PortalPageForm
    # Beside the publishing schedule: both are about the publication being prepared.
    settings_panels = [
        MultiFieldPanel(
            [FieldPanel("major_change"), FieldPanel("change_note", heading=_("What changed"))],
            heading=_("Public change note"),
        ),
        *Page.settings_panels,
    ]

    search_fields = Page.search_fields + [index.FilterField("search_section")]
    # Set on the transparency and regulation page types: their sections are edited by the groups
    # granted permissions on the section itself, not by those granted the whole language's home.
    has_own_editors = False

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        from editorial.permissions import SectionPermissionTester

        return SectionPermissionTester(user, self)

    @cached_property
    def change_history(self):
        """What readers see under "change history", newest first (the API's `history` too)."""
        from editorial.changes import public_history

        return public_history(self)

    @property
    def search_section(self):
        """Tree path of the top-level section under the language's home ("" for the home)."""
        section_depth = 3
        return self.path[: self.steplen * section_depth] if self.depth >= section_depth else ""


class HomePage(PortalPage):
    """The root of one language's tree: /es/ and /en/ are translations of each other."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = PortalPage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "portal.StandardPage",
        "transparency.TransparencyIndexPage",
        "regulations.RegulationIndexPage",
        "notes.NotesIndexPage",
        "faq.FAQIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from notes.models import NotePage

        context = super().get_context(request, *args, **kwargs)
        context["latest_note"] = (
            NotePage.objects.live().public().filter(locale_id=self.locale_id).order_by("-edition_month").first()
        )
        return context


class StandardPage(PortalPage):
    """An editorial page: about us, accessibility statement, contact, how-tos."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=400,
        help_text=_("One or two sentences shown in listings, search results and link previews."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = PortalPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Who publishes the portal and how to reach them: shown in every page's header and footer."""

    institution_name = models.CharField(_("institution name"), max_length=200)
    address = models.TextField(_("postal address"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=50, blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock())], verbose_name=_("social links"), blank=True
    )
    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from every page's footer; readers get its translation in their language when there is one."),
    )

    panels = [
        FieldPanel("institution_name"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("contact_email"), FieldPanel("phone")],
            heading=_("Contact"),
        ),
        FieldPanel("social_links"),
        FieldPanel("accessibility_statement"),
    ]

    class Meta:
        verbose_name = _("site settings")

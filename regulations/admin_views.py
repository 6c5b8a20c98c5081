"""The admin side of regulations: a regulation's versions, from an imported text to a published one.

    /admin/regulations/<regulation id>/versions/           every version of a regulation, drafts first
    /admin/regulations/<regulation id>/versions/import/    a pasted or uploaded text becomes a draft
    /admin/regulations/versions/<id>/new-draft/            the same, starting from that version's text
    /admin/regulations/versions/<id>/edit/                 a draft's text and details; a published one's details
    /admin/regulations/versions/<id>/publish/              …/withdraw/, …/delete/: asked first, done on POST

Importing and editing are two stateless steps: the text is read and shown (or every problem in
it), then sent again to be saved. Nothing is saved before that second step.

Officers prepare, reviewers publish (permissions.py): the versions list is for whoever may read
versions; importing, editing and deleting drafts need `regulations.change_version` (and the add or
delete permission); publishing and withdrawing need only `regulations.publish_version`, and the
publish page shows the reviewer what the draft changes. Every action is logged with its user. The
rules on versions' states live in versions.py, and these views show its errors rather than repeat
its checks.
"""

from dataclasses import dataclass, field

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button, HeaderButton, ListingButton
from wagtail.log_actions import log
from wagtail.models import Locale
from wagtail.permissions import policy_registry
from wagtail.snippets.views import snippets as snippet_views

from . import comparison, parsing, versions
from .forms import VersionDetailsForm, VersionForm
from .models import Provision, Regulation, RegulationIndexPage, RegulationPage, Version
from .permissions import (
    can_add_versions,
    can_delete_versions,
    can_edit_versions,
    can_publish_versions,
    can_see_versions,
)

URL_NAMESPACE = "regulations_admin"


def admin_url(name, *args):
    return reverse(f"{URL_NAMESPACE}:{name}", args=args)


def version_date(version):
    return date_format(version.effective_from, "DATE_FORMAT")


def version_label(version):
    return _("Version from %(date)s") % {"date": version_date(version)}


def log_version(version, action, user, **kwargs):
    """An entry in Reports → Site history, named after the version and worded by the formatters in wagtail_hooks."""
    log(instance=version, action=action, user=user, data={"date": version.date_slug}, **kwargs)


def regulation_page(regulation):
    """The regulation's page in the default language, a live one first; None if it has none."""
    pages = RegulationPage.objects.filter(regulation=regulation, locale=Locale.get_default())
    return pages.order_by("-live", "pk").first()


def live_page_url(request, page):
    """The regulation page's address if the public can see it; None otherwise (nothing to preview on)."""
    return page.get_url(request) if page is not None and page.live else None


def preview_url(page_url, page, version):
    """Where the public site shows the version: its dated URL, or for a draft the editors-only draft URL."""
    if version.is_published:
        return page_url + page.reverse_subpage("in_force_on", kwargs={"day": version.date_slug})
    return page_url + page.reverse_subpage("draft", kwargs={"version_id": version.pk})


class VersionPermissionMixin:
    """Wagtail's refusal (a message, back to the dashboard) for anyone failing one of the view's `permission_tests`."""

    permission_tests = (can_see_versions,)

    def dispatch(self, request, *args, **kwargs):
        if not all(test(request.user) for test in self.permission_tests):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class RegulationMixin:
    @cached_property
    def regulation(self):
        return get_object_or_404(Regulation, pk=self.kwargs["regulation_id"])

    def regulation_breadcrumbs(self, *items):
        """Home › Regulations › <regulation> › Versions › …items, the last one being this page."""
        viewset = Regulation.snippet_viewset
        edit_url = ""
        if policy_registry.get_by_type(Regulation).user_has_permission(self.request.user, "change"):
            edit_url = reverse(viewset.get_url_name("edit"), args=[quote(self.regulation.pk)])
        return [
            *self.breadcrumbs_items,
            {"url": reverse(viewset.get_url_name("list")), "label": capfirst(Regulation._meta.verbose_name_plural)},
            {"url": edit_url, "label": str(self.regulation)},
            {"url": admin_url("versions", self.regulation.pk), "label": _("Versions")},
            *items,
        ]

    def get_breadcrumbs_items(self):
        return self.regulation_breadcrumbs({"url": "", "label": self.get_page_title()})

    def get_page_subtitle(self):
        return str(self.regulation)


class VersionMixin(RegulationMixin):
    @cached_property
    def version(self):
        return get_object_or_404(
            Version.objects.select_related("regulation", "official_pdf"), pk=self.kwargs["version_id"]
        )

    @cached_property
    def regulation(self):
        return self.version.regulation

    def get_breadcrumbs_items(self):
        return self.regulation_breadcrumbs(
            {"url": "", "label": version_label(self.version)}, {"url": "", "label": self.get_page_title()}
        )


# A regulation's versions


class VersionsView(VersionPermissionMixin, RegulationMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "regulations/admin/versions.html"
    header_icon = "history"
    page_title = _("Versions")

    def get_breadcrumbs_items(self):
        return self.regulation_breadcrumbs()[:-1] + [{"url": "", "label": _("Versions")}]

    @cached_property
    def can_import(self):
        return can_edit_versions(self.request.user) and can_add_versions(self.request.user)

    @cached_property
    def header_buttons(self):
        if not self.can_import:
            return []
        return [HeaderButton(_("Import a new version"), url=admin_url("import", self.regulation.pk), icon_name="upload")]

    def versions(self):
        """Drafts first, then published versions, each newest first: one query, whatever their number."""
        found = self.regulation.versions.order_by("-effective_from", "-created_at")
        return sorted(found, key=lambda version: version.is_published)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = regulation_page(self.regulation)
        page_url = live_page_url(self.request, page)
        user = self.request.user
        context.update(
            regulation=self.regulation,
            rows=[(version, page_url and preview_url(page_url, page, version)) for version in self.versions()],
            page=page,
            page_url=page_url,
            can_edit=can_edit_versions(user),
            can_add=self.can_import,
            can_publish=can_publish_versions(user),
            can_delete=can_edit_versions(user) and can_delete_versions(user),
        )
        if page is None:
            index = RegulationIndexPage.objects.filter(locale=Locale.get_default()).first()
            context["index_page"] = index
            if index is not None:
                context["add_page_url"] = reverse(
                    "wagtailadmin_pages:add", args=("regulations", "regulationpage", index.pk)
                )
        return context


# Reading a text before saving it


@dataclass
class Entry:
    """A line of the table of contents, named as the public site will name the provision."""

    citation: str
    heading: str
    excerpt: str
    children: list = field(default_factory=list)


def citation(node):
    return Provision(kind=node.kind, number=node.number, transitory=node.transitory, heading=node.heading).citation


def contents(nodes):
    entries = []
    for node in nodes:
        name = citation(node)  # a transitory section is named by its heading: not repeated
        excerpt = node.text if node.kind in comparison.TEXT_KINDS else ""
        entries.append(Entry(name, node.heading if node.heading != name else "", excerpt, contents(node.children)))
    return entries


def counts(parsed):
    nodes = list(parsed.walk())
    articles = [node for node in nodes if node.kind == parsing.ARTICLE]
    return {
        "articles": sum(not node.transitory for node in articles),
        "transitory": sum(node.transitory for node in articles),
        "annexes": sum(node.kind == parsing.ANNEX for node in nodes),
        "titles": sum(node.kind == parsing.TITLE for node in nodes),
    }


@dataclass
class Changes:
    """What a text changes in the version it amends: articles and annexes by name, as comparison.py matches them."""

    added: list
    removed: list
    changed: list


def changes(found):
    """Names the changes comparison.py found, between saved provisions or a saved version and a parsed text."""

    def named(status):
        return [citation(change.provision) for change in found if change.status == status]

    return Changes(added=named(comparison.ADDED), removed=named(comparison.REMOVED), changed=named(comparison.CHANGED))


class TextFormView(VersionPermissionMixin, WagtailAdminTemplateMixin, FormView):
    """A draft's text and details in two steps, nothing kept between them: read and shown, then sent again and saved.

    Subclasses say which instance the form edits (`form_instance`) and how to save it (`save_version`).
    """

    form_class = VersionForm
    template_name = "regulations/admin/version_form.html"
    header_icon = "doc-full"
    permission_tests = (can_edit_versions,)
    preview = None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.form_instance()}

    def get_template_names(self):
        return ["regulations/admin/preview.html"] if self.preview else super().get_template_names()

    def form_valid(self, form):
        if "save" in self.request.POST:
            return self.save(form)
        if "change" in self.request.POST:  # back from the preview to the form
            return self.render_to_response(self.get_context_data(form=form.refilled()))
        parsed = parsing.parse(form.cleaned_data["text"])
        if parsed.problems:
            return self.show_problems(form, parsed.problems)
        self.preview = self.preview_of(parsed, form.cleaned_data["effective_from"])
        return self.render_to_response(self.get_context_data(form=form.refilled()))

    def preview_of(self, parsed, effective_from):
        amended = self.regulation.version_amended_by(effective_from)
        preview = {
            "counts": counts(parsed),
            "contents": contents(parsed.nodes),
            "preamble": parsed.preamble,
            "amended": amended,
            "changes": None,
        }
        if amended is not None:
            newer = {node.label: node for node in parsed.walk() if node.kind in comparison.TEXT_KINDS}
            preview["changes"] = changes(comparison.changes_between(comparison.text_provisions(amended), newer))
        return preview

    def save(self, form):
        try:
            version = self.save_version(form)
        except parsing.ParseFailed as failure:  # the text was changed after its preview
            return self.show_problems(form, failure.problems)
        except versions.VersionError as error:
            messages.error(self.request, str(error))
            return redirect(admin_url("versions", self.regulation.pk))
        log_version(version, self.log_action, self.request.user)
        messages.success(self.request, self.success_message % {"date": version_date(version)})
        return redirect(admin_url("versions", self.regulation.pk))

    def show_problems(self, form, problems):
        messages.error(self.request, _("Nothing was saved: correct the problems listed, then preview the text again."))
        return self.render_to_response(self.get_context_data(form=form.refilled(), problems=problems))

    def form_invalid(self, form):
        messages.validation_error(self.request, _("The version could not be read due to errors."), form)
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            regulation=self.regulation,
            preview=self.preview,
            media=context["form"].media,
            action_url=self.request.path,
            submit_button_label=_("Preview"),
            submit_button_active_label=_("Reading the text…"),
        )
        return context


class ImportView(RegulationMixin, TextFormView):
    page_title = _("Import a new version")
    header_icon = "upload"
    permission_tests = (can_edit_versions, can_add_versions)
    log_action = "regulations.create_version"
    success_message = _("The draft from %(date)s is saved. Preview it on the site, then publish it.")

    def form_instance(self):
        return Version(regulation=self.regulation)

    def save_version(self, form):
        return versions.create_draft(self.regulation, form.cleaned_data["text"], **form.details())


class NewDraftView(VersionMixin, ImportView):
    """An amendment usually changes a few articles: start from the whole text of the version it amends."""

    page_title = _("New draft from this version")

    def get_initial(self):
        return {"text": self.version.source_text}


class EditView(VersionMixin, TextFormView):
    """A draft's text, date and details; of a published version only the details, since citations point at its text."""

    log_action = "regulations.edit_version"
    success_message = _("The version from %(date)s is saved.")

    def get_page_title(self):
        return _("Edit published version") if self.version.is_published else _("Edit draft")

    def get_form_class(self):
        return VersionDetailsForm if self.version.is_published else VersionForm

    def get_initial(self):
        return {"text": self.version.source_text}

    def form_instance(self):
        return self.version

    def form_valid(self, form):
        if not self.version.is_published:
            return super().form_valid(form)
        form.save_details()
        log_version(self.version, self.log_action, self.request.user)
        messages.success(self.request, self.success_message % {"date": version_date(self.version)})
        return redirect(admin_url("versions", self.regulation.pk))

    @transaction.atomic
    def save_version(self, form):
        versions.replace_text(self.version, form.cleaned_data["text"])  # refuses a version published meanwhile
        form.save_details()
        return form.instance

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["version"] = self.version
        if self.version.is_published:
            context.update(
                submit_button_label=_("Save"),
                submit_button_active_label=_("Saving…"),
                can_publish=can_publish_versions(self.request.user),
            )
        return context


# Publishing, withdrawing, deleting


class ConfirmView(VersionPermissionMixin, VersionMixin, WagtailAdminTemplateMixin, TemplateView):
    """Asks first, acts on POST; versions.py refuses what the version's state does not allow, and says why."""

    template_name = "regulations/admin/confirm.html"
    serious = False
    log_kwargs = {}

    def post(self, request, *args, **kwargs):
        try:
            self.act(self.version)
        except versions.VersionError as error:
            messages.error(request, str(error))
        else:
            log_version(self.version, self.log_action, request.user, **self.log_kwargs)
            messages.success(request, self.success_message % {"date": version_date(self.version)})
        return redirect(admin_url("versions", self.regulation.pk))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            version=self.version,
            serious=self.serious,
            cancel_url=admin_url("versions", self.regulation.pk),
        )
        return context


class PublishView(ConfirmView):
    """A reviewer's: first what the draft changes in the version it amends, and a link to read it on the site."""

    page_title = _("Publish")
    header_icon = "upload"
    permission_tests = (can_publish_versions,)
    act = staticmethod(versions.publish)
    log_action = "regulations.publish_version"
    confirm_label = _("Yes, publish it")
    success_message = _("The version from %(date)s is published.")
    message = _(
        "The public sees this version at once, as in force from its date; the version before it is then "
        "shown as in force until the day before."
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        version = self.version
        amended = self.regulation.version_amended_by(version.effective_from)
        page = regulation_page(self.regulation)
        page_url = live_page_url(self.request, page)
        context.update(
            amended=amended,
            changes=changes(comparison.compare(amended, version).changes) if amended is not None else None,
            preview_url=page_url and preview_url(page_url, page, version),
        )
        return context


class WithdrawView(ConfirmView):
    page_title = _("Withdraw")
    header_icon = "no-view"
    permission_tests = (can_publish_versions,)
    act = staticmethod(versions.withdraw)
    log_action = "regulations.withdraw_version"
    confirm_label = _("Yes, withdraw it")
    serious = True
    success_message = _("The version from %(date)s is withdrawn: it is a draft again.")
    message = _(
        "The version becomes a draft again: the public stops seeing it at once, and links to it stop working. "
        "The versions before and after it are kept, and the periods they are in force adjusted."
    )


class DeleteView(ConfirmView):
    page_title = _("Delete draft")
    header_icon = "bin"
    permission_tests = (can_edit_versions, can_delete_versions)
    act = staticmethod(versions.discard)
    log_action = "regulations.delete_version"
    log_kwargs = {"deleted": True}
    confirm_label = _("Yes, delete this draft")
    serious = True
    success_message = _("The draft from %(date)s is deleted.")
    message = _("The draft and its text are deleted. The published versions do not change.")


# The Regulation snippet's own views, with the way to its versions


def regulation_links(user, regulation):
    """(label, url, icon) of what this user may do with a regulation's versions."""
    if not can_see_versions(user):
        return []
    links = [(_("Versions"), admin_url("versions", regulation.pk), "history")]
    if can_edit_versions(user) and can_add_versions(user):
        links.append((_("Import a new version"), admin_url("import", regulation.pk), "upload"))
    return links


class RegulationIndexView(snippet_views.IndexView):
    """Each row links to the regulation's versions; importing one is in its "more" menu."""

    def get_list_more_buttons(self, instance):
        links = regulation_links(self.request.user, instance)
        buttons = [ListingButton(label, url=url, icon_name=icon, priority=1) for label, url, icon in links[:1]]
        buttons += [MenuItem(label, url=url, icon_name=icon, priority=5) for label, url, icon in links[1:]]
        return buttons + super().get_list_more_buttons(instance)


class RegulationEditView(snippet_views.EditView):
    @cached_property
    def header_more_buttons(self):
        links = regulation_links(self.request.user, self.object)
        buttons = [Button(label, url=url, icon_name=icon, priority=1) for label, url, icon in links]
        return buttons + super().header_more_buttons


def in_force_today(regulation):
    """When the version in force today took effect, from the listing's annotation."""
    if regulation.in_force_from is None:
        return _("None")
    return _("from %(date)s") % {"date": date_format(regulation.in_force_from, "DATE_FORMAT")}

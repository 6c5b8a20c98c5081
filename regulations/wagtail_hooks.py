"""Regulations in the admin menu, their versions' views under /admin/regulations/, and how the audit log words them."""

from django.db.models import Count, OuterRef, Q, Subquery
from django.shortcuts import redirect
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import ModelAdminURLFinder, register_admin_url_finder
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.viewsets.base import ViewSet
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import Regulation, Version


class VersionsViewSet(ViewSet):
    """A regulation's versions and what editors do with them; reached from each regulation, so not in the menu."""

    name = "regulations"
    url_namespace = admin_views.URL_NAMESPACE
    icon = "history"

    def get_urlpatterns(self):
        views = admin_views
        return [
            path("<int:regulation_id>/versions/", views.VersionsView.as_view(), name="versions"),
            path("<int:regulation_id>/versions/import/", views.ImportView.as_view(), name="import"),
            path("versions/<int:version_id>/new-draft/", views.NewDraftView.as_view(), name="new_draft"),
            path("versions/<int:version_id>/edit/", views.EditView.as_view(), name="edit"),
            path("versions/<int:version_id>/publish/", views.PublishView.as_view(), name="publish"),
            path("versions/<int:version_id>/withdraw/", views.WithdrawView.as_view(), name="withdraw"),
            path("versions/<int:version_id>/delete/", views.DeleteView.as_view(), name="delete"),
        ]


class RegulationViewSet(SnippetViewSet):
    model = Regulation
    icon = "doc-full"
    list_display = [
        "name",
        "kind",
        Column("in_force_from", label=_("Version in force today"), accessor=admin_views.in_force_today),
        NumberColumn("draft_count", label=_("Drafts")),
    ]
    search_fields = ["name"]
    index_view_class = admin_views.RegulationIndexView
    edit_view_class = admin_views.RegulationEditView

    def get_queryset(self, request):
        """Each regulation with the date its version in force took effect and its number of drafts, in one query."""
        in_force = Version.objects.filter(regulation=OuterRef("pk")).in_force_on(timezone.localdate())
        return Regulation.objects.annotate(
            in_force_from=Subquery(in_force.values("effective_from")),
            draft_count=Count("versions", filter=Q(versions__published_at__isnull=True)),
        )


class RegulationsViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Regulations")
    menu_name = "regulations"
    menu_icon = "doc-full"
    menu_order = 260  # after Transparencia Activa
    items = (RegulationViewSet,)


register_snippet(RegulationsViewSetGroup)


@hooks.register("register_admin_viewset")
def register_versions_viewset():
    return VersionsViewSet()


class VersionAdminURLFinder(ModelAdminURLFinder):
    """Site history links each version's entries to its edit view."""

    edit_url_name = f"{admin_views.URL_NAMESPACE}:edit"


register_admin_url_finder(Version, VersionAdminURLFinder)


class VersionLogFormatter(LogFormatter):
    def format_message(self, log_entry):
        return self.message % {"date": (log_entry.data or {}).get("date", "")}


VERSION_LOG_ACTIONS = {
    "regulations.create_version": (_("Import regulation version"), _("Imported a draft in force from %(date)s")),
    "regulations.edit_version": (_("Edit regulation version"), _("Edited the version in force from %(date)s")),
    "regulations.publish_version": (_("Publish regulation version"), _("Published the version in force from %(date)s")),
    "regulations.withdraw_version": (
        _("Withdraw regulation version"),
        _("Withdrew the version in force from %(date)s: the public no longer sees it"),
    ),
    "regulations.delete_version": (_("Delete regulation draft"), _("Deleted the draft in force from %(date)s")),
}


@hooks.register("register_log_actions")
def register_version_log_actions(actions):
    for action, (label, message) in VERSION_LOG_ACTIONS.items():
        formatter = type("_VersionLogFormatter", (VersionLogFormatter,), {"label": label, "message": message})
        actions.register_action(action)(formatter)


@hooks.register("before_delete_snippet")
def keep_regulations_with_published_versions(request, instances):
    """Citations point at published versions: a regulation that has some is not deleted (withdraw them first)."""
    cited = [item for item in instances if isinstance(item, Regulation) and item.versions.published().exists()]
    if cited:
        messages.error(
            request,
            _("%(names)s cannot be deleted: it has published versions, which citations point at. Withdraw them first.")
            % {"names": ", ".join(str(item) for item in cited)},
        )
        return redirect(admin_views.admin_url("versions", cited[0].pk))
    return None

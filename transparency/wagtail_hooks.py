"""Transparencia Activa in the admin menu: the obligations list, datasets and their schemas, and a dashboard panel."""

from django.shortcuts import redirect
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import Dataset, DatasetSchema


class TransparencyViewSet(ViewSet):
    """The obligations list and each dataset's months, under /admin/transparency/."""

    name = "transparency"
    url_namespace = admin_views.URL_NAMESPACE
    icon = "calendar-check"
    menu_label = _("Obligations")
    menu_name = "transparency-obligations"

    @cached_property
    def menu_item_class(self):
        class ObligationsMenuItem(MenuItem):
            def is_shown(self, request):
                return admin_views.can_see_datasets(request.user)

        return ObligationsMenuItem

    def get_urlpatterns(self):
        views = admin_views
        return [
            path("obligations/", views.ObligationsView.as_view(), name="obligations"),
            path("datasets/<int:dataset_id>/snapshots/", views.DatasetSnapshotsView.as_view(), name="snapshots"),
            path("datasets/<int:dataset_id>/import/", views.ImportCSVView.as_view(), name="import_csv"),
            path("datasets/<int:dataset_id>/no-movements/", views.NoMovementsView.as_view(), name="no_movements"),
            path("snapshots/<int:snapshot_id>/", views.SnapshotView.as_view(), name="snapshot"),
            path("snapshots/<int:snapshot_id>/publish/", views.PublishView.as_view(), name="publish"),
            path("snapshots/<int:snapshot_id>/note/", views.CorrectionNoteView.as_view(), name="note"),
            path("snapshots/<int:snapshot_id>/discard/", views.DiscardView.as_view(), name="discard"),
            path("snapshots/<int:snapshot_id>/correct/", views.CorrectView.as_view(), name="correct"),
            path("snapshots/<int:snapshot_id>/rows/add/", views.RowCreateView.as_view(), name="add_row"),
            path("snapshots/<int:snapshot_id>/rows/<int:row_id>/", views.RowEditView.as_view(), name="edit_row"),
            path(
                "snapshots/<int:snapshot_id>/rows/<int:row_id>/delete/",
                views.RowDeleteView.as_view(),
                name="delete_row",
            ),
        ]


class DatasetViewSet(SnippetViewSet):
    model = Dataset
    icon = "table"
    list_display = ["name", "category", "schema", admin_views.dataset_status_column()]
    list_filter = ["category"]
    list_per_page = 50
    search_fields = ["name", "slug"]
    index_view_class = admin_views.DatasetIndexView
    edit_view_class = admin_views.DatasetEditView

    def get_queryset(self, request):
        return Dataset.objects.select_related("schema")


class DatasetSchemaViewSet(SnippetViewSet):
    model = DatasetSchema
    icon = "list-ul"
    list_display = ["name", "description"]
    search_fields = ["name"]


class TransparencyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Transparencia Activa")
    menu_name = "transparencia-activa"
    menu_icon = "table"
    menu_order = 250  # after Pages, before Images
    items = (TransparencyViewSet, DatasetViewSet, DatasetSchemaViewSet)


register_snippet(TransparencyViewSetGroup)


@hooks.register("construct_homepage_panels")
def add_obligations_panel(request, panels):
    """For those who prepare the months and those who publish them."""
    if admin_views.can_change_datasets(request.user) or admin_views.can_publish_months(request.user):
        panels.append(admin_views.ObligationsPanel())


@hooks.register("before_delete_snippet")
def keep_datasets_with_snapshots(request, instances):
    """A dataset's published months stay public by law: refuse to delete a dataset that has any.

    Without this the database refuses (snapshots protect their dataset) with a server error.
    """
    if not instances or not isinstance(instances[0], Dataset):
        return None
    kept = [dataset for dataset in instances if dataset.snapshots.exists()]
    if not kept:
        return None
    messages.error(
        request,
        ngettext(
            "%(names)s has monthly snapshots and cannot be deleted: its published months must stay public.",
            "%(names)s have monthly snapshots and cannot be deleted: their published months must stay public.",
            len(kept),
        )
        % {"names": ", ".join(str(dataset) for dataset in kept)},
    )
    if len(instances) == 1:
        return redirect(admin_views.admin_url("snapshots", instances[0].pk))
    return redirect(Dataset.snippet_viewset.get_url_name("list"))


class MonthLogFormatter(LogFormatter):
    def format_message(self, log_entry):
        data = log_entry.data or {}
        return self.message % {
            "month": data.get("month", ""),
            "version": data.get("version", ""),
            "row": data.get("row", ""),
            "rows": data.get("rows", ""),
            "file": data.get("file", ""),
        }

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("note", "")


MONTH_LOG_ACTIONS = {
    "transparency.import": (
        _("Import CSV"),
        _("Imported %(rows)s rows from %(file)s into %(month)s, version %(version)s"),
    ),
    "transparency.publish": (_("Publish month"), _("Published %(month)s, version %(version)s")),
    "transparency.no_movements": (
        _("Publish month with no movements"),
        _("Published %(month)s, version %(version)s, as having no movements"),
    ),
    "transparency.prepare_no_movements": (
        _("Prepare month with no movements"),
        _("Prepared %(month)s, version %(version)s, as having no movements, for a reviewer to publish"),
    ),
    "transparency.note": (_("Write correction note"), _("Wrote what %(month)s, version %(version)s, corrects")),
    "transparency.correct": (_("Start correction"), _("Started correcting %(month)s as version %(version)s")),
    "transparency.discard": (_("Discard draft"), _("Discarded the draft of %(month)s, version %(version)s")),
    "transparency.add_row": (_("Add row"), _("Added row %(row)s to %(month)s, version %(version)s")),
    "transparency.edit_row": (_("Edit row"), _("Edited row %(row)s of %(month)s, version %(version)s")),
    "transparency.delete_row": (_("Delete row"), _("Deleted row %(row)s of %(month)s, version %(version)s")),
}


@hooks.register("register_log_actions")
def register_month_log_actions(actions):
    for action, (label, message) in MONTH_LOG_ACTIONS.items():
        formatter = type("_MonthLogFormatter", (MonthLogFormatter,), {"label": label, "message": message})
        actions.register_action(action)(formatter)

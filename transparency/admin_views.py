"""The admin side of Transparencia Activa: what is due, and each month of a dataset from import to publication.

    /admin/transparency/obligations/                       every dataset and its status this month
    /admin/transparency/datasets/<id>/snapshots/           a dataset's months and their versions
    /admin/transparency/datasets/<id>/import/              a CSV file becomes a month's draft
    /admin/transparency/datasets/<id>/no-movements/        a month with nothing to report (published, or a draft)
    /admin/transparency/snapshots/<id>/                    one version: its rows; a draft's rows can be edited
    /admin/transparency/snapshots/<id>/publish/            a draft made public (a correction needs a note)
    /admin/transparency/snapshots/<id>/note/               what a correction changes, for whoever publishes it
    /admin/transparency/snapshots/<id>/discard/            a draft thrown away
    /admin/transparency/snapshots/<id>/correct/            a draft copy of the version the public sees
    /admin/transparency/snapshots/<id>/rows/add/           …/rows/<row id>/, …/rows/<row id>/delete/

Who may do what (editorial/roles.py gives the groups these permissions):

- reading (the obligations, a dataset's months, any version's rows) needs any permission on
  datasets: transparency officers and reviewers both read;
- preparing (importing, editing a draft's rows and note, discarding it, starting a correction,
  a month with no movements) needs `transparency.change_dataset`: the officers' work;
- publishing a draft, a correction or a month with no movements needs
  `transparency.publish_snapshot`: a reviewer's, so no month goes public unchecked. An officer
  without it who declares a month with no movements gets a draft saying so, for a reviewer.

Every action is logged with its user (log_month), so the dataset's history shows who prepared
and who published each month. The data rules themselves (one draft per month, notes on
corrections) live in snapshots.py: these views show its errors, they do not repeat its checks.
"""

import datetime
from collections import Counter

from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import (
    ButtonsColumnMixin,
    Column,
    DateColumn,
    NumberColumn,
    StatusTagColumn,
    Table,
    TitleColumn,
)
from wagtail.admin.views.generic import BaseListingView, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button, HeaderButton, ListingButton
from wagtail.log_actions import log
from wagtail.permissions import policy_registry
from wagtail.snippets.views import snippets as snippet_views

from . import columns as column_types
from . import snapshots
from .csv_io import ImportFailed
from .forms import ImportCSVForm, MonthField, NoMovementsForm, PublishForm, RowForm, default_month
from .models import Dataset, Snapshot, SnapshotRow, first_of_month
from .obligations import SEVERITY, Status, obligations
from .views import KnownCountPaginator

URL_NAMESPACE = "transparency_admin"
ROWS_PER_PAGE = 50
READ_PERMISSIONS = ["add", "change", "delete", "view"]


def admin_url(name, *args):
    return reverse(f"{URL_NAMESPACE}:{name}", args=args)


def month_label(period):
    """March 2026 / marzo de 2026, in the admin's language."""
    return date_format(period, "YEAR_MONTH_FORMAT") if period else ""


def can_change_datasets(user):
    return policy_registry.get_by_type(Dataset).user_has_permission(user, "change")


def can_see_datasets(user):
    return policy_registry.get_by_type(Dataset).user_has_any_permission(user, READ_PERMISSIONS)


def can_publish_months(user):
    return policy_registry.get_by_type(Snapshot).user_has_permission(user, "publish")


def log_month(snapshot, action, user, **data):
    """An entry in the dataset's history (Snippets → Datasets → History), so every change to a month is traced."""
    log(
        instance=snapshot.dataset,
        action=action,
        user=user,
        data={"month": snapshot.month, "version": snapshot.version, **data},
    )


def version_status(snapshot):
    if not snapshot.is_published:
        return _("Draft")
    if snapshot.superseded_at:
        corrected_on = timezone.localtime(snapshot.superseded_at)
        return _("Corrected on %(date)s") % {"date": date_format(corrected_on, "DATE_FORMAT")}
    return _("Published")


def requested_month(request):
    """?month=2026-02 (a link from a missing month), or else the month due now."""
    try:
        return MonthField().clean(request.GET.get("month", ""))
    except ValidationError:
        return default_month()


def next_month(period):
    return first_of_month(period + datetime.timedelta(days=31))


class DatasetPermissionMixin(PermissionCheckedMixin):
    """Permission checks against datasets' policy, before any object is looked up."""

    any_permission_required = READ_PERMISSIONS

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(Dataset)

    @cached_property
    def can_change(self):
        return can_change_datasets(self.request.user)

    @cached_property
    def can_publish(self):
        return can_publish_months(self.request.user)


class ChangePermissionMixin(DatasetPermissionMixin):
    permission_required = "change"
    any_permission_required = None


class PublishPermissionMixin(DatasetPermissionMixin):
    """Publishing is checked against monthly snapshots' policy: `transparency.publish_snapshot`."""

    permission_required = "publish"
    any_permission_required = None

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(Snapshot)


class DatasetMixin:
    @cached_property
    def dataset(self):
        return get_object_or_404(Dataset.objects.select_related("schema"), pk=self.kwargs["dataset_id"])

    def dataset_breadcrumbs(self, *items):
        """Home › Datasets › <dataset> › Snapshots › …items, the last one being this page."""
        viewset = Dataset.snippet_viewset
        edit_url = ""
        if self.can_change:
            edit_url = reverse(viewset.get_url_name("edit"), args=[quote(self.dataset.pk)])
        return [
            *self.breadcrumbs_items,
            {"url": reverse(viewset.get_url_name("list")), "label": capfirst(Dataset._meta.verbose_name_plural)},
            {"url": edit_url, "label": str(self.dataset)},
            {"url": admin_url("snapshots", self.dataset.pk), "label": _("Snapshots")},
            *items,
        ]


class SnapshotMixin(DatasetMixin):
    @cached_property
    def snapshot(self):
        return get_object_or_404(
            Snapshot.objects.select_related("dataset__schema", "created_by"), pk=self.kwargs["snapshot_id"]
        )

    @cached_property
    def dataset(self):
        return self.snapshot.dataset

    @cached_property
    def snapshot_url(self):
        return admin_url("snapshot", self.snapshot.pk)

    def snapshot_label(self):
        return _("%(month)s, version %(version)s") % {
            "month": month_label(self.snapshot.period),
            "version": self.snapshot.version,
        }

    def snapshot_breadcrumbs(self, *items):
        return self.dataset_breadcrumbs({"url": self.snapshot_url, "label": self.snapshot_label()}, *items)

    @cached_property
    def current_version(self):
        """The version of the month the public sees now (None if the month is not published)."""
        return self.dataset.current_snapshots().filter(period=self.snapshot.period).first()

    @cached_property
    def month_draft(self):
        return self.dataset.snapshots.drafts().filter(period=self.snapshot.period).first()


class DraftOnlyMixin:
    """Published versions are never edited in place: their rows and drafts' actions are refused."""

    def dispatch(self, request, *args, **kwargs):
        if self.snapshot.is_published:
            messages.error(request, _("Published versions cannot be changed: start a correction to fix them."))
            return redirect(self.snapshot_url)
        return super().dispatch(request, *args, **kwargs)


def count_rows(draft):
    draft.row_count = draft.rows.count()
    draft.save(update_fields=["row_count", "no_movements"])


# Obligations


def draft_months():
    """{dataset id: the months it has a draft of}, from one query: what waits for a reviewer to publish."""
    months = {}
    for dataset_id, period in Snapshot.objects.drafts().order_by("period").values_list("dataset_id", "period"):
        months.setdefault(dataset_id, []).append(month_label(period))
    return months


class ObligationsView(DatasetPermissionMixin, BaseListingView):
    """Every dataset with its status this month and its drafts, what is late first: the to-do list of months."""

    page_title = _("Obligations")
    header_icon = "calendar-check"
    template_name = "transparency/admin/obligations.html"
    index_url_name = f"{URL_NAMESPACE}:obligations"
    verbose_name = _("dataset")
    verbose_name_plural = _("datasets")

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "dataset",
                label=_("Dataset"),
                accessor="dataset.name",
                get_url=lambda duty: admin_url("snapshots", duty.dataset.pk),
            ),
            Column("category", label=_("Category"), accessor=lambda duty: duty.dataset.get_category_display()),
            Column("period", label=_("Month due"), accessor=lambda duty: month_label(duty.period)),
            Column("deadline", label=_("Deadline"), accessor=lambda duty: date_format(duty.deadline, "DATE_FORMAT")),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor=lambda duty: duty.status.label,
                primary=lambda duty: duty.status != Status.UP_TO_DATE,
            ),
            NumberColumn("missing_months", label=_("Months missing")),
            Column(
                "drafts",
                label=_("Drafts to publish"),
                accessor=lambda duty: ", ".join(self.draft_months.get(duty.dataset.pk, [])),
            ),
            Column("latest_period", label=_("Latest month published"), accessor=lambda d: month_label(d.latest_period)),
            DateColumn("last_published", label=_("Last published")),
        ]

    @cached_property
    def draft_months(self):
        return draft_months()

    @cached_property
    def duties(self):
        duties = obligations(Dataset.objects.select_related("schema"))
        return sorted(duties, key=lambda duty: -SEVERITY.index(duty.status))  # stable: category order kept

    def get_queryset(self):
        return self.duties

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = Counter(duty.status for duty in self.duties)
        first = self.duties[0] if self.duties else None
        context.update(
            month_due=month_label(first.period) if first else "",
            deadline=first.deadline if first else None,
            overdue_count=counts[Status.OVERDUE],
            due_count=counts[Status.DUE],
        )
        return context


class ObligationsPanel(Component):
    """On the dashboard: how many datasets are due or overdue and how many drafts wait, with a link to the list."""

    name = "transparency_obligations"
    template_name = "transparency/admin/home_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        duties = obligations(Dataset.objects.all())
        counts = Counter(duty.status for duty in duties)
        return {
            "total": len(duties),
            "overdue_count": counts[Status.OVERDUE],
            "due_count": counts[Status.DUE],
            "month_due": month_label(duties[0].period) if duties else "",
            "deadline": duties[0].deadline if duties else None,
            "draft_count": Snapshot.objects.drafts().count(),
            "obligations_url": admin_url("obligations"),
        }


# A dataset's months


class DatasetSnapshotsView(DatasetPermissionMixin, DatasetMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "transparency/admin/snapshots.html"
    header_icon = "table"

    def get_page_title(self):
        return _("Snapshots")

    def get_page_subtitle(self):
        return str(self.dataset)

    def get_breadcrumbs_items(self):
        return self.dataset_breadcrumbs()[:-1] + [{"url": "", "label": _("Snapshots")}]

    @cached_property
    def header_buttons(self):
        if not self.can_change:
            return []
        return [
            HeaderButton(_("Import CSV"), url=admin_url("import_csv", self.dataset.pk), icon_name="upload"),
            HeaderButton(
                _("No movements this month"), url=admin_url("no_movements", self.dataset.pk), icon_name="minus"
            ),
        ]

    def months(self):
        """Each month with its versions (newest first), newest month first: one query, rows not loaded."""
        versions = self.dataset.snapshots.select_related("created_by").defer("columns").order_by("-period", "-version")
        months = {}
        for version in versions:
            months.setdefault(version.period, []).append(version)
        return [
            {
                "period": period,
                "label": month_label(period),
                "versions": versions,
                "has_draft": any(not version.is_published for version in versions),
                "published": any(version.is_published for version in versions),
            }
            for period, versions in months.items()
        ]

    def missing_months(self, obligation, months):
        """Each month since the dataset started reporting, up to the one due, that the public cannot see."""
        published = {month["period"] for month in months if month["published"]}
        missing, period = [], self.dataset.reporting_since
        while period <= obligation.period:
            if period not in published:
                missing.append(period)
            period = next_month(period)
        return missing

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obligation = obligations([self.dataset])[0]
        months = self.months()
        context.update(
            dataset=self.dataset,
            obligation=obligation,
            months=months,
            missing_months=self.missing_months(obligation, months),
            can_change=self.can_change,
            can_publish=self.can_publish,
            status_up_to_date=Status.UP_TO_DATE,
        )
        return context


class ImportCSVView(ChangePermissionMixin, DatasetMixin, WagtailAdminTemplateMixin, FormView):
    """A CSV file becomes the month's draft: every row or, if anything is wrong, nothing and every problem."""

    form_class = ImportCSVForm
    template_name = "transparency/admin/import_csv.html"
    header_icon = "upload"
    page_title = _("Import CSV")
    import_failure = None

    def get_page_subtitle(self):
        return str(self.dataset)

    def get_breadcrumbs_items(self):
        return self.dataset_breadcrumbs({"url": "", "label": _("Import CSV")})

    def get_initial(self):
        return {"month": requested_month(self.request)}

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            draft = snapshots.import_csv(
                self.dataset,
                form.cleaned_data["month"],
                upload.read(),
                source_name=upload.name,
                user=self.request.user,
            )
        except ImportFailed as failure:
            self.import_failure = failure
            return self.form_invalid(form)
        except snapshots.SnapshotError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        log_month(draft, "transparency.import", self.request.user, rows=draft.row_count, file=draft.source_name)
        if self.can_publish:
            message = ngettext(
                "%(month)s: draft version %(version)s holds %(count)s row from %(file)s. "
                "Check it, then publish it.",
                "%(month)s: draft version %(version)s holds %(count)s rows from %(file)s. "
                "Check them, then publish them.",
                draft.row_count,
            )
        else:
            message = ngettext(
                "%(month)s: draft version %(version)s holds %(count)s row from %(file)s. "
                "Check it; a reviewer publishes it.",
                "%(month)s: draft version %(version)s holds %(count)s rows from %(file)s. "
                "Check them; a reviewer publishes them.",
                draft.row_count,
            )
        messages.success(
            self.request,
            message
            % {
                "month": month_label(draft.period),
                "version": draft.version,
                "count": draft.row_count,
                "file": draft.source_name,
            },
        )
        return redirect(admin_url("snapshot", draft.pk))

    def form_invalid(self, form):
        if self.import_failure is None:
            messages.validation_error(self.request, _("The file could not be imported due to errors."), form)
        else:
            messages.error(self.request, _("Nothing was imported: correct the file and import it again."))
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            dataset=self.dataset,
            import_failure=self.import_failure,
            columns=self.dataset.schema.columns.all(),
            action_url=admin_url("import_csv", self.dataset.pk),
            submit_button_label=_("Import"),
            submit_button_active_label=_("Importing…"),
        )
        return context


class NoMovementsView(ChangePermissionMixin, DatasetMixin, WagtailAdminTemplateMixin, FormView):
    """A month with nothing to report: published at once by whoever may publish, otherwise a draft saying so.

    An officer is the one who knows the month had no movements, so the action stays theirs; like a
    month imported, it then waits in the dataset's months for a reviewer to publish it.
    """

    form_class = NoMovementsForm
    template_name = "transparency/admin/no_movements.html"
    header_icon = "minus"
    page_title = _("No movements this month")

    def get_page_subtitle(self):
        return str(self.dataset)

    def get_breadcrumbs_items(self):
        return self.dataset_breadcrumbs({"url": "", "label": _("No movements this month")})

    def get_initial(self):
        return {"month": requested_month(self.request)}

    def form_valid(self, form):
        period, note = form.cleaned_data["month"], form.cleaned_data["note"]
        action = snapshots.publish_no_movements if self.can_publish else snapshots.prepare_no_movements
        try:
            snapshot = action(self.dataset, period, note, user=self.request.user)
        except snapshots.SnapshotError as error:
            form.add_error("note" if isinstance(error, snapshots.CorrectionNoteMissing) else None, str(error))
            return self.form_invalid(form)
        month = {"month": month_label(snapshot.period)}
        if not snapshot.is_published:
            log_month(snapshot, "transparency.prepare_no_movements", self.request.user, note=snapshot.correction_note)
            messages.success(
                self.request, _("%(month)s is ready as having no movements: a reviewer publishes it.") % month
            )
            return redirect(admin_url("snapshot", snapshot.pk))
        log_month(snapshot, "transparency.no_movements", self.request.user, note=snapshot.correction_note)
        messages.success(self.request, _("%(month)s is published as having no movements.") % month)
        return redirect(admin_url("snapshots", self.dataset.pk))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            dataset=self.dataset,
            can_publish=self.can_publish,
            action_url=admin_url("no_movements", self.dataset.pk),
        )
        if self.can_publish:
            context.update(
                submit_button_label=_("Publish with no movements"), submit_button_active_label=_("Publishing…")
            )
        else:
            context.update(submit_button_label=_("Save as a draft"), submit_button_active_label=_("Saving…"))
        return context


# One version of a month


class RowTitleColumn(ButtonsColumnMixin, TitleColumn):
    """The row's number, linking to its form in a draft, with Edit and Delete beside it."""

    def __init__(self, *args, get_buttons, **kwargs):
        super().__init__(*args, **kwargs)
        self._get_buttons = get_buttons

    def get_buttons(self, instance, parent_context):
        return self._get_buttons(instance)


def cell_value(key, column_type):
    return lambda row: column_types.display(column_type, row.values.get(key))


class SnapshotView(DatasetPermissionMixin, SnapshotMixin, WagtailAdminTemplateMixin, TemplateView):
    """A version's rows as the public will read them; in a draft, each row can be edited."""

    template_name = "transparency/admin/snapshot.html"
    header_icon = "table"

    def get_page_title(self):
        return str(self.dataset)

    def get_page_subtitle(self):
        return self.snapshot_label()

    def get_breadcrumbs_items(self):
        return self.snapshot_breadcrumbs()[:-1] + [{"url": "", "label": self.snapshot_label()}]

    @cached_property
    def editable(self):
        return self.can_change and not self.snapshot.is_published

    @cached_property
    def header_buttons(self):
        snapshot = self.snapshot
        if not self.can_change:
            return []
        if not snapshot.is_published:
            return [HeaderButton(_("Add row"), url=admin_url("add_row", snapshot.pk), icon_name="plus")]
        if snapshot.superseded_at is None and self.month_draft is None:
            return [HeaderButton(_("Correct"), url=admin_url("correct", snapshot.pk), icon_name="edit")]
        return []

    @cached_property
    def header_more_buttons(self):
        buttons = [Button(_("All months"), url=admin_url("snapshots", self.dataset.pk), icon_name="table")]
        if self.editable:
            buttons.append(Button(_("Discard draft"), url=admin_url("discard", self.snapshot.pk), icon_name="bin"))
        return buttons

    def row_buttons(self, row):
        if not self.editable:
            return []
        return [
            ListingButton(
                _("Edit"),
                url=admin_url("edit_row", self.snapshot.pk, row.pk),
                attrs={"aria-label": _("Edit row %(row)s") % {"row": row.position}},
                priority=10,
            ),
            ListingButton(
                _("Delete"),
                url=admin_url("delete_row", self.snapshot.pk, row.pk),
                attrs={"aria-label": _("Delete row %(row)s") % {"row": row.position}},
                priority=20,
            ),
        ]

    def rows_table(self, rows):
        snapshot = self.snapshot
        columns = [
            RowTitleColumn(
                "position",
                label=_("Row"),
                get_url=(lambda row: admin_url("edit_row", snapshot.pk, row.pk)) if self.editable else None,
                get_title_id=lambda row: f"row-{row.pk}",
                get_buttons=self.row_buttons,
            )
        ]
        for column, header in zip(snapshot.columns, snapshot.headers()):
            accessor = cell_value(column["key"], column["type"])
            columns.append(Column(f"value-{column['key']}", label=header, accessor=accessor))
        return Table(columns, rows, caption=self.snapshot_label())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        snapshot = self.snapshot
        rows = snapshot.rows.order_by("position").only("position", "values", "snapshot_id")
        paginator = KnownCountPaginator(rows, ROWS_PER_PAGE, snapshot.row_count)
        rows_page = paginator.get_page(self.request.GET.get("p"))
        context.update(
            snapshot=snapshot,
            dataset=self.dataset,
            status=version_status(snapshot),
            table=self.rows_table(list(rows_page.object_list)),
            page_obj=rows_page,
            paginator=paginator,
            is_paginated=paginator.num_pages > 1,
            elided_page_range=paginator.get_elided_page_range(rows_page.number),
            editable=self.editable,
            current_version=self.current_version,
            month_draft=self.month_draft,
            can_change=self.can_change,
            can_publish=self.can_publish,
        )
        if not snapshot.is_published and (self.can_publish or self.editable):
            # Whoever publishes gets the form; an officer who cannot gets its note, to say what a correction changes.
            context["publish_form"] = publish_form(snapshot, self.current_version)
            context["publish_url"] = admin_url("publish", snapshot.pk)
            context["note_url"] = admin_url("note", snapshot.pk)
        return context


def publish_form(draft, current_version, data=None):
    """The note, for a correction, starts as the one its officer left on the draft."""
    return PublishForm(data, is_correction=current_version is not None, initial={"note": draft.correction_note})


class PublishView(PublishPermissionMixin, SnapshotMixin, DraftOnlyMixin, WagtailAdminTemplateMixin, FormView):
    """A reviewer's: the draft goes public as its officer left it (the correction's note may be reworded)."""

    template_name = "transparency/admin/publish.html"
    header_icon = "upload"
    page_title = _("Publish")

    def get_page_subtitle(self):
        return self.snapshot_label()

    def get_breadcrumbs_items(self):
        return self.snapshot_breadcrumbs({"url": "", "label": _("Publish")})

    def get_form(self, form_class=None):
        data = self.request.POST if self.request.method == "POST" else None
        return publish_form(self.snapshot, self.current_version, data)

    def form_valid(self, form):
        draft = self.snapshot
        try:
            snapshots.publish(draft, form.cleaned_data.get("note", ""))
        except snapshots.SnapshotError as error:
            is_note_error = isinstance(error, snapshots.CorrectionNoteMissing) and "note" in form.fields
            form.add_error("note" if is_note_error else None, str(error))
            return self.form_invalid(form)
        corrected = self.current_version is not None
        log_month(draft, "transparency.publish", self.request.user, corrects=corrected, note=draft.correction_note)
        if corrected:
            message = _("%(month)s is corrected: version %(version)s is now public.")
        else:
            message = _("%(month)s is published.")
        messages.success(self.request, message % {"month": month_label(draft.period), "version": draft.version})
        return redirect(admin_url("snapshots", self.dataset.pk))

    def form_invalid(self, form):
        messages.validation_error(self.request, _("The month could not be published due to errors."), form)
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            snapshot=self.snapshot,
            current_version=self.current_version,
            action_url=admin_url("publish", self.snapshot.pk),
            submit_button_label=_("Publish"),
            submit_button_active_label=_("Publishing…"),
        )
        return context


class CorrectionNoteView(ChangePermissionMixin, SnapshotMixin, DraftOnlyMixin, View):
    """An officer says what a correction changes; the reviewer who publishes it reads it there, and may reword it."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            draft = snapshots.save_note(self.snapshot, request.POST.get("note", ""))
        except snapshots.SnapshotError as error:
            messages.error(request, str(error))
            return redirect(self.snapshot_url)
        log_month(draft, "transparency.note", request.user, note=draft.correction_note)
        messages.success(request, _("The note is saved: the reviewer who publishes the correction reads it."))
        return redirect(self.snapshot_url)


class ConfirmView(SnapshotMixin, WagtailAdminTemplateMixin, TemplateView):
    """A page that asks before an action, and does it on POST."""

    template_name = "transparency/admin/confirm.html"
    confirm_label = ""
    serious = False

    def get_breadcrumbs_items(self):
        return self.snapshot_breadcrumbs({"url": "", "label": self.get_page_title()})

    def get_page_subtitle(self):
        return self.snapshot_label()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            snapshot=self.snapshot,
            confirm_label=self.confirm_label,
            serious=self.serious,
            cancel_url=self.snapshot_url,
        )
        return context


class DiscardView(ChangePermissionMixin, DraftOnlyMixin, ConfirmView):
    page_title = _("Discard draft")
    header_icon = "bin"
    confirm_label = _("Yes, discard this draft")
    serious = True

    def message(self):
        return ngettext(
            "The draft and its %(count)s row will be deleted. The published versions of the month do not change.",
            "The draft and its %(count)s rows will be deleted. The published versions of the month do not change.",
            self.snapshot.row_count,
        ) % {"count": self.snapshot.row_count}

    def post(self, request, *args, **kwargs):
        draft = self.snapshot
        try:
            snapshots.discard(draft)
        except snapshots.SnapshotError as error:
            messages.error(request, str(error))
            return redirect(self.snapshot_url)
        log_month(draft, "transparency.discard", request.user)
        messages.success(request, _("The draft of %(month)s is discarded.") % {"month": month_label(draft.period)})
        return redirect(admin_url("snapshots", self.dataset.pk))


class CorrectableOnlyMixin:
    """A correction starts from the version the public sees now, and only once at a time."""

    def dispatch(self, request, *args, **kwargs):
        snapshot = self.snapshot
        if not snapshot.is_published or snapshot.superseded_at:
            messages.error(request, _("Only the version the public sees now can be corrected."))
            return redirect(self.snapshot_url)
        if self.month_draft is not None:
            messages.warning(request, _("A correction of this month is already in progress: this is its draft."))
            return redirect(admin_url("snapshot", self.month_draft.pk))
        return super().dispatch(request, *args, **kwargs)


class CorrectView(ChangePermissionMixin, CorrectableOnlyMixin, ConfirmView):
    page_title = _("Correct")
    header_icon = "edit"
    confirm_label = _("Start a correction")

    def message(self):
        return _(
            "A draft copy of this version's rows is made for you to fix. Publishing it needs a note saying what "
            "was corrected; until then the public keeps seeing this version, which stays public afterwards "
            "marked “corrected on” that date."
        )

    def post(self, request, *args, **kwargs):
        try:
            draft = snapshots.start_correction(self.snapshot, user=request.user)
        except snapshots.SnapshotError as error:
            messages.error(request, str(error))
            return redirect(self.snapshot_url)
        log_month(draft, "transparency.correct", request.user)
        if self.can_publish:
            message = _("Draft version %(version)s is a copy of %(month)s: fix it, then publish it with a note.")
        else:
            message = _(
                "Draft version %(version)s is a copy of %(month)s: fix it and say what was corrected; "
                "a reviewer publishes it."
            )
        messages.success(request, message % {"version": draft.version, "month": month_label(draft.period)})
        return redirect(admin_url("snapshot", draft.pk))


# A draft's rows


class RowMixin(ChangePermissionMixin, SnapshotMixin, DraftOnlyMixin):
    row = None

    def get_row(self):
        return get_object_or_404(SnapshotRow, snapshot=self.snapshot, pk=self.kwargs["row_id"])

    def row_url(self, row):
        """The preview page that shows the row, scrolled to it."""
        before = self.snapshot.rows.filter(position__lt=row.position).count()
        page = before // ROWS_PER_PAGE + 1
        return f"{self.snapshot_url}?p={page}#row-{row.pk}"


class RowFormView(RowMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "transparency/admin/row_form.html"
    header_icon = "edit"

    def get_page_subtitle(self):
        return self.snapshot_label()

    def get_breadcrumbs_items(self):
        return self.snapshot_breadcrumbs({"url": "", "label": self.get_page_title()})

    def get_form(self, form_class=None):
        return RowForm(
            self.request.POST if self.request.method == "POST" else None,
            columns=self.snapshot.columns,
            headers=self.snapshot.headers(),
            values=self.row.values if self.row else None,
        )

    def form_valid(self, form):
        values = {column["key"]: form.values.get(column["key"]) for column in self.snapshot.columns}
        try:
            with snapshots.locked_draft(self.snapshot) as draft:
                row = self.save_row(draft, values)
        except snapshots.SnapshotError as error:
            messages.error(self.request, str(error))
            return redirect(self.snapshot_url)
        log_month(self.snapshot, self.log_action, self.request.user, row=row.position)
        messages.success(self.request, self.success_message % {"row": row.position})
        return redirect(self.row_url(row))

    def form_invalid(self, form):
        messages.validation_error(self.request, _("The row could not be saved due to errors."), form)
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            snapshot=self.snapshot,
            action_url=self.request.path,
            submit_button_label=_("Save row"),
            submit_button_active_label=_("Saving…"),
        )
        return context


class RowCreateView(RowFormView):
    page_title = _("Add row")
    log_action = "transparency.add_row"
    success_message = _("Row %(row)s added.")

    def save_row(self, draft, values):
        last = draft.rows.aggregate(last=Max("position"))["last"] or 0
        row = SnapshotRow.objects.create(snapshot=draft, position=last + 1, values=values)
        draft.no_movements = False  # a month with a row has movements
        count_rows(draft)
        return row


class RowEditView(RowFormView):
    log_action = "transparency.edit_row"
    success_message = _("Row %(row)s saved.")

    def get_page_title(self):
        return _("Row %(row)s") % {"row": self.row.position}

    @cached_property
    def row(self):
        return self.get_row()

    def save_row(self, draft, values):
        self.row.values = values
        self.row.save(update_fields=["values"])
        return self.row


class RowDeleteView(RowMixin, ConfirmView):
    page_title = _("Delete row")
    header_icon = "bin"
    confirm_label = _("Yes, delete this row")
    serious = True

    @cached_property
    def row(self):
        return self.get_row()

    def get_page_title(self):
        return _("Delete row %(row)s") % {"row": self.row.position}

    def message(self):
        return _("This row will be deleted from the draft:")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["row_values"] = [
            (header, column_types.display(column["type"], self.row.values.get(column["key"])))
            for column, header in zip(self.snapshot.columns, self.snapshot.headers())
        ]
        return context

    def post(self, request, *args, **kwargs):
        position = self.row.position
        try:
            with snapshots.locked_draft(self.snapshot) as draft:
                draft.rows.filter(pk=self.row.pk).delete()
                count_rows(draft)
        except snapshots.SnapshotError as error:
            messages.error(request, str(error))
            return redirect(self.snapshot_url)
        log_month(self.snapshot, "transparency.delete_row", request.user, row=position)
        messages.success(request, _("Row %(row)s deleted.") % {"row": position})
        return redirect(self.snapshot_url)


# The Dataset snippet's own views, with the way to its months


class DatasetIndexView(snippet_views.IndexView):
    """The datasets listing, each with its status this month and links to its snapshots."""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        return dataset_menu_items(self.request.user, instance) + buttons

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        # The table iterates this same page of datasets: give each its status, from one query.
        for duty in obligations(context["object_list"]):
            duty.dataset.obligation = duty
        return context


class DatasetEditView(snippet_views.EditView):
    @cached_property
    def header_more_buttons(self):
        return dataset_menu_items(self.request.user, self.object, button_class=Button) + super().header_more_buttons


def dataset_menu_items(user, dataset, button_class=None):
    button_class = button_class or MenuItem
    items = [
        button_class(_("Snapshots"), url=admin_url("snapshots", dataset.pk), icon_name="table", priority=1),
    ]
    if can_change_datasets(user):
        items.append(
            button_class(_("Import CSV"), url=admin_url("import_csv", dataset.pk), icon_name="upload", priority=2)
        )
    return items


def status_this_month(dataset):
    duty = getattr(dataset, "obligation", None)
    return duty.status.label if duty else ""


def dataset_status_column():
    return StatusTagColumn(
        "status_this_month",
        label=_("Status this month"),
        accessor=status_this_month,
        primary=lambda dataset: getattr(dataset, "obligation", None) is not None
        and dataset.obligation.status != Status.UP_TO_DATE,
    )

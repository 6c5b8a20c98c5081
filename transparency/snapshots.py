"""What is done to a month of a dataset: officers import, edit or correct a draft; a reviewer publishes it.

A month has at most one draft and one current published version. Publishing a draft when
the month already has a published version is a correction: it needs a note, and the version
it replaces stays public, marked "corrected on" the correction's date. Who may call what is
the admin views' business (see admin_views.py); the rules here hold whoever calls.
"""

from contextlib import contextmanager

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from .csv_io import read_rows
from .models import Dataset, Snapshot, SnapshotRow, first_of_month

BULK_BATCH_SIZE = 2000


class SnapshotError(Exception):
    """An action that would break a rule of publication; the message says which."""


class CorrectionNoteMissing(SnapshotError):
    """A correction was published without saying what it corrects."""


@contextmanager
def locked_draft(snapshot):
    """The draft, re-read and still a draft, with its dataset locked until the block ends."""
    with transaction.atomic():
        Dataset.objects.select_for_update().get(pk=snapshot.dataset_id)
        try:
            snapshot.refresh_from_db()
        except Snapshot.DoesNotExist:
            raise SnapshotError(_("This draft has been discarded.")) from None
        if snapshot.is_published:
            raise SnapshotError(_("This version is already published; correct it with a new version."))
        yield snapshot


def check_period(period, today=None):
    today = today or timezone.localdate()
    period = first_of_month(period)
    if period > first_of_month(today):
        raise SnapshotError(_("%(month)s has not started yet.") % {"month": f"{period:%Y-%m}"})
    return period


def draft_for(dataset, period, user=None):
    """The month's draft, created as the next version if there is none. Locks the dataset."""
    Dataset.objects.select_for_update().get(pk=dataset.pk)
    draft = dataset.snapshots.drafts().filter(period=period).first()
    if draft is None:
        latest = dataset.snapshots.filter(period=period).aggregate(latest=Max("version"))["latest"] or 0
        draft = Snapshot(dataset=dataset, period=period, version=latest + 1, created_by=user)
    draft.columns = dataset.schema.frozen_columns()
    draft.save()
    return draft


def replace_rows(draft, rows):
    """Rows (any iterable of value dicts) become the draft's, numbered from 1."""
    draft.rows.all().delete()
    created = SnapshotRow.objects.bulk_create(
        (SnapshotRow(snapshot=draft, position=position, values=values) for position, values in enumerate(rows, 1)),
        batch_size=BULK_BATCH_SIZE,
    )
    draft.row_count = len(created)


def import_csv(dataset, period, data, source_name="", user=None):
    """A draft holding every row of the file, or ImportFailed and no change at all."""
    period = check_period(period)
    rows = read_rows(data, dataset.schema.frozen_columns())
    with transaction.atomic():
        draft = draft_for(dataset, period, user)
        replace_rows(draft, rows)
        draft.no_movements = False
        draft.source_name = source_name[:255]
        draft.save()
    return draft


def publish(snapshot, note=""):
    """Make a draft public; if the month was already published, this is a correction."""
    note = note.strip()
    with locked_draft(snapshot):
        if not snapshot.row_count and not snapshot.no_movements:
            raise SnapshotError(_("This draft has no rows: add rows, or publish the month as having no movements."))
        current = snapshot.dataset.current_snapshots().filter(period=snapshot.period).first()
        if current and not note:
            raise CorrectionNoteMissing(_("Say what this correction changes: the note is shown beside both versions."))
        now = timezone.now()
        if current:
            current.superseded_at = now
            current.save(update_fields=["superseded_at"])
        snapshot.published_at = now
        snapshot.correction_note = note
        snapshot.save(update_fields=["published_at", "correction_note"])
    return snapshot


def prepare_no_movements(dataset, period, note="", user=None):
    """The month's draft (replaced if there is one) saying the month has nothing to report, for publishing."""
    period = check_period(period)
    with transaction.atomic():
        draft = draft_for(dataset, period, user)
        replace_rows(draft, [])
        draft.no_movements = True
        draft.source_name = ""
        draft.correction_note = note.strip()
        draft.save()
    return draft


def publish_no_movements(dataset, period, note="", user=None):
    """Publish the month as having nothing to report (a draft of that month is replaced)."""
    with transaction.atomic():
        return publish(prepare_no_movements(dataset, period, note, user), note)


def save_note(draft, note):
    """What a correction changes, written by whoever prepared it; publishing it may reword it."""
    with locked_draft(draft):
        draft.correction_note = note.strip()
        draft.save(update_fields=["correction_note"])
    return draft


def start_correction(snapshot, user=None):
    """A draft of the month holding a copy of its current rows, to fix and publish with a note.

    If the month already has a draft, that draft is the correction in progress: it is kept.
    """
    if not snapshot.is_published or snapshot.superseded_at:
        raise SnapshotError(_("Only the version the public sees now can be corrected."))
    with transaction.atomic():
        had_draft = snapshot.dataset.snapshots.drafts().filter(period=snapshot.period).exists()
        draft = draft_for(snapshot.dataset, snapshot.period, user)
        if not had_draft:
            draft.columns = snapshot.columns  # the rows copied follow the columns they were published with
            replace_rows(draft, snapshot.rows.order_by("position").values_list("values", flat=True).iterator())
            draft.no_movements = snapshot.no_movements
            draft.save()
    return draft


def discard(draft):
    with locked_draft(draft):
        draft.delete()

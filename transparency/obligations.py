"""Whether each dataset is up to date, due or overdue today (Ley 20.285 art. 7: monthly).

In any month, the previous month's information is due by the n-th working day (10 by
default, weekends and the configured public holidays excluded). A dataset is overdue as soon
as any month since it started reporting lacks a published snapshot after its deadline.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import Count, F, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .holidays import nth_working_day
from .models import Snapshot, TransparencySettings, first_of_month


class Status(models.TextChoices):
    UP_TO_DATE = "up-to-date", _("Up to date")
    DUE = "due", _("Due")
    OVERDUE = "overdue", _("Overdue")


SEVERITY = [Status.UP_TO_DATE, Status.DUE, Status.OVERDUE]


def previous_month(day):
    return first_of_month(first_of_month(day) - datetime.timedelta(days=1))


def months_between(first, last):
    """How many months from `first` to `last`, both included (0 if `last` is earlier)."""
    return max(0, (last.year - first.year) * 12 + last.month - first.month + 1)


@dataclass
class Obligation:
    dataset: object
    period: datetime.date  # the month whose information is due
    deadline: datetime.date
    status: Status
    missing_months: int = 0
    latest_period: datetime.date | None = None
    last_published: datetime.datetime | None = None


def deadline_for(today, settings=None):
    """(month due, last day to publish it) as of `today`."""
    settings = settings or TransparencySettings.load()
    return previous_month(today), nth_working_day(
        first_of_month(today), settings.working_days_to_publish, settings.holidays
    )


def obligations(datasets, today=None):
    """One Obligation per dataset, in the order given, from a single aggregate query."""
    today = today or timezone.localdate()
    datasets = list(datasets)
    period, deadline = deadline_for(today)
    published = (
        Snapshot.objects.published()
        .filter(dataset__in=datasets)
        .values("dataset_id")
        .annotate(
            latest_period=Max("period"),
            last_published=Max("published_at"),
            months=Count(
                "id",
                filter=Q(superseded_at__isnull=True, period__lte=period, period__gte=F("dataset__reporting_since")),
            ),
            has_period=Count("id", filter=Q(period=period)),
        )
    )
    by_dataset = {row["dataset_id"]: row for row in published}
    result = []
    for dataset in datasets:
        row = by_dataset.get(dataset.pk, {})
        expected = months_between(dataset.reporting_since, period)
        missing = expected - row.get("months", 0)
        if missing <= 0:
            status = Status.UP_TO_DATE
        elif missing == 1 and not row.get("has_period") and today <= deadline:
            status = Status.DUE  # only the month just ended is missing, and there is still time
        else:
            status = Status.OVERDUE
        result.append(
            Obligation(
                dataset=dataset,
                period=period,
                deadline=deadline,
                status=status,
                missing_months=max(missing, 0),
                latest_period=row.get("latest_period"),
                last_published=row.get("last_published"),
            )
        )
    return result


def worst(statuses):
    return max(statuses, key=SEVERITY.index, default=None)

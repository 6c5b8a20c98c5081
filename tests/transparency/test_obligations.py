"""A dataset's status moves from up to date to due to overdue as the calendar moves."""

import datetime

import pytest
import time_machine

from transparency import snapshots
from transparency.holidays import nth_working_day, parse_holidays
from transparency.models import TransparencySettings
from transparency.obligations import Status, obligations

CSV = "Nombre completo,Remuneración bruta\nAna,1000\n".encode()


def publish_month(dataset, year, month):
    draft = snapshots.import_csv(dataset, datetime.date(year, month, 1), CSV)
    return snapshots.publish(draft)


def status_on(dataset, day):
    with time_machine.travel(datetime.datetime(*day, 12, tzinfo=datetime.timezone.utc), tick=False):
        return obligations([dataset])[0]


@pytest.fixture
def reported_until_september(dataset):
    dataset.reporting_since = datetime.date(2026, 7, 1)
    dataset.save()
    for month in (7, 8, 9):
        publish_month(dataset, 2026, month)
    return dataset


def test_status_moves_from_up_to_date_to_due_to_overdue(reported_until_september):
    dataset = reported_until_september
    assert status_on(dataset, (2026, 10, 20)).status == Status.UP_TO_DATE  # September is in
    november_first = status_on(dataset, (2026, 11, 2))
    assert november_first.status == Status.DUE  # October is due...
    assert november_first.deadline == datetime.date(2026, 11, 13)  # ...by the 10th working day
    assert status_on(dataset, (2026, 11, 13)).status == Status.DUE
    late = status_on(dataset, (2026, 11, 16))
    assert late.status == Status.OVERDUE and late.missing_months == 1

    publish_month(dataset, 2026, 10)
    assert status_on(dataset, (2026, 11, 16)).status == Status.UP_TO_DATE


def test_an_older_missing_month_is_overdue_even_before_this_months_deadline(reported_until_september):
    dataset = reported_until_september
    later = status_on(dataset, (2026, 12, 1))  # October never came, November is due
    assert later.status == Status.OVERDUE and later.missing_months == 2


def test_a_no_movements_month_counts_as_published(reported_until_september):
    snapshots.publish_no_movements(reported_until_september, datetime.date(2026, 10, 1))
    assert status_on(reported_until_september, (2026, 11, 20)).status == Status.UP_TO_DATE


def test_nothing_is_due_before_the_dataset_starts_reporting(dataset):
    dataset.reporting_since = datetime.date(2026, 11, 1)
    dataset.save()
    assert status_on(dataset, (2026, 11, 20)).status == Status.UP_TO_DATE


def test_holidays_and_weekends_push_the_deadline(db):
    holidays = parse_holidays("2026-09-18 Independencia\n2026-09-19 Glorias del Ejército")
    # September 2026 starts on a Tuesday; Thursday the 17th is its 13th working day.
    assert nth_working_day(datetime.date(2026, 9, 1), 10, {}) == datetime.date(2026, 9, 14)
    assert nth_working_day(datetime.date(2026, 9, 1), 14, {}) == datetime.date(2026, 9, 18)
    assert nth_working_day(datetime.date(2026, 9, 1), 14, holidays) == datetime.date(2026, 9, 21)


def test_the_deadline_follows_the_settings(reported_until_september):
    settings = TransparencySettings.load()
    settings.public_holidays = "2026-11-13 Feriado de prueba"
    settings.save()
    assert status_on(reported_until_september, (2026, 11, 16)).status == Status.DUE
    assert status_on(reported_until_september, (2026, 11, 16)).deadline == datetime.date(2026, 11, 16)


def test_holiday_list_errors_name_the_line():
    with pytest.raises(ValueError, match='Línea 2: "18-09-2026" no es una fecha escrita como AAAA-MM-DD.'):
        parse_holidays("2026-01-01 Año Nuevo\n18-09-2026 Fiestas Patrias")

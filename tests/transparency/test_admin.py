"""Transparency officers in the admin: what is due, importing a month, checking, publishing and correcting it."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from tests.conftest import admin_user_with, in_english
from transparency import forms as transparency_forms
from transparency import snapshots
from transparency.models import Dataset, Snapshot

SANTIAGO = zoneinfo.ZoneInfo("America/Santiago")
# 20 April 2026: March is due, and its deadline (the 10th working day, 15 April) has passed.
AFTER_DEADLINE = datetime.datetime(2026, 4, 20, 10, tzinfo=SANTIAGO)
BEFORE_DEADLINE = datetime.datetime(2026, 4, 8, 10, tzinfo=SANTIAGO)
MARCH = datetime.date(2026, 3, 1)

GOOD_CSV = (
    "Nombre completo;Grado;Remuneración bruta;Fecha de inicio\n"
    "Ana Pérez;5;$ 1.234.567;01-03-2020\n"
    "Luis Soto;12;987.000;2019-07-15\n"
).encode("cp1252")  # as Excel saves it on Windows

BAD_CSV = (
    "Nombre completo,Grado,Remuneración bruta\n"
    "Ana Pérez,cinco,1000\n"
    ",3,\n"
).encode()


def url(name, *args):
    return reverse(f"transparency_admin:{name}", args=args)


def csv_file(data, name="planta-marzo.csv"):
    return SimpleUploadedFile(name, data, content_type="text/csv")


def messages_of(response):
    return [str(message).strip() for message in response.context["messages"]]


def form_errors(response, field=None):
    """The form's errors as the officer read them (lazy messages would otherwise follow the test's language)."""
    form = response.context["form"]
    with translation.override("en"):
        if field is None:
            return {name: list(errors) for name, errors in form.errors.items()}
        return list(form.errors.get(field, []))


@pytest.fixture(autouse=True)
def april_2026():
    with time_machine.travel(AFTER_DEADLINE, tick=False) as traveller:
        yield traveller


@pytest.fixture
def officer(db, django_user_model):
    return in_english(django_user_model.objects.create_superuser(username="officer", password="password"))


@pytest.fixture
def admin_client(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def draft(dataset, officer):
    return snapshots.import_csv(dataset, MARCH, GOOD_CSV, source_name="planta-marzo.csv", user=officer)


@pytest.fixture
def published(draft):
    return snapshots.publish(draft)


# Importing a month


def test_a_bad_file_lists_every_problem_by_row_and_column_and_saves_nothing(admin_client, dataset):
    response = admin_client.post(url("import_csv", dataset.pk), {"month": "2026-03", "file": csv_file(BAD_CSV)})

    assert response.status_code == 200
    errors = response.context["import_failure"].errors
    assert errors == [
        'row 2, column "Grado": "cinco" is not a whole number',
        'row 3, column "Nombre completo": a value is required',
        'row 3, column "Remuneración bruta": a value is required',
    ]
    page = response.content.decode()
    for error in errors:
        assert error.replace('"', "&quot;") in page
    assert "Nothing was imported" in page
    assert not Snapshot.objects.exists()


def test_problems_beyond_those_listed_are_counted(admin_client, dataset):
    rows = "".join(f"Persona {number},no,1000\n" for number in range(60))
    data = ("Nombre completo,Grado,Remuneración bruta\n" + rows).encode()

    response = admin_client.post(url("import_csv", dataset.pk), {"month": "2026-03", "file": csv_file(data)})

    assert len(response.context["import_failure"].errors) == 50
    assert "and 10 more problems" in response.content.decode()
    assert not Snapshot.objects.exists()


def test_a_good_file_becomes_a_draft_shown_for_checking(admin_client, dataset, officer):
    response = admin_client.post(url("import_csv", dataset.pk), {"month": "2026-03", "file": csv_file(GOOD_CSV)})

    draft = Snapshot.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("snapshot", draft.pk)
    assert (draft.period, draft.version, draft.row_count, draft.is_published) == (MARCH, 1, 2, False)
    assert (draft.source_name, draft.created_by) == ("planta-marzo.csv", officer)

    preview = admin_client.get(response["Location"])
    page = preview.content.decode()
    assert "Ana Pérez" in page and "Luis Soto" in page
    assert "Gross pay" in page  # headers in the officer's language
    assert "Draft" in page
    assert [str(row.position) for row in preview.context["table"].data] == ["1", "2"]
    assert "draft version 1 holds 2 rows" in messages_of(preview)[0]


def test_the_import_form_offers_the_month_now_due(admin_client, dataset):
    response = admin_client.get(url("import_csv", dataset.pk))

    assert response.status_code == 200
    assert response.context["form"].initial["month"] == MARCH
    assert 'type="month"' in response.content.decode()
    assert 'value="2026-03"' in response.content.decode()
    assert admin_client.get(url("import_csv", dataset.pk) + "?month=2026-01").context["form"].initial["month"] == (
        datetime.date(2026, 1, 1)
    )


def test_months_that_have_not_started_cannot_be_imported(admin_client, dataset):
    response = admin_client.post(url("import_csv", dataset.pk), {"month": "2026-05", "file": csv_file(GOOD_CSV)})

    assert response.status_code == 200
    assert "2026-05 has not started yet." in form_errors(response, "month")
    assert not Snapshot.objects.exists()


def test_files_over_the_size_limit_are_refused_clearly(admin_client, dataset, monkeypatch):
    monkeypatch.setattr(transparency_forms, "MAX_UPLOAD_SIZE", 100)

    response = admin_client.post(url("import_csv", dataset.pk), {"month": "2026-03", "file": csv_file(GOOD_CSV)})

    assert response.status_code == 200
    assert form_errors(response, "file") == [
        f"The file is {len(GOOD_CSV)}\xa0bytes; files of up to 100\xa0bytes can be imported."
    ]
    assert not Snapshot.objects.exists()


def test_spreadsheet_files_are_refused_with_what_to_do(admin_client, dataset):
    response = admin_client.post(
        url("import_csv", dataset.pk), {"month": "2026-03", "file": csv_file(b"PK\x03\x04", name="planta.xlsx")}
    )

    assert "save it as CSV" in form_errors(response, "file")[0]
    assert not Snapshot.objects.exists()


# Publishing, discarding


def test_publishing_a_draft_makes_the_month_public(admin_client, draft):
    response = admin_client.post(url("publish", draft.pk), {})

    draft.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == url("snapshots", draft.dataset_id)
    assert draft.is_published and draft.superseded_at is None and draft.correction_note == ""
    assert ModelLogEntry.objects.filter(action="transparency.publish", object_id=str(draft.dataset_id)).exists()

    snapshots_page = admin_client.get(response["Location"]).content.decode()
    assert "March 2026" in snapshots_page and "Published" in snapshots_page


def test_the_draft_page_offers_publish_without_a_note_for_a_first_version(admin_client, draft):
    response = admin_client.get(url("snapshot", draft.pk))

    assert response.context["publish_form"].fields == {}
    assert url("publish", draft.pk) in response.content.decode()


def test_an_empty_draft_is_not_published(admin_client, draft):
    draft.rows.all().delete()
    Snapshot.objects.filter(pk=draft.pk).update(row_count=0)

    response = admin_client.post(url("publish", draft.pk), {})

    assert response.status_code == 200
    assert "This draft has no rows" in str(form_errors(response, "__all__"))
    assert not Snapshot.objects.published().exists()


def test_discarding_a_draft_deletes_it_and_its_rows(admin_client, draft):
    assert admin_client.get(url("discard", draft.pk)).status_code == 200

    response = admin_client.post(url("discard", draft.pk))

    assert response["Location"] == url("snapshots", draft.dataset_id)
    assert not Snapshot.objects.exists()


# Correcting a published month


def test_a_correction_is_a_new_version_published_with_a_note(admin_client, published):
    dataset = published.dataset
    assert admin_client.get(url("correct", published.pk)).status_code == 200  # asks first

    response = admin_client.post(url("correct", published.pk))

    correction = dataset.snapshots.drafts().get()
    assert response["Location"] == url("snapshot", correction.pk)
    assert (correction.period, correction.version, correction.row_count) == (MARCH, 2, 2)
    assert list(correction.rows.order_by("position").values_list("values", flat=True)) == list(
        published.rows.order_by("position").values_list("values", flat=True)
    )

    row = correction.rows.get(position=2)
    form_page = admin_client.get(url("edit_row", correction.pk, row.pk))
    assert form_page.context["form"]["remuneracion_bruta"].value() == "987000"
    assert form_page.context["form"]["remuneracion_bruta"].label == "Gross pay"
    response = admin_client.post(
        url("edit_row", correction.pk, row.pk),
        {"nombre": "Luis Soto", "grado": "12", "remuneracion_bruta": "$ 1.087.000", "fecha_inicio": "2019-07-15"},
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.values == {
        "nombre": "Luis Soto",
        "grado": 12,
        "remuneracion_bruta": 1087000,
        "fecha_inicio": "2019-07-15",
        "enlace": None,
        "correo": None,
    }

    correction_page = admin_client.get(url("snapshot", correction.pk))
    with translation.override("en"):  # the label is lazy: read it in the admin user's language
        assert str(correction_page.context["publish_form"].fields["note"].label) == "What was corrected"

    refused = admin_client.post(url("publish", correction.pk), {"note": "  "})
    assert refused.status_code == 200
    assert form_errors(refused, "note") == [
        "Say what this correction changes: the note is shown beside both versions."
    ]
    correction.refresh_from_db()
    assert not correction.is_published

    admin_client.post(url("publish", correction.pk), {"note": "Luis Soto's gross pay was wrong."})

    published.refresh_from_db()
    correction.refresh_from_db()
    assert correction.is_published and correction.correction_note == "Luis Soto's gross pay was wrong."
    assert published.superseded_at == correction.published_at
    assert list(dataset.current_snapshots()) == [correction]
    page = admin_client.get(url("snapshots", dataset.pk)).content.decode()
    assert "Corrected on April 20, 2026" in page


def test_only_the_version_the_public_sees_can_be_corrected(admin_client, published):
    correction = snapshots.start_correction(published)
    snapshots.publish(correction, "fixed")

    response = admin_client.post(url("correct", published.pk), follow=True)

    assert "Only the version the public sees now can be corrected." in messages_of(response)
    assert not Snapshot.objects.drafts().exists()


def test_a_correction_in_progress_is_continued_not_restarted(admin_client, published):
    correction = snapshots.start_correction(published)

    response = admin_client.post(url("correct", published.pk))

    assert response["Location"] == url("snapshot", correction.pk)
    assert Snapshot.objects.drafts().count() == 1


# Rows of a draft


def test_a_cell_that_is_not_of_its_columns_type_is_a_field_error(admin_client, draft):
    row = draft.rows.get(position=1)
    before = row.values

    response = admin_client.post(
        url("edit_row", draft.pk, row.pk), {"nombre": "Ana Pérez", "grado": "cinco", "remuneracion_bruta": "1000"}
    )

    assert response.status_code == 200
    assert form_errors(response) == {"grado": ['"cinco" is not a whole number']}
    row.refresh_from_db()
    assert row.values == before


def test_required_columns_are_required_in_the_row_form(admin_client, draft):
    response = admin_client.post(url("add_row", draft.pk), {"nombre": "", "remuneracion_bruta": "1000"})

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"nombre"}
    assert draft.rows.count() == 2


def test_adding_and_deleting_rows_keeps_the_row_count(admin_client, draft):
    response = admin_client.post(url("add_row", draft.pk), {"nombre": "Eva Rojas", "remuneracion_bruta": "750.000"})

    added = draft.rows.get(position=3)
    draft.refresh_from_db()
    assert added.values["remuneracion_bruta"] == 750000
    assert draft.row_count == 3
    assert response["Location"] == url("snapshot", draft.pk) + f"?p=1#row-{added.pk}"

    first = draft.rows.get(position=1)
    assert admin_client.get(url("delete_row", draft.pk, first.pk)).status_code == 200  # asks first
    admin_client.post(url("delete_row", draft.pk, first.pk))

    draft.refresh_from_db()
    assert draft.row_count == 2
    assert list(draft.rows.values_list("position", flat=True)) == [2, 3]
    admin_client.post(url("add_row", draft.pk), {"nombre": "Otro", "remuneracion_bruta": "1"})
    assert draft.rows.order_by("position").last().position == 4


def test_rows_are_shown_fifty_to_a_page(admin_client, dataset):
    rows = "".join(f"Persona {number:03},{number},1000\n" for number in range(1, 121))
    draft = snapshots.import_csv(dataset, MARCH, ("Nombre completo,Grado,Remuneración bruta\n" + rows).encode())

    first = admin_client.get(url("snapshot", draft.pk))
    third = admin_client.get(url("snapshot", draft.pk) + "?p=3")

    assert len(first.context["table"].data) == 50
    assert [row.position for row in third.context["table"].data] == list(range(101, 121))
    assert "Persona 120" in third.content.decode()


def test_rows_of_a_published_version_cannot_be_changed(admin_client, published):
    row = published.rows.get(position=1)
    before = row.values
    attempts = [
        ("get", url("edit_row", published.pk, row.pk), None),
        ("post", url("edit_row", published.pk, row.pk), {"nombre": "X", "remuneracion_bruta": "1"}),
        ("post", url("add_row", published.pk), {"nombre": "X", "remuneracion_bruta": "1"}),
        ("post", url("delete_row", published.pk, row.pk), None),
        ("post", url("publish", published.pk), {}),
        ("post", url("discard", published.pk), None),
    ]
    for method, address, data in attempts:
        response = getattr(admin_client, method)(address, data)
        assert (response.status_code, response["Location"]) == (302, url("snapshot", published.pk)), address

    response = admin_client.get(url("snapshot", published.pk))
    assert "Published versions cannot be changed: start a correction to fix them." in messages_of(response)
    row.refresh_from_db()
    published.refresh_from_db()
    assert row.values == before
    assert published.row_count == 2 and published.rows.count() == 2
    assert response.context["editable"] is False
    assert url("edit_row", published.pk, row.pk) not in response.content.decode()


# No movements


def test_a_month_with_nothing_to_report_is_published_as_such(admin_client, dataset):
    response = admin_client.post(url("no_movements", dataset.pk), {"month": "2026-03", "note": ""})

    snapshot = Snapshot.objects.get()
    assert response["Location"] == url("snapshots", dataset.pk)
    assert snapshot.is_published and snapshot.no_movements
    assert (snapshot.period, snapshot.row_count) == (MARCH, 0)


def test_no_movements_over_a_published_month_needs_a_note(admin_client, published):
    response = admin_client.post(url("no_movements", published.dataset_id), {"month": "2026-03", "note": ""})

    assert response.status_code == 200
    assert form_errors(response, "note") == [
        "Say what this correction changes: the note is shown beside both versions."
    ]
    assert list(Snapshot.objects.all()) == [published]

    admin_client.post(url("no_movements", published.dataset_id), {"month": "2026-03", "note": "Nobody was hired."})
    published.refresh_from_db()
    assert published.superseded_at is not None
    assert published.dataset.current_snapshots().get().no_movements


# Permissions


def test_visitors_are_sent_to_log_in(client, draft):
    for address in (url("obligations"), url("snapshots", draft.dataset_id), url("snapshot", draft.pk)):
        response = client.get(address)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
    response = client.post(url("publish", draft.pk))
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    draft.refresh_from_db()
    assert not draft.is_published


def test_admin_users_without_dataset_permissions_are_refused(client, django_user_model, draft):
    client.force_login(admin_user_with(django_user_model, "editor"))
    row = draft.rows.get(position=1)
    addresses = [
        url("obligations"),
        url("snapshots", draft.dataset_id),
        url("snapshot", draft.pk),
        url("import_csv", draft.dataset_id),
        url("edit_row", draft.pk, row.pk),
    ]
    for address in addresses:
        response = client.get(address)
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home")), address

    client.post(url("import_csv", draft.dataset_id), {"month": "2026-02", "file": csv_file(GOOD_CSV)})
    client.post(url("publish", draft.pk))
    client.post(url("edit_row", draft.pk, row.pk), {"nombre": "X", "remuneracion_bruta": "1"})
    client.post(url("no_movements", draft.dataset_id), {"month": "2026-02"})
    assert list(Snapshot.objects.all()) == [draft]
    draft.refresh_from_db()
    assert not draft.is_published
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert url("obligations") not in home  # neither in the menu nor in a dashboard panel


def test_users_who_may_only_view_datasets_see_months_but_cannot_change_them(client, django_user_model, draft):
    client.force_login(admin_user_with(django_user_model, "reader", "transparency.view_dataset"))

    snapshots_page = client.get(url("snapshots", draft.dataset_id))
    preview = client.get(url("snapshot", draft.pk))

    assert snapshots_page.status_code == preview.status_code == 200
    assert url("import_csv", draft.dataset_id) not in snapshots_page.content.decode()
    assert "publish_form" not in preview.context
    assert client.post(url("publish", draft.pk))["Location"] == reverse("wagtailadmin_home")
    assert client.get(url("import_csv", draft.dataset_id))["Location"] == reverse("wagtailadmin_home")
    draft.refresh_from_db()
    assert not draft.is_published


def test_officers_with_the_change_permission_can_import_but_not_publish(client, django_user_model, dataset):
    client.force_login(admin_user_with(django_user_model, "clerk", "transparency.change_dataset"))

    response = client.post(url("import_csv", dataset.pk), {"month": "2026-03", "file": csv_file(GOOD_CSV)})

    assert response.status_code == 302
    draft = Snapshot.objects.get()
    assert draft.row_count == 2
    assert client.post(url("publish", draft.pk))["Location"] == reverse("wagtailadmin_home")
    draft.refresh_from_db()
    assert not draft.is_published


def test_the_publish_permission_alone_publishes(client, django_user_model, draft):
    client.force_login(admin_user_with(django_user_model, "checker", "transparency.publish_snapshot"))

    response = client.post(url("publish", draft.pk))

    assert response["Location"] == url("snapshots", draft.dataset_id)
    draft.refresh_from_db()
    assert draft.is_published


# Obligations


def test_the_obligations_list_puts_overdue_datasets_first(admin_client, dataset, pay_schema):
    up_to_date = Dataset.objects.create(
        name="Al día", slug="al-dia", category="a", schema=pay_schema, reporting_since=MARCH
    )
    snapshots.publish_no_movements(up_to_date, MARCH)

    response = admin_client.get(url("obligations"))

    duties = response.context["object_list"]
    assert [(duty.dataset, duty.status, duty.missing_months) for duty in duties] == [
        (dataset, "overdue", 3),
        (up_to_date, "up-to-date", 0),
    ]
    page = response.content.decode()
    assert "Overdue" in page and "Up to date" in page  # the status in words, not only a colour
    assert "March 2026" in page and "April 15, 2026" in page  # the month due and its deadline
    assert url("snapshots", dataset.pk) in page


def test_a_dataset_missing_only_the_month_just_ended_is_due_until_the_deadline(admin_client, dataset, april_2026):
    for month in (1, 2):
        snapshots.publish_no_movements(dataset, datetime.date(2026, month, 1))
    april_2026.move_to(BEFORE_DEADLINE)

    duty = admin_client.get(url("obligations")).context["object_list"][0]

    assert (duty.status, duty.missing_months, duty.deadline) == ("due", 1, datetime.date(2026, 4, 15))


def test_the_obligations_list_costs_the_same_queries_for_many_datasets(
    admin_client, pay_schema, django_assert_max_num_queries
):
    def add_datasets(start, count):
        for number in range(start, start + count):
            dataset = Dataset.objects.create(
                name=f"Tabla {number}", slug=f"tabla-{number}", category="d", schema=pay_schema,
                reporting_since=datetime.date(2026, 1, 1),
            )
            snapshots.publish_no_movements(dataset, datetime.date(2026, 1, 1))

    add_datasets(0, 2)
    admin_client.get(url("obligations"))  # warm per-process caches
    with CaptureQueriesContext(connection) as two_datasets:
        assert len(admin_client.get(url("obligations")).context["object_list"]) == 2
    add_datasets(2, 20)

    with django_assert_max_num_queries(len(two_datasets)):
        response = admin_client.get(url("obligations"))

    assert len(response.context["object_list"]) == 22


def test_the_dashboard_panel_counts_what_is_late(admin_client, dataset, client, django_user_model):
    page = admin_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "1</strong> dataset is overdue." in page
    assert url("obligations") in page

    client.force_login(admin_user_with(django_user_model, "reader", "transparency.view_dataset"))
    assert "dataset is overdue" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_dataset_page_lists_months_newest_first_with_their_versions(admin_client, published, dataset):
    snapshots.publish_no_movements(dataset, datetime.date(2026, 1, 1))
    snapshots.start_correction(published)

    response = admin_client.get(url("snapshots", dataset.pk))

    months = response.context["months"]
    assert [month["period"] for month in months] == [MARCH, datetime.date(2026, 1, 1)]
    assert [(version.version, version.is_published) for version in months[0]["versions"]] == [(2, False), (1, True)]
    assert response.context["missing_months"] == [datetime.date(2026, 2, 1)]
    assert url("import_csv", dataset.pk) + "?month=2026-02" in response.content.decode()


# The menu and the Dataset snippet


def test_the_admin_menu_groups_obligations_datasets_and_schemas(admin_client, dataset):
    page = admin_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Transparencia Activa" in page
    for address in (
        url("obligations"),
        reverse("wagtailsnippets_transparency_dataset:list"),
        reverse("wagtailsnippets_transparency_datasetschema:list"),
    ):
        assert address.replace("/", "\\/") in page or address in page


def test_the_dataset_listing_shows_the_status_and_links_to_the_months(admin_client, dataset, pay_schema):
    Dataset.objects.create(name="Compras", slug="compras", category="e", schema=pay_schema, reporting_since=MARCH)

    response = admin_client.get(reverse("wagtailsnippets_transparency_dataset:list"))
    page = response.content.decode()

    assert "Status this month" in page and "Overdue" in page
    assert url("snapshots", dataset.pk) in page and url("import_csv", dataset.pk) in page
    filtered = admin_client.get(reverse("wagtailsnippets_transparency_dataset:list") + "?category=e")
    assert [item.name for item in filtered.context["object_list"]] == ["Compras"]


def test_the_dataset_edit_view_links_to_its_months(admin_client, dataset):
    page = admin_client.get(reverse("wagtailsnippets_transparency_dataset:edit", args=[dataset.pk])).content.decode()

    assert url("snapshots", dataset.pk) in page and url("import_csv", dataset.pk) in page


def test_a_dataset_with_published_months_cannot_be_deleted(admin_client, published):
    dataset = published.dataset

    response = admin_client.post(reverse("wagtailsnippets_transparency_dataset:delete", args=[dataset.pk]))

    assert response["Location"] == url("snapshots", dataset.pk)
    assert Dataset.objects.filter(pk=dataset.pk).exists()


def test_actions_are_refused_without_the_csrf_token(client, officer, draft):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(officer)

    assert csrf_client.post(url("publish", draft.pk)).status_code == 403
    assert csrf_client.post(url("discard", draft.pk)).status_code == 403
    draft.refresh_from_db()
    assert not draft.is_published


def test_each_change_to_a_month_is_in_the_datasets_history(admin_client, draft):
    row = draft.rows.get(position=1)
    admin_client.post(url("edit_row", draft.pk, row.pk), {"nombre": "Ana Pérez", "remuneracion_bruta": "1"})
    admin_client.post(url("publish", draft.pk))

    history = admin_client.get(reverse("wagtailsnippets_transparency_dataset:history", args=[draft.dataset_id]))

    page = history.content.decode()
    assert "Edited row 1 of 2026-03, version 1" in page
    assert "Published 2026-03, version 1" in page


def test_a_schema_in_use_cannot_be_deleted(admin_client, dataset):
    response = admin_client.get(reverse("wagtailsnippets_transparency_datasetschema:delete", args=[dataset.schema_id]))

    assert response.context["is_protected"]


def test_a_refusal_from_the_publication_rules_is_shown_on_the_import_form(admin_client, dataset, monkeypatch):
    def refuse(*args, **kwargs):
        raise snapshots.SnapshotError("2026-03 has not started yet.")

    monkeypatch.setattr(snapshots, "import_csv", refuse)

    response = admin_client.post(url("import_csv", dataset.pk), {"month": "2026-03", "file": csv_file(GOOD_CSV)})

    assert response.status_code == 200
    assert form_errors(response, "__all__") == ["2026-03 has not started yet."]
    assert "2026-03 has not started yet." in response.content.decode()


def test_the_dataset_listing_costs_the_same_queries_for_many_datasets(
    admin_client, pay_schema, django_assert_max_num_queries
):
    listing = reverse("wagtailsnippets_transparency_dataset:list")

    def add_datasets(start, count):
        for number in range(start, start + count):
            Dataset.objects.create(
                name=f"Tabla {number}", slug=f"tabla-{number}", category="d", schema=pay_schema, reporting_since=MARCH
            )

    add_datasets(0, 2)
    admin_client.get(listing)
    with CaptureQueriesContext(connection) as two_datasets:
        admin_client.get(listing)
    add_datasets(2, 20)

    with django_assert_max_num_queries(len(two_datasets)):
        response = admin_client.get(listing)

    assert response.content.decode().count("Overdue") == 22

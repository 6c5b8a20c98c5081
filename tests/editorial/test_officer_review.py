"""Transparency months and regulation versions go public only through a reviewer: officers prepare
them, reviewers publish them, and editors and translators never see them. Users are members of
the groups the migration installs, so these tests hold for the roles as they ship."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry, Site

from editorial import roles
from regulations import versions as version_actions
from regulations.models import Regulation, RegulationIndexPage, RegulationPage, Version
from tests.conftest import publish
from tests.regulations.conftest import TEXT_V1, TEXT_V2
from transparency import snapshots
from transparency.models import Dataset, DatasetSchema, SchemaColumn, Snapshot

pytestmark = pytest.mark.django_db

MARCH, FEBRUARY = datetime.date(2026, 3, 1), datetime.date(2026, 2, 1)
SANTIAGO = zoneinfo.ZoneInfo("America/Santiago")
CSV = "Nombre,Monto\nAna Pérez,1000\nLuis Soto,2000\n".encode()
FIRST_VERSION, AMENDMENT = datetime.date(2023, 4, 1), datetime.date(2026, 5, 1)


@pytest.fixture(autouse=True)
def april_2026():
    """20 April 2026: March is due."""
    with time_machine.travel(datetime.datetime(2026, 4, 20, 10, tzinfo=SANTIAGO), tick=False):
        yield


def t(name, *args):
    return reverse(f"transparency_admin:{name}", args=args)


def r(name, *args):
    return reverse(f"regulations_admin:{name}", args=args)


def refused(response):
    """Wagtail's refusal of a PermissionDenied: back to the dashboard, with a message."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def csv_file():
    return SimpleUploadedFile("marzo.csv", CSV, content_type="text/csv")


def logged_by(action):
    return [entry.user for entry in ModelLogEntry.objects.filter(action=action).select_related("user")]


@pytest.fixture
def login(db):
    """login(user) → a client of its own, logged in as that user."""

    def make(user):
        other = Client()
        other.force_login(user)
        return other

    return make


@pytest.fixture
def dataset(db):
    schema = DatasetSchema.objects.create(name="Pagos")
    for order, (key, header) in enumerate((("nombre", "Nombre"), ("monto", "Monto"))):
        SchemaColumn.objects.create(
            schema=schema, sort_order=order, key=key, header_es=header, header_en=header,
            type="text" if key == "nombre" else "money", required=True,
        )
    return Dataset.objects.create(
        name="Pagos (prueba)", slug="pagos", category="d", schema=schema, reporting_since=datetime.date(2026, 1, 1)
    )


@pytest.fixture
def draft(dataset, officer):
    return snapshots.import_csv(dataset, MARCH, CSV, source_name="marzo.csv", user=officer)


@pytest.fixture
def published(draft):
    return snapshots.publish(draft)


@pytest.fixture
def regulation(db):
    regulation = Regulation.objects.create(name="Reglamento de compras (prueba)")
    version_actions.publish(version_actions.create_draft(regulation, TEXT_V1, effective_from=FIRST_VERSION))
    return regulation


@pytest.fixture
def amendment(regulation):
    return version_actions.create_draft(regulation, TEXT_V2, effective_from=AMENDMENT, summary="Compra ágil")


# Transparency months


def test_an_officer_prepares_a_month_that_only_a_reviewer_publishes(login, officer, reviewer, dataset):
    as_officer, as_reviewer = login(officer), login(reviewer)

    response = as_officer.post(t("import_csv", dataset.pk), {"month": "2026-03", "file": csv_file()})
    draft = Snapshot.objects.get()
    assert response["Location"] == t("snapshot", draft.pk)
    page = as_officer.get(t("snapshot", draft.pk))
    html = page.content.decode()
    assert "Check them; a reviewer publishes them." in str(list(page.context["messages"])[0])
    assert "A reviewer publishes this month" in html
    assert t("publish", draft.pk) not in html and t("add_row", draft.pk) in html
    row = draft.rows.get(position=1)
    edited = as_officer.post(t("edit_row", draft.pk, row.pk), {"nombre": "Ana Pérez", "monto": "1500"})
    assert edited.status_code == 302
    assert refused(as_officer.get(t("publish", draft.pk)))
    assert refused(as_officer.post(t("publish", draft.pk)))
    draft.refresh_from_db()
    assert not draft.is_published

    # The reviewer finds the draft from the obligations list, reads it, and cannot change it.
    obligations = as_reviewer.get(t("obligations")).content.decode()
    assert "March 2026" in obligations and t("snapshots", dataset.pk) in obligations
    datasets = as_reviewer.get(reverse("wagtailsnippets_transparency_dataset:list")).content.decode()
    assert t("snapshots", dataset.pk) in datasets and t("import_csv", dataset.pk) not in datasets
    months = as_reviewer.get(t("snapshots", dataset.pk)).content.decode()
    assert "Check and publish" in months
    assert t("import_csv", dataset.pk) not in months and t("discard", draft.pk) not in months
    preview = as_reviewer.get(t("snapshot", draft.pk))
    html = preview.content.decode()
    assert "Ana Pérez" in html and "1,500" in html  # the officer's edit, read in English
    assert t("publish", draft.pk) in html
    assert t("edit_row", draft.pk, row.pk) not in html and t("discard", draft.pk) not in html
    for address, data in (
        (t("import_csv", dataset.pk), {"month": "2026-03", "file": csv_file()}),
        (t("add_row", draft.pk), {"nombre": "X", "monto": "1"}),
        (t("edit_row", draft.pk, row.pk), {"nombre": "X", "monto": "1"}),
        (t("delete_row", draft.pk, row.pk), {}),
        (t("discard", draft.pk), {}),
        (t("note", draft.pk), {"note": "x"}),
    ):
        assert refused(as_reviewer.post(address, data)), address
    assert draft.rows.count() == 2

    response = as_reviewer.post(t("publish", draft.pk))

    assert response["Location"] == t("snapshots", dataset.pk)
    draft.refresh_from_db()
    assert draft.is_published and draft.rows.get(position=1).values["monto"] == 1500
    assert logged_by("transparency.import") == logged_by("transparency.edit_row") == [officer]
    assert logged_by("transparency.publish") == [reviewer]


def test_an_officer_prepares_a_month_with_no_movements_for_a_reviewer(login, officer, reviewer, dataset):
    as_officer, as_reviewer = login(officer), login(reviewer)
    form = as_officer.get(t("no_movements", dataset.pk))
    assert "a reviewer publishes it" in form.content.decode()
    assert "Save as a draft" in form.content.decode()

    response = as_officer.post(t("no_movements", dataset.pk), {"month": "2026-02", "note": ""})

    draft = Snapshot.objects.get()
    assert response["Location"] == t("snapshot", draft.pk)
    assert (draft.period, draft.no_movements, draft.row_count, draft.is_published) == (FEBRUARY, True, 0, False)
    assert refused(as_officer.post(t("publish", draft.pk)))
    # Declaring a month empty is the officer's call, not the reviewer's.
    assert refused(as_reviewer.post(t("no_movements", dataset.pk), {"month": "2026-01", "note": ""}))

    as_reviewer.post(t("publish", draft.pk))

    draft.refresh_from_db()
    assert draft.is_published and draft.no_movements
    assert logged_by("transparency.prepare_no_movements") == [officer]
    assert logged_by("transparency.publish") == [reviewer]


def test_an_administrator_publishes_a_month_with_no_movements_at_once(login, administrator, dataset):
    login(administrator).post(t("no_movements", dataset.pk), {"month": "2026-02", "note": ""})

    assert Snapshot.objects.get().is_published
    assert logged_by("transparency.no_movements") == [administrator]


def test_an_officer_corrects_a_month_and_says_why_then_a_reviewer_publishes_it(login, officer, reviewer, published):
    as_officer, as_reviewer = login(officer), login(reviewer)
    assert refused(as_reviewer.post(t("correct", published.pk)))

    as_officer.post(t("correct", published.pk))
    correction = Snapshot.objects.drafts().get()
    page = as_officer.get(t("snapshot", correction.pk))
    html = page.content.decode()
    assert "A reviewer publishes this correction" in html
    assert t("note", correction.pk) in html and t("publish", correction.pk) not in html
    as_officer.post(t("note", correction.pk), {"note": "  Luis Soto's amount was wrong.  "})
    assert refused(as_officer.post(t("publish", correction.pk), {"note": "x"}))

    form = as_reviewer.get(t("snapshot", correction.pk)).context["publish_form"]
    assert form["note"].value() == "Luis Soto's amount was wrong."
    as_reviewer.post(t("publish", correction.pk), {"note": form["note"].value()})

    correction.refresh_from_db()
    published.refresh_from_db()
    assert correction.is_published and correction.correction_note == "Luis Soto's amount was wrong."
    assert published.superseded_at == correction.published_at
    assert logged_by("transparency.correct") == logged_by("transparency.note") == [officer]
    assert logged_by("transparency.publish") == [reviewer]


def test_the_dashboard_tells_officers_and_reviewers_that_drafts_wait(login, officer, reviewer, editor, draft):
    for user in (officer, reviewer):
        dashboard = login(user).get(reverse("wagtailadmin_home")).content.decode()
        assert "1</strong> draft month waits to be published." in dashboard
    assert "draft month" not in login(editor).get(reverse("wagtailadmin_home")).content.decode()


# Regulation versions


def test_an_officer_imports_and_edits_a_version_that_only_a_reviewer_publishes(login, officer, reviewer, regulation):
    as_officer, as_reviewer = login(officer), login(reviewer)
    details = {"effective_from": AMENDMENT.isoformat(), "act_type": "resolucion_exenta", "save": "1"}

    as_officer.post(r("import", regulation.pk), {**details, "text": TEXT_V1})
    amendment = regulation.versions.drafts().get()
    as_officer.post(r("edit", amendment.pk), {**details, "text": TEXT_V2, "summary": "Compra ágil"})
    amendment.refresh_from_db()
    assert amendment.source_text == TEXT_V2
    listing = as_officer.get(r("versions", regulation.pk)).content.decode()
    assert r("edit", amendment.pk) in listing and r("publish", amendment.pk) not in listing
    assert refused(as_officer.get(r("publish", amendment.pk)))
    assert refused(as_officer.post(r("publish", amendment.pk)))
    in_force = regulation.versions.published().get()
    assert refused(as_officer.post(r("withdraw", in_force.pk)))

    # The reviewer reaches the draft from the regulations listing, sees what it changes, and publishes it.
    regulations = as_reviewer.get(reverse("wagtailsnippets_regulations_regulation:list")).content.decode()
    assert r("versions", regulation.pk) in regulations
    listing = as_reviewer.get(r("versions", regulation.pk)).content.decode()
    assert r("publish", amendment.pk) in listing
    assert r("edit", amendment.pk) not in listing and r("import", regulation.pk) not in listing
    confirm = as_reviewer.get(r("publish", amendment.pk))
    changes = confirm.context["changes"]
    assert (changes.added, changes.removed, changes.changed) == (["Article 3 bis"], ["Article 4°"], ["Article 3°"])
    assert "Compared with the version it amends" in confirm.content.decode()
    for address in (r("import", regulation.pk), r("edit", amendment.pk), r("delete", amendment.pk)):
        assert refused(as_reviewer.post(address, {**details, "text": TEXT_V1})), address

    as_reviewer.post(r("publish", amendment.pk))

    amendment.refresh_from_db()
    assert amendment.is_published and amendment.source_text == TEXT_V2
    assert logged_by("regulations.create_version") == logged_by("regulations.edit_version") == [officer]
    assert logged_by("regulations.publish_version") == [reviewer]

    as_reviewer.post(r("withdraw", amendment.pk))
    amendment.refresh_from_db()
    assert not amendment.is_published
    assert logged_by("regulations.withdraw_version") == [reviewer]


def test_a_reviewer_reads_a_draft_on_the_site_before_publishing_it(login, reviewer, regulation, amendment):
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = publish(home.add_child(instance=RegulationIndexPage(title="Reglamentos", slug="reglamentos")))
    page = publish(index.add_child(instance=RegulationPage(title="Compras", slug="compras", regulation=regulation)))
    as_reviewer = login(reviewer)

    preview_url = as_reviewer.get(r("publish", amendment.pk)).context["preview_url"]
    assert preview_url == f"{page.url}draft/{amendment.pk}/"
    response = as_reviewer.get(preview_url)

    assert response.status_code == 200
    assert 'id="draft-changes"' in response.content.decode()


# Editors and translators never see datasets, months or regulation versions


@pytest.mark.parametrize("role", [roles.EDITORS, roles.TRANSLATORS])
def test_editors_and_translators_cannot_see_or_touch_months_or_versions(member, login, role, published, amendment):
    user = member(role)
    client = login(user)
    dataset = published.dataset
    correction = snapshots.start_correction(published)
    row = correction.rows.get(position=1)
    in_force = amendment.regulation.versions.published().get()
    addresses = [
        t("obligations"),
        t("snapshots", dataset.pk),
        t("import_csv", dataset.pk),
        t("no_movements", dataset.pk),
        t("snapshot", correction.pk),
        t("publish", correction.pk),
        t("note", correction.pk),
        t("discard", correction.pk),
        t("correct", published.pk),
        t("add_row", correction.pk),
        t("edit_row", correction.pk, row.pk),
        t("delete_row", correction.pk, row.pk),
        r("versions", amendment.regulation_id),
        r("import", amendment.regulation_id),
        r("new_draft", in_force.pk),
        r("edit", amendment.pk),
        r("publish", amendment.pk),
        r("withdraw", in_force.pk),
        r("delete", amendment.pk),
        reverse("wagtailsnippets_transparency_dataset:list"),
        reverse("wagtailsnippets_transparency_dataset:edit", args=[dataset.pk]),
        reverse("wagtailsnippets_transparency_datasetschema:list"),
        reverse("wagtailsnippets_regulations_regulation:list"),
        reverse("wagtailsnippets_regulations_regulation:edit", args=[amendment.regulation_id]),
    ]
    for address in addresses:
        for method in ("get", "post"):
            if address == t("note", correction.pk) and method == "get":
                continue  # POST only
            assert refused(getattr(client, method)(address, {"note": "x", "month": "2026-02"})), (method, address)

    correction.refresh_from_db()
    assert not correction.is_published and correction.correction_note == "" and correction.rows.count() == 2
    assert Version.objects.get(pk=amendment.pk).published_at is None
    assert Version.objects.get(pk=in_force.pk).published_at is not None
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    for address in addresses[:1] + addresses[-5:]:
        assert address not in home and address.replace("/", "\\/") not in home, address
    assert "Transparencia Activa" not in home

"""The audit log is Wagtail's: each page's history and Reports → Site history record who submitted,
approved, published, withdrew or deleted what, and every role reaches them from the admin. The
Transparencia Activa months' publications are in it too."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from editorial import roles
from tests.editorial.test_roles import standard_page_form
from tests.transparency import conftest as transparency_fixtures

pytestmark = pytest.mark.django_db

dataset, pay_schema = transparency_fixtures.dataset, transparency_fixtures.pay_schema  # a dataset to report on

SITE_HISTORY = reverse("wagtailadmin_reports:site_history")
MONTH_CSV = "nombre,remuneracion_bruta\nAna Pérez,1000\n".encode()


def history_url(page):
    return reverse("wagtailadmin_pages:history", args=[page.pk])


def logged(client, url, instance=None, **params):
    """(action, username) of each entry the history lists, newest first; only `instance`'s if given."""
    response = client.get(url, params)
    assert response.status_code == 200
    return [
        (entry.action, entry.user.username if entry.user else None)
        for entry in response.context["object_list"]
        if instance is None or is_about(entry, instance)
    ]


def is_about(entry, instance):
    return entry.content_type.model_class() is type(instance) and str(entry.object_id) == str(instance.pk)


@pytest.fixture
def reviewed_page(editor, reviewer, standard_pages, client):
    """An editor's change to a live page, submitted for review and approved by a reviewer."""
    spanish = standard_pages[0]
    client.force_login(editor)
    form = standard_page_form(spanish, title="Quiénes somos y qué hacemos", **{"action-submit": "1"})
    assert client.post(reverse("wagtailadmin_pages:edit", args=[spanish.pk]), form).status_code == 302
    task_state = spanish.current_workflow_state.current_task_state
    client.force_login(reviewer)
    approve = reverse("wagtailadmin_pages:workflow_action", args=[spanish.pk, "approve", task_state.pk])
    client.post(approve, {"comment": "Revisado, correcto."})
    spanish.refresh_from_db()
    assert spanish.title == "Quiénes somos y qué hacemos"
    return spanish


def test_the_pages_history_shows_the_submission_approval_and_publication(
    reviewed_page, editor, reviewer, administrator, client
):
    client.force_login(administrator)

    assert logged(client, history_url(reviewed_page))[:5] == [
        ("wagtail.publish", reviewer.username),
        ("wagtail.rename", reviewer.username),  # the approved change gave the page a new title
        ("wagtail.workflow.approve", reviewer.username),
        ("wagtail.workflow.start", editor.username),
        ("wagtail.edit", editor.username),
    ]
    html = client.get(history_url(reviewed_page)).content.decode()
    assert "Revisado, correcto." in html  # the reviewer's comment on the approval


def test_the_site_history_shows_them_to_administrators_and_reviewers(
    reviewed_page, editor, reviewer, administrator, client
):
    """Reviewers, who hold only "publish", read it here: Wagtail's page history asks for add, change or delete."""
    for user in (administrator, reviewer):
        client.force_login(user)

        entries = logged(client, SITE_HISTORY, reviewed_page)

        assert entries[:4] == [
            ("wagtail.publish", reviewer.username),
            ("wagtail.rename", reviewer.username),
            ("wagtail.workflow.approve", reviewer.username),
            ("wagtail.workflow.start", editor.username),
        ]
        approvals = logged(client, SITE_HISTORY, action="wagtail.workflow.approve")
        assert approvals == [("wagtail.workflow.approve", reviewer.username)]


def test_withdrawals_and_deletions_are_in_the_site_history(reviewer, administrator, standard_pages, client):
    english = standard_pages[1]
    client.force_login(reviewer)
    client.post(reverse("wagtailadmin_pages:unpublish", args=[english.pk]), {})
    client.force_login(administrator)
    client.post(reverse("wagtailadmin_pages:delete", args=[english.pk]), {})

    entries = logged(client, SITE_HISTORY)

    assert entries[:2] == [("wagtail.delete", administrator.username), ("wagtail.unpublish", reviewer.username)]


@pytest.mark.parametrize(
    "role", [roles.EDITORS, roles.OFFICERS, roles.REVIEWERS, roles.TRANSLATORS, roles.ADMINISTRATORS]
)
def test_every_role_reaches_the_site_history_from_the_reports_menu(role, member, section_pages, client):
    """Wagtail shows it to users with a page grant somewhere: officers' are on their sections' pages."""
    client.force_login(member(role))

    assert SITE_HISTORY in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(SITE_HISTORY).status_code == 200


def test_those_who_edit_a_page_read_its_history(
    reviewed_page, editor, translator, administrator, standard_pages, client
):
    english = standard_pages[1]
    for user, page in ((editor, reviewed_page), (administrator, reviewed_page), (translator, english)):
        client.force_login(user)
        assert client.get(history_url(page)).status_code == 200, user.username


def test_transparency_months_are_in_the_site_history(officer, reviewer, administrator, editor, dataset, client):
    with time_machine.travel(datetime.datetime(2026, 4, 20, 10, tzinfo=zoneinfo.ZoneInfo("America/Santiago"))):
        client.force_login(officer)
        upload = SimpleUploadedFile("marzo.csv", MONTH_CSV)
        response = client.post(
            reverse("transparency_admin:import_csv", args=[dataset.pk]), {"month": "2026-03", "file": upload}
        )
        assert response.status_code == 302
        draft = dataset.snapshots.get()
        client.force_login(reviewer)
        client.post(reverse("transparency_admin:publish", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.is_published

    for user in (administrator, officer, reviewer):  # those who work on datasets read their history
        client.force_login(user)
        assert logged(client, SITE_HISTORY, dataset) == [
            ("transparency.publish", reviewer.username),
            ("transparency.import", officer.username),
        ]
    assert "Publish month" in client.get(SITE_HISTORY).content.decode()
    client.force_login(editor)
    assert logged(client, SITE_HISTORY, dataset) == []

"""A page scheduled for the future stays out of sight until its time and then is live, and an expiry
takes a live page down, with no step beyond the scheduler that `make run` starts beside the server
(`manage.py run_scheduler`, Wagtail's `publish_scheduled` in a loop). The go-live and expiry times
go through the review workflow from the admin's own forms, as an editor and a reviewer set them."""

import datetime
import signal
import threading

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.test.utils.timestamps import submittable_timestamp

from portal.models import StandardPage

pytestmark = pytest.mark.django_db


def run_scheduler():
    """One pass of the companion process, its loop and all: a stop that arrives while it publishes
    (here, before it starts) lets the pass finish and then ends the loop instead of the wait."""
    stop = {signal.SIGTERM}
    signal.pthread_sigmask(signal.SIG_BLOCK, stop)
    try:
        signal.pthread_kill(threading.get_ident(), signal.SIGTERM)
        call_command("run_scheduler", interval=3600)
    finally:
        left_pending = signal.SIGTERM in signal.sigpending()
        if left_pending:
            signal.sigtimedwait(stop, 0)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, stop)
    assert not left_pending, "the scheduler did not take the stop"


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def page_form(title, slug, action, **fields):
    """The page editor's form as the browser posts it, with the button pressed (`action`)."""
    return {
        **nested_form_data(
            {
                "title": title,
                "slug": slug,
                "summary": "Cambios en la atención presencial.",
                "body": streamfield([("paragraph", rich_text("<p>Desde marzo atendemos de 9 a 14 horas.</p>"))]),
            }
        ),
        f"action-{action}": action,
        **fields,
    }


def approve(reviewer, page):
    """The reviewer's "Approve" (with a comment) on the page awaiting their review."""
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    response = logged_in(reviewer).post(url, {"comment": "Revisado."})
    assert response.status_code == 302
    assert WorkflowState.objects.get(pk=task_state.workflow_state_id).status == WorkflowState.STATUS_APPROVED


def public(page):
    """(status of the public page for an anonymous reader, is it in the API's list, its API item's status)."""
    reader = Client()
    listed = reader.get("/api/v1/content", {"type": "page", "locale": "es", "limit": 100}).json()["items"]
    return (
        reader.get(page.url).status_code,
        page.pk in {item["id"] for item in listed},
        reader.get(f"/api/v1/content/{page.pk}").status_code,
    )


VISIBLE = (200, True, 302)
HIDDEN = (404, False, 404)


def next_minute(delta):
    """The admin's date-time fields are to the minute."""
    return (timezone.now() + delta).replace(second=0, microsecond=0) + datetime.timedelta(minutes=1)


def test_a_scheduled_page_goes_live_at_its_time_and_not_before(home_es, editor, reviewer):
    go_live_at = next_minute(datetime.timedelta(hours=1))
    add_url = reverse("wagtailadmin_pages:add", args=("portal", "standardpage", home_es.pk))
    form = page_form("Nuevo horario", "nuevo-horario", "submit", go_live_at=submittable_timestamp(go_live_at))
    assert logged_in(editor).post(add_url, form).status_code == 302
    page = StandardPage.objects.get(slug="nuevo-horario")
    assert page.go_live_at == go_live_at and not page.live

    approve(reviewer, page)
    page.refresh_from_db()
    assert not page.live and page.revisions.get(approved_go_live_at=go_live_at)
    assert public(page) == HIDDEN

    run_scheduler()  # the scheduler keeps running until the time comes: nothing happens before it
    assert public(page) == HIDDEN

    with time_machine.travel(go_live_at + datetime.timedelta(seconds=30), tick=False):
        assert public(page) == HIDDEN  # the time has come, but only the scheduler publishes
        run_scheduler()
        assert public(page) == VISIBLE
        page.refresh_from_db()
        assert page.first_published_at == go_live_at + datetime.timedelta(seconds=30)


def test_an_expiry_takes_a_live_page_down_at_its_time(home_es, editor, reviewer):
    page = StandardPage.objects.get(locale=home_es.locale, slug="accesibilidad")
    assert public(page) == VISIBLE
    expire_at = next_minute(datetime.timedelta(days=30))
    form = page_form(page.title, page.slug, "submit", expire_at=submittable_timestamp(expire_at))
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert logged_in(editor).post(edit_url, form).status_code == 302

    approve(reviewer, page)
    page.refresh_from_db()
    assert page.live and page.expire_at == expire_at
    run_scheduler()
    assert public(page) == VISIBLE

    with time_machine.travel(expire_at + datetime.timedelta(seconds=30), tick=False):
        assert public(page) == VISIBLE  # Wagtail serves a live page until the scheduler takes it down
        run_scheduler()
        assert public(page) == HIDDEN
        page.refresh_from_db()
        assert page.expired and not page.live

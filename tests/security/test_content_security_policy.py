"""Which Content-Security-Policy each part of the site sends: strict for readers' pages, looser for
Wagtail's admin (its inline scripts), and previews framed by the admin only. tests/browser check in
Chromium that no page breaks its policy."""

import pytest
from django.urls import reverse

from notes.models import NotePage
from tests.conftest import in_english, load_demo


def policy(response):
    return dict(directive.split(" ", 1) for directive in response["Content-Security-Policy"].split("; "))


@pytest.fixture
def note(db):
    load_demo("notes")
    return NotePage.objects.live().filter(locale__language_code="es").first()


@pytest.mark.django_db
def test_public_pages_allow_only_the_portals_own_scripts_and_styles(client, note):
    for response in (client.get(note.url), client.get("/es/no-existe/"), client.get(reverse("search") + "?q=x")):
        directives = policy(response)
        assert directives["script-src"] == directives["style-src"] == "'self'"
        assert directives["default-src"] == "'self'"
        assert directives["img-src"] == "'self' data:"
        assert directives["object-src"] == directives["frame-ancestors"] == "'none'"
        assert directives["base-uri"] == directives["form-action"] == "'self'"


@pytest.mark.django_db
def test_the_admin_allows_its_inline_code_but_nothing_from_elsewhere(client, note, django_user_model):
    client.force_login(in_english(django_user_model.objects.create_superuser("admin", "a@example.cl", "x")))
    directives = policy(client.get(reverse("wagtailadmin_pages:edit", args=[note.pk])))
    assert directives["script-src"] == directives["style-src"] == "'self' 'unsafe-inline'"
    assert directives["frame-ancestors"] == "'self'"  # its own preview panel
    assert directives["object-src"] == "'none'"
    assert directives["default-src"] == directives["base-uri"] == directives["form-action"] == "'self'"


@pytest.mark.django_db
def test_a_preview_keeps_the_public_policy_and_only_the_admin_may_frame_it(note):
    directives = policy(note.make_preview_request())
    assert directives["script-src"] == directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'self'"

"""Translating with wagtail-localize under review: the English page starts as a draft, the
translator works in the editor or with a PO file, submits for review, a reviewer publishes;
after the Spanish page changes, syncing brings the new text without publishing it."""

import io

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation

from portal.models import StandardPage
from tests.conftest import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish_page(home_es):
    page = StandardPage(
        title="Datos abiertos",
        slug="datos-abiertos",
        summary="Conjuntos de datos reutilizables.",
        body=[("paragraph", "<p>Publicamos los datos en formatos abiertos.</p>")],
    )
    home_es.add_child(instance=page)
    return publish(page)


ENGLISH = {
    "Datos abiertos": "Open data",
    "datos-abiertos": "open-data",
    "Conjuntos de datos reutilizables.": "Reusable datasets.",
    "Publicamos los datos en formatos abiertos.": "We publish the data in open formats.",
}


def translate(client, spanish_page, english):
    """What a translator does first: Translate → English, from the page's menu."""
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[spanish_page.pk]), {"locales": [english.pk]}
    )
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=spanish_page.translation_key, target_locale=english)


def fill_in_with_a_po_file(client, translation, texts):
    """Download the PO file, translate it offline, upload it, as translators' tools do."""
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    for entry in po:
        entry.msgstr = texts.get(entry.msgid, "")
    upload = SimpleUploadedFile("english.po", str(po).encode(), content_type="text/x-gettext-translation")
    client.post(reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload})


def approve(client, reviewer, page):
    client.force_login(reviewer)
    task_state = page.current_workflow_state.current_task_state
    client.post(reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]), {"comment": ""})


def test_a_translation_starts_as_a_draft_and_goes_live_after_review(
    translator, reviewer, spanish_page, english, home_en, client
):
    client.force_login(translator)
    translation = translate(client, spanish_page, english)
    page_en = spanish_page.get_translation(english)
    assert not page_en.live
    assert client.get(f"/en/{spanish_page.slug}/").status_code == 404

    fill_in_with_a_po_file(client, translation, ENGLISH)
    editor_page = client.get(reverse("wagtailadmin_pages:edit", args=[page_en.pk])).content.decode()
    assert "Submit translation for review" in editor_page

    response = client.post(reverse("editorial_submit_translation_for_review", args=[translation.pk]))
    assert response.status_code == 302
    page_en = Page.objects.get(pk=page_en.pk).specific
    assert not page_en.live
    assert page_en.get_latest_revision().content["title"] == "Open data"
    assert page_en.current_workflow_state.status == "in_progress"

    approve(client, reviewer, page_en)
    page_en = Page.objects.get(pk=page_en.pk).specific
    assert page_en.live and page_en.title == "Open data"
    client.logout()
    response = client.get(page_en.url)
    assert response.status_code == 200
    assert "We publish the data in open formats." in response.content.decode()


def test_a_translator_cannot_publish_from_the_translation_editor(translator, spanish_page, english, client):
    client.force_login(translator)
    translation = translate(client, spanish_page, english)
    fill_in_with_a_po_file(client, translation, ENGLISH)
    page_en = spanish_page.get_translation(english)
    client.post(reverse("wagtailadmin_pages:edit", args=[page_en.pk]), {"action": "publish"})
    assert not Page.objects.get(pk=page_en.pk).live


def test_a_translator_cannot_change_the_spanish_source(translator, spanish_page, english, client):
    client.force_login(translator)
    translate(client, spanish_page, english)
    client.post(reverse("wagtailadmin_pages:edit", args=[spanish_page.pk]), {"title": "x", "action-publish": "1"})
    spanish_page = Page.objects.get(pk=spanish_page.pk)
    assert spanish_page.title == "Datos abiertos" and not spanish_page.has_unpublished_changes


def test_after_the_spanish_page_changes_syncing_brings_the_new_text_for_review(
    translator, reviewer, spanish_page, english, client
):
    client.force_login(translator)
    translation = translate(client, spanish_page, english)
    fill_in_with_a_po_file(client, translation, ENGLISH)
    client.post(reverse("editorial_submit_translation_for_review", args=[translation.pk]))
    page_en = spanish_page.get_translation(english)
    approve(client, reviewer, page_en)

    spanish_page.summary = "Conjuntos de datos reutilizables, actualizados cada mes."
    publish(spanish_page)

    client.force_login(translator)
    sync_url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    form = client.get(sync_url).context["form"]
    assert form.fields["publish_translations"].disabled
    response = client.post(sync_url, {"publish_translations": "on"})  # a forged tick changes nothing
    assert response.status_code == 302
    page_en = Page.objects.get(pk=page_en.pk).specific
    assert page_en.summary == "Reusable datasets."  # the live English page is untouched

    fill_in_with_a_po_file(
        client, translation, {**ENGLISH, "Conjuntos de datos reutilizables, actualizados cada mes.": "Reusable datasets, updated monthly."}
    )
    client.post(reverse("editorial_submit_translation_for_review", args=[translation.pk]))
    approve(client, reviewer, page_en)
    assert Page.objects.get(pk=page_en.pk).specific.summary == "Reusable datasets, updated monthly."


def test_administrators_may_still_publish_a_sync_at_once(administrator, spanish_page, english, client):
    client.force_login(administrator)
    translation = translate(client, spanish_page, english)
    form = client.get(reverse("wagtail_localize:update_translations", args=[translation.source.pk])).context["form"]
    assert not form.fields["publish_translations"].disabled


def test_po_download_names_the_page_and_language(translator, spanish_page, english, client):
    client.force_login(translator)
    translation = translate(client, spanish_page, english)
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert "datos-abiertos-en.po" in response["Content-Disposition"]
    assert {entry.msgid for entry in polib.pofile(io.StringIO(response.content.decode()).read())} >= set(ENGLISH) - {
        "datos-abiertos"
    }

"""Editors: one edition a month in each language, a preview before saving, and the authoring teams."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from notes.models import NotePage, Team
from tests.conftest import in_english
from tests.notes.conftest import month

DUPLICATE_MONTH = "There is already an edition for November 2026 in this language: “Inteligencia artificial responsable”."


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(in_english(django_user_model.objects.create_superuser("editor", "editor@example.cl", "x")))
    return client


def note_form(title, slug, number, edition_month, **fields):
    """The add form's data; `fields` as posted (a list is one field's several values)."""
    return {
        **nested_form_data(
            {
                "title": title,
                "slug": slug,
                "edition_number": number,
                "edition_month": edition_month,
                "summary": "Un resumen.",
                "body": streamfield([("paragraph", rich_text("<p>Texto de la edición.</p>"))]),
                "related_notes": streamfield([]),
                "tags": "datos, ia",
            }
        ),
        **fields,
    }


def add_note_in_admin(client, index, data):
    url = reverse("wagtailadmin_pages:add", args=("notes", "notepage", index.pk))
    return client.post(url, {**data, "action-publish": "publish"})


def test_the_admin_refuses_a_second_edition_for_a_month_in_the_same_language(editor_client, notes, notes_index, notes_index_en):
    response = add_note_in_admin(editor_client, notes_index, note_form("Otra de noviembre", "otra-de-noviembre", 9, "2026-11"))
    assert response.status_code == 200
    assert response.context["form"].errors["edition_month"] == [
        DUPLICATE_MONTH + " Edit that edition, or choose another month."
    ]
    assert not NotePage.objects.filter(slug="otra-de-noviembre").exists()

    response = add_note_in_admin(editor_client, notes_index_en, note_form("November in English", "november", 4, "2026-11"))
    assert response.status_code == 302
    english = NotePage.objects.get(slug="november")
    assert english.live and english.edition_month == month(2026, 11) and english.locale.language_code == "en"


def test_full_clean_refuses_the_same_month_in_the_same_language_only(notes, english_note):
    first = notes[0]
    first.edition_month = month(2026, 11)
    with pytest.raises(ValidationError) as refused, translation.override("en"):
        first.full_clean()
    assert refused.value.message_dict["edition_month"][0].startswith(DUPLICATE_MONTH)

    english_note.full_clean()  # November in English beside November in Spanish


def preview_new_note(client, index, data):
    url = reverse("wagtailadmin_pages:preview_on_add", args=("notes", "notepage", index.pk))
    assert client.post(url, data).json()["is_valid"]
    return client.get(url).content.decode()


def test_preview_of_a_new_note_before_it_is_saved(editor_client, notes, notes_index):
    page = preview_new_note(editor_client, notes_index, note_form("Borrador de diciembre", "borrador", 9, "2026-12"))
    assert "<h1>Borrador de diciembre</h1>" in page
    assert '<a href="/es/notas/inteligencia-artificial-responsable/" rel="prev">' in page
    assert "Datos abiertos del Senado" in page  # shares the tag "datos"


def test_preview_of_a_new_note_with_its_team(editor_client, notes, notes_index, digital_government):
    data = note_form("Borrador de diciembre", "borrador", 9, "2026-12", teams=[digital_government.pk])
    assert "División de Gobierno Digital" in preview_new_note(editor_client, notes_index, data)


def test_authoring_teams_in_the_admin_menu_with_their_language(editor_client, digital_government, data_unit):
    assert "Authoring teams" in editor_client.get(reverse("wagtailadmin_home")).content.decode()
    listing = editor_client.get(reverse(Team.snippet_viewset.get_url_name("list"))).content.decode()
    rows = re.findall(r'<span id="snippet_\d+_title">([^<]+)</span>.*?w-status--label">\s*(\w+)\s*</span>', listing, re.S)
    assert sorted(rows) == [
        ("Digital Government Division", "English"),
        ("División de Gobierno Digital", "Spanish"),
        ("Unidad de Datos", "Spanish"),
    ]


def copy_in_admin(client, page, parent, slug, **options):
    return client.post(
        reverse("wagtailadmin_pages:copy", args=(page.pk,)),
        {"new_title": "Copia", "new_slug": slug, "new_parent_page": parent.pk, **options},
    )


def test_a_copied_note_starts_as_a_draft_that_must_change_month_before_it_is_published(editor_client, notes, notes_index):
    november = NotePage.objects.get(slug="inteligencia-artificial-responsable")
    refused = copy_in_admin(editor_client, november, notes_index, "copia-publicada", publish_copies="on")
    assert refused.status_code == 200
    assert "A copy of a note cannot be published or aliased" in refused.content.decode()
    aliased = copy_in_admin(editor_client, november, notes_index, "copia-alias", alias="on")
    assert "A copy of a note cannot be published or aliased" in aliased.content.decode()
    assert not NotePage.objects.filter(slug__in=["copia-publicada", "copia-alias"]).exists()

    assert copy_in_admin(editor_client, november, notes_index, "copia-borrador").status_code == 302
    draft = NotePage.objects.get(slug="copia-borrador")
    assert not draft.live
    with pytest.raises(ValidationError) as refused_publish:
        draft.full_clean()
    assert set(refused_publish.value.message_dict) == {"edition_month", "edition_number"}


def test_the_archive_copied_with_its_notes_cannot_publish_them_twice(editor_client, notes, notes_index, home_es):
    response = copy_in_admin(editor_client, notes_index, home_es, "notas-2", copy_subpages="on", publish_copies="on")
    assert "A copy of a note cannot be published or aliased" in response.content.decode()
    assert NotePage.objects.count() == 4


def test_a_note_with_a_pending_draft_opens_in_the_editor_with_its_team(editor_client, notes, digital_government):
    """The form of a page with unpublished changes is built from its draft, whose teams are a list."""
    note = notes[0]
    note.teams = [digital_government]
    note.summary = "Un borrador pendiente."
    note.save_revision()
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[note.pk]))
    assert response.status_code == 200
    assert digital_government in response.context["form"].fields["teams"].queryset

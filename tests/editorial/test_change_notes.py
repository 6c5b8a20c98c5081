"""Public change notes: an editor marks a publication as a major change and says what changed;
readers see "last updated" and the change history on the page, journalists the same in the API."""

import datetime
import re

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone, translation
from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from editorial.models import ChangeNote
from portal.forms import PortalPageForm
from portal.models import StandardPage
from tests.conftest import publish
from tests.editorial.test_translation_workflow import ENGLISH, approve, fill_in_with_a_po_file, translate

pytestmark = pytest.mark.django_db

NOTE = "Ahora publicamos los datos cada semana."
NOTE_EN = "We now publish the data every week."


@pytest.fixture
def page(home_es):
    """A live Spanish page, first published a month ago."""
    with time_machine.travel(timezone.now() - datetime.timedelta(days=30), tick=False):
        page = StandardPage(title="Datos abiertos", slug="datos-abiertos", summary="Conjuntos de datos reutilizables.")
        home_es.add_child(instance=page)
        return publish(page)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def page_form(page, action, **fields):
    """The standard page's editor as the browser posts it, with the button pressed (`action`)."""
    return {
        **nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "summary": "Conjuntos de datos reutilizables, cada semana.",
                "body": streamfield([("paragraph", rich_text("<p>Publicamos los datos cada semana.</p>"))]),
                "comments": [],
            }
        ),
        f"action-{action}": action,
        **fields,
    }


def local_iso(moment):
    return timezone.localtime(moment).isoformat()


def shown_history(client, url):
    """What the page says about its publication: the dates in its summary line, and the change history's
    entries as (date, text), or None when it has no history to disclose."""
    html = client.get(url).content.decode()
    block = re.search(r'<div class="page-history">(.*?)</div>', html, re.S).group(1)
    meta = re.search(r'<p class="page-meta">(.*?)</p>', block, re.S).group(1)
    details = re.search(r"<details[^>]*>\s*<summary>[^<]+</summary>(.*?)</details>", block, re.S)
    entries = details and [
        (iso, " ".join(text.split()))
        for iso, text in re.findall(r'<li><time datetime="([^"]+)">[^<]+</time>:(.*?)</li>', details.group(1), re.S)
    ]
    return re.findall(r'<time datetime="([^"]+)">', meta), " ".join(re.sub(r"<[^>]+>", "", meta).split()), entries


def api_history(client, page):
    return client.get(f"/api/v1/pages/{page.pk}").json()["history"]


def json_moment(moment):
    """A date-time as the API writes it (ISO 8601 in UTC, to the millisecond)."""
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def test_every_page_type_has_the_change_note_in_its_editor():
    for model in get_page_models():
        if model is Page:
            continue
        form_class = model.get_edit_handler().get_form_class()
        assert issubclass(form_class, PortalPageForm), model
        assert {"major_change", "change_note"} <= set(form_class.base_fields), model


def test_the_editor_shows_a_labelled_change_note_panel(client, administrator, page):
    client.force_login(administrator)
    html = client.get(edit_url(page)).content.decode()
    assert "Public change note" in html
    assert 'name="major_change"' in html and 'name="change_note"' in html


def test_a_major_change_without_a_note_is_refused_and_nothing_is_saved(client, administrator, page):
    client.force_login(administrator)
    revisions = page.revisions.count()
    response = client.post(edit_url(page), page_form(page, "publish", major_change="on", change_note="  "))
    assert response.status_code == 200
    assert "change_note" in response.context["form"].errors
    assert "Say what changed for readers, or untick “major change” if they need not know." in response.content.decode()
    assert page.revisions.count() == revisions and not ChangeNote.objects.filter(page_id=page.pk).exists()


def test_a_major_change_is_on_the_page_and_in_the_api(client, administrator, page):
    client.force_login(administrator)
    response = client.post(edit_url(page), page_form(page, "publish", major_change="on", change_note=NOTE))
    assert response.status_code == 302
    page.refresh_from_db()
    first, changed = page.first_published_at, page.last_published_at
    assert changed - first > datetime.timedelta(days=29)

    client.logout()
    times, line, entries = shown_history(client, page.url)
    assert times == [local_iso(first), local_iso(changed)]  # "Publicado el …" and "Última actualización …"
    with translation.override("es"):
        assert formats.date_format(timezone.localtime(changed), "DATE_FORMAT") in line  # e.g. "4 de mayo de 2026"
    assert [iso for iso, _text in entries] == [local_iso(changed), local_iso(first)]  # newest first
    assert entries[0][1] == NOTE

    assert api_history(client, page) == [
        {"at": json_moment(changed), "note": NOTE},
        {"at": json_moment(first), "note": None},
    ]


def test_a_minor_change_leaves_the_history_as_it_was(client, administrator, page):
    client.force_login(administrator)
    client.post(edit_url(page), page_form(page, "publish", change_note="Corregimos una errata."))  # not ticked
    page.refresh_from_db()
    assert page.last_published_at > page.first_published_at

    client.logout()
    times, _line, entries = shown_history(client, page.url)
    assert times == [local_iso(page.first_published_at)] and entries is None  # "Publicado el …" only
    assert api_history(client, page) == [{"at": json_moment(page.first_published_at), "note": None}]


def test_a_first_publication_is_its_own_entry_even_when_ticked(client, home_es):
    page = StandardPage(title="Nueva", slug="nueva", major_change=True, change_note="Primera versión.")
    home_es.add_child(instance=page)
    page = publish(page)
    assert not ChangeNote.objects.filter(page_id=page.pk).exists()
    assert [entry["note"] for entry in api_history(client, page)] == [None]


def test_the_note_starts_blank_for_the_next_round_but_a_draft_keeps_it(client, administrator, page):
    client.force_login(administrator)
    client.post(edit_url(page), page_form(page, "publish", major_change="on", change_note=NOTE))

    form = client.get(edit_url(page)).context["form"]
    assert form["major_change"].value() is False and form["change_note"].value() == ""

    client.post(edit_url(page), page_form(page, "save", major_change="on", change_note="Nuevas columnas."))
    form = client.get(edit_url(page)).context["form"]
    assert form["major_change"].value() is True and form["change_note"].value() == "Nuevas columnas."
    assert list(ChangeNote.objects.filter(page_id=page.pk).values_list("note", flat=True)) == [NOTE]  # a draft is not public


def test_a_reviewers_approval_publishes_the_note(client, editor, reviewer, page):
    client.force_login(editor)
    response = client.post(edit_url(page), page_form(page, "submit", major_change="on", change_note=NOTE))
    assert response.status_code == 302
    assert not ChangeNote.objects.filter(page_id=page.pk).exists()  # awaiting review

    page = Page.objects.get(pk=page.pk).specific
    approve(client, reviewer, page)
    page.refresh_from_db()
    assert not page.has_unpublished_changes
    (note,) = ChangeNote.objects.filter(page_id=page.pk)
    assert (note.page_id, note.note, note.published_at) == (page.pk, NOTE, page.last_published_at)
    client.logout()
    assert shown_history(client, page.url)[2][0] == (local_iso(page.last_published_at), NOTE)


@pytest.mark.parametrize("withdrawn", [False, True], ids=["live page", "withdrawn page"])
def test_a_scheduled_major_change_is_recorded_when_it_goes_live(client, page, withdrawn):
    if withdrawn:
        publish(page).unpublish()  # a page published twice, then withdrawn
        page = Page.objects.get(pk=page.pk).specific
    go_live_at = timezone.now() + datetime.timedelta(days=1)
    page.go_live_at = go_live_at
    page.major_change, page.change_note = True, NOTE
    page.save_revision().publish()
    assert not ChangeNote.objects.filter(page_id=page.pk).exists()  # approved for tomorrow, not public yet

    with time_machine.travel(go_live_at + datetime.timedelta(seconds=30), tick=False):
        call_command("publish_scheduled")
    (note,) = ChangeNote.objects.filter(page_id=page.pk)
    assert note.note == NOTE and note.published_at == go_live_at + datetime.timedelta(seconds=30)
    assert api_history(client, page)[0]["note"] == NOTE


def test_the_english_page_records_its_translated_note_never_the_spanish_one(
    client, administrator, translator, reviewer, page, english, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    translation_ = translate(client, page, english)
    fill_in_with_a_po_file(client, translation_, {**ENGLISH, "Conjuntos de datos reutilizables.": "Reusable datasets."})
    client.post(reverse("editorial_submit_translation_for_review", args=[translation_.pk]))
    page_en = Page.objects.get(pk=page.get_translation(english).pk).specific
    approve(client, reviewer, page_en)

    client.force_login(administrator)
    client.post(edit_url(page), page_form(page, "publish", major_change="on", change_note=NOTE))
    # Syncing publishes the English page at once (an administrator may): the note is not translated yet.
    sync_url = reverse("wagtail_localize:update_translations", args=[translation_.source.pk])
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes once the sync commits
        client.post(sync_url, {"publish_translations": "on"})
    page_en.refresh_from_db()
    assert page_en.change_note == NOTE and page_en.last_published_at > page_en.first_published_at
    assert not ChangeNote.objects.filter(page=page_en).exists()
    client.logout()
    assert NOTE not in client.get(page_en.url).content.decode()

    translated = {
        **ENGLISH,
        "Conjuntos de datos reutilizables, cada semana.": "Reusable datasets, every week.",
        "Publicamos los datos cada semana.": "We publish the data every week.",
        NOTE: NOTE_EN,
    }
    client.force_login(translator)
    fill_in_with_a_po_file(client, translation_, translated)
    client.post(reverse("editorial_submit_translation_for_review", args=[translation_.pk]))
    approve(client, reviewer, page_en)
    assert list(ChangeNote.objects.filter(page=page_en).values_list("note", flat=True)) == [NOTE_EN]

    client.force_login(translator)  # a later fix to the translation is not a new change
    fill_in_with_a_po_file(client, translation_, {**translated, "Datos abiertos": "Open data portal"})
    client.post(reverse("editorial_submit_translation_for_review", args=[translation_.pk]))
    approve(client, reviewer, page_en)
    page_en.refresh_from_db()
    assert page_en.title == "Open data portal"
    assert list(ChangeNote.objects.filter(page=page_en).values_list("note", flat=True)) == [NOTE_EN]

    client.logout()
    times, line, entries = shown_history(client, page_en.url)
    assert line.startswith("Published on ") and "Last updated " in line
    assert [text for _iso, text in entries] == [NOTE_EN, "first published"]
    assert [entry["note"] for entry in api_history(client, page_en)] == [NOTE_EN, None]


def test_the_history_costs_one_query_however_long(client, page, django_assert_max_num_queries):
    def queries_to_show():
        with CaptureQueriesContext(connection) as page_queries:
            assert client.get(page.url).status_code == 200
        with CaptureQueriesContext(connection) as api_queries:
            assert client.get(f"/api/v1/pages/{page.pk}").status_code == 200
        return len(page_queries), len(api_queries)

    def major_change(number):
        live = Page.objects.get(pk=page.pk).specific
        live.major_change, live.change_note = True, f"Cambio número {number}."
        publish(live)

    major_change(1)
    # the page as before, plus one query for its history (and three for the page frame: breadcrumbs,
    # the accessibility statement and its translation)
    with django_assert_max_num_queries(17):
        client.get(page.url)
    short = queries_to_show()
    for number in range(2, 8):
        major_change(number)
    assert len(api_history(client, page)) == 8
    assert queries_to_show() == short

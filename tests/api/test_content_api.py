"""/api/v1/content, the changes list and page details, as a journalist's script meets them: filters,
pagination that holds while content changes, HTTP caching, CORS, limits and JSON errors."""

import base64
import datetime
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from notes.models import NotePage
from portal.models import StandardPage
from portal.ratelimits import client_address
from tests.conftest import publish
from tests.faq.conftest import english_faq, english_question, faq_index, procurement, question, transparency  # noqa: F401
from tests.notes.conftest import (  # noqa: F401  (fixtures)
    add_note,
    data_unit,
    digital_government,
    english_note,
    month,
    notes,
    notes_index,
    notes_index_en,
)
from tests.search.conftest import elasticsearch  # noqa: F401

NOTE_TITLES = ["Inteligencia artificial responsable", "Datos abiertos del Senado", "Firma electrónica para todos", "Balance de 2025"]


@pytest.fixture
def dated_notes(notes):
    """The four Spanish notes first published on the 5th of their month, oldest first; the latest
    changed again on 2026-11-20."""
    for note in notes:
        first = timezone.make_aware(datetime.datetime.combine(note.edition_month.replace(day=5), datetime.time(10)))
        NotePage.objects.filter(pk=note.pk).update(first_published_at=first, last_published_at=first)
    latest_change = timezone.make_aware(datetime.datetime(2026, 11, 20, 10))
    NotePage.objects.filter(pk=notes[-1].pk).update(last_published_at=latest_change)
    return notes


def get(client, path="/api/v1/content", **params):
    response = client.get(path, params)
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response


def titles(client, **params):
    response = get(client, **params)
    assert response.status_code == 200, response.json()
    return [item["title"] for item in response.json()["items"]]


def local_path(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_an_item_carries_what_a_journalist_needs(client, dated_notes, english_note):
    body = get(client, type="note", locale="es").json()
    assert body["count"] == 4 and [item["title"] for item in body["items"]] == NOTE_TITLES
    latest = body["items"][0]
    assert latest["type"] == "note" and latest["locale"] == "es"
    assert latest["summary"] == "Resumen de «Inteligencia artificial responsable»."
    assert latest["tags"] == ["datos", "ia"] and latest["category"] is None
    assert latest["first_published_at"] == "2026-11-05T13:00:00Z"  # 10:00 in Santiago, in UTC
    assert latest["last_published_at"] == "2026-11-20T13:00:00Z"
    assert client.get(local_path(latest["url"])).status_code == 200
    assert client.get(local_path(latest["api_url"])).json()["title"] == latest["title"]

    english = get(client, type="note", locale="en").json()["items"]
    assert [item["translation_key"] for item in english] == [latest["translation_key"]]
    assert english[0]["id"] != latest["id"]


def test_every_type_is_listed_with_its_category(client, notes, question, procurement):
    items = get(client, limit=100).json()["items"]
    types = {item["type"] for item in items}
    assert {"home", "page", "notes_index", "note", "faq_index", "faq_category", "question"} <= types
    answer = next(item for item in items if item["type"] == "question")
    assert answer["category"] == {"slug": "transparencia", "title": "Transparencia"}


def test_filters_alone_and_combined(client, dated_notes, english_note, question, english_question):
    assert titles(client, type=["note", "question"], locale="en") == [
        "How long does an answer to a request take?",  # the newest
        "Responsible artificial intelligence",
    ]
    assert titles(client, category="transparencia", locale="es") == ["¿Cuánto demora la respuesta a una solicitud?"]
    assert len(titles(client, category="transparencia")) == 2  # the category in both languages
    assert titles(client, tag="datos", locale="es") == NOTE_TITLES[:2]
    assert titles(client, tag="datos", locale="en") == ["Responsible artificial intelligence"]  # translations keep tags
    assert titles(client, type="note", published_after="2026-09-01") == ["Responsible artificial intelligence", *NOTE_TITLES[:3]]
    assert titles(client, type="note", locale="es", published_after="2026-09-01", published_before="2026-11-01") == NOTE_TITLES[1:3]
    assert titles(client, type="note", locale="es", modified_since="2026-11-10T00:00:00-03:00") == NOTE_TITLES[:1]
    assert titles(client, type="note", locale="es", order="published") == NOTE_TITLES[::-1]
    assert titles(client, type="note", locale="es", order="-modified")[0] == NOTE_TITLES[0]


def test_empty_results_are_an_empty_page(client, dated_notes):
    response = get(client, tag="no-existe")
    assert response.status_code == 200
    assert response.json() == {"count": 0, "next": None, "first": "http://testserver/api/v1/content?tag=no-existe", "items": []}
    assert response["X-Total-Count"] == "0" and 'rel="next"' not in response["Link"]
    assert titles(client, type="note", published_after="2030-01-01") == []
    assert titles(client, category="no-existe") == []


def test_full_text_through_the_search_layer(client, settings, dated_notes, question):
    settings.WAGTAILSEARCH_BACKENDS = {"default": settings.DATABASE_SEARCH}
    call_command("update_index", verbosity=0)
    assert titles(client, q="firma", locale="es") == ["Firma electrónica para todos"]
    assert titles(client, q="firma", type="question") == []
    assert "¿Cuánto demora la respuesta a una solicitud?" in titles(client, q="hábiles")


@pytest.mark.parametrize(
    "params, named",
    [
        ({"published_after": "2026-13-01"}, "published_after"),
        ({"published_before": "ayer"}, "published_before"),
        ({"modified_since": "2026-02-30"}, "modified_since"),
        ({"type": "noticia"}, "type"),
        ({"locale": "fr"}, "locale"),
        ({"limit": "0"}, "limit"),
        ({"limit": "101"}, "limit"),
        ({"order": "title"}, "order"),
        ({"cursor": "no-es-un-cursor"}, "cursor"),
        ({"q": "x" * 201}, "q"),
    ],
)
def test_bad_parameters_are_a_400_that_names_them(client, notes, params, named):
    response = get(client, **params)
    assert response.status_code == 400
    assert response.json()["error"] == "bad_request" and named in response.json()["detail"]


def test_walking_the_pages_lists_each_item_once_while_new_ones_are_published(client, dated_notes, notes_index):
    response = get(client, type="note", limit=3)
    assert response["X-Total-Count"] == "4" and 'rel="next"' in response["Link"] and 'rel="first"' in response["Link"]
    seen = [item["title"] for item in response.json()["items"]]
    add_note(notes_index, 9, month(2026, 12), "Publicada durante el recorrido")  # newer than everything listed
    following = response.json()["next"]
    assert following in response["Link"]
    rest = client.get(local_path(following)).json()
    assert rest["next"] is None
    assert seen + [item["title"] for item in rest["items"]] == NOTE_TITLES


def test_list_queries_do_not_grow_with_page_size_or_items(client, notes, notes_index, question, django_assert_max_num_queries):
    cache.clear()
    with django_assert_max_num_queries(20) as few:
        assert get(client, limit=100).status_code == 200
    for number in range(20):
        add_note(notes_index, 100 + number, month(2010 + number, 1), f"Más notas {number}", tags=["datos", f"t{number}"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = get(client, limit=100).json()
    assert body["count"] >= 30


def test_conditional_get_and_caching_headers(client, notes, notes_index):
    response = get(client, type="note")
    etag, last_modified = response["ETag"], response["Last-Modified"]
    assert response["Cache-Control"] == "public, max-age=60"
    assert "Accept-Language" in response["Vary"]
    assert client.get("/api/v1/content", {"type": "note"}, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/api/v1/content", {"type": "note"}, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304

    add_note(notes_index, 9, month(2026, 12), "Una edición nueva")
    changed = client.get("/api/v1/content", {"type": "note"}, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_cors_lets_any_page_read_and_revalidate(client, notes):
    response = client.get("/api/v1/content", HTTP_ORIGIN="https://diario.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert {"ETag", "Link", "X-Total-Count"} <= {header.strip() for header in response["Access-Control-Expose-Headers"].split(",")}
    preflight = client.options(
        "/api/v1/content",
        HTTP_ORIGIN="https://diario.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert preflight.status_code == 200 and "if-none-match" in preflight["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Origin" not in client.get("/es/", HTTP_ORIGIN="https://diario.example")


def test_a_client_beyond_the_limit_is_told_when_to_come_back(client, settings, notes):
    settings.API_RATE = "3/m"
    assert [client.get("/api/v1/content").status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get("/api/v1/content")
    assert refused.status_code == 429
    assert refused.json()["error"] == "too_many_requests"
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert client.get("/es/").status_code == 200  # the site itself is not limited by the API's allowance


def test_unknown_ids_and_addresses_are_json_404s(client, notes):
    for path in ["/api/v1/notes/999999", "/api/v1/content/999999", "/api/v1/pages/999999", "/api/v1/no-existe", "/api/v1/notes/abc"]:
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json()["error"] == "not_found", path
    note_id = notes[0].pk
    assert client.get(f"/api/v1/pages/{note_id}").status_code == 404  # a note is detailed at /notes/{id}
    assert client.get(f"/api/v1/content/{note_id}")["Location"] == f"/api/v1/notes/{note_id}"


def test_unpublished_private_and_deleted_items_leave_the_list_and_appear_in_changes(client, dated_notes):
    since = timezone.now()
    balance, firma, datos, _latest = dated_notes
    balance.unpublish()
    PageViewRestriction.objects.create(page=firma, restriction_type=PageViewRestriction.LOGIN)
    datos_id = datos.pk
    datos.delete()

    assert titles(client, type="note") == NOTE_TITLES[:1]
    assert client.get(f"/api/v1/notes/{balance.pk}").status_code == 404
    assert client.get(f"/api/v1/notes/{firma.pk}").status_code == 404

    changes = get(client, "/api/v1/changes", since=since.isoformat()).json()["items"]
    assert [(change["id"], change["change"], change["api_url"]) for change in changes] == [
        (balance.pk, "unpublished", None),
        (firma.pk, "unpublished", None),
        (datos_id, "deleted", None),
    ]
    assert get(client, "/api/v1/changes", since="2026-02-30").status_code == 400
    assert get(client, "/api/v1/changes").status_code == 400  # since is required


def test_changes_page_through_in_order(client, dated_notes, notes_index):
    since = timezone.now()
    for number in range(5):
        add_note(notes_index, 20 + number, month(2030, number + 1), f"Cambio {number}")
    first = get(client, "/api/v1/changes", since=since.isoformat(), limit=2).json()
    ids = [change["id"] for change in first["items"]]
    following = first["next"]
    while following:
        page = client.get(local_path(following)).json()
        ids += [change["id"] for change in page["items"]]
        following = page["next"]
    assert ids == list(NotePage.objects.filter(title__startswith="Cambio").order_by("pk").values_list("pk", flat=True))
    assert first["count"] == 5


def test_note_details_render_the_body_with_absolute_urls(client, notes, english_note):
    note = notes[-1]
    detail = get(client, f"/api/v1/notes/{note.pk}").json()
    assert detail["edition_number"] == 4 and detail["edition_month"] == "2026-11"
    assert [team["name"] for team in detail["teams"]] == ["División de Gobierno Digital", "Unidad de Datos"]
    assert 'href="http://testserver/es/notas/"' in detail["body_html"]
    assert detail["blocks"][0]["type"] == "paragraph" and 'href="http://testserver/es/notas/"' in detail["blocks"][0]["html"]
    assert detail["hero_image"]["alt"] == "Ilustración de Inteligencia artificial responsable"
    assert detail["hero_image"]["url"].startswith("http://testserver/")
    assert detail["translations"] == {
        "es": "http://testserver/es/notas/inteligencia-artificial-responsable/",
        "en": "http://testserver/en/notes/responsible-ai/",
    }
    assert detail["translation_ids"] == {"es": note.pk, "en": english_note.pk}
    assert detail["history"] == [{"at": detail["first_published_at"], "note": None}]
    assert set(detail["related"]) <= {page.pk for page in notes}

    english = get(client, f"/api/v1/notes/{english_note.pk}").json()
    assert english["teams"][0]["name"] == "Digital Government Division"  # the team's English name


def test_question_details_have_the_answer_and_its_sources(client, question, english_question, notes):
    question.links = [("note", notes[0])]
    publish(question)
    detail = get(client, f"/api/v1/faq/questions/{question.pk}").json()
    assert detail["see_also"] == [
        {"type": "note", "kind": "Nota mensual", "title": "Balance de 2025", "url": "http://testserver/es/notas/balance-de-2025/", "within": ""}
    ]
    assert "20 días hábiles" in detail["body_html"] and detail["last_reviewed"] == "2026-05-04"
    assert detail["category"]["slug"] == "transparencia"
    assert detail["translations"]["en"] == "http://testserver/en/preguntas-frecuentes/transparencia/plazo/"


def test_a_page_and_its_change_history(client, home_es):
    page = Page.objects.get(slug="quienes-somos").specific
    page = publish(page)  # a minor change: not in the history
    page.major_change, page.change_note = True, "Nuevo organigrama."
    publish(page)
    detail = get(client, f"/api/v1/pages/{page.pk}").json()
    assert detail["type"] == "page" and detail["title"] == "Quiénes somos"
    assert [entry["note"] for entry in detail["history"]] == ["Nuevo organigrama.", None]  # first publication last
    assert detail["history"][0]["at"] > detail["history"][1]["at"] == detail["first_published_at"]
    assert "<p" in detail["body_html"]


@pytest.mark.elasticsearch
def test_full_text_on_elasticsearch_without_accents(client, elasticsearch, dated_notes):
    elasticsearch.refresh_indexes()
    assert titles(client, q="firma electronica", locale="es", type="note") == ["Firma electrónica para todos"]


def test_head_answers_with_the_headers_of_get(client, notes):
    get_response = client.get("/api/v1/content")
    head = client.head("/api/v1/content")
    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == get_response["ETag"] and head["X-Total-Count"] == get_response["X-Total-Count"]


@pytest.mark.parametrize("moment", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00"])
def test_moments_beyond_the_calendar_are_a_400(client, notes, moment):
    response = get(client, published_after=moment)
    assert response.status_code == 400 and "outside the dates" in response.json()["detail"]


def test_changes_logged_against_the_base_page_type_are_listed(client, dated_notes):
    """Scheduled expiry and the admin's bulk actions unpublish plain Page objects."""
    since = timezone.now()
    Page.objects.get(pk=dated_notes[0].pk).unpublish()
    changes = get(client, "/api/v1/changes", since=since.isoformat()).json()["items"]
    assert [(change["id"], change["change"], change["type"]) for change in changes] == [(dated_notes[0].pk, "unpublished", "note")]


def test_a_page_live_without_publication_dates_is_left_out(client, home_es, notes):
    home_es.add_child(instance=StandardPage(title="Sin fechas", slug="sin-fechas", live=True))
    for order in ["-published", "published", "-modified"]:
        response = get(client, order=order, limit=100)
        assert response.status_code == 200
        assert "Sin fechas" not in [item["title"] for item in response.json()["items"]]


def test_a_hand_made_cursor_is_a_400(client, notes):
    for position in ['["2026-01-01T00:00:00+00:00", 1e999]', '["9999-12-31T23:59:00-12:00", 1]', '["2026-01-01", "1"]']:
        cursor = base64.urlsafe_b64encode(position.encode()).decode().rstrip("=")
        assert get(client, cursor=cursor).status_code == 400, position


def test_sources_and_related_questions_leave_private_pages_out(client, question, notes):
    PageViewRestriction.objects.create(page=notes[0], restriction_type=PageViewRestriction.LOGIN)
    question.links = [("note", notes[0]), ("note", notes[1])]
    publish(question)
    detail = get(client, f"/api/v1/faq/questions/{question.pk}").json()
    assert [link["title"] for link in detail["see_also"]] == ["Firma electrónica para todos"]


def test_one_ipv6_client_is_counted_by_its_prefix(rf, settings):
    first, second = rf.get("/", REMOTE_ADDR="2001:db8:1:2::10"), rf.get("/", REMOTE_ADDR="2001:db8:1:2:ffff::1")
    assert client_address("api", first) == client_address("api", second) != client_address("api", rf.get("/", REMOTE_ADDR="2001:db8:1:3::1"))
    assert client_address("api", rf.get("/", REMOTE_ADDR="200.1.2.3")) == "200.1.2.3"

"""The server-side page cache (portal/cache.py): anonymous readers get stored pages and API answers,
and a change an editor publishes is on every page that shows it at once."""

import contextlib
import http.server
import threading

import pytest
from django.core.cache import caches
from django.db import transaction
from wagtail.models import Page

from notes.models import NotePage
from portal.models import SiteSettings
from portal.settings.base import shared_cache
from search.models import SearchQueryStat
from tests.conftest import commit, free_port, publish
from tests.notes.conftest import add_note, data_unit, digital_government, month, notes, notes_index  # noqa: F401

NOTES = "/es/notas/"
# Every place a new note appears: its section, the home page, the section's feed and the API.
LISTINGS = (NOTES, "/es/", "/api/v1/feeds/es/notes.atom", "/api/v1/content?type=note")


@pytest.fixture(params=["memory", "redis"])
def page_cache(request, settings):
    """The page cache on, in the test process's memory and in real Redis as production keeps it."""
    settings.PAGE_CACHE = True
    if request.param == "memory":
        yield  # emptied after each test by tests/conftest.py's empty_cache
        return
    settings.CACHES = {"default": shared_cache(request.getfixturevalue("redis_server").url)}
    yield
    caches["default"].clear()  # the session's Redis: the next test starts without these pages


@pytest.fixture
def committed():
    @contextlib.contextmanager
    def change_committed():
        yield
        commit()

    commit()  # what the fixtures did
    return change_committed


def test_a_repeat_visit_is_answered_without_the_database(client, page_cache, notes, django_assert_num_queries):
    first = client.get(NOTES)
    with django_assert_num_queries(0):
        again = client.get(NOTES)
    assert again.status_code == 200 and again.content == first.content
    assert again["Cache-Control"] == first["Cache-Control"]


def test_each_language_and_encoding_is_kept_apart(client, page_cache, notes):
    for _ in range(2):
        spanish, english = client.get("/es/"), client.get("/en/")
        compressed = client.get("/es/", HTTP_ACCEPT_ENCODING="gzip")
        assert '<html lang="es">' in spanish.content.decode() and '<html lang="en">' in english.content.decode()
        assert compressed["Content-Encoding"] == "gzip" and "Content-Encoding" not in spanish


def test_a_published_note_is_on_every_listing_at_once(client, page_cache, committed, notes_index, notes):
    for path in LISTINGS:
        assert "/ciudadania-digital/" not in client.get(path).content.decode()
    with committed():
        add_note(notes_index, 99, month(2026, 12), "Ciudadanía digital")
    for path in LISTINGS:
        assert "/ciudadania-digital/" in client.get(path).content.decode(), path


def test_an_edited_title_replaces_the_old_one_on_the_page_and_its_listing(client, page_cache, committed, notes):
    note = NotePage.objects.live().first()
    old_title = note.title
    for path in (note.url, NOTES):
        assert old_title in client.get(path).content.decode()
    with committed():
        note.title = "Título corregido"
        publish(note)
    for path in (note.url, NOTES):
        assert "Título corregido" in client.get(path).content.decode(), path


def test_an_unpublished_note_is_gone_from_its_address_and_its_listing(client, page_cache, committed, notes):
    note = NotePage.objects.live().first()
    assert client.get(note.url).status_code == 200 and note.title in client.get(NOTES).content.decode()
    with committed():
        note.unpublish()
    assert client.get(note.url).status_code == 404
    assert note.title not in client.get(NOTES).content.decode()


def test_a_moved_page_answers_at_its_new_address(client, page_cache, committed, demo_site):
    page, new_parent = (Page.objects.get(url_path=f"/inicio/{slug}/") for slug in ("accesibilidad", "solicitar-informacion"))
    old_url = page.url
    assert client.get(old_url).status_code == 200
    with committed():
        page.move(new_parent, pos="last-child")
    moved = Page.objects.get(pk=page.pk)
    assert moved.url != old_url and client.get(moved.url).status_code == 200
    assert client.get(old_url).headers["Location"] == moved.url  # Wagtail's automatic redirect


def test_a_deleted_page_is_gone(client, page_cache, committed, notes):
    note = NotePage.objects.live().first()
    assert client.get(note.url).status_code == 200
    with committed():
        note.delete()
    assert client.get(note.url).status_code == 404
    assert note.title not in client.get(NOTES).content.decode()


def test_site_settings_shown_on_every_page_take_effect_at_once(client, page_cache, committed, notes):
    assert "Declaración de accesibilidad" in client.get(NOTES).content.decode()
    with committed():
        site_settings = SiteSettings.objects.get()
        site_settings.accessibility_statement = None
        site_settings.save()
    assert "Declaración de accesibilidad" not in client.get(NOTES).content.decode()


def test_nothing_is_forgotten_before_the_change_is_committed(client, page_cache, committed, notes):
    """Until the commit, readers must keep the old pages: a page rendered from the old rows and
    stored under a new generation would outlive the change. However many rows a transaction
    changes, the cache is told once."""
    with committed():
        cached = client.get(NOTES).content
        for note in NotePage.objects.live():
            note.title = f"{note.title} (corregida)"
            publish(note)
        assert client.get(NOTES).content == cached
        pending = transaction.get_connection().run_on_commit
        assert [callback.__name__ for _, callback, _ in pending] == ["forget_cached_pages"]
    assert "(corregida)" in client.get(NOTES).content.decode()


def test_signed_in_editors_always_get_a_fresh_page(client, page_cache, notes, admin_user):
    client.get(NOTES)
    client.force_login(admin_user)
    response = client.get(NOTES)
    assert "private" in response["Cache-Control"]
    assert "wagtail-userbar" in response.content.decode()


def test_every_search_is_counted(client, page_cache, notes):
    for _ in range(2):
        response = client.get("/es/buscar/", {"q": "gobierno"})
        assert "private" in response["Cache-Control"]
    assert SearchQueryStat.objects.get(query="gobierno").searches == 2


def test_pages_that_are_not_there_are_not_kept(client, page_cache, committed, notes_index, notes):
    assert client.get("/es/notas/ciudadania-digital/").status_code == 404
    with committed():
        add_note(notes_index, 99, month(2026, 12), "Ciudadanía digital")
    assert client.get("/es/notas/ciudadania-digital/").status_code == 200


class PurgeRecorder(http.server.BaseHTTPRequestHandler):
    """A caching proxy's purge endpoint, as Varnish offers it: records what it is asked to forget."""

    purged = []

    def do_PURGE(self):
        self.purged.append(f"{self.headers['Host']}{self.path}")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def frontend_cache(settings):
    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), PurgeRecorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": f"http://127.0.0.1:{port}"}
    }
    PurgeRecorder.purged = []
    yield PurgeRecorder.purged
    server.shutdown()
    server.server_close()


def test_the_cdn_is_told_to_forget_the_page_and_the_listings_above_it(notes_index, notes, frontend_cache):
    note = add_note(notes_index, 99, month(2026, 12), "Ciudadanía digital")
    host = note.get_site().hostname
    # (Wagtail also purges each address under the other language's prefix.)
    assert {f"{host}/es/notas/ciudadania-digital/", f"{host}/es/notas/", f"{host}/es/"} <= set(frontend_cache)


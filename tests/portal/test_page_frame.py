"""What every citizen-facing page has around its content: breadcrumbs, the menu's search link, the
footer's accessibility statement and language list, display options, error pages in the reader's
language, and headers that let caches keep public pages but never personal ones."""

import gzip
import os
import re
import subprocess
import sys

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import override_settings
from django.utils.cache import get_max_age
from wagtail.models import Locale

from portal.models import HomePage, SiteSettings
from transparency.models import DatasetPage

LEFT_OUT_OF_COLLECTSTATIC = ["admin", "wagtail*", "ninja", "table_block", "wagtail_localize"]
BREADCRUMBS = re.compile(r'<nav class="breadcrumbs[^"]*" aria-label="[^"]+">(.*?)</nav>', re.S)


def crumbs(html):
    """The breadcrumb links' texts, in order; None when the page has no breadcrumbs."""
    found = BREADCRUMBS.search(html)
    return None if found is None else [text.strip() for text in re.findall(r"<a [^>]*>(.*?)</a>", found.group(1))]


@pytest.fixture
def dataset(transparency_demo_site):
    return DatasetPage.objects.live().filter(locale__language_code="es").order_by("path").first()


def test_breadcrumbs_lead_from_the_home_to_the_page_above(client, dataset):
    html = client.get(dataset.url).content.decode()
    assert crumbs(html) == ["Portal de información pública", "Transparencia Activa", dataset.get_parent().title]
    assert 'aria-label="Ruta de navegación"' in html


def test_inside_a_page_the_page_itself_is_the_last_crumb(client, dataset):
    period = dataset.dataset.published_snapshots().first().period
    html = client.get(f"{dataset.url}{period:%Y-%m}/").content.decode()
    assert crumbs(html)[-1] == dataset.title


def test_english_pages_have_english_breadcrumbs(client, dataset):
    english = dataset.get_translation(Locale.objects.get(language_code="en"))
    html = client.get(english.url).content.decode()
    assert crumbs(html)[:2] == ["Public information portal", "Proactive transparency"]
    assert 'aria-label="Breadcrumb"' in html


def test_the_home_has_no_breadcrumbs_and_views_have_the_home_above_them(client, demo_site):
    assert crumbs(client.get("/es/").content.decode()) is None
    assert crumbs(client.get("/en/search/?q=budget").content.decode()) == ["Public information portal"]
    assert crumbs(client.get("/es/no-existe/").content.decode()) == ["Portal de información pública"]


def test_main_menu_ends_with_search_marked_current_on_the_search_page(client, demo_site):
    menu = re.search(r'<nav class="main-nav".*?</nav>', client.get("/es/buscar/").content.decode(), re.S).group(0)
    last_item = re.findall(r"<li[^>]*>(.*?)</li>", menu)[-1]
    assert last_item == '<a href="/es/buscar/" aria-current="page">Buscar</a>'

    assert 'aria-current="page">Buscar' not in client.get("/es/").content.decode()


@pytest.mark.parametrize(
    ("path", "statement_url", "title"),
    [
        ("/es/", "/es/accesibilidad/", "Declaración de accesibilidad"),
        ("/en/about-us/", "/en/accessibility/", "Accessibility statement"),
    ],
)
def test_footer_links_the_accessibility_statement_in_the_readers_language(client, demo_site, path, statement_url, title):
    footer = client.get(path).content.decode().split('<footer class="site-footer">')[1]
    assert f'<a href="{statement_url}">{title}</a>' in footer
    assert client.get(statement_url).status_code == 200


def test_footer_lists_the_languages_without_a_second_language_landmark(client, demo_site):
    html = client.get("/en/about-us/").content.decode()
    footer = html.split('<footer class="site-footer">')[1]
    assert '<a href="/es/quienes-somos/" hreflang="es">' in footer
    assert html.count('<nav class="language-switcher"') == 1


def test_no_statement_chosen_means_no_link(client, demo_site):
    site_settings = SiteSettings.for_site(demo_site)
    site_settings.accessibility_statement = None
    site_settings.save()
    assert "/es/accesibilidad/" not in client.get("/es/").content.decode().split('<footer class="site-footer">')[1]


def test_display_options_wait_for_javascript(client, demo_site):
    """Buttons that could not work without JavaScript are hidden until the script shows them."""
    html = client.get("/es/").content.decode()
    assert re.search(r'<div class="display-options" role="group" aria-label="Opciones de visualización" data-display-options hidden>', html)
    assert "Alto contraste" in html and "Texto más grande" in html
    # The script that applies a remembered choice runs before the page is drawn: not deferred.
    assert re.search(r'<script src="/static/portal/js/display-options\.js"></script>', html)


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [("/es/no-existe/", "es", "Página no encontrada"), ("/en/no-such-page/", "en", "Page not found")],
)
def test_not_found_page_speaks_the_readers_language_and_offers_search(client, demo_site, path, language, heading):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 404
    assert f'<html lang="{language}">' in html and f"<h1>{heading}</h1>" in html
    assert 'id="not-found-search-q"' in html


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [("/es/", "es", "Algo salió mal"), ("/en/", "en", "Something went wrong")],
)
def test_server_error_page_speaks_the_readers_language(client, demo_site, monkeypatch, path, language, heading):
    def broken(*args, **kwargs):
        raise RuntimeError("a template tag failed")

    monkeypatch.setattr(HomePage, "get_context", broken)
    client.raise_request_exception = False
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{language}">' in html and f"<h1>{heading}</h1>" in html
    assert "RuntimeError" not in html


# Caching headers -------------------------------------------------------------------------------


def test_public_pages_may_be_kept_by_any_cache(client, demo_site, settings):
    settings.PAGE_MAX_AGE = 120
    for path, status in (("/es/", 200), ("/en/about-us/", 200), ("/es/no-existe/", 404)):
        response = client.get(path)
        assert response.status_code == status
        assert "public" in response["Cache-Control"] and get_max_age(response) == 120, path


def test_a_repeat_visit_revalidates_with_the_same_headers(client, demo_site):
    first = client.get("/es/")
    again = client.get("/es/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["Cache-Control"] == first["Cache-Control"]


def test_signed_in_editors_pages_are_private(client, demo_site, admin_user):
    client.force_login(admin_user)
    cache_control = client.get("/es/")["Cache-Control"]
    assert "private" in cache_control and "no-cache" in cache_control and "public" not in cache_control


def test_pages_with_a_form_token_are_private(client, notes_faq_demo_site):
    """A cached copy would hand one reader's CSRF token to everyone."""
    response = client.get("/es/preguntas-frecuentes/acceso-a-la-informacion/como-presentar-una-solicitud/")
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_the_api_keeps_its_own_cache_policy(client, demo_site, settings):
    response = client.get("/api/v1/content")
    assert get_max_age(response) == settings.API_MAX_AGE


@pytest.mark.parametrize("path", ["/es/", "/api/v1/content"])
def test_pages_and_the_api_are_gzipped_for_clients_that_accept_it(client, demo_site, path):
    plain = client.get(path)
    compressed = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip" and "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content)


def production_static_storage():
    """The static files storage `portal.settings.production` configures (read in a child process:
    importing production settings here would change the test settings they share a dict with)."""
    code = "from django.conf import settings; print(settings.STORAGES['staticfiles']['BACKEND'])"
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.production", "SECRET_KEY": "test"}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], env=environment, capture_output=True, text=True, check=True
    )
    return result.stdout.strip().splitlines()[-1]


def test_production_static_files_are_hashed_and_compressed(tmp_path):
    """whitenoise in production: a new name for every change, so browsers may keep a file for a
    year, with gzip and brotli copies beside it. (Wagtail's and Django's admin files are left out
    here: compressing them takes a minute.)"""
    storage = production_static_storage()
    assert storage == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    storages = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}, "staticfiles": {"BACKEND": storage}}
    with override_settings(STORAGES=storages, STATIC_ROOT=tmp_path, DEBUG=False):
        call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=LEFT_OUT_OF_COLLECTSTATIC)
        stylesheet = staticfiles_storage.url("portal/css/portal.css")
    hashed = re.fullmatch(r"/static/(portal/css/portal\.[0-9a-f]{12}\.css)", stylesheet)
    assert hashed, stylesheet
    for suffix in ("", ".gz", ".br"):
        assert (tmp_path / f"{hashed.group(1)}{suffix}").stat().st_size > 0
    assert (tmp_path / f"{hashed.group(1)}.br").stat().st_size < (tmp_path / hashed.group(1)).stat().st_size / 3

"""Language-prefixed URLs, the root redirect, <html lang> and hreflang alternates."""

import re

import pytest


def hreflang_links(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


@pytest.mark.parametrize(
    "accept_language, expected",
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("es-CL,es;q=0.9,en;q=0.5", "/es/"),
        ("fr-FR,fr;q=0.9", "/es/"),
        (None, "/es/"),
    ],
)
def test_root_sends_visitor_to_their_language(client, demo_site, accept_language, expected):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(
    "path, language, es_path, en_path",
    [
        ("/es/", "es", "/es/", "/en/"),
        ("/en/", "en", "/es/", "/en/"),
        ("/en/about-us/", "en", "/es/quienes-somos/", "/en/about-us/"),
    ],
)
def test_page_has_its_lang_and_both_alternates(client, demo_site, path, language, es_path, en_path):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert hreflang_links(html) == {
        "es": f"http://testserver{es_path}",
        "en": f"http://testserver{en_path}",
        "x-default": f"http://testserver{es_path}",
    }


def test_interface_strings_are_translated(client, demo_site):
    spanish = client.get("/es/").content.decode()
    english = client.get("/en/").content.decode()
    assert "Saltar al contenido principal" in spanish
    assert "Skip to main content" in english
    assert "Skip to main content" not in spanish


@pytest.mark.parametrize(
    "path, text", [("/es/no-existe/", "Página no encontrada"), ("/en/nowhere/", "Page not found")]
)
def test_not_found_page_speaks_the_visitors_language(client, demo_site, path, text):
    response = client.get(path)
    assert response.status_code == 404
    assert text in response.content.decode()


def test_admin_login_is_served(client, demo_site):
    assert client.get("/admin/").status_code == 302
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()

"""Site-wide settings appear on every page, in both languages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.models import SiteSettings, StandardPage
from tests.conftest import publish


@pytest.mark.parametrize("path", ["/es/", "/en/about-us/"])
def test_footer_shows_institution_contact(client, demo_site, path):
    html = client.get(path).content.decode()
    assert "Senado de la República de Chile" in html
    assert 'href="mailto:transparencia@senado.example"' in html
    assert "Valparaíso, Chile" in html
    assert '<a href="https://x.com/senado_cl" rel="me noopener">X (Twitter)</a>' in html
    assert ">YouTube</a>" in html


def test_editing_settings_changes_every_page(client, demo_site):
    site_settings = SiteSettings.for_site(demo_site)
    site_settings.contact_email = "oficina.partes@senado.example"
    site_settings.save()

    for path in ("/es/", "/en/"):
        assert "oficina.partes@senado.example" in client.get(path).content.decode()


def test_main_menu_query_count_does_not_grow_with_items(client, home_es, django_assert_max_num_queries):
    client.get("/es/")  # warm per-process caches (site root paths)
    with CaptureQueriesContext(connection) as baseline:
        client.get("/es/")
    for number in range(12):
        page = StandardPage(title=f"Sección {number}", slug=f"seccion-{number}", show_in_menus=True)
        home_es.add_child(instance=page)
        publish(page)

    with django_assert_max_num_queries(len(baseline)):
        html = client.get("/es/").content.decode()
    assert "Sección 11" in html

"""The language switcher goes to the translation of the page being read."""

import re

from portal.models import StandardPage
from tests.conftest import publish


def switcher_targets(html):
    """{language: link} for the other languages offered by the switcher."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {lang: url for url, lang in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav)}


def test_english_page_switches_to_its_spanish_translation(client, demo_site):
    html = client.get("/en/request-information/").content.decode()
    assert switcher_targets(html) == {"es": "/es/solicitar-informacion/"}
    assert '<span aria-current="true" lang="en">English</span>' in html


def test_spanish_page_switches_to_its_english_translation(client, demo_site):
    html = client.get("/es/quienes-somos/").content.decode()
    assert switcher_targets(html) == {"en": "/en/about-us/"}


def test_untranslated_page_switches_to_home_and_says_so(client, home_es):
    page = StandardPage(title="Licitaciones 2026", slug="licitaciones-2026", summary="Solo en español.")
    home_es.add_child(instance=page)
    publish(page)

    html = client.get("/es/licitaciones-2026/").content.decode()
    assert switcher_targets(html) == {"en": "/en/"}
    assert "esta página no tiene traducción; el enlace lleva a la portada" in html
    assert 'hreflang="en"' not in html.split("</head>")[0]


def test_draft_translation_is_not_offered(client, home_es, english):
    page = StandardPage(title="Presupuesto", slug="presupuesto", summary="Ejecución presupuestaria.")
    home_es.add_child(instance=page)
    publish(page)
    draft = page.copy_for_translation(english)  # created as a draft, not live
    assert not draft.live

    html = client.get("/es/presupuesto/").content.decode()
    assert switcher_targets(html) == {"en": "/en/"}


def test_switcher_on_a_missing_page_goes_to_the_other_home(client, demo_site):
    response = client.get("/es/no-existe/")
    assert response.status_code == 404
    assert switcher_targets(response.content.decode()) == {"en": "/en/"}


def test_alias_in_english_tree_is_not_offered_as_a_translation(client, home_es, home_en, english):
    page = StandardPage(title="Auditorías", slug="auditorias", summary="Resultados de auditorías.")
    home_es.add_child(instance=page)
    publish(page)
    page.create_alias(parent=home_en, update_locale=english)  # Spanish content in the English tree

    html = client.get("/es/auditorias/").content.decode()
    assert switcher_targets(html) == {"en": "/en/"}
    assert 'hreflang="en"' not in html.split("</head>")[0]

"""A note's page: the edition, its teams in the page's language, neighbours, related notes and schema.org."""

import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_localize.models import TranslationSource

from tests.conftest import publish
from tests.notes.conftest import add_note, month, png_image


def html(response):
    return response.content.decode()


def related_titles(page_html):
    section = page_html.split('id="related-notes-heading"')[1].split("</section>")[0] if "related-notes-heading" in page_html else ""
    return re.findall(r'<a href="[^"]+">([^<]+)</a>', section)


def json_ld(page_html):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page_html, re.S).group(1))


def test_shows_the_edition_its_teams_hero_body_and_tags(client, notes):
    page = html(client.get("/es/notas/inteligencia-artificial-responsable/"))
    assert "Edición 4 · noviembre de 2026" in page
    assert "<h1>Inteligencia artificial responsable</h1>" in page
    assert '<p class="lead">Resumen de «Inteligencia artificial responsable».</p>' in page
    assert "División de Gobierno Digital, Unidad de Datos" in page
    hero = re.search(r'<figure class="note__hero"><img [^>]+>', page).group(0)
    assert 'alt="Ilustración de Inteligencia artificial responsable"' in hero
    assert 'width="160"' in hero and 'height="90"' in hero and "srcset=" in hero and "sizes=" in hero
    assert 'Más en <a href="/es/notas/">el archivo</a>.' in page
    assert '<a href="/es/notas/?tag=ia" rel="tag">ia</a>' in page
    assert '<div class="page-history">' in page and "Publicado el <time datetime=" in page


def test_english_page_names_the_teams_in_english_where_they_are_translated(client, english_note):
    assert {team.locale.language_code for team in english_note.teams.all()} == {"es"}  # still the Spanish rows
    page = html(client.get("/en/notes/responsible-ai/"))
    assert "By Digital Government Division, Unidad de Datos" in page
    assert 'alt="The team at the Senate"' in page
    assert "Edition 4 · November 2026" in page


def test_previous_and_next_editions_in_the_same_language(client, notes, english_note):
    october = html(client.get("/es/notas/datos-abiertos-del-senado/"))
    assert '<a href="/es/notas/firma-electronica-para-todos/" rel="prev">' in october
    assert '<a href="/es/notas/inteligencia-artificial-responsable/" rel="next">' in october
    first = html(client.get("/es/notas/balance-de-2025/"))
    assert 'rel="prev"' not in first and '<a href="/es/notas/firma-electronica-para-todos/" rel="next">' in first
    assert 'class="edition-nav"' not in html(client.get("/en/notes/responsible-ai/"))  # the only English edition


def test_related_notes_by_shared_tags_most_shared_then_newest(client, notes, notes_index):
    add_note(notes_index, 5, month(2026, 12), "Datos e IA en el Senado", tags=["datos", "ia"])
    add_note(notes_index, 6, month(2024, 1), "Datos antiguos", tags=["datos"])
    add_note(notes_index, 7, month(2027, 1), "Solo IA", tags=["ia"])
    page = html(client.get("/es/notas/inteligencia-artificial-responsable/"))
    assert related_titles(page) == ["Datos e IA en el Senado", "Solo IA", "Datos abiertos del Senado"]


def test_chosen_related_notes_replace_the_tag_matches_live_and_in_the_pages_language(client, notes, english_note, english):
    september, october, november = notes[1], notes[2], notes[3]
    october.unpublish()
    november.related_notes = [("note", october), ("note", september), ("note", notes[0])]
    november = publish(november)
    assert related_titles(html(client.get(november.url))) == ["Firma electrónica para todos", "Balance de 2025"]

    september_en = september.copy_for_translation(english)
    september_en.title, september_en.slug = "Electronic signature for everyone", "e-signature"
    publish(september_en)
    english_note.related_notes = [("note", september), ("note", notes[0])]  # chosen in Spanish
    publish(english_note)
    page = html(client.get("/en/notes/responsible-ai/"))
    assert related_titles(page) == ["Electronic signature for everyone", "Balance de 2025"]
    assert '<li lang="es"><a href="/es/notas/balance-de-2025/">' in page  # no translation: the Spanish one, marked


def test_feed_links_in_the_head_of_index_and_note_pages(client, english_note):
    spanish = ("/es/notas/feed/", "Notas de Transformación Digital: canal Atom", "Notas de Transformación Digital: canal JSON")
    english = ("/en/notes/feed/", "Digital Transformation Notes: Atom feed", "Digital Transformation Notes: JSON feed")
    for url, (feed_path, atom_title, json_title) in [
        ("/es/notas/", spanish),
        ("/es/notas/inteligencia-artificial-responsable/", spanish),
        ("/en/notes/", english),
        ("/en/notes/responsible-ai/", english),
    ]:
        head = html(client.get(url)).split("</head>")[0]
        assert f'<link rel="alternate" type="application/atom+xml" title="{atom_title}" href="{feed_path}">' in head
        assert f'<link rel="alternate" type="application/feed+json" title="{json_title}" href="{feed_path}json/">' in head
    tagged = html(client.get("/es/notas/", {"tag": "datos"})).split("</head>")[0]
    assert 'href="/es/notas/feed/?tag=datos"' in tagged and 'href="/es/notas/feed/json/?tag=datos"' in tagged


def test_schema_org_article(client, notes, english_note):
    spanish = notes[-1]
    article = json_ld(html(client.get(spanish.url)))
    assert article["@type"] == "Article"
    assert article["headline"] == "Inteligencia artificial responsable"
    assert article["description"] == "Resumen de «Inteligencia artificial responsable»."
    assert article["datePublished"].startswith(spanish.first_published_at.strftime("%Y-%m-%dT%H:%M"))
    assert article["dateModified"].startswith(spanish.last_published_at.strftime("%Y-%m-%dT%H:%M"))
    assert article["inLanguage"] == "es"
    assert article["url"] == "http://testserver/es/notas/inteligencia-artificial-responsable/"
    assert article["image"].startswith("http://testserver/media/images/") and "fill-1200x630" in article["image"]
    assert article["author"] == [
        {"@type": "Organization", "name": "División de Gobierno Digital"},
        {"@type": "Organization", "name": "Unidad de Datos"},
    ]
    assert article["publisher"] == {"@type": "Organization", "name": "Senado de la República de Chile"}
    assert article["keywords"] == ["datos", "ia"]
    assert article["position"] == 4
    assert article["isPartOf"]["url"] == "http://testserver/es/notas/"
    assert [work["url"] for work in article["workTranslation"]] == ["http://testserver/en/notes/responsible-ai/"]
    assert "translationOfWork" not in article

    translation = json_ld(html(client.get(english_note.url)))
    assert translation["inLanguage"] == "en"
    assert translation["author"][0]["name"] == "Digital Government Division"
    assert translation["translationOfWork"]["url"] == "http://testserver/es/notas/inteligencia-artificial-responsable/"
    assert "workTranslation" not in translation


def test_schema_org_original_is_the_language_wagtail_localize_translated_from(client, notes, english_note):
    TranslationSource.get_or_create_from_instance(english_note)  # as if written in English, then translated
    english = json_ld(html(client.get(english_note.url)))
    assert [work["url"] for work in english["workTranslation"]] == ["http://testserver/es/notas/inteligencia-artificial-responsable/"]
    spanish = json_ld(html(client.get(notes[-1].url)))
    assert spanish["translationOfWork"]["url"] == "http://testserver/en/notes/responsible-ai/"


def test_schema_org_without_translations_nor_teams_names_the_institution(client, notes):
    article = json_ld(html(client.get("/es/notas/balance-de-2025/")))
    assert "workTranslation" not in article and "translationOfWork" not in article and "image" not in article
    notes[0].teams = []
    article = json_ld(html(client.get(publish(notes[0]).url)))
    assert article["author"] == [{"@type": "Organization", "name": "Senado de la República de Chile"}]


def test_a_draft_translation_is_not_linked(client, notes, notes_index_en, english):
    notes[0].copy_for_translation(english)  # a draft
    assert "workTranslation" not in json_ld(html(client.get("/es/notas/balance-de-2025/")))


def test_note_page_queries_do_not_grow_with_the_number_of_editions(
    client, notes, notes_index, digital_government, data_unit, django_assert_max_num_queries
):
    url = "/es/notas/datos-abiertos-del-senado/"
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    with_four = len(queries)  # now: Django keeps only the latest queries
    for n in range(26):
        add_note(
            notes_index, 10 + n, month(2020 + n // 12, n % 12 + 1), f"Nota número {n}",
            tags=["datos", "transparencia"], teams=[digital_government, data_unit], image=png_image(f"Imagen {n}"),
        )
    client.get(url)
    with django_assert_max_num_queries(with_four):
        assert len(related_titles(html(client.get(url)))) == 3

"""Atom and JSON Feed 1.1 per language: valid, complete, with ids that never change."""

import json

import feedparser
import pytest
from wagtail.rich_text import RichText

from tests.conftest import publish
from tests.notes.conftest import add_note, month, png_image

TITLES_NEWEST_FIRST = [
    "Inteligencia artificial responsable",
    "Datos abiertos del Senado",
    "Firma electrónica para todos",
    "Balance de 2025",
]


def atom(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


def json_feed(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/feed+json; charset=utf-8"
    return json.loads(response.content)


def test_atom_feed_parses_and_has_every_edition_newest_first(client, notes):
    parsed = atom(client, "/es/notas/feed/")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Notas de Transformación Digital"
    assert parsed.feed.language == "es"
    assert parsed.feed.link == "http://testserver/es/notas/"
    assert [entry.title for entry in parsed.entries] == TITLES_NEWEST_FIRST
    latest = parsed.entries[0]
    assert latest.id.startswith("urn:uuid:")
    assert latest.link == "http://testserver/es/notas/inteligencia-artificial-responsable/"
    assert latest.summary == "Resumen de «Inteligencia artificial responsable»."
    assert [tag.term for tag in latest.tags] == ["datos", "ia"]
    assert [author.name for author in latest.authors] == ["División de Gobierno Digital", "Unidad de Datos"]
    assert 'href="http://testserver/es/notas/"' in latest.content[0].value
    assert latest.published_parsed and latest.updated_parsed


def test_content_links_and_images_are_absolute(client, notes, notes_index):
    image = png_image("Gráfico")
    add_note(
        notes_index, 9, month(2026, 12), "Con imagen en el cuerpo",
        body=[
            ("paragraph", RichText('<p>Ver <a href="/es/notas/">el archivo</a> y <a href="#detalle">el detalle</a>.</p>')),
            ("image", {"image": image, "alt_text": "Un gráfico", "decorative": False}),
        ],
    )
    content = json_feed(client, "/es/notas/feed/json/")["items"][0]["content_html"]
    assert 'href="http://testserver/es/notas/"' in content
    assert 'href="http://testserver/es/notas/con-imagen-en-el-cuerpo/#detalle"' in content
    assert 'src="http://testserver/media/images/grafico' in content
    assert 'alt="Un gráfico"' in content


def test_json_feed_has_what_json_feed_1_1_requires_and_more(client, notes):
    feed = json_feed(client, "/es/notas/feed/json/")
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == "Notas de Transformación Digital"
    assert feed["home_page_url"] == "http://testserver/es/notas/"
    assert feed["feed_url"] == "http://testserver/es/notas/feed/json/"
    assert feed["language"] == "es"
    assert feed["authors"] == [{"name": "Senado de la República de Chile"}]
    assert [item["title"] for item in feed["items"]] == TITLES_NEWEST_FIRST
    for item in feed["items"]:
        assert item["id"].startswith("urn:uuid:") and item["content_html"]
    latest, note = feed["items"][0], notes[-1]
    assert latest["url"] == "http://testserver/es/notas/inteligencia-artificial-responsable/"
    assert latest["summary"] == "Resumen de «Inteligencia artificial responsable»."
    assert latest["date_published"] == note.first_published_at.isoformat()
    assert latest["date_modified"] == note.last_published_at.isoformat()
    assert latest["tags"] == ["datos", "ia"]
    assert latest["language"] == "es"
    assert latest["authors"] == [{"name": "División de Gobierno Digital"}, {"name": "Unidad de Datos"}]
    assert latest["image"].startswith("http://testserver/media/images/") and "fill-1200x630" in latest["image"]
    assert "image" not in feed["items"][1]


def test_ids_survive_editing_the_title_and_slug(client, notes):
    before = json_feed(client, "/es/notas/feed/json/")["items"][1]
    atom_before = atom(client, "/es/notas/feed/").entries[1].id
    october = notes[2]
    october.title, october.slug = "Datos abiertos: edición corregida", "datos-abiertos-corregida"
    publish(october)

    after = json_feed(client, "/es/notas/feed/json/")["items"][1]
    assert after["id"] == before["id"]
    assert atom(client, "/es/notas/feed/").entries[1].id == atom_before
    assert after["url"] == "http://testserver/es/notas/datos-abiertos-corregida/"
    assert after["date_published"] == before["date_published"]
    assert after["date_modified"] > before["date_modified"]


def test_each_language_has_its_own_feed_and_ids(client, english_note):
    english = json_feed(client, "/en/notes/feed/json/")
    assert english["language"] == "en"
    assert [item["title"] for item in english["items"]] == ["Responsible artificial intelligence"]
    assert english["items"][0]["authors"][0] == {"name": "Digital Government Division"}
    spanish_ids = {item["id"] for item in json_feed(client, "/es/notas/feed/json/")["items"]}
    assert english["items"][0]["id"] not in spanish_ids
    assert atom(client, "/en/notes/feed/").feed.language == "en"


def test_feeds_honour_the_tag(client, notes):
    assert [item["title"] for item in json_feed(client, "/es/notas/feed/json/", tag="datos")["items"]] == TITLES_NEWEST_FIRST[:2]
    parsed = atom(client, "/es/notas/feed/", tag="datos")
    assert [entry.title for entry in parsed.entries] == TITLES_NEWEST_FIRST[:2]
    assert parsed.feed.title == "Notas de Transformación Digital: datos"
    assert json_feed(client, "/es/notas/feed/json/", tag="no-existe")["items"] == []
    assert atom(client, "/es/notas/feed/", tag="no-existe").entries == []


@pytest.mark.parametrize("url", ["/es/notas/feed/", "/es/notas/feed/json/"])
def test_a_tag_no_slug_could_be_is_not_found(client, notes, url):
    assert client.get(url, {"tag": "a\x00b <script>"}).status_code == 404


def test_feeds_carry_the_latest_twenty_editions(client, notes, notes_index):
    for n in range(18):
        add_note(notes_index, 10 + n, month(2020 + n // 12, n % 12 + 1), f"Nota número {n}")
    items = json_feed(client, "/es/notas/feed/json/")["items"]
    assert len(items) == 20
    assert items[-1]["title"] == "Nota número 2"

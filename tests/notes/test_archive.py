"""The archive: newest first, by year, month and tag, a page at a time; no strange address answers 500."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.notes.conftest import add_note, month, png_image


def html(response):
    return response.content.decode()


def listed_titles(response):
    return re.findall(r'<h3 class="edition-card__title"><a href="[^"]+">([^<]+)</a>', html(response))


def test_lists_every_edition_newest_first(client, notes):
    response = client.get("/es/notas/")
    assert response.status_code == 200
    assert listed_titles(response) == [
        "Inteligencia artificial responsable",
        "Datos abiertos del Senado",
        "Firma electrónica para todos",
        "Balance de 2025",
    ]


def test_each_edition_shows_number_month_summary_teams_tags_and_image(client, notes):
    page = html(client.get("/es/notas/"))
    latest = page[page.index("Edición 4") : page.index("Edición 3")]
    assert "noviembre de 2026" in latest
    assert "Resumen de «Inteligencia artificial responsable»." in latest
    assert "División de Gobierno Digital, Unidad de Datos" in latest
    assert '<a href="/es/notas/?tag=ia" rel="tag">ia</a>' in latest
    image = re.search(r"<img [^>]+>", latest).group(0)
    assert 'alt="Ilustración de Inteligencia artificial responsable"' in image
    assert 'width="160"' in image and 'height="90"' in image and "fill-640x360" in image


def test_english_archive_lists_english_editions_with_english_team_names(client, english_note):
    response = client.get("/en/notes/")
    assert listed_titles(response) == ["Responsible artificial intelligence"]
    assert "November 2026" in html(response)
    assert "Digital Government Division, Unidad de Datos" in html(response)


def test_year_lists_that_years_editions_and_its_months(client, notes):
    response = client.get("/es/notas/2026/")
    assert response.status_code == 200
    assert listed_titles(response) == ["Inteligencia artificial responsable", "Datos abiertos del Senado", "Firma electrónica para todos"]
    nav = html(response).split('id="years-heading"')[1]
    assert '<a href="/es/notas/2026/" aria-current="page">2026</a>' in nav and "(3 ediciones)" in nav
    assert '<a href="/es/notas/2025/">2025</a>' in nav and "(1 edición)" in nav
    assert '<a href="/es/notas/2026/10/">Octubre</a>' in nav
    assert "/es/notas/2025/12/" not in nav  # months are listed under the year being shown


def test_month_redirects_to_its_edition(client, notes):
    response = client.get("/es/notas/2026/10/")
    assert response.status_code == 302
    assert response["Location"] == "/es/notas/datos-abiertos-del-senado/"


def test_month_or_year_without_an_edition_is_a_friendly_404(client, notes):
    month_response = client.get("/es/notas/2026/02/")
    assert month_response.status_code == 404
    assert "No se publicó ninguna edición de las notas en febrero de 2026." in html(month_response)
    assert '<a href="/es/notas/2026/09/">Septiembre</a>' in html(month_response)  # the months that have one

    year_response = client.get("/es/notas/2024/")
    assert year_response.status_code == 404
    assert "No se publicó ninguna edición de las notas en 2024." in html(year_response)
    assert '<a href="/es/notas/2025/">2025</a>' in html(year_response)


@pytest.mark.parametrize("path", ["0000/", "0000/01/", "2026/13/", "2026/1/", "99999/", "feed/nada/"])
def test_impossible_dates_are_not_found(client, notes, path):
    assert client.get("/es/notas/" + path).status_code == 404


def test_tag_filter_alone_and_with_a_year(client, notes):
    response = client.get("/es/notas/", {"tag": "datos"})
    assert listed_titles(response) == ["Inteligencia artificial responsable", "Datos abiertos del Senado"]
    assert "Ediciones sobre «datos»" in html(response)
    assert '<a href="/es/notas/?tag=datos" rel="tag" aria-current="page">datos</a>' in html(response)
    assert '<a href="/es/notas/2026/?tag=datos">2026</a>' in html(response)  # years keep the topic

    assert listed_titles(client.get("/es/notas/2026/", {"tag": "firma"})) == ["Firma electrónica para todos"]
    assert listed_titles(client.get("/es/notas/2025/", {"tag": "firma"})) == []


def test_unknown_tag_is_an_empty_list_that_says_so(client, notes):
    response = client.get("/es/notas/", {"tag": "no-existe"})
    assert response.status_code == 200
    assert listed_titles(response) == []
    assert "Ninguna edición trata sobre «no-existe»." in html(response)
    assert '<a href="/es/notas/">Ver todas las ediciones</a>' in html(response)


@pytest.mark.parametrize("tag", ["<script>alert(1)</script>", "a\x00b", "' OR 1=1 --", "x" * 500, "ñandú"])
def test_strange_tags_never_fail(client, notes, tag):
    response = client.get("/es/notas/", {"tag": tag})
    assert response.status_code == 200
    assert listed_titles(response) == []
    assert "<script>alert" not in html(response)


@pytest.fixture
def many_notes(notes, notes_index, digital_government, data_unit):
    """26 more editions (30 in all), from January 2020, each with its own image, two teams and tags."""
    return [
        add_note(
            notes_index, 10 + n, month(2020 + n // 12, n % 12 + 1), f"Nota número {n}",
            tags=["datos", f"tema-{n}"], teams=[digital_government, data_unit], image=png_image(f"Imagen {n}"),
        )
        for n in range(26)
    ]


def test_pages_of_twelve_with_accessible_links(client, many_notes):
    first = client.get("/es/notas/")
    assert len(listed_titles(first)) == 12
    assert listed_titles(first)[0] == "Inteligencia artificial responsable"
    nav = re.search(r'<nav class="pagination" aria-label="Páginas del archivo">.*?</nav>', html(first), re.S).group(0)
    assert '<a href="?page=1" aria-current="page">' in nav
    assert '<a href="?page=2" rel="next">' in nav

    last = client.get("/es/notas/", {"page": 3})
    assert len(listed_titles(last)) == 6
    assert listed_titles(last)[-1] == "Nota número 0"

    tagged = client.get("/es/notas/", {"tag": "datos", "page": 2})
    assert '<a href="?tag=datos&amp;page=1" rel="prev">' in html(tagged)


def test_bad_page_numbers_show_the_first_or_last_page(client, many_notes):
    for page, expected in [("x", "1"), ("0", "3"), ("-1", "3"), ("999", "3"), ("1e3", "1"), ("", "1"), ("2.0", "1")]:
        response = client.get("/es/notas/", {"page": page})
        assert response.status_code == 200
        current = re.search(r'aria-current="page"><span class="visually-hidden">[^<]+</span>(\d+)</a>', html(response))
        assert current.group(1) == expected, page


def count_queries(client, url, **params):
    client.get(url, params)  # the first view makes the image renditions
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


def test_archive_queries_do_not_grow_with_the_number_of_editions(client, notes, request, django_assert_max_num_queries):
    archives = [("/es/notas/", {}), ("/es/notas/", {"tag": "datos"})]
    with_four = [count_queries(client, url, **params) for url, params in archives]
    request.getfixturevalue("many_notes")
    for (url, params), limit in zip(archives, with_four):
        client.get(url, params)
        with django_assert_max_num_queries(limit):
            assert len(listed_titles(client.get(url, params))) == 12


def test_home_page_shows_the_latest_edition(client, english_note):
    page = html(client.get("/es/"))
    latest = page.split('id="latest-note-heading"')[1]
    assert '<a href="/es/notas/inteligencia-artificial-responsable/">Inteligencia artificial responsable</a>' in latest
    assert "noviembre de 2026" in latest and "Resumen de «Inteligencia artificial responsable»." in latest
    assert 'alt="Ilustración de Inteligencia artificial responsable"' in latest
    assert '<a href="/es/notas/">' in latest
    assert "Transparencia primero" in page  # the home's own content stays

    english = html(client.get("/en/"))
    assert '<a href="/en/notes/responsible-ai/">Responsible artificial intelligence</a>' in english


def test_home_page_skips_a_private_later_edition(client, notes, notes_index):
    private = add_note(notes_index, 5, month(2026, 12), "Solo para funcionarios")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    latest = html(client.get("/es/")).split('id="latest-note-heading"')[1]
    assert "Inteligencia artificial responsable" in latest and "Solo para funcionarios" not in latest


def test_home_page_without_editions_has_no_latest_edition(client, home_es):
    page = html(client.get("/es/"))
    assert "latest-note" not in page
    assert "Transparencia primero" in page

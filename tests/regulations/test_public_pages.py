"""What citizens see: the version in force on a date, one article, a comparison; drafts stay hidden."""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.documents.models import Document

from regulations import versions as version_actions
from regulations.models import Provision

from .conftest import TEXT_V2


@pytest.fixture(autouse=True)
def spanish():
    with translation.override("es"):
        yield


def main_text(response):
    """The regulation's text as rendered, tags stripped: what a reader reads."""
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize(
    "day, expected",
    [
        ("2023-04-01", "hasta 30 UTM"),  # the first day of the first version
        ("2024-06-30", "hasta 30 UTM"),  # the day before the amendment
        ("2024-07-01", "hasta 100 UTM"),
        ("2026-11-23", "hasta 100 UTM"),
        ("2027-03-01", "compras y contrataciones de la institución"),  # the future version, on its date
    ],
)
def test_any_date_shows_the_version_in_force_that_day(client, today, versions, regulation_page, day, expected):
    response = client.get(f"{regulation_page.url}{day}/")

    assert response.status_code == 200
    assert expected in main_text(response)


def test_the_page_shows_todays_version_with_contents_and_every_version_with_its_status(client, today, versions, regulation_page):
    response = client.get(regulation_page.url)
    html = response.content.decode()

    assert "hasta 100 UTM" in html and "hasta 30 UTM" not in html
    assert 'href="#art-3-bis"' in html and 'id="art-3-bis"' in html  # contents link to anchors
    assert 'id="art-3-bis-inciso-1"' in html
    assert re.search(r"status--superseded\">[^<]+</span>", html)
    assert re.search(r"status--in_force\">[^<]+</span>", html)
    assert re.search(r"status--future\">[^<]+</span>", html)
    # Article headings link to their citable address in this version.
    assert f'href="{regulation_page.url}2024-07-01/art-3-bis/"' in html
    assert f'href="{regulation_page.url}compare/2023-04-01/2024-07-01/"' in html


def test_a_date_before_the_first_version_is_a_helpful_404(client, today, versions, regulation_page):
    response = client.get(f"{regulation_page.url}2020-01-01/")

    assert response.status_code == 404
    assert f'href="{regulation_page.url}2023-04-01/"' in response.content.decode()


def test_impossible_dates_are_404s(client, today, versions, regulation_page):
    assert client.get(f"{regulation_page.url}2024-02-30/").status_code == 404
    assert client.get(f"{regulation_page.url}2024-02-30/art-1/").status_code == 404


def test_a_future_version_says_when_it_takes_effect(client, today, versions, regulation_page):
    response = client.get(f"{regulation_page.url}2027-03-01/")

    assert "1 de marzo de 2027" in main_text(response)
    assert f'<a href="{regulation_page.url}">' in response.content.decode()  # back to the version in force


def test_an_article_as_in_force_on_a_date_with_the_versions_in_which_it_changed(client, today, versions, regulation_page):
    response = client.get(f"{regulation_page.url}2023-05-10/art-3/")
    text = main_text(response)

    assert response.status_code == 200
    assert "hasta 30 UTM" in text and "100 UTM" not in text.split("Versiones")[0]
    history = re.search(r'<ol class="history"[^>]*>(.*?)</ol>', response.content.decode(), re.S).group(1)
    assert f'href="{regulation_page.url}2024-07-01/art-3/"' in history  # where it changed
    assert "2027" not in history  # version 3 left article 3 as it was
    assert 'rel="canonical" href="http://testserver' + f'{regulation_page.url}2023-04-01/art-3/"' in response.content.decode()


def test_an_article_missing_from_that_version_is_a_404_with_the_versions_that_have_it(client, today, versions, regulation_page):
    removed = client.get(f"{regulation_page.url}2025-01-01/art-4/")
    not_yet = client.get(f"{regulation_page.url}2023-05-01/art-3-bis/")
    never = client.get(f"{regulation_page.url}2025-01-01/art-99/")

    assert removed.status_code == not_yet.status_code == never.status_code == 404
    assert f'href="{regulation_page.url}2023-04-01/art-4/"' in removed.content.decode()
    assert "Artículo 4°" in main_text(removed)
    assert f'href="{regulation_page.url}2024-07-01/art-3-bis/"' in not_yet.content.decode()
    assert f'href="{regulation_page.url}2027-03-01/art-3-bis/"' in not_yet.content.decode()
    assert "2023-04-01/art-99/" not in never.content.decode()  # no version to offer


def test_an_article_short_link_goes_to_its_citable_address_today(client, today, versions, regulation_page):
    response = client.get(f"{regulation_page.url}art-3/")

    assert response.status_code == 302
    assert response["Location"] == f"{regulation_page.url}2024-07-01/art-3/"


def test_the_comparison_lists_exactly_the_changed_articles_with_a_redline(client, today, versions, regulation_page):
    response = client.get(f"{regulation_page.url}compare/2023-04-01/2024-07-01/")
    html = response.content.decode()

    assert response.status_code == 200
    changed = re.findall(r'id="changed-([a-z0-9-]+)"', html)
    added = re.findall(r'id="added-([a-z0-9-]+)"', html)
    removed = re.findall(r'id="removed-([a-z0-9-]+)"', html)
    assert (changed, added, removed) == (["art-3"], ["art-3-bis"], ["art-4"])
    deleted = [re.sub(r"<[^>]+>", "", d) for d in re.findall(r"<del>(.*?)</del>", html, re.S)]
    inserted = [re.sub(r"<[^>]+>", "", i) for i in re.findall(r"<ins>(.*?)</ins>", html, re.S)]
    assert any("30" in d for d in deleted) and any("100" in i for i in inserted)
    # Named for screen readers, not shown by colour alone.
    assert re.search(r'<del><span class="visually-hidden" lang="es">\[eliminado: </span>', html)
    assert re.search(r'<ins><span class="visually-hidden" lang="es">\[agregado: </span>', html)


def test_the_comparison_form_goes_to_the_citable_comparison(client, today, versions, regulation_page):
    chosen = client.get(f"{regulation_page.url}compare/", {"from": "2027-03-01", "to": "2023-04-01"})
    wrong = client.get(f"{regulation_page.url}compare/", {"from": "2023-04-01", "to": "1999-01-01"})
    reversed_dates = client.get(f"{regulation_page.url}compare/2027-03-01/2023-04-01/")

    assert chosen["Location"] == f"{regulation_page.url}compare/2023-04-01/2027-03-01/"
    assert wrong.status_code == 400 and 'role="alert"' in wrong.content.decode()
    assert reversed_dates["Location"] == f"{regulation_page.url}compare/2023-04-01/2027-03-01/"


def test_two_dates_in_the_same_version_compare_as_unchanged(client, today, versions, regulation_page):
    response = client.get(f"{regulation_page.url}compare/2024-07-01/2025-01-01/")

    assert response.status_code == 200
    assert 'id="changed-' not in response.content.decode()


def test_the_english_page_says_the_text_is_only_in_spanish_and_marks_it(client, today, versions, english_regulation_page):
    with translation.override("en"):
        response = client.get(f"{english_regulation_page.url}2024-07-01/art-3/")
    html = response.content.decode()

    assert '<html lang="en">' in html
    assert "only in Spanish" in html
    assert re.search(r'<div class="provision__text" lang="es">\s*<p id="art-3-inciso-1">Compra ágil', html)
    # The interface's own words stay English: only the regulation's text is marked Spanish.
    assert "<h1>Article 3°</h1>" in html
    assert "Versions in which this article changed" in html


def test_the_redline_names_its_marks_in_the_readers_language(client, today, versions, english_regulation_page):
    with translation.override("en"):
        html = client.get(f"{english_regulation_page.url}compare/2023-04-01/2024-07-01/").content.decode()

    assert '<div class="redline" lang="es"' in html
    assert '<del><span class="visually-hidden" lang="en">[deleted: </span>30' in html


def test_drafts_are_for_editors_only(client, django_user_model, today, versions, regulation, regulation_page):
    draft = version_actions.create_draft(regulation, TEXT_V2.replace("100 UTM", "150 UTM"), effective_from=versions[-1].effective_from)
    url = f"{regulation_page.url}draft/{draft.pk}/"

    assert client.get(url).status_code == 404
    assert "150 UTM" not in main_text(client.get(f"{regulation_page.url}2027-03-01/"))

    editor = django_user_model.objects.create_user("editora", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="change_version"))
    client.force_login(editor)
    response = client.get(url)

    assert response.status_code == 200
    assert "150 UTM" in main_text(response)
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-cache" in response["Cache-Control"]
    assert 'id="draft-changes"' in response.content.decode()
    # Compared with the version it amends (the last one before its date), not with today's.
    assert "Cambios respecto de la versión que modifica, vigente desde el 1 de julio de 2024" in main_text(response)
    published = versions[-1]
    assert client.get(f"{regulation_page.url}draft/{published.pk}/").status_code == 404


def test_the_official_pdf_is_linked(client, today, versions, regulation_page):
    pdf = Document.objects.create(title="Res. Ex. 412", file=ContentFile(b"%PDF-1.4 demo", name="res-412.pdf"))
    versions[1].official_pdf = pdf
    versions[1].save()

    response = client.get(regulation_page.url)

    assert f'href="{pdf.url}"' in response.content.decode()
    assert "PDF oficial (13 bytes)" in main_text(response)  # its real size, not "0 bytes"


def test_the_index_lists_each_regulation_with_its_version_in_force(client, today, versions, regulation_page, django_assert_max_num_queries):
    index = regulation_page.get_parent()
    with django_assert_max_num_queries(25):
        response = client.get(index.url)

    assert regulation_page.title in main_text(response)
    assert "1 de julio de 2024" in main_text(response)


def test_a_version_page_makes_the_same_number_of_queries_whatever_its_length(client, today, regulation, regulation_page):
    def queries_for(text):
        version = version_actions.publish(version_actions.create_draft(regulation, text, effective_from=today))
        client.get(regulation_page.url)  # per-process caches (site root paths, settings) warmed
        with CaptureQueriesContext(connection) as context:
            assert client.get(regulation_page.url).status_code == 200
        version_actions.discard(version_actions.withdraw(version))
        return len(context.captured_queries)

    short = "Artículo 1°.- Uno."
    long = "\n".join(f"TÍTULO {n}\nDE ALGO\nArtículo {n}°.- Texto {n}.\nOtro inciso." for n in range(1, 60))
    assert queries_for(long) == queries_for(short)


def test_a_split_inciso_is_marked_where_it_splits(client, today, regulation, regulation_page):
    for day, text in (("2024-01-01", "Artículo 1°.- Primer inciso. Segundo inciso."), ("2025-01-01", "Artículo 1°.- Primer inciso.\nSegundo inciso.")):
        version_actions.publish(version_actions.create_draft(regulation, text, effective_from=datetime.date.fromisoformat(day)))

    html = client.get(f"{regulation_page.url}compare/2024-01-01/2025-01-01/").content.decode()

    assert re.search(r'<ins><span class="visually-hidden" lang="es">\[[^<]+</span><span aria-hidden="true">¶</span>', html)
    assert "Primer inciso." in html and "Segundo inciso." in html


def test_the_language_switcher_keeps_the_article_and_date(client, today, versions, regulation_page, english_regulation_page):
    html = client.get(f"{regulation_page.url}2024-07-01/art-3/").content.decode()

    assert f'hreflang="en" href="http://testserver{english_regulation_page.url}2024-07-01/art-3/"' in html


def test_a_regulation_with_nothing_published_says_so(client, today, regulation_page):
    response = client.get(regulation_page.url)

    assert response.status_code == 200
    assert "Aún no se ha publicado ninguna versión de este reglamento." in main_text(response)
    assert client.get(f"{regulation_page.url}2024-01-01/").status_code == 404


def test_the_comparison_form_on_its_own_has_two_versions_chosen_and_no_error(client, today, versions, regulation_page):
    response = client.get(f"{regulation_page.url}compare/")
    html = response.content.decode()

    assert response.status_code == 200 and 'role="alert"' not in html
    assert re.search(r'<select id="compare-from" name="from">\s*<option value="2027-03-01">[^<]*</option><option value="2024-07-01" selected>', html)
    assert re.search(r'<select id="compare-to" name="to">\s*<option value="2027-03-01" selected>', html)


def test_letras_under_numbered_items_have_anchors_of_their_own(regulation):
    article = Provision(label="art-9", text="Requisitos:\n1. Primero:\na) uno;\nb) dos.\n2. Segundo:\na) tres.")

    ids = [item["id"] for inciso in article.incisos() for item in inciso["items"]]

    assert ids == ["art-9-inciso-1-1", "art-9-inciso-1-1-a", "art-9-inciso-1-1-b", "art-9-inciso-1-2", "art-9-inciso-1-2-a"]

"""/api/v1/regulations/: what a journalist's script gets from the procurement regulations.

The regulation (tests/regulations/conftest.py), with today 2026-11-23: version 1 from 2023-04-01
(articles 1–4, a transitory article, an annex), version 2 from 2024-07-01 (in force: article 3
changed from 30 to 100 UTM, 3 bis added, 4 removed), version 3 from 2027-03-01 (future: article 1
changed).
"""

import datetime
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils.http import http_date
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction

from regulations import versions as version_actions
from regulations.models import Regulation, RegulationPage
from tests.conftest import publish
from tests.regulations.conftest import (  # noqa: F401  (fixtures)
    english_regulation_page,
    regulation,
    regulation_index,
    regulation_page,
    spanish_home,
    today,
    versions,
)


def get(client, path, status=200, **headers):
    response = client.get(path, **headers)
    assert response["Content-Type"].startswith("application/json"), response.content[:300]
    assert response.status_code == status, response.json()
    return response.json()


def api(name, *args):
    return reverse(f"api_v1:{name}", args=args)


def local(url):
    """An absolute URL from the API as the test client requests it."""
    parts = urlsplit(url)
    assert parts.netloc == "testserver", url
    return parts.path


def articles_of(provisions):
    for provision in provisions:
        if provision["kind"] in ("article", "annex"):
            yield provision
        yield from articles_of(provision["children"])


# The list and one regulation


def test_the_list_names_each_regulation_and_the_version_in_force_today(client, today, versions, regulation_page, english_regulation_page):
    regulation_page.intro = "<p>Cómo compra la institución: <b>montos</b> &amp; procedimientos.</p>"
    publish(regulation_page)

    document = get(client, api("regulations"))

    assert document["count"] == 2
    spanish, english = document["items"]
    assert (spanish["id"], spanish["locale"], spanish["title"]) == (regulation_page.pk, "es", "Reglamento de compras")
    assert english["id"] == english_regulation_page.pk and english["locale"] == "en"
    assert spanish["translation_key"] == english["translation_key"]
    assert spanish["kind"] == "regulation" and spanish["name"] == "Reglamento de compras (prueba)"
    assert spanish["summary"] == "Cómo compra la institución: montos & procedimientos."
    assert spanish["url"] == f"http://testserver{regulation_page.url}"
    assert english["url"] == f"http://testserver{english_regulation_page.url}" and english["url"].startswith("http://testserver/en/")
    assert spanish["in_force"]["effective_from"] == "2024-07-01"  # not the future 2027 version
    assert local(spanish["in_force"]["api_url"]) == api("regulation_version", regulation_page.pk, "2024-07-01")
    assert local(spanish["api_url"]) == api("regulation_detail", regulation_page.pk)
    detail = get(client, local(spanish["api_url"]))
    assert detail["description_html"] == "<p>Cómo compra la institución: <b>montos</b> &amp; procedimientos.</p>"
    twin = get(client, local(spanish["in_force"]["url"]) + "json/")  # the page's own JSON twin agrees
    assert twin["version"]["effective_from"] == spanish["in_force"]["effective_from"]


def test_the_list_can_keep_to_one_language(client, today, versions, regulation_page, english_regulation_page):
    assert [item["id"] for item in get(client, api("regulations") + "?locale=en")["items"]] == [english_regulation_page.pk]
    assert [item["id"] for item in get(client, api("regulations") + "?locale=es")["items"]] == [regulation_page.pk]

    error = get(client, api("regulations") + "?locale=fr", status=400)
    assert error["error"] == "bad_request" and "locale" in error["detail"]


def test_a_regulation_with_nothing_in_force_yet_is_listed_without_a_version(client, today, regulation_page):
    (item,) = get(client, api("regulations"))["items"]

    assert item["in_force"] is None
    assert get(client, api("regulation_detail", regulation_page.pk))["versions"] == []
    assert "no published version" in get(client, api("regulation_version", regulation_page.pk, "2026-01-01"), status=404)["detail"]


def test_a_regulation_lists_every_published_version_with_its_status_act_and_pdf(client, today, versions, regulation, regulation_page, english_regulation_page):
    pdf = Document.objects.create(title="Res. Ex. 412", file=ContentFile(b"%PDF-1.4 demo", name="res-412.pdf"))
    versions[1].official_pdf, versions[1].act_url = pdf, "https://www.diariooficial.cl/412"
    versions[1].save()
    version_actions.create_draft(regulation, "Artículo 1°.- Un borrador.", effective_from=datetime.date(2028, 1, 1))

    document = get(client, api("regulation_detail", regulation_page.pk))

    assert document["title"] == "Reglamento de compras" and document["kind"] == "regulation" and document["text_language"] == "es"
    assert document["translations"] == {
        "es": f"http://testserver{regulation_page.url}",
        "en": f"http://testserver{english_regulation_page.url}",
    }
    assert document["translation_ids"] == {"es": regulation_page.pk, "en": english_regulation_page.pk}
    assert [(v["effective_from"], v["effective_to"], v["status"]) for v in document["versions"]] == [
        ("2027-03-01", None, "future"),
        ("2024-07-01", "2027-02-28", "in_force"),
        ("2023-04-01", "2024-06-30", "superseded"),
    ]  # newest first, and no draft
    in_force = document["versions"][1]
    assert in_force["act"]["number"] == "412" and in_force["act"]["type"] == "resolucion_exenta"
    assert in_force["act"]["date"] == "2024-06-11" and in_force["act"]["url"] == "https://www.diariooficial.cl/412"
    assert "412" in in_force["act"]["reference"]
    assert in_force["official_pdf"] == f"http://testserver{pdf.url}"
    assert document["versions"][0]["official_pdf"] is None
    assert in_force["url"] == f"http://testserver{regulation_page.url}2024-07-01/"
    assert get(client, local(in_force["api_url"]))["version"]["effective_from"] == "2024-07-01"


def test_the_english_page_names_things_in_english_and_says_the_text_is_spanish(client, today, versions, english_regulation_page):
    document = get(client, api("regulation_detail", english_regulation_page.pk))
    assert document["locale"] == "en" and document["text_language"] == "es"
    assert document["versions"][1]["status_label"] == "in force"

    text = get(client, api("regulation_version", english_regulation_page.pk, "2025-01-01"))
    article = next(articles_of(text["provisions"]))
    assert article["citation"] == "Article 1°"
    assert article["url"].startswith("http://testserver/en/") and article["url"].endswith("/2024-07-01/art-1/")
    assert 'lang="es"' in article["text_html"]  # read with Spanish pronunciation
    cited = get(client, local(article["api_url"]))
    assert cited["cite_as"] == "Article 1°, Reglamento de compras (prueba), as in force on July 1, 2024."


# The text in force on a date


@pytest.mark.parametrize(
    "day, effective_from, status",
    [("2023-04-01", "2023-04-01", "superseded"), ("2024-06-30", "2023-04-01", "superseded"), ("2025-01-01", "2024-07-01", "in_force"),
     ("2030-01-01", "2027-03-01", "future")],
)  # fmt: skip
def test_any_date_gives_the_version_in_force_that_day(client, today, versions, regulation_page, day, effective_from, status):
    document = get(client, api("regulation_version", regulation_page.pk, day))

    assert document["day"] == day
    assert (document["version"]["effective_from"], document["version"]["status"]) == (effective_from, status)


def test_a_version_is_its_tree_with_each_articles_text_and_permalink(client, today, versions, regulation_page):
    document = get(client, api("regulation_version", regulation_page.pk, "2025-01-01"))

    assert document["preamble"].startswith("REGLAMENTO DE COMPRAS (PRUEBA)")
    assert [node["label"] for node in document["provisions"]] == ["titulo-1", "titulo-2", "disposiciones-transitorias", "anexo-1"]
    assert document["provisions"][1]["children"][0]["label"] == "titulo-2-parrafo-1"
    articles = {article["label"]: article for article in articles_of(document["provisions"])}
    assert list(articles) == ["art-1", "art-2", "art-3", "art-3-bis", "art-1-transitorio", "anexo-1"]
    assert document["article_count"] == 5
    art3 = articles["art-3"]
    assert (art3["number"], art3["heading"], art3["citation"]) == ("3", "", "Artículo 3°")
    assert art3["text"] == "Compra ágil. Las compras de hasta 100 UTM podrán hacerse por compra ágil.\nLa Unidad de Compras publicará cada solicitud."
    assert '<p id="art-3-inciso-2">La Unidad de Compras publicará cada solicitud.</p>' in art3["text_html"]
    assert [inciso["id"] for inciso in art3["incisos"]] == ["art-3-inciso-1", "art-3-inciso-2"]
    assert art3["url"] == f"http://testserver{regulation_page.url}2024-07-01/art-3/"  # the version's first day, not the date asked
    assert local(art3["api_url"]) == api("regulation_article", regulation_page.pk, "2024-07-01", "art-3")
    assert articles["art-1-transitorio"]["transitory"] is True
    assert articles["anexo-1"]["kind"] == "annex" and "conflictos de interés" in articles["anexo-1"]["text"]
    assert client.get(art3["url"]).status_code == 200  # the permalink is the page that shows it


def test_a_date_before_the_first_version_is_a_404_that_says_when_the_first_took_effect(client, today, versions, regulation_page):
    error = get(client, api("regulation_version", regulation_page.pk, "2020-01-01"), status=404)

    assert error["error"] == "not_found"
    assert "2020-01-01" in error["detail"] and "2023-04-01" in error["detail"]


@pytest.mark.parametrize(
    "day",
    ["2025-02-30", "2025-13-01", "2025-00-10", "2025-2-3", "20250203", "2025-W01-1", "hoy", "0000-01-01", "2025-01-01T00:00",
     "1700000000", "2025-01-01%20", "%F0%9F%98%80", "9" * 5000],
)  # fmt: skip
def test_an_impossible_or_malformed_date_is_a_400_that_says_how_to_write_it(client, today, versions, regulation_page, day):
    for path in (
        api("regulation_version", regulation_page.pk, "DAY"),
        api("regulation_article", regulation_page.pk, "DAY", "art-1"),
        api("regulation_comparison", regulation_page.pk, "DAY", "2030-01-01"),
        api("regulation_comparison", regulation_page.pk, "2023-04-01", "DAY"),
    ):
        error = get(client, path.replace("DAY", day), status=400)
        assert error["error"] == "bad_request"
        assert "YYYY-MM-DD" in error["detail"]


@pytest.mark.parametrize("page_id, status", [("999999", 404), ("2147483648", 400), ("99999999999999999999999", 400), ("0", 400)])
def test_unknown_and_impossible_ids_are_json_errors(client, today, versions, regulation_page, page_id, status):
    for path in (
        f"/api/v1/regulations/{page_id}",
        f"/api/v1/regulations/{page_id}/versions/2025-01-01",
        f"/api/v1/regulations/{page_id}/versions/2025-01-01/articles/art-1",
        f"/api/v1/regulations/{page_id}/compare/2023-04-01/2025-01-01",
    ):
        error = get(client, path, status=status)
        if status == 404:
            assert page_id in error["detail"]


def test_other_pages_ids_and_non_numeric_ids_are_404s(client, today, versions, regulation_page):
    index = regulation_page.get_parent()
    assert str(index.pk) in get(client, api("regulation_detail", index.pk), status=404)["detail"]
    assert get(client, "/api/v1/regulations/reglamento-de-compras", status=404)["error"] == "not_found"
    assert get(client, "/api/v1/regulations/-1", status=404)["error"] == "not_found"


def test_unpublished_and_private_regulation_pages_are_not_there(client, today, versions, regulation_page):
    path = api("regulation_version", regulation_page.pk, "2025-01-01")
    PageViewRestriction.objects.create(page=regulation_page.get_parent(), restriction_type="login")
    assert get(client, path, status=404)["error"] == "not_found"
    assert get(client, api("regulations"))["items"] == []

    PageViewRestriction.objects.all().delete()
    regulation_page.unpublish()
    assert get(client, path, status=404)["error"] == "not_found"
    assert get(client, api("regulation_detail", regulation_page.pk), status=404)["error"] == "not_found"


def test_a_withdrawn_version_is_gone_at_once(client, today, versions, regulation_page):
    version_actions.withdraw(versions[1])

    document = get(client, api("regulation_version", regulation_page.pk, "2025-01-01"))

    assert document["version"]["effective_from"] == "2023-04-01"
    dates = [version["effective_from"] for version in get(client, api("regulation_detail", regulation_page.pk))["versions"]]
    assert dates == ["2027-03-01", "2023-04-01"]


# One article


def test_an_article_as_in_force_on_a_date_with_its_citation_and_history(client, today, versions, regulation_page):
    document = get(client, api("regulation_article", regulation_page.pk, "2023-05-01", "art-3"))

    assert document["day"] == "2023-05-01" and document["version"]["effective_from"] == "2023-04-01"
    assert "hasta 30 UTM" in document["article"]["text"]
    assert document["article"]["children"] == []
    assert document["url"] == f"http://testserver{regulation_page.url}2023-04-01/art-3/"
    assert document["cite_as"] == "Artículo 3°, Reglamento de compras (prueba), vigente al 1 de mayo de 2023."
    assert [(node["label"], node["heading"]) for node in document["within"]] == [
        ("titulo-2", "DE LOS PROCEDIMIENTOS"),
        ("titulo-2-parrafo-1", "De la compra ágil"),
    ]
    assert [(entry["effective_from"], entry["change"]) for entry in document["changed_in"]] == [
        ("2024-07-01", "changed"),
        ("2023-04-01", "original"),
    ]
    newer = get(client, local(document["changed_in"][0]["api_url"]))
    assert "hasta 100 UTM" in newer["article"]["text"]


@pytest.mark.parametrize("label, day", [("art-3-bis", "2025-01-01"), ("art-1-transitorio", "2025-01-01"), ("anexo-1", "2023-04-01")])
def test_bis_transitory_articles_and_annexes_have_addresses_too(client, today, versions, regulation_page, label, day):
    document = get(client, api("regulation_article", regulation_page.pk, day, label))

    assert document["article"]["label"] == label and document["article"]["text"]


def test_an_article_the_version_does_not_have_is_a_404_that_names_it_and_where_it_is(client, today, versions, regulation_page):
    removed = get(client, api("regulation_article", regulation_page.pk, "2025-01-01", "art-4"), status=404)
    assert "art-4" in removed["detail"] and "2023-04-01" in removed["detail"] and "2025-01-01" in removed["detail"]

    not_yet = get(client, api("regulation_article", regulation_page.pk, "2023-05-01", "art-3-bis"), status=404)
    assert "art-3-bis" in not_yet["detail"] and "2024-07-01" in not_yet["detail"]

    never = get(client, api("regulation_article", regulation_page.pk, "2025-01-01", "art-99"), status=404)
    assert "art-99" in never["detail"]


@pytest.mark.parametrize(
    "label",
    ["ART-3", "art_3", "art%203", "art-3;drop", "titulo-1", "3", "art-", "%F0%9F%98%80", "art-3%00", "a" * 500, "art-" + "1" * 100],
)
def test_a_label_that_cannot_be_an_articles_is_a_400(client, today, versions, regulation_page, label):
    error = get(client, api("regulation_article", regulation_page.pk, "2025-01-01", "LABEL").replace("LABEL", label), status=400)

    assert error["error"] == "bad_request" and "art-12-bis" in error["detail"]


# Comparing two dates


def test_a_comparison_counts_and_lists_each_change_with_old_and_new_text(client, today, versions, regulation_page):
    document = get(client, api("regulation_comparison", regulation_page.pk, "2023-04-01", "2025-01-01"))

    assert document["older"]["effective_from"] == "2023-04-01" and document["newer"]["effective_from"] == "2024-07-01"
    assert document["counts"] == {"added": 1, "removed": 1, "changed": 1, "unchanged": 4}
    assert document["same_version"] is False
    changes = {change["label"]: change for change in document["changes"]}
    assert [change["label"] for change in document["changes"]] == ["art-1", "art-2", "art-3", "art-3-bis", "art-4", "art-1-transitorio", "anexo-1"]
    art3 = changes["art-3"]
    assert art3["change"] == "changed" and "30 UTM" in art3["older_text"] and "100 UTM" in art3["newer_text"]
    assert {"operation": "delete", "text": "30"} in art3["redline"]
    assert "<del>" in art3["redline_html"] and "<ins>" in art3["redline_html"] and "100" in art3["redline_html"]
    assert art3["older_url"] == f"http://testserver{regulation_page.url}2023-04-01/art-3/"
    assert art3["newer_url"] == f"http://testserver{regulation_page.url}2024-07-01/art-3/"
    assert changes["art-3-bis"]["change"] == "added" and changes["art-3-bis"]["older_text"] is None
    assert "tres cotizaciones" in changes["art-3-bis"]["newer_text"] and changes["art-3-bis"]["older_url"] is None
    assert changes["art-4"]["change"] == "removed" and "registro en papel" in changes["art-4"]["older_text"]
    assert changes["art-4"]["newer_api_url"] is None
    assert get(client, local(changes["art-4"]["older_api_url"]))["article"]["label"] == "art-4"
    assert changes["art-1"]["change"] == "unchanged" and changes["art-1"]["redline"] == [] and changes["art-1"]["redline_html"] is None
    assert document["url"] == f"http://testserver{regulation_page.url}compare/2023-04-01/2025-01-01/"


def test_two_dates_in_one_version_compare_as_unchanged(client, today, versions, regulation_page):
    document = get(client, api("regulation_comparison", regulation_page.pk, "2024-08-01", "2025-01-01"))

    assert document["same_version"] is True
    assert document["counts"] == {"added": 0, "removed": 0, "changed": 0, "unchanged": 6}


@pytest.mark.parametrize(
    "older, newer, status, named",
    [("2025-01-01", "2023-04-01", 400, "2025-01-01"), ("2024-07-01", "2024-07-01", 400, "2024-07-01"),
     ("2020-01-01", "2024-07-01", 404, "2020-01-01"), ("2023-04-01", "2025-02-30", 400, "2025-02-30")],
)  # fmt: skip
def test_a_comparison_the_dates_cannot_make_is_a_clear_error(client, today, versions, regulation_page, older, newer, status, named):
    error = get(client, api("regulation_comparison", regulation_page.pk, older, newer), status=status)

    assert named in error["detail"]


# HTTP, documentation, query counts


def test_last_modified_is_the_newest_publication_and_revalidation_works(client, today, versions, regulation_page):
    path = api("regulation_version", regulation_page.pk, "2025-01-01")
    response = client.get(path)
    newest = max([regulation_page.last_published_at] + [version.published_at for version in versions] + [version.updated_at for version in versions])

    assert response["Last-Modified"] == http_date(newest.timestamp())
    assert client.get(path, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 304

    with time_machine.travel(datetime.datetime(2026, 11, 24, 9, 0), tick=False):
        versions[1].summary = "Sube el monto de la compra ágil."  # an edit of a published version's details
        versions[1].save()
    again = client.get(path)
    assert again.status_code == 200 and again["Last-Modified"] != response["Last-Modified"]
    assert client.get(path, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 200

    with time_machine.travel(datetime.datetime(2026, 11, 25, 9, 0), tick=False):
        version_actions.withdraw(versions[1])  # a withdrawal is news too: no 304 with the withdrawn text
    withdrawn = client.get(path, HTTP_IF_MODIFIED_SINCE=again["Last-Modified"])
    assert withdrawn.status_code == 200 and withdrawn.json()["version"]["effective_from"] == "2023-04-01"
    assert withdrawn["Last-Modified"] == "Wed, 25 Nov 2026 09:00:00 GMT"


def test_every_operation_and_field_is_documented(client):
    schema = get(client, "/api/v1/openapi.json")
    operations = {
        operation["operationId"]: (path, operation) for path, item in schema["paths"].items() for operation in item.values()
    }
    names = {"regulations", "regulation_detail", "regulation_version", "regulation_article", "regulation_comparison"}
    ours = {name: operations[f"regulations_api_{name}"] for name in names}
    for path, operation in ours.values():
        assert path.startswith("/api/v1/regulations") and operation["description"] and operation["tags"] == ["Reglamentos"]
        assert {"200", "400", "404"} <= set(operation["responses"])
        assert all(parameter.get("description") for parameter in operation["parameters"])
    regulation_schemas = {name: body for name, body in schema["components"]["schemas"].items() if name.startswith(("Regulation", "Redline"))}
    assert len(regulation_schemas) >= 10
    undocumented = [
        f"{name}.{field}"
        for name, body in regulation_schemas.items()
        for field, definition in body.get("properties", {}).items()
        if not definition.get("description")
    ]
    assert undocumented == []


def long_text(count, amended=False):
    """`count` articles in títulos of 20; amended: every 10th article changed, one removed, a bis added."""
    lines = ["REGLAMENTO LARGO", ""]
    for number in range(1, count + 1):
        if number % 20 == 1:
            lines += [f"TÍTULO {number // 20 + 1}", f"DE LA PARTE {number // 20 + 1}", ""]
        if amended and number == count // 2:
            continue
        body = f"Texto del artículo {number}. La Unidad de Compras deberá publicar la información.\na) Primera letra.\nb) Segunda letra."
        if amended and number % 10 == 0:
            body = body.replace("deberá", "podrá")
        lines += [f"Artículo {number}.- {body}", ""]
        if amended and number == 3:
            lines += ["Artículo 3 bis.- Un artículo nuevo.", ""]
    return "\n".join(lines)


@pytest.fixture(params=[4, 240], ids=["short", "long"])
def sized_regulation(request, today, regulation_index):
    """A regulation of 4 or 240 articles in two versions, and its public page."""
    regulation = Regulation.objects.create(name=f"Reglamento de {request.param} artículos")
    for text, day in ((long_text(request.param), datetime.date(2020, 1, 1)), (long_text(request.param, amended=True), datetime.date(2021, 1, 1))):
        version_actions.publish(version_actions.create_draft(regulation, text, effective_from=day))
    page = regulation_index.add_child(instance=RegulationPage(title=regulation.name, slug=f"largo-{request.param}", regulation=regulation))
    return publish(page), request.param


def test_queries_do_not_grow_with_the_number_of_articles(client, sized_regulation, django_assert_max_num_queries):
    page, size = sized_regulation
    paths = {  # each count includes the site's last public change, for Last-Modified
        api("regulations"): 6,
        api("regulation_detail", page.pk): 8,
        api("regulation_version", page.pk, "2021-06-01"): 7,
        api("regulation_article", page.pk, "2021-06-01", "art-3-bis"): 8,
        api("regulation_comparison", page.pk, "2020-06-01", "2021-06-01"): 8,
    }
    for path, limit in paths.items():
        client.get(path)  # per-process caches (site root paths, content types) warmed
        with django_assert_max_num_queries(limit):
            response = client.get(path)
        assert response.status_code == 200, response.json()
    document = client.get(api("regulation_version", page.pk, "2021-06-01")).json()
    assert document["article_count"] == size  # one removed, a bis added
    counts = client.get(api("regulation_comparison", page.pk, "2020-06-01", "2021-06-01")).json()["counts"]
    assert counts["changed"] == size // 10 - (1 if size // 2 % 10 == 0 else 0) and counts["added"] == 1 and counts["removed"] == 1

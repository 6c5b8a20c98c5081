"""/api/v1/transparency/: Transparencia Activa as a journalist's script reads it: categories and
datasets in both languages, every published month with its corrections, rows typed as in the
downloads, pagination that holds while officers publish, and JSON errors for odd requests."""

import datetime
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.http import http_date
from wagtail.models import PageViewRestriction

from tests.conftest import publish
from tests.transparency.conftest import (  # noqa: F401  (fixtures)
    category_page,
    dataset,
    dataset_page,
    pay_schema,
    spanish_home,
    transparency_index,
)
from tests.transparency.test_public_pages import add_dataset_page, publish_month
from transparency import snapshots
from transparency.models import DatasetPage, Snapshot, TransparencyCategoryPage

API = "/api/v1/transparency"
DRAFT_CSV = "Nombre completo,Remuneración bruta\nA,1\n".encode()  # a month imported, not published


@pytest.fixture
def english_pages(category_page, dataset_page, english):
    """The category and dataset pages translated (the index above them is an alias, as editors leave it)."""
    category_en = category_page.copy_for_translation(english, copy_parents=True)
    category_en.title, category_en.slug = "Staff and pay", "staff"
    category_en = publish(category_en)
    dataset_en = dataset_page.copy_for_translation(english)
    dataset_en.title, dataset_en.slug = "Permanent staff", "permanent"
    dataset_en.description = "Permanent civil servants and their monthly gross pay."
    return category_en, publish(dataset_en)


def local(url):
    """An absolute URL from the API as the test client requests it."""
    parts = urlsplit(url)
    assert parts.scheme == "http" and parts.netloc == "testserver", url
    return parts.path + (f"?{parts.query}" if parts.query else "")


def moment(text):
    """A date-time as the API writes it (ISO 8601, UTC, to the millisecond)."""
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def get(client, path, **params):
    response = client.get(path, params)
    assert response["Content-Type"].startswith("application/json"), response.content[:300]
    return response


def ok(client, path, **params):
    response = get(client, path, **params)
    assert response.status_code == 200, response.json()
    return response.json()


def download(client, url):
    response = client.get(local(url))
    assert response.status_code == 200, url
    return b"".join(response.streaming_content).decode("utf-8-sig")


def cursor_of(body):
    """The cursor in a page's `next` link."""
    return parse_qs(urlsplit(body["next"]).query)["cursor"][0]


def walk(client, url):
    """Every row of a month, following `next` links; also each page's `version`."""
    rows, versions, pages = [], [], 0
    while url:
        response = client.get(local(url))
        assert response.status_code == 200, response.json()
        body = response.json()
        rows += body["rows"]
        versions.append(body["version"])
        assert response["X-Total-Count"] == str(body["row_count"])
        url, pages = body["next"], pages + 1
    return rows, versions, pages


# Categories


def test_categories_in_tree_order_with_their_datasets_state(client, english_pages, category_page, dataset_page):
    publish_month(dataset_page.dataset, 10)
    category_en, _dataset_en = english_pages
    body = ok(client, f"{API}/categories")
    assert body["count"] == 2
    spanish, english = body["items"]
    assert (spanish["id"], spanish["locale"], spanish["letter"]) == (category_page.pk, "es", "d")
    assert (english["id"], english["locale"], english["title"]) == (category_en.pk, "en", "Staff and pay")
    assert spanish["legal_name"] == "Personal y remuneraciones" and english["legal_name"] == "Staff and remuneration"
    assert "artículo 7, letra d)" in spanish["legal_basis"] and "article 7, letter d)" in english["legal_basis"]
    assert spanish["dataset_count"] == english["dataset_count"] == 1
    assert spanish["status"] == "overdue"  # reporting since January, only October published
    published_at = dataset_page.dataset.snapshots.get().published_at
    assert abs(moment(spanish["last_updated"]) - published_at) < datetime.timedelta(milliseconds=1)

    assert client.get(local(spanish["url"])).status_code == 200  # the public page itself
    assert ok(client, local(spanish["api_url"]))["title"] == "Personal y remuneraciones"
    datasets = ok(client, local(english["datasets_url"]))["items"]
    assert [item["title"] for item in datasets] == ["Permanent staff"]

    assert [item["locale"] for item in ok(client, f"{API}/categories", locale="en")["items"]] == ["en"]


def test_category_texts_are_html_with_absolute_links(client, category_page, transparency_index):
    category_page.intro = (
        f'<p>Véase <a linktype="page" id="{transparency_index.pk}">el índice</a> y '
        '<a href="/es/transparencia/">la portada</a>.</p>'
    )
    category_page.legal_basis = '<p>Ley 20.285, <a href="https://www.bcn.cl/leychile">texto</a>.</p>'
    publish(category_page)
    item = ok(client, f"{API}/categories/{category_page.pk}")
    assert item["intro"].count('href="http://testserver/es/transparencia/"') == 2
    assert 'linktype' not in item["intro"]
    assert item["legal_basis"] == '<p>Ley 20.285, <a href="https://www.bcn.cl/leychile">texto</a>.</p>'


def test_category_detail_lists_its_datasets_with_latest_month(client, category_page, dataset_page):
    publish_month(dataset_page.dataset, 9)
    publish_month(dataset_page.dataset, 10)
    other = add_dataset_page(category_page, dataset_page.dataset.schema, 1)
    body = ok(client, f"{API}/categories/{category_page.pk}")
    assert body["dataset_count"] == 2
    first, second = body["datasets"]
    assert (first["id"], first["title"], first["latest_month"], first["months"]) == (
        dataset_page.pk, "Personal de planta", "2026-10", ["2026-10", "2026-09"],
    )
    assert (second["id"], second["latest_month"], second["months"]) == (other.pk, None, [])
    assert second["last_published"] is None and second["status"] == "overdue"
    assert ok(client, local(first["api_url"]))["title"] == "Personal de planta"
    assert client.get(local(first["url"])).status_code == 200


# Datasets


def test_dataset_list_filters_by_language_category_and_letter(client, english_pages, dataset_page):
    publish_month(dataset_page.dataset, 10)
    snapshots.import_csv(dataset_page.dataset, datetime.date(2026, 11, 1), DRAFT_CSV)
    all_items = ok(client, f"{API}/datasets")["items"]
    assert [(item["locale"], item["title"]) for item in all_items] == [
        ("es", "Personal de planta"), ("en", "Permanent staff"),
    ]
    spanish, english = all_items
    assert spanish["dataset"] == english["dataset"] == "planta-prueba"
    assert spanish["months"] == ["2026-10"]  # the November draft is not public
    headers = {item["locale"]: [column["header"] for column in item["columns"]][:3] for item in all_items}
    assert headers == {
        "es": ["Nombre completo", "Grado", "Remuneración bruta"],
        "en": ["Full name", "Grade", "Gross pay"],
    }
    typed = [(column["key"], column["type"]) for column in english["columns"]]
    assert typed[1:3] == [("grado", "integer"), ("remuneracion_bruta", "money")]
    assert english["category"]["title"] == "Staff and pay" and english["category"]["letter"] == "d"

    def titles(**params):
        return [item["title"] for item in ok(client, f"{API}/datasets", **params)["items"]]

    assert titles(locale="en") == ["Permanent staff"]
    assert titles(category="personal") == ["Personal de planta"]
    assert titles(category="staff", locale="en") == ["Permanent staff"]
    assert titles(letter="d") == ["Personal de planta", "Permanent staff"]
    assert titles(letter="a") == []
    assert titles(letter="d", locale="es", category="personal") == ["Personal de planta"]

    unknown = get(client, f"{API}/datasets", category="staff", locale="es")
    assert unknown.status_code == 400 and unknown.json()["error"] == "bad_request"
    assert "staff" in unknown.json()["detail"]


def test_dataset_detail_has_every_month_its_corrections_and_working_links(client, english_pages, dataset_page):
    _category_en, dataset_en = english_pages
    dataset_page.notes = '<p>Fuente: <a href="/es/transparencia/">índice</a>.</p>'
    dataset_page = publish(dataset_page)
    publish_month(dataset_page.dataset, 9, count=2)
    original = publish_month(dataset_page.dataset, 10, count=3, pay=1_000_000)
    draft = snapshots.start_correction(original)
    row = draft.rows.get(position=2)
    row.values["remuneracion_bruta"] = 1_500_000
    row.save()
    snapshots.publish(draft, "Se corrigió la remuneración de la fila 2.")
    snapshots.publish_no_movements(dataset_page.dataset, datetime.date(2026, 11, 1))

    body = ok(client, f"{API}/datasets/{dataset_page.pk}")
    assert body["methodology"] == '<p>Fuente: <a href="http://testserver/es/transparencia/">índice</a>.</p>'
    assert body["translations"] == {
        "es": "http://testserver/es/transparencia/personal/planta/",
        "en": f"http://testserver{dataset_en.url}",
    }
    assert body["category"]["id"] == dataset_page.get_parent().pk
    assert body["reporting_since"] == "2026-01"
    assert [month["month"] for month in body["months"]] == ["2026-11", "2026-10", "2026-09"]
    november, october, september = body["months"]
    assert november["no_movements"] is True and november["row_count"] == 0
    assert (october["version"], october["corrected_on"]) == (2, None)
    assert october["correction_note"] == "Se corrigió la remuneración de la fila 2."
    [earlier] = october["earlier_versions"]
    assert earlier["version"] == 1 and earlier["corrected_on"] is not None and earlier["correction_note"] == ""
    assert september["earlier_versions"] == [] and september["correction_note"] == ""

    # every link works, and a replaced version's links keep giving it as it was
    assert "1500000" in download(client, october["csv_url"])
    assert "1000002" in download(client, earlier["csv_url"]) and "1500000" not in download(client, earlier["csv_url"])
    assert json.loads(download(client, earlier["json_url"]))["version"] == 1
    assert client.get(local(earlier["page_url"])).status_code == 200
    assert earlier["page_url"].endswith("/2026-10/v1/") and october["page_url"].endswith("/2026-10/")
    assert ok(client, local(october["rows_url"]))["rows"][1]["remuneracion_bruta"] == 1_500_000
    assert ok(client, local(earlier["rows_url"]))["rows"][1]["remuneracion_bruta"] == 1_000_002
    assert ok(client, local(november["rows_url"]))["rows"] == []

    english = ok(client, f"{API}/datasets/{dataset_en.pk}")
    assert english["translations"] == body["translations"] and english["translation_key"] == body["translation_key"]
    assert english["months"][1]["csv_url"] == f"http://testserver{dataset_en.url}2026-10/csv/"
    assert download(client, english["months"][1]["csv_url"]).startswith("Full name,Grade,Gross pay")


def test_last_modified_follows_the_newest_of_page_and_month(client, dataset_page):
    """Never earlier than the site's last public change (portal.api.common.set_last_modified), and
    moved on by a month's publication or the page's, whichever is newer."""
    snapshot = publish_month(dataset_page.dataset, 10)
    month_time = timezone.now() + datetime.timedelta(hours=2)  # later than every publication so far
    Snapshot.objects.filter(pk=snapshot.pk).update(published_at=month_time)
    for path in (f"/datasets/{dataset_page.pk}", f"/datasets/{dataset_page.pk}/months/2026-10", "/datasets"):
        assert client.get(API + path)["Last-Modified"] == http_date(month_time.timestamp()), path
    later = month_time + datetime.timedelta(hours=1)
    DatasetPage.objects.filter(pk=dataset_page.pk).update(last_published_at=later)
    assert client.get(f"{API}/datasets/{dataset_page.pk}")["Last-Modified"] == http_date(later.timestamp())


# A month's rows


def test_rows_are_typed_as_in_the_json_download_with_headers_in_the_pages_language(client, english_pages, dataset_page):
    publish_month(dataset_page.dataset, 10, count=5)
    _category_en, dataset_en = english_pages
    body = ok(client, f"{API}/datasets/{dataset_en.pk}/months/2026-10")
    document = json.loads(download(client, body["json_url"]))
    assert body["rows"] == document["rows"]
    assert body["rows"][0] == {
        "nombre": "Persona 001", "grado": 2, "remuneracion_bruta": 1000001, "fecha_inicio": "2020-01-02",
        "enlace": "https://example.cl/1", "correo": "p1@example.cl",
    }
    assert [column["header"] for column in body["columns"]][:3] == ["Full name", "Grade", "Gross pay"]
    for field in ("dataset", "month", "version", "correction_note", "no_movements", "row_count"):
        assert body[field] == document[field], field
    assert body["csv_url"] == f"http://testserver{dataset_en.url}2026-10/csv/"
    assert body["page_url"] == f"http://testserver{dataset_en.url}2026-10/"
    assert body["next"] is None and body["row_count"] == 5
    spanish = ok(client, f"{API}/datasets/{dataset_page.pk}/months/2026-10")
    assert spanish["rows"] == body["rows"] and spanish["columns"][2]["header"] == "Remuneración bruta"


def test_walking_the_pages_yields_every_row_once_while_officers_publish(client, dataset_page):
    dataset = dataset_page.dataset
    original = publish_month(dataset, 10, count=30, pay=1_000_000)
    response = client.get(f"{API}/datasets/{dataset_page.pk}/months/2026-10", {"limit": 7})
    first = response.json()
    assert response["X-Total-Count"] == "30" and len(first["rows"]) == 7
    assert f'<{first["next"]}>; rel="next"' in response["Link"]
    assert f'<{first["first"]}>; rel="first"' in response["Link"] and "limit=7" in first["first"]

    # meanwhile: a new month, and a correction of the month being read
    publish_month(dataset, 11, count=4)
    draft = snapshots.start_correction(original)
    draft.rows.filter(position__gt=10).update(values={"nombre": "Otra persona", "remuneracion_bruta": 1})
    snapshots.publish(draft, "Filas 11 a 30 reemplazadas.")

    rest, versions, pages = walk(client, first["next"])
    rows = first["rows"] + rest
    assert [row["nombre"] for row in rows] == [f"Persona {n:03}" for n in range(1, 31)]
    assert set(versions) == {1} and pages == 4  # the walk stays on the version it started on
    again = ok(client, f"{API}/datasets/{dataset_page.pk}/months/2026-10", limit=7, version=1, cursor=cursor_of(first))
    assert again["corrected_on"] is not None and again["rows"][0]["nombre"] == "Persona 008"

    # a new walk reads the month as published now; the whole of it in one page at most 1000 rows
    now, versions, pages = walk(client, f"http://testserver{API}/datasets/{dataset_page.pk}/months/2026-10?limit=1000")
    assert pages == 1 and versions == [2] and [row["nombre"] for row in now].count("Otra persona") == 20


def test_a_cursor_works_only_where_it_was_given(client, dataset_page):
    publish_month(dataset_page.dataset, 9, count=5)
    publish_month(dataset_page.dataset, 10, count=5)
    base = f"{API}/datasets/{dataset_page.pk}/months"
    cursor = cursor_of(ok(client, f"{base}/2026-10", limit=2))
    assert ok(client, f"{base}/2026-10", limit=2, cursor=cursor)["rows"][0]["nombre"] == "Persona 003"
    for month, params in (("2026-09", {}), ("2026-10", {"version": 2})):
        response = get(client, f"{base}/{month}", limit=2, cursor=cursor, **params)
        assert response.status_code == 400 and "cursor" in response.json()["detail"]
    for damaged in ("x", "!!!", cursor[:-3], "WzEsIDJd" * 3, "Wzk5OTk5OTk5OTk5OTk5OTk5OTk5LCAxXQ", "bnVsbA"):
        response = get(client, f"{base}/2026-10", cursor=damaged)
        assert response.status_code == 400, damaged
        assert response.json() == {"error": "bad_request", "detail": response.json()["detail"]}


@pytest.mark.parametrize(
    "path, params, status",
    [
        ("/datasets/{id}/months/2026-13", {}, 400),
        ("/datasets/{id}/months/2026-1", {}, 400),
        ("/datasets/{id}/months/26-10", {}, 400),
        ("/datasets/{id}/months/abcd-ef", {}, 400),
        ("/datasets/{id}/months/2026-10", {"limit": 0}, 400),
        ("/datasets/{id}/months/2026-10", {"limit": 1001}, 400),
        ("/datasets/{id}/months/2026-10", {"limit": "diez"}, 400),
        ("/datasets/{id}/months/2026-10", {"version": 0}, 400),
        ("/datasets/{id}/months/2026-10", {"version": 10**30}, 400),
        ("/datasets/{id}/months/2026-10", {"version": 7}, 404),
        ("/datasets/{id}/months/2025-10", {}, 404),
        ("/datasets/{id}/months/0000-01", {}, 404),
        ("/datasets/{id}/months/9999-12", {}, 404),
        ("/datasets/{id}/months/2026-11", {}, 404),  # a draft month
        ("/datasets", {"locale": "fr"}, 400),
        ("/datasets", {"letter": "z"}, 400),
        ("/datasets", {"category": "<script>"}, 400),
        ("/datasets", {"category": "x" * 300}, 400),
        ("/categories", {"locale": "ES"}, 400),
        ("/datasets/0", {}, 400),
        ("/datasets/-5", {}, 400),
        ("/datasets/abc", {}, 400),
        ("/datasets/1e3", {}, 400),
        ("/datasets/99999999999999999999999", {}, 400),
        ("/datasets/2147483647", {}, 404),
        ("/datasets/{category}", {}, 404),  # a category is not a dataset
        ("/categories/{id}", {}, 404),  # nor a dataset a category
        ("/categories/99999999999999999999999/", {}, 404),
        ("/categories/-1", {}, 400),
        ("/datasets/{id}/months/2026-10/rows", {}, 404),
    ],
)
def test_odd_requests_are_json_errors_never_500(client, dataset_page, category_page, path, params, status):
    publish_month(dataset_page.dataset, 10)
    snapshots.import_csv(dataset_page.dataset, datetime.date(2026, 11, 1), DRAFT_CSV)
    response = get(client, API + path.format(id=dataset_page.pk, category=category_page.pk), **params)
    assert response.status_code == status, response.json()
    body = response.json()
    assert set(body) == {"error", "detail"} and body["error"] == {400: "bad_request", 404: "not_found"}[status]
    assert body["detail"]


def test_private_unpublished_and_draft_content_stays_out(client, category_page, dataset_page):
    publish_month(dataset_page.dataset, 10)
    hidden = add_dataset_page(category_page, dataset_page.dataset.schema, 1)
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="secreto")
    unpublished = add_dataset_page(category_page, dataset_page.dataset.schema, 2)
    unpublished.unpublish()
    assert [item["id"] for item in ok(client, f"{API}/datasets")["items"]] == [dataset_page.pk]
    assert ok(client, f"{API}/categories/{category_page.pk}")["dataset_count"] == 1
    assert ok(client, f"{API}/categories")["items"][0]["dataset_count"] == 1
    for page in (hidden, unpublished):
        assert get(client, f"{API}/datasets/{page.pk}").status_code == 404
        assert get(client, f"{API}/datasets/{page.pk}/months/2026-10").status_code == 404

    PageViewRestriction.objects.create(page=category_page, restriction_type="password", password="secreto")
    assert ok(client, f"{API}/categories")["items"] == []
    assert ok(client, f"{API}/datasets")["items"] == []
    assert get(client, f"{API}/datasets/{dataset_page.pk}").status_code == 404


# Bounded queries


def query_count(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200, path
    return len(queries)


def test_queries_do_not_grow_with_datasets_months_or_rows(
    client, english_pages, category_page, dataset_page, django_assert_max_num_queries
):
    dataset = dataset_page.dataset
    publish_month(dataset, 10, count=3)
    paths = {
        "categories": f"{API}/categories",
        "category": f"{API}/categories/{category_page.pk}",
        "datasets": f"{API}/datasets",
        "datasets of a category": f"{API}/datasets?category=personal",
        "dataset": f"{API}/datasets/{dataset_page.pk}",
        "rows": f"{API}/datasets/{dataset_page.pk}/months/2026-10?limit=100",
    }
    for path in paths.values():
        client.get(path)  # the first visit ever stores the default transparency settings
    small = {name: query_count(client, path) for name, path in paths.items()}
    assert max(small.values()) <= 12, small

    for month in range(1, 10):
        publish_month(dataset, month, count=5)
    draft = snapshots.start_correction(dataset.current_snapshots().get(period=datetime.date(2026, 9, 1)))
    snapshots.publish(draft, "Corrección.")
    publish_month(dataset, 11, count=300)
    for number in range(6):
        extra = add_dataset_page(category_page, dataset.schema, number)
        publish_month(extra.dataset, 10, count=2)
        publish_month(extra.dataset, 9, count=2)
    TransparencyCategoryPage.objects.get(pk=category_page.pk)  # still one category per language
    paths["rows"] = f"{API}/datasets/{dataset_page.pk}/months/2026-11?limit=100"
    for name, path in paths.items():
        with django_assert_max_num_queries(small[name]):
            response = client.get(path)
        assert response.status_code == 200, name
    assert len(ok(client, f"{API}/datasets")["items"]) == 8
    assert len(ok(client, f"{API}/datasets/{dataset_page.pk}")["months"]) == 11


# The demo and the published schema


def test_every_demo_dataset_and_its_latest_month_resolve(client, transparency_demo_site):
    datasets = ok(client, f"{API}/datasets")["items"]
    assert len(datasets) == DatasetPage.objects.count() == 2 * len({item["dataset"] for item in datasets})
    categories = ok(client, f"{API}/categories")["items"]
    assert [item["letter"] for item in categories] == list("abcdefghijklm") * 2
    assert sum(item["dataset_count"] for item in categories) == len(datasets)
    for item in datasets:
        detail = ok(client, local(item["api_url"]))
        assert [month["month"] for month in detail["months"]] == item["months"]
        latest = detail["months"][0]
        rows = client.get(local(latest["rows_url"]), {"limit": 1000})
        assert rows.status_code == 200 and int(rows["X-Total-Count"]) == latest["row_count"] == len(rows.json()["rows"])
    corrected = [
        (item["title"], month["month"])
        for item in datasets
        for month in ok(client, local(item["api_url"]))["months"]
        if month["earlier_versions"]
    ]
    assert len(corrected) == 2 and {title for title, _month in corrected} == {"Personal de planta", "Permanent staff"}


def test_openapi_documents_the_operations_for_journalists(client):
    schema = ok(client, "/api/v1/openapi.json")
    paths = schema["paths"]
    month = paths["/api/v1/transparency/datasets/{page_id}/months/{month}"]["get"]
    parameters = {parameter["name"]: parameter for parameter in month["parameters"]}
    assert parameters["month"]["schema"]["pattern"] == r"^\d{4}-(0[1-9]|1[0-2])$"
    assert parameters["limit"]["schema"]["maximum"] == 1000 and parameters["limit"]["schema"]["default"] == 100
    assert set(month["responses"]) >= {"200", "400", "404"}
    assert {"Transparencia Activa"} == set(month["tags"])
    for path in ("/categories", "/categories/{page_id}", "/datasets", "/datasets/{page_id}"):
        assert paths[f"/api/v1/transparency{path}"]["get"]["description"], path
    components = schema["components"]["schemas"]
    for name in ("DatasetMonthRows", "DatasetDetail", "DatasetMonth", "DatasetVersion", "TransparencyCategory"):
        assert components[name]["description"], name
    assert "replaced" in components["DatasetVersion"]["properties"]["corrected_on"]["description"]

"""What citizens and journalists see: categories in legal order, a month's table, history, downloads."""

import csv
import datetime
import io
import json

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import publish
from transparency import snapshots
from transparency.models import Dataset, DatasetPage

HEADER = "Nombre completo,Grado,Remuneración bruta,Fecha de inicio,Enlace,Correo\n"


def month_csv(count, pay=1_000_000):
    rows = "".join(
        f"Persona {n:03},{n % 20 + 1},{pay + n},2020-01-{n % 28 + 1:02},https://example.cl/{n},p{n}@example.cl\n"
        for n in range(1, count + 1)
    )
    return (HEADER + rows).encode()


def publish_month(dataset, month, count=3, year=2026, **kwargs):
    draft = snapshots.import_csv(dataset, datetime.date(year, month, 1), month_csv(count, **kwargs))
    return snapshots.publish(draft)


def body(response):
    return response.content.decode()


def test_index_lists_every_category_in_legal_order(client, dataset_page):
    publish_month(dataset_page.dataset, 10)
    html = body(client.get("/es/transparencia/"))
    letters = [f"<td data-label=\"Letra\">{letter})</td>" for letter in "abcdefghijklm"]
    positions = [html.index(letter) for letter in letters]
    assert positions == sorted(positions)
    assert 'href="/es/transparencia/personal/">Personal y remuneraciones</a>' in html
    assert "Estructura orgánica" in html  # a letter without a page yet still shows, by its legal name
    assert "No publicada" in html


def test_dataset_page_shows_the_latest_month(client, dataset_page):
    publish_month(dataset_page.dataset, 9, pay=500_000)
    publish_month(dataset_page.dataset, 10, pay=2_000_000)
    html = body(client.get(dataset_page.url))
    assert "Octubre de 2026" in html
    assert "$\xa02.000.001" in html and "$\xa0500.001" not in html
    assert '<option value="2026-09">Septiembre de 2026</option>' in html

    september = client.get(dataset_page.url, {"month": "2026-09"})
    assert september.status_code == 302 and september["Location"] == dataset_page.url + "2026-09/"
    assert "$\xa0500.001" in body(client.get(dataset_page.url + "2026-09/"))


def test_table_sorts_and_pages(client, dataset_page):
    publish_month(dataset_page.dataset, 10, count=120)
    first = body(client.get(dataset_page.url))
    assert "filas 1 a 50 de 120" in first and "Persona 001" in first and "Persona 051" not in first
    last = body(client.get(dataset_page.url, {"page": 3}))
    assert "filas 101 a 120 de 120" in last and "Persona 120" in last
    by_pay = body(client.get(dataset_page.url, {"sort": "remuneracion_bruta", "order": "desc"}))
    assert by_pay.index("Persona 120") < by_pay.index("Persona 119")
    assert 'aria-sort="descending"' in by_pay
    ignored = client.get(dataset_page.url, {"sort": "no_such_column', 1); --", "page": "x"})
    assert ignored.status_code == 200


def test_unknown_months_and_versions_are_not_found(client, dataset_page):
    publish_month(dataset_page.dataset, 10)
    for path in ("2026-13/", "2026-08/", "2026-10/v7/", "2026-10/v7/csv/", "1999-01/json/"):
        assert client.get(dataset_page.url + path).status_code == 404, path


def test_draft_months_are_not_public(client, dataset_page):
    snapshots.import_csv(dataset_page.dataset, datetime.date(2026, 10, 1), month_csv(2))
    assert client.get(dataset_page.url + "2026-10/").status_code == 404
    assert "Todavía no se ha publicado nada" in body(client.get(dataset_page.url))


def test_a_correction_keeps_the_earlier_version_downloadable_with_its_note(client, dataset_page):
    original = publish_month(dataset_page.dataset, 10, count=3, pay=1_000_000)
    draft = snapshots.start_correction(original)
    row = draft.rows.get(position=2)
    row.values["remuneracion_bruta"] = 1_500_000
    row.save()
    snapshots.publish(draft, "Se corrigió la remuneración de la fila 2.")

    current = body(client.get(dataset_page.url + "2026-10/"))
    assert "$\xa01.500.000" in current and "Se corrigió la remuneración de la fila 2." in current
    assert 'href="/es/transparencia/personal/planta/2026-10/v1/"' in current

    earlier = client.get(dataset_page.url + "2026-10/v1/")
    assert "Corregida el" in body(earlier) and "$\xa01.000.002" in body(earlier)
    assert "Se corrigió la remuneración de la fila 2." in body(earlier)
    old_csv = client.get(dataset_page.url + "2026-10/v1/csv/")
    assert old_csv["Content-Disposition"] == 'attachment; filename="planta-prueba-2026-10-v1.csv"'
    assert "1000002" in b"".join(old_csv.streaming_content).decode()
    old_json = json.loads(b"".join(client.get(dataset_page.url + "2026-10/v1/json/").streaming_content))
    assert old_json["version"] == 1 and old_json["corrected_on"] and old_json["rows"][1]["remuneracion_bruta"] == 1000002


def test_no_movements_month(client, dataset_page):
    snapshots.publish_no_movements(dataset_page.dataset, datetime.date(2026, 10, 1))
    assert "Sin movimientos este mes" in body(client.get(dataset_page.url))
    document = json.loads(b"".join(client.get(dataset_page.url + "2026-10/json/").streaming_content))
    assert document["no_movements"] is True and document["rows"] == []


def test_csv_download_round_trips_through_the_importer(client, dataset_page, english):
    published = publish_month(dataset_page.dataset, 10, count=30)
    original = list(published.rows.order_by("position").values_list("values", flat=True))
    for language in ("es", "en"):
        response = client.get(dataset_page.url + "2026-10/csv/", HTTP_ACCEPT_LANGUAGE=language)
        downloaded = b"".join(response.streaming_content)
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        draft = snapshots.import_csv(dataset_page.dataset, datetime.date(2026, 11, 1), downloaded)
        assert list(draft.rows.order_by("position").values_list("values", flat=True)) == original
        snapshots.discard(draft)


def test_json_download_has_typed_rows_and_translated_headers(client, dataset_page, english):
    publish_month(dataset_page.dataset, 10, count=2)
    english_page = publish(dataset_page.copy_for_translation(english, copy_parents=True))
    response = client.get(english_page.url + "2026-10/json/")
    document = json.loads(b"".join(response.streaming_content))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert [column["header"] for column in document["columns"]][:3] == ["Full name", "Grade", "Gross pay"]
    assert document["rows"][0] == {
        "nombre": "Persona 001", "grado": 2, "remuneracion_bruta": 1000001, "fecha_inicio": "2020-01-02",
        "enlace": "https://example.cl/1", "correo": "p1@example.cl",
    }
    english_csv = b"".join(client.get(english_page.url + "2026-10/csv/").streaming_content).decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(english_csv)))[:3] == ["Full name", "Grade", "Gross pay"]


def add_dataset_page(category_page, schema, number):
    dataset = Dataset.objects.create(
        name=f"Tabla {number}", slug=f"tabla-{number}", category="d", schema=schema,
        reporting_since=datetime.date(2025, 1, 1),
    )
    page = category_page.add_child(
        instance=DatasetPage(title=f"Tabla {number}", slug=f"tabla-{number}", dataset=dataset, description="Prueba")
    )
    return publish(page)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_page_query_counts_do_not_grow_with_rows_months_or_datasets(client, dataset_page, category_page):
    publish_month(dataset_page.dataset, 10, count=2)
    urls = (dataset_page.url, category_page.url, "/es/transparencia/")
    for url in urls:
        client.get(url)  # the first visit ever also stores the default transparency settings
    small = {url: queries_for(client, url) for url in urls}

    for month in range(1, 10):
        publish_month(dataset_page.dataset, month, count=5)
    publish_month(dataset_page.dataset, 11, count=300)
    for number in range(4):
        publish_month(add_dataset_page(category_page, dataset_page.dataset.schema, number).dataset, 10)
    large = {url: queries_for(client, url) for url in small}
    assert large == small
    assert max(small.values()) <= 25


def test_language_switcher_keeps_the_month(client, dataset_page, english):
    publish_month(dataset_page.dataset, 10)
    english_page = publish(dataset_page.copy_for_translation(english, copy_parents=True))
    html = body(client.get(dataset_page.url + "2026-10/"))
    assert f'href="{english_page.url}2026-10/"' in html
    assert f'hreflang="en" href="http://testserver{english_page.url}2026-10/"' in html

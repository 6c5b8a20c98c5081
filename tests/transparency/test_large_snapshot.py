"""A 50,000-row month imports in one piece and its page shows the first rows (timed in bench/)."""

import datetime

import pytest

from tests.transparency.test_public_pages import month_csv
from transparency import snapshots

pytestmark = pytest.mark.slow

ROWS = 50_000


def test_a_fifty_thousand_row_month_imports_and_renders_its_first_page(client, dataset_page, django_assert_max_num_queries):
    draft = snapshots.import_csv(dataset_page.dataset, datetime.date(2026, 10, 1), month_csv(ROWS))
    snapshots.publish(draft)
    assert draft.rows.count() == ROWS

    client.get(dataset_page.url)  # the first visit also stores the default settings
    with django_assert_max_num_queries(25):
        response = client.get(dataset_page.url, {"sort": "remuneracion_bruta", "order": "desc"})
    html = response.content.decode()
    assert "filas 1 a 50 de 50.000" in html
    assert html.index("Persona 50000") < html.index("Persona 49999")
    last = client.get(dataset_page.url, {"page": ROWS // 50}).content.decode()
    assert "filas 49.951 a 50.000 de 50.000" in last

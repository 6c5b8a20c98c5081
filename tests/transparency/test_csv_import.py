"""Importing a month from CSV: all or nothing, every error naming its row and column."""

import datetime

import pytest
from django.utils import translation

from transparency import snapshots
from transparency.csv_io import ImportFailed, read_rows
from transparency.models import Snapshot, SnapshotRow

OCTOBER = datetime.date(2026, 10, 1)
HEADER = "Nombre completo,Grado,Remuneración bruta,Fecha de inicio,Enlace,Correo\n"


@pytest.fixture(autouse=True)
def english_messages():
    """Messages are asserted in English here; the Spanish catalogue is checked once below."""
    with translation.override("en"):
        yield


def good_rows(count):
    return "".join(
        f"Persona {n},{n % 20 + 1},{1_000_000 + n * 1000},2020-03-0{n % 9 + 1},https://example.cl/{n},p{n}@example.cl\n"
        for n in range(1, count + 1)
    )


def csv_bytes(text, encoding="utf-8"):
    return text.encode(encoding)


def test_one_bad_row_imports_nothing_and_names_row_and_column(dataset):
    lines = (HEADER + good_rows(20)).splitlines(keepends=True)
    lines[13] = "Persona 13,5,12.5OO,2020-03-01,,\n"  # the 14th line as a spreadsheet numbers it
    with pytest.raises(ImportFailed) as failure:
        snapshots.import_csv(dataset, OCTOBER, csv_bytes("".join(lines)))
    assert failure.value.errors == ['row 14, column "Remuneración bruta": "12.5OO" is not an amount']
    assert not Snapshot.objects.exists() and not SnapshotRow.objects.exists()

    lines[13] = "Persona 13,5,12.500,2020-03-01,,\n"
    draft = snapshots.import_csv(dataset, OCTOBER, csv_bytes("".join(lines)))
    assert draft.row_count == 20 == draft.rows.count()
    assert draft.rows.get(position=13).values["remuneracion_bruta"] == 12500


def test_a_failed_import_leaves_the_existing_draft_untouched(dataset):
    draft = snapshots.import_csv(dataset, OCTOBER, csv_bytes(HEADER + good_rows(3)))
    with pytest.raises(ImportFailed):
        snapshots.import_csv(dataset, OCTOBER, csv_bytes(HEADER + good_rows(2) + "Sin sueldo,1,,,,\n"))
    draft.refresh_from_db()
    assert draft.row_count == 3 == draft.rows.count()


def test_excel_latin1_semicolon_file_with_chilean_formats(dataset):
    text = (
        "NOMBRE COMPLETO;grado;remuneracion bruta;fecha de inicio\r\n"
        "José Muñoz;7;$ 1.234.567;01-03-2020\r\n"
        "Ana Pérez;;1.000.000,00;15/12/2019\r\n"
        ";;;\r\n"
    )
    rows = read_rows(csv_bytes(text, "cp1252"), dataset.schema.frozen_columns())
    assert rows == [
        {"nombre": "José Muñoz", "grado": 7, "remuneracion_bruta": 1234567, "fecha_inicio": "2020-03-01",
         "enlace": None, "correo": None},
        {"nombre": "Ana Pérez", "grado": None, "remuneracion_bruta": 1000000, "fecha_inicio": "2019-12-15",
         "enlace": None, "correo": None},
    ]


def test_utf8_with_byte_order_mark_and_english_headers(dataset):
    text = "\ufeffFull name,Gross pay,E-mail\nÑandú Ríos,900000,n@example.cl\n"
    rows = read_rows(csv_bytes(text), dataset.schema.frozen_columns())
    assert rows[0]["nombre"] == "Ñandú Ríos" and rows[0]["correo"] == "n@example.cl"


@pytest.mark.parametrize(
    "cells, message",
    [
        ("Ana,siete,100,,,", 'row 2, column "Grado": "siete" is not a whole number'),
        ("Ana,1,100,31-02-2026,,", 'row 2, column "Fecha de inicio": "31-02-2026" is not a date (write it as 31-12-2025 or 2025-12-31)'),
        ("Ana,1,100,,ftp://x.cl,", 'row 2, column "Enlace": "ftp://x.cl" is not a web address (starting with https://)'),
        ("Ana,1,100,,,ana@", 'row 2, column "Correo": "ana@" is not an e-mail address'),
        (",1,100,,,", 'row 2, column "Nombre completo": a value is required'),
        ("Ana,1,100,,,,extra", "row 2 has 7 cells but the header names 6 columns"),
    ],
)
def test_each_kind_of_bad_cell_is_explained(dataset, cells, message):
    with pytest.raises(ImportFailed) as failure:
        read_rows(csv_bytes(HEADER + cells + "\n"), dataset.schema.frozen_columns())
    assert failure.value.errors == [message]


def test_header_problems_are_reported_before_any_row(dataset):
    with pytest.raises(ImportFailed) as failure:
        read_rows(csv_bytes("Nombre completo,Sueldo,Grado,grado\nAna,1,2,3\n"), dataset.schema.frozen_columns())
    assert failure.value.errors == [
        'column "Sueldo" is not part of this dataset',
        'column "grado" appears twice',
        'the required column "Remuneración bruta" is missing',
    ]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "The file is empty: the first row must name the columns."),
        (HEADER.encode(), "The file has a header but no rows."),
    ],
)
def test_empty_files_are_refused(dataset, content, message):
    with pytest.raises(ImportFailed) as failure:
        read_rows(content, dataset.schema.frozen_columns())
    assert failure.value.errors[0].startswith(message)


def test_many_errors_are_capped_and_counted(dataset):
    bad = "".join(f"Persona {n},x,1,,,\n" for n in range(80))
    with pytest.raises(ImportFailed) as failure:
        read_rows(csv_bytes(HEADER + bad), dataset.schema.frozen_columns())
    assert len(failure.value.errors) == 50 and failure.value.more == 30


def test_a_future_month_cannot_be_imported(dataset):
    with pytest.raises(snapshots.SnapshotError):
        snapshots.import_csv(dataset, datetime.date(2999, 1, 1), csv_bytes(HEADER + good_rows(1)))


def test_errors_are_in_the_officers_language(dataset):
    with translation.override("es"), pytest.raises(ImportFailed) as failure:
        read_rows(csv_bytes(HEADER + "Ana,1,12.5OO,,,\n"), dataset.schema.frozen_columns())
    assert failure.value.errors == ['fila 2, columna "Remuneración bruta": "12.5OO" no es un monto']

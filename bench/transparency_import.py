"""Transparency: importing, publishing, showing and downloading a 50,000-row month of staff pay.

    DATABASE_URL=sqlite:////tmp/bench-transparency.sqlite3 \
        .venv/bin/python bench/transparency_import.py

Run on a migrated database after `manage.py load_demo_content` (it needs the demo's Spanish
letter d) page), never on one you care about. In one process it

1. writes a CSV of --rows rows (default 50,000) in the "Personal de planta" ready-made schema,
   as Excel saves it in Chile: Windows-1252, semicolons, Spanish headers, 1.234.567 amounts,
   dd-mm-yyyy dates, invented people (transparency/demo.py's names and pay scale; same --seed,
   same file);
2. creates a throwaway dataset and its DatasetPage under the demo's letter d) page (on
   PostgreSQL after `VACUUM ANALYZE` of the snapshot tables, so the rows earlier runs deleted
   do not slow the index scans: without it, the first page took 50 ms instead of 30), then for
   each of --rounds months (the months before the current one) times
   `snapshots.import_csv` (read, check and store every row as a draft, in one transaction)
   and `snapshots.publish`; `csv_io.read_rows` alone is timed once, to split reading from
   storing;
3. renders the dataset page through the Django test client (`Client().get(url)`): the first
   request, then --repeat more, with the SQL queries of one request counted by
   `CaptureQueriesContext`; the first page of the table, its last page, and the first page
   sorted by gross pay (descending);
4. streams the month's CSV and JSON downloads to the last byte (ms, MB, queries);
5. prints the figures and the command that reruns it, then deletes what it created (unless
   --keep).

DEBUG defaults to off here (DJANGO_SETTINGS_MODULE portal.settings.dev otherwise), so template
debugging does not weigh on the page times. Works on SQLite and, with DATABASE_URL set, on
PostgreSQL.
"""

import argparse
import datetime
import os
import random
import resource
import statistics
import sys
import time

from report import host, rerun_command, setup_django_for_pages

setup_django_for_pages()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from transparency import csv_io, schemas, snapshots  # noqa: E402
from transparency import demo as transparency_demo  # noqa: E402
from transparency.models import (  # noqa: E402
    Dataset,
    DatasetPage,
    DatasetSchema,
    Snapshot,
    SnapshotRow,
    TransparencyCategoryPage,
)

BENCH_SLUG = "bench-planta"
HOST = "localhost"


def planta_csv(count, seed, period, encoding):
    """`count` rows of the planta schema as an officer's spreadsheet, from demo.py's vocabulary."""
    rng = random.Random(seed)
    columns = list(DatasetSchema.objects.get(name=schemas.PLANTA).columns.all())
    month = transparency_demo.period_columns(period)
    rows = []
    for _number in range(count):
        estamento = rng.choice(transparency_demo.PLANTA_MIX)
        low, high, positions = transparency_demo.ESTAMENTOS[estamento]
        masculine, feminine, qualifications = rng.choice(positions)
        female = rng.random() < 0.5
        first, second = rng.sample(transparency_demo.FEMALE_NAMES if female else transparency_demo.MALE_NAMES, 2)
        grade = rng.randint(low, high)
        gross = transparency_demo.gross_pay(grade)
        member = {"overtime": estamento in ("Técnico", "Administrativo", "Auxiliar")}
        rows.append({
            **month,
            "estamento": estamento,
            "apellido_paterno": rng.choice(transparency_demo.SURNAMES),
            "apellido_materno": rng.choice(transparency_demo.SURNAMES),
            "nombres": f"{first} {second}",
            "grado_eus": grade,
            "calificacion_profesional": rng.choice(qualifications),
            "cargo": feminine if female else masculine,
            "region": rng.choice(transparency_demo.REGIONS),
            "asignaciones_especiales": "",
            "remuneracion_bruta": gross,
            "remuneracion_liquida": transparency_demo.pesos(gross * 0.79, 0),
            **transparency_demo.overtime(rng, member, gross),
            "fecha_inicio": transparency_demo.random_day(rng, datetime.date(1995, 1, 1), datetime.date(2025, 12, 31)),
            "fecha_termino": None,
            "observaciones": "",
        })  # fmt: skip
    return transparency_demo.spreadsheet_csv(columns, rows, encoding)


def delete_bench_data():
    for page in DatasetPage.objects.filter(dataset__slug=BENCH_SLUG):
        page.delete()
    for dataset in Dataset.objects.filter(slug=BENCH_SLUG):
        dataset.snapshots.all().delete()
        dataset.delete()


def vacuum():
    """PostgreSQL: clear the dead rows earlier runs' deletions left, which slow index scans (outside a transaction)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {SnapshotRow._meta.db_table}, {Snapshot._meta.db_table}")


def bench_page(periods):
    parent = TransparencyCategoryPage.objects.filter(letter="d", locale__language_code="es").first()
    if parent is None:
        sys.exit("No Spanish letter d) page: run `manage.py migrate` and `manage.py load_demo_content` first.")
    dataset = Dataset.objects.create(
        name="Personal de planta (benchmark)", slug=BENCH_SLUG, category="d",
        schema=DatasetSchema.objects.get(name=schemas.PLANTA), reporting_since=periods[0],
    )  # fmt: skip
    page = DatasetPage(
        title="Personal de planta (benchmark)", slug=BENCH_SLUG, dataset=dataset,
        description="Tabla generada por bench/transparency_import.py.",
    )  # fmt: skip
    parent.add_child(instance=page)
    page.save_revision().publish()
    return DatasetPage.objects.get(pk=page.pk)


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def get(client, url, **params):
    """(ms to the last byte, bytes, queries, status) of one GET."""
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url, params, HTTP_HOST=HOST)
        size = sum(len(chunk) for chunk in response.streaming_content) if response.streaming else len(response.content)
        elapsed = time.perf_counter() - started
    return elapsed * 1000, size, len(queries), response.status_code


def page_figures(client, url, repeat, **params):
    cold, size, cold_queries, status = get(client, url, **params)
    if status != 200:
        sys.exit(f"GET {url} {params or ''} answered {status}.")
    warm = [get(client, url, **params) for _ in range(max(repeat, 1))]
    times = [timing[0] for timing in warm]
    return {
        "cold_ms": cold, "cold_queries": cold_queries, "median_ms": statistics.median(times), "min_ms": min(times),
        "bytes": size, "queries": warm[-1][2],
    }  # fmt: skip


def machine():
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()" if connection.vendor == "postgresql" else "SELECT sqlite_version()")
        database = cursor.fetchone()[0].split(" on ")[0]
    if connection.vendor == "sqlite":
        database = f"SQLite {database}"
    return {
        **host(),
        "database": database,
        "load average": " ".join(f"{load:.1f}" for load in os.getloadavg()),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=50_000, help="rows in the month's CSV (default 50,000)")
    parser.add_argument("--rounds", type=int, default=3, help="months imported and published, one after another")
    parser.add_argument("--repeat", type=int, default=10, help="timed requests per page after the first (default 10)")
    parser.add_argument("--seed", type=int, default=20261123, help="seeds the generated rows")
    parser.add_argument("--encoding", default="cp1252", help="the CSV's encoding (default cp1252, as Excel saves it)")
    parser.add_argument("--keep", action="store_true", help="keep the bench dataset and page afterwards")
    args = parser.parse_args()

    this_month = timezone.localdate().replace(day=1)
    periods = [transparency_demo.add_months(this_month, -back) for back in range(args.rounds, 0, -1)]
    delete_bench_data()  # what a run with --keep left
    vacuum()
    page = bench_page(periods)
    dataset = page.dataset
    print(f"Database: {connection.vendor}; {args.rows:,} rows per month, {args.rounds} month(s)")
    for name, value in machine().items():
        print(f"  {name}: {value}")

    data, generating = timed(planta_csv, args.rows, args.seed, periods[-1], args.encoding)
    megabytes = len(data) / 1e6
    print(f"\nCSV: {megabytes:.1f} MB ({args.encoding}), generated in {generating:.1f} s")
    rows, reading = timed(csv_io.read_rows, data, dataset.schema.frozen_columns())
    assert len(rows) == args.rows
    del rows
    print(f"Reading and checking alone (csv_io.read_rows): {reading:.2f} s, {args.rows / reading:,.0f} rows/s")

    imports, publishes = [], []
    for period in periods:
        draft, seconds = timed(snapshots.import_csv, dataset, period, data, source_name="bench.csv")
        imports.append(seconds)
        _published, seconds = timed(snapshots.publish, draft)
        publishes.append(seconds)
        print(f"  {period:%Y-%m}: import {imports[-1]:.2f} s ({args.rows / imports[-1]:,.0f} rows/s), "
              f"publish {publishes[-1] * 1000:.1f} ms")  # fmt: skip
    median_import = statistics.median(imports)
    print(f"import_csv, median of {len(imports)}: {median_import:.2f} s, {args.rows / median_import:,.0f} rows/s; "
          f"publish median {statistics.median(publishes) * 1000:.1f} ms")  # fmt: skip

    client = Client()
    url = page.url
    last_page = (args.rows + 49) // 50
    print(f"\nDataset page {url} (first request, then median and fastest of {args.repeat}):")
    for label, params in (
        ("first page", {}),
        (f"last page ({last_page})", {"page": last_page}),
        ("sorted by gross pay, descending", {"sort": "remuneracion_bruta", "order": "desc"}),
    ):
        figures = page_figures(client, url, args.repeat, **params)
        print(f"  {label}: {figures['cold_ms']:.0f} ms first ({figures['cold_queries']} queries), "
              f"{figures['median_ms']:.1f} ms median, {figures['min_ms']:.1f} ms fastest "
              f"({figures['queries']} queries); {figures['bytes'] / 1000:.0f} kB")  # fmt: skip

    month = f"{periods[-1]:%Y-%m}"
    print("\nDownloads, streamed to the last byte:")
    for file_format in ("csv", "json"):
        download = f"{url}{month}/{file_format}/"
        timings = [get(client, download) for _ in range(3)]
        ms = statistics.median(timing[0] for timing in timings)
        size, queries = timings[0][1], timings[0][2]
        print(f"  {file_format.upper()}: {ms:.0f} ms median of 3, {size / 1e6:.1f} MB "
              f"({size / 1e6 / (ms / 1000):.1f} MB/s), {queries} queries")  # fmt: skip

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nPeak resident memory of this process: {peak:.0f} MiB")
    if not args.keep:
        with transaction.atomic():
            delete_bench_data()
        print("Deleted the bench dataset, its months and its page.")
    print("\nRerun:", rerun_command("transparency_import.py", sys.argv[1:]))


if __name__ == "__main__":
    main()

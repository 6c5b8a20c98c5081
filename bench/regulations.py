"""Regulations: reading, storing, comparing and showing a long regulation.

    DATABASE_URL=sqlite:////tmp/bench-regulations.sqlite3 .venv/bin/python bench/regulations.py

Run on a migrated database after `manage.py load_demo_content` (it needs the demo's
"Reglamentos" index), never on one you care about. In one process it

1. builds a regulation text of --articles articles (default 1,000) from the demo regulation's
   own articles, renumbered, grouped in títulos of 20 articles, as an officer would paste it;
   and a second version of it with every --changed-every'th article (default 10) changed by a
   few words, one article removed and one "bis" article added;
2. times `parsing.parse` on that text and on the demo's 43-article text;
3. times `versions.create_draft` + `versions.publish` of both versions (read, check, store the
   tree in one transaction), and `comparison.compare` of the two;
4. renders, through the Django test client, the whole version page, one article's page and the
   comparison page, for the long regulation and for the demo one: the first request, then
   --repeat more (median), with the SQL queries of one request counted;
5. prints the figures, the ratios that matter (a whole 1,000-article page against one article's
   page; the long regulation against the demo one) and the command that reruns it, then deletes
   what it created.

DEBUG is off here, so template debugging does not weigh on the page times.
"""

import argparse
import datetime
import statistics
import sys
import time

from report import host, rerun_command, setup_django_for_pages

setup_django_for_pages()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from regulations import comparison, parsing, versions  # noqa: E402
from regulations.demo import TEXTS  # noqa: E402
from regulations.models import Regulation, RegulationIndexPage, RegulationPage  # noqa: E402

BENCH_NAME = "Bench: reglamento largo"
HOST = "localhost"
FIRST, SECOND = datetime.date(2020, 1, 1), datetime.date(2021, 1, 1)


def demo_articles():
    """The demo regulation's article bodies: realistic lengths, letras and all."""
    parsed = parsing.parse((TEXTS / "reglamento-v2.txt").read_text(encoding="utf-8"))
    return [article.text for article in parsed.articles() if not article.transitory]


def long_text(count, changed_every=0):
    """`count` articles in títulos of 20; with `changed_every`, the amended version of it."""
    bodies = demo_articles()
    lines = ["REGLAMENTO LARGO DE PRUEBA", "VISTOS: lo dispuesto en la Ley N° 19.886.", ""]
    for number in range(1, count + 1):
        if number % 20 == 1:
            lines += [f"TÍTULO {parsing.int_to_roman(number // 20 + 1)}", f"DE LA PARTE {number // 20 + 1}", ""]
        if changed_every and number == count // 2:
            continue  # removed by the amendment
        body = bodies[number % len(bodies)]
        if changed_every and number % changed_every == 0:
            body = body.replace(" la ", " la respectiva ", 1).replace("deberá", "podrá", 1)
        degree = "°" if number < 10 else ""
        lines += [f"Artículo {number}{degree}.- {body}", ""]
        if changed_every and number == 3:
            lines += [f"Artículo 3 bis.- {bodies[0]}", ""]
    return "\n".join(lines)


def timed(function, repeat=1):
    """(result of the last call, median ms)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
    return result, statistics.median(times)


def page_figures(client, url, repeat):
    """First request ms, median of `repeat` more, queries of one request, KB."""
    response, first = timed(lambda: client.get(url, HTTP_HOST=HOST))
    assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url, HTTP_HOST=HOST)
    query_count = len(queries)  # now: the next request empties the query log
    _, median = timed(lambda: client.get(url, HTTP_HOST=HOST), repeat)
    return {"first_ms": round(first, 1), "median_ms": round(median, 1), "queries": query_count, "kb": len(response.content) // 1024}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--changed-every", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    spanish = Locale.objects.get(language_code="es")
    index = RegulationIndexPage.objects.filter(locale=spanish).first()
    demo_page = RegulationPage.objects.filter(locale=spanish, regulation__kind=Regulation.Kind.REGULATION).first()
    if index is None or demo_page is None:
        sys.exit("Run `manage.py load_demo_content` first: this benchmark needs the demo's Reglamentos section.")
    Regulation.objects.filter(name=BENCH_NAME).delete()

    older_text, newer_text = long_text(args.articles), long_text(args.articles, args.changed_every)
    demo_text = (TEXTS / "reglamento-v2.txt").read_text(encoding="utf-8")
    _, parse_long = timed(lambda: parsing.parse(older_text), 3)
    _, parse_demo = timed(lambda: parsing.parse(demo_text), 10)

    regulation = Regulation.objects.create(name=BENCH_NAME)
    page = RegulationPage(title=BENCH_NAME, slug="bench-reglamento-largo", regulation=regulation)
    index.add_child(instance=page)
    page.save_revision().publish()
    try:
        with CaptureQueriesContext(connection) as queries:
            older, import_ms = timed(lambda: versions.publish(versions.create_draft(regulation, older_text, effective_from=FIRST)))
        import_queries = len(queries)
        newer, _ = timed(lambda: versions.publish(versions.create_draft(regulation, newer_text, effective_from=SECOND)))
        result, compare_ms = timed(lambda: comparison.compare(older, newer), 3)

        client = Client()
        label = f"art-{args.articles // 3}"
        pages = {
            "long: whole version": f"{page.url}{SECOND.isoformat()}/",
            "long: one article": f"{page.url}{SECOND.isoformat()}/{label}/",
            "long: comparison": f"{page.url}compare/{FIRST.isoformat()}/{SECOND.isoformat()}/",
            "demo: whole version": f"{demo_page.url}2024-07-01/",
            "demo: one article": f"{demo_page.url}2024-07-01/art-12/",
            "demo: comparison": f"{demo_page.url}compare/2023-04-01/2024-07-01/",
        }
        figures = {name: page_figures(client, url, args.repeat) for name, url in pages.items()}
    finally:
        page.delete()
        regulation.delete()

    print(f"Regulations benchmark, {datetime.date.today().isoformat()}: {host()}")
    print(f"database: {connection.vendor}")
    print(f"parse {args.articles} articles ({len(older_text) // 1024} KB): {parse_long:.0f} ms; the demo's 43: {parse_demo:.1f} ms")
    print(f"import + publish {args.articles} articles: {import_ms:.0f} ms, {import_queries} queries")
    print(
        f"compare two versions of {args.articles} articles ({len(result.changed)} changed, "
        f"{len(result.added)} added, {len(result.removed)} removed): {compare_ms:.0f} ms"
    )
    for name, values in figures.items():
        print(f"  {name:22} first {values['first_ms']:7.1f} ms  median {values['median_ms']:7.1f} ms  "
              f"{values['queries']:3} queries  {values['kb']:5} KB")
    whole, article = figures["long: whole version"]["median_ms"], figures["long: one article"]["median_ms"]
    print(f"ratio whole {args.articles}-article page / one article page: {whole / article:.1f}")
    print(f"ratio long / demo whole version page: {whole / figures['demo: whole version']['median_ms']:.1f}")
    print(f"queries do not grow with length: {figures['long: whole version']['queries'] == figures['demo: whole version']['queries']}")
    print("rerun:", rerun_command("regulations.py", sys.argv[1:]))


if __name__ == "__main__":
    main()

"""Public pages under load, with the server's page cache off and on: requests per second, latency
and errors of each page type, each as a ratio to a static file served by the same gunicorn in
the same run; the uncached p95 of each page type at low concurrency; and each page type's SQL
queries per request.

    DATABASE_URL=sqlite:////tmp/bench-site.sqlite3 .venv/bin/python bench/page_load.py

Needs `wrk` (Debian: `apt-get install wrk`) and a database prepared by bench/generate_site.py
(it is only read, never written):

    export DATABASE_URL=sqlite:////tmp/bench-site.sqlite3 DJANGO_SETTINGS_MODULE=portal.settings.dev
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo_content
    .venv/bin/python bench/generate_site.py --pages 10000 && .venv/bin/python manage.py update_index

The targets, Spanish unless said: the home page (/es/), the newest note, the dataset page with the
most published months, an article of the regulation with the most articles (its latest version),
the search page with --query, the first page of /api/v1/content and the notes' Atom feed; and the
static file (--static). Search uses the database backend (production's fallback) unless
ELASTICSEARCH_URL is set, then Elasticsearch, as in production: index it first with the same
ELASTICSEARCH_INDEX_PREFIX (`manage.py update_index`). The phases
(--phases, all by default, in this order):

- queries: in this process, through the Django test client (DEBUG off, page cache off): the median
  ms of --repeat requests and the SQL queries of one request, for the target and for another page
  of the same type (the oldest note, another dataset, the demo regulation's article, another query,
  the English home, a filtered API page, the English JSON feed): if the counts match, they do not
  grow with the content; and the queries of a request the page cache answers (PAGE_CACHE on);
- p95: gunicorn with PAGE_CACHE=0, wrk with --p95-connections connections (default 1) from one
  thread: each page type's p50/p95/p99 when nothing queues, against the 150 ms target;
- uncached, cached: gunicorn with PAGE_CACHE=0, then PAGE_CACHE=1, wrk with --connections
  connections (default 16) from --threads threads: req/s, p50/p95/p99, errors and CPU per
  request, each against the static file's (the target: cached pages and API ≥ 0.5 of its req/s).

Each load phase starts its own `gunicorn portal.wsgi` (--workers sync workers, default 3 as on a
2-core host and as docs/operations.md runs it; --worker-class gthread to compare) on a free loopback
port, with --settings (default portal.settings.production), static files collected into a
temporary directory, and CACHE_URL (--cache-url; default a file cache in a temporary directory,
which the workers share as they share one in production) the same in every phase: only PAGE_CACHE
changes. Each URL gets --warmup seconds untimed (which also fills the page cache), then --rounds
rounds of --duration seconds, the order rotated each round (see bench/api_load.py for how the
rounds are merged and the CPU counted). Errors are wrk's socket errors plus statuses ≥ 400.
"""

import argparse
import datetime
import os
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from serving import (
    API_RATE,
    HOST,
    Gunicorn,
    collect_static,
    fetch,
    free_port,
    machine_share,
    merged,
    profile,
    require_wrk,
    run_rounds,
    server_environment,
)

PHASES = ("queries", "p95", "uncached", "cached")
P95_TARGET_MS = 150
STATIC_SHARE_TARGET = 0.5

require_wrk()
os.environ["API_RATE"] = API_RATE  # for the in-process profile too
# Search: Elasticsearch if ELASTICSEARCH_URL is set (indexed beforehand with the same
# ELASTICSEARCH_INDEX_PREFIX), as in production; otherwise the database backend, its fallback.
SEARCH_ENV = {"ELASTICSEARCH_URL": os.environ["ELASTICSEARCH_URL"]} if os.environ.get("ELASTICSEARCH_URL") else {}
os.environ["PAGE_CACHE"] = "0"  # the in-process profile renders every request; `cached_queries` turns it on
os.environ["CACHE_URL"] = "locmem://"  # this process's own cache, not the checkout's

from report import host, rerun_command, setup_django_for_pages  # noqa: E402

setup_django_for_pages()

from django.db import connection  # noqa: E402
from django.db.models import Count, Q  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from notes.models import NotePage, NotesIndexPage  # noqa: E402
from regulations.models import Provision, RegulationPage  # noqa: E402
from transparency.models import DatasetPage  # noqa: E402


def live(model, language):
    return model.objects.live().filter(locale__language_code=language)


def article_path(page):
    """The middle article of the regulation's latest published version, at its dated URL."""
    version = page.regulation.versions.published().order_by("-effective_from").first()
    articles = Provision.objects.filter(version=version, kind=Provision.Kind.ARTICLE, transitory=False).order_by("position")
    article = articles[articles.count() // 2]
    return f"{page.url}{version.effective_from.isoformat()}/{article.label}/"


def targets(query):
    """{name: (label, path, another path of the same type)}."""
    notes = live(NotePage, "es").order_by("-edition_month")
    datasets = live(DatasetPage, "es").annotate(
        months=Count("dataset__snapshots__period", filter=Q(dataset__snapshots__published_at__isnull=False), distinct=True)
    ).order_by("-months", "-pk")  # of the longest, the last generated
    regulations = list(
        live(RegulationPage, "es").annotate(provisions=Count("regulation__versions__provisions")).order_by("-provisions")
    )
    if not (notes.exists() and datasets.exists() and regulations):
        sys.exit("This database has no notes, datasets or regulations: prepare it as this script's docstring says.")
    feeds = {language: live(NotesIndexPage, language).first().url for language in ("es", "en")}
    with translation.override("es"):
        search = reverse("search")
    return {
        "home": ("home /es/", "/es/", "/en/"),
        "note": ("note (newest)", notes.first().url, notes.last().url),
        "dataset": (f"dataset ({datasets.first().months} months)", datasets.first().url, datasets.last().url),
        "article": ("regulation article", article_path(regulations[0]), article_path(regulations[-1])),
        "search": (f"search “{query}”", f"{search}?{urlencode({'q': query})}", f"{search}?q=ley"),
        "api": ("API /api/v1/content", "/api/v1/content?limit=20", "/api/v1/content?type=page&locale=es&limit=20"),
        "feed": ("notes Atom feed", f"{feeds['es']}feed/", f"{feeds['en']}feed/json/"),
    }


def cached_queries(path):
    """SQL queries of a request the page cache answers (after one request has filled it)."""
    client = Client()
    with override_settings(PAGE_CACHE=True):
        client.get(path, HTTP_HOST="localhost")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, HTTP_HOST="localhost")
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


def query_phase(pages, repeat):
    print(f"\nSQL queries per request, in this process (Django test client, {connection.vendor}, DEBUG off; "
          f"median ms of {repeat} requests, page cache off):")  # fmt: skip
    print(f"  {'page type':<28} {'ms':>7} {'queries':>7} {'another':>7} {'cached':>6}  path; another page's path")
    results = {}
    for name, (label, path, other) in pages.items():
        this, that = profile(path, repeat), profile(other, max(repeat // 2, 1))
        results[name] = (this["queries"], that["queries"])
        print(f"  {label:<28} {this['median_ms']:7.1f} {this['queries']:7} {that['queries']:7} {cached_queries(path):6}  "
              f"{path}; {other}")  # fmt: skip
    grown = [pages[name][0] for name, (this, that) in results.items() if this != that]
    print("  Same number of queries for both pages of every type." if not grown
          else f"  Different counts for two pages of: {', '.join(grown)} (read the paths: is it the content's size?)")  # fmt: skip


class Server:
    """One load phase's gunicorn, with its page cache setting."""

    def __init__(self, args, static_root, cache_url, page_cache):
        self.env = server_environment(
            args.settings, static_root, PAGE_CACHE=page_cache, CACHE_URL=cache_url, **SEARCH_ENV
        )
        descriptor, log_name = tempfile.mkstemp(prefix="bench-pages-", suffix=".gunicorn.log")
        os.close(descriptor)
        self.log_path = Path(log_name)
        self.base = f"http://{HOST}:{free_port()}"
        self.gunicorn = Gunicorn(
            self.env, urlsplit(self.base).port, self.log_path, args.workers, args.worker_class, args.worker_threads
        )

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.gunicorn.stop()
        problems = self.gunicorn.logged_problems()
        if problems:
            print(f"  gunicorn logged {len(problems)} line(s), the last: {problems[-1][:200]}")


def check(base, urls):
    for name, url in urls.items():
        status, body = fetch(base + url)
        if status != 200:
            sys.exit(f"{url} answered {status}: {body[:300]!r}")
        print(f"  {name:<9} {url}  ({len(body):,} bytes)")


def load_phase(args, label, static_root, cache_url, page_cache, urls, threads, connections):
    print(f"\n{label}: PAGE_CACHE={page_cache}, wrk {threads} thread(s), {connections} connection(s); warm-up "
          f"{args.warmup} s per URL, then {args.rounds} rounds of {args.duration} s per URL, rotated")  # fmt: skip
    with Server(args, static_root, cache_url, page_cache) as server:
        server.gunicorn.wait_ready(server.base + urls["static"])
        check(server.base, urls)
        full = {name: server.base + url for name, url in urls.items()}
        reports = run_rounds(full, server.gunicorn, args.rounds, args.duration, args.warmup, threads, connections, args.timeout)
    figures = {name: merged(runs) for name, runs in reports.items()}
    cpu_line, warning = machine_share([report for runs in reports.values() for report in runs], connection.vendor)
    return figures, cpu_line, warning


def share_of_static(figures, name):
    """req/s as a share of the static file's in the same run (nan if the static file got none)."""
    static = figures["static"]["rps"]
    return figures[name]["rps"] / static if static else float("nan")


def print_table(title, figures, labels):
    print(f"\n{title}")
    print(f"  {'URL':<28} {'req/s':>8} {'× static':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>6} "
          f"{'CPU ms/req':>10} {'KB/resp':>8}")  # fmt: skip
    for name, f in figures.items():
        print(f"  {labels[name]:<28} {f['rps']:8.1f} {share_of_static(figures, name):9.3f} {f['p50']:8.2f} {f['p95']:8.2f} "
              f"{f['p99']:8.2f} {f['errors']:6} {f['worker_cpu_ms']:10.2f} {f['bytes_per_response'] / 1024:8.1f}")  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phases", default=",".join(PHASES), help=f"comma-separated, of {', '.join(PHASES)} (default all)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3)")
    parser.add_argument("--worker-class", default="sync", choices=("sync", "gthread"), help="gunicorn worker class (default sync)")
    parser.add_argument("--worker-threads", type=int, default=1, help="threads per gthread worker (default 1)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads in the load phases (default 2)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections in the load phases (default 16)")
    parser.add_argument("--p95-connections", type=int, default=1, help="wrk connections in the p95 phase (default 1)")
    parser.add_argument("--duration", type=int, default=5, help="seconds per URL per round (default 5)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, URLs rotated each round (default 3)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed seconds per URL first (default 3)")
    parser.add_argument("--timeout", type=int, default=5, help="wrk's per-request timeout, seconds (default 5)")
    parser.add_argument("--query", default="transparencia", help="the search page's query (default transparencia)")
    parser.add_argument("--cache-url", help="the servers' CACHE_URL (default: a file cache in a temporary directory)")
    parser.add_argument("--settings", default="portal.settings.production", help="gunicorn's settings module")
    parser.add_argument("--static", default="portal/css/portal.css", help="the static file, as {%% static %%} names it")
    parser.add_argument("--repeat", type=int, default=10, help="requests per page in the queries phase (default 10)")
    args = parser.parse_args()
    phases = [phase.strip() for phase in args.phases.split(",") if phase.strip()]
    if unknown := set(phases) - set(PHASES):
        parser.error(f"unknown phase(s) {', '.join(sorted(unknown))}; choose from {', '.join(PHASES)}")

    pages = targets(args.query)
    print(f"Page load benchmark, {datetime.date.today().isoformat()}")
    print("Machine:", ", ".join(f"{key} {value}" for key, value in host().items()))
    print(f"Database: {connection.vendor} {connection.settings_dict['NAME']}; "
          f"{NotePage.objects.live().count():,} notes, {DatasetPage.objects.live().count():,} dataset pages")  # fmt: skip
    print(f"Search backend: {'Elasticsearch ' + SEARCH_ENV['ELASTICSEARCH_URL'] if SEARCH_ENV else 'the database (ELASTICSEARCH_URL unset)'}")
    print(f"Load average before: {' / '.join(f'{load:.2f}' for load in os.getloadavg())} (1 / 5 / 15 min)")
    if "queries" in phases:
        query_phase(pages, args.repeat)
    load_phases = [phase for phase in phases if phase != "queries"]
    if not load_phases:
        print("\nRerun:", rerun_command("page_load.py", sys.argv[1:]))
        return

    static_root = Path(tempfile.mkdtemp(prefix="bench-pages-static-"))
    cache_dir = Path(tempfile.mkdtemp(prefix="bench-pages-cache-"))
    cache_url = args.cache_url or f"file://{cache_dir}?max_entries=20000"
    results = {}
    try:
        collecting, manifest = collect_static(server_environment(args.settings, static_root), static_root)
        urls = {"static": f"/static/{manifest.get(args.static, args.static)}"}
        urls.update({name: path for name, (_label, path, _other) in pages.items()})
        labels = {"static": f"static file {args.static.rsplit('/', 1)[-1]}"}
        labels.update({name: label for name, (label, _path, _other) in pages.items()})
        print(f"\ncollectstatic ({args.settings}): {collecting:.1f} s; gunicorn: {args.workers} {args.worker_class} "
              f"workers{f' × {args.worker_threads} threads' if args.worker_class == 'gthread' else ''}; CACHE_URL {cache_url}")  # fmt: skip
        runs = {
            "p95": ("Uncached p95 at low concurrency", "0", 1, args.p95_connections),
            "uncached": ("Load, page cache off", "0", args.threads, args.connections),
            "cached": ("Load, page cache on", "1", args.threads, args.connections),
        }
        for phase in load_phases:
            label, page_cache, threads, connections = runs[phase]
            results[phase] = (label, *load_phase(args, label, static_root, cache_url, page_cache, urls, threads, connections))
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
        shutil.rmtree(cache_dir, ignore_errors=True)

    for phase, (label, figures, cpu_line, warning) in results.items():
        print_table(f"{label} ({args.rounds} × {args.duration} s per URL, merged):", figures, labels)
        print(f"  {cpu_line}")
        if warning:
            print(f"  {warning}")
    print(f"Load average after: {' / '.join(f'{load:.2f}' for load in os.getloadavg())} (1 / 5 / 15 min)")
    print("\nTargets:")
    if "p95" in results:
        figures = results["p95"][1]
        slow = [labels[name] for name in pages if figures[name]["p95"] >= P95_TARGET_MS]
        print(f"  uncached p95 under {P95_TARGET_MS} ms for every page type: {'yes' if not slow else 'no: ' + ', '.join(slow)} "
              f"(slowest {max(figures[name]['p95'] for name in pages):.1f} ms)")  # fmt: skip
    if "cached" in results:
        figures = results["cached"][1]
        # Search results are never stored (each search is counted), so the target is not theirs.
        shares = {name: share_of_static(figures, name) for name in pages if name != "search"}
        low = [labels[name] for name, share in shares.items() if not share >= STATIC_SHARE_TARGET]
        print(f"  cached pages and API ≥ {STATIC_SHARE_TARGET:.0%} of the static file's req/s: "
              f"{'yes' if not low else 'no: ' + ', '.join(low)} (lowest {min(shares.values()):.3f})")  # fmt: skip
    errors = sum(f["errors"] for _label, figures, *_rest in results.values() for f in figures.values())
    print(f"  errors (socket errors and statuses ≥ 400) in all load phases: {errors}")
    print("\nRerun:", rerun_command("page_load.py", sys.argv[1:]))


if __name__ == "__main__":
    main()

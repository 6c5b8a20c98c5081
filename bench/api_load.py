"""Load on the public API under gunicorn: requests per second and latency of /api/v1/content,
each as a ratio to a static file served by the same gunicorn + whitenoise in the same run.

    DATABASE_URL=sqlite:////tmp/bench-api.sqlite3 .venv/bin/python bench/api_load.py

Needs `wrk` (Debian: `apt-get install wrk`) and a database whose /api/v1/content lists at least
10,000 items, prepared as for the search benchmarks (it is only read, never written):

    export DATABASE_URL=sqlite:////tmp/bench-api.sqlite3 DJANGO_SETTINGS_MODULE=portal.settings.dev
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo_content
    .venv/bin/python bench/generate_content.py --pages 10000

In one run it

1. counts the items (GET /api/v1/content through the Django test client) and refuses below 10,000;
2. runs `collectstatic` into a temporary STATIC_ROOT and starts `gunicorn portal.wsgi` on a free
   loopback port, --workers sync workers (default 3, as on a 2-core host), with --settings
   (default portal.settings.production: DEBUG off, whitenoise's compressed manifest storage), a
   random SECRET_KEY, SECURE_SSL_REDIRECT=0 (plain HTTP on loopback), ALLOWED_HOSTS=127.0.0.1,
   ELASTICSEARCH_URL unset (no benchmarked URL searches) and API_RATE=100000000/h: the API's
   rate limit is still counted on every request, but one address's 600 a minute would
   otherwise turn the run into 429s; the server's page cache off (PAGE_CACHE=0, every answer
   rendered, as when these figures were first recorded; --page-cache on to keep answers) and
   CACHE_URL a file cache in a temporary directory, which the workers share as in production;
3. checks that every URL answers 200 (the API ones with --limit items), and finds the deep page
   by following `next` from the first page --deep-pages times (default 250: offset 5,000);
4. drives each URL with wrk (--threads, --connections, keep-alive, no Accept-Encoding) for
   --warmup seconds untimed, then --rounds rounds of --duration seconds each, the URLs in an
   order rotated every round so that all of them see the same machine load. Each URL's rounds
   are merged: requests/s is all its requests over all its seconds, p50/p95/p99 come from the
   merged latency histograms that bench/api_load.lua prints (wrk's own distribution, with wrk 4's
   coordinated-omission correction, as `wrk --latency` reports it). Errors are wrk's socket
   errors plus responses with a status of 400 or more. It also reads the CPU time the gunicorn
   workers spent per request (/proc/PID/stat), and how busy the whole machine was (/proc/stat)
   apart from gunicorn and wrk: other processes' load weighs on every URL alike, which is why
   the figures to compare are the ratios to the static file;
5. stops gunicorn and profiles each API URL in this process with the Django test client, DEBUG
   off, page cache off: the median of --repeat requests, and the SQL queries of one request with their time
   (timed with an execute wrapper); --cprofile also prints where the first page's time goes;
6. prints the table and the command that reruns it.

PostgreSQL works the same way, with DATABASE_URL (`scripts/postgres.sh start` prints one).
"""

import argparse
import cProfile
import datetime
import json
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

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

MIN_ITEMS = 10_000

require_wrk()
os.environ["API_RATE"] = API_RATE  # for the in-process profile too
os.environ.pop("ELASTICSEARCH_URL", None)
os.environ["PAGE_CACHE"] = "0"  # the in-process profile renders every request
os.environ["CACHE_URL"] = "locmem://"  # this process's own cache, not the checkout's

from report import host, rerun_command, setup_django_for_pages  # noqa: E402

setup_django_for_pages()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402


def count_items():
    response = Client().get("/api/v1/content?limit=1", HTTP_HOST="localhost")
    if response.status_code != 200:
        sys.exit(f"GET /api/v1/content answered {response.status_code} in this process: {response.content[:300]!r}")
    return response.json()["count"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers (default 3)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (default 16); sync workers close each after its response, so wrk reconnects")
    parser.add_argument("--duration", type=int, default=3, help="seconds per URL per round (default 3)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds, URLs rotated each round (default 5)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed seconds per URL first (default 3)")
    parser.add_argument("--timeout", type=int, default=5, help="wrk's per-request timeout, seconds (default 5)")
    parser.add_argument("--limit", type=int, default=20, help="items per API page (default 20)")
    parser.add_argument("--deep-pages", type=int, default=250, help="`next` links followed for the deep page (default 250)")
    parser.add_argument("--settings", default="portal.settings.production", help="gunicorn's settings module")
    parser.add_argument("--static", default="portal/css/portal.css", help="the static file, as {% static %} names it")
    parser.add_argument("--repeat", type=int, default=20, help="requests per URL in the in-process profile (default 20)")
    parser.add_argument("--cprofile", action="store_true", help="also print the first page's top functions (cProfile)")
    parser.add_argument("--page-cache", choices=("off", "on"), default="off",
                        help="the server's page cache (PAGE_CACHE; default off, every answer rendered; bench/page_load.py compares both)")  # fmt: skip
    args = parser.parse_args()

    items = count_items()
    if items < MIN_ITEMS:
        sys.exit(
            f"/api/v1/content lists {items:,} items in this database ({connection.settings_dict['NAME']}); this "
            f"benchmark needs at least {MIN_ITEMS:,}. Prepare a throwaway one (see this script's docstring):\n"
            "  export DATABASE_URL=sqlite:////tmp/bench-api.sqlite3 DJANGO_SETTINGS_MODULE=portal.settings.dev\n"
            "  .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo_content\n"
            "  .venv/bin/python bench/generate_content.py --pages 10000"
        )
    machine = host()
    load_before = os.getloadavg()
    print(f"API load benchmark, {datetime.date.today().isoformat()}")
    print("Machine:", ", ".join(f"{key} {value}" for key, value in machine.items()))
    print(f"Database: {connection.vendor} {connection.settings_dict['NAME']}; /api/v1/content lists {items:,} items")
    print(f"Load average before: {' / '.join(f'{load:.2f}' for load in load_before)} (1 / 5 / 15 min)")

    static_root = Path(tempfile.mkdtemp(prefix="bench-api-static-"))
    cache_dir = Path(tempfile.mkdtemp(prefix="bench-api-cache-"))  # shared by the workers, as in production
    log_path = static_root.with_suffix(".gunicorn.log")
    server = None
    try:
        env = server_environment(
            args.settings, static_root, PAGE_CACHE="1" if args.page_cache == "on" else "0", CACHE_URL=f"file://{cache_dir}"
        )
        collecting, manifest = collect_static(env, static_root)
        static_url = f"/static/{manifest.get(args.static, args.static)}"
        port = free_port()
        base = f"http://{HOST}:{port}"
        server = Gunicorn(env, port, log_path, workers=args.workers)
        server.wait_ready(base + static_url)
        print(f"collectstatic ({args.settings}): {collecting:.1f} s; gunicorn on {base}, {args.workers} sync workers, "
              f"page cache {args.page_cache}")  # fmt: skip

        limit = f"limit={args.limit}"
        urls = {
            "static": base + static_url,
            "first": f"{base}/api/v1/content?{limit}",
            "filtered": f"{base}/api/v1/content?type=page&locale=es&published_after=2020-01-01&{limit}",
        }
        started = time.perf_counter()
        deep = urls["first"]
        for _page in range(args.deep_pages):
            status, body = fetch(deep)
            if status != 200 or not json.loads(body)["next"]:
                sys.exit(f"following `next` from the first page stopped at {deep}: {status} {body[:300]!r}")
            deep = json.loads(body)["next"]
        following = time.perf_counter() - started
        urls["deep"] = deep
        labels = {
            "static": f"static file {args.static.rsplit('/', 1)[-1]}",
            "first": f"first page (?{limit})",
            "filtered": "filtered page",
            "deep": f"deep page (offset {args.deep_pages * args.limit:,})",
        }
        print(f"Deep page: {args.deep_pages} `next` links followed in {following:.1f} s "
              f"({following / args.deep_pages * 1000:.0f} ms each, one client)")  # fmt: skip
        for name, url in urls.items():
            status, body = fetch(url)
            if status != 200:
                sys.exit(f"{url} answered {status}: {body[:300]!r}")
            detail = f"{len(body):,} bytes"
            if name != "static":
                page = json.loads(body)
                if len(page["items"]) != args.limit:
                    sys.exit(f"{url} has {len(page['items'])} items, not {args.limit}")
                detail += f", count {page['count']:,}, first item {page['items'][0]['id']}"
            print(f"  {name:<9} {url[len(base):]}  ({detail})")

        print(f"\nwrk: {args.threads} threads, {args.connections} connections; warm-up {args.warmup} s per URL, "
              f"then {args.rounds} rounds of {args.duration} s per URL, rotated")  # fmt: skip
        names = list(urls)
        reports = run_rounds(
            urls, server, args.rounds, args.duration, args.warmup, args.threads, args.connections, args.timeout
        )
        status_after, _body = fetch(urls["first"])
    finally:
        if server:
            server.stop()
        shutil.rmtree(static_root, ignore_errors=True)
        shutil.rmtree(cache_dir, ignore_errors=True)
    load_after = os.getloadavg()
    problems = server.logged_problems() if server else []
    if problems:
        print(f"\ngunicorn logged {len(problems)} line(s), the last: {problems[-1][:200]}")

    figures = {name: merged(reports[name]) for name in names}
    static = figures["static"]
    round_ratios = {
        name: [rps / static_rps for rps, static_rps in zip(figures[name]["round_rps"], static["round_rps"])] for name in names
    }

    print(f"\nResults ({args.rounds} × {args.duration} s per URL, merged):")
    header = (f"  {'URL':<28} {'req/s':>8} {'× static':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
              f"{'errors':>6} {'CPU ms/req':>10} {'× static':>8} {'KB/resp':>8}  req/s × static per round")  # fmt: skip
    print(header)
    for name in names:
        f = figures[name]
        print(f"  {labels[name]:<28} {f['rps']:8.1f} {f['rps'] / static['rps']:9.3f} {f['p50']:8.2f} {f['p95']:8.2f} "
              f"{f['p99']:8.2f} {f['errors']:6} {f['worker_cpu_ms']:10.2f} {f['worker_cpu_ms'] / static['worker_cpu_ms']:8.1f} "
              f"{f['bytes_per_response'] / 1024:8.1f}  "
              + " / ".join(f"{ratio:.3f}" for ratio in round_ratios[name]))  # fmt: skip
    print("  CPU ms/req: the gunicorn workers' CPU time per response (less sensitive than req/s to other processes' load)")
    print("  requests: " + ", ".join(f"{name} {figures[name]['requests']:,}" for name in names))
    print(f"  first API request after the load: {status_after}")
    cpu_line, warning = machine_share([report for name in names for report in reports[name]], connection.vendor)
    print(f"\n{cpu_line}")
    print(f"Load average after: {' / '.join(f'{load:.2f}' for load in load_after)} (1 / 5 / 15 min)")
    if warning:
        print(warning)

    print(f"\nIn-process profile (Django test client, {connection.vendor}, DEBUG off; median of {args.repeat} requests, "
          f"SQL of one request, the median of 5 by SQL time):")  # fmt: skip
    for name in names[1:]:
        parts = urlsplit(urls[name])
        figures_in = profile(f"{parts.path}?{parts.query}", args.repeat)
        print(f"  {labels[name]:<28} {figures_in['median_ms']:7.1f} ms  {figures_in['queries']:2} queries  "
              f"{figures_in['sql_ms']:6.1f} ms in SQL")  # fmt: skip
        if name == "first" and args.cprofile:
            for ms, sql in figures_in["captured"]:
                print(f"      {ms:6.2f} ms  {sql[:150]}")
            profiler = cProfile.Profile()
            client = Client()
            profiler.enable()
            for _ in range(args.repeat):
                client.get(f"{parts.path}?{parts.query}", HTTP_HOST="localhost")
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(r"portal/api/|wagtail/models/|ninja/|db/backends/utils", 25)
    print("\nRerun:", rerun_command("api_load.py", sys.argv[1:]))


if __name__ == "__main__":
    main()

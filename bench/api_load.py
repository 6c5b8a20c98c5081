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
   otherwise turn the run into 429s;
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
   off: the median of --repeat requests, and the SQL queries of one request with their time
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
import resource
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
LUA_SCRIPT = BENCH_DIR / "api_load.lua"
MIN_ITEMS = 10_000
API_RATE = "100000000/h"  # counted as in production, never reached
HOST = "127.0.0.1"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

if not shutil.which("wrk"):
    sys.exit("wrk is not installed: it drives the load. On Debian or Ubuntu: apt-get install wrk (as root).")

os.environ["API_RATE"] = API_RATE  # for the in-process profile too
os.environ.pop("ELASTICSEARCH_URL", None)

from report import host, rerun_command, setup_django_for_pages, stop_process  # noqa: E402

setup_django_for_pages()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def fetch(url):
    """(status, body) of one GET over loopback, no proxy."""
    try:
        with NO_PROXY.open(url, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def count_items():
    response = Client().get("/api/v1/content?limit=1", HTTP_HOST="localhost")
    if response.status_code != 200:
        sys.exit(f"GET /api/v1/content answered {response.status_code} in this process: {response.content[:300]!r}")
    return response.json()["count"]


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def server_environment(args, static_root):
    env = dict(os.environ)
    env.pop("ELASTICSEARCH_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE=args.settings,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(40),
        SECURE_SSL_REDIRECT="0",
        ALLOWED_HOSTS=f"{HOST},localhost",
        STATIC_ROOT=str(static_root),
        API_RATE=API_RATE,
        LOG_LEVEL="WARNING",
    )
    return env


def collect_static(env, static_root):
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=PROJECT_DIR, env=env, check=True
    )
    manifest = static_root / "staticfiles.json"
    return time.perf_counter() - started, json.loads(manifest.read_text())["paths"] if manifest.exists() else {}


class Gunicorn:
    def __init__(self, args, env, port, log_path):
        self.log_path = log_path
        self.command = [
            sys.executable, "-m", "gunicorn", "portal.wsgi",
            "--bind", f"{HOST}:{port}",
            "--workers", str(args.workers),
            "--worker-class", "sync",
            "--log-level", "warning",
            "--error-logfile", str(log_path),
        ]  # fmt: skip
        self.process = subprocess.Popen(self.command, cwd=PROJECT_DIR, env=env, stdin=subprocess.DEVNULL)

    def wait_ready(self, url, workers, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"gunicorn exited with {self.process.returncode}:\n{self.log_path.read_text()[-3000:]}")
            try:
                if fetch(url)[0] == 200 and len(self.workers()) == workers:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        self.stop()
        sys.exit(f"gunicorn did not answer {url} within {timeout} s:\n{self.log_path.read_text()[-3000:]}")

    def workers(self):
        """The worker processes' ids: the master's children, from /proc."""
        master = str(self.process.pid)
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[1] == master:
                found.append(int(stat.parent.name))
        return sorted(found)

    def stop(self):
        stop_process(self.process)


def cpu_seconds(pids):
    """User + system CPU seconds of these processes so far (those that have exited count 0)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / CLOCK_TICKS


def machine_busy_seconds():
    """CPU seconds the whole machine spent busy (all cores), from /proc/stat."""
    user, nice, system, _idle, _iowait, irq, softirq = (int(v) for v in Path("/proc/stat").read_text().split()[1:8])
    return (user + nice + system + irq + softirq) / CLOCK_TICKS


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_wrk(args, url, seconds, server):
    """One wrk run: its JSON report plus the CPU spent meanwhile by the workers, wrk and the machine."""
    command = [
        "wrk", "--threads", str(args.threads), "--connections", str(args.connections),
        "--duration", f"{seconds}s", "--timeout", f"{args.timeout}s", "--script", str(LUA_SCRIPT), url,
    ]  # fmt: skip
    workers = server.workers()
    ours = [server.process.pid, *workers]
    before = cpu_seconds(workers), cpu_seconds(ours), children_cpu_seconds(), machine_busy_seconds(), time.monotonic()
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    after = cpu_seconds(workers), cpu_seconds(ours), children_cpu_seconds(), machine_busy_seconds(), time.monotonic()
    line = next((line for line in output.splitlines() if line.startswith("API_LOAD_JSON ")), None)
    if line is None:
        sys.exit(f"wrk printed no report for {url}:\n{output}")
    report = json.loads(line.split(" ", 1)[1])
    if server.workers() != workers:
        print(f"  note: gunicorn replaced a worker during the run of {url} (see its log)")
    report.update(
        worker_cpu=after[0] - before[0],
        server_cpu=after[1] - before[1],
        wrk_cpu=after[2] - before[2],
        machine_busy=after[3] - before[3],
        wall=after[4] - before[4],
    )
    return report


def percentile(histogram, p):
    """wrk's own percentile of a [[microseconds, count], …] histogram."""
    histogram = sorted(histogram)
    total = sum(count for _value, count in histogram)
    rank = round(p / 100 * total + 0.5)
    seen = 0
    for value, count in histogram:
        seen += count
        if seen >= rank:
            return value
    return histogram[-1][0] if histogram else 0


def merged(reports):
    histogram = {}
    for report in reports:
        for value, count in report["histogram"]:
            histogram[value] = histogram.get(value, 0) + count
    buckets = list(histogram.items())
    requests = sum(report["requests"] for report in reports)
    seconds = sum(report["duration_us"] for report in reports) / 1e6
    return {
        "requests": requests,
        "seconds": seconds,
        "rps": requests / seconds,
        "p50": percentile(buckets, 50) / 1000,
        "p95": percentile(buckets, 95) / 1000,
        "p99": percentile(buckets, 99) / 1000,
        "errors": sum(sum(report["errors"].values()) for report in reports),
        "bytes_per_response": sum(report["bytes"] for report in reports) / max(requests, 1),
        "worker_cpu_ms": 1000 * sum(report["worker_cpu"] for report in reports) / max(requests, 1),
        "round_rps": [report["requests"] / (report["duration_us"] / 1e6) for report in reports],
    }


class QueryTimer:
    """Every SQL statement of a block with its time (Django's own log rounds times to milliseconds).
    On SQLite a statement's time is its execute(): the rows after the first are read at fetch time."""

    def __init__(self):
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append(((time.perf_counter() - started) * 1000, sql))


def profile(path, repeat):
    """In this process, through the test client: median ms of `repeat` requests, queries and their ms."""
    client = Client()
    for _ in range(3):
        client.get(path, HTTP_HOST="localhost")
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(path, HTTP_HOST="localhost")
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    runs = []
    for _ in range(5):
        timer = QueryTimer()
        with connection.execute_wrapper(timer):
            client.get(path, HTTP_HOST="localhost")
        runs.append(timer.queries)
    median_run = sorted(runs, key=lambda queries: sum(ms for ms, _sql in queries))[len(runs) // 2]
    return {
        "median_ms": statistics.median(times),
        "queries": len(median_run),
        "sql_ms": sum(ms for ms, _sql in median_run),
        "captured": median_run,
    }


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
    log_path = static_root.with_suffix(".gunicorn.log")
    server = None
    try:
        env = server_environment(args, static_root)
        collecting, manifest = collect_static(env, static_root)
        static_url = f"/static/{manifest.get(args.static, args.static)}"
        port = free_port()
        base = f"http://{HOST}:{port}"
        server = Gunicorn(args, env, port, log_path)
        server.wait_ready(base + static_url, args.workers)
        print(f"collectstatic ({args.settings}): {collecting:.1f} s; gunicorn on {base}, {args.workers} sync workers")

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
        for url in urls.values():
            run_wrk(args, url, args.warmup, server)
        names = list(urls)
        reports = {name: [] for name in names}
        for round_number in range(args.rounds):
            order = names[round_number % len(names):] + names[: round_number % len(names)]
            for name in order:
                report = run_wrk(args, urls[name], args.duration, server)
                reports[name].append(report)
                print(f"  round {round_number + 1} {name:<9} {report['requests'] / (report['duration_us'] / 1e6):8.1f} req/s  "
                      f"p95 {report['p95_us'] / 1000:7.1f} ms  errors {sum(report['errors'].values())}")  # fmt: skip
        status_after, _body = fetch(urls["first"])
    finally:
        if server:
            server.stop()
        shutil.rmtree(static_root, ignore_errors=True)
    load_after = os.getloadavg()
    if log_path.exists():
        problems = [line for line in log_path.read_text().splitlines() if line.strip()]
        if problems:
            print(f"\ngunicorn logged {len(problems)} line(s), the last: {problems[-1][:200]}")
        log_path.unlink()

    figures = {name: merged(reports[name]) for name in names}
    static = figures["static"]
    round_ratios = {
        name: [rps / static_rps for rps, static_rps in zip(figures[name]["round_rps"], static["round_rps"])] for name in names
    }
    all_reports = [report for name in names for report in reports[name]]
    wall = sum(report["wall"] for report in all_reports)
    busy = sum(report["machine_busy"] for report in all_reports)
    server_cpu = sum(report["server_cpu"] for report in all_reports)
    wrk_cpu = sum(report["wrk_cpu"] for report in all_reports)
    others = max(busy - server_cpu - wrk_cpu, 0)

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
    cores = os.cpu_count()
    other = "other processes" if connection.vendor == "sqlite" else f"other processes ({connection.vendor} included)"
    print(f"\nCPU during the timed runs ({wall:.0f} s, {cores} cores): gunicorn {server_cpu / wall:.2f} cores, "
          f"wrk {wrk_cpu / wall:.2f}, {other} {others / wall:.2f}, idle {max(cores - busy / wall, 0):.2f}")  # fmt: skip
    print(f"Load average after: {' / '.join(f'{load:.2f}' for load in load_after)} (1 / 5 / 15 min)")
    if others / wall > 0.2:
        print(f"Note: {other} kept {others / wall:.2f} of the {cores} cores busy (check `uptime`: was the machine "
              "shared?); compare the ratios to the static file and CPU ms per request, not the absolute req/s.")  # fmt: skip

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

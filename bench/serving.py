"""The portal served as in production, and driven by wrk: what the load benchmarks (api_load.py,
page_load.py) share. gunicorn on a free loopback port with production settings and collected
static files, wrk runs with the CPU they cost, their latency histograms merged over rounds, and
in-process request profiles (ms, SQL queries) through the Django test client.

Django must be set up before `profile` is called (report.setup_django_for_pages); the rest only
starts processes.
"""

import json
import os
import resource
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from report import child_pids, stop_process

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
LUA_SCRIPT = BENCH_DIR / "api_load.lua"
API_RATE = "100000000/h"  # counted as in production, never reached
HOST = "127.0.0.1"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def require_wrk():
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: it drives the load. On Debian or Ubuntu: apt-get install wrk (as root).")


def fetch(url):
    """(status, body) of one GET over loopback, no proxy, redirects not followed as errors."""
    try:
        with NO_PROXY.open(url, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def server_environment(settings_module, static_root, **extra):
    """gunicorn's environment: production settings on plain-HTTP loopback, no Elasticsearch (unless
    `extra` sets it), the API's rate limit out of reach (all the load comes from one address)."""
    env = dict(os.environ)
    env.pop("ELASTICSEARCH_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE=settings_module,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(40),
        SECURE_SSL_REDIRECT="0",
        ALLOWED_HOSTS=f"{HOST},localhost",
        STATIC_ROOT=str(static_root),
        API_RATE=API_RATE,
        LOG_LEVEL="WARNING",
    )
    env.update(extra)
    return env


def collect_static(env, static_root):
    """Seconds collectstatic took, and its manifest's name → hashed name map."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=PROJECT_DIR, env=env, check=True
    )
    manifest = static_root / "staticfiles.json"
    return time.perf_counter() - started, json.loads(manifest.read_text())["paths"] if manifest.exists() else {}


class Gunicorn:
    def __init__(self, env, port, log_path, workers=3, worker_class="sync", threads=1):
        self.log_path = log_path
        self.worker_count = workers
        self.command = [
            sys.executable, "-m", "gunicorn", "portal.wsgi",
            "--bind", f"{HOST}:{port}",
            "--workers", str(workers),
            "--worker-class", worker_class,
            "--threads", str(threads),
            "--log-level", "warning",
            "--error-logfile", str(log_path),
        ]  # fmt: skip
        self.process = subprocess.Popen(self.command, cwd=PROJECT_DIR, env=env, stdin=subprocess.DEVNULL)

    def wait_ready(self, url, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"gunicorn exited with {self.process.returncode}:\n{self.log_path.read_text()[-3000:]}")
            try:
                if fetch(url)[0] == 200 and len(self.workers()) == self.worker_count:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        self.stop()
        sys.exit(f"gunicorn did not answer {url} within {timeout} s:\n{self.log_path.read_text()[-3000:]}")

    def workers(self):
        """The worker processes' ids."""
        return child_pids(self.process.pid)

    def wait_idle(self, timeout=120):
        """Return once the workers have stopped working: when wrk stops, sync workers still answer
        the requests already queued for them (a second or more each for a slow uncached page), and
        the next URL's run would be measured against that backlog."""
        workers = self.workers()
        deadline = time.monotonic() + timeout
        last = cpu_seconds(workers)
        while time.monotonic() < deadline:
            time.sleep(0.3)
            now = cpu_seconds(workers)
            if now - last < 0.02:
                return
            last = now

    def stop(self):
        stop_process(self.process)

    def logged_problems(self):
        """The lines gunicorn logged (warnings and worse); the log file is removed."""
        if not self.log_path.exists():
            return []
        lines = [line for line in self.log_path.read_text().splitlines() if line.strip()]
        self.log_path.unlink()
        return lines


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


def run_wrk(url, seconds, server, threads, connections, timeout):
    """One wrk run: its JSON report (api_load.lua) plus the CPU spent meanwhile by the workers, wrk
    and the machine."""
    command = [
        "wrk", "--threads", str(threads), "--connections", str(connections),
        "--duration", f"{seconds}s", "--timeout", f"{timeout}s", "--script", str(LUA_SCRIPT), url,
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
    server.wait_idle()
    return report


def run_rounds(urls, server, rounds, duration, warmup, threads, connections, timeout):
    """Each URL warmed up untimed, then `rounds` timed runs each, the order rotated every round so
    that all URLs see the same machine load. Returns {name: [report, …]}."""
    for url in urls.values():
        run_wrk(url, warmup, server, threads, connections, timeout)
    names = list(urls)
    reports = {name: [] for name in names}
    for round_number in range(rounds):
        order = names[round_number % len(names):] + names[: round_number % len(names)]
        for name in order:
            report = run_wrk(urls[name], duration, server, threads, connections, timeout)
            reports[name].append(report)
            print(f"  round {round_number + 1} {name:<12} {report['requests'] / (report['duration_us'] / 1e6):8.1f} req/s  "
                  f"p95 {report['p95_us'] / 1000:7.1f} ms  errors {sum(report['errors'].values())}")  # fmt: skip
    return reports


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
    """One URL's rounds as one run: requests/s over all its seconds, percentiles of the merged
    histograms, errors (socket errors and statuses ≥ 400), CPU per request."""
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


def machine_share(reports, vendor):
    """How the CPU was spent during these wrk runs: (wall seconds, summary line, warning or None).
    Other processes' load weighs on every URL alike, which is why the figures to compare are the
    ratios to the static file."""
    wall = sum(report["wall"] for report in reports)
    busy = sum(report["machine_busy"] for report in reports)
    server_cpu = sum(report["server_cpu"] for report in reports)
    wrk_cpu = sum(report["wrk_cpu"] for report in reports)
    others = max(busy - server_cpu - wrk_cpu, 0)
    cores = os.cpu_count()
    other = "other processes" if vendor == "sqlite" else f"other processes ({vendor} included)"
    line = (f"CPU during the timed runs ({wall:.0f} s, {cores} cores): gunicorn {server_cpu / wall:.2f} cores, "
            f"wrk {wrk_cpu / wall:.2f}, {other} {others / wall:.2f}, idle {max(cores - busy / wall, 0):.2f}")  # fmt: skip
    warning = None
    if others / wall > 0.2:
        warning = (f"Note: {other} kept {others / wall:.2f} of the {cores} cores busy (check `uptime`: was the "
                   "machine shared?); compare the ratios to the static file and CPU ms per request, not the absolute req/s.")  # fmt: skip
    return line, warning


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


def profile(path, repeat, host="localhost"):
    """In this process, through the test client: median ms of `repeat` requests, and the SQL queries
    of one request (the median of 5 by SQL time) with their ms."""
    from django.db import connection
    from django.test import Client

    client = Client()
    for _ in range(3):
        client.get(path, HTTP_HOST=host)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(path, HTTP_HOST=host)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    runs = []
    for _ in range(5):
        timer = QueryTimer()
        with connection.execute_wrapper(timer):
            client.get(path, HTTP_HOST=host)
        runs.append(timer.queries)
    median_run = sorted(runs, key=lambda queries: sum(ms for ms, _sql in queries))[len(runs) // 2]
    return {
        "median_ms": statistics.median(times),
        "queries": len(median_run),
        "sql_ms": sum(ms for ms, _sql in median_run),
        "captured": median_run,
    }

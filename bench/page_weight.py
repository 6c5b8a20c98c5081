"""Page weight as a citizen's browser sees it: requests and bytes transferred for the home page and a
transparency dataset page, in Spanish and English, on a first visit (empty cache) and a repeat visit.

    .venv/bin/python bench/page_weight.py

Needs only Debian's chromium and chromium-driver packages: it serves the site as production does
and removes everything at the end, also when it fails. In one run it

1. sets up, at the same time, a temporary SQLite database (`migrate`, `load_demo_content
   --without-admin`, in this process) and `collectstatic` with portal.settings.production
   (whitenoise's CompressedManifestStaticFilesStorage: hashed names, gzip and brotli copies) into a
   temporary STATIC_ROOT; then starts gunicorn with --workers sync workers on a free loopback port
   (DEBUG off, SECURE_SSL_REDIRECT=0 for plain HTTP, no Elasticsearch: these pages do not search),
   its access log recording each request's Accept-Encoding and the response's Content-Encoding.
   Its application is `portal.wsgi` with MEDIA_ROOT (the demo's images) served in front of it by
   whitenoise, standing in for the web server that serves media in production (docs/operations.md);
2. drives Debian's headless Chromium (/usr/bin/chromium through /usr/bin/chromedriver, the browser
   tests' options, a fresh profile, a 1280×900 window) to each page twice: a first visit after
   emptying the browser's cache, then, after about:blank, a repeat visit. Each visit's figures are
   the page's own Navigation and Resource Timing entries (`performance.getEntriesByType`):
   transferSize (what came over the network, 0 when served from the cache), encodedBodySize (the
   body as sent, compressed or not) and decodedBodySize; plus the requests gunicorn logged meanwhile,
   which include those no page can see (the favicon);
3. closes Chromium, then requests directly every file the pages loaded, with and without
   `Accept-Encoding: gzip, br`, and the pages themselves, with what gzip and brotli would make of
   them; prints the Cache-Control of the pages, a static file, an image and /favicon.ico, and what
   a request with the ETag gets (a visit once the browser's copy is stale);
4. prints the tables and the command that reruns it.

About 80 s on a 2-core machine, most of it the set-up (migrating and compressing every app's static
files with brotli).
"""

import argparse
import datetime
import gzip
import io
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import brotli
from whitenoise import WhiteNoise

from report import host, rerun_command, setup_django_for_pages, stop_process

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
HOST = "127.0.0.1"
SETTINGS = "portal.settings.production"
LANGUAGES = ("es", "en")
# One tab-separated line per request: what the browser asked for and how the server answered.
ACCESS_LOG_FORMAT = "\t".join(
    ["%(m)s", "%(U)s", "%(q)s", "%(s)s", "%(B)s", "%({accept-encoding}i)s", "%({content-encoding}o)s"]
)
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))
OFFERING_COMPRESSION = {"Accept_Encoding": "gzip, br"}


def fetch(url, **headers):
    """(status, headers, body as sent) of one GET over loopback; urllib never decompresses."""
    request = urllib.request.Request(url, headers={name.replace("_", "-"): value for name, value in headers.items()})
    try:
        with NO_PROXY.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def server_environment(work_dir):
    """The production settings' variables (portal/settings/base.py and production.py) for loopback HTTP."""
    env = {k: v for k, v in os.environ.items() if k not in {"ELASTICSEARCH_URL", "DATABASE_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(40),
        ALLOWED_HOSTS=f"{HOST},localhost",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=f"sqlite:///{work_dir / 'portal.sqlite3'}",
        STATIC_ROOT=str(work_dir / "static"),
        MEDIA_ROOT=str(work_dir / "media"),
        LOG_LEVEL="WARNING",
        # After the project directory (gunicorn puts it first): bench/regulations.py is not the app.
        PYTHONPATH=os.pathsep.join(filter(None, [str(BENCH_DIR), os.environ.get("PYTHONPATH")])),
    )
    return env


def load_demo_site(dataset_slug):
    """Migrate the empty database and load the demo; {(page, language): path} of the measured pages."""
    from django.core.management import call_command
    from wagtail.models import Locale

    from portal.models import HomePage
    from transparency.models import DatasetPage

    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo_content", without_admin=True, stdout=io.StringIO())
    dataset = DatasetPage.objects.live().filter(locale__language_code="es", slug=dataset_slug).first()
    if dataset is None:
        slugs = DatasetPage.objects.filter(locale__language_code="es").values_list("slug", flat=True)
        sys.exit(f"the demo has no Spanish dataset page {dataset_slug!r}; --dataset is one of: {', '.join(slugs)}")
    home = HomePage.objects.get(locale__language_code="es")
    paths = {}
    for language in LANGUAGES:
        locale = Locale.objects.get(language_code=language)
        paths["home", language] = home.get_translation(locale).url
        paths["dataset", language] = dataset.get_translation(locale).url
    return paths


def portal_with_media():
    """The WSGI application gunicorn serves: the portal, and the uploaded media as a production web
    server would serve them (production's Django does not)."""
    from django.conf import settings

    from portal.wsgi import application

    # autorefresh: image renditions are written when a page first shows them, after start-up.
    return WhiteNoise(application, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL, autorefresh=True)


class Gunicorn:
    def __init__(self, env, port, workers, work_dir):
        self.error_log = work_dir / "gunicorn-errors.log"
        self.access_log = work_dir / "gunicorn-access.log"
        self.access_log.touch()
        self.process = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "page_weight:portal_with_media()",
                "--bind", f"{HOST}:{port}", "--workers", str(workers), "--worker-class", "sync",
                "--log-level", "warning", "--error-logfile", str(self.error_log),
                "--access-logfile", str(self.access_log), "--access-logformat", ACCESS_LOG_FORMAT,
                "--no-control-socket",  # gunicorn 27 shares one ~/.gunicorn/gunicorn.ctl between all its servers
            ],
            cwd=PROJECT_DIR, env=env, stdin=subprocess.DEVNULL,
        )  # fmt: skip

    def wait_ready(self, url, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"gunicorn exited with {self.process.returncode}:\n{self.errors()}")
            try:
                if fetch(url)[0] == 200:
                    return
            except OSError:
                time.sleep(0.3)  # not listening yet
        sys.exit(f"gunicorn did not answer {url} within {timeout} s:\n{self.errors()}")

    def errors(self):
        return self.error_log.read_text()[-3000:] if self.error_log.exists() else ""

    def logged_requests(self, since):
        """Requests logged from byte `since` of the access log on: ([request, …], new offset)."""
        time.sleep(0.3)  # workers write their line just after the response
        with self.access_log.open() as log:
            log.seek(since)
            lines = log.read().splitlines()
            offset = log.tell()
        fields = ("method", "path", "query", "status", "bytes", "accept_encoding", "content_encoding")
        return [dict(zip(fields, line.split("\t"))) for line in lines if line], offset

    def stop(self):
        stop_process(self.process)


def start_chromium(profile_dir):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from tests.browser.conftest import CHROMEDRIVER, CHROMIUM, CHROMIUM_ARGUMENTS

    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not os.access(path, os.X_OK)]
    if missing:
        sys.exit(f"{' and '.join(missing)} not found: apt-get install chromium chromium-driver (as root).")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in CHROMIUM_ARGUMENTS:
        options.add_argument(argument)
    options.add_argument(f"--user-data-dir={profile_dir}")
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)  # never Selenium Manager
    driver.set_page_load_timeout(30)
    driver.set_window_size(1280, 900)
    return driver


TIMING_SCRIPT = """
const pick = entry => ({
    name: entry.name, type: entry.initiatorType, status: entry.responseStatus || 0,
    transfer: entry.transferSize, encoded: entry.encodedBodySize, decoded: entry.decodedBodySize,
});
return {
    navigation: performance.getEntriesByType('navigation').map(pick),
    resources: performance.getEntriesByType('resource').map(pick),
};
"""


def visit(driver, url):
    """The page's Timing entries once it has loaded and nothing more arrived for half a second, and
    the seconds until the load event."""
    started = time.perf_counter()
    driver.get(url)
    loaded = time.perf_counter() - started
    seen, quiet_since = -1, time.monotonic()
    while time.monotonic() - quiet_since < 0.5:
        count = driver.execute_script("return performance.getEntriesByType('resource').length")
        if count != seen:
            seen, quiet_since = count, time.monotonic()
        time.sleep(0.1)
    timing = driver.execute_script(TIMING_SCRIPT)
    return [{**timing["navigation"][0], "type": "document"}, *timing["resources"]], loaded


def measure(driver, server, base, paths):
    """{(page, language, visit): (Timing entries, logged requests, seconds)}: first and repeat visit of each page."""
    results = {}
    offset = server.access_log.stat().st_size
    for (page, language), path in paths.items():
        for visit_name in ("first", "repeat"):
            driver.get("about:blank")
            if visit_name == "first":
                driver.execute_cdp_cmd("Network.clearBrowserCache", {})
            entries, seconds = visit(driver, base + path)
            requests, offset = server.logged_requests(offset)
            results[page, language, visit_name] = entries, requests, seconds
    return results


def kilobytes(size):
    return f"{size / 1024:.1f}"


def how_it_came(entry, request):
    """'from the cache', or the status and Content-Encoding the server logged for it."""
    if entry["transfer"] == 0:
        return "from the cache"
    if request is None:
        return f"{entry['status']}, not logged"
    return f"{request['status']}, {request['content_encoding'] or 'not compressed'}"


def print_results(results, paths):
    print(f"\n{'page':<8} {'lang':<4} {'visit':<6} {'load s':>6} {'requests':>8} {'transferred KB':>14} "
          f"{'encoded KB':>10} {'decoded KB':>10} {'server saw':>10}  path")  # fmt: skip
    for (page, language, visit_name), (entries, requests, seconds) in results.items():
        over_network = [entry for entry in entries if entry["transfer"] > 0]
        print(
            f"{page:<8} {language:<4} {visit_name:<6} {seconds:>6.2f} {len(over_network):>8} "
            f"{kilobytes(sum(entry['transfer'] for entry in entries)):>14} "
            f"{kilobytes(sum(entry['encoded'] for entry in entries)):>10} "
            f"{kilobytes(sum(entry['decoded'] for entry in entries)):>10} {len(requests):>10}  {paths[page, language]}"
        )
    print("load s: until the load event; requests: Timing entries that came over the network (transferSize > 0,")
    print("so a 304 counts and a cache hit does not); transferred: transferSize, headers included; encoded and")
    print("decoded: the bodies as sent and as used, cached ones included; server saw: requests gunicorn logged")
    print("during the visit, including those no page can see (the favicon).")

    for (page, language, visit_name), (entries, requests, _seconds) in results.items():
        logged = {request["path"]: request for request in requests}
        listed = [(entry, logged.pop(urlsplit(entry["name"]).path, None)) for entry in entries]
        heading = f"\n{page} {language}, {visit_name} visit"
        if visit_name == "repeat":  # the first visit's resources again: list only what was not cached
            cached = sum(entry["transfer"] == 0 for entry in entries)
            listed = [(entry, request) for entry, request in listed if entry["transfer"] > 0]
            heading += f": {cached} of {len(entries)} from the cache" + (", the others:" if listed else "")
        print(heading)
        for entry, request in listed:
            print(f"  {entry['type']:<9} {kilobytes(entry['transfer']):>6} KB transferred "
                  f"{kilobytes(entry['encoded']):>6} KB encoded {kilobytes(entry['decoded']):>6} KB decoded  "
                  f"{how_it_came(entry, request):<22} {urlsplit(entry['name']).path}")  # fmt: skip
        for request in logged.values():
            encoding = request["content_encoding"] or "not compressed"
            print(f"  {'(no entry)':<9} {kilobytes(int(request['bytes'] or 0)):>6} KB body sent{'':>36}"
                  f"{request['status']}, {encoding}  {request['path']}")  # fmt: skip
    logged = [request for _entries, requests, _seconds in results.values() for request in requests]
    failed = sorted({f"{request['status']} {request['path']}" for request in logged if int(request["status"]) >= 400})
    if failed:
        print(f"\nWARNING: the browser's requests got errors: {', '.join(failed)}")
    accept_encodings = sorted({request["accept_encoding"] for request in logged})
    print(f"\nChromium's Accept-Encoding here: {' | '.join(accept_encodings)}")


def print_compression(results, paths, base):
    """What compression does for each file the pages loaded, and could do for the pages themselves."""
    file_paths = sorted(
        {urlsplit(entry["name"]).path for entries, _requests, _seconds in results.values()
         for entry in entries if entry["type"] != "document"}
    )  # fmt: skip
    print("\nFiles requested directly, with Accept-Encoding: gzip, br / without:")
    for path in file_paths:
        status, headers, body = fetch(base + path, **OFFERING_COMPRESSION)
        _status, _headers, plain = fetch(base + path)
        encoding = headers.get("Content-Encoding") or "not compressed"
        print(f"  {status} {encoding:<15} {kilobytes(len(body)):>6} KB / {kilobytes(len(plain)):>6} KB  {path}")
    print("Pages requested directly, with Accept-Encoding: gzip, br; what gzip (level 6) and brotli (quality 5),")
    print("as a proxy compressing on the fly might, would make of them:")
    for (page, language), path in paths.items():
        status, headers, body = fetch(base + path, **OFFERING_COMPRESSION)
        gzipped, brotlied = len(gzip.compress(body, 6)), len(brotli.compress(body, quality=5))
        print(f"  {status} {headers.get('Content-Encoding') or 'not compressed':<15} {kilobytes(len(body)):>6} KB; "
              f"gzip {kilobytes(gzipped)} KB, brotli {kilobytes(brotlied)} KB  {page} {language}")  # fmt: skip
    return file_paths


def print_cache_headers(paths, file_paths, base):
    """How long browsers keep each kind of answer, and what a page costs once the browser's copy is stale."""
    examples = [
        *((f"{page} {language}", path) for (page, language), path in paths.items()),
        *(("static file", path) for path in file_paths if path.startswith("/static/") and path.endswith(".css")),
        *(("media file", path) for path in file_paths[:1] if path.startswith("/media/")),
        ("favicon.ico", "/favicon.ico"),
    ]
    print("\nCache-Control, and the answer to a GET with the first answer's ETag (a visit once the copy is stale):")
    for label, path in examples:
        status, headers, _body = fetch(base + path, **OFFERING_COMPRESSION)
        etag = headers.get("ETag")
        if etag:
            again, again_headers, again_body = fetch(base + path, If_None_Match=etag, **OFFERING_COMPRESSION)
            revalidated = f"{again}, {len(again_body)} bytes"
            if again_headers.get("ETag") != etag:
                revalidated += ", ETag changed"
        else:
            revalidated = "no ETag"
        print(f"  {label:<11} {status}  {headers.get('Cache-Control', '(none)'):<40} {revalidated:<16} {path}")


class Started:
    """What a run starts and creates, released once at its end: normally, on an error, or on Ctrl-C
    or SIGTERM (released by the signal handler itself: an exception raised there can land in a
    garbage collector's callback and be ignored)."""

    def __init__(self):
        self.work_dir = Path(tempfile.mkdtemp(prefix="bench-page-weight-"))
        self.collect = self.server = self.driver = None
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self.stopped)

    def stopped(self, signum, _frame):
        print(f"\nstopped ({signal.Signals(signum).name}): cleaning up", file=sys.stderr)
        self.release()
        os._exit(128 + signum)

    def release(self):
        if self.driver:
            self.driver, driver = None, self.driver
            driver.quit()
        if self.server:
            self.server, server = None, self.server
            server.stop()
        if self.collect and self.collect.poll() is None:
            self.collect.kill()
            self.collect.wait()
        shutil.rmtree(self.work_dir, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    parser.add_argument("--dataset", default="planta", help="Spanish slug of the dataset page (default planta)")
    args = parser.parse_args()

    started_at = time.perf_counter()
    rerun = rerun_command("page_weight.py", sys.argv[1:])  # before this process takes the server's settings
    print(f"Page weight benchmark, {datetime.date.today().isoformat()}")
    print("Machine:", ", ".join(f"{key} {value}" for key, value in host().items()))
    print(f"Load average before: {' / '.join(f'{load:.2f}' for load in os.getloadavg())} (1 / 5 / 15 min)")
    started = Started()
    try:
        env = server_environment(started.work_dir)
        started.collect = subprocess.Popen(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=PROJECT_DIR, env=env
        )
        os.environ.pop("ELASTICSEARCH_URL", None)
        os.environ.update(env)  # for this process's migrate and load_demo_content
        setup_django_for_pages()
        from tests.conftest import free_port

        paths = load_demo_site(args.dataset)
        database_ready = time.perf_counter() - started_at
        if started.collect.wait() != 0:
            sys.exit(f"collectstatic failed ({started.collect.returncode})")
        print(f"Set-up: {time.perf_counter() - started_at:.0f} s (migrate and load_demo_content {database_ready:.0f} s, "
              f"collectstatic with {SETTINGS} at the same time)")  # fmt: skip

        port = free_port()
        base = f"http://{HOST}:{port}"
        server = started.server = Gunicorn(env, port, args.workers, started.work_dir)
        server.wait_ready(base + paths["home", "es"])
        driver = started.driver = start_chromium(started.work_dir / "chromium-profile")
        print(f"gunicorn on {base}, {args.workers} sync workers; Chromium "
              f"{driver.capabilities.get('browserVersion', '?')}, fresh profile, 1280×900")  # fmt: skip

        results = measure(driver, server, base, paths)
        started.driver = None
        driver.quit()
        print_results(results, paths)
        file_paths = print_compression(results, paths, base)
        print_cache_headers(paths, file_paths, base)
        if errors := server.errors().strip():
            print(f"\ngunicorn's error log:\n{errors}")
    finally:
        started.release()
    print(f"\nRun time: {time.perf_counter() - started_at:.0f} s")
    print("Rerun:", rerun)


if __name__ == "__main__":
    main()

"""What the fault tests share: a PostgreSQL cluster of their own (port 5434) holding the demo,
loaded once per run and copied for each module; the portal served from a copy by gunicorn, as in
production; and concurrent readers and writers whose every answer is kept for the assertions.

These tests start their own servers whatever database the rest of the suite uses, so they run,
and never skip, locally on SQLite and in CI on PostgreSQL alike.
"""

import itertools
import os
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
import requests

from bench.report import child_pids, stop_process
from tests.conftest import free_port

PROJECT_DIR = Path(__file__).resolve().parents[2]
PG_PORT = "5434"
HOST = "127.0.0.1"
# The served portal's own settings: never the test run's database, index or search server.
RUN_VARIABLES = ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "ELASTICSEARCH_URL", "ELASTICSEARCH_INDEX_PREFIX")


def script(name, *args, **env):
    """Run scripts/<name> with extra environment; return what it printed on stdout."""
    result = subprocess.run(
        [f"scripts/{name}", *args], cwd=PROJECT_DIR, env={**os.environ, **env},
        check=True, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    return result.stdout.strip()


def portal_environment(database_url, media_root, **extra):
    """As production runs it, on loopback: DEBUG off, the database search backend unless
    ELASTICSEARCH_URL is given, and limits that a load from one address never reaches."""
    env = {name: value for name, value in os.environ.items() if name not in RUN_VARIABLES}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        DEBUG="0",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media_root),
        # A cache of its own; and no page cache, which would answer repeated reads without the
        # database, so that every kind of request meets the outage.
        CACHE_URL=f"file://{media_root}-cache",
        PAGE_CACHE="0",
        ALLOWED_HOSTS=HOST,
        LOG_LEVEL="ERROR",
        API_RATE="100000000/h",
        FAQ_FEEDBACK_RATE="100000000/h",
        **extra,
    )
    return env


def manage(env, *args):
    """Run manage.py with the served portal's environment; return its output."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@dataclass
class DemoCluster:
    url: str  # the database holding the migrated demo: a template, never served

    def copy(self, name):
        """A new database with the demo in it (PostgreSQL copies the template's files: under a second)."""
        with psycopg.connect(self.url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}" TEMPLATE portal')
        return self.url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(scope="session")
def demo_cluster(tmp_path_factory):
    """The demo (home pages in both languages and the FAQ) migrated and loaded once per run."""
    url = script("postgres.sh", "start", PG_PORT=PG_PORT)
    try:
        env = portal_environment(url, tmp_path_factory.mktemp("demo-media"))
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo_content", "--without-transparency", "--without-regulations", "--without-notes")
        yield DemoCluster(url)
    finally:
        script("postgres.sh", "stop", PG_PORT=PG_PORT)


class Gunicorn:
    """The portal served as in production: gunicorn with 2 sync workers (bench/api_load.py's server)."""

    def __init__(self, env, log_path, workers=2):
        self.log_path = log_path
        self.base_url = f"http://{HOST}:{free_port()}"
        self.process = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", self.base_url.removeprefix("http://"),
                "--workers", str(workers), "--worker-class", "sync", "--error-logfile", str(log_path),
            ],
            cwd=PROJECT_DIR, env=env, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        self.wait_ready(workers)

    def wait_ready(self, workers, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"gunicorn exited:\n{self.log()}"
            try:
                if requests.get(self.base_url + "/es/", timeout=30).status_code == 200 and len(self.workers()) == workers:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.3)
        self.stop()
        pytest.fail(f"gunicorn did not answer within {timeout} s:\n{self.log()}")

    def workers(self):
        """The worker processes' ids (the master's children, from /proc): a worker that died or was
        restarted by the master would show here as a new id."""
        return child_pids(self.process.pid)

    def log(self):
        return self.log_path.read_text()[-3000:] if self.log_path.exists() else ""

    def stop(self):
        stop_process(self.process)


@dataclass
class Answer:
    kind: str
    status: int
    body: str
    headers: dict
    started: float
    ended: float
    sent: str = ""  # what a write sent that identifies it afterwards


class Load:
    """`threads` clients, each sending the given requests in turn until stopped; every answer is kept.

    A request is a function (base_url, session, number) -> Answer, e.g. `get(...)`; `number` makes
    each address unique, so no cache answers in the database's place. `prepare(base_url, session)`
    readies each client's session (e.g. its CSRF token) before any of them starts.
    """

    def __init__(self, base_url, requests_to_send, threads=6, prepare=None):
        self.base_url = base_url
        self.requests_to_send = requests_to_send
        self.answers = []
        self.errors = []
        self.stopping = threading.Event()
        self.numbers = itertools.count()
        self.sessions = [requests.Session() for _ in range(threads)]
        for session in self.sessions:
            if prepare:
                prepare(base_url, session)
        self.threads = [threading.Thread(target=self.client, args=(session,), daemon=True) for session in self.sessions]

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc_info):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def client(self, session):
        for send in itertools.cycle(self.requests_to_send):
            if self.stopping.is_set():
                return
            try:
                self.answers.append(send(self.base_url, session, next(self.numbers)))
            except requests.RequestException as error:  # no answer at all: the server failed
                self.errors.append(error)

    def since(self, moment):
        """Answers to the requests sent after `moment`."""
        return [answer for answer in self.answers if answer.started > moment]

    def of_kind(self, kind):
        return [answer for answer in self.answers if answer.kind == kind]


def get(kind, path, **params):
    """A request for Load: GET `path` (redirects not followed)."""

    def send(base_url, session, number):
        started = time.monotonic()
        response = session.get(base_url + path, params={**params, "load": number}, timeout=30, allow_redirects=False)
        return Answer(kind, response.status_code, response.text, response.headers, started, time.monotonic())

    return send


def unique_text(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:12]}"

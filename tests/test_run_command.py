"""The README's run command serves the bilingual portal from a fresh database, publishes what was
scheduled at its time with the companion scheduler, and Ctrl-C stops the server and the scheduler."""

import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import free_port

PROJECT_DIR = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def fetch(url):
    """(status, body) without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture(scope="module")
def running_portal(tmp_path_factory):
    """One run for the module's tests; stopped at the end as a terminal's Ctrl-C stops it."""
    tmp_path = tmp_path_factory.mktemp("run")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "ELASTICSEARCH_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        PORT=str(port),
        DATABASE_URL=f"sqlite:///{tmp_path / 'first-run.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        WEB_CONCURRENCY="1",
        SCHEDULER_INTERVAL="1",
    )
    log_path = tmp_path / "run.log"
    # Append mode: the server keeps writing while the test reads the file by its path.
    log = open(log_path, "a")
    process = subprocess.Popen(
        ["scripts/run.sh"], cwd=PROJECT_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"run command exited with {process.returncode}:\n{log_path.read_text()[-3000:]}")
        try:
            fetch(base + "/es/")
            break
        except OSError:
            time.sleep(1)
    else:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail("the portal did not answer within 240 s")
    yield base, log_path, env
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C sends: every process in the foreground group
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        pass
    log.close()
    if any_left(process.pid):
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail(f"Ctrl-C left processes of the run command running:\n{log_path.read_text()[-3000:]}")


def any_left(process_group):
    try:
        os.killpg(process_group, 0)
    except ProcessLookupError:
        return False
    return True


def test_run_command_serves_both_languages_admin_and_static(running_portal):
    base, log_path, env = running_portal
    for language in ("es", "en"):
        status, html = fetch(f"{base}/{language}/")
        assert status == 200
        assert f'<html lang="{language}">' in html
        assert f'hreflang="es" href="{base}/es/"' in html
        assert f'hreflang="en" href="{base}/en/"' in html

    status, html = fetch(f"{base}/admin/login/")
    assert status == 200 and 'name="password"' in html

    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', fetch(f"{base}/es/")[1]).group(1)
    assert fetch(base + stylesheet)[0] == 200

    log = log_path.read_text()
    assert "Demo logins for /admin/ (dev only), each with password 'portal-demo-2026'" in log
    assert re.search(r"^  revisor +Revisores +created$", log, re.MULTILINE)


SCHEDULE_A_PAGE = """
import datetime
from django.utils import timezone
from wagtail.models import Site
from portal.models import StandardPage

home = Site.objects.get(is_default_site=True).root_page
page = StandardPage(title="Programada", slug="programada", go_live_at=timezone.now() + datetime.timedelta(seconds=3))
home.add_child(instance=page)
page.save_revision().publish()  # approved to go live at go_live_at
"""


def test_the_scheduler_beside_the_server_publishes_a_scheduled_page_at_its_time(running_portal):
    base, log_path, env = running_portal
    subprocess.run(
        [".venv/bin/python", "manage.py", "shell", "-c", SCHEDULE_A_PAGE], cwd=PROJECT_DIR, env=env, check=True,
        capture_output=True,
    )
    assert fetch(f"{base}/es/programada/")[0] == 404

    deadline = time.monotonic() + 30
    while fetch(f"{base}/es/programada/")[0] != 200:
        assert time.monotonic() < deadline, "the scheduled page did not go live within 30 s"
        time.sleep(0.5)
    assert 'Published: "Programada"' in log_path.read_text()

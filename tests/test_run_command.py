"""The README's run command serves the bilingual portal from a fresh database."""

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


@pytest.fixture
def running_portal(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "ELASTICSEARCH_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        PORT=str(port),
        DATABASE_URL=f"sqlite:///{tmp_path / 'first-run.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        WEB_CONCURRENCY="1",
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
        pytest.fail("the portal did not answer within 240 s")
    yield base, log_path
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)
    log.close()


def test_run_command_serves_both_languages_admin_and_static(running_portal):
    base, log_path = running_portal
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

    assert "Demo admin created: user 'admin', password 'portal-demo-2026'." in log_path.read_text()

"""Production serves static files hashed, compressed and cached for a year, through whitenoise."""

import json
import os
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import free_port

PROJECT_DIR = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def test_gunicorn_serves_hashed_compressed_static_files(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "ELASTICSEARCH_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        STATIC_ROOT=str(tmp_path / "static"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=PROJECT_DIR, env=env, check=True, timeout=300,
    )
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())["paths"]
    hashed = manifest["portal/css/portal.css"]
    assert hashed != "portal/css/portal.css"

    port = free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "portal.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=PROJECT_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/static/{hashed}",
            headers={"Accept-Encoding": "gzip", "X-Forwarded-Proto": "https"},
        )
        for _ in range(60):
            try:
                response = urllib.request.urlopen(request, timeout=5)
                break
            except urllib.error.HTTPError:
                raise  # the server answered, wrongly: show it
            except OSError:
                time.sleep(0.5)  # not listening yet
        else:
            pytest.fail("gunicorn did not answer")
        assert response.status == 200
        assert response.headers["Content-Encoding"] == "gzip"
        assert "immutable" in response.headers["Cache-Control"]
    finally:
        server.terminate()
        server.wait(timeout=30)

"""Production settings pass Django's deployment checklist, send the security headers and secure
cookies, and refuse to start without a secret."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    environment.update(DJANGO_SETTINGS_MODULE="portal.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="portal.example.cl",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stderr


def test_production_refuses_to_start_without_secret_key():
    result = manage("check")
    assert result.returncode != 0
    assert "Set SECRET_KEY in the environment for production." in result.stderr


# Run in production settings: an API response over HTTPS and over plain HTTP (neither needs the
# database or collected static files), and a session and CSRF cookie from Django's own middleware
# (a page would need collected static files).
HEADERS_SCRIPT = """
import json
from django.contrib.sessions.middleware import SessionMiddleware
from django.contrib.sessions.models import Session
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.test import Client, RequestFactory

client = Client(HTTP_HOST="portal.example.cl")
https = client.get("/api/v1/openapi.json", secure=True)
http = client.get("/api/v1/openapi.json")

with connection.schema_editor() as editor:  # a throwaway database, where the session is saved
    editor.create_model(Session)

def view(request):
    request.session["seen"] = True
    get_token(request)
    return HttpResponse()

request = RequestFactory().get("/", secure=True, HTTP_HOST="portal.example.cl")
response = SessionMiddleware(CsrfViewMiddleware(view))(request)
print(json.dumps({
    "https": [https.status_code, dict(https.headers)],
    "http": [http.status_code, dict(http.headers)],
    "cookies": {name: {"secure": bool(c["secure"]), "httponly": bool(c["httponly"])} for name, c in response.cookies.items()},
}))
"""


def test_production_sends_security_headers_and_secure_cookies(tmp_path):
    result = manage(
        "shell", "-c", HEADERS_SCRIPT,
        SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="portal.example.cl",
        DATABASE_URL=f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])

    status, headers = seen["https"]
    assert status == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    policy = dict(directive.split(" ", 1) for directive in headers["Content-Security-Policy"].split("; "))
    assert policy["default-src"] == policy["script-src"] == policy["style-src"] == "'self'"
    assert policy["object-src"] == policy["frame-ancestors"] == "'none'"

    status, headers = seen["http"]
    assert (status, headers["Location"]) == (301, "https://portal.example.cl/api/v1/openapi.json")

    assert seen["cookies"]["sessionid"] == {"secure": True, "httponly": True}
    assert seen["cookies"]["csrftoken"]["secure"] is True

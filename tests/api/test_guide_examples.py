"""Every example in docs/api.md runs, as a journalist would run it (curl and jq in bash), against a
live portal with the demo content, and prints what the guide says it prints.

An example is a ```console block: lines starting with "$ " are the command (a trailing backslash
continues it), the rest is its output. JSON output must have the same keys, in the same nesting,
and the same values except where the guide writes "…"; other output must match line by line.
"""

import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.conftest import DEMO_SECTIONS, load_demo

GUIDE = Path(settings.BASE_DIR) / "docs" / "api.md"
ANY = "…"


def examples(text):
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        command, output, continuing = [], [], False
        for line in block.splitlines():
            if line.startswith("$ ") or continuing:
                command.append(line[2:] if line.startswith("$ ") else line)
                continuing = line.endswith("\\")
            else:
                output.append(line)
        yield "\n".join(command), "\n".join(output).strip()


def matches(expected, actual):
    if expected == ANY:
        return True
    if isinstance(expected, dict):
        return isinstance(actual, dict) and expected.keys() == actual.keys() and all(
            matches(value, actual[key]) for key, value in expected.items()
        )
    if isinstance(expected, list):
        return isinstance(actual, list) and len(expected) == len(actual) and all(map(matches, expected, actual))
    if isinstance(expected, str) and ANY in expected:  # "…" inside a string: the parts around it
        return isinstance(actual, str) and re.fullmatch(".*".join(map(re.escape, expected.split(ANY))), actual, re.S)
    return expected == actual


def test_the_guide_has_examples_of_every_kind():
    commands = " ".join(command for command, _output in examples(GUIDE.read_text()))
    for path in ["/content", "/changes", "api_url", "/transparency/", "/regulations", "/feeds/", "If-None-Match"]:
        assert path in commands, path


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the flush after it keeps the locales and root page
def test_every_example_in_the_guide_prints_what_the_guide_says(live_server, settings):
    settings.API_RATE = "10000/m"
    load_demo(*DEMO_SECTIONS)
    call_command("update_index", stdout=io.StringIO())  # a fresh search index of the demo, as in CI
    environment = {"PATH": "/usr/bin:/bin", "SITE": live_server.url, "API": f"{live_server.url}/api/v1"}
    failures = []
    for command, expected in examples(GUIDE.read_text()):
        run = subprocess.run(["bash", "-c", f"set -o pipefail\n{command}"], capture_output=True, text=True, env=environment, timeout=60)
        actual = run.stdout.strip()
        try:
            ok = run.returncode == 0 and matches(json.loads(expected), json.loads(actual))
        except json.JSONDecodeError:
            ok = run.returncode == 0 and actual == expected
        if not ok:
            failures.append(f"$ {command}\n--- the guide says:\n{expected}\n--- it printed (exit {run.returncode}):\n{actual}\n{run.stderr}")
    assert not failures, "\n\n".join(failures)


def every_item(client):
    url = "/api/v1/content?limit=100"
    while url:
        page = client.get(url).json()
        yield from page["items"]
        url = page["next"] and page["next"].removeprefix("http://testserver")


@pytest.mark.slow
def test_every_published_item_of_the_demo_has_its_details(db, client, settings):
    """Real content reaches every type's serializer (schemathesis mostly meets unknown ids)."""
    settings.API_RATE = "10000/m"
    load_demo(*DEMO_SECTIONS)
    failed = {}
    for item in every_item(client):
        response = client.get(item["api_url"].removeprefix("http://testserver"))
        if response.status_code != 200 or response.json()["id"] != item["id"]:
            failed[item["api_url"]] = response.status_code
    assert not failed


def test_the_guide_is_a_page_of_the_site_linked_from_every_footer(client, demo_site):
    footer = client.get("/es/").content.decode().split('id="footer-open-data"')[1]
    assert '<a href="/es/guia-api/">Guía de la API para periodistas</a>' in footer
    assert '<a href="/api/v1/docs">' in footer and 'href="/api/v1/feeds/es/all.atom"' in footer
    guide = client.get("/es/guia-api/")
    assert guide.status_code == 200
    assert '<article class="api-guide" lang="en">' in guide.content.decode()
    assert "<h2 id=\"everything-published-content\">" in guide.content.decode()
    assert client.get("/api/v1/docs").status_code == 200

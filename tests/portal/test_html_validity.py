"""Every kind of public page, in both languages, is HTML that parses without errors.

Browsers repair broken markup silently, each in its own way, and screen readers read the repaired
tree: an unclosed element or a stray end tag can move content out of a landmark or a list. The
HTML5 parsing algorithm (html5lib) reports each repair as an error, with the line it was made at.
"""

import io
import re

import html5lib
import pytest
from django.core.management import call_command
from html5lib.constants import E as HTML5LIB_MESSAGES
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from wagtail.search.backends import get_search_backend

from search.query import ElasticsearchHealth
from tests.conftest import DEMO_SECTIONS, load_demo
from tests.page_types import page_type_paths

DOCTYPE = re.compile(r"\s*<!DOCTYPE html>", re.IGNORECASE)


@pytest.fixture
def demo_pages(db, monkeypatch):
    """The whole bilingual demo, searchable (on Elasticsearch a fresh index, so the search
    results page has results to mark up)."""
    load_demo(*DEMO_SECTIONS)
    if isinstance(get_search_backend(), ElasticsearchBaseSearchBackend):
        monkeypatch.setattr(ElasticsearchHealth, "failed_at", None)  # an earlier test's outage
        call_command("update_index", stdout=io.StringIO())


def source_excerpt(lines, line, column):
    """The source line html5lib points at (up to the column where it noticed the error)."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    start = max(column - 160, 0)
    return f"{'…' if start else ''}{text[start:column + 40].strip()}"


def problems_of(html, language):
    """What is wrong with one page, one message a problem; none for a valid page."""
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    root = parser.parse(html)
    lines = html.splitlines()
    problems = [
        f"line {line}, column {column}: {code}: {HTML5LIB_MESSAGES.get(code, code) % details}\n"
        f"        {line:>5} | {source_excerpt(lines, line, column)}"
        for (line, column), code, details in parser.errors
    ]
    if not DOCTYPE.match(html):
        problems.append(f"does not start with <!DOCTYPE html>: {html[:60]!r}")
    if root.get("lang") != language:
        problems.append(f'<html lang="{root.get("lang")}">, not "{language}"')
    for element in ("h1", "main"):
        count = len(list(root.iter(element)))
        if count != 1:
            problems.append(f"{count} <{element}> elements, not one")
    return problems


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_page_type_is_valid_html(client, demo_pages, language):
    failures = []
    for page_type, path in page_type_paths(language).items():
        response = client.get(path)
        expected_status = 404 if page_type == "not-found" else 200
        if response.status_code != expected_status:
            failures.append(f"{page_type} {path}: answered {response.status_code}, not {expected_status}")
            continue
        problems = problems_of(response.content.decode(response.charset), language)
        if problems:
            failures.append(f"{page_type} {path}:\n" + "\n".join(f"    {problem}" for problem in problems))
    assert not failures, f"{len(failures)} {language} page type(s) with problems:\n" + "\n".join(failures)

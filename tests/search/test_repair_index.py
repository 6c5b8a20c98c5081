"""`repair_search_index` finds and fixes what the index missed while Elasticsearch was down."""

import io
from contextlib import contextmanager
from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from elasticsearch.helpers import scan
from wagtail.models import Page

from portal.models import StandardPage
from tests.conftest import free_port, publish

pytestmark = pytest.mark.elasticsearch


def repair(*args, **options):
    """Runs the command in English; returns (stdout, stderr, CommandError or None)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with translation.override("en"):
        try:
            call_command("repair_search_index", *args, stdout=stdout, stderr=stderr, **options)
        except CommandError as error:
            return stdout.getvalue(), stderr.getvalue(), error
    return stdout.getvalue(), stderr.getvalue(), None


@contextmanager
def elasticsearch_unreachable(settings):
    """Points the backend at a port nobody listens on, as when the Elasticsearch server is down."""
    working = django_settings.WAGTAILSEARCH_BACKENDS
    down = {"default": {**working["default"], "URLS": [f"http://127.0.0.1:{free_port()}"], "TIMEOUT": 1}}
    settings.WAGTAILSEARCH_BACKENDS = down
    try:
        yield
    finally:
        settings.WAGTAILSEARCH_BACKENDS = working


def use_index_prefix(settings, prefix):
    """Gives the default backend indices of its own; the run's clean-up still drops them (same prefix)."""
    backend = django_settings.WAGTAILSEARCH_BACKENDS["default"]
    settings.WAGTAILSEARCH_BACKENDS = {"default": {**backend, "INDEX_PREFIX": prefix}}
    return prefix


def index_contents(backend):
    return {(hit["_index"], hit["_id"]): hit["_source"] for hit in scan(backend.es, index=f"{backend.index_prefix}*")}


def search_pks(word):
    with translation.override("es"):
        return [page.pk for page in StandardPage.objects.live().search(word, backend="default")]


@pytest.fixture
def page_index(elasticsearch):
    return elasticsearch.get_index_for_model(Page).name


@pytest.fixture
def drift(elasticsearch, home_es, settings, caplog):
    """While Elasticsearch is down editors publish a page, edit one, unpublish one and delete one.

    Wagtail logs the indexing errors and carries on, so the database changes and the index does not.
    """
    spanish_pages = StandardPage.objects.filter(locale=home_es.locale)
    edited = spanish_pages.get(slug="quienes-somos")
    unpublished = spanish_pages.get(slug="accesibilidad")
    deleted = spanish_pages.get(slug="solicitar-informacion")
    deleted_pk = deleted.pk
    with elasticsearch_unreachable(settings):
        new = StandardPage(
            title="Sesión especial",
            slug="sesion-especial",
            body=[("paragraph", "<p>El pleno se reunió en el hemiciclo para votar el presupuesto.</p>")],
        )
        home_es.add_child(instance=new)
        new = publish(new)
        edited.summary = "La institución, su misión y la zarzuela de su historia."
        edited = publish(edited)
        unpublished.unpublish()
        deleted.delete()
    assert "Exception raised while adding" in caplog.text
    assert "Exception raised while deleting" in caplog.text
    return SimpleNamespace(new=new, edited=edited, unpublished=unpublished, deleted_pk=deleted_pk)


def test_dry_run_reports_each_kind_of_drift_and_changes_nothing(elasticsearch, page_index, drift):
    before = index_contents(elasticsearch)

    output, _errors, error = repair("--dry-run", "--chunk-size", "2", verbosity=2)

    assert error is not None and error.returncode == 1, output
    stale = ", ".join(str(pk) for pk in sorted([drift.edited.pk, drift.unpublished.pk]))
    assert (
        f"{page_index}: 1 missing, 2 stale, 1 deleted — not repaired (dry run)\n"
        "  portal.HomePage: 0 missing, 0 stale, 0 deleted\n"
        "  portal.StandardPage: 1 missing, 2 stale, 1 deleted\n"
        f"    missing: {drift.new.pk}\n"
        f"    stale: {stale}\n"
        f"    deleted: {drift.deleted_pk}\n"
    ) in output
    assert "  transparency.DatasetPage: 0 missing, 0 stale, 0 deleted\n" in output
    assert "  wagtailcore.Page: 0 missing, 0 stale, 0 deleted\n" in output
    assert f"{elasticsearch.index_prefix}wagtailimages_image: 0 missing, 0 stale, 0 deleted — in sync\n" in output
    assert index_contents(elasticsearch) == before


def test_repair_brings_the_index_back_in_line_with_the_database(elasticsearch, page_index, drift):
    es = elasticsearch.es
    assert search_pks("hemiciclo") == []
    assert es.count(index=page_index, q="prorrogables")["count"] == 1  # only in the deleted page

    output, _errors, error = repair("--chunk-size", "2")

    assert error is None, output
    assert f"{page_index}: 1 missing, 2 stale, 1 deleted — repaired\n" in output
    assert search_pks("hemiciclo") == [drift.new.pk]
    assert search_pks("zarzuela") == [drift.edited.pk]
    assert es.get(index=page_index, id=str(drift.unpublished.pk))["_source"]["live_filter"] is False
    assert not es.exists(index=page_index, id=str(drift.deleted_pk))
    assert es.count(index=page_index, q="prorrogables")["count"] == 0

    output, _errors, error = repair("--dry-run")

    assert error is None, output
    assert f"{page_index}: 0 missing, 0 stale, 0 deleted — in sync\n" in output


def test_an_index_that_was_never_built_is_reported_not_created(elasticsearch, settings):
    prefix = use_index_prefix(settings, f"{elasticsearch.index_prefix}never_built_")

    output, errors, error = repair()

    assert error is not None and error.returncode == 2, output
    assert f"the index {prefix}wagtailcore_page does not exist" in errors
    assert "python manage.py update_index --backend default" in errors
    assert elasticsearch.es.indices.get(index=f"{prefix}*") == {}


def test_an_index_elasticsearch_created_on_its_own_is_left_to_update_index(elasticsearch, settings, home_es):
    """Publishing into a never-built index makes Elasticsearch create it with guessed mappings."""
    prefix = use_index_prefix(settings, f"{elasticsearch.index_prefix}auto_created_")
    page = StandardPage(title="Sesión especial", slug="sesion-especial")
    home_es.add_child(instance=page)
    publish(page)
    index = f"{prefix}wagtailcore_page"
    elasticsearch.es.indices.refresh(index=index)
    documents = elasticsearch.es.count(index=index)["count"]

    output, errors, error = repair()

    assert error is not None and error.returncode == 2, output
    assert f"the mapping of the index {index} does not match the search fields (" in errors
    assert "python manage.py update_index --backend default" in errors
    elasticsearch.es.indices.refresh(index=index)
    assert elasticsearch.es.count(index=index)["count"] == documents


def test_the_database_backend_has_nothing_to_repair(settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

    output, _errors, error = repair()

    assert error is None
    assert output == 'Search backend "default" does not use Elasticsearch: nothing to repair.\n'

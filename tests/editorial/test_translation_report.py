"""The missing-translation report lists exactly the live Spanish pages whose English version is
missing, only a draft, or older than the Spanish page's last publication, to those who translate."""

import csv
import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.contrib.auth.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from faq.models import FAQIndexPage
from portal.models import StandardPage
from tests.conftest import publish

pytestmark = pytest.mark.django_db

REPORT = reverse("editorial_reports:missing_translations")
SANTIAGO = zoneinfo.ZoneInfo("America/Santiago")


def on(day):
    """Publications on a given day of March 2026, so "later" never depends on the clock's resolution."""
    return time_machine.travel(datetime.datetime(2026, 3, day, 10, tzinfo=SANTIAGO), tick=False)


def spanish_page(home_es, slug, day, page_class=StandardPage, **fields):
    with on(day):
        page = page_class(title=slug.replace("-", " ").capitalize(), slug=slug, **fields)
        home_es.add_child(instance=page)
        return publish(page)


def english_version(page, home_en, day=None):
    """The page's English translation under the English home: published on `day`, or a draft."""
    english = page.specific_class(
        title=f"{page.title} (en)", slug=page.slug, locale=home_en.locale, translation_key=page.translation_key
    )
    with on(day or 1):
        home_en.add_child(instance=english)
        if day is None:
            english.live = False
            english.save_revision()
            english.save()
            return english
        return publish(english)


@pytest.fixture
def pages(home_es, home_en):
    """One page in each state, besides the demo's pages, which are all translated."""
    missing = spanish_page(home_es, "sin-traduccion", 2)
    draft_only = spanish_page(home_es, "solo-borrador", 3)
    english_version(draft_only, home_en)
    outdated = spanish_page(home_es, "desactualizada", 2)
    english_version(outdated, home_en, day=3)
    with on(5):
        publish(outdated)  # the Spanish page changed after its translation was published
    withdrawn = spanish_page(home_es, "retirada", 2)
    english_version(withdrawn, home_en, day=3).unpublish()

    translated = spanish_page(home_es, "traducida", 2)
    english_version(translated, home_en, day=3)
    caught_up = spanish_page(home_es, "puesta-al-dia", 2)
    english_version(caught_up, home_en, day=3)
    with on(4):
        publish(caught_up)
    english_version_of_caught_up = caught_up.get_translation(home_en.locale).specific
    with on(6):
        publish(english_version_of_caught_up)
    draft_in_spanish = StandardPage(title="Borrador", slug="borrador", live=False)
    home_es.add_child(instance=draft_in_spanish)
    return {
        "missing": missing,
        "draft": draft_only,
        "outdated": outdated,
        "withdrawn": withdrawn,
        "translated": translated,
        "caught_up": caught_up,
    }


def listed(client, user, **params):
    client.force_login(user)
    response = client.get(REPORT, params)
    assert response.status_code == 200
    return {(page.slug, page.translation_status) for page in response.context["object_list"]}


def test_lists_exactly_the_untranslated_and_outdated_pages(administrator, pages, client):
    assert listed(client, administrator) == {
        ("sin-traduccion", "missing"),
        ("solo-borrador", "draft"),
        ("retirada", "draft"),  # published in English once, withdrawn since: no English page for readers
        ("desactualizada", "outdated"),
    }


def test_each_row_says_what_is_due_and_links_to_doing_it(administrator, pages, home_en, client):
    client.force_login(administrator)
    html = client.get(REPORT).content.decode()

    translate = reverse("wagtail_localize:submit_page_translation", args=[pages["missing"].pk])
    assert f'href="{translate}"' in html
    for state in ("draft", "outdated"):
        english = pages[state].get_translation(home_en.locale)
        assert f'href="{reverse("wagtailadmin_pages:edit", args=[english.pk])}"' in html
    for label in ("Missing", "Draft only", "Out of date", "Translate", "Edit English page"):
        assert label in html
    assert f'href="{pages["missing"].url}"' in html  # the page itself, as readers see it


def test_filters_by_status_and_by_type(administrator, pages, home_es, client):
    faq_index = spanish_page(home_es, "preguntas", 2, page_class=FAQIndexPage)

    assert listed(client, administrator, translation_status="outdated") == {("desactualizada", "outdated")}
    faq_type = ContentType.objects.get_for_model(FAQIndexPage)
    assert listed(client, administrator, content_type=faq_type.pk) == {(faq_index.slug, "missing")}


def test_translators_see_the_pages_they_would_translate(translator, pages, client):
    """Translators hold grants on the English tree only; the report is where they find the work."""
    assert {slug for slug, status in listed(client, translator)} == {
        "sin-traduccion", "solo-borrador", "retirada", "desactualizada"
    }


def test_officers_see_only_their_sections(officer, editor, pages, section_pages, client):
    """The fixture's English section pages are separate pages, not translations of the Spanish ones."""
    assert listed(client, officer) == {("transparencia", "missing"), ("reglamentos", "missing")}
    assert {("transparencia", "missing"), ("sin-traduccion", "missing")} <= listed(client, editor)


def test_only_those_who_submit_translations_see_the_report(reviewer, translator, pages, client):
    client.force_login(reviewer)
    assert client.get(REPORT)["Location"] == reverse("wagtailadmin_home")  # refused, with a message
    assert REPORT not in client.get(reverse("wagtailadmin_reports:site_history")).content.decode()

    client.force_login(translator)
    assert REPORT in client.get(reverse("wagtailadmin_home")).content.decode()  # in the Reports menu


def test_exports_as_csv_and_xlsx_in_the_editors_language(administrator, pages, client):
    client.force_login(administrator)

    response = client.get(REPORT, {"export": "csv", "translation_status": "outdated"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert response["Content-Disposition"].startswith('attachment; filename="missing-translations-')
    assert rows[0] == ["Page", "Type", "Status", "Spanish last published", "English last published"]
    assert [row[:3] for row in rows[1:]] == [["Desactualizada", "Standard page", "Out of date"]]
    assert rows[1][3].startswith("2026-03-05") and rows[1][4].startswith("2026-03-03")
    xlsx = client.get(REPORT, {"export": "xlsx"})
    assert xlsx.status_code == 200 and xlsx["Content-Type"].endswith("spreadsheetml.sheet")


def test_queries_do_not_grow_with_the_number_of_pages(
    translator, home_es, home_en, client, django_assert_max_num_queries
):
    client.force_login(translator)

    def add_pages(first, last):
        for number in range(first, last):
            page = spanish_page(home_es, f"pagina-{number}", 2)
            if number % 2:
                english_version(page, home_en)

    def queries():
        client.get(REPORT)  # warm the caches (site root paths, content types)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(REPORT).status_code == 200
        return len(captured)

    add_pages(0, 4)
    with_four = queries()
    add_pages(4, 24)

    assert queries() == with_four
    with django_assert_max_num_queries(20):  # session, user, permissions, admin menus, and the report's count and page
        assert len(client.get(REPORT).context["object_list"]) == 24

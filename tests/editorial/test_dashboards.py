"""Each role's dashboard shows its own work: the user's drafts, what awaits their review, the
transparency obligations, translations to do, the least useful FAQ answers and the searches
that found nothing, each only to those who can act on it."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from editorial import roles
from faq.models import FAQIndexPage
from portal.models import StandardPage
from search.models import SearchQueryStat
from tests.conftest import publish
from tests.faq.conftest import add_category, add_question, vote
from tests.transparency import conftest as transparency_fixtures

pytestmark = pytest.mark.django_db

dataset, pay_schema = transparency_fixtures.dataset, transparency_fixtures.pay_schema  # a dataset to report on

DASHBOARD = reverse("wagtailadmin_home")
PANELS = {
    "my-drafts",
    "awaiting-review",
    "transparency-obligations",
    "missing-translations",
    "least-useful-answers",
    "no-result-searches",
    "objects-in-workflow",
}


def dashboard(client, user):
    """{panel id: its HTML} for the role panels (and Wagtail's workflow panels) on the user's dashboard."""
    client.force_login(user)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        section["id"].removesuffix("-section"): section
        for section in soup.select("section.w-panel")
        if section["id"].removesuffix("-section") in PANELS
    }


def text(panel):
    return " ".join(panel.get_text(" ").split())


def links(panel):
    return {a["href"] for a in panel.select("a[href]") if not a["href"].startswith("#")}


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def add_page(home, slug, title=None):
    page = StandardPage(title=title or slug.capitalize(), slug=slug)
    home.add_child(instance=page)
    return publish(page)


def draft(page, user, title):
    page.title = title
    page.save_revision(user=user)
    return page


@pytest.fixture
def faq_category(home_es):
    index = publish(home_es.add_child(instance=FAQIndexPage(title="Preguntas frecuentes", slug="preguntas")))
    return add_category(index, "Transparencia", "transparencia")


@pytest.fixture
def untranslated(home_es):
    return add_page(home_es, "sin-traduccion", "Sin traducción")


# My drafts and reviews


def test_my_drafts_lists_the_pages_i_last_edited_that_are_not_live_newest_first(
    editor, member, home_es, client
):
    colleague = member(roles.EDITORS, username="colega")
    first = draft(add_page(home_es, "primera"), editor, "Primera, corregida")
    second = draft(add_page(home_es, "segunda"), editor, "Segunda, corregida")
    taken_over = draft(add_page(home_es, "tercera"), editor, "Tercera, mía")
    draft(taken_over, colleague, "Tercera, del colega")
    add_page(home_es, "publicada")

    panel = dashboard(client, editor)["my-drafts"]

    assert [a.get_text(strip=True) for a in panel.select("td.title a")] == ["Segunda, corregida", "Primera, corregida"]
    assert links(panel) == {edit_url(second), edit_url(first)}
    assert [a.get_text(strip=True) for a in dashboard(client, colleague)["my-drafts"].select("td.title a")] == [
        "Tercera, del colega"
    ]


def test_a_submitted_draft_leaves_my_drafts_and_awaits_the_reviewers_not_the_editor(
    editor, reviewer, member, home_es, client
):
    """Wagtail's own panels: "Awaiting your review" for reviewers, "Your pages … in a workflow" for its editor."""
    page = draft(add_page(home_es, "para-revisar"), editor, "Para revisar, corregida")
    assert "my-drafts" in dashboard(client, editor)
    page.get_workflow().start(page, editor)

    editors_panels = dashboard(client, editor)
    assert "my-drafts" not in editors_panels and "awaiting-review" not in editors_panels
    assert "Para revisar, corregida" in text(editors_panels["objects-in-workflow"])
    task_state = page.current_workflow_state.current_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    for any_reviewer in (reviewer, member(roles.REVIEWERS, username="otro-revisor")):
        review = dashboard(client, any_reviewer)["awaiting-review"]
        assert "Para revisar, corregida" in text(review)
        assert approve in str(review)


# Transparency obligations


def test_officers_see_the_obligations_and_editors_do_not(officer, editor, translator, dataset, client):
    assert "See the obligations" in text(dashboard(client, officer)["transparency-obligations"])
    assert "transparency-obligations" not in dashboard(client, editor)
    assert "transparency-obligations" not in dashboard(client, translator)


# Translations


def test_translations_to_do_for_those_who_translate(translator, editor, reviewer, officer, untranslated, client):
    panel = dashboard(client, translator)["missing-translations"]

    assert "1 page has no up-to-date English version." in text(panel)
    assert "Sin traducción" in text(panel) and "Missing" in text(panel)
    assert reverse("wagtail_localize:submit_page_translation", args=[untranslated.pk]) in links(panel)
    assert reverse("editorial_reports:missing_translations") in links(panel)
    assert "missing-translations" in dashboard(client, editor)
    assert "missing-translations" not in dashboard(client, reviewer)  # reviewers do not translate
    assert "missing-translations" not in dashboard(client, officer)  # none of their sections' pages is due


def test_the_translations_panel_counts_them_all_and_lists_the_first_five(translator, home_es, client):
    for number in range(7):
        add_page(home_es, f"pagina-{number}")

    panel = dashboard(client, translator)["missing-translations"]

    assert "7 pages have no up-to-date English version." in text(panel)
    assert len(panel.select("tbody tr")) == 5


# FAQ answers


def test_the_least_useful_answers_for_editors_of_answers(editor, reviewer, officer, faq_category, client):
    answers = [add_question(faq_category, f"¿Pregunta {number}?", f"pregunta-{number}") for number in range(7)]
    for number, answer in enumerate(answers):
        for useful in range(number):
            vote(answer, True)
        vote(answer, False)

    panel = dashboard(client, editor)["least-useful-answers"]

    assert [a.get_text(strip=True) for a in panel.select("td.title a")] == [f"¿Pregunta {n}?" for n in range(5)]
    assert "0 %" in text(panel) and "50 %" in text(panel)
    assert reverse("faq_reports:usefulness") in links(panel)
    assert edit_url(answers[0]) in links(panel)
    # Reviewers may read feedback but edit no answers, so the report would refuse them.
    assert "least-useful-answers" not in dashboard(client, reviewer)
    assert "least-useful-answers" not in dashboard(client, officer)


def test_no_panel_without_votes(editor, faq_category, client):
    add_question(faq_category, "¿Sin votos?", "sin-votos")
    assert "least-useful-answers" not in dashboard(client, editor)


# Searches


def test_searches_with_no_results_in_the_last_30_days(editor, reviewer, translator, officer, home_es, client):
    for query, count, days_ago in [
        ("licitacion 2019", 9, 1),
        ("ley de lobby", 7, 3),
        ("organigrama antiguo", 50, 40),  # before the period
        ("viaticos", 5, 29),
        ("sueldo ministro", 4, 0),
        ("tramites", 3, 10),
        ("becas", 2, 2),
    ]:
        SearchQueryStat.objects.create(
            locale=home_es.locale,
            query=query,
            day=timezone.localdate() - datetime.timedelta(days=days_ago),
            searches=count + 1,
            zero_result_searches=count,
        )

    panel = dashboard(client, editor)["no-result-searches"]

    assert [row.select("td")[0].get_text(strip=True) for row in panel.select("tbody tr")] == [
        "licitacion 2019", "ley de lobby", "viaticos", "sueldo ministro", "tramites"
    ]
    assert "The most frequent in the last 30 days." in text(panel)
    assert reverse("search_reports:no_result_searches") in links(panel)
    assert "no-result-searches" in dashboard(client, reviewer)
    assert "no-result-searches" not in dashboard(client, translator)
    assert "no-result-searches" not in dashboard(client, officer)


# Cost


def test_the_dashboard_costs_the_same_queries_however_much_there_is_to_show(
    administrator, home_es, faq_category, client
):
    def add_work(first, last):
        for number in range(first, last):
            draft(add_page(home_es, f"pagina-{number}"), administrator, f"Página {number}, corregida")
            answer = add_question(faq_category, f"¿Pregunta {number}?", f"pregunta-{number}")
            vote(answer, number % 2 == 0)
            SearchQueryStat.objects.create(
                locale=home_es.locale, query=f"consulta {number}", day=timezone.localdate(),
                searches=1, zero_result_searches=1,
            )

    def queries():
        client.force_login(administrator)
        client.get(DASHBOARD)  # warm the caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(DASHBOARD).status_code == 200
        return len(captured)

    add_work(0, 2)
    with_two = queries()
    add_work(2, 20)

    assert queries() == with_two
    panels = dashboard(client, administrator)
    assert set(panels) == PANELS - {"awaiting-review", "objects-in-workflow", "transparency-obligations"}
    assert len(panels["my-drafts"].select("tbody tr")) == 10
    for report in ("missing-translations", "least-useful-answers", "no-result-searches"):
        assert len(panels[report].select("tbody tr")) == 5

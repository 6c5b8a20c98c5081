"""The editors' FAQ reports: answers by usefulness (with their comments) and answers due a review."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import GroupPagePermission

from faq.models import FAQIndexPage
from tests.conftest import admin_user_with, in_english, publish

from .conftest import add_category, add_question, translate, vote

USEFULNESS = reverse("faq_reports:usefulness")
REVIEW = reverse("faq_reports:review")


def comments_url(question):
    return reverse("faq_reports:comments", args=[question.pk])


def editor_of(page, django_user_model, username="editor"):
    """An admin user who may edit `page` and the pages under it, and nothing else."""
    user = admin_user_with(django_user_model, username)
    GroupPagePermission.objects.create(
        group=user.groups.get(),
        page=page,
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page"),
    )
    return user


@pytest.fixture
def admin(client, admin_user):
    client.force_login(in_english(admin_user))
    return client


def usefulness_rows(response):
    return [
        (row.title, row.category_title, row.yes_votes, row.no_votes, round(row.share_useful), row.comment_count)
        for row in response.context["object_list"]
    ]


# Usefulness


def test_usefulness_lists_questions_with_votes_the_least_useful_first(admin, transparency, procurement, question):
    mixed = add_question(procurement, "¿Cómo le vendo a la institución?", "vender")
    unloved = add_question(transparency, "¿Dónde presento una solicitud?", "donde")
    add_question(transparency, "¿Sin votos?", "sin-votos")
    disliked = add_question(procurement, "¿Qué es la compra ágil?", "compra-agil")
    vote(question, True)
    for comment in ("Falta el plazo de prórroga.", "", "No se entiende."):
        vote(question, False, comment)
    vote(mixed, True, "Bien.")
    vote(mixed, False)
    vote(unloved, False)
    vote(unloved, False, "¿Y por correo?")
    vote(disliked, False)

    response = admin.get(USEFULNESS)

    assert response.status_code == 200
    assert usefulness_rows(response) == [
        ("¿Dónde presento una solicitud?", "Transparencia", 0, 2, 0, 1),  # 0 %, more "no" votes first
        ("¿Qué es la compra ágil?", "Compras públicas", 0, 1, 0, 0),
        ("¿Cuánto demora la respuesta a una solicitud?", "Transparencia", 1, 3, 25, 2),
        ("¿Cómo le vendo a la institución?", "Compras públicas", 1, 1, 50, 1),
    ]
    html = response.content.decode()
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[question.pk])}"' in html
    assert re.search(rf'<a href="{comments_url(question)}">\s*2 comments\s*</a>', html)
    assert "¿Sin votos?" not in html


def test_each_locale_has_its_own_row(admin, question, english_question):
    vote(question, True)
    vote(english_question, False)

    rows = admin.get(USEFULNESS).context["object_list"]

    assert [(row.title, row.locale.language_code, row.category_title) for row in rows] == [
        ("How long does an answer to a request take?", "en", "Transparency"),
        ("¿Cuánto demora la respuesta a una solicitud?", "es", "Transparencia"),
    ]


def test_usefulness_exports_as_csv_and_xlsx(admin, question):
    vote(question, True)
    vote(question, True)
    vote(question, False, "Poco clara.")

    response = admin.get(USEFULNESS, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert response["Content-Disposition"].startswith('attachment; filename="faq-answer-usefulness-')
    assert rows == [
        ["Question", "Locale", "Category", "Yes", "No", "Useful (%)", "Comments"],
        ["¿Cuánto demora la respuesta a una solicitud?", "Spanish", "Transparencia", "2", "1", "66.7", "1"],
    ]
    xlsx = admin.get(USEFULNESS, {"export": "xlsx"})
    assert xlsx.status_code == 200 and xlsx["Content-Type"].endswith("spreadsheetml.sheet")


def test_usefulness_queries_do_not_grow_with_the_number_of_questions(admin, transparency):
    def add_voted(first, last):
        for number in range(first, last):
            voted = add_question(transparency, f"¿Pregunta {number}?", f"pregunta-{number}")
            vote(voted, number % 2 == 0, f"Comentario {number}")
            vote(voted, False)

    def queries():
        admin.get(USEFULNESS)  # warm the caches (locale names)
        with CaptureQueriesContext(connection) as captured:
            assert admin.get(USEFULNESS).status_code == 200
        return len(captured)

    add_voted(0, 5)
    with_five = queries()
    add_voted(5, 25)

    assert queries() == with_five
    assert len(admin.get(USEFULNESS).context["object_list"]) == 25


def test_comments_of_one_answer_newest_first(admin, question, transparency):
    other = add_question(transparency, "¿Dónde presento una solicitud?", "donde")
    vote(question, False, "La más antigua.", submitted_on=datetime.date(2026, 9, 1))
    vote(question, True, "La más reciente.", submitted_on=datetime.date(2026, 11, 20))
    vote(question, True, "")
    vote(question, False, "Del medio.", submitted_on=datetime.date(2026, 10, 5))
    vote(other, False, "De otra pregunta.")

    response = admin.get(comments_url(question))

    assert response.status_code == 200
    assert [row.comment for row in response.context["object_list"]] == [
        "La más reciente.", "Del medio.", "La más antigua."
    ]
    html = response.content.decode()
    assert "Reader comments" in html and "¿Cuánto demora la respuesta a una solicitud?" in html
    assert f'href="{USEFULNESS}"' in html  # breadcrumbs back to the report
    exported = b"".join(admin.get(comments_url(question), {"export": "csv"}).streaming_content).decode()
    assert exported.splitlines()[:2] == ["Submitted on,Useful,Comment", "2026-11-20,Yes,La más reciente."]


# Answers to review


def test_review_lists_published_answers_reviewed_more_than_12_months_ago_oldest_first(
    admin, today, transparency, procurement
):
    def reviewed(category, slug, day, **kwargs):
        return add_question(category, f"¿{slug}?", slug, last_reviewed=day, **kwargs)

    reviewed(transparency, "hace-un-ano-y-un-dia", datetime.date(2025, 11, 22))
    reviewed(transparency, "hace-justo-un-ano", datetime.date(2025, 11, 23))
    reviewed(procurement, "muy-antigua", datetime.date(2023, 3, 1))
    reviewed(procurement, "reciente", datetime.date(2026, 10, 1))
    reviewed(procurement, "borrador-antiguo", datetime.date(2020, 1, 1), live=False)

    response = admin.get(REVIEW)

    assert response.status_code == 200
    assert [(row.title, row.category_title, row.last_reviewed) for row in response.context["object_list"]] == [
        ("¿muy-antigua?", "Compras públicas", datetime.date(2023, 3, 1)),
        ("¿hace-un-ano-y-un-dia?", "Transparencia", datetime.date(2025, 11, 22)),
    ]
    exported = b"".join(admin.get(REVIEW, {"export": "csv"}).streaming_content).decode().splitlines()
    assert exported == [
        "Question,Locale,Category,Last reviewed",
        "¿muy-antigua?,Spanish,Compras públicas,2023-03-01",
        "¿hace-un-ano-y-un-dia?,Spanish,Transparencia,2025-11-22",
    ]


def test_a_translation_is_reviewed_on_its_own(admin, today, question, english_faq):
    translate(question, title="How long does it take?", answer="<p>20 days.</p>", last_reviewed=datetime.date(2024, 1, 1))

    rows = admin.get(REVIEW).context["object_list"]

    assert [(row.title, row.locale.language_code) for row in rows] == [("How long does it take?", "en")]


# Who sees the reports


def test_an_editor_of_the_faq_sees_the_reports_about_the_questions_they_may_edit(
    client, django_user_model, today, faq_index, home_es, question
):
    vote(question, False, "Poco clara.")
    other_faq = publish(home_es.add_child(instance=FAQIndexPage(title="Otras preguntas", slug="otras-preguntas")))
    elsewhere = add_category(other_faq, "Otra sección", "otra")  # an FAQ tree this editor was not given
    outside = add_question(elsewhere, "¿Fuera de su sección?", "fuera", last_reviewed=datetime.date(2020, 1, 1))
    vote(outside, False, "No la puede ver.")
    question.last_reviewed = datetime.date(2020, 1, 1)
    question.save_revision().publish()
    client.force_login(editor_of(faq_index, django_user_model))

    assert "FAQ answer usefulness" in client.get(reverse("wagtailadmin_home")).content.decode()
    assert [row.pk for row in client.get(USEFULNESS).context["object_list"]] == [question.pk]
    assert [row.pk for row in client.get(REVIEW).context["object_list"]] == [question.pk]
    assert client.get(comments_url(question)).status_code == 200
    assert client.get(comments_url(outside), follow=True).status_code == 404


@pytest.mark.parametrize("section", ["none", "elsewhere"])
def test_users_who_may_not_edit_questions_do_not_see_the_reports(client, django_user_model, home_es, question, section):
    vote(question, False, "Poco clara.")
    if section == "none":
        user = admin_user_with(django_user_model, "reader")
    else:
        user = editor_of(home_es.get_children().get(slug="quienes-somos"), django_user_model)
    client.force_login(user)

    assert "FAQ answer usefulness" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert "FAQ answers to review" not in client.get(reverse("wagtailadmin_home")).content.decode()
    for url in (USEFULNESS, REVIEW, comments_url(question), USEFULNESS + "?export=csv"):
        response = client.get(url)  # Wagtail answers a refusal with the dashboard and a message
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home")), url

"""Readers' "was this answer useful?": a valid post stores one row and changes nothing else;
everything else (errors, too many posts, no CSRF token, GET, a draft) stores nothing."""

import re

import pytest
from django.test import Client
from wagtail.models import Revision

from faq.models import AnswerFeedback

from .conftest import add_question


def feedback_url(question):
    return question.url + "feedback/"


def stored():
    return list(AnswerFeedback.objects.values_list("question_id", "useful", "comment", "submitted_on"))


def test_a_vote_is_stored_once_and_the_reader_is_sent_back_thanked(client, today, question):
    revisions = Revision.objects.count()

    response = client.post(feedback_url(question), {"useful": "yes", "comment": "  Muy clara, gracias.  "})

    assert response.status_code == 303
    assert response["Location"] == question.url + "?feedback=thanks#feedback"
    assert stored() == [(question.pk, True, "Muy clara, gracias.", today)]
    assert Revision.objects.count() == revisions
    assert question.__class__.objects.get(pk=question.pk).last_published_at == question.last_published_at
    assert not response.cookies  # no session, nothing that points back at the reader
    thanked = client.get(response["Location"]).content.decode()
    assert re.search(r'<p class="notice" role="status">[^<]+</p>', thanked)
    assert 'action="' + feedback_url(question) not in thanked


def test_the_table_has_no_room_for_personal_data():
    assert {field.name for field in AnswerFeedback._meta.get_fields()} == {
        "id", "question", "useful", "comment", "submitted_on"
    }


def test_a_no_without_comment_is_stored_as_such(client, today, question):
    assert client.post(feedback_url(question), {"useful": "no"}).status_code == 303
    assert stored() == [(question.pk, False, "", today)]


@pytest.mark.parametrize("data", [{}, {"comment": "Sin voto"}, {"useful": "quizás"}])
def test_a_post_without_a_yes_or_no_is_a_400_that_stores_nothing(client, english_question, data):
    response = client.post(feedback_url(english_question), data)
    html = response.content.decode()

    assert response.status_code == 400
    assert "How long does an answer to a request take?" in html  # the question page, again
    assert re.search(r'<ul class="errorlist" id="id_useful_error"><li>(Choose “Yes” or “No”.|Select a valid choice[^<]*)</li>', html)
    assert stored() == []


def test_a_comment_over_1000_characters_is_a_400_that_keeps_it_and_stores_nothing(client, english_question):
    comment = "x" * 1001

    response = client.post(feedback_url(english_question), {"useful": "no", "comment": comment})
    html = response.content.decode()

    assert response.status_code == 400
    assert (
        '<ul class="errorlist" id="id_comment_error"><li>Your comment is too long: it has 1001 characters '
        "and can have at most 1000.</li></ul>"
    ) in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_comment_helptext id_comment_error"' in html
    assert f">\n{comment}</textarea>" in html  # not lost: the reader can shorten it
    assert 'value="no" required id="id_useful_1" checked' in html
    assert stored() == []


def test_the_spanish_page_says_the_same_in_its_language(client, question):
    response = client.post(feedback_url(question), {"useful": "no", "comment": "x" * 1001})

    assert response.status_code == 400
    assert '<html lang="es">' in response.content.decode()
    assert stored() == []


def test_a_line_break_counts_as_one_character_as_in_the_browser(client, question):
    comment = "a" * 500 + "\r\n" + "b" * 499  # 1000 characters in the textarea, 1001 as sent

    assert client.post(feedback_url(question), {"useful": "yes", "comment": comment}).status_code == 303
    assert AnswerFeedback.objects.get().comment == "a" * 500 + "\n" + "b" * 499


def test_the_form_tells_the_limit_and_enforces_it_in_the_browser_too(client, english_question):
    html = client.get(english_question.url).content.decode()

    assert '<label for="id_comment">Comment (optional):</label>' in html
    assert '<div class="helptext" id="id_comment_helptext">Up to 1000 characters.' in html
    assert 'maxlength="1000" aria-describedby="id_comment_helptext"' in html
    assert '<input type="radio" name="useful" value="yes" required id="id_useful_0">\n Yes</label>' in html
    assert f'<form method="post" action="{feedback_url(english_question)}"' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_more_posts_than_the_rate_allows_get_a_429_and_store_nothing(client, settings, english_question):
    settings.FAQ_FEEDBACK_RATE = "3/h"
    for _ in range(3):
        assert client.post(feedback_url(english_question), {"useful": "yes"}).status_code == 303

    response = client.post(feedback_url(english_question), {"useful": "no", "comment": "Otra vez"})

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    html = response.content.decode()
    assert "We have received many answers from your connection" in html
    assert f'<a href="{english_question.url}">Back to “How long does an answer to a request take?”</a>' in html
    assert AnswerFeedback.objects.count() == 3 and not AnswerFeedback.objects.filter(useful=False).exists()


def test_the_limit_is_per_client_address(client, settings, question):
    settings.FAQ_FEEDBACK_RATE = "1/h"
    assert client.post(feedback_url(question), {"useful": "yes"}, REMOTE_ADDR="198.51.100.7").status_code == 303
    assert client.post(feedback_url(question), {"useful": "yes"}, REMOTE_ADDR="198.51.100.7").status_code == 429
    assert client.post(feedback_url(question), {"useful": "yes"}, REMOTE_ADDR="198.51.100.8").status_code == 303


def test_behind_a_proxy_the_address_comes_from_the_configured_header(client, settings, question):
    settings.FAQ_FEEDBACK_RATE = "1/h"
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"

    def post(address):
        return client.post(feedback_url(question), {"useful": "yes"}, HTTP_X_REAL_IP=address).status_code

    assert [post("203.0.113.1"), post("203.0.113.1"), post("203.0.113.2")] == [303, 429, 303]


def test_a_post_without_a_csrf_token_is_refused(question):
    browser = Client(enforce_csrf_checks=True)

    assert browser.post(feedback_url(question), {"useful": "yes"}).status_code == 403
    assert stored() == []

    html = browser.get(question.url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert browser.post(feedback_url(question), {"useful": "yes", "csrfmiddlewaretoken": token}).status_code == 303
    assert len(stored()) == 1


def test_get_sends_the_reader_to_the_question_and_stores_nothing(client, question):
    response = client.get(feedback_url(question), {"useful": "yes"})

    assert response.status_code == 302 and response["Location"] == question.url
    assert stored() == []


def test_a_question_that_is_not_published_takes_no_feedback(client, transparency, question):
    draft = add_question(transparency, "¿Borrador?", "borrador", live=False)
    question.unpublish()

    assert client.post(feedback_url(draft), {"useful": "yes"}).status_code == 404
    assert client.post(feedback_url(question), {"useful": "yes"}).status_code == 404
    assert stored() == []

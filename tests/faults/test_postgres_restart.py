"""PostgreSQL restarted while readers browse, call the API and vote on answers: every request is
answered, those the database could not serve with a 503 in the reader's language (JSON for the
API) that no cache keeps; the same gunicorn workers serve everything again once it is back; every
vote a reader was thanked for is stored, and a refused one left nothing."""

import json
import re
import time

import psycopg
import pytest

from tests.faults.conftest import PG_PORT, Answer, Gunicorn, Load, get, portal_environment, script, unique_text

pytestmark = pytest.mark.slow

QUESTION = "/es/preguntas-frecuentes/acceso-a-la-informacion/como-presentar-una-solicitud/"
DOWN_SECONDS = 2  # a quick restart's: long enough for every kind of request to meet it
HEADINGS = {"es": "El portal no está disponible por un momento", "en": "The portal is temporarily unavailable"}
NOT_SAVED = "Lo que acaba de enviar no se guardó"


@pytest.fixture(scope="module")
def portal(demo_cluster, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("postgres-restart")
    database_url = demo_cluster.copy("postgres_restart")
    server = Gunicorn(portal_environment(database_url, tmp_path / "media"), tmp_path / "gunicorn.log")
    yield server, database_url
    server.stop()


def open_question(base_url, session):
    """A reader opens the answer: its feedback form's CSRF token (and cookie) serve each vote."""
    page = session.get(base_url + QUESTION, timeout=30)
    session.csrf_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def vote(base_url, session, number):
    """A reader's "useful" vote with a comment that identifies it, sent as the answer's form sends it."""
    comment = unique_text("fault-test")
    started = time.monotonic()
    response = session.post(
        base_url + QUESTION + "feedback/",
        data={"csrfmiddlewaretoken": session.csrf_token, "useful": "yes", "comment": comment},
        timeout=30,
        allow_redirects=False,
    )
    return Answer("vote", response.status_code, response.text, response.headers, started, time.monotonic(), comment)


def stored_comments(database_url):
    with psycopg.connect(database_url) as connection:
        rows = connection.execute("SELECT comment FROM faq_answerfeedback WHERE comment LIKE 'fault-test-%'")
        return [comment for (comment,) in rows]


def test_restart_answers_503_recovers_by_itself_and_loses_no_vote(portal):
    server, database_url = portal
    workers = server.workers()
    load = Load(
        server.base_url,
        [
            get("page-es", "/es/"),
            get("page-en", "/en/"),
            get("question", QUESTION),
            get("api", "/api/v1/content", limit=5),
            vote,
        ],
        prepare=open_question,
    )
    with load:
        time.sleep(1.5)  # all at work before the restart
        restart_began = time.monotonic()
        script("postgres.sh", "restart", str(DOWN_SECONDS), PG_PORT=PG_PORT)
        restarted = time.monotonic()
        deadline = restarted + 60
        while time.monotonic() < deadline and len({answer.kind for answer in load.since(restarted)}) < 5:
            time.sleep(0.2)  # until every kind of request was sent again

    assert not load.errors, f"requests left without an answer: {load.errors[:3]}"
    statuses = {answer.status for answer in load.answers}
    assert statuses <= {200, 303, 503}, f"unexpected statuses {statuses}"  # never a 500
    assert all(answer.status != 503 for answer in load.answers if answer.ended < restart_began)

    refused = [answer for answer in load.answers if answer.status == 503]
    assert {answer.kind for answer in refused} == {"page-es", "page-en", "question", "api", "vote"}
    for answer in refused:
        assert answer.headers["Retry-After"] == "30"
        assert {"private", "no-store"} <= {part.strip() for part in answer.headers["Cache-Control"].split(",")}
        if answer.kind == "api":
            body = json.loads(answer.body)
            assert body["error"] == "service_unavailable" and "30" in body["detail"]
        else:
            language = "en" if answer.kind == "page-en" else "es"
            assert f'<html lang="{language}">' in answer.body
            assert f"<h1>{HEADINGS[language]}</h1>" in answer.body
            assert (NOT_SAVED in answer.body) == (answer.kind == "vote")

    # Back without restarting anything: every request sent once PostgreSQL was up succeeded, on the same workers.
    after = load.since(restarted)
    assert {answer.kind for answer in after} == {"page-es", "page-en", "question", "api", "vote"}
    assert all(answer.status in (200, 303) for answer in after), {answer.status for answer in after}
    assert server.workers() == workers

    stored = stored_comments(database_url)
    accepted = [answer.sent for answer in load.of_kind("vote") if answer.status == 303]
    not_accepted = {answer.sent for answer in load.of_kind("vote") if answer.status == 503}
    assert accepted and not_accepted
    assert sorted(stored) == sorted(accepted)  # each thanked vote once, nothing of a refused one
    assert not not_accepted & set(stored)

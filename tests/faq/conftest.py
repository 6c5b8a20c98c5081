"""An FAQ under the demo's Spanish home: two categories, published questions and a draft, and
English translations where a test asks for them.

Reports are read on 2026-11-23 (`today`): an answer last reviewed before 2025-11-23 is due a review.
"""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from wagtail.models import Locale

from faq.models import AnswerFeedback, FAQCategoryPage, FAQIndexPage, QuestionPage
from tests.conftest import publish

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def no_votes_counted():
    """django-ratelimit counts in the cache: each test starts with a full allowance."""
    cache.clear()


@pytest.fixture
def today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 12, 0), tick=False):
        yield TODAY


def add_question(category, title, slug, answer="<p>Una respuesta.</p>", live=True, **fields):
    question = QuestionPage(title=title, slug=slug, answer=answer, live=live, **fields)
    category.add_child(instance=question)
    return publish(question) if live else question


def add_category(index, title, slug, description=""):
    return publish(index.add_child(instance=FAQCategoryPage(title=title, slug=slug, description=description)))


def translate(page, **fields):
    """The page's English translation, published under its parent's, as the demo builds translations."""
    english = Locale.objects.get(language_code="en")
    translation = page.specific_class(locale=english, translation_key=page.translation_key, slug=page.slug, **fields)
    page.get_parent().get_translation(english).add_child(instance=translation)
    return publish(translation)


def vote(question, useful, comment="", submitted_on=TODAY):
    return AnswerFeedback.objects.create(question=question, useful=useful, comment=comment, submitted_on=submitted_on)


@pytest.fixture
def faq_index(home_es):
    index = FAQIndexPage(
        title="Preguntas frecuentes",
        slug="preguntas-frecuentes",
        intro="<p>Respuestas a lo que más nos consultan.</p>",
    )
    return publish(home_es.add_child(instance=index))


@pytest.fixture
def transparency(faq_index):
    return add_category(faq_index, "Transparencia", "transparencia", "Solicitudes de acceso a la información pública.")


@pytest.fixture
def procurement(faq_index):
    return add_category(faq_index, "Compras públicas", "compras", "Cómo compra la institución y cómo venderle.")


@pytest.fixture
def question(transparency):
    return add_question(
        transparency,
        "¿Cuánto demora la respuesta a una solicitud?",
        "plazo",
        answer='<p>20 días hábiles, prorrogables por <b>10</b> más.</p><ul><li>Ley 20.285, art. 14.</li></ul>',
        last_reviewed=datetime.date(2026, 5, 4),
    )


@pytest.fixture
def english_faq(faq_index, transparency, home_en):
    """The index and the transparency category in English."""
    index = translate(faq_index, title="Frequently asked questions", intro="<p>Answers to what we are asked most.</p>")
    category = translate(transparency, title="Transparency", description="Requests for public information.")
    return index, category


@pytest.fixture
def english_question(question, english_faq):
    return translate(
        question,
        title="How long does an answer to a request take?",
        answer="<p>20 working days, which may be extended by 10.</p>",
        last_reviewed=question.last_reviewed,
    )

"""The demo notes and FAQ, as `make run` shows them: two years of monthly editions and 25 answered
questions, every page in Spanish and English. Each test builds the demo (seconds), so they are few."""

import datetime
import html

from django.utils import translation
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, Revision

from faq.models import AnswerFeedback, FAQCategoryPage, FAQIndexPage, QuestionPage
from notes.models import NotePage, NotesIndexPage, Team
from tests.conftest import DEMO_SECTIONS, load_demo

A_YEAR_BEFORE_THE_DEMO = datetime.date(2025, 11, 23)  # the demo is set on 2026-11-23


def test_notes_are_two_years_of_illustrated_monthly_editions_in_both_languages(notes_faq_demo_site, english):
    for language in ("es", "en"):
        notes = NotePage.objects.live().filter(locale__language_code=language).order_by("edition_month")
        months = [note.edition_month for note in notes]
        assert len(months) >= 12 and len(set(months)) == len(months)
        assert len({month.year for month in months}) >= 2
        assert [note.edition_number for note in notes] == list(range(1, len(months) + 1))
        assert all(note.first_published_at.date().replace(day=1) == note.edition_month for note in notes)
    for note in NotePage.objects.filter(locale__language_code="es"):
        translated = note.get_translation_or_none(english)
        assert translated is not None and translated.live, note.title
        assert (translated.edition_number, translated.edition_month) == (note.edition_number, note.edition_month)
        assert {team.locale_id for team in translated.teams.all()} == {english.id}
        assert 2 <= len(note.tags.names()) <= 4 and set(translated.tags.names()).isdisjoint(note.tags.names())
    assert Team.objects.filter(locale=english).count() == Team.objects.exclude(locale=english).count() >= 4

    notes = NotePage.objects.all()
    assert not notes.filter(hero_image=None).exists() and not notes.filter(hero_alt="").exists()
    assert 4 <= Image.objects.count() <= 6
    block_types = set()
    for note in notes:
        kinds = [block.block_type for block in note.body]
        assert 4 <= len(kinds) <= 8 and "paragraph" in kinds and "embed" not in kinds, note.title
        assert all(block.value.contextual_alt_text for block in note.body if block.block_type == "image")
        block_types.update(kinds)
    assert {"heading", "paragraph", "quote", "callout", "table", "image", "document"} <= block_types
    assert any(note.related_notes for note in notes.filter(locale=english))
    assert Document.objects.filter(file__endswith=".csv").exists()


def test_the_faq_has_25_reviewed_questions_in_5_categories_in_each_language(notes_faq_demo_site, english):
    for language in ("es", "en"):
        categories = FAQCategoryPage.objects.live().filter(locale__language_code=language)
        assert categories.count() == 5 and not categories.filter(description="").exists()
        for category in categories:
            assert QuestionPage.objects.child_of(category).live().count() == 5
    spanish = QuestionPage.objects.filter(locale__language_code="es")
    for question in spanish:
        translated = question.get_translation_or_none(english)
        assert translated is not None and translated.live, question.title
        assert translated.last_reviewed == question.last_reviewed
        assert all(related.value.get_parent().pk == question.get_parent().pk for related in question.related_questions)
        assert all(link.value.locale_id == english.id for link in translated.links)
    links = {link.block_type for question in QuestionPage.objects.all() for link in question.links}
    assert links == {"note"}  # the datasets and regulation articles are not in this demo

    assert 3 <= spanish.filter(last_reviewed__lt=A_YEAR_BEFORE_THE_DEMO).count() <= 4  # "answers to review"
    assert AnswerFeedback.objects.filter(useful=True).exists() and AnswerFeedback.objects.filter(useful=False).exists()
    assert AnswerFeedback.objects.exclude(comment="").count() >= 3


def test_running_the_demo_again_creates_nothing(notes_faq_demo_site):
    def counts():
        return [model.objects.count() for model in (Page, Revision, Team, Image, Document, AnswerFeedback)]

    before = counts()
    output = load_demo("notes", "faq")

    assert counts() == before
    assert "(0 items created)" in output


def test_the_demo_pages_answer_in_both_languages(notes_faq_demo_site, client):
    for language in ("es", "en"):
        questions = QuestionPage.objects.filter(locale__language_code=language)
        pages = [
            NotesIndexPage.objects.get(locale__language_code=language),
            NotePage.objects.filter(locale__language_code=language).order_by("-edition_month").first(),
            FAQIndexPage.objects.get(locale__language_code=language),
            FAQCategoryPage.objects.filter(locale__language_code=language).first(),
            next(question for question in questions if question.links),
        ]
        with translation.override(language):
            for page in pages:
                url = page.get_url()
                response = client.get(url)
                assert url.startswith(f"/{language}/") and response.status_code == 200, url
                assert html.escape(page.title) in response.content.decode()


def test_with_every_section_answers_also_link_datasets_and_regulation_articles(db):
    load_demo(*DEMO_SECTIONS)

    links = [link for question in QuestionPage.objects.all() for link in question.links]
    assert {link.block_type for link in links} == {"note", "dataset", "regulation_article"}
    articles = [link.value for link in links if link.block_type == "regulation_article"]
    assert all(article.provision is not None for article in articles)

"""Notes and FAQ answers go through wagtail-localize like any page: English starts as a draft
that keeps the edition's month, teams and links, and a second language's edition of a month
is not mistaken for a second edition."""

import datetime

from wagtail_localize.models import StringSegment, TranslationSource
from wagtail_localize.operations import TranslationCreator

from faq.models import FAQCategoryPage, FAQIndexPage, QuestionPage
from notes.models import NotePage, NotesIndexPage, Team
from tests.conftest import publish


def test_a_note_translated_with_wagtail_localize_is_an_english_draft_of_the_same_edition(
    home_es, english, admin_user
):
    index = home_es.add_child(instance=NotesIndexPage(title="Notas", slug="notas"))
    team = Team.objects.create(name="Equipo de Datos Abiertos")
    note = NotePage(
        title="Datos abiertos en el Senado",
        slug="datos-abiertos",
        edition_number=1,
        edition_month=datetime.date(2026, 11, 1),
        summary="Cómo publicamos los datos legislativos.",
        body=[("paragraph", "<p>Publicamos cada votación en formato abierto.</p>")],
    )
    index.add_child(instance=note)
    note.teams.add(team)
    note.tags.add("datos abiertos")
    note = publish(note)

    TranslationCreator(admin_user, [english]).create_translations(note)

    translated = note.get_translation(english).specific
    assert not translated.live
    assert translated.get_parent().locale == english  # the index was copied into English too
    assert (translated.edition_number, translated.edition_month) == (1, datetime.date(2026, 11, 1))
    assert list(translated.teams.all()) == [team]  # shown through team.localized once translated
    segments = StringSegment.objects.filter(source=TranslationSource.objects.get(object_id=note.translation_key))
    assert {"Cómo publicamos los datos legislativos.", "Publicamos cada votación en formato abierto."} <= set(
        segments.values_list("string__data", flat=True)
    )


def test_a_question_translated_with_wagtail_localize_keeps_its_review_date(home_es, english, admin_user):
    index = home_es.add_child(instance=FAQIndexPage(title="Preguntas frecuentes", slug="preguntas-frecuentes"))
    category = index.add_child(instance=FAQCategoryPage(title="Transparencia", slug="transparencia"))
    question = QuestionPage(
        title="¿Cuánto demora una respuesta?",
        slug="plazo",
        answer="<p>20 días hábiles, prorrogables por 10.</p>",
        last_reviewed=datetime.date(2026, 5, 4),
    )
    category.add_child(instance=question)
    question = publish(question)

    TranslationCreator(admin_user, [english]).create_translations(question)

    translated = question.get_translation(english).specific
    assert translated.get_parent().specific.title == "Transparencia"  # a draft copy, to be translated
    assert translated.last_reviewed == datetime.date(2026, 5, 4)
    assert "20 días hábiles, prorrogables por 10." in StringSegment.objects.filter(
        source=TranslationSource.objects.get(object_id=question.translation_key)
    ).values_list("string__data", flat=True)

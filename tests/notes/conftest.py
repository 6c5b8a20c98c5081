"""A small bilingual archive of Digital Transformation Notes on top of the demo site.

Spanish (/es/notas/): December 2025, September, October and November 2026, by two teams; the
November edition has a hero image and an English translation (/en/notes/responsible-ai/)
whose teams still point at the Spanish team rows, one of which has an English translation.
"""

import datetime
import io

import pytest
from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from notes.models import NotePage, NotesIndexPage, Team
from tests.conftest import publish


def png_image(title="Hero", size=(160, 90)):
    """A Wagtail image of a small PNG made with Pillow."""
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, "#0f69b4").save(buffer, "PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name=f"{slugify(title)}.png"))


ARCHIVE_LINK = [("paragraph", RichText('<p>Más en <a href="/es/notas/">el archivo</a>.</p>'))]


def add_note(index, number, month, title, *, tags=(), teams=(), image=None, body=ARCHIVE_LINK):
    """A published edition under `index`, by default with a paragraph that links inside the site."""
    note = NotePage(
        title=title,
        slug=slugify(title),
        edition_number=number,
        edition_month=month,
        summary=f"Resumen de «{title}».",
        hero_image=image,
        hero_alt=f"Ilustración de {title}" if image else "",
        body=body,
    )
    note.tags.add(*tags)
    note.teams = list(teams)
    index.add_child(instance=note)
    return publish(note)


def month(year, month_number):
    return datetime.date(year, month_number, 1)


@pytest.fixture
def digital_government(english):
    """A team translated into English."""
    team = Team.objects.create(name="División de Gobierno Digital")
    translation = team.copy_for_translation(english)
    translation.name = "Digital Government Division"
    translation.save()
    return team


@pytest.fixture
def data_unit(db):
    """A team with no English translation."""
    return Team.objects.create(name="Unidad de Datos")


@pytest.fixture
def notes_index(home_es):
    index = NotesIndexPage(title="Notas de Transformación Digital", slug="notas")
    home_es.add_child(instance=index)
    return publish(index)


@pytest.fixture
def notes_index_en(notes_index, home_en, english):
    index = notes_index.copy_for_translation(english)
    index.title, index.slug = "Digital Transformation Notes", "notes"
    index.save()
    return publish(index)


@pytest.fixture
def notes(notes_index, digital_government, data_unit):
    """The Spanish editions, oldest first."""
    return [
        add_note(notes_index, 1, month(2025, 12), "Balance de 2025", tags=["balance"], teams=[digital_government]),
        add_note(notes_index, 2, month(2026, 9), "Firma electrónica para todos", tags=["firma", "tramites"], teams=[digital_government]),
        add_note(notes_index, 3, month(2026, 10), "Datos abiertos del Senado", tags=["datos", "transparencia"], teams=[data_unit]),
        add_note(
            notes_index, 4, month(2026, 11), "Inteligencia artificial responsable",
            tags=["datos", "ia"], teams=[digital_government, data_unit], image=png_image("Equipo en el Senado"),
        ),
    ]


@pytest.fixture
def english_note(notes, notes_index_en, english):
    """The English translation of the November edition, its teams still the Spanish rows."""
    note = notes[-1].copy_for_translation(english)
    note.title, note.slug = "Responsible artificial intelligence", "responsible-ai"
    note.summary = "How the Senate uses AI."
    note.hero_alt = "The team at the Senate"
    note.save()
    return publish(note)

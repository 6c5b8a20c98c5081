"""Demo Notas de Transformación Digital: fifteen monthly editions from October 2024 to November 2026.

Called by `manage.py load_demo_content`; a second run changes nothing. It builds, from the texts
in demo_content.py, the notes index under each home, the authoring teams (each English team a
translation of its Spanish one), five illustrations drawn here and four small documents, and
every edition in Spanish with its English translation (English teams and tags). Each edition
is backdated to early in its month, so the archive, the feeds and the admin's history look like
two years of real publishing.
"""

import datetime
import io
import random

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image as Picture
from PIL import ImageDraw
from taggit.models import Tag
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.search import index

from portal.demo import DemoPages

from .demo_content import DOCUMENTS, EDITIONS, ILLUSTRATIONS, INDEX, TAGS, TEAMS
from .models import NotePage, NotesIndexPage, NoteTag, Team

SIZE = (1200, 630)
BLUE, RED, NAVY, WHITE, PALE = (15, 105, 196), (235, 60, 70), (8, 48, 102), (255, 255, 255), (196, 218, 242)
PUBLISHED_ON_DAY = {"es": 5, "en": 7}  # the English edition follows two days later


def _network(draw, rng):
    nodes = {
        (column, row): (150 + column * 225 + rng.randint(-50, 50), 130 + row * 185 + rng.randint(-40, 40))
        for column in range(5)
        for row in range(3)
    }
    for (column, row), point in nodes.items():
        for neighbour in ((column + 1, row), (column, row + 1), (column + 1, row + 1)):
            if neighbour in nodes and rng.random() < 0.7:
                draw.line([point, nodes[neighbour]], fill=PALE, width=4)
    for number, (x, y) in enumerate(nodes.values()):
        radius = rng.randint(16, 36)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=RED if number % 4 == 0 else WHITE)


def _sheets(draw, rng):
    for number in range(4):
        left, top = 300 + number * 90, 60 + number * 40
        draw.rounded_rectangle([left, top, left + 360, top + 430], radius=18, fill=WHITE, outline=BLUE, width=4)
        for line in range(8):
            y = top + 70 + line * 40
            draw.line([left + 40, y, left + rng.randint(200, 320), y], fill=PALE, width=12)
    draw.line([(690, 420), (740, 470), (830, 360)], fill=RED, width=22, joint="curve")


def _bars(draw, rng):
    draw.line([(120, 540), (1080, 540)], fill=PALE, width=6)
    for number in range(8):
        left, height = 150 + number * 115, 80 + number * 48 + rng.randint(-20, 20)
        draw.rectangle([left, 540 - height, left + 75, 537], fill=RED if number == 7 else WHITE)


def _shield(draw, rng):
    draw.polygon([(600, 70), (830, 150), (805, 390), (600, 560), (395, 390), (370, 150)], fill=WHITE)
    draw.polygon([(600, 120), (780, 185), (760, 375), (600, 505), (440, 375), (420, 185)], fill=RED)
    draw.ellipse([560, 230, 640, 310], fill=WHITE)
    draw.polygon([(585, 290), (615, 290), (630, 400), (570, 400)], fill=WHITE)


def _rings(draw, rng):
    for number, radius in enumerate(range(250, 40, -50)):
        draw.ellipse([380 - radius, 315 - radius, 380 + radius, 315 + radius], outline=RED if number % 2 else WHITE, width=18)
    for column in range(6):
        for row in range(5):
            if rng.random() < 0.85:
                x, y = 760 + column * 70, 155 + row * 80
                draw.ellipse([x - 16, y - 16, x + 16, y + 16], fill=WHITE if (column + row) % 5 else RED)


MOTIFS = {"network": _network, "sheets": _sheets, "bars": _bars, "shield": _shield, "rings": _rings}


def illustration(key):
    """A 1200×630 PNG in the national palette, without text: a blue gradient and the key's motif."""
    fade = Picture.linear_gradient("L").resize(SIZE)
    picture = Picture.composite(Picture.new("RGB", SIZE, NAVY), Picture.new("RGB", SIZE, BLUE), fade)
    MOTIFS[key](ImageDraw.Draw(picture), random.Random(key))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


class NotesDemo(DemoPages):
    def __init__(self, home_es, home_en):
        super().__init__(home_en)
        self.home_es = home_es
        self.tags = {}

    def build(self):
        self.teams = {key: self.team(names) for key, names in TEAMS.items()}
        self.images = {
            key: self.stored(Image, title, f"nota-{key}.png", lambda key=key: illustration(key))
            for key, title in ILLUSTRATIONS.items()
        }
        self.documents = {
            key: self.stored(Document, spec["title"], spec["file_name"], lambda spec=spec: spec["content"].encode())
            for key, spec in DOCUMENTS.items()
        }
        index_es = self.child(self.home_es, NotesIndexPage, show_in_menus=True, **INDEX["es"])
        self.translation(index_es, **INDEX["en"])
        notes = {}  # Spanish slug: the edition in each language, for later editions' related notes
        for number, edition in enumerate(EDITIONS, start=1):
            note_es = self.child(index_es, NotePage, **self.note_fields(number, edition, "es", notes))
            note_en = self.translation(note_es, **self.note_fields(number, edition, "en", notes))
            notes[note_es.slug] = {"es": note_es, "en": note_en}
        return self.created

    def team(self, names):
        spanish = Team.objects.filter(locale=self.home_es.locale, name=names["es"]).first()
        if spanish is None:
            spanish = Team.objects.create(locale=self.home_es.locale, name=names["es"])
            self.created += 1
        english = spanish.get_translation_or_none(self.english)
        if english is None:
            english = spanish.copy_for_translation(self.english)
            english.name = names["en"]
            english.save()
            self.created += 1
        return {"es": spanish, "en": english}

    def stored(self, model, title, file_name, content):
        """The demo's image or document with this title; its file is made only when it is missing."""
        existing = model.objects.filter(title=title).first()
        if existing:
            return existing
        self.created += 1
        return model.objects.create(title=title, file=ContentFile(content(), name=file_name))

    def tag(self, name):
        if name not in self.tags:
            self.tags[name] = Tag.objects.get_or_create(name=name)[0]
        return self.tags[name]

    def note_fields(self, number, edition, language, notes):
        text = edition[language]
        return {
            **text,
            "edition_number": number,
            "edition_month": edition["month"],
            "hero_image": self.images[edition["hero"]],
            "body": [self.block(kind, value) for kind, value in text["body"]],
            "teams": [self.teams[key][language] for key in edition["teams"]],
            "tagged_items": [NoteTag(tag=self.tag(TAGS[key][language])) for key in edition["tags"]],
            "related_notes": [("note", notes[slug][language]) for slug in edition.get("related", [])],
        }

    def block(self, kind, value):
        """A body block from demo_content's shorthand: files by key, tables as TableBlock values."""
        if kind == "image":
            return kind, {**value, "image": self.images[value["image"]], "decorative": False}
        if kind == "document":
            return kind, {**value, "document": self.documents[value["document"]]}
        if kind == "table":
            return kind, {
                "data": value["rows"],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": value["caption"],
            }
        return kind, value

    def publish(self, page):
        super().publish(page)
        if isinstance(page, NotePage):
            self.backdate(page)
        return page

    def backdate(self, page):
        """Dates the edition early in its month, in its page, revision, history and search index."""
        day = page.edition_month.replace(day=PUBLISHED_ON_DAY[page.locale.language_code])
        moment = min(timezone.make_aware(datetime.datetime.combine(day, datetime.time(10))), timezone.now())
        Page.objects.filter(pk=page.pk).update(
            first_published_at=moment, last_published_at=moment, latest_revision_created_at=moment
        )
        Revision.objects.filter(pk=page.latest_revision_id).update(created_at=moment)
        PageLogEntry.objects.filter(page=page).update(timestamp=moment)
        page.first_published_at = page.last_published_at = page.latest_revision_created_at = moment
        index.insert_or_update_object(page)


def build_notes_demo(home_es, home_en):
    """The demo notes section under both homes; returns how many items it created."""
    with transaction.atomic():
        return NotesDemo(home_es, home_en).build()

"""Generate N bilingual standard pages for the search benchmarks.

    DATABASE_URL=postgres://…/throwaway DJANGO_SETTINGS_MODULE=portal.settings.dev \
        .venv/bin/python bench/generate_content.py --pages 10000

Run on a migrated database after `manage.py load_demo_content`, never on one you care about.
Half the pages are Spanish, each with an English translation (same translation_key, English
locale, under the translated parent, as load_demo_content does), spread over ten sections
under each home and over publication dates 2019–2026. The text is public-sector prose from
bench/vocabulary.py with inflected forms and accents. Same --seed, same pages.

Speed: the ten sections (and their translations) are created the ordinary way
(`add_child`, then a published revision). The pages under them are written in bulk: the
tree paths are computed as treebeard's `add_child` computes them, and each page gets one
published revision, like `save_revision().publish()` leaves it. Search signal handlers are
disconnected meanwhile, so nothing is indexed: run `manage.py update_index` afterwards
(bench/search_latency.py does, timing it). Not written: the audit log entries and
reference-index rows that publishing in the admin would add. Check the tree afterwards
with `manage.py fixtree`. `BulkPages` writes any page type this way (bench/generate_site.py
uses it for notes and FAQ questions).
"""

import argparse
import datetime
import os
import random
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH_DIR.parent), str(BENCH_DIR)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ.setdefault("CACHE_URL", "locmem://")  # not the checkout's shared page cache: this is another database

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models.signals import post_delete, post_save  # noqa: E402
from django.utils.text import slugify  # noqa: E402
from modelsearch import index as search_index  # noqa: E402
from modelsearch import signal_handlers  # noqa: E402
from wagtail.models import Locale, Page, Revision, Site  # noqa: E402

from portal.demo import DemoPages  # noqa: E402
from portal.management.commands.load_demo_content import with_rich_body  # noqa: E402
from portal.models import StandardPage  # noqa: E402
from vocabulary import (  # noqa: E402
    ADJECTIVES,
    MONTHS,
    NOUN_ADJECTIVES,
    NOUNS,
    QUARTERS,
    REGIONS,
    SECTIONS,
    UNITS,
    capitalise,
    definite,
    np,
)

BATCH = 500  # Spanish pages (plus their translations) written per round trip
FIRST_DAY = datetime.datetime(2019, 1, 1, 9, 0, tzinfo=datetime.timezone.utc)
LAST_DAY = datetime.datetime(2026, 10, 31, 18, 0, tzinfo=datetime.timezone.utc)

# Each pair: the Spanish text and its English translation, over the same slots.
TITLES = [
    ("{np1s} de {month} de {year}", "{np1s} for {month} {year}"),
    ("{n1s} de {unit}: {year}", "{unit} {n1s}: {year}"),
    ("Informe trimestral de {n1s} — {quarter} trimestre {year}",
     "Quarterly report on {n1s} — {quarter} quarter {year}"),
    ("{n1} n.º {num} de {year}", "{n1} No. {num} of {year}"),
    ("{np1s} en la {region} ({year})", "{np1s} in the {region} ({year})"),
    ("Cómo consultar {n1s_def} de {unit}", "How to consult the {unit}'s {n1s}"),
    ("Preguntas frecuentes sobre {n1s} ({year})", "Frequently asked questions about {n1s} ({year})"),
    ("{n1s} y {n2s}: resumen {year}", "{n1s} and {n2s}: {year} summary"),
]

SUMMARIES = [
    ("{np1s} de {unit} correspondientes a {month} de {year}.",
     "{np1s} from the {unit} for {month} {year}."),
    ("Detalle de {n1s_def} y {n2s_def} del {quarter} trimestre de {year}.",
     "Breakdown of {n1s} and {n2s} for the {quarter} quarter of {year}."),
    ("Información sobre {n1s_def} {adj1s} publicada por {unit}.",
     "Information on {adj1} {n1s} published by the {unit}."),
]

SENTENCES = [
    ("{Unit} publica {np1s_def} correspondientes a {month} de {year}.",
     "The {unit} publishes the {np1s} for {month} {year}."),
    ("Este registro incluye {few} {n1s} y {few2} {n2s} informados por {unit}.",
     "This record includes {few} {n1s} and {few2} {n2s} reported by the {unit}."),
    ("El monto total asciende a {amount_es}, un {pct} % más que en {prev_year}.",
     "The total amount comes to {amount_en}, {pct}% more than in {prev_year}."),
    ("Según la Ley 20.285, {n1s_def} deben publicarse dentro de los primeros diez días hábiles de cada mes.",
     "Under Law 20,285, {n1s} must be published within the first ten working days of each month."),
    ("{Unit} revisó {n1s_def} {adj1s} y detectó observaciones en {few} casos.",
     "The {unit} reviewed the {adj1} {n1s} and found issues in {few} cases."),
    ("Las consultas sobre {n1_def} pueden enviarse mediante el formulario de solicitud de información.",
     "Questions about the {n1} can be sent through the information request form."),
    ("En la {region}, {n1s_def} {adj1s} llegaron a {few} durante el {quarter} trimestre.",
     "In the {region}, {adj1} {n1s} reached {few} during the {quarter} quarter."),
    ("El documento completo está disponible en formato abierto para su descarga y reutilización.",
     "The full document is available in an open format for download and reuse."),
    ("{Unit} actualiza esta información cada vez que cambia {n1_def}.",
     "The {unit} updates this information whenever the {n1} changes."),
    ("La fiscalización de {n1s_def} corresponde a la Contraloría General de la República.",
     "Oversight of {n1s} lies with the Office of the Comptroller General."),
    ("Durante {year} se tramitaron {num} {n1s}, {de_cuales1} {few} quedaron pendientes.",
     "In {year}, {num} {n1s} were processed, of which {few} remained pending."),
    ("Los funcionarios responsables de {n1s_def} firmaron su declaración de intereses y patrimonio.",
     "The officials responsible for the {n1s} signed their declaration of interests and assets."),
    ("Para {n2s_def} {adj2s}, el plazo de respuesta es de {days} días hábiles.",
     "For {adj2} {n2s}, the response time is {days} working days."),
    ("{Unit} contrató a {few} proveedores mediante trato directo, según consta en la resolución n.º {num}.",
     "The {unit} hired {few} suppliers by direct award, as recorded in resolution No. {num}."),
    ("La auditoría externa concluyó que {n1s_def} cumplen con el reglamento vigente.",
     "The external audit concluded that the {n1s} comply with the current regulation."),
    ("Se adjunta el detalle de {n2s_def} por mes, programa presupuestario y centro de costo.",
     "The breakdown of {n2s} by month, budget programme and cost centre is attached."),
    ("La ciudadanía puede comentar {np1_def} hasta el {day} de {month}.",
     "Citizens may comment on the {np1} until {month} {day}."),
    ("Esta página reemplaza la versión publicada en {prev_month} de {prev_year}.",
     "This page replaces the version published in {prev_month} {prev_year}."),
    ("{Unit} informó {n2s_def} {adj2s} de {year} a la Comisión de Hacienda.",
     "The {unit} reported the {adj2} {n2s} for {year} to the Finance Committee."),
    ("La transparencia en {n1s_def} fortalece la confianza en las instituciones públicas.",
     "Transparency in {n1s} strengthens trust in public institutions."),
]

HEADINGS = [
    ("Antecedentes", "Background"),
    ("Detalle", "Details"),
    ("Plazos", "Deadlines"),
    ("Documentos relacionados", "Related documents"),
    ("Contacto", "Contact"),
]


def spanish_contractions(text):
    return text.replace(" de el ", " del ").replace(" a el ", " al ")


class Writer:
    """Deterministic bilingual text from one seeded random generator."""

    def __init__(self, rng):
        self.rng = rng
        self.noun_keys = list(NOUNS)
        self.noun_weights = [NOUNS[key].weight for key in self.noun_keys]

    def noun(self, section_nouns, exclude=None):
        rng = self.rng
        while True:
            if rng.random() < 0.75:
                weights = [NOUNS[key].weight for key in section_nouns]
                key = rng.choices(section_nouns, weights)[0]
            else:
                key = rng.choices(self.noun_keys, self.noun_weights)[0]
            if key != exclude:
                return key

    def slots(self, section_nouns, date):
        """One draw of every slot, as a Spanish and an English dictionary."""
        rng = self.rng
        key1 = self.noun(section_nouns)
        key2 = self.noun(section_nouns, exclude=key1)
        n1, n2 = NOUNS[key1], NOUNS[key2]
        a1 = ADJECTIVES[rng.choice(NOUN_ADJECTIVES[key1])]
        a2 = ADJECTIVES[rng.choice(NOUN_ADJECTIVES[key2])]
        unit_es, unit_en = rng.choice(UNITS)
        region_es, region_en = rng.choice(REGIONS)
        month = MONTHS[date.month - 1]
        prev_month = MONTHS[rng.randrange(12)]
        quarter = QUARTERS[(date.month - 1) // 3]
        amount = rng.randrange(1_000_000, 900_000_000)
        shared = {
            "year": date.year,
            "prev_year": date.year - 1,
            "num": rng.randrange(100, 4000),
            "few": rng.randrange(2, 60),
            "few2": rng.randrange(2, 60),
            "pct": rng.randrange(1, 25),
            "days": rng.choice([5, 10, 15, 20]),
            "day": rng.randrange(1, 29),
        }
        es = {
            **shared,
            "n1": n1.es_sg, "n1s": n1.es_pl, "n2s": n2.es_pl,
            "n1_def": definite(n1, False), "n1s_def": definite(n1, True), "n2s_def": definite(n2, True),
            "adj1s": a1.es(n1, True), "adj2s": a2.es(n2, True),
            "np1": np(n1, a1, False, "es"), "np1s": np(n1, a1, True, "es"),
            "np1_def": definite(n1, False, np(n1, a1, False, "es")),
            "np1s_def": definite(n1, True, np(n1, a1, True, "es")),
            "de_cuales1": "de los cuales" if n1.gender == "m" else "de las cuales",
            "unit": unit_es, "Unit": capitalise(unit_es), "region": region_es,
            "month": month[0], "prev_month": prev_month[0], "quarter": quarter[0],
            "amount_es": f"$ {amount:,}".replace(",", "."),
        }
        en = {
            **shared,
            "n1": n1.en_sg, "n1s": n1.en_pl, "n2s": n2.en_pl,
            "adj1": a1.en, "adj2": a2.en,
            "np1": np(n1, a1, False, "en"), "np1s": np(n1, a1, True, "en"),
            "unit": unit_en, "region": region_en,
            "month": month[1], "prev_month": prev_month[1], "quarter": quarter[1],
            "amount_en": f"CLP {amount:,}",
        }
        return es, en

    def pair(self, templates, section_nouns, date):
        template_es, template_en = self.rng.choice(templates)
        es, en = self.slots(section_nouns, date)
        return (
            capitalise(spanish_contractions(template_es.format(**es))),
            capitalise(template_en.format(**en)),
        )

    def page(self, section_nouns, date):
        """(Spanish, English) content dictionaries for one page and its translation."""
        rng = self.rng
        title = self.pair(TITLES, section_nouns, date)
        summary = self.pair(SUMMARIES, section_nouns, date)
        body = ([], [])
        for paragraph in range(rng.randrange(2, 5)):
            if paragraph and rng.random() < 0.4:
                heading = rng.choice(HEADINGS)
                block_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                for language in (0, 1):
                    body[language].append({"type": "heading", "value": heading[language], "id": block_id})
            sentences = [self.pair(SENTENCES, section_nouns, date) for _ in range(rng.randrange(2, 5))]
            block_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            for language in (0, 1):
                text = " ".join(sentence[language] for sentence in sentences)
                body[language].append({"type": "paragraph", "value": f"<p>{text}</p>", "id": block_id})
        return tuple(
            {"title": title[language], "summary": summary[language], "body": body[language]}
            for language in (0, 1)
        )


@contextmanager
def search_signals_disconnected():
    """No indexing while generating: the benchmark times the full index build instead."""
    models = [m for m in search_index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(signal_handlers.post_save_signal_handler, sender=model)
        post_delete.disconnect(signal_handlers.post_delete_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(signal_handlers.post_save_signal_handler, sender=model)
            post_delete.connect(signal_handlers.post_delete_signal_handler, sender=model)


def sections(home_es):
    """The ten sections under each home, created the ordinary way; refuses to add twice."""
    demo = DemoPages()
    pairs = []
    for (es_title, es_slug), (en_title, en_slug), nouns, share in SECTIONS:
        section_es = demo.child(
            home_es,
            StandardPage,
            show_in_menus=True,
            **with_rich_body(
                {"title": es_title, "slug": es_slug, "summary": f"{es_title}: documentos publicados.",
                 "body": [("paragraph", f"<p>{es_title}.</p>")]}
            ),
        )
        section_en = demo.translation(
            section_es,
            **with_rich_body(
                {"title": en_title, "slug": en_slug, "summary": f"{en_title}: published documents.",
                 "body": [("paragraph", f"<p>{en_title}.</p>")]}
            ),
        )
        if section_es.numchild or section_en.numchild:
            sys.exit(
                f"Section {es_slug!r} already has pages: this database was generated before. "
                "Generate into a fresh database (migrate, load_demo_content, then this script)."
            )
        pairs.append((section_es, section_en, nouns, share))
    return pairs


class TreeSlots:
    """Paths for new children of one parent, as treebeard's add_child would give them."""

    def __init__(self, parent):
        self.parent = parent
        last = parent.get_last_child()
        self.next_step = Page._str2int(last.path[-Page.steplen:]) + 1 if last else 1
        self.added = 0

    def take(self):
        path = Page._get_path(self.parent.path, self.parent.depth + 1, self.next_step)
        self.next_step += 1
        self.added += 1
        return path


def build_page(model, fields, parent, slots, locale, translation_key, date, content_type, number):
    """An unsaved live `model` page with these field values, at the parent's next tree path, and
    its revision content; the slug is the title's, numbered so siblings never share one."""
    page = model(
        **fields,
        draft_title=fields["title"],
        slug=f"{slugify(fields['title'])[:80].strip('-')}-{number}",
        locale=locale,
        translation_key=translation_key,
        content_type=content_type,
        path=slots.take(),
        depth=parent.depth + 1,
        numchild=0,
        live=True,
        has_unpublished_changes=False,
        show_in_menus=False,
    )
    page.url_path = f"{parent.url_path}{page.slug}/"
    # As save_revision() records it: before publish() sets the dates and revision links.
    revision_content = page.serializable_data()
    page.first_published_at = page.last_published_at = page.latest_revision_created_at = date
    return page, revision_content


def insert_batch(model, pages, revision_contents, content_type, page_content_type):
    """Parent rows, child rows, one published revision each; then link the revisions."""
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    rows = Page.objects.bulk_create(
        [Page(**{f.attname: getattr(p, f.attname) for f in page_fields}) for p in pages]
    )
    for page, row in zip(pages, rows):
        page.pk = page.id = page.page_ptr_id = row.pk

    child_fields = model._meta.local_concrete_fields
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in child_fields)
    placeholders = ", ".join(["%s"] * len(child_fields))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",
            [[f.get_db_prep_save(getattr(p, f.attname), connection) for f in child_fields] for p in pages],
        )

    revisions = []
    for page, data in zip(pages, revision_contents):
        data["pk"] = page.pk
        revisions.append(
            Revision(
                content_type=content_type,
                base_content_type=page_content_type,
                object_id=str(page.pk),
                created_at=page.latest_revision_created_at,
                object_str=page.title,
                content=data,
            )
        )
    Revision.objects.bulk_create(revisions)
    for row, revision in zip(rows, revisions):
        row.latest_revision_id = row.live_revision_id = revision.pk
    Page.objects.bulk_update(rows, ["latest_revision", "live_revision"])


class BulkPages:
    """Live pages of one type written in batches of 2 × BATCH (a Spanish page and its English
    translation count two), under parents that already exist; `finish` writes the last batch and
    the parents' child counts."""

    def __init__(self, model):
        self.model = model
        self.content_type = ContentType.objects.get_for_model(model)
        self.page_type = ContentType.objects.get_for_model(Page)
        self.slots = {}
        self.pages, self.contents = [], []
        self.written = 0

    def add(self, fields, parent, locale, translation_key, date, number):
        slots = self.slots.get(parent.pk)
        if slots is None:  # the parent's last child read once, not for every page
            slots = self.slots[parent.pk] = TreeSlots(parent)
        page, revision_content = build_page(
            self.model, fields, parent, slots, locale, translation_key, date, self.content_type, number
        )
        self.pages.append(page)
        self.contents.append(revision_content)
        if len(self.pages) >= 2 * BATCH:
            self.flush()

    def flush(self):
        if self.pages:
            insert_batch(self.model, self.pages, self.contents, self.content_type, self.page_type)
            self.written += len(self.pages)
            self.pages, self.contents = [], []
            print(f"  {self.written} {self.model.__name__} pages", flush=True)

    def finish(self):
        self.flush()
        for slot in self.slots.values():
            Page.objects.filter(pk=slot.parent.pk).update(numchild=slot.parent.numchild + slot.added)
        return self.written


def generate(pages, seed):
    rng = random.Random(seed)
    writer = Writer(rng)
    english = Locale.objects.get(language_code="en")
    site = Site.objects.get(is_default_site=True)
    home_es = site.root_page.specific
    if home_es.get_translation_or_none(english) is None:
        sys.exit("No English home: run `manage.py load_demo_content` first.")

    section_pairs = sections(home_es)
    shares = [pair[3] for pair in section_pairs]
    bulk = BulkPages(StandardPage)
    for number in range(1, pages // 2 + 1):
        section_es, section_en, nouns, _share = rng.choices(section_pairs, shares)[0]
        date = random_date(rng)
        content_es, content_en = writer.page(nouns, date)
        key = uuid.UUID(int=rng.getrandbits(128), version=4)
        bulk.add(content_es, section_es, home_es.locale, key, date, number)
        bulk.add(content_en, section_en, english, key, date, number)
    bulk.finish()
    return len(section_pairs) * 2


def random_date(rng):
    """A publication time between FIRST_DAY and LAST_DAY."""
    return FIRST_DAY + datetime.timedelta(seconds=rng.randrange(int((LAST_DAY - FIRST_DAY).total_seconds())))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10_000, help="standard pages to create (even; default 10000)")
    parser.add_argument("--seed", type=int, default=20261123, help="random seed (default 20261123)")
    args = parser.parse_args()
    if args.pages < 2 or args.pages % 2:
        parser.error("--pages must be an even number ≥ 2: half Spanish, half their English translations")

    database = connection.settings_dict
    print(f"Database: {connection.vendor} {database.get('NAME')} on {database.get('HOST') or 'local file'}")
    started = time.perf_counter()
    with search_signals_disconnected(), transaction.atomic():
        section_count = generate(args.pages, args.seed)
    elapsed = time.perf_counter() - started
    print(
        f"Created {args.pages} standard pages ({args.pages // 2} Spanish + {args.pages // 2} English "
        f"translations) under {section_count} section pages in {elapsed:.1f} s "
        f"({args.pages / elapsed:.0f} pages/s). Nothing was indexed: run `manage.py update_index`."
    )
    print(f"Rerun (on a fresh database): .venv/bin/python bench/generate_content.py --pages {args.pages} --seed {args.seed}")


if __name__ == "__main__":
    main()

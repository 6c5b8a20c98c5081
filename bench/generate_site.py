"""Generate a whole portal's worth of content for the page load benchmark (bench/page_load.py).

    DATABASE_URL=sqlite:////tmp/bench-site.sqlite3 DJANGO_SETTINGS_MODULE=portal.settings.dev \
        .venv/bin/python bench/generate_site.py --pages 10000

Run on a migrated database after `manage.py load_demo_content`, never on one you care about; then
`manage.py update_index`, since nothing is indexed meanwhile (the search page finds nothing
otherwise). It adds, in one transaction:

- --pages pages (default 10,000), half Spanish and half their English translations:
  NOTE_SHARE of them monthly notes (an edition a month, going back from the demo's first one),
  QUESTION_SHARE FAQ questions spread over ten new FAQ categories, the rest standard pages in ten
  sections, as bench/generate_content.py writes them (same writer, same bulk inserts);
- --datasets transparency datasets (default 50), the demo's sixteen kinds in turn, each with its
  two dataset pages and --months monthly snapshots (default 24, at least the demo's 6; the
  months before this one),
  imported with `snapshots.import_csv` and published with `snapshots.publish` from the demo's
  own generators (transparency/demo.py: 5 to 38 rows a month, depending on the kind);
- a regulation of --articles articles (default 300) in two versions, the text built by
  bench/regulations.py, stored with `versions.create_draft` + `versions.publish`.

Same --seed, same pages (the datasets' rows are seeded by their slugs, as in the demo).
"""

import argparse
import datetime
import importlib.util
import random
import sys
import time
import uuid

from generate_content import (  # sets up Django
    BENCH_DIR,
    SECTIONS,
    BulkPages,
    Writer,
    generate,
    random_date,
    search_signals_disconnected,
)

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Site  # noqa: E402

from faq.models import FAQCategoryPage, FAQIndexPage, QuestionPage  # noqa: E402
from notes.models import NotePage, NotesIndexPage  # noqa: E402
from portal.demo import DemoPages  # noqa: E402
from regulations import versions  # noqa: E402
from regulations.models import Regulation, RegulationIndexPage, RegulationPage  # noqa: E402
from transparency.demo import DATASETS, MONTHS_OF_DATA, DemoBuilder, add_months  # noqa: E402
from report import rerun_command  # noqa: E402
from transparency.models import DatasetPage, TransparencyCategoryPage  # noqa: E402

NOTE_SHARE = 0.05
QUESTION_SHARE = 0.2
REGULATION_NAME = "Reglamento general de prueba (generado)"
REGULATION_SLUG = "reglamento-general-generado"
REGULATION_VERSIONS = (datetime.date(2020, 1, 1), datetime.date(2021, 1, 1))

QUESTIONS = [
    ("¿Cómo se publican {n1s_def} de {unit}?", "How are the {unit}'s {n1s} published?"),
    ("¿Dónde encuentro {np1s_def} de {year}?", "Where can I find the {np1s} for {year}?"),
    ("¿Qué plazo tiene {unit} para informar {n1s_def}?", "How long does the {unit} have to report {n1s}?"),
    ("¿Quién fiscaliza {n1s_def} en la {region}?", "Who oversees {n1s} in the {region}?"),
    ("¿Puedo pedir {n1s_def} {adj1s} de {year}?", "Can I ask for the {adj1} {n1s} for {year}?"),
]


def even_share(pages, share):
    return 2 * round(pages * share / 2)


def homes():
    english = Locale.objects.get(language_code="en")
    home_es = Site.objects.get(is_default_site=True).root_page.specific
    return home_es, home_es.get_translation(english), english


def spanish(model):
    page = model.objects.filter(locale__language_code="es").first()
    if page is None:
        sys.exit(f"No Spanish {model._meta.verbose_name}: run `manage.py load_demo_content` first.")
    return page


def generate_notes(count, rng, english):
    """Monthly editions going back from the demo's first one, numbered from 1001 (the demo has 1–15)."""
    writer = Writer(rng)
    index_es = spanish(NotesIndexPage)
    index_en = index_es.get_translation(english)
    first_month = NotePage.objects.order_by("edition_month").values_list("edition_month", flat=True).first()
    bulk = BulkPages(NotePage)
    for number in range(1, count // 2 + 1):
        month = add_months(first_month, -number)
        nouns = rng.choice(SECTIONS)[2]
        published = datetime.datetime.combine(month, datetime.time(9), datetime.timezone.utc)
        content_es, content_en = writer.page(nouns, published)
        key = uuid.UUID(int=rng.getrandbits(128), version=4)
        edition = {"edition_number": 1000 + number, "edition_month": month, "related_notes": []}
        for content, parent, locale, day in ((content_es, index_es, index_es.locale, 5), (content_en, index_en, english, 7)):
            bulk.add({**content, **edition}, parent, locale, key, published.replace(day=day), number)
    return bulk.finish()


def faq_categories(english):
    """Ten categories, one per content section, created the ordinary way under each FAQ index."""
    demo = DemoPages()
    index_es = spanish(FAQIndexPage)
    pairs = []
    for (es_title, es_slug), (en_title, en_slug), nouns, _share in SECTIONS:
        category_es = demo.child(
            index_es, FAQCategoryPage, f"preguntas-{es_slug}", title=f"Preguntas sobre {es_title.lower()}",
            description=f"Dudas frecuentes sobre {es_title.lower()}.",
        )  # fmt: skip
        category_en = demo.translation(
            category_es, slug=f"questions-{en_slug}", title=f"Questions about {en_title.lower()}",
            description=f"Common questions about {en_title.lower()}.",
        )  # fmt: skip
        pairs.append((category_es, category_en, nouns))
    return pairs


def generate_questions(count, rng, english):
    writer = Writer(rng)
    categories = faq_categories(english)
    bulk = BulkPages(QuestionPage)
    for number in range(1, count // 2 + 1):
        category_es, category_en, nouns = rng.choice(categories)
        date = random_date(rng)
        title = writer.pair(QUESTIONS, nouns, date)
        content = writer.page(nouns, date)
        key = uuid.UUID(int=rng.getrandbits(128), version=4)
        for language, parent, locale in ((0, category_es, category_es.locale), (1, category_en, english)):
            answer = "".join(block["value"] for block in content[language]["body"] if block["type"] == "paragraph")
            fields = {"title": title[language], "answer": answer, "last_reviewed": date.date(),
                      "related_questions": [], "links": []}  # fmt: skip
            bulk.add(fields, parent, locale, key, date, number)
    return bulk.finish()


def generate_datasets(count, months, home_es, home_en):
    """`count` datasets with `months` published months each, through the demo's own builder."""
    builder = DemoBuilder(home_es, home_en, timezone.localdate())
    this_month = timezone.localdate().replace(day=1)
    builder.periods = [add_months(this_month, -back) for back in range(months, 0, -1)]
    for number in range(1, count + 1):
        spec = DATASETS[(number - 1) % len(DATASETS)]
        spec = {
            **spec,
            "slug": f"{spec['slug']}-{number}",
            "name": f"{spec['name']} ({number})",
            **{
                language: {**spec[language], "slug": f"{spec[language]['slug']}-{number}",
                           "title": f"{spec[language]['title']} ({number})"}
                for language in ("es", "en")
            },
        }  # fmt: skip
        category_es = TransparencyCategoryPage.objects.get(letter=spec["letter"], locale=home_es.locale)
        dataset = builder.dataset(spec)
        page_es = builder.child(category_es, DatasetPage, dataset=dataset, **spec["es"])
        builder.translation(page_es, dataset=dataset, **spec["en"])
        if number % 10 == 0:
            print(f"  {number} datasets", flush=True)
    return builder.created


def bench_regulations():
    """bench/regulations.py as a module: loaded by path, since its name is the regulations app's."""
    spec = importlib.util.spec_from_file_location("bench_regulations", BENCH_DIR / "regulations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generate_regulation(articles):
    index = spanish(RegulationIndexPage)
    regulation = Regulation.objects.create(name=REGULATION_NAME)
    page = RegulationPage(title=REGULATION_NAME, slug=REGULATION_SLUG, regulation=regulation)
    index.add_child(instance=page)
    page.save_revision().publish()
    long_text = bench_regulations().long_text
    for changed_every, effective_from in zip((0, 10), REGULATION_VERSIONS):
        text = long_text(articles, changed_every)
        versions.publish(versions.create_draft(regulation, text, effective_from=effective_from))
    return page


def timed(label, function, *args):
    started = time.perf_counter()
    result = function(*args)
    print(f"{label}: {result} in {time.perf_counter() - started:.1f} s", flush=True)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10_000, help="pages to create, translations included (default 10000)")
    parser.add_argument("--datasets", type=int, default=50, help="transparency datasets (default 50)")
    parser.add_argument("--months", type=int, default=24, help=f"published months per dataset (default 24, at least {MONTHS_OF_DATA})")
    parser.add_argument("--articles", type=int, default=300, help="articles of the generated regulation (default 300)")
    parser.add_argument("--seed", type=int, default=20261123, help="random seed (default 20261123)")
    args = parser.parse_args()
    notes, questions = even_share(args.pages, NOTE_SHARE), even_share(args.pages, QUESTION_SHARE)
    standard = args.pages - notes - questions
    if standard < 2 or standard % 2:
        parser.error("--pages must be an even number ≥ 10: half Spanish, half their English translations")
    if args.months < MONTHS_OF_DATA:
        parser.error(f"--months must be at least {MONTHS_OF_DATA}: the demo's row generators change things in those months")

    database = connection.settings_dict
    print(f"Database: {connection.vendor} {database.get('NAME')} on {database.get('HOST') or 'local file'}")
    started = time.perf_counter()
    home_es, home_en, english = homes()
    with search_signals_disconnected(), transaction.atomic():
        timed(f"Standard pages ({standard:,}): sections created", generate, standard, args.seed)
        timed("Notes", generate_notes, notes, random.Random(f"{args.seed}-notes"), english)
        timed("FAQ questions", generate_questions, questions, random.Random(f"{args.seed}-faq"), english)
        timed(f"Datasets ({args.datasets} × {args.months} months): datasets, pages and months created",
              generate_datasets, args.datasets, args.months, home_es, home_en)  # fmt: skip
        page = timed(f"Regulation of {args.articles} articles, two versions", generate_regulation, args.articles)
    print(f"Done in {time.perf_counter() - started:.0f} s; the regulation is at {page.url}. Nothing was indexed: "
          "run `manage.py update_index` before benchmarking the search page.")  # fmt: skip
    print("Rerun (on a fresh database):", rerun_command("generate_site.py", sys.argv[1:]))


if __name__ == "__main__":
    main()

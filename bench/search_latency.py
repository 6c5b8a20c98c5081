"""Full index build rate and search latency: Elasticsearch against the database backend.

    DATABASE_URL=postgres://…/generated ELASTICSEARCH_URL=http://127.0.0.1:9200 \
    ELASTICSEARCH_INDEX_PREFIX=bench_ DJANGO_SETTINGS_MODULE=portal.settings.dev \
        .venv/bin/python bench/search_latency.py

Runs against a database filled by bench/generate_content.py. In one process it

1. rebuilds each search backend in full as `manage.py update_index --backend NAME` does
   (the same command, called in-process, so Django's start-up is not counted), --builds
   times each, alternating which goes first, and reports documents per second (each build
   and the median): `default` (Elasticsearch, our Spanish/English analysis) and `fallback`
   (Wagtail's database backend: PostgreSQL full-text search on PostgreSQL). Elasticsearch
   builds a new index and swaps the alias; the database backend rewrites its index rows;
2. runs 200 fixed queries (100 Spanish, 100 English, each in its own language; see
   `build_queries`) once on every engine to warm up, then --rounds times more, timed with
   time.perf_counter. For each query the engines run back to back in a shuffled order, so
   both see the same machine load. Engines:
     es, db            a citizen's search through Wagtail:
                       list(Page.objects.live().public().filter(locale=…).search(q, backend=…)[:10])
     es-page, db-page  the search page's own engine, search.query.search(q, locale): on
                       Elasticsearch hits + facets + highlighted snippets (+ "did you mean"
                       when nothing is found); db-page is its degraded mode, what visitors
                       get while Elasticsearch is down (database backend, type facet only);
3. prints p50/p95/p99/mean per engine, the database/Elasticsearch ratios, per-category
   medians, how far the two backends' result counts agree, and the command to rerun.

The Elasticsearch indices it builds (ELASTICSEARCH_INDEX_PREFIX, default and required
"bench…") are deleted at the end unless --keep-index.
"""

import argparse
import json
import math
import os
import random
import statistics
import sys
import time
import unicodedata
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH_DIR.parent), str(BENCH_DIR)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ.setdefault("ELASTICSEARCH_INDEX_PREFIX", "bench_")
os.environ.setdefault("LOG_LEVEL", "WARNING")

if not os.environ.get("ELASTICSEARCH_URL"):
    sys.exit("Set ELASTICSEARCH_URL (e.g. http://127.0.0.1:9200): this benchmark compares it with the database.")
if not os.environ["ELASTICSEARCH_INDEX_PREFIX"].startswith("bench"):
    sys.exit(
        "ELASTICSEARCH_INDEX_PREFIX must start with 'bench' (default bench_): the benchmark "
        "rebuilds and then deletes the indices with that prefix."
    )

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import translation  # noqa: E402
from modelsearch.index import get_indexed_models  # noqa: E402
from modelsearch.management.commands.rebuild_modelsearch_index import group_models_by_index  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from report import host, rerun_command  # noqa: E402
from search import query as search_query  # noqa: E402
from vocabulary import (  # noqa: E402
    ABSENT_WORDS,
    ADJECTIVES,
    MISSPELLINGS,
    MONTHS,
    NOUN_ADJECTIVES,
    NOUNS,
    REGIONS,
    UNITS,
    np,
)

ES, DB = "default", "fallback"
ENGINES = {
    "es": "Elasticsearch, Wagtail .search() top 10",
    "db": "database backend, Wagtail .search() top 10",
    "es-page": "search page engine on Elasticsearch",
    "db-page": "search page engine, database fallback",
}

# Words of the generated prose outside the noun and adjective lists.
EXTRA_WORDS = {
    "es": ["información", "Contraloría", "días", "hábiles", "página", "reutilización",
           "fiscalización", "ciudadanía", "transparencia", "trimestre", "proveedores",
           "descarga", "patrimonio", "observaciones", "plazo", "formulario"],
    "en": ["transparency", "oversight", "comptroller", "breakdown", "institutions", "quarter",
           "download", "deadline", "form", "trust", "cases", "programme", "centre", "assets"],
}
INFLECTED_EN = ["published", "publishes", "reviewed", "processed", "reported", "awarded",
                "comply", "hired", "consult", "recorded"]
FIXED_PHRASES = {
    "es": ["trato directo", "recursos humanos", "días hábiles", "datos abiertos",
           "Contraloría General", "formato abierto", "centro de costo", "oficina de partes"],
    "en": ["direct award", "human resources", "working days", "open data", "comptroller general",
           "open format", "cost centre", "records office"],
}

# Queries per language and category: 100 per language, 200 in all.
PLAN = {
    "es": [("accented", 12), ("unaccented", 12), ("singular", 12), ("plural", 12), ("phrase", 20),
           ("three-word", 6), ("name", 8), ("misspelled", 10), ("no-result", 8)],
    "en": [("word", 18), ("inflected", 6), ("singular", 12), ("plural", 12), ("phrase", 20),
           ("three-word", 6), ("name", 8), ("misspelled", 10), ("no-result", 8)],
}


def strip_accents(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def typo(word, rng):
    """Two neighbouring letters swapped, as fast typists do."""
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def build_queries(seed):
    """The fixed query list: [(language, category, text)], the same for the same seed."""
    rng = random.Random(seed)
    queries = []
    for language, plan in PLAN.items():
        seen = set()
        one_word_nouns = [k for k, n in NOUNS.items() if " " not in (n.es_sg if language == "es" else n.en_sg)]

        def sg(key):
            return NOUNS[key].es_sg if language == "es" else NOUNS[key].en_sg

        def pl(key):
            return NOUNS[key].es_pl if language == "es" else NOUNS[key].en_pl

        words = sorted(
            {w for n in NOUNS.values() for w in (f"{n.es_sg} {n.es_pl}" if language == "es" else f"{n.en_sg} {n.en_pl}").split()}
            | {w for a in ADJECTIVES.values() for w in ([a.m_sg, a.f_sg, a.m_pl, a.f_pl] if language == "es" else [a.en])}
            | set(EXTRA_WORDS[language])
        )
        words = [w for w in words if len(w) > 3]
        accented = [w for w in words if strip_accents(w) != w]

        def phrase():
            kind = rng.random()
            if kind < 0.25:
                return rng.choice(FIXED_PHRASES[language])
            key = rng.choice(one_word_nouns)
            adjective = ADJECTIVES[rng.choice(NOUN_ADJECTIVES[key])]
            return np(NOUNS[key], adjective, rng.random() < 0.5, language)

        def three_words():
            key = rng.choice(one_word_nouns)
            adjective = ADJECTIVES[rng.choice(NOUN_ADJECTIVES[key])]
            return f"{np(NOUNS[key], adjective, True, language)} {rng.randrange(2019, 2027)}"

        def name():
            kind = rng.randrange(4)
            region = rng.choice(REGIONS)[0 if language == "es" else 1]
            place = region.replace("Región de ", "").replace("Región del ", "").replace(" Region", "")
            if kind == 0:
                return place
            if kind == 1:
                return strip_accents(place)  # "Nuble", "Valparaiso"
            if kind == 2:
                month = rng.choice(MONTHS)[0 if language == "es" else 1]
                return f"{month} {rng.randrange(2019, 2027)}"
            unit = rng.choice(UNITS)[0 if language == "es" else 1]
            return unit.split(" ", 1)[1] if language == "es" else unit  # without the article

        def misspelled():
            listed = [m for m in MISSPELLINGS[language] if m not in seen]
            if listed and rng.random() < 0.7:
                return rng.choice(listed)
            return typo(rng.choice([w for w in words if len(w) >= 6]), rng)

        makers = {
            "accented": lambda: rng.choice(accented),
            "unaccented": lambda: strip_accents(rng.choice(accented)),
            "word": lambda: rng.choice(words),
            "inflected": lambda: rng.choice(INFLECTED_EN),
            "singular": lambda: sg(rng.choice(one_word_nouns)),
            "plural": lambda: pl(rng.choice(one_word_nouns)),
            "phrase": phrase,
            "three-word": three_words,
            "name": name,
            "misspelled": misspelled,
            "no-result": lambda: rng.choice(ABSENT_WORDS[language]),
        }
        for category, count in plan:
            made = 0
            while made < count:
                text = makers[category]()
                if text.lower() in seen:
                    continue
                seen.add(text.lower())
                queries.append((language, category, text))
                made += 1
    return queries


def percentile(values, p):
    """Nearest-rank percentile of an unsorted list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def summary(values):
    ms = [v * 1000 for v in values]
    return {
        "n": len(ms),
        "p50": percentile(ms, 50),
        "p95": percentile(ms, 95),
        "p99": percentile(ms, 99),
        "mean": statistics.fmean(ms),
        "max": max(ms),
    }


def searchable(locale):
    return Page.objects.live().public().filter(locale=locale)


def wagtail_search(backend_name):
    def run(query, locale):
        return list(searchable(locale).search(query, backend=backend_name)[:10])

    return run


def page_engine(force_database):
    def run(query, locale):
        if force_database:  # as if Elasticsearch had just failed: the degraded path
            search_query.ElasticsearchHealth.failed_at = time.monotonic()
        try:
            outcome = search_query.search(query, locale)
        finally:
            if force_database:
                search_query.ElasticsearchHealth.failed_at = None
        if outcome.degraded != force_database:
            raise RuntimeError(f"search page engine degraded={outcome.degraded} for {query!r}: is Elasticsearch failing?")
        return outcome

    return run


def documents_to_index(backend):
    """What update_index will index into this backend: the same querysets it walks."""
    return sum(
        model.get_indexed_objects().count()
        for _index, models in group_models_by_index(backend, get_indexed_models()).items()
        for model in models
    )


def build_index(backend_name):
    backend = get_search_backend(backend_name)
    documents = documents_to_index(backend)
    started = time.perf_counter()
    call_command("update_index", backend_name=backend_name, verbosity=0)
    if backend_name == ES:  # searchable only after a refresh
        backend.es.indices.refresh(index=f"{backend.index_prefix}*")
    return documents, time.perf_counter() - started


def machine():
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()" if connection.vendor == "postgresql" else "SELECT sqlite_version()")
        database = cursor.fetchone()[0].split(" on ")[0]
        ts_config = ""
        if connection.vendor == "postgresql":
            cursor.execute("SHOW default_text_search_config")
            ts_config = cursor.fetchone()[0]
    nodes = get_search_backend(ES).es.nodes.info(filter_path="nodes.*.version,nodes.*.jvm.mem.heap_max_in_bytes")
    node = next(iter(nodes["nodes"].values()))
    return {
        **host(),
        "database": database,
        "text_search_config": ts_config,
        "elasticsearch": f"{node['version']}, heap {node['jvm']['mem']['heap_max_in_bytes'] // 2**20} MiB",
    }


def delete_bench_indices():
    es = get_search_backend(ES).es
    prefix = os.environ["ELASTICSEARCH_INDEX_PREFIX"]
    names = sorted(es.indices.get(index=f"{prefix}*", expand_wildcards="all"))
    for name in names:
        es.indices.delete(index=name)
    return names


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="timed passes over the 200 queries (default 3)")
    parser.add_argument("--seed", type=int, default=20261123, help="seeds the query list and the engine order")
    parser.add_argument(
        "--builds", type=int, default=3,
        help="full builds of each backend, alternating (default 3); 0 uses the indices as they are",
    )
    parser.add_argument("--keep-index", action="store_true", help="do not delete the bench Elasticsearch indices")
    parser.add_argument("--json", metavar="FILE", help="also write every figure and timing to FILE")
    parser.add_argument("--print-queries", action="store_true", help="print the query list and exit")
    args = parser.parse_args()

    queries = build_queries(args.seed)
    if args.print_queries:
        for language, category, text in queries:
            print(f"{language}\t{category}\t{text}")
        return

    report = {"machine": machine(), "load_before": os.getloadavg()}
    locales = {code: Locale.objects.get(language_code=code) for code in ("es", "en")}
    pages = {code: searchable(locale).count() for code, locale in locales.items()}
    print("Machine:", ", ".join(f"{k} {v}" for k, v in report["machine"].items()))
    print(f"Live public pages: {pages['es']} Spanish, {pages['en']} English; load average {report['load_before'][0]:.2f}")

    if args.builds:
        labels = {ES: "Elasticsearch", DB: f"database backend ({connection.vendor})"}
        print(f"\nFull index build (update_index --backend NAME, in-process), {args.builds} alternating builds each:")
        report["build"] = {name: [] for name in labels}
        for build in range(args.builds):
            for name in (ES, DB) if build % 2 == 0 else (DB, ES):
                documents, seconds = build_index(name)
                report["build"][name].append({"documents": documents, "seconds": seconds, "per_second": documents / seconds})
                print(f"  {labels[name]:<32} {documents:>6} documents in {seconds:6.1f} s = {documents / seconds:6.0f} documents/s")
        medians = {name: statistics.median(b["per_second"] for b in builds) for name, builds in report["build"].items()}
        report["build_median_per_second"] = medians
        print(
            f"  median: Elasticsearch {medians[ES]:.0f} documents/s, database {medians[DB]:.0f} documents/s; "
            f"ratio Elasticsearch/database {medians[ES] / medians[DB]:.2f}"
        )

    engines = {
        "es": wagtail_search(ES),
        "db": wagtail_search(DB),
        "es-page": page_engine(force_database=False),
        "db-page": page_engine(force_database=True),
    }
    order_rng = random.Random(args.seed)

    # An engine that fails is reported and left out rather than ending the run.
    report["failed_engines"] = {}
    for name, engine in list(engines.items()):
        for language in locales:
            text = next(q for lang, _c, q in queries if lang == language)
            try:
                with translation.override(language):
                    engine(text, locales[language])
            except Exception as error:  # noqa: BLE001 - reported, then the engine is skipped
                report["failed_engines"][name] = f"{type(error).__name__}: {error}"
                print(f"\nEngine {name} ({ENGINES[name]}) FAILED on {text!r} ({language}), left out:")
                print(f"  {type(error).__module__}.{type(error).__name__}: {error}")
                del engines[name]
                break

    # Warm-up pass (untimed), which also records what each engine found.
    found = {}
    for language, category, text in queries:
        locale = locales[language]
        with translation.override(language):
            hits = {name: engine(text, locale) for name, engine in engines.items()}
            found[(language, text)] = {
                "es_total": searchable(locale).search(text, backend=ES).count(),
                "db_total": searchable(locale).search(text, backend=DB).count(),
                "es_top": [p.pk for p in hits["es"]],
                "db_top": [p.pk for p in hits["db"]],
                "es_page_total": hits["es-page"].total if "es-page" in hits else None,
                "db_page_total": hits["db-page"].total if "db-page" in hits else None,
            }

    timings = {name: [] for name in engines}
    per_query = {(language, text): {name: [] for name in engines} for language, _c, text in queries}
    started = time.perf_counter()
    for _round in range(args.rounds):
        for language, _category, text in queries:
            locale = locales[language]
            names = list(engines)
            order_rng.shuffle(names)
            with translation.override(language):
                for name in names:
                    t0 = time.perf_counter()
                    engines[name](text, locale)
                    elapsed = time.perf_counter() - t0
                    timings[name].append(elapsed)
                    per_query[(language, text)][name].append(elapsed)
    wall = time.perf_counter() - started
    report["load_after"] = os.getloadavg()

    stats = {name: summary(values) for name, values in timings.items()}
    report["latency_ms"] = stats
    print(
        f"\nSearch latency: {len(queries)} queries × {args.rounds} rounds = {len(queries) * args.rounds} timed "
        f"searches per engine, engines shuffled per query ({wall:.0f} s; load average {report['load_after'][0]:.2f})"
    )
    print(f"  {'engine':<50} {'p50':>7} {'p95':>7} {'p99':>7} {'mean':>7} {'max':>7}  (ms)")
    for name, label in ENGINES.items():
        if name not in stats:
            print(f"  {name + ': ' + label:<50} failed: {report['failed_engines'][name][:60]}")
            continue
        s = stats[name]
        print(f"  {name + ': ' + label:<50} {s['p50']:7.2f} {s['p95']:7.2f} {s['p99']:7.2f} {s['mean']:7.2f} {s['max']:7.1f}")
    report["ratios"] = {}
    for db_name, es_name in (("db", "es"), ("db-page", "es-page")):
        if db_name not in stats or es_name not in stats:
            continue
        ratio = {k: stats[db_name][k] / stats[es_name][k] for k in ("p50", "p95", "p99", "mean")}
        report["ratios"][f"{db_name}/{es_name}"] = ratio
        print(f"  ratio {db_name}/{es_name}: " + ", ".join(f"{k} {v:.2f}" for k, v in ratio.items()))

    print("\n  Median per query category (ms):")
    print(f"  {'language/category':<22} {'n':>3} {'es':>7} {'db':>7} {'db/es':>6} {'es-page':>8} {'db-page':>8}")
    categories = {}
    for language, category, text in queries:
        categories.setdefault(f"{language}/{category}", []).append((language, text))
    report["categories"] = {}
    for key, members in categories.items():
        medians = {
            name: statistics.median(v for m in members for v in per_query[m][name]) * 1000 for name in engines
        }
        report["categories"][key] = medians
        page_columns = " ".join(
            f"{medians[name]:8.2f}" if name in medians else f"{'—':>8}" for name in ("es-page", "db-page")
        )
        print(
            f"  {key:<22} {len(members):>3} {medians['es']:7.2f} {medians['db']:7.2f} "
            f"{medians['db'] / medians['es']:6.2f} {page_columns}"
        )

    print("\nResult counts (whole result sets, same locale filter):")
    rows = [(language, category, text, found[(language, text)]) for language, category, text in queries]
    both = sum(1 for *_x, f in rows if f["es_total"] and f["db_total"])
    es_only = [r for r in rows if r[3]["es_total"] and not r[3]["db_total"]]
    db_only = [r for r in rows if r[3]["db_total"] and not r[3]["es_total"]]
    neither = sum(1 for *_x, f in rows if not f["es_total"] and not f["db_total"])
    within = sum(
        1 for *_x, f in rows if f["es_total"] and f["db_total"]
        and max(f["es_total"], f["db_total"]) <= 1.2 * min(f["es_total"], f["db_total"])
    )
    overlaps = [
        len(set(f["es_top"]) & set(f["db_top"])) / min(len(f["es_top"]), len(f["db_top"]))
        for *_x, f in rows if f["es_top"] and f["db_top"]
    ]
    page_mismatch = [
        r for r in rows
        if r[3]["es_page_total"] not in (None, r[3]["es_total"]) or r[3]["db_page_total"] not in (None, r[3]["db_total"])
    ]
    report["agreement"] = {
        "both_found": both, "es_only": len(es_only), "db_only": len(db_only), "neither": neither,
        "counts_within_20_percent": within,
        "mean_top10_overlap": statistics.fmean(overlaps) if overlaps else None,
    }
    print(f"  both found something: {both}; only Elasticsearch: {len(es_only)}; only database: {len(db_only)}; neither: {neither}")
    print(f"  of the {both} found by both, counts within 20% of each other: {within}")
    if overlaps:
        print(f"  top-10 overlap where both found something (shared / shorter list): mean {statistics.fmean(overlaps):.2f}")
    print(f"  search page totals differing from the Wagtail counts of the same backend: {len(page_mismatch)}")

    def ratio_key(row):
        f = row[3]
        return abs(math.log((f["es_total"] + 1) / (f["db_total"] + 1)))

    print("  Largest disagreements (language, category, query: Elasticsearch / database results):")
    for language, category, text, f in sorted(rows, key=ratio_key, reverse=True)[:15]:
        print(f"    {language} {category:<11} {text!r:<34} {f['es_total']:>5} / {f['db_total']:>5}")

    if not args.keep_index:
        deleted = delete_bench_indices()
        print(f"\nDeleted Elasticsearch indices: {', '.join(deleted) or 'none'}")
    if args.json:
        report["queries"] = [
            {"language": language, "category": category, "query": text, **found[(language, text)],
             "ms": {name: [v * 1000 for v in per_query[(language, text)][name]] for name in engines}}
            for language, category, text in queries
        ]
        Path(args.json).write_text(json.dumps(report, indent=1, ensure_ascii=False, default=str))
        print(f"Wrote {args.json}")
    print("\nRerun:", rerun_command("search_latency.py", sys.argv[1:]))


if __name__ == "__main__":
    from elastic_transport import TransportError
    from elasticsearch import ApiError

    try:
        main()
    except (TransportError, ApiError) as error:
        sys.exit(f"\nElasticsearch failed during the run, so its figures are void; rerun. ({error})")

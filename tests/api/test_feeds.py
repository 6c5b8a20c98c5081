"""The journalists' feeds (/api/v1/feeds/<locale>/<section>.json|.atom): valid JSON Feed 1.1 and
Atom in both languages, every section's entries with ids that never change, filters that combine,
JSON errors for what cannot be read, and a fixed number of queries however many entries there are."""

import datetime
import json

import feedparser
import pytest
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images.formats import get_image_formats
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText

from regulations import versions as version_actions
from regulations.models import Version
from tests.conftest import publish
from tests.faq.conftest import (  # noqa: F401  (fixtures)
    add_question,
    english_faq,
    english_question,
    faq_index,
    procurement,
    question,
    transparency,
)
from tests.notes.conftest import (  # noqa: F401  (fixtures)
    add_note,
    data_unit,
    digital_government,
    english_note,
    month,
    notes,
    notes_index,
    notes_index_en,
    png_image,
)
from tests.regulations.conftest import (  # noqa: F401  (fixtures)
    TEXT_V1,
    english_regulation_page,
    regulation,
    regulation_index,
    regulation_page,
    versions,
)
from tests.transparency.conftest import category_page, dataset, dataset_page, pay_schema, transparency_index  # noqa: F401
from transparency import snapshots as snapshot_actions
from transparency.models import Dataset, DatasetPage, Snapshot

FEEDS = "/api/v1/feeds"
SECTIONS = ["all", "notes", "faq", "transparency", "regulations"]
JSON_FEED_ITEM_FIELDS = {
    "id", "url", "external_url", "title", "content_html", "content_text", "summary", "image", "banner_image",
    "date_published", "date_modified", "authors", "tags", "language", "attachments",
}  # fmt: skip
SANTIAGO = timezone.get_default_timezone()
ROWS = [
    {"nombre": "Ana Pérez", "grado": 5, "remuneracion_bruta": 1_500_000},
    {"nombre": "Luis Soto", "grado": 8, "remuneracion_bruta": 1_100_000},
]


@pytest.fixture
def spanish_home(home_es):
    """The demo's Spanish home, under which every section's fixtures build (instead of the bare one
    the transparency and regulations fixtures use on their own)."""
    return home_es


def feed_json(client, locale, section, **params):
    response = client.get(f"{FEEDS}/{locale}/{section}.json", params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/feed+json; charset=utf-8"
    feed = json.loads(response.content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and isinstance(feed["items"], list)
    assert feed["language"] == locale
    assert feed["feed_url"].startswith(f"http://testserver{FEEDS}/{locale}/{section}.json")
    assert feed["home_page_url"].startswith("http://testserver/")
    assert feed["authors"] == [{"name": "Senado de la República de Chile"}]
    for item in feed["items"]:
        assert set(item) <= JSON_FEED_ITEM_FIELDS
        assert item["id"].startswith("urn:uuid:")
        assert item["url"].startswith(f"http://testserver/{locale}/")
        assert item["title"] and item["summary"] and item["content_html"]
        assert item["language"] == locale
        published = datetime.datetime.fromisoformat(item["date_published"])
        assert published <= datetime.datetime.fromisoformat(item["date_modified"])
        assert published.tzinfo is not None
    return feed


def feed_atom(client, locale, section, **params):
    response = client.get(f"{FEEDS}/{locale}/{section}.atom", params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.language == locale
    for entry in parsed.entries:
        assert entry.id.startswith("urn:uuid:") and entry.link.startswith(f"http://testserver/{locale}/")
        assert entry.published_parsed and entry.updated_parsed and entry.content[0].value
    return parsed


def titles(feed):
    return [item["title"] for item in feed["items"]]


def by_title(feed):
    return {item["title"]: item for item in feed["items"]}


def error(client, path, status, **params):
    response = client.get(f"{FEEDS}/{path}", params)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body["error"] == {400: "bad_request", 404: "not_found"}[status] and body["detail"]
    return body


def at(*args):
    return datetime.datetime(*args, tzinfo=SANTIAGO)


def set_page_dates(page, first, last=None):
    Page.objects.filter(pk=page.pk).update(first_published_at=first, last_published_at=last or first)


def publish_month(dataset, period, rows=ROWS):
    with transaction.atomic():
        draft = snapshot_actions.draft_for(dataset, period)
        snapshot_actions.replace_rows(draft, rows)
        draft.save()
    return snapshot_actions.publish(draft)


def correct(snapshot, note, rows=ROWS[:1]):
    draft = snapshot_actions.start_correction(snapshot)
    with transaction.atomic():
        snapshot_actions.replace_rows(draft, rows)
        draft.save()
    return snapshot_actions.publish(draft, note)


@pytest.fixture
def snapshots(dataset_page, dataset):
    """January (two rows), February (two rows, then corrected to one) and March (no movements) 2026."""
    january = publish_month(dataset, datetime.date(2026, 1, 1))
    february = publish_month(dataset, datetime.date(2026, 2, 1))
    march = snapshot_actions.publish_no_movements(dataset, datetime.date(2026, 3, 1))
    correction = correct(february, "Se corrigió la remuneración de Luis Soto.")
    return {
        "january": january,
        "february": Snapshot.objects.get(pk=february.pk),
        "march": march,
        "correction": correction,
    }


@pytest.fixture
def english_dataset_page(dataset_page, english, home_en):
    page = dataset_page.copy_for_translation(english, copy_parents=True)
    page.title = "Permanent staff"
    page.description = "Permanent civil servants and their monthly gross pay."
    page.save()
    for ancestor in page.get_ancestors().filter(depth__gt=home_en.depth, alias_of__isnull=True, live=False):
        publish(ancestor.specific)  # wagtail-localize may have made the parents aliases already: they are live
    return publish(page)


@pytest.fixture
def everything(
    home_es, home_en, english_note, english_question, procurement, snapshots, english_dataset_page,
    versions, english_regulation_page,
):  # fmt: skip
    """Every section in both languages: four notes (one translated), two questions (one translated),
    three months of a table (one corrected), a regulation in three versions."""
    add_question(procurement, "¿Cómo le vendo a la institución?", "vender", answer="<p>Por Mercado Público.</p>")


# Every feed is valid in both languages.


@pytest.mark.parametrize("section", SECTIONS)
def test_each_feed_is_valid_json_feed_and_atom_in_both_languages(client, everything, section):
    for locale in ("es", "en"):
        feed = feed_json(client, locale, section)
        parsed = feed_atom(client, locale, section)
        assert feed["items"], f"{locale}/{section} is empty"
        assert [entry.id for entry in parsed.entries] == [item["id"] for item in feed["items"]]
        assert [entry.title for entry in parsed.entries] == titles(feed)
        assert parsed.feed.title == feed["title"]
        assert [entry.link for entry in parsed.entries] == [item["url"] for item in feed["items"]]


def test_the_site_wide_feed_has_every_section_newest_update_first(client, everything):
    feed = feed_json(client, "es", "all")
    modified = [item["date_modified"] for item in feed["items"]]
    assert modified == sorted(modified, reverse=True)
    sections = {
        "notes": feed_json(client, "es", "notes"),
        "faq": feed_json(client, "es", "faq"),
        "transparency": feed_json(client, "es", "transparency"),
        "regulations": feed_json(client, "es", "regulations"),
    }
    every_id = {item["id"] for section in sections.values() for item in section["items"]}
    assert {item["id"] for item in feed["items"]} == every_id
    assert len(feed["items"]) == 4 + 2 + 4 + 3
    for section in sections.values():
        assert [item["date_modified"] for item in section["items"]] == sorted(
            (item["date_modified"] for item in section["items"]), reverse=True
        )
    assert feed["home_page_url"] == "http://testserver/es/"
    assert feed_json(client, "en", "all")["home_page_url"] == "http://testserver/en/"


def test_feeds_hold_at_most_fifty_entries(client, home_es, notes_index):
    for n in range(53):
        add_note(notes_index, n + 1, month(2020 + n // 12, n % 12 + 1), f"Nota número {n}")
    feed = feed_json(client, "es", "notes")
    assert len(feed["items"]) == 50
    assert titles(feed)[0] == "Nota número 52"  # the newest publication
    assert len(feed_json(client, "es", "all")["items"]) == 50
    assert len(feed_atom(client, "es", "all").entries) == 50


# Each section's entries.


def test_notes_are_the_notes_feeds_entries(client, everything):
    """The API's notes feed makes its entries as the archive's feed does (notes.feeds.note_entries)."""
    api = feed_json(client, "es", "notes")
    archive = json.loads(client.get("/es/notas/feed/json/").content)
    assert {item["id"]: item for item in api["items"]} == {item["id"]: item for item in archive["items"]}
    latest = by_title(api)["Inteligencia artificial responsable"]
    assert latest["url"] == "http://testserver/es/notas/inteligencia-artificial-responsable/"
    assert latest["tags"] == ["datos", "ia"]
    assert latest["authors"] == [{"name": "División de Gobierno Digital"}, {"name": "Unidad de Datos"}]
    assert 'href="http://testserver/es/notas/"' in latest["content_html"]
    assert api["home_page_url"] == "http://testserver/es/notas/"

    english = feed_json(client, "en", "notes")
    assert titles(english) == ["Responsible artificial intelligence"]
    assert english["items"][0]["id"] != latest["id"]  # same translation key, another language
    assert english["items"][0]["authors"][0] == {"name": "Digital Government Division"}


def test_faq_entries_are_questions_with_their_answers(client, everything, question):
    feed = feed_json(client, "es", "faq")
    assert titles(feed) == ["¿Cómo le vendo a la institución?", "¿Cuánto demora la respuesta a una solicitud?"]
    item = by_title(feed)["¿Cuánto demora la respuesta a una solicitud?"]
    assert item["url"] == "http://testserver/es/preguntas-frecuentes/transparencia/plazo/"
    assert "20 días hábiles, prorrogables por <b>10</b> más." in item["content_html"]
    assert "<li>Ley 20.285, art. 14.</li>" in item["content_html"]
    assert item["summary"].startswith("20 días hábiles")
    assert item["tags"] == ["Transparencia"]
    assert item["date_modified"] == question.last_published_at.isoformat()

    english = feed_json(client, "en", "faq")
    assert titles(english) == ["How long does an answer to a request take?"]
    assert english["items"][0]["tags"] == ["Transparency"]
    assert english["items"][0]["url"] == "http://testserver/en/preguntas-frecuentes/transparencia/plazo/"


def test_answer_links_to_pages_and_documents_are_absolute(client, everything, transparency):
    document = get_document_model().objects.create(title="Formulario", file=ContentFile(b"%PDF", name="formulario.pdf"))
    notes_es = Page.objects.get(slug="notas", locale__language_code="es")
    add_question(
        transparency, "¿Dónde están las notas?", "notas",
        answer=f'<p>En <a linktype="page" id="{notes_es.pk}">las notas</a> y el '
        f'<a linktype="document" id="{document.pk}">formulario</a>.</p>',
    )  # fmt: skip
    content = by_title(feed_json(client, "es", "faq"))["¿Dónde están las notas?"]["content_html"]
    assert '<a href="http://testserver/es/notas/">las notas</a>' in content
    assert f'<a href="http://testserver/documents/{document.pk}/formulario.pdf">formulario</a>' in content


def test_transparency_entries_are_each_published_month_and_each_correction(client, everything, snapshots):
    feed = feed_json(client, "es", "transparency")
    assert len(feed["items"]) == 4
    base = "http://testserver/es/transparencia/personal/planta"
    correction, february, march, january = feed["items"]  # newest change first: February's correction also changed February
    assert correction["title"].startswith("Personal de planta: febrero de 2026")
    assert correction["title"] != february["title"]  # "(corrected)", in the feed's language
    assert correction["url"] == f"{base}/2026-02/"
    assert "Se corrigió la remuneración de Luis Soto." in correction["content_html"]
    assert "Se corrigió la remuneración de Luis Soto." in correction["summary"]
    assert correction["date_published"] == snapshots["correction"].published_at.isoformat()

    assert february["title"] == "Personal de planta: febrero de 2026"
    assert february["url"] == f"{base}/2026-02/v1/"  # the version it describes, now marked corrected
    assert february["date_published"] == snapshots["february"].published_at.isoformat()
    assert february["date_modified"] == snapshots["february"].superseded_at.isoformat()
    assert "Se corrigió la remuneración de Luis Soto." in february["content_html"]
    assert f'href="{base}/2026-02/"' in february["content_html"]

    assert march["title"] == "Personal de planta: marzo de 2026"
    assert january["title"] == "Personal de planta: enero de 2026"
    assert f'href="{base}/2026-01/csv/"' in january["content_html"]
    assert f'href="{base}/2026-01/json/"' in january["content_html"]
    assert january["date_published"] == january["date_modified"] == snapshots["january"].published_at.isoformat()
    assert {tuple(item["tags"]) for item in feed["items"]} == {("Personal y remuneraciones",)}
    for item in feed["items"]:
        assert client.get(item["url"].removeprefix("http://testserver")).status_code == 200

    english = feed_json(client, "en", "transparency")
    assert titles(english) == [
        "Permanent staff: February 2026 (corrected)",
        "Permanent staff: February 2026",
        "Permanent staff: March 2026",
        "Permanent staff: January 2026",
    ]
    assert by_title(english)["Permanent staff: March 2026"]["summary"] == "Permanent staff, March 2026: no movements this month."
    assert by_title(english)["Permanent staff: January 2026"]["summary"] == "Permanent staff, January 2026: 2 rows."
    assert {item["id"] for item in english["items"]}.isdisjoint(item["id"] for item in feed["items"])


def test_regulation_entries_are_published_versions_with_what_they_changed(client, everything, versions):
    feed = feed_json(client, "en", "regulations")
    assert titles(feed) == [
        "Reglamento de compras: version in force from March 1, 2027",
        "Reglamento de compras: version in force from July 1, 2024",
        "Reglamento de compras: version in force from April 1, 2023",
    ]
    future, second, first = feed["items"]
    base = "http://testserver/en/reglamentos/compras"
    assert second["url"] == f"{base}/2024-07-01/"
    assert (
        "Compared with the version in force from April 1, 2023: 1 article or annex added, 1 changed and 1 removed."
        in second["content_html"]
    )
    assert f'href="{base}/compare/2023-04-01/2024-07-01/"' in second["content_html"]
    assert "0 articles or annexes added, 1 changed and 0 removed." in future["summary"]
    assert first["summary"] == "The first published version: 6 articles and annexes."
    assert "No. 1.245" in first["content_html"]
    assert first["date_published"] == versions[0].published_at.isoformat()
    for item in feed["items"]:
        assert client.get(item["url"].removeprefix("http://testserver")).status_code == 200
    comparison = f"{base}/compare/2023-04-01/2024-07-01/".removeprefix("http://testserver")
    assert client.get(comparison).status_code == 200

    spanish = feed_json(client, "es", "regulations")
    assert [item["url"] for item in spanish["items"]] == [
        item["url"].replace("/en/", "/es/") for item in feed["items"]
    ]
    assert "Reglamento de compras" in spanish["items"][0]["title"] and "1 de marzo de 2027" in spanish["items"][0]["title"]


# Only what anyone may read, in the feed's language.


def test_drafts_private_pages_and_untranslated_items_are_left_out(
    client, everything, transparency, dataset, regulation, pay_schema, category_page
):
    add_question(transparency, "Un borrador", "borrador", live=False)
    private = add_question(transparency, "Una pregunta privada", "privada")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    with transaction.atomic():
        snapshot_actions.draft_for(dataset, datetime.date(2026, 4, 1))  # a draft month
    version_actions.create_draft(regulation, TEXT_V1, effective_from=datetime.date(2028, 1, 1))
    spanish_only = Dataset.objects.create(
        name="Honorarios", slug="honorarios", category="d", schema=pay_schema, reporting_since=datetime.date(2026, 1, 1)
    )
    page = DatasetPage(title="Honorarios", slug="honorarios", dataset=spanish_only, description="Personal a honorarios.")
    publish(category_page.add_child(instance=page))
    publish_month(spanish_only, datetime.date(2026, 1, 1))

    spanish = feed_json(client, "es", "all")
    assert "Un borrador" not in titles(spanish) and "Una pregunta privada" not in titles(spanish)
    assert "Honorarios: enero de 2026" in titles(spanish)
    assert not any("2028" in title or "abril de 2026" in title for title in titles(spanish))
    assert len(feed_json(client, "es", "regulations")["items"]) == 3
    english = feed_json(client, "en", "transparency")
    assert not any(title.startswith("Honorarios") for title in titles(english))
    assert len(english["items"]) == 4


# Ids never change.


def test_ids_survive_edits_republication_and_corrections(client, everything, notes, question, snapshots, versions):
    before = {item["title"]: item for item in feed_json(client, "es", "all")["items"]}
    atom_before = {entry.title: entry.id for entry in feed_atom(client, "es", "all").entries}

    note = notes[2]
    note.title, note.slug = "Datos abiertos: edición corregida", "datos-abiertos-corregida"
    publish(note)
    question.title = "¿Cuánto tarda la respuesta?"
    question.answer = "<p>20 días hábiles.</p>"
    publish(question)
    correct(snapshots["january"], "Faltaba una persona.", rows=ROWS + [{"nombre": "Eva Díaz", "remuneracion_bruta": 900_000}])
    version = Version.objects.get(pk=versions[1].pk)
    version.summary = "Sube el límite de la compra ágil a 100 UTM."
    version.save()

    after = {item["id"]: item for item in feed_json(client, "es", "all")["items"]}
    atom_after = {entry.id for entry in feed_atom(client, "es", "all").entries}
    renamed = {
        "Datos abiertos del Senado": "Datos abiertos: edición corregida",
        "¿Cuánto demora la respuesta a una solicitud?": "¿Cuánto tarda la respuesta?",
    }
    for old_title, item in before.items():
        assert item["id"] in after, old_title
        assert atom_before[old_title] in atom_after
        assert after[item["id"]]["title"] == renamed.get(old_title, old_title)
    edited = [
        before["Datos abiertos del Senado"],
        before["¿Cuánto demora la respuesta a una solicitud?"],
        before["Personal de planta: enero de 2026"],
        next(item for title, item in before.items() if "2024" in title),
    ]
    for item in edited:
        assert after[item["id"]]["date_published"] == item["date_published"]
        assert after[item["id"]]["date_modified"] > item["date_modified"]
    assert after[edited[0]["id"]]["url"] == "http://testserver/es/notas/datos-abiertos-corregida/"
    assert after[edited[2]["id"]]["url"].endswith("/2026-01/v1/")
    new = set(after) - {item["id"] for item in before.values()}
    assert len(new) == 1  # January's correction is a new entry
    assert after[new.pop()]["title"].startswith("Personal de planta: enero de 2026 (")


def test_an_id_is_the_same_in_every_feed_that_carries_the_entry(client, everything):
    everything_ids = {item["id"] for item in feed_json(client, "en", "all")["items"]}
    for section in SECTIONS[1:]:
        assert {item["id"] for item in feed_json(client, "en", section)["items"]} <= everything_ids


# Filters.


@pytest.fixture
def dated_notes(notes):
    """The notes first published on the 5th of their month, at noon in Santiago."""
    for note in notes:
        set_page_dates(note, at(note.edition_month.year, note.edition_month.month, 5, 12))
    return notes


def test_notes_filter_by_tag_and_dates_combined(client, home_es, dated_notes):
    assert titles(feed_json(client, "es", "notes", tag="datos")) == ["Inteligencia artificial responsable", "Datos abiertos del Senado"]
    assert titles(feed_json(client, "es", "notes", published_after="2026-10-06")) == ["Inteligencia artificial responsable"]
    assert titles(feed_json(client, "es", "notes", tag="firma", published_after="2026-10-06")) == []
    assert titles(feed_json(client, "es", "notes", tag="datos", published_after="2026-10-05T12:00:00-03:00")) == [
        "Inteligencia artificial responsable",
        "Datos abiertos del Senado",
    ]  # at or after
    assert titles(feed_json(client, "es", "notes", tag="datos", published_after="2026-10-05T15:00:01Z")) == [
        "Inteligencia artificial responsable"
    ]
    assert feed_json(client, "es", "notes", tag="no-existe")["items"] == []
    filtered = feed_json(client, "es", "notes", tag="datos", published_after="2026-10-06")
    assert filtered["feed_url"] == "http://testserver/api/v1/feeds/es/notes.json?published_after=2026-10-06&tag=datos"
    assert filtered["title"].endswith(": datos")
    assert feed_atom(client, "es", "notes", tag="datos").feed.title.endswith(": datos")


def test_published_after_and_modified_since_differ_for_a_republished_page(client, home_es, dated_notes):
    old = dated_notes[0]
    set_page_dates(old, at(2025, 12, 5, 12), last=at(2026, 11, 20, 9))
    assert "Balance de 2025" not in titles(feed_json(client, "es", "notes", published_after="2026-11-01"))
    assert titles(feed_json(client, "es", "notes", modified_since="2026-11-01")) == ["Balance de 2025", "Inteligencia artificial responsable"]
    assert titles(feed_json(client, "es", "all", modified_since="2026-11-06")) == ["Balance de 2025"]
    assert titles(feed_json(client, "es", "all", published_after="2026-11-01", modified_since="2026-11-06")) == []


def test_faq_filters_by_category_and_dates(client, everything, question):
    assert titles(feed_json(client, "es", "faq", category="transparencia")) == ["¿Cuánto demora la respuesta a una solicitud?"]
    assert titles(feed_json(client, "es", "faq", category="compras")) == ["¿Cómo le vendo a la institución?"]
    assert feed_json(client, "es", "faq", category="no-existe")["items"] == []
    narrowed = feed_json(client, "es", "faq", category="compras")
    assert narrowed["home_page_url"] == "http://testserver/es/preguntas-frecuentes/compras/"
    assert narrowed["title"].endswith(": Compras públicas")
    set_page_dates(question, at(2025, 1, 10, 10))
    assert titles(feed_json(client, "es", "faq", category="transparencia", published_after="2025-06-01")) == []
    assert titles(feed_json(client, "es", "faq", published_after="2025-01-10")) == [
        "¿Cómo le vendo a la institución?",
        "¿Cuánto demora la respuesta a una solicitud?",
    ]
    assert titles(feed_json(client, "en", "faq", category="transparencia")) == ["How long does an answer to a request take?"]


def test_transparency_filters_by_category_and_dates(client, everything, snapshots):
    assert len(feed_json(client, "es", "transparency", category="personal")["items"]) == 4
    assert feed_json(client, "es", "transparency", category="compras")["items"] == []
    Snapshot.objects.filter(pk=snapshots["january"].pk).update(published_at=at(2026, 2, 9, 10))
    later = feed_json(client, "es", "transparency", category="personal", published_after="2026-03-01")
    assert "Personal de planta: enero de 2026" not in titles(later) and len(later["items"]) == 3
    assert feed_json(client, "es", "transparency", category="personal")["home_page_url"] == "http://testserver/es/transparencia/personal/"


def test_regulations_filter_by_dates(client, everything, versions):
    Version.objects.filter(pk=versions[0].pk).update(published_at=at(2023, 3, 20, 10), updated_at=at(2023, 3, 20, 10))
    feed = feed_json(client, "en", "regulations", published_after="2024-01-01")
    assert len(feed["items"]) == 2
    assert len(feed_json(client, "en", "regulations", modified_since="2023-01-01")["items"]) == 3


# Errors: JSON, never a 500.


@pytest.mark.parametrize(
    "path, params",
    [
        ("es/all.json", {"published_after": "yesterday"}),
        ("es/all.json", {"published_after": "2026-13-01"}),
        ("es/notes.atom", {"modified_since": "2026-02-30"}),
        ("es/notes.json", {"published_after": "9999-12-31T23:59:59-12:00"}),
        ("en/faq.json", {"published_after": "0001-01-01T00:00:00+14:00"}),
        ("es/faq.json", {"published_after": "2026-01-01\x00"}),
        ("es/notes.json", {"category": "transparencia"}),
        ("es/faq.json", {"tag": "datos"}),
        ("es/regulations.json", {"category": "personal"}),
        ("es/all.json", {"tag": "datos"}),
        ("es/faq.json", {"category": "no es un slug"}),
        ("es/notes.json", {"tag": "a\x00b <script>"}),
        ("es/transparency.json", {"category": "x" * 256}),
    ],
)
def test_filters_that_cannot_be_read_are_a_json_400(client, home_es, path, params):
    body = error(client, path, 400, **params)
    assert next(iter(params)) in body["detail"]


@pytest.mark.parametrize(
    "path", ["fr/all.json", "ES/all.json", "es/blog.json", "es/all.rss", "es/all", "es/notes.json/", "es/", "es/all.json.json"]
)
def test_unknown_locales_sections_and_formats_are_a_json_404(client, home_es, path):
    error(client, path, 404)


def test_feeds_are_read_with_get_only(client, home_es):
    response = client.post(f"{FEEDS}/es/all.json")
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD"
    assert json.loads(response.content)["error"] == "method_not_allowed"
    assert client.head(f"{FEEDS}/es/all.atom").status_code == 200


ODD_VALUES = [
    "", " ", "'", '"', "[]", "{}", "%00", "\x00", "😀", "é" * 10_000, "-1", "1e309", "null", "2026-01-01T25:00", "../",
]  # fmt: skip


def test_no_query_string_is_a_500(client, everything):
    for section in SECTIONS:
        for name in ("category", "tag", "published_after", "modified_since", "page", "limit"):
            for value in ODD_VALUES:
                response = client.get(f"{FEEDS}/es/{section}.json", {name: value})
                assert response.status_code in (200, 400), (section, name, value)
                if response.status_code == 400:
                    assert json.loads(response.content)["error"] == "bad_request"


def test_the_feed_list_names_every_feed(client, home_es):
    feeds = json.loads(client.get(f"{FEEDS}/").content)["feeds"]
    assert len(feeds) == 2 * len(SECTIONS)
    notes = next(feed for feed in feeds if feed["locale"] == "en" and feed["section"] == "notes")
    assert notes == {
        "locale": "en",
        "section": "notes",
        "filters": ["tag", "published_after", "modified_since"],
        "json": "http://testserver/api/v1/feeds/en/notes.json",
        "atom": "http://testserver/api/v1/feeds/en/notes.atom",
    }


# Bounded queries.


def add_more_of_everything(notes_index, transparency_category, dataset, regulation, home_es, numbers):
    """More entries in every section, whose bodies refer to images, documents and pages."""
    document = get_document_model().objects.create(title="Informe", file=ContentFile(b"%PDF", name="informe.pdf"))
    image_format = get_image_formats()[0].name
    for n in numbers:
        image, inline = png_image(f"Cuerpo {n}"), png_image(f"En línea {n}")
        links = (
            f'<p>Ver <a linktype="page" id="{home_es.pk}">el inicio</a>, <a linktype="page" id="{notes_index.pk}">las notas</a> '
            f'y <a linktype="document" id="{document.pk}">el informe</a>.</p>'
        )
        body = [
            ("paragraph", RichText(links + f'<embed embedtype="image" id="{inline.pk}" format="{image_format}" alt="Gráfico"/>')),
            ("image", {"image": image, "alt_text": "Una foto", "decorative": False}),
            ("document", {"document": document, "label": "Descargar el informe"}),
            ("callout", {"title": "Plazo", "text": RichText(links)}),
        ]
        add_note(
            notes_index, 100 + n, month(2022, n + 1), f"Nota extra {n}",
            tags=[f"tema-{n}", "datos"], image=png_image(f"Portada {n}"), body=body,
        )  # fmt: skip
        add_question(transparency_category, f"Pregunta extra {n}", f"extra-{n}", answer=links)
        publish_month(dataset, datetime.date(2025, n + 1, 1))
        draft = version_actions.create_draft(
            regulation, TEXT_V1.replace("probidad", f"probidad ({n})"), effective_from=datetime.date(2030 + n, 1, 1)
        )
        version_actions.publish(draft)


def test_queries_do_not_grow_with_the_number_of_entries(
    client, everything, notes_index, transparency, dataset, regulation, home_es, django_assert_max_num_queries
):
    add_more_of_everything(notes_index, transparency, dataset, regulation, home_es, [0])  # one of each kind of reference
    urls = [f"{FEEDS}/{locale}/{section}.{kind}" for locale in ("es", "en") for section in SECTIONS for kind in ("json", "atom")]
    few = {}
    for url in urls:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        few[url] = len(queries)
    sizes = {url: len(feed_json(client, "es", url.split("/")[-1].split(".")[0])["items"]) for url in urls[:10:2]}

    add_more_of_everything(notes_index, transparency, dataset, regulation, home_es, range(1, 9))
    for url in urls:
        client.get(url)  # renditions of the new images are made once, on the first reading
        with django_assert_max_num_queries(few[url], info=url):
            assert client.get(url).status_code == 200
    for url, size in sizes.items():
        assert len(feed_json(client, "es", url.split("/")[-1].split(".")[0])["items"]) >= size + 8

"""What citizens and search engines see: the FAQ index, a category, a question; drafts stay hidden."""

import datetime
import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from notes.models import NotePage, NotesIndexPage
from regulations import versions as version_actions
from regulations.models import Regulation, RegulationIndexPage, RegulationPage
from tests.conftest import publish
from transparency.models import Dataset, DatasetPage, DatasetSchema, TransparencyCategoryPage, TransparencyIndexPage

from .conftest import add_category, add_question, translate

INDEX = "/es/preguntas-frecuentes/"
CATEGORY = "/es/preguntas-frecuentes/transparencia/"


def json_ld(response):
    """The page's schema.org data, parsed as a search engine parses it."""
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def question_names(data):
    return [entry["name"] for entry in data["mainEntity"]]


def queries_to_render(client, url):
    """Queries of a second view of `url`, once per-process caches (site root paths, locales) are warm."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_questions(category, first, last):
    for number in range(first, last):
        add_question(
            category,
            f"¿Pregunta número {number}?",
            f"pregunta-{number}",
            answer=f'<p>Respuesta {number}, con <a href="https://www.leylobby.gob.cl/">un enlace</a>.</p>',
        )


# The index


def test_index_lists_published_categories_in_tree_order_with_their_published_questions(
    client, faq_index, transparency, procurement, question
):
    add_question(procurement, "¿Cómo le vendo a la institución?", "vender")
    add_question(procurement, "¿Borrador?", "borrador", live=False)
    hidden = add_category(faq_index, "Categoría en borrador", "borrador")
    hidden.unpublish()
    add_question(hidden, "¿Pregunta de una categoría en borrador?", "oculta")

    html = client.get(INDEX).content.decode()

    assert "Respuestas a lo que más nos consultan." in html
    assert html.index(">Transparencia</a>") < html.index(">Compras públicas</a>")
    assert "Solicitudes de acceso a la información pública." in html
    assert f'<a href="{question.url}">¿Cuánto demora la respuesta a una solicitud?</a>' in html
    assert '<a href="/es/preguntas-frecuentes/compras/vender/">¿Cómo le vendo a la institución?</a>' in html
    assert "¿Borrador?" not in html and "Categoría en borrador" not in html
    assert "¿Pregunta de una categoría en borrador?" not in html


def test_index_json_ld_is_an_faq_page_with_every_published_question(client, transparency, procurement, question):
    add_question(procurement, "¿Cómo le vendo a la institución?", "vender", answer="<p>Inscríbase en <i>Mercado Público</i>.</p>")
    add_question(procurement, "¿Borrador?", "borrador", live=False)

    data = json_ld(client.get(INDEX))

    assert data["@context"] == "https://schema.org" and data["@type"] == "FAQPage"
    assert data["inLanguage"] == "es"
    assert question_names(data) == ["¿Cuánto demora la respuesta a una solicitud?", "¿Cómo le vendo a la institución?"]
    first = data["mainEntity"][0]
    assert first["@type"] == "Question"
    assert first["url"] == "http://localhost/es/preguntas-frecuentes/transparencia/plazo/"
    assert first["acceptedAnswer"] == {
        "@type": "Answer",
        "text": "20 días hábiles, prorrogables por 10 más. Ley 20.285, art. 14.",
    }


def test_json_ld_keeps_a_question_that_looks_like_html_inside_its_script(client, transparency):
    title = '¿Qué pasa si escribo </script><script>alert("x")</script>?'
    add_question(transparency, title, "script", answer="<p>Nada: &lt;b&gt; se muestra tal cual.</p>")

    response = client.get(INDEX)

    assert "<script>alert" not in response.content.decode()
    assert question_names(json_ld(response)) == [title]
    assert json_ld(response)["mainEntity"][0]["acceptedAnswer"]["text"] == "Nada: <b> se muestra tal cual."


def test_index_queries_do_not_grow_with_the_number_of_questions(client, transparency, procurement):
    add_questions(transparency, 0, 3)
    add_questions(procurement, 3, 5)
    with_five = queries_to_render(client, INDEX)

    add_questions(transparency, 5, 15)
    add_questions(procurement, 15, 25)

    assert queries_to_render(client, INDEX) == with_five
    assert len(json_ld(client.get(INDEX))["mainEntity"]) == 25


def test_index_in_english_lists_the_english_pages(client, english_question, english_faq):
    response = client.get("/en/preguntas-frecuentes/")
    html = response.content.decode()

    assert '<html lang="en">' in html
    assert "Answers to what we are asked most." in html and ">Transparency</a>" in html
    assert question_names(json_ld(response)) == ["How long does an answer to a request take?"]
    assert json_ld(response)["inLanguage"] == "en"


# A category


def test_category_shows_each_answer_in_a_details_element_with_a_link_to_its_page(client, transparency, question):
    add_question(transparency, "¿Borrador?", "borrador", live=False)

    html = client.get(CATEGORY).content.decode()

    assert '<a href="/es/">' in html and f'<a href="{INDEX}">Preguntas frecuentes</a>' in html  # breadcrumbs
    assert '<p class="lead">Solicitudes de acceso a la información pública.</p>' in html
    details = re.search(r'<details class="faq-item" id="plazo">(.*?)</details>', html, re.S).group(1)
    assert "<summary>¿Cuánto demora la respuesta a una solicitud?</summary>" in details
    assert "<p>20 días hábiles, prorrogables por <b>10</b> más.</p>" in details
    assert f'<a href="{question.url}">' in details
    assert "¿Borrador?" not in html


def test_category_json_ld_has_its_questions_only(client, transparency, procurement, question):
    add_question(transparency, "¿Dónde presento una solicitud?", "donde")
    add_question(procurement, "¿Cómo le vendo a la institución?", "vender")

    data = json_ld(client.get(CATEGORY))

    assert data["@type"] == "FAQPage" and data["name"] == "Transparencia"
    assert question_names(data) == ["¿Cuánto demora la respuesta a una solicitud?", "¿Dónde presento una solicitud?"]


def test_category_queries_do_not_grow_with_the_number_of_questions(client, transparency):
    add_questions(transparency, 0, 5)
    with_five = queries_to_render(client, CATEGORY)

    add_questions(transparency, 5, 25)

    assert queries_to_render(client, CATEGORY) == with_five
    assert client.get(CATEGORY).content.decode().count('<details class="faq-item"') == 25


# A question


def test_question_shows_its_answer_review_date_and_category(client, question):
    response = client.get(question.url)
    html = response.content.decode()

    assert "<h1>¿Cuánto demora la respuesta a una solicitud?</h1>" in html
    assert "<p>20 días hábiles, prorrogables por <b>10</b> más.</p>" in html
    assert '<time datetime="2026-05-04">4 de mayo de 2026</time>' in html
    assert html.count(f'<a href="{CATEGORY}">') == 2  # in the breadcrumbs and after the answer
    data = json_ld(response)
    assert data["@type"] == "FAQPage" and data["lastReviewed"] == "2026-05-04"
    assert question_names(data) == ["¿Cuánto demora la respuesta a una solicitud?"]


def test_question_in_english_speaks_english(client, english_question):
    html = client.get(english_question.url).content.decode()

    assert "<p>20 working days, which may be extended by 10.</p>" in html
    assert 'Last reviewed: <time datetime="2026-05-04">May 4, 2026</time>' in html
    assert '<a href="/en/preguntas-frecuentes/transparencia/">More questions about Transparency</a>' in html
    assert "<legend>Was this answer useful?</legend>" in html


def test_a_draft_question_is_not_found(client, transparency):
    draft = add_question(transparency, "¿Borrador?", "borrador", live=False)

    assert client.get("/es/preguntas-frecuentes/transparencia/borrador/").status_code == 404
    assert draft.make_preview_request().status_code == 200  # editors still preview it


def test_editors_preview_a_new_question_before_it_is_saved(admin_client, transparency):
    url = reverse("wagtailadmin_pages:preview_on_add", args=("faq", "questionpage", transparency.pk))
    data = nested_form_data(
        {
            "title": "¿Pregunta nueva?",
            "slug": "nueva",
            "answer": rich_text("<p>Una respuesta en preparación.</p>"),
            "last_reviewed": "2026-11-20",
            "related_questions": streamfield([]),
            "links": streamfield([]),
        }
    )

    assert admin_client.post(url, data).json()["is_valid"]
    html = admin_client.get(url).content.decode()
    assert "<h1>¿Pregunta nueva?</h1>" in html and "Una respuesta en preparación.</p>" in html


def test_related_questions_are_the_published_ones_in_the_readers_language(client, transparency, english_question, question):
    where = add_question(transparency, "¿Dónde presento una solicitud?", "donde")
    translate(where, title="Where do I file a request?", answer="<p>Online.</p>")
    spanish_only = add_question(transparency, "¿Puedo pedir copias?", "copias")
    draft = add_question(transparency, "¿Borrador?", "borrador", live=False)
    related = [("question", page) for page in (where, spanish_only, draft)]
    for page in (question, english_question):
        page.related_questions = related
        publish(page)

    spanish = client.get(question.url).content.decode()
    english = client.get(english_question.url).content.decode()

    assert '<a href="/es/preguntas-frecuentes/transparencia/donde/">¿Dónde presento una solicitud?</a>' in spanish
    assert '<a href="/en/preguntas-frecuentes/transparencia/donde/">Where do I file a request?</a>' in english
    assert '<a href="/es/preguntas-frecuentes/transparencia/copias/">¿Puedo pedir copias?</a>' in english  # not translated yet
    assert "¿Borrador?" not in spanish and "¿Borrador?" not in english


REGULATION_TEXT = """\
REGLAMENTO DE COMPRAS (PRUEBA)

Artículo 1°.- Objeto. El presente reglamento regula las compras de la institución.

Artículo 2°.- Plazos. Toda solicitud se responde en 20 días hábiles.
"""


def test_see_also_lists_the_published_datasets_articles_and_notes(client, home_es, question):
    schema = DatasetSchema.objects.create(name="Prueba")
    dataset = Dataset.objects.create(
        name="Solicitudes", slug="solicitudes", category="d", schema=schema, reporting_since=datetime.date(2026, 1, 1)
    )
    transparency_index = publish(home_es.add_child(instance=TransparencyIndexPage(title="Transparencia Activa", slug="ta")))
    letter = publish(transparency_index.add_child(instance=TransparencyCategoryPage(title="Actos", slug="actos", letter="g")))
    dataset_page = publish(
        letter.add_child(instance=DatasetPage(title="Solicitudes recibidas", slug="solicitudes", dataset=dataset, description="Cada mes."))
    )
    regulation = Regulation.objects.create(name="Reglamento de compras (prueba)")
    version_actions.publish(version_actions.create_draft(regulation, REGULATION_TEXT, effective_from=datetime.date(2025, 1, 1)))
    regulations_index = publish(home_es.add_child(instance=RegulationIndexPage(title="Reglamentos", slug="reglamentos")))
    regulation_page = publish(
        regulations_index.add_child(instance=RegulationPage(title="Reglamento de compras", slug="compras", regulation=regulation))
    )
    notes_index = publish(home_es.add_child(instance=NotesIndexPage(title="Notas", slug="notas")))

    def note(title, slug, month, live=True):
        page = NotePage(
            title=title, slug=slug, edition_number=month, edition_month=datetime.date(2026, month, 1),
            summary="Resumen.", body=[("paragraph", "<p>Texto.</p>")], live=live,
        )
        notes_index.add_child(instance=page)
        return page

    published_note = publish(note("Nota de marzo", "marzo", 3))
    draft_note = note("Nota en borrador", "abril", 4, live=False)
    question.links = [
        ("dataset", dataset_page),
        ("regulation_article", {"regulation": regulation_page, "article": "art-2"}),
        ("note", draft_note),
        ("note", published_note),
    ]
    publish(question)

    html = client.get(question.url).content.decode()
    see_also = re.search(r'<ul class="faq-links">(.*?)</ul>', html, re.S).group(1)
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', see_also)

    assert links == [
        ("/es/ta/actos/solicitudes/", "Solicitudes recibidas"),
        ("/es/reglamentos/compras/art-2/", "Artículo 2°"),
        ("/es/notas/marzo/", "Nota de marzo"),
    ]
    assert "Reglamento de compras" in see_also
    assert client.get("/es/reglamentos/compras/art-2/").status_code == 302  # to the version in force today

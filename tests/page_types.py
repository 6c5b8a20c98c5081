"""Every kind of page a citizen can land on, in one language, found in the loaded demo content.

The HTML validity test, the axe-core checks and the screenshots all walk this one list, so a
page type added to the portal is added here once and checked everywhere.
"""

from datetime import date

from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from faq.models import FAQCategoryPage, FAQIndexPage, QuestionPage
from notes.models import NotePage, NotesIndexPage
from portal.models import HomePage, StandardPage
from regulations.models import Provision, RegulationIndexPage, RegulationPage
from transparency.models import DatasetPage, TransparencyCategoryPage, TransparencyIndexPage

PAGE_MODELS = {
    "home": HomePage,
    "standard": StandardPage,
    "transparency-index": TransparencyIndexPage,
    "transparency-category": TransparencyCategoryPage,
    "dataset": DatasetPage,
    "regulation-index": RegulationIndexPage,
    "regulation": RegulationPage,
    "notes-index": NotesIndexPage,
    "note": NotePage,
    "faq-index": FAQIndexPage,
    "faq-category": FAQCategoryPage,
    "question": QuestionPage,
}

PAGE_TYPES = [
    *PAGE_MODELS,
    "regulation-article",
    "regulation-compare-form",
    "regulation-comparison",
    "notes-year",
    "search-results",
    "api-guide",
    "not-found",
]


def page_type_paths(language):
    """{page type: path} for the demo content in `language` ("es" or "en")."""
    locale = Locale.objects.get(language_code=language)
    pages = {
        name: model.objects.live().filter(locale=locale).order_by("path").first()
        for name, model in PAGE_MODELS.items()
    }
    missing = [name for name, page in pages.items() if page is None]
    assert not missing, f"the demo content has no live {', '.join(missing)} page in {language}"
    paths = {name: page.url for name, page in pages.items()}

    regulation = pages["regulation"]
    in_force = regulation.regulation.in_force_on(date.today())
    article = in_force.provisions.filter(kind=Provision.Kind.ARTICLE).order_by("position", "pk").first()
    versions = regulation.regulation.versions.published().order_by("-effective_from")[:2]
    newer, older = (version.effective_from.isoformat() for version in versions)
    note = pages["note"]
    with translation.override(language):
        paths |= {
            "regulation-article": regulation.url + regulation.reverse_subpage(
                "provision", args=[in_force.effective_from.isoformat(), article.label]
            ),
            "regulation-compare-form": regulation.url + regulation.reverse_subpage("compare_form"),
            "regulation-comparison": regulation.url + regulation.reverse_subpage("comparison", args=[older, newer]),
            "notes-year": pages["notes-index"].url
            + pages["notes-index"].reverse_subpage("archive_year", args=[note.edition_month.year]),
            "search-results": reverse("search") + "?q=licitacion",
            "api-guide": reverse("api_guide"),
            "not-found": f"/{language}/{'no-existe' if language == 'es' else 'no-such-page'}/",
        }
    return paths

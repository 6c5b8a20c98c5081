"""Users in the groups the migration installs, and the pages each role works on."""

import pytest
from django.contrib.auth.models import Group

from editorial import roles
from portal.models import StandardPage
from regulations.models import RegulationIndexPage
from tests.conftest import in_english, publish
from transparency.models import TransparencyIndexPage


@pytest.fixture
def member(django_user_model):
    """member(role) → a new user (admin in English) in that role's group."""

    def make(role, username=None):
        user = django_user_model.objects.create_user(
            username=username or role.lower().replace(" ", "-"), password="password", email="x@senado.example"
        )
        user.groups.add(Group.objects.get(name=role))
        return in_english(user)

    return make


@pytest.fixture
def editor(member):
    return member(roles.EDITORS)


@pytest.fixture
def officer(member):
    return member(roles.OFFICERS)


@pytest.fixture
def reviewer(member):
    return member(roles.REVIEWERS)


@pytest.fixture
def translator(member):
    return member(roles.TRANSLATORS)


@pytest.fixture
def administrator(member):
    return member(roles.ADMINISTRATORS)


@pytest.fixture
def standard_pages(home_es, home_en):
    """A live Spanish standard page and its live English translation (from the demo)."""
    spanish = StandardPage.objects.get(locale=home_es.locale, slug="quienes-somos")
    return spanish, spanish.get_translation(home_en.locale).specific


@pytest.fixture
def section_pages(home_es, home_en):
    """Transparencia and Reglamentos index pages in both languages, created as an editor would."""
    pages = {}
    for home in (home_es, home_en):
        language = home.locale.language_code
        for page_class, slug in ((TransparencyIndexPage, "transparencia"), (RegulationIndexPage, "reglamentos")):
            page = page_class(title=f"{slug} {language}", slug=slug, locale=home.locale)
            home.add_child(instance=page)
            pages[slug, language] = publish(page)
    return pages

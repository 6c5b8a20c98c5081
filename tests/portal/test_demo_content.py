"""`load_demo_content` builds a bilingual site and a second run changes nothing."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision


def snapshot():
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "title", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "redirects": Redirect.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_demo_site_is_bilingual(demo_site):
    home = demo_site.root_page
    by_locale = {p.locale.language_code: p for p in Page.objects.filter(translation_key=home.translation_key)}
    assert set(by_locale) == {"es", "en"}
    spanish_pages = by_locale["es"].get_children().live()
    assert spanish_pages.count() >= 3
    for page in spanish_pages:
        english = page.get_translation_or_none(by_locale["en"].locale)
        assert english is not None and english.live, page.title


def test_second_run_changes_nothing(demo_site, settings):
    settings.DEBUG = True  # the demo admin too
    call_command("load_demo_content", stdout=io.StringIO())
    before = snapshot()

    out = io.StringIO()
    call_command("load_demo_content", stdout=out)

    assert snapshot() == before
    assert "0 items created" in out.getvalue()


def test_demo_admin_only_in_debug(demo_site, settings):
    settings.DEBUG = False
    call_command("load_demo_content", stdout=io.StringIO())
    assert not get_user_model().objects.filter(username="admin").exists()

    settings.DEBUG = True
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("portal-demo-2026")
    assert "password 'portal-demo-2026'" in out.getvalue()


def test_rerun_keeps_an_editors_changes_to_the_home(demo_site):
    home = demo_site.root_page.specific
    home.title = "Portada del Senado"
    home.intro = ""
    home.save_revision().publish()

    call_command("load_demo_content", without_admin=True, stdout=io.StringIO())

    home.refresh_from_db()
    assert home.title == "Portada del Senado"


def test_a_demo_page_shows_its_change_history(demo_site, client):
    for url, note in (
        ("/es/solicitar-informacion/", "Se agregó la prórroga de 10 días hábiles al plazo de respuesta."),
        ("/en/request-information/", "Added the 10-working-day extension to the response time."),
    ):
        page = client.get(url).content.decode()
        assert note in page and "<details" in page

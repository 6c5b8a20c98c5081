"""Replace Wagtail's "Welcome" page with a Spanish HomePage and create both locales.

Without this a fresh database would serve Wagtail's placeholder at /es/ and have no
English locale to translate into.
"""

import uuid

from django.db import migrations


def create_home_and_locales(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("portal.HomePage")

    spanish, _ = Locale.objects.get_or_create(language_code="es")
    Locale.objects.get_or_create(language_code="en")

    if HomePage.objects.exists():
        return
    root = Page.objects.get(depth=1)
    # Paths are treebeard's: 4 base-36 characters per level under the root "0001".
    last_child = Page.objects.filter(depth=2).order_by("-path").first()
    position = int(last_child.path[4:], 36) + 1 if last_child else 1
    home = HomePage.objects.create(
        title="Inicio",
        draft_title="Inicio",
        slug="inicio",
        content_type=ContentType.objects.get_for_model(HomePage),
        path=root.path + format_base36(position).rjust(4, "0"),
        depth=2,
        numchild=0,
        url_path="/inicio/",
        locale=spanish,
        translation_key=uuid.uuid4(),
        live=True,
    )
    # Point the site at the new home before removing the placeholder: Site.root_page
    # cascades, so deleting the placeholder first would delete the site (and its settings).
    site = Site.objects.filter(is_default_site=True).first()
    if site:
        site.root_page_id = home.pk
        site.save(update_fields=["root_page"])
    else:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    Page.objects.filter(
        content_type__app_label="wagtailcore", content_type__model="page", depth=2, slug="home"
    ).delete()
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])


def format_base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while True:
        number, remainder = divmod(number, 36)
        out = digits[remainder] + out
        if not number:
            return out


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_home_and_locales, migrations.RunPython.noop),
    ]

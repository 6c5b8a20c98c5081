"""Install the editorial roles (groups and their permissions) and the review workflow."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from editorial.roles import install_roles
from editorial.workflow import install_review_workflow


def install(apps, schema_editor):
    # On a new database Django creates permissions only after every migration has run.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    install_roles(apps)
    install_review_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_change_notes"),
        ("portal", "0004_public_change_notes"),
        ("transparency", "0003_publish_permission_and_change_notes"),
        ("regulations", "0002_public_change_notes"),
        ("notes", "0002_public_change_notes"),
        ("faq", "0002_public_change_notes"),
        ("search", "0001_initial"),
        ("wagtailadmin", "__latest__"),
        ("wagtailcore", "__latest__"),
        ("wagtailimages", "__latest__"),
        ("wagtaildocs", "__latest__"),
        ("wagtailsearchpromotions", "__latest__"),
        ("wagtail_localize", "__latest__"),
    ]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]

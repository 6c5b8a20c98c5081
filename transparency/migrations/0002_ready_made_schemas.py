"""The ready-made schemas of transparency/schemas.py: one or more for every art. 7 letter."""

from django.db import migrations


def install_ready_made_schemas(apps, schema_editor):
    from transparency import schemas

    schemas.install(apps.get_model("transparency", "DatasetSchema"), apps.get_model("transparency", "SchemaColumn"))


class Migration(migrations.Migration):
    dependencies = [
        ("transparency", "0001_initial"),
    ]

    operations = [
        # Reversing leaves the schemas: datasets may already use them (PROTECT), and they are harmless.
        migrations.RunPython(install_ready_made_schemas, migrations.RunPython.noop),
    ]

"""On PostgreSQL, a Spanish full-text configuration that also ignores accents.

The database search backend (the only one without Elasticsearch, and the fallback when it is
down) uses PostgreSQL's text search; its default configuration is English and keeps accents,
so "informacion" would not find "información". `portal_spanish` is Spanish stemming over
unaccented words. On other databases this migration does nothing.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'portal_spanish') THEN
        CREATE TEXT SEARCH CONFIGURATION portal_spanish (COPY = pg_catalog.spanish);
        ALTER TEXT SEARCH CONFIGURATION portal_spanish
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
    END IF;
END
$$;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_spanish;"


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP))]

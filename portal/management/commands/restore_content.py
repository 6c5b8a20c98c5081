"""Restore a backup made by backup_content: the database, then the uploaded media.

Everything is checked before anything changes: the manifest, each file's size and checksum, the
database engine and connector, that this release knows every migration the backed-up database
had, and that the media archive holds only plain files and directories that stay inside
MEDIA_ROOT. A backup failing a check is refused (exit status 1) and the site is left as it was.
On PostgreSQL pg_restore runs in one transaction, so a restore that fails midway changes nothing
either. Media files that are not in the backup are left in place: nothing restored refers to them.
"""

import json
import sqlite3
import tarfile
from contextlib import closing
from pathlib import Path

from dbbackup.db.base import get_connector
from dbbackup.db.exceptions import CommandConnectorError
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import gettext as _

from portal.cache import forget_cached_pages

from .backup_content import FORMAT, MANIFEST, sha256

DATABASE_SEARCH_BACKEND = "wagtail.search.backends.database"
REQUIRED = {"created", "engine", "connector", "migrations", "database", "media"}  # the manifest's keys


class Command(BaseCommand):
    @property
    def help(self):
        """Translated when the parser is built, in the active language."""
        return _(
            "Restore a backup made by backup_content: replace the database and put back the media "
            "files. The backup is checked first; a damaged or incomplete one is refused and nothing "
            "changes. Stop the web servers and the scheduler while it runs."
        )

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path, help=_("The backup directory made by backup_content."))
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive",
            help=_("Do not ask for confirmation."),
        )

    def handle(self, *args, source, interactive, **options):
        source = source.resolve()
        manifest = self._checked_manifest(source)
        connector = self._checked_connector(manifest)
        self._check_migrations(manifest)
        self._check_media_archive(source / manifest["media"]["file"])
        if connections[DEFAULT_DB_ALIAS].vendor == "sqlite":
            self._check_sqlite_file(source / manifest["database"]["file"])

        database_name = connections[DEFAULT_DB_ALIAS].settings_dict["NAME"]
        if interactive:
            answer = input(
                _(
                    "This replaces everything in the database %(database)s and the media files in "
                    "%(media)s with the backup made on %(created)s. Type 'yes' to continue: "
                )
                % {"database": database_name, "media": settings.MEDIA_ROOT, "created": manifest["created"]}
            )
            if answer != "yes":
                raise CommandError(_("Restore cancelled; nothing was changed."))

        connections.close_all()  # pg_restore drops tables: no open transaction of ours may hold a lock
        with open(source / manifest["database"]["file"], "rb") as dump:
            try:
                connector.restore_dump(dump)
            except CommandConnectorError as error:  # pg_restore, in one transaction: rolled back
                raise CommandError(
                    _("The database restore failed and was rolled back. Nothing was changed. %(error)s")
                    % {"error": error}
                ) from error
        with tarfile.open(source / manifest["media"]["file"]) as archive:
            archive.extractall(settings.MEDIA_ROOT, filter="data")
        forget_cached_pages()  # the restored rows came in without Django's signals

        self.stdout.write(
            self.style.SUCCESS(
                _("Restored the database and %(count)d media files from the backup made on %(created)s.")
                % {"count": manifest["media"]["count"], "created": manifest["created"]}
            )
        )
        for step in self._next_steps():
            self.stdout.write(step)

    def _checked_manifest(self, source):
        """The backup's manifest, once every file it lists is present and unaltered."""
        try:
            manifest = json.loads((source / MANIFEST).read_text())
            if manifest.get("format") != FORMAT:
                raise CommandError(
                    _("%(path)s was made by another version of backup_content (format %(format)s).")
                    % {"path": source, "format": manifest.get("format")}
                )
            if not REQUIRED <= manifest.keys() or "count" not in manifest["media"]:
                raise KeyError(MANIFEST)
            for entry in (manifest["database"], manifest["media"]):
                self._check_file(source, entry)
        except FileNotFoundError as error:
            raise CommandError(
                _("%(path)s is not a complete backup: %(file)s is missing. Nothing was changed.")
                % {"path": source, "file": Path(error.filename).name}
            ) from error
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise CommandError(
                _("%(path)s is not a backup made by backup_content: its %(file)s is unreadable. Nothing was changed.")
                % {"path": source, "file": MANIFEST}
            ) from error
        return manifest

    def _check_file(self, source, entry):
        path = source / entry["file"]
        if path.parent != source:  # a manifest naming a file outside the backup is not ours
            raise ValueError(entry["file"])
        with open(path, "rb") as stream:
            if path.stat().st_size != entry["size"] or sha256(stream) != entry["sha256"]:
                raise CommandError(
                    _("%(file)s in %(path)s is damaged: it does not match the backup's checksum. Nothing was changed.")
                    % {"file": path.name, "path": source}
                )

    def _checked_connector(self, manifest):
        """The connector that restores into this site's database, if it is the kind that made the backup."""
        engine = connections[DEFAULT_DB_ALIAS].settings_dict["ENGINE"]
        connector = get_connector(DEFAULT_DB_ALIAS)
        used = f"{type(connector).__module__}.{type(connector).__name__}"
        if manifest["engine"] != engine or manifest["connector"] != used:
            raise CommandError(
                _(
                    "The backup is of a %(backup)s database and this site uses %(engine)s: restore it into "
                    "the same kind of database. Nothing was changed."
                )
                % {"backup": manifest["engine"], "engine": engine}
            )
        return connector

    def _check_sqlite_file(self, path):
        """SQLite's restore copies the file over the database: it must be a sound database first."""
        try:
            with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as database:
                problems = [row[0] for row in database.execute("PRAGMA quick_check")]
        except sqlite3.DatabaseError as error:
            problems = [str(error)]
        if problems != ["ok"]:
            raise CommandError(
                _("%(file)s is not a sound SQLite database (%(problem)s). Nothing was changed.")
                % {"file": path.name, "problem": problems[0]}
            )

    def _check_migrations(self, manifest):
        """Refuse a database from a newer release: this code could not serve or migrate it."""
        known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
        unknown = sorted(f"{app}.{name}" for app, name in manifest["migrations"] if (app, name) not in known)
        if unknown:
            raise CommandError(
                _(
                    "The backup's database has migrations this release does not have (%(migrations)s): "
                    "restore it with the release that made it. Nothing was changed."
                )
                % {"migrations": ", ".join(unknown)}
            )

    def _check_media_archive(self, path):
        """Only plain files and directories, every one landing inside MEDIA_ROOT."""
        try:
            with tarfile.open(path) as archive:
                for member in archive:
                    if not (member.isfile() or member.isdir()):
                        raise tarfile.TarError(member.name)
                    tarfile.data_filter(member, str(settings.MEDIA_ROOT))
        except (tarfile.TarError, tarfile.FilterError) as error:
            raise CommandError(
                _("The media archive %(file)s holds something other than media files (%(error)s). Nothing was changed.")
                % {"file": path.name, "error": error}
            ) from error

    def _next_steps(self):
        """What the operator still has to run for the site to serve the restored content."""
        connection = connections[DEFAULT_DB_ALIAS]
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            yield _("The backup predates this release: run `manage.py migrate` now.")
        if any(backend["BACKEND"] != DATABASE_SEARCH_BACKEND for backend in settings.WAGTAILSEARCH_BACKENDS.values()):
            yield _("Run `manage.py update_index` so that search finds the restored content.")

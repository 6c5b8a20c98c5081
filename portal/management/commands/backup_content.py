"""Back up the content: the database and the uploaded media, in one directory restore_content checks.

The database is dumped by django-dbbackup's connector for the engine in use (pg_dump's custom
format on PostgreSQL, SQLite's online backup on a first run). The media go into a tar archive. A
manifest records every file's SHA-256, so a restore can refuse a truncated or altered backup
before it changes anything. The backup is written under a temporary name and renamed when
complete: an interrupted backup never looks like one.
"""

import datetime
import hashlib
import json
import shutil
import tarfile
import tempfile
from pathlib import Path

from dbbackup.db.base import get_connector
from dbbackup.db.exceptions import CommandConnectorError
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar"
FORMAT = 1  # restore_content refuses a manifest of another format
CHUNK = 1024 * 1024


def sha256(fileobj):
    """Hex SHA-256 of a file object read from its current position to the end."""
    digest = hashlib.sha256()
    for chunk in iter(lambda: fileobj.read(CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def file_entry(path):
    """The manifest's record of one backup file: its name, size and checksum."""
    with open(path, "rb") as stream:
        return {"file": path.name, "size": path.stat().st_size, "sha256": sha256(stream)}


def media_files(media_root):
    """Every file under MEDIA_ROOT, as POSIX paths relative to it, sorted."""
    if not media_root.is_dir():
        return []
    return sorted(path.relative_to(media_root).as_posix() for path in media_root.rglob("*") if path.is_file())


class Command(BaseCommand):
    @property
    def help(self):
        """Translated when the parser is built, in the active language."""
        return _(
            "Back up the database and the uploaded media (MEDIA_ROOT) into a new directory, with a "
            "manifest of checksums. restore_content puts them back."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--to", dest="target", required=True, type=Path,
            help=_("Directory to create for the backup; it must not exist yet."),
        )

    def handle(self, *args, target, **options):
        target = target.resolve()
        if target.exists():
            raise CommandError(_("%(path)s already exists: back up into a new directory.") % {"path": target})
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=target.parent))
        try:
            manifest = self._write_backup(partial)
            (partial / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
            partial.rename(target)
        finally:
            shutil.rmtree(partial, ignore_errors=True)
        self.stdout.write(
            self.style.SUCCESS(
                _("Backed up the database and %(count)d media files to %(path)s.")
                % {"count": manifest["media"]["count"], "path": target}
            )
        )

    def _write_backup(self, directory):
        """Dump the database, then archive the media; return the manifest describing both.

        Database first: an upload stores its file before its row, so every file the dump refers
        to already exists when the media are archived.
        """
        connection = connections[DEFAULT_DB_ALIAS]
        connector = get_connector(DEFAULT_DB_ALIAS)
        database = directory / f"database.{connector.extension}"
        try:
            dump = connector.create_dump()
        except CommandConnectorError as error:
            raise CommandError(_("The database dump failed: %(error)s") % {"error": error}) from error
        with open(database, "wb") as stream:
            shutil.copyfileobj(dump, stream)
        migrations = sorted(MigrationRecorder(connection).applied_migrations())

        media_root = Path(settings.MEDIA_ROOT)
        names = media_files(media_root)
        with tarfile.open(directory / MEDIA_ARCHIVE, "w", format=tarfile.PAX_FORMAT) as archive:
            for name in names:
                archive.add(media_root / name, arcname=name, recursive=False)
        return {
            "format": FORMAT,
            "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "engine": connection.settings_dict["ENGINE"],
            "connector": f"{type(connector).__module__}.{type(connector).__name__}",
            "migrations": [list(key) for key in migrations],
            "database": file_entry(database),
            "media": {**file_entry(directory / MEDIA_ARCHIVE), "count": len(names)},
        }

"""backup_content and restore_content, run as an operator runs them, on a SQLite file (a first run)
and on a PostgreSQL cluster of the test's own (production, CI): a restore brings back the same
published pages (addresses, titles, rendered HTML) and the same media bytes after pages and files
were lost, and a damaged or incomplete backup is refused without changing anything."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
PG_PORT = "5435"  # a cluster of this module's own: 5433 and 5434 belong to other runs
pytestmark = pytest.mark.slow

# What a reader sees: every published page's address and title, the pages at the addresses in
# RENDER rendered (per-request tokens blanked), and every media file's checksum.
SNAPSHOT = r"""
import hashlib, json, re
from pathlib import Path
from django.conf import settings
from django.test import Client
from wagtail.models import Page

pages = {page.get_url(): page.title for page in Page.objects.live().public().specific() if page.get_url()}
client = Client()
volatile = re.compile(r'(csrfmiddlewaretoken" value="|nonce=")[^"]*')
# A note's tags are listed in no defined order (note.tags.all): on PostgreSQL the order rows are
# stored in, which a restore changes. Each list is compared sorted.
tag_list = re.compile(r'(?:[^\n]*rel="tag"[^\n]*\n)+')
rendered = {}
for url in RENDER:
    response = client.get(url)
    html = volatile.sub(r"\1", response.content.decode())
    rendered[url] = [response.status_code, tag_list.sub(lambda run: "".join(sorted(run[0].splitlines(True))), html)]
root = Path(settings.MEDIA_ROOT)
media = {
    path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
    for path in sorted(root.rglob("*")) if path.is_file()
}
print(json.dumps({"pages": pages, "rendered": rendered, "media": media}))
"""

# Pages rendered in full: the homes, a regulation with its official PDFs, notes with their images.
RENDER = [
    "/es/", "/en/", "/es/reglamentos/", "/es/reglamentos/reglamento-de-compras/", "/en/about-us/",
    "/es/notas/", "/es/notas/plataforma-de-participacion-digital/", "/en/notes/", "/es/preguntas-frecuentes/",
]

INSTALL = """
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
call_command("load_demo_content", without_admin=True, without_transparency=True)
"""

# Content lost after the backup: a whole section in Spanish, one page in English, an official PDF
# deleted and an image overwritten. Repeatable: each test damages the site it finds.
DAMAGE = r"""
from pathlib import Path
from django.conf import settings
from wagtail.models import Page

for page in Page.objects.filter(url_path__in=["/inicio/reglamentos/", "/home/about-us/"]):
    page.delete()
root = Path(settings.MEDIA_ROOT)
(root / "documents/reglamento-v1.pdf").unlink(missing_ok=True)
(root / "original_images/nota-bars.png").write_bytes(b"not an image any more")
"""


class Site:
    """A portal installation of the test's own, driven through manage.py in subprocesses."""

    def __init__(self, database_url, directory):
        self.media = directory / "media"
        self.backup = directory / "backup"
        self.published = None  # what readers saw when the backup was made
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DATABASE_URL", "ELASTICSEARCH_URL", "DJANGO_SETTINGS_MODULE", "MEDIA_ROOT"}
        }
        self.env.update(
            DJANGO_SETTINGS_MODULE="portal.settings.dev",
            DATABASE_URL=database_url,
            MEDIA_ROOT=str(self.media),
            CACHE_URL=f"file://{directory / 'cache'}",  # pages are kept, as in production, but not in the checkout's cache
            ALLOWED_HOSTS="testserver",
            LOG_LEVEL="WARNING",
        )

    def manage(self, *args, check=True):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_DIR, env=self.env, capture_output=True, text=True, timeout=300,
        )
        if check and result.returncode:
            pytest.fail(f"manage.py {args[0]} exited with {result.returncode}:\n{result.stdout}\n{result.stderr}")
        return result

    def snapshot(self, render, before=""):
        """What readers see, after running the code `before` (in the same process, to save a start)."""
        code = f"{before}\nRENDER = {sorted(render)!r}\n{SNAPSHOT}"
        return json.loads(self.manage("shell", "--no-imports", "-c", code).stdout)


def postgres_url(request):
    """A fresh cluster from scripts/postgres.sh (which installs PostgreSQL if missing), stopped afterwards."""
    script = [str(PROJECT_DIR / "scripts/postgres.sh")]
    env = {**os.environ, "PG_PORT": PG_PORT}
    subprocess.run([*script, "stop"], env=env, check=True, capture_output=True)  # a cluster left by a killed run
    request.addfinalizer(lambda: subprocess.run([*script, "stop"], env=env, check=False, capture_output=True))
    started = subprocess.run([*script, "start"], env=env, capture_output=True, text=True)
    if started.returncode:
        pytest.fail(f"scripts/postgres.sh start failed:\n{started.stderr}")
    return started.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def site(request, tmp_path_factory):
    """Migrated, with the demo content, and backed up: once per database for the module's tests."""
    directory = tmp_path_factory.mktemp(request.param)
    if request.param == "sqlite":
        url = f"sqlite:///{directory / 'portal.sqlite3'}"
    else:
        url = postgres_url(request)
    site = Site(url, directory)
    site.manage("shell", "--no-imports", "-c", INSTALL)
    site.published = site.snapshot(RENDER)
    site.manage("backup_content", "--to", str(site.backup))
    return site


def test_restore_brings_back_the_same_published_pages_and_media(site):
    published = site.published
    assert {"/es/reglamentos/", "/en/about-us/"} <= published["pages"].keys()
    assert published["rendered"]["/es/reglamentos/reglamento-de-compras/"][0] == 200
    assert any(name.endswith(".pdf") for name in published["media"])

    damaged = site.snapshot(RENDER, before=DAMAGE)  # readers saw the damage: the page cache holds it
    assert "/es/reglamentos/" not in damaged["pages"] and "/en/about-us/" not in damaged["pages"]
    assert len(damaged["pages"]) < len(published["pages"]) - 2  # the section's pages went with it
    assert damaged["media"] != published["media"]

    restored = site.manage("restore_content", str(site.backup), "--noinput")
    assert "Se restauraron la base de datos y" in restored.stdout  # commands speak the site's language, Spanish
    after = site.snapshot(RENDER)
    assert after["pages"] == published["pages"]
    assert after["rendered"] == published["rendered"]
    assert after["media"] == published["media"]


def test_a_damaged_or_incomplete_backup_is_refused_and_changes_nothing(site):
    before = site.snapshot(RENDER, before=DAMAGE)  # so that a restore that went ahead would show
    assert before["pages"] != site.published["pages"]

    truncated = damaged_copy(site.backup, "truncated")
    truncate(next(truncated.glob("database.*")))
    incomplete = damaged_copy(site.backup, "incomplete")
    (incomplete / "manifest.json").unlink()  # what an interrupted copy of a backup leaves
    # A dump broken when it was made: the manifest vouches for it, the database refuses it.
    broken = damaged_copy(site.backup, "broken")
    database = next(broken.glob("database.*"))
    truncate(database)
    manifest = json.loads((broken / "manifest.json").read_text())
    manifest["database"].update(size=database.stat().st_size, sha256=hashlib.sha256(database.read_bytes()).hexdigest())
    (broken / "manifest.json").write_text(json.dumps(manifest))

    for damaged, message in [
        (truncated, "no coincide con la suma de verificación del respaldo"),
        (incomplete, "no es un respaldo completo: falta manifest.json"),
        (broken, "no es una base de datos SQLite íntegra" if "sqlite" in site.env["DATABASE_URL"] else "se revirtió"),
    ]:
        result = site.manage("restore_content", str(damaged), "--noinput", check=False)
        assert result.returncode == 1, result.stdout
        assert message in result.stderr and "No se cambió nada." in result.stderr, result.stderr
    assert site.snapshot(RENDER) == before


def damaged_copy(backup, name):
    copy = backup.with_name(f"{backup.name}-{name}")
    shutil.copytree(backup, copy)
    return copy


def truncate(path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])

import io
import socket
import subprocess
import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.users.models import UserProfile


@pytest.fixture(scope="session", autouse=True)
def compiled_messages():
    """Interface translations compiled, so plain `pytest` works on a fresh clone too."""
    call_command("compilemessages", ignore_patterns=[".venv"], verbosity=0)


@pytest.fixture(scope="session", autouse=True)
def drop_test_search_indices():
    """Every published test page is indexed; remove this run's indices at the end."""
    yield
    if settings.ELASTICSEARCH_URL:
        backend = get_search_backend()
        backend.es.indices.delete(index=f"{backend.index_prefix}*", ignore_unavailable=True)


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached pages and rate-limit counts stay with the test that made them."""
    yield
    cache.clear()


DEMO_SECTIONS = ("transparency", "regulations", "notes", "faq")


def load_demo(*sections):
    """Run `load_demo_content` as `make run` does, but without the demo admin and with only the
    named sections (each takes seconds); return what it printed."""
    out = io.StringIO()
    left_out = {f"without_{section}": True for section in DEMO_SECTIONS if section not in sections}
    call_command("load_demo_content", without_admin=True, stdout=out, **left_out)
    return out.getvalue()


@pytest.fixture
def demo_site(db):
    """The bilingual demo site without its sections (see `transparency_demo_site` and
    `notes_faq_demo_site`; the other sections' tests load their own)."""
    load_demo()
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def transparency_demo_site(db):
    load_demo("transparency")
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def notes_faq_demo_site(db):
    """The demo with its Notes and FAQ sections (answers link only to notes: the Transparencia Activa
    and Reglamentos sections are left out)."""
    load_demo("notes", "faq")
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def home_es(demo_site):
    return demo_site.root_page.specific


@pytest.fixture
def home_en(home_es, english):
    return home_es.get_translation(english).specific


def publish(page):
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def commit():
    """What the end of a real transaction does: run the callbacks left for the commit (the test's
    own transaction is rolled back, never committed)."""
    connection = transaction.get_connection()
    callbacks, connection.run_on_commit = connection.run_on_commit, []
    for _savepoints, callback, _robust in callbacks:
        callback()


def free_port():
    """A loopback TCP port nobody listens on, for servers the tests start."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """Debian's redis-server on a loopback port of its own, keeping nothing on disk (scripts/test.sh
    installs it): the shared cache as production runs it."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as connection:
                    connection.sendall(b"PING\r\n")
                    if connection.recv(16) == b"+PONG\r\n":
                        return self
            except OSError:
                pass
            assert time.monotonic() < deadline and self.process.poll() is None, "redis-server did not start"
            time.sleep(0.05)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture(scope="session")
def redis_server():
    server = RedisServer().start()
    yield server
    server.stop()


def in_english(user):
    """The admin in English, so assertions read the messages' msgids whatever the catalogues say."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def admin_user_with(django_user_model, username, *permissions):
    """An admin user (in English) whose group has exactly these permissions ("app_label.codename")."""
    group = Group.objects.create(name=f"{username} group")
    for permission in ("wagtailadmin.access_admin", *permissions):
        app_label, codename = permission.split(".")
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    user = django_user_model.objects.create_user(username=username, password="password")
    user.groups.add(group)
    return in_english(user)

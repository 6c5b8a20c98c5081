"""Redis, the shared cache, stopped or hung while readers come: pages and the API are answered
uncached, never with an error; the rate limit lets requests through; an editor can publish; and
caching resumes when Redis is back, without restarting anything."""

import os
import signal
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.settings.base import shared_cache
from tests.conftest import RedisServer, commit
from tests.notes.conftest import add_note, data_unit, digital_government, month, notes, notes_index  # noqa: F401

# The home page, a section, the API and a feed: each kind of answer the page cache keeps.
PATHS = ("/es/", "/es/notas/", "/api/v1/content?type=note", "/api/v1/feeds/es/notes.atom")


@pytest.fixture
def redis_cache(settings):
    """A Redis of this test's own as the shared cache, as production configures it, page cache on."""
    server = RedisServer().start()
    settings.PAGE_CACHE = True
    settings.CACHES = {"default": shared_cache(server.url)}
    yield server
    if server.process.poll() is None:
        os.kill(server.process.pid, signal.SIGCONT)
        server.stop()


def read(client, path):
    """The answer and how many queries it took (0: from the cache)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response, len(queries)


def test_readers_get_uncached_pages_while_redis_is_stopped_and_cached_ones_once_it_is_back(
    client, redis_cache, notes_index, notes
):
    for path in PATHS:
        read(client, path)
        _, queries = read(client, path)
        assert queries == 0, f"{path} was not kept in Redis"

    redis_cache.stop()
    for path in PATHS:
        for _ in range(3):
            _, queries = read(client, path)
            assert queries > 0, f"{path} cannot have come from a stopped Redis"
    assert "Balance de 2025" in client.get("/es/notas/").content.decode()

    # An editor publishes during the outage: nothing fails, and readers see the note at once.
    add_note(notes_index, 99, month(2026, 12), "Ciudadanía digital")
    commit()
    for path in PATHS:
        assert "/ciudadania-digital/" in client.get(path).content.decode(), path

    redis_cache.start()
    for path in PATHS:
        rendered, _ = read(client, path)
        again, queries = read(client, path)
        assert queries == 0, f"{path} is not kept again after Redis came back"
        assert again.content == rendered.content and "/ciudadania-digital/" in again.content.decode()


def test_a_hung_redis_slows_readers_down_but_never_holds_them(client, redis_cache, notes):
    read(client, "/es/notas/")
    os.kill(redis_cache.process.pid, signal.SIGSTOP)  # accepts connections, never answers
    started = time.monotonic()
    response, queries = read(client, "/es/notas/")
    assert queries > 0 and "Balance de 2025" in response.content.decode()
    # Measured 8 s: an uncached page makes about 16 cache reads and writes, each given up after
    # SOCKET_TIMEOUT (0.5 s). Without that timeout the request would wait as long as Redis hangs.
    assert time.monotonic() - started < 20

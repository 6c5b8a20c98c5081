"""pytest: fast password hashing, a search index prefix of its own per run, in-memory mail, throwaway media."""

import tempfile
import uuid
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-secret-key-not-for-production"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# Uploaded documents (official PDFs) go to a directory of this run, not the project's media/.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-media-"))
if ELASTICSEARCH_URL:  # noqa: F405
    # Unique per run, so two runs against one server never touch each other's indices.
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = f"test_portal_{uuid.uuid4().hex[:8]}_"  # noqa: F405
# Each test process its own cache, emptied between tests (tests/conftest.py). The page cache is
# off except in the tests about it (tests/portal/test_page_cache.py): other tests change rows
# inside a transaction that never commits, and the cache forgets pages on commit.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PAGE_CACHE = False

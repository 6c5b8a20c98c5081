"""Rendered pages and API answers kept in the shared cache, and forgotten the moment content changes.

Django's two cache middlewares do the keeping: an anonymous reader's 200 that any cache may keep
(`public`, see portal/middleware.py) is stored for its max-age, keyed by URL, language and the
headers it varies on. What they cannot know is when a page shows something an editor just changed:
a note is also on the notes listing, the home page, the feeds and the API. Rather than track every
place an item appears, every cached key carries the *content generation*, a token in the shared
cache that any published change replaces (`content_changed`). The next request after a publish,
unpublish, move or deletion, or a change to the data pages show (datasets, regulations, settings,
images…), misses and renders afresh, on every worker and machine sharing the cache. Stored answers
of older generations are never read again and expire with their max-age.

A CDN in front (wagtail.contrib.frontend_cache, configured by FRONTEND_CACHE_URL) is told to purge
the changed page and the listings above it (`purge_listings_from_frontend_cache`).
"""

import contextvars
import uuid

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "portal:content-generation"

# Models whose rows appear on public pages or in the API, besides the pages themselves. Readers'
# own writes (FAQ feedback, search statistics) and image renditions (made while rendering) are not
# content changes.
CONTENT_MODELS = (
    "portal.SiteSettings",
    "transparency.TransparencySettings",
    "transparency.DatasetSchema",
    "transparency.SchemaColumn",
    "transparency.Dataset",
    "transparency.Snapshot",
    "regulations.Regulation",
    "regulations.Version",
    "regulations.Provision",
    "notes.Team",
    "editorial.ChangeNote",
    "taggit.Tag",
    "wagtailcore.Locale",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtailredirects.Redirect",
    "wagtailimages.Image",
    "wagtaildocs.Document",
)


def page_cache():
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


def content_generation():
    return page_cache().get_or_set(GENERATION_KEY, lambda: uuid.uuid4().hex, timeout=None)


def forget_cached_pages():
    """Start a new content generation: every stored page and API answer is of the past."""
    page_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def content_changed(**kwargs):
    """Start a new content generation once the change is committed: earlier, a reader's request
    could render the old content again and store it under the new generation. Once per
    transaction, however many rows it touches (an import saves hundreds)."""
    connection = transaction.get_connection()
    if not any(callback is forget_cached_pages for _, callback, _ in connection.run_on_commit):
        transaction.on_commit(forget_cached_pages)


# The generation the current request started with: read from the cache once per request (a hit
# costs three reads in all: this, the stored headers, the page).
_request_generation = contextvars.ContextVar("content_generation", default=None)


class ContentGenerationKeyMixin:
    """The cache middlewares' key prefix, with the request's content generation in it."""

    @property
    def key_prefix(self):
        return f"{self._base_key_prefix}:{_request_generation.get()}"

    @key_prefix.setter
    def key_prefix(self, value):
        self._base_key_prefix = value


class UpdatePageCacheMiddleware(ContentGenerationKeyMixin, UpdateCacheMiddleware):
    """Stores what FetchPageCacheMiddleware missed, unless the content changed while it rendered
    (it would be stored under the new generation with the old content)."""

    def _should_update_cache(self, request, response):
        return (
            super()._should_update_cache(request, response)
            and request.content_generation == content_generation()
        )


class FetchPageCacheMiddleware(ContentGenerationKeyMixin, FetchFromCacheMiddleware):
    """Answers anonymous readers from the cache, before the middlewares that only matter to a page
    being rendered (authentication, messages, CSRF, redirects). Whoever has a session (a signed-in
    editor: the userbar) or a message waiting (thanks for feedback) always gets a fresh page."""

    def process_request(self, request):
        personal = settings.SESSION_COOKIE_NAME in request.COOKIES or CookieStorage.cookie_name in request.COOKIES
        if not settings.PAGE_CACHE or personal:
            request._cache_update_cache = False
            return None
        request.content_generation = content_generation()
        _request_generation.set(request.content_generation)
        return super().process_request(request)


def purge_listings_from_frontend_cache(instance, **kwargs):
    """Wagtail's frontend_cache purges a published or unpublished page from the CDN; the listings
    above it (its section, the home page) show it too."""
    batch = PurgeBatch()
    batch.add_pages(instance.get_ancestors().live().filter(depth__gt=1).specific(defer=True))
    batch.purge()


def connect_signals():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"portal.cache.{signal}")
    for signal in (page_published, page_unpublished):
        signal.connect(purge_listings_from_frontend_cache, dispatch_uid=f"portal.cache.purge.{signal}")
    post_delete.connect(content_changed, sender=Page, dispatch_uid="portal.cache.page_deleted")
    for label in CONTENT_MODELS:
        model = apps.get_model(label)
        post_save.connect(content_changed, sender=model, dispatch_uid=f"portal.cache.saved.{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"portal.cache.deleted.{label}")

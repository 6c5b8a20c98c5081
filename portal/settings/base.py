"""Settings shared by every environment; each value that differs comes from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import django_cache_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

PORTAL_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PORTAL_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "transparency",
    "regulations",
    "notes",
    "faq",
    "search",
    "editorial",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales with translation-aware views
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_ratelimit",  # the FAQ feedback and API limits; installed for its system checks
    "ninja",  # the API's browsable docs use its bundled Swagger UI, not a CDN
    "corsheaders",
    "csp",  # Content-Security-Policy; installed for its system checks of the settings' format
    "axes",  # locks out repeated failed sign-ins (admin brute force); its models record the attempts
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.security.PortalCSPMiddleware",  # CONTENT_SECURITY_POLICY; ADMIN_CONTENT_SECURITY_POLICY under /admin/
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files: compressed ahead of time
    # Anonymous readers' pages and API answers from the shared cache (portal/cache.py): stores the
    # finished response, so it sits above everything that adds to Vary (gzip, sessions, locale).
    "portal.cache.UpdatePageCacheMiddleware",
    # Pages and the API, gzipped for clients that accept it (HTML is most of a page's weight;
    # Django pads the body against BREACH). Outside ConditionalGet: its ETags stay valid, as weak ETags.
    "django.middleware.gzip.GZipMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # ETag from the body and 304 for If-None-Match / If-Modified-Since, on pages and the API
    "django.middleware.http.ConditionalGetMiddleware",
    # A 503 while the database is not answering, also when a middleware below queried (sessions, auth,
    # the page cache): outside all those, inside the ones above, which never query.
    "portal.middleware.DatabaseUnavailableMiddleware",
    "portal.middleware.PageCacheControlMiddleware",  # inside ConditionalGet: its 304s keep these headers
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.api.middleware.PortalLocaleMiddleware",
    "portal.api.middleware.ApiHttpMiddleware",  # after the locale: its 429 speaks the client's language
    # Cached answers for anonymous readers; below the API's rate limit, above what only rendering needs.
    "portal.cache.FetchPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires: turns a lockout into its page
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PORTAL_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite file for a first run; PostgreSQL (production, CI) through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes first: it refuses a locked-out sign-in before any password is checked (AXES_* below).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Languages: Spanish is the default; every URL carries its language (/es/…, /en/…).
LANGUAGE_CODE = "es"
LANGUAGES = [
    ("es", _("Spanish")),
    ("en", _("English")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A new translation starts as a draft, even of a live page: it is published after review.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Santiago"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["portal.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Backups (manage.py backup_content / restore_content): django-dbbackup's connectors dump and
# restore the database; on PostgreSQL a restore may connect as another role than the backup's owner.
DBBACKUP_CONNECTORS = {"default": {"PG_OPTIONS": "--no-owner"}}

# Search: Wagtail's database backend unless an Elasticsearch 8 server is configured.
# No SEARCH_CONFIG on PostgreSQL: a Spanish one made multi-word searches take seconds (a bad
# query plan) and broke English stemming; see docs/benchmarks.md, 2026-11-23.
DATABASE_SEARCH = {"BACKEND": "wagtail.search.backends.database"}
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends",  # Wagtail's elasticsearch8 with es/en analysis
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "portal_"),
            "TIMEOUT": int(os.environ.get("ELASTICSEARCH_TIMEOUT", "5")),
        },
        # Kept current beside Elasticsearch, so search still answers while it is down.
        "fallback": DATABASE_SEARCH,
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH}

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Portal de información pública")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Uploads: only these types, up to these sizes (the admin refuses others with a message). No SVG
# image and no HTML document: both can carry scripts that would run on the portal's address.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "json", "odt", "ods", "pdf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents are served with these types whatever the server's mimetypes table says, with nosniff and
# Wagtail's "default-src 'none'" policy; only PDFs open in the browser, the rest download.
WAGTAILDOCS_CONTENT_TYPES = {
    "csv": "text/csv",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "json": "application/json",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "pdf": "application/pdf",
    "txt": "text/plain",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "filters": {"once_per_interval": {"()": "search.logging.OncePerInterval", "seconds": 300}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Our search logs an outage once; the client would log every retry of every request.
        "elastic_transport": {"level": "ERROR"},
        # Wagtail logs each page it could not index: once per outage is enough.
        "modelsearch.index": {"filters": ["once_per_interval"]},
        "django_tasks": {"level": "WARNING"},  # one line per index update otherwise
        "axes": {"level": "WARNING"},  # failed sign-ins and lockouts; not every success, nor its banner
    },
}

# Readers' "was this answer useful?" (faq/views.py): each client address may post this many
# times per period (django-ratelimit's "count/period", e.g. "10/h"); more is answered with 429.
FAQ_FEEDBACK_RATE = os.environ.get("FAQ_FEEDBACK_RATE", "10/h")
# Behind a reverse proxy every request comes from the proxy's address: name the request.META key
# of the header in which the proxy puts the client's single address (e.g. HTTP_X_REAL_IP), or
# every reader shares one allowance. Unset: the connection's address (REMOTE_ADDR).
RATELIMIT_IP_META_KEY = os.environ.get("RATELIMIT_IP_META_KEY") or None
# The cache every process shares (django-cache-url's CACHE_URL): rendered pages and API answers
# (portal/cache.py) and the rate limits' counters. Production: redis://host:6379/0. The default, a
# directory of files, is shared by the gunicorn workers of one machine; django-ratelimit's checks
# E003 and W001 object to files (increments not atomic, so a client may slip a few requests over
# a limit), harmless here.


def shared_cache(url):
    """CACHE_URL's cache. Redis through django-redis, which keeps one client per process (Django's
    own backend builds one for every read: a quarter of a cached page's time) and, while Redis is
    away, lets every read miss and every write drop within a second, so that the portal serves
    uncached pages instead of errors (tests/faults/test_redis_outage.py)."""
    cache = django_cache_url.parse(url)
    if cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        cache["BACKEND"] = "django_redis.cache.RedisCache"
        cache.setdefault("OPTIONS", {}).update(IGNORE_EXCEPTIONS=True, SOCKET_CONNECT_TIMEOUT=1, SOCKET_TIMEOUT=0.5)
    return cache


CACHES = {"default": shared_cache(os.environ.get("CACHE_URL", f"file://{BASE_DIR / '.cache' / 'django'}?max_entries=20000"))}
# Redis errors the cache let pass go to the log (logger django_redis.cache), so an outage is seen.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# Without the cache the rate limits cannot count: let requests through rather than refuse them all.
RATELIMIT_FAIL_OPEN = True
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

# Pages: how long browsers and shared caches may keep what anonymous readers see (portal/middleware.py).
PAGE_MAX_AGE = int(os.environ.get("PAGE_MAX_AGE", "60"))
# The server keeps each page and API answer as long (PAGE_CACHE=0 turns it off), and forgets them
# all when content changes (portal/cache.py).
PAGE_CACHE = env_bool("PAGE_CACHE", True)
CACHE_MIDDLEWARE_ALIAS = "default"
CACHE_MIDDLEWARE_KEY_PREFIX = "pages"
CACHE_MIDDLEWARE_SECONDS = PAGE_MAX_AGE
# A CDN or caching proxy in front: wagtail.contrib.frontend_cache sends it PURGE requests for a
# changed page and its listings. FRONTEND_CACHE_URL is where it listens (e.g. http://varnish:80).
if os.environ.get("FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_URL"],
        }
    }

# The public API (/api/v1/, portal/api/): readable from any web page (CORS for GET), cached by
# browsers and proxies for API_MAX_AGE seconds, and API_RATE requests per client address
# (django-ratelimit's "count/period") before 429 with Retry-After.
API_MAX_AGE = int(os.environ.get("API_MAX_AGE", "60"))
API_RATE = os.environ.get("API_RATE", "600/m")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Link", "X-Total-Count", "Retry-After"]

# Content-Security-Policy (django-csp 4, portal/security.py): public pages load scripts, styles
# and images from the portal only (images also as data: URIs, which the CSS uses) and cannot be
# framed; tests/browser fail on any violation. CSP_FRAME_SRC: the origins whose frames the
# "Embedded media" block may show, comma-separated; by default the videos its help text offers
# (YouTube, Vimeo). Posts that need their site's scripts show only their link.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "frame-src": [SELF, *env_list("CSP_FRAME_SRC", "https://www.youtube.com,https://player.vimeo.com")],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
# Wagtail's admin (/admin/, wagtail-localize's editor included) still has inline scripts (date
# pickers, inline panels, the translation editor's data) and style attributes, and shows the page
# preview in a frame of its own: it gets the same policy with inline code allowed and framing by
# itself. Everything else (object-src, base-uri, form-action, where scripts load from) still holds.
# Previews of public pages keep the public policy, framed by the admin only (portal/security.py).
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": CONTENT_SECURITY_POLICY["DIRECTIVES"]
    | {
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],  # thumbnails of images being uploaded
        "frame-ancestors": [SELF],
    }
}
# The admin asks no third party: no Gravatar pictures (each would tell gravatar.com an editor's
# address hash) and no check of releases.wagtail.org (pip-audit in the tests watches for updates).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# django-axes: AXES_FAILURE_LIMIT wrong passwords for one username from one address lock that
# pair out for AXES_COOLOFF_MINUTES (another user, or the same user elsewhere, is unaffected);
# a successful sign-in before that clears the count. The client address is the rate limits' own
# (RATELIMIT_IP_META_KEY behind a proxy).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "portal.security.sign_in_client_address"
AXES_LOCKOUT_TEMPLATE = "portal/lockout.html"

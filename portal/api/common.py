"""What every endpoint of the public API shares: its error body, the pages it may show, absolute
URLs, Last-Modified, and the keyset pagination of long lists.

Endpoints raise `ninja.errors.HttpError(status, message)` (or Django's Http404) and return
schemas; `portal.api.urls` turns errors into `{"error": …, "detail": …}` and the HTTP middleware
(`portal.api.middleware`) adds caching, conditional-GET and rate-limit behaviour to every GET.
"""

import base64
import binascii
import datetime
import json
import re
from typing import Annotated
from urllib.parse import urlencode

from django.db.models import Q
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.http import http_date
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import HttpError
from pydantic import BeforeValidator
from wagtail.models import Page, PageLogEntry


class ErrorOut(Schema):
    error: str  # a stable code: bad_request, not_found, too_many_requests
    detail: str  # a sentence for people, in the language of the request's Accept-Language


ERRORS = {400: ErrorOut, 404: ErrorOut, 429: ErrorOut}
"""Responses every operation documents besides its 200."""

ERROR_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 429: "too_many_requests"}


def error_response(status, detail):
    """The API's error body, for errors answered outside django-ninja's operations (feeds, unknown addresses)."""
    return JsonResponse({"error": ERROR_CODES.get(status, "error"), "detail": str(detail)}, status=status)


def public_pages(model=Page):
    """Live pages anyone may see, without wagtail-localize's aliases of untranslated pages (they
    copy the original, which the API lists once, in its own language), nor live pages never
    published through Wagtail (a home created by a migration has no publication dates)."""
    return model.objects.live().public().filter(
        alias_of__isnull=True, first_published_at__isnull=False, last_published_at__isnull=False
    )


def absolute(request, path_or_url):
    return request.build_absolute_uri(path_or_url) if path_or_url else None


PUBLIC_ACTIONS = {
    "wagtail.publish": "published",
    "wagtail.publish.scheduled": "published",
    "wagtail.unpublish": "unpublished",
    "wagtail.unpublish.scheduled": "unpublished",
    "wagtail.view_restriction.create": "unpublished",
    "wagtail.view_restriction.delete": "published",
    "wagtail.delete": "deleted",
    "wagtail.move": "moved",
    "wagtail.rename": "published",
}
"""Wagtail's log actions that change what the API shows, as /changes names them."""


def latest_public_change():
    """When any page last changed for the public (published, withdrawn, deleted, moved): one indexed query."""
    latest = PageLogEntry.objects.filter(action__in=PUBLIC_ACTIONS).order_by("-timestamp").values_list("timestamp", flat=True)
    return latest.first()


def set_last_modified(response: HttpResponse, *moments):
    """Last-Modified, for If-Modified-Since (the ETag, a hash of the body, comes from middleware).

    Never earlier than the site's latest public change nor than the start of today: an answer can
    change when something is withdrawn (its newest date goes back) or when a date passes (what is
    in force, what is due), and a Last-Modified that stayed put would earn a stale 304.
    """
    start_of_today = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time()))
    newest = max(moment for moment in (*moments, latest_public_change(), start_of_today) if moment)
    response["Last-Modified"] = http_date(newest.timestamp())


ISO_8601_START = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_8601_only(value):
    """Pydantic would also read "0.5" or "1700000000" as a moment (seconds since 1970): refuse
    anything that does not start as an ISO 8601 date, so a typo is a 400, not an empty list."""
    if isinstance(value, str) and not ISO_8601_START.match(value):
        raise ValueError(_("write an ISO 8601 date or date-time, e.g. 2026-03-01 or 2026-03-01T09:00:00-03:00"))
    return value


Moment = Annotated[datetime.datetime | datetime.date, BeforeValidator(iso_8601_only)]
"""A query parameter's date or date-time, ISO 8601 only."""


def aware(moment):
    """A client's date or datetime as an aware datetime; a bare date is its first moment in the
    portal's time zone (America/Santiago), as is a datetime without an offset. A moment that
    leaves the years 1–9999 once in UTC (9999-12-31T23:59-12:00) is a 400, not an overflow."""
    if isinstance(moment, datetime.date) and not isinstance(moment, datetime.datetime):
        moment = datetime.datetime.combine(moment, datetime.time())
    try:
        moment = timezone.make_aware(moment) if timezone.is_naive(moment) else moment
        return moment.astimezone(datetime.timezone.utc)
    except (OverflowError, ValueError):
        raise HttpError(400, _("%(moment)s is outside the dates this API can compare.") % {"moment": moment.isoformat()}) from None


class Keyset:
    """Pagination that stays right while content changes: a page ends at a (value, id) position and
    the next one starts after it, instead of at an offset that shifts when items are added or removed.

    The cursor is opaque to clients (base64 of JSON); a damaged one is a 400.
    """

    def __init__(self, queryset, field, descending, limit, cursor):
        self.field, self.descending, self.limit = field, descending, limit
        self.total = queryset.count()
        sign = "-" if descending else ""
        ordered = queryset.order_by(f"{sign}{field}", f"{sign}pk")
        if cursor:
            value, pk = self.decode(cursor)
            after, after_or_at = ("lt", "lte") if descending else ("gt", "gte")
            # The first condition is implied by the second, but lets the database scan the index from
            # the cursor on instead of reading and discarding every row before it.
            ordered = ordered.filter(**{f"{field}__{after_or_at}": value}).filter(
                Q(**{f"{field}__{after}": value}) | Q(**{field: value, f"pk__{after}": pk})
            )
        rows = list(ordered[: limit + 1])
        self.items, self.has_more = rows[:limit], len(rows) > limit

    @staticmethod
    def decode(cursor):
        try:
            value, pk = json.loads(base64.urlsafe_b64decode(cursor.encode() + b"=" * (-len(cursor) % 4)))
            if type(pk) is not int or not 0 < pk < 2**63:
                raise ValueError(pk)
            return aware(datetime.datetime.fromisoformat(value)), pk
        except (ValueError, TypeError, OverflowError, binascii.Error, UnicodeDecodeError, HttpError):
            raise HttpError(400, _("The cursor is not one this API gave: follow the “next” link as it is.")) from None

    def next_cursor(self):
        if not self.has_more:
            return None
        last = self.items[-1]
        position = json.dumps([getattr(last, self.field).isoformat(), last.pk])
        return base64.urlsafe_b64encode(position.encode()).decode().rstrip("=")

    def links(self, request):
        """The next and first pages' URLs, each with the request's own filters."""
        params = {key: request.GET.getlist(key) for key in request.GET if key != "cursor"}
        base = request.build_absolute_uri(request.path)
        first = f"{base}?{urlencode(params, doseq=True)}" if params else base
        cursor = self.next_cursor()
        following = f"{base}?{urlencode({**params, 'cursor': cursor}, doseq=True)}" if cursor else None
        return first, following

    def decorate(self, request, response: HttpResponse):
        """RFC 8288 Link header and the total count, for clients that read headers, not bodies."""
        first, following = self.links(request)
        links = [f'<{first}>; rel="first"'] + ([f'<{following}>; rel="next"'] if following else [])
        response["Link"] = ", ".join(links)
        response["X-Total-Count"] = str(self.total)
        return first, following

"""Everything published, of every type, in one list (`/content`), each page's details by type
(`/pages/{id}`, `/notes/{id}`, `/faq/questions/{id}`), and the changes a mirror needs to stay
complete (`/changes`).

An item's `id` is its Wagtail page id: it stays the same through edits, moves and renames; its
`translation_key` is shared by the Spanish and English versions of the same content. Listings
cost a fixed number of queries whatever their length (one per page type on the page, at most).
"""

import datetime
import enum
import uuid
from typing import Literal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from wagtail.models import Locale, Page, PageLogEntry

from faq.models import FAQCategoryPage, FAQIndexPage, QuestionPage
from notes.models import NotePage, NotesIndexPage, NoteTag
from portal.models import HomePage, StandardPage
from regulations.models import RegulationIndexPage, RegulationPage
from search.query import clean_query, run_with_fallback, summary_of
from transparency.models import DatasetPage, TransparencyCategoryPage, TransparencyIndexPage

from .common import ERRORS, PUBLIC_ACTIONS, Keyset, Moment, absolute, aware, public_pages, set_last_modified

router = Router(tags=["Content"])

# The API's name for each page type, and the operation that details it (with the page id).
PAGE_TYPES = {
    "home": (HomePage, "page_detail"),
    "page": (StandardPage, "page_detail"),
    "notes_index": (NotesIndexPage, "page_detail"),
    "note": (NotePage, "note_detail"),
    "faq_index": (FAQIndexPage, "page_detail"),
    "faq_category": (FAQCategoryPage, "page_detail"),
    "question": (QuestionPage, "question_detail"),
    "transparency_index": (TransparencyIndexPage, "page_detail"),
    "transparency_category": (TransparencyCategoryPage, "transparency_category_detail"),
    "dataset": (DatasetPage, "dataset_detail"),
    "regulations_index": (RegulationIndexPage, "page_detail"),
    "regulation": (RegulationPage, "regulation_detail"),
}
ContentTypeName = enum.Enum("ContentTypeName", {name: name for name in PAGE_TYPES}, type=str)
CATEGORY_TYPES = (FAQCategoryPage, TransparencyCategoryPage)
SEARCH_LIMIT = 1000  # `q` narrows the list to at most this many best matches
ORDER_FIELDS = {"published": "first_published_at", "modified": "last_published_at"}
SLUG = r"^[-\w]+$"


def content_types():
    """{ContentType id: API type name}; ContentType caches these, so this costs no query after the first."""
    by_model = ContentType.objects.get_for_models(*(model for model, _operation in PAGE_TYPES.values()))
    return {by_model[model].pk: name for name, (model, _operation) in PAGE_TYPES.items()}


class CategoryOut(Schema):
    slug: str = Field(description="The category page's slug: the `category` filter's value.")
    title: str


class ContentItem(Schema):
    id: int = Field(description="The item's id: stable through edits, renames and moves.")
    translation_key: uuid.UUID = Field(description="Shared by the Spanish and English versions of the same content.")
    type: ContentTypeName
    locale: str = Field(description="es or en.")
    title: str
    summary: str
    url: str = Field(description="The public web page.")
    api_url: str = Field(description="This item's details in the API.")
    first_published_at: datetime.datetime
    last_published_at: datetime.datetime = Field(description="The last time a change was published.")
    category: CategoryOut | None = Field(description="The FAQ or Transparencia Activa category the item is in.")
    tags: list[str] = Field(description="Topics (monthly notes).")


class ContentList(Schema):
    count: int = Field(description="How many items match, on every page (also the X-Total-Count header).")
    next: str | None = Field(description="The next page's URL (also in the Link header); null on the last page.")
    first: str
    items: list[ContentItem]


class ContentFilters(Schema):
    type: list[ContentTypeName] = Field(default=[], description="One or more types (repeat the parameter).")
    locale: Literal["es", "en"] | None = None
    category: str | None = Field(
        default=None, max_length=255, pattern=SLUG, description="A category's slug (see `category.slug`)."
    )
    tag: str | None = Field(default=None, max_length=100, pattern=SLUG, description="A topic's slug, e.g. `datos`.")
    published_after: Moment | None = Field(
        default=None, description="ISO 8601 date or date-time: first published at or after it."
    )
    published_before: Moment | None = Field(
        default=None, description="ISO 8601: first published before it."
    )
    modified_since: Moment | None = Field(
        default=None, description="ISO 8601: a change published at or after it."
    )
    q: str | None = Field(default=None, max_length=200, description="Words to search for, as on the site's search page.")
    order: Literal["-published", "published", "-modified", "modified"] = Field(
        default="-published", description="By first publication or last change; `-` for newest first."
    )
    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=200, description="From a `next` link; do not build it.")


def filtered(filters):
    pages = public_pages().filter(content_type__in=list(content_types()))
    if filters.type:
        wanted = {name.value for name in filters.type}
        pages = pages.filter(content_type__in=[pk for pk, name in content_types().items() if name in wanted])
    if filters.locale:
        pages = pages.filter(locale_id=locale_id(filters.locale))
    if filters.category:
        pages = pages.filter(in_categories(filters.category))
    if filters.tag:
        pages = pages.filter(pk__in=NoteTag.objects.filter(tag__slug=filters.tag).values("content_object_id"))
    if filters.published_after:
        pages = pages.filter(first_published_at__gte=aware(filters.published_after))
    if filters.published_before:
        pages = pages.filter(first_published_at__lt=aware(filters.published_before))
    if filters.modified_since:
        pages = pages.filter(last_published_at__gte=aware(filters.modified_since))
    if words := clean_query(filters.q or ""):
        pages = pages.filter(pk__in=matching_ids(words, filters.locale))
    return pages


def locale_id(language_code):
    """By id, not by a join: PostgreSQL misjudges how many pages a join on the two-row locale table keeps."""
    return Locale.objects.filter(language_code=language_code).values_list("pk", flat=True).first()


def in_categories(slug):
    """Pages directly under any FAQ or Transparencia Activa category with this slug (one per language)."""
    categories = Page.objects.type(*CATEGORY_TYPES).live().filter(slug=slug).values_list("path", "depth")
    condition = Q(pk__in=[])
    for path, depth in categories:
        condition |= Q(path__startswith=path, depth=depth + 1)
    return condition


def matching_ids(words, locale):
    """The best matches' ids, through the site search's engine (the database's while Elasticsearch is down)."""
    searched = Page.objects.live().public()
    if locale:
        searched = searched.filter(locale_id=locale_id(locale))

    def operation(backend, query):
        return [page.pk for page in backend.search(query, searched)[:SEARCH_LIMIT]]

    ids, _degraded = run_with_fallback(operation, words)
    return ids


def serialize(request, pages):
    """The list items for `pages` (Page rows) in order: a query per page type for the specific
    fields, one for categories and one for tags."""
    type_names = content_types()
    specific = {page.pk: page for page in Page.objects.filter(pk__in=[p.pk for p in pages]).specific()}
    parents = {page.path[: -page.steplen] for page in pages}
    categories = {
        category.path: category
        for category in Page.objects.type(*CATEGORY_TYPES).live().filter(path__in=parents).only("path", "slug", "title")
    }
    note_ids = [page.pk for page in pages if type_names[page.content_type_id] == "note"]
    tags = {}
    for note_id, tag in NoteTag.objects.filter(content_object_id__in=note_ids).values_list("content_object_id", "tag__name"):
        tags.setdefault(note_id, []).append(tag)
    items = []
    for page in pages:
        full = specific[page.pk]
        type_name = type_names[page.content_type_id]
        category = categories.get(page.path[: -page.steplen])
        items.append(
            {
                "id": page.pk,
                "translation_key": page.translation_key,
                "type": type_name,
                "locale": page.locale.language_code,
                "title": page.title,
                "summary": summary_of(full),
                "url": absolute(request, full.get_url(request)),
                "api_url": absolute(request, reverse(f"api_v1:{PAGE_TYPES[type_name][1]}", args=[page.pk])),
                "first_published_at": page.first_published_at,
                "last_published_at": page.last_published_at,
                "category": {"slug": category.slug, "title": category.title} if category else None,
                "tags": sorted(tags.get(page.pk, [])),
            }
        )
    return items


@router.get("/content", response={200: ContentList, **ERRORS}, url_name="content", summary="Everything published")
def content(request, response: HttpResponse, filters: Query[ContentFilters]):
    """Every published item of every type, filtered, newest first by default, 20 a page (at most 100).

    Pages follow one another by position, not offset: walking the `next` links lists every item
    once even while new ones are published.
    """
    direction, name = ("-", filters.order[1:]) if filters.order.startswith("-") else ("", filters.order)
    pages = Keyset(filtered(filters).select_related("locale"), ORDER_FIELDS[name], bool(direction), filters.limit, filters.cursor)
    first, following = pages.decorate(request, response)
    set_last_modified(response)
    return {"count": pages.total, "next": following, "first": first, "items": serialize(request, pages.items)}


@router.get("/content/{int:page_id}", response={302: None, **ERRORS}, url_name="content_item", summary="One item, by id")
def content_item(request, page_id: int):
    """Redirects to the item's details in the API, whatever its type."""
    page = public_pages().filter(pk=page_id, content_type__in=list(content_types())).first()
    if page is None:
        raise HttpError(404, _("No published item has the id %(id)s.") % {"id": page_id})
    return redirect(reverse(f"api_v1:{PAGE_TYPES[content_types()[page.content_type_id]][1]}", args=[page.pk]))


# Changes, for mirrors

class ChangeOut(Schema):
    id: int = Field(description="The item's id, as in /content.")
    change: Literal["published", "unpublished", "deleted", "moved"] = Field(
        description="published: new or changed, fetch it again; moved: its URL changed; unpublished or "
        "deleted: remove it from a mirror."
    )
    at: datetime.datetime
    type: ContentTypeName
    api_url: str | None = Field(description="Its details, while it is published; null for removals.")


class ChangeList(Schema):
    count: int
    next: str | None
    first: str
    items: list[ChangeOut]


class ChangeFilters(Schema):
    since: Moment = Field(description="ISO 8601: changes at or after this moment.")
    limit: int = Field(default=100, ge=1, le=500)
    cursor: str | None = Field(default=None, max_length=200)


@router.get("/changes", response={200: ChangeList, **ERRORS}, url_name="changes", summary="Changes since a moment")
def changes(request, response: HttpResponse, filters: Query[ChangeFilters]):
    """Publications, withdrawals and deletions since `since`, oldest first, so a mirror that applies
    them in order ends up with what the site publishes. Titles are left out: a withdrawn item may
    have been withdrawn because it should not have been public."""
    type_names = content_types()
    api_types = list(type_names)
    # Wagtail logs some actions (scheduled expiry, bulk unpublish and move) against the base Page type.
    entries = PageLogEntry.objects.filter(action__in=PUBLIC_ACTIONS, timestamp__gte=aware(filters.since)).filter(
        Q(content_type__in=api_types) | Q(page_id__in=Page.objects.filter(content_type__in=api_types).values("pk"))
    )
    page = Keyset(entries, "timestamp", False, filters.limit, filters.cursor)
    first, following = page.decorate(request, response)
    current = dict(Page.objects.filter(pk__in=[entry.page_id for entry in page.items]).values_list("pk", "content_type_id"))
    public = set(public_pages().filter(pk__in=list(current)).values_list("pk", flat=True))
    items = []
    for entry in page.items:
        type_name = type_names.get(current.get(entry.page_id), type_names.get(entry.content_type_id))
        if type_name is None:
            continue
        change = PUBLIC_ACTIONS[entry.action]
        if change in ("published", "moved") and entry.page_id not in public:
            change = "unpublished"  # private or withdrawn since: nothing to fetch, and nothing to tell about it
        items.append(
            {
                "id": entry.page_id,
                "change": change,
                "at": entry.timestamp,
                "type": type_name,
                "api_url": absolute(request, reverse(f"api_v1:{PAGE_TYPES[type_name][1]}", args=[entry.page_id]))
                if change in ("published", "moved")
                else None,
            }
        )
    set_last_modified(response)
    return {"count": page.total, "next": following, "first": first, "items": items}

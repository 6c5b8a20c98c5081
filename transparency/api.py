"""/api/v1/transparency/: Transparencia Activa (Ley 20.285, art. 7) for journalists and scripts.

Categories and datasets are pages, one per language; a dataset's months are its published
snapshots, the same rows in every language, typed as the CSV and JSON downloads carry them.
Only what the public site shows is here: live public pages (`public_pages()`) and published
snapshots; drafts never leave the admin. Every list is built in a fixed number of queries.
"""

import base64
import binascii
import datetime
import json
import operator
import uuid
from functools import reduce
from itertools import groupby
from typing import Any, Literal
from urllib.parse import urlencode

from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError
from wagtail.rich_text import expand_db_html

from portal.api.common import ERRORS, Keyset, absolute, public_pages, set_last_modified
from portal.html import with_absolute_urls

from . import categories as article_7
from . import views
from .columns import ColumnType
from .models import DatasetPage, Snapshot, TransparencyCategoryPage
from .obligations import Status as ObligationStatus
from .obligations import obligations, worst

router = Router(tags=["Transparencia Activa"])

MAX_ID = 2**31 - 1  # the largest page id the database can hold; larger ones are a 400, not a crash
MAX_VERSION = 32767  # Snapshot.version is a PositiveSmallIntegerField
MAX_ROWS_PER_PAGE = 1000
MONTH_REGEX = r"^\d{4}-(0[1-9]|1[0-2])$"

Language = Literal["es", "en"]
Letter = Literal[tuple(article_7.BY_LETTER)]
ColumnTypeName = Literal[tuple(ColumnType.values)]
StatusName = Literal[tuple(ObligationStatus.values)]


# ---------------------------------------------------------------------------------------
# Schemas: what journalists read in the OpenAPI docs
# ---------------------------------------------------------------------------------------


class DatasetColumn(Schema):
    """A column of a table: the key its values are filed under in every row, in every language."""

    key: str = Field(description="Stable identifier of the column: the key of its values in `rows`.")
    header: str = Field(description="The column's header in the page's language (as in the CSV download).")
    type: ColumnTypeName = Field(
        description="How values are typed: `integer` and `money` (Chilean pesos) are JSON integers, `date` "
        "is an ISO date string (YYYY-MM-DD), the others are strings. An empty cell is null."
    )
    required: bool = Field(description="Whether every row has a value in this column.")


class TransparencyCategoryRef(Schema):
    """The art. 7 category (letter a to m) a dataset is published under."""

    id: int = Field(description="The category page's id (stable).")
    letter: str = Field(description="The letter of Ley 20.285, article 7: a to m.")
    title: str
    url: str | None = Field(description="The category's public page.")
    api_url: str = Field(description="This category in the API, with its datasets.")


class TransparencyCategory(Schema):
    """One letter of Ley 20.285, art. 7, as published in one language, with the state of its tables."""

    id: int = Field(description="The category page's id (stable; its translation has its own id).")
    locale: str = Field(description="Language of the page: es or en.")
    letter: str = Field(description="The letter of Ley 20.285, article 7: a to m.")
    title: str = Field(description="The page's title.")
    legal_name: str = Field(description="The letter's name in the law, in the page's language.")
    intro: str = Field(description="The page's introduction, HTML with absolute links (may be empty).")
    legal_basis: str = Field(description="The legal basis the page cites, HTML with absolute links.")
    url: str | None = Field(description="The category's public page.")
    api_url: str = Field(description="This category in the API, with its datasets.")
    datasets_url: str = Field(description="The API list of this category's datasets, with their columns and months.")
    dataset_count: int = Field(description="How many datasets the category publishes in this language.")
    last_updated: datetime.datetime | None = Field(
        description="When a month of one of its datasets was last published (null if none has been)."
    )
    status: StatusName | None = Field(
        description="The worst publication status of its datasets today: `up-to-date`; `due` (only the month "
        "just ended is missing, within its deadline); `overdue` (a month is missing past its deadline). "
        "Null when the category has no datasets."
    )


class TransparencyCategoryList(Schema):
    """Every published category page in the order of the site's tree: the law's, a to m, in each language."""

    count: int
    items: list[TransparencyCategory]


class DatasetSummary(Schema):
    """A dataset page as lists show it: enough to pick a table and a month."""

    id: int = Field(description="The dataset page's id (stable; its translation has its own id).")
    locale: str = Field(description="Language of the page: es or en.")
    dataset: str = Field(
        description="The table's identifier, the same in both languages (it names the downloaded files)."
    )
    title: str
    description: str = Field(description="What the table lists and for whom (plain text).")
    url: str | None = Field(description="The dataset's public page, showing its latest month.")
    api_url: str = Field(description="This dataset in the API, with every published month and its links.")
    category: TransparencyCategoryRef | None = Field(description="The category it is published under.")
    columns: list[DatasetColumn] = Field(
        description="The table's columns as new months are published. A month keeps the columns it was "
        "published with: its rows endpoint lists them."
    )
    months: list[str] = Field(description="Every published month, YYYY-MM, newest first.")
    latest_month: str | None = Field(description="The newest published month, YYYY-MM (null if none is).")
    last_published: datetime.datetime | None = Field(description="When a month of it was last published.")
    status: StatusName = Field(description="Publication status today: `up-to-date`, `due` or `overdue`.")


class DatasetList(Schema):
    """Published dataset pages in the order of the site's tree."""

    count: int
    items: list[DatasetSummary]


class TransparencyCategoryDetail(TransparencyCategory):
    """One category page and the datasets it publishes."""

    datasets: list[DatasetSummary]


class DatasetVersion(Schema):
    """One published version of a month. Published versions never change: a correction is a new version,
    and the one it replaces stays available at its own addresses, marked with the date it was corrected."""

    month: str = Field(description="The month the information is about, YYYY-MM.")
    version: int = Field(description="1 for the month as first published, 2 and up for corrections.")
    published_at: datetime.datetime | None = Field(description="When this version was published.")
    corrected_on: datetime.datetime | None = Field(
        description="When a later version replaced this one; null for the version the public sees now."
    )
    correction_note: str = Field(
        description="For a correction (version 2 and up): what it corrected, as the officer wrote it. Empty for "
        "a first version."
    )
    no_movements: bool = Field(description="The month was published as having nothing to report (no rows).")
    row_count: int
    page_url: str | None = Field(description="The month's public page.")
    rows_url: str = Field(description="The month's rows in the API, paginated.")
    csv_url: str | None = Field(
        description="The whole month as CSV (UTF-8 with byte-order mark, headers in the page's language)."
    )
    json_url: str | None = Field(description="The whole month as one JSON document.")


class DatasetMonth(DatasetVersion):
    """A month as the public sees it now (its latest version), with the versions it corrected."""

    earlier_versions: list[DatasetVersion] = Field(description="Versions this one corrected, newest first.")


class DatasetDetail(Schema):
    """A dataset page: its description, methodology, columns and every published month with its links."""

    id: int = Field(description="The dataset page's id (stable; its translation has its own id).")
    locale: str = Field(description="Language of the page: es or en.")
    translation_key: uuid.UUID = Field(description="Shared by this page and its translations.")
    translations: dict[str, str] = Field(
        description="The public page in each language it is published in (this one included), by language code."
    )
    dataset: str = Field(description="The table's identifier, the same in both languages.")
    title: str
    description: str = Field(description="What the table lists and for whom (plain text).")
    methodology: str = Field(
        description="Sources, definitions and exclusions: HTML with absolute links (may be empty)."
    )
    url: str | None = Field(description="The dataset's public page, showing its latest month.")
    category: TransparencyCategoryRef | None
    columns: list[DatasetColumn] = Field(
        description="The table's columns as new months are published; each month keeps its own (see its rows)."
    )
    reporting_since: str = Field(description="The first month the dataset must be published for, YYYY-MM.")
    status: StatusName = Field(description="Publication status today: `up-to-date`, `due` or `overdue`.")
    last_published: datetime.datetime | None = Field(description="When a month of it was last published.")
    months: list[DatasetMonth] = Field(description="Every published month, newest first.")


class DatasetMonthRows(Schema):
    """A month's rows, a page at a time; the fields before `rows` are those of the month's JSON download.

    Follow `next` (also in the `Link` header) until it is null: the cursor in it keeps to the version the
    walk started on, so a correction published meanwhile does not mix versions. `X-Total-Count` has the
    month's row count."""

    dataset: str = Field(description="The table's identifier, the same in both languages.")
    title: str = Field(description="The dataset page's title.")
    url: str = Field(description="The dataset's public page.")
    month: str = Field(description="YYYY-MM.")
    version: int = Field(description="1 for the month as first published, 2 and up for corrections.")
    published: datetime.datetime | None = Field(description="When this version was published.")
    corrected_on: datetime.datetime | None = Field(
        description="When a later version replaced this one; null for the version the public sees now."
    )
    correction_note: str = Field(description="For a correction: what it corrected. Empty for a first version.")
    no_movements: bool = Field(description="The month was published as having nothing to report (no rows).")
    columns: list[DatasetColumn] = Field(description="The columns this version was published with, in order.")
    row_count: int = Field(description="Rows in the whole month (not only this page).")
    rows: list[dict[str, Any]] = Field(
        description="Rows in the table's order, each an object keyed by column key, typed as `columns` says."
    )
    next: str | None = Field(description="The next page of rows (also in the Link header); null on the last one.")
    first: str = Field(description="The first page of rows, with the same parameters.")
    api_url: str = Field(description="The dataset in the API.")
    page_url: str | None = Field(description="This version's public page.")
    csv_url: str | None = Field(description="This version as CSV, whole.")
    json_url: str | None = Field(description="This version as one JSON document, whole.")


# ---------------------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------------------


def public(request, model):
    """The model's pages the API may show: those in `public_pages()`, whose private sections are
    looked up once per request however many lists use them."""
    if not hasattr(request, "_public_pages"):
        request._public_pages = public_pages()
    return model.objects.filter(pk__in=request._public_pages)


def in_language(pages, locale):
    return pages.filter(locale__language_code=locale) if locale else pages


def language_of(page):
    return "en" if page.locale.language_code.startswith("en") else "es"


def page_url(request, page):
    return absolute(request, page.get_url(request))


def api_url(request, name, **kwargs):
    return absolute(request, reverse(f"api_v1:{name}", kwargs=kwargs))


def route_url(request, page, route, **kwargs):
    """A dataset page's own route (month, version, download): the same address the site serves."""
    base = page.get_url(request)
    return absolute(request, base + page.reverse_subpage(route, kwargs=kwargs)) if base else None


def rich_text(request, page, html):
    """Rich text as the page renders it, with links made absolute against the page's address."""
    if not html:
        return ""
    return with_absolute_urls(expand_db_html(html), page_url(request, page) or request.build_absolute_uri("/"))


def parent_path(page):
    return page.path[: -page.steplen]


def newest(*moments):
    return max((moment for moment in moments if moment), default=None)


def status_value(status):
    return status.value if status else None


def category_ref(request, category):
    if category is None:
        return None
    return {
        "id": category.pk,
        "letter": category.letter,
        "title": category.title,
        "url": page_url(request, category),
        "api_url": api_url(request, "transparency_category_detail", page_id=category.pk),
    }


def snapshot_links(request, page, snapshot):
    """A version's addresses. A replaced version's name its version number; the current version's name
    only the month, so they give whatever is published now (like the site's own links)."""
    pinned = {"version": snapshot.version} if snapshot.superseded_at else {}
    rows = api_url(request, "dataset_month", page_id=page.pk, month=snapshot.month)
    return {
        "page_url": route_url(request, page, "month", month=snapshot.month, **pinned),
        "rows_url": f"{rows}?{urlencode(pinned)}" if pinned else rows,
        "csv_url": route_url(request, page, "download", month=snapshot.month, file_format="csv", **pinned),
        "json_url": route_url(request, page, "download", month=snapshot.month, file_format="json", **pinned),
    }


def snapshot_out(request, page, snapshot):
    return {
        "month": snapshot.month,
        "version": snapshot.version,
        "published_at": snapshot.published_at,
        "corrected_on": snapshot.superseded_at,
        "correction_note": snapshot.correction_note,
        "no_movements": snapshot.no_movements,
        "row_count": snapshot.row_count,
        **snapshot_links(request, page, snapshot),
    }


def dataset_pages(pages):
    """Dataset pages with what their summaries read, in tree order, in a fixed number of queries."""
    return list(
        pages.select_related("dataset__schema", "locale").prefetch_related("dataset__schema__columns").order_by("path")
    )


def current_months(datasets):
    """{dataset id: [published months, newest first]}, from one query."""
    months = {}
    rows = (
        Snapshot.objects.published()
        .filter(dataset__in=list(datasets), superseded_at__isnull=True)
        .order_by("dataset_id", "-period")
        .values_list("dataset_id", "period")
    )
    for dataset_id, period in rows:
        months.setdefault(dataset_id, []).append(f"{period:%Y-%m}")
    return months


def dataset_summaries(request, pages):
    """(summaries, obligations, newest change) for dataset pages; categories, months and statuses
    cost one query each, however many pages there are."""
    datasets = [page.dataset for page in pages]
    months = current_months(datasets)
    parents = public(request, TransparencyCategoryPage).filter(path__in={parent_path(page) for page in pages})
    categories = {category.path: category for category in parents}
    summaries, duties, changed = [], obligations(datasets), None
    for page, duty in zip(pages, duties):
        language, published = language_of(page), months.get(page.dataset_id, [])
        summaries.append(
            {
                "id": page.pk,
                "locale": language,
                "dataset": page.dataset.slug,
                "title": page.title,
                "description": page.description,
                "url": page_url(request, page),
                "api_url": api_url(request, "dataset_detail", page_id=page.pk),
                "category": category_ref(request, categories.get(parent_path(page))),
                "columns": views.columns_in(page.dataset.schema.frozen_columns(), language),
                "months": published,
                "latest_month": published[0] if published else None,
                "last_published": duty.last_published,
                "status": status_value(duty.status),
            }
        )
        changed = newest(changed, page.last_published_at, duty.last_published)
    return summaries, duties, changed


def category_out(request, category, duties):
    """A category page with the state of its datasets (`duties`: their obligations)."""
    language = language_of(category)
    with translation.override(language):
        legal_name, default_basis = str(category.category.title), str(category.category.legal_basis)
    return {
        "id": category.pk,
        "locale": language,
        "letter": category.letter,
        "title": category.title,
        "legal_name": legal_name,
        "intro": rich_text(request, category, category.intro),
        "legal_basis": rich_text(request, category, category.legal_basis) or f"<p>{escape(default_basis)}</p>",
        "url": page_url(request, category),
        "api_url": api_url(request, "transparency_category_detail", page_id=category.pk),
        "datasets_url": absolute(
            request,
            reverse("api_v1:transparency_datasets") + "?" + urlencode({"locale": language, "category": category.slug}),
        ),
        "dataset_count": len(duties),
        "last_updated": newest(*(duty.last_published for duty in duties)),
        "status": status_value(worst(duty.status for duty in duties)),
    }


def get_page(request, model, page_id, *related):
    page = public(request, model).select_related("locale", *related).filter(pk=page_id).first()
    if page is None:
        raise HttpError(404, _("There is no published page with id %(id)s of this kind.") % {"id": page_id})
    return page


def page_id_param(description):
    return Path(..., ge=1, le=MAX_ID, description=description, examples=[42])


LOCALE = Query(None, description="Only pages in this language: es (Spanish) or en (English).")


# ---------------------------------------------------------------------------------------
# Operations
# ---------------------------------------------------------------------------------------


@router.get("/categories", response={200: TransparencyCategoryList, **ERRORS}, url_name="transparency_categories")
def list_categories(request, response: HttpResponse, locale: Language | None = LOCALE):
    """The art. 7 categories as published, with how many datasets each has and how current they are."""
    categories = in_language(public(request, TransparencyCategoryPage), locale)
    categories = list(categories.select_related("locale").order_by("path"))
    paths = {category.path for category in categories}
    pages = [
        page
        for page in in_language(public(request, DatasetPage), locale).select_related("dataset").order_by("path")
        if parent_path(page) in paths
    ]
    by_category = {}
    for page, duty in zip(pages, obligations(page.dataset for page in pages)):
        by_category.setdefault(parent_path(page), []).append(duty)
    items = [category_out(request, category, by_category.get(category.path, [])) for category in categories]
    set_last_modified(
        response,
        newest(
            *(category.last_published_at for category in categories),
            *(page.last_published_at for page in pages),
            *(item["last_updated"] for item in items),
        ),
    )
    return {"count": len(items), "items": items}


@router.get(
    "/categories/{page_id}",
    response={200: TransparencyCategoryDetail, **ERRORS},
    url_name="transparency_category_detail",
)
def category_detail(request, response: HttpResponse, page_id: int = page_id_param("A category page's id.")):
    """One category page with its datasets: their columns, months and status."""
    category = get_page(request, TransparencyCategoryPage, page_id)
    pages = dataset_pages(public(request, DatasetPage).child_of(category))
    summaries, duties, changed = dataset_summaries(request, pages)
    set_last_modified(response, newest(category.last_published_at, changed))
    return {**category_out(request, category, duties), "datasets": summaries}


@router.get("/datasets", response={200: DatasetList, **ERRORS}, url_name="transparency_datasets")
def list_datasets(
    request,
    response: HttpResponse,
    locale: Language | None = LOCALE,
    category: str | None = Query(
        None,
        max_length=255,
        pattern=r"^[-\w]+$",
        description="Only datasets of the category page with this slug (the last part of its address, e.g. "
        "`personal-y-remuneraciones`); combine with `locale`, since each language has its own slugs.",
    ),
    letter: Letter | None = Query(
        None, description="Only datasets of this art. 7 letter, in every language unless `locale` says one."
    ),
):
    """Every published dataset page with its columns and the months it has, in tree order."""
    pages = in_language(public(request, DatasetPage), locale)
    if category or letter:
        parents = in_language(public(request, TransparencyCategoryPage), locale)
        parents = parents.filter(slug=category) if category else parents
        parents = parents.filter(letter=letter) if letter else parents
        paths = list(parents.values_list("path", "depth"))
        if category and not paths:
            raise HttpError(
                400,
                _("No published category has the slug “%(slug)s” in this language: see the slugs at %(url)s.")
                % {"slug": category, "url": reverse("api_v1:transparency_categories")},
            )
        children = (Q(path__startswith=path, depth=depth + 1) for path, depth in paths)
        pages = pages.filter(reduce(operator.or_, children, Q(pk__in=[])))
    summaries, _duties, changed = dataset_summaries(request, dataset_pages(pages))
    set_last_modified(response, changed)
    return {"count": len(summaries), "items": summaries}


@router.get("/datasets/{page_id}", response={200: DatasetDetail, **ERRORS}, url_name="dataset_detail")
def dataset_detail(request, response: HttpResponse, page_id: int = page_id_param("A dataset page's id.")):
    """A dataset page with every published month, its corrections and the addresses of its rows and files."""
    page = get_page(request, DatasetPage, page_id, "dataset__schema")
    dataset, language = page.dataset, language_of(page)
    snapshots = list(dataset.published_snapshots().defer("columns"))
    months = []
    for _period, versions in groupby(snapshots, key=lambda snapshot: snapshot.period):
        current, *earlier = versions  # newest version first: the one the public sees
        months.append(
            {
                **snapshot_out(request, page, current),
                "earlier_versions": [snapshot_out(request, page, snapshot) for snapshot in earlier],
            }
        )
    translations = public(request, DatasetPage).filter(translation_key=page.translation_key).select_related("locale")
    category = public(request, TransparencyCategoryPage).filter(path=parent_path(page)).first()
    duty = obligations([dataset])[0]
    set_last_modified(response, newest(page.last_published_at, *(snapshot.published_at for snapshot in snapshots)))
    return {
        "id": page.pk,
        "locale": language,
        "translation_key": page.translation_key,
        "translations": {language_of(other): page_url(request, other) for other in translations.order_by("path")},
        "dataset": dataset.slug,
        "title": page.title,
        "description": page.description,
        "methodology": rich_text(request, page, page.notes),
        "url": page_url(request, page),
        "category": category_ref(request, category),
        "columns": views.columns_in(dataset.schema.frozen_columns(), language),
        "reporting_since": f"{dataset.reporting_since:%Y-%m}",
        "status": status_value(duty.status),
        "last_published": duty.last_published,
        "months": months,
    }


class RowPage(Keyset):
    """A page of a month's rows in table order. The cursor holds the version and the last row's position:
    a walk stays on the version it started on even if a correction is published meanwhile, and the
    month's known row count spares a COUNT(*) over its rows."""

    def __init__(self, snapshot, limit, after=0):
        self.snapshot, self.limit, self.total = snapshot, limit, snapshot.row_count
        rows = list(
            snapshot.rows.filter(position__gt=after).order_by("position").values_list("position", "values")[: limit + 1]
        )
        self.items, self.has_more = rows[:limit], len(rows) > limit

    @staticmethod
    def decode(cursor):
        """(snapshot id, position) from a cursor, or a 400."""
        try:
            snapshot_id, position = json.loads(base64.urlsafe_b64decode(cursor.encode() + b"=" * (-len(cursor) % 4)))
            if all(type(number) is int and 0 <= number <= MAX_ID for number in (snapshot_id, position)):
                return snapshot_id, position
        except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
            pass
        raise HttpError(400, _("The cursor is not one this API gave: follow the “next” link as it is."))

    def next_cursor(self):
        if not self.has_more:
            return None
        position = json.dumps([self.snapshot.pk, self.items[-1][0]])
        return base64.urlsafe_b64encode(position.encode()).decode().rstrip("=")


@router.get("/datasets/{page_id}/months/{month}", response={200: DatasetMonthRows, **ERRORS}, url_name="dataset_month")
def month_rows(
    request,
    response: HttpResponse,
    page_id: int = page_id_param("A dataset page's id."),
    month: str = Path(..., pattern=MONTH_REGEX, description="The month, YYYY-MM.", examples=["2026-03"]),
    version: int | None = Query(
        None, ge=1, le=MAX_VERSION, description="An earlier version of a corrected month (default: the current one)."
    ),
    limit: int = Query(100, ge=1, le=MAX_ROWS_PER_PAGE, description="Rows per page, 1 to 1000."),
    cursor: str | None = Query(None, max_length=200, description="Where the page starts: copy it from `next`."),
):
    """A month's rows as JSON, typed as in the downloads, a page at a time; the month as published now
    unless `version` names an earlier one."""
    page = get_page(request, DatasetPage, page_id, "dataset")
    if cursor:
        snapshot_id, after = RowPage.decode(cursor)
        period = views.parse_month(month)
        snapshot = page.dataset.snapshots.published().filter(pk=snapshot_id, period=period).first()
        if snapshot is None or (version and snapshot.version != version):
            raise HttpError(
                400, _("This cursor belongs to another month or version: follow the “next” link as it is.")
            )
    else:
        snapshot, after = views.find_snapshot(page.dataset, month, version), 0
    rows = RowPage(snapshot, limit, after)
    first, following = rows.decorate(request, response)
    set_last_modified(response, newest(page.last_published_at, snapshot.published_at, snapshot.superseded_at))
    links = snapshot_links(request, page, snapshot)
    return {
        **views.document_head(request, page, snapshot, language_of(page)),
        "rows": [values for _position, values in rows.items],
        "next": following,
        "first": first,
        "api_url": api_url(request, "dataset_detail", page_id=page.pk),
        "page_url": links["page_url"],
        "csv_url": links["csv_url"],
        "json_url": links["json_url"],
    }

"""A dataset page's month views and downloads: a stable URL per dataset, month and version.

    …/<dataset>/                 the latest month
    …/<dataset>/2026-03/         that month, as published now (after any correction)
    …/<dataset>/2026-03/v1/      an earlier version, marked "corrected on <date>"
    …/<dataset>/2026-03/csv/     downloads (also …/v1/csv/, …/json/)
"""

import datetime
import json
import re

from django.core.paginator import Paginator
from django.db.models.fields.json import KeyTransform
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.http import http_date
from django.utils.translation import get_language

from . import columns as column_types
from .csv_io import write_rows

ROWS_PER_PAGE = 50
MONTH_FORMAT = "%Y-%m"
MONTH_PATTERN = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


class KnownCountPaginator(Paginator):
    """The snapshot knows its row count: no COUNT(*) over 50,000 rows on every page view."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


def parse_month(month):
    try:
        return datetime.datetime.strptime(month, MONTH_FORMAT).date()
    except ValueError:
        raise Http404 from None


def find_snapshot(dataset, month=None, version=None):
    """The published snapshot a URL names: the month's current version unless one is given."""
    snapshots = dataset.snapshots.published()
    if month is None:
        snapshot = dataset.current_snapshots().order_by("-period").first()
    elif version is None:
        snapshot = dataset.current_snapshots().filter(period=parse_month(month)).first()
    else:
        snapshot = snapshots.filter(period=parse_month(month), version=int(version)).first()
    if snapshot is None and month is not None:
        raise Http404
    return snapshot


def language():
    return "en" if (get_language() or "es").startswith("en") else "es"


def table_columns(snapshot, request, sort_key, descending):
    """Each column with its header in the reader's language and the link that sorts by it."""
    result = []
    for column, header in zip(snapshot.columns, snapshot.headers(language())):
        is_sorted = column["key"] == sort_key
        query = request.GET.copy()
        query["sort"] = column["key"]
        query["order"] = "asc" if is_sorted and descending else ("desc" if is_sorted else "asc")
        query.pop("page", None)
        result.append(
            {
                **column,
                "label": header,
                "sort_url": "?" + query.urlencode(),
                "aria_sort": ("descending" if descending else "ascending") if is_sorted else "",
                "numeric": column["type"] in (column_types.ColumnType.INTEGER, column_types.ColumnType.MONEY),
            }
        )
    return result


def table_rows(snapshot, sort_key, descending):
    rows = snapshot.rows.all()
    if sort_key:
        value = KeyTransform(sort_key, "values")
        rows = rows.order_by(value.desc(nulls_last=True) if descending else value.asc(nulls_last=True), "position")
    else:
        rows = rows.order_by("position")
    return rows.values_list("values", flat=True)


def dataset_month(request, page, month=None, version=None):
    dataset = page.dataset
    chosen = request.GET.get("month", "")
    if month is None and MONTH_PATTERN.fullmatch(chosen):  # the month selector, without JavaScript
        return redirect(page.url + f"{chosen}/")
    snapshot = find_snapshot(dataset, month, version)
    context = {
        "dataset": dataset,
        "snapshot": snapshot,
        "months": list(dataset.current_snapshots().order_by("-period").values_list("period", flat=True)),
    }
    if snapshot is not None:
        keys = {column["key"] for column in snapshot.columns}
        sort_key = request.GET.get("sort") if request.GET.get("sort") in keys else None
        descending = sort_key is not None and request.GET.get("order") == "desc"
        paginator = KnownCountPaginator(table_rows(snapshot, sort_key, descending), ROWS_PER_PAGE, snapshot.row_count)
        rows_page = paginator.get_page(request.GET.get("page"))
        versions = list(dataset.snapshots.published().filter(period=snapshot.period).order_by("-version"))
        columns = table_columns(snapshot, request, sort_key, descending)
        context.update(
            columns=columns,
            rows_page=rows_page,
            rows=[
                [(column, column_types.display(column["type"], values.get(column["key"]))) for column in columns]
                for values in rows_page
            ],
            versions=versions,
            correction=next((later for later in versions if later.version == snapshot.version + 1), None),
            month_url=page.url + f"{snapshot.month}/",
            version_url=page.url + f"{snapshot.month}/" + ("" if snapshot.superseded_at is None else f"v{snapshot.version}/"),
        )
    return page.render(request, context_overrides=context)


def download(request, page, month, version, file_format):
    snapshot = find_snapshot(page.dataset, month, version)
    suffix = f"-v{snapshot.version}" if version else ""
    filename = f"{page.dataset.slug}-{snapshot.month}{suffix}.{file_format}"
    keys = [column["key"] for column in snapshot.columns]
    rows = snapshot.rows.order_by("position").values_list("values", flat=True).iterator(chunk_size=2000)
    if file_format == "csv":
        response = StreamingHttpResponse(
            write_rows(snapshot.headers(language()), keys, rows), content_type="text/csv; charset=utf-8"
        )
    else:
        response = StreamingHttpResponse(
            json_document(request, page, snapshot, rows), content_type="application/json; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if snapshot.published_at:
        response["Last-Modified"] = http_date(snapshot.published_at.timestamp())
    return response


def columns_in(columns, language):
    """Frozen columns (`DatasetSchema.frozen_columns`, `Snapshot.columns`) as downloads and the API
    list them: one header, in `language` (Spanish when a header lacks that language)."""
    return [
        {
            "key": column["key"],
            "type": column["type"],
            "header": column["header"].get(language) or column["header"]["es"],
            "required": column["required"],
        }
        for column in columns
    ]


def document_head(request, page, snapshot, language):
    """What a month's JSON says before its rows; the API's month endpoint says the same."""
    return {
        "dataset": page.dataset.slug,
        "title": page.title,
        "url": request.build_absolute_uri(page.url),
        "month": snapshot.month,
        "version": snapshot.version,
        "published": snapshot.published_at.isoformat() if snapshot.published_at else None,
        "corrected_on": snapshot.superseded_at.isoformat() if snapshot.superseded_at else None,
        "correction_note": snapshot.correction_note,
        "no_movements": snapshot.no_movements,
        "columns": columns_in(snapshot.columns, language),
        "row_count": snapshot.row_count,
    }


def json_document(request, page, snapshot, rows):
    """The snapshot as one JSON object, written row by row so a large month streams."""
    head = document_head(request, page, snapshot, language())
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "rows": ['
    for count, values in enumerate(rows):
        yield ("," if count else "") + json.dumps(values, ensure_ascii=False)
    yield "]}"

"""Counting the searches citizens make, for the editors' search reports."""

from django.db import connection
from django.utils import timezone

from .models import QUERY_MAX_LENGTH, SearchQueryStat


def normalise_query(query):
    """The form under which a query is counted: "Licitación " and "licitación" are one query.

    Whitespace is collapsed and case folded; NUL characters, which PostgreSQL cannot store, are
    dropped; and the result is cut to the column's length, so no query, however long, is refused.
    """
    collapsed = " ".join(query.replace("\x00", "").split()).casefold()
    return collapsed[:QUERY_MAX_LENGTH].rstrip()


def _build_upsert_sql():
    quote = connection.ops.quote_name
    table = quote(SearchQueryStat._meta.db_table)
    locale, query, day, searches, zero_result_searches = (
        quote(SearchQueryStat._meta.get_field(name).column)
        for name in ("locale", "query", "day", "searches", "zero_result_searches")
    )
    return (
        # Not an injection (bandit B608): the names come from the model, quoted; every value is a %s parameter.
        f"INSERT INTO {table} ({locale}, {query}, {day}, {searches}, {zero_result_searches}) "  # nosec B608
        "VALUES (%s, %s, %s, 1, %s) "
        f"ON CONFLICT ({locale}, {query}, {day}) DO UPDATE SET "
        f"{searches} = {table}.{searches} + 1, "
        f"{zero_result_searches} = {table}.{zero_result_searches} + excluded.{zero_result_searches}"
    )


def record_search(locale, query, result_count):
    """Count one search for `query` in `locale` today (the site's local day), and whether it found nothing.

    It runs in the search request, so it is one statement: an INSERT … ON CONFLICT DO UPDATE
    (PostgreSQL and SQLite) that creates today's row or increments it in place. The database
    serialises concurrent upserts on the unique constraint, so several gunicorn workers counting
    the same query at once never lose a count or fail, and no savepoint or retry is needed, which
    the ORM's get_or_create-then-update would take. Database errors propagate: a failing database
    fails the request like any other query would.
    """
    normalised = normalise_query(query)
    if not normalised:
        return
    today = connection.ops.adapt_datefield_value(timezone.localdate())
    with connection.cursor() as cursor:
        cursor.execute(_build_upsert_sql(), [locale.pk, normalised, today, int(result_count == 0)])

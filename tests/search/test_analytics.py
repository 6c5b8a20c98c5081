"""Searches are counted per normalised query, locale and day, and editors read them in two admin reports."""

import csv
import datetime
import io
import threading

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from search.analytics import record_search
from search.models import SearchQueryStat

POPULAR = reverse("search_reports:popular_searches")
NO_RESULTS = reverse("search_reports:no_result_searches")


@pytest.fixture
def spanish(db):
    return Locale.objects.get(language_code="es")


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def stat(locale, query, searches, zero_result_searches=0, day=None):
    return SearchQueryStat.objects.create(
        locale=locale,
        query=query,
        day=day or timezone.localdate(),
        searches=searches,
        zero_result_searches=zero_result_searches,
    )


def report_rows(response):
    return [(row["query"], row["language_code"]) for row in response.context["object_list"]]


def editor(django_user_model, *permissions):
    """An admin user whose group holds exactly these permissions (app_label.codename)."""
    group = Group.objects.create(name="Search editors")
    for permission in permissions:
        app_label, codename = permission.split(".")
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    user = django_user_model.objects.create_user(username="editor", password="editor-password")
    user.groups.add(group)
    return user


# Recording


def test_queries_differing_in_case_and_spacing_count_as_one(spanish):
    record_search(spanish, "Licitación ", 3)
    record_search(spanish, "  licitación", 5)
    record_search(spanish, "LICITACIÓN   pública\t2024", 1)
    record_search(spanish, "Straße", 1)

    counts = dict(SearchQueryStat.objects.values_list("query", "searches"))
    assert counts == {"licitación": 2, "licitación pública 2024": 1, "strasse": 1}
    assert set(SearchQueryStat.objects.values_list("day", flat=True)) == {timezone.localdate()}


def test_searches_that_found_nothing_are_counted_apart(spanish):
    record_search(spanish, "presupuesto", 0)
    record_search(spanish, "presupuesto", 12)
    record_search(spanish, "Presupuesto", 0)

    row = SearchQueryStat.objects.get()
    assert (row.query, row.searches, row.zero_result_searches) == ("presupuesto", 3, 2)


def test_each_locale_has_its_own_counts(spanish, english):
    record_search(spanish, "transparencia", 4)
    record_search(spanish, "transparencia", 4)
    record_search(english, "transparencia", 0)

    counts = {
        row.locale.language_code: (row.searches, row.zero_result_searches) for row in SearchQueryStat.objects.all()
    }
    assert counts == {"es": (2, 0), "en": (1, 1)}


@pytest.mark.parametrize("query", ["", "   ", "\t\n", "\x00"])
def test_empty_queries_are_not_recorded(spanish, query):
    record_search(spanish, query, 0)

    assert not SearchQueryStat.objects.exists()


def test_long_and_unusual_queries_are_stored_cut_to_the_column(spanish):
    emoji_query = "🔎 «presupuesto» (2024) \"ley\" [art. 7]"
    record_search(spanish, emoji_query, 0)
    record_search(spanish, "Ñ" * 10_000, 0)
    record_search(spanish, "a\x00b", 1)

    queries = set(SearchQueryStat.objects.values_list("query", flat=True))
    assert queries == {emoji_query.casefold(), "ñ" * 255, "ab"}


def test_recording_is_one_statement_whether_or_not_the_row_exists(spanish, django_assert_num_queries):
    with django_assert_num_queries(1):
        record_search(spanish, "licitación", 2)
    with django_assert_num_queries(1):
        record_search(spanish, "licitación", 0)

    row = SearchQueryStat.objects.get()
    assert (row.searches, row.zero_result_searches) == (2, 1)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_workers_lose_no_count(spanish):
    """Workers recording the same new query at once all land on one row (each thread has its own connection)."""
    workers, searches_each = 4, 25
    start_together = threading.Barrier(workers)

    def work():
        try:
            start_together.wait()
            for _ in range(searches_each):
                record_search(spanish, "licitación", 0)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    row = SearchQueryStat.objects.get()
    assert (row.searches, row.zero_result_searches) == (workers * searches_each, workers * searches_each)


# Reports


def test_popular_searches_lists_the_most_searched_first_over_the_last_30_days(client, admin_user, spanish, english):
    stat(spanish, "licitación", searches=3, zero_result_searches=1)
    stat(spanish, "licitación", searches=4, day=days_ago(29))
    stat(spanish, "presupuesto", searches=9)
    stat(english, "budget", searches=2, zero_result_searches=2)
    stat(spanish, "sueldos", searches=50, day=days_ago(30))  # outside the default period
    client.force_login(admin_user)

    response = client.get(POPULAR)

    assert response.status_code == 200
    rows = response.context["object_list"]
    totals = [
        (row["query"], row["language_code"], row["total_searches"], row["total_zero_result_searches"]) for row in rows
    ]
    assert totals == [
        ("presupuesto", "es", 9, 0),
        ("licitación", "es", 7, 1),
        ("budget", "en", 2, 2),
    ]
    html = response.content.decode()
    assert html.index("presupuesto") < html.index("licitación") < html.index("budget")
    assert "sueldos" not in html
    assert [row["locale_name"] for row in rows] == ["Español", "Español", "Inglés"]  # the admin's language


def test_searches_with_no_results_lists_only_queries_that_found_nothing(client, admin_user, spanish, english):
    stat(spanish, "presupuesto", searches=40)
    stat(spanish, "licitacion 2031", searches=5, zero_result_searches=5)
    stat(spanish, "licitacion 2031", searches=2, zero_result_searches=1, day=days_ago(3))
    stat(english, "tender", searches=8, zero_result_searches=3)
    client.force_login(admin_user)

    response = client.get(NO_RESULTS)

    assert response.status_code == 200
    rows = response.context["object_list"]
    totals = [(row["query"], row["total_zero_result_searches"]) for row in rows]
    assert totals == [("licitacion 2031", 6), ("tender", 3)]
    assert "presupuesto" not in response.content.decode()


def test_locale_filter_narrows_the_rows(client, admin_user, spanish, english):
    stat(spanish, "transparencia", searches=5, zero_result_searches=1)
    stat(english, "transparency", searches=3, zero_result_searches=1)
    client.force_login(admin_user)

    for url in (POPULAR, NO_RESULTS):
        assert report_rows(client.get(url, {"locale": english.pk})) == [("transparency", "en")]
        assert report_rows(client.get(url, {"locale": spanish.pk})) == [("transparencia", "es")]
        assert report_rows(client.get(url)) == [("transparencia", "es"), ("transparency", "en")]


@pytest.mark.parametrize(
    ("period", "expected"),
    [("7", ["hoy"]), ("30", ["hace veinte días", "hoy"]), ("90", ["hace ochenta días", "hace veinte días", "hoy"])],
)
def test_period_filter_chooses_how_many_days_are_summed(client, admin_user, spanish, period, expected):
    stat(spanish, "hoy", searches=1)
    stat(spanish, "hace veinte días", searches=2, day=days_ago(20))
    stat(spanish, "hace ochenta días", searches=3, day=days_ago(80))
    stat(spanish, "hace cien días", searches=4, day=days_ago(100))
    client.force_login(admin_user)

    rows = report_rows(client.get(POPULAR, {"period": period}))

    assert sorted(query for query, _ in rows) == sorted(expected)


def test_rows_can_be_sorted_by_query(client, admin_user, spanish):
    stat(spanish, "beta", searches=1)
    stat(spanish, "alfa", searches=2)
    stat(spanish, "gamma", searches=3)
    client.force_login(admin_user)

    rows = report_rows(client.get(POPULAR, {"ordering": "query"}))

    assert [query for query, _ in rows] == ["alfa", "beta", "gamma"]


def test_popular_searches_export_as_csv(client, admin_user, spanish, english):
    stat(spanish, "licitación", searches=7, zero_result_searches=1)
    stat(english, "budget", searches=2)
    client.force_login(admin_user)

    response = client.get(POPULAR, {"export": "csv", "locale": spanish.pk})

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="popular-searches-')
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 2
    assert rows[1][0] == "licitación"
    assert rows[1][2:] == ["7", "1"]


def test_report_query_count_does_not_grow_with_rows(client, admin_user, spanish, django_assert_max_num_queries):
    client.force_login(admin_user)
    for number in range(5):
        stat(spanish, f"consulta {number}", searches=number + 1)
    client.get(POPULAR)  # warm per-process caches
    with CaptureQueriesContext(connection) as five_rows:
        assert len(client.get(POPULAR).context["object_list"]) == 5
    assert len(five_rows) <= 10  # session, user, profile, count, page of totals, locales for the filter, menu
    for number in range(5, 60):
        stat(spanish, f"consulta {number}", searches=number + 1)

    with django_assert_max_num_queries(len(five_rows)):
        response = client.get(POPULAR)

    assert len(response.context["object_list"]) == 50  # one page
    assert response.context["object_list"][0]["query"] == "consulta 59"


@pytest.mark.parametrize("url", [POPULAR, NO_RESULTS])
def test_admin_users_without_the_permission_are_refused(client, django_user_model, db, url):
    client.force_login(editor(django_user_model, "wagtailadmin.access_admin"))

    response = client.get(url)

    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert url not in client.get(reverse("wagtailadmin_home")).content.decode()  # nor offered in the menu


@pytest.mark.parametrize("url", [POPULAR, NO_RESULTS])
def test_visitors_are_sent_to_log_in(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize("url", [POPULAR, NO_RESULTS])
def test_editors_given_the_permission_see_the_reports(client, django_user_model, spanish, url):
    stat(spanish, "dato público", searches=3, zero_result_searches=3)
    client.force_login(editor(django_user_model, "wagtailadmin.access_admin", "search.view_searchquerystat"))

    response = client.get(url)

    assert response.status_code == 200
    assert "dato público" in response.content.decode()
    assert url in client.get(reverse("wagtailadmin_home")).content.decode()

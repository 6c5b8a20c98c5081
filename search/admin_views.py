"""Admin reports of what citizens search for: the most searched queries, and those that found nothing."""

import datetime

import django_filters
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale

from .models import SearchQueryStat

PERIOD_CHOICES = [
    ("7", _("Last 7 days")),
    ("30", _("Last 30 days")),
    ("90", _("Last 90 days")),
]
DEFAULT_PERIOD = "30"


class SearchReportFilterSet(WagtailFilterSet):
    locale = django_filters.ModelChoiceFilter(
        label=_("Locale"),
        queryset=Locale.objects.order_by("language_code"),
        empty_label=_("All locales"),
    )
    period = django_filters.ChoiceFilter(
        label=_("Period"),
        choices=PERIOD_CHOICES,
        empty_label=None,
        initial=DEFAULT_PERIOD,
        method="filter_period",
    )

    class Meta:
        model = SearchQueryStat
        fields = ["locale", "period"]

    def __init__(self, data=None, *args, **kwargs):
        """Without a chosen period the report covers the default one, not all time."""
        if data is not None and not data.get("period"):
            data = data.copy()
            data["period"] = DEFAULT_PERIOD
        super().__init__(data, *args, **kwargs)

    def filter_period(self, queryset, name, value):
        first_day = timezone.localdate() - datetime.timedelta(days=int(value) - 1)  # today is one of the days
        return queryset.filter(day__gte=first_day)


class SearchReportView(ReportView):
    """Daily rows, narrowed by the filters, then summed per query and locale in one SQL query."""

    model = SearchQueryStat
    permission_required = "view"
    filterset_class = SearchReportFilterSet
    header_icon = "search"
    verbose_name_plural = _("searches")  # "There are no searches to display."
    query_column = Column("query", label=_("Query"), sort_key="query")
    locale_column = Column("locale_name", label=_("Locale"), sort_key="language_code")
    searches_column = NumberColumn("total_searches", label=_("Searches"), sort_key="total_searches")
    zero_result_searches_column = NumberColumn(
        "total_zero_result_searches", label=_("Searches with no results"), sort_key="total_zero_result_searches"
    )
    export_headings = {
        "query": _("Query"),
        "locale_name": _("Locale"),
        "total_searches": _("Searches"),
        "total_zero_result_searches": _("Searches with no results"),
    }

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"

    def get_daily_rows(self):
        return SearchQueryStat.objects.all()

    def get_queryset(self):
        daily_rows = self.filter_queryset(self.get_daily_rows())
        totals = daily_rows.values("query", language_code=F("locale__language_code")).annotate(
            total_searches=Sum("searches"),
            total_zero_result_searches=Sum("zero_result_searches"),
        )
        return self.order_queryset(totals)

    def get_filtered_queryset(self):
        """The filters already narrowed the daily rows before they were summed, in get_queryset."""
        return self.get_queryset()

    def order_queryset(self, queryset):
        """The chosen column first, then query and locale, so equal counts keep a stable order."""
        return queryset.order_by(self.ordering, "query", "language_code")

    def decorate_paginated_queryset(self, rows):
        """Name each row's locale, in place: the table and the export read these same rows.

        The names come from settings, so this costs no query.
        """
        language_names = get_content_languages()
        for row in rows:
            row["locale_name"] = str(language_names.get(row["language_code"], row["language_code"]))
        return rows


class PopularSearchesView(SearchReportView):
    page_title = _("Popular searches")
    index_url_name = "search_reports:popular_searches"
    index_results_url_name = "search_reports:popular_searches_results"
    default_ordering = "-total_searches"
    columns = [
        SearchReportView.query_column,
        SearchReportView.locale_column,
        SearchReportView.searches_column,
        SearchReportView.zero_result_searches_column,
    ]
    list_export = ["query", "locale_name", "total_searches", "total_zero_result_searches"]
    export_filename = "popular-searches"


class NoResultSearchesView(SearchReportView):
    page_title = _("Searches with no results")
    index_url_name = "search_reports:no_result_searches"
    index_results_url_name = "search_reports:no_result_searches_results"
    default_ordering = "-total_zero_result_searches"
    columns = [
        SearchReportView.query_column,
        SearchReportView.locale_column,
        SearchReportView.zero_result_searches_column,
    ]
    list_export = ["query", "locale_name", "total_zero_result_searches"]
    export_filename = "searches-with-no-results"

    def get_daily_rows(self):
        return SearchQueryStat.objects.filter(zero_result_searches__gt=0)

"""What citizens search for, counted per locale and day, so editors can see what is sought and not found."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

QUERY_MAX_LENGTH = 255


class SearchQueryStat(models.Model):
    """How often one normalised query was searched in one locale on one day.

    Counts only: no IP address, user or session is stored, so the table holds no personal data.
    """

    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+", verbose_name=_("locale"))
    query = models.CharField(_("query"), max_length=QUERY_MAX_LENGTH)
    day = models.DateField(_("day"))
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_result_searches = models.PositiveIntegerField(_("searches with no results"), default=0)

    class Meta:
        verbose_name = _("search query statistic")
        verbose_name_plural = _("search query statistics")
        constraints = [
            models.UniqueConstraint(fields=["locale", "query", "day"], name="search_query_stat_one_row_per_day"),
        ]
        indexes = [
            # The reports read a period of days in one locale.
            models.Index(fields=["locale", "day"], name="search_query_stat_locale_day"),
        ]

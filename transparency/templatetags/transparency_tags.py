from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def grouped(number):
    """50.000 on Spanish pages, 50,000 on English ones (USE_THOUSAND_SEPARATOR would also group years)."""
    return number_format(number, force_grouping=True)

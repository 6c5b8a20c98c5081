"""The categories of Ley 20.285, article 7, in legal order: what every institution must publish."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

LEGAL_BASIS = _("Ley N° 20.285 on access to public information, article 7, letter %(letter)s).")


@dataclass(frozen=True)
class Category:
    letter: str
    title: Promise

    @property
    def legal_basis(self):
        return LEGAL_BASIS % {"letter": self.letter}


ARTICLE_7 = [
    Category("a", _("Organic structure")),
    Category("b", _("Powers, functions and attributions of each unit")),
    Category("c", _("Applicable legal framework")),
    Category("d", _("Staff and remuneration")),
    Category("e", _("Procurement of goods and services")),
    Category("f", _("Transfers of public funds")),
    Category("g", _("Acts and resolutions with effects on third parties")),
    Category("h", _("Procedures and requirements to access services")),
    Category("i", _("Subsidies and social benefits")),
    Category("j", _("Citizen participation mechanisms")),
    Category("k", _("Budget and its execution")),
    Category("l", _("Audit results")),
    Category("m", _("Entities in which the institution participates")),
]
BY_LETTER = {category.letter: category for category in ARTICLE_7}
CHOICES = [(category.letter, format_lazy("{}) {}", category.letter, category.title)) for category in ARTICLE_7]

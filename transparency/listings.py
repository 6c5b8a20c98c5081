"""What the index and category pages list, each in a fixed number of queries however much is published."""

from dataclasses import dataclass

from . import categories
from .obligations import Obligation, obligations, worst


@dataclass
class CategoryRow:
    category: categories.Category
    page: object  # the live category page in this language, or None if none is published yet
    status: object
    last_published: object
    dataset_count: int


@dataclass
class DatasetRow:
    page: object
    obligation: Obligation

    @property
    def latest_month(self):
        return self.obligation.latest_period


def live_dataset_pages(ancestor):
    from .models import DatasetPage

    return DatasetPage.objects.live().public().descendant_of(ancestor).select_related("dataset").order_by("path")


def category_rows(index_page):
    """All thirteen letters in legal order; a letter without a page still shows, as not published."""
    from .models import TransparencyCategoryPage

    pages = {page.letter: page for page in TransparencyCategoryPage.objects.child_of(index_page).live().public()}
    dataset_pages = list(live_dataset_pages(index_page))
    duties = obligations(page.dataset for page in dataset_pages)
    by_letter = {}
    for page, duty in zip(dataset_pages, duties):
        by_letter.setdefault(page.path[: index_page.steplen * (index_page.depth + 1)], []).append(duty)
    rows = []
    for category in categories.ARTICLE_7:
        page = pages.get(category.letter)
        duties_here = by_letter.get(page.path, []) if page else []
        rows.append(
            CategoryRow(
                category=category,
                page=page,
                status=worst(duty.status for duty in duties_here),
                last_published=max((duty.last_published for duty in duties_here if duty.last_published), default=None),
                dataset_count=len(duties_here),
            )
        )
    return rows


def dataset_rows(category_page):
    pages = list(live_dataset_pages(category_page))
    return [DatasetRow(page, duty) for page, duty in zip(pages, obligations(page.dataset for page in pages))]

"""Fixtures the fuzz tests share with the apps' own tests, imported so both build the same data."""

from tests.faq.conftest import faq_index, no_votes_counted, question, transparency  # noqa: F401
from tests.regulations.conftest import regulation  # noqa: F401
from tests.search.conftest import elasticsearch, no_memory_of_earlier_outages  # noqa: F401
from tests.transparency.conftest import dataset, pay_schema  # noqa: F401

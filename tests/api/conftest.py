import pytest
from django.core.cache import cache
from django.test import Client


@pytest.fixture(autouse=True)
def full_allowance():
    """The API's rate limit counts in the cache: each test starts with a full allowance."""
    cache.clear()


@pytest.fixture
def client():
    """A client that asks for English, so error details read as their msgids (Spanish is the default)."""
    return Client(HTTP_ACCEPT_LANGUAGE="en")

"""An outage is logged once, not once per request or per publish."""

import logging

from search.logging import OncePerInterval


def record(message, *args):
    return logging.LogRecord("modelsearch.index", logging.ERROR, __file__, 1, message, args, None)


def test_same_kind_of_record_passes_once_per_interval(monkeypatch):
    clock = iter([0.0, 10.0, 20.0, 400.0])
    monkeypatch.setattr("search.logging.time.monotonic", lambda: next(clock))
    once = OncePerInterval(seconds=300)

    passed = [
        once.filter(record("Could not index %r", "page 1")),
        once.filter(record("Could not index %r", "page 2")),  # same kind, 10 s later
        once.filter(record("Another problem")),  # another kind
        once.filter(record("Could not index %r", "page 3")),  # the interval has passed
    ]

    assert passed == [True, False, True, True]


def test_wagtails_indexing_errors_go_through_the_filter():
    filters = logging.getLogger("modelsearch.index").filters
    assert any(isinstance(f, OncePerInterval) for f in filters)

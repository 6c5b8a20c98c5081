"""Keep an outage to one log line instead of one per request or per publish."""

import logging
import time


class OncePerInterval(logging.Filter):
    """Lets the first record of each kind through, then at most one every `seconds`.

    A "kind" is the logger and the unformatted message, so every "could not index page …"
    during one Elasticsearch outage counts as the same record. The memory is per process.
    """

    def __init__(self, seconds=300):
        super().__init__()
        self.seconds = seconds
        self.last_passed = {}

    def filter(self, record):
        kind = (record.name, record.msg)
        now = time.monotonic()
        last = self.last_passed.get(kind)
        if last is not None and now - last < self.seconds:
            return False
        self.last_passed[kind] = now
        return True

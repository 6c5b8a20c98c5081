"""Make scheduled publications and expiries happen: Wagtail's `publish_scheduled`, run in a loop.

Wagtail only records an approved go-live or expiry time; nothing changes at that time unless
`publish_scheduled` runs (it logs each page it publishes or unpublishes). `make run` starts this
command next to gunicorn. In production run it as a service, or run `publish_scheduled` itself
from cron or a systemd timer (docs/operations.md).
"""

import logging
import signal

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

logger = logging.getLogger(__name__)
STOP_SIGNALS = {signal.SIGTERM, signal.SIGINT}


def seconds(value):
    interval = float(value)
    if not interval > 0:
        raise ValueError(value)
    return interval


class Command(BaseCommand):
    help = "Run Wagtail's publish_scheduled every --interval seconds until stopped (SIGTERM or Ctrl-C)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=seconds, default=60.0, help="Seconds between runs (60).")

    def handle(self, *args, interval, **options):
        logger.info("Publishing and unpublishing scheduled pages every %g s.", interval)
        # Held back while publishing and awaited in between: a stop never interrupts a publication.
        previous_mask = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        try:
            while True:
                try:
                    call_command("publish_scheduled")
                except Exception:  # a database outage, a page that fails to publish: try again next time
                    logger.exception("publish_scheduled failed; trying again in %g s", interval)
                if signal.sigtimedwait(STOP_SIGNALS, interval):
                    return
                close_old_connections()  # the database may have dropped the idle connection meanwhile
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous_mask)

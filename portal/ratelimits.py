"""Whom django-ratelimit counts a request against: its client's address."""

from django.conf import settings


def client_address(group, request):
    """The address in RATELIMIT_IP_META_KEY (behind a proxy) or the connection's. django-ratelimit's
    own "ip" key fails with a 500 when the server gives none (a Unix socket, some test clients);
    such requests share one allowance instead."""
    return request.META.get(settings.RATELIMIT_IP_META_KEY or "REMOTE_ADDR") or "no-address"

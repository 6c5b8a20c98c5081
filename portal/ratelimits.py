"""Whom django-ratelimit counts a request against: its client's address."""

import ipaddress

from django.conf import settings

IPV6_PREFIX = 64  # one IPv6 client usually holds a whole /64: counting each address would let it rotate


def client_address(group, request):
    """The address in RATELIMIT_IP_META_KEY (behind a proxy) or the connection's, IPv6 by its /64.
    django-ratelimit's own "ip" key fails with a 500 when the server gives none (a Unix socket,
    some test clients); such requests share one allowance instead."""
    address = request.META.get(settings.RATELIMIT_IP_META_KEY or "REMOTE_ADDR") or "no-address"
    if ":" in address:
        try:
            return str(ipaddress.ip_network(f"{address}/{IPV6_PREFIX}", strict=False).network_address)
        except ValueError:
            return address
    return address

"""The portal's Content-Security-Policy per area, and whom a sign-in attempt is counted against."""

from csp.constants import SELF
from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings

from portal.ratelimits import client_address

ADMIN_PREFIX = "/admin/"


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware (its documented extension point, get_policy_parts), giving Wagtail's
    admin ADMIN_CONTENT_SECURITY_POLICY instead of the public pages' CONTENT_SECURITY_POLICY, and
    letting the admin frame its previews of public pages. A view's own @csp_replace/@csp_update
    still apply; a response that already has a policy (a served document) keeps it."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        if request.path_info.startswith(ADMIN_PREFIX):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        elif getattr(request, "is_dummy", False):
            # Wagtail renders a preview through the middleware as a request for the public page
            # (flagged is_dummy for middleware), then shows it in a frame of the admin's.
            parts.replace = {"frame-ancestors": [SELF], **(parts.replace or {})}
        return parts


def sign_in_client_address(request):
    """django-axes' AXES_CLIENT_IP_CALLABLE: the address the rate limits count (the proxy's
    RATELIMIT_IP_META_KEY header, IPv6 by its /64), so one client cannot dodge the lockout by
    rotating addresses the rate limits treat as one; None when the server gives no address."""
    if not request.META.get(settings.RATELIMIT_IP_META_KEY or "REMOTE_ADDR"):
        return None
    return client_address("sign-in", request)

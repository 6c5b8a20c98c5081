"""ASGI entry point, for servers that speak ASGI."""

import os

from django.core.asgi import get_asgi_application

# Servers get production settings unless told otherwise; the run command asks for dev.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_asgi_application()

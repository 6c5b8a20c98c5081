"""WSGI entry point for gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

# Servers get production settings unless told otherwise; the run command asks for dev.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

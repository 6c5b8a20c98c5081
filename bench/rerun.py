"""The line each benchmark prints last: the exact command, with the settings it ran under."""

import os
import shlex

SETTINGS_VARIABLES = ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "ELASTICSEARCH_URL", "ELASTICSEARCH_INDEX_PREFIX")


def rerun_command(script, argv):
    env = " ".join(f"{name}={shlex.quote(os.environ[name])}" for name in SETTINGS_VARIABLES if os.environ.get(name))
    return f"{env} .venv/bin/python bench/{script} {' '.join(shlex.quote(arg) for arg in argv)}".strip()

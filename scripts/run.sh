#!/usr/bin/env bash
# Run the portal on http://127.0.0.1:8000 from a fresh clone: install, migrate,
# compile translations, load the bilingual demo content, serve with gunicorn.
#
# Environment: PORT (8000), WEB_CONCURRENCY (gunicorn workers, 2), DATABASE_URL,
# ELASTICSEARCH_URL and the rest of the settings variables (see README).
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$PROJECT_DIR"

bootstrap_python
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-portal.settings.dev}"
PORT="${PORT:-8000}"

say "preparing the database and static files"
"$PYTHON" manage.py migrate --noinput -v0
compile_messages
"$PYTHON" manage.py collectstatic --noinput -v0
LOG_LEVEL=WARNING "$PYTHON" manage.py load_demo_content  # one line per page otherwise

say "serving on http://127.0.0.1:$PORT/  (Spanish: /es/, English: /en/, admin: /admin/)"
exec "$VENV/bin/gunicorn" portal.wsgi \
  --bind "127.0.0.1:$PORT" \
  --workers "${WEB_CONCURRENCY:-2}" \
  --access-logfile - \
  --forwarded-allow-ips 127.0.0.1

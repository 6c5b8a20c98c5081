#!/usr/bin/env bash
# Run the portal on http://127.0.0.1:8000 from a fresh clone: install, migrate,
# compile translations, load the bilingual demo content, serve with gunicorn and, beside it,
# publish what editors scheduled (manage.py run_scheduler). Ctrl-C stops both.
#
# Environment: PORT (8000), WEB_CONCURRENCY (gunicorn workers, 2), SCHEDULER_INTERVAL (seconds
# between runs of Wagtail's publish_scheduled, 60), DATABASE_URL, ELASTICSEARCH_URL and the rest
# of the settings variables (see README).
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

# Whichever stops first (or Ctrl-C, or a TERM to this script) stops the other.
server='' scheduler=''
trap 'kill $server $scheduler 2>/dev/null; wait' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "serving on http://127.0.0.1:$PORT/  (Spanish: /es/, English: /en/, admin: /admin/)"
"$VENV/bin/gunicorn" portal.wsgi \
  --bind "127.0.0.1:$PORT" \
  --workers "${WEB_CONCURRENCY:-2}" \
  --access-logfile - \
  --forwarded-allow-ips 127.0.0.1 &
server=$!
"$PYTHON" manage.py run_scheduler --interval "${SCHEDULER_INTERVAL:-60}" &
scheduler=$!
wait -n

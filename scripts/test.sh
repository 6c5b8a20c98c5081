#!/usr/bin/env bash
# Run the whole test suite against real services: Elasticsearch always, PostgreSQL
# when WITH_POSTGRES=1 (CI) — SQLite otherwise. Services this script starts, it stops.
# Extra arguments go to pytest (e.g. scripts/test.sh tests/portal -k switcher).
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$PROJECT_DIR"

bootstrap_python
bootstrap_browser
bootstrap_node_tools
command -v curl >/dev/null && command -v jq >/dev/null || apt_install curl jq  # docs/api.md's examples run in tests
command -v redis-server >/dev/null || apt_install redis-server  # the page cache's tests run against real Redis too
cleanup=()
on_exit() { for command in "${cleanup[@]}"; do $command || true; done; }
trap on_exit EXIT

ES_PORT="${ES_PORT:-9200}"
export ES_PORT
if ! scripts/elasticsearch.sh status >/dev/null 2>&1; then
  scripts/elasticsearch.sh start
  cleanup+=("scripts/elasticsearch.sh stop")
fi
export ELASTICSEARCH_URL="http://127.0.0.1:$ES_PORT"

if [ "${WITH_POSTGRES:-0}" = 1 ]; then
  scripts/postgres.sh status >/dev/null 2>&1 || cleanup+=("scripts/postgres.sh stop")
  DATABASE_URL="$(scripts/postgres.sh start)"
  export DATABASE_URL
fi

compile_messages
say "pytest on ${DATABASE_URL:-SQLite} with Elasticsearch at $ELASTICSEARCH_URL"
"$VENV/bin/pytest" "$@"

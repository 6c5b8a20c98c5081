#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the test suite.
#
#   scripts/postgres.sh start   # prints the DATABASE_URL to use
#   scripts/postgres.sh restart [SECONDS]  # stops it, waits SECONDS (0), starts it again with its data
#   scripts/postgres.sh stop    # stops it and deletes its data
#   scripts/postgres.sh status
#
# Environment: PG_PORT (default 5433). Installs Debian's postgresql if missing;
# when run as root the server runs as the "postgres" user, as it must.
set -euo pipefail
source "$(dirname "$0")/common.sh"

PG_PORT="${PG_PORT:-5433}"
PG_DATA="$PORTAL_CACHE_DIR/pg-run-$PG_PORT"
PG_USER=portal
PG_PASSWORD=portal

pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$dir" ]; then
    apt_install postgresql
    dir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
  echo "$dir"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

is_running() {
  [ -f "$PG_DATA/postmaster.pid" ] && as_owner "$(pg_bin)/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

launch() {
  # Durability off: this cluster lives for one test run.
  as_owner "$1/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w start -o \
    "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
}

start() {
  local bin; bin="$(pg_bin)"
  if is_running; then
    say "PostgreSQL already running on port $PG_PORT"
  else
    rm -rf "$PG_DATA"
    mkdir -p "$PG_DATA"
    [ "$(id -u)" = 0 ] && chown postgres "$PG_DATA" && chmod o+rx "$PORTAL_CACHE_DIR"
    as_owner "$bin/initdb" -D "$PG_DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    launch "$bin"
    as_owner "$bin/psql" -q -h "$PG_DATA" -p "$PG_PORT" -U postgres -d postgres \
      -c "CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD'" \
      -c "CREATE DATABASE portal OWNER $PG_USER"
    say "PostgreSQL started on 127.0.0.1:$PG_PORT"
  fi
  echo "postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/portal"
}

restart() {
  # Fast shutdown, as a server restart or failover does: open connections are cut, transactions
  # under way roll back, committed data stays.
  local bin; bin="$(pg_bin)"
  is_running || { say "PostgreSQL is not running on port $PG_PORT"; exit 1; }
  as_owner "$bin/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
  sleep "${1:-0}"  # a slow restart or a failover keeps clients waiting this long
  launch "$bin"
  say "PostgreSQL restarted on 127.0.0.1:$PG_PORT"
}

stop() {
  local bin; bin="$(pg_bin)"
  if [ -d "$PG_DATA" ]; then
    as_owner "$bin/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DATA"
    say "PostgreSQL stopped"
  fi
}

case "${1:-}" in
  start) start ;;
  restart) restart "${2:-0}" ;;
  stop) stop ;;
  status) if is_running; then say "running on 127.0.0.1:$PG_PORT"; else say "not running"; exit 1; fi ;;
  *) echo "usage: $0 start|restart [SECONDS]|stop|status" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Fetch, start, stop a throwaway single-node Elasticsearch 8 on loopback.
#
# The server is the official integration-test distribution from Maven Central,
# cached outside git so a fresh clone does not download it again. Elasticsearch
# refuses to run as root, so when we are root it runs as a dedicated system user.
#
#   scripts/elasticsearch.sh fetch|start|stop|status
#
# Environment: ES_VERSION (8.x), ES_PORT (default 9200), ES_HEAP (default 512m),
# PORTAL_CACHE_DIR (where the download and data live).
set -euo pipefail

ES_VERSION="${ES_VERSION:-8.19.21}"
ES_PORT="${ES_PORT:-9200}"
ES_HEAP="${ES_HEAP:-512m}"
ES_USER="${ES_USER:-elasticsearch}"
if [ "$(id -u)" = 0 ]; then
  DEFAULT_CACHE=/var/cache/public-portal
else
  DEFAULT_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/public-portal"
fi
CACHE="${PORTAL_CACHE_DIR:-$DEFAULT_CACHE}"
ES_HOME="$CACHE/elasticsearch-$ES_VERSION"
RUN_DIR="$CACHE/es-run-$ES_PORT"
PID_FILE="$RUN_DIR/elasticsearch.pid"
URL="http://127.0.0.1:$ES_PORT"

log() { echo "[elasticsearch] $*" >&2; }

find_jdk17() {
  # Elasticsearch 8 supports JDK 17; prefer it over any newer JDK on the machine.
  for candidate in /usr/lib/jvm/java-17-openjdk-* /usr/lib/jvm/temurin-17-*; do
    if [ -x "$candidate/bin/java" ]; then echo "$candidate"; return; fi
  done
  if command -v java >/dev/null; then dirname "$(dirname "$(readlink -f "$(command -v java)")")"; fi
}

install_tools() {
  local missing=()
  [ -n "$(find_jdk17)" ] || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null || missing+=(maven)
  command -v unzip >/dev/null || missing+=(unzip)
  command -v curl >/dev/null || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

fetch() {
  if [ -x "$ES_HOME/bin/elasticsearch" ]; then return; fi
  install_tools
  mkdir -p "$CACHE"
  log "downloading Elasticsearch $ES_VERSION from Maven Central"
  mvn -q -B dependency:copy \
    -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
    -DoutputDirectory="$CACHE"
  local tmp="$CACHE/.unpack-$$"
  rm -rf "$tmp" && mkdir -p "$tmp"
  unzip -q "$CACHE/elasticsearch-$ES_VERSION.zip" -d "$tmp"
  mv "$tmp/elasticsearch-$ES_VERSION" "$ES_HOME"
  rm -rf "$tmp" "$CACHE/elasticsearch-$ES_VERSION.zip"
}

is_up() { curl -fsS "$URL/_cluster/health" >/dev/null 2>&1; }

start() {
  if is_up; then log "already answering on $URL"; return; fi
  fetch
  # A fresh config each start: nothing left over from an earlier run (keystores, certificates).
  rm -rf "$RUN_DIR/config"
  mkdir -p "$RUN_DIR/data" "$RUN_DIR/logs" "$RUN_DIR/config" "$RUN_DIR/tmp"
  cp -r "$ES_HOME/config/." "$RUN_DIR/config/"
  cat > "$RUN_DIR/config/elasticsearch.yml" <<YML
cluster.name: public-portal
node.name: portal-$ES_PORT
path.data: $RUN_DIR/data
path.logs: $RUN_DIR/logs
network.host: 127.0.0.1
http.port: $ES_PORT
transport.port: $((ES_PORT + 100))
discovery.type: single-node
xpack.security.enabled: false
action.destructive_requires_name: false
cluster.routing.allocation.disk.threshold_enabled: false
YML
  local runner=()
  if [ "$(id -u)" = 0 ]; then
    id "$ES_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
    chown -R "$ES_USER" "$RUN_DIR"
    chmod o+rx "$CACHE"
    runner=(runuser -u "$ES_USER" --)
  fi
  local jdk; jdk="$(find_jdk17)"
  log "starting on $URL (JDK $jdk, heap $ES_HEAP)"
  "${runner[@]}" env ES_JAVA_HOME="$jdk" ES_PATH_CONF="$RUN_DIR/config" ES_TMPDIR="$RUN_DIR/tmp" \
    ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" \
    "$ES_HOME/bin/elasticsearch" -d -p "$PID_FILE"
  for _ in $(seq 1 120); do
    if curl -fsS "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; then
      log "healthy on $URL"; return
    fi
    sleep 1
  done
  log "did not become healthy in 120 s; last log lines:"
  tail -n 40 "$RUN_DIR/logs/public-portal.log" >&2 || true
  exit 1
}

stop() {
  if [ -f "$PID_FILE" ]; then
    local pid; pid="$(cat "$PID_FILE")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$PID_FILE"
    log "stopped"
  fi
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  status) if is_up; then curl -fsS "$URL"; else log "not running on $URL"; exit 1; fi ;;
  *) echo "usage: $0 fetch|start|stop|status" >&2; exit 2 ;;
esac

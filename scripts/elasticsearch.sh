#!/usr/bin/env bash
# Fetch, start, stop a throwaway single-node Elasticsearch 8 on loopback.
#
# The server is the official integration-test distribution from Maven Central,
# cached outside git so a fresh clone does not download it again. Elasticsearch
# refuses to run as root, so when we are root it runs as a dedicated system user.
# That distribution has no analysis-common module, so `fetch` also builds and
# installs search/es-analysis-plugin (asciifolding, ngram, edge_ngram, stemmer,
# spanish, english), again only when its sources changed.
#
#   scripts/elasticsearch.sh fetch|start|stop|status
#
# Environment: ES_VERSION (8.x), ES_PORT (default 9200), ES_HEAP (default 512m),
# PORTAL_CACHE_DIR (where the download and data live).
set -euo pipefail
source "$(dirname "$0")/common.sh"

ES_VERSION="${ES_VERSION:-8.19.21}"
ES_PORT="${ES_PORT:-9200}"
ES_HEAP="${ES_HEAP:-512m}"
ES_USER="${ES_USER:-elasticsearch}"
CACHE="$PORTAL_CACHE_DIR"
ES_HOME="$CACHE/elasticsearch-$ES_VERSION"
RUN_DIR="$CACHE/es-run-$ES_PORT"
PID_FILE="$RUN_DIR/elasticsearch.pid"
URL="http://127.0.0.1:$ES_PORT"
PLUGIN_SRC="$PROJECT_DIR/search/es-analysis-plugin"
PLUGIN_NAME=portal-analysis
PLUGIN_DIR="$ES_HOME/plugins/$PLUGIN_NAME"
PLUGIN_STAMP="$PLUGIN_DIR/.source-sha256"

log() { echo "[elasticsearch] $*" >&2; }

find_jdk17() {
  # Elasticsearch 8 is run on JDK 17 (installed when missing), whatever else the machine has.
  for candidate in /usr/lib/jvm/java-17-openjdk-* /usr/lib/jvm/temurin-17-*; do
    if [ -x "$candidate/bin/java" ]; then echo "$candidate"; return; fi
  done
}

install_tools() {
  local missing=()
  [ -n "$(find_jdk17)" ] || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null || missing+=(maven)
  command -v unzip >/dev/null || missing+=(unzip)
  command -v curl >/dev/null || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
}

fetch() {
  download
  install_plugin
}

download() {
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

plugin_source_sha() {
  (cd "$PLUGIN_SRC" && find pom.xml src -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}

install_plugin() {
  local sha; sha="$(plugin_source_sha)"
  if [ -f "$PLUGIN_STAMP" ] && [ "$(cat "$PLUGIN_STAMP")" = "$sha" ]; then return; fi
  install_tools
  local jdk; jdk="$(find_jdk17)"
  log "building and installing the $PLUGIN_NAME analysis plugin"
  JAVA_HOME="$jdk" mvn -q -B -f "$PLUGIN_SRC/pom.xml" clean package -Delasticsearch.version="$ES_VERSION"
  rm -rf "$PLUGIN_DIR"
  # The plugin tool checks the descriptor against this server and leaves the files world-readable.
  ES_JAVA_HOME="$jdk" "$ES_HOME/bin/elasticsearch-plugin" install --batch --silent "file://$PLUGIN_SRC/target/$PLUGIN_NAME.zip"
  echo "$sha" > "$PLUGIN_STAMP"
  if is_up; then log "restart Elasticsearch to load the new $PLUGIN_NAME"; fi
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
  stop
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
  status) if is_up; then curl -fsS "$URL/_cluster/health"; echo; else log "not running on $URL"; exit 1; fi ;;
  *) echo "usage: $0 fetch|start|stop|status" >&2; exit 2 ;;
esac

# Shared by the project scripts: where caches live, and the Python environment.
# Sourced, not run.

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "$(id -u)" = 0 ]; then
  PORTAL_CACHE_DIR="${PORTAL_CACHE_DIR:-/var/cache/public-portal}"
else
  PORTAL_CACHE_DIR="${PORTAL_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/public-portal}"
fi
export PORTAL_CACHE_DIR
VENV="${VENV:-$PROJECT_DIR/.venv}"
PYTHON="$VENV/bin/python"

say() { echo "==> $*" >&2; }

apt_install() {
  # Installs Debian packages when a command is missing; a no-op on a prepared machine.
  if [ "$(id -u)" != 0 ]; then
    echo "Missing: $*. Install them with your package manager (e.g. sudo apt-get install $*)." >&2
    exit 1
  fi
  say "installing $*"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

bootstrap_python() {
  # A virtualenv with the project installed; reinstalled only when pyproject.toml changes.
  command -v msgfmt >/dev/null || apt_install gettext
  local python_bin="${PYTHON_BIN:-$(command -v python3.11 || command -v python3)}"
  if ! "$python_bin" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
    echo "Python 3.11 is required (found $("$python_bin" --version 2>&1))." >&2
    exit 1
  fi
  [ -x "$PYTHON" ] || "$python_bin" -m venv "$VENV"
  local stamp="$VENV/.installed-$(sha256sum "$PROJECT_DIR/pyproject.toml" | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    say "installing Python dependencies into $VENV"
    "$PYTHON" -m pip install -q --upgrade pip
    "$PYTHON" -m pip install -q -e "$PROJECT_DIR[test]"
    rm -f "$VENV"/.installed-* && touch "$stamp"
  fi
}

bootstrap_browser() {
  # Debian's Chromium and its chromedriver for the browser tests; nothing downloads a browser.
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || apt_install chromium chromium-driver
}

bootstrap_node_tools() {
  # axe-core for the browser tests' accessibility checks, from npm at the version package-lock.json pins.
  [ -f "$PROJECT_DIR/node_modules/axe-core/axe.min.js" ] && return
  command -v npm >/dev/null || apt_install nodejs npm
  (cd "$PROJECT_DIR" && npm ci --no-audit --no-fund --loglevel=error)
}

compile_messages() {
  (cd "$PROJECT_DIR" && "$PYTHON" manage.py compilemessages --ignore=.venv -v0)
}

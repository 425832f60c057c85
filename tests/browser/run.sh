#!/usr/bin/env bash
# Browser tests of the web app: tests/browser/run.sh PREPBOT_BINARY
#
# Installs what is missing (Debian's chromium with apt, the npm packages with
# npm ci), lints web/js and these tests (npm run lint), starts the given
# prepbot binary on a free loopback port with an in-memory store (it serves its
# embedded web app), waits for /healthz, runs the tests with Node's test
# runner, stops the server and exits non-zero if the lint or a test failed.
# Screenshots and the server log go to test-artifacts/browser/.
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 PREPBOT_BINARY" >&2
  exit 2
fi
BINARY="$(realpath "$1")"
if [[ ! -x "$BINARY" ]]; then
  echo "run.sh: $1 is not an executable prepbot binary" >&2
  exit 2
fi

WEB_DIR=""
if [[ -n "${PREPBOT_WEB_DIR:-}" ]]; then WEB_DIR="$(realpath "$PREPBOT_WEB_DIR")"; fi
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ARTIFACTS="$ROOT/test-artifacts/browser"
mkdir -p "$ARTIFACTS"

as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
apt_install() {
  if [[ $apt_updated -eq 0 ]]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

# Tools: Chromium from Debian (Playwright downloads no browser here), Node and npm.
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [[ ! -x "$CHROMIUM_PATH" ]]; then
  echo "run.sh: installing Debian's chromium"
  apt_install chromium fonts-dejavu-core
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "run.sh: installing node and npm"
  apt_install nodejs npm
fi
if [[ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]]; then
  echo "run.sh: the browser tests need Node 20 or newer (playwright-core); this is $(node --version)" >&2
  exit 1
fi
if ! command -v curl >/dev/null; then
  apt_install curl ca-certificates
fi

cd "$HERE"
if [[ ! -d node_modules/playwright-core || ! -d node_modules/axe-core || ! -d node_modules/eslint \
      || ! -d node_modules/@eslint/js || ! -d node_modules/globals ]]; then
  if [[ -f package-lock.json ]]; then
    npm ci --no-audit --no-fund
  else
    npm install --no-audit --no-fund
  fi
fi

# ESLint on web/js and these tests (eslint.config.mjs). A lint failure fails
# this script, but the browser tests still run, so one run reports both.
lint_status=0
npm run --silent lint || lint_status=$?
if [[ $lint_status -eq 0 ]]; then
  echo "run.sh: lint passed (web/js, tests/browser)"
else
  echo "run.sh: lint failed (npm run lint in tests/browser); running the browser tests anyway" >&2
fi

# A free loopback port.
PORT="$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')"
URL="http://127.0.0.1:$PORT"

# PREPBOT_WEB_DIR=web serves web/ live instead of the embedded copy (for
# working on the web app without rebuilding); unset, the embedded app is tested.
SERVE_ARGS=(serve --listen "127.0.0.1:$PORT" --store sqlite::memory:)
if [[ -n "$WEB_DIR" ]]; then SERVE_ARGS+=(--web-dir "$WEB_DIR"); fi
SERVER_LOG="$ARTIFACTS/server.log"
"$BINARY" "${SERVE_ARGS[@]}" >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
stop_server() {
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
}
trap stop_server EXIT INT TERM

for _ in $(seq 1 300); do  # a sanitizer build takes seconds to load the bank and knowledge base
  if curl -sf "$URL/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "run.sh: prepbot exited before it was ready; its log:" >&2
    cat "$SERVER_LOG" >&2
    exit 1
  fi
  sleep 0.1
done
if ! curl -sf "$URL/healthz" >/dev/null 2>&1; then
  echo "run.sh: prepbot did not answer /healthz on $URL" >&2
  exit 1
fi
echo "run.sh: prepbot is serving on $URL; screenshots go to $ARTIFACTS"

status=0
PREPBOT_URL="$URL" PREPBOT_ARTIFACTS="$ARTIFACTS" CHROMIUM_PATH="$CHROMIUM_PATH" \
  node --test --test-concurrency="${BROWSER_TEST_CONCURRENCY:-2}" ./*.test.mjs || status=$?

stop_server
trap - EXIT INT TERM
if [[ $status -eq 0 && $lint_status -ne 0 ]]; then status=$lint_status; fi
exit "$status"

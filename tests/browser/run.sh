#!/usr/bin/env bash
# Browser tests of the web app: tests/browser/run.sh PREPBOT_BINARY [FAKE_LLM_BINARY]
#
# Installs what is missing (Debian's chromium with apt, the npm packages with
# npm ci), lints web/js and these tests (npm run lint), starts the given
# prepbot binary on a free loopback port with an in-memory store (it serves its
# embedded web app), waits for /healthz, runs the tests with Node's test
# runner, stops the server and exits non-zero if the lint or a test failed.
# Screenshots and the server log go to test-artifacts/browser/.
#
# With FAKE_LLM_BINARY (tests/support/fake_llm), spoken answers are tested too:
# fake_llm runs on a second free loopback port as the server's speech-to-text
# service (an OpenAI-compatible /v1/audio/transcriptions that answers any
# recording with the transcript in its directory's default.txt), prepbot gets
# `--stt openai` pointed at it, and the tests find the same transcript in
# PREPBOT_FAKE_TRANSCRIPT. Without it, voice.test.mjs skips.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 PREPBOT_BINARY [FAKE_LLM_BINARY]" >&2
  exit 2
fi
BINARY="$(realpath "$1")"
if [[ ! -x "$BINARY" ]]; then
  echo "run.sh: $1 is not an executable prepbot binary" >&2
  exit 2
fi
FAKE_LLM=""
if [[ $# -eq 2 ]]; then
  FAKE_LLM="$(realpath "$2")"
  if [[ ! -x "$FAKE_LLM" ]]; then
    echo "run.sh: $2 is not an executable fake_llm binary" >&2
    exit 2
  fi
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

free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

SERVER_PID=""
FAKE_PID=""
FAKE_DIR=""
stop_server() {
  local pid
  for pid in "$SERVER_PID" "$FAKE_PID"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  if [[ -n "$FAKE_DIR" ]]; then rm -rf "$FAKE_DIR"; fi
}
trap stop_server EXIT INT TERM

# A free loopback port.
PORT="$(free_port)"
URL="http://127.0.0.1:$PORT"

# PREPBOT_WEB_DIR=web serves web/ live instead of the embedded copy (for
# working on the web app without rebuilding); unset, the embedded app is tested.
SERVE_ARGS=(serve --listen "127.0.0.1:$PORT" --store sqlite::memory:)
if [[ -n "$WEB_DIR" ]]; then SERVE_ARGS+=(--web-dir "$WEB_DIR"); fi
SERVER_ENV=()

# The fake speech-to-text service: what it "hears" in any recording is default.txt,
# a spoken answer of about 40 words that voice.test.mjs also speaks with espeak-ng.
FAKE_TRANSCRIPT=""
if [[ -n "$FAKE_LLM" ]]; then
  FAKE_TRANSCRIPT="In my last role I owned a checkout service that was getting slow. Um, first I measured where the time went and found one query doing most of the work. Then I added an index and a small cache, and the response time dropped by half."
  FAKE_DIR="$(mktemp -d)"
  printf '%s' "$FAKE_TRANSCRIPT" >"$FAKE_DIR/default.txt"
  FAKE_PORT="$(free_port)"
  FAKE_LOG="$ARTIFACTS/fake_llm.log"
  "$FAKE_LLM" "$FAKE_PORT" test-key "$FAKE_DIR" >"$FAKE_LOG" 2>&1 &
  FAKE_PID=$!
  for _ in $(seq 1 100); do
    if curl -s -o /dev/null "http://127.0.0.1:$FAKE_PORT/stats" 2>/dev/null; then break; fi
    if ! kill -0 "$FAKE_PID" 2>/dev/null; then
      echo "run.sh: fake_llm exited before it was ready; its log:" >&2
      cat "$FAKE_LOG" >&2
      exit 1
    fi
    sleep 0.1
  done
  if ! curl -s -o /dev/null "http://127.0.0.1:$FAKE_PORT/stats" 2>/dev/null; then
    echo "run.sh: fake_llm did not answer on 127.0.0.1:$FAKE_PORT" >&2
    exit 1
  fi
  SERVE_ARGS+=(--stt openai --stt-base-url "http://127.0.0.1:$FAKE_PORT/v1" --stt-model stt-ok)
  SERVER_ENV+=(PREPBOT_STT_API_KEY=test-key)
  echo "run.sh: fake_llm (speech-to-text) is serving on 127.0.0.1:$FAKE_PORT"
fi

SERVER_LOG="$ARTIFACTS/server.log"
env "${SERVER_ENV[@]}" "$BINARY" "${SERVE_ARGS[@]}" >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!

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
PREPBOT_URL="$URL" PREPBOT_ARTIFACTS="$ARTIFACTS" CHROMIUM_PATH="$CHROMIUM_PATH" PREPBOT_FAKE_TRANSCRIPT="$FAKE_TRANSCRIPT" \
  node --test --test-concurrency="${BROWSER_TEST_CONCURRENCY:-2}" ./*.test.mjs || status=$?

stop_server
trap - EXIT INT TERM
if [[ $status -eq 0 && $lint_status -ne 0 ]]; then status=$lint_status; fi
exit "$status"

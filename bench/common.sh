# Shared by the bench scripts (sourced): build the release binary, pick free
# loopback ports, start servers and wait until they answer.

build_release() {
  scripts/deps.sh test
  cmake --preset release >/dev/null
  cmake --build --preset release >/dev/null
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# wait_for URL: until it answers 200, for up to 5 s.
wait_for() {
  for _ in $(seq 100); do curl -fs "$1" >/dev/null && return 0; sleep 0.05; done
  echo "bench: $1 did not answer" >&2
  return 1
}

# start_prepbot PORT LOGFILE ARGS…: serves on 127.0.0.1:PORT with rate limiting
# and the per-client connection cap off (all load comes from one address); sets $server_pid.
start_prepbot() {
  local port=$1 log=$2
  shift 2
  build/release/src/prepbot serve --listen "127.0.0.1:$port" --rate-limit 0 --max-client-connections 0 "$@" 2>"$log" &
  server_pid=$!
  wait_for "http://127.0.0.1:$port/healthz"
}

#!/usr/bin/env bash
# Full interview sessions per second (bench/session_load, 8 clients) for:
#   one instance on SQLite, one on PostgreSQL, two on PostgreSQL behind nginx
#   (deploy/nginx/prepbot.conf with the bench's ports), in one run.
# PostgreSQL is a throwaway cluster (tests/support/postgres_cluster.sh) with its
# default durability settings (fsync on, synchronous_commit on).
#   bench/scaleout.sh              # 10 s per measurement
#   BENCH_SECONDS=5 BENCH_CLIENTS=16 bench/scaleout.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
[[ ${BENCH_BUILT:-} == 1 ]] || build_release

seconds=${BENCH_SECONDS:-10}
clients=${BENCH_CLIENTS:-8}
work=$(mktemp -d)
chmod 755 "$work"
pids=()
cleanup() {
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  tests/support/postgres_cluster.sh stop "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT

postgres=$(tests/support/postgres_cluster.sh start "$work/pg")

measure() {  # measure LABEL BASE_URL
  printf '%-44s %s\n' "$1" "$(build/release/bench/session_load "$2" "$clients" "$seconds" || true)"
}

port=$(free_port)
start_prepbot "$port" "$work/sqlite.log" --store "sqlite:$work/bench.db"
pids+=("$server_pid")
measure "1 instance, SQLite, $clients clients" "http://127.0.0.1:$port"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true

ports=()
for instance in 1 2; do
  ports+=("$(free_port)")
  start_prepbot "${ports[-1]}" "$work/pg$instance.log" --store "$postgres" --trusted-proxies 127.0.0.1
  pids+=("$server_pid")
done
measure "1 instance, PostgreSQL, $clients clients" "http://127.0.0.1:${ports[0]}"

# nginx running the deployment's site file, pointed at the two instances.
nginx_port=$(free_port)
mkdir "$work/nginx"
tests/support/nginx_config.sh "$work/nginx" "$nginx_port" "${ports[@]}"
/usr/sbin/nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
pids+=("$!")
wait_for "http://127.0.0.1:$nginx_port/healthz"
measure "2 instances, PostgreSQL, nginx, $clients clients" "http://127.0.0.1:$nginx_port"

#!/usr/bin/env bash
# Cold start-up of the release server: STARTUP_RUNS starts (10 unless set), each in
# an empty directory (a new SQLite file) on a free loopback port. Prints the
# start-up time the server logs ("startup_ms": from its first line to ready) and
# its resident memory once ready, as min / median / max. The budget is 500 ms.
#   bench/startup.sh
#   STARTUP_RUNS=20 bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
[[ ${BENCH_BUILT:-} == 1 ]] || build_release

runs=${STARTUP_RUNS:-10}
binary=$PWD/build/release/src/prepbot
times=() memory=()
for _ in $(seq "$runs"); do
  work=$(mktemp -d)
  (cd "$work" && exec "$binary" serve --listen "127.0.0.1:$(free_port)" >"$work/log" 2>&1) &
  pid=$!
  for _ in $(seq 200); do grep -qs 'startup_ms=' "$work/log" && break; sleep 0.05; done
  ms=$(grep -o 'startup_ms=[0-9]*' "$work/log" | cut -d= -f2 || true)
  kb=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$work"
  if [[ -z $ms || -z $kb ]]; then
    echo "bench: the server did not report start-up" >&2
    exit 1
  fi
  times+=("$ms") memory+=("$((kb / 1024))")
done

# min / median / max of the arguments
spread() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {printf "%s / %s / %s", v[1], v[int((NR+1)/2)], v[NR]}'; }
printf '%-44s %s ms (min / median / max of %s; budget 500)\n' "cold start-up, empty directory" "$(spread "${times[@]}")" "$runs"
printf '%-44s %s MB\n' "resident memory once ready" "$(spread "${memory[@]}")"

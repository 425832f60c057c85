#!/usr/bin/env bash
# Soak: SOAK_SECONDS (default 300) of mixed traffic against one server — full
# sessions from 4 clients, GET session from wrk, summary exports — then reports
# requests, 5xx and resident memory before (after a warm-up of the same mix) and after.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
build_release
seconds=${SOAK_SECONDS:-300}
work=$(mktemp -d)
port=$(free_port)
base="http://127.0.0.1:$port"
start_prepbot "$port" "$work/server.log" --store "sqlite:$work/soak.db" --log warn
server=$server_pid
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
rss_parts() { awk '/RssAnon|RssFile/ {printf "%s %s KiB ", $1, $2}' "/proc/$server/status"; }

sid=$(curl -fs -X POST "$base/interview/start" -H 'content-type: application/json' \
  -d '{"name":"Soak","role":"backend developer","experience":"mid","mode":"technical","num_questions":3}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["session_id"])')
for q in 1 2 3; do
  curl -fs -X POST "$base/interview/session/$sid/answer" -H 'content-type: application/json' \
    -d '{"question_id":'"$q"',"answer":"First I measure, then index the column and cache hot reads; p99 fell from 900 to 90 ms."}' >/dev/null
done
curl -fs -X POST "$base/interview/session/$sid/finalize" >/dev/null

# Warm-up with every kind of request in the mix, so that caches, pools and the
# fonts the first PDF maps in have their working size before the first reading.
rss_start=$(rss)
build/release/bench/session_load "$base" 4 10 >/dev/null || true
wrk -t1 -c8 -d5s "$base/interview/session/$sid" >/dev/null
wrk -t1 -c2 -d5s "$base/interview/session/$sid/export/summary" >/dev/null
rss_before=$(rss)
parts_before=$(rss_parts)

sessions_out="$work/sessions.txt"
build/release/bench/session_load "$base" 4 "$seconds" >"$sessions_out" || true &
loader=$!
wrk -t1 -c8 -d"${seconds}s" "$base/interview/session/$sid" >"$work/wrk-get.txt" &
wrk_get=$!
wrk_export=$(wrk -t1 -c2 -d"${seconds}s" "$base/interview/session/$sid/export/summary")
wait $loader || true
wait $wrk_get || true
rss_after=$(rss)
metrics_5xx=$(curl -fs "$base/metrics" | awk '/^prepbot_http_requests_total.*status="5/ {sum += $2} END {print sum + 0}')
requests=$(curl -fs "$base/metrics" | awk '/^prepbot_http_requests_total/ {sum += $2} END {print sum}')
echo "soak: ${seconds}s, $requests requests, 5xx: ${metrics_5xx:-0}"
echo "soak: sessions: $(cat "$sessions_out")"
echo "soak: GET session: $(awk '/Requests\/sec|Non-2xx/' "$work/wrk-get.txt" | tr -s ' ' | tr '\n' ' ')"
echo "soak: exports: $(awk '/Requests\/sec|Non-2xx/' <<<"$wrk_export" | tr -s ' ' | tr '\n' ' ')"
echo "soak: resident memory ${rss_start} KiB at start, ${rss_before} KiB after the warm-up ($parts_before)"
echo "soak: resident memory ${rss_before} KiB before, ${rss_after} KiB after ($(( (rss_after - rss_before) * 100 / rss_before )) %; $(rss_parts))"

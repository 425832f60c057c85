#!/usr/bin/env bash
# PrepBot benchmarks: builds the release preset, starts the real server on a
# free loopback port (SQLite in a temporary directory) and prints a table.
#   bench/run.sh            # 10 s per measurement
#   BENCH_SECONDS=5 bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
build_release

seconds=${BENCH_SECONDS:-10}
work=$(mktemp -d)
port=$(free_port)
base="http://127.0.0.1:$port"
# Default logging (one line per request), written to a file as a service manager would.
start_prepbot "$port" "$work/server.log" --store "sqlite:$work/bench.db"
server=$server_pid
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT

session=$(curl -fs -X POST "$base/interview/start" -H 'content-type: application/json' \
  -d '{"name":"Bench","role":"backend developer","experience":"mid","mode":"technical"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["session_id"])')
curl -fs -X POST "$base/interview/session/$session/answer" -H 'content-type: application/json' \
  -d '{"question_id":1,"answer":"An index is a B-tree; writes get slower; check EXPLAIN."}' >/dev/null

printf '%-44s %s\n' "measurement" "result"
printf '%-44s %s\n' "--------------------------------------------" "------"
wrk_out=$(wrk -t2 -c32 -d"${seconds}s" --latency "$base/interview/session/$session")
rps=$(awk '/Requests\/sec/ {print $2}' <<<"$wrk_out")
p50=$(awk '$1=="50%" {print $2}' <<<"$wrk_out"); p99=$(awk '$1=="99%" {print $2}' <<<"$wrk_out")
errors=$(grep -E "Non-2xx|Socket errors" <<<"$wrk_out" | tr '\n' ' ' || true)
printf '%-44s %s req/s (p50 %s, p99 %s) %s\n' "GET session, wrk -t2 -c32" "$rps" "$p50" "$p99" "${errors:-no errors}"
for clients in 1 8; do
  out=$(build/release/bench/session_load "$base" "$clients" "$seconds" || true)
  printf '%-44s %s\n' "full sessions, $clients client(s)" "$out"
done
# Sessions of 4 questions ending with all four exports (full, summary, both again as base64):
# the first export of each session is drawn, the repeated ones come from the report cache.
for clients in 1 8; do
  out=$(build/release/bench/session_load "$base" "$clients" "$seconds" exports || true)
  printf '%-44s %s\n' "sessions with 4 exports, $clients client(s)" "$out"
done

# A finalized ten-question session to export.
started=$(curl -fs -X POST "$base/interview/start" -H 'content-type: application/json' \
  -d '{"name":"José Ñúñez 李雷","role":"backend developer","experience":"mid","mode":"mixed","num_questions":10}')
export_id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["session_id"])' "$started")
for q in $(seq 10); do
  curl -fs -X POST "$base/interview/session/$export_id/answer" -H 'content-type: application/json' \
    -d '{"question_id":'"$q"',"answer":"First I would measure, then index the lookup column and cache hot reads. For example, at my last job we cut p99 latency from 800 ms to 90 ms."}' >/dev/null
done
curl -fs -X POST "$base/interview/session/$export_id/finalize" >/dev/null
for kind in full summary; do
  wrk_out=$(wrk -t2 -c8 -d"${seconds}s" --latency "$base/interview/session/$export_id/export/$kind")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$wrk_out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$wrk_out"); p99=$(awk '$1=="99%" {print $2}' <<<"$wrk_out")
  errors=$(grep -E "Non-2xx|Socket errors" <<<"$wrk_out" | tr '\n' ' ' || true)
  printf '%-44s %s req/s (p50 %s, p99 %s) %s\n' "export $kind PDF (10 questions), wrk -c8" "$rps" "$p50" "$p99" "${errors:-no errors}"
done

# LLM coach: 500 concurrent evaluations while the (fake) LLM takes 2 s to answer each.
llm_port=$(free_port)
llm_app_port=$(free_port)
mkdir -p "$work/transcripts"  # what the fake transcription server hears in any recording
echo "I would put a token bucket per API key in Redis and answer 429 with Retry-After when it is empty." >"$work/transcripts/default.txt"
build/release/tests/fake_llm "$llm_port" bench-key "$work/transcripts" &
fake=$!
wait_for "http://127.0.0.1:$llm_port/stats"
start_prepbot "$llm_app_port" "$work/llm-server.log" --store sqlite::memory: --log warn \
  --coach openai --openai-base-url "http://127.0.0.1:$llm_port/v1" --openai-model slow-2000 --openai-api-key bench-key \
  --llm-timeout 20
llm_server=$server_pid
printf '%-44s %s\n' "LLM coach, 500 concurrent, 2 s fake LLM" "$(build/release/bench/llm_load "http://127.0.0.1:$llm_app_port" 500 || true)"
kill $llm_server 2>/dev/null; wait $llm_server 2>/dev/null || true

# Spoken answers: 50 at once while the (fake) transcription server takes 2 s for each.
espeak-ng -s 150 -w "$work/spoken.wav" -f "$work/transcripts/default.txt"
stt_app_port=$(free_port)
start_prepbot "$stt_app_port" "$work/stt-server.log" --store sqlite::memory: --log warn \
  --stt openai --stt-base-url "http://127.0.0.1:$llm_port/v1" --stt-model stt-slow-2000 --stt-api-key bench-key \
  --llm-timeout 20
stt_server=$server_pid
printf '%-44s %s\n' "spoken answers, 50 concurrent, 2 s fake STT" "$(build/release/bench/llm_load "http://127.0.0.1:$stt_app_port" 50 "$work/spoken.wav" || true)"
kill $stt_server $fake 2>/dev/null; wait $stt_server $fake 2>/dev/null || true

echo
echo "scale-out (bench/scaleout.sh):"
BENCH_BUILT=1 bench/scaleout.sh

echo
echo "cold start-up (bench/startup.sh):"
BENCH_BUILT=1 bench/startup.sh

echo
echo "offline coach, reports, delivery and profiles (Google Benchmark, median of 5 repetitions):"
for program in offline_coach_bench report_bench delivery_bench profile_bench; do
  build/release/bench/$program --benchmark_repetitions=5 --benchmark_report_aggregates_only=true 2>/dev/null |
    awk '/_median/ {printf "  %-40s %s %s (cpu %s %s)\n", $1, $2, $3, $4, $5}'
done

#!/usr/bin/env bash
# Durability: SIGKILL the server at random moments while a client streams answers,
# ROUNDS times. After every kill the database must pass PRAGMA integrity_check and
# hold every acknowledged answer (or a later attempt at the same question).
#   tests/durability/kill_test.sh PREPBOT_BINARY [ROUNDS]
set -euo pipefail
binary=$1
rounds=${2:-20}
work=$(mktemp -d)
db="$work/prepbot.db"
acks="$work/acks"
touch "$acks"
pid=""
streamer=""
cleanup() {
  [[ -n "$streamer" ]] && kill "$streamer" 2>/dev/null || true
  [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

start_server() {
  for _ in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 30000))
    "$binary" serve --listen "127.0.0.1:$port" --store "sqlite:$db" --rate-limit 0 --log warn 2>>"$work/server.log" &
    pid=$!
    for _ in $(seq 200); do
      if curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then return 0; fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.05
    done
    kill -9 "$pid" 2>/dev/null || true
  done
  echo "durability: the server did not start" >&2
  cat "$work/server.log" >&2
  exit 1
}

check() {
  local round=$1
  local integrity
  integrity=$(sqlite3 "$db" "PRAGMA integrity_check")
  if [[ "$integrity" != "ok" ]]; then
    echo "durability: round $round: integrity_check says: $integrity" >&2
    exit 1
  fi
  # The highest acknowledged attempt per (session, question) against what is stored.
  local missing
  missing=$(sort -k1,1 -k2,2n -k3,3n "$acks" | awk '{ last[$1" "$2] = $3 } END { for (k in last) print k, last[k] }' |
    while read -r sid qid acked; do
      stored=$(sqlite3 "$db" "SELECT answer FROM answers WHERE session_id = '$sid' AND question_id = $qid")
      stored_n=${stored#durability }
      if [[ -z "$stored" || "$stored_n" -lt "$acked" ]]; then echo "$sid $qid acked $acked stored '${stored}'"; fi
    done)
  if [[ -n "$missing" ]]; then
    echo "durability: round $round lost acknowledged answers:" >&2
    echo "$missing" >&2
    exit 1
  fi
}

base() { echo "http://127.0.0.1:$port"; }

for round in $(seq "$rounds"); do
  start_server
  check "$round (after restart)"
  sid=$(curl -fs -X POST "$(base)/interview/start" -H 'content-type: application/json' \
    -d '{"name":"Durability","role":"backend developer","experience":"mid","mode":"technical"}' |
    sed -n 's/.*"session_id":"\([0-9a-f-]*\)".*/\1/p')
  [[ -n "$sid" ]] || { echo "durability: start failed" >&2; exit 1; }
  (
    n=0
    while true; do
      n=$((n + 1))
      q=$(( (n % 5) + 1 ))
      if curl -fs -m 5 -X POST "$(base)/interview/session/$sid/answer" -H 'content-type: application/json' \
        -d "{\"question_id\":$q,\"answer\":\"durability $n\"}" >/dev/null 2>&1; then
        echo "$sid $q $n" >>"$acks"
      fi
    done
  ) &
  streamer=$!
  sleep "0.$((RANDOM % 8 + 2))"
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
  kill "$streamer" 2>/dev/null || true
  wait "$streamer" 2>/dev/null || true
  streamer=""
  check "$round"
done
echo "durability: $rounds rounds, $(wc -l <"$acks") acknowledged answers checked, integrity ok"

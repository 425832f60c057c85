#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a directory
# of its own, listening on 127.0.0.1 only, run by an unprivileged user.
#
#   postgres_cluster.sh start DIR   starts a cluster in DIR (created) on a free port;
#                                   prints its URL (postgresql://prepbot@127.0.0.1:PORT/prepbot)
#   postgres_cluster.sh stop DIR    stops it (the directory is left for the caller to remove)
#
# PG_SETTINGS adds server settings, e.g. PG_SETTINGS="-c fsync=off" for tests that
# do not measure durability.
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -x "$bin/initdb" ]] || { echo "postgres_cluster.sh: PostgreSQL server binaries not found (apt install postgresql)" >&2; exit 1; }

# initdb refuses to run as root: run the server as an unprivileged account then.
as_owner=()
if [[ $(id -u) -eq 0 ]]; then
  owner=postgres
  id -u "$owner" >/dev/null 2>&1 || owner=nobody
  as_owner=(runuser -u "$owner" --)
fi

command=${1:?usage: postgres_cluster.sh start|stop DIR}
dir=${2:?usage: postgres_cluster.sh start|stop DIR}

case "$command" in
  start)
    mkdir -p "$dir"
    chmod 755 "$dir"
    [[ ${#as_owner[@]} -gt 0 ]] && chown "$owner" "$dir"
    "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U prepbot --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    for attempt in 1 2 3 4 5 6 7 8; do
      port=$((20000 + RANDOM % 40000))
      if "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 30 start \
          -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c max_connections=200 ${PG_SETTINGS:-}" >/dev/null; then
        "$bin/createdb" -h 127.0.0.1 -p "$port" -U prepbot prepbot
        echo "$port" >"$dir/port"
        echo "postgresql://prepbot@127.0.0.1:$port/prepbot"
        exit 0
      fi
    done
    echo "postgres_cluster.sh: the server did not start; its log:" >&2
    cat "$dir/postgres.log" >&2
    exit 1
    ;;
  stop)
    [[ -d "$dir/data" ]] && "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: postgres_cluster.sh start|stop DIR" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster (fsync off: nothing here
# measures durability) and its URL in PREPBOT_TEST_POSTGRES_URL; removes the
# cluster afterwards.   Usage: with_postgres.sh COMMAND [ARGS…]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d /tmp/prepbot-pg-XXXXXX)
cleanup() { "$here/postgres_cluster.sh" stop "$dir"; rm -rf "$dir"; }
trap cleanup EXIT
PREPBOT_TEST_POSTGRES_URL=$(PG_SETTINGS="-c fsync=off -c full_page_writes=off" "$here/postgres_cluster.sh" start "$dir")
export PREPBOT_TEST_POSTGRES_URL
"$@"

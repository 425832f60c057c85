#!/usr/bin/env bash
# Writes an nginx configuration that runs deploy/nginx/prepbot.conf itself, with
# the caller's ports: it listens on 127.0.0.1:PORT and balances over the given
# instances; logs, pid and temporary files stay in DIR (made usable by nginx's
# workers, which run as nobody when nginx starts as root).
#   nginx_config.sh DIR PORT INSTANCE_PORT…   then: nginx -p DIR -c DIR/nginx.conf -e DIR/error.log
set -euo pipefail
dir=${1:?usage: nginx_config.sh DIR PORT INSTANCE_PORT…}
port=${2:?usage: nginx_config.sh DIR PORT INSTANCE_PORT…}
shift 2
[[ $# -gt 0 ]] || { echo "nginx_config.sh: no instance ports" >&2; exit 2; }
site="$(cd "$(dirname "$0")/../.." && pwd)/deploy/nginx/prepbot.conf"

chmod 755 "$dir"
mkdir -p -m 777 "$dir/temp"
servers=""
for instance in "$@"; do servers+="    server 127.0.0.1:$instance max_fails=1 fail_timeout=5s;\n"; done
grep -q '^    server 127\.0\.0\.1:[0-9]* ' "$site" || { echo "nginx_config.sh: $site lists no upstream server" >&2; exit 1; }
# The upstream's server lines become the instances; `listen 80;` becomes the loopback port.
awk -v servers="$servers" -v port="$port" '
  /^    server 127\.0\.0\.1:[0-9]+ / { if (!done) { printf "%s", servers; done = 1 } next }
  { sub(/listen 80;/, "listen 127.0.0.1:" port ";"); print }
' "$site" >"$dir/prepbot.conf"

cat >"$dir/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $dir/temp/body;
  proxy_temp_path $dir/temp/proxy;
  fastcgi_temp_path $dir/temp/fastcgi;
  uwsgi_temp_path $dir/temp/uwsgi;
  scgi_temp_path $dir/temp/scgi;
  include $dir/prepbot.conf;
}
CONF

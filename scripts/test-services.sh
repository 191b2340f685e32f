#!/usr/bin/env bash
# Provides the servers the tests need and prints their addresses for eval:
#   eval "$(scripts/test-services.sh)"
# MongoDB protocol: MONGODB_URI when set, else FerretDB (scripts/ferretdb.sh) on a free port.
# Redis: REDIS_URL when set, else the one on 127.0.0.1:6379 when it answers, else a redis-server of our own
# (installing Debian's package when it is missing and we may).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${MONGODB_URI:-}" ]; then
  scripts/ferretdb.sh start | sed 's/^/export /'
else
  echo "export MONGODB_URI=$MONGODB_URI"
fi

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'PING\r\n' >&3 && head -c5 <&3 | grep -q PONG) 2>/dev/null; }
if [ -n "${REDIS_URL:-}" ]; then
  echo "export REDIS_URL=$REDIS_URL"
elif answers 6379; then
  echo "export REDIS_URL=redis://127.0.0.1:6379"
else
  if ! command -v redis-server >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >&2
    else
      echo "test-services.sh: no Redis: install redis-server or set REDIS_URL" >&2; exit 1
    fi
  fi
  dir=$(mktemp -d -t redis-XXXXXX)
  redis-server --port 6390 --bind 127.0.0.1 --dir "$dir" --save '' --appendonly no --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >&2
  for _ in $(seq 1 50); do answers 6390 && break; sleep 0.1; done
  answers 6390 || { echo "test-services.sh: redis-server did not start" >&2; exit 1; }
  echo "export REDIS_URL=redis://127.0.0.1:6390 REDIS_PIDFILE=$dir/redis.pid"
fi
